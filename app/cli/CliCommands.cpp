#include "CliCommands.h"
#include "CliSupport.h"
#include "FetchCommand.h"

#include "core/Printable.h"

#include "analysis/Analyzer.h"
#include "analysis/FindingCatalog.h"
#include "analysis/Notes.h"
#include "analysis/SnapshotDiff.h"
#include "analysis/Summary.h"
#include "import/Importer.h"
#include "snapshotfile/SnapshotFile.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Expectations.h"
#include "workspace/SiteMapping.h"
#include "workspace/WorkspaceImport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace trh::cli {

// The helpers every command shares (CliSupport.h).
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
    // Messages quote names and cells from the inputs: escaped for the terminal.
    err() << "trhealth-cli: " << printable(message) << Qt::endl;
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

namespace {

const char *kUsage =
    "usage: trhealth-cli COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  import  --db FILE [--as DATASET] [--label TEXT] [--taken-at ISO8601] [--mapping FILE] "
    "[--lenient] [--json] PATH...\n"
    "  summary --db FILE [--snapshot ID|latest] [--month YYYY-MM] [--json] [--explain]\n"
    "  findings --db FILE [--snapshot ID|latest] [--code CODE] [--json]\n"
    "  diff    --db FILE --from ID --to ID [--json]\n"
    "  expect  --db FILE (--list | --extension DOMAIN (--version V | --clear))\n"
    "  note    add --db FILE --endpoint NAME --code CODE --text TEXT [--ticket T] [--author A]\n"
    "               [--accept-until YYYY-MM-DD]\n"
    "          list --db FILE [--endpoint NAME] [--json]\n"
    "          remove --db FILE --id N\n"
    "  demo    --db FILE [--endpoints N] [--keep-files DIR]\n"
    "  fetch   --db FILE --server URL (--token-file FILE | --token-env VAR) [--ca-file FILE]\n"
    "          [--source rest|gateway] [--threshold 0.95] [--timeout S] [--label TEXT] [--json]\n"
    "  export  --db FILE (--snapshot ID... | --all) --out FILE.trhealth\n"
    "  report  --db FILE [--snapshot ID|latest] [--month YYYY-MM] (--pdf OUT | --html OUT)\n"
    "          [--appendix DIR] [--top N] [--page-size A4|Letter] [--organisation NAME]\n"
    "          [--logo FILE]\n"
    "\n"
    "Run 'trhealth-cli COMMAND --help' for a command's options.\n"
    "exit status: 0 success, 1 usage error, 2 bad input (nothing written), 3 other failure\n";

} // namespace

// The --db option every command has.
QCommandLineOption dbOption()
{
    return QCommandLineOption(QStringLiteral("db"), QStringLiteral("Workspace file."),
                              QStringLiteral("FILE"));
}

// Commands without positional arguments refuse them: exit code, or -1 to go on.
int rejectArguments(const QCommandLineParser &p, const char *command)
{
    if (p.positionalArguments().isEmpty())
        return -1;
    return fail(UsageError, QStringLiteral("%1: unexpected argument %2")
                                .arg(QLatin1String(command), p.positionalArguments().constFirst()));
}

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

// A change the user asked for failed as a whole (its transaction was rolled back, or never
// started): exit 3, saying so.
int changeFailed(const Database &db, const QString &error)
{
    return fail(Failure, QStringLiteral("%1: %2; nothing was changed").arg(db.path(), error));
}

int openStore(Database &db, const QString &path, Store::OpenMode mode)
{
    if (path.isEmpty())
        return fail(UsageError, QStringLiteral("--db FILE is required"));
    // A snapshot file comes from someone else: its pages are checked too before use.
    const Store::OpenResult r = Store::isSnapshotFile(path)
                                    ? SnapshotFile::openChecked(db, path, mode)
                                    : Store::open(db, path, mode);
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

namespace {

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

    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::CreateOrUpgrade); rc >= 0)
        return rc;
    QElapsedTimer timer;
    timer.start();
    const ImportResult result = workspace::importFiles(database, p.positionalArguments(), options);
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

