#include "TestSupport.h"
#include "analysis/Analyzer.h"
#include "analysis/Summary.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {

QString fleetFile(const char *name)
{
    return QDir(test::fixture(QStringLiteral("fleet"))).filePath(QString::fromUtf8(name));
}

const char *kCxFile = "Get Computer Name and Client Extensions - Status from all machines.csv";

// Every row of every table, in a stable order: equal dumps mean equal content.
QString dump(Database &db)
{
    QString out;
    Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (tables.step()) {
        const QString table = tables.text(0);
        out += QStringLiteral("## %1\n").arg(table);
        Statement rows(
            db, QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1, 2").arg(table).toStdString());
        while (rows.step()) {
            QStringList cells;
            for (int c = 0; c < rows.columnCount(); ++c)
                cells << (rows.isNull(c) ? QStringLiteral("NULL") : rows.text(c));
            out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return out;
}

QJsonObject summaryOf(Database &db, std::int64_t snapshot)
{
    QString error;
    const auto s = Summary::build(db, snapshot, QString(), &error);
    if (!s)
        qWarning() << error;
    return s.value_or(QJsonObject());
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString newDbPath() { return m_dir.filePath(QStringLiteral("w%1.trdb").arg(++m_n)); }
    bool openNew(Database &db)
    {
        return Store::open(db, newDbPath(), Store::OpenMode::CreateOrUpgrade).ok();
    }

private slots:
    void importsEveryFormatIntoOneSnapshot()
    {
        // Given the ten-endpoint fleet in every format, when imported in one run,
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(db, test::fleetFiles());
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        // then it is one snapshot with every file, hashed, and taken at the REST data.now.
        QCOMPARE(r.files.size(), size_t(9));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM snapshot").value(), std::int64_t(1));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM source_file WHERE length(sha256) = 64").value(),
                 std::int64_t(9));
        QCOMPARE(r.takenAt, QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));

        // The summary figures, worked out by hand from make_fleet_fixtures.py.
        const QJsonObject s = summaryOf(db, r.snapshotId);
        QCOMPARE(s.value(QStringLiteral("schema")).toString(),
                 QStringLiteral("trhealth.summary/1"));
        QCOMPARE(obj(s, "snapshot").value(QStringLiteral("files")).toInt(), 9);
        const QJsonObject ep = obj(s, "endpoints");
        QCOMPARE(ep.value(QStringLiteral("total")).toInt(), 10); // WIN-A and win-a are one
        QCOMPARE(obj(ep, "by_platform"), (QJsonObject{{QStringLiteral("Windows"), 5},
                                                      {QStringLiteral("Linux"), 4},
                                                      {QStringLiteral("Mac"), 1},
                                                      {QStringLiteral("Unknown"), 0}}));
        QCOMPARE(obj(s, "health_failures"), (QJsonObject{{QStringLiteral("dec"), 1},
                                                         {QStringLiteral("index"), 1},
                                                         {QStringLiteral("recorder"), 1},
                                                         {QStringLiteral("stream"), 1},
                                                         {QStringLiteral("threatresponse"), 0},
                                                         {QStringLiteral("any"), 3}}));
        QCOMPARE(obj(s, "driver"), (QJsonObject{{QStringLiteral("running"), 1},
                                                {QStringLiteral("service_not_installed"), 1},
                                                {QStringLiteral("service_not_running"), 1},
                                                {QStringLiteral("driver_not_installed"), 1},
                                                {QStringLiteral("unknown"), 1}}));
        QCOMPARE(obj(s, "bpf"), (QJsonObject{{QStringLiteral("core"), 1},
                                             {QStringLiteral("bcc_only"), 1},
                                             {QStringLiteral("unsupported"), 1},
                                             {QStringLiteral("unknown"), 1}}));
        QCOMPARE(obj(s, "recorder"),
                 (QJsonObject{{QStringLiteral("min_requirements_not_met"), 1},
                              {QStringLiteral("windows_not_using_driver"), 1}}));
        const QJsonObject tools = obj(s, "tools");
        QCOMPARE(tools.value(QStringLiteral("not_installed_endpoints")).toInt(), 1);
        QCOMPARE(tools.value(QStringLiteral("version_mismatch_endpoints")).toInt(), 1);
        QCOMPARE(
            obj(obj(tools, "by_tool"), "Driver").value(QStringLiteral("not_installed")).toInt(), 1);
        QCOMPARE(obj(obj(tools, "by_tool"), "Recorder")
                     .value(QStringLiteral("version_mismatch"))
                     .toInt(),
                 1);
        // Coverage stages (first that applies): WIN-C pending and lnx-4 error have no data,
        // Win-E has no threatresponse domain, win-b/WIN-D/lnx-2 fail a health check.
        QCOMPARE(obj(s, "coverage"), (QJsonObject{{QStringLiteral("no_data"), 2},
                                                  {QStringLiteral("not_deployed"), 1},
                                                  {QStringLiteral("no_profile"), 0},
                                                  {QStringLiteral("unhealthy"), 3},
                                                  {QStringLiteral("covered"), 4},
                                                  {QStringLiteral("percent"), 40.0}}));
        // WIN-D is in "Servers" but runs the Workstations profile; lnx-3 has revision 1 of
        // Linux Servers (current 2); mac-1 has intel 2026100 (current 2026112).
        QCOMPARE(obj(s, "profiles"), (QJsonObject{{QStringLiteral("no_profile"), 0},
                                                  {QStringLiteral("unknown_profile"), 0},
                                                  {QStringLiteral("outdated_revision"), 1},
                                                  {QStringLiteral("wrong_profile_for_group"), 1}}));
        QCOMPARE(obj(s, "intel"), (QJsonObject{{QStringLiteral("current_revision"), 2026112},
                                               {QStringLiteral("outdated"), 1}}));
        // Every figure is a count over the findings table.
        QCOMPARE(db.scalarInt(
                       "SELECT count(DISTINCT endpoint_id) FROM finding WHERE code LIKE 'health.%'")
                     .value(),
                 std::int64_t(3));
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM finding WHERE code = 'profile.wrong_for_group' AND "
                         "endpoint_id = (SELECT id FROM endpoint WHERE name_key = 'win-d')")
                .value(),
            std::int64_t(1));
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM endpoint_state WHERE coverage_stage = 'covered'")
                .value(),
            std::int64_t(4));

        // Raw text and classes are kept.
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM answer WHERE dataset = 'cx_status' AND class = 2")
                .value(),
            std::int64_t(1));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM cx_status WHERE value = 'TSE-Error: sensor "
                              "timed out' AND class = 4")
                     .value(),
                 std::int64_t(1));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM profile").value(), std::int64_t(4));
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM profile_group WHERE group_name = 'Servers'").value(),
            std::int64_t(1));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM alert_observation").value(), std::int64_t(2));
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM endpoint_group WHERE group_name = 'Linux'").value(),
            std::int64_t(4));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM installed_extension").value(), std::int64_t(5));
        Statement name(db, "SELECT name FROM endpoint WHERE name_key = 'win-a'");
        QVERIFY(name.step());
        // The first spelling seen is kept: the Client Settings file sorts first and says WIN-A.
        QCOMPARE(name.text(0), QStringLiteral("WIN-A"));
    }

    void reportsRecognitionAndClasses()
    {
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(
            db, {fleetFile(kCxFile),
                 fleetFile("Get Client Health - Client Settings from all machines.csv")});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        const FileImportReport &cx = r.files[0];
        QCOMPARE(cx.rows, std::int64_t(10));
        QCOMPARE(cx.datasets.size(), size_t(1));
        QCOMPARE(cx.datasets[0].dataset, QStringLiteral("cx_status"));
        QVERIFY2(cx.datasets[0].rule.contains(QStringLiteral("file name")),
                 qPrintable(cx.datasets[0].rule));
        QCOMPARE(cx.values[size_t(ValueClass::Pending)], std::int64_t(1));
        QCOMPARE(cx.values[size_t(ValueClass::Error)], std::int64_t(1));
        QVERIFY(cx.format.startsWith(QStringLiteral("console CSV (UTF-8")));
        const FileImportReport &settings = r.files[1];
        QCOMPARE(settings.datasets[0].dataset, QStringLiteral("client_settings"));
        QVERIFY(settings.format.contains(QStringLiteral("';'")));
        QCOMPARE(settings.values[size_t(ValueClass::NoResults)], std::int64_t(1));
        // The report is kept with the snapshot.
        Statement st(db, "SELECT report FROM source_file ORDER BY id LIMIT 1");
        QVERIFY(st.step());
        const QJsonObject kept = QJsonDocument::fromJson(st.text(0).toUtf8()).object();
        QCOMPARE(FileImportReport::fromJson(kept).rows, std::int64_t(10));
    }

    void ambiguityDecidedByKeyVocabulary()
    {
        // Given a Domain/Key/Value file whose name says nothing, the keys decide.
        const QString path = m_dir.filePath(QStringLiteral("export-1.csv"));
        QFile::copy(fleetFile(kCxFile), path);
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(db, {path});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files[0].datasets[0].dataset, QStringLiteral("cx_status"));
        QVERIFY2(r.files[0].datasets[0].rule.contains(QStringLiteral("key vocabulary")),
                 qPrintable(r.files[0].datasets[0].rule));
    }

    void ambiguitySettingsByVocabularyAbsence()
    {
        const QString path = m_dir.filePath(QStringLiteral("export-2.csv"));
        QVERIFY(test::writeFile(
            path, "Computer Name,Domain,Key,Value\nA,recorder,DatabaseMaxSize,2048\n"));
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(db, {path});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files[0].datasets[0].dataset, QStringLiteral("client_settings"));
    }

    void ambiguityUndecidableFailsAndAsSettlesIt()
    {
        const QString path = m_dir.filePath(QStringLiteral("export-3.csv"));
        QVERIFY(test::writeFile(
            path, "Computer Name,Domain,Key,Value\nA,[no results],[no results],[no results]\n"));
        Database db;
        QVERIFY(openNew(db));
        ImportResult r = workspace::importFiles(db, {path});
        QCOMPARE(r.status, ImportResult::Status::BadInput);
        QVERIFY2(r.errors.join(QString()).contains(
                     QStringLiteral("--as cx_status or --as client_settings")),
                 qPrintable(r.errors.join(QString())));
        ImportOptions options;
        options.chosenDataset = QStringLiteral("client_settings");
        r = workspace::importFiles(db, {path}, options);
        QVERIFY(r.ok());
        QCOMPARE(r.files[0].datasets[0].dataset, QStringLiteral("client_settings"));
        QVERIFY(r.files[0].datasets[0].rule.contains(QStringLiteral("--as client_settings")));
    }

    void explicitChoiceBeatsFileName()
    {
        Database db;
        QVERIFY(openNew(db));
        ImportOptions options;
        options.chosenDataset = QStringLiteral("client_settings");
        const ImportResult r = workspace::importFiles(db, {fleetFile(kCxFile)}, options);
        QVERIFY(r.ok());
        QCOMPARE(r.files[0].datasets[0].dataset, QStringLiteral("client_settings"));
    }

    void mismatchedLinesAreWarnedAndKeptRaw()
    {
        const QString path =
            m_dir.filePath(QStringLiteral("Client Extensions - Status mismatch.csv"));
        QVERIFY(test::writeFile(path, "Computer Name,Domain,Key,Value,Mystery\n"
                                      "A,\"dec\nindex\",\"health_check\nhealth_check\",\"ok\",x\n"
                                      "B,dec,health_check,broken,y\n"));
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(db, {path});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files[0].warningCount, std::int64_t(1));
        QVERIFY2(r.files[0].warnings[0].startsWith(QStringLiteral("line 2:")),
                 qPrintable(r.files[0].warnings[0]));
        QCOMPARE(r.files[0].ignoredColumns, QStringList{QStringLiteral("Mystery")});
        QCOMPARE(
            db.scalarInt(
                  "SELECT count(*) FROM cx_status_text WHERE domain = 'dec\nindex' AND class = 4")
                .value(),
            std::int64_t(1));
        // A's answer is unknown, so only B counts as a dec failure.
        const QJsonObject s = summaryOf(db, r.snapshotId);
        QCOMPARE(obj(s, "health_failures").value(QStringLiteral("dec")).toInt(), 1);
    }

    // What GET .../alerts/{id} returns, one alert bare or wrapped in {"data": {...}}, is
    // sniffed as alerts and imported as one alert.
    void importsOneAlertObject_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("bare") << QStringLiteral("alert_single.json");
        QTest::newRow("data") << QStringLiteral("alert_single_data.json");
    }
    void importsOneAlertObject()
    {
        QFETCH(QString, name);
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r =
            workspace::importFiles(db, {test::fixture(QStringLiteral("json/") + name)});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.at(0).format, QStringLiteral("Threat Response alerts JSON"));
        QCOMPARE(r.files.at(0).datasets.size(), size_t(1));
        QCOMPARE(r.files.at(0).datasets[0].answers, std::int64_t(1));
        QVERIFY2(r.files.at(0).warnings.isEmpty(),
                 qPrintable(r.files.at(0).warnings.join(QLatin1Char('\n'))));
        Statement a(db, "SELECT tr_id, guid, state, computer_name, acked_at FROM "
                        "alert_observation");
        QVERIFY(a.step());
        QCOMPARE(a.text(0), QStringLiteral("7"));
        QCOMPARE(a.text(1), QStringLiteral("9b1e4d20-7c3a-4e55-8f61-0a2b3c4d5e07"));
        QCOMPARE(a.text(2), QStringLiteral("inprogress"));
        QCOMPARE(a.text(3), QStringLiteral("desk-07.lab.invalid"));
        QCOMPARE(a.text(4), QStringLiteral("2026-11-02T08:40:00.000Z"));
        QVERIFY(!a.step());
    }

    // A REST answer of a question with two sensors, where one sensor answers one line and the
    // other several in the same row: each sensor's lines correlate among themselves only, so
    // nothing is reported and every line lands.
    void restSensorsWithDifferentLineCounts()
    {
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(
            db, {test::fixture(QStringLiteral("json/rest_multi_sensor.json"))});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QVERIFY2(r.files.at(0).warnings.isEmpty(),
                 qPrintable(r.files.at(0).warnings.join(QLatin1Char('\n'))));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM cx_status").value(), std::int64_t(5));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM sensor_value v JOIN answer a ON a.id = "
                              "v.answer_id WHERE a.dataset = 'driver_version' AND v.value = "
                              "'11.2.0.80'")
                     .value(),
                 std::int64_t(2));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM cx_status_text WHERE domain = 'recorder' AND "
                              "key = 'min_requirements_met' AND value = 'False'")
                     .value(),
                 std::int64_t(1));
        const QJsonObject s = summaryOf(db, r.snapshotId);
        QCOMPARE(obj(s, "endpoints").value(QStringLiteral("total")).toInt(), 2);
        QCOMPARE(obj(s, "health_failures").value(QStringLiteral("threatresponse")).toInt(), 1);
        QCOMPARE(obj(s, "recorder").value(QStringLiteral("min_requirements_not_met")).toInt(), 1);
    }

    void aggregateExportGivesCountsWithoutEndpoints()
    {
        const QString path = m_dir.filePath(QStringLiteral("Tanium Driver Status aggregate.csv"));
        QVERIFY(test::writeFile(path,
                                "Tanium Driver Status,Count\n"
                                "\"Service Status: SERVICE_RUNNING\nDriver install path: x\",120\n"
                                "Service Status: SERVICE_STOPPED,7\n"
                                "TSE-Error: No Sensor Definition for this Platform,40\n"));
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(db, {path});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QVERIFY(r.files[0].aggregate);
        const QJsonObject s = summaryOf(db, r.snapshotId);
        QVERIFY(obj(s, "endpoints").value(QStringLiteral("total")).isNull());
        QCOMPARE(obj(s, "driver").value(QStringLiteral("running")).toInt(), 120);
        QCOMPARE(obj(s, "driver").value(QStringLiteral("service_not_running")).toInt(), 7);
        QVERIFY(obj(s, "health_failures").value(QStringLiteral("any")).isNull());
        QVERIFY(obj(s, "bpf").value(QStringLiteral("core")).isNull());
    }

    void badInputLeavesDatabaseExactlyAsItWas_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedMessage");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QByteArray garbage(4096, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 131 + 7) % 256);
        QTest::newRow("binary") << garbage << QStringLiteral("bad.csv");
        QTest::newRow("truncated json")
            << QByteArray("{\"data\": {\"now\": \"x\", \"result_sets\": [{\"columns\": [{\"name\": "
                          "\"Computer Name\"}], \"rows\": [{\"data\": [[{\"text\": "
                          "\"A\"}]]}, {\"data\": [[{\"te")
            << QStringLiteral("bad.csv");
        QTest::newRow("unterminated quote")
            << QByteArray("Computer Name,Tanium Driver Status\nA,\"Service Status: x\n")
            << QStringLiteral("line 2");
        QTest::newRow("unknown layout")
            << QByteArray("Foo,Bar\n1,2\n") << QStringLiteral("unknown layout");
        QTest::newRow("invalid utf8")
            << QByteArray("Computer Name,Tanium Driver Version\nA,\xff\xfe\xfa\n")
            << QStringLiteral("line 2");
        QTest::newRow("unknown json")
            << QByteArray(R"({"hello": "world"})") << QStringLiteral("unknown JSON");
        QTest::newRow("alert without id or guid")
            << QByteArray("[{\"id\": 1, \"state\": \"resolved\", \"guid\": \"g-1\"},\n{\"state\": "
                          "\"unresolved\", "
                          "\"createdAt\": \"2026-11-01T00:00:00Z\"}]")
            << QStringLiteral("bad.csv: line 2, at $[1].id: required field missing");
        QTest::newRow("result set without columns")
            << QByteArray("{\"data\": {\"now\": \"\", \"result_sets\": [{\"row_count\": 1, "
                          "\"rows\": [{\"data\": [[{\"text\": \"A\"}]]}]}]}}")
            << QStringLiteral("bad.csv: line 1, at $.data.result_sets[0].columns: required field "
                              "missing");
    }
    void badInputLeavesDatabaseExactlyAsItWas()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedMessage);
        // Given a workspace with one snapshot,
        Database db;
        QVERIFY(openNew(db));
        QVERIFY(workspace::importFiles(db, {fleetFile(kCxFile)}).ok());
        const QString before = dump(db);
        // when a run of a good file and a bad one fails,
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QVERIFY(test::writeFile(bad, content));
        const ImportResult r = workspace::importFiles(db, {fleetFile("gateway-bpf.json"), bad});
        // then it is bad input, the message names the file, and nothing changed.
        QCOMPARE(r.status, ImportResult::Status::BadInput);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors[0].contains(bad), qPrintable(r.errors[0]));
        QVERIFY2(r.errors[0].contains(expectedMessage), qPrintable(r.errors[0]));
        QCOMPARE(dump(db), before);
    }

    void everyBadFileIsReported()
    {
        Database db;
        QVERIFY(openNew(db));
        const QString a = m_dir.filePath(QStringLiteral("a.csv"));
        const QString b = m_dir.filePath(QStringLiteral("b.json"));
        QVERIFY(test::writeFile(a, ""));
        QVERIFY(test::writeFile(b, "[1, 2"));
        const ImportResult r =
            workspace::importFiles(db, {a, fleetFile(kCxFile), b, QStringLiteral("/no/such.csv")});
        QCOMPARE(r.status, ImportResult::Status::BadInput);
        QCOMPARE(r.errors.size(), 1); // a missing file is found before anything is read
        QVERIFY(r.errors[0].contains(QStringLiteral("/no/such.csv")));
        const ImportResult r2 = workspace::importFiles(db, {a, fleetFile(kCxFile), b});
        QCOMPARE(r2.errors.size(), 2);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM snapshot").value(), std::int64_t(0));
    }

    void injectedFailureMidRunRollsBackEverything()
    {
        // Given a workspace with a snapshot, when a multi-file run fails in its middle,
        Database db;
        QVERIFY(openNew(db));
        QVERIFY(workspace::importFiles(db, {fleetFile(kCxFile)}).ok());
        const QString before = dump(db);
        const QString big = m_dir.filePath(QStringLiteral("Get Tanium Driver Version big.csv"));
        QByteArray content("Computer Name,Tanium Driver Version\n");
        for (int i = 0; i < 5000; ++i)
            content += "host-" + QByteArray::number(i) + ",10.4.2\n";
        QVERIFY(test::writeFile(big, content));
        ImportOptions options;
        options.failAfterRows = 2048;
        const ImportResult r =
            workspace::importFiles(db, {fleetFile("gateway-bpf.json"), big}, options);
        // then nothing of it is kept: same snapshots, same rows.
        QCOMPARE(r.status, ImportResult::Status::BadInput);
        QVERIFY(r.errors.join(QString()).contains(QStringLiteral("injected failure")));
        QCOMPARE(dump(db), before);
        // And the same run without the failure works.
        QVERIFY(workspace::importFiles(db, {fleetFile("gateway-bpf.json"), big}).ok());
        QCOMPARE(db.scalarInt("SELECT count(*) FROM snapshot").value(), std::int64_t(2));
    }

    void profilesCsvAndThreatResponseStatus()
    {
        // Given a profiles CSV (priority order) and a Threat Response - Status export,
        const QString profiles = m_dir.filePath(QStringLiteral("profiles.csv"));
        QVERIFY(test::writeFile(profiles,
                                "Name,ID,Revision,Status,Computer Groups\r\n"
                                "Servers,13,3,Deployed,\"Web Servers\r\nDatabase Servers\"\r\n"
                                "Default,1,9,Active,All Computers\r\n"));
        const QString status = m_dir.filePath(QStringLiteral("Threat Response - Status.csv"));
        QVERIFY(test::writeFile(status, "Computer Name,Component,Key,Value,Count\n"
                                        "A,\"Threat Response\nThreat Response\",\"Active "
                                        "Profile\nOverall Status\",\"Servers\nHealthy\",1\n"));
        Database db;
        QVERIFY(openNew(db));
        const ImportResult r = workspace::importFiles(db, {profiles, status});
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        // then profiles keep their order and groups, and the status lines their pairs.
        QCOMPARE(r.files[0].datasets[0].dataset, QStringLiteral("profiles"));
        Statement p(
            db,
            "SELECT priority, profile_key, name, revision, status FROM profile ORDER BY priority");
        QVERIFY(p.step());
        QCOMPARE(p.text(1), QStringLiteral("13"));
        QCOMPARE(p.text(3), QStringLiteral("3"));
        QVERIFY(p.step());
        QCOMPARE(p.text(2), QStringLiteral("Default"));
        QCOMPARE(p.text(4), QStringLiteral("Active"));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM profile_group WHERE priority = 1").value(),
                 std::int64_t(2));
        QCOMPARE(r.files[1].datasets[0].dataset, QStringLiteral("tr_status"));
        QCOMPARE(
            db.scalarInt("SELECT count(*) FROM tr_status_text WHERE component = 'Threat Response' "
                         "AND key = 'Overall Status' AND value = 'Healthy'")
                .value(),
            std::int64_t(1));
    }

    void cancelRollsBack()
    {
        Database db;
        QVERIFY(openNew(db));
        const QString before = dump(db);
        const QString big = m_dir.filePath(QStringLiteral("Tanium Driver Version cancel.csv"));
        QByteArray content("Computer Name,Tanium Driver Version\n");
        for (int i = 0; i < 3000; ++i)
            content += "host-" + QByteArray::number(i) + ",10.4.2\n";
        QVERIFY(test::writeFile(big, content));
        ImportOptions options;
        int calls = 0;
        options.progress = [&](std::int64_t, std::int64_t) { return ++calls < 3; };
        const ImportResult r = workspace::importFiles(db, {big}, options);
        QCOMPARE(r.status, ImportResult::Status::Cancelled);
        QCOMPARE(dump(db), before);
    }

    void importAnalysesTheSnapshot()
    {
        // Given a file of per-endpoint answers, when it is imported with progress,
        Database db;
        QVERIFY(openNew(db));
        const QString file = fleetFile(kCxFile);
        ImportOptions options;
        std::vector<std::pair<std::int64_t, std::int64_t>> reports;
        options.progress = [&](std::int64_t done, std::int64_t total) {
            reports.emplace_back(done, total);
            return true;
        };
        const ImportResult r = workspace::importFiles(db, {file}, options);
        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        // then the snapshot is analysed in the same run: findings stored, searchable,
        QVERIFY(Analyzer::stored(db, r.snapshotId).has_value());
        QVERIFY(db.scalarInt("SELECT count(*) FROM finding").value() > 0);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM finding WHERE endpoint_id IS NOT NULL AND "
                              "endpoint_name IS NOT (SELECT name FROM endpoint e WHERE e.id = "
                              "finding.endpoint_id)")
                     .value(),
                 std::int64_t(0));
        QVERIFY(db.exec("INSERT INTO finding_search(finding_search) VALUES ('integrity-check')"));
        // and progress went up to the end of the analysis, never back, against one total.
        QVERIFY(!reports.empty());
        const std::int64_t bytes = QFileInfo(file).size();
        for (size_t i = 0; i < reports.size(); ++i) {
            QCOMPARE(reports[i].second, bytes + bytes / 2);
            if (i > 0)
                QVERIFY(reports[i].first >= reports[i - 1].first);
        }
        QVERIFY(reports.back().first >= bytes);

        // Without the analysis, the snapshot waits for its first use.
        options.analyse = false;
        const ImportResult later = workspace::importFiles(db, {file}, options);
        QVERIFY(later.ok());
        QVERIFY(!Analyzer::stored(db, later.snapshotId).has_value());
    }

    void cancelDuringTheAnalysisRollsBack()
    {
        // Given an import whose progress cancels once the bytes are read (the analysis),
        Database db;
        QVERIFY(openNew(db));
        const QString before = dump(db);
        const QString file = fleetFile(kCxFile);
        const std::int64_t bytes = QFileInfo(file).size();
        ImportOptions options;
        bool analysisSeen = false;
        options.progress = [&](std::int64_t done, std::int64_t) {
            analysisSeen = analysisSeen || done >= bytes;
            return done < bytes;
        };
        // then the import is cancelled and nothing was written, the snapshot included.
        const ImportResult r = workspace::importFiles(db, {file}, options);
        QVERIFY(analysisSeen);
        QCOMPARE(r.status, ImportResult::Status::Cancelled);
        QCOMPARE(dump(db), before);
    }

    void endpointsPersistAcrossSnapshots()
    {
        Database db;
        QVERIFY(openNew(db));
        ImportOptions first;
        first.takenAt = QDateTime(QDate(2026, 10, 28), QTime(9, 0), Qt::UTC);
        QVERIFY(workspace::importFiles(db, {fleetFile(kCxFile)}, first).ok());
        QVERIFY(workspace::importFiles(db, {fleetFile(kCxFile)}).ok());
        QCOMPARE(db.scalarInt("SELECT count(*) FROM endpoint").value(), std::int64_t(10));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM snapshot_endpoint").value(), std::int64_t(20));
        QString error;
        QCOMPARE(resolveSnapshot(db, QStringLiteral("latest"), &error).value(), std::int64_t(2));
        // Without inventory, the platform stays Unknown.
        QCOMPARE(db.scalarInt("SELECT count(*) FROM snapshot_endpoint WHERE platform = 'Unknown'")
                     .value(),
                 std::int64_t(20));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
