#include "FetchCommand.h"

#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"
#include "fetch/Fetcher.h"
#include "workspace/SiteMapping.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <memory>

#include <csignal>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <unistd.h>
#endif

namespace trh::cli {
namespace {

// The token from --token-file (first line, trimmed) or --token-env; empty with *why set.
QByteArray readToken(const QString &file, const QString &envVar, QString *why)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *why = QStringLiteral("--token-file %1: %2").arg(file, f.errorString());
            return {};
        }
        const QByteArray token = f.read(64 * 1024).split('\n').value(0).trimmed();
        if (token.isEmpty())
            *why = QStringLiteral("--token-file %1: the file holds no token").arg(file);
#ifdef Q_OS_UNIX
        else if (QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            err() << "trhealth-cli: note: the token file " << printable(file)
                  << " is readable by other users; consider chmod 600" << Qt::endl;
#endif
        return token;
    }
    const QByteArray token = qgetenv(envVar.toLocal8Bit().constData()).trimmed();
    if (token.isEmpty())
        *why = QStringLiteral("--token-env %1: the variable is not set or empty").arg(envVar);
    return token;
}

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Ctrl-C or a SIGTERM cancels the fetch cleanly (the workspace stays as it was) instead of
// killing the process; a second one ends it at once.
class CancelOnSignal
{
public:
    explicit CancelOnSignal(fetch::Fetcher &fetcher)
    {
        if (::pipe(g_signalPipe) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, &fetcher, [&fetcher] {
            char byte = 0;
            [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
            std::signal(SIGINT, SIG_DFL);
            std::signal(SIGTERM, SIG_DFL);
            err() << "\ntrhealth-cli: cancelling…" << Qt::endl;
            fetcher.cancel();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    ~CancelOnSignal()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        m_notifier.reset();
        for (int &fd : g_signalPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};
#endif

} // namespace

int fetchCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Ask a Tanium server the maintenance questions and store the answers as "
                       "one snapshot."));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace file."),
                                QStringLiteral("FILE"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("Server URL, e.g. https://tanium.example.com "
                                                   "(http:// only for localhost)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"),
                                       QStringLiteral("File whose first line is the API token."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption tokenEnv(QStringLiteral("token-env"),
                                      QStringLiteral("Environment variable holding the API "
                                                     "token."),
                                      QStringLiteral("VAR"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("PEM file of a CA to trust besides the "
                                                   "system's."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("rest (ask questions, default) or gateway "
                                                   "(API Gateway GraphQL)."),
                                    QStringLiteral("SOURCE"), QStringLiteral("rest"));
    const QCommandLineOption threshold(QStringLiteral("threshold"),
                                       QStringLiteral("Share of endpoints that must have "
                                                      "answered a question (default 0.95)."),
                                       QStringLiteral("RATIO"), QStringLiteral("0.95"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds one question may take to reach the "
                                                    "threshold (default 300)."),
                                     QStringLiteral("S"), QStringLiteral("300"));
    const QCommandLineOption requestTimeout(QStringLiteral("request-timeout"),
                                            QStringLiteral("Seconds without data before a "
                                                           "request is given up (default 60)."),
                                            QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption alertMonths(QStringLiteral("alert-months"),
                                         QStringLiteral("Threat Response alerts of this many "
                                                        "months back (default 2; 0: none)."),
                                         QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption label(QStringLiteral("label"), QStringLiteral("Snapshot label."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption takenAt(QStringLiteral("taken-at"),
                                     QStringLiteral("Snapshot time (ISO 8601; default: the "
                                                    "server's time of the answers)."),
                                     QStringLiteral("ISO8601"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the fetch report as JSON."));
    // Test seams: shorter waits against the test server.
    QCommandLineOption pollMs(QStringLiteral("poll-interval-ms"), QString(), QStringLiteral("MS"));
    QCommandLineOption retryMs(QStringLiteral("retry-base-ms"), QString(), QStringLiteral("MS"));
    QCommandLineOption pageRows(QStringLiteral("page-rows"), QString(), QStringLiteral("N"));
    for (QCommandLineOption *o : {&pollMs, &retryMs, &pageRows})
        o->setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOptions({help, db, server, tokenFile, tokenEnv, caFile, source, threshold, timeout,
                  requestTimeout, alertMonths, label, takenAt, json, pollMs, retryMs, pageRows});
    if (!p.parse(args))
        return fail(UsageError, p.errorText());
    if (p.isSet(help)) {
        out() << p.helpText();
        return Success;
    }
    if (!p.positionalArguments().isEmpty())
        return fail(
            UsageError,
            QStringLiteral("fetch: unexpected argument %1").arg(p.positionalArguments()[0]));
    if (p.value(db).isEmpty())
        return fail(UsageError, QStringLiteral("--db FILE is required"));
    if (p.value(server).isEmpty())
        return fail(UsageError, QStringLiteral("--server URL is required"));
    if (p.isSet(tokenFile) == p.isSet(tokenEnv))
        return fail(UsageError, QStringLiteral("give the API token with exactly one of "
                                               "--token-file FILE or --token-env VAR"));

    fetch::FetchOptions options;
    fetch::Connection &c = options.connection;
    c.name = QStringLiteral("command line");
    c.server = QUrl(p.value(server), QUrl::StrictMode);
    c.caFile = p.value(caFile);
    if (!fetch::Connection::sourceFromName(p.value(source), &c.source))
        return fail(UsageError,
                    QStringLiteral("--source %1: expected rest or gateway").arg(p.value(source)));
    bool ok = false;
    c.completionThreshold = p.value(threshold).toDouble(&ok);
    if (!ok)
        return fail(UsageError, QStringLiteral("--threshold %1: expected a number such as 0.95")
                                    .arg(p.value(threshold)));
    c.questionTimeoutSeconds = p.value(timeout).toInt(&ok);
    if (!ok)
        return fail(UsageError,
                    QStringLiteral("--timeout %1: expected seconds").arg(p.value(timeout)));
    c.requestTimeoutSeconds = p.value(requestTimeout).toInt(&ok);
    if (!ok)
        return fail(
            UsageError,
            QStringLiteral("--request-timeout %1: expected seconds").arg(p.value(requestTimeout)));
    options.alertMonths = p.value(alertMonths).toInt(&ok);
    if (!ok || options.alertMonths < 0)
        return fail(UsageError, QStringLiteral("--alert-months %1: expected a number of months")
                                    .arg(p.value(alertMonths)));
    if (const QString invalid = fetch::Connection::validate(c); !invalid.isEmpty())
        return fail(UsageError, invalid);
    options.label = p.value(label);
    if (p.isSet(takenAt)) {
        options.takenAt = QDateTime::fromString(p.value(takenAt), Qt::ISODateWithMs);
        if (!options.takenAt.isValid())
            return fail(UsageError, QStringLiteral("--taken-at %1: expected ISO 8601, e.g. "
                                                   "2026-11-27T09:00:00Z")
                                        .arg(p.value(takenAt)));
    }
    fetch::FetchTuning tuning;
    auto number = [&p](const QCommandLineOption &o, int *out) {
        if (p.isSet(o))
            *out = std::max(1, p.value(o).toInt());
    };
    number(pollMs, &tuning.pollIntervalMilliseconds);
    number(retryMs, &tuning.retryBaseMilliseconds);
    if (p.isSet(retryMs))
        tuning.retryAfterUnitMilliseconds = tuning.retryBaseMilliseconds;
    number(pageRows, &tuning.pageRows);

    QString why;
    options.token = readToken(p.value(tokenFile), p.value(tokenEnv), &why);
    if (options.token.isEmpty())
        return fail(UsageError, why);

    const workspace::SiteMapping site = workspace::SiteMapping::load();
    if (!site.ok())
        return fail(BadInput, QStringLiteral("dataset mapping: %1").arg(site.error));
    options.mapping = site.mapping;

    fetch::Fetcher fetcher(p.value(db));
    fetcher.setTuning(tuning);
    fetch::FetchResult result;
    QEventLoop loop;
    QObject::connect(&fetcher, &fetch::Fetcher::finished, &loop, [&](const fetch::FetchResult &r) {
        result = r;
        loop.quit();
    });
    if (stderrIsTerminal()) {
        QObject::connect(&fetcher, &fetch::Fetcher::progress, &loop,
                         [](const QString &step, int done, int total) {
                             err() << "\r\x1b[K[" << done + 1 << "/" << total << "] "
                                   << printable(step) << Qt::flush;
                         });
    }
#ifdef Q_OS_UNIX
    const CancelOnSignal cancelOnSignal(fetcher);
#endif
    fetcher.start(options);
    loop.exec();
    if (stderrIsTerminal())
        err() << "\r\x1b[K" << Qt::flush;

    for (const QString &w : std::as_const(result.warnings))
        err() << "trhealth-cli: warning: " << printable(w) << Qt::endl;
    if (!result.ok)
        return fail(result.badInput ? BadInput : Failure, result.error);

    if (p.isSet(json)) {
        QJsonArray questions;
        for (const fetch::QuestionStat &q : std::as_const(result.questions))
            questions.append(fetch::questionStatJson(q));
        out() << QJsonDocument(
                     QJsonObject{
                         {QStringLiteral("snapshot"), result.snapshotId},
                         {QStringLiteral("server"), c.server.host()},
                         {QStringLiteral("seconds"), double(result.elapsedMs) / 1000.0},
                         {QStringLiteral("questions"), questions},
                         {QStringLiteral("files"), result.reportJson},
                         {QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings)}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << result.reportText;
        out() << QStringLiteral("snapshot %1 fetched from %2 in %3 s\n")
                     .arg(result.snapshotId)
                     .arg(c.server.host())
                     .arg(double(result.elapsedMs) / 1000.0, 0, 'f', 1);
    }
    out().flush();
    return Success;
}

} // namespace trh::cli
