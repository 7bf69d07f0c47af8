#pragma once

#include "core/ValueClass.h"

#include <string_view>

namespace trh {

// Windows Tanium Driver state from a `Tanium Driver Status` answer (health-rules.md).
enum class DriverState
{
    Running,
    ServiceNotInstalled,
    ServiceNotRunning,
    DriverNotInstalled,
    Unknown
};

DriverState classifyDriverStatus(std::string_view text, ValueClass cls, bool answered);
const char *driverStateKey(DriverState state);

// Linux BPF support from the CO-RE and BCC answers (empty view = no answer).
enum class BpfState
{
    Core,
    BccOnly,
    Unsupported,
    Unknown
};
BpfState classifyBpf(std::string_view core, std::string_view bcc);
const char *bpfStateKey(BpfState state);

} // namespace trh
