#include "JsonObjectListReader.h"

#include "JsonStream.h"

namespace trh {

ReadResult JsonObjectListReader::read(QIODevice &in)
{
    JsonStream stream(in);
    ReadResult result;
    result.status = stream.run(*this);
    result.records = m_records;
    if (result.status == ReadStatus::Failed) {
        result.error = stream.error();
    } else if (m_wrongShape || (result.status == ReadStatus::Ok && !m_sawList)) {
        // The whole file has the wrong shape: no position would help.
        result.status = ReadStatus::Failed;
        result.error =
            QStringLiteral("expected an array of %1s or {\"data\": [...]}").arg(m_itemNoun);
    }
    return result;
}

JsonVisitor::Action JsonObjectListReader::enter(JsonStream &stream, JsonType type)
{
    if (m_context.empty()) {
        if (type == JsonType::Array) {
            m_sawList = true;
            m_context.push_back(Context::Items);
            return Action::Descend;
        }
        if (type == JsonType::Object) {
            m_context.push_back(Context::Wrapper);
            return Action::Descend;
        }
        m_wrongShape = true;
        return Action::Stop;
    }
    if (m_context.back() == Context::Wrapper) {
        if (stream.key() == "data" && type == JsonType::Array) {
            m_sawList = true;
            m_context.push_back(Context::Items);
            return Action::Descend;
        }
        return Action::Skip; // other members of the envelope (paging, meta) are not ours
    }
    if (type == JsonType::Object)
        return Action::Capture;
    warning(QStringLiteral("not an object; this %1 is skipped").arg(m_itemNoun), stream.pos());
    return Action::Skip;
}

bool JsonObjectListReader::value(JsonStream &, const JsonValue &value, const SourcePos &pos)
{
    ++m_records;
    return item(value, pos);
}

bool JsonObjectListReader::leave(JsonStream &)
{
    m_context.pop_back();
    return true;
}

} // namespace trh
