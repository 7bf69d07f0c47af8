#pragma once

#include "Connection.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace trh {
class DatasetMapping;
}

namespace trh::fetch {

struct FetchOptions
{
    Connection connection;
    QByteArray token;    // sent in the "session" header only; never logged nor shown
    QString label;       // snapshot label; empty: a default naming the server
    QDateTime takenAt;   // invalid: the REST answers' "now", else the fetch time
    int alertMonths = 2; // Threat Response alerts of this many months back (0: none)
    // How the stored answers are read: the site's mapping (workspace::SiteMapping), which the
    // front end resolves; null: the built-in mapping.
    std::shared_ptr<const DatasetMapping> mapping;
};

// Knobs the tests turn down; the defaults are what users get.
struct FetchTuning
{
    qint64 maxResponseBytes = qint64(256) * 1024 * 1024; // abort a larger response
    int maxRetries = 5;                         // per request, on 5xx, 429 and network errors
    int retryBaseMilliseconds = 1000;           // doubled on each retry, plus jitter
    int retryMaxMilliseconds = 60000;           // cap for one backoff wait
    int retryAfterUnitMilliseconds = 1000;      // one Retry-After second (tests shorten it)
    int retryAfterMaxMilliseconds = 300000;     // cap for a Retry-After wait
    int pollIntervalMilliseconds = 2000;        // result_info polling
    int questionTimeoutUnitMilliseconds = 1000; // one second of questionTimeoutSeconds
    int pageRows = 5000;                        // result_data rows / gateway endpoints per page
    int alertPageSize = 500;
};

// How one question (or gateway sensor set, or the alerts) went.
struct QuestionStat
{
    QString dataset;  // dataset name from the mapping, or "alerts"
    QString question; // the question text asked, the sensors read, or the endpoint called
    qint64 questionId = -1;
    qint64 tested = 0;         // mr_tested when the answers were read
    qint64 estimatedTotal = 0; // estimated_total at that time
    double completion = 0.0;   // tested / estimated_total (1.0 for paged reads that finished)
    bool complete = false;     // reached the threshold before the question timeout
    qint64 rows = 0;           // rows (or endpoints, or alerts) read
    int pages = 0;
    int retries = 0;
    qint64 bytes = 0;
    qint64 elapsedMs = 0;
    QStringList warnings;
};

// The stat as kept in the import report and printed by `trhealth-cli fetch --json`.
QJsonObject questionStatJson(const QuestionStat &stat);

struct FetchResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;         // one translated sentence; never contains the token
    bool badInput = false; // the server's answers could not be read or imported
    qint64 snapshotId = -1;
    QList<QuestionStat> questions;
    qint64 elapsedMs = 0;
    QString reportText;    // the import report, as the CLI prints it for a file import
    QJsonArray reportJson; // the same per file, as `import --json` prints it
    QStringList warnings;
};

class FetchRun;

// Fetches the maintenance answers from one server into one new snapshot. Runs on the thread
// it lives in and is event driven (QNetworkAccessManager); the network part never blocks.
// The database is written only after everything has been read, by one import in one
// transaction (synchronous, on this thread: move the Fetcher to a worker thread to keep a UI
// responsive for large fleets): a failed or cancelled fetch leaves it as it was.
// Call start() and testConnection() on the Fetcher's thread (QMetaObject::invokeMethod from
// elsewhere); cancel() may be called from any thread, also while the import runs.
// progress(step, done, total): `done` steps of `total` are finished (one step per question,
// one for the alerts, one for storing); `step` says what is being done.
class Fetcher : public QObject
{
    Q_OBJECT
public:
    explicit Fetcher(QString databasePath, QObject *parent = nullptr);
    ~Fetcher() override;

    void setTuning(const FetchTuning &tuning);
    bool isRunning() const;

    void start(const FetchOptions &options);
    void testConnection(const Connection &connection, const QByteArray &token);
    void cancel();

signals:
    void progress(const QString &step, int done, int total); // per question / page
    void connectionTested(bool ok, const QString &message);
    void finished(const trh::fetch::FetchResult &result);

private:
    QString m_databasePath;
    FetchTuning m_tuning;
    std::unique_ptr<FetchRun> m_run;
    std::atomic<bool> m_cancelRequested{false};
    friend class FetchRun;
};

} // namespace trh::fetch

Q_DECLARE_METATYPE(trh::fetch::FetchResult)
