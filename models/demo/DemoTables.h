#pragma once

// The static data of the demo fleet: platforms, roles, operating systems, tools, profiles,
// settings, the rates by month, the showcase kinds and the snapshot dates. Internal to
// models/demo.

#include <QtGlobal>

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

namespace trh::demo {

using std::string_view;
using namespace std::string_view_literals;

constexpr int kSnapshots = 4;
constexpr int kMaxEndpoints = 1000000;

// ------------------------------------------------------------------------------ fleet tables

enum class Platform : std::uint8_t
{
    Windows,
    Linux,
    Mac
};

string_view platformName(Platform p);

string_view platformGroup(Platform p);

enum Role : std::uint8_t
{
    WinDesktop,
    WinLaptop,
    WinDc,
    WinSql,
    WinFile,
    WinApp,
    LnxWeb,
    LnxDb,
    LnxK8s,
    LnxBuild,
    LnxDev,
    MacClient,
    kRoleCount
};

// Per mille of the fleet: 60 % Windows, 35 % Linux, 5 % Mac.
constexpr std::array<int, kRoleCount> kRoleWeights = {300, 180, 15,  25, 20, 60,
                                                      100, 50,  100, 40, 60, 50};

Platform rolePlatform(Role r);

bool isServerRole(Role r);

constexpr std::array<string_view, 8> kDeptCode = {"FIN"sv, "HR"sv,    "ENG"sv, "SALES"sv,
                                                  "MKT"sv, "LEGAL"sv, "OPS"sv, "IT"sv};
constexpr std::array<string_view, 8> kDeptLower = {"fin"sv, "hr"sv,    "eng"sv, "sales"sv,
                                                   "mkt"sv, "legal"sv, "ops"sv, "it"sv};
constexpr std::array<int, 8> kDeptWeights = {12, 6, 25, 18, 10, 4, 15, 10};
constexpr std::array<string_view, 8> kDeptWorkstations = {
    "Finance Workstations"sv,     "Human Resources Workstations"sv,
    "Engineering Workstations"sv, "Sales Workstations"sv,
    "Marketing Workstations"sv,   "Legal Workstations"sv,
    "Operations Workstations"sv,  "IT Workstations"sv};
constexpr std::array<string_view, 8> kDeptLaptops = {
    "Finance Laptops"sv,   "Human Resources Laptops"sv, "Engineering Laptops"sv, "Sales Laptops"sv,
    "Marketing Laptops"sv, "Legal Laptops"sv,           "Operations Laptops"sv,  "IT Laptops"sv};

constexpr std::array<string_view, 4> kSiteCode = {"LON"sv, "FRA"sv, "NYC"sv, "SIN"sv};
constexpr std::array<string_view, 4> kSiteLower = {"lon"sv, "fra"sv, "nyc"sv, "sin"sv};
constexpr std::array<string_view, 4> kSiteGroup = {"Site - London"sv, "Site - Frankfurt"sv,
                                                   "Site - New York"sv, "Site - Singapore"sv};
constexpr std::array<int, 4> kSiteWeights = {35, 25, 25, 15};

constexpr std::array<string_view, 4> kMacDept = {"DESIGN"sv, "MKT"sv, "EXEC"sv, "ENG"sv};
constexpr std::array<string_view, 4> kMacGroup = {"Design Macs"sv, "Marketing Macs"sv,
                                                  "Executive Macs"sv, "Engineering Macs"sv};
constexpr std::array<int, 4> kMacDeptWeights = {40, 25, 10, 25};

constexpr std::array<string_view, 2> kDbEngine = {"pg"sv, "mysql"sv};

enum class Bpf : std::uint8_t
{
    None,
    Core,
    BccOnly,
    Unsupported
};

struct OsDef
{
    string_view name;
    string_view kernel; // Linux: short kernel release for the BPF details text
    Bpf bpf;
};

enum OsId : std::uint8_t
{
    Win11,
    Win10,
    Srv2022,
    Srv2019,
    Srv2016,
    Ubuntu2204,
    Rhel93,
    Debian12,
    Amazon2023,
    Sles15,
    Rhel89,
    Ubuntu2004,
    CentOs7,
    Ubuntu2404,
    MacOs145,
    MacOs136,
    MacOs150,
    kOsCount
};

constexpr std::array<OsDef, kOsCount> kOs = {{
    {"Windows 11 Enterprise"sv, {}, Bpf::None},
    {"Windows 10 Enterprise"sv, {}, Bpf::None},
    {"Windows Server 2022 Datacenter"sv, {}, Bpf::None},
    {"Windows Server 2019 Datacenter"sv, {}, Bpf::None},
    {"Windows Server 2016 Standard"sv, {}, Bpf::None},
    {"Ubuntu 22.04.4 LTS"sv, "5.15.0-91"sv, Bpf::Core},
    {"Red Hat Enterprise Linux 9.3"sv, "5.14.0-362"sv, Bpf::Core},
    {"Debian GNU/Linux 12 (bookworm)"sv, "6.1.0-18"sv, Bpf::Core},
    {"Amazon Linux 2023"sv, "6.1.61-85"sv, Bpf::Core},
    {"SUSE Linux Enterprise Server 15 SP5"sv, "5.14.21-150500"sv, Bpf::Core},
    {"Red Hat Enterprise Linux 8.9"sv, "4.18.0-513"sv, Bpf::BccOnly},
    {"Ubuntu 20.04.6 LTS"sv, "5.4.0-169"sv, Bpf::BccOnly},
    {"CentOS Linux 7.9.2009"sv, "3.10.0-1160"sv, Bpf::Unsupported},
    {"Ubuntu 24.04.1 LTS"sv, "6.8.0-45"sv, Bpf::Core},
    {"macOS 14.5"sv, {}, Bpf::None},
    {"macOS 13.6.7"sv, {}, Bpf::None},
    {"macOS 15.0.1"sv, {}, Bpf::None},
}};

OsId pickOs(Role role, std::uint64_t h);

// Threat Response domains in the order health-rules.md lists them.
enum Domain : std::uint8_t
{
    Dec,
    Index,
    Recorder,
    Stream,
    ThreatResponse,
    kDomainCount
};
constexpr std::array<int, kDomainCount> kDomainFailWeights = {15, 20, 30, 20, 15};
// Failure reasons as a client would report them; some carry commas and quotes on purpose.
constexpr std::array<std::array<string_view, 3>, kDomainCount> kFailReasons = {{
    {"dec: connection refused"sv, "dec: unable to reach zone proxy, retrying in 300 seconds"sv,
     "dec: TLS handshake failed"sv},
    {"index: scan stalled"sv, "index: database locked by another process"sv,
     "index: file system journal overflow, full rescan required"sv},
    {"recorder database exceeds size limit"sv,
     "recorder: \"MaxEventsPerSecond\" limit reached, events dropped"sv,
     "recorder: event source unavailable"sv},
    {"stream: unable to reach server"sv, "stream: queue full, events dropped"sv,
     "stream: certificate rejected by server"sv},
    {"threatresponse: extension crashed 3 times"sv, "threatresponse: intel download failed"sv,
     "threatresponse: profile could not be applied"sv},
}};

enum class DriverState : std::uint8_t
{
    Running,
    Stopped,
    NotStarted,
    ServiceNotInstalled,
    NotInstalled,
};
constexpr std::array<int, 4> kDriverProblemWeights = {35, 20, 20, 25}; // Stopped..NotInstalled

// Tools of "Endpoint Configuration - Tools Status", as the procedure names them.
enum Tool : std::uint8_t
{
    ToolThreatResponse,
    ToolThreatResponseCx,
    ToolStream,
    ToolCxStream,
    ToolIncidentResponse,
    ToolIndexCx,
    ToolDirectConnect,
    ToolDecCx,
    ToolDriver,
    ToolRecorder,
    ToolRecorderBpf,
    kToolCount
};

struct ToolDef
{
    string_view name;
    std::uint8_t platforms; // bit 0 Windows, 1 Linux, 2 Mac
    string_view older;      // what a stuck endpoint still runs
    string_view previous;   // targeted before `release`
    string_view current;    // targeted from snapshot `release` on
    int release;
};

constexpr std::array<ToolDef, kToolCount> kTools = {{
    {"Threat Response"sv, 7, "3.10.1.0"sv, "3.11.2.0"sv, "3.12.4.0"sv, 2},
    {"Threat-response-cx"sv, 7, "3.10.1.0"sv, "3.11.2.0"sv, "3.12.4.0"sv, 2},
    {"Threat Response Stream"sv, 7, "2.6.3.2"sv, "2.7.0.12"sv, "2.8.1.4"sv, 1},
    {"cx-stream"sv, 7, "2.6.3.2"sv, "2.7.0.12"sv, "2.8.1.4"sv, 1},
    {"Incident Response"sv, 7, "4.4.2.0"sv, "4.5.0.0"sv, "4.5.0.0"sv, 0},
    {"index-cx"sv, 7, "2.7.5.0"sv, "2.8.3.0"sv, "2.9.1.0"sv, 2},
    {"Direct Connect"sv, 7, "1.13.0.8"sv, "1.14.2.0"sv, "1.15.0.3"sv, 3},
    {"dec-cx"sv, 7, "1.13.0.8"sv, "1.14.2.0"sv, "1.15.0.3"sv, 3},
    {"Driver"sv, 1, "10.2.1.1102"sv, "10.3.0.1180"sv, "10.4.2.1234"sv, 1},
    {"Recorder"sv, 7, "6.2.4.0"sv, "6.3.1.0"sv, "6.4.0.2"sv, 2},
    {"Recorder BPF Support"sv, 2, "1.1.2.0"sv, "1.2.0.0"sv, "1.3.0.0"sv, 2},
}};
// Share of endpoints still on the previous version 0, 1, 2 and 3+ months after a release.
constexpr std::array<std::uint32_t, 4> kToolLagPpm = {50000, 20000, 8000, 8000};
// The client extensions of "Installed Extensions" are the binaries of these tools.
constexpr std::array<std::pair<string_view, Tool>, 4> kExtensions = {{
    {"index"sv, ToolIndexCx},
    {"recorder"sv, ToolRecorder},
    {"stream"sv, ToolCxStream},
    {"threatresponse"sv, ToolThreatResponseCx},
}};

enum class ToolStatus : std::uint8_t
{
    Absent,
    Installed,
    NotInstalled,
    Installing
};

struct ProfileDef
{
    string_view name;
    int id;
    std::array<int, kSnapshots> revision;
    std::array<string_view, kSnapshots> status;
    std::array<string_view, 3> groups; // empty entries unused
};

// Priority order: the first profile with one of an endpoint's groups applies.
constexpr std::array<ProfileDef, 5> kProfiles = {{
    {"Windows Servers - High Fidelity"sv,
     12,
     {5, 6, 6, 7},
     {"Deployed"sv, "Deployed"sv, "Deployed"sv, "Deploying"sv},
     {"Domain Controllers"sv, "SQL Servers"sv, "Windows Servers"sv}},
    {"Windows Workstations"sv,
     7,
     {10, 11, 12, 12},
     {"Deployed"sv, "Deployed"sv, "Updated"sv, "Deployed"sv},
     {"All Windows"sv, {}, {}}},
    {"Linux Servers"sv,
     15,
     {4, 4, 5, 5},
     {"Deployed"sv, "Deployed"sv, "Deployed"sv, "Deployed"sv},
     {"Web Servers"sv, "Database Servers"sv, "Linux Servers"sv}},
    {"Mac Endpoints"sv,
     9,
     {3, 3, 3, 3},
     {"Deployed"sv, "Deployed"sv, "Deployed"sv, "Deployed"sv},
     {"All Mac"sv, {}, {}}},
    {"Default Profile"sv,
     1,
     {2, 2, 2, 2},
     {"Deployed"sv, "Deployed"sv, "Deployed"sv, "Deployed"sv},
     {"All Computers"sv, {}, {}}},
}};
constexpr int kDefaultProfile = 4;

// Profiles some endpoints still report although they are no longer in the profile list.
struct StaleProfile
{
    string_view name;
    int id;
    int revision;
};
constexpr std::array<StaleProfile, 2> kStaleProfiles = {{
    {"Legacy Servers"sv, 4, 9},
    {"Pilot - Recorder Tuning"sv, 21, 2},
}};

// Intel revision per month; index m + 2 is the current one of snapshot m.
constexpr std::array<int, kSnapshots + 2> kIntelRevision = {2026062, 2026072, 2026082,
                                                            2026092, 2026102, 2026112};

struct SettingDef
{
    string_view domain;
    string_view key;
    string_view windowsValue;
    string_view otherValue;
};
constexpr std::array<SettingDef, 6> kSettings = {{
    {"recorder"sv, "DatabaseMaxSize"sv, "2048"sv, "2048"sv},
    {"stream"sv, "MaxQueueSize"sv, "50000"sv, "50000"sv},
    {"index"sv, "ScanIntervalHours"sv, "24"sv, "24"sv},
    {"threatresponse"sv, "LogVerbosityLevel"sv, "41"sv, "41"sv},
    {"dec"sv, "ConnectionTimeoutSeconds"sv, "120"sv, "120"sv},
    {"index"sv, "ExcludedPaths"sv, "C:\\Windows\\WinSxS;C:\\ProgramData\\Tanium"sv,
     "/var/lib/docker;/proc"sv},
}};

// -------------------------------------------------------------------------- rates by month
// Persistent problems compare one per-endpoint draw with a falling rate: the broken set
// shrinks month by month (coverage ~82 % -> ~90 %). Transient ones draw per month.
constexpr std::array<std::uint32_t, kSnapshots> kNotDeployedPpm = {65000, 50000, 40000, 30000};
constexpr std::uint32_t kJoinerNoTrPpm = 300000; // new machines often lack TR in month one
constexpr std::uint32_t kCxPendingPpm = 7000;
constexpr std::uint32_t kCxErrorPpm = 100;
constexpr std::array<std::uint32_t, kSnapshots> kNoProfilePpm = {25000, 20000, 15000, 12000};
constexpr std::uint32_t kNoProfileTransientPpm = 3000;
constexpr std::array<std::uint32_t, kSnapshots> kFailPersistentPpm = {35000, 28000, 22000, 18000};
constexpr std::array<std::uint32_t, kSnapshots> kFailTransientPpm = {50000, 43000, 35000, 28000};
constexpr std::uint32_t kPatchFailPpm = 5000;
constexpr std::array<std::uint32_t, kSnapshots> kOneCpuPpm = {9000, 8000, 7000, 6000};
constexpr std::array<std::uint32_t, kSnapshots> kDriverPersistentPpm = {60000, 50000, 40000, 35000};
constexpr std::uint32_t kDriverTransientPpm = 15000;
constexpr std::uint32_t kDriverPendingPpm = 6000;
constexpr std::uint32_t kNoDriverUsePpm = 5000;
constexpr std::uint32_t kBpfPendingPpm = 8000;
constexpr std::array<std::uint32_t, kSnapshots> kIntelPersistentPpm = {25000, 20000, 15000, 12000};
constexpr std::uint32_t kIntelTransientPpm = 30000;
constexpr std::array<std::uint32_t, kSnapshots> kWrongProfilePpm = {20000, 17000, 15000, 13000};
constexpr std::uint32_t kUnknownProfilePpm = 4000;
constexpr std::uint32_t kProfileLagBumpPpm = 60000; // in the month a profile is revised
constexpr std::uint32_t kProfileLagPpm = 12000;
constexpr std::uint32_t kToolStuckPpm = 5000;
constexpr std::uint32_t kToolMissingPpm = 4000;
constexpr std::uint32_t kToolInstallingPpm = 3000;
constexpr std::uint32_t kToolsPendingPpm = 5000;
constexpr std::uint32_t kExtPendingPpm = 5000;
constexpr std::uint32_t kSettingsPpm = 70000;
constexpr std::uint32_t kSettingsPendingPpm = 5000;
constexpr std::uint32_t kMixedCasePpm = 15000;
constexpr std::uint32_t kMacRecorderPpm = 600000;

// ------------------------------------------------------------------------------- showcases
// Every kind of finding is forced on one endpoint (healthy otherwise, present all months) so
// that even a 300-endpoint demo shows all of them.
enum Showcase : int
{
    ScFailDec,
    ScFailIndex,
    ScFailRecorder,
    ScFailStream,
    ScFailThreatResponse,
    ScMinReqNotMet,
    ScNotUsingDriver,
    ScNoThreatResponse,
    ScNoProfile,
    ScUnknownProfile,
    ScOutdatedRevision,
    ScWrongProfile,
    ScOutdatedIntel,
    ScCxPending,
    ScCxError,
    ScDriverStopped,
    ScDriverNotStarted,
    ScDriverServiceNotInstalled,
    ScDriverNotInstalled,
    ScDriverPending,
    ScBpfCore,
    ScBpfBccOnly,
    ScBpfUnsupported,
    ScBpfPending,
    ScToolNotInstalled,
    ScToolMismatch,
    ScExtensionOutlier,
    ScNonDefaultSettings,
    ScMixedCaseName,
    kShowcaseCount
};

// Which platform a showcase needs (nullopt-like: Mac means "any but Mac is fine too").
enum class Needs
{
    Windows,
    Linux,
    NotMac
};

Needs showcaseNeeds(int sc);

// -------------------------------------------------------------------------------- time
constexpr qint64 kDayMs = 86400000;

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm), integer only.
qint64 daysFromCivil(int y, int m, int d);

void civilFromDays(qint64 z, int &y, int &m, int &d);

constexpr std::array<std::array<int, 3>, kSnapshots> kSnapshotDates = {
    {{2026, 8, 28}, {2026, 9, 28}, {2026, 10, 28}, {2026, 11, 27}}};

qint64 snapshotMs(int index);

} // namespace trh::demo
