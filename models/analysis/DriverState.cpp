#include "DriverState.h"

#include "core/PlatformNames.h"

#include <QString>

namespace trh {

DriverState classifyDriverStatus(std::string_view text, ValueClass cls, bool answered)
{
    if (!answered || isUnknown(cls) || cls == ValueClass::NotApplicable ||
        cls == ValueClass::NoResults)
        return DriverState::Unknown;
    // The rules look at the whole text, case-insensitively; lines may be in any order.
    const QString t = QString::fromUtf8(text.data(), qsizetype(text.size())).toLower();
    auto has = [&](const char *s) { return t.contains(QLatin1String(s)); };
    if (has("driver location: not installed") || has("driver version n/a") ||
        has("driver version: n/a"))
        return DriverState::DriverNotInstalled;
    if (has("service installation: not installed"))
        return DriverState::ServiceNotInstalled;
    // Any "Service Status:" line that is not SERVICE_RUNNING means the service is not running.
    qsizetype from = 0;
    bool sawStatus = false, sawRunning = false, sawOther = false;
    while ((from = t.indexOf(QLatin1String("service status:"), from)) >= 0) {
        from += 15;
        qsizetype end = t.indexOf(QLatin1Char('\n'), from);
        if (end < 0)
            end = t.size();
        const QString value = t.mid(from, end - from).trimmed();
        sawStatus = true;
        if (value == QLatin1String("service_running"))
            sawRunning = true;
        else
            sawOther = true;
    }
    if (sawStatus && sawOther)
        return DriverState::ServiceNotRunning;
    if (sawRunning)
        return DriverState::Running;
    return DriverState::Unknown;
}

const char *driverStateKey(DriverState state)
{
    switch (state) {
    case DriverState::Running:
        return "running";
    case DriverState::ServiceNotInstalled:
        return "service_not_installed";
    case DriverState::ServiceNotRunning:
        return "service_not_running";
    case DriverState::DriverNotInstalled:
        return "driver_not_installed";
    case DriverState::Unknown:
        break;
    }
    return "unknown";
}

BpfState classifyBpf(std::string_view core, std::string_view bcc)
{
    if (isTrueAnswer(core))
        return BpfState::Core;
    if (isFalseAnswer(core) && isTrueAnswer(bcc))
        return BpfState::BccOnly;
    if (isFalseAnswer(core) && isFalseAnswer(bcc))
        return BpfState::Unsupported;
    return BpfState::Unknown;
}

const char *bpfStateKey(BpfState state)
{
    switch (state) {
    case BpfState::Core:
        return "core";
    case BpfState::BccOnly:
        return "bcc_only";
    case BpfState::Unsupported:
        return "unsupported";
    case BpfState::Unknown:
        break;
    }
    return "unknown";
}

} // namespace trh
