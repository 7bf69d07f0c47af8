#include "Fetcher.h"
#include "core/Printable.h"

#include "FetchPlan.h"
#include "HttpClient.h"
#include "analysis/Analyzer.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace trh::fetch {

namespace {

// Numbers may come as JSON numbers or as strings; -1 if neither.
qint64 jsonInt(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        return ok ? n : -1;
    }
    return -1;
}

// A file name from a question text: no characters that a file system refuses.
QString fileNameFor(QString text)
{
    for (QChar &c : text) {
        if (c == u'/' || c == u'\\' || c == u':' || c == u'*' || c == u'?' || c == u'"' ||
            c == u'<' || c == u'>' || c == u'|' || c.unicode() < 0x20)
            c = u'_';
    }
    return text.left(200) + QStringLiteral(".json");
}

// A token is one printable ASCII word; anything else could not be a header value.
bool isTokenShaped(const QByteArray &token)
{
    if (token.isEmpty())
        return false;
    for (const char c : token) {
        if (c <= 0x20 || c >= 0x7f)
            return false;
    }
    return true;
}

bool isAtOrAfter(const QJsonObject &alert, const QDateTime &cutoff, bool *anyTime)
{
    for (const char *key : {"createdAt", "alertedAt", "updatedAt"}) {
        const QDateTime t =
            QDateTime::fromString(alert.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
        if (!t.isValid())
            continue;
        *anyTime = true;
        if (t >= cutoff)
            return true;
    }
    return false;
}

} // namespace

// One fetch: the questions one after the other, then the alerts, then one import of every
// file the answers were kept in. Lives as long as the fetch; the Fetcher deletes it.
class FetchRun : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(trh::fetch::Fetcher)

public:
    FetchRun(Fetcher *owner, FetchOptions options, FetchTuning tuning, QString databasePath)
        : m_owner(owner), m_options(std::move(options)), m_tuning(tuning),
          m_databasePath(std::move(databasePath)),
          m_http(m_options.connection, m_options.token, tuning, this),
          m_plan(maintenanceQuestions())
    {
        m_pollTimer.setSingleShot(true);
        connect(&m_pollTimer, &QTimer::timeout, this, [this] { pollRest(); });
        m_total.start();
    }

    void start();
    void cancel();

private:
    int totalSteps() const { return int(m_plan.size()) + (m_options.alertMonths > 0 ? 1 : 0) + 1; }
    void progress(const QString &step) { emit m_owner->progress(step, m_step, totalSteps()); }
    void request(const HttpRequest &req, std::function<void(const HttpResponse &)> onOk,
                 std::function<bool(const HttpResponse &)> onError = {});
    bool parse(const HttpResponse &r, const QString &what, QJsonDocument *doc);

    void nextStep();
    void beginFile(const QString &name);
    bool appendElement(const QByteArray &json);
    void endFile();
    void finishQuestion();
    void skipQuestion(const QString &reason);
    void recordQuestion();

    void askRest();
    void pollRest();
    void readRestPage();
    void readGatewayPage();
    void beginAlerts();
    void readAlertsPage();
    void importAll();

    void fail(const QString &error, bool badInput = false);
    void finishCancelled();
    void finish();

    Fetcher *m_owner;
    FetchOptions m_options;
    FetchTuning m_tuning;
    QString m_databasePath;
    HttpClient m_http;
    QList<PlannedQuestion> m_plan;
    QTemporaryDir m_dir;
    QElapsedTimer m_total;
    QElapsedTimer m_questionTimer;
    QTimer m_pollTimer;
    bool m_inFlight = false;
    bool m_cancelled = false;
    bool m_done = false;

    int m_step = 0;
    int m_index = -1;
    bool m_alertsDone = false;
    QuestionStat m_stat;
    qint64 m_rowStart = 0;
    QJsonValue m_cacheId;
    QString m_cursor;
    QDateTime m_alertCutoff;
    qint64 m_alertOffset = 0;

    QFile m_file;
    int m_elements = 0;
    QStringList m_paths;
    QHash<QString, QJsonObject> m_details;
    FetchResult m_result;
};

