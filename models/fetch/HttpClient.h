#pragma once

#include "Connection.h"
#include "Fetcher.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

namespace trh::fetch {

struct HttpRequest
{
    QByteArray verb = "GET";
    QString path; // below the server URL, e.g. "/api/v2/questions"
    QUrlQuery query;
    QByteArray body;                              // JSON, for POST
    QList<QPair<QByteArray, QByteArray>> headers; // besides session / content type
    QString what; // what is being done, for messages ("asking Client Extensions - Status")
};

struct HttpResponse
{
    bool ok = false; // a 2xx answer within the size bound
    bool cancelled = false;
    int status = 0;
    QByteArray body;
    QString error; // translated, token-free
    int retries = 0;
};

// Sends one request at a time to the connection's server with the token in the session
// header, verified TLS (plus the connection's CA file), the request timeout, a bound on
// the response size and retries with exponential backoff and jitter on 5xx, 429 (honouring
// Retry-After) and network errors.
class HttpClient : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(trh::fetch::HttpClient)

public:
    HttpClient(Connection connection, QByteArray token, FetchTuning tuning,
               QObject *parent = nullptr);
    ~HttpClient() override;

    // Loads the CA file; returns a translated error, empty if all is well.
    QString prepare();

    using Done = std::function<void(const HttpResponse &)>;
    void send(const HttpRequest &request, Done done);
    void cancel();
    bool isCancelled() const { return m_cancelled; }

    // Replaces the token (and its encodings) in text meant for people.
    QString scrub(QString text) const;

private:
    void attempt();
    void finished();
    void retryOrFail(const QString &error, int retryAfterMs);
    void complete(HttpResponse response);

    Connection m_connection;
    QByteArray m_token;
    FetchTuning m_tuning;
    QNetworkAccessManager m_manager;
    QSslConfiguration m_ssl;
    QTimer m_retryTimer;
    bool m_cancelled = false;

    HttpRequest m_request;
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    bool m_tooLarge = false;
    int m_attempt = 0;
    QStringList m_sslErrors;
};

} // namespace trh::fetch
