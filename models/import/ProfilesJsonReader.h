#pragma once

#include "import/json/JsonObjectListReader.h"

namespace trh {

// Threat Response profiles (input-formats.md §8), in file order (= priority order).
// computerGroups elements may be names or objects with a "name"; id and revision numbers
// become their text.
class ProfilesJsonReader final : public JsonObjectListReader
{
public:
    explicit ProfilesJsonReader(ProfileSink &sink);

protected:
    bool item(JsonStream &stream, const JsonValue &object, const SourcePos &pos) override;
    void warning(const QString &message, const SourcePos &pos) override;

private:
    ProfileSink &m_sink;
    ProfileRecord m_profile;
};

} // namespace trh
