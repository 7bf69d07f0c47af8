#include "Summary.h"

#include "DriverState.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>

#include <map>

namespace trh {
namespace {

// SQL fragments shared by the rules. Classes: 0 value, 1 no_results, 2 pending,
// 3 too_many, 4 error, 5 not_applicable.
constexpr const char *kTrDomains = "('dec','index','recorder','stream','threatresponse')";
constexpr const char *kHealthyValues = "('ok','healthy','pass','passed','good','nominal','true')";
constexpr const char *kUnknownClasses = "(2,3,4)";

const char *const kDomains[] = {"dec", "index", "recorder", "stream", "threatresponse"};

QString q(const char *s)
{
    return QString::fromLatin1(s);
}

class SummaryBuilder
{
public:
    SummaryBuilder(Database &db, std::int64_t snapshot) : m_db(db), m_snapshot(snapshot) {}

    QString error;

    // Does the dataset have per-endpoint answers (else: only aggregate rows, or nothing)?
    enum class Shape
    {
        None,
        PerEndpoint,
        Aggregate
    };
    Shape shape(const char *dataset)
    {
        Statement st(m_db, "SELECT max(endpoint_id IS NOT NULL), count(*) FROM answer "
                           "WHERE snapshot_id = ?1 AND dataset = ?2");
        st.bind(1, m_snapshot).bind(2, std::string_view(dataset));
        if (!st.step() || st.int64(1) == 0)
            return Shape::None;
        return st.int64(0) ? Shape::PerEndpoint : Shape::Aggregate;
    }

    std::optional<std::int64_t> count(const std::string &sql)
    {
        Statement st(m_db, sql);
        if (!st.isValid()) {
            error = st.error();
            return std::nullopt;
        }
        st.bind(1, m_snapshot);
        if (!st.step()) {
            if (!st.ok())
                error = st.error();
            return std::int64_t(0);
        }
        return st.isNull(0) ? 0 : st.int64(0);
    }

    static QJsonValue v(std::optional<std::int64_t> n)
    {
        return n ? QJsonValue(qint64(*n)) : QJsonValue(QJsonValue::Null);
    }

    QJsonObject snapshotInfo()
    {
        Statement st(m_db, "SELECT s.id, s.taken_at, s.label, "
                           "(SELECT count(*) FROM source_file f WHERE f.snapshot_id = s.id) "
                           "FROM snapshot s WHERE s.id = ?1");
        st.bind(1, m_snapshot);
        if (!st.step())
            return {};
        m_takenAt = st.text(1);
        return QJsonObject{{q("id"), qint64(st.int64(0))},
                           {q("taken_at"), st.text(1)},
                           {q("label"), st.text(2)},
                           {q("files"), qint64(st.int64(3))}};
    }

    QJsonObject endpoints()
    {
        QJsonObject byPlatform{
            {q("Windows"), 0}, {q("Linux"), 0}, {q("Mac"), 0}, {q("Unknown"), 0}};
        Statement st(m_db, "SELECT platform, count(*) FROM snapshot_endpoint "
                           "WHERE snapshot_id = ?1 GROUP BY platform ORDER BY platform");
        st.bind(1, m_snapshot);
        std::int64_t total = 0;
        while (st.step()) {
            byPlatform.insert(st.text(0), qint64(st.int64(1)));
            total += st.int64(1);
        }
        if (total == 0) {
            // Aggregate-only snapshot: nobody can be counted as an endpoint.
            QJsonObject nulls;
            for (auto it = byPlatform.begin(); it != byPlatform.end(); ++it)
                nulls.insert(it.key(), QJsonValue::Null);
            return QJsonObject{{q("total"), QJsonValue::Null}, {q("by_platform"), nulls}};
        }
        return QJsonObject{{q("total"), qint64(total)}, {q("by_platform"), byPlatform}};
    }

