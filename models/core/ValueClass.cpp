#include "ValueClass.h"

#include <cctype>

namespace trh {
namespace {

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

bool istartsWith(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

int rank(ValueClass c)
{
    switch (c) {
    case ValueClass::Pending:
        return 5;
    case ValueClass::Error:
        return 4;
    case ValueClass::TooMany:
        return 3;
    case ValueClass::Value:
        return 2;
    case ValueClass::NotApplicable:
        return 1;
    case ValueClass::NoResults:
        return 0;
    }
    return 0;
}

} // namespace

std::string_view trimmedAnswer(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

ValueClass classifyValue(std::string_view raw)
{
    const std::string_view text = trimmedAnswer(raw);
    if (text.empty())
        return ValueClass::Value;
    const char first = text.front();
    // Fast path: almost every answer is a plain value.
    if (first != '[' && first != 'T' && first != 't' && first != 'E' && first != 'e')
        return ValueClass::Value;
    if (first == '[') {
        if (iequals(text, "[no results]"))
            return ValueClass::NoResults;
        if (iequals(text, "[current result unavailable]") ||
            iequals(text, "[current results unavailable]") ||
            iequals(text, "[results currently unavailable]") ||
            iequals(text, "[result currently unavailable]"))
            return ValueClass::Pending;
        if (iequals(text, "[too many results]"))
            return ValueClass::TooMany;
        if (iequals(text, "[hash collision detected]"))
            return ValueClass::Error;
        return ValueClass::Value;
    }
    if (istartsWith(text, "TSE-Error:")) {
        std::string_view rest = trimmedAnswer(text.substr(10));
        if (iequals(rest, "No Sensor Definition for this Platform"))
            return ValueClass::NotApplicable;
        return ValueClass::Error;
    }
    if (istartsWith(text, "ERROR:"))
        return ValueClass::Error;
    return ValueClass::Value;
}

std::string_view valueClassName(ValueClass c)
{
    switch (c) {
    case ValueClass::Value:
        return "value";
    case ValueClass::NoResults:
        return "no_results";
    case ValueClass::Pending:
        return "pending";
    case ValueClass::TooMany:
        return "too_many";
    case ValueClass::Error:
        return "error";
    case ValueClass::NotApplicable:
        return "not_applicable";
    }
    return "value";
}

ValueClass combineClasses(ValueClass a, ValueClass b)
{
    return rank(a) >= rank(b) ? a : b;
}

} // namespace trh
