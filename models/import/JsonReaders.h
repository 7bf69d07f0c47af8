#pragma once

#include "SourceRecords.h"

#include <QString>

class QIODevice;

// Streaming (SAX) readers for the JSON files of input-formats.md §5-§8. None of them builds
// a DOM of the whole file: memory is bounded by the largest single row / node / alert.
namespace trh {

enum class JsonKind
{
    Unknown,
    RestResultData,   // §5: {"data": {"now", "result_sets": [...]}} (or a list of such)
    GatewayEndpoints, // §6: {"data": {"endpoints": {"edges": [...]}}} (or an array of pages)
    Alerts,           // §7: [ {alert}, ... ] or {"data": [ ... ]}
    Profiles,         // §8: [ {profile}, ... ] or {"data": [ ... ]}
};

// Reads the start of `in` (a bounded amount) to tell which kind of JSON file it is. The
// device position is left wherever reading stopped: callers seek back or reopen.
// `why` receives a short explanation ("has data.result_sets") for the import report.
JsonKind sniffJsonKind(QIODevice &in, QString *why = nullptr);

ReadResult readRestResultData(QIODevice &in, TableSink &sink);
ReadResult readGatewayEndpoints(QIODevice &in, TableSink &sink);
ReadResult readAlerts(QIODevice &in, AlertSink &sink);
ReadResult readProfilesJson(QIODevice &in, ProfileSink &sink);

} // namespace trh
