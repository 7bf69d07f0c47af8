#include "DemoWorkspace.h"

#include "WorkspaceImport.h"
#include "demo/DemoFleet.h"
#include "import/Importer.h"
#include "store/Database.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>

namespace trh::workspace {

DemoResult buildDemo(Database &db, const DemoOptions &options)
{
    DemoResult result;
    const auto fail = [&result](DemoResult::Status status, const QString &why) {
        result.status = status;
        result.error = why;
        return result;
    };
    if (db.scalarInt("SELECT count(*) FROM snapshot").value_or(0) > 0)
        return fail(DemoResult::Status::NotEmpty,
                    QStringLiteral("%1 already has snapshots; the demo fleet goes into a new file")
                        .arg(db.path()));
    QTemporaryDir temp;
    const QString dir = options.keepFilesDir.isEmpty() ? temp.path() : options.keepFilesDir;
    if (options.keepFilesDir.isEmpty() && !temp.isValid())
        return fail(DemoResult::Status::Failed, QStringLiteral("cannot create a temporary folder"));
    const DemoFleet fleet(options.endpoints);
    const int count = fleet.snapshotCount();
    // Each snapshot: a fifth for writing its files, the rest for importing them.
    const auto report = [&](int snapshot, double fraction) {
        const int permille = std::clamp(int((snapshot + fraction) * 1000 / count), 0, 1000);
        return !options.progress || options.progress(permille);
    };
    for (int i = 0; i < count; ++i) {
        if (!report(i, 0.0))
            return fail(DemoResult::Status::Cancelled, {});
        QString error;
        const QString snapshotDir = QDir(dir).filePath(QStringLiteral("snapshot-%1").arg(i + 1));
        const DemoSnapshotFiles files = fleet.writeSnapshot(i, snapshotDir, &error);
        if (files.files.isEmpty())
            return fail(DemoResult::Status::Failed, QStringLiteral("demo files: %1").arg(error));
        if (!report(i, 0.2))
            return fail(DemoResult::Status::Cancelled, {});
        ImportOptions import;
        import.label = files.label;
        import.takenAt = files.takenAt;
        import.origin = QStringLiteral("demo");
        import.progress = [&report, i ](std::int64_t done, std::int64_t total) {
            return report(i, 0.2 + (total > 0 ? 0.8 * double(done) / double(total) : 0.0));
    };
    const ImportResult r = Importer::importFiles(db, files.files, withAnalysis(import));
    if (r.status == ImportResult::Status::Cancelled)
        return fail(DemoResult::Status::Cancelled, {});
    if (!r.ok())
        return fail(DemoResult::Status::Failed, r.errors.join(QLatin1Char('\n')));
    result.snapshots << QStringLiteral("snapshot %1: %2 — %3 files imported")
                            .arg(r.snapshotId)
                            .arg(files.label)
                            .arg(files.files.size());
}
report(count, 0.0);
return result;
} // namespace trh::workspace

QString demoWorkspacePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("demo.trdb"));
}

} // namespace trh::workspace