void FetchRun::start()
{
    const QString invalid = Connection::validate(m_options.connection);
    if (!invalid.isEmpty())
        return fail(invalid);
    if (m_options.token.trimmed().isEmpty())
        return fail(tr("No API token is given."));
    if (!isTokenShaped(m_options.token))
        return fail(tr("The API token has characters no token has (spaces, line breaks or "
                       "non-ASCII); check where it was copied from."));
    if (const QString error = m_http.prepare(); !error.isEmpty())
        return fail(error);
    if (!m_dir.isValid())
        return fail(
            tr("Cannot create a temporary folder for the answers: %1").arg(m_dir.errorString()));
    if (QFileInfo::exists(m_databasePath)) {
        // Find out now, not after minutes of asking, whether the workspace can be written.
        // A workspace that does not exist yet is created only when the answers are in.
        Database db;
        const Store::OpenResult opened = Store::open(db, m_databasePath, Store::OpenMode::Existing);
        if (opened.status != Store::Status::Ok)
            return fail(opened.error, opened.status != Store::Status::Failed);
    }
    nextStep();
}

void FetchRun::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    m_pollTimer.stop();
    if (m_inFlight)
        m_http.cancel(); // the request's callback finishes the run
    else
        finishCancelled();
}

void FetchRun::request(const HttpRequest &req, std::function<void(const HttpResponse &)> onOk,
                       std::function<bool(const HttpResponse &)> onError)
{
    m_inFlight = true;
    m_http.send(
        req, [this, onOk = std::move(onOk), onError = std::move(onError)](const HttpResponse &r) {
            m_inFlight = false;
            m_stat.retries += r.retries;
            if (r.cancelled || m_cancelled)
                return finishCancelled();
            if (!r.ok) {
                if (onError && onError(r))
                    return;
                return fail(r.error);
            }
            m_stat.bytes += r.body.size();
            onOk(r);
        });
}

bool FetchRun::parse(const HttpResponse &r, const QString &what, QJsonDocument *doc)
{
    QJsonParseError error{};
    *doc = QJsonDocument::fromJson(r.body, &error);
    if (error.error != QJsonParseError::NoError) {
        fail(tr("%1: the server's answer is not valid JSON (%2 at byte %3).")
                 .arg(what, error.errorString())
                 .arg(error.offset),
             true);
        return false;
    }
    return true;
}

void FetchRun::nextStep()
{
    if (m_cancelled)
        return finishCancelled();
    ++m_index;
    if (m_index < m_plan.size()) {
        m_step = m_index;
        const PlannedQuestion &q = m_plan.at(m_index);
        m_stat = {};
        m_stat.dataset = q.dataset;
        m_stat.question = q.text();
        m_questionTimer.start();
        m_rowStart = 0;
        m_cacheId = QJsonValue();
        m_cursor.clear();
        beginFile(fileNameFor(q.text()));
        progress(tr("Asking: %1").arg(q.text()));
        if (m_options.connection.source == Source::Gateway)
            readGatewayPage();
        else
            askRest();
        return;
    }
    if (m_options.alertMonths > 0 && !m_alertsDone) {
        m_step = int(m_plan.size());
        m_alertsDone = true;
        return beginAlerts();
    }
    importAll();
}

void FetchRun::beginFile(const QString &name)
{
    m_file.setFileName(QDir(m_dir.path()).filePath(name));
    m_elements = 0;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate) || m_file.write("[") != 1)
        fail(tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
}