    QJsonObject healthFailures()
    {
        QJsonObject out;
        const Shape s = shape("cx_status");
        const std::string failing =
            std::string("c.class = 0 AND lower(trim(c.key)) = 'health_check' "
                        "AND lower(trim(c.value)) NOT IN ") +
            kHealthyValues + " AND lower(trim(c.domain)) IN " + kTrDomains;
        auto known = std::string(" AND a.class NOT IN ") + kUnknownClasses;
        if (s == Shape::PerEndpoint) {
            const std::string base =
                "FROM answer a JOIN cx_status_text c ON c.answer_id = a.id "
                "WHERE a.snapshot_id = ?1 AND a.dataset = 'cx_status' AND a.endpoint_id IS NOT "
                "NULL "
                "AND a.endpoint_id NOT IN (SELECT endpoint_id FROM answer WHERE snapshot_id = ?1 "
                "AND dataset = 'cx_status' AND endpoint_id IS NOT NULL AND class IN " +
                std::string(kUnknownClasses) + ") AND " + failing;
            for (const char *d : kDomains) {
                out.insert(q(d), v(count("SELECT count(DISTINCT a.endpoint_id) " + base +
                                         " AND lower(trim(c.domain)) = '" + d + "'")));
            }
            out.insert(q("any"), v(count("SELECT count(DISTINCT a.endpoint_id) " + base)));
        } else if (s == Shape::Aggregate) {
            // Each aggregate row stands for `weight` endpoints that gave that exact answer.
            const std::string base = "SELECT sum(a.weight) FROM answer a WHERE a.snapshot_id = ?1 "
                                     "AND a.dataset = 'cx_status'" +
                                     known +
                                     " AND EXISTS (SELECT 1 FROM cx_status_text c WHERE "
                                     "c.answer_id = a.id AND " +
                                     failing;
            for (const char *d : kDomains)
                out.insert(q(d), v(count(base + " AND lower(trim(c.domain)) = '" + d + "')")));
            out.insert(q("any"), v(count(base + ")")));
        } else {
            for (const char *d : kDomains)
                out.insert(q(d), QJsonValue::Null);
            out.insert(q("any"), QJsonValue::Null);
        }
        return out;
    }

    QJsonObject driver()
    {
        std::map<std::string, std::int64_t> counts;
        for (DriverState st : {DriverState::Running, DriverState::ServiceNotInstalled,
                               DriverState::ServiceNotRunning, DriverState::DriverNotInstalled,
                               DriverState::Unknown})
            counts[driverStateKey(st)] = 0;
        const Shape s = shape("driver_status");
        bool computed = true;
        if (s == Shape::Aggregate) {
            Statement st(m_db, "SELECT a.weight, a.class, v.value FROM answer a "
                               "JOIN sensor_value v ON v.answer_id = a.id "
                               "WHERE a.snapshot_id = ?1 AND a.dataset = 'driver_status' "
                               "AND a.class <> 5");
            st.bind(1, m_snapshot);
            while (st.step())
                counts[driverStateKey(classifyDriverStatus(st.textView(2), ValueClass(st.int64(1)),
                                                           true))] += st.int64(0);
        } else {
            // Every Windows endpoint counts; one without an answer is unknown.
            const auto windows = count("SELECT count(*) FROM snapshot_endpoint WHERE "
                                       "snapshot_id = ?1 AND platform = 'Windows'");
            computed = s == Shape::PerEndpoint || windows.value_or(0) > 0;
            Statement st(m_db, "SELECT se.endpoint_id, a.class, v.value FROM snapshot_endpoint se "
                               "LEFT JOIN answer a ON a.snapshot_id = se.snapshot_id AND "
                               "a.dataset = 'driver_status' AND a.endpoint_id = se.endpoint_id "
                               "LEFT JOIN sensor_value v ON v.answer_id = a.id "
                               "WHERE se.snapshot_id = ?1 AND se.platform = 'Windows' "
                               "ORDER BY se.endpoint_id, a.class");
            st.bind(1, m_snapshot);
            std::int64_t last = -1;
            while (st.step()) {
                const std::int64_t id = st.int64(0);
                if (id == last)
                    continue; // first (best-classed) answer of the endpoint decides
                last = id;
                const bool answered = !st.isNull(1);
                counts[driverStateKey(classifyDriverStatus(
                    st.textView(2), answered ? ValueClass(st.int64(1)) : ValueClass::NoResults,
                    answered))] += 1;
            }
            if (s == Shape::None && windows.value_or(0) == 0)
                computed = false;
        }
        QJsonObject out;
        for (const auto &[k, n] : counts)
            out.insert(QString::fromStdString(k),
                       computed ? QJsonValue(qint64(n)) : QJsonValue(QJsonValue::Null));
        return out;
    }

