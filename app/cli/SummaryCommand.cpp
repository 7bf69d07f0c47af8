// trhealth-cli summary: a snapshot's health summary, as text or JSON, or how each figure
// is computed.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace trh::cli {

namespace {

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

} // namespace

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
    workspace::Workspace ws;
    std::int64_t id = 0;
    // Read-write if it can: the first summary of a snapshot stores its analysis.
    if (const int rc =
            openSnapshot(ws, p.value(db), workspace::OpenMode::Reading, p.value(snapshot), &id);
        rc >= 0)
        return rc;
    QString error;
    if (p.isSet(explainOpt)) {
        const auto explanation = ws.explainSummary(id, &error);
        if (!explanation)
            return fail(Failure, QStringLiteral("%1: %2").arg(ws.path(), error));
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
    const auto summary = ws.summary(id, p.value(month), &error);
    if (!summary)
        return fail(Failure, QStringLiteral("%1: %2").arg(ws.path(), error));
    if (p.isSet(json))
        out() << QJsonDocument(summary->toJson()).toJson(QJsonDocument::Indented);
    else
        printSummaryText(*summary);
    out().flush();
    return Success;
}

} // namespace trh::cli
