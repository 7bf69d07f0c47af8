#pragma once

#include "FleetSummary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace trh {

class Database;

// Sample statistics of a set of durations, in hours. With n = 0 every statistic is empty
// (the summary shows null, never 0: there is nothing to average).
struct DurationStats
{
    std::int64_t n = 0;
    std::optional<double> mean, median, p90;
};

// One alert worth a finding: `alerts.skipped_in_progress` or `alerts.stale_unresolved`.
struct AlertFinding
{
    std::int64_t alertId; // alert.id of the workspace (stable across snapshots)
    QString computerName;
    QString code;
    QString detail;
};

struct AlertMetricsResult
{
    QString month;          // "YYYY-MM"
    std::int64_t count = 0; // alerts created in the month (as seen in the snapshot)
    DurationStats mtti, mttr;
    std::int64_t resolvedWithoutInProgress = 0;
    std::int64_t staleUnresolved = 0;
    bool hasAlertData = false;          // false: the snapshot has no alert observations at all
    std::vector<AlertFinding> findings; // one per skipped / stale alert
    // Per figure ("count", "mtti_hours", "mttr_hours", "resolved_without_in_progress",
    // "stale_unresolved"): {"formula", "inputs", "n", "excluded": [{"reason", "count"}]},
    // plus "month", "snapshot_id" and "taken_at".
    QJsonObject explanation;

    // Exactly the "alerts" object of the summary JSON contract (health-rules.md); hours are
    // rounded to 2 decimals. Without alert data every figure is null, the month still set.
    QJsonObject toSummaryJson() const;
    // The same figures typed, as the summary holds them.
    AlertsSummary toSummary() const;
};

// Mean time to investigate / remediate and the alert workflow findings of one snapshot
// (health-rules.md, "Alerts: mean time to investigate / remediate").
//
// Choices the rules leave open, made here:
// - The report month's alerts are the snapshot's observations whose createdAt falls in the
//   month (UTC). An alert without a usable createdAt belongs to no month; it is reported in
//   the explanation of "count" and is not stale either (its age is unknown).
// - *Stale unresolved* is NOT limited to the report month: it counts every alert of the
//   snapshot whose state is `unresolved` and which was created 7 × 24 h or more before the
//   snapshot's taken_at. A backlog is a backlog whatever month it started in, and an alert
//   created in the last week of the month could never be stale at a mid-month snapshot.
//   The other figures (count, MTTI, MTTR, resolved without In Progress) are of the month.
// - A *resolved alert* is one whose state in this snapshot is `resolved`. Its resolved time
//   is resolvedAt, else updatedAt. An alert in another state that carries a resolvedAt (it
//   was reopened, ignored...) is not resolved; the explanation of MTTR counts them.
// - Investigated at = ackedAt when present; else the taken_at of the first snapshot (by
//   taken_at, then id, up to and including this one) that saw the alert `inprogress`. An
//   alert with an ackedAt that does not parse still counts as investigated (it was
//   acknowledged) but gives no duration: it is excluded as an unparsable timestamp.
// - Durations below zero (clock skew, bad data) and unparsable timestamps are excluded from
//   the statistics and counted in the explanation. States compare case-insensitively.
// - Timestamps are ISO 8601; one without a zone designator is taken as UTC, as TR writes UTC.
class AlertMetrics final
{
public:
    // month: "YYYY-MM" (UTC); empty = the month of the snapshot's taken_at. nullopt with
    // *error (if given) set when the snapshot does not exist, the month is malformed or the
    // database fails. Reads the snapshot's observations in one pass and the In Progress
    // history in a second query; no per-alert queries (workspaces hold ~100,000 alerts).
    static std::optional<AlertMetricsResult> compute(Database &db, std::int64_t snapshotId,
                                                     const QString &month, QString *error);

    // The state history of one alert across all snapshots up to and including snapshotId:
    // (snapshot taken_at, state) in time order (ties by snapshot id). Empty if the snapshot
    // or the alert is unknown. A NULL state is an empty string.
    static std::vector<std::pair<QDateTime, QString>> history(Database &db, std::int64_t alertId,
                                                              std::int64_t snapshotId);
};

} // namespace trh
