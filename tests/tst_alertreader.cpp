#include "JsonTestSinks.h"
#include "TestSupport.h"
#include "import/JsonReaders.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace trh;
using trh::test::lines;
using trh::test::RecordingAlertSink;

namespace {

ReadResult readFixture(const char *name, RecordingAlertSink &sink)
{
    return test::readJsonFixture(name, sink, readAlerts);
}

ReadResult readBytes(const QByteArray &bytes, RecordingAlertSink &sink)
{
    return test::readJsonBytes(bytes, sink, readAlerts);
}

// Every field of an alert, in declaration order, for one exact comparison.
QStringList fields(const AlertRecord &a)
{
    QStringList out;
    for (const std::string *s :
         {&a.id, &a.guid, &a.state, &a.type, &a.priority, &a.severity, &a.intelDocId,
          &a.computerName, &a.computerIpAddress, &a.createdAt, &a.alertedAt, &a.updatedAt,
          &a.ackedAt, &a.receivedAt, &a.suppressedAt, &a.resolvedAt, &a.matchType, &a.path})
        out << QString::fromStdString(*s);
    return out;
}

const QString kShapeError =
    QStringLiteral("expected an array of alerts, {\"data\": [...]} or one alert object");

} // namespace

class TestAlertReader : public QObject
{
    Q_OBJECT
private slots:
    void readsThreatResponse3BareArray()
    {
        RecordingAlertSink sink;
        const ReadResult r = readFixture("alerts_3x.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.error, QString());
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.alerts.size(), size_t(2));
        QCOMPARE(fields(sink.alerts[0]),
                 lines({"101", "6d3d8cb4-1c8e-4b1f-9d52-5f3a0d2b8e11", "unresolved", "detect.match",
                        "high", "info", "42", "ws-001.corp.example", "10.0.0.15",
                        "2019-02-18T15:23:02.123Z", "2019-02-18T15:22:58.000Z",
                        "2019-02-18T15:24:10.456Z", "", "", "", "", "", ""}));
        QCOMPARE(fields(sink.alerts[1]),
                 lines({"102", "0a6f4f8e-7a43-4c8f-a0d2-9b1cf1c1d222", "resolved", "detect.match",
                        "low", "info", "43", "srv-002.corp.example", "10.0.1.20",
                        "2019-02-19T08:00:00.000Z", "2019-02-19T07:59:59.999Z",
                        "2019-02-20T09:10:11.012Z", "", "", "", "", "", ""}));
        QCOMPARE(sink.pos[0].jsonPath, std::string("$[0]"));
        QCOMPARE(sink.pos[0].line, 2);
        QCOMPARE(sink.pos[1].jsonPath, std::string("$[1]"));
        QCOMPARE(sink.pos[1].line, 17);
        QVERIFY(sink.warnings.isEmpty());
    }

