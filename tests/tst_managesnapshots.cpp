// File → Manage Snapshots… in the real main window, on a real demo workspace: the dialog lists
// every snapshot newest first with its size; the selected ones are deleted after a
// confirmation (declined: nothing changes), on a worker with progress and Cancel, and the
// window shows what is left; a snapshot file is listed only.
#include "MainWindow.h"
#include "TestSupport.h"
#include "WindowTestSupport.h"
#include "dialogs/ManageSnapshotsDialog.h"
#include "snapshotfile/SnapshotFile.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

using namespace trh;

namespace {

// The snapshot ids of the workspace, read by a Workspace of its own (oldest first).
QList<qint64> snapshotIdsOf(const QString &path)
{
    workspace::Workspace ws;
    if (!ws.open(path, workspace::OpenMode::ReadOnly).ok())
        return {-1};
    return ws.snapshotIds();
}

// The snapshot ids of the dialog's table, top to bottom.
QList<qint64> rowIds(const QTreeWidget *table)
{
    QList<qint64> ids;
    for (int i = 0; i < table->topLevelItemCount(); ++i)
        ids << table->topLevelItem(i)->data(0, Qt::UserRole).toLongLong();
    return ids;
}

// What the confirmation said, and which button was the default. Its answerer stops with it.
struct Confirmation
{
    QString text, details;
    bool cancelIsDefault = false;
    bool shown = false;
    QObject answerer;
};

// Answers the next confirmation (a modal box, so from a timer): Delete if accept, else Cancel.
void answerConfirmationSoon(bool accept, Confirmation *seen, int triesLeft = 200)
{
    QTimer::singleShot(25, &seen->answerer, [accept, seen, triesLeft] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("deleteSnapshotsConfirmation")) {
            if (triesLeft > 0)
                answerConfirmationSoon(accept, seen, triesLeft - 1);
            return;
        }
        seen->shown = true;
        seen->text = box->text();
        seen->details = box->informativeText();
        seen->cancelIsDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
        if (const QString png = qEnvironmentVariable("TRHEALTH_SCREENSHOT_DIR"); !png.isEmpty())
            box->grab().save(QDir(png).filePath(QStringLiteral("manage-snapshots-confirm.png")));
        box->findChild<QPushButton *>(
               QLatin1String(accept ? "confirmDeleteButton" : "cancelDeleteButton"))
            ->click();
    });
}

// Clicks the row of the table that shows snapshot id (Ctrl held: adds it to the selection).
void clickRow(QTreeWidget *table, qint64 id, Qt::KeyboardModifiers modifiers = {})
{
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = table->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toLongLong() == id)
            QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers,
                              table->visualItemRect(item).center());
    }
}

QString resultText(ManageSnapshotsDialog *dialog)
{
    auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("manageSnapshotsResult"));
    return box ? box->text() + QLatin1Char('\n') + box->informativeText() : QString();
}

// Makes the dialog the active window, as a click on it would on a desktop (the offscreen
// platform leaves the main window active), so that its keyboard shortcuts work.
bool activate(QWidget *dialog)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QApplication::setActiveWindow(dialog);
#else
    dialog->activateWindow();
#endif
    return QTest::qWaitForWindowActive(dialog) && QApplication::activeWindow() == dialog;
}

// Closes the result message and gives the keyboard back to the dialog.
void closeResult(ManageSnapshotsDialog *dialog)
{
    if (auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("manageSnapshotsResult")))
        box->close();
    QVERIFY(activate(dialog));
}

// The real main window with a workspace open in it and File → Manage Snapshots… on that.
struct Console
{
    MainWindow window;
    ManageSnapshotsDialog *dialog = nullptr;
    QTreeWidget *table = nullptr;
    QPushButton *deleteButton = nullptr;

    bool open(const QString &path)
    {
        window.resize(1200, 800);
        QAction *action = window.findChild<QAction *>(QStringLiteral("actionManageSnapshots"));
        if (!test::showWorkspace(window, path) || !action->isEnabled())
            return false;
        action->trigger();
        dialog = window.findChild<ManageSnapshotsDialog *>();
        if (!dialog || !dialog->isVisible() || !activate(dialog))
            return false;
        table = dialog->findChild<QTreeWidget *>(QStringLiteral("snapshotTable"));
        deleteButton = dialog->findChild<QPushButton *>(QStringLiteral("deleteSnapshotsButton"));
        return table && deleteButton;
    }

