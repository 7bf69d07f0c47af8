#include "DialogSeam.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "pages/ChecklistPage.h"
#include "pages/FindingsPage.h"
#include "snapshotfile/SnapshotFile.h"
#include "store/Database.h"
#include "views/SqlTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sqlite3.h>

using namespace trh;
using namespace trh::test;

// The console with snapshot files: opened read-only (title, write actions off), hostile files
// refused with a message, File → Export Snapshot File… through the dialog seam.
class TestSnapshotFileUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_good;

    // Closes the message boxes a refused file brings up (they are modal).
    static void closeModalsSoon(QString *text = nullptr)
    {
        QTimer::singleShot(50, qApp, [text] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                if (auto *box = qobject_cast<QMessageBox *>(modal); box && text)
                    *text = box->text();
                modal->close();
            } else {
                closeModalsSoon(text);
            }
        });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_workspace = m_dir.filePath(QStringLiteral("demo.trdb"));
        const CliResult demo = runCli({QStringLiteral("demo"), QStringLiteral("--db"), m_workspace,
                                       QStringLiteral("--endpoints"), QStringLiteral("40")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        m_good = m_dir.filePath(QStringLiteral("good.trhealth"));
        const auto r = SnapshotFile::exportSnapshots(m_workspace, {2, 4}, m_good);
        QVERIFY2(r.ok, qPrintable(r.error));
    }

    void snapshotFileOpensReadOnly()
    {
        const QByteArray before =
            QCryptographicHash::hash(readAll(m_good), QCryptographicHash::Sha256);
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        // File → Open, answered by the seam.
        DialogSeam::setNextOpenFileNames({m_good});
        window.findChild<QAction *>(QStringLiteral("actionOpen"))->trigger();
        QVERIFY(loaded.wait(30000));
        QVERIFY(window.isReadOnly());
        QVERIFY2(window.windowTitle().contains(QLatin1String("(read-only)")),
                 qPrintable(window.windowTitle()));
        QVERIFY(window.windowTitle().contains(QLatin1String("good.trhealth")));
        auto *status = window.findChild<QLabel *>(QStringLiteral("snapshotStatus"));
        QVERIFY2(status->text().contains(QLatin1String("Snapshot 4")), qPrintable(status->text()));

        auto *import = window.findChild<QAction *>(QStringLiteral("actionImport"));
        QVERIFY(!import->isEnabled());
        QVERIFY(import->toolTip().contains(QLatin1String("read-only")));

        // Findings are there, but no note or exception can be added.
        window.drillDown(QStringLiteral("health.%"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
        QVERIFY(page->model()->waitForIdle());
        QVERIFY(page->model()->rowCount() > 0);
        page->view()->setCurrentIndex(page->model()->index(0, 0));
        QVERIFY(!page->addNoteAction()->isEnabled());
        QVERIFY(page->addNoteAction()->toolTip().contains(QLatin1String("read-only")));

        // Checklist: no sign-off, notes not editable.
        window.showPage(QStringLiteral("checklistPage"));
        const auto signs = window.findChild<ChecklistPage *>()->findChildren<QPushButton *>(
            QRegularExpression(QStringLiteral("\\.signOff$")));
        QVERIFY(!signs.isEmpty());
        for (QPushButton *sign : signs) {
            QVERIFY(!sign->isEnabled());
            QVERIFY(sign->toolTip().contains(QLatin1String("read-only")));
        }
        // Exporting from a snapshot file still works (it is only read).
        QVERIFY(
            window.findChild<QAction *>(QStringLiteral("actionExportSnapshotFile"))->isEnabled());

        // Nothing was written to or beside the file.
        QCOMPARE(QCryptographicHash::hash(readAll(m_good), QCryptographicHash::Sha256), before);
        for (const char *suffix : {"-wal", "-shm", "-journal"})
            QVERIFY(!QFileInfo::exists(m_good + QLatin1String(suffix)));

        // Opening a workspace again makes everything writable.
        window.openWorkspace(m_workspace);
        QVERIFY(loaded.wait(30000));
        QVERIFY(!window.isReadOnly());
        QVERIFY(!window.windowTitle().contains(QLatin1String("(read-only)")));
        QVERIFY(import->isEnabled());
        for (QPushButton *sign : signs)
            QVERIFY(sign->isEnabled());
    }

    void droppedSnapshotFileOpensReadOnly()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        QVERIFY(dropUrls(&window, {QUrl::fromLocalFile(m_good)}));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.workspace(), QFileInfo(m_good).absoluteFilePath());
        QVERIFY(window.isReadOnly());
        QVERIFY(window.windowTitle().contains(QLatin1String("(read-only)")));
    }

    // A dropped file is judged by its content, as on the command line: a workspace renamed to
    // fleet.db opens; another program's SQLite file brings a message and is not imported.
    void droppedWorkspaceOpensWhateverItsName()
    {
        const QString renamed = m_dir.filePath(QStringLiteral("fleet.db"));
        QFile::remove(renamed);
        QVERIFY(QFile::copy(m_workspace, renamed));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        QVERIFY(dropUrls(&window, {QUrl::fromLocalFile(renamed)}));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.workspace(), QFileInfo(renamed).absoluteFilePath());
        QVERIFY(!window.isReadOnly());
    }

    void droppedForeignSqliteIsRefused()
    {
        const QString foreign = m_dir.filePath(QStringLiteral("browser-history.sqlite"));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(foreign.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE visits(url TEXT)", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        const QByteArray before = readAll(foreign);
        MainWindow window;
        window.show();
        QVERIFY(dropUrls(&window, {QUrl::fromLocalFile(foreign)}));
        // The message box is modal: the check runs from inside its event loop.
        QString text;
        closeModalsSoon(&text);
        QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 10000);
        QVERIFY2(text.contains(QLatin1String("browser-history.sqlite")) &&
                     text.contains(QLatin1String("not a trhealth workspace")),
                 qPrintable(text));
        QVERIFY(window.workspace().isEmpty());
        QVERIFY(!window.findChild<QDialog *>(QStringLiteral("importDialog")));
        QCOMPARE(readAll(foreign), before);
    }

    void hostileFileIsRefusedWithAMessage()
    {
        const QString path = m_dir.filePath(QStringLiteral("evil.trhealth"));
        QVERIFY(QFile::copy(m_good, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE VIEW evil AS SELECT 1", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);

        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        closeModalsSoon();
        window.openWorkspace(path);
        // The refusal shows a message (closed above) and leaves nothing open.
        QTRY_VERIFY_WITH_TIMEOUT(window.workspace().isEmpty(), 30000);
        auto *status = window.findChild<QLabel *>(QStringLiteral("snapshotStatus"));
        QVERIFY2(status->text().contains(QLatin1String("view \"evil\"")),
                 qPrintable(status->text()));
        QVERIFY(!window.windowTitle().contains(QLatin1String("evil")));
        // Not offered again: neither among the recent files nor at the next start.
        QVERIFY(!QSettings()
                     .value(QStringLiteral("recentWorkspaces"))
                     .toStringList()
                     .contains(QFileInfo(path).absoluteFilePath()));
        QVERIFY(QSettings().value(QStringLiteral("lastWorkspace")).toString() !=
                QFileInfo(path).absoluteFilePath());
        QCOMPARE(loaded.count(), 0);
    }

    void exportsChosenSnapshotsThroughTheSeam()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_workspace);
        QVERIFY(loaded.wait(30000));
        QSignalSpy exported(&window, &MainWindow::snapshotFileExported);
        DialogSeam::setNextSnapshotChoice({1, 3});
        // No suffix given: .trhealth is added, so the file opens read-only.
        DialogSeam::setNextSaveFileName(m_dir.filePath(QStringLiteral("chosen")));
        window.findChild<QAction *>(QStringLiteral("actionExportSnapshotFile"))->trigger();
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.at(0).at(0).toBool(), true);
        const QString out = m_dir.filePath(QStringLiteral("chosen.trhealth"));
        QCOMPARE(exported.at(0).at(1).toString(), out);
        Database db;
        const Store::OpenResult r = SnapshotFile::openChecked(db, out);
        QVERIFY2(r.ok(), qPrintable(r.error));
        Statement st(db, "SELECT group_concat(id) FROM (SELECT id FROM snapshot ORDER BY id)");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("1,3"));
    }
};

QTEST_MAIN(TestSnapshotFileUi)
#include "tst_snapshotfileui.moc"
