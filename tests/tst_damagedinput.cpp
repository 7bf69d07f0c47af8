#include "ReportTestSupport.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

// What the command line does with input that holds less than it seems to (docs/
// input-formats.md, "What is refused"): a damaged CSV is refused unless --lenient, which
// then marks the snapshot incomplete; an import with no usable endpoint or alert is refused.
class TestDamagedInput : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // A console CSV of four endpoints cut off inside endpoint 3's quoted cell, as a copy
    // that stopped mid-way leaves it; endpoint 4's row then runs into the open quote.
    static QByteArray cutOff()
    {
        return "Computer Name,Domain,Key,Value,Count\r\n"
               "ep-1,\"threatresponse\nthreatresponse\",\"health_check\napplied_profile\","
               "\"ok\nP\",1\r\n"
               "ep-2,\"threatresponse\nthreatresponse\",\"health_check\napplied_profile\","
               "\"bad disk\nP\",1\r\n"
               "ep-3,\"threatresponse\nthreat";
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("%1/%2").arg(++m_n).arg(name));
        return test::writeFile(path, content) ? path : QString();
    }

    static std::int64_t snapshots(const QString &db)
    {
        Database d;
        if (!Store::open(d, db, Store::OpenMode::Existing).ok())
            return -1;
        return d.scalarInt("SELECT count(*) FROM snapshot").value_or(-1);
    }

    // Writes `content` as a file `name` and imports it into a new workspace with the command
    // line, which must refuse it (exit 2) without writing a snapshot: the first line on stderr
    // names the file and then `where`; a damaged CSV gets a second line, the --lenient advice.
    // Returns what went wrong, empty if nothing did.
    QString refusal(const QString &name, const QByteArray &content, const QString &where,
                    bool advice)
    {
        const QString file = write(name, content);
        const QString db = m_dir.filePath(QStringLiteral("refused%1.trdb").arg(m_n));
        const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db, file});
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        if (r.exitCode != 2)
            return QStringLiteral("exit code %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
        if (!lines[0].startsWith(
                QByteArray("trhealth-cli: " + file.toUtf8() + ": " + where.toUtf8())))
            return QString::fromUtf8(lines[0]);
        if (lines.size() != (advice ? 2 : 1) || (advice && !lines[1].contains("--lenient")))
            return QString::fromUtf8(r.err);
        if (snapshots(db) != 0)
            return QStringLiteral("a snapshot was written");
        return QString();
    }

    QJsonObject summary(const QString &db)
    {
        const auto r = test::runCli(
            {QStringLiteral("summary"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

    // The first page of db's report (pdf: its text; html: the file up to the first chapter).
    QString reportCover(const QString &db, const QString &format)
    {
        const QString out = m_dir.filePath(QStringLiteral("report%1.%2").arg(++m_n).arg(format));
        const auto r = test::runCli({QStringLiteral("report"), QStringLiteral("--db"), db,
                                     QStringLiteral("--") + format, out});
        if (r.exitCode != 0)
            return QString::fromUtf8(r.err);
        if (format == QLatin1String("pdf"))
            return test::pdfText(out).section(QLatin1Char('\f'), 0, 0);
        QFile f(out);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QString html = QString::fromUtf8(f.readAll());
        return html.left(html.indexOf(QLatin1String("class=\"section\"")));
    }

private slots:
    void damagedCsvIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("where");
        QTest::newRow("cut off in a quoted cell")
            << cutOff() << QStringLiteral("line 10: a quoted cell is opened and never closed");
        QTest::newRow("text after a closing quote")
            << QByteArray("Computer Name,Tanium Driver Version,Count\nwin-1,\"1.2\"3,1\n")
            << QStringLiteral("line 2: text after the closing quote of a quoted cell");
        QTest::newRow("a short row in the middle")
            << QByteArray("Computer Name,Tanium Driver Version,Count\nwin-1,1.2,1\nwin-2\n"
                          "win-3,1.2,1\n")
            << QStringLiteral("line 3: 1 cell, the header has 3");
        QTest::newRow("a last row cut short")
            << QByteArray("Computer Name,Tanium Driver Version,Count\nwin-1,1.2,1\nwin-2,1.")
            << QStringLiteral("line 3: 2 cells, the header has 3");
    }
    void damagedCsvIsRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, where);
        // One line names the file and where the damage starts; one says what to do.
        const QString why = refusal(QStringLiteral("export.csv"), content, where, true);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    // --lenient imports the intact rows and says, wherever the snapshot shows, that it is not
    // complete.
    void lenientImportMarksTheSnapshotIncomplete()
    {
        const QString file = write(QStringLiteral("Client Extensions - Status.csv"), cutOff());
        const QString db = m_dir.filePath(QStringLiteral("lenient.trdb"));
        const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db,
                                     QStringLiteral("--lenient"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("is marked incomplete"), r.err.constData());
        QVERIFY(r.out.contains("damaged rows skipped (lenient import): 1"));
        QVERIFY2(r.out.contains("  warning: line 10: a quoted cell is opened and never closed; "
                                "the row (from line 10) was skipped (lenient import)\n"),
                 r.out.constData());
        const QJsonObject s = summary(db);
        QCOMPARE(s.value(QStringLiteral("complete")), QJsonValue(false));
        QCOMPARE(s.value(QStringLiteral("endpoints")).toObject().value(QStringLiteral("total")),
                 QJsonValue(2));
        const auto text = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db});
        QVERIFY(text.out.contains("INCOMPLETE"));
        // The report's cover says it before any figure, in print and in HTML.
        QVERIFY(reportCover(db, QStringLiteral("pdf"))
                    .contains(QStringLiteral("Incomplete snapshot.")));
        QVERIFY(reportCover(db, QStringLiteral("html"))
                    .contains(QStringLiteral("Incomplete snapshot.")));

        // An intact file is complete, lenient or not.
        const QString good = write(QStringLiteral("Client Extensions - Status.csv"),
                                   cutOff().left(cutOff().indexOf("ep-3")));
        const QString db2 = m_dir.filePath(QStringLiteral("intact.trdb"));
        QCOMPARE(test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db2,
                               QStringLiteral("--lenient"), good})
                     .exitCode,
                 0);
        QCOMPARE(summary(db2).value(QStringLiteral("complete")), QJsonValue(true));
        const QString cover = reportCover(db2, QStringLiteral("pdf"));
        QVERIFY(cover.contains(QStringLiteral("Threat Response maintenance report")));
        QVERIFY(!cover.contains(QStringLiteral("Incomplete")));
    }

    // A JSON file that lacks a field its kind requires is refused as a whole, with the file
    // and the JSON path of what is missing (an alert with neither id nor guid cannot be
    // followed from one snapshot to the next; a result set without columns cannot be read);
    // so is a JSON file cut off, a Tanium Connect export as any other.
    void badJsonIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("where");
        QTest::newRow("alert without id or guid")
            << QByteArray("{\"data\": [\n{\"id\": 1, \"state\": \"resolved\", \"createdAt\": "
                          "\"2026-11-01T00:00:00Z\"},\n"
                          "{\"id\": 2, \"state\": \"resolved\"},\n{\"guid\": \"g-3\"},\n"
                          "{\"state\": \"unresolved\", \"computerName\": \"desk-4\", "
                          "\"matchDetails\": {\"id\": 4}}\n]}")
            << QStringLiteral("line 5, at $.data[3].id: required field missing: an alert needs "
                              "an \"id\" or a \"guid\", and this one has neither");
        QTest::newRow("result set without columns")
            << QByteArray("{\"data\": {\"now\": \"2026/11/20 06:30:00 GMT-0000\", "
                          "\"result_sets\": [\n{\"row_count\": 1, \"rows\": [{\"id\": 1, "
                          "\"data\": [[{\"text\": \"till-01\"}]]}]}]}}")
            << QStringLiteral("line 2, at $.data.result_sets[0].columns: required field missing: "
                              "a result set needs \"columns\"");
        // A second "now" would move the snapshot's date (last one winning): refused.
        QTest::newRow("a key named twice")
            << QByteArray("{\"data\": {\"now\": \"2026/11/20 06:30:00 GMT-0000\",\n"
                          "\"now\": \"2019/01/01 00:00:00 GMT-0000\", \"result_sets\": []}}")
            << QStringLiteral("line 2, at $.data.now: duplicate key \"now\": the object names it "
                              "twice");
        QTest::newRow("an alert field named twice")
            << QByteArray("[{\"id\": 1, \"state\": \"resolved\", \"createdAt\": "
                          "\"2026-11-01T00:00:00Z\",\n \"state\": \"unresolved\"}]")
            << QStringLiteral("line 2, at $[0].state: duplicate key \"state\": the object names "
                              "it twice");
        const QByteArray records =
            "{\"Computer Name\": \"kiosk-1\", \"Tanium Driver Version\": \"11.2\", \"Count\": "
            "\"1\"}";
        QTest::newRow("Connect JSON array cut off")
            << QByteArray("[\n" + records + ",\n" + records.left(40))
            << QStringLiteral("line 3, offset 119, at $[1][\"Computer Name\"]: Missing a closing "
                              "quotation mark in string.");
        QTest::newRow("Connect NDJSON cut off")
            << QByteArray(records + "\n" + records + "\n" + records.left(60))
            << QStringLiteral("line 3, offset 212, at $[\"Tanium Driver Version\"]: Missing a "
                              "comma or '}' after an object member.");
    }
    void badJsonIsRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, where);
        // No --lenient advice: that is for damaged CSV.
        const QString why = refusal(QStringLiteral("answer.json"), content, where, false);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    // Every warning names its place once (a lenient skip said "line 10: line 10: …").
    void warningsNameTheirLineOnce()
    {
        const QStringList files = {
            write(QStringLiteral("Client Extensions - Status.csv"), cutOff()),
            write(QStringLiteral("Tanium Driver Version.csv"),
                  "Computer Name,Tanium Driver Version,Count\r\nWIN-1,1.0,1\r\n,1.0,1\r\n"
                  "WIN-3,1.0,abc\r\n"),
            write(
                QStringLiteral("connect.json"),
                "{\"Computer Name\": \"A\", \"Tanium Driver Version\": \"1\", \"Count\": \"1\"}\n"
                "{\"Computer Name\": \"\", \"Tanium Driver Version\": \"1\", \"Count\": \"1\"}\n"),
            write(QStringLiteral("alerts.json"),
                  "[{\"id\": 1, \"state\": \"resolved\", \"createdAt\": \"2026-11-01T00:00:00Z\", "
                  "\"computerName\": {\"a\": 1}}]"),
        };
        const QString db = m_dir.filePath(QStringLiteral("warnings.trdb"));
        const auto r = test::runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"),
                                                db, QStringLiteral("--lenient")} +
                                    files);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.count("  warning: "), 5);
        static const QRegularExpression twice(QStringLiteral("line (\\d+)[^\n]*line \\1:"));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(!twice.match(out).hasMatch(), r.out.constData());
    }

    // A Gateway page whose only node has no usable name (an error instead of a name) gives
    // no endpoint: refused, not an empty month.
    void importWithoutUsableEndpointIsRefused()
    {
        const QString file =
            write(QStringLiteral("endpoints.json"),
                  R"({"data": {"endpoints": {"edges": [{"node": {"computerID": "1234",
                "sensorReadings": {"columns": [{"name": "Application", "values":
                ["TSE-Error: Could not find sensor"]}]}}, "cursor": "a"}],
                "pageInfo": {"hasNextPage": false, "endCursor": "a"}, "totalRecords": 1}}})");
        const QString db = m_dir.filePath(QStringLiteral("nothing.trdb"));
        const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db, file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QByteArray(file.toUtf8() + ": no usable endpoint or alert")),
                 r.err.constData());
        QVERIFY(r.err.contains("not a usable name"));
        QVERIFY(r.err.contains("nothing was imported"));
        QCOMPARE(snapshots(db), std::int64_t(0));
    }
};

QTEST_MAIN(TestDamagedInput)
#include "tst_damagedinput.moc"
