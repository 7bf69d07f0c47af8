#pragma once

#include <QColor>
#include <QString>

class QPalette;

namespace trh {

// How the console is coloured. System keeps the platform's style and palette (on Windows
// and on desktops whose Qt platform theme reports dark mode this follows the system);
// Light and Dark use the Fusion style with a palette of their own, for desktops where Qt
// cannot tell.
enum class Appearance
{
    System,
    Light,
    Dark
};

QString appearanceSettingsKey();
QString appearanceName(Appearance appearance); // "system", "light", "dark"
Appearance appearanceFromName(const QString &name);

// Applies the appearance to the running QApplication. Widgets get a PaletteChange event.
void applyAppearance(Appearance appearance);

// True if the palette draws light text on a dark window.
bool isDark(const QPalette &palette);

// Colours that carry meaning, at least 4.5:1 against the palette's window and base colours. They
// are never the only cue: every use pairs them with a word or a symbol.
enum class Tone
{
    Bad,     // errors, newly failing
    Warning, // needs attention
    Good     // recovered, done
};
QColor toneColor(const QPalette &palette, Tone tone);
// The same colour as a "color: #rrggbb" style sheet.
QString toneStyleSheet(const QPalette &palette, Tone tone);
// A boxed notice in that tone: text and frame in its colour, with room around the text.
QString bannerStyleSheet(const QPalette &palette, Tone tone);

} // namespace trh
