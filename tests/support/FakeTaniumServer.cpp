#include "FakeTaniumServer.h"

#include "import/CsvReader.h"
#include "import/JsonReaders.h"
#include "import/SourceRecords.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

namespace trh::test {

// ------------------------------------------------------------------------------- the fleet

namespace {

struct Row
{
    QString name;
    QHash<QString, QStringList> cells; // by lower-case column name
};

struct Table
{
    QString file;
    QStringList columns; // as named in the file, without Computer Name and Count
    QList<Row> rows;
    bool has(const QString &column) const { return columns.contains(column, Qt::CaseInsensitive); }
};

bool isIdentity(const QString &column)
{
    return column.compare(QLatin1String("Computer Name"), Qt::CaseInsensitive) == 0 ||
           column.compare(QLatin1String("Count"), Qt::CaseInsensitive) == 0;
}

class Collector final : public TableSink
{
public:
    explicit Collector(Table &table) : m_table(table) {}
    bool header(const std::vector<std::string> &columns, const SourcePos &) override
    {
        m_header.clear();
        m_nameColumn = -1;
        for (const std::string &c : columns) {
            const QString name = QString::fromStdString(c);
            if (name.compare(QLatin1String("Computer Name"), Qt::CaseInsensitive) == 0)
                m_nameColumn = int(m_header.size());
            if (!isIdentity(name) && !m_table.has(name))
                m_table.columns << name;
            m_header << name;
        }
        return true;
    }
    bool row(const std::vector<CellValues> &cells, const SourcePos &) override
    {
        Row r;
        for (size_t i = 0; i < cells.size() && i < size_t(m_header.size()); ++i) {
            QStringList values;
            for (const std::string_view v : cells[i])
                values << QString::fromUtf8(v.data(), qsizetype(v.size()));
            if (int(i) == m_nameColumn)
                r.name = values.join(QLatin1Char('\n'));
            else if (!isIdentity(m_header[int(i)]))
                r.cells.insert(m_header[int(i)].toLower(), values);
        }
        m_table.rows << r;
        return true;
    }
    void warning(const QString &, const SourcePos &) override {}

private:
    Table &m_table;
    QStringList m_header;
    int m_nameColumn = -1;
};

} // namespace

struct FakeTaniumServer::Data
{
    QList<Table> tables;
    QHash<QString, QHash<QString, QStringList>> attributes; // column -> endpoint -> values
    QJsonArray alerts;

    QStringList attribute(const QString &column, const QString &endpoint) const
    {
        return attributes.value(column.toLower()).value(endpoint);
    }

    // The table that holds a sensor, and the sensor's columns in it.
    const Table *tableFor(const QString &sensor, QStringList *columns) const
    {
        for (const Table &t : tables) {
            if (t.has(sensor)) {
                *columns = QStringList{sensor};
                return &t;
            }
        }
        for (const Table &t : tables) {
            if (t.file.contains(sensor, Qt::CaseInsensitive)) {
                *columns = t.columns;
                return &t;
            }
        }
        return nullptr;
    }
};

FakeTaniumServer::FakeTaniumServer(const QString &folder) : m_data(std::make_shared<Data>())
{
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &info : files) {
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly)) {
            m_loadError = f.errorString();
            return;
        }
        Table table;
        table.file = info.fileName();
        Collector sink(table);
        const QByteArray head = f.peek(16).trimmed();
        ReadResult read;
        if (head.startsWith('{') || head.startsWith('[')) {
            const JsonKind kind = sniffJsonKind(f);
            f.seek(0);
            if (kind == JsonKind::RestResultData) {
                read = readRestResultData(f, sink);
            } else if (kind == JsonKind::GatewayEndpoints) {
                read = readGatewayEndpoints(f, sink);
            } else if (kind == JsonKind::Alerts) {
                const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
                m_data->alerts = doc.isArray()
                                     ? doc.array()
                                     : doc.object().value(QStringLiteral("data")).toArray();
                continue;
            } else {
                continue; // profiles: not served
            }
        } else {
            read = CsvReader::read(f, sink);
        }
        if (!read.ok()) {
            m_loadError = QStringLiteral("%1: %2").arg(info.fileName(), read.error);
            return;
        }
        for (const Row &r : std::as_const(table.rows)) {
            for (auto it = r.cells.begin(); it != r.cells.end(); ++it) {
                auto &byEndpoint = m_data->attributes[it.key()];
                if (!byEndpoint.contains(r.name))
                    byEndpoint.insert(r.name, it.value());
            }
        }
        m_data->tables << table;
    }
}

// ------------------------------------------------------------------------------- the server

