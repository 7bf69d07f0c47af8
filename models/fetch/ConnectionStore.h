#pragma once

#include "Connection.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace trh::fetch {

// The named connections, kept in QSettings under "connections/<name>" (url, caFile, source,
// threshold, questionTimeout, requestTimeout). It never holds a token: that is TokenStore's.
class ConnectionStore final
{
    Q_DECLARE_TR_FUNCTIONS(trh::fetch::ConnectionStore)

public:
    // The application's QSettings.
    ConnectionStore();
    // Given settings (tests); they must outlive the store.
    explicit ConnectionStore(QSettings &settings);
    ~ConnectionStore();
    ConnectionStore(const ConnectionStore &) = delete;
    ConnectionStore &operator=(const ConnectionStore &) = delete;

    // Names of the saved connections, sorted case-insensitively.
    QStringList names() const;
    std::optional<Connection> load(const QString &name) const;
    QList<Connection> loadAll() const;
    // Saves c under c.name; when previousName is another saved name, that entry goes (a
    // rename). Returns an error sentence (bad or taken name), or empty when saved. The rest
    // is Connection::validate's job.
    QString save(const Connection &c, const QString &previousName = QString());
    void remove(const QString &name);

    // The connection the last fetch used (empty if none).
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    // Empty if name can be a connection name, else why not ('/' and '\\' would split the
    // settings group; the name is also the keychain key).
    static QString nameError(const QString &name);
    // base, or "base (2)", "base (3)", … — the first name no saved connection has.
    QString unusedName(const QString &base) const;

private:
    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings = nullptr;
};

} // namespace trh::fetch