bool FetchRun::appendElement(const QByteArray &json)
{
    if ((m_elements > 0 && m_file.write(",\n") != 2) || m_file.write(json) != json.size()) {
        fail(tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return false;
    }
    ++m_elements;
    return true;
}

void FetchRun::endFile()
{
    if (m_file.isOpen()) {
        m_file.write("]\n");
        m_file.close();
    }
}

void FetchRun::finishQuestion()
{
    endFile();
    m_stat.elapsedMs = m_questionTimer.elapsed();
    if (m_stat.rows == 0) {
        m_stat.warnings << tr("No endpoint answered; nothing is kept for it.");
        QFile::remove(m_file.fileName());
    } else {
        m_paths << m_file.fileName();
        m_details.insert(m_file.fileName(), questionStatJson(m_stat));
    }
    recordQuestion();
}

void FetchRun::recordQuestion()
{
    for (const QString &w : std::as_const(m_stat.warnings))
        m_result.warnings << QStringLiteral("%1: %2").arg(m_stat.question, w);
    m_result.questions << m_stat;
    nextStep();
}

// A question the server cannot answer at all (e.g. a sensor it does not have) is left out of
// the snapshot with a warning; the other questions still count.
void FetchRun::skipQuestion(const QString &reason)
{
    endFile();
    QFile::remove(m_file.fileName());
    m_stat.elapsedMs = m_questionTimer.elapsed();
    m_stat.rows = 0;
    m_stat.warnings << tr("left out: %1").arg(reason);
    recordQuestion();
}

// ---------------------------------------------------------------------------- REST API v2

void FetchRun::askRest()
{
    const PlannedQuestion &q = m_plan.at(m_index);
    HttpRequest req;
    req.verb = "POST";
    req.path = QStringLiteral("/api/v2/questions");
    // Long enough to be read after the question timeout, and never less than the usual 10 min.
    const int expire = std::max(600, m_options.connection.questionTimeoutSeconds + 300);
    req.body = QJsonDocument(q.restQuestion(expire)).toJson(QJsonDocument::Compact);
    req.what = tr("Asking \"%1\"").arg(q.text());
    const auto refused = [this](const HttpResponse &r) {
        if (r.status != 400 && r.status != 404 && r.status != 422)
            return false;
        skipQuestion(r.error);
        return true;
    };
    request(
        req,
        [this, what = req.what](const HttpResponse &r) {
            QJsonDocument doc;
            if (!parse(r, what, &doc))
                return;
            QJsonValue id =
                doc.object().value(QStringLiteral("data")).toObject().value(QStringLiteral("id"));
            if (id.isUndefined())
                id = doc.object().value(QStringLiteral("id"));
            m_stat.questionId = jsonInt(id);
            if (m_stat.questionId < 0)
                return fail(tr("%1: the server's answer has no question id.").arg(what), true);
            m_pollTimer.start(0);
        },
        refused);
}

void FetchRun::pollRest()
{
    HttpRequest req;
    req.path = QStringLiteral("/api/v2/result_info/question/%1").arg(m_stat.questionId);
    req.what = tr("Checking the answers to \"%1\"").arg(m_stat.question);
    request(req, [this, what = req.what](const HttpResponse &r) {
        QJsonDocument doc;
        if (!parse(r, what, &doc))
            return;
        QJsonObject data = doc.object().value(QStringLiteral("data")).toObject();
        if (data.isEmpty())
            data = doc.object();
        const QJsonArray infos = data.value(QStringLiteral("result_infos")).toArray();
        if (infos.isEmpty())
            return fail(tr("%1: the server's answer has no result_infos.").arg(what), true);
        const QJsonObject info = infos.first().toObject();
        m_stat.estimatedTotal =
            std::max<qint64>(0, jsonInt(info.value(QStringLiteral("estimated_total"))));
        m_stat.tested = std::max<qint64>(0, jsonInt(info.value(QStringLiteral("mr_tested"))));
        m_stat.completion =
            m_stat.estimatedTotal > 0 ? double(m_stat.tested) / double(m_stat.estimatedTotal) : 0.0;
        progress(tr("%1: %2 of %3 endpoints answered")
                     .arg(m_stat.question)
                     .arg(m_stat.tested)
                     .arg(m_stat.estimatedTotal));
        const double threshold = m_options.connection.completionThreshold;
        if (m_stat.estimatedTotal > 0 && m_stat.completion + 1e-9 >= threshold) {
            m_stat.complete = true;
        } else if (m_questionTimer.elapsed() >=
                   qint64(m_options.connection.questionTimeoutSeconds) *
                       m_tuning.questionTimeoutUnitMilliseconds) {
            m_stat.complete = false;
            m_stat.warnings << tr("only %1 of %2 endpoints had answered after %3 s (%4 %, "
                                  "threshold %5 %); endpoints still answering count as pending")
                                   .arg(m_stat.tested)
                                   .arg(m_stat.estimatedTotal)
                                   .arg(m_options.connection.questionTimeoutSeconds)
                                   .arg(m_stat.completion * 100.0, 0, 'f', 1)
                                   .arg(threshold * 100.0, 0, 'f', 1);
        } else {
            m_pollTimer.start(m_tuning.pollIntervalMilliseconds);
            return;
        }
        readRestPage();
    });
}

void FetchRun::readRestPage()
{
    QJsonObject options{{QStringLiteral("row_start"), m_rowStart},
                        {QStringLiteral("row_count"), m_tuning.pageRows},
                        {QStringLiteral("no_result_row_collation_flag"), true}};
    if (!m_cacheId.isUndefined() && !m_cacheId.isNull())
        options.insert(QStringLiteral("cache_id"), m_cacheId);
    HttpRequest req;
    req.path = QStringLiteral("/api/v2/result_data/question/%1").arg(m_stat.questionId);
    req.headers << qMakePair(QByteArrayLiteral("tanium-options"),
                             QJsonDocument(options).toJson(QJsonDocument::Compact));
    req.what = tr("Reading the answers to \"%1\" from row %2").arg(m_stat.question).arg(m_rowStart);
    request(req, [this, what = req.what](const HttpResponse &r) {
        QJsonDocument doc;
        if (!parse(r, what, &doc))
            return;
        QJsonObject data = doc.object().value(QStringLiteral("data")).toObject();
        const QJsonArray sets = data.value(QStringLiteral("result_sets")).toArray();
        if (!data.value(QStringLiteral("result_sets")).isArray())
            return fail(tr("%1: the server's answer has no data.result_sets.").arg(what), true);
        const QJsonObject set = sets.isEmpty() ? QJsonObject() : sets.first().toObject();
        const qint64 rows = set.value(QStringLiteral("rows")).toArray().size();
        const qint64 total = jsonInt(set.value(QStringLiteral("row_count")));
        if (set.contains(QStringLiteral("cache_id")))
            m_cacheId = set.value(QStringLiteral("cache_id"));
        if (rows > 0 && !appendElement(r.body))
            return;
        m_stat.rows += rows;
        ++m_stat.pages;
        progress(tr("%1: %2 rows read").arg(m_stat.question).arg(m_stat.rows));
        const bool last = rows == 0 || (total >= 0 && m_rowStart + rows >= total) ||
                          (total < 0 && rows < m_tuning.pageRows);
        if (last)
            return finishQuestion();
        if (m_stat.pages > 1000000)
            return fail(tr("%1: the server keeps sending pages; stopped.").arg(what), true);
        m_rowStart += rows;
        readRestPage();
    });
}

// ---------------------------------------------------------------------------- API Gateway

void FetchRun::readGatewayPage()
{
    const PlannedQuestion &q = m_plan.at(m_index);
    HttpRequest req;
    req.verb = "POST";
    req.path = QStringLiteral("/plugin/products/gateway/graphql");
    req.body = QJsonDocument(QJsonObject{{QStringLiteral("query"), gatewayEndpointsQuery()},
                                         {QStringLiteral("variables"),
                                          q.gatewayVariables(m_tuning.pageRows, m_cursor)}})
                   .toJson(QJsonDocument::Compact);
    req.what = tr("Reading %1 through the API Gateway").arg(q.sensors.join(QStringLiteral(", ")));
    request(req, [this, what = req.what](const HttpResponse &r) {
        QJsonDocument doc;
        if (!parse(r, what, &doc))
            return;
        QStringList errors;
        for (const QJsonValue &e : doc.object().value(QStringLiteral("errors")).toArray())
            errors << e.toObject().value(QStringLiteral("message")).toString();
        const QJsonObject endpoints = doc.object()
                                          .value(QStringLiteral("data"))
                                          .toObject()
                                          .value(QStringLiteral("endpoints"))
                                          .toObject();
        if (endpoints.isEmpty()) {
            if (!errors.isEmpty() && m_stat.pages == 0)
                return skipQuestion(tr("%1: the API Gateway reported: %2")
                                        .arg(what, errors.join(QStringLiteral("; "))));
            if (!errors.isEmpty())
                return fail(tr("%1: the API Gateway reported: %2")
                                .arg(what, errors.join(QStringLiteral("; "))));
            return fail(tr("%1: the server's answer has no data.endpoints.").arg(what), true);
        }
        for (const QString &e : std::as_const(errors))
            m_stat.warnings << tr("the API Gateway reported: %1").arg(e);
        const qint64 edges = endpoints.value(QStringLiteral("edges")).toArray().size();
        if (edges > 0 && !appendElement(r.body))
            return;
        m_stat.rows += edges;
        ++m_stat.pages;
        const qint64 total = jsonInt(endpoints.value(QStringLiteral("totalRecords")));
        m_stat.estimatedTotal = std::max<qint64>(m_stat.estimatedTotal, total);
        progress(tr("%1: %2 of %3 endpoints read")
                     .arg(m_stat.question)
                     .arg(m_stat.rows)
                     .arg(std::max<qint64>(total, m_stat.rows)));
        const QJsonObject pageInfo = endpoints.value(QStringLiteral("pageInfo")).toObject();
        if (!pageInfo.value(QStringLiteral("hasNextPage")).toBool()) {
            m_stat.complete = true;
            m_stat.tested = m_stat.rows;
            m_stat.completion = 1.0;
            return finishQuestion();
        }
        const QString next = pageInfo.value(QStringLiteral("endCursor")).toString();
        if (next.isEmpty() || next == m_cursor || edges == 0)
            return fail(
                tr("%1: the API Gateway says more pages follow but gives no new cursor.").arg(what),
                true);
        m_cursor = next;
        readGatewayPage();
    });
}

// ---------------------------------------------------------------------- Threat Response alerts

void FetchRun::beginAlerts()
{
    const QDate today = QDate::currentDate();
    m_alertCutoff =
        QDateTime(QDate(today.year(), today.month(), 1).addMonths(-m_options.alertMonths),
                  QTime(0, 0), Qt::UTC);
    m_stat = {};
    m_stat.dataset = QStringLiteral("alerts");
    m_stat.question =
        QStringLiteral("GET /plugin/products/threat-response/api/v1/alerts (since %1)")
            .arg(m_alertCutoff.date().toString(Qt::ISODate));
    m_questionTimer.start();
    m_alertOffset = 0;
    beginFile(QStringLiteral("Threat Response alerts.json"));
    progress(tr("Reading Threat Response alerts"));
    readAlertsPage();
}

void FetchRun::readAlertsPage()
{
    HttpRequest req;
    req.path = QStringLiteral("/plugin/products/threat-response/api/v1/alerts");
    req.query.addQueryItem(QStringLiteral("limit"), QString::number(m_tuning.alertPageSize));
    req.query.addQueryItem(QStringLiteral("offset"), QString::number(m_alertOffset));
    req.what = tr("Reading Threat Response alerts from %1").arg(m_alertOffset);
    const auto notThere = [this](const HttpResponse &r) {
        if (r.status != 404)
            return false;
        skipQuestion(tr("the Threat Response alerts API is not there (404); the snapshot has "
                        "no alerts"));
        return true;
    };
    request(
        req,
        [this, what = req.what](const HttpResponse &r) {
            QJsonDocument doc;
            if (!parse(r, what, &doc))
                return;
            QJsonArray items;
            if (doc.isArray())
                items = doc.array();
            else if (doc.object().value(QStringLiteral("data")).isArray())
                items = doc.object().value(QStringLiteral("data")).toArray();
            else
                return fail(tr("%1: expected a list of alerts.").arg(what), true);
            for (const QJsonValue &v : std::as_const(items)) {
                const QJsonObject alert = v.toObject();
                bool anyTime = false;
                if (isAtOrAfter(alert, m_alertCutoff, &anyTime) || !anyTime) {
                    if (!appendElement(QJsonDocument(alert).toJson(QJsonDocument::Compact)))
                        return;
                    ++m_stat.rows;
                }
            }
            ++m_stat.pages;
            m_stat.tested += items.size();
            progress(tr("Threat Response alerts: %1 read").arg(m_stat.tested));
            if (items.size() < m_tuning.alertPageSize) {
                m_stat.complete = true;
                m_stat.completion = 1.0;
                return finishQuestion();
            }
            if (m_stat.pages > 1000000)
                return fail(tr("%1: the server keeps sending pages; stopped.").arg(what), true);
            m_alertOffset += items.size();
            readAlertsPage();
        },
        notThere);
}

// ---------------------------------------------------------------------------- import

void FetchRun::importAll()
{
    m_step = totalSteps() - 1;
    progress(tr("Storing the snapshot"));
    if (m_cancelled)
        return;
    if (m_paths.isEmpty())
        return fail(m_result.warnings.isEmpty()
                        ? tr("Nothing was fetched: no question had any answers.")
                        : tr("Nothing was fetched: no question had any answers (%1).")
                              .arg(m_result.warnings.constFirst()),
                    true);
    Database db;
    const Store::OpenResult opened =
        Store::open(db, m_databasePath, Store::OpenMode::CreateOrUpgrade);
    if (opened.status != Store::Status::Ok)
        return fail(opened.error, opened.status != Store::Status::Failed);
    ImportOptions options;
    options.label = m_options.label.isEmpty()
                        ? tr("Fetched from %1").arg(m_options.connection.server.host())
                        : m_options.label;
    options.takenAt = m_options.takenAt;
    options.origin = QStringLiteral("fetch");
    options.fetchDetails = m_details;
    options.mapping = m_options.mapping.get();
    options.analysis = &Analyzer::runInTransaction; // stored with its findings, as any import
    Fetcher *owner = m_owner;
    auto lastPercent = std::make_shared<int>(-1);
    options.progress = [this, owner, lastPercent](std::int64_t done, std::int64_t total) {
        const int percent = total > 0 ? int(done * 100 / total) : 0;
        if (percent != *lastPercent) {
            *lastPercent = percent;
            progress(tr("Storing the snapshot: %1 %").arg(percent));
        }
        return !owner->m_cancelRequested.load(); // cancel() may come from another thread
    };
    const ImportResult imported = Importer::importFiles(db, m_paths, options);
    if (imported.status == ImportResult::Status::Cancelled)
        return finishCancelled();
    if (!imported.ok()) {
        QStringList errors = imported.errors;
        const QString dir = m_dir.path() + QLatin1Char('/');
        for (QString &e : errors)
            e.remove(dir);
        return fail(tr("The fetched answers could not be stored: %1")
                        .arg(errors.join(QStringLiteral("; "))),
                    imported.status == ImportResult::Status::BadInput);
    }
    m_result.ok = true;
    m_result.snapshotId = imported.snapshotId;
    for (const FileImportReport &f : imported.files) {
        m_result.reportText += f.toText();
        m_result.reportJson.append(f.toJson());
    }
    for (const QString &n : imported.notes)
        m_result.reportText += QStringLiteral("note: %1\n").arg(printable(n));
    finish();
}

void FetchRun::fail(const QString &error, bool badInput)
{
    if (m_done)
        return;
    m_result.ok = false;
    m_result.error = error;
    m_result.badInput = badInput;
    finish();
}

void FetchRun::finishCancelled()
{
    if (m_done)
        return;
    m_result.ok = false;
    m_result.cancelled = true;
    m_result.error = tr("The fetch was cancelled; the workspace is unchanged.");
    finish();
}

void FetchRun::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_pollTimer.stop();
    if (m_file.isOpen())
        m_file.close();
    m_result.elapsedMs = m_total.elapsed();
    m_result.error = m_http.scrub(m_result.error);
    m_result.reportText = m_http.scrub(m_result.reportText);
    for (QString &w : m_result.warnings)
        w = m_http.scrub(w);
    // Deliver from the event loop, never from inside start() or a network callback.
    Fetcher *owner = m_owner;
    const FetchResult result = m_result;
    QTimer::singleShot(0, owner, [owner, result] {
        if (owner->m_run)
            owner->m_run.release()->deleteLater();
        emit owner->finished(result);
    });
}

