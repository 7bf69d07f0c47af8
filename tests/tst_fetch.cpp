// The fetch engine against the fake Tanium server on loopback: faults survived or reported
// clearly, nothing half-written, TLS verified, the token kept out of messages and logs.
#include "FakeTaniumServer.h"
#include "TestSupport.h"
#include "demo/DemoFleet.h"
#include "fetch/Fetcher.h"
#include "store/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using namespace trh::fetch;
using trh::test::FakeTaniumServer;
using Fault = FakeTaniumServer::Fault;
using Kind = FakeTaniumServer::FaultKind;
Q_DECLARE_METATYPE(FakeTaniumServer::Fault)

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (type != QtDebugMsg && g_previous)
        g_previous(type, context, message);
}

// Rows of the workspace's tables that a fetch writes to (-1 if it cannot be read).
qint64 storedRows(const QString &path)
{
    Database db;
    if (!db.open(path, Database::Mode::ReadOnly))
        return -1;
    return db
        .scalarInt("SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM source_file)")
        .value_or(-1);
}

} // namespace

class TestFetch : public QObject
{
    Q_OBJECT

    // Runs one fetch to the end (or cancels it at the first progress step containing
    // cancelAt).
    FetchResult fetch(const FetchOptions &options, const QString &db,
                      const QString &cancelAt = QString(), FetchTuning tuning = fastTuning())
    {
        Fetcher fetcher(db);
        fetcher.setTuning(tuning);
        QSignalSpy finished(&fetcher, &Fetcher::finished);
        connect(&fetcher, &Fetcher::progress, &fetcher, [&](const QString &step, int, int) {
            if (!cancelAt.isEmpty() && step.contains(cancelAt))
                fetcher.cancel();
        });
        fetcher.start(options);
        if (!finished.wait(60000) || finished.isEmpty())
            return {};
        return finished.first().first().value<FetchResult>();
    }

    static FetchTuning fastTuning()
    {
        FetchTuning t;
        t.pollIntervalMilliseconds = 5;
        t.retryBaseMilliseconds = 5;
        t.retryAfterUnitMilliseconds = 5;
        t.pageRows = 40;
        return t;
    }

    FetchOptions optionsFor(const FakeTaniumServer &server, const FakeTaniumServer::Options &o)
    {
        FetchOptions options;
        options.connection.server = server.url();
        options.connection.questionTimeoutSeconds = 20;
        options.connection.requestTimeoutSeconds = 20;
        options.token = o.token;
        options.alertMonths = 1200;
        return options;
    }

    // A workspace with one imported snapshot; returns its path.
    QString workspace(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (!test::createFleetWorkspace(path))
            return {};
        return path;
    }

