#pragma once

#include "import/json/JsonObjectListReader.h"

namespace trh {

// Threat Response alerts (input-formats.md §7): each alert object becomes an AlertRecord.
// Known fields are kept as text (numbers as their JSON text, true/false, null as empty);
// `details` (a string in 3.x, an object in 4.x), `intelDoc` and any other field are ignored
// without a word. An alert is known by its `id` or `guid`: one with neither (absent, null or
// empty) fails the read at its path, "$[3].id".
class AlertsJsonReader final : public JsonObjectListReader
{
public:
    explicit AlertsJsonReader(AlertSink &sink);

protected:
    bool item(JsonStream &stream, const JsonValue &object, const SourcePos &pos) override;
    void warning(const QString &message, const SourcePos &pos) override;

private:
    AlertSink &m_sink;
    AlertRecord m_alert; // reused: its strings keep their capacity
};

} // namespace trh
