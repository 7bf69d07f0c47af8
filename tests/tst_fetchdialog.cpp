// File → Fetch from Server… through the real main window, offscreen, against the fake Tanium
// server on loopback: a fetch lands a snapshot and the window shows it; Cancel leaves the
// workspace as it was; a refused token is reported plainly. The keychain is unavailable here
// (no session bus), so the token is pasted into the dialog, as on a headless Linux.
#include "DialogSeam.h"
#include "FakeTaniumServer.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "WindowTestSupport.h"
#include "demo/DemoFleet.h"
#include "dialogs/FetchDialog.h"
#include "fetch/ConnectionStore.h"
#include "fetch/TokenStore.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using trh::test::FakeTaniumServer;

namespace {

qint64 snapshotCount(const QString &db)
{
    Database d;
    if (!Store::open(d, db, Store::OpenMode::ReadOnly).ok())
        return -1;
    return d.scalarInt("SELECT count(*) FROM snapshot").value_or(-1);
}

// The database file and its write-ahead log.
QByteArray fileHash(const QString &path)
{
    const QByteArray bytes = test::readAll(path) + test::readAll(path + u"-wal");
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

fetch::FetchTuning fastTuning()
{
    fetch::FetchTuning t;
    t.pollIntervalMilliseconds = 5;
    t.retryBaseMilliseconds = 5;
    t.retryAfterUnitMilliseconds = 5;
    t.pageRows = 25;
    return t;
}

} // namespace

class TestFetchDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_fleet;

    // Saves the connection "Fake" to server, opens File → Fetch from Server… in window.
    FetchDialog *openFetch(MainWindow &window, const FakeTaniumServer &server)
    {
        fetch::Connection c;
        c.name = QStringLiteral("Fake");
        c.server = server.url();
        fetch::ConnectionStore store;
        store.remove(c.name);
        if (!store.save(c).isEmpty())
            return nullptr;
        fetch::TokenStore::forgetSessionToken(c.name);
        auto *action = window.findChild<QAction *>(QStringLiteral("actionFetch"));
        if (!action)
            return nullptr;
        action->trigger();
        auto *dialog = window.findChild<FetchDialog *>(QStringLiteral("fetchDialog"));
        if (dialog)
            dialog->setTuning(fastTuning());
        return dialog;
    }

    QStringList settingsFilesContaining(const QByteArray &needle) const
    {
        return test::filesContaining(m_dir.filePath(QStringLiteral("settings")), needle);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTemporarySettings(m_dir.filePath(QStringLiteral("settings")),
                                   QStringLiteral("tst_fetchdialog"));
        test::withoutKeychain(m_dir.filePath(QStringLiteral("no-bus")));
        m_fleet = m_dir.filePath(QStringLiteral("fleet"));
        QString error;
        QVERIFY2(!DemoFleet(40).writeSnapshot(2, m_fleet, &error).files.isEmpty(),
                 qPrintable(error));
    }

    void cleanup() { DialogSeam::setNextSaveFileName({}); }

