#include "Translator.h"
#include "SettingsKeys.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace trh {

bool installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return false;
    auto *own = new QTranslator(&app);
    // Looks for :/i18n/trhealth_<ui language>.qm (e.g. trhealth_de.qm for de_AT as well).
    if (!own->load(locale, QStringLiteral("trhealth"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

QString languageSettingsKey()
{
    return SettingsKey::language();
}

} // namespace trh
