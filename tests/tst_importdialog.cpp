#include "DialogSeam.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "dialogs/ImportDialog.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace trh;

namespace {

QStringList fleetFiles()
{
    QDir dir(test::fixture(QStringLiteral("fleet")));
    QStringList files;
    for (const QString &f : dir.entryList(QDir::Files))
        files << dir.filePath(f);
    return files;
}

// -1 if the workspace cannot be read.
qint64 count(const QString &db, const char *sql)
{
    if (!QFileInfo::exists(db))
        return 0;
    Database d;
    if (!Store::open(d, db, Store::OpenMode::ReadOnly).ok())
        return -1;
    return d.scalarInt(sql).value_or(-1);
}

qint64 snapshots(const QString &db)
{
    return count(db, "SELECT count(*) FROM snapshot");
}

ImportDialog *importDialogOf(MainWindow &window)
{
    ImportDialog *found = nullptr;
    for (ImportDialog *d : window.findChildren<ImportDialog *>()) {
        if (d->isVisible())
            found = d;
    }
    return found;
}

// Shows the window and opens the import dialog on files into a new workspace db.
ImportDialog *importIntoNew(MainWindow &window, const QString &db, const QStringList &files)
{
    window.show();
    DialogSeam::setNextSaveFileName(db);
    window.importFiles(files);
    return importDialogOf(window);
}

} // namespace

