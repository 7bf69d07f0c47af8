#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace trh {

// What `trhealth [--db FILE] [FILE...]` opens and imports. Each file is judged by its content
// (WorkspaceFile::sniff), not by its name:
// - a trhealth workspace or snapshot file is opened, whatever it is called;
// - somebody else's SQLite database is refused (never opened, never imported);
// - a .trdb path that does not exist yet, or an empty file called .trdb, is opened as a new
//   workspace (`trhealth new.trdb`);
// - a path that does not exist or cannot be read is refused;
// - any other file goes to the import dialog.
// --db names the workspace explicitly: it is opened if it is a workspace, empty or missing,
// and refused otherwise (it is never imported). Only one workspace opens: --db, else the
// first one of the files; any further one is refused.
struct LaunchArguments
{
    Q_DECLARE_TR_FUNCTIONS(trh::LaunchArguments)

public:
    // files: the positional arguments in order; dbOption: the value of --db (empty if none).
    static LaunchArguments fromCommandLine(const QStringList &files,
                                           const QString &dbOption = QString());

    QString workspace;    // absolute path of the workspace to open; empty if none was given
    QStringList imports;  // absolute paths, for the import dialog
    QStringList refusals; // one translated sentence per file not opened or imported, naming it
};

} // namespace trh
