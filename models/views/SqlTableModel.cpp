#include "SqlTableModel.h"

#include "SqlTableWorker.h"
#include "store/Store.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <utility>

namespace trh {
namespace {

static_assert(SqlTableModel::kPageSize == SqlTableWorker::kPageSize,
              "the model's pages are the worker's pages");

// '%text%' for LIKE ... ESCAPE '\', with the wildcards of text matched literally.
QString containsPattern(const QString &text)
{
    QString pattern;
    pattern.reserve(text.size() + 2);
    pattern += QLatin1Char('%');
    for (const QChar ch : text) {
        if (ch == QLatin1Char('\\') || ch == QLatin1Char('%') || ch == QLatin1Char('_'))
            pattern += QLatin1Char('\\');
        pattern += ch;
    }
    pattern += QLatin1Char('%');
    return pattern;
}

// The FTS5 query terms of the trigrams of text ("abcd": "abc" AND "bcd"), each quoted so
// that it is taken literally; none if text is shorter than a trigram. The search index keeps
// no positions, so the trigrams cannot be asked for as a phrase: the rows holding all of
// them are a superset of the rows containing text.
void addTrigramTerms(const QString &text, QStringList *terms)
{
    const QList<uint> chars = text.toUcs4();
    for (qsizetype i = 0; i + 3 <= chars.size(); ++i) {
        QString trigram = QString::fromUcs4(reinterpret_cast<const char32_t *>(&chars[i]), 3);
        trigram.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        const QString term = QLatin1Char('"') + trigram + QLatin1Char('"');
        if (!terms->contains(term))
            terms->append(term);
    }
}

QString likeCondition(const QString &expr, const QString &param)
{
    return QLatin1Char('(') + expr + QStringLiteral(") LIKE :") + param +
           QStringLiteral(" ESCAPE '\\'");
}

// Named parameters of the spec, as the worker binds them. A value of any other type is an
// error of the spec, reported like an SQL error.
QVector<SqlTableBinding> specBindings(const QVariantMap &params, QString *error)
{
    QVector<SqlTableBinding> out;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        QString name = it.key();
        if (name.startsWith(QLatin1Char(':')) || name.startsWith(QLatin1Char('@')) ||
            name.startsWith(QLatin1Char('$')))
            name.remove(0, 1);
        if (name.startsWith(QLatin1String("trh_"))) {
            *error = QStringLiteral("the parameter name %1 is reserved").arg(it.key());
            return {};
        }
        const QVariant &v = it.value();
        SqlTableBinding b;
        b.name = name.toUtf8();
        switch (v.typeId()) {
        case QMetaType::QString:
            b.value = v.toString();
            break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
            b.value = v.toLongLong();
            break;
        case QMetaType::ULongLong:
            if (v.toULongLong() > quint64(std::numeric_limits<qint64>::max())) {
                *error = QStringLiteral("the value of the parameter %1 is too large").arg(name);
                return {};
            }
            b.value = v.toLongLong();
            break;
        default:
            *error = QStringLiteral("the parameter %1 has the type %2; only integers and "
                                    "strings can be bound")
                         .arg(name, QLatin1String(v.metaType().name()));
            return {};
        }
        out.append(b);
    }
    return out;
}

std::shared_ptr<const SqlTableSource> makeSource(const QString &path, const SqlTableSpec &spec)
{
    auto source = std::make_shared<SqlTableSource>();
    source->path = path;
    source->columnCount = int(spec.columns.size());
    source->params = specBindings(spec.params, &source->error);

    // The page's keys drive the join (CROSS JOIN keeps them the outer loop), each looked up
    // by key equality. With "key IN (...)" next to the base filter SQLite preferred the
    // index of the filter (finding_lookup on snapshot_id) and read a whole snapshot for
    // every page: measured 100 ms a page on 1 M findings, against ~1 ms this way. The base
    // filter stays: a key is only unique within it, and snapshot_endpoint's primary key
    // needs its snapshot_id to look an endpoint up.
    QString sql = QStringLiteral("WITH trh_page(trh_key) AS (VALUES ");
    for (int i = 0; i < SqlTableWorker::kPageSize; ++i) {
        if (i > 0)
            sql += QLatin1Char(',');
        sql += QStringLiteral("(:trh_k") + QString::number(i) + QLatin1Char(')');
    }
    sql += QStringLiteral(") SELECT ") + spec.key;
    for (const SqlTableSpec::Column &column : spec.columns)
        sql += QStringLiteral(", ") + column.expr;
    sql += QStringLiteral(" FROM trh_page CROSS JOIN ") + spec.from + QStringLiteral(" WHERE ");
    if (!spec.where.trimmed().isEmpty())
        sql += QLatin1Char('(') + spec.where + QStringLiteral(") AND ");
    sql += QLatin1Char('(') + spec.key + QStringLiteral(") = trh_page.trh_key");
    source->pageSql = sql.toUtf8();
    return source;
}

} // namespace

