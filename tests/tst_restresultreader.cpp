#include "JsonTestSinks.h"
#include "TestSupport.h"
#include "import/JsonReaders.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using trh::test::lines;
using trh::test::RecordingTableSink;

namespace {

ReadResult readFixture(const char *name, RecordingTableSink &sink)
{
    return test::readJsonFixture(name, sink, readRestResultData);
}

ReadResult readBytes(const QByteArray &bytes, RecordingTableSink &sink)
{
    return test::readJsonBytes(bytes, sink, readRestResultData);
}

// A result_data file with `rows` rows of two columns, one row per line.
QByteArray generatedRestFile(int rows)
{
    QByteArray out;
    out.reserve(rows * 80 + 400);
    out += "{\"data\": {\"now\": \"2024/05/01 10:00:00 GMT-0000\", \"max_available_age\": \"\",\n"
           "\"result_sets\": [{\"estimated_total\": \"";
    out += QByteArray::number(rows);
    out += "\", \"mr_tested\": ";
    out += QByteArray::number(rows);
    out += ",\n\"columns\": [{\"name\": \"Computer Name\", \"hash\": 1, \"type\": 1}, "
           "{\"name\": \"Count\", \"hash\": 0, \"type\": 3}],\n\"rows\": [\n";
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            out += ",\n";
        out += "{\"id\": " + QByteArray::number(i) + ", \"cid\": " + QByteArray::number(i) +
               ", \"data\": [[{\"text\": \"host-" + QByteArray::number(i) +
               "\"}], [{\"text\": \"1\"}]]}";
    }
    out += "\n]}]}}\n";
    return out;
}

} // namespace

class TestRestResultReader : public QObject
{
    Q_OBJECT
private slots:
    void readsResultData()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("rest_result_data.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.error, QString());
        QCOMPARE(r.records, 3);
        QCOMPARE(sink.events, lines({"info 2019/02/18 15:23:02 GMT-0000 / 4 / 3",
                                     "header Computer Name | Domain | Key | Count",
                                     "row host-a.example.com | recorder;threatresponse | "
                                     "health_check;applied_profile | 1",
                                     "row host-b | [no results] | 42;1.50 | 1",
                                     "row host-c | true;false |  | 1"}));
        QCOMPARE(sink.shapes, lines({"1,2,2,1", "1,1,2,1", "1,2,1,1"}));
        QCOMPARE(sink.headerPos.at(0).jsonPath, std::string("$.data.result_sets[0].columns"));
        QCOMPARE(sink.headerPos.at(0).line, 30);
        QCOMPARE(sink.rowPos.size(), size_t(3));
        QCOMPARE(sink.rowPos[0].jsonPath, std::string("$.data.result_sets[0].rows[0]"));
        QCOMPARE(sink.rowPos[2].jsonPath, std::string("$.data.result_sets[0].rows[2]"));
        QCOMPARE(sink.rowPos[0].line, 37);
        QCOMPARE(sink.rowPos[2].line, 39);
    }

