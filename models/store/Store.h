#pragma once

#include "Database.h"
#include "Schema.h"

#include <QString>

#include <cstdint>

namespace trh {

// Opens a workspace file the way the app always wants it: foreign keys on, WAL, schema
// migrated (or checked, read-only), extensions and untrusted schema functions off.
class Store final
{
public:
    enum class OpenMode
    {
        CreateOrUpgrade, // read-write; an empty or missing file becomes a new workspace
        Existing,        // read-write; the file must exist
        ReadOnly,        // nothing is ever written (and the schema is only checked)
        // For reading commands that like to store lazily computed analysis: Existing for a
        // writable workspace, ReadOnly for a snapshot file or a file that cannot be written.
        Reading,
    };
    enum class Status
    {
        Ok,
        Missing,
        NewerSchema,
        NotOurs,
        Damaged,
        Failed
    };

    struct OpenResult
    {
        Status status = Status::Ok;
        QString error;         // one line, naming the file
        bool readOnly = false; // opened read-only (asked for, or a Reading fallback)
        bool ok() const { return status == Status::Ok; }
    };

    // Every mode checks the application id, the schema version and that the file holds
    // exactly the tables, indexes, views and triggers trhealth creates (Schema::checkObjects).
    // A snapshot file (isSnapshotFile) only ever opens read-only and immutable: Existing and
    // CreateOrUpgrade refuse it.
    static OpenResult open(Database &db, const QString &path, OpenMode mode);

    // A snapshot file: a .trhealth file, someone's export of snapshots, opened read-only.
    static bool isSnapshotFile(const QString &path);
    // Whether open(path, Reading) opens read-only: a snapshot file or one that cannot be
    // written.
    static bool opensReadOnly(const QString &path);

    // The bytes of the database's pages in use (page_count - freelist_count), as the open
    // transaction sees them; -1 when they cannot be read.
    static std::int64_t usedBytes(Database &db);
    // Adds what the file grew by since usedBefore (usedBytes() then) to the snapshot's
    // stored_bytes, in the caller's transaction: what Manage Snapshots shows as its size.
    static bool addStoredBytes(Database &db, std::int64_t snapshotId, std::int64_t usedBefore);
};

} // namespace trh
