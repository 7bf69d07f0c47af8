#include "demo/DemoTables.h"

#include "demo/DemoRandom.h"

namespace trh::demo {

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

qint64 snapshotMs(int index)
{
    const auto &d = kSnapshotDates[std::size_t(index)];
    return daysFromCivil(d[0], d[1], d[2]) * kDayMs + 9 * 3600000;
}

} // namespace trh::demo
