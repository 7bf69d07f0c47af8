#pragma once

#include "JsonTree.h"
#include "JsonVisitor.h"
#include "import/SourceRecords.h"

#include <QString>

#include <cstdint>
#include <utility>
#include <vector>

class QIODevice;

namespace trh {

// Common part of the readers whose files are a list of objects, either a bare array
// (Threat Response 3.x) or wrapped as {"data": [...]} (4.x): alerts and profiles. Where the
// reader accepts it (alerts), one object on its own is a list of one: what a GET of a single
// item returns, bare ({"id": 7, ...}) or wrapped ({"data": {...}}). Each element object is
// captured and handed to item(); an element that is not an object is reported through
// warning() and skipped.
class JsonObjectListReader : public JsonVisitor
{
public:
    ReadResult read(QIODevice &in);

    Action enter(JsonStream &stream, JsonType type) final;
    bool value(JsonStream &stream, const JsonValue &value, const SourcePos &pos) final;
    bool leave(JsonStream &stream) final;

protected:
    enum class SingleItem : std::uint8_t
    {
        Refused,
        Accepted
    };
    // `itemNoun`: "alert" / "profile", for messages.
    JsonObjectListReader(QString itemNoun, SingleItem single)
        : m_itemNoun(std::move(itemNoun)), m_singleAccepted(single == SingleItem::Accepted)
    {}
    // One element object; returns what the sink returned (false = stop). An item that
    // lacks what it needs fails the read through stream.fail() and returns false.
    virtual bool item(JsonStream &stream, const JsonValue &object, const SourcePos &pos) = 0;
    virtual void warning(const QString &message, const SourcePos &pos) = 0;

private:
    enum class Context : std::uint8_t
    {
        Wrapper,
        Items
    };
    enum class Part : std::uint8_t
    {
        Item,   // an element of the list, or the object of {"data": {...}}
        Member, // a member of the root object, which may be the one item itself
    };

    bool takeMember(JsonStream &stream, const JsonValue &value);
    bool deliver(JsonStream &stream, const JsonValue &object, const SourcePos &pos);

    QString m_itemNoun;
    bool m_singleAccepted;
    std::vector<Context> m_context;
    Part m_part = Part::Item;
    bool m_sawList = false;
    bool m_sawDataItem = false;
    bool m_wrongShape = false;
    std::int64_t m_records = 0;
    // The root object's members other than "data", kept until the root ends: with no list
    // and no data object in it, the root object is the one item.
    JsonTree m_single;
    SourcePos m_singlePos;
};

} // namespace trh
