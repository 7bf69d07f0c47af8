#include "MainWindow.h"
#include "TestSupport.h"
#include "Theme.h"
#include "WindowTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace trh;

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

// The Light and Dark appearances, the colours that carry meaning, and the Settings menu.
class TestTheme : public QObject
{
    Q_OBJECT
private:
    test::FleetWorkspace m_fleet;

private slots:
    void initTestCase()
    {
        QVERIFY(m_fleet.create());
        QSettings().clear();
    }

    void cleanup() { applyAppearance(Appearance::Light); }

    void namesRoundTrip()
    {
        for (const Appearance a : {Appearance::System, Appearance::Light, Appearance::Dark})
            QCOMPARE(appearanceFromName(appearanceName(a)), a);
        QCOMPARE(appearanceFromName(QStringLiteral("neon")), Appearance::System);
    }

    void tonesAreReadable_data()
    {
        QTest::addColumn<int>("appearance");
        QTest::newRow("light") << int(Appearance::Light);
        QTest::newRow("dark") << int(Appearance::Dark);
    }
    void tonesAreReadable()
    {
        QFETCH(int, appearance);
        applyAppearance(Appearance(appearance));
        const QPalette palette = QApplication::palette();
        QCOMPARE(isDark(palette), Appearance(appearance) == Appearance::Dark);
        for (const Tone tone : {Tone::Bad, Tone::Warning, Tone::Good}) {
            const QColor c = toneColor(palette, tone);
            for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
                const double ratio = contrast(c, palette.color(role));
                QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on role %2: %3:1")
                                                      .arg(c.name())
                                                      .arg(int(role))
                                                      .arg(ratio, 0, 'f', 2)));
            }
        }
        // Text and links stay readable too.
        QVERIFY(contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 7);
        QVERIFY(contrast(palette.color(QPalette::Link), palette.color(QPalette::Window)) >= 4.5);
    }

    void settingsMenuSwitchesLiveAndRemembers()
    {
        // Given the window showing the fleet's overview,
        MainWindow window;
        QVERIFY(test::showWorkspace(window, m_fleet.path));
        auto *percent = window.findChild<QLabel *>(QStringLiteral("coveragePercent"));
        QVERIFY(percent);
        const QString shown = percent->text();
        // when Settings → Appearance → Dark is chosen,
        auto *dark = window.findChild<QAction *>(QStringLiteral("appearance.dark"));
        QVERIFY(dark);
        dark->trigger();
        // then the window turns dark at once, the choice is remembered,
        QTRY_VERIFY(isDark(window.palette()));
        QCOMPARE(QSettings().value(appearanceSettingsKey()).toString(), QStringLiteral("dark"));
        // and the overview is rebuilt in the new colours with the same figures.
        QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("coveragePercent")) != percent);
        percent = window.findChild<QLabel *>(QStringLiteral("coveragePercent"));
        QVERIFY(percent);
        QCOMPARE(percent->text(), shown);
        window.findChild<QAction *>(QStringLiteral("appearance.light"))->trigger();
        QTRY_VERIFY(!isDark(window.palette()));
        QCOMPARE(QSettings().value(appearanceSettingsKey()).toString(), QStringLiteral("light"));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
