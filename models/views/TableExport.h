#pragma once

#include "views/SqlTableModel.h"

#include <QString>
#include <QVariant>

#include <functional>

namespace trh {

// Export of a table's full result (every row as searched, filtered and sorted, not only the
// pages a view has loaded) to CSV and XLSX. Widget-free; runs on the calling thread, so a
// GUI calls it from a worker thread with a SqlTableRowQuery taken on the UI thread.
namespace TableExport {

// Called after every few hundred rows and at the end: rows written so far and the total
// expected (-1 if unknown). Returns false to cancel.
using Progress = std::function<bool(qint64 done, qint64 total)>;

struct Options
{
    Progress progress;     // may be empty
    qint64 totalRows = -1; // for progress only, e.g. the model's rowCount()
};

// The text of a cell as exported: NULL is empty, numbers in C locale.
QString cellText(const QVariant &value);
// Formula-injection neutralisation: text starting with = + - @, a tab or a carriage return
// gets a leading apostrophe, so a spreadsheet shows it as text instead of running it.
QString neutraliseFormula(const QString &text);
// One field of a delimited line: neutralised, then quoted (RFC 4180) when it holds the
// separator, a quote, CR or LF, or starts or ends with a space.
QString delimitedField(const QVariant &value, QChar separator);

// UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends, a header line with the titles, every
// field neutralised. The file is replaced atomically; on error or cancel it is left as it
// was. False and *error (empty when cancelled) otherwise.
bool exportCsv(const SqlTableRowQuery &query, const QString &path, const Options &options,
               QString *error);
// One worksheet: a bold, frozen header row with an autofilter, column widths from the
// contents, text as string cells (never formulas), integers and reals as numbers. At most
// 1,048,575 rows (the format's limit); a longer result is an error.
bool exportXlsx(const SqlTableRowQuery &query, const QString &path, const Options &options,
                QString *error);

// Convenience for the model's current result (call on the model's thread).
bool exportCsv(const SqlTableModel &model, const QString &path, const Options &options,
               QString *error);
bool exportXlsx(const SqlTableModel &model, const QString &path, const Options &options,
                QString *error);

} // namespace TableExport
} // namespace trh
