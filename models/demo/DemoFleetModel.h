#pragma once

// The demo fleet: which endpoints exist (Traits) and what each answers in a snapshot (State).
// Implemented in DemoFleet.cpp. Internal to models/demo.

#include "demo/DemoRandom.h"
#include "demo/DemoTables.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trh::demo {

using std::string_view;
using namespace std::string_view_literals;

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

} // namespace trh::demo
