#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QVector>

#include <functional>
#include <memory>

class QEventLoop;

namespace trh {

class SqlTableWorker;
struct SqlTableSource;
struct SqlTableBinding;

// Every row of a SqlTableModel's result, as a self-contained query that any thread can run
// (for exports: the model itself only ever holds a few pages). Made by
// SqlTableModel::rowQuery() on the model's thread; runs through its own read-only
// connection, so the model may change meanwhile.
struct SqlTableRowQuery
{
    QString path;
    QByteArray sql; // SELECT key, column... FROM ... WHERE ... ORDER BY <the model's order>
    QVector<QPair<QByteArray, QVariant>> bindings; // name without ':' -> qlonglong or QString
    QStringList titles;
    QString error; // set when the model has no source or its spec cannot be bound

    // Calls fn with the column values of every row, in order, on the calling thread. fn
    // returns false to stop. Returns true when every row was delivered; false on an error
    // (error set) or when fn stopped (error left empty).
    bool forEachRow(const std::function<bool(const QVector<QVariant> &cells)> &fn,
                    QString *error) const;
};

// What a SqlTableModel shows: SQL fragments written by developers (never user text; user
// text only reaches SQLite as bound LIKE patterns).
struct SqlTableSpec
{
    // FROM clause with joins and aliases, e.g.
    // "finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id".
    QString from;
    // Unique, non-NULL integer key of a row within `where`, e.g. "f.id". Pages are read back
    // by key equality together with `where`, so an index on the key helps.
    QString key;
    // Base filter with named parameters, e.g. "f.snapshot_id = :snapshot"; may be empty.
    // Parameter and table names starting with "trh_" are the model's own.
    QString where;
    // Values of the named parameters, by name without the ':' (qint64-like or QString).
    QVariantMap params;
    struct Column
    {
        QString title; // translated by whoever builds the spec
        QString expr;  // SQL expression, e.g. "e.name"
        bool searchable = true;
        // Optional: a FROM clause giving the rows of `from` in this column's order, ties by
        // key, straight from an index, e.g. "finding f INDEXED BY finding_by_detail". A sort
        // by the column then reads its first page without sorting every row.
        QString orderedFrom = {};
        // Optional: the same for the rows of one partition at a time (see partitions).
        QString partitionOrderedFrom = {};
        // Optional: the column of `searchIndex` that holds this column's text (empty: the
        // column is not indexed).
        QString searchColumn = {};
    };
    QVector<Column> columns;
    // Optional: conditions that split the rows of `where` into disjoint parts which together
    // hold every row, e.g. "f.code = :code3", one per code. Unless a search or filter is set,
    // a sort by a column with a partitionOrderedFrom then reads each part in order from its
    // index and merges them, so that a part that sorts late costs nothing to the first page.
    QStringList partitions;
    // Optional: a FROM clause giving the rows of one partition in key order (for the order by
    // key alone, sort column -1), e.g. "finding f INDEXED BY finding_by_code".
    QString keyPartitionOrderedFrom;
    // Optional: an FTS5 table (trigram tokenizer, case-insensitive; positions not needed)
    // whose rowid is the key, indexing the text of the columns that name a searchColumn. A
    // search or filter of three or more characters that matches few rows then takes the
    // rows holding all its trigrams as candidates instead of testing every row; the LIKE
    // conditions still decide, so the rows are the same either way.
    QString searchIndex;
};

// A table over a query of any size that stays fluid: sorting and filtering run in SQL on a
// worker thread with its own read-only connection, which collects the ordered keys of every
// matching row (a million keys are 8 MB) and reads the rows a view asks for, a page at a
// time by key. Cells not read yet show a placeholder. A newer setSource/sort/filter
// supersedes older ones: their queries are interrupted and their results dropped. Reversing
// the order of the current sort needs no query: the order is total (the key breaks ties in
// the same direction), so the model reverses its keys.
//
// The first page comes before the count: as soon as the worker has the first kPageSize keys
// of a longer result the model resets to them (isCounting() is then true), and when every
// key is known the remaining rows are appended (rowsInserted), so a view keeps its place.
// With the spec's orderedFrom and searchIndex the first page of a sort or a search needs
// no full sort or scan: the worker walks the sort column's index, testing each row, and when
// that finds too few rows quickly (a search matching few rows) it asks the search index for
// the candidates instead and sorts just those.
//
// Sort order is ORDER BY <column expr> <dir>, <key> <dir>; column -1 sorts by key alone.
// Search and column filters are LIKE '%text%' with % _ and \ escaped: case-insensitive for
// ASCII letters, as SQLite's LIKE is.
class SqlTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlTableModel)
public:
    enum Role
    {
        // bool: true while the cell shows the placeholder because its page is not read yet.
        LoadingRole = Qt::UserRole + 1,
    };
    // Rows read per page, and how many pages stay cached (the least recently used go).
    static constexpr int kPageSize = 256;
    static constexpr int kCachedPages = 64;

    explicit SqlTableModel(QObject *parent = nullptr);
    ~SqlTableModel() override; // stops the worker thread (interrupting its query) and joins it

    // Shows spec over the workspace file dbPath, read through the worker's own read-only
    // connection. Keeps the search, and the sort and column filters of columns that still
    // exist.
    void setSource(const QString &dbPath, const SqlTableSpec &spec);
    // Rows where any searchable column contains text; empty shows every row. Cheap to call
    // on every keystroke: only the newest text is queried (debouncing is still the view's).
    void setSearchText(const QString &text);
    // Rows whose column contains text; empty clears that column's filter.
    void setColumnFilter(int column, const QString &text);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString searchText() const { return m_query.search; }
    int sortColumn() const { return m_query.sortColumn; }
    Qt::SortOrder sortOrder() const { return m_query.order; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The key of a row shown, -1 if there is no such row.
    qint64 keyAt(int row) const;
    // True while the rows shown are the first page of a longer result whose other keys are
    // still being read: rows are appended when they are (rowCount() is not final yet).
    bool isCounting() const { return m_shownPartial; }
    // True while a result is being computed or pages are being read.
    bool isLoading() const;
    // Every key of the result shown, in order (for export and drill-down). While a newer
    // request is loading this is still the previous result: waitForIdle() first.
    QVector<qint64> keys() const;
    // Runs a local event loop until nothing is loading; false on timeout (a negative timeout
    // never ends the wait). For tests and exports, never for code that a user waits on.
    bool waitForIdle(int timeoutMs = 30000);
    // The query of every row of the result asked for last (search, filters and sort), in
    // the order of keys() once idle. Cheap: it only copies the spec's SQL.
    SqlTableRowQuery rowQuery() const;
    // The key query the worker runs first for the request asked for last (the sort column's
    // ordered read), for EXPLAIN QUERY PLAN in tests and benchmarks.
    QByteArray keySql() const;
    // rowQuery().forEachRow(fn, error): streams the full result on the calling thread.
    bool forEachRow(const std::function<bool(const QVector<QVariant> &cells)> &fn,
                    QString *error) const;

signals:
    void loadingChanged(bool loading);
    // A query failed; the message includes SQLite's. The model is then empty.
    void errorOccurred(const QString &message);

private:
    // Everything a result depends on.
    struct QueryState
    {
        std::shared_ptr<const SqlTableSource> source;
        QString search;
        QVector<QString> filters; // per column, empty = none
        int sortColumn = -1;
        Qt::SortOrder order = Qt::AscendingOrder;
    };
    struct Page
    {
        QVector<QVariant> cells; // row-major, columnCount() per row
        quint64 lastUse = 0;
    };

    void ensureWorker();
    void requery();
    // How the key query finds its rows: as the planner likes (Plain, also what exports run),
    // walking the sort column's index (Ordered), or from the search index's candidates
    // (Indexed).
    enum class Plan
    {
        Plain,
        Ordered,
        Indexed,
    };
    // SELECT <key><, every column> FROM ... WHERE ... ORDER BY ..., and the bindings of the
    // search and filters (the spec's own are in the source). Empty when plan cannot serve
    // the query asked for (no search index, or no text long enough to look up).
    QString resultSql(bool withColumns, QVector<SqlTableBinding> *bindings,
                      Plan plan = Plan::Plain) const;
    // The FTS5 query that finds a superset of the rows the search and filters match, empty
    // if nothing long enough is indexed.
    QString searchIndexQuery() const;
    bool canReverseShownKeys() const;
    void reverseShownKeys();
    void clearPages();
    const Page *cachedPage(int page) const;
    void requestPage(int page) const;
    void scheduleLoadingSignal() const;
    void emitLoadingIfChanged();
    void onKeysStarted(quint64 generation, const QVector<qint64> &keys);
    void onKeysReady(quint64 generation, const QVector<qint64> &keys);
    // Shows keys of the newest request: the first page of it (partial) or all of it.
    void showKeys(quint64 generation, const QVector<qint64> &keys, bool partial);
    void onKeysFailed(quint64 generation, const QString &message);
    void onPageReady(quint64 generation, int page, const QVector<QVariant> &cells);
    void onPageFailed(quint64 generation, int page, const QString &message);

    std::unique_ptr<SqlTableWorker> m_worker; // started by the first setSource()

    // What was asked for last.
    SqlTableSpec m_spec;
    QueryState m_query;
    quint64 m_generation = 0; // of the newest request; 0: no source yet

    // What is shown (changes only between beginResetModel and endResetModel).
    QueryState m_shown;
    quint64 m_shownGeneration = 0;
    bool m_shownFailed = false;
    bool m_shownPartial = false; // m_keys are the first page of a result still being read
    QVector<QString> m_titles;
    QVector<qint64> m_keys;

    // Pages of m_keys: cached, requested, failed. data() fills them, hence mutable.
    mutable QHash<int, Page> m_pages;
    mutable quint64 m_useClock = 0;
    mutable QSet<int> m_pendingPages;
    mutable QSet<int> m_failedPages;
    bool m_pageErrorReported = false;

    bool m_loadingSignalled = false;
    mutable bool m_loadingSignalQueued = false;
    QEventLoop *m_idleLoop = nullptr; // the loop of a running waitForIdle()
};

} // namespace trh
