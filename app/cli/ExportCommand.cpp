// trhealth-cli export: one or more snapshots of a workspace to a .trhealth file.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "core/OutputFile.h"
#include "snapshotfile/SnapshotFile.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace trh::cli {

int exportCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption snapshot(
        QStringLiteral("snapshot"),
        QStringLiteral("Snapshot id, or \"latest\" (the default); repeat for several."),
        QStringLiteral("ID"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every snapshot."));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    QStringLiteral("The snapshot file to write (.trhealth)."),
                                    QStringLiteral("FILE"));
    p.addOptions({db, snapshot, all, outOpt});
    if (const int rc = parse(p, args,
                             QStringLiteral("Export snapshots, with their findings, notes, "
                                            "checklist and import reports, to a standalone "
                                            "snapshot file that others open read-only."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "export"); rc >= 0)
        return rc;
    const QString outPath = p.value(outOpt);
    if (outPath.isEmpty())
        return fail(UsageError, QStringLiteral("--out FILE.trhealth is required"));
    if (!workspace::isSnapshotFile(outPath))
        return fail(
            UsageError,
            QStringLiteral("--out %1: a snapshot file's name ends in .trhealth").arg(outPath));
    if (QString why; !OutputFile::check(outPath, &why))
        return fail(BadInput, why);
    if (p.isSet(all) && p.isSet(snapshot))
        return fail(UsageError, QStringLiteral("--all and --snapshot exclude each other"));

    QList<qint64> ids;
    {
        workspace::Workspace ws;
        if (const int rc = openWorkspace(ws, p.value(db), workspace::OpenMode::Reading); rc >= 0)
            return rc;
        QString error;
        if (p.isSet(all)) {
            ids = ws.snapshotIds();
            if (ids.isEmpty())
                return fail(BadInput, QStringLiteral("%1: no snapshot yet").arg(p.value(db)));
        } else {
            const QStringList specs =
                p.isSet(snapshot) ? p.values(snapshot) : QStringList{QStringLiteral("latest")};
            for (const QString &spec : specs) {
                const auto id = ws.resolveSnapshot(spec, &error);
                if (!id)
                    return fail(BadInput, error);
                if (!ids.contains(*id))
                    ids << *id;
            }
        }
    }

    const bool terminal = stderrIsTerminal();
    int shown = -1;
    const auto progress = [&](int permille) {
        if (terminal && permille / 10 != shown) {
            shown = permille / 10;
            err() << "\rexporting… " << shown << "%" << Qt::flush;
        }
        return true;
    };
    const SnapshotFile::ExportResult r =
        SnapshotFile::exportSnapshots(p.value(db), ids, outPath, progress);
    if (terminal)
        err() << "\r" << Qt::flush;
    if (!r.ok)
        return fail(Failure, r.error);
    out() << QStringLiteral("%1: %2 snapshot(s), %3 bytes\n")
                 .arg(printable(outPath))
                 .arg(ids.size())
                 .arg(QFileInfo(outPath).size());
    out().flush();
    return Success;
}

} // namespace trh::cli