void printSummaryText(const FleetSummary &s)
{
    auto n = [](const Figure &v) {
        return !v ? QStringLiteral("—")
                  : QString::number(*v, 'f', *v == double(qint64(*v)) ? 0 : 1);
    };
    auto c = [&](const Count &v) { return n(v ? Figure(double(*v)) : std::nullopt); };
    out() << "Snapshot " << s.snapshot.id << " taken at " << s.snapshot.takenAt;
    if (!s.snapshot.label.isEmpty())
        out() << " (" << printable(s.snapshot.label) << ")";
    out() << ", " << s.snapshot.files << " file(s)\n";
    if (!s.complete)
        out() << "INCOMPLETE: a lenient import skipped damaged rows; the figures miss the "
                 "endpoints of those rows (see the import report)\n";
    out() << "Endpoints: " << c(s.endpoints.total);
    QStringList parts;
    for (const auto &[platform, count] : s.endpoints.byPlatform)
        parts << QStringLiteral("%1 %2").arg(platform, c(count));
    out() << " (" << parts.join(QStringLiteral(", ")) << ")\n";
    // Each section's figures in the order of their JSON keys.
    using Items = std::vector<std::pair<const char *, QString>>;
    auto section = [&](const char *title, const Items &items) {
        QStringList texts;
        for (const auto &[key, value] : items)
            texts << QStringLiteral("%1 %2").arg(QLatin1String(key), value);
        out() << title << ": " << texts.join(QStringLiteral(", ")) << "\n";
    };
    Items health{{"any", c(s.healthFailures.any)}};
    for (HealthDomain d : kHealthDomains)
        health.emplace_back(healthDomainKey(d), c(s.healthFailures.domain(d)));
    section("Health failures", health);
    section("Windows driver", {{"driver_not_installed", c(s.driver.driverNotInstalled)},
                               {"running", c(s.driver.running)},
                               {"service_not_installed", c(s.driver.serviceNotInstalled)},
                               {"service_not_running", c(s.driver.serviceNotRunning)},
                               {"unknown", c(s.driver.unknown)}});
    section("Linux BPF", {{"bcc_only", c(s.bpf.bccOnly)},
                          {"core", c(s.bpf.core)},
                          {"unknown", c(s.bpf.unknown)},
                          {"unsupported", c(s.bpf.unsupported)}});
    section("Recorder", {{"min_requirements_not_met", c(s.recorder.minRequirementsNotMet)},
                         {"windows_not_using_driver", c(s.recorder.windowsNotUsingDriver)}});
    Items tools;
    if (!s.tools.byTool) // null without a Tools Status: listed like the other figures
        tools.emplace_back("by_tool", c(std::nullopt));
    tools.emplace_back("not_installed_endpoints", c(s.tools.notInstalledEndpoints));
    tools.emplace_back("version_mismatch_endpoints", c(s.tools.versionMismatchEndpoints));
    section("Tools", tools);
    section("Profiles", {{"no_profile", c(s.profiles.noProfile)},
                         {"outdated_revision", c(s.profiles.outdatedRevision)},
                         {"unknown_profile", c(s.profiles.unknownProfile)},
                         {"wrong_profile_for_group", c(s.profiles.wrongProfileForGroup)}});
    section("Coverage", {{"covered", c(s.coverage.covered)},
                         {"no_data", c(s.coverage.noData)},
                         {"no_profile", c(s.coverage.noProfile)},
                         {"not_deployed", c(s.coverage.notDeployed)},
                         {"percent", n(s.coverage.percent)},
                         {"unhealthy", c(s.coverage.unhealthy)}});
}

int summaryCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                      QStringLiteral("Snapshot id, or \"latest\" (default)."),
                                      QStringLiteral("ID"), QStringLiteral("latest"));
    const QCommandLineOption month(QStringLiteral("month"),
                                   QStringLiteral("Month of the alert metrics (default: the "
                                                  "snapshot's month)."),
                                   QStringLiteral("YYYY-MM"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the summary JSON."));
    const QCommandLineOption explainOpt(QStringLiteral("explain"),
                                        QStringLiteral("Explain how each figure is computed."));
    p.addOptions({db, snapshot, month, json, explainOpt});
    if (const int rc = parse(p, args, QStringLiteral("Print a snapshot's health summary."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "summary"); rc >= 0)
        return rc;
    if (p.isSet(month) &&
        !QDate::fromString(p.value(month) + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"))
             .isValid())
        return fail(UsageError, QStringLiteral("--month %1: expected YYYY-MM").arg(p.value(month)));
    Database database;
    // Read-write if it can: the first summary of a snapshot stores its analysis.
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::Reading); rc >= 0)
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
                out() << it.key()
                      << ":\n  formula: " << e.value(QStringLiteral("formula")).toString()
                      << "\n  inputs: "
                      << e.value(QStringLiteral("inputs"))
                             .toVariant()
                             .toStringList()
                             .join(QStringLiteral(", "))
                      << "\n  n: " << e.value(QStringLiteral("n")).toInteger() << "\n";
                for (const QJsonValue &x : e.value(QStringLiteral("excluded")).toArray())
                    out() << "  excluded: "
                          << x.toObject().value(QStringLiteral("count")).toInteger() << " — "
                          << printable(x.toObject().value(QStringLiteral("reason")).toString())
                          << "\n";
                if (e.contains(QStringLiteral("null_reason")))
                    out() << "  null because: " << e.value(QStringLiteral("null_reason")).toString()
                          << "\n";
                if (e.contains(QStringLiteral("expected"))) {
                    const QJsonObject ex = e.value(QStringLiteral("expected")).toObject();
                    for (auto x = ex.begin(); x != ex.end(); ++x)
                        out() << "  expected " << printable(x.key()) << ": "
                              << printable(x.value().toString()) << "\n";
                }
            }
        }
        out().flush();
        return Success;
    }
    const auto summary = Summary::load(database, *id, p.value(month), &error);
    if (!summary)
        return fail(Failure, QStringLiteral("%1: %2").arg(database.path(), error));
    if (p.isSet(json))
        out() << QJsonDocument(summary->toJson()).toJson(QJsonDocument::Indented);
    else
        printSummaryText(*summary);
    out().flush();
    return Success;
}

int demoCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace file to create."),
                                QStringLiteral("FILE"));
    const QCommandLineOption endpoints(QStringLiteral("endpoints"),
                                       QStringLiteral("Fleet size (default 5000)."),
                                       QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption keep(QStringLiteral("keep-files"),
                                  QStringLiteral("Also keep the generated export files in DIR."),
                                  QStringLiteral("DIR"));
    p.addOptions({db, endpoints, keep});
    if (const int rc = parse(p, args,
                             QStringLiteral("Build the demo fleet: write realistic export "
                                            "files and import them."));
        rc >= 0)
        return rc;
    bool ok = false;
    const int n = p.value(endpoints).toInt(&ok);
    if (!ok || n < 1 || n > 1000000)
        return fail(
            UsageError,
            QStringLiteral("--endpoints %1: expected 1 to 1000000").arg(p.value(endpoints)));
    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::CreateOrUpgrade); rc >= 0)
        return rc;
    workspace::DemoOptions options;
    options.endpoints = n;
    options.keepFilesDir = p.value(keep);
    const workspace::DemoResult built = workspace::buildDemo(database, options);
    if (built.status == workspace::DemoResult::Status::NotEmpty)
        return fail(BadInput, built.error);
    if (!built.ok()) {
        for (const QString &e : built.error.split(QLatin1Char('\n')))
            err() << "trhealth-cli: " << printable(e) << Qt::endl;
        return Failure;
    }
    for (const QString &line : built.snapshots)
        out() << line << "\n";
    out()
        << QStringLiteral("demo fleet of %1 endpoints written to %2\n").arg(n).arg(database.path());
    out().flush();
    return Success;
}

