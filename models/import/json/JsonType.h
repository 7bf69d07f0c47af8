#pragma once

#include <cstdint>

namespace trh {

// Kind of a JSON value as the SAX parser announces it.
enum class JsonType : std::uint8_t
{
    Null,
    Bool,
    Number,
    String,
    Object,
    Array
};

} // namespace trh
