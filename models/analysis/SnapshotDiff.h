#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace trh {

class Database;

// What changed for one finding code between two snapshots. The id lists hold endpoint ids,
// sorted ascending.
struct CodeDiff
{
    QString code;
    std::vector<std::int64_t> newlyAffected; // finding in `to` only (includes added endpoints)
    std::vector<std::int64_t> recovered;     // finding in `from` only, endpoint still in `to`
    std::vector<std::int64_t> stillAffected; // finding in both
    // Aggregate exports have no endpoints: their findings (endpoint_id NULL) are compared as
    // the sum of their weights. nullopt: the snapshot has no aggregate finding of this code.
    std::optional<std::int64_t> aggregateFrom, aggregateTo;
};

struct SnapshotDiffResult
{
    std::int64_t from = 0, to = 0;
    std::vector<std::int64_t> added, removed; // endpoints present only in `to` / only in `from`
    std::vector<CodeDiff> codes; // every code present in either snapshot, catalogue order
    // Percent covered (one decimal); null when a snapshot has no endpoint_state rows.
    std::optional<double> coverageFrom, coverageTo;
    std::int64_t failuresFrom = 0, failuresTo = 0; // endpoints with any health.* finding
    // False when the snapshot's summary cannot give its health failures (health_failures.any
    // is null: no Client Extensions - Status imported): the JSON says null, not 0.
    bool failuresFromKnown = true, failuresToKnown = true;

    // The "trhealth.diff/1" document, with endpoint names for every id list (each list
    // capped at kMaxListed names; the counts are always complete).
    QJsonObject toJson(Database &db) const;

    static constexpr std::size_t kMaxListed = 1000;
};

// Compares two snapshots of one workspace. The set logic streams ordered index scans and
// merges them, so the cost is linear in the number of findings, with a constant number of
// queries per finding code.
class SnapshotDiff final
{
public:
    static std::optional<SnapshotDiffResult> compute(Database &db, std::int64_t from,
                                                     std::int64_t to, QString *error);
};

} // namespace trh
