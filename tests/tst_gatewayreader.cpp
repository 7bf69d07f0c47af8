#include "JsonTestSinks.h"
#include "TestSupport.h"
#include "import/JsonReaders.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace trh;
using trh::test::lines;
using trh::test::RecordingTableSink;

namespace {

ReadResult readFixture(const char *name, RecordingTableSink &sink)
{
    return test::readJsonFixture(name, sink, readGatewayEndpoints);
}

ReadResult readBytes(const QByteArray &bytes, RecordingTableSink &sink)
{
    return test::readJsonBytes(bytes, sink, readGatewayEndpoints);
}

} // namespace

class TestGatewayReader : public QObject
{
    Q_OBJECT
private slots:
    void readsOnePage()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("gateway_page.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.error, QString());
        QCOMPARE(r.records, 2);
        // One header: both nodes have the same columns. The unnamed column takes its sensor's
        // name.
        QCOMPARE(sink.events,
                 lines({"header Computer Name | Computer ID | OS Platform | Operating System | "
                        "Domain | Key | Tanium Driver Version",
                        "row ws-001.corp.example | 1234567 | Windows | Windows 10 Enterprise | "
                        "recorder;threatresponse | health_check;applied_profile | 3.1.2",
                        "row srv-002.corp.example | 2345678 | Linux | Ubuntu 22.04 |  | "
                        "[no results] | TSE-Error: No Sensor Definition for this Platform"}));
        QCOMPARE(sink.shapes, lines({"1,1,1,1,2,2,1", "1,1,1,1,0,1,1"}));
        QCOMPARE(sink.rowPos.at(0).jsonPath, std::string("$.data.endpoints.edges[0].node"));
        QCOMPARE(sink.rowPos.at(0).line, 6);
        QCOMPARE(sink.rowPos.at(1).jsonPath, std::string("$.data.endpoints.edges[1].node"));
        QCOMPARE(sink.rowPos.at(1).line, 21);
        QCOMPARE(sink.headerPos.at(0).jsonPath, std::string("$.data.endpoints.edges[0].node"));
    }