namespace {

struct Question
{
    struct Select
    {
        QString sensor;
        QStringList columns;
    };
    QList<Select> selects;
    const Table *table = nullptr;
    int polls = 0;
};

struct Request
{
    QByteArray verb;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

struct Reply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonArray cellArray(const QStringList &values)
{
    QJsonArray a;
    for (const QString &v : values)
        a.append(QJsonObject{{QStringLiteral("text"), v}});
    return a;
}

} // namespace

struct FakeTaniumServer::State
{
    mutable QMutex mutex;
    Options options;
    QList<int> faultUses;
    QHash<QString, int> paths; // request path -> count
    int withoutToken = 0;
    QStringList taniumOptions;
    QHash<qint64, Question> questions;
    qint64 nextId = 4100;
};

namespace {

class Handler final : public QObject
{
public:
    Handler(std::shared_ptr<const FakeTaniumServer::Data> data,
            std::shared_ptr<FakeTaniumServer::State> state)
        : m_data(std::move(data)), m_state(std::move(state))
    {}

    quint16 listen(QString *error)
    {
        const FakeTaniumServer::Options &o = m_state->options;
        if (!o.certificateFile.isEmpty()) {
            auto *ssl = new QSslServer(this);
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            QFile cert(o.certificateFile), key(o.keyFile);
            if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
                *error = QStringLiteral("cannot read the test certificate");
                return 0;
            }
            const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll());
            const QSslKey privateKey(key.readAll(), QSsl::Ec);
            if (chain.isEmpty() || privateKey.isNull()) {
                *error = QStringLiteral("the test certificate or key cannot be loaded");
                return 0;
            }
            conf.setLocalCertificateChain(chain);
            conf.setPrivateKey(privateKey);
            conf.setPeerVerifyMode(QSslSocket::VerifyNone); // clients show no certificate
            ssl->setSslConfiguration(conf);
            m_server = ssl;
        } else {
            m_server = new QTcpServer(this);
        }
        // A TLS connection is pending only once its handshake is done, which
        // pendingConnectionAvailable (not newConnection) tells.
        connect(m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] { accept(); });
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            *error = m_server->errorString();
            return 0;
        }
        return m_server->serverPort();
    }

    void accept()
    {
        while (QTcpSocket *s = m_server->nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                m_buffers.remove(s);
                s->deleteLater();
            });
            if (s->bytesAvailable() > 0) // came with the TLS handshake
                read(s);
        }
    }

    void shutdown()
    {
        delete m_server;
        m_server = nullptr;
        qDeleteAll(findChildren<QTcpSocket *>());
    }