    // A question's answer with every metadata member a Platform answer carries (id and cid
    // as numbers or strings, hash / type per column, item_count, error_count, ...): the rows
    // and header come out exactly, the numbers even as strings, and nothing is warned about.
    void readsQuestionAnswerWithAllMetadata()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("rest_question_full.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.events,
                 lines({"info 2026/11/20 06:30:00 GMT-0000 / 3 / 3",
                        "header Computer Name | Tanium Driver Version | Count",
                        "row till-01.shop.invalid | 11.2.0.77 | 1",
                        "row till-02.shop.invalid | TSE-Error: sensor timed out | 1"}));
        QCOMPARE(sink.rowPos.at(1).jsonPath, std::string("$.data.result_sets[0].rows[1]"));
    }

    // The answer of GET /api/v2/result_data/saved_question/{id}: the same shape, with
    // saved_question_id / question_id beside the result set and on the data object.
    void readsSavedQuestionAnswer()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("rest_saved_question.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.events,
                 lines({"info 2026/11/20 07:00:05 GMT-0100 / 2 / 2",
                        "header Computer Name | Recorder - Is BPF CO-RE Supported | "
                        "Count",
                        "row gw-linux-1 | True | 1", "row gw-linux-2 | [no results] | 1"}));
    }

    // A question with several sensors: in one row, one sensor answers one line and another
    // three (or two); every cell keeps its own number of values, in order.
    void readsSensorsWithDifferentLineCounts()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("rest_multi_sensor.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.shapes, lines({"1,1,3,3,3,1", "1,1,2,2,2,1"}));
        QCOMPARE(
            sink.events,
            lines({"info 2026/11/21 10:00:00 GMT-0000 / 2 / 2",
                   "header Computer Name | Tanium Driver Version | Domain | Key | Value | Count",
                   "row atm-3.bank.invalid | 11.2.0.80 | "
                   "threatresponse;threatresponse;recorder | "
                   "health_check;applied_profile;min_requirements_met | ok;Kiosks;False | 1",
                   "row atm-4.bank.invalid | 11.2.0.80 | threatresponse;threatresponse | "
                   "health_check;applied_profile | disk full;Kiosks | 1"}));
    }

    void readsArrayOfPagesAndBareDataObjects()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("rest_pages.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.events,
                 lines({"info 2024/05/01 10:00:00 GMT-0000 / 10 / 9",
                        "header Tanium Driver Version | Count", "row 3.1.2 | 9",
                        "info 2024/05/01 10:00:00 GMT-0000 / 10 / 0", "header Is Windows | Count",
                        "info 2024/05/01 10:05:00 GMT-0000 / 12 / -1", "header Computer Name",
                        "row bare-host"}));
        QCOMPARE(sink.rowPos.at(0).jsonPath, std::string("$[0].data.result_sets[0].rows[0]"));
        QCOMPARE(sink.rowPos.at(1).jsonPath, std::string("$[1].result_sets[0].rows[0]"));
        QCOMPARE(sink.rowPos.at(1).line, 13);
        QCOMPARE(sink.headerPos.at(1).jsonPath, std::string("$[0].data.result_sets[1].columns"));
    }

    void rowsBeforeColumnsAndLateNow()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("rest_out_of_order.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        // The buffered rows go out right after the header; "now" is delivered when it comes,
        // with the numbers of the set read by then.
        QCOMPARE(sink.events,
                 lines({"info  / -1 / -1", "header Computer Name | Count", "row early-1 | 1",
                        "row early-2 | 2", "warning not a whole number: n/a; taken as unknown",
                        "info 2019/02/18 15:23:02 GMT-0000 / 5 / -1"}));
        QCOMPARE(sink.rowPos.at(0).jsonPath, std::string("$.data.result_sets[0].rows[0]"));
        QCOMPARE(sink.rowPos.at(0).line, 4);
        QCOMPARE(sink.rowPos.at(1).line, 5);
        QCOMPARE(sink.warningPos.at(0).jsonPath, std::string("$.data.result_sets[0].mr_tested"));
    }

    void raggedRowsArePaddedOrCut()
    {
        RecordingTableSink sink;
        const ReadResult r = readFixture("rest_ragged.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 3);
        QCOMPARE(sink.events,
                 lines({"info  / -1 / -1", "header Computer Name | Status | Count",
                        "warning row has 1 cells for 3 columns; the missing cells read as empty",
                        "row short-host |  | ",
                        "warning row has 4 cells for 3 columns; the extra cells are ignored",
                        "row long-host | ok | 1", "row empty-cell |  | 1"}));
        // Padding adds one empty value per missing cell; an empty cell array stays empty.
        QCOMPARE(sink.shapes, lines({"1,1,1", "1,1,1", "1,0,1"}));
        QCOMPARE(sink.warningPos.at(0).jsonPath, std::string("$.data.result_sets[0].rows[0]"));
        QCOMPARE(sink.warningPos.at(0).line, 4);
    }

    void truncatedFileNamesTheRow()
    {
        QByteArray bytes =
            test::readAll(test::fixture(QStringLiteral("json/rest_result_data.json")));
        const int cut = bytes.indexOf("[no results]");
        QVERIFY(cut > 0);
        bytes.truncate(cut + 4);
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.records, 1);
        QCOMPARE(r.error, QStringLiteral("line 38, offset %1, at $.data.result_sets[0].rows[1]"
                                         ".data[1][0].text: Missing a closing quotation mark in "
                                         "string.")
                              .arg(cut + 4));
    }

    void missingCommaNamesTheElement()
    {
        RecordingTableSink sink;
        const QByteArray bytes =
            "{\"data\": {\"result_sets\": [{\"columns\": [{\"name\": \"A\"}],\n"
            "\"rows\": [{\"data\": [[{\"text\": \"x\"}]]}\n"
            "{\"data\": []}]}]}}";
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.records, 1);
        QCOMPARE(r.error, QStringLiteral("line 3, offset 92, at $.data.result_sets[0].rows[0]: "
                                         "Missing a comma or ']' after an array element."));
    }

    void garbageFails()
    {
        RecordingTableSink sink;
        const ReadResult r = readBytes(QByteArray("\x89PNG\r\n\x1a\n\x01\x02", 10), sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("line 1, offset 0, at $: Invalid value."));
        QVERIFY(sink.events.isEmpty());
    }

    void nulBytesFail()
    {
        RecordingTableSink sink;
        ReadResult r = readBytes(QByteArray("{\"data\": {\"now\": \"a\0b\"}}", 25), sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("line 1, offset 19, at $.data.now: unexpected NUL byte "
                                         "(binary data?)"));
        r = readBytes(QByteArray("{\"data\": {\"result_sets\": []}}\n\0\0junk", 36), sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("line 2, offset 30: unexpected NUL byte after the JSON "
                                         "document (binary data?)"));
    }

    void emptyFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("whitespace") << QByteArray(" \r\n\t\n  ");
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("bom and whitespace") << QByteArray("\xEF\xBB\xBF\n\n");
    }
    void emptyFiles()
    {
        QFETCH(QByteArray, bytes);
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("the file is empty"));
    }

    void byteOrderMarkIsSkipped()
    {
        const QByteArray plain =
            test::readAll(test::fixture(QStringLiteral("json/rest_result_data.json")));
        RecordingTableSink withoutBom;
        QCOMPARE(int(readBytes(plain, withoutBom).status), int(ReadStatus::Ok));
        RecordingTableSink withBom;
        const ReadResult r = readBytes(QByteArray("\xEF\xBB\xBF") + plain, withBom);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 3);
        QCOMPARE(withBom.events, withoutBom.events);
        QCOMPARE(withBom.rowPos.at(1).line, 38);

        // Offsets in messages are file offsets: the BOM counts.
        RecordingTableSink broken;
        const ReadResult b = readBytes(QByteArray("\xEF\xBB\xBF{\"data\" 1}"), broken);
        QCOMPARE(b.error, QStringLiteral("line 1, offset 11, at $.data: Missing a colon after a "
                                         "name of object member."));
    }

    void invalidUtf8Fails()
    {
        RecordingTableSink sink;
        const ReadResult r = readBytes(QByteArray("{\"data\": {\"now\": \"caf\xE9\"}}"), sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("line 1, offset 21, at $.data.now: Invalid encoding in "
                                         "string. (the file is not valid UTF-8)"));
    }

    void utf16IsRejectedClearly()
    {
        RecordingTableSink sink;
        const ReadResult r = readBytes(QByteArray("\xFF\xFE{\0}\0", 6), sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("the file is UTF-16 text; JSON files must be UTF-8"));
    }

    void deepNestingFailsCleanly()
    {
        // Unclosed: the parser must run out of input, not out of stack.
        RecordingTableSink sink;
        ReadResult r = readBytes(QByteArray(100000, '['), sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QVERIFY2(r.error.startsWith(QStringLiteral("line 1, offset 100000, at $[0][0]")),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("...(99976 levels)...")), qPrintable(r.error));
        QVERIFY2(r.error.endsWith(QStringLiteral("[0]: Invalid value.")), qPrintable(r.error));
        QCOMPARE(sink.events, lines({"warning not a result data object; skipped"}));

        // Closed, inside a captured row: the tree of the row is 100,000 levels deep.
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        RecordingTableSink rowSink;
        r = readBytes("{\"data\": {\"result_sets\": [{\"columns\": [{\"name\": \"A\"}], "
                      "\"rows\": [{\"data\": [" +
                          deep + "]}]}]}}",
                      rowSink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("line 1, at $.data.result_sets[0].rows[0].data[0][0]: "
                                         "expected {\"text\": <string, number, true, false or "
                                         "null>}"));
    }

    void largeFileStreams()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("large.json"));
        const int rows = 50000;
        QVERIFY(test::writeFile(path, generatedRestFile(rows)));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.size() > 3 * 1024 * 1024); // several 1 MiB chunks
        RecordingTableSink sink;
        sink.keepRows = false;
        const ReadResult r = readRestResultData(f, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, rows);
        QCOMPARE(sink.rows, rows);
        QCOMPARE(sink.events, lines({"info 2024/05/01 10:00:00 GMT-0000 / 50000 / 50000",
                                     "header Computer Name | Count"}));
        QCOMPARE(sink.lastRow, std::string("host-49999 | 1"));
        QCOMPARE(sink.lastRowPos.jsonPath, std::string("$.data.result_sets[0].rows[49999]"));
        QCOMPARE(sink.lastRowPos.line, 5 + 49999);
    }

    void oversizedElementFails()
    {
        QByteArray bytes =
            "{\"data\": {\"result_sets\": [{\"columns\": [{\"name\": \"A\"}],\n"
            "\"rows\": [{\"data\": [[{\"text\": \"small\"}]]},\n{\"data\": [[{\"text\": \"";
        bytes += QByteArray(65 * 1024 * 1024, 'x');
        bytes += "\"}]]}]}]}}";
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.records, 1);
        QCOMPARE(r.error, QStringLiteral("line 3, at $.data.result_sets[0].rows[1]: a single "
                                         "JSON element is larger than 64 MiB"));
    }

    void rowsBeforeColumnsAreBounded()
    {
        // Rows waiting for their columns are kept in memory: at most 64 MiB of them.
        QByteArray bytes = "{\"data\": {\"result_sets\": [{\"rows\": [\n";
        const int rows = 600000;
        for (int i = 0; i < rows; ++i)
            bytes +=
                i ? ",\n{\"data\": [[{\"text\": \"v\"}]]}" : "{\"data\": [[{\"text\": \"v\"}]]}";
        bytes += "], \"columns\": [{\"name\": \"A\"}]}]}}";
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.records, 0);
        QVERIFY(sink.events.isEmpty());
        const QRegularExpression expected(QStringLiteral(
            "^line (\\d+), at \\$\\.data\\.result_sets\\[0\\]\\.rows\\[(\\d+)\\]: more than 64 MiB "
            "of rows come before the columns of their result set$"));
        const QRegularExpressionMatch m = expected.match(r.error);
        QVERIFY2(m.hasMatch(), qPrintable(r.error));
        // One row per line, from line 2: the line names the same row as the path.
        QCOMPARE(m.captured(1).toInt(), m.captured(2).toInt() + 2);
        QVERIFY(m.captured(2).toInt() > 100000 && m.captured(2).toInt() < rows - 1);
    }

    void oversizedTokenFails()
    {
        // Cut at the cap, this root number would be a complete (wrong) document.
        RecordingTableSink sink;
        const ReadResult r = readBytes("0." + QByteArray(65 * 1024 * 1024, '7'), sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, QStringLiteral("line 1, at $: a single JSON element is larger than "
                                         "64 MiB"));
    }

    void sinkStops()
    {
        RecordingTableSink sink;
        sink.stopAfterRows = 2;
        const ReadResult r = readFixture("rest_result_data.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Stopped));
        QCOMPARE(r.records, 2);
        QCOMPARE(r.error, QString());
        QCOMPARE(sink.rows, 2);

        RecordingTableSink atHeader;
        atHeader.stopAtHeader = true;
        const ReadResult h = readFixture("rest_result_data.json", atHeader);
        QCOMPARE(int(h.status), int(ReadStatus::Stopped));
        QCOMPARE(h.records, 0);
    }

    void wrongShapes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("number") << QByteArray("42")
                                << QStringLiteral("line 1, at $: expected {\"data\": "
                                                  "{\"result_sets\": [...]}} or a list of them");
        QTest::newRow("alerts") << QByteArray("{\"data\": [{\"state\": \"resolved\"}]}")
                                << QStringLiteral("expected {\"data\": {\"result_sets\": [...]}} "
                                                  "(or a list of them) but found no result_sets");
        QTest::newRow("result_sets object")
            << QByteArray("{\"data\": {\"result_sets\": {}}}")
            << QStringLiteral("line 1, at $.data.result_sets: expected an array of result sets");
        QTest::newRow("rows object")
            << QByteArray("{\"data\": {\"result_sets\": [{\"rows\": 3}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].rows: expected an array of rows");
        QTest::newRow("row not object")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [], \"rows\": [\"r\"]}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].rows[0]: expected a row object "
                              "{\"id\", \"cid\", \"data\"}");
        QTest::newRow("no data")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [], \"rows\": [{}]}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].rows[0].data: required field "
                              "missing: a row needs \"data\" (an array of cells)");
        QTest::newRow("data a string")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [], \"rows\": [{\"data\": "
                          "\"x\"}]}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].rows[0].data: expected an array "
                              "of cells");
        QTest::newRow("value without text")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [{\"name\": \"A\"}], "
                          "\"rows\": [{\"data\": [[{\"text\": \"a\"}, {\"txt\": \"b\"}]]}]}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].rows[0].data[0][1].text: required "
                              "field missing: a value needs \"text\"");
        QTest::newRow("column without name")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [{\"name\": \"A\"}, "
                          "{\"hash\": 0, \"type\": 3}], \"rows\": []}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].columns[1].name: required field "
                              "missing: a column needs a \"name\"");
        QTest::newRow("column name an object")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [{\"name\": {}}]}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].columns[0].name: expected a column "
                              "name");
        QTest::newRow("column a string")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [\"Computer Name\"]}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].columns[0]: expected a column "
                              "object {\"name\", \"hash\", \"type\"}");
        QTest::newRow("columns a string")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": \"Computer Name\"}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].columns: expected an array of "
                              "columns");
        QTest::newRow("result set without columns or rows")
            << QByteArray("{\"data\": {\"result_sets\": [\n{\"row_count\": 0}]}}")
            << QStringLiteral("line 2, at $.data.result_sets[0].columns: required field missing: "
                              "a result set needs \"columns\" (an array of {\"name\", \"hash\", "
                              "\"type\"})");
        QTest::newRow("cell not array")
            << QByteArray("{\"data\": {\"result_sets\": [{\"columns\": [], \"rows\": [{\"data\": "
                          "[[], {\"text\": \"x\"}]}]}]}}")
            << QStringLiteral("line 1, at $.data.result_sets[0].rows[0].data[1]: expected an "
                              "array of {\"text\": ...} values");
        QTest::newRow("rows without columns")
            << QByteArray("{\"data\": {\"result_sets\": [\n{\"rows\": [{\"data\": []}]}]}}")
            << QStringLiteral("line 2, at $.data.result_sets[0].columns: required field missing: "
                              "a result set needs \"columns\" (an array of {\"name\", \"hash\", "
                              "\"type\"})");
        QTest::newRow("trailing value")
            << QByteArray("{\"data\": {\"result_sets\": []}} {}")
            << QStringLiteral("line 1, offset 30, at $: The document root must not be followed "
                              "by other values.");
    }
    void wrongShapes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, error);
    }
};

QTEST_GUILESS_MAIN(TestRestResultReader)
#include "tst_restresultreader.moc"
