#include "PlatformNames.h"

#include "ValueClass.h"

namespace trh {
namespace {

QString trimmedLower(std::string_view answer)
{
    return QString::fromUtf8(answer.data(), qsizetype(answer.size())).trimmed().toLower();
}

} // namespace

QString normalizedPlatform(const QString &answer)
{
    const QString a = answer.trimmed();
    if (a.isEmpty() || classifyValue(a.toStdString()) != ValueClass::Value)
        return {};
    const QString l = a.toLower();
    if (l.startsWith(QLatin1String("win")))
        return QStringLiteral("Windows");
    if (l == QLatin1String("linux") || l.startsWith(QLatin1String("linux")))
        return QStringLiteral("Linux");
    if (l == QLatin1String("mac") || l.startsWith(QLatin1String("macos")) ||
        l == QLatin1String("darwin") || l == QLatin1String("os x") ||
        l.startsWith(QLatin1String("mac os")))
        return QStringLiteral("Mac");
    return a;
}

bool isTrueAnswer(std::string_view answer)
{
    const QString l = trimmedLower(answer);
    return l == QLatin1String("true") || l == QLatin1String("yes") || l == QLatin1String("1");
}

bool isFalseAnswer(std::string_view answer)
{
    const QString l = trimmedLower(answer);
    return l == QLatin1String("false") || l == QLatin1String("no") || l == QLatin1String("0");
}

} // namespace trh