private:
    void read(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        for (;;) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buf.left(end).split('\n');
            Request req;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.verb = first.value(0);
            const QUrl target(QString::fromLatin1(first.value(1)));
            req.path = target.path();
            req.query = QUrlQuery(target);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    req.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = req.headers.value("content-length").toLongLong();
            if (buf.size() < end + 4 + length)
                return;
            req.body = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            respond(s, req);
        }
    }

    void respond(QTcpSocket *s, const Request &req)
    {
        std::optional<FakeTaniumServer::Fault> fault;
        {
            QMutexLocker lock(&m_state->mutex);
            ++m_state->paths[req.path];
            if (req.headers.value("session") != m_state->options.token)
                ++m_state->withoutToken;
            const QList<FakeTaniumServer::Fault> &faults = m_state->options.faults;
            for (int i = 0; i < faults.size(); ++i) {
                const FakeTaniumServer::Fault &f = faults[i];
                if (!req.path.contains(f.pathContains))
                    continue;
                if (f.times >= 0 && m_state->faultUses[i] >= f.times)
                    continue;
                ++m_state->faultUses[i];
                fault = f;
                break;
            }
        }
        Reply reply;
        using K = FakeTaniumServer::FaultKind;
        if (fault && fault->kind == K::Status500) {
            reply.status = 500;
            reply.body = "{\"text\":\"internal error\"}";
        } else if (fault && fault->kind == K::RateLimited) {
            reply.status = 429;
            reply.headers << qMakePair(QByteArrayLiteral("Retry-After"),
                                       QByteArray::number(fault->value));
        } else if (fault && fault->kind == K::Unauthorized) {
            reply.status = 401;
            reply.body = "{\"text\":\"Not Authorized\"}";
        } else if (fault && fault->kind == K::Forbidden) {
            reply.status = 403;
        } else if (fault && fault->kind == K::NotFound) {
            reply.status = 404;
        } else if (fault && fault->kind == K::InvalidJson) {
            reply.body = "{\"data\": {\"result_sets\": [ oops";
        } else if (fault && fault->kind == K::Huge) {
            reply.body = QByteArray(fault->value, ' ');
        } else {
            reply = answer(req);
        }
        const bool truncate = fault && fault->kind == K::Truncated;
        auto send = [s, reply, truncate] {
            QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
            head += "Content-Type: application/json\r\n";
            head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
            for (const auto &h : reply.headers)
                head += h.first + ": " + h.second + "\r\n";
            head += "\r\n";
            s->write(head);
            if (truncate) {
                s->write(reply.body.left(reply.body.size() / 2));
                s->flush();
                s->disconnectFromHost();
                return;
            }
            s->write(reply.body);
        };
        if (fault && fault->kind == K::Slow)
            QTimer::singleShot(fault->value, s, send);
        else
            send();
    }

    Reply answer(const Request &req)
    {
        QMutexLocker lock(&m_state->mutex);
        const FakeTaniumServer::Options &o = m_state->options;
        Reply r;
        if (req.headers.value("session") != o.token) {
            r.status = 401;
            r.body = "{\"text\":\"Not Authorized\"}";
            return r;
        }
        const QJsonObject body = QJsonDocument::fromJson(req.body).object();
        if (req.verb == "GET" && req.path == QLatin1String("/api/v2/server_info")) {
            r.body = json({{QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("Diagnostics"), QJsonObject{}}}}});
        } else if (req.verb == "POST" && req.path == QLatin1String("/api/v2/questions")) {
            Question q;
            for (const QJsonValue &v : body.value(QStringLiteral("selects")).toArray()) {
                const QString sensor = v.toObject()
                                           .value(QStringLiteral("sensor"))
                                           .toObject()
                                           .value(QStringLiteral("name"))
                                           .toString();
                QStringList columns{sensor};
                const bool identity = sensor == QLatin1String("Computer Name") ||
                                      sensor == QLatin1String("OS Platform");
                if (!identity) {
                    const Table *t = m_data->tableFor(sensor, &columns);
                    if (!t) {
                        r.status = 400;
                        r.body = json({{QStringLiteral("text"),
                                        QStringLiteral("unknown sensor %1").arg(sensor)}});
                        return r;
                    }
                    if (!q.table)
                        q.table = t;
                }
                q.selects << Question::Select{sensor, columns};
            }
            if (!q.table) {
                r.status = 400;
                return r;
            }
            const qint64 id = m_state->nextId++;
            m_state->questions.insert(id, q);
            r.body = json({{QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), id}}}});
        } else if (req.verb == "GET" &&
                   req.path.startsWith(QLatin1String("/api/v2/result_info/question/"))) {
            auto it = m_state->questions.find(req.path.section(u'/', -1).toLongLong());
            if (it == m_state->questions.end()) {
                r.status = 404;
                return r;
            }
            ++it->polls;
            const qint64 total = it->table->rows.size();
            r.body = json(
                {{QStringLiteral("data"),
                  QJsonObject{{QStringLiteral("now"), o.now},
                              {QStringLiteral("result_infos"),
                               QJsonArray{QJsonObject{{QStringLiteral("estimated_total"), total},
                                                      {QStringLiteral("mr_tested"), tested(*it)},
                                                      {QStringLiteral("row_count"), total}}}}}}});
        } else if (req.verb == "GET" &&
                   req.path.startsWith(QLatin1String("/api/v2/result_data/question/"))) {
            auto it = m_state->questions.find(req.path.section(u'/', -1).toLongLong());
            if (it == m_state->questions.end()) {
                r.status = 404;
                return r;
            }
            m_state->taniumOptions << QString::fromUtf8(req.headers.value("tanium-options"));
            const QJsonObject opts =
                QJsonDocument::fromJson(req.headers.value("tanium-options")).object();
            r.body = resultData(*it, opts.value(QStringLiteral("row_start")).toInt(0),
                                opts.value(QStringLiteral("row_count")).toInt(1 << 30));
        } else if (req.verb == "POST" &&
                   req.path == QLatin1String("/plugin/products/gateway/graphql")) {
            r.body = gateway(body);
            if (r.body.isEmpty())
                r.status = 400;
        } else if (req.verb == "GET" &&
                   req.path == QLatin1String("/plugin/products/threat-response/api/v1/alerts")) {
            const int limit = req.query.queryItemValue(QStringLiteral("limit")).toInt();
            const int offset = req.query.queryItemValue(QStringLiteral("offset")).toInt();
            QJsonArray page;
            for (int i = offset; i < m_data->alerts.size() && i < offset + limit; ++i)
                page.append(m_data->alerts[i]);
            r.body = o.alertsWrapped ? json({{QStringLiteral("data"), page}})
                                     : QJsonDocument(page).toJson(QJsonDocument::Compact);
        } else {
            r.status = 404;
            r.body = "{\"text\":\"not found\"}";
        }
        return r;
    }

    qint64 tested(const Question &q) const
    {
        const FakeTaniumServer::Options &o = m_state->options;
        const qint64 total = q.table->rows.size();
        const int percent =
            std::min(o.maxCompletionPercent, 100 * q.polls / std::max(1, o.pollsUntilComplete));
        return std::min<qint64>(total, total * percent / 100);
    }

    QByteArray resultData(const Question &q, int start, int count) const
    {
        QJsonArray columns;
        for (const Question::Select &s : q.selects) {
            for (const QString &c : s.columns)
                columns.append(QJsonObject{{QStringLiteral("name"), c},
                                           {QStringLiteral("hash"), qint64(qHash(s.sensor))},
                                           {QStringLiteral("type"), 1}});
        }
        const qint64 answered = tested(q);
        QJsonArray rows;
        const QList<Row> &all = q.table->rows;
        for (int i = std::max(0, start); i < all.size() && i < qint64(start) + count; ++i) {
            const Row &row = all[i];
            QJsonArray data;
            for (const Question::Select &s : q.selects) {
                for (const QString &c : s.columns) {
                    QStringList values;
                    if (s.sensor == QLatin1String("Computer Name"))
                        values = QStringList{row.name};
                    else if (s.sensor == QLatin1String("OS Platform"))
                        values = m_data->attribute(c, row.name);
                    else if (i >= answered)
                        values = QStringList{QStringLiteral("[current result unavailable]")};
                    else if (row.cells.contains(c.toLower()))
                        values = row.cells.value(c.toLower());
                    else
                        values = m_data->attribute(c, row.name);
                    data.append(cellArray(values));
                }
            }
            rows.append(QJsonObject{{QStringLiteral("id"), i + 1},
                                    {QStringLiteral("cid"), i + 1},
                                    {QStringLiteral("data"), data}});
        }
        const QJsonObject set{{QStringLiteral("estimated_total"), qint64(all.size())},
                              {QStringLiteral("mr_tested"), answered},
                              {QStringLiteral("row_count"), qint64(all.size())},
                              {QStringLiteral("cache_id"), QStringLiteral("cache-1")},
                              {QStringLiteral("columns"), columns},
                              {QStringLiteral("rows"), rows}};
        return json({{QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("now"), m_state->options.now},
                                  {QStringLiteral("max_available_age"), QString()},
                                  {QStringLiteral("result_sets"), QJsonArray{set}}}}});
    }

    QByteArray gateway(const QJsonObject &body) const
    {
        const QString query = body.value(QStringLiteral("query")).toString();
        if (!query.contains(QLatin1String("endpoints")))
            return json({{QStringLiteral("data"),
                          QJsonObject{{QStringLiteral("now"), m_state->options.now}}}});
        const QJsonObject vars = body.value(QStringLiteral("variables")).toObject();
        QList<Question::Select> selects;
        const Table *table = nullptr;
        for (const QJsonValue &v : vars.value(QStringLiteral("sensors")).toArray()) {
            const QString sensor = v.toObject().value(QStringLiteral("name")).toString();
            QStringList columns;
            const Table *t = m_data->tableFor(sensor, &columns);
            if (!t)
                return json(
                    {{QStringLiteral("errors"),
                      QJsonArray{QJsonObject{{QStringLiteral("message"),
                                              QStringLiteral("unknown sensor %1").arg(sensor)}}}},
                     {QStringLiteral("data"), QJsonValue()}});
            table = table ? table : t;
            selects << Question::Select{sensor, columns};
        }
        QStringList unused;
        if (!table) // no sensors: every endpoint of the inventory file
            table = m_data->tableFor(QStringLiteral("Computer Groups"), &unused);
        if (!table)
            return {};
        const int first = vars.value(QStringLiteral("first")).toInt(100);
        const int start = vars.value(QStringLiteral("after")).toString().toInt();
        QJsonArray edges;
        const QList<Row> &all = table->rows;
        for (int i = start; i < all.size() && i < start + first; ++i) {
            const Row &row = all[i];
            QJsonArray columns;
            for (const Question::Select &s : selects) {
                for (const QString &c : s.columns) {
                    const QStringList values = row.cells.contains(c.toLower())
                                                   ? row.cells.value(c.toLower())
                                                   : m_data->attribute(c, row.name);
                    columns.append(QJsonObject{
                        {QStringLiteral("name"), c},
                        {QStringLiteral("sensor"), QJsonObject{{QStringLiteral("name"), s.sensor}}},
                        {QStringLiteral("values"), QJsonArray::fromStringList(values)}});
                }
            }
            const QString one = QStringLiteral("\n");
            QJsonObject node{
                {QStringLiteral("name"), row.name},
                {QStringLiteral("computerID"),
                 m_data->attribute(QStringLiteral("Computer ID"), row.name).join(one)},
                {QStringLiteral("os"),
                 QJsonObject{
                     {QStringLiteral("platform"),
                      m_data->attribute(QStringLiteral("OS Platform"), row.name).join(one)},
                     {QStringLiteral("name"),
                      m_data->attribute(QStringLiteral("Operating System"), row.name).join(one)}}},
                {QStringLiteral("sensorReadings"),
                 QJsonObject{{QStringLiteral("columns"), columns}}}};
            edges.append(QJsonObject{{QStringLiteral("cursor"), QString::number(i + 1)},
                                     {QStringLiteral("node"), node}});
        }
        const int next = start + int(edges.size());
        const QJsonObject endpoints{
            {QStringLiteral("edges"), edges},
            {QStringLiteral("pageInfo"),
             QJsonObject{{QStringLiteral("hasNextPage"), next < all.size()},
                         {QStringLiteral("endCursor"), QString::number(next)}}},
            {QStringLiteral("totalRecords"), qint64(all.size())}};
        return json(
            {{QStringLiteral("data"), QJsonObject{{QStringLiteral("endpoints"), endpoints}}}});
    }

    std::shared_ptr<const FakeTaniumServer::Data> m_data;
    std::shared_ptr<FakeTaniumServer::State> m_state;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

