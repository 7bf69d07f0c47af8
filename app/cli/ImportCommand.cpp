// trhealth-cli import: export files as one snapshot of a workspace.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "import/Importer.h"
#include "workspace/SiteMapping.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace trh::cli {

int importCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption as(QStringLiteral("as"),
                                QStringLiteral("Dataset for ambiguous Domain/Key/Value files "
                                               "(cx_status or client_settings)."),
                                QStringLiteral("DATASET"));
    const QCommandLineOption label(QStringLiteral("label"), QStringLiteral("Snapshot label."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption takenAt(QStringLiteral("taken-at"),
                                     QStringLiteral("When the answers were taken (ISO 8601)."),
                                     QStringLiteral("ISO8601"));
    const QCommandLineOption mappingOpt(QStringLiteral("mapping"),
                                        QStringLiteral("Dataset mapping override (JSON)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the import report as JSON."));
    const QCommandLineOption deferAnalysis(
        QStringLiteral("defer-analysis"),
        QStringLiteral("Store the answers only; the health analysis then runs when the "
                       "snapshot is first used."));
    const QCommandLineOption lenient(
        QStringLiteral("lenient"),
        QStringLiteral("Import the intact rows of a damaged CSV file (cut off, broken quotes, "
                       "rows with the wrong number of cells) and mark the snapshot incomplete. "
                       "Without it such a file is refused."));
    p.addOptions({db, as, label, takenAt, mappingOpt, lenient, json, deferAnalysis});
    p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Export files to import."),
                            QStringLiteral("PATH..."));
    if (const int rc = parse(p, args, QStringLiteral("Import export files as one snapshot."));
        rc >= 0)
        return rc;
    if (p.positionalArguments().isEmpty())
        return fail(UsageError, QStringLiteral("import: no files given"));
    ImportOptions options;
    options.chosenDataset = p.value(as);
    options.label = p.value(label);
    options.analyse = !p.isSet(deferAnalysis);
    options.lenient = p.isSet(lenient);
    if (p.isSet(takenAt)) {
        options.takenAt = QDateTime::fromString(p.value(takenAt), Qt::ISODateWithMs);
        if (!options.takenAt.isValid())
            return fail(UsageError, QStringLiteral("--taken-at %1: expected ISO 8601, e.g. "
                                                   "2026-11-27T09:00:00Z")
                                        .arg(p.value(takenAt)));
    }
    // The mapping is resolved before the workspace is opened: a bad one refuses at once.
    const workspace::SiteMapping site = workspace::SiteMapping::load(p.value(mappingOpt));
    if (!site.ok())
        return fail(BadInput, QStringLiteral("dataset mapping: %1").arg(site.error));
    options.mapping = site.mapping.get();
    options.progress = progressPrinter();

    workspace::Workspace ws;
    if (const int rc = openWorkspace(ws, p.value(db), workspace::OpenMode::CreateOrUpgrade);
        rc >= 0)
        return rc;
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = ws.importFiles(p.positionalArguments(), options);
    if (options.progress)
        err() << "\r" << Qt::flush;
    if (!result.ok()) {
        for (const QString &e : result.errors)
            err() << "trhealth-cli: " << printable(e) << Qt::endl;
        if (result.damagedInput)
            err() << "trhealth-cli: nothing was imported; to import the intact rows anyway and "
                     "mark the snapshot incomplete, run again with --lenient"
                  << Qt::endl;
        else if (result.status == ImportResult::Status::Failed)
            err() << "trhealth-cli: nothing was imported; the workspace is unchanged" << Qt::endl;
        return result.status == ImportResult::Status::Failed ? Failure : BadInput;
    }
    if (!result.complete)
        err() << "trhealth-cli: warning: damaged rows were skipped (--lenient); snapshot "
              << result.snapshotId << " is marked incomplete" << Qt::endl;
    for (const QString &n : result.notes)
        err() << "trhealth-cli: note: " << printable(n) << Qt::endl;
    if (p.isSet(json)) {
        QJsonArray files;
        for (const FileImportReport &f : result.files)
            files.append(f.toJson());
        out() << QJsonDocument(
                     QJsonObject{{QStringLiteral("snapshot"), qint64(result.snapshotId)},
                                 {QStringLiteral("taken_at"), result.takenAt.toString(Qt::ISODate)},
                                 {QStringLiteral("complete"), result.complete},
                                 {QStringLiteral("files"), files}})
                     .toJson(QJsonDocument::Indented);
    } else {
        for (const FileImportReport &f : result.files)
            out() << f.toText();
        out() << QStringLiteral("snapshot %1 taken at %2: %3 file(s) imported in %4 s\n")
                     .arg(result.snapshotId)
                     .arg(result.takenAt.toString(Qt::ISODate))
                     .arg(result.files.size())
                     .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2);
    }
    out().flush();
    return Success;
}

} // namespace trh::cli
