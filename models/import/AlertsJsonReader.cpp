#include "AlertsJsonReader.h"

#include "import/json/JsonStream.h"
#include "import/json/JsonText.h"
#include "import/json/JsonValue.h"

#include <array>
#include <string_view>
#include <utility>

namespace trh {

namespace {

using Field = std::pair<std::string_view, std::string AlertRecord::*>;

// JSON member name -> AlertRecord field.
constexpr std::array<Field, 18> kFields = {{
    {"id", &AlertRecord::id},
    {"guid", &AlertRecord::guid},
    {"state", &AlertRecord::state},
    {"type", &AlertRecord::type},
    {"priority", &AlertRecord::priority},
    {"severity", &AlertRecord::severity},
    {"intelDocId", &AlertRecord::intelDocId},
    {"computerName", &AlertRecord::computerName},
    {"computerIpAddress", &AlertRecord::computerIpAddress},
    {"createdAt", &AlertRecord::createdAt},
    {"alertedAt", &AlertRecord::alertedAt},
    {"updatedAt", &AlertRecord::updatedAt},
    {"ackedAt", &AlertRecord::ackedAt},
    {"receivedAt", &AlertRecord::receivedAt},
    {"suppressedAt", &AlertRecord::suppressedAt},
    {"resolvedAt", &AlertRecord::resolvedAt},
    {"matchType", &AlertRecord::matchType},
    {"path", &AlertRecord::path},
}};

} // namespace

AlertsJsonReader::AlertsJsonReader(AlertSink &sink)
    : JsonObjectListReader(QStringLiteral("alert"), SingleItem::Accepted), m_sink(sink)
{}

bool AlertsJsonReader::item(JsonStream &stream, const JsonValue &object, const SourcePos &pos)
{
    for (const Field &field : kFields)
        (m_alert.*field.second).clear();
    for (const JsonValue member : object) {
        const std::string_view name = member.key();
        for (const Field &field : kFields) {
            if (field.first != name)
                continue;
            if (!member.isScalar()) {
                m_sink.warning(QStringLiteral("alert field %1 is not text; ignored")
                                   .arg(json::toQString(name)),
                               pos);
            } else {
                (m_alert.*field.second).assign(member.text());
            }
            break;
        }
    }
    if (m_alert.id.empty() && m_alert.guid.empty()) {
        stream.fail(SourcePos{pos.line, json::memberPath(pos.jsonPath, "id")},
                    QStringLiteral("required field missing: an alert needs an \"id\" or a "
                                   "\"guid\", and this one has neither"));
        return false;
    }
    return m_sink.alert(m_alert, pos);
}

void AlertsJsonReader::warning(const QString &message, const SourcePos &pos)
{
    m_sink.warning(message, pos);
}

} // namespace trh
