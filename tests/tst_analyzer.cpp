#include "TestSupport.h"
#include "analysis/Analyzer.h"
#include "analysis/FindingCatalog.h"
#include "analysis/Summary.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {
QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}
} // namespace

// Edge cases of the rules, each from a few lines of CSV written here.
class TestAnalyzer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // Imports the given files (name -> content) into a new workspace; returns the summary.
    QJsonObject summaryOf(const QList<QPair<QString, QByteArray>> &files, Database &db)
    {
        const QString path = m_dir.filePath(QStringLiteral("a%1.trdb").arg(++m_n));
        if (!Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok())
            return {};
        QStringList paths;
        for (const auto &[name, content] : files) {
            const QString p = m_dir.filePath(QStringLiteral("%1/%2").arg(m_n).arg(name));
            test::writeFile(p, content);
            paths << p;
        }
        const ImportResult r = workspace::importFiles(db, paths);
        if (!r.ok()) {
            qWarning() << r.errors;
            return {};
        }
        QString error;
        const auto s = Summary::build(db, r.snapshotId, QString(), &error);
        if (!s)
            qWarning() << error;
        return s.value_or(QJsonObject());
    }

    static QByteArray cx(const QByteArray &name, const QList<QByteArrayList> &lines)
    {
        QByteArrayList d, k, v;
        for (const QByteArrayList &l : lines) {
            d << l[0];
            k << l[1];
            v << l[2];
        }
        return name + ",\"" + d.join('\n') + "\",\"" + k.join('\n') + "\",\"" + v.join('\n') +
               "\",1\n";
    }

