#pragma once

#include "SourceRecords.h"

#include <QString>

class QIODevice;

// Streaming (SAX) readers for the JSON files of input-formats.md §5-§8 and Tanium Connect's
// JSON exports. None of them builds a DOM of the whole file: memory is bounded by the
// largest single row / node / alert / record.
namespace trh {

class DatasetMapping;

enum class JsonKind
{
    Unknown,
    RestResultData,   // §5: {"data": {"now", "result_sets": [...]}} (or a list of such)
    GatewayEndpoints, // §6: {"data": {"endpoints": {"edges": [...]}}} (or an array of pages)
    Alerts,           // §7: [ {alert}, ... ], {"data": [ ... ]}, {alert} or {"data": {alert}}
    Profiles,         // §8: [ {profile}, ... ] or {"data": [ ... ]} (or one profile)
    ConnectRecords,   // Tanium Connect: [ {"Computer Name": ..., ...}, ... ] or NDJSON
};

// The first step of telling an input's format, for the importer and the preview alike: JSON
// starts with '{' or '[' after an optional UTF-8 BOM and white space (peeked, the position
// is kept); everything else is read as CSV, whose reader refuses binary data and bad
// encodings clearly (so do UTF-16 files, which are never taken for JSON).
bool startsAsJson(QIODevice &in);

// Reads the start of `in` (a bounded amount) to tell which kind of JSON file it is. The
// device position is left wherever reading stopped: callers seek back or reopen.
// `why` receives a short explanation ("has data.result_sets") for the import report.
// Connect records are recognised by `mapping` (null: the built-in one), as CSV headers are.
JsonKind sniffJsonKind(QIODevice &in, QString *why = nullptr,
                       const DatasetMapping *mapping = nullptr);

// How the import report and the preview name a kind ("REST API v2 result_data JSON").
QString jsonKindName(JsonKind kind);
// The refusal of a JSON file of no known kind, with the sniffer's `why`.
QString unknownJsonLayout(const QString &why);

ReadResult readRestResultData(QIODevice &in, TableSink &sink);
ReadResult readGatewayEndpoints(QIODevice &in, TableSink &sink);
ReadResult readAlerts(QIODevice &in, AlertSink &sink);
ReadResult readProfilesJson(QIODevice &in, ProfileSink &sink);
ReadResult readConnectRecords(QIODevice &in, TableSink &sink);

} // namespace trh
