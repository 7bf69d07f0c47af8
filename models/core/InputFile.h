#pragma once

#include <QString>

class QFile;

namespace trh {

// Opens an input file (an export, a mapping file) for reading without ever blocking, and
// checks the file that was opened, not its name: a name that is a FIFO, a device or a folder
// when it is opened (even if it was a regular file a moment before, when it was checked or
// previewed) is refused, so an import can never wait forever holding the workspace's lock.
namespace InputFile {

// True and `file` open read-only on success (on POSIX through its descriptor, so
// file.fileName() is empty: callers name the path themselves); otherwise false and *error, the
// reason without the path ("a FIFO (named pipe), not a regular file").
bool open(QFile &file, const QString &path, QString *error);

} // namespace InputFile

} // namespace trh
