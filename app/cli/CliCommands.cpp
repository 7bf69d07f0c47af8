#include "CliCommands.h"

#include "analysis/Summary.h"
#include "demo/DemoFleet.h"
#include "import/DatasetMapping.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace trh::cli {
namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(int code, const QString &message)
{
    err() << "trhealth-cli: " << message << Qt::endl;
    return code;
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(fileno(stderr));
#else
    return false;
#endif
}

const char *kUsage =
    "usage: trhealth-cli COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  import  --db FILE [--as DATASET] [--label TEXT] [--taken-at ISO8601] [--mapping FILE] [--json] PATH...\n"
    "  summary --db FILE [--snapshot ID|latest] [--month YYYY-MM] [--json] [--explain]\n"
    "  demo    --db FILE [--endpoints N] [--keep-files DIR]\n"
    "\n"
    "Run 'trhealth-cli COMMAND --help' for a command's options.\n"
    "exit status: 0 success, 1 usage error, 2 bad input (nothing written), 3 other failure\n";

// Parses a command's options. Returns -1 to go on, else the exit code to return.
int parse(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        return fail(UsageError, parser.errorText());
    if (parser.isSet(help)) {
        out() << parser.helpText();
        return Success;
    }
    return -1;
}

// Opens the workspace, turning store problems into exit codes.
int openStore(Database &db, const QString &path, Store::OpenMode mode)
{
    if (path.isEmpty())
        return fail(UsageError, QStringLiteral("--db FILE is required"));
    const Store::OpenResult r = Store::open(db, path, mode);
    switch (r.status) {
    case Store::Status::Ok:
        return -1;
    case Store::Status::Missing:
    case Store::Status::NewerSchema:
    case Store::Status::NotOurs:
    case Store::Status::Damaged:
        return fail(BadInput, r.error);
    case Store::Status::Failed:
        break;
    }
    return fail(Failure, r.error);
}

// The mapping: built-in, the user's config-folder override, then --mapping.
bool loadMapping(const QString &explicitPath, DatasetMapping *mapping, QString *error)
{
    *mapping = DatasetMapping::builtIn();
    const QString configDir =
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    const QString siteFile = QDir(configDir).filePath(QStringLiteral("datasets.json"));
    if (QFileInfo::exists(siteFile) && !mapping->loadFile(siteFile, error, mapping))
        return false;
    if (!explicitPath.isEmpty() && !mapping->loadFile(explicitPath, error, mapping))
        return false;
    return true;
}

std::function<bool(std::int64_t, std::int64_t)> progressPrinter()
{
    if (!stderrIsTerminal())
        return {};
    auto last = std::make_shared<int>(-1);
    return [last](std::int64_t done, std::int64_t total) {
        const int pct = total > 0 ? int(done * 100 / total) : 0;
        if (pct != *last) {
            *last = pct;
            err() << "\rimporting… " << pct << "%" << Qt::flush;
        }
        return true;
    };
}

int importCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace file."), QStringLiteral("FILE"));
    const QCommandLineOption as(QStringLiteral("as"),
                                QStringLiteral("Dataset for ambiguous Domain/Key/Value files "
                                               "(cx_status or client_settings)."),
                                QStringLiteral("DATASET"));
    const QCommandLineOption label(QStringLiteral("label"), QStringLiteral("Snapshot label."), QStringLiteral("TEXT"));
    const QCommandLineOption takenAt(QStringLiteral("taken-at"),
                                     QStringLiteral("When the answers were taken (ISO 8601)."),
                                     QStringLiteral("ISO8601"));
    const QCommandLineOption mappingOpt(QStringLiteral("mapping"),
                                        QStringLiteral("Dataset mapping override (JSON)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the import report as JSON."));
    p.addOptions({db, as, label, takenAt, mappingOpt, json});
    p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Export files to import."),
                            QStringLiteral("PATH..."));
    if (const int rc = parse(p, args, QStringLiteral("Import export files as one snapshot.")); rc >= 0)
        return rc;
    if (p.positionalArguments().isEmpty())
        return fail(UsageError, QStringLiteral("import: no files given"));
    ImportOptions options;
    options.chosenDataset = p.value(as);
    options.label = p.value(label);
    if (p.isSet(takenAt)) {
        options.takenAt = QDateTime::fromString(p.value(takenAt), Qt::ISODateWithMs);
        if (!options.takenAt.isValid())
            return fail(UsageError, QStringLiteral("--taken-at %1: expected ISO 8601, e.g. "
                                                   "2026-11-27T09:00:00Z")
                                        .arg(p.value(takenAt)));
    }
    DatasetMapping mapping;
    QString mappingError;
    if (!loadMapping(p.value(mappingOpt), &mapping, &mappingError))
        return fail(BadInput, QStringLiteral("dataset mapping: %1").arg(mappingError));
    options.mapping = &mapping;
    options.progress = progressPrinter();

    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::CreateOrUpgrade); rc >= 0)
        return rc;
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = Importer::importFiles(database, p.positionalArguments(), options);
    if (options.progress)
        err() << "\r" << Qt::flush;
    if (!result.ok()) {
        for (const QString &e : result.errors)
            err() << "trhealth-cli: " << e << Qt::endl;
        return result.status == ImportResult::Status::Failed ? Failure : BadInput;
    }
    for (const QString &n : result.notes)
        err() << "trhealth-cli: note: " << n << Qt::endl;
    if (p.isSet(json)) {
        QJsonArray files;
        for (const FileImportReport &f : result.files)
            files.append(f.toJson());
        out() << QJsonDocument(QJsonObject{{QStringLiteral("snapshot"), qint64(result.snapshotId)},
                                           {QStringLiteral("taken_at"),
                                            result.takenAt.toString(Qt::ISODate)},
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

void printSummaryText(const QJsonObject &s)
{
    auto n = [](const QJsonValue &v) {
        return v.isNull() ? QStringLiteral("—") : QString::number(v.toDouble(), 'f', v.toDouble() == double(qint64(v.toDouble())) ? 0 : 1);
    };
    const QJsonObject snap = s.value(QStringLiteral("snapshot")).toObject();
    out() << "Snapshot " << snap.value(QStringLiteral("id")).toInteger() << " taken at "
          << snap.value(QStringLiteral("taken_at")).toString();
    if (!snap.value(QStringLiteral("label")).toString().isEmpty())
        out() << " (" << snap.value(QStringLiteral("label")).toString() << ")";
    out() << ", " << snap.value(QStringLiteral("files")).toInteger() << " file(s)\n";
    const QJsonObject ep = s.value(QStringLiteral("endpoints")).toObject();
    out() << "Endpoints: " << n(ep.value(QStringLiteral("total")));
    const QJsonObject byPlatform = ep.value(QStringLiteral("by_platform")).toObject();
    QStringList parts;
    for (auto it = byPlatform.begin(); it != byPlatform.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key(), n(it.value()));
    out() << " (" << parts.join(QStringLiteral(", ")) << ")\n";
    auto section = [&](const char *title, const char *key) {
        const QJsonObject o = s.value(QLatin1String(key)).toObject();
        QStringList items;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isObject())
                items << QStringLiteral("%1 %2").arg(it.key(), n(it.value()));
        }
        out() << title << ": " << items.join(QStringLiteral(", ")) << "\n";
    };
    section("Health failures", "health_failures");
    section("Windows driver", "driver");
    section("Linux BPF", "bpf");
    section("Recorder", "recorder");
    section("Tools", "tools");
    section("Profiles", "profiles");
    section("Coverage", "coverage");
}

int summaryCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace file."), QStringLiteral("FILE"));
    const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                      QStringLiteral("Snapshot id, or \"latest\" (default)."),
                                      QStringLiteral("ID"), QStringLiteral("latest"));
    const QCommandLineOption month(QStringLiteral("month"),
                                   QStringLiteral("Month of the alert metrics (default: the "
                                                  "snapshot's month)."),
                                   QStringLiteral("YYYY-MM"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the summary JSON."));
    const QCommandLineOption explainOpt(QStringLiteral("explain"),
                                        QStringLiteral("Explain how each figure is computed."));
    p.addOptions({db, snapshot, month, json, explainOpt});
    if (const int rc = parse(p, args, QStringLiteral("Print a snapshot's health summary.")); rc >= 0)
        return rc;
    if (!p.positionalArguments().isEmpty())
        return fail(UsageError, QStringLiteral("summary: unexpected argument %1")
                                    .arg(p.positionalArguments().constFirst()));
    if (p.isSet(month) &&
        !QDate::fromString(p.value(month) + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd")).isValid())
        return fail(UsageError, QStringLiteral("--month %1: expected YYYY-MM").arg(p.value(month)));
    Database database;
    // Read-write: the first summary of a snapshot stores its analysis.
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::Existing); rc >= 0)
        return rc;
    QString error;
    const auto id = resolveSnapshot(database, p.value(snapshot), &error);
    if (!id)
        return fail(BadInput, error);
    if (p.isSet(explainOpt)) {
        const auto explanation = Summary::explain(database, *id, &error);
        if (!explanation)
            return fail(Failure, QStringLiteral("%1: %2").arg(database.path(), error));
        if (p.isSet(json)) {
            out() << QJsonDocument(*explanation).toJson(QJsonDocument::Indented);
        } else {
            for (auto it = explanation->begin(); it != explanation->end(); ++it) {
                const QJsonObject e = it.value().toObject();
                out() << it.key() << ":\n  formula: " << e.value(QStringLiteral("formula")).toString()
                      << "\n  inputs: " << e.value(QStringLiteral("inputs")).toVariant().toStringList().join(QStringLiteral(", "))
                      << "\n  n: " << e.value(QStringLiteral("n")).toInteger() << "\n";
                for (const QJsonValue &x : e.value(QStringLiteral("excluded")).toArray())
                    out() << "  excluded: " << x.toObject().value(QStringLiteral("count")).toInteger() << " — "
                          << x.toObject().value(QStringLiteral("reason")).toString() << "\n";
                if (e.contains(QStringLiteral("null_reason")))
                    out() << "  null because: " << e.value(QStringLiteral("null_reason")).toString() << "\n";
                if (e.contains(QStringLiteral("expected"))) {
                    const QJsonObject ex = e.value(QStringLiteral("expected")).toObject();
                    for (auto x = ex.begin(); x != ex.end(); ++x)
                        out() << "  expected " << x.key() << ": " << x.value().toString() << "\n";
                }
            }
        }
        out().flush();
        return Success;
    }
    const auto summary = Summary::build(database, *id, p.value(month), &error);
    if (!summary)
        return fail(Failure, QStringLiteral("%1: %2").arg(database.path(), error));
    if (p.isSet(json))
        out() << QJsonDocument(*summary).toJson(QJsonDocument::Indented);
    else
        printSummaryText(*summary);
    out().flush();
    return Success;
}

int demoCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace file to create."), QStringLiteral("FILE"));
    const QCommandLineOption endpoints(QStringLiteral("endpoints"),
                                       QStringLiteral("Fleet size (default 5000)."),
                                       QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption keep(QStringLiteral("keep-files"),
                                  QStringLiteral("Also keep the generated export files in DIR."),
                                  QStringLiteral("DIR"));
    p.addOptions({db, endpoints, keep});
    if (const int rc = parse(p, args, QStringLiteral("Build the demo fleet: write realistic export "
                                                     "files and import them.")); rc >= 0)
        return rc;
    bool ok = false;
    const int n = p.value(endpoints).toInt(&ok);
    if (!ok || n < 1 || n > 1000000)
        return fail(UsageError, QStringLiteral("--endpoints %1: expected 1 to 1000000").arg(p.value(endpoints)));
    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::CreateOrUpgrade); rc >= 0)
        return rc;
    if (database.scalarInt("SELECT count(*) FROM snapshot").value_or(0) > 0)
        return fail(BadInput, QStringLiteral("%1 already has snapshots; the demo fleet goes into a "
                                             "new file")
                                  .arg(database.path()));
    QTemporaryDir temp;
    const QString dir = p.isSet(keep) ? p.value(keep) : temp.path();
    if (!p.isSet(keep) && !temp.isValid())
        return fail(Failure, QStringLiteral("cannot create a temporary folder"));
    const DemoFleet fleet(n);
    for (int i = 0; i < fleet.snapshotCount(); ++i) {
        QString error;
        const QString snapshotDir = QDir(dir).filePath(QStringLiteral("snapshot-%1").arg(i + 1));
        const DemoSnapshotFiles files = fleet.writeSnapshot(i, snapshotDir, &error);
        if (files.files.isEmpty())
            return fail(Failure, QStringLiteral("demo files: %1").arg(error));
        ImportOptions options;
        options.label = files.label;
        options.takenAt = files.takenAt;
        options.origin = QStringLiteral("demo");
        const ImportResult r = Importer::importFiles(database, files.files, options);
        if (!r.ok()) {
            for (const QString &e : r.errors)
                err() << "trhealth-cli: " << e << Qt::endl;
            return Failure;
        }
        out() << QStringLiteral("snapshot %1: %2 — %3 files imported\n")
                     .arg(r.snapshotId)
                     .arg(files.label)
                     .arg(files.files.size());
    }
    out() << QStringLiteral("demo fleet of %1 endpoints written to %2\n").arg(n).arg(database.path());
    out().flush();
    return Success;
}

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        err() << kUsage;
        return UsageError;
    }
    const QString command = arguments.at(1);
    QStringList rest = arguments.mid(1);
    rest[0] = arguments.at(0) + QLatin1Char(' ') + command;
    if (command == QLatin1String("import"))
        return importCommand(rest);
    if (command == QLatin1String("summary"))
        return summaryCommand(rest);
    if (command == QLatin1String("demo"))
        return demoCommand(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out() << kUsage;
        return Success;
    }
    if (command == QLatin1String("--version")) {
        out() << "trhealth-cli " << TRHEALTH_VERSION << "\n";
        return Success;
    }
    err() << "trhealth-cli: unknown command \"" << command << "\"\n" << kUsage;
    return UsageError;
}

} // namespace trh::cli
