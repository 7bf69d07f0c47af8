#pragma once

#include "FleetSummary.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace trh {

class Database;

// Which snapshot a command means: an id, or the newest by taken_at.
std::optional<std::int64_t> resolveSnapshot(Database &db, const QString &spec, QString *error);

// Builds the summary JSON of health-rules.md ("trhealth.summary/1") for one snapshot.
// A figure the snapshot's data cannot give is null, never 0.
class Summary final
{
public:
    // month: "YYYY-MM" for the alert metrics; empty = the month of the snapshot's taken_at.
    // Analyses the snapshot first if that was not done yet (which writes to the database).
    static std::optional<FleetSummary> load(Database &db, std::int64_t snapshotId,
                                            const QString &month, QString *error);
    // load() as the JSON document (FleetSummary::toJson).
    static std::optional<QJsonObject> build(Database &db, std::int64_t snapshotId,
                                            const QString &month, QString *error);
    // How each figure is computed: formula, inputs, sample size, exclusions, and why a figure
    // is null when it is.
    static std::optional<QJsonObject> explain(Database &db, std::int64_t snapshotId,
                                              QString *error);
};

} // namespace trh