    QJsonObject bpf()
    {
        std::map<std::string, std::int64_t> counts;
        for (BpfState st :
             {BpfState::Core, BpfState::BccOnly, BpfState::Unsupported, BpfState::Unknown})
            counts[bpfStateKey(st)] = 0;
        const auto linuxCount =
            count("SELECT count(*) FROM snapshot_endpoint WHERE snapshot_id = ?1 "
                  "AND platform = 'Linux'");
        const bool computed = linuxCount.value_or(0) > 0;
        if (computed) {
            auto pick = [](const char *dataset) {
                return std::string("(SELECT v.value FROM answer a JOIN sensor_value v ON "
                                   "v.answer_id = a.id WHERE a.snapshot_id = se.snapshot_id AND "
                                   "a.dataset = '") +
                       dataset +
                       "' AND a.endpoint_id = se.endpoint_id AND v.class = 0 ORDER BY a.id LIMIT "
                       "1)";
            };
            Statement st(m_db, "SELECT " + pick("bpf_core") + ", " + pick("bpf_bcc") +
                                   " FROM snapshot_endpoint se WHERE se.snapshot_id = ?1 AND "
                                   "se.platform = 'Linux'");
            st.bind(1, m_snapshot);
            while (st.step())
                ++counts[bpfStateKey(classifyBpf(st.textView(0), st.textView(1)))];
        }
        QJsonObject out;
        for (const auto &[k, n] : counts)
            out.insert(QString::fromStdString(k),
                       computed ? QJsonValue(qint64(n)) : QJsonValue(QJsonValue::Null));
        return out;
    }

    std::optional<std::int64_t> cxKeyFalse(const char *domain, const char *key, bool windowsOnly)
    {
        const Shape s = shape("cx_status");
        const std::string match = std::string("c.class = 0 AND lower(trim(c.domain)) = '") +
                                  domain + "' AND lower(trim(c.key)) = '" + key +
                                  "' AND lower(trim(c.value)) IN ('false','no','0')";
        if (s == Shape::PerEndpoint) {
            std::string sql =
                "SELECT count(DISTINCT a.endpoint_id) FROM answer a JOIN cx_status_text c "
                "ON c.answer_id = a.id WHERE a.snapshot_id = ?1 AND "
                "a.dataset = 'cx_status' AND a.endpoint_id IS NOT NULL AND " +
                match;
            if (windowsOnly)
                sql += " AND a.endpoint_id IN (SELECT endpoint_id FROM snapshot_endpoint WHERE "
                       "snapshot_id = ?1 AND platform = 'Windows')";
            return count(sql);
        }
        if (s == Shape::Aggregate && !windowsOnly) {
            return count("SELECT sum(a.weight) FROM answer a WHERE a.snapshot_id = ?1 AND "
                         "a.dataset = 'cx_status' AND EXISTS (SELECT 1 FROM cx_status_text c WHERE "
                         "c.answer_id = a.id AND " +
                         match + ")");
        }
        return std::nullopt; // no data, or no platform to tell Windows endpoints apart
    }

    QJsonObject recorder()
    {
        return QJsonObject{
            {q("min_requirements_not_met"),
             v(cxKeyFalse("recorder", "min_requirements_met", false))},
            {q("windows_not_using_driver"),
             v(cxKeyFalse("recorder", "is_using_tanium_driver", true))},
        };
    }

    QJsonObject tools()
    {
        const Shape s = shape("tools_status");
        if (s == Shape::None) {
            return QJsonObject{{q("not_installed_endpoints"), QJsonValue::Null},
                               {q("version_mismatch_endpoints"), QJsonValue::Null},
                               {q("by_tool"), QJsonValue::Null}};
        }
        // A tool line is "not installed" when its status says so or the installed version is
        // empty/N/A; a "version mismatch" when both versions are present and differ.
        const char *classify =
            "SELECT a.endpoint_id AS eid, a.id AS aid, a.weight AS w, trim(t.tool) AS tool, "
            "(lower(coalesce(t.status, '')) LIKE '%not installed%' OR "
            " (t.installed_version IS NOT NULL AND lower(trim(t.installed_version)) IN ('', "
            "'n/a'))) AS ni, "
            "(t.installed_version IS NOT NULL AND t.targeted_version IS NOT NULL AND "
            " lower(trim(t.installed_version)) NOT IN ('', 'n/a') AND "
            " lower(trim(t.targeted_version)) NOT IN ('', 'n/a') AND "
            " trim(t.installed_version) <> trim(t.targeted_version)) AS mm "
            "FROM answer a JOIN tool_status t ON t.answer_id = a.id "
            "WHERE a.snapshot_id = ?1 AND a.dataset = 'tools_status' AND t.class = 0";
        const bool perEndpoint = s == Shape::PerEndpoint;
        const std::string unit = perEndpoint ? "count(DISTINCT eid)" : "sum(w)";
        const std::string notNullEid = perEndpoint ? " AND eid IS NOT NULL" : "";
        // Aggregate rows count once per row even with several failing tools in it.
        const std::string aggUnit = perEndpoint ? "count(DISTINCT eid)" : "sum(w)";
        const std::string rowSet = perEndpoint
                                       ? std::string("(") + classify + ")"
                                       : std::string("(SELECT aid, max(w) AS w, max(ni) AS ni, "
                                                     "max(mm) AS mm, NULL AS eid FROM (") +
                                             classify + ") GROUP BY aid)";
        QJsonObject out{
            {q("not_installed_endpoints"),
             v(count("SELECT " + aggUnit + " FROM " + rowSet + " WHERE ni" + notNullEid))},
            {q("version_mismatch_endpoints"), v(count("SELECT " + aggUnit + " FROM " + rowSet +
                                                      " WHERE mm AND NOT ni" + notNullEid))},
        };
        QJsonObject byTool;
        Statement st(m_db, std::string("SELECT tool, ") + unit + " FILTER (WHERE ni), " + unit +
                               " FILTER (WHERE mm AND NOT ni) FROM (" + classify + ") WHERE 1" +
                               notNullEid + " GROUP BY tool ORDER BY tool");
        st.bind(1, m_snapshot);
        while (st.step()) {
            byTool.insert(st.text(0), QJsonObject{{q("not_installed"), qint64(st.int64(1))},
                                                  {q("version_mismatch"), qint64(st.int64(2))}});
        }
        out.insert(q("by_tool"), byTool);
        return out;
    }

