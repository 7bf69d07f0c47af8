#include "JsonTree.h"

#include "JsonValue.h"

namespace trh {

namespace {
// Above this the buffers of one huge element are released instead of kept for the next.
constexpr std::size_t kKeepBytes = 4 * 1024 * 1024;
} // namespace

void JsonTree::clear()
{
    if (m_nodes.capacity() * sizeof(Node) > kKeepBytes)
        std::vector<Node>().swap(m_nodes);
    else
        m_nodes.clear();
    if (m_text.capacity() > kKeepBytes)
        std::string().swap(m_text);
    else
        m_text.clear();
    m_open.clear();
    m_keyOffset = m_keyLength = 0;
}

std::uint32_t JsonTree::append(std::string_view text)
{
    const auto offset = static_cast<std::uint32_t>(m_text.size());
    m_text.append(text.data(), text.size());
    return offset;
}

std::uint32_t JsonTree::addNode(JsonType type)
{
    const auto index = static_cast<std::uint32_t>(m_nodes.size());
    Node &n = m_nodes.emplace_back();
    n.type = type;
    n.end = index + 1;
    if (!m_open.empty()) {
        ++m_nodes[m_open.back()].size;
        n.keyOffset = m_keyOffset;
        n.keyLength = m_keyLength;
    }
    m_keyOffset = m_keyLength = 0;
    return index;
}

void JsonTree::scalar(JsonType type, std::string_view text)
{
    const std::uint32_t index = addNode(type);
    if (type != JsonType::Null) {
        // Index, not reference: append() does not touch m_nodes, but keep it obvious.
        const std::uint32_t offset = append(text);
        m_nodes[index].textOffset = offset;
        m_nodes[index].textLength = static_cast<std::uint32_t>(text.size());
    }
}

void JsonTree::key(std::string_view name)
{
    m_keyOffset = append(name);
    m_keyLength = static_cast<std::uint32_t>(name.size());
}

void JsonTree::startContainer(JsonType type)
{
    m_open.push_back(addNode(type));
}

void JsonTree::endContainer()
{
    m_nodes[m_open.back()].end = static_cast<std::uint32_t>(m_nodes.size());
    m_open.pop_back();
}

void JsonTree::append(const JsonValue &value)
{
    // Containers being copied: where their next child is, and where they end.
    struct Open
    {
        JsonValue::Iterator next, end;
        bool object;
    };
    std::vector<Open> open;
    JsonValue v = value;
    for (;;) {
        if (v.isObject() || v.isArray()) {
            startContainer(v.type());
            open.push_back(Open{v.begin(), v.end(), v.isObject()});
        } else {
            scalar(v.type(), v.text());
        }
        // The next value to copy: the next child of the innermost open container that has
        // one left, closing the finished ones on the way.
        while (!open.empty() && open.back().next == open.back().end) {
            endContainer();
            open.pop_back();
        }
        if (open.empty())
            return;
        v = *open.back().next;
        ++open.back().next;
        if (open.back().object)
            key(v.key());
    }
}

JsonValue JsonTree::root() const
{
    return JsonValue(this, 0);
}

} // namespace trh
