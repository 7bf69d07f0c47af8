#include "demo/DemoFleet.h"

#include "demo/DemoFleetModel.h"
#include "demo/DemoRandom.h"
#include "demo/DemoTables.h"
#include "demo/DemoText.h"
#include "demo/DemoWriter.h"

#include <QDir>

#include <algorithm>
#include <array>
#include <cstdint>
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

namespace demo {

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

} // namespace demo

// ============================================================================ DemoFleet

struct DemoFleet::Data final : demo::Fleet
{
    using demo::Fleet::Fleet;
};

DemoFleet::DemoFleet(int endpoints, quint32 seed) : m_data(std::make_shared<Data>(endpoints, seed))
{}

int DemoFleet::snapshotCount() const
{
    return demo::kSnapshots;
}

int DemoFleet::endpointCount(int index) const
{
    return index >= 0 && index < demo::kSnapshots ? m_data->count(index) : 0;
}

QDateTime DemoFleet::snapshotTime(int index)
{
    if (index < 0 || index >= demo::kSnapshots)
        return {};
    return QDateTime::fromMSecsSinceEpoch(demo::snapshotMs(index), Qt::UTC);
}

QString DemoFleet::snapshotLabel(int index)
{
    if (index < 0 || index >= demo::kSnapshots)
        return {};
    // Month names in English on purpose: labels are data, like the files, and must not
    // depend on the locale of the machine that generated them.
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    const auto &d = demo::kSnapshotDates[std::size_t(index)];
    return QStringLiteral("%1 %2 maintenance").arg(QLatin1String(months[d[1] - 1])).arg(d[0]);
}

DemoSnapshotFiles DemoFleet::writeSnapshot(int index, const QString &dir, QString *error) const
{
    DemoSnapshotFiles result;
    if (index < 0 || index >= demo::kSnapshots) {
        if (error)
            *error = QStringLiteral("no demo snapshot %1 (there are %2)")
                         .arg(index)
                         .arg(demo::kSnapshots);
        return result;
    }
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create folder %1").arg(dir);
        return result;
    }
    if (!demo::writeSnapshotFiles(*m_data, index, dir, &result.files, error))
        return result;
    result.takenAt = snapshotTime(index);
    result.label = snapshotLabel(index);
    return result;
}

} // namespace trh
