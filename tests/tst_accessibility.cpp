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
    QTemporaryDir m_dir;
    QString m_db;

    static bool isControl(const QWidget *w)
    {
        return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
               qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractItemView *>(w) ||
               qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QTextEdit *>(w) ||
               qobject_cast<const QPlainTextEdit *>(w);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = m_dir.filePath(QStringLiteral("fleet.trdb"));
        QVERIFY(test::createFleetWorkspace(m_db));
    }

    void everyControlHasAName()
    {
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_db));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QStringList unnamed;
        int checked = 0;
        for (int i = 0; i < pages->count(); ++i) {
            window.showPage(pages->widget(i)->objectName());
            QTest::qWait(50); // pages that load when shown build their controls
            for (QWidget *w : window.findChildren<QWidget *>()) {
                // Widgets inside another control (a combo box's line edit, a view's
                // viewport) are announced as part of it.
                if (!isControl(w) || !w->isVisible() || w->focusPolicy() == Qt::NoFocus)
                    continue;
                if (w->parentWidget() && isControl(w->parentWidget()))
                    continue;
                QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
                QVERIFY(a);
                ++checked;
                if (a->text(QAccessible::Name).trimmed().isEmpty()) {
                    unnamed << QStringLiteral("%1 (%2) on %3")
                                   .arg(w->objectName(),
                                        QString::fromLatin1(w->metaObject()->className()),
                                        pages->widget(i)->objectName());
                }
            }
        }
        QVERIFY(checked > 40);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