    // A page as the endpoints query returns it: pageInfo and totalRecords (before the edges
    // here), cursors, node members the reader does not use (ids, addresses, nested objects
    // such as primaryUser and sensor {name, hash}), and top-level extensions. The rows come out
    // exactly, values of one sensor in order, and nothing is warned about.
    void readsFullPageShape()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("gateway_full_shape.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.events,
                 lines({"header Computer Name | Computer ID | OS Platform | Operating System | "
                        "Domain | Key | Value | Tanium Driver Version",
                        "row lab-win-01.lab.invalid | 1001 | Windows | Windows 11 Enterprise | "
                        "threatresponse;recorder | health_check;min_requirements_met | ok;True | "
                        "11.2.0.80",
                        "row lab-lnx-02.lab.invalid | 1002 | Linux | Debian 12 | threatresponse | "
                        "health_check | scan stalled | TSE-Error: No Sensor Definition for this "
                        "Platform"}));
        QCOMPARE(sink.shapes, lines({"1,1,1,1,2,2,2,1", "1,1,1,1,1,1,1,1"}));
        QCOMPARE(sink.rowPos.at(1).jsonPath, std::string("$.data.endpoints.edges[1].node"));
    }

    void readsArrayOfPages()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("gateway_pages.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 3);
        // The header is repeated only when the columns change (node c has one more).
        QCOMPARE(
            sink.events,
            lines({"header Computer Name | Computer ID | OS Platform | Operating System | "
                   "Is Windows",
                   "row a | 1 | Mac | macOS 14 | False", "row b | 2 | Windows | Windows 11 | True",
                   "header Computer Name | Computer ID | OS Platform | Operating System | "
                   "Is Windows | Computer Groups",
                   "row c | 3 | Windows | Windows 11 | True | All Computers;Servers"}));
        QCOMPARE(sink.rowPos.at(0).jsonPath, std::string("$[0].data.endpoints.edges[0].node"));
        QCOMPARE(sink.rowPos.at(2).jsonPath, std::string("$[1].data.endpoints.edges[1].node"));
        QCOMPARE(sink.rowPos.at(2).line, 11);
        QCOMPARE(sink.headerPos.at(1).jsonPath, std::string("$[1].data.endpoints.edges[1].node"));
    }

    void errorsOnlyFail()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("gateway_errors_only.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.records, 0);
        QCOMPARE(r.error,
                 QStringLiteral("GraphQL errors: Cannot query field \"sensorReading\" on type "
                                "\"Endpoint\". Did you mean \"sensorReadings\"?; Variable "
                                "\"$first\" got invalid value \"ten\"; Int cannot represent "
                                "non-integer value: \"ten\""));
        QVERIFY(sink.events.isEmpty());
    }

    void errorsWithDataAreWarnings()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("gateway_errors_with_data.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 1);
        QCOMPARE(sink.events,
                 lines({"header Computer Name | Computer ID | OS Platform | Operating System | "
                        "Broken Sensor",
                        "row ws-009 | 9 | Windows | Windows Server 2019 | "
                        "[current result unavailable]",
                        "warning GraphQL error: Sensor \"Broken Sensor\" timed out"}));
        QCOMPARE(sink.warningPos.at(0).jsonPath, std::string("$.errors[0]"));
        QCOMPARE(sink.warningPos.at(0).line, 3);
    }

    void longErrorListsAreShortened()
    {
        QByteArray bytes = "{\"errors\": [";
        for (int i = 0; i < 7; ++i) {
            if (i > 0)
                bytes += ", ";
            bytes += "{\"message\": \"" + QByteArray::number(i) + QByteArray(300, 'm') + "\"}";
        }
        bytes += "]}";
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QString expected = QStringLiteral("GraphQL errors: ");
        for (int i = 0; i < 5; ++i) {
            if (i > 0)
                expected += QStringLiteral("; ");
            expected += QString::number(i) + QString(196, QLatin1Char('m')) + QStringLiteral("...");
        }
        expected += QStringLiteral("; and 2 more");
        QCOMPARE(r.error, expected);
    }

    void oddEdgesAreWarnings()
    {
        RecordingTableSink sink;
        const ReadResult r = readBytes("{\"data\": {\"endpoints\": {\"edges\": [\n"
                                       "{\"node\": null, \"cursor\": \"a\"},\n"
                                       "7,\n"
                                       "{\"node\": {\"name\": \"only-name\"}}]}}}",
                                       sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 1);
        QCOMPARE(sink.events,
                 lines({"warning an edge without a node object; skipped",
                        "warning an edge that is not an object; skipped",
                        "header Computer Name | Computer ID | OS Platform | Operating System",
                        "row only-name |  |  | "}));
        QCOMPARE(sink.warningPos.at(0).jsonPath, std::string("$.data.endpoints.edges[0].node"));
        QCOMPARE(sink.warningPos.at(1).jsonPath, std::string("$.data.endpoints.edges[1]"));
        QCOMPARE(sink.warningPos.at(1).line, 3);
    }

    void emptyPageIsOk()
    {
        RecordingTableSink sink;
        const ReadResult r = readBytes("{\"data\": {\"endpoints\": {\"edges\": [], \"pageInfo\": "
                                       "{\"hasNextPage\": false, \"endCursor\": null}, "
                                       "\"totalRecords\": 0}}}",
                                       sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 0);
        QVERIFY(sink.events.isEmpty());
    }

    void truncatedPageNamesTheNode()
    {
        QByteArray bytes = test::readAll(test::fixture(QStringLiteral("json/gateway_page.json")));
        const int cut = bytes.indexOf("\"Ubuntu");
        QVERIFY(cut > 0);
        bytes.truncate(cut);
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.records, 1);
        QCOMPARE(r.error, QStringLiteral("line 24, offset %1, at $.data.endpoints.edges[1].node.os"
                                         ".name: Invalid value.")
                              .arg(cut));
    }

    void sinkStops()
    {
        RecordingTableSink sink;
        sink.stopAfterRows = 1;
        ReadResult r = readFixture("gateway_pages.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Stopped));
        QCOMPARE(r.records, 1);
        QCOMPARE(sink.rows, 1);

        RecordingTableSink atHeader;
        atHeader.stopAtHeader = true;
        r = readFixture("gateway_page.json", atHeader);
        QCOMPARE(int(r.status), int(ReadStatus::Stopped));
        QCOMPARE(r.records, 0);
        QCOMPARE(atHeader.rows, 0);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray("\n") << QStringLiteral("the file is empty");
        QTest::newRow("garbage") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                                 << QStringLiteral("line 1, offset 0, at $: Invalid value.");
        QTest::newRow("string") << QByteArray("\"endpoints\"")
                                << QStringLiteral("line 1, at $: expected {\"data\": "
                                                  "{\"endpoints\": ...}} or an array of such "
                                                  "pages");
        QTest::newRow("endpoints without edges")
            << QByteArray("{\"data\": {\"endpoints\": {\"pageInfo\": {\"hasNextPage\": false},\n"
                          "\"totalRecords\": 0}}}")
            << QStringLiteral("line 1, at $.data.endpoints.edges: required field missing: "
                              "endpoints needs \"edges\" (an array of {\"node\": {...}})");
        QTest::newRow("edges a string")
            << QByteArray("{\"data\": {\"endpoints\": {\"edges\": \"none\"}}}")
            << QStringLiteral("line 1, at $.data.endpoints.edges: expected an array of edges");
        QTest::newRow("rest file")
            << QByteArray("{\"data\": {\"result_sets\": []}}")
            << QStringLiteral("expected {\"data\": {\"endpoints\": {\"edges\": [...]}}} (or an "
                              "array of such pages) but found no endpoints");
        QTest::newRow("deep") << QByteArray(100000, '[')
                              << QStringLiteral("line 1, offset 100000, at $[0][0][0][0][0][0]"
                                                "[0][0][0][0][0][0]...(99976 levels)...[0][0][0]"
                                                "[0][0][0][0][0][0][0][0]: Invalid value.");
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, error);
        QCOMPARE(r.records, 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayReader)
#include "tst_gatewayreader.moc"
