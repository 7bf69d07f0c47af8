#include "LaunchArguments.h"

#include "store/WorkspaceFile.h"

#include <QDir>
#include <QFileInfo>

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

    if (!dbOption.isEmpty()) {
        const QString name = QDir::toNativeSeparators(dbOption);
        switch (WorkspaceFile::sniff(dbOption)) {
        case WorkspaceFile::Kind::TrhealthWorkspace:
        case WorkspaceFile::Kind::Empty:
        case WorkspaceFile::Kind::Missing:
            useWorkspace(dbOption);
            break;
        case WorkspaceFile::Kind::OtherSqlite:
            launch.refusals << tr("%1 is an SQLite database but not a trhealth workspace; it was "
                                  "not opened.")
                                   .arg(name);
            break;
        case WorkspaceFile::Kind::NotSqlite:
            launch.refusals << tr("%1 is not a trhealth workspace (not an SQLite database); it "
                                  "was not opened. Files to import are given without --db.")
                                   .arg(name);
            break;
        case WorkspaceFile::Kind::Unreadable:
            launch.refusals
                << tr("%1 is not a file that can be read; it was not opened.").arg(name);
            break;
        }
    }

    for (const QString &path : files) {
        const QString name = QDir::toNativeSeparators(path);
        switch (WorkspaceFile::sniff(path)) {
        case WorkspaceFile::Kind::TrhealthWorkspace:
            useWorkspace(path);
            break;
        case WorkspaceFile::Kind::OtherSqlite:
            launch.refusals << tr("%1 is an SQLite database but not a trhealth workspace; it was "
                                  "neither opened nor imported.")
                                   .arg(name);
            break;
        case WorkspaceFile::Kind::Missing:
            if (isNamedWorkspace(path))
                useWorkspace(path); // a new workspace, created by the first import
            else
                launch.refusals
                    << tr("%1 does not exist; it was neither opened nor imported.").arg(name);
            break;
        case WorkspaceFile::Kind::Unreadable:
            launch.refusals << tr("%1 is not a file that can be read; it was neither opened nor "
                                  "imported.")
                                   .arg(name);
            break;
        case WorkspaceFile::Kind::Empty:
            if (isNamedWorkspace(path)) {
                useWorkspace(path);
                break;
            }
            [[fallthrough]];
        case WorkspaceFile::Kind::NotSqlite:
            launch.imports << QFileInfo(path).absoluteFilePath();
            break;
        }
    }
    return launch;
}

} // namespace trh