// ---------------------------------------------------------------------------- Fetcher

QJsonObject questionStatJson(const QuestionStat &s)
{
    QJsonObject o{{QStringLiteral("asked"), s.question},
                  {QStringLiteral("rows"), s.rows},
                  {QStringLiteral("pages"), s.pages},
                  {QStringLiteral("retries"), s.retries},
                  {QStringLiteral("bytes"), s.bytes},
                  {QStringLiteral("seconds"), double(s.elapsedMs) / 1000.0},
                  {QStringLiteral("complete"), s.complete},
                  {QStringLiteral("completion"), s.completion}};
    if (s.questionId >= 0)
        o.insert(QStringLiteral("question_id"), s.questionId);
    if (s.estimatedTotal > 0) {
        o.insert(QStringLiteral("tested"), s.tested);
        o.insert(QStringLiteral("estimated_total"), s.estimatedTotal);
    }
    if (!s.warnings.isEmpty())
        o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(s.warnings));
    return o;
}

Fetcher::Fetcher(QString databasePath, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath))
{
    qRegisterMetaType<trh::fetch::FetchResult>();
}

Fetcher::~Fetcher() = default;

void Fetcher::setTuning(const FetchTuning &tuning)
{
    m_tuning = tuning;
}

bool Fetcher::isRunning() const
{
    return m_run != nullptr;
}

