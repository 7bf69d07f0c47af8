#include "TestSupport.h"

#include <QCoreApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace trh::test {

QString fixture(const QString &name)
{
    return QDir(QStringLiteral(TRHEALTH_FIXTURES)).filePath(name);
}

QStringList fleetFiles()
{
    QDir dir(fixture(QStringLiteral("fleet")));
    QStringList files;
    for (const QString &f : dir.entryList(QDir::Files, QDir::Name))
        files << dir.filePath(f);
    return files;
}

bool createFleetWorkspace(const QString &path)
{
    Database db;
    return Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok() &&
           Importer::importFiles(db, fleetFiles()).ok();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

CliResult runCli(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProgram(QStringLiteral(TRHEALTH_CLI));
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start();
    CliResult r;
    if (!p.waitForStarted(30000))
        return r;
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool dropUrls(QObject *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace trh::test
