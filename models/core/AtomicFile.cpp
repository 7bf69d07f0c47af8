#include "AtomicFile.h"

#include "TempFiles.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace trh {
namespace {

// Moves the finished file over the destination in one step (replacing an older file).
bool replaceFile(const QString &from, const QString &to)
{
#ifdef Q_OS_WIN
    return MoveFileExW(reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(from).utf16()),
                       reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(to).utf16()),
                       MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0;
#else
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#endif
}

// The rename itself is on the disk once the folder is synced.
void syncFolder(const QString &folder)
{
#ifndef Q_OS_WIN
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder);
#endif
}

} // namespace

AtomicFile::AtomicFile(const QString &destination, QObject *parent) : QFile(parent)
{
    // A symbolic link (one OutputFile::check let through) keeps pointing at the new file:
    // the file it names is the one replaced, as QSaveFile does.
    const QFileInfo info(destination);
    m_destination = info.isSymLink() ? info.symLinkTarget() : info.absoluteFilePath();
}

AtomicFile::~AtomicFile()
{
    cancel();
}

bool AtomicFile::open(OpenMode mode)
{
    if (isOpen() || m_pending || (mode & ~(QIODevice::WriteOnly | QIODevice::Text)) ||
        !(mode & QIODevice::WriteOnly)) {
        setErrorString(QStringLiteral("an AtomicFile opens once, for writing"));
        return false;
    }
    const QFileInfo target(m_destination);
    const QDir folder(target.absolutePath());
    TempFiles::sweepFolder(folder.path());
    for (int attempt = 0; attempt < 32; ++attempt) {
        const QString temporary = folder.filePath(TempFiles::temporaryName(target.fileName()));
        // Claimed before it exists, so that no moment leaves a file nobody knows of.
        const QString claim = TempFiles::claim(temporary);
        setFileName(temporary);
        if (QFile::open(mode | QIODevice::NewOnly)) {
            m_claim = claim;
            m_pending = true;
            return true;
        }
        TempFiles::release(claim);
        if (!QFileInfo::exists(temporary))
            break; // not a clash of names but a real failure (permissions, a full disk)
    }
    return false;
}

bool AtomicFile::sync()
{
    if (!m_pending)
        return false;
    if (!isOpen()) {
        // Written by name (libxlsxwriter, SQLite): reopened only to sync it.
        QFile written(fileName());
        if (!written.open(QIODevice::ReadOnly)) {
            setErrorString(written.errorString());
            return false;
        }
        return syncHandle(written.handle());
    }
    if (!flush())
        return false;
    return syncHandle(handle());
}

bool AtomicFile::syncHandle(int fd)
{
#ifdef Q_OS_WIN
    if (_commit(fd) != 0) {
#else
    if (::fsync(fd) != 0) {
#endif
        setErrorString(QStringLiteral("cannot write to the disk: %1").arg(qt_error_string(errno)));
        return false;
    }
    return true;
}

bool AtomicFile::commit()
{
    if (!m_pending) {
        setErrorString(QStringLiteral("nothing was written"));
        return false;
    }
    // A write that failed earlier (a full disk) fails the whole file, as in QSaveFile.
    if (error() != QFileDevice::NoError || !sync()) {
        const QString why = errorString();
        cancel();
        setErrorString(why);
        return false;
    }
    close();
    if (error() != QFileDevice::NoError) {
        const QString why = errorString();
        cancel();
        setErrorString(why);
        return false;
    }
    if (!replaceFile(fileName(), m_destination)) {
        const QString why = qt_error_string();
        cancel();
        setErrorString(QStringLiteral("cannot rename into place: %1").arg(why));
        return false;
    }
    m_pending = false;
    TempFiles::release(m_claim);
    m_claim.clear();
    syncFolder(QFileInfo(m_destination).absolutePath());
    setFileName(m_destination);
    return true;
}

void AtomicFile::cancel()
{
    if (isOpen())
        close();
    if (!m_pending)
        return;
    const QString temporary = fileName();
    QFile::remove(temporary);
    // What SQLite may have left beside it, when it was written as a database.
    for (const char *suffix : {"-journal", "-wal", "-shm"})
        QFile::remove(temporary + QLatin1String(suffix));
    m_pending = false;
    TempFiles::release(m_claim);
    m_claim.clear();
}

} // namespace trh
