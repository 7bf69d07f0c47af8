#include "OutputFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QStorageInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace trh::OutputFile {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("trh::OutputFile", text);
}

bool refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString kindOf(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        if (S_ISCHR(st.st_mode))
            return tr("a character device");
        if (S_ISBLK(st.st_mode))
            return tr("a block device");
        if (S_ISFIFO(st.st_mode))
            return tr("a FIFO (named pipe)");
        if (S_ISSOCK(st.st_mode))
            return tr("a socket");
    }
#endif
    if (QFileInfo(path).isDir())
        return tr("a folder");
    return tr("something other than a file");
}

bool check(const QString &path, QString *error)
{
    if (path.isEmpty())
        return refuse(error, tr("no output file given"));
    const QFileInfo info(path);
    QString target = info.absoluteFilePath();
    if (info.isSymLink()) {
        // Followed only while it stays in its own folder.
        const QFileInfo link(info.symLinkTarget());
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        const QString linkFolder = QFileInfo(link.absolutePath()).canonicalFilePath();
        if (folder.isEmpty() || linkFolder != folder)
            return refuse(error, tr("%1: a symbolic link to %2, outside its folder; choose the "
                                    "file itself or a new name")
                                     .arg(QDir::toNativeSeparators(path),
                                          QDir::toNativeSeparators(link.absoluteFilePath())));
        target = link.absoluteFilePath();
    }
    const QFileInfo t(target);
    if (t.exists()) {
        bool regular = t.isFile();
#ifdef Q_OS_UNIX
        struct stat st
        {
        };
        regular = ::stat(QFile::encodeName(target).constData(), &st) == 0 && S_ISREG(st.st_mode);
#endif
        if (!regular)
            return refuse(error, tr("%1: %2, not a regular file; choose a file name")
                                     .arg(QDir::toNativeSeparators(path), kindOf(target)));
        return true;
    }
    // A new name; a missing folder is left to the writer, whose open then fails (exit 3).
    return true;
}

QString whyNotWritten(const QString &path, const QFileDevice &file)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QStorageInfo storage(folder);
    // Under a block of room left, a failed write is the disk being full.
    if (storage.isValid() && storage.bytesAvailable() < 64 * 1024)
        return tr("%1: the disk holding %2 is full")
            .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(folder));
    return QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
}

} // namespace trh::OutputFile
