#pragma once

#include <QString>

namespace trh {

class Database;

// The store's schema and its migrations. The version lives in PRAGMA user_version; every
// migration step runs in one transaction. A file written by a newer trhealth (a higher
// version than currentVersion()) is never touched.
class Schema final
{
public:
    static int currentVersion();
    // The oldest version a read-only file (a snapshot file from an older trhealth) is read
    // at without an upgrade: the steps after it only add what readers do without (6: the
    // snapshots' stored_bytes, read as unknown).
    static int oldestReadableVersion();
    // 'TRHT' in PRAGMA application_id marks our files.
    static int applicationId();

    enum class Status
    {
        Ok,
        NewerVersion,
        NotOurs,
        Failed,    // not an SQLite file, or damaged
        Unreadable // a sound file that cannot be read now (disk full, I/O error, locked)
    };
    struct Result
    {
        Status status = Status::Ok;
        int fileVersion = 0;
        QString error;
    };
    // Brings an open read-write database up to currentVersion(). Empty files are created.
    static Result migrate(Database &db);
    // Up to targetVersion only (<= currentVersion()): for tests that need an older file.
    static Result migrate(Database &db, int targetVersion);
    // Checks without changing anything (for read-only opening).
    static Result check(Database &db);
    // Compares the file's schema objects (type, name, table and SQL of every row of
    // sqlite_schema) with exactly the set that trhealth's migrations create at that version.
    // A table, index, view or trigger trhealth did not create, a missing one, or one whose SQL
    // was changed makes it false with a one-line *error: a file from someone else must not
    // bring along anything that runs or reads differently.
    static bool checkObjects(Database &db, int version, QString *error);
    // PRAGMA quick_check on an open database: true if it answers "ok"; otherwise *error says
    // what SQLite found, in one line.
    static bool quickCheck(Database &db, QString *error);
};

} // namespace trh
