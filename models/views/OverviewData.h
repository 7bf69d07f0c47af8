#pragma once

#include "analysis/FleetSummary.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace trh {

struct SnapshotInfo
{
    qint64 id = 0;
    QString takenAt; // ISO 8601 UTC
    QString label;
    int files = 0;
};

// Everything the overview shows for one snapshot, loaded off the GUI thread.
struct OverviewData
{
    QString dbPath;
    QString error;                       // empty on success
    std::vector<SnapshotInfo> snapshots; // newest first
    qint64 snapshotId = 0;               // 0: the workspace has no snapshot
    qint64 previousId = 0;               // the snapshot compared with (0: none)
    FleetSummary summary;                // trhealth.summary/1; not valid before it is loaded
    FleetSummary previousSummary;        // not valid without previous
    QJsonObject explain;                 // per figure: formula, inputs, n, excluded
    QStringList sources;                 // "name (size, sha256)" per source file
};

// Opens its own connection to dbPath (so it may run on any thread), analyses the snapshot if
// that was not done yet, and reads what the overview needs. snapshotId <= 0 means the newest;
// previousId < 0 means the snapshot before it, 0 none.
OverviewData loadOverview(const QString &dbPath, qint64 snapshotId, qint64 previousId = -1);

} // namespace trh