    // Presses Delete… (byKey: the Delete key in the table) and answers the confirmation.
    void pressDelete(bool accept, Confirmation *seen, bool byKey = false)
    {
        answerConfirmationSoon(accept, seen);
        if (byKey) {
            table->setFocus();
            QTest::keyClick(table, Qt::Key_Delete);
        } else {
            QTest::mouseClick(deleteButton, Qt::LeftButton);
        }
    }
};

} // namespace

class TestManageSnapshots : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo; // four monthly snapshots, built once; each test works on a copy
    int m_copies = 0;

    QString copyOfDemo()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy%1.trdb").arg(++m_copies));
        return QFile::copy(m_demo, path) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<QProgressDialog *>();
        test::useTemporarySettings(m_dir.filePath(QStringLiteral("settings")),
                                   QStringLiteral("trhealth"));
        m_demo = m_dir.filePath(QStringLiteral("demo.trdb"));
        const QString error = test::createDemoWorkspace(m_demo, 60);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        workspace::Workspace ws;
        QVERIFY(ws.open(m_demo, workspace::OpenMode::ReadOnly).ok());
        QCOMPARE(ws.snapshotIds().size(), 4);
    }

    void noWorkspaceNoAction()
    {
        MainWindow window;
        window.show();
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionManageSnapshots"))->isEnabled());
    }

    void listsEverySnapshotNewestFirstWithItsSize()
    {
        const QString path = copyOfDemo();
        Console c;
        QVERIFY(c.open(path));
        // The demo's snapshots were taken a month apart in the order of their ids.
        QCOMPARE(rowIds(c.table), (QList<qint64>{4, 3, 2, 1}));
        for (const workspace::SnapshotInfo &s : c.dialog->snapshots()) {
            QVERIFY2(s.bytes > 0, qPrintable(QString::number(s.id)));
            QVERIFY(s.endpoints > 0);
        }
        for (int i = 0; i < c.table->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = c.table->topLevelItem(i);
            QVERIFY(!row->text(0).isEmpty());  // taken
            QVERIFY(row->text(4).toInt() > 0); // endpoints
            QVERIFY2(!row->text(6).isEmpty() && row->text(6) != QLatin1String("0 bytes"),
                     qPrintable(row->text(6)));
            QVERIFY(row->textAlignment(6) & Qt::AlignRight);
        }
        auto *fileSize = c.dialog->findChild<QLabel *>(QStringLiteral("workspaceFileSize"));
        QVERIFY2(fileSize->text().contains(QFileInfo(path).fileName()),
                 qPrintable(fileSize->text()));
        // Nothing selected: nothing to delete; a writable workspace has no read-only note.
        QVERIFY(!c.deleteButton->isEnabled());
        QVERIFY(
            c.dialog->findChild<QLabel *>(QStringLiteral("manageSnapshotsReadOnly"))->isHidden());
        clickRow(c.table, 2);
        QVERIFY(c.deleteButton->isEnabled());
        QCOMPARE(test::unnamedControls(c.dialog), QStringList());
        if (const QString png = qEnvironmentVariable("TRHEALTH_SCREENSHOT_DIR"); !png.isEmpty()) {
            clickRow(c.table, 1, Qt::ControlModifier);
            c.dialog->grab().save(QDir(png).filePath(QStringLiteral("manage-snapshots.png")));
        }
    }

    void deletesTheOldestSnapshot()
    {
        const QString path = copyOfDemo();
        // A note on an endpoint of the newest snapshot and a sign-off of its month: both stay.
        const QString month = QStringLiteral("2026-11");
        const QString step = Checklist::steps().front().id;
        {
            workspace::Workspace ws;
            QVERIFY(ws.open(path, workspace::OpenMode::Existing).ok());
            QString error;
            QVERIFY2(ws.ensureAnalysis(4, &error), qPrintable(error));
            Note note;
            QVERIFY(ws.findings(
                4, QString(),
                [&](const workspace::FindingRow &row) {
                    if (row.hasEndpoint && note.endpointName.isEmpty())
                        note.endpointName = row.endpoint;
                },
                &error));
            note.code = QStringLiteral("health.dec");
            note.text = QStringLiteral("kept with its endpoint");
            note.author = QStringLiteral("tester");
            QVERIFY2(ws.addNote(note, &error), qPrintable(error));
            QCOMPARE(ws.snapshotDate(4).toString(QStringLiteral("yyyy-MM")), month);
            QVERIFY2(ws.signOff(month, step, QStringLiteral("tester"),
                                QDateTime::currentDateTimeUtc(), &error),
                     qPrintable(error));
        }
        Console c;
        QVERIFY(c.open(path));
        clickRow(c.table, 1);
        QCOMPARE(c.table->selectedItems().size(), 1);
        const QString oldest = c.table->topLevelItem(3)->text(0);

        QSignalSpy started(c.dialog, &ManageSnapshotsDialog::removalStarted);
        QSignalSpy finished(c.dialog, &ManageSnapshotsDialog::removalFinished);
        QSignalSpy removed(c.dialog, &ManageSnapshotsDialog::snapshotsRemoved);
        QSignalSpy reloaded(&c.window, &MainWindow::overviewLoaded);
        Confirmation confirmation;
        c.pressDelete(true, &confirmation);
        QVERIFY(confirmation.shown);
        QVERIFY(confirmation.cancelIsDefault);
        QVERIFY2(confirmation.text.contains(QLatin1String("1 snapshot")),
                 qPrintable(confirmation.text));
        QVERIFY2(confirmation.details.contains(oldest), qPrintable(confirmation.details));
        for (const char *says : {"About ", "notes and exceptions", "cannot be undone"})
            QVERIFY2(confirmation.details.contains(QLatin1String(says)), says);
        QCOMPARE(started.count(), 1);

        QVERIFY(finished.wait(120000));
        QVERIFY2(c.dialog->lastResult().ok(), qPrintable(c.dialog->lastResult().error));
        QCOMPARE(c.dialog->lastResult().snapshots, 1);
        // Nothing else reads the file: its space goes back, and the message says how much.
        QVERIFY(c.dialog->lastResult().spaceReclaimed);
        QVERIFY(c.dialog->lastResult().fileBytesAfter < c.dialog->lastResult().fileBytesBefore);
        QVERIFY2(resultText(c.dialog).contains(QLatin1String("went from")),
                 qPrintable(resultText(c.dialog)));
        QVERIFY2(resultText(c.dialog).contains(QLatin1String("Deleted 1 snapshot")),
                 qPrintable(resultText(c.dialog)));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).value<QList<qint64>>(), QList<qint64>{1});
        // The workspace, read afresh, has one snapshot fewer; the dialog lists what is left.
        QCOMPARE(snapshotIdsOf(path), (QList<qint64>{2, 3, 4}));
        QCOMPARE(rowIds(c.table), (QList<qint64>{4, 3, 2}));
        {
            workspace::Workspace ws;
            QVERIFY(ws.open(path, workspace::OpenMode::ReadOnly).ok());
            const std::vector<Note> notes = ws.allNotes();
            QVERIFY(std::any_of(notes.begin(), notes.end(), [](const Note &n) {
                return n.text == QLatin1String("kept with its endpoint");
            }));
            QString error;
            const auto checklist = ws.checklist(month, &error);
            QVERIFY2(checklist, qPrintable(error));
            QVERIFY(std::any_of(checklist->begin(), checklist->end(), [&](const ChecklistEntry &e) {
                return e.step == step && e.isSignedOff();
            }));
        }
        closeResult(c.dialog);

        // The window still shows the newest snapshot; its selectors offer only the rest.
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 60000);
        auto *selector = c.window.findChild<QComboBox *>(QStringLiteral("snapshotSelector"));
        QCOMPARE(selector->count(), 3);
        QCOMPARE(selector->currentData().toLongLong(), 4);
        QCOMPARE(selector->findData(qint64(1)), -1);
        auto *compare = c.window.findChild<QComboBox *>(QStringLiteral("compareSelector"));
        QCOMPARE(compare->findData(qint64(1)), -1);
    }

    // The snapshot shown goes: the window shows the newest one left; when every snapshot goes
    // (selected with Ctrl+A, deleted with the Delete key), the empty state.
    void deletingTheShownSnapshotsFallsBack()
    {
        const QString path = copyOfDemo();
        Console c;
        QVERIFY(c.open(path));
        auto *selector = c.window.findChild<QComboBox *>(QStringLiteral("snapshotSelector"));
        QCOMPARE(selector->currentData().toLongLong(), 4);

        clickRow(c.table, 4);
        QSignalSpy finished(c.dialog, &ManageSnapshotsDialog::removalFinished);
        QSignalSpy reloaded(&c.window, &MainWindow::overviewLoaded);
        Confirmation confirmation;
        c.pressDelete(true, &confirmation, true);
        QVERIFY(confirmation.shown);
        QVERIFY(finished.wait(120000));
        QVERIFY2(c.dialog->lastResult().ok(), qPrintable(c.dialog->lastResult().error));
        closeResult(c.dialog);
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 60000);
        QCOMPARE(selector->count(), 3);
        QCOMPARE(selector->currentData().toLongLong(), 3);

        c.table->setFocus();
        QTest::keyClick(c.table, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(c.table->selectedItems().size(), 3);
        Confirmation all;
        c.pressDelete(true, &all, true);
        QVERIFY(all.shown);
        QVERIFY2(all.text.contains(QLatin1String("3 snapshot")), qPrintable(all.text));
        QVERIFY2(all.details.contains(QLatin1String("No snapshot is left")),
                 qPrintable(all.details));
        QVERIFY(finished.wait(120000));
        QVERIFY2(c.dialog->lastResult().ok(), qPrintable(c.dialog->lastResult().error));
        QCOMPARE(c.dialog->lastResult().snapshots, 3);
        closeResult(c.dialog);
        QCOMPARE(snapshotIdsOf(path), QList<qint64>{});
        QCOMPARE(c.table->topLevelItemCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 2, 60000);
        QCOMPARE(selector->count(), 0);
        auto *pages = c.window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("emptyPage"));
        QVERIFY(!c.window.findChild<QAction *>(QStringLiteral("actionExportSnapshotFile"))
                     ->isEnabled());
    }

    void declinedConfirmationChangesNothing()
    {
        const QString path = copyOfDemo();
        Console c;
        QVERIFY(c.open(path));
        clickRow(c.table, 1);
        clickRow(c.table, 2, Qt::ControlModifier);
        QCOMPARE(c.table->selectedItems().size(), 2);
        QSignalSpy started(c.dialog, &ManageSnapshotsDialog::removalStarted);
        Confirmation confirmation;
        c.pressDelete(false, &confirmation);
        QVERIFY(confirmation.shown);
        QVERIFY2(confirmation.text.contains(QLatin1String("2 snapshot")),
                 qPrintable(confirmation.text));
        QTest::qWait(100);
        QCOMPARE(started.count(), 0);
        QVERIFY(!c.dialog->isRemoving());
        QCOMPARE(snapshotIdsOf(path), (QList<qint64>{1, 2, 3, 4}));
        QCOMPARE(c.table->topLevelItemCount(), 4);
        QCOMPARE(c.table->selectedItems().size(), 2); // still selected, to think again
    }

    // Cancel pressed before the worker got anywhere: the progress callback answers false at
    // once, and nothing was changed.
    void cancelledRemovalChangesNothing()
    {
        const QString path = copyOfDemo();
        Console c;
        QVERIFY(c.open(path));
        clickRow(c.table, 2);
        QSignalSpy finished(c.dialog, &ManageSnapshotsDialog::removalFinished);
        QSignalSpy removed(c.dialog, &ManageSnapshotsDialog::snapshotsRemoved);
        // Emitted before the worker starts: Cancel is pressed in its progress dialog then.
        connect(c.dialog, &ManageSnapshotsDialog::removalStarted, this,
                [](QProgressDialog *progress) { progress->findChild<QPushButton *>()->click(); });
        Confirmation confirmation;
        c.pressDelete(true, &confirmation);
        QVERIFY(finished.wait(120000));
        QCOMPARE(c.dialog->lastResult().status, workspace::RemovalResult::Status::Cancelled);
        QVERIFY2(resultText(c.dialog).contains(QLatin1String("nothing was changed")),
                 qPrintable(resultText(c.dialog)));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(snapshotIdsOf(path), (QList<qint64>{1, 2, 3, 4}));
        QCOMPARE(c.table->topLevelItemCount(), 4);
        closeResult(c.dialog);
    }

    // A workspace from before sizes were measured: each snapshot's share of the file is
    // estimated, marked "≈", and the shares add up to no more than the file.
    void olderWorkspaceShowsEstimates()
    {
        const QString path = m_dir.filePath(QStringLiteral("schema5.trdb"));
        QVERIFY(QFile::copy(test::fixture(QStringLiteral("upgrade/schema5-demo.trdb")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        Console c;
        QVERIFY(c.open(path));
        QCOMPARE(c.table->topLevelItemCount(), 4);
        std::int64_t total = 0;
        for (const workspace::SnapshotInfo &s : c.dialog->snapshots()) {
            QVERIFY(!s.bytesMeasured);
            QVERIFY(s.bytes > 0);
            total += s.bytes;
        }
        workspace::Workspace ws;
        QVERIFY(ws.open(path, workspace::OpenMode::ReadOnly).ok());
        QVERIFY(total <= ws.fileBytes());
        for (int i = 0; i < c.table->topLevelItemCount(); ++i)
            QVERIFY2(c.table->topLevelItem(i)->text(6).startsWith(QStringLiteral("≈ ")),
                     qPrintable(c.table->topLevelItem(i)->text(6)));
        if (const QString png = qEnvironmentVariable("TRHEALTH_SCREENSHOT_DIR"); !png.isEmpty())
            c.dialog->grab().save(
                QDir(png).filePath(QStringLiteral("manage-snapshots-estimates.png")));
    }

    void snapshotFileIsListedOnly()
    {
        const QString file = m_dir.filePath(QStringLiteral("shared.trhealth"));
        const SnapshotFile::ExportResult exported =
            SnapshotFile::exportSnapshots(m_demo, {2, 4}, file);
        QVERIFY2(exported.ok, qPrintable(exported.error));
        const QByteArray before = test::readAll(file);
        Console c;
        QVERIFY(c.open(file));
        QVERIFY(c.dialog->isReadOnly());
        QCOMPARE(rowIds(c.table), (QList<qint64>{4, 2}));
        auto *note = c.dialog->findChild<QLabel *>(QStringLiteral("manageSnapshotsReadOnly"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("read-only")), qPrintable(note->text()));
        clickRow(c.table, 2);
        QCOMPARE(c.table->selectedItems().size(), 1);
        QVERIFY(!c.deleteButton->isEnabled());
        // Nor does the Delete key ask anything.
        QSignalSpy started(c.dialog, &ManageSnapshotsDialog::removalStarted);
        Confirmation confirmation;
        c.pressDelete(true, &confirmation, true);
        QTest::qWait(250);
        QVERIFY(!confirmation.shown);
        QCOMPARE(started.count(), 0);
        QCOMPARE(test::readAll(file), before);
        if (const QString png = qEnvironmentVariable("TRHEALTH_SCREENSHOT_DIR"); !png.isEmpty())
            c.dialog->grab().save(
                QDir(png).filePath(QStringLiteral("manage-snapshots-read-only.png")));
    }

    // The dialog's size and its columns are kept for the next time.
    void remembersItsGeometryAndColumns()
    {
        const QString path = copyOfDemo();
        int width = 0;
        QSize size;
        {
            Console c;
            QVERIFY(c.open(path));
            width = c.table->columnWidth(3) + 37;
            c.table->setColumnWidth(3, width);
            c.dialog->resize(c.dialog->width() + 50, c.dialog->height() + 30);
            size = c.dialog->size();
            c.dialog->findChild<QPushButton *>(QStringLiteral("manageSnapshotsCloseButton"))
                ->click();
        }
        Console c;
        QVERIFY(c.open(path));
        QCOMPARE(c.table->columnWidth(3), width);
        QCOMPARE(c.dialog->size(), size);
        QCOMPARE(rowIds(c.table), (QList<qint64>{4, 3, 2, 1})); // still newest first
    }
};

QTEST_MAIN(TestManageSnapshots)
#include "tst_managesnapshots.moc"
