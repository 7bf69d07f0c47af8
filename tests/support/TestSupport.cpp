#include "TestSupport.h"
#include "workspace/Workspace.h"
#include "workspace/WorkspaceImport.h"

#include <QCoreApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>

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
           workspace::importFiles(db, fleetFiles()).ok();
}

QString createDemoWorkspace(const QString &path, int endpoints)
{
    workspace::Workspace ws;
    const workspace::OpenResult opened = ws.open(path, workspace::OpenMode::CreateOrUpgrade);
    if (!opened.ok())
        return opened.error;
    workspace::DemoOptions options;
    options.endpoints = endpoints;
    const workspace::DemoResult built = ws.buildDemo(options);
    return built.ok() ? QString() : built.error;
}

bool FleetWorkspace::create()
{
    QStandardPaths::setTestModeEnabled(true);
    path = dir.filePath(QStringLiteral("fleet.trdb"));
    return dir.isValid() && createFleetWorkspace(path);
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

namespace {

// Runs a program of the build to its end (killed after timeoutMs); exitCode -1 if it did not
// start, crashed or was killed.
CliResult runProgram(const QString &program, const QStringList &args,
                     const QProcessEnvironment *env, int timeoutMs)
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    if (env)
        p.setProcessEnvironment(*env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start();
    CliResult r;
    if (!p.waitForStarted(30000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(10000);
    } else if (p.exitStatus() == QProcess::NormalExit) {
        r.exitCode = p.exitCode();
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

CliResult runCli(const QStringList &args, int timeoutMs)
{
    return runProgram(QStringLiteral(TRHEALTH_CLI), args, nullptr, timeoutMs);
}

CliResult runGui(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    return runProgram(QStringLiteral(TRHEALTH_GUI), args, &env, timeoutMs);
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

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (readAll(path).contains(needle))
            hits << path;
    }
    return hits;
}

void useTemporarySettings(const QString &settingsDir, const QString &application)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("trhealth-test"));
    QCoreApplication::setApplicationName(application);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir);
}

void withoutKeychain(const QString &noBusPath)
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(noBusPath));
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
}

} // namespace trh::test