void Fetcher::start(const FetchOptions &options)
{
    if (m_run) {
        QTimer::singleShot(0, this, [this] {
            FetchResult r;
            r.error = tr("A fetch is already running.");
            emit finished(r);
        });
        return;
    }
    m_cancelRequested = false;
    m_run = std::make_unique<FetchRun>(this, options, m_tuning, m_databasePath);
    m_run->start();
}

void Fetcher::cancel()
{
    m_cancelRequested = true;
    QMetaObject::invokeMethod(this, [this] {
        if (m_run)
            m_run->cancel();
    });
}

void Fetcher::testConnection(const Connection &connection, const QByteArray &token)
{
    auto report = [this](bool ok, const QString &message) {
        QTimer::singleShot(0, this, [this, ok, message] { emit connectionTested(ok, message); });
    };
    if (const QString invalid = Connection::validate(connection); !invalid.isEmpty())
        return report(false, invalid);
    if (token.trimmed().isEmpty())
        return report(false, tr("No API token is given."));
    if (!isTokenShaped(token))
        return report(false, tr("The API token has characters no token has (spaces, line "
                                "breaks or non-ASCII); check where it was copied from."));
    auto *client = new HttpClient(connection, token, m_tuning, this);
    if (const QString error = client->prepare(); !error.isEmpty()) {
        client->deleteLater();
        return report(false, error);
    }
    HttpRequest req;
    if (connection.source == Source::Gateway) {
        req.verb = "POST";
        req.path = QStringLiteral("/plugin/products/gateway/graphql");
        req.body = QByteArrayLiteral("{\"query\":\"{ now }\"}");
    } else {
        req.path = QStringLiteral("/api/v2/server_info");
    }
    req.what = tr("Connecting to %1").arg(connection.server.host());
    client->send(req, [this, client, host = connection.server.host()](const HttpResponse &r) {
        client->deleteLater();
        if (!r.ok)
            return emit connectionTested(false, r.error);
        if (QJsonParseError e{}; QJsonDocument::fromJson(r.body, &e).isNull())
            return emit connectionTested(
                false, tr("%1 answered, but not with JSON: is this a Tanium server?").arg(host));
        emit connectionTested(true, tr("Connected to %1; the API token was accepted.").arg(host));
    });
}

} // namespace trh::fetch
