#pragma once

#include "store/Database.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QMutex>
#include <QString>
#include <QThread>
#include <QVariant>
#include <QVector>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>

namespace trh {

// A value for a named SQL parameter (":name" in the SQL, "name" here): a qlonglong or a
// QString, nothing else.
struct SqlTableBinding
{
    QByteArray name;
    QVariant value;
};

// What a SqlTableModel reads from: the file and the page query of its spec. Made once per
// setSource() and never changed afterwards, so requests on both threads can share it.
struct SqlTableSource
{
    QString path;
    // WITH trh_page(trh_key) AS (VALUES (:trh_k0), ...) SELECT key, column...
    // FROM trh_page CROSS JOIN <from> WHERE (<where>) AND key = trh_key
    QByteArray pageSql;
    int columnCount = 0;
    QVector<SqlTableBinding> params;
    // Set when the spec cannot be queried at all (an unsupported parameter type): every
    // query of this source fails with it, on the worker, like an SQL error would.
    QString error;
};

// The background half of SqlTableModel: one thread owning one read-only connection, running
// the newest key query and then page queries, newest first. A request carries the model's
// generation; anything older than the newest generation is skipped, stopped between rows,
// or interrupted in SQLite (a sort of a million rows happens inside the first step, where
// only sqlite3_interrupt reaches it). Results go back through queued signals.
class SqlTableWorker final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlTableWorker)
public:
    // Rows per page: one page query binds this many keys.
    static constexpr int kPageSize = 256;
    // Page requests waiting at most; older ones are dropped (the view has scrolled on).
    static constexpr int kMaxQueuedPages = 16;

    struct KeyRequest
    {
        quint64 generation = 0;
        std::shared_ptr<const SqlTableSource> source;
        QByteArray sql;                    // SELECT key FROM ... WHERE ... ORDER BY ...
        QVector<SqlTableBinding> bindings; // search and column-filter patterns
        // Optional: the same rows from a search index's candidates, run instead of sql when
        // sql has not found a first page within the ordered-scan budget.
        QByteArray indexedSql;
        QVector<SqlTableBinding> indexedBindings;
    };
    struct PageRequest
    {
        quint64 generation = 0;
        int page = 0;
        std::shared_ptr<const SqlTableSource> source;
        QVector<qint64> keys; // at most kPageSize
    };

    explicit SqlTableWorker(QObject *parent = nullptr);
    ~SqlTableWorker() override; // stops and joins the thread

    // Called from the model's thread. requestKeys() supersedes every older request: queued
    // ones are dropped and a running one is interrupted.
    void requestKeys(KeyRequest request);
    // Queues a page; returns the pages dropped to keep the queue short, so the model can
    // ask again when a view shows them again.
    QVector<int> requestPage(PageRequest request);
    // Makes every request older than generation outdated without starting a query (the
    // model reordered its keys itself).
    void supersede(quint64 generation);
    // Ends the thread soon: interrupts what runs and drops what waits. wait() afterwards.
    void stop();

    // How long a key query with an indexedSql may look for its first page before the
    // indexed query replaces it (default 30 ms: a search that needs longer matches few rows,
    // which the search index finds faster). Either way the keys are the same; tests set 0
    // (always the index) or a long time (never) to check both.
    static void setOrderedScanBudget(int milliseconds);
    static int orderedScanBudget();

signals:
    // The first kPageSize keys of a result that has more; keysReady follows with all of them.
    void keysStarted(quint64 generation, const QVector<qint64> &keys);
    void keysReady(quint64 generation, const QVector<qint64> &keys);
    // cells: the page's rows in key order, columnCount values each; rows whose key is gone
    // are invalid QVariants.
    void pageReady(quint64 generation, int page, const QVector<QVariant> &cells);
    void keysFailed(quint64 generation, const QString &message);
    void pageFailed(quint64 generation, int page, const QString &message);

protected:
    void run() override;

private:
    bool isOutdated(quint64 generation) const { return generation < m_latest.load(); }
    // Marks the query of generation as running, unless it is outdated already. Only while a
    // query runs may another thread interrupt the connection, and the connection is only
    // opened or closed while none runs: that is what makes interrupt() safe.
    bool beginRunning(quint64 generation);
    void endRunning();
    void interruptOlderThan(quint64 generation); // m_mutex held
    void runKeys(const KeyRequest &request);
    enum class ScanResult
    {
        Done,
        Failed,
        Outdated,
        OverBudget,
    };
    // Steps sql into *keys, emitting keysStarted at the first full page. With a budget
    // (milliseconds, >= 0) gives up when the first page takes longer.
    ScanResult scanKeys(const KeyRequest &request, const QByteArray &sql,
                        const QVector<SqlTableBinding> &bindings, int budget, QVector<qint64> *keys,
                        QString *error);
    static int budgetHandler(void *self);
    void runPage(const PageRequest &request, bool inKeyScan);
    // Runs the pages queued for generation while its key scan is between two steps.
    void runQueuedPages(quint64 generation);
    bool ensureOpen(const QString &path, QString *error);
    bool preparePage(const std::shared_ptr<const SqlTableSource> &source, QString *error);

    // Shared between the threads.
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stop = false;
    std::optional<KeyRequest> m_keyRequest;
    std::deque<PageRequest> m_pages;
    quint64 m_running = 0; // generation of the query being stepped, 0 if none
    std::atomic<quint64> m_latest{0};
    std::atomic<int> m_queuedPages{0}; // m_pages.size(), readable without the mutex

    // The worker thread's own.
    Database m_db;
    QString m_openPath;
    std::shared_ptr<const SqlTableSource> m_pageSource;
    Statement m_pageStatement;
    QVector<int> m_keySlots; // parameter index of :trh_k<i>
    QDeadlineTimer m_budget; // of the ordered scan running, if it has one
    bool m_overBudget = false;
};

} // namespace trh
