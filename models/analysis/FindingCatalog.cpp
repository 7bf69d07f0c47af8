#include "FindingCatalog.h"

#include <QCoreApplication>

namespace trh {

const char *severityKey(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Low:
        return "low";
    case Severity::Medium:
        return "medium";
    case Severity::High:
        return "high";
    }
    return "info";
}

const std::vector<ProcedureStep> &procedureSteps()
{
    static const std::vector<ProcedureStep> all = {
        ProcedureStep::Health,     ProcedureStep::Settings, ProcedureStep::Tools,
        ProcedureStep::Extensions, ProcedureStep::Driver,   ProcedureStep::Bpf,
        ProcedureStep::Coverage,   ProcedureStep::Profiles, ProcedureStep::Alerts};
    return all;
}

const char *procedureStepKey(ProcedureStep step)
{
    switch (step) {
    case ProcedureStep::Health:
        return "health";
    case ProcedureStep::Settings:
        return "settings";
    case ProcedureStep::Tools:
        return "tools";
    case ProcedureStep::Extensions:
        return "extensions";
    case ProcedureStep::Driver:
        return "driver";
    case ProcedureStep::Bpf:
        return "bpf";
    case ProcedureStep::Coverage:
        return "coverage";
    case ProcedureStep::Profiles:
        return "profiles";
    case ProcedureStep::Alerts:
        return "alerts";
    }
    return "health";
}

const std::vector<ConsolePage> &consolePages()
{
    static const std::vector<ConsolePage> all = {
        ConsolePage::ClientHealth, ConsolePage::Tools,    ConsolePage::Driver, ConsolePage::Bpf,
        ConsolePage::Settings,     ConsolePage::Profiles, ConsolePage::Alerts};
    return all;
}

const char *consolePageKey(ConsolePage page)
{
    switch (page) {
    case ConsolePage::ClientHealth:
        return "clientHealthPage";
    case ConsolePage::Tools:
        return "toolsPage";
    case ConsolePage::Driver:
        return "driverPage";
    case ConsolePage::Bpf:
        return "bpfPage";
    case ConsolePage::Settings:
        return "settingsPage";
    case ConsolePage::Profiles:
        return "profilesPage";
    case ConsolePage::Alerts:
        return "alertsPage";
    }
    return "clientHealthPage";
}