    QString takenAt() const { return m_takenAt; }

private:
    Database &m_db;
    std::int64_t m_snapshot;
    QString m_takenAt;
};

QJsonObject nullObject(std::initializer_list<const char *> keys)
{
    QJsonObject o;
    for (const char *k : keys)
        o.insert(q(k), QJsonValue::Null);
    return o;
}

} // namespace

std::optional<std::int64_t> resolveSnapshot(Database &db, const QString &spec, QString *error)
{
    if (spec.isEmpty() || spec == QLatin1String("latest")) {
        const auto id =
            db.scalarInt("SELECT id FROM snapshot ORDER BY taken_at DESC, id DESC LIMIT 1");
        if (!id)
            *error = QStringLiteral("%1: no snapshot yet — import files first").arg(db.path());
        return id;
    }
    bool ok = false;
    const qint64 id = spec.toLongLong(&ok);
    if (!ok || id <= 0) {
        *error = QStringLiteral("--snapshot %1: expected a snapshot id or \"latest\"").arg(spec);
        return std::nullopt;
    }
    Statement st(db, "SELECT id FROM snapshot WHERE id = ?1");
    st.bind(1, std::int64_t(id));
    if (!st.step()) {
        *error = QStringLiteral("%1: no snapshot %2").arg(db.path()).arg(id);
        return std::nullopt;
    }
    return id;
}

std::optional<QJsonObject> Summary::build(Database &db, std::int64_t snapshotId,
                                          const QString &month, QString *error)
{
    SummaryBuilder b(db, snapshotId);
    QJsonObject root;
    root.insert(q("schema"), q("trhealth.summary/1"));
    const QJsonObject snapshot = b.snapshotInfo();
    if (snapshot.isEmpty()) {
        *error = QStringLiteral("no snapshot %1").arg(snapshotId);
        return std::nullopt;
    }
    root.insert(q("snapshot"), snapshot);
    root.insert(q("endpoints"), b.endpoints());
    root.insert(q("health_failures"), b.healthFailures());
    root.insert(q("driver"), b.driver());
    root.insert(q("bpf"), b.bpf());
    root.insert(q("recorder"), b.recorder());
    root.insert(q("tools"), b.tools());
    // Computed by the health-analysis rules (not part of this version yet): null, never 0.
    root.insert(q("profiles"), nullObject({"no_profile", "unknown_profile", "outdated_revision",
                                           "wrong_profile_for_group"}));
    root.insert(q("intel"), nullObject({"current_revision", "outdated"}));
    root.insert(q("coverage"), nullObject({"no_data", "not_deployed", "no_profile", "unhealthy",
                                           "covered", "percent"}));
    const QString alertMonth = month.isEmpty() ? QDateTime::fromString(b.takenAt(), Qt::ISODate)
                                                     .toUTC()
                                                     .toString(QStringLiteral("yyyy-MM"))
                                               : month;
    QJsonObject alerts = nullObject({"count", "resolved_without_in_progress", "stale_unresolved"});
    alerts.insert(q("month"), alertMonth);
    alerts.insert(q("mtti_hours"), nullObject({"n", "mean", "median", "p90"}));
    alerts.insert(q("mttr_hours"), nullObject({"n", "mean", "median", "p90"}));
    root.insert(q("alerts"), alerts);
    root.insert(q("findings"), QJsonValue::Null);
    if (!b.error.isEmpty()) {
        *error = b.error;
        return std::nullopt;
    }
    return root;
}

} // namespace trh