bool FakeTaniumServer::start(const Options &options, QString *error)
{
    if (!m_loadError.isEmpty()) {
        *error = m_loadError;
        return false;
    }
    m_state = std::make_shared<State>();
    m_state->options = options;
    m_state->faultUses = QList<int>(options.faults.size(), 0);
    m_tls = !options.certificateFile.isEmpty();
    m_thread = new QThread;
    m_thread->start();
    auto *handler = new Handler(m_data, m_state);
    handler->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        handler, [this, handler, error] { m_port = handler->listen(error); },
        Qt::BlockingQueuedConnection);
    m_handler = handler;
    return m_port != 0;
}

FakeTaniumServer::~FakeTaniumServer()
{
    if (!m_thread)
        return;
    auto *handler = static_cast<Handler *>(m_handler);
    QMetaObject::invokeMethod(
        handler, [handler] { handler->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete handler;
    delete m_thread;
}

QUrl FakeTaniumServer::url() const
{
    return QUrl(QStringLiteral("%1://%2:%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"),
                         m_tls ? QStringLiteral("localhost") : QStringLiteral("127.0.0.1"))
                    .arg(m_port));
}

int FakeTaniumServer::requests(const QString &pathPart) const
{
    QMutexLocker lock(&m_state->mutex);
    int n = 0;
    for (auto it = m_state->paths.begin(); it != m_state->paths.end(); ++it) {
        if (it.key().contains(pathPart))
            n += it.value();
    }
    return n;
}

int FakeTaniumServer::requestsWithoutToken() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->withoutToken;
}

