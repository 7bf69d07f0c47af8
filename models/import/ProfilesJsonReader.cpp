#include "ProfilesJsonReader.h"

#include "import/json/JsonText.h"
#include "import/json/JsonValue.h"

#include <string>

namespace trh {

ProfilesJsonReader::ProfilesJsonReader(ProfileSink &sink)
    : JsonObjectListReader(QStringLiteral("profile"), SingleItem::Refused), m_sink(sink)
{}

bool ProfilesJsonReader::item(JsonStream &, const JsonValue &object, const SourcePos &pos)
{
    m_profile.name.assign(object.memberText("name"));
    m_profile.id.assign(object.memberText("id"));
    m_profile.revision.assign(object.memberText("revision"));
    m_profile.status.assign(object.memberText("status"));
    m_profile.computerGroups.clear();

    const JsonValue groups = object.member("computerGroups");
    if (groups.isArray()) {
        std::size_t i = 0;
        for (const JsonValue group : groups) {
            // A group is its name, or an object {"id", "name"}.
            const JsonValue name = group.isObject() ? group.member("name") : group;
            if (!name.isScalar() || name.isNull()) {
                m_sink.warning(QStringLiteral("computerGroups[%1] has no name; ignored").arg(i),
                               pos);
            } else {
                m_profile.computerGroups.emplace_back(name.text());
            }
            ++i;
        }
    } else if (groups.isValid() && !groups.isNull()) {
        m_sink.warning(QStringLiteral("computerGroups is not an array; ignored"), pos);
    }
    return m_sink.profile(m_profile, pos);
}

void ProfilesJsonReader::warning(const QString &message, const SourcePos &pos)
{
    m_sink.warning(message, pos);
}

} // namespace trh