SqlTableModel::SqlTableModel(QObject *parent) : QAbstractTableModel(parent) {}

SqlTableModel::~SqlTableModel()
{
    if (m_worker) {
        m_worker->stop();
        m_worker->wait();
    }
}

void SqlTableModel::ensureWorker()
{
    if (m_worker)
        return;
    m_worker = std::make_unique<SqlTableWorker>();
    // Queued: the worker emits from its own thread, and the handlers touch the model.
    connect(m_worker.get(), &SqlTableWorker::keysStarted, this, &SqlTableModel::onKeysStarted,
            Qt::QueuedConnection);
    connect(m_worker.get(), &SqlTableWorker::keysReady, this, &SqlTableModel::onKeysReady,
            Qt::QueuedConnection);
    connect(m_worker.get(), &SqlTableWorker::keysFailed, this, &SqlTableModel::onKeysFailed,
            Qt::QueuedConnection);
    connect(m_worker.get(), &SqlTableWorker::pageReady, this, &SqlTableModel::onPageReady,
            Qt::QueuedConnection);
    connect(m_worker.get(), &SqlTableWorker::pageFailed, this, &SqlTableModel::onPageFailed,
            Qt::QueuedConnection);
    m_worker->start();
}

void SqlTableModel::setSource(const QString &dbPath, const SqlTableSpec &spec)
{
    m_spec = spec;
    m_query.source = makeSource(dbPath, spec);
    m_query.filters.resize(spec.columns.size());
    if (m_query.sortColumn >= spec.columns.size())
        m_query.sortColumn = -1;
    requery();
}

void SqlTableModel::setSearchText(const QString &text)
{
    if (text == m_query.search)
        return;
    m_query.search = text;
    requery();
}

void SqlTableModel::setColumnFilter(int column, const QString &text)
{
    if (column < 0 || column >= m_query.filters.size() || m_query.filters[column] == text)
        return;
    m_query.filters[column] = text;
    requery();
}

void SqlTableModel::sort(int column, Qt::SortOrder order)
{
    // Before the first source the columns are not known yet: setSource() checks the column.
    if (column < -1 || (!m_spec.columns.isEmpty() && column >= m_spec.columns.size()))
        column = -1;
    if (column == m_query.sortColumn && order == m_query.order)
        return;
    m_query.sortColumn = column;
    m_query.order = order;
    if (canReverseShownKeys())
        reverseShownKeys();
    else
        requery();
}

void SqlTableModel::requery()
{
    if (!m_query.source)
        return; // no source yet: the state is kept for setSource()
    ensureWorker();

    SqlTableWorker::KeyRequest request;
    request.generation = ++m_generation;
    request.source = m_query.source;

    request.sql = resultSql(false, &request.bindings, Plan::Ordered).toUtf8();
    request.indexedSql = resultSql(false, &request.indexedBindings, Plan::Indexed).toUtf8();

    // Pages of the keys shown are no longer read (the worker drops them): the shown rows
    // are about to be replaced.
    m_pendingPages.clear();
    m_worker->requestKeys(std::move(request));
    emitLoadingIfChanged();
}

