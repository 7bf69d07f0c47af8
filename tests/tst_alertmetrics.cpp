#include "TestSupport.h"
#include "analysis/AlertMetrics.h"
#include "demo/DemoFleet.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <memory>

using namespace trh;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(s(iso), Qt::ISODateWithMs);
    if (!t.isValid())
        qFatal("bad test time %s", iso);
    return t.toUTC();
}

// base + minutes, spelled the way TR writes times ("2026-11-03T14:22:05.123Z").
QString plus(const char *base, qint64 minutes)
{
    return utc(base).addSecs(minutes * 60).toString(Qt::ISODateWithMs);
}

// One alert as the TR API returns it (input-formats.md §7); empty fields are left out.
struct Alert
{
    int id = 0;
    QString state, created, acked, updated, resolved;
    QString computer = QStringLiteral("ws-001.corp.example");
    QString severity = QStringLiteral("high");
};

Alert alert(int id, const char *state, const QString &created)
{
    Alert a;
    a.id = id;
    a.state = s(state);
    a.created = created;
    a.updated = created;
    return a;
}

// TR 4.x wraps the list in {"data": [...]} and has ackedAt; 3.x is a bare array with a
// `details` string.
QByteArray alertsJson(const std::vector<Alert> &alerts, bool v4 = true)
{
    QJsonArray list;
    for (const Alert &a : alerts) {
        QJsonObject o{
            {s("id"), a.id},
            {s("guid"),
             QStringLiteral("00000000-0000-4000-8000-%1").arg(a.id, 12, 10, QLatin1Char('0'))},
            {s("state"), a.state},
            {s("type"), s("detect.match")},
            {s("priority"), a.severity},
            {s("severity"), a.severity},
            {s("intelDocId"), 42},
            {s("computerName"), a.computer},
            {s("computerIpAddress"), s("10.0.0.15")}};
        const std::pair<const char *, QString> times[] = {{"createdAt", a.created},
                                                          {"alertedAt", a.created},
                                                          {"updatedAt", a.updated},
                                                          {"ackedAt", a.acked},
                                                          {"resolvedAt", a.resolved}};
        for (const auto &t : times) {
            if (!t.second.isEmpty())
                o.insert(s(t.first), t.second);
        }
        if (v4)
            o.insert(s("details"), QJsonObject{{s("match"), QJsonObject()}});
        else
            o.insert(s("details"), s("{\"match\":{}}"));
        list.append(o);
    }
    const QJsonDocument doc =
        v4 ? QJsonDocument(QJsonObject{{s("data"), list}}) : QJsonDocument(list);
    return doc.toJson();
}

// A workspace of its own for one test, fed with alert exports.
class Workspace
{
public:
    explicit Workspace(const QString &dir) : m_dir(dir)
    {
        const Store::OpenResult r =
            Store::open(m_db, QDir(dir).filePath(s("w.trdb")), Store::OpenMode::CreateOrUpgrade);
        if (!r.ok())
            qWarning() << r.error;
    }
    Database &db() { return m_db; }

    // One snapshot made of the given files; 0 (and a warning) on failure.
    std::int64_t importFiles(const QStringList &files, const QDateTime &takenAt)
    {
        ImportOptions options;
        options.takenAt = takenAt;
        const ImportResult r = workspace::importFiles(m_db, files, options);
        if (!r.ok()) {
            qWarning() << r.errors;
            return 0;
        }
        return r.snapshotId;
    }

    std::int64_t import(const QByteArray &json, const char *takenAt)
    {
        const QString path = QDir(m_dir).filePath(QStringLiteral("s%1/alerts.json").arg(++m_files));
        if (!test::writeFile(path, json))
            return 0;
        return importFiles({path}, utc(takenAt));
    }
    std::int64_t import(const std::vector<Alert> &alerts, const char *takenAt, bool v4 = true)
    {
        return import(alertsJson(alerts, v4), takenAt);
    }

