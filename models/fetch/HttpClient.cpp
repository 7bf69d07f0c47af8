#include "HttpClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslError>

#include <algorithm>

namespace trh::fetch {

Q_LOGGING_CATEGORY(lcFetch, "trhealth.fetch", QtInfoMsg)

namespace {

// Milliseconds from a Retry-After header (seconds or an HTTP date), -1 if absent or bad.
qint64 retryAfterMs(const QByteArray &value, int unitMs)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * unitMs;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)) * unitMs / 1000;
}

QString sizeText(qint64 bytes)
{
    if (bytes < 1024 * 1024)
        return HttpClient::tr("%1 bytes").arg(bytes);
    return HttpClient::tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace

HttpClient::HttpClient(Connection connection, QByteArray token, FetchTuning tuning, QObject *parent)
    : QObject(parent), m_connection(std::move(connection)), m_token(std::move(token)),
      m_tuning(tuning)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { attempt(); });
    // The token goes to the configured server only: never follow a redirect elsewhere.
    m_manager.setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

HttpClient::~HttpClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

QString HttpClient::prepare()
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_connection.caFile.isEmpty()) {
        QFile f(m_connection.caFile);
        if (!f.open(QIODevice::ReadOnly))
            return tr("The CA file %1 cannot be read: %2")
                .arg(m_connection.caFile, f.errorString());
        const QList<QSslCertificate> certs = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
        if (certs.isEmpty())
            return tr("The CA file %1 holds no PEM certificate.").arg(m_connection.caFile);
        m_ssl.addCaCertificates(certs);
    }
    return {};
}

QString HttpClient::scrub(QString text) const
{
    if (m_token.isEmpty())
        return text;
    const QString mask = QStringLiteral("[token]");
    const QString plain = QString::fromUtf8(m_token);
    if (!plain.isEmpty())
        text.replace(plain, mask);
    const QString encoded = QString::fromLatin1(m_token.toPercentEncoding());
    if (encoded != plain)
        text.replace(encoded, mask, Qt::CaseInsensitive);
    const QString base64 = QString::fromLatin1(m_token.toBase64());
    text.replace(base64, mask);
    return text;
}

void HttpClient::send(const HttpRequest &request, Done done)
{
    m_request = request;
    m_done = std::move(done);
    m_attempt = 0;
    attempt();
}

void HttpClient::cancel()
{
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_reply)
        m_reply->abort(); // finished() reports the cancellation
    else if (m_done) {
        HttpResponse r;
        r.cancelled = true;
        r.error = tr("Cancelled.");
        complete(r);
    }
}

void HttpClient::attempt()
{
    if (m_cancelled) {
        HttpResponse r;
        r.cancelled = true;
        r.error = tr("Cancelled.");
        complete(r);
        return;
    }
    QUrl url = m_connection.server;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + m_request.path);
    url.setQuery(m_request.query);
    QNetworkRequest req(url);
    req.setSslConfiguration(m_ssl);
    req.setTransferTimeout(m_connection.requestTimeoutSeconds * 1000);
    req.setRawHeader("session", m_token);
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("trhealth"));
    if (!m_request.body.isEmpty() || m_request.verb == "POST")
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : m_request.headers)
        req.setRawHeader(h.first, h.second);

    // Never log the request headers: the session header holds the token.
    qCDebug(lcFetch) << m_request.verb << url.toDisplayString() << "attempt" << m_attempt + 1;
    m_buffer.clear();
    m_tooLarge = false;
    m_sslErrors.clear();
    QNetworkReply *reply = m_request.verb == "GET"
                               ? m_manager.get(req)
                               : m_manager.sendCustomRequest(req, m_request.verb, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_tuning.maxResponseBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        m_buffer += reply->readAll();
        if (m_buffer.size() > m_tuning.maxResponseBytes) {
            m_tooLarge = true;
            m_buffer.clear();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            m_sslErrors << e.errorString();
    });
    connect(reply, &QNetworkReply::finished, this, [this] { finished(); });
}

