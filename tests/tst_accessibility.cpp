#include "MainWindow.h"
#include "TestSupport.h"
#include "WindowTestSupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace trh;

// Every control a keyboard or screen-reader user can reach has a name to announce, on
// every page of the real main window.
class TestAccessibility : public QObject
{
    Q_OBJECT
private:
    test::FleetWorkspace m_fleet;

private slots:
    void initTestCase() { QVERIFY(m_fleet.create()); }

    void everyControlHasAName()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_fleet.path));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QStringList unnamed;
        int checked = 0;
        for (int i = 0; i < pages->count(); ++i) {
            window.showPage(pages->widget(i)->objectName());
            QTest::qWait(50); // pages that load when shown build their controls
            for (const QString &control : test::unnamedControls(&window, &checked))
                unnamed << QStringLiteral("%1 on %2").arg(control, pages->widget(i)->objectName());
        }
        QVERIFY(checked > 40);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
