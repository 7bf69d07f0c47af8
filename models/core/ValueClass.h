#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace trh {

// How a sensor answer is classified (input-formats.md §3). The raw text is always kept
// beside the class. NotApplicable is the "No Sensor Definition for this Platform" error:
// the sensor does not exist on that OS, which is not a failure of the endpoint.
enum class ValueClass : std::uint8_t
{
    Value = 0,
    NoResults = 1,
    Pending = 2,
    TooMany = 3,
    Error = 4,
    NotApplicable = 5,
};
inline constexpr int ValueClassCount = 6;

ValueClass classifyValue(std::string_view text);
// The answer text without surrounding spaces, tabs and carriage returns (a view into it).
std::string_view trimmedAnswer(std::string_view text);
// Stable lower-case name used in reports and JSON: value, no_results, pending, too_many,
// error, not_applicable.
std::string_view valueClassName(ValueClass c);
// True for pending, error and too_many: the fact is unknown for that endpoint.
inline bool isUnknown(ValueClass c)
{
    return c == ValueClass::Pending || c == ValueClass::Error || c == ValueClass::TooMany;
}
// Combines the classes of the lines of one answer: any unknown line makes the whole answer
// unknown (pending before error before too_many); otherwise a real value wins over
// [no results] / not applicable.
ValueClass combineClasses(ValueClass a, ValueClass b);

using ValueClassCounts = std::array<std::int64_t, ValueClassCount>;

} // namespace trh