QStringList FakeTaniumServer::seenTaniumOptions() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->taniumOptions;
}

bool makeTestCertificates(const QString &dir, QString *error)
{
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            *error = QStringLiteral("openssl %1: %2")
                         .arg(args.value(0), QString::fromLocal8Bit(p.readAll()));
            return false;
        }
        return true;
    };
    QFile ext(QDir(dir).filePath(QStringLiteral("server.ext")));
    if (!ext.open(QIODevice::WriteOnly) ||
        ext.write("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                  "subjectAltName=DNS:localhost,IP:127.0.0.1\n") < 0) {
        *error = ext.errorString();
        return false;
    }
    ext.close();
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                         QStringLiteral("-nodes")};
    return run(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
               QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                           QStringLiteral("-out"), QStringLiteral("ca.pem"),
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                           QStringLiteral("/CN=trhealth test CA"), QStringLiteral("-addext"),
                           QStringLiteral("basicConstraints=critical,CA:TRUE"),
                           QStringLiteral("-addext"),
                           QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}) &&
           run(QStringList{QStringLiteral("req")} + ec +
               QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                           QStringLiteral("-out"), QStringLiteral("server.csr"),
                           QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}) &&
           run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                QStringLiteral("server.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-extfile"), QStringLiteral("server.ext")});
}

} // namespace trh::test
