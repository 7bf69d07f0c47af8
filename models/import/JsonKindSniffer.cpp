#include "JsonKindSniffer.h"

#include "JsonStream.h"

#include <QStringList>

namespace trh {

namespace {

// "$.data.result_sets" -> "data.result_sets", "$[0].data" -> "[0].data".
QString shortPath(const std::string &path)
{
    QString p = QString::fromStdString(path);
    if (p.startsWith(QLatin1String("$.")))
        return p.mid(2);
    if (p.startsWith(QLatin1Char('$')))
        return p.mid(1);
    return p;
}

} // namespace

JsonKind JsonKindSniffer::sniff(QIODevice &in, QString *why)
{
    JsonStream stream(in, kSniffBytes);
    const ReadStatus status = stream.run(*this);
    if (!m_decided) {
        // The parse ended before a decision: the read limit (a huge first element), or the
        // file is no (complete) JSON. Decide on the keys seen so far if there are any.
        QString keysWhy;
        const JsonKind byKeys = m_keys.seen ? classifyElement(&keysWhy) : JsonKind::Unknown;
        if (byKeys != JsonKind::Unknown) {
            decide(byKeys, keysWhy);
        } else if (status == ReadStatus::Failed && stream.limitReached()) {
            decide(
                JsonKind::Unknown,
                QStringLiteral("no known structure in the first %1 KiB").arg(kSniffBytes / 1024));
        } else if (status == ReadStatus::Failed) {
            decide(JsonKind::Unknown, QStringLiteral("not JSON: %1").arg(stream.error()));
        } else {
            decide(JsonKind::Unknown, QStringLiteral("no known structure"));
        }
    }
    if (why)
        *why = m_why;
    return m_kind;
}

JsonVisitor::Action JsonKindSniffer::decide(JsonKind kind, const QString &why)
{
    m_decided = true;
    m_kind = kind;
    m_why = why;
    return Action::Stop;
}

void JsonKindSniffer::noteKey(std::string_view key)
{
    m_keys.seen = true;
    m_keys.state |= key == "state";
    m_keys.createdAt |= key == "createdAt";
    m_keys.alertedAt |= key == "alertedAt";
    m_keys.guid |= key == "guid";
    m_keys.intelDocId |= key == "intelDocId";
    m_keys.computerName |= key == "computerName";
    m_keys.computerGroups |= key == "computerGroups";
    m_keys.revision |= key == "revision";
    m_keys.name |= key == "name";
}

JsonKind JsonKindSniffer::classifyElement(QString *why) const
{
    QStringList alertKeys;
    if (m_keys.createdAt)
        alertKeys << QStringLiteral("createdAt");
    if (m_keys.alertedAt)
        alertKeys << QStringLiteral("alertedAt");
    if (m_keys.guid)
        alertKeys << QStringLiteral("guid");
    if (m_keys.intelDocId)
        alertKeys << QStringLiteral("intelDocId");
    if (m_keys.computerName)
        alertKeys << QStringLiteral("computerName");
    if (m_keys.state && !alertKeys.isEmpty()) {
        *why = QStringLiteral("list elements have alert keys (state, %1)")
                   .arg(alertKeys.join(QStringLiteral(", ")));
        return JsonKind::Alerts;
    }
    if (m_keys.computerGroups) {
        *why = QStringLiteral("list elements have profile keys (computerGroups)");
        return JsonKind::Profiles;
    }
    if (m_keys.revision && m_keys.name) {
        *why = QStringLiteral("list elements have profile keys (name, revision)");
        return JsonKind::Profiles;
    }
    *why = QStringLiteral("list elements have neither alert nor profile keys");
    return JsonKind::Unknown;
}

JsonVisitor::Action JsonKindSniffer::enter(JsonStream &stream, JsonType type)
{
    if (m_context.empty()) {
        if (type == JsonType::Object) {
            m_context.push_back(Context::Page);
            return Action::Descend;
        }
        if (type == JsonType::Array) {
            m_context.push_back(Context::TopArray);
            return Action::Descend;
        }
        return decide(JsonKind::Unknown, QStringLiteral("not a JSON object or array"));
    }

    const std::string_view key = stream.key();
    switch (m_context.back()) {
    case Context::TopArray:
    case Context::DataArray:
        if (type != JsonType::Object) {
            return decide(JsonKind::Unknown,
                          QStringLiteral("the first list element is not an object"));
        }
        // Element 0 of a top-level array may be a page ({"data": ...}) as well as an alert
        // or a profile; element 0 of a data array is an alert or a profile.
        if (m_context.back() == Context::TopArray) {
            m_rootPageIsElement = true;
            m_context.push_back(Context::Page);
        } else {
            m_context.push_back(Context::Element);
        }
        return Action::Descend;

    case Context::Page:
        if (m_rootPageIsElement)
            noteKey(key);
        if (key == "result_sets") {
            return decide(JsonKind::RestResultData,
                          QStringLiteral("has %1").arg(shortPath(stream.path())));
        }
        if (key == "data" && type == JsonType::Object) {
            m_context.push_back(Context::Data);
            return Action::Descend;
        }
        if (key == "data" && type == JsonType::Array) {
            m_context.push_back(Context::DataArray);
            return Action::Descend;
        }
        if (key == "errors")
            m_sawErrors = true;
        return Action::Skip;

    case Context::Data:
        if (key == "result_sets") {
            return decide(JsonKind::RestResultData,
                          QStringLiteral("has %1").arg(shortPath(stream.path())));
        }
        if (key == "endpoints") {
            return decide(JsonKind::GatewayEndpoints,
                          QStringLiteral("has %1").arg(shortPath(stream.path())));
        }
        return Action::Skip;

    case Context::Element:
        noteKey(key);
        return Action::Skip;
    }
    return Action::Skip;
}

bool JsonKindSniffer::value(JsonStream &, const JsonValue &, const SourcePos &)
{
    return true; // nothing is captured
}

bool JsonKindSniffer::leave(JsonStream &)
{
    const Context done = m_context.back();
    m_context.pop_back();
    switch (done) {
    case Context::TopArray:
        decide(JsonKind::Unknown, QStringLiteral("an empty array"));
        return false;
    case Context::DataArray:
        decide(JsonKind::Unknown, QStringLiteral("data is an empty array"));
        return false;
    case Context::Data:
        return true; // a page may still have errors[] after its data
    case Context::Element:
    case Context::Page: {
        QString why;
        const JsonKind kind = (done == Context::Element || m_rootPageIsElement)
                                  ? classifyElement(&why)
                                  : JsonKind::Unknown;
        if (kind != JsonKind::Unknown)
            decide(kind, why);
        else if (m_sawErrors)
            decide(JsonKind::GatewayEndpoints, QStringLiteral("has top-level errors and no data"));
        else if (done == Context::Page && !m_rootPageIsElement)
            decide(JsonKind::Unknown, QStringLiteral("no data.result_sets or data.endpoints"));
        else
            decide(JsonKind::Unknown, why);
        return false;
    }
    }
    return false;
}

} // namespace trh
