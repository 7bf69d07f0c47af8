#include "SnapshotFile.h"
#include "core/AtomicFile.h"
#include "core/OutputFile.h"

#include "analysis/Analyzer.h"
#include "store/Database.h"
#include "store/Schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace trh {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("trh::SnapshotFile", text);
}

// The export's progress through its stages, and the cancel request. SQLite's progress
// handler polls it during the long statements (pruning and VACUUM).
struct Job
{
    const SnapshotFile::Progress &progress;
    int permille = 0;
    bool cancelled = false;

    bool report(int value)
    {
        permille = value;
        if (!cancelled && progress && !progress(value))
            cancelled = true;
        return !cancelled;
    }
};

int pollCancel(void *context)
{
    auto *job = static_cast<Job *>(context);
    return job->report(job->permille) ? 0 : 1;
}

// Copies every page of src into dst with the backup API, a chunk at a time, reporting
// progress from `from` to `to` permille.
bool backup(Database &src, Database &dst, Job &job, int from, int to, QString *error)
{
    sqlite3_backup *b = sqlite3_backup_init(dst.handle(), "main", src.handle(), "main");
    if (!b) {
        *error = QString::fromUtf8(sqlite3_errmsg(dst.handle()));
        return false;
    }
    int rc = SQLITE_OK;
    while (true) {
        // 1,024 pages a step: 16 MiB with the workspace's pages, a few per second.
        rc = sqlite3_backup_step(b, 1024);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
        } else if (rc != SQLITE_OK) {
            break;
        }
        const int total = sqlite3_backup_pagecount(b);
        const int done = total - sqlite3_backup_remaining(b);
        if (!job.report(from + (total > 0 ? int(qint64(to - from) * done / total) : 0)))
            break;
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        if (!job.cancelled)
            *error = QString::fromUtf8(sqlite3_errstr(rc));
        return false;
    }
    return true;
}

// The names of the tables that have a column `column`.
QStringList tablesWithColumn(Database &db, const char *column)
{
    Statement st(db, "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c "
                     "WHERE m.type = 'table' AND c.name = ?1 ORDER BY m.name");
    st.bind(1, std::string_view(column));
    QStringList names;
    while (st.step())
        names << st.text(0);
    return names;
}

std::string quoted(const QString &name)
{
    return '"' + name.toStdString() + '"';
}

// In the copy: removes every snapshot not chosen, with every row of every table that has a
// snapshot_id (or hangs off an answer), then the endpoints, notes, alerts, value keys and
// checklist months no kept snapshot uses. Foreign keys and triggers are off for speed (the
// cascades cost a scan per parent row); PRAGMA foreign_key_check at the end proves that
// nothing left points at a removed row.
bool prune(Database &db, const QList<qint64> &ids, QString *error)
{
    const auto failed = [&] {
        *error = db.lastError();
        return false;
    };
    if (!db.exec("PRAGMA foreign_keys = OFF"))
        return failed();
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    Transaction tx(db);
    if (!tx.isActive() || !db.exec("CREATE TEMP TABLE keep (id INTEGER PRIMARY KEY)"))
        return failed();
    Statement keep(db, "INSERT OR IGNORE INTO temp.keep (id) VALUES (?1)");
    for (const qint64 id : ids) {
        if (!keep.bind(1, std::int64_t(id)).run())
            return failed();
    }
    const QStringList perSnapshot = tablesWithColumn(db, "snapshot_id");
    // Value rows first: they find their answers through the answer table.
    for (const QString &table : tablesWithColumn(db, "answer_id")) {
        if (!perSnapshot.contains(table) &&
            !db.exec("DELETE FROM " + quoted(table) +
                     " WHERE answer_id IN (SELECT id FROM answer WHERE snapshot_id NOT IN "
                     "(SELECT id FROM temp.keep))"))
            return failed();
    }
    std::string usedEndpoints = "CREATE TEMP TABLE used_endpoint AS SELECT NULL AS id WHERE 0";
    const QStringList withEndpoint = tablesWithColumn(db, "endpoint_id");
    for (const QString &table : perSnapshot) {
        if (!db.exec("DELETE FROM " + quoted(table) +
                     " WHERE snapshot_id NOT IN (SELECT id FROM temp.keep)"))
            return failed();
        if (withEndpoint.contains(table))
            usedEndpoints += " UNION SELECT endpoint_id FROM " + quoted(table) +
                             " WHERE endpoint_id IS NOT NULL";
    }
    if (!db.exec("DELETE FROM snapshot WHERE id NOT IN (SELECT id FROM temp.keep)") ||
        !db.exec(usedEndpoints) ||
        !db.exec("DELETE FROM note WHERE endpoint_id NOT IN (SELECT id FROM temp.used_endpoint);"
                 "DELETE FROM endpoint WHERE id NOT IN (SELECT id FROM temp.used_endpoint);"
                 "DELETE FROM alert WHERE id NOT IN (SELECT alert_id FROM alert_observation);"
                 "DELETE FROM value_key WHERE id NOT IN (SELECT key_id FROM cx_status"
                 "  UNION SELECT key_id FROM client_setting UNION SELECT key_id FROM tr_status);"
                 "DELETE FROM checklist WHERE month NOT IN (SELECT substr(taken_at, 1, 7) FROM "
                 "snapshot);"
                 "DROP TABLE temp.used_endpoint; DROP TABLE temp.keep;"))
        return failed();
    // The findings' search index is kept apart from the rows it indexes (FindingSearch): built
    // again from the findings left, so no text of a removed snapshot stays in the file.
    if (!db.exec("INSERT INTO finding_search(finding_search) VALUES ('rebuild')"))
        return failed();
    Statement dangling(db, "PRAGMA foreign_key_check");
    if (dangling.step()) {
        *error = tr("the copy still refers to removed rows (table %1)").arg(dangling.text(0));
        return false;
    }
    if (!dangling.ok() || !tx.commit())
        return failed();
    return true;
}

} // namespace

