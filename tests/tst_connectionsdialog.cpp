// The Connections dialog, driven by objectName, offscreen. The keychain is made unavailable
// (a session bus address where nothing listens) so that the test never touches a real
// keyring: tokens then live for the session only, which is what a headless Linux gets.
#include "DialogSeam.h"
#include "FakeTaniumServer.h"
#include "TestSupport.h"
#include "WindowTestSupport.h"
#include "demo/DemoFleet.h"
#include "dialogs/ConnectionsDialog.h"
#include "fetch/ConnectionStore.h"
#include "fetch/TokenStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using fetch::ConnectionStore;
using fetch::TokenStore;
using trh::test::FakeTaniumServer;

namespace {

const QByteArray kToken = "tok-c0ffee-93b1d2-secret";

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void type(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestConnectionsDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QStringList settingsFilesContaining(const QByteArray &needle) const
    {
        return test::filesContaining(m_dir.filePath(QStringLiteral("settings")), needle);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTemporarySettings(m_dir.filePath(QStringLiteral("settings")),
                                   QStringLiteral("tst_connectionsdialog"));
        test::withoutKeychain(m_dir.filePath(QStringLiteral("no-bus")));
    }

    void cleanup()
    {
        ConnectionStore store;
        for (const QString &name : store.names())
            store.remove(name);
    }

    void addConnectionRejectsPlainHttpToARemoteHost()
    {
        // Given no connection yet, the dialog opens on a new one;
        ConnectionsDialog dialog;
        dialog.show();
        auto *name = child<QLineEdit>(&dialog, "connectionName");
        auto *url = child<QLineEdit>(&dialog, "serverUrl");
        auto *token = child<QLineEdit>(&dialog, "apiToken");
        auto *save = child<QPushButton>(&dialog, "saveConnectionButton");
        auto *message = child<QLabel>(&dialog, "validationMessage");
        auto *list = child<QListWidget>(&dialog, "connectionList");
        QVERIFY(name && url && token && save && message && list);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QCOMPARE(name->text(), QStringLiteral("New connection"));
        QVERIFY(dialog.currentName().isEmpty());
        // when it gets a plain http:// address of another computer,
        type(name, QStringLiteral("Prod"));
        type(url, QStringLiteral("http://tanium.example.com"));
        QTest::mouseClick(save, Qt::LeftButton);
        // then it is not saved, and the message says why;
        QVERIFY2(message->text().contains(QStringLiteral("http://")) &&
                     message->text().contains(QStringLiteral("tanium.example.com")),
                 qPrintable(message->text()));
        QCOMPARE(ConnectionStore().names(), QStringList());
        QCOMPARE(list->count(), 0);
        // with https:// and a token it is saved (the settings get no token),
        type(url, QStringLiteral("https://tanium.example.com"));
        auto *threshold = child<QSpinBox>(&dialog, "completionThreshold");
        auto *source = child<QComboBox>(&dialog, "connectionSource");
        QVERIFY(threshold && source);
        threshold->setValue(90);
        source->setCurrentIndex(source->findData(QStringLiteral("gateway")));
        QTest::keyClicks(token, QString::fromLatin1(kToken));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(ConnectionStore().names(), QStringList{QStringLiteral("Prod")});
        QCOMPARE(dialog.currentName(), QStringLiteral("Prod"));
        QCOMPARE(list->count(), 1);
        QVERIFY(token->text().isEmpty());
        const std::optional<fetch::Connection> saved =
            ConnectionStore().load(QStringLiteral("Prod"));
        QVERIFY(saved);
        QCOMPARE(saved->server, QUrl(QStringLiteral("https://tanium.example.com")));
        QCOMPARE(saved->completionThreshold, 0.9);
        QCOMPARE(saved->source, fetch::Source::Gateway);
        // and, with no keychain here, the token is kept for the session and the user is told.
        auto *status = child<QLabel>(&dialog, "tokenStatus");
        QVERIFY(status);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("No keychain")), 20000);
        QVERIFY2(status->text().contains(QStringLiteral("session only")),
                 qPrintable(status->text()));
        QCOMPARE(TokenStore::sessionToken(QStringLiteral("Prod")), kToken);
        QCOMPARE(settingsFilesContaining(kToken), QStringList());
        QVERIFY(!settingsFilesContaining("tanium.example.com").isEmpty());
        TokenStore::forgetSessionToken(QStringLiteral("Prod"));
    }

    void duplicateRenameAndRemove()
    {
        fetch::Connection c;
        c.name = QStringLiteral("Lab");
        c.server = QUrl(QStringLiteral("https://lab.example.com"));
        QCOMPARE(ConnectionStore().save(c), QString());
        ConnectionsDialog dialog;
        dialog.show();
        QCOMPARE(dialog.currentName(), QStringLiteral("Lab"));
        // Duplicate: a new connection with the same settings under a free name.
        QTest::mouseClick(child<QPushButton>(&dialog, "duplicateConnectionButton"), Qt::LeftButton);
        auto *name = child<QLineEdit>(&dialog, "connectionName");
        QCOMPARE(name->text(), QStringLiteral("Lab (copy)"));
        QCOMPARE(child<QLineEdit>(&dialog, "serverUrl")->text(),
                 QStringLiteral("https://lab.example.com"));
        type(name, QStringLiteral("Lab 2"));
        QTest::mouseClick(child<QPushButton>(&dialog, "saveConnectionButton"), Qt::LeftButton);
        QCOMPARE(ConnectionStore().names(),
                 (QStringList{QStringLiteral("Lab"), QStringLiteral("Lab 2")}));
        // Rename: the old entry goes.
        type(name, QStringLiteral("Lab West"));
        QTest::mouseClick(child<QPushButton>(&dialog, "saveConnectionButton"), Qt::LeftButton);
        QCOMPARE(ConnectionStore().names(),
                 (QStringList{QStringLiteral("Lab"), QStringLiteral("Lab West")}));
        // Taken name: refused.
        type(name, QStringLiteral("lab"));
        QTest::mouseClick(child<QPushButton>(&dialog, "saveConnectionButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(&dialog, "validationMessage")
                    ->text()
                    .contains(QStringLiteral("already exists")));
        type(name, QStringLiteral("Lab West"));
        // Remove asks first; "No" keeps it, "Yes" removes it.
        for (const auto answer : {QMessageBox::No, QMessageBox::Yes}) {
            QTest::mouseClick(child<QPushButton>(&dialog, "removeConnectionButton"),
                              Qt::LeftButton);
            auto *question = child<QMessageBox>(&dialog, "removeConnectionQuestion");
            QVERIFY(question);
            QVERIFY(question->text().contains(QStringLiteral("Lab West")));
            question->button(answer)->click();
            QCoreApplication::processEvents();
        }
        QCOMPARE(ConnectionStore().names(), QStringList{QStringLiteral("Lab")});
        QCOMPARE(child<QListWidget>(&dialog, "connectionList")->count(), 1);
        QCOMPARE(dialog.currentName(), QStringLiteral("Lab"));
    }

    void testConnectionAgainstTheFakeServer()
    {
        // Given the fake Tanium server on loopback (plain http is allowed there),
        QTemporaryDir fleetDir;
        QString error;
        QVERIFY(!DemoFleet(20).writeSnapshot(1, fleetDir.path(), &error).files.isEmpty());
        FakeTaniumServer server(fleetDir.path());
        FakeTaniumServer::Options options;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        ConnectionsDialog dialog;
        dialog.show();
        type(child<QLineEdit>(&dialog, "connectionName"), QStringLiteral("Fake"));
        type(child<QLineEdit>(&dialog, "serverUrl"), server.url().toString());
        auto *token = child<QLineEdit>(&dialog, "apiToken");
        auto *test = child<QPushButton>(&dialog, "testConnectionButton");
        auto *result = child<QLabel>(&dialog, "testResult");
        // when the test runs with a wrong token, it says the token was refused;
        QTest::keyClicks(token, QStringLiteral("wrong-token"));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Failed:")), 30000);
        QVERIFY2(result->text().contains(QStringLiteral("401")), qPrintable(result->text()));
        QVERIFY(!result->text().contains(QStringLiteral("wrong-token")));
        // with the right one, it succeeds.
        type(token, QString::fromLatin1(options.token));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("OK:")), 30000);
        QVERIFY(server.requests(QStringLiteral("/api/v2/server_info")) >= 2);
        // A CA file that does not exist is refused before any request.
        type(child<QLineEdit>(&dialog, "caFile"), m_dir.filePath(QStringLiteral("none.pem")));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY(result->text().contains(QStringLiteral("none.pem")));
    }

    void everyControlHasAName()
    {
        ConnectionsDialog dialog;
        dialog.show();
        int checked = 0;
        const QStringList unnamed = test::unnamedControls(&dialog, &checked);
        QVERIFY(checked >= 15);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
    }

    void caFileComesFromTheFileDialog()
    {
        ConnectionsDialog dialog;
        dialog.show();
        const QString pem = m_dir.filePath(QStringLiteral("ca.pem"));
        QVERIFY(test::writeFile(pem, "not checked here"));
        DialogSeam::setNextOpenFileNames({pem});
        QTest::mouseClick(child<QPushButton>(&dialog, "caFileBrowse"), Qt::LeftButton);
        QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(&dialog, "caFile")->text()), pem);
    }
};

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
