#include "Connection.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>

namespace trh::fetch {

bool Connection::isLoopbackHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.endsWith(u'.'))
        h.chop(1);
    if (h == QLatin1String("localhost"))
        return true;
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    QHostAddress address;
    if (!address.setAddress(h))
        return false;
    return address.isLoopback();
}

QString Connection::validate(const Connection &connection)
{
    const QUrl &url = connection.server;
    if (url.isEmpty())
        return tr("No server address is given.");
    if (!url.isValid() || url.host().isEmpty())
        return tr(
            "The server address is not a valid URL; write it like https://tanium.example.com.");
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return tr("The server address must start with https://.");
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return tr("Plain http:// is allowed only for this computer (localhost); use https:// "
                  "for %1.")
            .arg(url.host());
    if (!url.userInfo().isEmpty())
        return tr("The server address must not contain a user name or password; the API token "
                  "is given separately.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The server address must not contain a query or a fragment.");
    if (!connection.caFile.isEmpty()) {
        const QFileInfo info(connection.caFile);
        if (!info.isFile() || !info.isReadable())
            return tr("The CA file %1 cannot be read.").arg(connection.caFile);
    }
    if (!(connection.completionThreshold > 0.0 && connection.completionThreshold <= 1.0))
        return tr("The completion threshold must be more than 0 % and at most 100 %.");
    if (connection.questionTimeoutSeconds < 1)
        return tr("The question timeout must be at least one second.");
    if (connection.requestTimeoutSeconds < 1)
        return tr("The request timeout must be at least one second.");
    return {};
}

QString Connection::sourceName(Source source)
{
    return source == Source::Gateway ? QStringLiteral("gateway") : QStringLiteral("rest");
}

bool Connection::sourceFromName(const QString &name, Source *out)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("rest"))
        *out = Source::Rest;
    else if (n == QLatin1String("gateway"))
        *out = Source::Gateway;
    else
        return false;
    return true;
}

} // namespace trh::fetch
