#include "demo/DemoText.h"

#include "demo/DemoTables.h"

#include <charconv>
#include <cstring>

namespace trh::demo {

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

void appendCursor(std::string &out, int offset)
{
    std::string plain = "arrayconnection:";
    appendInt(plain, offset);
    appendBase64(out, plain);
}

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

} // namespace trh::demo
