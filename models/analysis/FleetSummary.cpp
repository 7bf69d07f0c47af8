#include "FleetSummary.h"

#include <QJsonArray>

namespace trh {
namespace {

QString q(const char *s)
{
    return QString::fromLatin1(s);
}

QJsonObject objectOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

Count countOf(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    return v.toInteger(qint64(v.toDouble()));
}

Figure figureOf(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

QJsonValue json(const Count &c)
{
    return c ? QJsonValue(*c) : QJsonValue(QJsonValue::Null);
}

QJsonValue json(const Figure &f)
{
    return f ? QJsonValue(*f) : QJsonValue(QJsonValue::Null);
}

DurationSummary durationOf(const QJsonObject &o)
{
    return {countOf(o, "n"), figureOf(o, "mean"), figureOf(o, "median"), figureOf(o, "p90")};
}

QJsonObject json(const DurationSummary &d)
{
    return QJsonObject{{q("n"), json(d.n)},
                       {q("mean"), json(d.mean)},
                       {q("median"), json(d.median)},
                       {q("p90"), json(d.p90)}};
}

} // namespace

const char *healthDomainKey(HealthDomain d)
{
    switch (d) {
    case HealthDomain::Dec:
        return "dec";
    case HealthDomain::Index:
        return "index";
    case HealthDomain::Recorder:
        return "recorder";
    case HealthDomain::Stream:
        return "stream";
    case HealthDomain::ThreatResponse:
        return "threatresponse";
    }
    return "";
}

FleetSummary FleetSummary::fromJson(const QJsonObject &o)
{
    FleetSummary s;
    s.valid = !o.isEmpty();
    s.schema = o.value(q("schema")).toString();
    const QJsonObject snap = objectOf(o, "snapshot");
    s.snapshot.id = snap.value(q("id")).toInteger();
    s.snapshot.takenAt = snap.value(q("taken_at")).toString();
    s.snapshot.label = snap.value(q("label")).toString();
    s.snapshot.files = snap.value(q("files")).toInteger();
    s.complete = o.value(q("complete")).toBool(true);

    const QJsonObject ep = objectOf(o, "endpoints");
    s.endpoints.total = countOf(ep, "total");
    const QJsonObject byPlatform = objectOf(ep, "by_platform");
    for (auto it = byPlatform.begin(); it != byPlatform.end(); ++it)
        s.endpoints.byPlatform.emplace_back(
            it.key(), it.value().isDouble() ? Count(it.value().toInteger()) : std::nullopt);

    const QJsonObject hf = objectOf(o, "health_failures");
    s.healthFailures.any = countOf(hf, "any");
    for (HealthDomain d : kHealthDomains)
        s.healthFailures.domain(d) = countOf(hf, healthDomainKey(d));

    const QJsonObject drv = objectOf(o, "driver");
    s.driver = {countOf(drv, "running"), countOf(drv, "service_not_installed"),
                countOf(drv, "service_not_running"), countOf(drv, "driver_not_installed"),
                countOf(drv, "unknown")};
    const QJsonObject bpf = objectOf(o, "bpf");
    s.bpf = {countOf(bpf, "core"), countOf(bpf, "bcc_only"), countOf(bpf, "unsupported"),
             countOf(bpf, "unknown")};
    const QJsonObject rec = objectOf(o, "recorder");
    s.recorder = {countOf(rec, "min_requirements_not_met"),
                  countOf(rec, "windows_not_using_driver")};

    const QJsonObject tools = objectOf(o, "tools");
    s.tools.notInstalledEndpoints = countOf(tools, "not_installed_endpoints");
    s.tools.versionMismatchEndpoints = countOf(tools, "version_mismatch_endpoints");
    if (tools.value(q("by_tool")).isObject()) {
        const QJsonObject byTool = objectOf(tools, "by_tool");
        s.tools.byTool.emplace();
        for (auto it = byTool.begin(); it != byTool.end(); ++it) {
            const QJsonObject t = it.value().toObject();
            s.tools.byTool->push_back({it.key(), t.value(q("not_installed")).toInteger(),
                                       t.value(q("version_mismatch")).toInteger()});
        }
    }

    const QJsonObject prof = objectOf(o, "profiles");
    s.profiles = {countOf(prof, "no_profile"), countOf(prof, "unknown_profile"),
                  countOf(prof, "outdated_revision"), countOf(prof, "wrong_profile_for_group")};
    const QJsonObject intel = objectOf(o, "intel");
    s.intel = {countOf(intel, "current_revision"), countOf(intel, "outdated")};
    const QJsonObject cov = objectOf(o, "coverage");
    s.coverage = {countOf(cov, "no_data"),    countOf(cov, "not_deployed"),
                  countOf(cov, "no_profile"), countOf(cov, "unhealthy"),
                  countOf(cov, "covered"),    figureOf(cov, "percent")};

    const QJsonObject al = objectOf(o, "alerts");
    s.alerts.month = al.value(q("month")).toString();
    s.alerts.count = countOf(al, "count");
    s.alerts.mtti = durationOf(objectOf(al, "mtti_hours"));
    s.alerts.mttr = durationOf(objectOf(al, "mttr_hours"));
    s.alerts.resolvedWithoutInProgress = countOf(al, "resolved_without_in_progress");
    s.alerts.staleUnresolved = countOf(al, "stale_unresolved");

    for (const QJsonValue &v : o.value(q("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        FindingCount c;
        c.code = f.value(q("code")).toString();
        c.severity = f.value(q("severity")).toString();
        c.endpoints = f.value(q("endpoints")).toInteger();
        if (f.value(q("aggregate_endpoints")).isDouble())
            c.aggregateEndpoints = f.value(q("aggregate_endpoints")).toInteger();
        s.findings.push_back(c);
    }
    return s;
}

QJsonObject AlertsSummary::toJson() const
{
    return QJsonObject{{q("month"), month},
                       {q("count"), json(count)},
                       {q("mtti_hours"), json(mtti)},
                       {q("mttr_hours"), json(mttr)},
                       {q("resolved_without_in_progress"), json(resolvedWithoutInProgress)},
                       {q("stale_unresolved"), json(staleUnresolved)}};
}

QJsonObject FleetSummary::toJson() const
{
    QJsonObject byPlatform;
    for (const auto &[platform, n] : endpoints.byPlatform)
        byPlatform.insert(platform, json(n));
    QJsonObject health{{q("any"), json(healthFailures.any)}};
    for (HealthDomain d : kHealthDomains)
        health.insert(q(healthDomainKey(d)), json(healthFailures.domain(d)));
    QJsonValue byTool(QJsonValue::Null);
    if (tools.byTool) {
        QJsonObject o;
        for (const ToolCounts &t : *tools.byTool)
            o.insert(t.tool, QJsonObject{{q("not_installed"), t.notInstalled},
                                         {q("version_mismatch"), t.versionMismatch}});
        byTool = o;
    }
    QJsonArray findingList;
    for (const FindingCount &f : findings) {
        QJsonObject o{
            {q("code"), f.code}, {q("severity"), f.severity}, {q("endpoints"), f.endpoints}};
        if (f.aggregateEndpoints)
            o.insert(q("aggregate_endpoints"), *f.aggregateEndpoints);
        findingList.append(o);
    }
    return QJsonObject{
        {q("schema"), schema},
        {q("snapshot"), QJsonObject{{q("id"), snapshot.id},
                                    {q("taken_at"), snapshot.takenAt},
                                    {q("label"), snapshot.label},
                                    {q("files"), snapshot.files}}},
        {q("complete"), complete},
        {q("endpoints"),
         QJsonObject{{q("total"), json(endpoints.total)}, {q("by_platform"), byPlatform}}},
        {q("health_failures"), health},
        {q("driver"), QJsonObject{{q("running"), json(driver.running)},
                                  {q("service_not_installed"), json(driver.serviceNotInstalled)},
                                  {q("service_not_running"), json(driver.serviceNotRunning)},
                                  {q("driver_not_installed"), json(driver.driverNotInstalled)},
                                  {q("unknown"), json(driver.unknown)}}},
        {q("bpf"), QJsonObject{{q("core"), json(bpf.core)},
                               {q("bcc_only"), json(bpf.bccOnly)},
                               {q("unsupported"), json(bpf.unsupported)},
                               {q("unknown"), json(bpf.unknown)}}},
        {q("recorder"),
         QJsonObject{{q("min_requirements_not_met"), json(recorder.minRequirementsNotMet)},
                     {q("windows_not_using_driver"), json(recorder.windowsNotUsingDriver)}}},
        {q("tools"),
         QJsonObject{{q("not_installed_endpoints"), json(tools.notInstalledEndpoints)},
                     {q("version_mismatch_endpoints"), json(tools.versionMismatchEndpoints)},
                     {q("by_tool"), byTool}}},
        {q("profiles"),
         QJsonObject{{q("no_profile"), json(profiles.noProfile)},
                     {q("unknown_profile"), json(profiles.unknownProfile)},
                     {q("outdated_revision"), json(profiles.outdatedRevision)},
                     {q("wrong_profile_for_group"), json(profiles.wrongProfileForGroup)}}},
        {q("intel"), QJsonObject{{q("current_revision"), json(intel.currentRevision)},
                                 {q("outdated"), json(intel.outdated)}}},
        {q("coverage"), QJsonObject{{q("no_data"), json(coverage.noData)},
                                    {q("not_deployed"), json(coverage.notDeployed)},
                                    {q("no_profile"), json(coverage.noProfile)},
                                    {q("unhealthy"), json(coverage.unhealthy)},
                                    {q("covered"), json(coverage.covered)},
                                    {q("percent"), json(coverage.percent)}}},
        {q("alerts"), alerts.toJson()},
        {q("findings"), findingList},
    };
}

const FindingCount *FleetSummary::finding(const QString &code) const
{
    for (const FindingCount &f : findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

qint64 FleetSummary::findingEndpoints(const QString &code) const
{
    const FindingCount *f = finding(code);
    return f ? f->endpoints : 0;
}

} // namespace trh
