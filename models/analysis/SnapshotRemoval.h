#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace trh {

class Database;

// Removes snapshots from a workspace (or from the copy a snapshot file is made of) with every
// row only they use, in one transaction: their answers, value rows, findings (and their
// entries in the search index), profiles and alert observations; the endpoints that no
// remaining snapshot has, with their notes and exceptions; alerts nothing observes any more;
// the checklist months in which no remaining snapshot was taken. Killed or cancelled at any
// moment, the file holds either every snapshot or none of those removed.
class SnapshotRemoval final
{
public:
    SnapshotRemoval() = delete;

    struct Result
    {
        bool ok = false;
        bool cancelled = false; // progress returned false: rolled back, nothing changed
        QString error;
        int snapshots = 0, notes = 0, checklistMonths = 0, endpoints = 0;
    };
    // progress(permille) is called often while the rows go; false cancels.
    using Progress = std::function<bool(int permille)>;

    // db must be writable and outside a transaction (foreign keys and triggers are switched
    // off for the removal's statements, which an open transaction does not allow; they are
    // restored after). Ids that name no snapshot are ignored.
    static Result remove(Database &db, const QList<qint64> &ids, const Progress &progress = {});

    // What the file gives back once the removed rows' pages are free: runs an incremental
    // vacuum (a file with auto_vacuum = INCREMENTAL) or, for an older file without it, turns
    // it on and rewrites the file once (VACUUM); then truncates the write-ahead log. Each
    // step is its own transaction. False with cancelled or *error set.
    static bool reclaimSpace(Database &db, const Progress &progress, bool *cancelled,
                             QString *error);
};

} // namespace trh
