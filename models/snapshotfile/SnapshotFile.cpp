#include "SnapshotFile.h"
#include "core/AtomicFile.h"
#include "core/OutputFile.h"

#include "analysis/Analyzer.h"
#include "analysis/FindingSearch.h"
#include "store/Database.h"
#include "store/Schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

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

// The tables of the schema that hold rows (not FTS5's own, not SQLite's), with their columns.
std::vector<std::pair<std::string, std::string>> tablesAndColumns(Database &db)
{
    Statement st(db, "SELECT m.name, group_concat('\"' || c.name || '\"', ', ') "
                     "FROM sqlite_master m, pragma_table_info(m.name) c "
                     "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                     "AND m.name NOT LIKE 'finding\\_search%' ESCAPE '\\' "
                     "AND m.sql NOT LIKE 'CREATE VIRTUAL%' GROUP BY m.name ORDER BY m.name");
    std::vector<std::pair<std::string, std::string>> tables;
    while (st.step())
        tables.emplace_back(std::string(st.textView(0)), std::string(st.textView(1)));
    return tables;
}

// Which rows of a table the snapshot file takes from the workspace (attached as `src`): those
// of the chosen snapshots (temp.keep) and what they use. Empty for a table trhealth does not
// know, which fails the export rather than guess what of it may leave the workspace.
std::string rowsToCopy(const std::string &table, const std::string &columns)
{
    static const std::string endpoints =
        "(SELECT endpoint_id FROM src.snapshot_endpoint WHERE snapshot_id IN temp.keep "
        "UNION SELECT endpoint_id FROM src.finding WHERE snapshot_id IN temp.keep)";
    if (table == "snapshot")
        return "id IN temp.keep";
    if (columns.find("\"snapshot_id\"") != std::string::npos)
        return "snapshot_id IN temp.keep";
    if (columns.find("\"answer_id\"") != std::string::npos)
        return "answer_id IN (SELECT id FROM src.answer WHERE snapshot_id IN temp.keep)";
    if (table == "endpoint")
        return "id IN " + endpoints;
    if (table == "note")
        return "endpoint_id IN " + endpoints;
    if (table == "alert")
        return "id IN (SELECT alert_id FROM src.alert_observation WHERE snapshot_id IN temp.keep)";
    if (table == "checklist")
        return "month IN (SELECT substr(taken_at, 1, 7) FROM src.snapshot WHERE id IN temp.keep)";
    if (table == "value_key")
        return "id IN (SELECT key_id FROM main.cx_status UNION SELECT key_id FROM "
               "main.client_setting UNION SELECT key_id FROM main.tr_status)";
    if (table == "expected_version")
        return "1";
    return {};
}

// Fills dst, a new file with trhealth's schema, with the chosen snapshots of the workspace at
// srcPath and everything they use (the endpoints, their notes, the alerts, the checklist of
// their months, the expected versions), then indexes their findings for search. Only those
// rows are read and written: the time goes with what is exported, not with the workspace.
bool copySnapshots(Database &dst, const QString &srcPath, bool immutable, const QList<qint64> &ids,
                   Job &job, QString *error)
{
    const auto failed = [&] {
        *error = dst.lastError();
        return false;
    };
    if (!dst.attachReadOnly(srcPath, "src", immutable))
        return failed();
    {
        Transaction tx(dst);
        if (!tx.isActive() || !dst.exec("CREATE TEMP TABLE keep (id INTEGER PRIMARY KEY)"))
            return failed();
        Statement keep(dst, "INSERT OR IGNORE INTO temp.keep (id) VALUES (?1)");
        for (const qint64 id : ids) {
            if (!keep.bind(1, std::int64_t(id)).run())
                return failed();
        }
        auto tables = tablesAndColumns(dst);
        // value_key last: it keeps the keys of the value rows copied before it.
        std::stable_partition(tables.begin(), tables.end(),
                              [](const auto &t) { return t.first != "value_key"; });
        for (size_t i = 0; i < tables.size(); ++i) {
            const auto &[table, columns] = tables[i];
            const std::string where = rowsToCopy(table, columns);
            if (where.empty()) {
                *error = tr("the workspace has a table trhealth cannot export (%1)")
                             .arg(QString::fromStdString(table));
                return false;
            }
            if (!dst.exec("INSERT INTO main.\"" + table + "\" (" + columns + ") SELECT " + columns +
                          " FROM src.\"" + table + "\" WHERE " + where))
                return failed();
            if (!job.report(100 + int(600 * (i + 1) / tables.size())))
                return failed();
        }
        Statement kept(dst, "SELECT id FROM temp.keep ORDER BY id");
        std::vector<std::int64_t> snapshots;
        while (kept.step())
            snapshots.push_back(kept.int64(0));
        for (const std::int64_t id : snapshots) {
            if (QString why; !FindingSearch::index(dst, id, &why)) {
                *error = why;
                return false;
            }
        }
        if (!dst.exec("DROP TABLE temp.keep") || !tx.commit())
            return failed();
    }
    return dst.exec("DETACH DATABASE src") || failed();
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
        // src stays open while its rows are read through dst: its connection keeps the
        // workspace's write-ahead log there to be read.
        Database dst;
        if (!dst.open(partialPath, Database::Mode::ReadWrite))
            return failAndDiscard(dst.lastError());
        sqlite3_progress_handler(dst.handle(), 4000, pollCancel, &job);
        // The file is thrown away on any failure, so it is filled without a rollback journal
        // (each commit still syncs it); it ends in the plain rollback-journal mode (a
        // snapshot file is one file).
        if (!dst.exec("PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; "
                      "PRAGMA synchronous = FULL") ||
            Schema::migrate(dst).status != Schema::Status::Ok ||
            !copySnapshots(dst, sourcePath, Store::isSnapshotFile(sourcePath), ids, job, &why) ||
            !job.report(850) ||
            // The indexes were filled in table order, which leaves their pages part-empty:
            // VACUUM writes them afresh (12 % smaller) and reads only what was exported.
            !dst.exec("VACUUM") || !dst.exec("PRAGMA journal_mode = DELETE")) {
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