    std::unique_ptr<FakeTaniumServer> serve(const FakeTaniumServer::Options &o)
    {
        auto server = std::make_unique<FakeTaniumServer>(m_fleet);
        QString error;
        if (!server->start(o, &error)) {
            qWarning("fake server: %s", qPrintable(error));
            return nullptr;
        }
        return server;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fleet = m_dir.filePath(QStringLiteral("fleet"));
        QString error;
        QVERIFY2(!DemoFleet(60).writeSnapshot(3, m_fleet, &error).files.isEmpty(),
                 qPrintable(error));
        g_previous = qInstallMessageHandler(captureMessages);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void validateConnection_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::newRow("https") << QStringLiteral("https://tanium.example.com") << true;
        QTest::newRow("https with port and path")
            << QStringLiteral("https://tanium.example.com:8443/base") << true;
        QTest::newRow("http to a remote host")
            << QStringLiteral("http://tanium.example.com") << false;
        QTest::newRow("http to a private address") << QStringLiteral("http://10.0.0.5") << false;
        QTest::newRow("http to 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("http to 127.1.2.3") << QStringLiteral("http://127.1.2.3") << true;
        QTest::newRow("http to ::1") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("http to localhost") << QStringLiteral("http://localhost:1") << true;
        QTest::newRow("http to localhost.evil.com")
            << QStringLiteral("http://localhost.evil.com") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://tanium.example.com") << false;
        QTest::newRow("user info") << QStringLiteral("https://u:p@tanium.example.com") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void validateConnection()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        Connection c;
        c.server = QUrl(url);
        QCOMPARE(Connection::validate(c).isEmpty(), valid);
    }

    void validateRejectsBadSettings()
    {
        Connection c;
        c.server = QUrl(QStringLiteral("https://tanium.example.com"));
        c.completionThreshold = 0;
        QVERIFY(!Connection::validate(c).isEmpty());
        c.completionThreshold = 1.5;
        QVERIFY(!Connection::validate(c).isEmpty());
        c.completionThreshold = 1;
        c.caFile = m_dir.filePath(QStringLiteral("no-such-ca.pem"));
        QVERIFY(!Connection::validate(c).isEmpty());
    }

    void pollsUntilComplete()
    {
        FakeTaniumServer::Options o;
        o.pollsUntilComplete = 4;
        auto server = serve(o);
        QVERIFY(server);
        const QString db = workspace(QStringLiteral("polls.db")); // has snapshot 1
        QVERIFY(!db.isEmpty());
        const FetchResult r = fetch(optionsFor(*server, o), db);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.snapshotId, 2);
        QCOMPARE(storedRows(db), 1 + int(test::fleetFiles().size()) + 1 + 10);
        QCOMPARE(r.questions.size(), 10); // nine questions and the alerts
        for (const QuestionStat &q : r.questions) {
            QVERIFY2(q.complete, qPrintable(q.question));
            QVERIFY(q.rows > 0);
        }
        // At 95 %: 4 polls per question (25, 50, 75, 100 %).
        QCOMPARE(server->requests(QStringLiteral("/result_info/")), 4 * 9);
        QCOMPARE(server->requestsWithoutToken(), 0);
        QVERIFY(r.reportText.contains(QLatin1String("answered by")));
    }

