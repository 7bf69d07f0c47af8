#pragma once

#include "store/Store.h"

#include <QList>
#include <QString>

#include <functional>

namespace trh {

class Database;

// Offline snapshot files (.trhealth): one or more snapshots of a workspace, with their
// findings, per-endpoint states, analysis figures, import reports, the notes of their
// endpoints, the checklists of their months and the expected versions, in a standalone
// SQLite file with the app's schema. Written through the SQLite backup API; opened
// read-only and defensively, since such files come from other people.
class SnapshotFile final
{
public:
    // Export progress in permille of the whole job; return false to cancel.
    using Progress = std::function<bool(int permille)>;

    struct ExportResult
    {
        bool ok = false;
        bool cancelled = false;
        QString error; // one line; empty when cancelled
    };

    // Writes the snapshots `ids` of the workspace at sourcePath to outPath. Each snapshot is
    // analysed first (in the workspace) so the file carries its findings. The file appears
    // only complete: it is built next to outPath under a temporary name and renamed over it
    // at the end; a failure or a cancel leaves no file and outPath as it was.
    static ExportResult exportSnapshots(const QString &sourcePath, const QList<qint64> &ids,
                                        const QString &outPath, const Progress &progress = {});

    // Opens path the way File → Open does with a file from someone else: Store::open in
    // `mode` (application id, schema version, exactly trhealth's schema objects, trusted
    // schema off; a snapshot file read-only and immutable), then PRAGMA quick_check. A
    // refusal has a one-line error naming the file.
    static Store::OpenResult openChecked(Database &db, const QString &path,
                                         Store::OpenMode mode = Store::OpenMode::ReadOnly);
    // The same check without keeping the connection.
    static Store::OpenResult verify(const QString &path);
};

} // namespace trh