    void fetchLandsASnapshotAndTheWindowShowsIt()
    {
        FakeTaniumServer server(m_fleet);
        FakeTaniumServer::Options options;
        options.pollsUntilComplete = 3;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        // Given no workspace open (the fetch asks for a new one),
        MainWindow window;
        window.show();
        const QString db = m_dir.filePath(QStringLiteral("fetched.trdb"));
        DialogSeam::setNextSaveFileName(db);
        FetchDialog *dialog = openFetch(window, server);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(window.workspace(), QFileInfo(db).absoluteFilePath());
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startFetchButton"));
        auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("fetchToken"));
        auto *outcome = dialog->findChild<QLabel *>(QStringLiteral("fetchOutcome"));
        QVERIFY(start && token && outcome);
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("fetchConnection"))->currentText(),
                 QStringLiteral("Fake"));
        // when Fetch is pressed with no token saved anywhere, it asks for one;
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(outcome->text().contains(QStringLiteral("paste the API token")),
                                 20000);
        QCOMPARE(server.requests(QStringLiteral("/api/")), 0);
        // with the token pasted, it fetches with progress,
        QSignalSpy finished(dialog, &FetchDialog::fetchFinished);
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        QTest::keyClicks(token, QString::fromLatin1(options.token));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(dialog->isFetching());
        QVERIFY(finished.wait(120000));
        QVERIFY2(dialog->result().ok, qPrintable(dialog->result().error));
        auto *progress = dialog->findChild<QProgressBar *>(QStringLiteral("fetchProgress"));
        QVERIFY(progress->maximum() > 5); // one step per question, and more
        QCOMPARE(progress->value(), progress->maximum());
        // lands one snapshot, shows the report,
        QCOMPARE(snapshotCount(db), 1);
        QVERIFY2(outcome->text().startsWith(
                     QStringLiteral("Fetched snapshot %1 ").arg(dialog->result().snapshotId)),
                 qPrintable(outcome->text()));
        auto *report = dialog->findChild<QPlainTextEdit *>(QStringLiteral("fetchReport"));
        QVERIFY(report->isVisible());
        QVERIFY(!report->toPlainText().trimmed().isEmpty());
        // and the window switches to it.
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && !window.isLoading(), 60000);
        auto *selector = window.findChild<QComboBox *>(QStringLiteral("snapshotSelector"));
        QCOMPARE(selector->currentData().toLongLong(), dialog->result().snapshotId);
        // The token went nowhere but the server.
        QCOMPARE(server.requestsWithoutToken(), 0);
        QCOMPARE(settingsFilesContaining(options.token), QStringList());
        QVERIFY(!report->toPlainText().contains(QString::fromLatin1(options.token)));
    }

    void cancelLeavesTheWorkspaceUnchanged()
    {
        // Given a workspace with one snapshot, and a server whose answers never complete,
        const QString db = m_dir.filePath(QStringLiteral("cancel.trdb"));
        QVERIFY(test::createFleetWorkspace(db));
        FakeTaniumServer server(m_fleet);
        FakeTaniumServer::Options options;
        options.pollsUntilComplete = 1000000;
        options.maxCompletionPercent = 10;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(db);
        QVERIFY(loaded.wait(60000));
        // (after the first look, which stores the snapshot's findings)
        const QByteArray before = fileHash(db);
        FetchDialog *dialog = openFetch(window, server);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("fetchToken")),
                         QString::fromLatin1(options.token));
        QSignalSpy finished(dialog, &FetchDialog::fetchFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startFetchButton")),
                          Qt::LeftButton);
        // when Cancel is pressed while the first question is being polled,
        QTRY_VERIFY_WITH_TIMEOUT(server.requests(QStringLiteral("/result_info/")) >= 3, 30000);
        auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelFetchButton"));
        QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        // then the fetch stops, says so, and nothing was written.
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), false);
        QVERIFY(dialog->result().cancelled);
        QVERIFY(dialog->isVisible());
        auto *outcome = dialog->findChild<QLabel *>(QStringLiteral("fetchOutcome"));
        QVERIFY2(outcome->text().contains(QStringLiteral("cancelled")),
                 qPrintable(outcome->text()));
        QCOMPARE(cancel->text(), QStringLiteral("Close"));
        QCOMPARE(snapshotCount(db), 1);
        QCOMPARE(fileHash(db), before);
        const int polls = server.requests(QStringLiteral("/result_info/"));
        QTest::qWait(200);
        QCOMPARE(server.requests(QStringLiteral("/result_info/")), polls); // it really stopped
        // Every control has a name to announce; Close now closes.
        int checked = 0;
        const QStringList unnamed = test::unnamedControls(dialog, &checked);
        QVERIFY(checked >= 6);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
    }

    void refusedTokenIsReportedPlainly()
    {
        const QString db = m_dir.filePath(QStringLiteral("refused.trdb"));
        QVERIFY(test::createFleetWorkspace(db));
        FakeTaniumServer server(m_fleet);
        QString error;
        QVERIFY2(server.start(FakeTaniumServer::Options(), &error), qPrintable(error));
        MainWindow window;
        window.show();
        window.openWorkspace(db);
        FetchDialog *dialog = openFetch(window, server);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("fetchToken")),
                         QStringLiteral("not-the-token"));
        QSignalSpy finished(dialog, &FetchDialog::fetchFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startFetchButton")),
                          Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const QString text = dialog->findChild<QLabel *>(QStringLiteral("fetchOutcome"))->text();
        QVERIFY2(text.contains(QStringLiteral("401")) &&
                     text.contains(QStringLiteral("Nothing was written")),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("not-the-token")));
        QCOMPARE(snapshotCount(db), 1);
    }
};

QTEST_MAIN(TestFetchDialog)
#include "tst_fetchdialog.moc"
