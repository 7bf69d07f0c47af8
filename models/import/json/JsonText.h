#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

// Text helpers the JSON readers share.
namespace trh::json {

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A count that may be a number or a string ("12", " 12 ", 12.0): -1 when empty. `ok` is
// false for text that is not a whole number (the value is then -1 as well).
std::int64_t parseCount(std::string_view text, bool *ok = nullptr);

// Appends member `key` to a JSON path as the messages write it: ".data" for a plain name,
// "[\"Computer Name\"]" for any other.
void appendKey(std::string &path, std::string_view key);
// `path` with member `key` appended.
std::string memberPath(std::string path, std::string_view key);

} // namespace trh::json
