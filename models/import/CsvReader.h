#pragma once

#include "SourceRecords.h"

#include <QString>

class QIODevice;

namespace trh {

// What the reader found out about a console CSV file.
struct CsvFormat
{
    QString encoding;     // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE"
    char delimiter = ','; // ',', ';' or '\t', sniffed from the header line
};

// Streaming reader for Tanium Console (Interact) CSV exports, input-formats.md §2:
// RFC 4180 quoting, multi-line cells split into values (CRLF or LF), UTF-8 with or without
// BOM and UTF-16 LE/BE with BOM, delimiter sniffed from the header line. Memory stays
// bounded by the longest record, whatever the file size.
class CsvReader final
{
public:
    // Reads `in` from its current position to the end: sink.header() once with the header
    // row, then sink.row() per record. Fails on an empty file, undecodable bytes or binary
    // data, and on a damaged file (input-formats.md, "Damaged CSV"): a quoted cell never
    // closed, text after a closing quote, or a row whose number of cells differs from the
    // header's; the error names the line where the damage starts. `lenient` skips damaged
    // rows instead (each with a warning; ReadResult::skippedRecords counts them) and, for a
    // quote never closed, the rest of the file.
    static ReadResult read(QIODevice &in, TableSink &sink, CsvFormat *format = nullptr,
                           bool lenient = false);
};

} // namespace trh
