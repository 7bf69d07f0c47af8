#include "InputFile.h"
#include "OutputFile.h"

#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace trh::InputFile {

bool open(QFile &file, const QString &path, QString *error)
{
#ifdef Q_OS_UNIX
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(::strerror(errno));
        return false;
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = QStringLiteral("%1, not a regular file").arg(OutputFile::kindOf(path));
        return false;
    }
    // A regular file: reads never block, so the flag can go (QFile expects a plain fd).
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = file.errorString();
        return false;
    }
    return true;
#else
    file.setFileName(path);
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("%1, not a regular file").arg(OutputFile::kindOf(path));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    return true;
#endif
}

} // namespace trh::InputFile
