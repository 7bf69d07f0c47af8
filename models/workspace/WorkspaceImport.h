#pragma once

#include "import/Importer.h"

#include <QString>
#include <QStringList>

namespace trh::workspace {

// Import-and-analyse of the user's files, the one entry point of the console's import
// dialog and the CLI's import: the site's dataset mapping (SiteMapping, with explicitMapping
// last) is resolved here unless options.mapping is already set. A mapping that cannot be read
// refuses the import (BadInput) before anything is read.
ImportResult importFiles(Database &db, const QStringList &files, ImportOptions options = {},
                         const QString &explicitMapping = {});

// options with the health analysis as its in-transaction step (ImportOptions::analysis), for
// an import of files of our own (the demo's) that needs no site mapping.
ImportOptions withAnalysis(ImportOptions options);

// The same into the workspace file at workspacePath, created or upgraded first (a worker
// thread may call it: it opens its own connection).
ImportResult importFiles(const QString &workspacePath, const QStringList &files,
                         const ImportOptions &options, const QString &explicitMapping = {});

} // namespace trh::workspace