    void readsThreatResponse4DataWrapper()
    {
        RecordingAlertSink sink;
        const ReadResult r = readFixture("alerts_4x.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 1);
        QCOMPARE(fields(sink.alerts.at(0)),
                 lines({"5001", "b8e1f1c2-3d4e-4f50-8a9b-0c1d2e3f4a5b", "inprogress",
                        "detect.match", "critical", "high", "1234", "ws-001.corp.example",
                        "10.0.0.15", "2024-05-01T10:00:00.000Z", "2024-05-01T09:59:58.500Z",
                        "2024-05-01T11:00:00.000Z", "2024-05-01T10:30:00.000Z",
                        "2024-05-01T10:00:01.250Z", "", "", "process",
                        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"}));
        QCOMPARE(sink.pos.at(0).jsonPath, std::string("$.data[0]"));
        QCOMPARE(sink.pos.at(0).line, 3);
        QVERIFY(sink.warnings.isEmpty()); // details, intelDoc, isSuppressed: ignored silently
    }

    // The fields as TR 3.x and 4.x send them, with resolvedAt where present and extra fields
    // the reader does not know: nested objects (matchDetails, intelDoc, scanConfig, details)
    // whose members share names with alert fields (id, state), arrays, a 3.x details JSON
    // string. Only the top-level fields count, and the unknown ones pass without a word.
    void unknownFieldsAreIgnoredSilently()
    {
        RecordingAlertSink sink;
        const ReadResult r = readFixture("alerts_extra_fields.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(fields(sink.alerts.at(0)),
                 lines({"88001", "3f0c2a9e-51d4-4c7b-9e6a-2d8b7c1f0a01", "resolved", "detect.match",
                        "medium", "low", "512", "kiosk-17.lab.invalid", "192.0.2.17",
                        "2026-10-03T07:15:00.250Z", "2026-10-03T07:14:58.000Z",
                        "2026-10-04T12:00:00.000Z", "2026-10-03T09:30:00.000Z",
                        "2026-10-03T07:15:01.000Z", "", "2026-10-04T11:59:59.500Z", "process",
                        "C:\\Windows\\System32\\taskhostw.exe"}));
        // A string id, a null guid (an id is enough), no 4.x fields.
        QCOMPARE(fields(sink.alerts.at(1)),
                 lines({"88002", "", "unresolved", "detect.match", "high", "high", "513",
                        "kiosk-18.lab.invalid", "192.0.2.18", "2026-10-05T22:00:00.000Z",
                        "2026-10-05T21:59:59.999Z", "2026-10-05T22:00:00.000Z", "", "", "", "", "",
                        ""}));
        QCOMPARE(sink.pos.at(1).jsonPath, std::string("$.data[1]"));
        QVERIFY2(sink.warnings.isEmpty(), qPrintable(sink.warnings.join(QLatin1Char('\n'))));
    }

    // GET .../alerts/{id} returns one alert: bare, or wrapped in {"data": {...}} (envelope
    // members around it are not read as its fields). Either is a list of one.
    void readsOneAlertObject_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        const QByteArray single =
            test::readAll(test::fixture(QStringLiteral("json/alert_single.json")));
        QTest::newRow("bare") << single << QStringLiteral("$") << 1;
        QTest::newRow("data") << test::readAll(
                                     test::fixture(QStringLiteral("json/alert_single_data.json")))
                              << QStringLiteral("$.data") << 2;
        QTest::newRow("data inside an envelope")
            << QByteArray("{\"meta\": {\"id\": 99, \"state\": \"x\"},\n\"data\": " + single +
                          ", \"links\": {\"self\": \"/alerts/7\"}}")
            << QStringLiteral("$.data") << 2;
    }
    void readsOneAlertObject()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, path);
        QFETCH(int, line);
        RecordingAlertSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 1);
        QCOMPARE(
            fields(sink.alerts.at(0)),
            lines({"7", "9b1e4d20-7c3a-4e55-8f61-0a2b3c4d5e07", "inprogress", "detect.match",
                   "critical", "high", "640", "desk-07.lab.invalid", "198.51.100.7",
                   "2026-11-02T08:00:00.000Z", "2026-11-02T07:59:59.000Z",
                   "2026-11-02T08:45:00.000Z", "2026-11-02T08:40:00.000Z", "", "", "", "", ""}));
        QCOMPARE(QString::fromStdString(sink.pos.at(0).jsonPath), path);
        QCOMPARE(sink.pos.at(0).line, line);
        QVERIFY(sink.warnings.isEmpty());
    }

