#include "SnapshotRemoval.h"

#include "analysis/FindingSearch.h"
#include "store/Database.h"

#include <sqlite3.h>

#include <QCoreApplication>

#include <algorithm>
#include <string>
#include <vector>

namespace trh {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("trh::SnapshotRemoval", text);
}

// Calls progress from SQLite's progress handler while statements run, so that one long
// DELETE can be cancelled too: the handler's non-zero answer interrupts the statement.
class ProgressGuard final
{
public:
    ProgressGuard(Database &db, const SnapshotRemoval::Progress &progress)
        : m_db(db), m_progress(progress)
    {
        if (m_progress)
            sqlite3_progress_handler(m_db.handle(), 20000, &ProgressGuard::tick, this);
    }
    ~ProgressGuard()
    {
        if (m_progress)
            sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
    }
    ProgressGuard(const ProgressGuard &) = delete;
    ProgressGuard &operator=(const ProgressGuard &) = delete;

    // Where the work is, in permille; false once cancelled.
    bool at(int permille)
    {
        m_permille = permille;
        if (m_progress && !m_cancelled && !m_progress(permille))
            m_cancelled = true;
        return !m_cancelled;
    }
    bool cancelled() const { return m_cancelled; }
    // Before a rollback: a handler still answering "cancelled" would interrupt it too.
    void stop()
    {
        if (m_progress)
            sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
    }

private:
    static int tick(void *self)
    {
        auto *guard = static_cast<ProgressGuard *>(self);
        return guard->at(guard->m_permille) ? 0 : 1;
    }

    Database &m_db;
    const SnapshotRemoval::Progress &m_progress;
    int m_permille = 0;
    bool m_cancelled = false;
};

// Foreign keys and triggers off for the removal's own connection (restored on leaving): the
// cascades would look up every child table once per removed parent row, and the rows are
// removed table by table below instead.
class ChecksOff final
{
public:
    explicit ChecksOff(Database &db) : m_db(db)
    {
        m_foreignKeys = db.scalarInt("PRAGMA foreign_keys").value_or(0) != 0;
        sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &m_triggers);
        db.exec("PRAGMA foreign_keys = OFF");
        sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    }
    ~ChecksOff()
    {
        if (m_foreignKeys)
            m_db.exec("PRAGMA foreign_keys = ON");
        sqlite3_db_config(m_db.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, m_triggers, nullptr);
    }
    ChecksOff(const ChecksOff &) = delete;
    ChecksOff &operator=(const ChecksOff &) = delete;

private:
    Database &m_db;
    bool m_foreignKeys = false;
    int m_triggers = 1;
};

// The tables whose rows hang off an answer (value rows) or a snapshot, from the schema, so
// that a table added later is removed with its snapshot without being listed here.
std::vector<std::string> tablesWithColumn(Database &db, const char *column)
{
    Statement st(db, "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c "
                     "WHERE m.type = 'table' AND c.name = ?1 ORDER BY m.name");
    st.bind(1, std::string_view(column));
    std::vector<std::string> names;
    while (st.step())
        names.emplace_back(st.textView(0));
    return names;
}

std::string quoted(const std::string &name)
{
    return '"' + name + '"';
}

} // namespace

