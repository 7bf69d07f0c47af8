#pragma once

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace trh {

// The summary of one snapshot ("trhealth.summary/1", docs/health-rules.md "Summary JSON"),
// typed. A figure the snapshot's data cannot give is nullopt, never 0: Count and Figure keep
// null apart from zero. JSON is read and written only at the edges, by fromJson()/toJson():
// the CLI's `summary --json` and the analysis stored in the workspace.
using Count = std::optional<qint64>;
using Figure = std::optional<double>; // a percent or hours

// The Threat Response domains whose health the summary counts: the one list of them.
enum class HealthDomain
{
    Dec,
    Index,
    Recorder,
    Stream,
    ThreatResponse
};
inline constexpr std::array<HealthDomain, 5> kHealthDomains = {
    HealthDomain::Dec, HealthDomain::Index, HealthDomain::Recorder, HealthDomain::Stream,
    HealthDomain::ThreatResponse};
// The domain's name in the answers and the summary keys: "dec", "index", ... "threatresponse".
const char *healthDomainKey(HealthDomain d);

struct SummarySnapshot
{
    qint64 id = 0;
    QString takenAt; // ISO 8601 UTC
    QString label;
    qint64 files = 0;
};

struct EndpointCounts
{
    Count total;
    // Per platform, in key order: Linux, Mac, Unknown, Windows and any other platform text.
    std::vector<std::pair<QString, Count>> byPlatform;
};

struct HealthFailures
{
    Count any;
    std::array<Count, kHealthDomains.size()> domains; // in kHealthDomains order
    Count domain(HealthDomain d) const { return domains[std::size_t(d)]; }
    Count &domain(HealthDomain d) { return domains[std::size_t(d)]; }
};

struct DriverCounts
{
    Count running, serviceNotInstalled, serviceNotRunning, driverNotInstalled, unknown;
};

struct BpfCounts
{
    Count core, bccOnly, unsupported, unknown;
};

struct RecorderCounts
{
    Count minRequirementsNotMet, windowsNotUsingDriver;
};

struct ToolCounts
{
    QString tool; // as the answer spells it
    qint64 notInstalled = 0, versionMismatch = 0;
};

struct ToolsSummary
{
    Count notInstalledEndpoints, versionMismatchEndpoints;
    std::optional<std::vector<ToolCounts>> byTool; // in key order; nullopt: no Tools Status
};

struct ProfileCounts
{
    Count noProfile, unknownProfile, outdatedRevision, wrongProfileForGroup;
};

struct IntelSummary
{
    Count currentRevision, outdated;
};

struct CoverageSummary
{
    Count noData, notDeployed, noProfile, unhealthy, covered;
    Figure percent; // one decimal
};

struct DurationSummary
{
    Count n;
    Figure mean, median, p90; // hours, two decimals
};

struct AlertsSummary
{
    QString month; // YYYY-MM
    Count count;
    DurationSummary mtti, mttr;
    Count resolvedWithoutInProgress, staleUnresolved;

    // The summary's "alerts" object.
    QJsonObject toJson() const;
};

struct FindingCount
{
    QString code;
    QString severity; // info, low, medium, high
    qint64 endpoints = 0;
    std::optional<qint64> aggregateEndpoints; // only when aggregate exports had the code
};

struct FleetSummary
{
    static constexpr const char *kSchema = "trhealth.summary/1";

    bool valid = false; // false: no summary at all (no snapshot); fromJson({}) gives that
    QString schema;
    SummarySnapshot snapshot;
    bool complete = true;
    EndpointCounts endpoints;
    HealthFailures healthFailures;
    DriverCounts driver;
    BpfCounts bpf;
    RecorderCounts recorder;
    ToolsSummary tools;
    ProfileCounts profiles;
    IntelSummary intel;
    CoverageSummary coverage;
    AlertsSummary alerts;
    std::vector<FindingCount> findings; // catalogue order, codes with findings only

    // Reads a summary document (or the figures the analysis stores: the same keys without
    // schema, snapshot, complete and alerts). A missing or non-number figure is nullopt;
    // unknown keys are ignored.
    static FleetSummary fromJson(const QJsonObject &o);
    // The document of the contract, every key present, nulls as null.
    QJsonObject toJson() const;

    const FindingCount *finding(const QString &code) const;
    // Endpoints with a finding of code (0 when the code has none).
    qint64 findingEndpoints(const QString &code) const;
};

} // namespace trh
