#pragma once

#include "JsonReaders.h"
#include "import/json/JsonVisitor.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

class QIODevice;

namespace trh {

class DatasetMapping;

// Tells which of the JSON files of input-formats.md §5-§8 (and Tanium Connect's JSON
// exports) a file is, from its first kSniffBytes, by structure: data.result_sets (REST
// result data), data.endpoints (Gateway pages), a top-level errors[] with no data (a failed
// Gateway query), or the keys of one object: the first element of a list, the root object
// itself (a single alert, or the first line of NDJSON) or the object of {"data": {...}} (a
// single alert). Alert keys decide first, then profile keys (lists only), then (for a flat
// first element or root object only) keys that name the columns of a dataset of the mapping:
// Connect records. See
// sniffJsonKind() in JsonReaders.h.
class JsonKindSniffer final : public JsonVisitor
{
public:
    static constexpr std::int64_t kSniffBytes = 1024 * 1024;

    explicit JsonKindSniffer(const DatasetMapping &mapping) : m_mapping(mapping) {}
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
    // The member names of one object that tell alerts, profiles and Connect records apart.
    struct ObjectKeys
    {
        bool seen = false;
        bool state = false, createdAt = false, alertedAt = false, guid = false, intelDocId = false,
             computerName = false;
        bool computerGroups = false, revision = false, name = false;
        bool flat = true;               // no member is an object
        std::vector<std::string> names; // every name (bounded), for the dataset mapping
    };
    // Where the object was: it words the reason, and only a list's first element or the root
    // object may be a Connect record.
    enum class Subject : std::uint8_t
    {
        ListElement,
        FirstRecordElement, // element 0 of a top-level array
        RootObject,
        DataObject
    };

    Action decide(JsonKind kind, const QString &why);
    static void noteKey(ObjectKeys &keys, std::string_view key, JsonType type);
    // Alerts / Profiles / ConnectRecords from an object's keys, Unknown when they say none.
    // A single object (root or data) is an alert or Connect records, never a profile.
    JsonKind classify(const ObjectKeys &keys, Subject subject, QString *why) const;
    // The last check of classify(): ConnectRecords or Unknown. `has` words the reason.
    JsonKind connectRecords(const ObjectKeys &keys, Subject subject, const QString &has,
                            QString *why) const;

    const DatasetMapping &m_mapping;
    std::vector<Context> m_context;
    bool m_rootPageIsElement = false; // the Page context is element 0 of a top-level array
    bool m_sawErrors = false;
    ObjectKeys m_keys;     // the first list element, or the root object
    ObjectKeys m_dataKeys; // the object of {"data": {...}}
    bool m_decided = false;
    JsonKind m_kind = JsonKind::Unknown;
    QString m_why;
};

} // namespace trh