// A positive integer option (a snapshot or note id); nullopt after reporting a usage error.
std::optional<std::int64_t> idOption(const QCommandLineParser &p, const QCommandLineOption &o,
                                     int *rc)
{
    const QString name = QStringLiteral("--") + o.names().constFirst();
    if (!p.isSet(o)) {
        *rc = fail(UsageError, QStringLiteral("%1 ID is required").arg(name));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = p.value(o).toLongLong(&ok);
    if (!ok || id <= 0) {
        *rc = fail(UsageError,
                   QStringLiteral("%1 %2: expected a positive number").arg(name, p.value(o)));
        return std::nullopt;
    }
    return std::int64_t(id);
}

// Fails with BadInput unless the snapshot exists; -1 when it does.
int requireSnapshot(Database &db, std::int64_t id)
{
    Statement st(db, "SELECT 1 FROM snapshot WHERE id = ?1");
    st.bind(1, id);
    if (st.step())
        return -1;
    if (!st.ok())
        return fail(Failure, QStringLiteral("%1: %2").arg(db.path(), st.error()));
    return fail(BadInput, QStringLiteral("%1: no snapshot %2").arg(db.path()).arg(id));
}

void printDiffText(const QJsonObject &d)
{
    // Explicit QString returns: with QT_USE_QSTRINGBUILDER an `auto` lambda would return a
    // builder that refers to its destroyed locals.
    auto snapshot = [](const QJsonObject &s) -> QString {
        QString t = QStringLiteral("snapshot %1 (%2")
                        .arg(s.value(QStringLiteral("id")).toInteger())
                        .arg(s.value(QStringLiteral("taken_at")).toString());
        if (!s.value(QStringLiteral("label")).toString().isEmpty())
            t += QStringLiteral(", ") + printable(s.value(QStringLiteral("label")).toString());
        return t + QLatin1Char(')');
    };
    auto signedNumber = [](double v, int decimals) -> QString {
        return (v > 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', decimals);
    };
    auto number = [](const QJsonValue &v, int decimals) -> QString {
        return v.isNull() ? QStringLiteral("—") : QString::number(v.toDouble(), 'f', decimals);
    };
    out() << "Diff " << snapshot(d.value(QStringLiteral("from")).toObject()) << " → "
          << snapshot(d.value(QStringLiteral("to")).toObject()) << "\n";
    const QJsonObject ep = d.value(QStringLiteral("endpoints")).toObject();
    out() << "Endpoints: +" << ep.value(QStringLiteral("added_count")).toInteger() << " added, -"
          << ep.value(QStringLiteral("removed_count")).toInteger() << " removed\n";
    const QJsonObject headline = d.value(QStringLiteral("headline")).toObject();
    const QJsonObject cov = headline.value(QStringLiteral("coverage_percent")).toObject();
    // Coverage is unknown (not 0) for a snapshot the rules have not analysed.
    auto percent = [&](const QJsonValue &v) -> QString {
        return v.isNull() ? QStringLiteral("unknown") : number(v, 1) + QLatin1Char('%');
    };
    out() << "Coverage: " << percent(cov.value(QStringLiteral("from"))) << " → "
          << percent(cov.value(QStringLiteral("to")));
    if (!cov.value(QStringLiteral("delta")).isNull())
        out() << " (" << signedNumber(cov.value(QStringLiteral("delta")).toDouble(), 1) << ")";
    out() << "\n";
    const QJsonObject hf = headline.value(QStringLiteral("health_failures")).toObject();
    // Unknown (not 0) for a snapshot without Client Extensions - Status: its summary says null.
    auto failures = [&](const QJsonValue &v) -> QString {
        return v.isNull() ? QStringLiteral("unknown") : number(v, 0);
    };
    out() << "Health failures: " << failures(hf.value(QStringLiteral("from"))) << " → "
          << failures(hf.value(QStringLiteral("to")));
    if (!hf.value(QStringLiteral("delta")).isNull())
        out() << " (" << signedNumber(double(hf.value(QStringLiteral("delta")).toInteger()), 0)
              << ")";
    out() << "\n";
    const QJsonArray codes = d.value(QStringLiteral("codes")).toArray();
    if (codes.isEmpty())
        out() << "No findings in either snapshot.\n";
    for (const QJsonValue &v : codes) {
        const QJsonObject c = v.toObject();
        auto count = [&](const char *key) {
            return c.value(QLatin1String(key))
                .toObject()
                .value(QStringLiteral("count"))
                .toInteger();
        };
        out() << c.value(QStringLiteral("code")).toString() << ": +" << count("newly_affected")
              << " new, -" << count("recovered") << " recovered, " << count("still_affected")
              << " still";
        const QJsonObject agg = c.value(QStringLiteral("aggregate_weight")).toObject();
        if (!agg.value(QStringLiteral("from")).isNull() ||
            !agg.value(QStringLiteral("to")).isNull())
            out() << "; aggregate weight " << number(agg.value(QStringLiteral("from")), 0) << " → "
                  << number(agg.value(QStringLiteral("to")), 0);
        out() << "\n";
    }
}

int diffCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Older snapshot id."),
                                  QStringLiteral("ID"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Newer snapshot id."),
                                QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the diff JSON."));
    p.addOptions({db, from, to, json});
    if (const int rc = parse(p, args,
                             QStringLiteral("Compare two snapshots: endpoints added and "
                                            "removed, findings new, recovered and still "
                                            "open."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "diff"); rc >= 0)
        return rc;
    int rc = -1;
    const auto fromId = idOption(p, from, &rc);
    if (!fromId)
        return rc;
    const auto toId = idOption(p, to, &rc);
    if (!toId)
        return rc;
    Database database;
    // Read-write if it can: a snapshot not analysed yet gets its findings stored first.
    if (rc = openStore(database, p.value(db), Store::OpenMode::Reading); rc >= 0)
        return rc;
    if (rc = requireSnapshot(database, *fromId); rc >= 0)
        return rc;
    if (rc = requireSnapshot(database, *toId); rc >= 0)
        return rc;
    QString error;
    if (!Analyzer::ensure(database, *fromId, &error) || !Analyzer::ensure(database, *toId, &error))
        return fail(Failure, QStringLiteral("%1: %2").arg(database.path(), error));
    const auto diff = SnapshotDiff::compute(database, *fromId, *toId, &error);
    if (!diff)
        return fail(Failure, QStringLiteral("%1: %2").arg(database.path(), error));
    const QJsonObject doc = diff->toJson(database);
    if (p.isSet(json))
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    else
        printDiffText(doc);
    out().flush();
    return Success;
}

QJsonObject noteJson(const Note &n)
{
    return QJsonObject{
        {QStringLiteral("id"), qint64(n.id)},
        {QStringLiteral("endpoint"), n.endpointName},
        {QStringLiteral("code"), n.code},
        {QStringLiteral("text"), n.text},
        {QStringLiteral("ticket"), n.ticket},
        {QStringLiteral("author"), n.author},
        {QStringLiteral("created_at"), n.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("accepted_until"), n.acceptedUntil
                                               ? QJsonValue(n.acceptedUntil->toString(Qt::ISODate))
                                               : QJsonValue(QJsonValue::Null)},
    };
}

int noteAdd(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      QStringLiteral("Endpoint (Computer Name, any case)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption code(QStringLiteral("code"),
                                  QStringLiteral("Finding code, e.g. driver.service_not_running."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption text(QStringLiteral("text"), QStringLiteral("The note."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption ticket(QStringLiteral("ticket"), QStringLiteral("Ticket reference."),
                                    QStringLiteral("T"));
    const QCommandLineOption author(QStringLiteral("author"),
                                    QStringLiteral("Author (default: $USER / $USERNAME)."),
                                    QStringLiteral("A"));
    const QCommandLineOption acceptUntil(
        QStringLiteral("accept-until"),
        QStringLiteral("Accept the finding as a known exception up to "
                       "and including this day."),
        QStringLiteral("YYYY-MM-DD"));
    p.addOptions({db, endpoint, code, text, ticket, author, acceptUntil});
    if (const int rc = parse(p, args,
                             QStringLiteral("Add a note (or an accepted exception) to an "
                                            "endpoint's finding."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "note add"); rc >= 0)
        return rc;
    for (const QCommandLineOption *o : {&endpoint, &code, &text}) {
        if (!p.isSet(*o))
            return fail(UsageError, QStringLiteral("note add: --%1 %2 is required")
                                        .arg(o->names().constFirst(), o->valueName()));
    }
    Note note;
    if (p.isSet(acceptUntil)) {
        const QDate d = QDate::fromString(p.value(acceptUntil), QStringLiteral("yyyy-MM-dd"));
        if (!d.isValid())
            return fail(
                UsageError,
                QStringLiteral("--accept-until %1: expected YYYY-MM-DD").arg(p.value(acceptUntil)));
        note.acceptedUntil = d;
    }
    if (p.value(text).trimmed().isEmpty())
        return fail(UsageError, QStringLiteral("note add: --text must not be empty"));
    if (!findingKind(p.value(code)))
        return fail(BadInput, QStringLiteral("unknown finding code \"%1\"").arg(p.value(code)));
    note.code = p.value(code);
    note.text = p.value(text);
    note.ticket = p.value(ticket);
    note.author = p.isSet(author) ? p.value(author) : qEnvironmentVariable("USER");
    if (note.author.isEmpty())
        note.author = qEnvironmentVariable("USERNAME");
    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::Existing); rc >= 0)
        return rc;
    const auto endpointId = Notes::endpointByName(database, p.value(endpoint));
    if (!endpointId)
        return fail(
            BadInput,
            QStringLiteral("%1: no endpoint \"%2\"").arg(database.path(), p.value(endpoint)));
    note.endpointId = *endpointId;
    QString error;
    const auto id = Notes::add(database, note, &error);
    if (!id)
        return changeFailed(database, error);
    out() << QStringLiteral("note %1 added\n").arg(*id);
    out().flush();
    return Success;
}

int noteList(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      QStringLiteral("Only this endpoint's notes."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the notes as JSON."));
    p.addOptions({db, endpoint, json});
    if (const int rc = parse(p, args, QStringLiteral("List notes and accepted exceptions."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "note list"); rc >= 0)
        return rc;
    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::ReadOnly); rc >= 0)
        return rc;
    std::vector<Note> notes;
    if (p.isSet(endpoint)) {
        const auto endpointId = Notes::endpointByName(database, p.value(endpoint));
        if (!endpointId)
            return fail(
                BadInput,
                QStringLiteral("%1: no endpoint \"%2\"").arg(database.path(), p.value(endpoint)));
        notes = Notes::forEndpoint(database, *endpointId);
    } else {
        notes = Notes::all(database);
    }
    if (p.isSet(json)) {
        QJsonArray list;
        for (const Note &n : notes)
            list.append(noteJson(n));
        out() << QJsonDocument(
                     QJsonObject{{QStringLiteral("schema"), QStringLiteral("trhealth.notes/1")},
                                 {QStringLiteral("notes"), list}})
                     .toJson(QJsonDocument::Indented);
    } else {
        for (const Note &n : notes) {
            out() << "#" << n.id << " " << printable(n.endpointName) << " " << n.code;
            if (n.acceptedUntil)
                out() << " [accepted until " << n.acceptedUntil->toString(Qt::ISODate) << "]";
            out() << ": " << printable(n.text);
            if (!n.ticket.isEmpty())
                out() << " (ticket " << printable(n.ticket) << ")";
            out() << " — " << printable(n.author) << ", " << n.createdAt.toString(Qt::ISODate)
                  << "\n";
        }
        if (notes.empty())
            out() << "no notes\n";
    }
    out().flush();
    return Success;
}

int noteRemove(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Note id (see note list)."),
                                QStringLiteral("N"));
    p.addOptions({db, id});
    if (const int rc = parse(p, args, QStringLiteral("Remove a note.")); rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "note remove"); rc >= 0)
        return rc;
    int rc = -1;
    const auto noteId = idOption(p, id, &rc);
    if (!noteId)
        return rc;
    Database database;
    if (rc = openStore(database, p.value(db), Store::OpenMode::Existing); rc >= 0)
        return rc;
    if (!Notes::byId(database, *noteId))
        return fail(BadInput, QStringLiteral("%1: no note %2").arg(database.path()).arg(*noteId));
    QString error;
    if (!Notes::remove(database, *noteId, &error))
        return changeFailed(database, error);
    out() << QStringLiteral("note %1 removed\n").arg(*noteId);
    out().flush();
    return Success;
}

// `note add|list|remove`: the sub-command becomes part of the program name, as commands do.
// Expected client-extension versions (else the most common version in each snapshot).
int expectCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption extension(QStringLiteral("extension"),
                                       QStringLiteral("Client extension domain, e.g. recorder."),
                                       QStringLiteral("DOMAIN"));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Expected version."),
                                     QStringLiteral("VERSION"));
    const QCommandLineOption clear(QStringLiteral("clear"),
                                   QStringLiteral("Forget the expected version of --extension."));
    const QCommandLineOption list(QStringLiteral("list"),
                                  QStringLiteral("List the expected versions."));
    p.addOptions({db, extension, version, clear, list});
    if (const int rc =
            parse(p, args, QStringLiteral("Set the expected version of a client extension."));
        rc >= 0)
        return rc;
    const bool setting = p.isSet(extension) && p.isSet(version) && !p.isSet(clear);
    const bool clearing = p.isSet(extension) && p.isSet(clear) && !p.isSet(version);
    if (!p.isSet(list) && !setting && !clearing)
        return fail(UsageError, QStringLiteral("expect: give --list, --extension D --version V, or "
                                               "--extension D --clear"));
    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::Existing); rc >= 0)
        return rc;
    if ((setting || clearing) &&
        !workspace::Expectations::set(database, p.value(extension),
                                      setting ? p.value(version) : QString()))
        return changeFailed(database, database.lastError());
    for (const workspace::Expectations::ExpectedVersion &e :
         workspace::Expectations::list(database))
        out() << printable(e.extension) << "\t" << printable(e.version) << "\n";
    out().flush();
    return Success;
}

