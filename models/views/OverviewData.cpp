#include "OverviewData.h"

#include "analysis/Summary.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QLocale>

namespace trh {

OverviewData loadOverview(const QString &dbPath, qint64 snapshotId, qint64 previousId)
{
    OverviewData data;
    data.dbPath = dbPath;
    Database db;
    const Store::OpenResult opened = Store::open(db, dbPath, Store::OpenMode::Reading);
    if (!opened.ok()) {
        data.error = opened.error;
        return data;
    }
    Statement list(db, "SELECT s.id, s.taken_at, s.label, "
                       "(SELECT count(*) FROM source_file f WHERE f.snapshot_id = s.id) "
                       "FROM snapshot s ORDER BY s.taken_at DESC, s.id DESC");
    while (list.step())
        data.snapshots.push_back({list.int64(0), list.text(1), list.text(2), int(list.int64(3))});
    if (data.snapshots.empty())
        return data;
    data.snapshotId = snapshotId > 0 ? snapshotId : data.snapshots.front().id;
    if (previousId < 0) {
        // The snapshot just before the chosen one.
        for (size_t i = 0; i + 1 < data.snapshots.size(); ++i) {
            if (data.snapshots[i].id == data.snapshotId)
                data.previousId = data.snapshots[i + 1].id;
        }
    } else {
        data.previousId = previousId;
    }
    QString error;
    const auto summary = Summary::load(db, data.snapshotId, QString(), &error);
    if (!summary) {
        data.error = error;
        return data;
    }
    data.summary = *summary;
    if (const auto explain = Summary::explain(db, data.snapshotId, &error))
        data.explain = *explain;
    if (data.previousId > 0) {
        if (const auto previous = Summary::load(db, data.previousId, QString(), &error))
            data.previousSummary = *previous;
    }
    Statement files(
        db, "SELECT name, size, sha256 FROM source_file WHERE snapshot_id = ?1 ORDER BY id");
    files.bind(1, std::int64_t(data.snapshotId));
    const QLocale locale;
    while (files.step()) {
        data.sources << QCoreApplication::translate("OverviewData", "%1 (%2, SHA-256 %3)")
                            .arg(files.text(0), locale.formattedDataSize(files.int64(1)),
                                 files.text(2).left(16) + QStringLiteral("…"));
    }
    return data;
}

} // namespace trh
