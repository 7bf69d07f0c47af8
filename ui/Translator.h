#pragma once

#include <QString>

class QCoreApplication;

namespace trh {

// Installs the translators for a language (style.md §14): "" = the system locale's language,
// "en" = none (the source texts), "de" = German. For German it loads the application's
// :/i18n/trhealth_de.qm and Qt's own qtbase_de from QLibraryInfo's TranslationsPath. Other
// languages without a translation install nothing. Returns true when the application's own
// translation was installed. Call before any window is created.
bool installTranslations(QCoreApplication &app, const QString &language);

// The QSettings key that keeps the chosen language ("", "en" or "de").
QString languageSettingsKey();

} // namespace trh
