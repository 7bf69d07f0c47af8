#include "ConnectionStore.h"

#include <QSettings>

#include <algorithm>

namespace trh::fetch {
namespace {

const QString kGroup = QStringLiteral("connections");

QString groupOf(const QString &name)
{
    return kGroup + QLatin1Char('/') + name;
}

} // namespace

ConnectionStore::ConnectionStore()
    : m_owned(std::make_unique<QSettings>()), m_settings(m_owned.get())
{}

ConnectionStore::ConnectionStore(QSettings &settings) : m_settings(&settings) {}

ConnectionStore::~ConnectionStore() = default;

QStringList ConnectionStore::names() const
{
    m_settings->beginGroup(kGroup);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

std::optional<Connection> ConnectionStore::load(const QString &name) const
{
    if (!nameError(name).isEmpty() || !names().contains(name))
        return std::nullopt;
    const Connection defaults;
    Connection c;
    c.name = name;
    m_settings->beginGroup(groupOf(name));
    c.server = QUrl(m_settings->value(QStringLiteral("url")).toString().trimmed());
    c.caFile = m_settings->value(QStringLiteral("caFile")).toString();
    // Settings files can be edited by hand: anything unreadable falls back to the default,
    // and Connection::validate reports what is still wrong.
    if (!Connection::sourceFromName(m_settings->value(QStringLiteral("source")).toString(),
                                    &c.source))
        c.source = defaults.source;
    bool ok = false;
    c.completionThreshold = m_settings->value(QStringLiteral("threshold")).toDouble(&ok);
    if (!ok)
        c.completionThreshold = defaults.completionThreshold;
    c.questionTimeoutSeconds = m_settings->value(QStringLiteral("questionTimeout")).toInt(&ok);
    if (!ok)
        c.questionTimeoutSeconds = defaults.questionTimeoutSeconds;
    c.requestTimeoutSeconds = m_settings->value(QStringLiteral("requestTimeout")).toInt(&ok);
    if (!ok)
        c.requestTimeoutSeconds = defaults.requestTimeoutSeconds;
    m_settings->endGroup();
    return c;
}

QList<Connection> ConnectionStore::loadAll() const
{
    QList<Connection> all;
    for (const QString &name : names()) {
        if (std::optional<Connection> c = load(name))
            all << *c;
    }
    return all;
}

QString ConnectionStore::save(const Connection &c, const QString &previousName)
{
    if (const QString error = nameError(c.name); !error.isEmpty())
        return error;
    const bool renamed = !previousName.isEmpty() && previousName != c.name;
    // Case-insensitively: the Windows registry would not tell "Prod" from "prod".
    for (const QString &existing : names()) {
        if (existing.compare(c.name, Qt::CaseInsensitive) == 0 &&
            (previousName.isEmpty() || existing.compare(previousName, Qt::CaseInsensitive) != 0))
            return tr("A connection named \"%1\" already exists.").arg(existing);
    }
    if (renamed)
        m_settings->remove(groupOf(previousName));
    m_settings->beginGroup(groupOf(c.name));
    m_settings->setValue(QStringLiteral("url"), c.server.toString());
    m_settings->setValue(QStringLiteral("caFile"), c.caFile);
    m_settings->setValue(QStringLiteral("source"), Connection::sourceName(c.source));
    m_settings->setValue(QStringLiteral("threshold"), c.completionThreshold);
    m_settings->setValue(QStringLiteral("questionTimeout"), c.questionTimeoutSeconds);
    m_settings->setValue(QStringLiteral("requestTimeout"), c.requestTimeoutSeconds);
    m_settings->endGroup();
    if (renamed && lastUsed() == previousName)
        setLastUsed(c.name);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return tr("The settings file could not be written.");
    return {};
}

void ConnectionStore::remove(const QString &name)
{
    if (!nameError(name).isEmpty())
        return;
    m_settings->remove(groupOf(name));
    if (lastUsed() == name)
        m_settings->remove(QStringLiteral("fetch/lastConnection"));
    m_settings->sync();
}

QString ConnectionStore::lastUsed() const
{
    return m_settings->value(QStringLiteral("fetch/lastConnection")).toString();
}

void ConnectionStore::setLastUsed(const QString &name)
{
    m_settings->setValue(QStringLiteral("fetch/lastConnection"), name);
}

QString ConnectionStore::nameError(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("The connection needs a name.");
    if (name != name.trimmed())
        return tr("The connection name must not start or end with a space.");
    if (name.contains(u'/') || name.contains(u'\\'))
        return tr("The connection name must not contain / or \\.");
    if (name.size() > 100)
        return tr("The connection name is too long (at most 100 characters).");
    for (const QChar ch : name) {
        if (ch.category() == QChar::Other_Control)
            return tr("The connection name must not contain control characters.");
    }
    return {};
}

QString ConnectionStore::unusedName(const QString &base) const
{
    const QStringList taken = names();
    QString name = base;
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

} // namespace trh::fetch
