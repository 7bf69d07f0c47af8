#include "MainWindow.h"
#include "TestSupport.h"
#include "WindowTestSupport.h"
#include "pages/FindingsPage.h"
#include "views/SqlTableModel.h"
#include "widgets/ColumnFilterBar.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

// The filter boxes above the columns of a table page, in the real main window.
class TestColumnFilters : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    // The page's rows whose cell in `column` contains `needle` (case-insensitively), counted
    // from the unfiltered result.
    static int rowsContaining(const SqlTableModel *model, int column, const QString &needle)
    {
        int n = 0;
        QString error;
        const bool ok = model->forEachRow(
            [&](const QVector<QVariant> &cells) {
                n += cells.value(column).toString().contains(needle, Qt::CaseInsensitive);
                return true;
            },
            &error);
        return ok ? n : -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // The demo fleet at 800 endpoints: enough rows per page to filter.
        m_db = m_dir.filePath(QStringLiteral("demo.trdb"));
        const auto r = test::runCli({QStringLiteral("demo"), QStringLiteral("--db"), m_db,
                                     QStringLiteral("--endpoints"), QStringLiteral("800")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void filtersNarrowToMatchingRowsAndFollowColumns()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_db);
        QVERIFY(loaded.wait(30000));
        window.showPage(QStringLiteral("clientHealthPage"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
        SqlTableModel *model = page->model();
        QVERIFY(model->waitForIdle());
        const int all = model->rowCount();
        QVERIFY(all > 10);
        auto *bar = page->findChild<ColumnFilterBar *>(QStringLiteral("clientHealthPage.filter"));
        QVERIFY(bar);
        QVERIFY(bar->isVisible());
        // One box per column, lined up with its header section.
        QHeaderView *header = page->view()->horizontalHeader();
        QCOMPARE(bar->findChildren<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly).size(),
                 model->columnCount());
        for (int c = 0; c < 3; ++c) {
            QLineEdit *edit = bar->edit(c);
            const QPoint boxLeft = edit->mapTo(&window, QPoint(0, 0));
            const QPoint sectionLeft =
                header->viewport()->mapTo(&window, QPoint(header->sectionViewportPosition(c), 0));
            QCOMPARE(boxLeft.x(), sectionLeft.x());
            QCOMPARE(edit->width(), header->sectionSize(c));
        }
        header->resizeSection(0, header->sectionSize(0) + 40);
        QCOMPARE(bar->edit(0)->width(), header->sectionSize(0));
        QCOMPARE(
            bar->edit(1)->mapTo(&window, QPoint(0, 0)).x(),
            header->viewport()->mapTo(&window, QPoint(header->sectionViewportPosition(1), 0)).x());

        // Typing in the Subject column's box shows exactly the rows whose subject matches.
        const int subject = 3;
        const QString needle = QStringLiteral("rec");
        const int expected = rowsContaining(model, subject, needle);
        QVERIFY(expected > 0 && expected < all);
        QTest::keyClicks(bar->edit(subject), needle);
        QTRY_COMPARE(model->rowCount(), expected);
        QVERIFY(model->waitForIdle());
        QCOMPARE(rowsContaining(model, subject, needle), expected);

        // A LIKE wildcard is taken literally: nothing contains "%_".
        bar->edit(0)->setText(QStringLiteral("%_"));
        QTRY_COMPARE(model->rowCount(), 0);
        bar->edit(0)->clear();
        QTRY_COMPARE(model->rowCount(), expected);

        // Hiding the filters clears them, so nothing narrows the table unseen.
        auto *toggle = page->findChild<QAction *>(QStringLiteral("clientHealthPage.filtersAction"));
        QVERIFY(toggle && toggle->isChecked());
        toggle->trigger();
        QVERIFY(!bar->isVisible());
        QVERIFY(bar->edit(subject)->text().isEmpty());
        QTRY_COMPARE(model->rowCount(), all);
        QCOMPARE(QSettings().value(QStringLiteral("table/columnFilters")).toBool(), false);
        toggle->trigger();
        QVERIFY(bar->isVisible());
    }

    void drillDownClearsSearchAndFilters()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_db));
        window.drillDown(QStringLiteral("health.dec"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
        QVERIFY(page->model()->waitForIdle());
        const int dec = page->model()->rowCount();
        QVERIFY(dec > 0);
        // Given a search and a filter that hide every row,
        page->findChild<QLineEdit *>(QStringLiteral("clientHealthPage.search"))
            ->setText(QStringLiteral("zz-nothing"));
        page->findChild<ColumnFilterBar *>(QStringLiteral("clientHealthPage.filter"))
            ->edit(0)
            ->setText(QStringLiteral("zz-nothing"));
        QTRY_COMPARE(page->model()->rowCount(), 0);
        // a drill-down from the overview still lands on exactly its findings.
        window.drillDown(QStringLiteral("health.dec"));
        QVERIFY(page->model()->waitForIdle());
        QTRY_COMPARE(page->model()->rowCount(), dec);
        QTest::qWait(400); // past the debounce: nothing comes back
        QCOMPARE(page->model()->rowCount(), dec);
    }

    void pagesStaySortedAcrossSnapshots()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_db));
        auto *selector = window.findChild<QComboBox *>(QStringLiteral("snapshotSelector"));
        QVERIFY(selector && selector->count() >= 2);
        for (int round = 0; round < 2; ++round) {
            window.showPage(QStringLiteral("clientHealthPage"));
            auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
            SqlTableModel *model = page->model();
            QVERIFY(model->waitForIdle());
            // Sorted by endpoint, as the header says, row by row (SQLite's binary order).
            QCOMPARE(model->sortColumn(), 0);
            QCOMPARE(page->view()->horizontalHeader()->sortIndicatorSection(), 0);
            QString previous;
            QString error;
            QVERIFY(model->forEachRow(
                [&](const QVector<QVariant> &cells) {
                    const QString name = cells.value(0).toString();
                    if (name.compare(previous, Qt::CaseSensitive) < 0 && !name.isEmpty())
                        return false;
                    previous = name;
                    return true;
                },
                &error));
            QVERIFY(model->rowCount() > 0);
            // Another snapshot reloads every page; the order must hold.
            QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
            selector->setCurrentIndex(1 - round);
            emit selector->activated(1 - round); // as a user's choice does
            QVERIFY(loaded.wait(30000));
        }
    }

    void ctrlFGoesToTheSearchBox()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_db));
        window.showPage(QStringLiteral("driverPage"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("driverPage"));
        QVERIFY(page->model()->waitForIdle());
        QVERIFY(QTest::qWaitForWindowActive(&window));
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(page->findChild<QLineEdit *>(QStringLiteral("driverPage.search"))->hasFocus());
    }
};

QTEST_MAIN(TestColumnFilters)
#include "tst_columnfilters.moc"
