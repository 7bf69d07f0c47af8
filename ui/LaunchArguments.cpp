#include "LaunchArguments.h"

#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QList>

#include <utility>

namespace trh {

namespace {

bool isNamedWorkspace(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("trdb"), Qt::CaseInsensitive) == 0;
}

} // namespace

LaunchArguments LaunchArguments::fromCommandLine(const QStringList &files, const QString &dbOption)
{
    LaunchArguments launch;
    QString firstGiven; // the workspace as the user wrote it, for the messages
    auto useWorkspace = [&](const QString &path) {
        const QString name = QDir::toNativeSeparators(path);
        if (launch.workspace.isEmpty()) {
            launch.workspace = QFileInfo(path).absoluteFilePath();
            firstGiven = name;
            return;
        }
        launch.refusals << tr("%1 was not opened: only one workspace opens at a time, and %2 "
                              "is the one opened.")
                               .arg(name, firstGiven);
    };

    // --db first (it names the workspace: never imported, and created when new), then the
    // files in order (a new workspace only by its .trdb name).
    QList<std::pair<QString, bool>> given; // path, named by --db
    if (!dbOption.isEmpty())
        given.append({dbOption, true});
    for (const QString &path : files)
        given.append({path, false});

    for (const auto &[path, isDb] : given) {
        const QString name = QDir::toNativeSeparators(path);
        const bool newWorkspace = isDb || isNamedWorkspace(path);
        switch (workspace::sniffFile(path)) {
        case workspace::FileKind::TrhealthWorkspace:
            useWorkspace(path);
            break;
        case workspace::FileKind::OtherSqlite:
            launch.refusals << (isDb ? tr("%1 is an SQLite database but not a trhealth "
                                          "workspace; it was not opened.")
                                     : tr("%1 is an SQLite database but not a trhealth "
                                          "workspace; it was neither opened nor imported."))
                                   .arg(name);
            break;
        case workspace::FileKind::Missing:
            if (newWorkspace)
                useWorkspace(path); // a new workspace, created by the first import
            else
                launch.refusals
                    << tr("%1 does not exist; it was neither opened nor imported.").arg(name);
            break;
        case workspace::FileKind::Unreadable:
            launch.refusals << (isDb ? tr("%1 is not a file that can be read; it was not "
                                          "opened.")
                                     : tr("%1 is not a file that can be read; it was neither "
                                          "opened nor imported."))
                                   .arg(name);
            break;
        case workspace::FileKind::Empty:
            if (newWorkspace) {
                useWorkspace(path);
                break;
            }
            launch.imports << QFileInfo(path).absoluteFilePath();
            break;
        case workspace::FileKind::NotSqlite:
            if (isDb)
                launch.refusals << tr("%1 is not a trhealth workspace (not an SQLite database); "
                                      "it was not opened. Files to import are given without "
                                      "--db.")
                                       .arg(name);
            else
                launch.imports << QFileInfo(path).absoluteFilePath();
            break;
        }
    }
    return launch;
}

} // namespace trh
