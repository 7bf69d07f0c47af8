#include "SqlTableWorker.h"

#include "store/Store.h"

#include <QHash>
#include <QMutexLocker>

#include <sqlite3.h>

#include <limits>
#include <utility>

namespace trh {
namespace {

constexpr char kKeySlotPrefix[] = "trh_k";

// How often the key loop looks whether its generation is still the newest: often enough to
// stop within a millisecond, rarely enough to cost nothing.
constexpr int kCheckEveryRows = 4096;

std::atomic<int> s_orderedScanBudget{30};

bool isKeySlot(const QByteArray &name)
{
    return name.startsWith(kKeySlotPrefix);
}

const SqlTableBinding *findBinding(const QVector<SqlTableBinding> &list, const QByteArray &name)
{
    for (const SqlTableBinding &b : list) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

// Binds every named parameter of st from first, then second; the page key slots are left
// to the caller. Every value is bound: user text never becomes SQL.
bool bindParameters(Statement &st, const QVector<SqlTableBinding> &first,
                    const QVector<SqlTableBinding> &second, QString *error)
{
    for (int i = 1, n = st.parameterCount(); i <= n; ++i) {
        const char *raw = st.parameterName(i);
        if (!raw) {
            *error = QStringLiteral("the table query uses a nameless parameter (?); "
                                    "name it (:name) and give its value in params");
            return false;
        }
        const QByteArray name(raw + 1); // without the ':', '@' or '$'
        if (isKeySlot(name))
            continue;
        const SqlTableBinding *b = findBinding(first, name);
        if (!b)
            b = findBinding(second, name);
        if (!b) {
            *error = QStringLiteral("no value for the SQL parameter %1").arg(QLatin1String(raw));
            return false;
        }
        if (b->value.typeId() == QMetaType::QString)
            st.bind(i, b->value.toString());
        else
            st.bind(i, std::int64_t(b->value.toLongLong()));
    }
    return true;
}

} // namespace

SqlTableWorker::SqlTableWorker(QObject *parent) : QThread(parent)
{
    setObjectName(QStringLiteral("SqlTableWorker"));
}

SqlTableWorker::~SqlTableWorker()
{
    stop();
    wait();
}

void SqlTableWorker::requestKeys(KeyRequest request)
{
    QMutexLocker lock(&m_mutex);
    m_latest.store(request.generation);
    interruptOlderThan(request.generation);
    m_pages.clear();
    m_queuedPages.store(0);
    m_keyRequest = std::move(request);
    m_wake.wakeOne();
}

QVector<int> SqlTableWorker::requestPage(PageRequest request)
{
    QVector<int> dropped;
    QMutexLocker lock(&m_mutex);
    if (isOutdated(request.generation)) {
        dropped.append(request.page);
        return dropped;
    }
    m_pages.push_back(std::move(request));
    while (m_pages.size() > size_t(kMaxQueuedPages)) {
        dropped.append(m_pages.front().page);
        m_pages.pop_front();
    }
    m_queuedPages.store(int(m_pages.size()));
    m_wake.wakeOne();
    return dropped;
}

void SqlTableWorker::supersede(quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    m_latest.store(generation);
    interruptOlderThan(generation);
    m_pages.clear();
    m_queuedPages.store(0);
    m_keyRequest.reset();
}

void SqlTableWorker::stop()
{
    QMutexLocker lock(&m_mutex);
    m_stop = true;
    m_latest.store(std::numeric_limits<quint64>::max());
    interruptOlderThan(std::numeric_limits<quint64>::max());
    m_pages.clear();
    m_queuedPages.store(0);
    m_keyRequest.reset();
    m_wake.wakeOne();
}

void SqlTableWorker::interruptOlderThan(quint64 generation)
{
    // m_running != 0 guarantees the connection is open and stays open until endRunning(),
    // which needs m_mutex, held here. An interrupt that lands between statements is
    // harmless: SQLite clears it when the next statement starts.
    if (m_running != 0 && m_running < generation)
        m_db.interrupt();
}

bool SqlTableWorker::beginRunning(quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    if (m_stop || isOutdated(generation))
        return false;
    m_running = generation;
    return true;
}

void SqlTableWorker::endRunning()
{
    QMutexLocker lock(&m_mutex);
    m_running = 0;
}

void SqlTableWorker::run()
{
    for (;;) {
        std::optional<KeyRequest> keys;
        std::optional<PageRequest> page;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stop && !m_keyRequest && m_pages.empty())
                m_wake.wait(&m_mutex);
            if (m_stop)
                break;
            if (m_keyRequest) {
                keys = std::move(m_keyRequest);
                m_keyRequest.reset();
            } else {
                // Newest first: it is the part of the table the user looks at now.
                page = std::move(m_pages.back());
                m_pages.pop_back();
                m_queuedPages.store(int(m_pages.size()));
            }
        }
        if (keys)
            runKeys(*keys);
        else if (page)
            runPage(*page, false);
    }
    // The connection belongs to this thread: close it here, statements first.
    m_pageStatement = Statement();
    m_pageSource.reset();
    m_db.close();
}

