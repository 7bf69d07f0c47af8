#pragma once

#include <QString>
#include <QStringList>

#include <chrono>

namespace trh {

// The temporary files trhealth writes beside a file the user chose (a report, an appendix
// CSV, a table export, a snapshot export) before renaming them over it, and their cleaning
// when a killed or crashed run left them behind.
//
// A temporary file is named ".NAME.XXXXXX.part" (NAME the file it becomes, XXXXXX six random
// letters or digits); SQLite may add "-journal", "-wal" and "-shm" to it. While it exists a
// claim in the per-user data folder (temporary-files/) names its path, host and process.
// At the next start of either front end, removeStale() removes what a claim names once its
// process is gone (or, for a claim of another host or a process that is still there, once
// nothing has touched it for kStaleAfter), and sweepFolder() does the same by age alone for
// a folder about to be written into. Only regular files with our names are removed: never a
// symbolic link, a folder, or a file of any other name, whatever a claim says.
namespace TempFiles {

// A live writer touches its file at least every few seconds; a day is far beyond any export.
inline constexpr std::chrono::hours kStaleAfter{24};

// A new temporary name for a file called fileName (a fresh random tag each call).
QString temporaryName(const QString &fileName);

// True for a name temporaryName() makes, alone or with a SQLite companion suffix.
bool isOurName(const QString &fileName);

// Records that this process is writing path (an absolute file name of ours). Returns the
// claim to release, or an empty string when the data folder cannot be written (the write
// goes on; only the cleaning after a crash is lost).
QString claim(const QString &path);

// Drops a claim once its file is renamed into place or removed.
void release(const QString &claim);

// Removes the files of stale claims (and the claims). Returns the paths removed.
QStringList removeStale();

// Removes files with our names in folder that nothing touched for kStaleAfter. Returns the
// paths removed.
QStringList sweepFolder(const QString &folder);

// Where the claims are kept.
QString claimFolder();

} // namespace TempFiles
} // namespace trh