QString SqlTableModel::searchIndexQuery() const
{
    if (m_spec.searchIndex.isEmpty())
        return {};
    QStringList terms;
    // Every searchable column must be indexed, or the candidates could miss a match.
    bool searchIndexed = true;
    for (const SqlTableSpec::Column &column : std::as_const(m_spec.columns))
        searchIndexed = searchIndexed && (!column.searchable || !column.searchColumn.isEmpty());
    if (searchIndexed)
        addTrigramTerms(m_query.search, &terms);
    // A filter's trigrams may be found in any column of the index: still a superset.
    for (int i = 0; i < m_query.filters.size() && i < m_spec.columns.size(); ++i) {
        if (!m_spec.columns[i].searchColumn.isEmpty())
            addTrigramTerms(m_query.filters[i], &terms);
    }
    return terms.join(QStringLiteral(" AND "));
}

QString SqlTableModel::resultSql(bool withColumns, QVector<SqlTableBinding> *bindings,
                                 Plan plan) const
{
    // The search and column filters, ANDed to the spec's where.
    QStringList conditions;
    if (!m_spec.where.trimmed().isEmpty())
        conditions.append(QLatin1Char('(') + m_spec.where + QLatin1Char(')'));
    if (!m_query.search.isEmpty()) {
        QStringList any;
        for (const SqlTableSpec::Column &column : std::as_const(m_spec.columns)) {
            if (column.searchable)
                any.append(likeCondition(column.expr, QStringLiteral("trh_search")));
        }
        // No searchable column: a search finds nothing rather than everything.
        conditions.append(any.isEmpty() ? QStringLiteral("0")
                                        : QLatin1Char('(') + any.join(QStringLiteral(" OR ")) +
                                              QLatin1Char(')'));
        bindings->append({QByteArrayLiteral("trh_search"), containsPattern(m_query.search)});
    }
    for (int i = 0; i < m_query.filters.size(); ++i) {
        if (m_query.filters[i].isEmpty())
            continue;
        const QString param = QStringLiteral("trh_f") + QString::number(i);
        conditions.append(likeCondition(m_spec.columns[i].expr, param));
        bindings->append({param.toUtf8(), containsPattern(m_query.filters[i])});
    }
    // The key breaks ties in the sort's own direction, so that the descending order is the
    // ascending one reversed (which lets sort() flip the direction without a query).
    const QString direction =
        m_query.order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    const SqlTableSpec::Column *sortColumn =
        m_query.sortColumn >= 0 ? &m_spec.columns[m_query.sortColumn] : nullptr;
    const bool ordered = plan == Plan::Ordered && sortColumn && !sortColumn->orderedFrom.isEmpty();
    // Merging parts pays when every part has rows to give early; with a search or filter
    // some may have none, and the merge would wait for each to be read to its end.
    const bool filtered = !m_query.search.isEmpty() ||
                          std::any_of(m_query.filters.cbegin(), m_query.filters.cend(),
                                      [](const QString &filter) { return !filter.isEmpty(); });
    const QString &partitionFrom =
        sortColumn ? sortColumn->partitionOrderedFrom : m_spec.keyPartitionOrderedFrom;
    const QString &sortExpr = sortColumn ? sortColumn->expr : m_spec.key;
    if (plan == Plan::Ordered && !partitionFrom.isEmpty() && !withColumns &&
        !m_spec.partitions.isEmpty() && !filtered) {
        // Each part read in order from the index, merged by SQLite (a compound SELECT with
        // ORDER BY merges its arms when each comes sorted): no row is sorted.
        QStringList arms;
        for (const QString &partition : std::as_const(m_spec.partitions)) {
            arms.append(QStringLiteral("SELECT ") + m_spec.key + QStringLiteral(" AS trh_key, (") +
                        sortExpr + QStringLiteral(") AS trh_sort FROM ") + partitionFrom +
                        QStringLiteral(" WHERE ") +
                        (QStringList(conditions) << QLatin1Char('(') + partition + QLatin1Char(')'))
                            .join(QStringLiteral(" AND ")));
        }
        return arms.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(" ORDER BY trh_sort") +
               direction + QStringLiteral(", trh_key") + direction;
    }

    QString sql = QStringLiteral("SELECT ") + m_spec.key;
    if (withColumns) {
        for (const SqlTableSpec::Column &column : std::as_const(m_spec.columns))
            sql += QStringLiteral(", ") + column.expr;
    }
    if (plan == Plan::Indexed) {
        const QString match = searchIndexQuery();
        if (match.isEmpty())
            return {};
        // CROSS JOIN keeps the index's candidates the outer loop: each is looked up by key
        // and tested, and only the rows that pass are sorted.
        sql += QStringLiteral(" FROM (SELECT rowid AS trh_id FROM ") + m_spec.searchIndex +
               QStringLiteral(" WHERE ") + m_spec.searchIndex +
               QStringLiteral(" MATCH :trh_match) AS trh_candidate CROSS JOIN ") + m_spec.from;
        conditions.prepend(QLatin1Char('(') + m_spec.key +
                           QStringLiteral(") = trh_candidate.trh_id"));
        bindings->append({QByteArrayLiteral("trh_match"), match});
    } else if (ordered) {
        sql += QStringLiteral(" FROM ") + sortColumn->orderedFrom;
    } else {
        sql += QStringLiteral(" FROM ") + m_spec.from;
    }
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY ");
    if (sortColumn)
        sql += QLatin1Char('(') + sortColumn->expr + QLatin1Char(')') + direction +
               QStringLiteral(", ");
    sql += m_spec.key + direction;
    return sql;
}

