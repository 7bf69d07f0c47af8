#include "TestSupport.h"
#include "analysis/FindingCatalog.h"
#include "analysis/SnapshotDiff.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <tuple>

using namespace trh;

namespace {

using Ids = std::vector<std::int64_t>;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Builds exact scenarios with SQL: the rules that fill finding and endpoint_state are not
// under test here, only what the diff reads from them.
class Workspace
{
public:
    explicit Workspace(const QString &path)
    {
        m_ok = Store::open(m_db, path, Store::OpenMode::CreateOrUpgrade).ok();
    }
    bool ok() const { return m_ok; }
    Database &db() { return m_db; }

    std::int64_t snapshot(const char *takenAt, const char *label)
    {
        Statement st(m_db, "INSERT INTO snapshot(taken_at, label, imported_at) VALUES(?1, ?2, ?1)");
        st.bind(1, std::string_view(takenAt)).bind(2, std::string_view(label));
        return st.run() ? m_db.lastInsertRowId() : -1;
    }
    std::int64_t endpoint(const QString &name)
    {
        Statement st(m_db, "INSERT INTO endpoint(name_key, name) VALUES(?1, ?2)");
        st.bind(1, name.toLower()).bind(2, name);
        return st.run() ? m_db.lastInsertRowId() : -1;
    }
    bool member(std::int64_t snapshot, std::int64_t endpoint, const char *coverage = nullptr)
    {
        Statement st(m_db,
                     "INSERT INTO snapshot_endpoint(snapshot_id, endpoint_id) VALUES(?1, ?2)");
        st.bind(1, snapshot).bind(2, endpoint);
        if (!st.run())
            return false;
        if (!coverage)
            return true;
        Statement state(m_db,
                        "INSERT INTO endpoint_state(snapshot_id, endpoint_id, coverage_stage) "
                        "VALUES(?1, ?2, ?3)");
        state.bind(1, snapshot).bind(2, endpoint).bind(3, std::string_view(coverage));
        return state.run();
    }
    bool finding(std::int64_t snapshot, std::optional<std::int64_t> endpoint, const char *code,
                 std::int64_t weight = 1)
    {
        Statement st(m_db, "INSERT INTO finding(snapshot_id, endpoint_id, code, weight) "
                           "VALUES(?1, ?2, ?3, ?4)");
        st.bind(1, snapshot).bind(2, endpoint).bind(3, std::string_view(code)).bind(4, weight);
        return st.run();
    }

private:
    Database m_db;
    bool m_ok = false;
};

const CodeDiff *codeDiff(const SnapshotDiffResult &r, const char *code)
{
    for (const CodeDiff &c : r.codes) {
        if (c.code == QLatin1String(code))
            return &c;
    }
    return nullptr;
}

QJsonObject jsonCode(const QJsonObject &doc, const char *code)
{
    for (const QJsonValue &v : doc.value(s("codes")).toArray()) {
        if (v.toObject().value(s("code")).toString() == QLatin1String(code))
            return v.toObject();
    }
    return {};
}

QStringList names(const QJsonValue &list)
{
    QStringList out;
    for (const QJsonValue &v : list.toArray())
        out << v.toString();
    return out;
}

} // namespace

class TestSnapshotDiff : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::int64_t m_s1 = 0, m_s2 = 0, m_s3 = 0;
    std::int64_t m_a = 0, m_b = 0, m_c = 0, m_d = 0, m_e = 0, m_f = 0, m_g = 0;

