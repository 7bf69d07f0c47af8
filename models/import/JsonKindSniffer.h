#pragma once

#include "JsonReaders.h"
#include "JsonVisitor.h"

#include <QString>

#include <cstdint>
#include <vector>

class QIODevice;

namespace trh {

// Tells which of the JSON files of input-formats.md §5-§8 a file is, from its first
// kSniffBytes, by structure: data.result_sets (REST result data), data.endpoints (Gateway
// pages), a top-level errors[] with no data (a failed Gateway query), or the keys of the
// first element of a list (alerts, profiles). See sniffJsonKind() in JsonReaders.h.
class JsonKindSniffer final : public JsonVisitor
{
public:
    static constexpr std::int64_t kSniffBytes = 1024 * 1024;

    JsonKind sniff(QIODevice &in, QString *why);

    Action enter(JsonStream &stream, JsonType type) override;
    bool value(JsonStream &stream, const JsonValue &value, const SourcePos &pos) override;
    bool leave(JsonStream &stream) override;

private:
    enum class Context : std::uint8_t
    {
        TopArray,
        Page,
        Data,
        DataArray,
        Element
    };
    // Keys of the first list element that tell alerts from profiles.
    struct ElementKeys
    {
        bool seen = false;
        bool state = false, createdAt = false, alertedAt = false, guid = false, intelDocId = false,
             computerName = false;
        bool computerGroups = false, revision = false, name = false;
    };

    Action decide(JsonKind kind, const QString &why);
    void noteKey(std::string_view key);
    // Alerts / Profiles from the element keys, Unknown when they say neither.
    JsonKind classifyElement(QString *why) const;

    std::vector<Context> m_context;
    bool m_rootPageIsElement = false; // the Page context is element 0 of a top-level array
    bool m_sawErrors = false;
    ElementKeys m_keys;
    bool m_decided = false;
    JsonKind m_kind = JsonKind::Unknown;
    QString m_why;
};

} // namespace trh