SqlTableRowQuery SqlTableModel::rowQuery() const
{
    SqlTableRowQuery q;
    for (const SqlTableSpec::Column &column : std::as_const(m_spec.columns))
        q.titles.append(column.title);
    if (!m_query.source) {
        q.error = tr("The table has no data source.");
        return q;
    }
    q.path = m_query.source->path;
    q.error = m_query.source->error;
    QVector<SqlTableBinding> bindings;
    q.sql = resultSql(true, &bindings).toUtf8();
    for (const SqlTableBinding &b : std::as_const(bindings))
        q.bindings.append({b.name, b.value});
    for (const SqlTableBinding &b : std::as_const(m_query.source->params))
        q.bindings.append({b.name, b.value});
    return q;
}

QByteArray SqlTableModel::keySql() const
{
    QVector<SqlTableBinding> bindings;
    return resultSql(false, &bindings, Plan::Ordered).toUtf8();
}

bool SqlTableModel::forEachRow(const std::function<bool(const QVector<QVariant> &)> &fn,
                               QString *error) const
{
    return rowQuery().forEachRow(fn, error);
}

bool SqlTableRowQuery::forEachRow(const std::function<bool(const QVector<QVariant> &)> &fn,
                                  QString *errorOut) const
{
    QString scratch;
    QString *out = errorOut ? errorOut : &scratch;
    out->clear();
    if (!error.isEmpty()) {
        *out = error;
        return false;
    }
    Database db;
    const Store::OpenResult opened = Store::open(db, path, Store::OpenMode::ReadOnly);
    if (!opened.ok()) {
        *out = opened.error;
        return false;
    }
    Statement st(db, std::string_view(sql.constData(), size_t(sql.size())));
    if (!st.isValid()) {
        *out = st.error();
        return false;
    }
    for (int i = 1, n = st.parameterCount(); i <= n; ++i) {
        const char *raw = st.parameterName(i);
        const QByteArray name(raw ? raw + 1 : "");
        auto it = std::find_if(bindings.cbegin(), bindings.cend(),
                               [&name](const auto &b) { return b.first == name; });
        if (!raw || it == bindings.cend()) {
            *out = QStringLiteral("no value for the SQL parameter %1")
                       .arg(QLatin1String(raw ? raw : "?"));
            return false;
        }
        if (it->second.typeId() == QMetaType::QString)
            st.bind(i, it->second.toString());
        else
            st.bind(i, std::int64_t(it->second.toLongLong()));
    }
    const int columns = st.columnCount() - 1;
    QVector<QVariant> cells(columns);
    while (st.step()) {
        for (int c = 0; c < columns; ++c)
            cells[c] = st.value(c + 1);
        if (!fn(cells))
            return false;
    }
    if (!st.ok()) {
        *out = st.error();
        return false;
    }
    return true;
}