// Where each finding belongs follows the maintenance procedure (and docs/health-rules.md,
// "Where a finding is shown"): the step that reviews what the finding is about, and the console
// page that shows that step's findings. The Client Health page also lists the coverage
// findings, the Tools & Extensions page the findings of both the tools and the extensions step.
const std::vector<FindingKind> &findingCatalog()
{
    static const char *const kHealth =
        "Review and remediate Threat Response issues (Client Health)";
    static const char *const kTools =
        "Get Threat Response endpoint tools status and configurations";
    static const char *const kCoverage = "Monitor and troubleshoot Threat Response coverage";
    static const char *const kMtti = "Monitor and troubleshoot mean time to investigate threats";
    static const char *const kMttr = "Monitor and troubleshoot mean time to remediate threats";
    static const std::vector<FindingKind> catalog = {
        {"health.dec", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Direct Connect (dec) health check failing"), kHealth,
         ProcedureStep::Health, ConsolePage::ClientHealth},
        {"health.index", Severity::High, QT_TRANSLATE_NOOP("Finding", "Index health check failing"),
         kHealth, ProcedureStep::Health, ConsolePage::ClientHealth},
        {"health.recorder", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Recorder health check failing"), kHealth,
         ProcedureStep::Health, ConsolePage::ClientHealth},
        {"health.stream", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Stream health check failing"), kHealth,
         ProcedureStep::Health, ConsolePage::ClientHealth},
        {"health.threatresponse", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Threat Response extension health check failing"), kHealth,
         ProcedureStep::Health, ConsolePage::ClientHealth},
        {"driver.driver_not_installed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver not installed"), kTools, ProcedureStep::Driver,
         ConsolePage::Driver},
        {"driver.service_not_installed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver service not installed"), kTools,
         ProcedureStep::Driver, ConsolePage::Driver},
        {"driver.service_not_running", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver service not running"), kTools,
         ProcedureStep::Driver, ConsolePage::Driver},
        {"driver.unknown", Severity::Low,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver state unknown"), kTools, ProcedureStep::Driver,
         ConsolePage::Driver},
        {"bpf.bcc_only", Severity::Low,
         QT_TRANSLATE_NOOP("Finding", "BPF CO-RE not supported (BCC only)"), kTools,
         ProcedureStep::Bpf, ConsolePage::Bpf},
        {"bpf.unsupported", Severity::Medium, QT_TRANSLATE_NOOP("Finding", "BPF not supported"),
         kTools, ProcedureStep::Bpf, ConsolePage::Bpf},
        {"bpf.unknown", Severity::Low, QT_TRANSLATE_NOOP("Finding", "BPF support unknown"), kTools,
         ProcedureStep::Bpf, ConsolePage::Bpf},
        {"recorder.min_requirements_not_met", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Recorder minimum requirements not met"), kTools,
         ProcedureStep::Tools, ConsolePage::Tools},
        {"recorder.not_using_driver", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Recorder not using the Tanium Driver"), kTools,
         ProcedureStep::Driver, ConsolePage::Driver},
        {"tools.not_installed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Threat Response tool not installed"), kTools,
         ProcedureStep::Tools, ConsolePage::Tools},
        {"tools.version_mismatch", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Tool version differs from the targeted version"), kTools,
         ProcedureStep::Tools, ConsolePage::Tools},
        {"extensions.version_outlier", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Client extension version differs from the fleet"), kTools,
         ProcedureStep::Extensions, ConsolePage::Tools},
        {"settings.non_default", Severity::Info,
         QT_TRANSLATE_NOOP("Finding", "Non-default client setting in a TR domain"), kTools,
         ProcedureStep::Settings, ConsolePage::Settings},
        {"profile.none", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "No Threat Response profile applied"), kCoverage,
         ProcedureStep::Profiles, ConsolePage::Profiles},
        {"profile.unknown", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Applied profile not in the profile list"), kCoverage,
         ProcedureStep::Profiles, ConsolePage::Profiles},
        {"profile.outdated_revision", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Applied profile revision is outdated"), kCoverage,
         ProcedureStep::Profiles, ConsolePage::Profiles},
        {"profile.wrong_for_group", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Wrong profile for the endpoint's computer groups"),
         kCoverage, ProcedureStep::Profiles, ConsolePage::Profiles},
        {"intel.outdated", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Threat Response intel outdated"), kTools,
         ProcedureStep::Profiles, ConsolePage::Profiles},
        {"coverage.no_data", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "No usable Client Extensions status answer"), kCoverage,
         ProcedureStep::Coverage, ConsolePage::ClientHealth},
        {"coverage.not_deployed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Threat Response tools not deployed"), kCoverage,
         ProcedureStep::Coverage, ConsolePage::ClientHealth},
        {"alerts.skipped_in_progress", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Alert resolved without going In Progress"), kMtti,
         ProcedureStep::Alerts, ConsolePage::Alerts},
        {"alerts.stale_unresolved", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Alert unresolved for 7 days or more"), kMttr,
         ProcedureStep::Alerts, ConsolePage::Alerts},
    };
    return catalog;
}

const FindingKind *findingKind(const QString &code)
{
    for (const FindingKind &k : findingCatalog()) {
        if (code == QLatin1String(k.code))
            return &k;
    }
    return nullptr;
}

QStringList findingCodes(ProcedureStep step)
{
    QStringList codes;
    for (const FindingKind &k : findingCatalog()) {
        if (k.step == step)
            codes << QString::fromLatin1(k.code);
    }
    return codes;
}

QStringList findingCodes(ConsolePage page)
{
    QStringList codes;
    for (const FindingKind &k : findingCatalog()) {
        if (k.page == page)
            codes << QString::fromLatin1(k.code);
    }
    return codes;
}

} // namespace trh
