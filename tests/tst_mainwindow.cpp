#include "MainWindow.h"
#include "TestSupport.h"
#include "WindowTestSupport.h"
#include "analysis/Summary.h"
#include "import/Importer.h"
#include "pages/FindingsPage.h"
#include "store/Database.h"
#include "store/Store.h"
#include "views/SqlTableModel.h"

#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

// Drives the real main window, offscreen, by object names.
class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    test::FleetWorkspace m_fleet;

private slots:
    void initTestCase() { QVERIFY(m_fleet.create()); }

    void startsWithAnEmptyState()
    {
        MainWindow window;
        window.show();
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("emptyPage"));
    }

    void overviewNumbersDrillDownToExactlyThoseEndpoints_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("page");
        QTest::newRow("dec") << QStringLiteral("health.dec") << QStringLiteral("clientHealthPage");
        QTest::newRow("any failure")
            << QStringLiteral("health.%") << QStringLiteral("clientHealthPage");
        QTest::newRow("driver") << QStringLiteral("driver.service_not_running")
                                << QStringLiteral("driverPage");
        QTest::newRow("bpf") << QStringLiteral("bpf.bcc_only") << QStringLiteral("bpfPage");
        QTest::newRow("wrong profile")
            << QStringLiteral("profile.wrong_for_group") << QStringLiteral("profilesPage");
        QTest::newRow("tools") << QStringLiteral("tools.not_installed")
                               << QStringLiteral("toolsPage");
    }
    void overviewNumbersDrillDownToExactlyThoseEndpoints()
    {
        QFETCH(QString, code);
        QFETCH(QString, page);
        // Given the fleet workspace open in the window,
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_fleet.path));
        // when the overview's number is clicked,
        auto *link = window.findChild<QPushButton *>(QStringLiteral("link:") + code);
        QVERIFY2(link, qPrintable(code));
        QVERIFY(link->isEnabled());
        const int shown = link->text().toInt();
        QTest::mouseClick(link, Qt::LeftButton);
        // then its page shows, with exactly the findings behind that number.
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->currentWidget()->objectName(), page);
        auto *findings = window.findChild<FindingsPage *>(page);
        QVERIFY(findings->model()->waitForIdle());
        Database db;
        QVERIFY(Store::open(db, m_fleet.path, Store::OpenMode::ReadOnly).ok());
        Statement st(
            db, "SELECT count(*), count(DISTINCT endpoint_id) FROM finding WHERE code LIKE ?1");
        st.bind(1, code);
        QVERIFY(st.step());
        QCOMPARE(qint64(findings->model()->rowCount()), st.int64(0));
        QCOMPARE(qint64(shown), st.int64(1));
    }

    void everyPanelSaysHowFreshItIs()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_fleet.path));
        const auto panels =
            window.findChildren<QGroupBox *>(QRegularExpression(QStringLiteral("^panel:")));
        QVERIFY(panels.size() >= 5);
        const auto *tile = window.findChild<QLabel *>(QStringLiteral("snapshotFreshness"));
        QVERIFY(tile);
        for (const QGroupBox *panel : panels) {
            const QString key = panel->objectName().mid(6);
            const auto *label = panel->findChild<QLabel *>(QStringLiteral("freshness:") + key);
            QVERIFY2(label, qPrintable(key));
            QVERIFY2(label->text().startsWith(QStringLiteral("as of ")), qPrintable(label->text()));
            // The same day as the coverage tile's "Snapshot taken …".
            const QString day = label->text().mid(6).section(QStringLiteral(" — "), 0, 0);
            QVERIFY2(tile->text().contains(day),
                     qPrintable(day + QStringLiteral(" / ") + tile->text()));
        }
    }

    void navigationAndDetails()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_fleet.path));
        window.showPage(QStringLiteral("driverPage"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("driverPage"));
        QVERIFY(page->model()->waitForIdle());
        QVERIFY(page->model()->rowCount() > 0);
        page->view()->setCurrentIndex(page->model()->index(0, 0));
        auto *details = window.findChild<QWidget *>(QStringLiteral("driverPage.details"));
        QVERIFY(details);
        QTRY_VERIFY(details->property("plainText").toString().contains(QStringLiteral("Answers")));
        QVERIFY(details->property("plainText")
                    .toString()
                    .contains(QStringLiteral("Corrective action")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
