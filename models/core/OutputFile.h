#pragma once

#include <QString>

class QFileDevice;

namespace trh {

// Where trhealth writes a file the user named (report, appendix, export, table export): only
// a regular file, which is then replaced whole, or a new name. Anything
// else (a device, a FIFO, a folder, a socket) is refused, and so is a symbolic link that leads
// out of the folder it is in (writing through it would replace a file the user did not choose
// in a folder they did not choose). Writers call it before they open anything; the CLI calls
// it before any work, to refuse with exit 2.
namespace OutputFile {

// True when path may be written; otherwise false and *error, one line naming the path and
// what it is ("…: a character device, not a regular file; choose a file name").
bool check(const QString &path, QString *error);

// What a path that exists but is not a regular file is, in words ("a FIFO (named pipe)").
QString kindOf(const QString &path);

// Why writing path failed, from the device's error: the disk being full is said so, with the
// folder (QSaveFile reports it as "Unknown error" when the final flush fails).
QString whyNotWritten(const QString &path, const QFileDevice &file);

} // namespace OutputFile

} // namespace trh
