#include "JsonReaders.h"

#include "AlertsJsonReader.h"
#include "GatewayEndpointsReader.h"
#include "JsonKindSniffer.h"
#include "ProfilesJsonReader.h"
#include "RestResultDataReader.h"

namespace trh {

JsonKind sniffJsonKind(QIODevice &in, QString *why)
{
    return JsonKindSniffer().sniff(in, why);
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

} // namespace trh
