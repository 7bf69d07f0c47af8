// trhealth-cli fetch against the fake Tanium server on loopback: the fetched snapshot equals
// the snapshot imported from the same fleet's export files; exit codes; the token stays out
// of every output.
#include "FakeTaniumServer.h"
#include "TestSupport.h"
#include "demo/DemoFleet.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using trh::test::FakeTaniumServer;
Q_DECLARE_METATYPE(QList<FakeTaniumServer::Fault>)

namespace {

const QString kTakenAt = QStringLiteral("2026-11-27T09:00:00Z");

// summary --json without the snapshot's own identity (id, label, files, origin).
QJsonObject summaryOf(const QString &db)
{
    const test::CliResult r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db,
                                            QStringLiteral("--month"), QStringLiteral("2026-11"),
                                            QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("summary failed: %s", r.err.constData());
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    o.remove(QStringLiteral("snapshot"));
    return o;
}

QByteArray findingsOf(const QString &db)
{
    return test::runCli(
               {QStringLiteral("findings"), QStringLiteral("--db"), db, QStringLiteral("--json")})
        .out;
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run fetchCli(const QStringList &args, const QByteArray &token,
             const QProcessEnvironment &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRH_TEST_TOKEN"), QString::fromLatin1(token));
    for (const QString &k : extraEnv.keys())
        env.insert(k, extraEnv.value(k));
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(TRHEALTH_CLI),
            QStringList{QStringLiteral("fetch"), QStringLiteral("--token-env"),
                        QStringLiteral("TRH_TEST_TOKEN"), QStringLiteral("--poll-interval-ms"),
                        QStringLiteral("5"), QStringLiteral("--retry-base-ms"),
                        QStringLiteral("5")} +
                args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestFetchCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const DemoSnapshotFiles files =
            DemoFleet(160).writeSnapshot(3, m_dir.filePath(QStringLiteral("fleet")), &error);
        QVERIFY2(!files.files.isEmpty(), qPrintable(error));
        // Profiles have no fetch path: the comparison import leaves them out too.
        for (const QString &f : files.files) {
            if (!QFileInfo(f).fileName().contains(QLatin1String("profiles")))
                m_files << f;
            else
                QVERIFY(QFile::remove(f));
        }
        m_imported = m_dir.filePath(QStringLiteral("imported.db"));
        const test::CliResult r =
            test::runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), m_imported,
                                     QStringLiteral("--taken-at"), kTakenAt} +
                         m_files);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void fetchedEqualsImported_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("alertsWrapped");
        QTest::newRow("rest, TR 4.x alerts") << QStringLiteral("rest") << true;
        QTest::newRow("gateway, TR 3.x alerts") << QStringLiteral("gateway") << false;
    }

    void fetchedEqualsImported()
    {
        QFETCH(QString, source);
        QFETCH(bool, alertsWrapped);
        FakeTaniumServer server(m_dir.filePath(QStringLiteral("fleet")));
        FakeTaniumServer::Options options;
        options.pollsUntilComplete = 3;
        options.alertsWrapped = alertsWrapped;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));

        const QString db = m_dir.filePath(QStringLiteral("fetched-%1.db").arg(source));
        const Run r =
            fetchCli({QStringLiteral("--db"), db, QStringLiteral("--server"),
                      server.url().toString(), QStringLiteral("--source"), source,
                      QStringLiteral("--taken-at"), kTakenAt, QStringLiteral("--alert-months"),
                      QStringLiteral("1200"), QStringLiteral("--page-rows"), QStringLiteral("50")},
                     options.token);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("snapshot 1 fetched from"));
        QCOMPARE(server.requestsWithoutToken(), 0);
        if (source == QLatin1String("rest")) {
            // Every question was polled until complete (3 polls) and read in pages of 50.
            QVERIFY(server.requests(QStringLiteral("/result_info/")) >= 3 * 9);
            QVERIFY(server.requests(QStringLiteral("/result_data/")) > 9);
            for (const QString &o : server.seenTaniumOptions())
                QVERIFY2(o.contains(QLatin1String("\"no_result_row_collation_flag\":true")),
                         qPrintable(o));
        } else {
            QVERIFY(server.requests(QStringLiteral("/gateway/graphql")) > 9);
        }
        const QJsonObject fetched = summaryOf(db);
        const QJsonObject imported = summaryOf(m_imported);
        QVERIFY(!imported.isEmpty());
        if (fetched != imported) {
            qWarning("fetched: %s", QJsonDocument(fetched).toJson().constData());
            qWarning("imported: %s", QJsonDocument(imported).toJson().constData());
        }
        QCOMPARE(fetched, imported);
        QCOMPARE(findingsOf(db), findingsOf(m_imported));
    }

    void exitCodesAndNoTokenInOutput_data()
    {
        QTest::addColumn<QList<FakeTaniumServer::Fault>>("faults");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        using F = FakeTaniumServer::Fault;
        using K = FakeTaniumServer::FaultKind;
        const QByteArray good = FakeTaniumServer::Options().token;
        QTest::newRow("success with retries")
            << QList<F>{F{QStringLiteral("/questions"), K::Status500, 2, 0}} << good << 0
            << QStringLiteral("snapshot 1 fetched");
        QTest::newRow("wrong token")
            << QList<F>{} << QByteArray("not-the-token-9e2d") << 3 << QStringLiteral("401");
        QTest::newRow("forbidden")
            << QList<F>{F{QStringLiteral("/result_data/"), K::Forbidden, 1, 0}} << good << 3
            << QStringLiteral("403");
        QTest::newRow("invalid JSON")
            << QList<F>{F{QStringLiteral("/result_info/"), K::InvalidJson, 1, 0}} << good << 2
            << QStringLiteral("not valid JSON");
    }

    void exitCodesAndNoTokenInOutput()
    {
        QFETCH(QList<FakeTaniumServer::Fault>, faults);
        QFETCH(QByteArray, token);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        FakeTaniumServer server(m_dir.filePath(QStringLiteral("fleet")));
        FakeTaniumServer::Options options;
        options.faults = faults;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const QString db = m_dir.filePath(QStringLiteral("codes.db"));
        QFile::remove(db);
        // Every logging category on, as a user chasing a problem might do.
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        const Run r = fetchCli({QStringLiteral("--db"), db, QStringLiteral("--server"),
                                server.url().toString(), QStringLiteral("--alert-months"),
                                QStringLiteral("0")},
                               token, env);
        QCOMPARE(r.exitCode, exitCode);
        const QByteArray all = r.out + r.err;
        QVERIFY2(all.contains(message.toUtf8()), all.constData());
        QVERIFY(all.contains("trhealth.fetch")); // the debug log was on
        QVERIFY2(!all.contains(token), all.constData());
        QVERIFY(!all.contains(options.token));
        QCOMPARE(QFileInfo::exists(db), exitCode == 0);
    }

    void terminateCancels()
    {
#ifndef Q_OS_UNIX
        QSKIP("signals are a Unix matter");
#endif
        FakeTaniumServer server(m_dir.filePath(QStringLiteral("fleet")));
        FakeTaniumServer::Options options;
        options.pollsUntilComplete = 1000000; // never complete: the fetch keeps polling
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const QString db = m_dir.filePath(QStringLiteral("terminated.db"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRH_TEST_TOKEN"), QString::fromLatin1(options.token));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRHEALTH_CLI),
                {QStringLiteral("fetch"), QStringLiteral("--db"), db, QStringLiteral("--server"),
                 server.url().toString(), QStringLiteral("--token-env"),
                 QStringLiteral("TRH_TEST_TOKEN"), QStringLiteral("--poll-interval-ms"),
                 QStringLiteral("20")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.requests(QStringLiteral("/result_info/")) >= 3, 30000);
        p.terminate(); // SIGTERM, as a scheduler stopping a job sends
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(p.readAllStandardError().contains("cancelled"));
        QVERIFY(!QFileInfo::exists(db));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString db = QStringLiteral("unused.db");
        QTest::newRow("plain http to another host")
            << QStringList{QStringLiteral("--db"), db, QStringLiteral("--server"),
                           QStringLiteral("http://tanium.example.com")}
            << QStringLiteral("http://");
        QTest::newRow("unknown source")
            << QStringList{QStringLiteral("--db"),     db,
                           QStringLiteral("--server"), QStringLiteral("https://tanium.example.com"),
                           QStringLiteral("--source"), QStringLiteral("soap")}
            << QStringLiteral("--source");
        QTest::newRow("no server")
            << QStringList{QStringLiteral("--db"), db} << QStringLiteral("--server");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = fetchCli(args, QByteArray("tok-31337"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }

    void tokenFromFile()
    {
        FakeTaniumServer server(m_dir.filePath(QStringLiteral("fleet")));
        FakeTaniumServer::Options options;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const QString tokenFile = m_dir.filePath(QStringLiteral("token.txt"));
        QVERIFY(test::writeFile(tokenFile, options.token + "\n"));
        QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const test::CliResult r = test::runCli(
            {QStringLiteral("fetch"), QStringLiteral("--db"),
             m_dir.filePath(QStringLiteral("tf.db")), QStringLiteral("--server"),
             server.url().toString(), QStringLiteral("--token-file"), tokenFile,
             QStringLiteral("--poll-interval-ms"), QStringLiteral("5"),
             QStringLiteral("--alert-months"), QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("snapshot")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("questions")).toArray().size(), 9);
        // The import report of every stored file, with what the fetch asked for it.
        const QJsonArray files = report.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 9);
        for (const QJsonValue &f : files) {
            const QJsonObject fetched = f.toObject().value(QStringLiteral("fetch")).toObject();
            QVERIFY(fetched.value(QStringLiteral("asked"))
                        .toString()
                        .startsWith(QLatin1String("Get Computer Name and OS Platform and ")));
            QCOMPARE(fetched.value(QStringLiteral("completion")).toDouble(), 1.0);
            QVERIFY(f.toObject().value(QStringLiteral("rows")).toInt() > 0);
        }
        QVERIFY(!r.err.contains("readable by other users"));
    }

private:
    QTemporaryDir m_dir;
    QStringList m_files;
    QString m_imported;
};

QTEST_GUILESS_MAIN(TestFetchCli)
#include "tst_fetchcli.moc"