void HttpClient::finished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (!m_tooLarge && reply->isOpen())
        m_buffer += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString host = m_connection.server.host();
    qCDebug(lcFetch) << m_request.verb << reply->url().toDisplayString() << "status" << status
                     << error << m_buffer.size() << "bytes";

    if (m_cancelled) {
        HttpResponse r;
        r.cancelled = true;
        r.error = tr("Cancelled.");
        complete(r);
        return;
    }
    if (m_tooLarge) {
        HttpResponse r;
        r.error = tr("%1: the server's answer is larger than %2; stopped reading it.")
                      .arg(m_request.what, sizeText(m_tuning.maxResponseBytes));
        complete(r);
        return;
    }
    if (!m_sslErrors.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
        HttpResponse r;
        r.error = tr("%1: the TLS certificate of %2 is not trusted (%3). If the server uses a "
                     "private CA, give its certificate as the CA file.")
                      .arg(m_request.what, host,
                           m_sslErrors.isEmpty() ? reply->errorString()
                                                 : m_sslErrors.join(QStringLiteral("; ")));
        complete(r);
        return;
    }
    if (status == 401) {
        HttpResponse r;
        r.status = status;
        r.error = tr("%1: the server refused the API token (401 Unauthorized). The token is "
                     "wrong, expired or revoked.")
                      .arg(m_request.what);
        complete(r);
        return;
    }
    if (status == 403) {
        HttpResponse r;
        r.status = status;
        r.error = tr("%1: access denied (403 Forbidden). The token's user lacks a permission "
                     "this needs, or this computer's IP address is not among the token's "
                     "trusted addresses.")
                      .arg(m_request.what);
        complete(r);
        return;
    }
    if (status == 429 || status >= 500) {
        const qint64 wait =
            retryAfterMs(reply->rawHeader("Retry-After"), m_tuning.retryAfterUnitMilliseconds);
        retryOrFail(tr("%1: the server answered HTTP %2.").arg(m_request.what).arg(status),
                    int(std::min<qint64>(wait, m_tuning.retryAfterMaxMilliseconds)));
        return;
    }
    if (status == 0 || (error != QNetworkReply::NoError && status < 400)) {
        const QString why =
            error == QNetworkReply::OperationCanceledError
                ? tr("no answer within %1 s").arg(m_connection.requestTimeoutSeconds)
                : reply->errorString();
        retryOrFail(tr("%1: cannot reach %2: %3.").arg(m_request.what, host, why), -1);
        return;
    }
    HttpResponse r;
    r.status = status;
    r.retries = m_attempt;
    if (status >= 200 && status < 300) {
        r.ok = true;
        r.body = std::move(m_buffer);
        m_buffer = {};
    } else {
        QString excerpt = QString::fromUtf8(m_buffer.left(200)).simplified();
        r.error = tr("%1: the server answered HTTP %2%3.")
                      .arg(m_request.what)
                      .arg(status)
                      .arg(excerpt.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(excerpt));
        r.body = std::move(m_buffer);
        m_buffer = {};
    }
    complete(r);
}

void HttpClient::retryOrFail(const QString &error, int retryAfter)
{
    if (m_attempt >= m_tuning.maxRetries) {
        HttpResponse r;
        r.retries = m_attempt;
        r.error = m_attempt == 0
                      ? error
                      : tr("%1 Gave up after %2 attempts.").arg(error).arg(m_attempt + 1);
        complete(r);
        return;
    }
    // Exponential backoff with jitter: half the doubled delay fixed, half random.
    const qint64 base = qint64(m_tuning.retryBaseMilliseconds) << std::min(m_attempt, 20);
    const qint64 capped = std::min<qint64>(base, m_tuning.retryMaxMilliseconds);
    qint64 wait = capped / 2 + qint64(QRandomGenerator::global()->bounded(double(capped / 2 + 1)));
    if (retryAfter >= 0)
        wait = retryAfter;
    ++m_attempt;
    qCInfo(lcFetch).noquote() << scrub(error) << "Retrying in" << wait << "ms.";
    m_retryTimer.start(int(wait));
}

void HttpClient::complete(HttpResponse response)
{
    response.error = scrub(response.error);
    if (!response.ok && !response.cancelled)
        qCDebug(lcFetch).noquote() << response.error;
    if (response.retries == 0)
        response.retries = m_attempt;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(response);
}

} // namespace trh::fetch