bool SqlTableWorker::ensureOpen(const QString &path, QString *error)
{
    if (m_db.isOpen() && m_openPath == path)
        return true;
    m_pageStatement = Statement();
    m_pageSource.reset();
    m_openPath.clear();
    const Store::OpenResult opened = Store::open(m_db, path, Store::OpenMode::ReadOnly);
    if (!opened.ok()) {
        *error = opened.error;
        return false;
    }
    m_openPath = path;
    return true;
}

void SqlTableWorker::setOrderedScanBudget(int milliseconds)
{
    s_orderedScanBudget.store(milliseconds);
}

int SqlTableWorker::orderedScanBudget()
{
    return s_orderedScanBudget.load();
}

int SqlTableWorker::budgetHandler(void *self)
{
    auto *worker = static_cast<SqlTableWorker *>(self);
    if (!worker->m_budget.hasExpired())
        return 0;
    worker->m_overBudget = true;
    return 1; // stops the statement (SQLITE_INTERRUPT)
}

SqlTableWorker::ScanResult SqlTableWorker::scanKeys(const KeyRequest &request,
                                                    const QByteArray &sql,
                                                    const QVector<SqlTableBinding> &bindings,
                                                    int budget, QVector<qint64> *keys,
                                                    QString *error)
{
    const quint64 generation = request.generation;
    keys->clear();
    Statement st(m_db, std::string_view(sql.constData(), size_t(sql.size())));
    if (!st.isValid()) {
        *error = st.error();
        return ScanResult::Failed;
    }
    if (!bindParameters(st, bindings, request.source->params, error))
        return ScanResult::Failed;
    if (!beginRunning(generation))
        return ScanResult::Outdated;
    // The budget is checked every few hundred virtual-machine steps, so it also ends a
    // first step that tests many rows before one matches.
    m_overBudget = false;
    if (budget >= 0) {
        m_budget.setRemainingTime(budget);
        sqlite3_progress_handler(m_db.handle(), 200, &SqlTableWorker::budgetHandler, this);
    }
    bool outdated = false;
    bool started = false;
    while (st.step()) {
        keys->append(st.int64(0));
        if (keys->size() == kPageSize) {
            if (budget >= 0)
                sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
            budget = -1;
            started = true;
            if (!isOutdated(generation))
                emit keysStarted(generation, *keys);
        }
        // Once the first page is out, the view wants its rows while the scan goes on: page
        // queries run between the scan's steps, on the same connection.
        if (started && m_queuedPages.load() > 0)
            runQueuedPages(generation);
        if (keys->size() % kCheckEveryRows == 0 && isOutdated(generation)) {
            outdated = true;
            break;
        }
    }
    if (budget >= 0)
        sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
    endRunning();
    if (outdated || isOutdated(generation))
        return ScanResult::Outdated; // interrupted or superseded: nobody wants this any more
    if (m_overBudget && !st.ok())
        return ScanResult::OverBudget;
    if (!st.ok()) {
        *error = st.error();
        return ScanResult::Failed;
    }
    return ScanResult::Done;
}

void SqlTableWorker::runQueuedPages(quint64 generation)
{
    for (;;) {
        std::optional<PageRequest> page;
        {
            QMutexLocker lock(&m_mutex);
            if (m_pages.empty() || m_keyRequest || m_stop)
                return;
            page = std::move(m_pages.back());
            m_pages.pop_back();
            m_queuedPages.store(int(m_pages.size()));
        }
        if (page->generation == generation)
            runPage(*page, true);
    }
}