    // The workspace id of TR alert `trId` (keyed by guid, as the importer does).
    std::int64_t alertId(int trId)
    {
        Statement st(m_db, "SELECT id FROM alert WHERE alert_key = ?1");
        st.bind(
            1,
            QStringLiteral("guid:00000000-0000-4000-8000-%1").arg(trId, 12, 10, QLatin1Char('0')));
        return st.step() ? st.int64(0) : 0;
    }

private:
    QString m_dir;
    Database m_db;
    int m_files = 0;
};

double value(const std::optional<double> &v)
{
    return v ? *v : -1.0;
}

// Count of an exclusion reason in the explanation of one metric; -1 if not listed.
qint64 excluded(const QJsonObject &explanation, const char *metric, const char *reason)
{
    const QJsonArray list = explanation.value(s(metric)).toObject().value(s("excluded")).toArray();
    for (const QJsonValue &e : list) {
        if (e.toObject().value(s("reason")).toString() == s(reason))
            return e.toObject().value(s("count")).toInteger(-2);
    }
    return -1;
}

qint64 excludedTotal(const QJsonObject &explanation, const char *metric)
{
    qint64 sum = 0;
    for (const QJsonValue &e :
         explanation.value(s(metric)).toObject().value(s("excluded")).toArray())
        sum += e.toObject().value(s("count")).toInteger();
    return sum;
}

QSet<std::int64_t> findingIds(const AlertMetricsResult &r, const char *code)
{
    QSet<std::int64_t> ids;
    for (const AlertFinding &f : r.findings) {
        if (f.code == s(code))
            ids.insert(f.alertId);
    }
    return ids;
}

const char *kNov27 = "2026-11-27T09:00:00Z";

#ifndef Q_OS_WIN
// Makes the C library (which Qt asks for local time) re-read TZ.
void reloadTimeZone()
{
    tzset();
}
#endif

} // namespace

