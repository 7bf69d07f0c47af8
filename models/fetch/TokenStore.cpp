#include "TokenStore.h"

#include <QHash>
#include <QObject>

#include <qt6keychain/keychain.h>

namespace trh::fetch {
namespace {

QHash<QString, QByteArray> &sessionTokens()
{
    static QHash<QString, QByteArray> tokens;
    return tokens;
}

TokenResult resultOf(const QKeychain::Job &job, const QString &connection)
{
    TokenResult result;
    result.connection = connection;
    // qtkeychain's own text says why (a D-Bus message, a Windows error); it never holds the
    // secret, so it is shown in brackets after our sentence.
    const QString detail = job.errorString().trimmed();
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = TokenResult::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        result.status = TokenResult::Status::NotFound;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = TokenResult::Status::Denied;
        result.error = TokenStore::tr("Access to the keychain was denied (%1).").arg(detail);
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what a missing Secret Service or a keyring that cannot be unlocked
        // looks like on Linux: for the user it all means "no keychain here".
        result.status = TokenResult::Status::Unavailable;
        result.error = TokenStore::tr("No keychain is available (%1). The token can be used for "
                                      "this session only and is not saved.")
                           .arg(detail.isEmpty() ? TokenStore::tr("no details") : detail);
        break;
    case QKeychain::CouldNotDeleteEntry:
        result.status = TokenResult::Status::Failed;
        result.error =
            TokenStore::tr("The token could not be removed from the keychain (%1).").arg(detail);
        break;
    }
    return result;
}

// Runs job and hands its result to done in context; the job deletes itself.
void run(QKeychain::Job *job, const QString &connection, QObject *context,
         TokenStore::Callback done)
{
    job->setAutoDelete(true);
    // No plain-text fallback, ever: without a keychain the token is not saved.
    job->setInsecureFallback(false);
    job->setKey(connection);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [connection, done = std::move(done)](QKeychain::Job *finished) {
                         TokenResult result = resultOf(*finished, connection);
                         if (result.ok()) {
                             if (auto *reader =
                                     qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                                 result.token = reader->binaryData();
                         }
                         done(result);
                     });
    job->start();
}

} // namespace

void TokenStore::read(const QString &connection, QObject *context, Callback done)
{
    run(new QKeychain::ReadPasswordJob(serviceName()), connection, context, std::move(done));
}

void TokenStore::write(const QString &connection, const QByteArray &token, QObject *context,
                       Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setBinaryData(token);
    run(job, connection, context, std::move(done));
}

void TokenStore::remove(const QString &connection, QObject *context, Callback done)
{
    run(new QKeychain::DeletePasswordJob(serviceName()), connection, context, std::move(done));
}

void TokenStore::rename(const QString &from, const QString &to, QObject *context, Callback done)
{
    const QByteArray session = sessionTokens().take(from);
    if (!session.isEmpty())
        sessionTokens().insert(to, session);
    // Each step's callback runs only while context lives, so the next step may use it.
    read(from, context, [from, to, context, done](const TokenResult &found) {
        if (!found.ok()) {
            TokenResult result = found;
            result.connection = to;
            done(result);
            return;
        }
        write(to, found.token, context, [from, context, done](const TokenResult &written) {
            if (!written.ok()) {
                done(written);
                return;
            }
            // The new entry is in place; the old one goes (a failure there only leaves a
            // stale entry behind, the rename itself worked).
            remove(from, context, [written, done](const TokenResult &) { done(written); });
        });
    });
}

QByteArray TokenStore::sessionToken(const QString &connection)
{
    return sessionTokens().value(connection);
}

void TokenStore::setSessionToken(const QString &connection, const QByteArray &token)
{
    if (token.isEmpty())
        sessionTokens().remove(connection);
    else
        sessionTokens().insert(connection, token);
}

void TokenStore::forgetSessionToken(const QString &connection)
{
    sessionTokens().remove(connection);
}

} // namespace trh::fetch
