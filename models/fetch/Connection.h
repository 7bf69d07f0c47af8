#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace trh::fetch {

// Where the maintenance answers come from.
enum class Source
{
    Rest,   // Platform REST API v2: ask questions, poll, read result data in pages
    Gateway // API Gateway GraphQL: the endpoints query with sensorReadings
};

// A named Tanium server connection. It never holds the API token: the GUI keeps that in the
// OS keychain, the CLI reads it from a file or an environment variable.
struct Connection
{
    Q_DECLARE_TR_FUNCTIONS(trh::fetch::Connection)

public:
    QString name;
    QUrl server;    // https://..., or http:// only for a loopback host
    QString caFile; // optional PEM file with extra trusted CA certificates
    Source source = Source::Rest;
    double completionThreshold = 0.95; // share of estimated endpoints that must have answered
    int questionTimeoutSeconds = 300;  // how long one question may take to reach the threshold
    int requestTimeoutSeconds = 60;    // per HTTP request, without data moving

    // Empty if the connection can be used, else one translated sentence saying what is wrong.
    static QString validate(const Connection &connection);

    // True for 127.0.0.0/8, ::1 and "localhost": the only hosts plain http:// may talk to.
    static bool isLoopbackHost(const QString &host);

    static QString sourceName(Source source);                     // "rest" / "gateway"
    static bool sourceFromName(const QString &name, Source *out); // false if unknown
};

} // namespace trh::fetch