void SqlTableWorker::runKeys(const KeyRequest &request)
{
    const quint64 generation = request.generation;
    if (isOutdated(generation))
        return;
    QString error = request.source->error;
    // Preparing the page query too checks every column of the spec now, not when a view
    // first asks for a row: a bad spec leaves the model empty with an error.
    if (error.isEmpty())
        preparePage(request.source, &error);
    QVector<qint64> keys;
    ScanResult result = ScanResult::Failed;
    if (error.isEmpty()) {
        const int budget = request.indexedSql.isEmpty() ? -1 : orderedScanBudget();
        result = scanKeys(request, request.sql, request.bindings, budget, &keys, &error);
        if (result == ScanResult::OverBudget)
            result =
                scanKeys(request, request.indexedSql, request.indexedBindings, -1, &keys, &error);
    }
    if (result == ScanResult::Outdated || isOutdated(generation))
        return;
    if (result == ScanResult::Done)
        emit keysReady(generation, keys);
    else
        emit keysFailed(generation, error);
}

bool SqlTableWorker::preparePage(const std::shared_ptr<const SqlTableSource> &source,
                                 QString *error)
{
    if (!ensureOpen(source->path, error))
        return false;
    if (m_pageSource == source && m_pageStatement.isValid())
        return true;
    m_pageSource.reset();
    m_pageStatement = Statement(
        m_db, std::string_view(source->pageSql.constData(), size_t(source->pageSql.size())));
    if (!m_pageStatement.isValid()) {
        *error = m_pageStatement.error();
        return false;
    }
    m_keySlots.fill(0, kPageSize);
    for (int i = 1, n = m_pageStatement.parameterCount(); i <= n; ++i) {
        const char *raw = m_pageStatement.parameterName(i);
        const QByteArray name(raw ? raw + 1 : "");
        if (!isKeySlot(name))
            continue;
        bool ok = false;
        const int slot = name.mid(int(sizeof(kKeySlotPrefix)) - 1).toInt(&ok);
        if (ok && slot >= 0 && slot < kPageSize)
            m_keySlots[slot] = i;
    }
    if (m_keySlots.contains(0)) {
        *error = QStringLiteral("the page query lacks key parameters");
        m_pageStatement = Statement();
        return false;
    }
    m_pageSource = source;
    return true;
}

void SqlTableWorker::runPage(const PageRequest &request, bool inKeyScan)
{
    const quint64 generation = request.generation;
    if (isOutdated(generation))
        return;
    QString error = request.source->error;
    if (error.isEmpty() && preparePage(request.source, &error)) {
        // reset() also clears the bindings: a page left half-read must not keep old keys.
        m_pageStatement.reset();
        bindParameters(m_pageStatement, {}, request.source->params, &error);
    }
    if (!error.isEmpty()) {
        if (!isOutdated(generation))
            emit pageFailed(generation, request.page, error);
        return;
    }
    const int count = int(qMin(request.keys.size(), qsizetype(kPageSize)));
    QHash<qint64, int> position;
    position.reserve(count);
    for (int i = 0; i < kPageSize; ++i) {
        if (i < count) {
            m_pageStatement.bind(m_keySlots[i], std::int64_t(request.keys[i]));
            position.insert(request.keys[i], i);
        } else {
            // NULL equals no key: one prepared statement serves the short last page too.
            m_pageStatement.bindNull(m_keySlots[i]);
        }
    }
    // Inside a key scan the scan's running state covers this query too.
    if (!inKeyScan && !beginRunning(generation))
        return;
    const int columns = request.source->columnCount;
    QVector<QVariant> cells(qsizetype(count) * columns);
    while (m_pageStatement.step()) {
        const int row = position.value(m_pageStatement.int64(0), -1);
        if (row < 0)
            continue;
        for (int c = 0; c < columns; ++c)
            cells[qsizetype(row) * columns + c] = m_pageStatement.value(c + 1);
    }
    if (!inKeyScan)
        endRunning();
    if (isOutdated(generation))
        return;
    if (!m_pageStatement.ok())
        emit pageFailed(generation, request.page, m_pageStatement.error());
    else
        emit pageReady(generation, request.page, cells);
}

} // namespace trh