class TestAlertMetrics : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    int m_n = 0;
    std::unique_ptr<Workspace> newWorkspace()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("t%1").arg(++m_n));
        QDir().mkpath(dir);
        return std::make_unique<Workspace>(dir);
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void mttiFromAckedAt()
    {
        auto w = newWorkspace();
        const char *c = "2026-11-03T10:00:00.000Z";
        Alert a1 = alert(1, "inprogress", s(c));
        a1.acked = plus(c, 120);
        Alert a2 = alert(2, "inprogress", plus(c, 60));
        a2.acked = plus(c, 60 + 240);
        const Alert a3 = alert(3, "unresolved", plus(c, 30)); // never investigated
        const std::int64_t snap = w->import({a1, a2, a3}, kNov27);
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->month, s("2026-11"));
        QVERIFY(r->hasAlertData);
        QCOMPARE(r->count, 3);
        QCOMPARE(r->mtti.n, 2);
        QCOMPARE(value(r->mtti.mean), 3.0);
        QCOMPARE(value(r->mtti.median), 3.0);
        QCOMPARE(value(r->mtti.p90), 4.0); // rank ceil(1.8) = 2
        QCOMPARE(r->mttr.n, 0);
        QVERIFY(!r->mttr.mean);
        QCOMPARE(excluded(r->explanation, "mtti_hours", "no ackedAt and never seen In Progress"),
                 1);
        QCOMPARE(r->explanation.value(s("mtti_hours")).toObject().value(s("n")).toInteger(), 2);
    }

    // The same alerts move unresolved -> inprogress -> resolved over four snapshots, which
    // are imported out of time order (ids do not follow taken_at, and the earliest In
    // Progress snapshot is neither the first nor the last one read).
    void mttiFromFirstSnapshotSeenInProgress()
    {
        auto w = newWorkspace();
        const QString c7 = s("2026-11-03T12:00:00.000Z");
        const QString c8 = s("2026-11-04T00:00:00.000Z");
        const std::int64_t nov5 = w->import(
            {alert(7, "unresolved", c7), alert(8, "unresolved", c8)}, "2026-11-05T00:00:00Z");
        Alert r7 = alert(7, "resolved", c7);
        r7.updated = s("2026-11-15T12:00:00.000Z");
        const std::int64_t nov20 =
            w->import({r7, alert(8, "inprogress", c8)}, "2026-11-20T00:00:00Z");
        const std::int64_t nov10 = w->import(
            {alert(7, "inprogress", c7), alert(8, "inprogress", c8)}, "2026-11-10T00:00:00Z");
        const std::int64_t nov15 = w->import(
            {alert(7, "inprogress", c7), alert(8, "inprogress", c8)}, "2026-11-15T00:00:00Z");
        QVERIFY(nov5 > 0 && nov20 > nov5 && nov10 > nov20 && nov15 > nov10);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), nov20, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->count, 2);
        // 7: Nov 3 12:00 -> Nov 10 00:00 = 156 h; 8: Nov 4 00:00 -> Nov 10 00:00 = 144 h (the
        // first snapshot in progress, not the Nov 15 or Nov 20 ones).
        QCOMPARE(r->mtti.n, 2);
        QCOMPARE(value(r->mtti.mean), 150.0);
        QCOMPARE(value(r->mtti.p90), 156.0);
        QCOMPARE(r->explanation.value(s("mtti_hours"))
                     .toObject()
                     .value(s("from_in_progress_snapshot"))
                     .toInteger(),
                 2);
        // Resolved from updatedAt: Nov 3 12:00 -> Nov 15 12:00 = 288 h.
        QCOMPARE(r->mttr.n, 1);
        QCOMPARE(value(r->mttr.mean), 288.0);
        QCOMPARE(r->resolvedWithoutInProgress, 0);

        // Up to and including the Nov 10 snapshot: it counts itself, not the later Nov 20.
        const auto mid = AlertMetrics::compute(w->db(), nov10, QString(), &error);
        QVERIFY2(mid, qPrintable(error));
        QCOMPARE(mid->mtti.n, 2);
        QCOMPARE(value(mid->mtti.mean), 150.0);
        QCOMPARE(mid->mttr.n, 0);

        // The first snapshot knows nothing of the later ones.
        const auto first = AlertMetrics::compute(w->db(), nov5, QString(), &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->count, 2);
        QCOMPARE(first->mtti.n, 0);
        QVERIFY(!first->mtti.mean);
    }

    void mttrFromResolvedAtElseUpdatedAt()
    {
        auto w = newWorkspace();
        const char *c = "2026-11-10T08:00:00.000Z";
        Alert a = alert(1, "resolved", s(c));
        a.acked = plus(c, 30);
        a.resolved = plus(c, 5 * 60);
        a.updated = plus(c, 50 * 60); // later edits do not move the resolution
        Alert b = alert(2, "resolved", s(c));
        b.acked = plus(c, 30);
        b.updated = plus(c, 10 * 60);
        Alert open = alert(3, "inprogress", s(c));
        open.acked = plus(c, 30);
        open.updated = plus(c, 60);
        Alert reopened = alert(4, "unresolved", s(c)); // not resolved, whatever resolvedAt says
        reopened.resolved = plus(c, 120);
        const std::int64_t snap = w->import({a, b, open, reopened}, kNov27);
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->mttr.n, 2);
        QCOMPARE(value(r->mttr.mean), 7.5);
        QCOMPARE(value(r->mttr.median), 7.5);
        QCOMPARE(value(r->mttr.p90), 10.0);
        QCOMPARE(excluded(r->explanation, "mttr_hours", "not resolved"), 1);
        QCOMPARE(
            excluded(r->explanation, "mttr_hours", "state is not resolved but resolvedAt is set"),
            1);
        QCOMPARE(r->resolvedWithoutInProgress, 0);
    }

    // Ten MTTI durations and eleven MTTR durations, computed by hand.
    void exactStatistics()
    {
        auto w = newWorkspace();
        const char *c = "2026-11-02T00:00:00.000Z";
        // MTTI hours 1..9 and 100, in scrambled order: mean 14.5, median (5 + 6) / 2 = 5.5,
        // p90 = rank ceil(0.9 * 10) = 9 -> 9 (an interpolating p90 would give 18.1).
        const int ttiHours[] = {7, 100, 3, 9, 1, 5, 2, 8, 6, 4};
        std::vector<Alert> alerts;
        for (int i = 0; i < 11; ++i) {
            const QString created = plus(c, i * 24 * 60);
            Alert a = alert(100 + i, "resolved", created);
            if (i < 10)
                a.acked = plus(qPrintable(created), ttiHours[i] * 60);
            // MTTR hours (k + 1/3) for k = 11..1: mean 6 1/3, median 6 1/3,
            // p90 = rank ceil(9.9) = 10 -> 10 1/3.
            a.resolved = plus(qPrintable(created), (11 - i) * 60 + 20);
            alerts.push_back(a);
        }
        const std::int64_t snap = w->import(alerts, kNov27);
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->count, 11);
        QCOMPARE(r->mtti.n, 10);
        QCOMPARE(value(r->mtti.mean), 14.5);
        QCOMPARE(value(r->mtti.median), 5.5);
        QCOMPARE(value(r->mtti.p90), 9.0);
        QCOMPARE(r->mttr.n, 11);
        QCOMPARE(value(r->mttr.mean), 6.0 + 1.0 / 3.0);
        QCOMPARE(value(r->mttr.median), 6.0 + 1.0 / 3.0);
        QCOMPARE(value(r->mttr.p90), 10.0 + 1.0 / 3.0);
        // The 11th alert was resolved without an ackedAt and never seen in progress.
        QCOMPARE(r->resolvedWithoutInProgress, 1);
        // Every alert of the month is either measured or excluded for a stated reason.
        QCOMPARE(r->mtti.n + excludedTotal(r->explanation, "mtti_hours"), r->count);
        QCOMPARE(r->mttr.n + excludedTotal(r->explanation, "mttr_hours"), r->count);

        // The summary rounds to two decimals.
        const QJsonObject json = r->toSummaryJson();
        const QJsonObject mttr = json.value(s("mttr_hours")).toObject();
        QCOMPARE(mttr.value(s("n")).toInteger(), 11);
        QCOMPARE(mttr.value(s("mean")).toDouble(), 6.33);
        QCOMPARE(mttr.value(s("p90")).toDouble(), 10.33);
        QCOMPARE(json.value(s("mtti_hours")).toObject().value(s("median")).toDouble(), 5.5);
        QCOMPARE(json.value(s("count")).toInteger(), 11);
        QCOMPARE(json.value(s("resolved_without_in_progress")).toInteger(), 1);
        QCOMPARE(json.value(s("stale_unresolved")).toInteger(), 0);
        QCOMPARE(json.value(s("month")).toString(), s("2026-11"));
        const QStringList keys = {s("count"),
                                  s("month"),
                                  s("mtti_hours"),
                                  s("mttr_hours"),
                                  s("resolved_without_in_progress"),
                                  s("stale_unresolved")};
        QCOMPARE(json.keys(), keys);
        QCOMPARE(mttr.keys(), (QStringList{s("mean"), s("median"), s("n"), s("p90")}));
    }

    void resolvedWithoutInProgress()
    {
        auto w = newWorkspace();
        const char *c = "2026-11-03T14:22:05.123Z";
        Alert skipped = alert(123, "resolved", s(c));
        skipped.computer = s("SRV-042.corp.example");
        skipped.updated = plus(c, 60);
        Alert acked = alert(124, "resolved", s(c));
        acked.acked = plus(c, 10);
        acked.updated = plus(c, 60);
        Alert viaHistory = alert(125, "inprogress", s(c)); // seen in progress on Nov 10
        Alert october = alert(126, "resolved", s("2026-10-20T00:00:00.000Z"));
        october.updated = s("2026-10-21T00:00:00.000Z");
        QVERIFY(w->import({alert(125, "inprogress", s(c))}, "2026-11-10T00:00:00Z") > 0);
        viaHistory.state = s("resolved");
        viaHistory.updated = plus(c, 600);
        const std::int64_t snap = w->import({skipped, acked, viaHistory, october}, kNov27);
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->count, 3);
        QCOMPARE(r->resolvedWithoutInProgress, 1);
        QCOMPARE(r->findings.size(), size_t(1));
        const AlertFinding &f = r->findings.front();
        QCOMPARE(f.code, s("alerts.skipped_in_progress"));
        QCOMPARE(f.alertId, w->alertId(123));
        QCOMPARE(f.computerName, s("SRV-042.corp.example"));
        QCOMPARE(f.detail,
                 s("alert 123 (detect.match, high) created 2026-11-03, resolved without In "
                   "Progress"));
        QCOMPARE(r->explanation.value(s("resolved_without_in_progress"))
                     .toObject()
                     .value(s("n"))
                     .toInteger(),
                 1);
    }

    // TR 3.x export (bare array). Snapshot at Nov 27 09:00 UTC.
    void staleUnresolvedAtSevenDays()
    {
        auto w = newWorkspace();
        const std::int64_t snap = w->import(
            {
                alert(1, "unresolved", s("2026-11-20T09:00:00.000Z")),      // exactly 7 days
                alert(2, "unresolved", s("2026-11-20T10:00:00.000Z")),      // 6 days 23 h
                alert(3, "unresolved", s("2026-11-20T09:00:00.001Z")),      // 1 ms short
                alert(4, "unresolved", s("2026-11-20T11:00:00.000+02:00")), // = 09:00Z
                alert(5, "unresolved", s("2026-09-01T00:00:00.000Z")),      // another month
                alert(6, "inprogress", s("2026-09-01T00:00:00.000Z")),      // being worked on
                alert(7, "resolved", s("2026-09-01T00:00:00.000Z")),
                alert(8, "Unresolved", s("2026-11-01T00:00:00.000Z")),      // case of the state
                alert(9, "unresolved", s("2026-11-01T01:00:00.000+02:00")), // Oct 31 UTC
            },
            kNov27, false);
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->staleUnresolved, 5);
        const QSet<std::int64_t> expected = {w->alertId(1), w->alertId(4), w->alertId(5),
                                             w->alertId(8), w->alertId(9)};
        QCOMPARE(findingIds(*r, "alerts.stale_unresolved"), expected);
        QCOMPARE(r->findings.size(), size_t(5));
        // The September and October alerts are stale but not alerts of November.
        QCOMPARE(r->count, 5);
        for (const AlertFinding &f : r->findings) {
            if (f.alertId == w->alertId(1)) {
                QCOMPARE(f.detail,
                         s("alert 1 (detect.match, high) created 2026-11-20, unresolved for 7 "
                           "days"));
                QCOMPARE(f.computerName, s("ws-001.corp.example"));
            }
            if (f.alertId == w->alertId(9)) // the date is the UTC one
                QCOMPARE(f.detail, s("alert 9 (detect.match, high) created 2026-10-31, "
                                     "unresolved for 26 days"));
        }
        QCOMPARE(excluded(r->explanation, "stale_unresolved", "younger than 7 days"), 2);
    }

    // TR writes UTC; a time without a zone designator must not be read in the analyst's
    // own zone.
    void timesWithoutZoneAreUtc()
    {
#ifdef Q_OS_WIN
        QSKIP("Qt takes the local zone from the Windows API there, not from TZ");
#else
        const QByteArray oldTz = qgetenv("TZ");
        const bool hadTz = qEnvironmentVariableIsSet("TZ");
        const auto restore = qScopeGuard([&] {
            if (hadTz)
                qputenv("TZ", oldTz);
            else
                qunsetenv("TZ");
            reloadTimeZone();
        });
        qputenv("TZ", "XXX-5:30"); // POSIX: UTC+5:30, needs no tz database
        reloadTimeZone();
        // Precondition: Qt does see the zone, or this test would prove nothing.
        QCOMPARE(QDateTime::fromString(s("2026-11-20T10:00:00.000"), Qt::ISODateWithMs)
                     .toUTC()
                     .toString(Qt::ISODate),
                 s("2026-11-20T04:30:00Z"));

        auto w = newWorkspace();
        Alert a = alert(1, "inprogress", s("2026-11-10T08:00:00.000"));
        a.acked = s("2026-11-10T09:00:00.000Z");
        const Alert young = alert(2, "unresolved", s("2026-11-20T10:00:00.000")); // 6 d 23 h
        const std::int64_t snap = w->import({a, young}, kNov27);
        QVERIFY(snap > 0);
        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->mtti.n, 1);
        QCOMPARE(value(r->mtti.mean), 1.0);
        QCOMPARE(r->staleUnresolved, 0);
