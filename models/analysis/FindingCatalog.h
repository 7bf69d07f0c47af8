#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace trh {

enum class Severity
{
    Info,
    Low,
    Medium,
    High
};
const char *severityKey(Severity severity); // "info", "low", "medium", "high"

// The steps of the monthly maintenance procedure, in the order the checklist and the report
// follow them. Every finding is reported under exactly one step.
enum class ProcedureStep
{
    Health,
    Settings,
    Tools,
    Extensions,
    Driver,
    Bpf,
    Coverage,
    Profiles,
    Alerts
};
const std::vector<ProcedureStep> &procedureSteps(); // in the procedure's order
// The step's stable key, stored in the checklist table: "health", "settings", "tools",
// "extensions", "driver", "bpf", "coverage", "profiles", "alerts".
const char *procedureStepKey(ProcedureStep step);

// The console page a finding is listed on: an identifier only (the UI builds the pages).
enum class ConsolePage
{
    ClientHealth,
    Tools,
    Driver,
    Bpf,
    Settings,
    Profiles,
    Alerts
};
const std::vector<ConsolePage> &consolePages(); // in the console's navigation order
// The page's objectName: "clientHealthPage", "toolsPage", "driverPage", "bpfPage",
// "settingsPage", "profilesPage", "alertsPage".
const char *consolePageKey(ConsolePage page);

// The stable catalogue of finding codes. Every number the app shows is a count of findings
// with one of these codes; each code has a remediation entry in resources/guidance/<code>.md.
// Codes are never renamed: reports and notes refer to them across months.
struct FindingKind
{
    const char *code; // e.g. "driver.service_not_running"
    Severity severity;
    const char *title;     // short English title (translated in the UI through tr())
    const char *procedure; // the maintenance-procedure section the fix follows
    ProcedureStep step;    // the checklist step and report section it is reported under
    ConsolePage page;      // the console page it is listed on
};

const std::vector<FindingKind> &findingCatalog();
const FindingKind *findingKind(const QString &code);
// The codes of the catalogue reported under a step, or listed on a page, in catalogue order.
QStringList findingCodes(ProcedureStep step);
QStringList findingCodes(ConsolePage page);

} // namespace trh
