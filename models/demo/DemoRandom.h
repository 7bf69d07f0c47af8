#pragma once

// The demo fleet's randomness: a keyed hash (see DemoFleet.cpp), integer arithmetic only.
// Internal to models/demo.

#include <QtGlobal>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace trh::demo {

using std::string_view;
using namespace std::string_view_literals;

// ------------------------------------------------------------------ deterministic randomness

constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ull; // splitmix64 increment

inline std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// A bijection of 32-bit integers (xorshift-multiply steps are each invertible), so distinct
// inputs give distinct Computer IDs.
inline std::uint32_t mix32(std::uint32_t x)
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
inline std::uint32_t below(std::uint64_t h, std::uint32_t n)
{
    return std::uint32_t(((h >> 32) * std::uint64_t(n)) >> 32);
}

// True with probability ppm / 1,000,000.
inline bool chance(std::uint64_t h, std::uint32_t ppm)
{
    return below(h, 1000000) < ppm;
}

template<std::size_t N>
inline int pickWeighted(std::uint64_t h, const std::array<int, N> &weights)
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

} // namespace trh::demo
