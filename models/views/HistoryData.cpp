#include "HistoryData.h"

#include "analysis/Analyzer.h"
#include "analysis/SnapshotDiff.h"
#include "analysis/Summary.h"
#include "store/Database.h"
#include "store/Store.h"

namespace trh {

std::vector<HistoryPoint> loadHistory(const QString &dbPath, QString *error)
{
    std::vector<HistoryPoint> points;
    Database db;
    const Store::OpenResult opened = Store::open(db, dbPath, Store::OpenMode::Reading);
    if (!opened.ok()) {
        if (error)
            *error = opened.error;
        return points;
    }
    Statement list(db, "SELECT id, taken_at FROM snapshot ORDER BY taken_at, id");
    while (list.step()) {
        HistoryPoint p;
        p.snapshotId = list.int64(0);
        p.takenAt = QDateTime::fromString(list.text(1), Qt::ISODate).toUTC();
        points.push_back(std::move(p));
    }
    if (!list.ok()) {
        if (error)
            *error = db.lastError();
        return points;
    }
    for (HistoryPoint &p : points) {
        QString why;
        const auto summary = Summary::load(db, p.snapshotId, QString(), &why);
        if (!summary) {
            if (error)
                *error = why;
            continue;
        }
        p.summary = *summary;
    }
    return points;
}

QJsonObject loadDiff(const QString &dbPath, qint64 from, qint64 to, QString *error)
{
    Database db;
    const Store::OpenResult opened = Store::open(db, dbPath, Store::OpenMode::Reading);
    if (!opened.ok()) {
        if (error)
            *error = opened.error;
        return {};
    }
    // Both snapshots must be analysed before their findings can be compared.
    for (const qint64 id : {from, to}) {
        if (!Analyzer::ensure(db, id, error))
            return {};
    }
    const auto diff = SnapshotDiff::compute(db, from, to, error);
    if (!diff)
        return {};
    return diff->toJson(db);
}

} // namespace trh