SnapshotFile::ExportResult SnapshotFile::exportSnapshots(const QString &sourcePath,
                                                         const QList<qint64> &ids,
                                                         const QString &outPath,
                                                         const Progress &progress)
{
    ExportResult result;
    Job job{progress};
    const auto failWith = [&](const QString &why) {
        result.error = QStringLiteral("%1: %2").arg(outPath, why);
        return result;
    };
    if (ids.isEmpty())
        return failWith(tr("no snapshot chosen"));
    const QFileInfo out(outPath);
    if (out.exists() && QFileInfo(sourcePath).exists() &&
        out.canonicalFilePath() == QFileInfo(sourcePath).canonicalFilePath())
        return failWith(tr("the snapshot file cannot replace the workspace it comes from"));
    if (QString why; !OutputFile::check(outPath, &why)) {
        result.error = why;
        return result;
    }

    Database src;
    const Store::OpenResult opened = Store::open(src, sourcePath, Store::OpenMode::Reading);
    if (!opened.ok()) {
        result.error = opened.error;
        return result;
    }
    // Every exported snapshot carries its findings: analyse what was not analysed yet.
    for (qsizetype i = 0; i < ids.size(); ++i) {
        Statement exists(src, "SELECT 1 FROM snapshot WHERE id = ?1");
        exists.bind(1, std::int64_t(ids[i]));
        if (!exists.step())
            return failWith(tr("%1 has no snapshot %2").arg(sourcePath).arg(ids[i]));
        QString why;
        if (!Analyzer::ensure(src, ids[i], &why))
            return failWith(tr("snapshot %1 cannot be analysed: %2").arg(ids[i]).arg(why));
        if (!job.report(int(100 * (i + 1) / ids.size()))) {
            result.cancelled = true;
            return result;
        }
    }

    // Built beside the destination (same file system, so the final rename is atomic) under a
    // temporary name of ours: removed on any failure, and at the next run if this one is killed.
    AtomicFile partial(outPath);
    if (!partial.open(QIODevice::WriteOnly)) {
        result.error = OutputFile::whyNotWritten(outPath, partial);
        return result;
    }
    partial.close();
    const QString partialPath = partial.fileName();
    // The partial file and SQLite's journal, if one was left, go with `partial`.
    const auto discard = [&] {
        partial.cancel();
        return result;
    };
    const auto failAndDiscard = [&](const QString &error) {
        failWith(error);
        return discard();
    };

    QString why;
    {
        Database dst;
        if (!dst.open(partialPath, Database::Mode::ReadWrite))
            return failAndDiscard(dst.lastError());
        if (!backup(src, dst, job, 100, 700, &why)) {
            result.cancelled = job.cancelled;
            return job.cancelled ? discard()
                                 : failAndDiscard(tr("copying the workspace failed: %1").arg(why));
        }
        src.close();
        sqlite3_progress_handler(dst.handle(), 4000, pollCancel, &job);
        // The copy is thrown away on any failure: no rollback journal and no syncing while
        // it is pruned; VACUUM then rewrites it whole and syncs it. The copy leaves
        // write-ahead logging behind (a snapshot file is one file) and ends in the plain
        // rollback-journal mode.
        if (!dst.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF") ||
            !prune(dst, ids, &why) || !job.report(850) ||
            !dst.exec("PRAGMA synchronous = FULL; VACUUM; PRAGMA journal_mode = DELETE")) {
            result.cancelled = job.cancelled;
            return job.cancelled ? discard()
                                 : failAndDiscard(why.isEmpty() ? dst.lastError() : why);
        }
        sqlite3_progress_handler(dst.handle(), 0, nullptr, nullptr);
    }
    if (!job.report(950)) {
        result.cancelled = true;
        return discard();
    }
    // The file must pass the same checks as any file opened from someone else.
    if (const Store::OpenResult check = verify(partialPath); !check.ok())
        return failAndDiscard(check.error);
    if (!partial.commit()) {
        result.error = OutputFile::whyNotWritten(outPath, partial);
        return result;
    }
    job.report(1000);
    result.ok = true;
    return result;
}

Store::OpenResult SnapshotFile::openChecked(Database &db, const QString &path, Store::OpenMode mode)
{
    Store::OpenResult r = Store::open(db, path, mode);
    if (!r.ok())
        return r;
    if (QString why; !Schema::quickCheck(db, &why)) {
        r.status = Store::Status::Damaged;
        r.error = QStringLiteral("%1: %2").arg(path, why);
        db.close();
    }
    return r;
}

Store::OpenResult SnapshotFile::verify(const QString &path)
{
    Database db;
    return openChecked(db, path, Store::OpenMode::ReadOnly);
}

} // namespace trh
