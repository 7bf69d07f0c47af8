#include "FetchPlan.h"

#include <QJsonArray>

namespace trh::fetch {

namespace {
const QString kComputerName = QStringLiteral("Computer Name");
const QString kOsPlatform = QStringLiteral("OS Platform");
} // namespace

QString PlannedQuestion::text() const
{
    QStringList all{kComputerName, kOsPlatform};
    all += sensors;
    QString t = QStringLiteral("Get %1 from all machines").arg(all.join(QStringLiteral(" and ")));
    if (!filterSensor.isEmpty())
        t += QStringLiteral(" with %1 matches %2").arg(filterSensor, filterValue);
    return t;
}

QJsonObject PlannedQuestion::restQuestion(int expireSeconds) const
{
    QJsonArray selects;
    QStringList all{kComputerName, kOsPlatform};
    all += sensors;
    for (const QString &s : all)
        selects.append(
            QJsonObject{{QStringLiteral("sensor"), QJsonObject{{QStringLiteral("name"), s}}}});
    QJsonObject question{{QStringLiteral("selects"), selects},
                         {QStringLiteral("expire_seconds"), expireSeconds}};
    if (!filterSensor.isEmpty()) {
        const QJsonObject filter{
            {QStringLiteral("sensor"), QJsonObject{{QStringLiteral("name"), filterSensor}}},
            {QStringLiteral("operator"), QStringLiteral("RegexMatch")},
            {QStringLiteral("value"), filterValue},
            {QStringLiteral("not_flag"), false}};
        question.insert(QStringLiteral("group"),
                        QJsonObject{{QStringLiteral("and_flag"), true},
                                    {QStringLiteral("filters"), QJsonArray{filter}},
                                    {QStringLiteral("sub_groups"), QJsonArray{}}});
    }
    return question;
}

QJsonObject PlannedQuestion::gatewayVariables(int first, const QString &after) const
{
    // The endpoint's name, id and operating system are fields of the node already.
    static const QStringList nodeFields{QStringLiteral("Computer ID"), kOsPlatform,
                                        QStringLiteral("Operating System")};
    QJsonArray refs;
    for (const QString &s : sensors) {
        if (!nodeFields.contains(s, Qt::CaseInsensitive))
            refs.append(QJsonObject{{QStringLiteral("name"), s}});
    }
    QJsonObject v{{QStringLiteral("first"), first},
                  {QStringLiteral("after"), after.isEmpty() ? QJsonValue() : QJsonValue(after)},
                  {QStringLiteral("sensors"), refs}};
    if (!filterSensor.isEmpty())
        v.insert(QStringLiteral("filter"),
                 QJsonObject{{QStringLiteral("sensor"),
                              QJsonObject{{QStringLiteral("name"), filterSensor}}},
                             {QStringLiteral("op"), QStringLiteral("MATCHES")},
                             {QStringLiteral("value"), filterValue}});
    return v;
}

QList<PlannedQuestion> maintenanceQuestions()
{
    const QString isWindows = QStringLiteral("Is Windows");
    return {
        {QStringLiteral("inventory"),
         {QStringLiteral("Computer ID"), QStringLiteral("Operating System"),
          QStringLiteral("Computer Groups")},
         {},
         {}},
        {QStringLiteral("cx_status"), {QStringLiteral("Client Extensions - Status")}, {}, {}},
        {QStringLiteral("client_settings"),
         {QStringLiteral("Client Health - Client Settings")},
         {},
         {}},
        {QStringLiteral("tools_status"),
         {QStringLiteral("Endpoint Configuration - Tools Status")},
         {},
         {}},
        {QStringLiteral("installed_extensions"),
         {QStringLiteral("Client Extensions - Installed Extensions")},
         {},
         {}},
        {QStringLiteral("driver_status"),
         {QStringLiteral("Tanium Driver Status")},
         isWindows,
         QStringLiteral("true")},
        {QStringLiteral("driver_version"),
         {QStringLiteral("Tanium Driver Version")},
         isWindows,
         QStringLiteral("true")},
        {QStringLiteral("bpf_bcc, bpf_core, bpf_details"),
         {QStringLiteral("Recorder - Is BPF BCC Supported"),
          QStringLiteral("Recorder - Is BPF CO-RE Supported"),
          QStringLiteral("Recorder - Is BPF Supported Details")},
         kOsPlatform,
         QStringLiteral("Linux")},
        {QStringLiteral("tr_status"), {QStringLiteral("Threat Response - Status")}, {}, {}},
    };
}

QString gatewayEndpointsQuery()
{
    return QStringLiteral(
        "query trhealthEndpoints($first: Int, $after: Cursor, $sensors: [EndpointSensorRef!], "
        "$filter: EndpointFieldFilter) {\n"
        "  endpoints(first: $first, after: $after, filter: $filter) {\n"
        "    edges { cursor node { name computerID os { platform name }\n"
        "      sensorReadings(sensors: $sensors) { columns { name sensor { name } values } } } }\n"
        "    pageInfo { hasNextPage endCursor }\n"
        "    totalRecords\n"
        "  }\n"
        "}\n");
}

} // namespace trh::fetch
