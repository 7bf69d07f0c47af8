#pragma once

#include <QString>

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

// The stable catalogue of finding codes. Every number the app shows is a count of findings
// with one of these codes; each code has a remediation entry in resources/guidance/<code>.md.
// Codes are never renamed: reports and notes refer to them across months.
struct FindingKind
{
    const char *code; // e.g. "driver.service_not_running"
    Severity severity;
    const char *title;     // short English title (translated in the UI through tr())
    const char *procedure; // the maintenance-procedure section the fix follows
};

const std::vector<FindingKind> &findingCatalog();
const FindingKind *findingKind(const QString &code);

} // namespace trh
