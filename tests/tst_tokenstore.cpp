#include "TestSupport.h"
#include "fetch/TokenStore.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace trh::fetch;

namespace {

const QByteArray kToken = "tok-7f3a9c41e2d84b6a-secret";

// Runs one asynchronous TokenStore call and waits for its result (nullopt on timeout).
std::optional<TokenResult>
await(const std::function<void(QObject *, TokenStore::Callback)> &operation)
{
    std::optional<TokenResult> result;
    QObject context;
    operation(&context, [&result](const TokenResult &r) { result = r; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 30000);
    return result;
}

} // namespace

// The keychain through qtkeychain. CI has no desktop session, so the round trip runs against
// a private Secret Service: a D-Bus session bus and a gnome-keyring-daemon of this test
// alone, with their files in a temporary folder (it never touches the user's keyring). When
// they are not installed the round trip is skipped, saying so.
class TestTokenStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    QString m_busAddress;

    // Starts the private bus and keyring; empty on success, else why they could not start.
    QString startPrivateKeyring()
    {
#ifndef Q_OS_LINUX
        return QStringLiteral("the private Secret Service is a Linux set-up");
#else
        const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        const QString keyring =
            QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        const QString dbusSend = QStandardPaths::findExecutable(QStringLiteral("dbus-send"));
        if (dbusDaemon.isEmpty() || keyring.isEmpty() || dbusSend.isEmpty())
            return QStringLiteral("dbus-daemon, dbus-send or gnome-keyring-daemon is not "
                                  "installed (tools/install-deps.sh installs them)");
        const QString home = m_dir.filePath(QStringLiteral("home"));
        const QString runtime = m_dir.filePath(QStringLiteral("run"));
        QDir().mkpath(home);
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));

        // A bus of our own without service activation: nothing can start another keyring
        // daemon behind our back (with the user's home) while ours is coming up.
        const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
        const QByteArray busPath = QFile::encodeName(m_dir.filePath(QStringLiteral("bus")));
        if (!trh::test::writeFile(config,
                                  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus "
                                  "Configuration 1.0//EN\" \"http://www.freedesktop.org/"
                                  "standards/dbus/1.0/busconfig.dtd\">\n<busconfig>\n"
                                  "<type>session</type>\n<listen>unix:path=" +
                                      busPath +
                                      "</listen>\n<auth>EXTERNAL</auth>\n"
                                      "<policy context=\"default\"><allow send_destination=\"*\" "
                                      "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                                      "<allow own=\"*\"/></policy>\n</busconfig>\n"))
            return QStringLiteral("cannot write the bus configuration");
        m_bus.setProcessEnvironment(env);
        // The bus goes when this test goes, even if it crashes.
        m_bus.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_bus.start(dbusDaemon,
                    {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                     QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1")});
        if (!m_bus.waitForStarted(10000))
            return QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
        while (!m_bus.canReadLine() && m_bus.waitForReadyRead(10000)) {
        }
        m_busAddress = QString::fromLocal8Bit(m_bus.readLine()).trimmed();
        if (m_busAddress.isEmpty())
            return QStringLiteral("dbus-daemon printed no address: ") +
                   QString::fromLocal8Bit(m_bus.readAllStandardError());
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);

        // --unlock reads the keyring password on stdin, creates the "login" keyring with it
        // and unlocks it, so nothing prompts. The daemon forks and exits by itself when the
        // bus goes.
        QProcess unlock;
        unlock.setProcessEnvironment(env);
        unlock.start(keyring, {QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        if (!unlock.waitForStarted(10000))
            return QStringLiteral("gnome-keyring-daemon did not start: ") + unlock.errorString();
        unlock.write("private-test-keyring");
        unlock.closeWriteChannel();
        if (!unlock.waitForFinished(30000) || unlock.exitCode() != 0)
            return QStringLiteral("gnome-keyring-daemon --unlock failed: ") +
                   QString::fromLocal8Bit(unlock.readAllStandardError());
        // Its command returns before the daemon is on the bus with the login keyring as the
        // default collection: wait for that.
        bool ready = false;
        for (int attempt = 0; attempt < 100 && !ready; ++attempt) {
            QProcess ask;
            ask.setProcessEnvironment(env);
            ask.start(dbusSend, {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                                 QStringLiteral("--dest=org.freedesktop.secrets"),
                                 QStringLiteral("/org/freedesktop/secrets"),
                                 QStringLiteral("org.freedesktop.Secret.Service.ReadAlias"),
                                 QStringLiteral("string:default")});
            ready = ask.waitForFinished(5000) && ask.exitCode() == 0 &&
                    ask.readAllStandardOutput().contains("/collection/login");
            if (!ready) {
                ask.kill();
                ask.waitForFinished();
                QTest::qWait(100);
            }
        }
        if (!ready)
            return QStringLiteral("the keyring daemon did not offer its login keyring");
        // From now on libsecret in this process talks to the private bus only.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toLocal8Bit());
        return QString();
#endif
    }

    // Every file under the QSettings folder of this test that contains needle.
    QStringList settingsFilesContaining(const QByteArray &needle) const
    {
        return trh::test::filesContaining(m_dir.filePath(QStringLiteral("settings")), needle);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        trh::test::useTemporarySettings(m_dir.filePath(QStringLiteral("settings")),
                                        QStringLiteral("tst_tokenstore"));
        QSettings().setValue(QStringLiteral("probe"), 1); // the folder exists and is searched
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }

    void cleanupTestCase()
    {
        if (m_bus.state() != QProcess::NotRunning) {
            m_bus.terminate();
            if (!m_bus.waitForFinished(10000))
                m_bus.kill();
        }
    }

    // First, before any D-Bus connection exists in this process.
    void missingKeychainIsReportedNotFatal()
    {
#ifndef Q_OS_LINUX
        QSKIP("Windows and macOS always have a keychain");
#else
        // Given a session bus address where nothing listens (as on a headless server),
        trh::test::withoutKeychain(m_dir.filePath(QStringLiteral("no-bus")));
        // when the token is saved and read,
        const auto written = await([](QObject *context, TokenStore::Callback done) {
            TokenStore::write(QStringLiteral("prod"), kToken, context, std::move(done));
        });
        const auto read = await([](QObject *context, TokenStore::Callback done) {
            TokenStore::read(QStringLiteral("prod"), context, std::move(done));
        });
        // then both fail with one sentence that says the keychain is missing and what still
        // works, without the token, and nothing fell back to the settings file.
        QVERIFY(written && read);
        QCOMPARE(written->status, TokenResult::Status::Unavailable);
        QCOMPARE(read->status, TokenResult::Status::Unavailable);
        QCOMPARE(written->connection, QStringLiteral("prod"));
        QVERIFY2(written->error.startsWith(QStringLiteral("No keychain is available (")),
                 qPrintable(written->error));
        QVERIFY2(written->error.contains(QStringLiteral("for this session only")),
                 qPrintable(written->error));
        QVERIFY(!written->error.contains(QString::fromLatin1(kToken)));
        QVERIFY(read->token.isEmpty());
        QCOMPARE(settingsFilesContaining(kToken), QStringList());
#endif
    }

    void sessionTokenLivesInMemoryOnly()
    {
        QVERIFY(TokenStore::sessionToken(QStringLiteral("lab")).isEmpty());
        TokenStore::setSessionToken(QStringLiteral("lab"), kToken);
        QCOMPARE(TokenStore::sessionToken(QStringLiteral("lab")), kToken);
        QVERIFY(TokenStore::sessionToken(QStringLiteral("prod")).isEmpty());
        TokenStore::forgetSessionToken(QStringLiteral("lab"));
        QVERIFY(TokenStore::sessionToken(QStringLiteral("lab")).isEmpty());
        QCOMPARE(settingsFilesContaining(kToken), QStringList());
    }

    void roundTripInAPrivateKeyring()
    {
        const QString why = startPrivateKeyring();
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no private Secret Service: ") + why));

        // Given no token for "prod",
        auto read = [](const QString &name) {
            return await([name](QObject *context, TokenStore::Callback done) {
                TokenStore::read(name, context, std::move(done));
            });
        };
        auto before = read(QStringLiteral("prod"));
        QVERIFY(before);
        QVERIFY2(before->status == TokenResult::Status::NotFound, qPrintable(before->error));
        // when it is saved, it reads back byte for byte;
        auto written = await([](QObject *context, TokenStore::Callback done) {
            TokenStore::write(QStringLiteral("prod"), kToken, context, std::move(done));
        });
        QVERIFY(written);
        QVERIFY2(written->ok(), qPrintable(written->error));
        auto after = read(QStringLiteral("prod"));
        QVERIFY(after && after->ok());
        QCOMPARE(after->token, kToken);
        QVERIFY(after->error.isEmpty());
        // renaming the connection moves it;
        auto renamed = await([](QObject *context, TokenStore::Callback done) {
            TokenStore::rename(QStringLiteral("prod"), QStringLiteral("prod-eu"), context,
                               std::move(done));
        });
        QVERIFY(renamed);
        QVERIFY2(renamed->ok(), qPrintable(renamed->error));
        QCOMPARE(read(QStringLiteral("prod-eu"))->token, kToken);
        QCOMPARE(read(QStringLiteral("prod"))->status, TokenResult::Status::NotFound);
        // removing it leaves nothing;
        auto removed = await([](QObject *context, TokenStore::Callback done) {
            TokenStore::remove(QStringLiteral("prod-eu"), context, std::move(done));
        });
        QVERIFY(removed && removed->ok());
        QCOMPARE(read(QStringLiteral("prod-eu"))->status, TokenResult::Status::NotFound);
        // and the token never reached the settings files.
        QCOMPARE(settingsFilesContaining(kToken), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