bool SqlTableModel::canReverseShownKeys() const
{
    return m_generation != 0 && m_shownGeneration == m_generation && !m_shownFailed &&
           !m_shownPartial && m_shown.source == m_query.source &&
           m_shown.search == m_query.search && m_shown.filters == m_query.filters &&
           m_shown.sortColumn == m_query.sortColumn && m_shown.order != m_query.order;
}

void SqlTableModel::reverseShownKeys()
{
    const quint64 generation = ++m_generation;
    m_worker->supersede(generation);
    beginResetModel();
    std::reverse(m_keys.begin(), m_keys.end());
    m_shown = m_query;
    m_shownGeneration = generation;
    clearPages();
    endResetModel();
    emitLoadingIfChanged();
}

void SqlTableModel::clearPages()
{
    m_pages.clear();
    m_pendingPages.clear();
    m_failedPages.clear();
    m_pageErrorReported = false;
}

void SqlTableModel::onKeysStarted(quint64 generation, const QVector<qint64> &keys)
{
    if (generation == m_generation)
        showKeys(generation, keys, true);
}

void SqlTableModel::onKeysReady(quint64 generation, const QVector<qint64> &keys)
{
    if (generation == m_generation)
        showKeys(generation, keys, false);
}

void SqlTableModel::showKeys(quint64 generation, const QVector<qint64> &keys, bool partial)
{
    if (!partial && m_shownPartial && generation == m_shownGeneration &&
        keys.size() >= m_keys.size() && std::equal(m_keys.cbegin(), m_keys.cend(), keys.cbegin())) {
        // The rest of the result whose first page is shown: append it, so that views keep
        // their place and selection (the pages read so far stay valid).
        m_shownPartial = false;
        if (keys.size() > m_keys.size()) {
            beginInsertRows({}, int(m_keys.size()), int(keys.size()) - 1);
            m_keys = keys;
            endInsertRows();
        }
        emitLoadingIfChanged();
        return;
    }
    beginResetModel();
    m_keys = keys;
    m_shown = m_query;
    m_shownGeneration = generation;
    m_shownFailed = false;
    m_shownPartial = partial;
    m_titles.clear();
    for (const SqlTableSpec::Column &column : std::as_const(m_spec.columns))
        m_titles.append(column.title);
    clearPages();
    endResetModel();
    emitLoadingIfChanged();
}

void SqlTableModel::onKeysFailed(quint64 generation, const QString &message)
{
    if (generation != m_generation)
        return;
    beginResetModel();
    m_keys.clear();
    m_shown = m_query;
    m_shownGeneration = generation;
    m_shownFailed = true;
    m_shownPartial = false;
    m_titles.clear();
    for (const SqlTableSpec::Column &column : std::as_const(m_spec.columns))
        m_titles.append(column.title);
    clearPages();
    endResetModel();
    emitLoadingIfChanged();
    emit errorOccurred(tr("The table could not be loaded: %1").arg(message));
}

void SqlTableModel::onPageReady(quint64 generation, int page, const QVector<QVariant> &cells)
{
    // A page of the keys shown is welcome even while a newer request is loading.
    if (generation != m_shownGeneration)
        return;
    m_pendingPages.remove(page);
    const int first = page * kPageSize;
    const int last = std::min(first + kPageSize, int(m_keys.size())) - 1;
    if (last < first || cells.size() != qsizetype(last - first + 1) * m_titles.size()) {
        emitLoadingIfChanged();
        return;
    }
    if (m_pages.size() >= kCachedPages && !m_pages.contains(page)) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
    m_pages.insert(page, Page{cells, ++m_useClock});
    emit dataChanged(index(first, 0), index(last, int(m_titles.size()) - 1),
                     {Qt::DisplayRole, LoadingRole});
    emitLoadingIfChanged();
}