SnapshotRemoval::Result SnapshotRemoval::remove(Database &db, const QList<qint64> &ids,
                                                const Progress &progress)
{
    Result r;
    ProgressGuard guard(db, progress);
    const auto failed = [&] {
        guard.stop();
        if (guard.cancelled()) {
            r.cancelled = true;
        } else {
            r.error = db.lastError();
            if (r.error.isEmpty())
                r.error = tr("the snapshots could not be removed");
        }
        return r;
    };
    const ChecksOff checksOff(db);
    Transaction tx(db);
    if (!tx.isActive())
        return failed();
    // What goes: the snapshots, the endpoints they have (candidates: those no remaining
    // snapshot has go too) and the months they were taken in (likewise for the checklist).
    if (!db.exec("CREATE TEMP TABLE gone (id INTEGER PRIMARY KEY);"
                 "CREATE TEMP TABLE gone_endpoint (id INTEGER PRIMARY KEY);"
                 "CREATE TEMP TABLE gone_month (month TEXT PRIMARY KEY)"))
        return failed();
    Statement add(db, "INSERT INTO temp.gone (id) SELECT id FROM snapshot WHERE id = ?1");
    for (const qint64 id : ids) {
        if (!add.bind(1, std::int64_t(id)).run()) {
            if (add.errorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
                continue; // named twice
            return failed();
        }
    }
    const std::int64_t goneCount = db.scalarInt("SELECT count(*) FROM temp.gone").value_or(0);
    const std::int64_t keptCount =
        db.scalarInt("SELECT count(*) FROM snapshot WHERE id NOT IN (SELECT id FROM temp.gone)")
            .value_or(0);
    if (!db.exec("INSERT INTO temp.gone_endpoint SELECT DISTINCT endpoint_id FROM "
                 "snapshot_endpoint WHERE snapshot_id IN (SELECT id FROM temp.gone);"
                 // An alert's finding names its endpoint even when the snapshot has no answer
                 // of it.
                 "INSERT OR IGNORE INTO temp.gone_endpoint SELECT endpoint_id FROM finding "
                 "WHERE snapshot_id IN (SELECT id FROM temp.gone) AND endpoint_id IS NOT NULL;"
                 "INSERT INTO temp.gone_month SELECT DISTINCT substr(taken_at, 1, 7) FROM "
                 "snapshot WHERE id IN (SELECT id FROM temp.gone)"))
        return failed();
    if (!guard.at(50))
        return failed();

    // The findings' search index keeps no link to its rows (FindingSearch): their entries go
    // first, with the values they were indexed with. When most findings go, building the
    // index again from those left is quicker than deleting entry by entry.
    const bool rebuildSearch = goneCount > keptCount;
    if (!rebuildSearch) {
        Statement each(db, "SELECT id FROM temp.gone ORDER BY id");
        std::vector<std::int64_t> gone;
        while (each.step())
            gone.push_back(each.int64(0));
        for (size_t i = 0; i < gone.size(); ++i) {
            QString why;
            if (!FindingSearch::unindex(db, gone[i], &why)) {
                db.setError(why);
                return failed();
            }
            if (!guard.at(50 + int(250 * (i + 1) / gone.size())))
                return failed();
        }
    }
    guard.at(300);

    // Value rows first: they find their answers through the answer table.
    const std::vector<std::string> perSnapshot = tablesWithColumn(db, "snapshot_id");
    const std::vector<std::string> perAnswer = tablesWithColumn(db, "answer_id");
    int step = 0;
    const int steps = int(perAnswer.size() + perSnapshot.size()) + 1;
    for (const std::string &table : perAnswer) {
        if (std::find(perSnapshot.begin(), perSnapshot.end(), table) == perSnapshot.end() &&
            !db.exec("DELETE FROM " + quoted(table) +
                     " WHERE answer_id IN (SELECT a.id FROM answer a WHERE a.snapshot_id IN "
                     "(SELECT id FROM temp.gone))"))
            return failed();
        if (!guard.at(300 + 550 * ++step / steps))
            return failed();
    }
    for (const std::string &table : perSnapshot) {
        if (!db.exec("DELETE FROM " + quoted(table) +
                     " WHERE snapshot_id IN (SELECT id FROM temp.gone)"))
            return failed();
        if (!guard.at(300 + 550 * ++step / steps))
            return failed();
    }
    if (!db.exec("DELETE FROM snapshot WHERE id IN (SELECT id FROM temp.gone)"))
        return failed();
    r.snapshots = db.changes();
    if (!guard.at(850))
        return failed();

    // Endpoints that a remaining snapshot has stay, with their notes and exceptions.
    if (!db.exec("DELETE FROM temp.gone_endpoint WHERE id IN "
                 "(SELECT endpoint_id FROM snapshot_endpoint)") ||
        !db.exec("DELETE FROM temp.gone_endpoint WHERE EXISTS (SELECT 1 FROM finding f "
                 "WHERE f.endpoint_id = temp.gone_endpoint.id)") ||
        !db.exec("DELETE FROM note WHERE endpoint_id IN (SELECT id FROM temp.gone_endpoint)"))
        return failed();
    r.notes = db.changes();
    if (!db.exec("DELETE FROM endpoint WHERE id IN (SELECT id FROM temp.gone_endpoint)"))
        return failed();
    r.endpoints = db.changes();
    if (!db.exec("DELETE FROM alert WHERE id NOT IN (SELECT alert_id FROM alert_observation)") ||
        !db.exec("DELETE FROM temp.gone_month WHERE month IN "
                 "(SELECT substr(taken_at, 1, 7) FROM snapshot)"))
        return failed();
    const std::int64_t months =
        db.scalarInt("SELECT count(DISTINCT month) FROM checklist WHERE month IN "
                     "(SELECT month FROM temp.gone_month)")
            .value_or(0);
    if (!db.exec("DELETE FROM checklist WHERE month IN (SELECT month FROM temp.gone_month)"))
        return failed();
    r.checklistMonths = int(months);
    if (!guard.at(900))
        return failed();
    if (rebuildSearch && !db.exec("INSERT INTO finding_search(finding_search) VALUES ('rebuild')"))
        return failed();
    if (!db.exec("DROP TABLE temp.gone; DROP TABLE temp.gone_endpoint; DROP TABLE temp.gone_month"))
        return failed();
    if (!guard.at(990) || !tx.commit())
        return failed();
    r.ok = true;
    return r;
}

bool SnapshotRemoval::reclaimSpace(Database &db, const Progress &progress, bool *cancelled,
                                   QString *error)
{
    *cancelled = false;
    ProgressGuard guard(db, progress);
    const auto failed = [&] {
        guard.stop();
        *cancelled = guard.cancelled();
        if (!*cancelled)
            *error = db.lastError();
        return false;
    };
    if (db.scalarInt("PRAGMA auto_vacuum").value_or(0) == 0) {
        // A workspace from before incremental auto-vacuum: turned on by rewriting the file
        // once (the rewrite is one transaction of its own; cancelled, nothing changes).
        if (!db.exec("PRAGMA auto_vacuum = INCREMENTAL") || !db.exec("VACUUM"))
            return failed();
    } else {
        // A few thousand pages per transaction, so that progress moves and Cancel answers.
        const std::int64_t total = db.scalarInt("PRAGMA freelist_count").value_or(0);
        for (std::int64_t left = total; left > 0;
             left = db.scalarInt("PRAGMA freelist_count").value_or(0)) {
            if (!guard.at(int(1000 * (total - left) / total)))
                return failed();
            Statement vacuum(db, "PRAGMA incremental_vacuum(4096)");
            while (vacuum.step()) {
            }
            if (!vacuum.ok()) {
                db.setError(vacuum.error());
                return failed();
            }
        }
    }
    // In WAL mode the file only shrinks at a checkpoint; TRUNCATE empties the log too.
    Statement checkpoint(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    while (checkpoint.step()) {
    }
    guard.at(1000);
    return true;
}

} // namespace trh
