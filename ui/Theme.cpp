#include "Theme.h"
#include "SettingsKeys.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace trh {

namespace {

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor alternate(0x27, 0x29, 0x2c);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7e, 0xc6);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x42));
    p.setColor(QPalette::Midlight, QColor(0x34, 0x37, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x50));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x50));
    return p;
}

} // namespace

QString appearanceSettingsKey()
{
    return SettingsKey::appearance();
}

QString appearanceName(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return QStringLiteral("light");
    case Appearance::Dark:
        return QStringLiteral("dark");
    case Appearance::System:
        break;
    }
    return QStringLiteral("system");
}

Appearance appearanceFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Appearance::Light;
    if (name == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

void applyAppearance(Appearance appearance)
{
    // The platform's own style is remembered once, so "System" can go back to it.
    static const QString systemStyle = QApplication::style()->name();
    switch (appearance) {
    case Appearance::System:
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Appearance::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Appearance::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor toneColor(const QPalette &palette, Tone tone)
{
    // Material-like reds, ambers and greens: the darker shade on light windows, the lighter
    // shade on dark ones, each with at least 4.5:1 contrast against the window colour.
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Bad:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xc1, 0x07) : QColor(0x9a, 0x5b, 0x00);
    case Tone::Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    }
    return palette.color(QPalette::WindowText);
}

QString toneStyleSheet(const QPalette &palette, Tone tone)
{
    return QStringLiteral("color: %1").arg(toneColor(palette, tone).name());
}

QString bannerStyleSheet(const QPalette &palette, Tone tone)
{
    return QStringLiteral("QLabel { color: %1; border: 1px solid %1; border-radius: 4px; "
                          "padding: 8px; }")
        .arg(toneColor(palette, tone).name());
}

} // namespace trh