#endif
    }

    void alertsOutsideTheMonth()
    {
        auto w = newWorkspace();
        auto acked = [](int id, const char *created) {
            Alert a = alert(id, "resolved", s(created));
            a.acked = plus(created, 60);
            a.resolved = plus(created, 120);
            return a;
        };
        const std::int64_t snap = w->import(
            {
                acked(1, "2026-10-31T23:59:59.999Z"),      // October
                acked(2, "2026-11-01T00:00:00.000Z"),      // first instant of November
                acked(3, "2026-11-30T23:59:59.999Z"),      // last instant of November
                acked(4, "2026-12-01T00:00:00.000Z"),      // December
                acked(5, "2026-11-01T01:00:00.000+02:00"), // = Oct 31 23:00Z
                alert(6, "unresolved", s("2026-10-01T00:00:00.000Z")),
            },
            "2026-12-02T00:00:00Z");
        QVERIFY(snap > 0);

        QString error;
        const auto nov = AlertMetrics::compute(w->db(), snap, s("2026-11"), &error);
        QVERIFY2(nov, qPrintable(error));
        QCOMPARE(nov->month, s("2026-11"));
        QCOMPARE(nov->count, 2);
        QCOMPARE(nov->mtti.n, 2);
        QCOMPARE(nov->mttr.n, 2);
        QCOMPARE(excluded(nov->explanation, "count", "created in another month"), 4);
        QCOMPARE(nov->staleUnresolved, 1); // the October alert, whatever the month

        // Default month: that of the snapshot (December).
        const auto dec = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(dec, qPrintable(error));
        QCOMPARE(dec->month, s("2026-12"));
        QCOMPARE(dec->count, 1);
        QCOMPARE(dec->mtti.n, 1);
        QCOMPARE(value(dec->mtti.mean), 1.0);
        QCOMPARE(dec->staleUnresolved, 1);

        QVERIFY(!AlertMetrics::compute(w->db(), snap, s("2026-13"), &error));
        QVERIFY(error.contains(s("2026-13")));
        error.clear();
        QVERIFY(!AlertMetrics::compute(w->db(), snap, s("November"), &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!AlertMetrics::compute(w->db(), snap + 100, QString(), &error));
        QVERIFY(!error.isEmpty());
    }

    void badDurationsAreExcludedAndExplained()
    {
        auto w = newWorkspace();
        const char *c = "2026-11-10T08:00:00.000Z";
        Alert good = alert(1, "resolved", s(c));
        good.acked = plus(c, 60);
        good.resolved = plus(c, 180);
        Alert skew = alert(2, "resolved", s(c));
        skew.acked = plus(c, -5);    // acknowledged before it was created
        skew.resolved = plus(c, -1); // and resolved before, too
        Alert garbled = alert(3, "resolved", s(c));
        garbled.acked = s("yesterday");
        garbled.resolved = s("2026-11-99T00:00:00.000Z");
        Alert noCreated = alert(4, "resolved", s("not a time"));
        noCreated.acked = plus(c, 60);
        const std::int64_t snap = w->import({good, skew, garbled, noCreated}, kNov27);
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->count, 3);
        QCOMPARE(excluded(r->explanation, "count", "unparsable timestamp"), 1);
        QCOMPARE(r->mtti.n, 1);
        QCOMPARE(value(r->mtti.mean), 1.0);
        QCOMPARE(excluded(r->explanation, "mtti_hours", "negative duration"), 1);
        QCOMPARE(excluded(r->explanation, "mtti_hours", "unparsable timestamp"), 1);
        QCOMPARE(r->mttr.n, 1);
        QCOMPARE(value(r->mttr.mean), 3.0);
        QCOMPARE(excluded(r->explanation, "mttr_hours", "negative duration"), 1);
        QCOMPARE(excluded(r->explanation, "mttr_hours", "unparsable timestamp"), 1);
        // An unparsable ackedAt still means the alert was acknowledged.
        QCOMPARE(r->resolvedWithoutInProgress, 0);
    }

    void noAlertDataGivesNulls()
    {
        auto w = newWorkspace();
        QVERIFY(w->import({alert(1, "unresolved", s("2026-10-01T00:00:00.000Z"))},
                          "2026-10-28T09:00:00Z") > 0);
        // A snapshot of endpoint data only: the inventory export, no alerts file.
        const std::int64_t snap = w->importFiles(
            {test::fixture(s("fleet/Get Computer Name and Computer ID and OS Platform and "
                             "Operating System and Computer Groups.csv"))},
            utc(kNov27));
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QVERIFY(!r->hasAlertData);
        QCOMPARE(r->staleUnresolved, 0); // the October snapshot's alert is not this one's
        const QJsonObject json = r->toSummaryJson();
        QCOMPARE(json.value(s("month")).toString(), s("2026-11"));
        for (const char *key : {"count", "resolved_without_in_progress", "stale_unresolved"})
            QVERIFY2(json.value(s(key)).isNull(), key);
        for (const char *metric : {"mtti_hours", "mttr_hours"}) {
            const QJsonObject m = json.value(s(metric)).toObject();
            QCOMPARE(m.size(), 4);
            for (const char *key : {"n", "mean", "median", "p90"})
                QVERIFY2(m.value(s(key)).isNull(), key);
        }
    }

    void alertsButNoneInMonthGiveZeroAndNulls()
    {
        auto w = newWorkspace();
        Alert a = alert(1, "resolved", s("2026-10-05T00:00:00.000Z"));
        a.acked = s("2026-10-05T01:00:00.000Z");
        a.resolved = s("2026-10-05T02:00:00.000Z");
        const std::int64_t snap = w->import({a}, kNov27);
        QVERIFY(snap > 0);

        QString error;
        const auto r = AlertMetrics::compute(w->db(), snap, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QVERIFY(r->hasAlertData);
        const QJsonObject json = r->toSummaryJson();
        QCOMPARE(json.value(s("count")).toInteger(-1), 0);
        QVERIFY(json.value(s("count")).isDouble());
        QCOMPARE(json.value(s("resolved_without_in_progress")).toInteger(-1), 0);
        QCOMPARE(json.value(s("stale_unresolved")).toInteger(-1), 0);
        for (const char *metric : {"mtti_hours", "mttr_hours"}) {
            const QJsonObject m = json.value(s(metric)).toObject();
            QVERIFY2(m.value(s("n")).isDouble(), metric);
            QCOMPARE(m.value(s("n")).toInteger(-1), 0);
            for (const char *key : {"mean", "median", "p90"})
                QVERIFY2(m.value(s(key)).isNull(), key);
        }
        // October has it.
        const auto oct = AlertMetrics::compute(w->db(), snap, s("2026-10"), &error);
        QVERIFY2(oct, qPrintable(error));
        QCOMPARE(oct->count, 1);
        QCOMPARE(oct->mttr.n, 1);
    }

    void historyInTimeOrder()
    {
        auto w = newWorkspace();
        const QString c = s("2026-11-03T12:00:00.000Z");
        const std::int64_t nov20 = w->import({alert(7, "resolved", c)}, "2026-11-20T00:00:00Z");
        const std::int64_t nov5 = w->import({alert(7, "unresolved", c)}, "2026-11-05T00:00:00Z");
        const std::int64_t nov10 = w->import({alert(7, "inprogress", c), alert(8, "unresolved", c)},
                                             "2026-11-10T00:00:00Z");
        QVERIFY(nov20 > 0 && nov5 > 0 && nov10 > 0);
        const std::int64_t id = w->alertId(7);
        QVERIFY(id > 0);

        using History = std::vector<std::pair<QDateTime, QString>>;
        const History all = {{utc("2026-11-05T00:00:00Z"), s("unresolved")},
                             {utc("2026-11-10T00:00:00Z"), s("inprogress")},
                             {utc("2026-11-20T00:00:00Z"), s("resolved")}};
        QCOMPARE(AlertMetrics::history(w->db(), id, nov20), all);
        const History upToNov10(all.begin(), all.begin() + 2);
        QCOMPARE(AlertMetrics::history(w->db(), id, nov10), upToNov10);
        QCOMPARE(AlertMetrics::history(w->db(), id, nov5), History(all.begin(), all.begin() + 1));
        // Alert 8 exists only on Nov 10.
        QCOMPARE(AlertMetrics::history(w->db(), w->alertId(8), nov5), History());
        QCOMPARE(AlertMetrics::history(w->db(), w->alertId(8), nov20).size(), size_t(1));
        QCOMPARE(AlertMetrics::history(w->db(), id + 1000, nov20), History());
    }

    void demoFleetNovember()
    {
        auto w = newWorkspace();
        const DemoFleet fleet(300);
        std::int64_t last = 0;
        for (int i = 0; i < fleet.snapshotCount(); ++i) {
            QString error;
            const DemoSnapshotFiles files =
                fleet.writeSnapshot(i, m_tmp.filePath(QStringLiteral("demo/s%1").arg(i)), &error);
            QVERIFY2(!files.files.isEmpty(), qPrintable(error));
            last = w->importFiles(files.files, files.takenAt);
            QVERIFY(last > 0);
        }
        QString error;
        const auto r = AlertMetrics::compute(w->db(), last, QString(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->month, s("2026-11"));
        QVERIFY(r->hasAlertData);
        QVERIFY(r->count > 0);
        QVERIFY(r->mtti.n > 0);
        QVERIFY(r->mttr.n > 0);
        QVERIFY(value(r->mtti.median) > 0.0);
        QVERIFY(value(r->mtti.p90) >= value(r->mtti.median));
        QVERIFY(r->resolvedWithoutInProgress > 0);
        QVERIFY(r->staleUnresolved > 0);
        const auto skipped = findingIds(*r, "alerts.skipped_in_progress");
        const auto stale = findingIds(*r, "alerts.stale_unresolved");
        QCOMPARE(qint64(skipped.size()), r->resolvedWithoutInProgress);
        QCOMPARE(qint64(stale.size()), r->staleUnresolved);
        for (const AlertFinding &f : r->findings)
            QVERIFY2(!f.computerName.isEmpty(), qPrintable(f.detail));
        QCOMPARE(r->mtti.n + excludedTotal(r->explanation, "mtti_hours"), r->count);
        QCOMPARE(r->mttr.n + excludedTotal(r->explanation, "mttr_hours"), r->count);
    }
};

QTEST_GUILESS_MAIN(TestAlertMetrics)
#include "tst_alertmetrics.moc"
