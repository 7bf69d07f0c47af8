#include "MainWindow.h"
#include "analysis/Checklist.h"
#include "analysis/SnapshotDiff.h"
#include "analysis/Summary.h"
#include "demo/DemoFleet.h"
#include "import/Importer.h"
#include "pages/ChecklistPage.h"
#include "pages/HistoryPage.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace trh;

// The history and checklist pages in the real main window, offscreen, over two months of
// the demo fleet. Set TRHEALTH_GRAB_DIR to save screenshots of both pages there.
class TestHistoryPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_older = 0, m_newer = 0;

    static void grab(QWidget *page, const QString &name)
    {
        const QString dir = qEnvironmentVariable("TRHEALTH_GRAB_DIR");
        if (!dir.isEmpty())
            QVERIFY(page->window()->grab().save(QDir(dir).filePath(name)));
    }

    QJsonObject summaryOf(qint64 id)
    {
        Database db;
        if (!Store::open(db, m_db, Store::OpenMode::Existing).ok())
            return {};
        QString error;
        return Summary::build(db, id, QString(), &error).value_or(QJsonObject());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = m_dir.filePath(QStringLiteral("history.trdb"));
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::CreateOrUpgrade).ok());
        const DemoFleet fleet(200);
        for (const int index : {2, 3}) {
            QString error;
            const DemoSnapshotFiles files = fleet.writeSnapshot(
                index, m_dir.filePath(QStringLiteral("month%1").arg(index)), &error);
            QVERIFY2(!files.files.isEmpty(), qPrintable(error));
            ImportOptions options;
            options.takenAt = files.takenAt;
            options.label = files.label;
            const ImportResult r = workspace::importFiles(db, files.files, options);
            QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
            (index == 2 ? m_older : m_newer) = r.snapshotId;
        }
        QVERIFY(m_older > 0 && m_newer > 0 && m_older != m_newer);
    }

    void trendsAndDiff()
    {
        // Given the two-month workspace open in the window,
        MainWindow window;
        window.resize(1280, 1000);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_db);
        QVERIFY(loaded.wait(60000));
        auto *page = window.findChild<HistoryPage *>(QStringLiteral("historyPage"));
        QVERIFY(page);
        QSignalSpy history(page, &HistoryPage::historyLoaded);
        QSignalSpy diff(page, &HistoryPage::diffLoaded);
        // when the history page is shown,
        window.showPage(QStringLiteral("historyPage"));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->currentWidget(), page);
        QTRY_VERIFY_WITH_TIMEOUT(history.count() > 0 && diff.count() > 0, 60000);
        QVERIFY(!page->isLoading());

        // then the coverage trend has one point per snapshot, oldest first, with the
        // summaries' percentages,
        QLineSeries *coverage = page->coverageSeries();
        QVERIFY(coverage);
        QCOMPARE(coverage->count(), 2);
        const QJsonObject older = summaryOf(m_older);
        const QJsonObject newer = summaryOf(m_newer);
        const double olderPercent = older.value(QStringLiteral("coverage"))
                                        .toObject()
                                        .value(QStringLiteral("percent"))
                                        .toDouble();
        const double newerPercent = newer.value(QStringLiteral("coverage"))
                                        .toObject()
                                        .value(QStringLiteral("percent"))
                                        .toDouble();
        QVERIFY(olderPercent > 0 && newerPercent > 0);
        QCOMPARE(coverage->at(0).y(), olderPercent);
        QCOMPARE(coverage->at(1).y(), newerPercent);
        QVERIFY(coverage->at(0).x() < coverage->at(1).x());

        // and the diff table's counts are SnapshotDiff's, from the older to the newer.
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::ReadOnly).ok());
        QString error;
        const auto expected = SnapshotDiff::compute(db, m_older, m_newer, &error);
        QVERIFY2(expected, qPrintable(error));
        const CodeDiff *recorder = nullptr;
        for (const CodeDiff &c : expected->codes) {
            if (c.code == QLatin1String("health.recorder"))
                recorder = &c;
        }
        QVERIFY(recorder);
        QTreeWidget *table = page->diffTable();
        const QList<QTreeWidgetItem *> rows =
            table->findItems(QStringLiteral("health.recorder"), Qt::MatchExactly, 1);
        QCOMPARE(rows.size(), 1);
        QTreeWidgetItem *row = rows.front();
        QCOMPARE(row->data(2, Qt::DisplayRole).toLongLong(),
                 qint64(recorder->newlyAffected.size()));
        QCOMPARE(row->data(3, Qt::DisplayRole).toLongLong(), qint64(recorder->recovered.size()));
        QCOMPARE(row->data(4, Qt::DisplayRole).toLongLong(),
                 qint64(recorder->stillAffected.size()));
        QCOMPARE(table->topLevelItemCount(), int(expected->codes.size()));
        auto *added = window.findChild<QPushButton *>(QStringLiteral("diffAdded"));
        QVERIFY(added->text().contains(QString::number(expected->added.size())));

        // Double-clicking a count lists exactly those endpoints.
        const int column = recorder->stillAffected.empty() ? 2 : 4;
        const size_t listed =
            column == 4 ? recorder->stillAffected.size() : recorder->newlyAffected.size();
        QVERIFY(listed > 0);
        emit table->itemDoubleClicked(row, column);
        auto *dialog = page->findChild<QDialog *>(QStringLiteral("endpointListDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QListWidget *>(QStringLiteral("endpointList"))->count(),
                 int(listed));
        grab(dialog, QStringLiteral("history-dialog.png"));
        dialog->close();
        grab(page, QStringLiteral("history.png"));
    }

    void checklistStatusAndSignOffPersist()
    {
        const QJsonObject newer = summaryOf(m_newer);
        const qint64 failures = newer.value(QStringLiteral("health_failures"))
                                    .toObject()
                                    .value(QStringLiteral("any"))
                                    .toInteger();
        QVERIFY(failures > 0);
        {
            // Given the workspace open, when the checklist shows,
            MainWindow window;
            window.resize(1280, 1000);
            window.show();
            QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
            window.openWorkspace(m_db);
            QVERIFY(loaded.wait(60000));
            window.showPage(QStringLiteral("checklistPage"));
            auto *page = window.findChild<ChecklistPage *>(QStringLiteral("checklistPage"));
            QVERIFY(page);
            QCOMPARE(window.findChild<QStackedWidget *>(QStringLiteral("pages"))->currentWidget(),
                     page);
            QCOMPARE(page->month(), Checklist::monthOf(newer));
            // then the health step's status gives the summary's failure count,
            auto *status = page->findChild<QLabel *>(QStringLiteral("checklist.health.status"));
            QVERIFY(status);
            QVERIFY2(status->text().contains(QString::number(failures)),
                     qPrintable(status->text()));
            grab(page, QStringLiteral("checklist.png"));
            // and a sign-off with notes is stored.
            auto *who = page->findChild<QLineEdit *>(QStringLiteral("checklist.health.signedBy"));
            auto *sign = page->findChild<QPushButton *>(QStringLiteral("checklist.health.signOff"));
            auto *notes =
                page->findChild<QPlainTextEdit *>(QStringLiteral("checklist.health.notes"));
            QVERIFY(who && sign && notes);
            QVERIFY(!who->isReadOnly());
            who->setText(QStringLiteral("alice"));
            QTest::mouseClick(sign, Qt::LeftButton);
            QVERIFY(who->isReadOnly());
            notes->setPlainText(QStringLiteral("Recorder failures: ticket CHG-7"));
        }
        // When the window is opened again,
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_db);
        QVERIFY(loaded.wait(60000));
        window.showPage(QStringLiteral("checklistPage"));
        auto *page = window.findChild<ChecklistPage *>(QStringLiteral("checklistPage"));
        // then the sign-off and the notes are still there.
        auto *who = page->findChild<QLineEdit *>(QStringLiteral("checklist.health.signedBy"));
        QCOMPARE(who->text(), QStringLiteral("alice"));
        QVERIFY(who->isReadOnly());
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("checklist.health.signedAt"))
                    ->text()
                    .startsWith(QStringLiteral("on ")));
        QCOMPARE(page->findChild<QPlainTextEdit *>(QStringLiteral("checklist.health.notes"))
                     ->toPlainText(),
                 QStringLiteral("Recorder failures: ticket CHG-7"));
        QVERIFY(!page->findChild<QLineEdit *>(QStringLiteral("checklist.driver.signedBy"))
                     ->isReadOnly());
        // Undoing the sign-off is stored too.
        QTest::mouseClick(
            page->findChild<QPushButton *>(QStringLiteral("checklist.health.signOff")),
            Qt::LeftButton);
        QVERIFY(!who->isReadOnly());
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::ReadOnly).ok());
        QString error;
        const auto entries = Checklist::load(db, page->month(), &error);
        QVERIFY(entries);
        for (const ChecklistEntry &e : *entries)
            QVERIFY(!e.isSignedOff());
    }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
