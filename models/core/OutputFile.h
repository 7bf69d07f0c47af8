#pragma once

#include <QString>

namespace trh {

// Where trhealth writes a file the user named (report, appendix, export, table export): only
// a regular file, which is then replaced whole, or a new name in an existing folder. Anything
// else (a device, a FIFO, a folder, a socket) is refused, and so is a symbolic link that leads
// out of the folder it is in (writing through it would replace a file the user did not choose
// in a folder they did not choose). Writers call it before they open anything; the CLI calls
// it before any work, to refuse with exit 2.
namespace OutputFile {

// True when path may be written; otherwise false and *error, one line naming the path and
// what it is ("…: a character device, not a regular file; choose a file name").
bool check(const QString &path, QString *error);

} // namespace OutputFile

} // namespace trh
