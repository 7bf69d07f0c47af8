#include "Store.h"
#include "core/OutputFile.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace trh {

namespace {

// The size up to which an existing workspace is checked before it is written (see open()).
constexpr qint64 kQuickCheckBytes = qint64(64) * 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("trh::Store", text);
}

} // namespace

bool Store::isSnapshotFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("trhealth"), Qt::CaseInsensitive) == 0;
}

std::int64_t Store::usedBytes(Database &db)
{
    const auto pages = db.scalarInt("PRAGMA page_count");
    const auto free = db.scalarInt("PRAGMA freelist_count");
    const auto size = db.scalarInt("PRAGMA page_size");
    if (!pages || !free || !size)
        return -1;
    return (*pages - *free) * *size;
}

bool Store::addStoredBytes(Database &db, std::int64_t snapshotId, std::int64_t usedBefore)
{
    const std::int64_t now = usedBytes(db);
    if (usedBefore < 0 || now < 0)
        return true; // unmeasured: Manage Snapshots estimates the size
    Statement st(db, "UPDATE snapshot SET stored_bytes = coalesce(stored_bytes, 0) + ?2 "
                     "WHERE id = ?1");
    st.bind(1, snapshotId).bind(2, std::max<std::int64_t>(0, now - usedBefore));
    return st.run();
}

bool Store::opensReadOnly(const QString &path)
{
    const QFileInfo info(path);
    return isSnapshotFile(path) || (info.exists() && !info.isWritable());
}

Store::OpenResult Store::open(Database &db, const QString &path, OpenMode mode)
{
    OpenResult r;
    if (mode == OpenMode::Reading)
        mode = opensReadOnly(path) ? OpenMode::ReadOnly : OpenMode::Existing;
    r.readOnly = mode == OpenMode::ReadOnly;
    auto failWith = [&](Status status, const QString &what) {
        r.status = status;
        r.error = QStringLiteral("%1: %2").arg(path, what.simplified()); // one line
        db.close();
        return r;
    };
    const QFileInfo info(path);
    if (mode != OpenMode::CreateOrUpgrade && !info.exists())
        return failWith(Status::Missing, QStringLiteral("no such file"));
    // A FIFO, a device or a folder is bad input (exit 2), and is never opened: a FIFO would
    // block the open.
    if (info.exists() && !info.isFile())
        return failWith(Status::NotOurs,
                        QStringLiteral("%1, not a regular file").arg(OutputFile::kindOf(path)));
    const bool snapshotFile = isSnapshotFile(path);
    if (snapshotFile && mode != OpenMode::ReadOnly)
        return failWith(Status::Failed, tr("a snapshot file opens read-only; import into or "
                                           "change a workspace (.trdb) instead"));

    if (!db.open(path, mode != OpenMode::ReadOnly ? Database::Mode::ReadWrite
                       : snapshotFile             ? Database::Mode::Immutable
                                                  : Database::Mode::ReadOnly))
        return failWith(Status::Failed, db.lastError());

    // The schema check reads the header first: a file that is not SQLite fails here, before
    // any pragma could write to it.
    const Schema::Result check = Schema::check(db);
    switch (check.status) {
    case Schema::Status::Ok:
        break;
    case Schema::Status::NewerVersion:
        return failWith(Status::NewerSchema, check.error);
    case Schema::Status::NotOurs:
        return failWith(Status::NotOurs, check.error);
    case Schema::Status::Failed:
        return failWith(Status::Damaged, check.error);
    case Schema::Status::Unreadable:
        return failWith(Status::Failed, check.error);
    }
    if (QString why; !Schema::checkObjects(db, check.fileVersion, &why))
        return failWith(Status::NotOurs, why);
    if (!db.exec("PRAGMA foreign_keys = ON"))
        return failWith(Status::Failed, db.lastError());
    if (mode == OpenMode::ReadOnly) {
        if (check.fileVersion == 0)
            return failWith(Status::NotOurs, tr("the file holds no trhealth data"));
        if (check.fileVersion != Schema::currentVersion())
            return failWith(Status::Failed,
                            QStringLiteral("schema version %1 needs an upgrade, which a read-only "
                                           "file cannot get")
                                .arg(check.fileVersion));
        db.exec("PRAGMA query_only = ON");
        return r;
    }
    // Before anything is written to an existing workspace, SQLite checks its structure
    // (duplicated or lost pages, broken b-trees): writing into a damaged file spreads the
    // damage. It reads the whole file — measured 2.6 ms per MB warm, 5 ms cold, so 6–13 s for
    // the 2.4 GB of two months of a million endpoints — so it runs only up to 64 MiB (under
    // 0.35 s); a larger workspace is checked when exported, and by SQLite as it reads.
    if (check.fileVersion > 0 && info.size() <= kQuickCheckBytes) {
        if (QString why; !Schema::quickCheck(db, &why))
            return failWith(
                Status::Damaged,
                tr("%1; nothing was written to it — restore it from a backup").arg(why));
    }
    // A new workspace gets 16 KiB pages (measured ~15% faster bulk imports than 4 KiB) and
    // incremental auto-vacuum, so that removing snapshots gives their space back without
    // rewriting the file (SnapshotRemoval::reclaimSpace). Both only take on an empty file.
    if (check.fileVersion == 0 &&
        db.scalarInt("SELECT count(*) FROM sqlite_schema").value_or(1) == 0)
        db.exec("PRAGMA page_size = 16384; PRAGMA auto_vacuum = INCREMENTAL");
    if (!db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                 "PRAGMA cache_size = -32768"))
        return failWith(Status::Failed, db.lastError());
    const Schema::Result migrated = Schema::migrate(db);
    if (migrated.status != Schema::Status::Ok)
        return failWith(Status::Failed, migrated.error);
    return r;
}

} // namespace trh
