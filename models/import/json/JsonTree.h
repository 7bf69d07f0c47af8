#pragma once

#include "JsonType.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trh {

class JsonValue;

// A compact, read-only tree of one JSON element (one row / node / alert / profile), built
// from SAX events and dropped again, so memory is bounded by the largest element rather
// than the file. Values are stored flat in document order with the offset of the end of
// their subtree, and all text (names, strings, numbers as their JSON text) goes into one
// arena: building is appends only and a value costs 28 bytes plus its text. A general DOM
// such as RapidJSON 1.1.0's reserves room for 16 members in every object, which made a
// 43 MB row take 900 MB. Nothing here recurses, so deep nesting cannot overflow the stack.
class JsonTree
{
public:
    struct Node
    {
        std::uint32_t end = 0;  // index one past the last node of this value's subtree
        std::uint32_t size = 0; // members / elements of a container
        std::uint32_t keyOffset = 0, keyLength = 0;   // member name in the arena
        std::uint32_t textOffset = 0, textLength = 0; // scalar text in the arena
        JsonType type = JsonType::Null;
    };

    // Drops the tree. Capacity is kept for the next element unless it grew large.
    void clear();

    // Events, in document order. A captured element is at most 64 MiB of JSON text, which
    // bounds nodes and arena far below the 32-bit offsets.
    void scalar(JsonType type, std::string_view text); // Bool: "true" / "false"
    void key(std::string_view name);
    void startContainer(JsonType type);
    void endContainer();
    // A copy of `value` (of another tree) as the next value: a member of the object being
    // built after key(), an element of an array, or the root. Iterative, like the rest.
    void append(const JsonValue &value);

    bool empty() const { return m_nodes.empty(); }
    // Memory held by the values so far, to bound trees that are assembled from parts.
    std::size_t bytes() const { return m_nodes.size() * sizeof(Node) + m_text.size(); }
    // The first (root) value; only meaningful when !empty() and complete.
    JsonValue root() const;

    const Node &node(std::uint32_t index) const { return m_nodes[index]; }
    std::string_view text(std::uint32_t offset, std::uint32_t length) const
    {
        return std::string_view(m_text.data() + offset, length);
    }

private:
    std::uint32_t addNode(JsonType type);
    std::uint32_t append(std::string_view text);

    std::vector<Node> m_nodes;
    std::string m_text;
    std::vector<std::uint32_t> m_open; // containers being built
    std::uint32_t m_keyOffset = 0;
    std::uint32_t m_keyLength = 0;
};

} // namespace trh