    // An alert is known by its id or guid: one with neither (absent, null, empty, or not
    // text) fails the whole file at the path of its id, after the alerts before it.
    void alertWithoutIdOrGuidFails_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("delivered");
        const QString missing = QStringLiteral(": required field missing: an alert needs an "
                                               "\"id\" or a \"guid\", and this one has neither");
        QTest::newRow("fourth of a list")
            << QByteArray("[{\"id\": 1, \"state\": \"unresolved\"},\n {\"guid\": \"g-2\"},\n "
                          "{\"id\": \"3\"},\n {\"id\": null, \"guid\": \"\", \"state\": "
                          "\"resolved\", \"computerName\": \"x\"}]")
            << QStringLiteral("line 4, at $[3].id") + missing << 3;
        QTest::newRow("in data") << QByteArray("{\"data\": [{\"id\": 1}, {\"state\": \"resolved\", "
                                               "\"matchDetails\": {\"id\": 5}}]}")
                                 << QStringLiteral("line 1, at $.data[1].id") + missing << 1;
        QTest::newRow("id that is no text")
            << QByteArray("[{\"id\": {\"value\": 4}, \"state\": \"resolved\"}]")
            << QStringLiteral("line 1, at $[0].id") + missing << 0;
        QTest::newRow("one alert object")
            << QByteArray("{\"state\": \"resolved\", \"createdAt\": \"2026-11-02T08:00:00Z\"}")
            << QStringLiteral("line 1, at $.id") + missing << 0;
        QTest::newRow("one alert in data")
            << QByteArray("{\"data\": {\"state\": \"resolved\", \"guid\": null}}")
            << QStringLiteral("line 1, at $.data.id") + missing << 0;
    }
    void alertWithoutIdOrGuidFails()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QFETCH(int, delivered);
        RecordingAlertSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, error);
        QCOMPARE(sink.alerts.size(), size_t(delivered));
    }

    void nonObjectElementsAreSkipped()
    {
        RecordingAlertSink sink;
        const ReadResult r =
            readBytes("[\n{\"id\": 1, \"state\": \"ignored\"},\n\"oops\",\n[],\n"
                      "{\"id\": 2.50, \"state\": true, \"priority\": {\"x\": 1}}\n]",
                      sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.alerts.at(0).id, std::string("1"));
        QCOMPARE(sink.alerts.at(0).state, std::string("ignored"));
        QCOMPARE(sink.alerts.at(1).id, std::string("2.50"));
        QCOMPARE(sink.alerts.at(1).state, std::string("true"));
        QCOMPARE(sink.alerts.at(1).priority, std::string());
        QCOMPARE(sink.warnings, lines({"not an object; this alert is skipped",
                                       "not an object; this alert is skipped",
                                       "alert field priority is not text; ignored"}));
        QCOMPARE(sink.warningPos.at(0).jsonPath, std::string("$[1]"));
        QCOMPARE(sink.warningPos.at(0).line, 3);
        QCOMPARE(sink.warningPos.at(1).jsonPath, std::string("$[2]"));
        QCOMPARE(sink.warningPos.at(2).jsonPath, std::string("$[3]"));
        QCOMPARE(sink.pos.at(1).jsonPath, std::string("$[3]"));
        QCOMPARE(sink.pos.at(1).line, 5);
    }

    void fieldsResetBetweenAlerts()
    {
        RecordingAlertSink sink;
        const ReadResult r =
            readBytes("{\"data\": [{\"id\": 1, \"path\": \"/a\"}, {\"id\": 2}]}", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(sink.alerts.at(0).path, std::string("/a"));
        QCOMPARE(sink.alerts.at(1).path, std::string());
    }

    void emptyListIsOk()
    {
        RecordingAlertSink sink;
        ReadResult r = readBytes("[]", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 0);
        r = readBytes("{\"data\": []}", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 0);
    }

    void sinkStops()
    {
        RecordingAlertSink sink;
        sink.stopAfter = 1;
        const ReadResult r = readFixture("alerts_3x.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Stopped));
        QCOMPARE(r.records, 1);
        QCOMPARE(sink.alerts.size(), size_t(1));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty");
        // An object that is no list is one alert, and this one has no id or guid.
        QTest::newRow("object without data")
            << QByteArray("{\"alerts\": []}")
            << QStringLiteral("line 1, at $.id: required field missing: an alert needs an "
                              "\"id\" or a \"guid\", and this one has neither");
        QTest::newRow("scalar") << QByteArray("true") << kShapeError;
        QTest::newRow("garbage") << QByteArray("\x1f\x8b\x08\x00", 4)
                                 << QStringLiteral("line 1, offset 0, at $: Invalid value.");
        QTest::newRow("truncated") << QByteArray("[{\"id\": 1},\n {\"id\": 2, \"state\": \"res")
                                   << QStringLiteral("line 2, offset 36, at $[1].state: Missing "
                                                     "a closing quotation mark in string.");
        QTest::newRow("deep") << QByteArray(100000, '[')
                              << QStringLiteral("line 1, offset 100000, at $[0][0][0][0][0][0]"
                                                "[0][0][0][0][0][0]...(99976 levels)...[0][0][0]"
                                                "[0][0][0][0][0][0][0][0]: Invalid value.");
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        RecordingAlertSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, error);
    }

    void byteOrderMarkIsSkipped()
    {
        RecordingAlertSink sink;
        const ReadResult r =
            readBytes(QByteArray("\xEF\xBB\xBF") +
                          test::readAll(test::fixture(QStringLiteral("json/alerts_4x.json"))),
                      sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 1);
        QCOMPARE(sink.alerts.at(0).id, std::string("5001"));
    }
};

QTEST_GUILESS_MAIN(TestAlertReader)
#include "tst_alertreader.moc"
