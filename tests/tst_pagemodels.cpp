#include "MainWindow.h"
#include "TestSupport.h"
#include "pages/FindingsPage.h"
#include "views/SqlTableModel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace trh;

// Every table page of the real main window keeps the item-model contract while it loads,
// sorts, searches and changes snapshot: QAbstractItemModelTester watches each page's model.
class TestPageModels : public QObject
{
    Q_OBJECT
private:
    test::FleetWorkspace m_fleet;

private slots:
    void initTestCase() { QVERIFY(m_fleet.create()); }

    void everyPageModelKeepsTheContract()
    {
        MainWindow window;
        window.show();
        const QList<FindingsPage *> pages = window.findChildren<FindingsPage *>();
        QVERIFY(pages.size() >= 7);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (FindingsPage *page : pages) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_fleet.path);
        QVERIFY(loaded.wait(30000));
        for (FindingsPage *page : pages) {
            const QString name = page->objectName();
            window.showPage(name);
            SqlTableModel *model = page->model();
            QVERIFY2(model->waitForIdle(), qPrintable(name));
            const int all = model->rowCount();
            QVERIFY2(model->columnCount() > 0, qPrintable(name));
            // Every column sorts both ways without breaking the contract or losing rows.
            for (int column = 0; column < model->columnCount(); ++column) {
                for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    page->view()->sortByColumn(column, order);
                    QVERIFY(model->waitForIdle());
                    QCOMPARE(model->rowCount(), all);
                    // The last row's page loads (some of its cells may be empty).
                    if (all > 0) {
                        const QModelIndex last = model->index(all - 1, 0);
                        QTRY_VERIFY(!model->data(last, SqlTableModel::LoadingRole).toBool());
                        QVERIFY([&] {
                            for (int c = 0; c < model->columnCount(); ++c) {
                                if (!model->data(model->index(all - 1, c)).toString().isEmpty())
                                    return true;
                            }
                            return false;
                        }());
                    }
                }
            }
            // A search through the page's box narrows the rows; clearing it restores them.
            auto *search = page->findChild<QLineEdit *>(name + QStringLiteral(".search"));
            QVERIFY2(search, qPrintable(name));
            search->setText(QStringLiteral("zz-no-such-endpoint-zz"));
            QTRY_COMPARE(model->rowCount(), 0);
            search->clear();
            QTRY_COMPARE(model->rowCount(), all);
        }
    }
};

QTEST_MAIN(TestPageModels)
#include "tst_pagemodels.moc"
