#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QObject;
class QThread;

namespace trh::test {

// A small Tanium server for the fetch tests, on 127.0.0.1, over plain HTTP or TLS. It serves
// the data of a folder of export files (e.g. a DemoFleet snapshot) in the public API shapes:
// REST v2 questions / result_info / result_data, the API Gateway endpoints query and the
// Threat Response alerts list. A question's rows are the rows of the file that holds its
// main sensor; Computer Name, OS Platform and the node fields are looked up per endpoint.
// Runs on its own thread, so a test can block (e.g. on the CLI) while it answers.
class FakeTaniumServer
{
public:
    enum class FaultKind
    {
        Status500,
        RateLimited,  // 429 with Retry-After: `value` seconds
        Slow,         // answer after `value` ms
        Truncated,    // Content-Length promises more than is sent, then the socket closes
        InvalidJson,  // 200 with a body that is not JSON
        Unauthorized, // 401
        Forbidden,    // 403
        NotFound,     // 404
        Huge,         // 200 with a body of `value` bytes
    };
    struct Fault
    {
        QString pathContains; // applies to requests whose path contains this (empty: all)
        FaultKind kind = FaultKind::Status500;
        int times = 1; // the first `times` matching requests; -1: all
        int value = 0;
    };
    struct Options
    {
        QByteArray token = "test-token-5f1c";
        int pollsUntilComplete = 1;     // result_info polls before every endpoint has answered
        int maxCompletionPercent = 100; // answers never get further than this
        QString now = QStringLiteral("2026/11/27 09:00:00 GMT-0000"); // result_data "now"
        bool alertsWrapped = true; // TR 4.x {"data": [...]}; false: 3.x bare array
        QString certificateFile;   // PEM; with keyFile: serve TLS
        QString keyFile;
        QList<Fault> faults;
    };

    // Loads every export file of `folder` (CSV, REST JSON, Gateway JSON, alerts JSON).
    explicit FakeTaniumServer(const QString &folder);
    ~FakeTaniumServer();
    FakeTaniumServer(const FakeTaniumServer &) = delete;
    FakeTaniumServer &operator=(const FakeTaniumServer &) = delete;

    QString loadError() const { return m_loadError; }
    // Listens on 127.0.0.1 (random port); false with *error on failure.
    bool start(const Options &options, QString *error);
    QUrl url() const; // http(s)://127.0.0.1:PORT or https://localhost:PORT with TLS
    quint16 port() const { return m_port; }

    // Requests seen so far whose path contains `pathPart`.
    int requests(const QString &pathPart) const;
    // Requests that came without the expected session header.
    int requestsWithoutToken() const;
    QStringList seenTaniumOptions() const;

    struct Data; // the loaded fleet
    struct State;

private:
    QString m_loadError;
    std::shared_ptr<Data> m_data;
    std::shared_ptr<State> m_state;
    QThread *m_thread = nullptr;
    QObject *m_handler = nullptr;
    quint16 m_port = 0;
    bool m_tls = false;
};

// Writes a test CA (ca.pem) and a server certificate for localhost and 127.0.0.1 signed by it
// (server.pem, server.key) into `dir`, with the openssl command. False with *error if not.
bool makeTestCertificates(const QString &dir, QString *error);

} // namespace trh::test
