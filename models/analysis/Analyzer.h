#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace trh {

class Database;

// Runs every rule of health-rules.md over one snapshot and stores the results: the
// `finding` rows (every figure is a count over them), one `endpoint_state` row per endpoint
// (coverage stage, driver and BPF state) and the `analysis` row with the figures and their
// explanations. Runs once per snapshot: at the end of its import (Importer), else when first
// needed (ensure(), e.g. for snapshots of an older rules version, which it recomputes).
class Analyzer final
{
public:
    static int rulesVersion();

    // Makes sure the snapshot is analysed; false and *error on failure.
    static bool ensure(Database &db, std::int64_t snapshotId, QString *error);
    // Called now and then with the endpoints analysed so far and in all; return false to
    // cancel (the analysis then fails with an empty *error).
    using Progress = std::function<bool(std::int64_t done, std::int64_t total)>;

    // Analyses again even if it was done already.
    static bool run(Database &db, std::int64_t snapshotId, QString *error);
    // The same inside the caller's transaction, e.g. the import's, so that a snapshot is
    // written together with its analysis (or not at all).
    static bool runInTransaction(Database &db, std::int64_t snapshotId, QString *error,
                                 const Progress &progress = {});
    // The stored {"figures": {...}, "explain": {...}} of an analysed snapshot.
    static std::optional<QJsonObject> stored(Database &db, std::int64_t snapshotId);
};

} // namespace trh
