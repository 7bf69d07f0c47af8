#include "JsonText.h"

#include <charconv>
#include <cmath>

namespace trh::json {

namespace {

bool isPlainKey(std::string_view key)
{
    if (key.empty())
        return false;
    for (char c : key) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '$';
        if (!plain)
            return false;
    }
    return true;
}

} // namespace

void appendKey(std::string &path, std::string_view key)
{
    if (isPlainKey(key)) {
        path += '.';
        path += key;
        return;
    }
    path += "[\"";
    for (char c : key) {
        if (c == '"' || c == '\\')
            path += '\\';
        path += c;
    }
    path += "\"]";
}

std::string memberPath(std::string path, std::string_view key)
{
    appendKey(path, key);
    return path;
}

std::int64_t parseCount(std::string_view text, bool *ok)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (ok)
        *ok = true;
    if (text.empty())
        return -1;
    if (text.front() == '+')
        text.remove_prefix(1);
    const char *first = text.data();
    const char *last = text.data() + text.size();
    std::int64_t n = 0;
    const auto r = std::from_chars(first, last, n);
    if (r.ec == std::errc() && r.ptr == last)
        return n;
    // JSON numbers such as 12.0 or 1.2e3 are whole numbers too. The range check comes
    // first: converting an out-of-range double is undefined.
    double d = 0;
    const auto rd = std::from_chars(first, last, d);
    if (rd.ec == std::errc() && rd.ptr == last && d >= -9.0e18 && d <= 9.0e18 && std::floor(d) == d)
        return static_cast<std::int64_t>(d);
    if (ok)
        *ok = false;
    return -1;
}

} // namespace trh::json