void SqlTableModel::onPageFailed(quint64 generation, int page, const QString &message)
{
    if (generation != m_shownGeneration)
        return;
    m_pendingPages.remove(page);
    // Not asked again for this result: a failing page would otherwise be queried on every
    // repaint. The cells show nothing instead of the placeholder.
    m_failedPages.insert(page);
    const int first = page * kPageSize;
    const int last = std::min(first + kPageSize, int(m_keys.size())) - 1;
    if (last >= first && !m_titles.isEmpty())
        emit dataChanged(index(first, 0), index(last, int(m_titles.size()) - 1),
                         {Qt::DisplayRole, LoadingRole});
    emitLoadingIfChanged();
    if (!m_pageErrorReported) {
        m_pageErrorReported = true;
        emit errorOccurred(tr("Rows of the table could not be loaded: %1").arg(message));
    }
}

int SqlTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int SqlTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_titles.size());
}

const SqlTableModel::Page *SqlTableModel::cachedPage(int page) const
{
    const auto it = m_pages.find(page);
    if (it == m_pages.end())
        return nullptr;
    it->lastUse = ++m_useClock;
    return &*it;
}

void SqlTableModel::requestPage(int page) const
{
    // Keys about to be replaced are not worth reading; the reset will ask again.
    if (m_generation != m_shownGeneration || m_pendingPages.contains(page) || !m_worker)
        return;
    SqlTableWorker::PageRequest request;
    request.generation = m_shownGeneration;
    request.page = page;
    request.source = m_shown.source;
    request.keys = m_keys.mid(qsizetype(page) * kPageSize, kPageSize);
    m_pendingPages.insert(page);
    const QVector<int> dropped = m_worker->requestPage(std::move(request));
    for (const int p : dropped)
        m_pendingPages.remove(p);
    // data() must not emit (it runs while views paint): tell about loading a bit later.
    scheduleLoadingSignal();
}

QVariant SqlTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_keys.size() ||
        index.column() >= m_titles.size() || (role != Qt::DisplayRole && role != LoadingRole))
        return {};
    const int page = index.row() / kPageSize;
    if (const Page *cached = cachedPage(page)) {
        if (role == LoadingRole)
            return false;
        const qsizetype at =
            qsizetype(index.row() - page * kPageSize) * m_titles.size() + index.column();
        return cached->cells.value(at);
    }
    if (m_failedPages.contains(page))
        return role == LoadingRole ? QVariant(false) : QVariant();
    requestPage(page);
    if (role == LoadingRole)
        return true;
    return tr("…", "placeholder of a table cell whose row is still loading");
}

QVariant SqlTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_titles.size())
            return m_titles[section];
        return {};
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

qint64 SqlTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_keys.size() ? m_keys[row] : -1;
}

bool SqlTableModel::isLoading() const
{
    return m_generation != m_shownGeneration || m_shownPartial || !m_pendingPages.isEmpty();
}

QVector<qint64> SqlTableModel::keys() const
{
    return m_keys;
}

void SqlTableModel::scheduleLoadingSignal() const
{
    if (m_loadingSignalQueued)
        return;
    m_loadingSignalQueued = true;
    auto *self = const_cast<SqlTableModel *>(this);
    QMetaObject::invokeMethod(
        self, [self] { self->emitLoadingIfChanged(); }, Qt::QueuedConnection);
}

void SqlTableModel::emitLoadingIfChanged()
{
    m_loadingSignalQueued = false;
    const bool loading = isLoading();
    if (!loading && m_idleLoop)
        m_idleLoop->quit();
    if (loading == m_loadingSignalled)
        return;
    m_loadingSignalled = loading;
    emit loadingChanged(loading);
}

bool SqlTableModel::waitForIdle(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QEventLoop *const outer = m_idleLoop;
    m_idleLoop = &loop;
    while (isLoading() && !deadline.hasExpired()) {
        if (!deadline.isForever()) // a negative timeout waits as long as it takes
            timer.start(int(std::max<qint64>(1, deadline.remainingTime())));
        loop.exec();
    }
    m_idleLoop = outer;
    return !isLoading();
}

} // namespace trh
