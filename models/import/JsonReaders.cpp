#include "JsonReaders.h"

#include "AlertsJsonReader.h"
#include "ConnectRecordsReader.h"
#include "DatasetMapping.h"
#include "GatewayEndpointsReader.h"
#include "JsonKindSniffer.h"
#include "ProfilesJsonReader.h"
#include "RestResultDataReader.h"

#include <QIODevice>

namespace trh {

bool startsAsJson(QIODevice &in)
{
    const QByteArray head = in.peek(4096);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return false;
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        ++i;
    return i < head.size() && (head[i] == '{' || head[i] == '[');
}

JsonKind sniffJsonKind(QIODevice &in, QString *why, const DatasetMapping *mapping)
{
    return JsonKindSniffer(mapping ? *mapping : DatasetMapping::builtIn()).sniff(in, why);
}

QString jsonKindName(JsonKind kind)
{
    switch (kind) {
    case JsonKind::RestResultData:
        return QStringLiteral("REST API v2 result_data JSON");
    case JsonKind::GatewayEndpoints:
        return QStringLiteral("API Gateway endpoints JSON");
    case JsonKind::Alerts:
        return QStringLiteral("Threat Response alerts JSON");
    case JsonKind::Profiles:
        return QStringLiteral("Threat Response profiles JSON");
    case JsonKind::ConnectRecords:
        return QStringLiteral("Tanium Connect JSON records");
    case JsonKind::Unknown:
        break;
    }
    return QStringLiteral("unknown JSON");
}

QString unknownJsonLayout(const QString &why)
{
    return QStringLiteral("unknown JSON layout: not REST result_data, API Gateway endpoints, "
                          "Threat Response alerts or profiles, or Tanium Connect records%1")
        .arg(why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why));
}

ReadResult readRestResultData(QIODevice &in, TableSink &sink)
{
    return RestResultDataReader(sink).read(in);
}

ReadResult readGatewayEndpoints(QIODevice &in, TableSink &sink)
{
    return GatewayEndpointsReader(sink).read(in);
}

ReadResult readAlerts(QIODevice &in, AlertSink &sink)
{
    return AlertsJsonReader(sink).read(in);
}

ReadResult readProfilesJson(QIODevice &in, ProfileSink &sink)
{
    return ProfilesJsonReader(sink).read(in);
}

ReadResult readConnectRecords(QIODevice &in, TableSink &sink)
{
    return ConnectRecordsReader(sink).read(in);
}

} // namespace trh
