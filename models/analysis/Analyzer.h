#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace trh {

class Database;

// Runs every rule of health-rules.md over one snapshot and stores the results: the
// `finding` rows (every figure is a count over them), one `endpoint_state` row per endpoint
// (coverage stage, driver and BPF state) and the `analysis` row with the figures and their
// explanations. Runs once per snapshot, lazily (imports stay as fast as they can be), in its
// own transaction; a newer rules version recomputes.
class Analyzer final
{
public:
    static int rulesVersion();

    // Makes sure the snapshot is analysed; false and *error on failure.
    static bool ensure(Database &db, std::int64_t snapshotId, QString *error);
    // Analyses again even if it was done already.
    static bool run(Database &db, std::int64_t snapshotId, QString *error);
    // The stored {"figures": {...}, "explain": {...}} of an analysed snapshot.
    static std::optional<QJsonObject> stored(Database &db, std::int64_t snapshotId);
};

} // namespace trh
