#include "Summary.h"

#include "AlertMetrics.h"
#include "Analyzer.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>

namespace trh {
namespace {

QString q(const char *s)
{
    return QString::fromLatin1(s);
}

class SummaryBuilder
{
public:
    SummaryBuilder(Database &db, std::int64_t snapshot) : m_db(db), m_snapshot(snapshot) {}

    QString error;

    SummarySnapshot snapshotInfo()
    {
        Statement st(m_db, "SELECT s.id, s.taken_at, s.label, "
                           "(SELECT count(*) FROM source_file f WHERE f.snapshot_id = s.id), "
                           "s.complete FROM snapshot s WHERE s.id = ?1");
        st.bind(1, m_snapshot);
        if (!st.step())
            return {};
        m_takenAt = st.text(1);
        m_complete = st.int64(4) != 0;
        return {qint64(st.int64(0)), st.text(1), st.text(2), qint64(st.int64(3))};
    }

    QString takenAt() const { return m_takenAt; }
    bool complete() const { return m_complete; }

private:
    Database &m_db;
    std::int64_t m_snapshot;
    QString m_takenAt;
    bool m_complete = true;
};

} // namespace

std::optional<std::int64_t> resolveSnapshot(Database &db, const QString &spec, QString *error)
{
    if (spec.isEmpty() || spec == QLatin1String("latest")) {
        const auto id =
            db.scalarInt("SELECT id FROM snapshot ORDER BY taken_at DESC, id DESC LIMIT 1");
        if (!id)
            *error = QStringLiteral("%1: no snapshot yet — import files first").arg(db.path());
        return id;
    }
    bool ok = false;
    const qint64 id = spec.toLongLong(&ok);
    if (!ok || id <= 0) {
        *error = QStringLiteral("--snapshot %1: expected a snapshot id or \"latest\"").arg(spec);
        return std::nullopt;
    }
    Statement st(db, "SELECT id FROM snapshot WHERE id = ?1");
    st.bind(1, std::int64_t(id));
    if (!st.step()) {
        *error = QStringLiteral("%1: no snapshot %2").arg(db.path()).arg(id);
        return std::nullopt;
    }
    return id;
}

std::optional<FleetSummary> Summary::load(Database &db, std::int64_t snapshotId,
                                          const QString &month, QString *error)
{
    SummaryBuilder b(db, snapshotId);
    const SummarySnapshot snapshot = b.snapshotInfo();
    if (snapshot.id == 0) {
        *error = QStringLiteral("no snapshot %1").arg(snapshotId);
        return std::nullopt;
    }
    if (!Analyzer::ensure(db, snapshotId, error))
        return std::nullopt;
    const auto stored = Analyzer::stored(db, snapshotId);
    if (!stored) {
        *error = QStringLiteral("the analysis of snapshot %1 could not be read").arg(snapshotId);
        return std::nullopt;
    }
    // The figures the analysis stored: every key of the summary but the four set here.
    FleetSummary s = FleetSummary::fromJson(stored->value(q("figures")).toObject());
    s.valid = true;
    s.schema = q(FleetSummary::kSchema);
    s.snapshot = snapshot;
    // False when a lenient import skipped damaged rows: the figures miss those endpoints.
    s.complete = b.complete();
    // Alert metrics depend on the month asked for, so they are computed here, not stored.
    const auto alerts = AlertMetrics::compute(db, snapshotId, month, error);
    if (!alerts)
        return std::nullopt;
    s.alerts = alerts->toSummary();
    return s;
}

std::optional<QJsonObject> Summary::build(Database &db, std::int64_t snapshotId,
                                          const QString &month, QString *error)
{
    const auto s = load(db, snapshotId, month, error);
    if (!s)
        return std::nullopt;
    return s->toJson();
}

std::optional<QJsonObject> Summary::explain(Database &db, std::int64_t snapshotId, QString *error)
{
    if (!Analyzer::ensure(db, snapshotId, error))
        return std::nullopt;
    const auto stored = Analyzer::stored(db, snapshotId);
    if (!stored) {
        *error = QStringLiteral("the analysis of snapshot %1 could not be read").arg(snapshotId);
        return std::nullopt;
    }
    QJsonObject explanation = stored->value(q("explain")).toObject();
    const auto alerts = AlertMetrics::compute(db, snapshotId, QString(), error);
    if (!alerts)
        return std::nullopt;
    explanation.insert(q("alerts"), alerts->explanation);
    return explanation;
}

} // namespace trh
