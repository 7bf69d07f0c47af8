#pragma once

#include "JsonVisitor.h"
#include "SourceRecords.h"

#include <QString>

#include <cstdint>
#include <utility>
#include <vector>

class QIODevice;

namespace trh {

// Common part of the readers whose files are a list of objects, either a bare array
// (Threat Response 3.x) or wrapped as {"data": [...]} (4.x): alerts and profiles. Each
// element object is captured and handed to item(); an element that is not an object is
// reported through warning() and skipped.
class JsonObjectListReader : public JsonVisitor
{
public:
    ReadResult read(QIODevice &in);

    Action enter(JsonStream &stream, JsonType type) final;
    bool value(JsonStream &stream, const JsonValue &value, const SourcePos &pos) final;
    bool leave(JsonStream &stream) final;

protected:
    // `itemNoun`: "alert" / "profile", for messages.
    explicit JsonObjectListReader(QString itemNoun) : m_itemNoun(std::move(itemNoun)) {}
    // One element object; returns what the sink returned (false = stop).
    virtual bool item(const JsonValue &object, const SourcePos &pos) = 0;
    virtual void warning(const QString &message, const SourcePos &pos) = 0;

private:
    enum class Context : std::uint8_t
    {
        Wrapper,
        Items
    };

    QString m_itemNoun;
    std::vector<Context> m_context;
    bool m_sawList = false;
    bool m_wrongShape = false;
    std::int64_t m_records = 0;
};

} // namespace trh
