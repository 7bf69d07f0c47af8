#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

namespace trh::fetch {

// What a keychain operation came to. error is one translated sentence for the user (never
// the token); empty when status is Ok or NotFound.
struct TokenResult
{
    enum class Status
    {
        Ok,
        NotFound,    // read/remove: no token is stored for this connection
        Denied,      // the user or the system refused access to the keychain
        Unavailable, // no keychain service (e.g. no Secret Service on a headless Linux)
        Failed       // anything else
    };
    Status status = Status::Failed;
    QString connection;
    QByteArray token; // read only
    QString error;

    bool ok() const { return status == Status::Ok; }
};

// The API token of each named connection, kept in the OS keychain through qtkeychain (Secret
// Service on Linux, Keychain on macOS, Credential Store on Windows) under the service
// "trhealth" with the connection name as key. It is never written anywhere else: there is no
// plain-text fallback. When no keychain can be used, a token can still be kept for this
// session only, in memory (setSessionToken).
//
// The keychain calls are asynchronous; each calls done(result) on the thread of context
// once, unless context has been destroyed by then. GUI thread only.
class TokenStore final
{
    Q_DECLARE_TR_FUNCTIONS(trh::fetch::TokenStore)

public:
    TokenStore() = delete;
    using Callback = std::function<void(const TokenResult &)>;

    static QString serviceName() { return QStringLiteral("trhealth"); }

    static void read(const QString &connection, QObject *context, Callback done);
    static void write(const QString &connection, const QByteArray &token, QObject *context,
                      Callback done);
    static void remove(const QString &connection, QObject *context, Callback done);
    // Moves the saved token of a renamed connection (NotFound if there was none).
    static void rename(const QString &from, const QString &to, QObject *context, Callback done);

    // The in-memory token of this session (empty if none); it dies with the process.
    static QByteArray sessionToken(const QString &connection);
    static void setSessionToken(const QString &connection, const QByteArray &token);
    static void forgetSessionToken(const QString &connection);
};

} // namespace trh::fetch
