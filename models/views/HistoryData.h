#pragma once

#include "analysis/FleetSummary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace trh {

// One snapshot of the workspace with its summary ("trhealth.summary/1").
struct HistoryPoint
{
    qint64 snapshotId = 0;
    QDateTime takenAt;    // UTC
    FleetSummary summary; // not valid when it could not be built
};

// Every snapshot of the workspace, oldest first, with its summary. Opens its own connection
// to dbPath (so it may run on any thread) and analyses the snapshots not analysed yet. On
// failure returns what it could read and sets *error (if given).
std::vector<HistoryPoint> loadHistory(const QString &dbPath, QString *error);

// The "trhealth.diff/1" document from snapshot `from` to snapshot `to`, through its own
// connection (any thread). An empty object and *error on failure.
QJsonObject loadDiff(const QString &dbPath, qint64 from, qint64 to, QString *error);

} // namespace trh
