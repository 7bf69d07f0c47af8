#include "TestSupport.h"
#include "analysis/Analyzer.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {
int lineCount(const QByteArray &text)
{
    return int(text.count('\n'));
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString db(const char *name) { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void usageErrorsExitOne()
    {
        auto r = test::runCli({});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("usage: trhealth-cli"));
        QVERIFY(r.out.isEmpty());
        r = test::runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("unknown command \"frobnicate\""));
        r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("u.trdb")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no files given"));
        r = test::runCli({QStringLiteral("summary"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 1);
        r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db("u.trdb"),
                          QStringLiteral("--month"), QStringLiteral("2026-13")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--month 2026-13"));
    }

    void helpGoesToStdout()
    {
        const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--taken-at"));
    }

    void importThenSummaryJson()
    {
        QStringList args{QStringLiteral("import"), QStringLiteral("--db"), db("a.trdb"),
                         QStringLiteral("--label"), QStringLiteral("November")};
        args << test::fleetFiles();
        auto r = test::runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.contains("dataset cx_status"));
        QVERIFY(r.out.contains("snapshot 1 taken at 2026-11-27T09:00:00Z"));

        r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db("a.trdb"),
                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QJsonParseError pe;
        const QJsonObject s = QJsonDocument::fromJson(r.out, &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(s.value(QStringLiteral("snapshot"))
                     .toObject()
                     .value(QStringLiteral("label"))
                     .toString(),
                 QStringLiteral("November"));
        QCOMPARE(
            s.value(QStringLiteral("endpoints")).toObject().value(QStringLiteral("total")).toInt(),
            10);
        QCOMPARE(s.value(QStringLiteral("health_failures"))
                     .toObject()
                     .value(QStringLiteral("any"))
                     .toInt(),
                 3);

        r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db("a.trdb"),
                          QStringLiteral("--snapshot"), QStringLiteral("7"),
                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("no snapshot 7"));
    }

    void importReportAsJson()
    {
        const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("j.trdb"),
                                     QStringLiteral("--json"),
                                     test::fixture(QStringLiteral("fleet/gateway-bpf.json"))});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("snapshot")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("files")).toArray().size(), 1);
    }

    void importAnalysesUnlessDeferred()
    {
        // Given one import as usual and one with --defer-analysis,
        const QString file = test::fixture(QStringLiteral("fleet/gateway-bpf.json"));
        QCOMPARE(
            test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("an.trdb"), file})
                .exitCode,
            0);
        QCOMPARE(test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("an.trdb"),
                               QStringLiteral("--defer-analysis"), file})
                     .exitCode,
                 0);
        // then only the first snapshot was analysed by its import.
        Database database;
        QVERIFY(Store::open(database, db("an.trdb"), Store::OpenMode::ReadOnly).ok());
        QVERIFY(Analyzer::stored(database, 1).has_value());
        QVERIFY(!Analyzer::stored(database, 2).has_value());
    }

    void badInputExitsTwoWithOneLinePerProblem()
    {
        const QString good = test::fixture(QStringLiteral("fleet/gateway-bpf.json"));
        QVERIFY(test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("b.trdb"), good})
                    .exitCode == 0);
        const QByteArray before = test::readAll(db("b.trdb"));
        const QString empty = m_dir.filePath(QStringLiteral("empty.csv"));
        const QString truncated = m_dir.filePath(QStringLiteral("trunc.json"));
        QVERIFY(test::writeFile(empty, ""));
        QVERIFY(test::writeFile(
            truncated, "{\"data\": [ {\"id\": 1, \"state\": \"resolved\", \"createdAt\": \"x\""));
        const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("b.trdb"),
                                     empty, good, truncated});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(lineCount(r.err), 2);
        QVERIFY(r.err.contains(empty.toUtf8()));
        QVERIFY(r.err.contains(truncated.toUtf8()));
        const auto s = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"),
                                     db("b.trdb"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(s.out)
                     .object()
                     .value(QStringLiteral("snapshot"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInt(),
                 1);
        Q_UNUSED(before);
    }

    void missingFileAndNewerSchemaAreBadInput()
    {
        auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("c.trdb"),
                               QStringLiteral("/no/such/file.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("/no/such/file.csv: no such file"));
        r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db("missing.trdb"),
                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no such file"));
        // A file from a newer trhealth is refused and left untouched.
        QVERIFY(test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("n.trdb"),
                              test::fixture(QStringLiteral("fleet/gateway-bpf.json"))})
                    .exitCode == 0);
        {
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"),
                         {db("n.trdb"),
                          QStringLiteral("PRAGMA journal_mode=DELETE; PRAGMA user_version=77;")});
            QVERIFY(sqlite.waitForFinished());
            QCOMPARE(sqlite.exitCode(), 0);
        }
        const QByteArray before = test::readAll(db("n.trdb"));
        r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("n.trdb"),
                          test::fixture(QStringLiteral("fleet/gateway-bpf.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("newer trhealth"));
        QCOMPARE(test::readAll(db("n.trdb")), before);
    }

    void unknownAsDatasetIsBadInput()
    {
        const auto r = test::runCli({QStringLiteral("import"), QStringLiteral("--db"), db("d.trdb"),
                                     QStringLiteral("--as"), QStringLiteral("nonsense"),
                                     test::fixture(QStringLiteral("fleet/gateway-bpf.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--as nonsense: unknown dataset"));
    }

    void findingsDrillDownWithNotesAndExceptions()
    {
        QStringList args{QStringLiteral("import"), QStringLiteral("--db"), db("f.trdb")};
        args << test::fleetFiles();
        QCOMPARE(test::runCli(args).exitCode, 0);
        auto findings = [&](const char *code) {
            const auto r = test::runCli({QStringLiteral("findings"), QStringLiteral("--db"),
                                         db("f.trdb"), QStringLiteral("--code"),
                                         QString::fromLatin1(code), QStringLiteral("--json")});
            return QJsonDocument::fromJson(r.out).object();
        };
        // The figure health_failures.dec = 1 drills down to exactly WIN-D.
        QJsonObject f = findings("health.dec");
        QCOMPARE(f.value(QStringLiteral("count")).toInt(), 1);
        const QJsonObject row = f.value(QStringLiteral("findings")).toArray().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("WIN-D")); // first spelling seen
        QCOMPARE(row.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("connection refused"));
        QCOMPARE(row.value(QStringLiteral("accepted")).toBool(), false);
        // An exception until a date after the snapshot marks it accepted; it is still listed.
        auto r = test::runCli(
            {QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), db("f.trdb"),
             QStringLiteral("--endpoint"), QStringLiteral("WIN-D"), QStringLiteral("--code"),
             QStringLiteral("health.dec"), QStringLiteral("--text"), QStringLiteral("lab machine"),
             QStringLiteral("--accept-until"), QStringLiteral("2026-12-31")});
        QCOMPARE(r.exitCode, 0);
        f = findings("health.dec");
        QCOMPARE(f.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(f.value(QStringLiteral("accepted")).toInt(), 1);
        QCOMPARE(f.value(QStringLiteral("findings"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("notes"))
                     .toString(),
                 QStringLiteral("lab machine"));
        // An exception that expired before the snapshot is a plain note again.
        r = test::runCli({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"),
                          db("f.trdb"), QStringLiteral("--endpoint"), QStringLiteral("win-b"),
                          QStringLiteral("--code"), QStringLiteral("health.stream"),
                          QStringLiteral("--text"), QStringLiteral("old"),
                          QStringLiteral("--accept-until"), QStringLiteral("2026-11-01")});
        QCOMPARE(r.exitCode, 0);
        f = findings("health.stream");
        QCOMPARE(f.value(QStringLiteral("accepted")).toInt(), 0);
        r = test::runCli({QStringLiteral("findings"), QStringLiteral("--db"), db("f.trdb"),
                          QStringLiteral("--code"), QStringLiteral("nonsense")});
        QCOMPARE(r.exitCode, 2);
    }

    void expectedExtensionVersionChangesOutliers()
    {
        QStringList args{QStringLiteral("import"), QStringLiteral("--db"), db("x.trdb")};
        args << test::fleetFiles();
        QCOMPARE(test::runCli(args).exitCode, 0);
        auto outliers = [&] {
            const auto r = test::runCli({QStringLiteral("findings"), QStringLiteral("--db"),
                                         db("x.trdb"), QStringLiteral("--code"),
                                         QStringLiteral("extensions.version_outlier"),
                                         QStringLiteral("--json")});
            return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("count")).toInt();
        };
        // recorder: 3.2.0 twice, 3.1.0 once -> one outlier; expecting 3.1.0 makes it two.
        QCOMPARE(outliers(), 1);
        auto r = test::runCli({QStringLiteral("expect"), QStringLiteral("--db"), db("x.trdb"),
                               QStringLiteral("--extension"), QStringLiteral("Recorder"),
                               QStringLiteral("--version"), QStringLiteral("3.1.0")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("recorder\t3.1.0\n"));
        QCOMPARE(outliers(), 2);
        r = test::runCli({QStringLiteral("expect"), QStringLiteral("--db"), db("x.trdb"),
                          QStringLiteral("--extension"), QStringLiteral("recorder"),
                          QStringLiteral("--clear")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(outliers(), 1);
        QCOMPARE(
            test::runCli({QStringLiteral("expect"), QStringLiteral("--db"), db("x.trdb")}).exitCode,
            1);
    }

    void demoBuildsSeveralSnapshots()
    {
        auto r = test::runCli({QStringLiteral("demo"), QStringLiteral("--db"), db("demo.trdb"),
                               QStringLiteral("--endpoints"), QStringLiteral("300")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db("demo.trdb"),
                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        const QJsonObject ep = s.value(QStringLiteral("endpoints")).toObject();
        QVERIFY(ep.value(QStringLiteral("total")).toInt() >= 280);
        QVERIFY(s.value(QStringLiteral("health_failures"))
                    .toObject()
                    .value(QStringLiteral("any"))
                    .toInt() > 0);
        QVERIFY(s.value(QStringLiteral("driver"))
                    .toObject()
                    .value(QStringLiteral("service_not_running"))
                    .toInt() > 0);
        QVERIFY(
            s.value(QStringLiteral("bpf")).toObject().value(QStringLiteral("bcc_only")).toInt() >
            0);
        QCOMPARE(s.value(QStringLiteral("snapshot"))
                     .toObject()
                     .value(QStringLiteral("taken_at"))
                     .toString(),
                 QStringLiteral("2026-11-27T09:00:00Z"));
        // A second demo into the same file is refused.
        r = test::runCli({QStringLiteral("demo"), QStringLiteral("--db"), db("demo.trdb")});
        QCOMPARE(r.exitCode, 2);
        r = test::runCli({QStringLiteral("demo"), QStringLiteral("--db"), db("demo2.trdb"),
                          QStringLiteral("--endpoints"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
