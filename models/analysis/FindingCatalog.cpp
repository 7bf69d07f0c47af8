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
         QT_TRANSLATE_NOOP("Finding", "Direct Connect (dec) health check failing"), kHealth},
        {"health.index", Severity::High, QT_TRANSLATE_NOOP("Finding", "Index health check failing"),
         kHealth},
        {"health.recorder", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Recorder health check failing"), kHealth},
        {"health.stream", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Stream health check failing"), kHealth},
        {"health.threatresponse", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Threat Response extension health check failing"), kHealth},
        {"driver.driver_not_installed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver not installed"), kTools},
        {"driver.service_not_installed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver service not installed"), kTools},
        {"driver.service_not_running", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver service not running"), kTools},
        {"driver.unknown", Severity::Low,
         QT_TRANSLATE_NOOP("Finding", "Tanium Driver state unknown"), kTools},
        {"bpf.bcc_only", Severity::Low,
         QT_TRANSLATE_NOOP("Finding", "BPF CO-RE not supported (BCC only)"), kTools},
        {"bpf.unsupported", Severity::Medium, QT_TRANSLATE_NOOP("Finding", "BPF not supported"),
         kTools},
        {"bpf.unknown", Severity::Low, QT_TRANSLATE_NOOP("Finding", "BPF support unknown"), kTools},
        {"recorder.min_requirements_not_met", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Recorder minimum requirements not met"), kTools},
        {"recorder.not_using_driver", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Recorder not using the Tanium Driver"), kTools},
        {"tools.not_installed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Threat Response tool not installed"), kTools},
        {"tools.version_mismatch", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Tool version differs from the targeted version"), kTools},
        {"extensions.version_outlier", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Client extension version differs from the fleet"), kTools},
        {"settings.non_default", Severity::Info,
         QT_TRANSLATE_NOOP("Finding", "Non-default client setting in a TR domain"), kTools},
        {"profile.none", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "No Threat Response profile applied"), kCoverage},
        {"profile.unknown", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Applied profile not in the profile list"), kCoverage},
        {"profile.outdated_revision", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Applied profile revision is outdated"), kCoverage},
        {"profile.wrong_for_group", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Wrong profile for the endpoint's computer groups"),
         kCoverage},
        {"intel.outdated", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Threat Response intel outdated"), kTools},
        {"coverage.no_data", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "No usable Client Extensions status answer"), kCoverage},
        {"coverage.not_deployed", Severity::High,
         QT_TRANSLATE_NOOP("Finding", "Threat Response tools not deployed"), kCoverage},
        {"alerts.skipped_in_progress", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Alert resolved without going In Progress"), kMtti},
        {"alerts.stale_unresolved", Severity::Medium,
         QT_TRANSLATE_NOOP("Finding", "Alert unresolved for 7 days or more"), kMttr},
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

} // namespace trh