private slots:
    // Snapshot 1: A B C D (A, B covered).  Snapshot 2: A B C E F G (A B F G covered): D
    // removed, E F G added.  Snapshot 3: A only, no endpoint_state rows.
    void initTestCase()
    {
        m_ws = std::make_unique<Workspace>(m_dir.filePath(s("diff.trdb")));
        QVERIFY(m_ws->ok());
        Workspace &w = *m_ws;
        QVERIFY(w.db().exec("BEGIN"));
        m_s1 = w.snapshot("2026-10-27T09:00:00Z", "October");
        m_s2 = w.snapshot("2026-11-27T09:00:00Z", "November");
        m_s3 = w.snapshot("2026-12-27T09:00:00Z", "");
        m_a = w.endpoint(s("WS-Alpha"));
        m_b = w.endpoint(s("WS-Bravo"));
        m_c = w.endpoint(s("WS-Charlie"));
        m_d = w.endpoint(s("WS-Delta"));
        m_e = w.endpoint(s("WS-Echo"));
        m_f = w.endpoint(s("WS-Foxtrot"));
        m_g = w.endpoint(s("WS-Golf"));
        QVERIFY(w.member(m_s1, m_a, "covered") && w.member(m_s1, m_b, "covered") &&
                w.member(m_s1, m_c, "unhealthy") && w.member(m_s1, m_d, "no_profile"));
        QVERIFY(w.member(m_s2, m_a, "covered") && w.member(m_s2, m_b, "covered") &&
                w.member(m_s2, m_c, "unhealthy") && w.member(m_s2, m_e, "no_data") &&
                w.member(m_s2, m_f, "covered") && w.member(m_s2, m_g, "covered"));
        QVERIFY(w.member(m_s3, m_a));

        // health.dec: A B D -> B C E: C and E (added) new, A recovered, B still, D removed.
        for (auto id : {m_a, m_b, m_d})
            QVERIFY(w.finding(m_s1, id, "health.dec"));
        for (auto id : {m_b, m_c, m_e})
            QVERIFY(w.finding(m_s2, id, "health.dec"));
        // health.index on D too: D counts once among snapshot 1's failures.
        QVERIFY(w.finding(m_s1, m_d, "health.index"));
        QVERIFY(w.finding(m_s2, m_c, "health.index"));
        // health.stream newly on A and C (C already failing index: counted once).
        QVERIFY(w.finding(m_s2, m_a, "health.stream"));
        QVERIFY(w.finding(m_s2, m_c, "health.stream"));
        // Several rows for one endpoint and code (one per tool) are one affected endpoint.
        QVERIFY(w.finding(m_s1, m_a, "tools.not_installed"));
        QVERIFY(w.finding(m_s1, m_a, "tools.not_installed"));
        QVERIFY(w.finding(m_s2, m_a, "tools.not_installed"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(w.finding(m_s2, m_b, "tools.not_installed"));
        QVERIFY(w.finding(m_s1, m_c, "driver.service_not_running"));
        // Aggregate exports: weights, not endpoints.
        QVERIFY(w.finding(m_s1, std::nullopt, "intel.outdated", 5));
        QVERIFY(w.finding(m_s1, std::nullopt, "intel.outdated", 7));
        QVERIFY(w.finding(m_s2, std::nullopt, "intel.outdated", 4));
        QVERIFY(w.finding(m_s2, m_f, "intel.outdated"));
        QVERIFY(w.finding(m_s1, std::nullopt, "bpf.unknown", 3));
        // A code from a newer rule set: kept, after the catalogue's codes.
        QVERIFY(w.finding(m_s2, m_g, "zz.future_rule"));
        QVERIFY(w.db().exec("COMMIT"));
    }

    void endpointsAddedAndRemoved()
    {
        QString error;
        const auto r = SnapshotDiff::compute(m_ws->db(), m_s1, m_s2, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->from, m_s1);
        QCOMPARE(r->to, m_s2);
        QCOMPARE(r->added, (Ids{m_e, m_f, m_g}));
        QCOMPARE(r->removed, (Ids{m_d}));
    }

    void perCodeCategories()
    {
        QString error;
        const auto r = SnapshotDiff::compute(m_ws->db(), m_s1, m_s2, &error);
        QVERIFY2(r, qPrintable(error));
        const CodeDiff *dec = codeDiff(*r, "health.dec");
        QVERIFY(dec);
        QCOMPARE(dec->newlyAffected, (Ids{m_c, m_e}));
        QCOMPARE(dec->recovered, (Ids{m_a})); // D disappeared: removed, not recovered
        QCOMPARE(dec->stillAffected, (Ids{m_b}));
        QVERIFY(!dec->aggregateFrom && !dec->aggregateTo);

        const CodeDiff *index = codeDiff(*r, "health.index");
        QVERIFY(index);
        QCOMPARE(index->newlyAffected, (Ids{m_c}));
        QVERIFY(index->recovered.empty());
        QVERIFY(index->stillAffected.empty());

        const CodeDiff *tools = codeDiff(*r, "tools.not_installed");
        QVERIFY(tools);
        QCOMPARE(tools->newlyAffected, (Ids{m_b}));
        QCOMPARE(tools->stillAffected, (Ids{m_a}));
        QVERIFY(tools->recovered.empty());

        const CodeDiff *driver = codeDiff(*r, "driver.service_not_running");
        QVERIFY(driver);
        QCOMPARE(driver->recovered, (Ids{m_c}));
        QVERIFY(driver->newlyAffected.empty() && driver->stillAffected.empty());
    }

    void aggregateFindingsCompareWeights()
    {
        QString error;
        const auto r = SnapshotDiff::compute(m_ws->db(), m_s1, m_s2, &error);
        QVERIFY2(r, qPrintable(error));
        const CodeDiff *intel = codeDiff(*r, "intel.outdated");
        QVERIFY(intel);
        QCOMPARE(intel->aggregateFrom, std::optional<std::int64_t>(12));
        QCOMPARE(intel->aggregateTo, std::optional<std::int64_t>(4));
        QCOMPARE(intel->newlyAffected, (Ids{m_f})); // the per-endpoint row is still per endpoint
        const CodeDiff *bpf = codeDiff(*r, "bpf.unknown");
        QVERIFY(bpf);
        QCOMPARE(bpf->aggregateFrom, std::optional<std::int64_t>(3));
        QVERIFY(!bpf->aggregateTo);
        QVERIFY(bpf->newlyAffected.empty() && bpf->recovered.empty() && bpf->stillAffected.empty());
    }

    void codesInCatalogueOrder()
    {
        QString error;
        const auto r = SnapshotDiff::compute(m_ws->db(), m_s1, m_s2, &error);
        QVERIFY2(r, qPrintable(error));
        QStringList order;
        for (const CodeDiff &cd : r->codes)
            order << cd.code;
        QCOMPARE(order,
                 (QStringList{s("health.dec"), s("health.index"), s("health.stream"),
                              s("driver.service_not_running"), s("bpf.unknown"),
                              s("tools.not_installed"), s("intel.outdated"), s("zz.future_rule")}));
    }

    void headlineCoverageAndFailures()
    {
        QString error;
        const auto r = SnapshotDiff::compute(m_ws->db(), m_s1, m_s2, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->coverageFrom, std::optional<double>(50.0)); // 2 of 4
        QCOMPARE(r->coverageTo, std::optional<double>(66.7));   // 4 of 6, one decimal
        QCOMPARE(r->failuresFrom, std::int64_t(3));             // A B D
        QCOMPARE(r->failuresTo, std::int64_t(4));               // A B C E
    }

    void noEndpointStateMeansNullCoverage()
    {
        QString error;
        const auto r = SnapshotDiff::compute(m_ws->db(), m_s2, m_s3, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->coverageFrom, std::optional<double>(66.7));
        QVERIFY(!r->coverageTo);
        QCOMPARE(r->removed, (Ids{m_b, m_c, m_e, m_f, m_g}));
        QVERIFY(r->added.empty());
        QCOMPARE(r->failuresTo, std::int64_t(0));
        // A stays and lost its stream failure: recovered; the others left the fleet.
        const CodeDiff *stream = codeDiff(*r, "health.stream");
        QVERIFY(stream);
        QCOMPARE(stream->recovered, (Ids{m_a}));
        const CodeDiff *dec = codeDiff(*r, "health.dec");
        QVERIFY(dec);
        QVERIFY(dec->recovered.empty());

        const QJsonObject cov = r->toJson(m_ws->db())
                                    .value(s("headline"))
                                    .toObject()
                                    .value(s("coverage_percent"))
                                    .toObject();
        QCOMPARE(cov.value(s("from")).toDouble(), 66.7);
        QVERIFY(cov.value(s("to")).isNull());
        QVERIFY(cov.value(s("delta")).isNull());
    }

    void unknownSnapshotIsAnError()
    {
        QString error;
        QVERIFY(!SnapshotDiff::compute(m_ws->db(), m_s1, 99, &error));
        QVERIFY2(error.contains(s("no snapshot 99")), qPrintable(error));
        error.clear();
        QVERIFY(!SnapshotDiff::compute(m_ws->db(), 98, m_s1, &error));
        QVERIFY2(error.contains(s("no snapshot 98")), qPrintable(error));
    }

    void jsonCarriesNames()
    {
        QString error;
        const auto r = SnapshotDiff::compute(m_ws->db(), m_s1, m_s2, &error);
        QVERIFY2(r, qPrintable(error));
        const QJsonObject doc = r->toJson(m_ws->db());
        QCOMPARE(doc.value(s("schema")).toString(), s("trhealth.diff/1"));
        const QJsonObject from = doc.value(s("from")).toObject();
        QCOMPARE(from.value(s("id")).toInteger(), m_s1);
        QCOMPARE(from.value(s("taken_at")).toString(), s("2026-10-27T09:00:00Z"));
        QCOMPARE(from.value(s("label")).toString(), s("October"));
        QCOMPARE(doc.value(s("to")).toObject().value(s("label")).toString(), s("November"));

        const QJsonObject ep = doc.value(s("endpoints")).toObject();
        QCOMPARE(names(ep.value(s("added"))),
                 (QStringList{s("WS-Echo"), s("WS-Foxtrot"), s("WS-Golf")}));
        QCOMPARE(names(ep.value(s("removed"))), QStringList{s("WS-Delta")});
        QCOMPARE(ep.value(s("added_count")).toInteger(), 3);
        QCOMPARE(ep.value(s("removed_count")).toInteger(), 1);

        const QJsonObject headline = doc.value(s("headline")).toObject();
        const QJsonObject cov = headline.value(s("coverage_percent")).toObject();
        QCOMPARE(cov.value(s("from")).toDouble(), 50.0);
        QCOMPARE(cov.value(s("to")).toDouble(), 66.7);
        QCOMPARE(cov.value(s("delta")).toDouble(), 16.7);
        const QJsonObject hf = headline.value(s("health_failures")).toObject();
        QCOMPARE(hf.value(s("from")).toInteger(), 3);
        QCOMPARE(hf.value(s("to")).toInteger(), 4);
        QCOMPARE(hf.value(s("delta")).toInteger(), 1);

        const QJsonObject dec = jsonCode(doc, "health.dec");
        QCOMPARE(dec.value(s("severity")).toString(), s("high"));
        const QJsonObject newly = dec.value(s("newly_affected")).toObject();
        QCOMPARE(newly.value(s("count")).toInteger(), 2);
        QCOMPARE(names(newly.value(s("endpoints"))), (QStringList{s("WS-Charlie"), s("WS-Echo")}));
        QCOMPARE(newly.value(s("added_count")).toInteger(), 1); // WS-Echo is new to the fleet
        QCOMPARE(names(dec.value(s("recovered")).toObject().value(s("endpoints"))),
                 QStringList{s("WS-Alpha")});
        QCOMPARE(dec.value(s("still_affected")).toObject().value(s("count")).toInteger(), 1);
        QCOMPARE(names(dec.value(s("still_affected")).toObject().value(s("endpoints"))),
                 QStringList{s("WS-Bravo")});

        const QJsonObject intel = jsonCode(doc, "intel.outdated");
        QCOMPARE(intel.value(s("severity")).toString(), s("medium"));
        const QJsonObject agg = intel.value(s("aggregate_weight")).toObject();
        QCOMPARE(agg.value(s("from")).toInteger(), 12);
        QCOMPARE(agg.value(s("to")).toInteger(), 4);
        QCOMPARE(agg.value(s("delta")).toInteger(), -8);
        QVERIFY(jsonCode(doc, "health.dec")
                    .value(s("aggregate_weight"))
                    .toObject()
                    .value(s("from"))
                    .isNull());

        const QJsonObject future = jsonCode(doc, "zz.future_rule");
        QVERIFY(!future.isEmpty());
        QVERIFY(future.value(s("severity")).isNull());
        QCOMPARE(names(future.value(s("newly_affected")).toObject().value(s("endpoints"))),
                 QStringList{s("WS-Golf")});
        QCOMPARE(doc.value(s("codes")).toArray().size(), 8);
    }

    // Two large snapshots built in SQL; the expected sets come from the same predicates
    // evaluated per endpoint here, independently of the diff's merge. Size:
    // TRHEALTH_DIFF_ENDPOINTS (default 200000).
    void scale()
    {
        const qint64 n = qEnvironmentVariableIsSet("TRHEALTH_DIFF_ENDPOINTS")
                             ? qEnvironmentVariable("TRHEALTH_DIFF_ENDPOINTS").toLongLong()
                             : 200000;
        QVERIFY(n >= 20000);
        const qint64 shift = n / 20; // endpoints 1..shift leave, n+1..n+shift join
        QTemporaryDir dir;
        Workspace w(dir.filePath(s("scale.trdb")));
        QVERIFY(w.ok());
        Database &db = w.db();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(db.exec("BEGIN"));
        const std::int64_t s1 = w.snapshot("2026-10-27T09:00:00Z", "big 1");
        const std::int64_t s2 = w.snapshot("2026-11-27T09:00:00Z", "big 2");
        const char *numbers = "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < ?2) ";
        {
            Statement st(db, std::string(numbers) + "INSERT INTO endpoint(id, name_key, name) "
                                                    "SELECT i, 'host-' || i, 'Host-' || i FROM n");
            st.bind(1, std::int64_t(1)).bind(2, std::int64_t(n + shift));
            QVERIFY2(st.run(), qPrintable(st.error()));
        }
        // Membership and coverage: covered unless i % 4 == 0 (snapshot 1) / i % 5 == 0 (2).
        for (const auto &[snap, lo, hi, mod] :
             {std::tuple<std::int64_t, qint64, qint64, int>{s1, 1, n, 4},
              std::tuple<std::int64_t, qint64, qint64, int>{s2, shift + 1, n + shift, 5}}) {
            Statement se(db, std::string(numbers) +
                                 "INSERT INTO snapshot_endpoint(snapshot_id, endpoint_id) "
                                 "SELECT ?3, i FROM n");
            se.bind(1, std::int64_t(lo)).bind(2, std::int64_t(hi)).bind(3, snap);
            QVERIFY2(se.run(), qPrintable(se.error()));
            Statement es(db, std::string(numbers) +
                                 "INSERT INTO endpoint_state(snapshot_id, endpoint_id, "
                                 "coverage_stage) SELECT ?3, i, CASE WHEN i % ?4 = 0 THEN "
                                 "'unhealthy' ELSE 'covered' END FROM n");
            es.bind(1, std::int64_t(lo)).bind(2, std::int64_t(hi)).bind(3, snap).bind(4, mod);
            QVERIFY2(es.run(), qPrintable(es.error()));
        }
        // Ten catalogue codes (five health.*): code k hits i when (i*7 + k) % (k + 3) == 0
        // in snapshot 1 and (i*11 + k) % (k + 4) == 0 in snapshot 2.
        const auto &catalog = findingCatalog();
        auto inFrom = [&](qint64 i, int k) { return i <= n && (i * 7 + k) % (k + 3) == 0; };
        auto inTo = [&](qint64 i, int k) {
            return i > shift && i <= n + shift && (i * 11 + k) % (k + 4) == 0;
        };
        for (int k = 0; k < 10; ++k) {
            for (const auto &[snap, lo, hi, mul, mod] :
                 {std::tuple<std::int64_t, qint64, qint64, int, int>{s1, 1, n, 7, k + 3},
                  std::tuple<std::int64_t, qint64, qint64, int, int>{s2, shift + 1, n + shift, 11,
                                                                     k + 4}}) {
                Statement st(db, std::string(numbers) +
                                     "INSERT INTO finding(snapshot_id, endpoint_id, code) "
                                     "SELECT ?3, i, ?4 FROM n WHERE (i * ?5 + ?6) % ?7 = 0");
                st.bind(1, std::int64_t(lo))
                    .bind(2, std::int64_t(hi))
                    .bind(3, snap)
                    .bind(4, std::string_view(catalog[size_t(k)].code))
                    .bind(5, mul)
                    .bind(6, k)
                    .bind(7, mod);
                QVERIFY2(st.run(), qPrintable(st.error()));
            }
        }
        QVERIFY(db.exec("COMMIT"));
        qInfo("built two %lld-endpoint snapshots in %lld ms", n, timer.elapsed());

        timer.restart();
        QString error;
        const auto r = SnapshotDiff::compute(db, s1, s2, &error);
        const qint64 diffMs = timer.elapsed();
        QVERIFY2(r, qPrintable(error));
        qInfo("diff of two %lld-endpoint snapshots: %lld ms", n, diffMs);

        QCOMPARE(qint64(r->added.size()), shift);
        QCOMPARE(qint64(r->removed.size()), shift);
        QCOMPARE(r->added.front(), std::int64_t(n + 1));
        QCOMPARE(r->removed.back(), std::int64_t(shift));
        QCOMPARE(r->codes.size(), size_t(10));
        std::int64_t failFrom = 0, failTo = 0;
        for (qint64 i = 1; i <= n + shift; ++i) {
            bool hf = false, ht = false;
            for (int k = 0; k < 5; ++k) {
                hf = hf || inFrom(i, k);
                ht = ht || inTo(i, k);
            }
            failFrom += hf;
            failTo += ht;
        }
        QCOMPARE(r->failuresFrom, failFrom);
        QCOMPARE(r->failuresTo, failTo);
        for (int k = 0; k < 10; ++k) {
            const CodeDiff &cd = r->codes[size_t(k)];
            QCOMPARE(cd.code, QString::fromLatin1(catalog[size_t(k)].code));
            std::int64_t newly = 0, recovered = 0, still = 0;
            for (qint64 i = 1; i <= n + shift; ++i) {
                const bool f = inFrom(i, k), t = inTo(i, k);
                newly += t && !f;
                still += t && f;
                recovered += f && !t && i > shift;
            }
            QCOMPARE(std::int64_t(cd.newlyAffected.size()), newly);
            QCOMPARE(std::int64_t(cd.recovered.size()), recovered);
            QCOMPARE(std::int64_t(cd.stillAffected.size()), still);
            QVERIFY(std::is_sorted(cd.newlyAffected.begin(), cd.newlyAffected.end()));
        }
        auto percent = [&](qint64 lo, qint64 hi, int mod) {
            qint64 covered = 0;
            for (qint64 i = lo; i <= hi; ++i)
                covered += i % mod != 0;
            return std::round(double(covered) * 1000.0 / double(hi - lo + 1)) / 10.0;
        };
        QCOMPARE(r->coverageFrom, std::optional<double>(percent(1, n, 4)));
        QCOMPARE(r->coverageTo, std::optional<double>(percent(shift + 1, n + shift, 5)));

        // JSON lists stay bounded; the counts stay complete.
        const QJsonObject doc = r->toJson(db);
        const QJsonObject ep = doc.value(s("endpoints")).toObject();
        QCOMPARE(ep.value(s("added_count")).toInteger(), shift);
        QCOMPARE(ep.value(s("added")).toArray().size(), qsizetype(SnapshotDiffResult::kMaxListed));
        QCOMPARE(ep.value(s("added")).toArray().first().toString(),
                 QStringLiteral("Host-%1").arg(n + 1));
        // Every listed id got its name, across all lookup batches.
        qsizetype listed = 0;
        for (const QJsonValue &code : doc.value(s("codes")).toArray()) {
            for (const char *group : {"newly_affected", "recovered", "still_affected"}) {
                for (const QJsonValue &name : code.toObject()
                                                  .value(QLatin1String(group))
                                                  .toObject()
                                                  .value(s("endpoints"))
                                                  .toArray()) {
                    QVERIFY2(name.toString().startsWith(s("Host-")), qPrintable(name.toString()));
                    ++listed;
                }
            }
        }
        QVERIFY(listed > 5000);
        const QJsonObject first = doc.value(s("codes")).toArray().first().toObject();
        const QJsonObject newly = first.value(s("newly_affected")).toObject();
        QCOMPARE(newly.value(s("count")).toInteger(), qint64(r->codes[0].newlyAffected.size()));
        QCOMPARE(
            newly.value(s("endpoints")).toArray().size(),
            qsizetype(std::min(r->codes[0].newlyAffected.size(), SnapshotDiffResult::kMaxListed)));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
