#pragma once

#include <QString>

namespace trh {

// Tells what a file is by its content, not its name: the first 100 bytes of an SQLite file
// are its header, with the magic string at offset 0 and PRAGMA application_id (big-endian) at
// offset 68. The file is only read, never opened with SQLite: a file from someone else may be
// hostile, and nothing past the header is looked at (so a damaged workspace still counts as
// one here; Store::open finds the damage).
class WorkspaceFile final
{
public:
    WorkspaceFile() = delete;

    enum class Kind
    {
        // SQLite with trhealth's application id: a workspace (.trdb) or a snapshot file
        // (.trhealth), whatever the file is called.
        TrhealthWorkspace,
        // SQLite with another application id, or none (0): somebody else's database.
        OtherSqlite,
        // A regular file of zero bytes (SQLite, and Store::open, take it for a new database).
        Empty,
        // Anything else, including a file too short to hold a whole SQLite header.
        NotSqlite,
        // Nothing at the path.
        Missing,
        // Something that is not a regular file (a folder, a device) or cannot be read.
        Unreadable
    };

    // Reads at most the first 100 bytes of path.
    static Kind sniff(const QString &path);
};

} // namespace trh