// The endpoints behind a figure: every finding of a snapshot (optionally of one code), with
// the note or accepted-risk exception that touches it.
int findingsCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                      QStringLiteral("Snapshot id, or \"latest\" (default)."),
                                      QStringLiteral("ID"), QStringLiteral("latest"));
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("Only this finding code."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOptions({db, snapshot, code, json});
    if (const int rc = parse(
            p, args, QStringLiteral("List the findings of a snapshot, endpoint by endpoint."));
        rc >= 0)
        return rc;
    if (p.isSet(code) && !findingKind(p.value(code)))
        return fail(BadInput, QStringLiteral("--code %1: not a finding code").arg(p.value(code)));
    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::Reading); rc >= 0)
        return rc;
    QString error;
    const auto id = resolveSnapshot(database, p.value(snapshot), &error);
    if (!id)
        return fail(BadInput, error);
    if (!Analyzer::ensure(database, *id, &error))
        return fail(Failure, QStringLiteral("%1: %2").arg(database.path(), error));
    Statement takenAt(database, "SELECT substr(taken_at, 1, 10) FROM snapshot WHERE id = ?1");
    takenAt.bind(1, *id);
    const QDate on =
        takenAt.step() ? QDate::fromString(takenAt.text(0), Qt::ISODate) : QDate::currentDate();
    Statement st(
        database,
        "SELECT f.endpoint_id, coalesce(e.name, ''), f.code, f.subject, f.detail, f.weight, "
        "(SELECT group_concat(n.text || CASE WHEN n.ticket <> '' THEN ' [' || n.ticket || ']' "
        "ELSE '' END, ' | ') FROM note n WHERE n.endpoint_id = f.endpoint_id AND n.code = f.code) "
        "FROM finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
        "WHERE f.snapshot_id = ?1 AND (?2 = '' OR f.code = ?2) ORDER BY f.code, e.name_key, f.id");
    st.bind(1, *id).bind(2, p.value(code));
    QJsonArray rows;
    qint64 count = 0, accepted = 0;
    while (st.step()) {
        ++count;
        const bool isAccepted =
            !st.isNull(0) && Notes::isAccepted(database, st.int64(0), st.text(2), on);
        accepted += isAccepted;
        if (p.isSet(json)) {
            QJsonObject row{
                {QStringLiteral("endpoint"), st.text(1)}, {QStringLiteral("code"), st.text(2)},
                {QStringLiteral("subject"), st.text(3)},  {QStringLiteral("detail"), st.text(4)},
                {QStringLiteral("accepted"), isAccepted}, {QStringLiteral("notes"), st.text(6)}};
            if (st.isNull(0))
                row.insert(QStringLiteral("aggregate_weight"), qint64(st.int64(5)));
            rows.append(row);
        } else {
            out() << (st.isNull(0) ? QStringLiteral("(%1 endpoints)").arg(st.int64(5))
                                   : printable(st.text(1)))
                  << "\t" << st.text(2) << "\t" << printable(st.text(3)) << "\t"
                  << printable(st.text(4));
            if (isAccepted)
                out() << "\t[accepted]";
            if (!st.isNull(6))
                out() << "\tnote: " << printable(st.text(6));
            out() << "\n";
        }
    }
    if (p.isSet(json)) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("snapshot"), qint64(*id)},
                                           {QStringLiteral("count"), count},
                                           {QStringLiteral("accepted"), accepted},
                                           {QStringLiteral("findings"), rows}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << QStringLiteral("%1 finding(s), %2 accepted\n").arg(count).arg(accepted);
    }
    out().flush();
    return Success;
}

