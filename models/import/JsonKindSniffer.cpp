#include "JsonKindSniffer.h"

#include "DatasetMapping.h"
#include "import/json/JsonStream.h"

#include <QStringList>

namespace trh {

namespace {

// Enough member names for any real record; the sniffer reads 1 MiB at most anyway.
constexpr std::size_t kMaxNames = 4096;

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
    stream.setRefuseDuplicateKeys(false);
    const ReadStatus status = stream.run(*this);
    if (!m_decided) {
        // The parse ended before a decision: the read limit (a huge first element), or the
        // file is no (complete) JSON. Decide on the keys seen so far if there are any.
        QString keysWhy;
        JsonKind byKeys = JsonKind::Unknown;
        if (m_dataKeys.seen) {
            byKeys = classify(m_dataKeys, Subject::DataObject, &keysWhy);
        } else if (m_keys.seen) {
            const bool inList = m_rootPageIsElement || m_context.size() > 1;
            byKeys = classify(m_keys,
                              !inList               ? Subject::RootObject
                              : m_rootPageIsElement ? Subject::FirstRecordElement
                                                    : Subject::ListElement,
                              &keysWhy);
        }
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

void JsonKindSniffer::noteKey(ObjectKeys &keys, std::string_view key, JsonType type)
{
    keys.seen = true;
    keys.state |= key == "state";
    keys.createdAt |= key == "createdAt";
    keys.alertedAt |= key == "alertedAt";
    keys.guid |= key == "guid";
    keys.intelDocId |= key == "intelDocId";
    keys.computerName |= key == "computerName";
    keys.computerGroups |= key == "computerGroups";
    keys.revision |= key == "revision";
    keys.name |= key == "name";
    keys.flat &= type != JsonType::Object;
    if (keys.names.size() < kMaxNames)
        keys.names.emplace_back(key);
}

JsonKind JsonKindSniffer::classify(const ObjectKeys &keys, Subject subject, QString *why) const
{
    const bool list = subject == Subject::ListElement || subject == Subject::FirstRecordElement;
    const QString has = list                             ? QStringLiteral("list elements have")
                        : subject == Subject::RootObject ? QStringLiteral("a single object has")
                                                         : QStringLiteral("data is a single "
                                                                          "object that has");
    QStringList alertKeys;
    if (keys.createdAt)
        alertKeys << QStringLiteral("createdAt");
    if (keys.alertedAt)
        alertKeys << QStringLiteral("alertedAt");
    if (keys.guid)
        alertKeys << QStringLiteral("guid");
    if (keys.intelDocId)
        alertKeys << QStringLiteral("intelDocId");
    if (keys.computerName)
        alertKeys << QStringLiteral("computerName");
    if (keys.state && !alertKeys.isEmpty()) {
        *why = QStringLiteral("%1 alert keys (state, %2)")
                   .arg(has, alertKeys.join(QStringLiteral(", ")));
        return JsonKind::Alerts;
    }
    // One object on its own is one alert (a GET of one alert), never one profile.
    if (!list)
        return connectRecords(keys, subject, has, why);
    if (keys.computerGroups) {
        *why = QStringLiteral("%1 profile keys (computerGroups)").arg(has);
        return JsonKind::Profiles;
    }
    if (keys.revision && keys.name) {
        *why = QStringLiteral("%1 profile keys (name, revision)").arg(has);
        return JsonKind::Profiles;
    }
    return connectRecords(keys, subject, has, why);
}

JsonKind JsonKindSniffer::connectRecords(const ObjectKeys &keys, Subject subject,
                                         const QString &has, QString *why) const
{
    // Connect records: a flat object whose keys are the columns of a known dataset, as the
    // first element of a top-level array or as the root object (the first line of NDJSON).
    const bool recordPlace =
        subject == Subject::FirstRecordElement || subject == Subject::RootObject;
    if (recordPlace && !keys.names.empty()) {
        const DatasetMapping::HeaderMatch match = m_mapping.match(keys.names);
        QStringList datasets;
        for (const DatasetMapping::Group &group : match.groups)
            datasets << group.def->name;
        const QString columns = datasets.join(QStringLiteral(", "));
        if (!datasets.isEmpty() && !keys.flat) {
            *why = QStringLiteral("%1 the columns of dataset %2, but a value is an object: not "
                                  "a flat Tanium Connect record")
                       .arg(has, columns);
            return JsonKind::Unknown;
        }
        if (!datasets.isEmpty() && subject == Subject::RootObject) {
            *why = QStringLiteral("the first object has the columns of dataset %1 (Tanium "
                                  "Connect records, one per line)")
                       .arg(columns);
            return JsonKind::ConnectRecords;
        }
        if (!datasets.isEmpty()) {
            *why = QStringLiteral("%1 the columns of dataset %2 (Tanium Connect records)")
                       .arg(has, columns);
            return JsonKind::ConnectRecords;
        }
    }
    *why = subject == Subject::ListElement || subject == Subject::FirstRecordElement
               ? QStringLiteral("%1 no alert or profile keys and no dataset columns").arg(has)
               : QStringLiteral("%1 no alert keys and no dataset columns").arg(has);
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
        // Element 0 of a top-level array may be a page ({"data": ...}) as well as an alert,
        // a profile or a Connect record; element 0 of a data array is an alert or a profile.
        if (m_context.back() == Context::TopArray) {
            m_rootPageIsElement = true;
            m_context.push_back(Context::Page);
        } else {
            m_context.push_back(Context::Element);
        }
        return Action::Descend;

    case Context::Page:
        noteKey(m_keys, key, type);
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
        noteKey(m_dataKeys, key, type);
        return Action::Skip;

    case Context::Element:
        noteKey(m_keys, key, type);
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
    QString why;
    switch (done) {
    case Context::TopArray:
        decide(JsonKind::Unknown, QStringLiteral("an empty array"));
        return false;
    case Context::DataArray:
        decide(JsonKind::Unknown, QStringLiteral("data is an empty array"));
        return false;
    case Context::Data: {
        // Neither result sets nor endpoints: one alert, as a GET of one alert returns it?
        const JsonKind kind = classify(m_dataKeys, Subject::DataObject, &why);
        if (kind == JsonKind::Alerts) {
            decide(kind, why);
            return false;
        }
        return true; // a page may still have errors[] after its data
    }
    case Context::Element:
    case Context::Page: {
        const Subject subject = done == Context::Element ? Subject::ListElement
                                : m_rootPageIsElement    ? Subject::FirstRecordElement
                                                         : Subject::RootObject;
        const JsonKind kind = classify(m_keys, subject, &why);
        if (kind != JsonKind::Unknown)
            decide(kind, why);
        else if (m_sawErrors)
            decide(JsonKind::GatewayEndpoints, QStringLiteral("has top-level errors and no data"));
        else if (subject == Subject::RootObject)
            decide(JsonKind::Unknown, QStringLiteral("no data.result_sets or data.endpoints, and "
                                                     "%1")
                                          .arg(why));
        else
            decide(JsonKind::Unknown, why);
        return false;
    }
    }
    return false;
}

} // namespace trh
