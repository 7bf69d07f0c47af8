#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <memory>

namespace trh {

// What writeSnapshot() produced: the snapshot's time and label (for `import --taken-at
// --label`) and the absolute paths of the files it wrote, in import order.
struct DemoSnapshotFiles
{
    QDateTime takenAt;
    QString label;
    QStringList files;
};

// Generates a realistic, deterministic demo fleet as the real export files an administrator
// would produce for the monthly Threat Response maintenance pass (input-formats.md §2-§8),
// so that the demo goes through the normal importers and exercises them, rather than
// writing rows into the database behind their back.
//
// Four monthly snapshots (August to November 2026). The latest snapshot has exactly
// `endpoints` endpoints; earlier months have slightly fewer (the fleet grows by a few percent
// and a few machines are retired). Every endpoint keeps its name, id and traits across months;
// month-to-month changes (failures fixed or newly appearing, upgrades rolling out, coverage
// improving) are drawn from (seed, endpoint, month). Every kind of finding of
// health-rules.md is present in every snapshot once the fleet has a few dozen endpoints.
//
// Output is a pure function of (endpoints, seed, index): the generator uses its own integer
// PRNG and integer arithmetic only, so the files are byte-identical on every platform.
// Files are streamed; memory is a few bytes per endpoint.
class DemoFleet final
{
public:
    // `endpoints` is clamped to [1, 1,000,000].
    explicit DemoFleet(int endpoints = 5000, quint32 seed = 20261128);

    int snapshotCount() const; // 4 monthly snapshots

    // Number of endpoints in snapshot `index` (rows of its inventory file); 0 for a bad index.
    int endpointCount(int index) const;

    // Writes every export file of snapshot `index` (0 = oldest) into `dir` (created if
    // needed), overwriting files of the same name. Returns the files in import order; on an
    // I/O error (or a bad index) returns an empty list and sets *error (if given).
    DemoSnapshotFiles writeSnapshot(int index, const QString &dir, QString *error) const;

    // Snapshot times and labels, without writing anything.
    static QDateTime snapshotTime(int index);
    static QString snapshotLabel(int index);

private:
    // Everything derived from (endpoints, seed) once: name numbers, the showcase endpoints,
    // per-month counts. Shared so that copies of a DemoFleet are cheap.
    struct Data;
    std::shared_ptr<const Data> m_data;
};

} // namespace trh
