#include "JsonObjectListReader.h"

#include "JsonStream.h"
#include "JsonValue.h"

namespace trh {

ReadResult JsonObjectListReader::read(QIODevice &in)
{
    JsonStream stream(in);
    ReadResult result;
    result.status = stream.run(*this);
    result.records = m_records;
    if (result.status == ReadStatus::Failed) {
        result.error = stream.error();
    } else if (m_wrongShape ||
               (result.status == ReadStatus::Ok && !m_sawList && !m_singleAccepted)) {
        // The whole file has the wrong shape: no position would help.
        result.status = ReadStatus::Failed;
        result.error = m_singleAccepted ? QStringLiteral("expected an array of %1s, {\"data\": "
                                                         "[...]} or one %1 object")
                                              .arg(m_itemNoun)
                                        : QStringLiteral("expected an array of %1s or {\"data\": "
                                                         "[...]}")
                                              .arg(m_itemNoun);
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
            if (m_singleAccepted) {
                m_single.clear();
                m_single.startContainer(JsonType::Object);
                m_singlePos = stream.pos();
            }
            return Action::Descend;
        }
        m_wrongShape = true;
        return Action::Stop;
    }
    if (m_context.back() == Context::Wrapper) {
        if (m_sawList || m_sawDataItem)
            return Action::Skip; // other members of the envelope (paging, meta) are not ours
        if (stream.key() == "data" && type == JsonType::Array) {
            m_sawList = true;
            m_context.push_back(Context::Items);
            return Action::Descend;
        }
        if (!m_singleAccepted)
            return Action::Skip;
        if (stream.key() == "data" && type == JsonType::Object) {
            m_sawDataItem = true;
            m_part = Part::Item;
            return Action::Capture;
        }
        // Envelope members before the data, or the fields of a bare single item.
        m_part = Part::Member;
        return Action::Capture;
    }
    if (type == JsonType::Object) {
        m_part = Part::Item;
        return Action::Capture;
    }
    warning(QStringLiteral("not an object; this %1 is skipped").arg(m_itemNoun), stream.pos());
    return Action::Skip;
}

bool JsonObjectListReader::takeMember(JsonStream &stream, const JsonValue &value)
{
    m_single.key(stream.key());
    m_single.append(value);
    if (std::int64_t(m_single.bytes()) <= JsonStream::kMaxElementBytes)
        return true;
    stream.fail(m_singlePos, QStringLiteral("a single JSON element is larger than %1 MiB")
                                 .arg(JsonStream::kMaxElementBytes / (1024 * 1024)));
    return false;
}

bool JsonObjectListReader::value(JsonStream &stream, const JsonValue &value, const SourcePos &pos)
{
    if (m_part == Part::Member)
        return takeMember(stream, value);
    return deliver(stream, value, pos);
}

bool JsonObjectListReader::leave(JsonStream &stream)
{
    const Context done = m_context.back();
    m_context.pop_back();
    if (done != Context::Wrapper || m_sawList || m_sawDataItem || !m_singleAccepted)
        return true;
    // A root object with neither a list nor a data object: it is the one item.
    m_single.endContainer();
    const bool go = deliver(stream, m_single.root(), m_singlePos);
    m_single.clear();
    return go;
}

bool JsonObjectListReader::deliver(JsonStream &stream, const JsonValue &object,
                                   const SourcePos &pos)
{
    const bool go = item(stream, object, pos);
    if (!stream.failed())
        ++m_records; // an item refused by item() never reached the sink
    return go;
}

} // namespace trh
