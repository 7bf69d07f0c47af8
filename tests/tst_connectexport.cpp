#include "JsonTestSinks.h"
#include "TestSupport.h"
#include "analysis/Summary.h"
#include "import/Importer.h"
#include "import/JsonReaders.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using trh::test::lines;
using trh::test::RecordingTableSink;

namespace {

const char *kFleetCx = "Get Computer Name and Client Extensions - Status from all machines";

QString fleetCsv()
{
    return test::fixture(QStringLiteral("fleet/%1.csv").arg(QLatin1String(kFleetCx)));
}

QString connectFile(const char *extension)
{
    return test::fixture(
        QStringLiteral("connect/%1.%2").arg(QLatin1String(kFleetCx), QLatin1String(extension)));
}

ReadResult readBytes(const QByteArray &bytes, RecordingTableSink &sink)
{
    return test::readJsonBytes(bytes, sink, readConnectRecords);
}

} // namespace

// Tanium Connect exports of a saved question (tests/fixtures/connect, written by
// make_connect_fixtures.py from the fleet's console CSV): a JSON array of flat records, NDJSON
// and a CSV with underscored headers. They feed the sink the console CSV feeds, so they must
// give the console CSV's figures exactly: same endpoints, coverage, findings, value classes,
// with the fleet's special answers (WIN-C pending, lnx-4 TSE-Error) and multi-line answers.
class TestConnectExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    struct Imported
    {
        ImportResult result;
        QJsonObject summary;  // without "snapshot", which names the files
        QStringList findings; // "code | endpoint | detail", sorted
        QString error;
    };
    Imported import(const QString &path)
    {
        Imported out;
        Database db;
        if (!Store::open(db, m_dir.filePath(QStringLiteral("w%1.trdb").arg(++m_n)),
                         Store::OpenMode::CreateOrUpgrade)
                 .ok()) {
            out.error = QStringLiteral("cannot create a workspace");
            return out;
        }
        out.result = workspace::importFiles(db, {path});
        if (!out.result.ok()) {
            out.error = out.result.errors.join(QLatin1Char('\n'));
            return out;
        }
        const auto s = Summary::build(db, out.result.snapshotId, QString(), &out.error);
        if (!s)
            return out;
        out.summary = *s;
        out.summary.remove(QStringLiteral("snapshot"));
        Statement f(db, "SELECT f.code, coalesce(e.name_key, ''), coalesce(f.detail, '') FROM "
                        "finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id");
        while (f.step())
            out.findings << QStringLiteral("%1 | %2 | %3").arg(f.text(0), f.text(1), f.text(2));
        out.findings.sort();
        return out;
    }

    // The import of the same answers as a console CSV with the given header and one line.
    static QByteArray csvOf(const QByteArray &header, const QByteArray &row)
    {
        return header + "\r\n" + row + "\r\n";
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sameFiguresAsTheConsoleCsv_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::newRow("Connect JSON array")
            << connectFile("json") << QStringLiteral("Tanium Connect JSON records");
        QTest::newRow("Connect NDJSON")
            << connectFile("ndjson") << QStringLiteral("Tanium Connect JSON records");
        QTest::newRow("Connect CSV")
            << connectFile("csv") << QStringLiteral("console CSV (UTF-8, ',')");
    }
    void sameFiguresAsTheConsoleCsv()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        const Imported console = import(fleetCsv());
        QVERIFY2(console.error.isEmpty(), qPrintable(console.error));
        const Imported connect = import(path);
        QVERIFY2(connect.error.isEmpty(), qPrintable(connect.error));

        const FileImportReport &report = connect.result.files.at(0);
        QCOMPARE(report.format, format);
        QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(QLatin1Char('\n'))));
        QVERIFY(report.ignoredColumns.isEmpty()); // Computer_Name and Count are known
        QCOMPARE(report.rows, std::int64_t(10));
        QCOMPARE(report.datasets.size(), size_t(1));
        QCOMPARE(report.datasets[0].dataset, QStringLiteral("cx_status"));
        QCOMPARE(report.datasets[0].answers, std::int64_t(10));
        // The same rows of answers per class: WIN-C pending, lnx-4 error, the rest values.
        const FileImportReport &expected = console.result.files.at(0);
        QCOMPARE(report.values, expected.values);
        QCOMPARE(report.values[size_t(ValueClass::Pending)], std::int64_t(1));
        QCOMPARE(report.values[size_t(ValueClass::Error)], std::int64_t(1));

        // Endpoints, coverage, health failures, profiles, every finding: identical.
        QCOMPARE(connect.summary, console.summary);
        QCOMPARE(connect.findings, console.findings);
        const QJsonObject coverage = connect.summary.value(QStringLiteral("coverage")).toObject();
        QCOMPARE(coverage.value(QStringLiteral("no_data")).toInt(), 2);
        QCOMPARE(coverage.value(QStringLiteral("covered")).toInt(), 4);
        QCOMPARE(connect.summary.value(QStringLiteral("endpoints"))
                     .toObject()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 10);
    }

    // Lines of one record's keys correlate by position exactly as the lines of a CSV row's
    // multi-line cells: arrays of equal length give one value row per line; arrays of
    // different lengths are reported and kept raw, with the CSV's very words.
    void multiLineArraysCorrelateAsCsvCells_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("warnings");
        QTest::newRow("equal lengths")
            << QByteArray(R"([{"Computer Name": "k-1", "Domain": ["threatresponse", "dec"],
                "Key": ["health_check", "health_check"], "Value": ["ok", "no disk"],
                "Count": "1"}])")
            << csvOf("Computer Name,Domain,Key,Value,Count",
                     "k-1,\"threatresponse\ndec\",\"health_check\nhealth_check\",\"ok\nno "
                     "disk\",1")
            << 0;
        QTest::newRow("different lengths")
            << QByteArray(R"([{"Computer Name": "k-1", "Domain": ["threatresponse", "dec"],
                "Key": ["health_check"], "Value": ["ok", "no disk", "x"], "Count": "1"}])")
            << csvOf("Computer Name,Domain,Key,Value,Count",
                     "k-1,\"threatresponse\ndec\",health_check,\"ok\nno disk\nx\",1")
            << 1;
        QTest::newRow("special first column, empty others")
            << QByteArray(R"({"Computer_Name": "k-1", "Domain": "TSE-Error: sensor timed out",
                "Key": [], "Value": null, "Count": 1})")
            << csvOf("Computer Name,Domain,Key,Value,Count", "k-1,TSE-Error: sensor timed out,,,1")
            << 0;
    }
    void multiLineArraysCorrelateAsCsvCells()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, csv);
        QFETCH(int, warnings);
        const QString name = QStringLiteral("Client Extensions - Status %1").arg(m_n);
        const QString jsonPath = m_dir.filePath(name + QStringLiteral(".json"));
        const QString csvPath = m_dir.filePath(name + QStringLiteral(".csv"));
        QVERIFY(test::writeFile(jsonPath, json) && test::writeFile(csvPath, csv));
        const Imported fromJson = import(jsonPath);
        QVERIFY2(fromJson.error.isEmpty(), qPrintable(fromJson.error));
        const Imported fromCsv = import(csvPath);
        QVERIFY2(fromCsv.error.isEmpty(), qPrintable(fromCsv.error));
        QCOMPARE(fromJson.summary, fromCsv.summary);
        QCOMPARE(fromJson.findings, fromCsv.findings);
        QCOMPARE(fromJson.result.files.at(0).values, fromCsv.result.files.at(0).values);
        // The same warnings, but for where they are ("$[0]" or "line 1" against "line 2").
        auto what = [](const QStringList &list) {
            QStringList out;
            for (const QString &w : list)
                out << w.section(QStringLiteral(": "), 1);
            return out;
        };
        QCOMPARE(what(fromJson.result.files.at(0).warnings),
                 what(fromCsv.result.files.at(0).warnings));
        QCOMPARE(fromJson.result.files.at(0).warnings.size(), warnings);
        QCOMPARE(fromJson.summary.value(QStringLiteral("endpoints"))
                     .toObject()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 1);
    }

    // The reader: both layouts, values of every scalar type, keys in another order put back
    // in the header's order, other keys a new header, and where each record is.
    void readsArrayAndNdjson()
    {
        RecordingTableSink array;
        ReadResult r = readBytes(R"([
            {"Computer Name": "a", "Tanium Driver Version": "1.2", "Count": "1"},
            {"Count": 2, "Computer Name": "b", "Tanium Driver Version": ["3.4", "5.6"]},
            {"Computer Name": "c", "Tanium Driver Version": null, "Count": true},
            {"Computer Name": "d", "Is Windows": "True"},
            {}
        ])",
                                 array);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 4);
        QCOMPARE(array.events, lines({"header Computer Name | Tanium Driver Version | Count",
                                      "row a | 1.2 | 1", "row b | 3.4;5.6 | 2", "row c |  | true",
                                      "header Computer Name | Is Windows", "row d | True",
                                      "warning an empty record; skipped"}));
        QCOMPARE(array.rowPos.at(1).jsonPath, std::string("$[1]"));
        QCOMPARE(array.rowPos.at(1).line, 3);

        // NDJSON: records are known by their line; CRLF, blank lines and a string with line
        // ends (its lines) are fine.
        RecordingTableSink ndjson;
        r = readBytes("{\"Computer_Name\": \"a\", \"Tanium_Driver_Status\": "
                      "\"Service Status: SERVICE_RUNNING\\r\\nDriver Version 1\"}\r\n\r\n"
                      "{\"Computer_Name\": \"b\", \"Tanium_Driver_Status\": []}\n",
                      ndjson);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(ndjson.events,
                 lines({"header Computer_Name | Tanium_Driver_Status",
                        "row a | Service Status: SERVICE_RUNNING;Driver Version 1", "row b | "}));
        QCOMPARE(ndjson.shapes, lines({"1,2", "1,1"}));
        QCOMPARE(ndjson.rowPos.at(1).jsonPath, std::string());
        QCOMPARE(ndjson.rowPos.at(1).line, 3);
    }

    // NDJSON is read one record at a time, across the stream's 1 MiB chunks.
    void largeNdjsonStreams()
    {
        const QString path = m_dir.filePath(QStringLiteral("large.ndjson"));
        QByteArray bytes;
        const int records = 50000;
        for (int i = 0; i < records; ++i)
            bytes += "{\"Computer_Name\": \"host-" + QByteArray::number(i) +
                     "\", \"Tanium_Driver_Version\": [\"11.2.0." + QByteArray::number(i % 97) +
                     "\"], \"Count\": \"1\"}\n";
        QVERIFY(test::writeFile(path, bytes));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.size() > 3 * 1024 * 1024);
        RecordingTableSink sink;
        sink.keepRows = false;
        const ReadResult r = readConnectRecords(f, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, records);
        QCOMPARE(sink.events, lines({"header Computer_Name | Tanium_Driver_Version | Count"}));
        QCOMPARE(sink.lastRow, std::string("host-49999 | 11.2.0.44 | 1"));
        QCOMPARE(sink.lastRowPos.line, records);
    }

    // A value of the wrong type is an error at its path, never a crash or a guess; so is
    // anything but records.
    void wrongShapesFail_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("records");
        QTest::newRow("object value")
            << QByteArray("[{\"Computer Name\": \"a\", \"Key\": {\"k\": 1}}]")
            << QStringLiteral("line 1, at $[0].Key: expected a string, a number, true, false, "
                              "null or an array of them (one element per line)")
            << 0;
        QTest::newRow("array in an array")
            << QByteArray("{\"Computer Name\": \"a\"}\n{\"Computer Name\": \"b\", \"Domain\": "
                          "[\"x\", [\"y\"]]}")
            << QStringLiteral("line 2, at $.Domain[1]: expected a string, a number, true, false "
                              "or null (one line of a multi-line answer)")
            << 1;
        QTest::newRow("element not an object")
            << QByteArray("[{\"Computer Name\": \"a\"},\n \"b\"]")
            << QStringLiteral("line 2, at $[1]: expected a record object") << 1;
        QTest::newRow("ndjson line not an object")
            << QByteArray("{\"Computer Name\": \"a\"}\n[\"b\"]\n")
            << QStringLiteral("line 2, at $: expected a JSON array of record objects, or one "
                              "record object per line (NDJSON)")
            << 1;
        QTest::newRow("more after the array")
            << QByteArray("[{\"Computer Name\": \"a\"}]\n{\"Computer Name\": \"b\"}")
            << QStringLiteral("line 2, at $: more JSON after the array of records") << 1;
        QTest::newRow("a number")
            << QByteArray("42")
            << QStringLiteral("line 1, at $: expected a JSON array of record objects, or one "
                              "record object per line (NDJSON)")
            << 0;
        QTest::newRow("truncated array")
            << QByteArray(
                   "[{\"Computer Name\": \"a\", \"Count\": \"1\"},\n{\"Computer Name\": \"b\", "
                   "\"Cou")
            << QStringLiteral("line 2, offset 66, at $[1][\"Computer Name\"]: Missing a closing "
                              "quotation "
                              "mark in string.")
            << 1;
        QTest::newRow("truncated ndjson")
            << QByteArray("{\"Computer Name\": \"a\"}\n{\"Computer Name\": [\"b\", ")
            << QStringLiteral("line 2, offset 47, at $[\"Computer Name\"][0]: Invalid value.") << 1;
        QTest::newRow("empty") << QByteArray("\n\n") << QStringLiteral("the file is empty") << 0;
    }
    void wrongShapesFail()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QFETCH(int, records);
        RecordingTableSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, error);
        QCOMPARE(r.records, records);
    }
};

QTEST_MAIN(TestConnectExport)
#include "tst_connectexport.moc"
