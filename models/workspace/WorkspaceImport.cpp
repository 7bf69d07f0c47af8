#include "WorkspaceImport.h"

#include "SiteMapping.h"
#include "analysis/Analyzer.h"
#include "store/Database.h"
#include "store/Store.h"

namespace trh::workspace {

ImportOptions withAnalysis(ImportOptions options)
{
    if (!options.analysis)
        options.analysis = &Analyzer::runInTransaction;
    return options;
}

ImportResult importFiles(Database &db, const QStringList &files, ImportOptions options,
                         const QString &explicitMapping)
{
    SiteMapping site;
    if (!options.mapping) {
        site = SiteMapping::load(explicitMapping);
        if (!site.ok()) {
            ImportResult refused;
            refused.status = ImportResult::Status::BadInput;
            refused.errors << QStringLiteral("dataset mapping: %1").arg(site.error);
            return refused;
        }
        options.mapping = site.mapping.get();
    }
    return Importer::importFiles(db, files, withAnalysis(std::move(options)));
}

ImportResult importFiles(const QString &workspacePath, const QStringList &files,
                         const ImportOptions &options, const QString &explicitMapping)
{
    Database db;
    const Store::OpenResult open = Store::open(db, workspacePath, Store::OpenMode::CreateOrUpgrade);
    if (!open.ok()) {
        ImportResult failed;
        failed.status = ImportResult::Status::Failed;
        failed.errors << open.error;
        return failed;
    }
    return importFiles(db, files, options, explicitMapping);
}

} // namespace trh::workspace