int noteCommand(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest[0] = args.at(0) + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("add"))
        return noteAdd(rest);
    if (sub == QLatin1String("list"))
        return noteList(rest);
    if (sub == QLatin1String("remove"))
        return noteRemove(rest);
    return fail(UsageError, sub.isEmpty() ? QStringLiteral("note: expected add, list or remove")
                                          : QStringLiteral("note: unknown sub-command \"%1\"; "
                                                           "expected add, list or remove")
                                                .arg(sub));
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
    if (command == QLatin1String("diff"))
        return diffCommand(rest);
    if (command == QLatin1String("expect"))
        return expectCommand(rest);
    if (command == QLatin1String("findings"))
        return findingsCommand(rest);
    if (command == QLatin1String("note"))
        return noteCommand(rest);
    if (command == QLatin1String("fetch"))
        return fetchCommand(rest);
    if (command == QLatin1String("export"))
        return exportCommand(rest);
    if (command == QLatin1String("report"))
        return reportCommand(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out() << kUsage;
        return Success;
    }
    if (command == QLatin1String("--version")) {
        out() << "trhealth-cli " << TRHEALTH_VERSION << "\n";
        return Success;
    }
    err() << "trhealth-cli: unknown command \"" << printable(command) << "\"\n" << kUsage;
    return UsageError;
}

} // namespace trh::cli
