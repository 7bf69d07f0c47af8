#pragma once

#include <QString>

// Every key the console keeps in QSettings (trhealth.conf on Linux, the registry on Windows),
// in one place: a key written here is read back under the same name, and a new setting
// starts here. The report's logo (ReportOptions::logoKey(), "report/logo") lives with the
// report options in models/, which read it themselves.
namespace trh::SettingsKey {

inline QString language()
{
    return QStringLiteral("language");
} // "", "en", "de"
inline QString appearance()
{
    return QStringLiteral("appearance");
} // system, light, dark
inline QString lastWorkspace()
{
    return QStringLiteral("lastWorkspace");
}
inline QString recentWorkspaces()
{
    return QStringLiteral("recentWorkspaces");
}
inline QString windowGeometry()
{
    return QStringLiteral("window/geometry");
}
inline QString windowState()
{
    return QStringLiteral("window/state");
}
// The folders the file dialogs last showed.
inline QString lastDirectory()
{
    return QStringLiteral("lastDirectory");
}
inline QString lastImportDirectory()
{
    return QStringLiteral("lastImportDirectory");
}
inline QString lastReportDirectory()
{
    return QStringLiteral("report/lastDirectory");
}
inline QString lastCaDirectory()
{
    return QStringLiteral("lastCaDirectory");
}
inline QString columnFilters()
{
    return QStringLiteral("table/columnFilters");
} // shown or not
inline QString noteAuthor()
{
    return QStringLiteral("note/author");
}
// The Manage Snapshots dialog's size and position, and its table's columns.
inline QString manageSnapshotsGeometry()
{
    return QStringLiteral("manageSnapshots/geometry");
}
inline QString manageSnapshotsColumns()
{
    return QStringLiteral("manageSnapshots/columns");
}

} // namespace trh::SettingsKey