    void incompleteAnswersCountAsPending()
    {
        FakeTaniumServer::Options o;
        o.pollsUntilComplete = 2;
        o.maxCompletionPercent = 50;
        auto server = serve(o);
        QVERIFY(server);
        FetchOptions options = optionsFor(*server, o);
        options.connection.questionTimeoutSeconds = 1;
        options.alertMonths = 0;
        FetchTuning tuning = fastTuning();
        tuning.questionTimeoutUnitMilliseconds = 200;
        const FetchResult r =
            fetch(options, m_dir.filePath(QStringLiteral("partial.db")), QString(), tuning);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.questions.size(), 9);
        for (const QuestionStat &q : r.questions) {
            QVERIFY(!q.complete);
            QCOMPARE(q.tested, q.estimatedTotal / 2);
        }
        QVERIFY(!r.warnings.isEmpty());
        QVERIFY(r.warnings.first().contains(QLatin1String("pending")));
        // The endpoints that had not answered are stored as pending answers.
        QVERIFY(r.reportText.contains(QRegularExpression(QStringLiteral("pending [1-9]"))));
    }

    void faultsAreSurvived_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::newRow("500 twice") << Fault{QStringLiteral("/questions"), Kind::Status500, 2, 0};
        QTest::newRow("429 with Retry-After")
            << Fault{QStringLiteral("/result_data/"), Kind::RateLimited, 2, 1};
        QTest::newRow("truncated body")
            << Fault{QStringLiteral("/result_data/"), Kind::Truncated, 1, 0};
        QTest::newRow("slow answer") << Fault{QStringLiteral("/result_info/"), Kind::Slow, 1, 1800};
        QTest::newRow("500 on alerts") << Fault{QStringLiteral("/alerts"), Kind::Status500, 3, 0};
    }

    void faultsAreSurvived()
    {
        QFETCH(Fault, fault);
        FakeTaniumServer::Options o;
        o.faults << fault;
        auto server = serve(o);
        QVERIFY(server);
        FetchOptions options = optionsFor(*server, o);
        if (fault.kind == Kind::Slow)
            options.connection.requestTimeoutSeconds = 1; // the slow answer takes 1.8 s
        const FetchResult r = fetch(options, m_dir.filePath(QStringLiteral("faults.db")));
        QVERIFY2(r.ok, qPrintable(r.error));
        int retries = 0;
        for (const QuestionStat &q : r.questions)
            retries += q.retries;
        // Each fault costs one retry (a busy machine may add timeouts to the 1 s limit).
        if (fault.kind == Kind::Slow)
            QVERIFY(retries >= fault.times);
        else
            QCOMPARE(retries, fault.times);
        QFile::remove(m_dir.filePath(QStringLiteral("faults.db")));
    }

    void alertsApiMissingIsAWarning()
    {
        FakeTaniumServer::Options o;
        o.faults << Fault{QStringLiteral("/alerts"), Kind::NotFound, -1, 0};
        auto server = serve(o);
        QVERIFY(server);
        const FetchResult r =
            fetch(optionsFor(*server, o), m_dir.filePath(QStringLiteral("noalerts.db")));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.questions.size(), 10);
        QCOMPARE(r.questions.last().rows, 0);
        QCOMPARE(r.warnings.filter(QStringLiteral("404")).size(), 1);
        QVERIFY(!r.reportText.contains(QLatin1String("alerts.json")));
    }

    void unknownSensorIsLeftOutWithAWarning_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("message");
        QTest::newRow("rest") << int(Source::Rest) << QStringLiteral("HTTP 400");
        QTest::newRow("gateway") << int(Source::Gateway)
                                 << QStringLiteral("API Gateway reported: unknown sensor");
    }

    void unknownSensorIsLeftOutWithAWarning()
    {
        QFETCH(int, source);
        QFETCH(QString, message);
        // A fleet without Threat Response - Status: the server does not know that sensor.
        const QString partial = m_dir.filePath(QStringLiteral("partial-fleet"));
        QVERIFY(QDir().mkpath(partial));
        for (const QFileInfo &f : QDir(m_fleet).entryInfoList(QDir::Files)) {
            const QString to = QDir(partial).filePath(f.fileName());
            if (!f.fileName().contains(QLatin1String("Threat Response - Status")) &&
                !QFileInfo::exists(to))
                QVERIFY(QFile::copy(f.filePath(), to));
        }
        FakeTaniumServer server(partial);
        FakeTaniumServer::Options o;
        QString error;
        QVERIFY2(server.start(o, &error), qPrintable(error));
        FetchOptions options = optionsFor(server, o);
        options.connection.source = Source(source);
        const QString db = m_dir.filePath(QStringLiteral("unknown-sensor.db"));
        QFile::remove(db);
        const FetchResult r = fetch(options, db);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.questions.size(), 10);
        int leftOut = 0;
        for (const QuestionStat &q : r.questions) {
            if (q.dataset == QLatin1String("tr_status")) {
                QCOMPARE(q.rows, 0);
                ++leftOut;
            } else if (q.dataset != QLatin1String("alerts")) {
                QVERIFY(q.rows > 0);
            }
        }
        QCOMPARE(leftOut, 1);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().contains(message), qPrintable(r.warnings.first()));
        QVERIFY(!r.reportText.contains(QLatin1String("Threat Response - Status")));
    }

    void failuresLeaveTheWorkspaceAsItWas_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("badInput");
        QTest::newRow("401") << Fault{QString(), Kind::Unauthorized, 1, 0}
                             << QStringLiteral("refused the API token (401") << false;
        QTest::newRow("403 on result_data")
            << Fault{QStringLiteral("/result_data/"), Kind::Forbidden, 1, 0}
            << QStringLiteral("IP address") << false;
        QTest::newRow("invalid JSON")
            << Fault{QStringLiteral("/result_data/"), Kind::InvalidJson, 1, 0}
            << QStringLiteral("not valid JSON") << true;
        QTest::newRow("500 for ever") << Fault{QStringLiteral("/alerts"), Kind::Status500, -1, 0}
                                      << QStringLiteral("Gave up after 6 attempts") << false;
        QTest::newRow("too large") << Fault{QStringLiteral("/result_info/"), Kind::Huge, 1, 5000}
                                   << QStringLiteral("larger than") << false;
    }

    void failuresLeaveTheWorkspaceAsItWas()
    {
        QFETCH(Fault, fault);
        QFETCH(QString, message);
        QFETCH(bool, badInput);
        FakeTaniumServer::Options o;
        o.faults << fault;
        auto server = serve(o);
        QVERIFY(server);
        const QString db = workspace(QStringLiteral("failure.db"));
        QVERIFY(!db.isEmpty());
        const QByteArray before = test::readAll(db);
        const qint64 rowsBefore = storedRows(db);
        QVERIFY(rowsBefore > 0);
        FetchTuning tuning = fastTuning();
        if (fault.kind == Kind::Huge)
            tuning.maxResponseBytes = 4000;
        const FetchResult r = fetch(optionsFor(*server, o), db, QString(), tuning);
        QVERIFY(!r.ok);
        QVERIFY(!r.cancelled);
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
        QCOMPARE(r.badInput, badInput);
        QVERIFY(!r.error.contains(QString::fromLatin1(o.token)));
        QCOMPARE(test::readAll(db), before);
        QCOMPARE(storedRows(db), rowsBefore);
        QFile::remove(db);
    }

    void cancelLeavesTheWorkspaceAsItWas_data()
    {
        QTest::addColumn<QString>("cancelAt");
        QTest::newRow("while asking") << QStringLiteral("Asking");
        QTest::newRow("while polling") << QStringLiteral("endpoints answered");
        QTest::newRow("while reading pages") << QStringLiteral("all machines: 40 rows read");
        QTest::newRow("while reading alerts") << QStringLiteral("Threat Response alerts");
        QTest::newRow("before storing") << QStringLiteral("Storing the snapshot");
    }

    void cancelLeavesTheWorkspaceAsItWas()
    {
        QFETCH(QString, cancelAt);
        FakeTaniumServer::Options o;
        o.pollsUntilComplete = 3;
        auto server = serve(o);
        QVERIFY(server);
        const QString db = workspace(QStringLiteral("cancel.db"));
        QVERIFY(!db.isEmpty());
        const QByteArray before = test::readAll(db);
        const qint64 rowsBefore = storedRows(db);
        QVERIFY(rowsBefore > 0);
        const FetchResult r = fetch(optionsFor(*server, o), db, cancelAt);
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QCOMPARE(test::readAll(db), before);
        QCOMPARE(storedRows(db), rowsBefore);
        QFile::remove(db);
    }

    void newWorkspaceIsNotCreatedOnFailure()
    {
        FakeTaniumServer::Options o;
        o.faults << Fault{QString(), Kind::Unauthorized, -1, 0};
        auto server = serve(o);
        QVERIFY(server);
        const QString db = m_dir.filePath(QStringLiteral("never.db"));
        const FetchResult r = fetch(optionsFor(*server, o), db);
        QVERIFY(!r.ok);
        QVERIFY(!QFileInfo::exists(db));
    }

    void tlsWithTheRightCaOnly()
    {
        const QString good = m_dir.filePath(QStringLiteral("tls-good"));
        const QString other = m_dir.filePath(QStringLiteral("tls-other"));
        QVERIFY(QDir().mkpath(good) && QDir().mkpath(other));
        QString error;
        QVERIFY2(test::makeTestCertificates(good, &error), qPrintable(error));
        QVERIFY2(test::makeTestCertificates(other, &error), qPrintable(error));
        FakeTaniumServer::Options o;
        o.certificateFile = QDir(good).filePath(QStringLiteral("server.pem"));
        o.keyFile = QDir(good).filePath(QStringLiteral("server.key"));
        auto server = serve(o);
        QVERIFY(server);
        QCOMPARE(server->url().scheme(), QStringLiteral("https"));
        FetchOptions options = optionsFor(*server, o);
        options.alertMonths = 0;

        // The right CA: fetched.
        options.connection.caFile = QDir(good).filePath(QStringLiteral("ca.pem"));
        options.connection.requestTimeoutSeconds = 3;
        FetchResult r = fetch(options, m_dir.filePath(QStringLiteral("tls.db")));
        QVERIFY2(r.ok, qPrintable(r.error));

        // Another CA, or none (the system's CAs): refused, not retried, nothing written.
        for (const QString &ca : {QDir(other).filePath(QStringLiteral("ca.pem")), QString()}) {
            const int before = server->requests(QStringLiteral("/"));
            options.connection.caFile = ca;
            const QString db = m_dir.filePath(QStringLiteral("tls-refused.db"));
            r = fetch(options, db);
            QVERIFY(!r.ok);
            QVERIFY2(r.error.contains(QLatin1String("not trusted")), qPrintable(r.error));
            QCOMPARE(server->requests(QStringLiteral("/")), before); // no request got through
            QVERIFY(!QFileInfo::exists(db));
        }
    }

    void testConnection_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("source");
        QTest::addColumn<bool>("ok");
        QTest::newRow("rest, good token")
            << QByteArray("test-token-5f1c") << int(Source::Rest) << true;
        QTest::newRow("gateway, good token")
            << QByteArray("test-token-5f1c") << int(Source::Gateway) << true;
        QTest::newRow("bad token") << QByteArray("wrong-token-77") << int(Source::Rest) << false;
        QTest::newRow("no token") << QByteArray() << int(Source::Rest) << false;
        QTest::newRow("token with a line break")
            << QByteArray("test-token-5f1c\r\nX-Other: 1") << int(Source::Rest) << false;
    }

    void testConnection()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, source);
        QFETCH(bool, ok);
        auto server = serve({});
        QVERIFY(server);
        Fetcher fetcher(m_dir.filePath(QStringLiteral("unused.db")));
        fetcher.setTuning(fastTuning());
        QSignalSpy tested(&fetcher, &Fetcher::connectionTested);
        Connection c;
        c.server = server->url();
        c.source = Source(source);
        fetcher.testConnection(c, token);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().at(0).toBool(), ok);
        const QString message = tested.first().at(1).toString();
        QVERIFY(!message.isEmpty());
        if (!token.isEmpty())
            QVERIFY(!message.contains(QString::fromLatin1(token)));
    }

    // Last: every message Qt logged during the whole test, with every category switched on
    // here, is searched for the token.
    void tokenNeverInTheLog()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        FakeTaniumServer::Options o;
        o.faults << Fault{QStringLiteral("/questions"), Kind::Status500, 1, 0}
                 << Fault{QStringLiteral("/result_data/"), Kind::Unauthorized, 1, 0};
        auto server = serve(o);
        QVERIFY(server);
        const FetchResult r =
            fetch(optionsFor(*server, o), m_dir.filePath(QStringLiteral("log.db")));
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!r.ok);
        QMutexLocker lock(&g_logMutex);
        // The fetch did log: every request, the retry and the refusal.
        QVERIFY(g_log.filter(QStringLiteral("/api/v2/questions")).size() >= 2);
        QVERIFY(!g_log.filter(QStringLiteral("Retrying")).isEmpty());
        QVERIFY(!g_log.filter(QStringLiteral("401")).isEmpty());
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(QString::fromLatin1(o.token)), qPrintable(line));
    }

private:
    QTemporaryDir m_dir;
    QString m_fleet;
};

QTEST_GUILESS_MAIN(TestFetch)
#include "tst_fetch.moc"
