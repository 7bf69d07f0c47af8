#pragma once

#include "JsonTree.h"
#include "JsonType.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace trh {

// A read-only handle to one value of a JsonTree (valid while the tree is unchanged), or an
// invalid handle for "no such member". Scalars read as text: strings as they are, numbers as
// their JSON text (no double round trip: "1.50" and 64-bit ids stay exact), true / false,
// and null as "" (the readers treat "no value" and "empty" alike).
class JsonValue
{
public:
    JsonValue() = default;
    JsonValue(const JsonTree *tree, std::uint32_t index) : m_tree(tree), m_index(index) {}

    bool isValid() const { return m_tree != nullptr; }
    JsonType type() const { return isValid() ? node().type : JsonType::Null; }
    bool isNull() const { return type() == JsonType::Null; }
    bool isObject() const { return isValid() && node().type == JsonType::Object; }
    bool isArray() const { return isValid() && node().type == JsonType::Array; }
    bool isScalar() const { return isValid() && !isObject() && !isArray(); }

    // Text of a scalar; "" for null, containers and invalid handles.
    std::string_view text() const
    {
        if (!isValid() || isObject() || isArray())
            return {};
        return m_tree->text(node().textOffset, node().textLength);
    }
    // Member name of this value inside its object ("" elsewhere).
    std::string_view key() const
    {
        return isValid() ? m_tree->text(node().keyOffset, node().keyLength) : std::string_view();
    }
    // Members / elements of a container, 0 otherwise.
    std::size_t size() const { return isValid() ? node().size : 0; }

    // Children (members or elements) in document order.
    class Iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = JsonValue;
        using difference_type = std::ptrdiff_t;
        using pointer = const JsonValue *;
        using reference = JsonValue;

        Iterator(const JsonTree *tree, std::uint32_t index) : m_tree(tree), m_index(index) {}
        JsonValue operator*() const { return JsonValue(m_tree, m_index); }
        Iterator &operator++()
        {
            m_index = m_tree->node(m_index).end; // skip the whole subtree
            return *this;
        }
        bool operator==(const Iterator &other) const { return m_index == other.m_index; }
        bool operator!=(const Iterator &other) const { return m_index != other.m_index; }

    private:
        const JsonTree *m_tree;
        std::uint32_t m_index;
    };
    // A scalar's subtree ends right after it, so its range is empty.
    Iterator begin() const { return Iterator(m_tree, isValid() ? m_index + 1 : 0); }
    Iterator end() const { return Iterator(m_tree, isValid() ? node().end : 0); }

    // Member `name` of an object; invalid when absent or when this is no object.
    JsonValue member(std::string_view name) const
    {
        if (!isObject())
            return {};
        for (JsonValue child : *this) {
            if (child.key() == name)
                return child;
        }
        return {};
    }
    // text() of member `name` ("" when absent or not a scalar).
    std::string_view memberText(std::string_view name) const { return member(name).text(); }

private:
    const JsonTree::Node &node() const { return m_tree->node(m_index); }

    const JsonTree *m_tree = nullptr;
    std::uint32_t m_index = 0;
};

} // namespace trh