private slots:
    void unknownAnswersAreNeverHealthy()
    {
        // Given one healthy endpoint, one pending and one with a sensor error,
        const QByteArray csv =
            "Computer Name,Domain,Key,Value,Count\n" +
            cx("ok-1", {{"threatresponse", "health_check", "ok"},
                        {"threatresponse", "applied_profile", "P"}}) +
            cx("pend-1", {{"[current result unavailable]", "[current result unavailable]",
                           "[current result unavailable]"}}) +
            cx("err-1",
               {{"threatresponse", "health_check", "ok"}, {"TSE-Error: timed out", "", ""}});
        Database db;
        const QJsonObject s =
            summaryOf({{QStringLiteral("Client Extensions - Status.csv"), csv}}, db);
        // then the unknown ones are excluded from failures and fall in no_data, never covered.
        QCOMPARE(obj(s, "health_failures").value(QStringLiteral("any")).toInt(), 0);
        QCOMPARE(obj(s, "coverage").value(QStringLiteral("no_data")).toInt(), 2);
        QCOMPARE(obj(s, "coverage").value(QStringLiteral("covered")).toInt(), 1);
        QCOMPARE(obj(s, "coverage").value(QStringLiteral("percent")).toDouble(), 33.3);
        QString error;
        const auto e = Summary::explain(db, 1, &error);
        QVERIFY(e);
        const QJsonArray excluded =
            obj(*e, "health_failures").value(QStringLiteral("excluded")).toArray();
        QCOMPARE(excluded[0].toObject().value(QStringLiteral("count")).toInt(), 2);
    }

    void healthValuesAndCaseDifferentNames()
    {
        const QByteArray csv = "Computer Name,Domain,Key,Value,Count\n" +
                               cx("Host-A", {{"DEC", "health_check", "Healthy"},
                                             {"index", "health_check", "PASSED"},
                                             {"stream", "health_check", "degraded"},
                                             {"patch", "health_check", "broken"}}) +
                               cx("host-a", {{"recorder", "health_check", "nominal"}}) +
                               cx("HOST-B", {{"recorder", "health_check", "disk full"},
                                             {"stream", "health_check", "no connection"}});
        Database db;
        const QJsonObject s =
            summaryOf({{QStringLiteral("Client Extensions - Status.csv"), csv}}, db);
        QCOMPARE(obj(s, "endpoints").value(QStringLiteral("total")).toInt(), 2); // Host-A = host-a
        const QJsonObject h = obj(s, "health_failures");
        QCOMPARE(h.value(QStringLiteral("dec")).toInt(), 0);
        QCOMPARE(h.value(QStringLiteral("stream")).toInt(), 2);
        QCOMPARE(h.value(QStringLiteral("recorder")).toInt(), 1);
        QCOMPARE(h.value(QStringLiteral("any")).toInt(), 2); // patch is not a TR domain
        Statement st(
            db, "SELECT detail FROM finding WHERE code = 'health.stream' ORDER BY endpoint_id");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("degraded"));
    }

    void platformRulesApplyOnlyWhereTheyBelong()
    {
        // A Linux endpoint that answered the driver question and a Windows one that answered
        // BPF do not count; a Windows endpoint without a driver answer is unknown.
        const QByteArray inventory =
            "Computer Name,OS Platform\nwin-1,Windows\nwin-2,Windows\nlnx-1,Linux\n";
        const QByteArray driver =
            "Computer Name,Tanium Driver Status\nwin-1,Service Status: SERVICE_RUNNING\n"
            "lnx-1,TSE-Error: No Sensor Definition for this Platform\n";
        const QByteArray bpf =
            "Computer Name,Recorder - Is BPF CO-RE Supported,Recorder - Is BPF BCC Supported\n"
            "win-1,TSE-Error: No Sensor Definition for this Platform,TSE-Error: No Sensor "
            "Definition for this Platform\n"
            "lnx-1,False,True\n";
        Database db;
        const QJsonObject s = summaryOf({{QStringLiteral("inv.csv"), inventory},
                                         {QStringLiteral("driver.csv"), driver},
                                         {QStringLiteral("bpf.csv"), bpf}},
                                        db);
        QCOMPARE(obj(s, "driver"), (QJsonObject{{QStringLiteral("running"), 1},
                                                {QStringLiteral("service_not_installed"), 0},
                                                {QStringLiteral("service_not_running"), 0},
                                                {QStringLiteral("driver_not_installed"), 0},
                                                {QStringLiteral("unknown"), 1}}));
        QCOMPARE(obj(s, "bpf").value(QStringLiteral("bcc_only")).toInt(), 1);
        QCOMPARE(obj(s, "bpf").value(QStringLiteral("core")).toInt(), 0);
        // No Client Extensions - Status: coverage, health and profiles are null, not 0.
        QVERIFY(obj(s, "coverage").value(QStringLiteral("percent")).isNull());
        QVERIFY(obj(s, "health_failures").value(QStringLiteral("any")).isNull());
        QVERIFY(obj(s, "profiles").value(QStringLiteral("no_profile")).isNull());
    }

    void aggregateOnlySnapshotGivesNullForPerEndpointRules()
    {
        const QByteArray csv =
            "Domain,Key,Value,Count\n"
            "\"recorder\nthreatresponse\",\"health_check\nhealth_check\",\"disk full\nok\",40\n"
            "\"recorder\nthreatresponse\",\"health_check\nhealth_check\",\"ok\nok\",960\n";
        Database db;
        const QJsonObject s =
            summaryOf({{QStringLiteral("Client Extensions - Status aggregate.csv"), csv}}, db);
        QCOMPARE(obj(s, "health_failures").value(QStringLiteral("recorder")).toInt(), 40);
        QCOMPARE(obj(s, "health_failures").value(QStringLiteral("any")).toInt(), 40);
        QVERIFY(obj(s, "endpoints").value(QStringLiteral("total")).isNull());
        QVERIFY(obj(s, "coverage").value(QStringLiteral("covered")).isNull());
        QVERIFY(obj(s, "profiles").value(QStringLiteral("no_profile")).isNull());
        QVERIFY(obj(s, "recorder").value(QStringLiteral("windows_not_using_driver")).isNull());
        QString error;
        const auto e = Summary::explain(db, 1, &error);
        QVERIFY(obj(*e, "coverage")
                    .value(QStringLiteral("null_reason"))
                    .toString()
                    .contains(QStringLiteral("aggregate")));
    }

    void toolsAndExtensions()
    {
        const QByteArray tools =
            "Computer Name,Tool Name,Status,Targeted Version,Installed Version\n"
            "a,\"Recorder\nIndex\",\"Installed\nInstalled\",\"3.2\n2.0\",\"3.1\n\"\n"
            "b,Recorder,Not Installed,3.2,\n"
            "c,Recorder,Installed,3.2,3.2\n";
        const QByteArray ext =
            "Computer Name,Domain,Version\na,recorder,3.2\nb,recorder,3.2\nc,recorder,3.1\n";
        Database db;
        const QJsonObject s = summaryOf({{QStringLiteral("Tools Status.csv"), tools},
                                         {QStringLiteral("Installed Extensions.csv"), ext}},
                                        db);
        const QJsonObject t = obj(s, "tools");
        // a: Recorder mismatch and Index not installed (empty version); b: not installed.
        QCOMPARE(t.value(QStringLiteral("not_installed_endpoints")).toInt(), 2);
        QCOMPARE(t.value(QStringLiteral("version_mismatch_endpoints")).toInt(), 1);
        QCOMPARE(obj(obj(t, "by_tool"), "Index").value(QStringLiteral("not_installed")).toInt(), 1);
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM finding WHERE code = 'extensions.version_outlier'")
                .value(),
            std::int64_t(1));
        Statement st(db, "SELECT detail FROM finding WHERE code = 'extensions.version_outlier'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("recorder 3.1, expected 3.2 (most common)"));
        // A configured expected version wins over the most common one.
        QVERIFY(db.exec("INSERT INTO expected_version VALUES('extension', 'recorder', '3.1')"));
        QString error;
        QVERIFY(Analyzer::run(db, 1, &error));
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM finding WHERE code = 'extensions.version_outlier'")
                .value(),
            std::int64_t(2));
    }

    void settingsInTrDomainsOnly()
    {
        const QByteArray csv =
            "Computer Name,Domain,Setting,Value\n"
            "a,\"recorder\npatch\",\"DatabaseMaxSize\nScanInterval\",\"2048\n5\"\n"
            "b,[no results],[no results],[no results]\n";
        Database db;
        summaryOf({{QStringLiteral("settings.csv"), csv}}, db);
        Statement st(db, "SELECT subject, detail FROM finding WHERE code = 'settings.non_default'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("recorder/DatabaseMaxSize"));
        QCOMPARE(st.text(1), QStringLiteral("2048"));
        QVERIFY(!st.step());
    }

    // An applied profile that is not in the imported list is profile.unknown and nothing
    // else: the group rule judges only a listed profile (it used to count it twice).
    void unlistedProfileIsUnknownOnly()
    {
        auto tr = [](const char *profile, const char *id) {
            return QList<QByteArrayList>{{"threatresponse", "health_check", "ok"},
                                         {"threatresponse", "applied_profile", profile},
                                         {"threatresponse", "applied_profile_id", id},
                                         {"threatresponse", "applied_profile_revision", "1"}};
        };
        const QByteArray status =
            "Computer Name,Domain,Key,Value,Count\n" + cx("right-1", tr("Workstations", "1")) +
            cx("wrong-1", tr("Servers", "2")) + cx("ghost-1", tr("Retired Profile", "99"));
        const QByteArray groups = "Computer Name,Computer Groups,Count\n"
                                  "right-1,Workstations,1\n"
                                  "wrong-1,Workstations,1\n"
                                  "ghost-1,Workstations,1\n";
        const QByteArray profiles = R"([
            {"name": "Workstations", "id": 1, "revision": 1, "computerGroups": ["Workstations"]},
            {"name": "Servers", "id": 2, "revision": 1, "computerGroups": ["Servers"]}])";
        Database db;
        const QJsonObject s = summaryOf({{QStringLiteral("Client Extensions - Status.csv"), status},
                                         {QStringLiteral("groups.csv"), groups},
                                         {QStringLiteral("profiles.json"), profiles}},
                                        db);
        const QJsonObject p = obj(s, "profiles");
        QCOMPARE(p.value(QStringLiteral("unknown_profile")).toInt(), 1);
        QCOMPARE(p.value(QStringLiteral("wrong_profile_for_group")).toInt(), 1);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM finding f JOIN endpoint e ON e.id = "
                              "f.endpoint_id WHERE e.name_key = 'ghost-1'")
                     .value_or(-1),
                 std::int64_t(1));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM finding WHERE code = 'profile.wrong_for_group' "
                              "AND endpoint_name = 'wrong-1'")
                     .value_or(-1),
                 std::int64_t(1));
    }

    void analysisIsStoredOnceAndRecomputedOnDemand()
    {
        const QByteArray csv = "Computer Name,Domain,Key,Value,Count\n" +
                               cx("a", {{"threatresponse", "health_check", "bad"}});
        Database db;
        summaryOf({{QStringLiteral("Client Extensions - Status.csv"), csv}}, db);
        QVERIFY(Analyzer::stored(db, 1));
        const auto before = db.scalarInt("SELECT count(*) FROM finding");
        QString error;
        QVERIFY(Analyzer::ensure(db, 1, &error));
        QVERIFY(Analyzer::run(db, 1, &error));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM finding"), before); // replaced, not doubled
        QVERIFY(Analyzer::rulesVersion() >= 1);
    }

    void summaryFindingsUseCatalogueCodes()
    {
        Database db;
        const QString path = m_dir.filePath(QStringLiteral("fleet.trdb"));
        QVERIFY(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok());
        QDir dir(test::fixture(QStringLiteral("fleet")));
        QStringList files;
        for (const QString &f : dir.entryList(QDir::Files))
            files << dir.filePath(f);
        const ImportResult r = workspace::importFiles(db, files);
        QVERIFY(r.ok());
        QString error;
        const auto s = Summary::build(db, r.snapshotId, QString(), &error);
        QVERIFY(s);
        const QJsonArray findings = s->value(QStringLiteral("findings")).toArray();
        QVERIFY(findings.size() >= 8);
        for (const QJsonValue &f : findings) {
            const QString code = f.toObject().value(QStringLiteral("code")).toString();
            const FindingKind *k = findingKind(code);
            QVERIFY2(k, qPrintable(code));
            QCOMPARE(f.toObject().value(QStringLiteral("severity")).toString(),
                     QLatin1String(severityKey(k->severity)));
            QCOMPARE(
                qint64(f.toObject().value(QStringLiteral("endpoints")).toInteger()),
                qint64(
                    db.scalarInt(("SELECT count(DISTINCT endpoint_id) FROM finding WHERE code = '" +
                                  code.toStdString() + "'")
                                     .c_str())
                        .value()));
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
