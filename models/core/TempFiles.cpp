#include "TempFiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace trh::TempFiles {
namespace {

constexpr char kMagic[] = "trhealth temporary file 1";
constexpr qint64 kMaxClaimBytes = 16 * 1024;
const char *const kCompanions[] = {"-journal", "-wal", "-shm"};

const QRegularExpression &ourName()
{
    static const QRegularExpression re(
        QStringLiteral("^\\..+\\.[A-Za-z0-9]{6}\\.part(-journal|-wal|-shm)?$"),
        QRegularExpression::DontCaptureOption);
    return re;
}

QString randomTag(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString tag;
    for (int i = 0; i < length; ++i)
        tag += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]);
    return tag;
}

qint64 currentPid()
{
    return QCoreApplication::applicationPid();
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_WIN
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!h)
        return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    const bool running = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return running;
#else
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#endif
}

// A regular file itself, not a link, a folder or a device; *modified its last change.
bool plainFile(const QString &path, QDateTime *modified)
{
#ifdef Q_OS_WIN
    const QFileInfo info(path);
    if (!info.exists() || info.isSymLink() || info.isJunction() || !info.isFile())
        return false;
    *modified = info.lastModified();
    return true;
#else
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    *modified = QDateTime::fromSecsSinceEpoch(st.st_mtime);
    return true;
#endif
}

bool removeIfOurs(const QString &path, QStringList *removed)
{
    QDateTime modified;
    if (!isOurName(QFileInfo(path).fileName()) || !plainFile(path, &modified))
        return false;
    if (!QFile::remove(path))
        return false;
    removed->append(path);
    return true;
}

// The file a claim names and its SQLite companions.
QStringList family(const QString &path)
{
    QStringList all{path};
    for (const char *suffix : kCompanions)
        all.append(path + QLatin1String(suffix));
    return all;
}

struct Claim
{
    QString host;
    qint64 pid = 0;
    QString path;
};

bool readClaim(const QString &file, Claim *claim)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxClaimBytes)
        return false;
    const QStringList lines = QString::fromUtf8(f.read(kMaxClaimBytes)).split(QLatin1Char('\n'));
    if (lines.size() < 4 || lines.at(0) != QLatin1String(kMagic))
        return false;
    bool ok = false;
    claim->host = lines.at(1);
    claim->pid = lines.at(2).toLongLong(&ok);
    claim->path = lines.at(3);
    // Only an absolute path to a file of our name is ever acted on.
    return ok && QDir::isAbsolutePath(claim->path) &&
           ourName().match(QFileInfo(claim->path).fileName()).hasMatch() &&
           !claim->path.endsWith(QLatin1String("-journal")) &&
           !claim->path.endsWith(QLatin1String("-wal")) &&
           !claim->path.endsWith(QLatin1String("-shm"));
}

} // namespace

QString temporaryName(const QString &fileName)
{
    // Room for the tag within the usual 255-character limit of a name.
    return QStringLiteral(".%1.%2.part").arg(fileName.left(200), randomTag(6));
}

bool isOurName(const QString &fileName)
{
    return ourName().match(fileName).hasMatch();
}

QString claimFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("temporary-files"));
}

QString claim(const QString &path)
{
    const QString folder = claimFolder();
    if (!QDir().mkpath(folder))
        return {};
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray text = QByteArray(kMagic) + '\n' + QSysInfo::machineHostName().toUtf8() +
                            '\n' + QByteArray::number(currentPid()) + '\n' +
                            QFileInfo(path).absoluteFilePath().toUtf8() + '\n';
    for (int attempt = 0; attempt < 16; ++attempt) {
        QFile f(QDir(folder).filePath(
            QStringLiteral("%1-%2.claim").arg(currentPid()).arg(randomTag(8))));
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            continue;
        if (f.write(text) != text.size()) {
            f.close();
            f.remove();
            return {};
        }
        return f.fileName();
    }
    return {};
}

void release(const QString &claim)
{
    if (!claim.isEmpty())
        QFile::remove(claim);
}

QStringList removeStale()
{
    QStringList removed;
    const QDir folder(claimFolder());
    if (!folder.exists())
        return removed;
    const QDateTime cutoff =
        QDateTime::currentDateTime().addSecs(-std::chrono::seconds(kStaleAfter).count());
    const QString host = QSysInfo::machineHostName();
    const QStringList claims =
        folder.entryList({QStringLiteral("*.claim")}, QDir::Files | QDir::NoSymLinks);
    for (const QString &name : claims) {
        const QString claimPath = folder.filePath(name);
        QDateTime touched;
        if (!plainFile(claimPath, &touched))
            continue;
        Claim c;
        if (!readClaim(claimPath, &c)) {
            // Not one of ours to act on: drop it once it is old.
            if (touched < cutoff)
                QFile::remove(claimPath);
            continue;
        }
        const QStringList files = family(c.path);
        bool anyLeft = false;
        for (const QString &f : files) {
            QDateTime modified;
            if (plainFile(f, &modified)) {
                anyLeft = true;
                touched = std::max(touched, modified);
            }
        }
        // A process of this host that is gone owns nothing; otherwise age decides.
        const bool ownerGone = c.host == host && c.pid != currentPid() && !processAlive(c.pid);
        if (anyLeft && !ownerGone && touched >= cutoff)
            continue;
        for (const QString &f : files)
            removeIfOurs(f, &removed);
        QFile::remove(claimPath);
    }
    return removed;
}

QStringList sweepFolder(const QString &folderPath)
{
    QStringList removed;
    const QDir folder(folderPath);
    const QDateTime cutoff =
        QDateTime::currentDateTime().addSecs(-std::chrono::seconds(kStaleAfter).count());
    const QStringList names =
        folder.entryList({QStringLiteral(".*.part"), QStringLiteral(".*.part-journal"),
                          QStringLiteral(".*.part-wal"), QStringLiteral(".*.part-shm")},
                         QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks);
    for (const QString &name : names) {
        const QString path = folder.filePath(name);
        QDateTime modified;
        if (isOurName(name) && plainFile(path, &modified) && modified < cutoff)
            removeIfOurs(path, &removed);
    }
    return removed;
}

} // namespace trh::TempFiles