// Drives the import through the real main window, offscreen, with the file-dialog seam.
class TestImportDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_fleetDb; // a workspace with the fleet imported once

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        return test::writeFile(path, bytes) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_fleetDb = m_dir.filePath(QStringLiteral("fleet.trdb"));
        Database db;
        QVERIFY(Store::open(db, m_fleetDb, Store::OpenMode::CreateOrUpgrade).ok());
        QVERIFY(workspace::importFiles(db, fleetFiles()).ok());
    }

    void cleanup()
    {
        DialogSeam::setAutoAcceptImport(false);
        DialogSeam::setNextOpenFileNames({});
        DialogSeam::setNextSaveFileName({});
    }

    void fleetImportsThroughTheFileMenu()
    {
        // Given no workspace open,
        MainWindow window;
        window.show();
        const QString db = m_dir.filePath(QStringLiteral("menu.trdb"));
        DialogSeam::setNextSaveFileName(db);
        DialogSeam::setNextOpenFileNames(fleetFiles());
        DialogSeam::setAutoAcceptImport(true);
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        // when File → Import Files… is used,
        auto *action = window.findChild<QAction *>(QStringLiteral("actionImport"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
        action->trigger();
        // then the new workspace gets one snapshot of the 10 endpoints and the overview shows it,
        QVERIFY(loaded.wait(120000));
        QCOMPARE(window.workspace(), QFileInfo(db).absoluteFilePath());
        QCOMPARE(snapshots(db), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM snapshot_endpoint"), 10);
        auto *selector = window.findChild<QComboBox *>(QStringLiteral("snapshotSelector"));
        QCOMPARE(selector->count(), 1);
        auto *percent = window.findChild<QLabel *>(QStringLiteral("coveragePercent"));
        QVERIFY(percent);
        QVERIFY2(percent->text().endsWith(QStringLiteral("%")), qPrintable(percent->text()));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("incompleteBanner")));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("importIncomplete")));
        // and the report lists every file.
        auto *report = window.findChild<QPlainTextEdit *>(QStringLiteral("importReport"));
        QVERIFY(report);
        for (const QString &f : fleetFiles())
            QVERIFY2(report->toPlainText().contains(QFileInfo(f).fileName()), qPrintable(f));
    }

    void ambiguousFileNeedsAChoice()
    {
        const QString file = write(QStringLiteral("export-0412.csv"),
                                   "Computer Name,Domain,Key,Value,Count\r\n"
                                   "WIN-1,[no results],[no results],[no results],1\r\n"
                                   "WIN-2,[no results],[no results],[no results],1\r\n");
        const QString db = m_dir.filePath(QStringLiteral("ambiguous.trdb"));
        MainWindow window;
        ImportDialog *dialog = importIntoNew(window, db, {file});
        QVERIFY(dialog);
        QCOMPARE(dialog->previews().size(), size_t(1));
        QVERIFY(dialog->previews().front().ambiguous);
        auto *importButton = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
        auto *choice = dialog->findChild<QComboBox *>(QStringLiteral("ambiguousChoice"));
        QVERIFY(importButton && choice);
        QVERIFY(choice->isVisible());
        QVERIFY(choice->currentData().toString().isEmpty());
        QCOMPARE(choice->currentText(), QStringLiteral("choose…"));
        QVERIFY(!importButton->isEnabled());
        QVERIFY(!dialog->startImport());
        if (const QString png = qEnvironmentVariable("TRHEALTH_SCREENSHOT_DIR"); !png.isEmpty())
            dialog->grab().save(QDir(png).filePath(QStringLiteral("import-dialog.png")));
        // Choosing settles it, and the import writes that dataset.
        choice->setCurrentIndex(choice->findData(QStringLiteral("client_settings")));
        QVERIFY(importButton->isEnabled());
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(snapshots(db), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM source_file WHERE report LIKE "
                           "'%client_settings%explicit choice%'"),
                 1);
    }

    void badFileIsShownAndChangesNothing()
    {
        QByteArray garbage;
        for (int i = 0; i < 8192; ++i)
            garbage.append(char((i * 7919 + 13) % 256));
        const QString bad = write(QStringLiteral("garbage.csv"), garbage);
        const qint64 before = snapshots(m_fleetDb);
        QCOMPARE(before, 1);
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_fleetDb);
        QVERIFY(loaded.wait(60000));
        DialogSeam::setAutoAcceptImport(true);
        window.importFiles({fleetFiles().constFirst(), bad});
        ImportDialog *dialog = importDialogOf(window);
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("importFiles"));
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(table->item(0, 4)->text().contains(QStringLiteral("Ready")));
        QVERIFY2(table->item(1, 4)->text().contains(QStringLiteral("Cannot import")),
                 qPrintable(table->item(1, 4)->text()));
        auto *errors = dialog->findChild<QLabel *>(QStringLiteral("importPreviewErrors"));
        QVERIFY(errors);
        QVERIFY(errors->text().contains(QStringLiteral("garbage.csv: ")));
        auto *importButton = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
        QVERIFY(!importButton->isEnabled());
        if (const QString png = qEnvironmentVariable("TRHEALTH_SCREENSHOT_DIR"); !png.isEmpty())
            dialog->grab().save(QDir(png).filePath(QStringLiteral("import-dialog-error.png")));
        QTest::qWait(50); // auto-accept must not fire
        QVERIFY(!dialog->isImporting());
        dialog->reject();
        QCOMPARE(snapshots(m_fleetDb), before);
    }

    void badFilesCanBeLeftOut()
    {
        const QString bad = write(QStringLiteral("notes.csv"), "Fruit,Colour\r\napple,red\r\n");
        const QString db = m_dir.filePath(QStringLiteral("leftout.trdb"));
        MainWindow window;
        ImportDialog *dialog = importIntoNew(window, db, {bad, fleetFiles().constFirst()});
        QVERIFY(dialog);
        auto *importButton = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
        QVERIFY(!importButton->isEnabled());
        auto *leaveOut = dialog->findChild<QPushButton *>(QStringLiteral("leaveOutBadFiles"));
        QVERIFY(leaveOut);
        QTest::mouseClick(leaveOut, Qt::LeftButton);
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("importFiles"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QFileInfo(fleetFiles().constFirst()).fileName());
        QVERIFY(importButton->isEnabled());
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(snapshots(db), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM source_file"), 1);
    }

    void droppedFilesOpenTheDialog()
    {
        MainWindow window;
        window.show();
        window.openWorkspace(m_fleetDb);
        QVERIFY(test::dropUrls(&window, {QUrl::fromLocalFile(fleetFiles().constFirst()),
                                         QUrl::fromLocalFile(fleetFiles().constLast())}));
        QTRY_VERIFY(importDialogOf(window) != nullptr);
        ImportDialog *dialog = importDialogOf(window);
        QCOMPARE(dialog->previews().size(), size_t(2));
        QCOMPARE(dialog->previews().front().path, fleetFiles().constFirst());
        QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
        dialog->reject();
    }

    void failingImportListsErrorsAndChangesNothing()
    {
        // The header is fine (the preview accepts it); the end of the file is not.
        const QString broken =
            write(QStringLiteral("Get Client Health - Client Settings broken.csv"),
                  "Computer Name,Domain,Key,Value,Count\r\n"
                  "WIN-1,Threat Response,LogLevel,3,1\r\n"
                  "WIN-2,Threat Response,\"LogLevel,3,1\r\n");
        const qint64 before = snapshots(m_fleetDb);
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_fleetDb);
        QVERIFY(loaded.wait(60000));
        DialogSeam::setAutoAcceptImport(true);
        window.importFiles({fleetFiles().constFirst(), broken});
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = window.findChild<QMessageBox *>(QStringLiteral("importErrors"))) != nullptr,
            60000);
        QVERIFY2(box->informativeText().contains(QFileInfo(broken).fileName()),
                 qPrintable(box->informativeText()));
        QVERIFY(!window.findChild<QPlainTextEdit *>(QStringLiteral("importReport")));
        QCOMPARE(snapshots(m_fleetDb), before);
    }

    void damagedCsvCanBeImportedKnowinglyAndShowsIncomplete()
    {
        // Endpoint 3's row is cut short in the middle of the file.
        const QString damaged = write(QStringLiteral("Tanium Driver Version damaged.csv"),
                                      "Computer Name,Tanium Driver Version,Count\r\n"
                                      "WIN-1,1.2.0,1\r\n"
                                      "WIN-2,1.2.0,1\r\n"
                                      "WIN-3\r\n"
                                      "WIN-4,1.2.0,1\r\n");
        const QString db = m_dir.filePath(QStringLiteral("lenient.trdb"));
        MainWindow window;
        ImportDialog *dialog = importIntoNew(window, db, {damaged});
        QVERIFY(dialog);
        auto *lenient = dialog->findChild<QCheckBox *>(QStringLiteral("importLenient"));
        QVERIFY(lenient);
        QVERIFY(lenient->isVisible());
        QVERIFY(!lenient->isChecked());
        // Imported as it is, the file is refused at the line of the damage,
        QSignalSpy finished(dialog, &ImportDialog::finishedImport);
        QVERIFY(dialog->startImport());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("importErrors"))));
        QVERIFY2(box->informativeText().contains(QStringLiteral("line 4")),
                 qPrintable(box->informativeText()));
        QVERIFY(box->informativeText().contains(QStringLiteral("Skip damaged CSV rows")));
        QCOMPARE(snapshots(db), 0);
        box->accept();
        // the dialog stays open to offer the choice,
        QVERIFY(dialog->isVisible());
        QCOMPARE(importDialogOf(window), dialog);
        // and with the box ticked the readable rows are imported into an incomplete snapshot
        QTest::mouseClick(lenient, Qt::LeftButton, {}, QPoint(4, lenient->height() / 2));
        QVERIFY(lenient->isChecked());
        auto *importButton = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
        QVERIFY(importButton->isEnabled());
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeFirst().first().toBool(), true);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(snapshots(db), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM snapshot WHERE complete = 0"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM snapshot_endpoint"), 3);
        // which the import report and the overview say.
        auto *reportNote = window.findChild<QLabel *>(QStringLiteral("importIncomplete"));
        QVERIFY(reportNote);
        auto *report = window.findChild<QPlainTextEdit *>(QStringLiteral("importReport"));
        QVERIFY(report);
        QVERIFY2(report->toPlainText().contains(QStringLiteral("damaged rows skipped")),
                 qPrintable(report->toPlainText()));
        QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("incompleteBanner")));
        auto *banner = window.findChild<QLabel *>(QStringLiteral("incompleteBanner"));
        QVERIFY(banner->isVisibleTo(&window));
        QVERIFY(banner->text().contains(QStringLiteral("Incomplete snapshot")));
        if (const QString png = qEnvironmentVariable("TRHEALTH_SCREENSHOT_DIR"); !png.isEmpty())
            window.grab().save(QDir(png).filePath(QStringLiteral("overview-incomplete.png")));
    }

    void previewOfJsonOnlyHasNoLenientBox()
    {
        const QString json =
            write(QStringLiteral("alerts.json"),
                  R"([{"id": 1, "guid": "a-1", "state": "unresolved",)"
                  R"( "computerName": "WIN-1", "createdAt": "2026-11-02T10:00:00Z"}])");
        MainWindow window;
        ImportDialog *dialog =
            importIntoNew(window, m_dir.filePath(QStringLiteral("json.trdb")), {json});
        QVERIFY(dialog);
        auto *lenient = dialog->findChild<QCheckBox *>(QStringLiteral("importLenient"));
        QVERIFY(lenient);
        QVERIFY(!lenient->isVisible());
        dialog->reject();
    }

    void cancellingALargeImportChangesNothing()
    {
        QByteArray big = "Computer Name,Domain,Key,Value,Count\r\n";
        big.reserve(200000 * 48);
        for (int i = 0; i < 200000; ++i)
            big += "WIN-" + QByteArray::number(i) + ",Threat Response,LogLevel,3,1\r\n";
        const QString file =
            write(QStringLiteral("Get Client Health - Client Settings large.csv"), big);
        const qint64 before = snapshots(m_fleetDb);
        const qint64 endpointsBefore = count(m_fleetDb, "SELECT count(*) FROM endpoint");
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_fleetDb);
        QVERIFY(loaded.wait(60000));
        window.importFiles({file});
        ImportDialog *dialog = importDialogOf(window);
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &ImportDialog::finishedImport);
        QVERIFY(dialog->startImport());
        auto *progress = dialog->findChild<QProgressDialog *>(QStringLiteral("importProgress"));
        QVERIFY(progress);
        QVERIFY(progress->isVisible());
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(snapshots(m_fleetDb), before);
        QCOMPARE(count(m_fleetDb, "SELECT count(*) FROM endpoint"), endpointsBefore);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("importErrors")));
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
