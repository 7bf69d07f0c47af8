#include "MainWindow.h"
#include "TestSupport.h"
#include "WindowTestSupport.h"
#include "dialogs/NoteDialog.h"
#include "import/Importer.h"
#include "pages/FindingsPage.h"
#include "store/Database.h"
#include "store/Store.h"
#include "views/SqlTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace trh;

// Notes and accepted-until exceptions edited from a findings page, driven offscreen through
// the real main window by object names.
class TestNotesUi : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    static int columnOf(const SqlTableModel *model, const QString &title)
    {
        for (int c = 0; c < model->columnCount(); ++c) {
            if (model->headerData(c, Qt::Horizontal).toString() == title)
                return c;
        }
        return -1;
    }

    template<typename T>
    static T *child(QObject *parent, const QString &name)
    {
        return parent->findChild<T *>(name);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("trhealth-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_notesui"));
        QSettings().clear();
        m_db = m_dir.filePath(QStringLiteral("fleet.trdb"));
        QVERIFY(test::createFleetWorkspace(m_db));
    }

    void dialogValidates()
    {
        Note note;
        note.endpointId = 1;
        note.endpointName = QStringLiteral("host-1");
        note.code = QStringLiteral("health.dec");
        NoteDialog dialog(note);
        dialog.show();
        auto *ok = child<QPushButton>(&dialog, QStringLiteral("noteDialog.ok"));
        auto *text = child<QPlainTextEdit>(&dialog, QStringLiteral("noteDialog.text"));
        auto *author = child<QLineEdit>(&dialog, QStringLiteral("noteDialog.author"));
        auto *accept = child<QCheckBox>(&dialog, QStringLiteral("noteDialog.accept"));
        auto *until = child<QDateEdit>(&dialog, QStringLiteral("noteDialog.until"));
        QVERIFY(ok && text && author && accept && until);
        // The acceptance date is off and defaults to a month ahead.
        QVERIFY(!accept->isChecked());
        QVERIFY(!until->isEnabled());
        QCOMPARE(until->date(), QDate::currentDate().addMonths(1));
        // Text is required.
        QVERIFY(!ok->isEnabled());
        author->setText(QStringLiteral("alice"));
        QTest::keyClicks(text, QStringLiteral("Known issue"));
        QVERIFY(ok->isEnabled());
        // So is the author.
        author->clear();
        QVERIFY(!ok->isEnabled());
        author->setText(QStringLiteral("alice"));
        // A date in the past cannot be entered.
        accept->setChecked(true);
        QVERIFY(until->isEnabled());
        until->setDate(QDate::currentDate().addDays(-3));
        QVERIFY(until->date() >= QDate::currentDate());
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.note().acceptedUntil, std::optional<QDate>(until->date()));
        QCOMPARE(dialog.note().text, QStringLiteral("Known issue"));
        QVERIFY(dialog.grab().save(m_dir.filePath(QStringLiteral("notedialog.png"))));
        if (qEnvironmentVariableIsSet("TRHEALTH_SHOTS"))
            dialog.grab().save(qEnvironmentVariable("TRHEALTH_SHOTS") +
                               QStringLiteral("/notedialog.png"));
        // OK remembers the author.
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(QSettings().value(QStringLiteral("note/author")).toString(),
                 QStringLiteral("alice"));
    }

    void addEditDeleteFromTheFindingsPage()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_db);
        QVERIFY(loaded.wait(30000));
        window.drillDown(QStringLiteral("health.dec"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
        QVERIFY(page);
        QVERIFY(page->model()->waitForIdle());
        QVERIFY(page->model()->rowCount() > 0);
        const int acceptedColumn = columnOf(page->model(), QStringLiteral("Accepted"));
        QVERIFY(acceptedColumn >= 0);
        auto *addNote = window.findChild<QAction *>(QStringLiteral("clientHealthPage.addNote"));
        QVERIFY(addNote);
        QCOMPARE(addNote->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
        QVERIFY(!addNote->isEnabled()); // nothing selected yet

        page->view()->setCurrentIndex(page->model()->index(0, 0));
        QVERIFY(addNote->isEnabled());
        const qint64 findingId = page->model()->keyAt(0);
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::ReadOnly).ok());
        qint64 endpoint = 0;
        {
            Statement st(db, "SELECT endpoint_id, code FROM finding WHERE id = ?1");
            st.bind(1, findingId);
            QVERIFY(st.step());
            endpoint = st.int64(0);
            QCOMPARE(st.text(1), QStringLiteral("health.dec"));
        }
        QTRY_VERIFY(
            !page->model()->data(page->model()->index(0, 0), SqlTableModel::LoadingRole).toBool());
        QVERIFY(page->model()->data(page->model()->index(0, acceptedColumn)).toString().isEmpty());
        auto *details = child<QTextBrowser>(&window, QStringLiteral("clientHealthPage.details"));
        QVERIFY(details);
        QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("Answers")));
        QVERIFY(!details->toPlainText().contains(QStringLiteral("accepted until")));

        // Add a note with an acceptance date through the dialog.
        addNote->trigger();
        NoteDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<NoteDialog *>(QStringLiteral("noteDialog"))));
        QVERIFY(dialog->isVisible());
        auto *ok = child<QPushButton>(dialog, QStringLiteral("noteDialog.ok"));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(child<QPlainTextEdit>(dialog, QStringLiteral("noteDialog.text")),
                         QStringLiteral("Waiting for the DEC <fix>"));
        child<QLineEdit>(dialog, QStringLiteral("noteDialog.ticket"))
            ->setText(QStringLiteral("CHG-42"));
        child<QLineEdit>(dialog, QStringLiteral("noteDialog.author"))
            ->setText(QStringLiteral("bob"));
        child<QCheckBox>(dialog, QStringLiteral("noteDialog.accept"))->setChecked(true);
        const QDate until = QDate::currentDate().addDays(20);
        child<QDateEdit>(dialog, QStringLiteral("noteDialog.until"))->setDate(until);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!page->findChild<NoteDialog *>(QStringLiteral("noteDialog")));

        // The note is in the note table,
        qint64 noteId = 0;
        {
            Statement st(db, "SELECT id, text, ticket, author, accepted_until FROM note "
                             "WHERE endpoint_id = ?1 AND code = 'health.dec'");
            st.bind(1, endpoint);
            QVERIFY(st.step());
            noteId = st.int64(0);
            QCOMPARE(st.text(1), QStringLiteral("Waiting for the DEC <fix>"));
            QCOMPARE(st.text(2), QStringLiteral("CHG-42"));
            QCOMPARE(st.text(3), QStringLiteral("bob"));
            QCOMPARE(st.text(4), until.toString(Qt::ISODate));
            QVERIFY(!st.step());
        }
        // the details pane shows it (escaped), accepted, with edit and delete links,
        const QString marker = QStringLiteral("accepted until ") + until.toString(Qt::ISODate);
        QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("Waiting for the DEC <fix>")));
        QVERIFY(details->toPlainText().contains(QStringLiteral("(") + marker + QLatin1Char(')')));
        QVERIFY(details->toHtml().contains(QStringLiteral("note-edit:%1").arg(noteId)));
        QVERIFY(details->toHtml().contains(QStringLiteral("note-delete:%1").arg(noteId)));
        // and the table's Accepted column shows it on the same finding, still selected.
        QVERIFY(page->model()->waitForIdle());
        auto acceptedCell = [&] {
            const int row = int(page->model()->keys().indexOf(findingId));
            return row < 0
                       ? QStringLiteral("<missing>")
                       : page->model()->data(page->model()->index(row, acceptedColumn)).toString();
        };
        QTRY_COMPARE(acceptedCell(), marker);
        QTRY_COMPARE(page->model()->keyAt(page->view()->currentIndex().row()), findingId);

        // Edit the text through the "edit" link.
        emit details->anchorClicked(QUrl(QStringLiteral("note-edit:%1").arg(noteId)));
        QTRY_VERIFY((dialog = page->findChild<NoteDialog *>(QStringLiteral("noteDialog"))));
        auto *text = child<QPlainTextEdit>(dialog, QStringLiteral("noteDialog.text"));
        QCOMPARE(text->toPlainText(), QStringLiteral("Waiting for the DEC <fix>"));
        text->setPlainText(QStringLiteral("Fixed in the next window"));
        QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("noteDialog.ok")),
                          Qt::LeftButton);
        QTRY_VERIFY(!page->findChild<NoteDialog *>(QStringLiteral("noteDialog")));
        {
            Statement st(db, "SELECT text, ticket, accepted_until FROM note WHERE id = ?1");
            st.bind(1, noteId);
            QVERIFY(st.step());
            QCOMPARE(st.text(0), QStringLiteral("Fixed in the next window"));
            QCOMPARE(st.text(1), QStringLiteral("CHG-42"));
            QCOMPARE(st.text(2), until.toString(Qt::ISODate));
        }
        QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("Fixed in the next window")));
        QVERIFY(!details->toPlainText().contains(QStringLiteral("Waiting for the DEC")));

        if (qEnvironmentVariableIsSet("TRHEALTH_SHOTS"))
            window.grab().save(qEnvironmentVariable("TRHEALTH_SHOTS") +
                               QStringLiteral("/findingspage.png"));

        // Delete it through the "delete" link, confirmed by the test switch.
        FindingsPage::setAutoConfirmDelete(true);
        emit details->anchorClicked(QUrl(QStringLiteral("note-delete:%1").arg(noteId)));
        FindingsPage::setAutoConfirmDelete(false);
        {
            Statement st(db, "SELECT count(*) FROM note WHERE id = ?1");
            st.bind(1, noteId);
            QVERIFY(st.step());
            QCOMPARE(st.int64(0), qint64(0));
        }
        QTRY_VERIFY(!details->toPlainText().contains(QStringLiteral("Fixed in the next window")));
        QVERIFY(!details->toPlainText().contains(QStringLiteral("accepted until")));
        QVERIFY(page->model()->waitForIdle());
        QTRY_COMPARE(acceptedCell(), QString());
    }

    void acceptanceIsJudgedOnTheSnapshotDate()
    {
        // An exception that ran until the snapshot's day counts for that snapshot even when
        // the day has passed since (the fixture's snapshot is older than today).
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::Existing).ok());
        Statement st(db, "SELECT f.endpoint_id, s.taken_at FROM finding f JOIN snapshot s ON "
                         "s.id = f.snapshot_id WHERE f.code = 'health.dec' LIMIT 1");
        QVERIFY(st.step());
        const QDate snapshotDay = QDateTime::fromString(st.text(1), Qt::ISODate).toUTC().date();
        QVERIFY(snapshotDay.isValid());
        Note note;
        note.endpointId = st.int64(0);
        note.code = QStringLiteral("health.dec");
        note.text = QStringLiteral("until the snapshot day");
        note.author = QStringLiteral("dave");
        note.acceptedUntil = snapshotDay;
        QString error;
        const auto id = Notes::add(db, note, &error);
        QVERIFY2(id, qPrintable(error));

        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_db));
        window.drillDown(QStringLiteral("health.dec"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
        QVERIFY(page->model()->waitForIdle());
        QCOMPARE(page->referenceDate(), snapshotDay);
        const int column = columnOf(page->model(), QStringLiteral("Accepted"));
        QVERIFY(column >= 0);
        const QString marker =
            QStringLiteral("accepted until ") + snapshotDay.toString(Qt::ISODate);
        QTRY_COMPARE(page->model()->data(page->model()->index(0, column)).toString(), marker);
        page->view()->setCurrentIndex(page->model()->index(0, 0));
        auto *details = child<QTextBrowser>(&window, QStringLiteral("clientHealthPage.details"));
        QTRY_VERIFY(
            details->toPlainText().contains(QStringLiteral("(") + marker + QLatin1Char(')')));
        // The day after the snapshot it no longer counts.
        QVERIFY(Notes::remove(db, *id, &error));
        note.acceptedUntil = snapshotDay.addDays(-1);
        const auto lapsed = Notes::add(db, note, &error);
        QVERIFY2(lapsed, qPrintable(error));
        window.drillDown(QStringLiteral("health.dec"));
        QVERIFY(page->model()->waitForIdle());
        QTRY_VERIFY(
            !page->model()->data(page->model()->index(0, 0), SqlTableModel::LoadingRole).toBool());
        QVERIFY(page->model()->data(page->model()->index(0, column)).toString().isEmpty());
        QVERIFY(Notes::remove(db, *lapsed, &error));
    }

    void keyboardOpensAndCancelsTheDialog()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_db));
        window.drillDown(QStringLiteral("health.dec"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
        QVERIFY(page->model()->waitForIdle());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        page->view()->setFocus();
        page->view()->setCurrentIndex(page->model()->index(0, 0));
        QTest::keyClick(page->view(), Qt::Key_N, Qt::ControlModifier);
        NoteDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<NoteDialog *>(QStringLiteral("noteDialog"))));
        // The text has the focus: typing goes there; Escape cancels and writes nothing.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(child<QPlainTextEdit>(
                                                      dialog, QStringLiteral("noteDialog.text"))));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("typed"));
        QCOMPARE(child<QPlainTextEdit>(dialog, QStringLiteral("noteDialog.text"))->toPlainText(),
                 QStringLiteral("typed"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!page->findChild<NoteDialog *>(QStringLiteral("noteDialog")));
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::ReadOnly).ok());
        Statement st(db, "SELECT count(*) FROM note WHERE text = 'typed'");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), qint64(0));
    }

    void deleteAsksFirst()
    {
        // Without the test switch, deleting asks; answering No keeps the note.
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::Existing).ok());
        Statement st(db, "SELECT endpoint_id FROM finding WHERE code = 'health.dec' LIMIT 1");
        QVERIFY(st.step());
        Note note;
        note.endpointId = st.int64(0);
        note.code = QStringLiteral("health.dec");
        note.text = QStringLiteral("keep me");
        note.author = QStringLiteral("carol");
        QString error;
        const auto id = Notes::add(db, note, &error);
        QVERIFY2(id, qPrintable(error));
        FindingsPage page(QStringLiteral("testPage"), QStringLiteral("Test"),
                          {QStringLiteral("health.%")});
        page.setWorkspace(m_db, 1);
        page.show();
        page.deleteNote(*id);
        QMessageBox *box = nullptr;
        QTRY_VERIFY(
            (box = page.findChild<QMessageBox *>(QStringLiteral("testPage.confirmDelete"))));
        box->button(QMessageBox::No)->click();
        QVERIFY(Notes::byId(db, *id).has_value());
        QVERIFY(Notes::remove(db, *id, &error));
    }
};

QTEST_MAIN(TestNotesUi)
#include "tst_notesui.moc"
