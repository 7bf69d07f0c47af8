#include "Analyzer.h"

#include "AlertMetrics.h"
#include "DriverState.h"
#include "FindingCatalog.h"
#include "FindingSearch.h"
#include "FleetSummary.h"
#include "core/PlatformNames.h"
#include "core/ValueClass.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVersionNumber>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace trh {
namespace {

// Bump when a rule changes: stored analyses of older versions are recomputed.
constexpr int kRulesVersion = 2; // 2: the row rule, profile.unknown alone

QString q(const char *s)
{
    return QString::fromLatin1(s);
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return out;
}

bool isTrDomain(const std::string &d)
{
    for (HealthDomain domain : kHealthDomains) {
        if (d == healthDomainKey(domain))
            return true;
    }
    return false;
}

bool isHealthy(const std::string &valueLower)
{
    static const char *const ok[] = {"ok", "healthy", "pass", "passed", "good", "nominal", "true"};
    for (const char *v : ok) {
        if (valueLower == v)
            return true;
    }
    return false;
}

std::optional<long long> toInteger(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    bool ok = false;
    const long long v = qs(s).toLongLong(&ok);
    return ok ? std::optional<long long>(v) : std::nullopt;
}

// Versions compare numerically part by part ("10.4.2" > "9.9"); anything else as text.
int compareVersions(const std::string &a, const std::string &b)
{
    const QVersionNumber va = QVersionNumber::fromString(qs(a));
    const QVersionNumber vb = QVersionNumber::fromString(qs(b));
    if (!va.isNull() && !vb.isNull())
        return QVersionNumber::compare(va, vb);
    return a.compare(b);
}

bool emptyOrNa(std::string_view v)
{
    const std::string l = lower(trimmedAnswer(v));
    return l.empty() || l == "n/a";
}

// A read-only stream of rows ordered by endpoint id (column 0), merged with the endpoint
// list one endpoint at a time: the whole snapshot is read once, with no per-endpoint query.
class Stream
{
public:
    Stream(Database &db, const std::string &sql, std::int64_t snapshot) : m_st(db, sql)
    {
        m_st.bind(1, snapshot);
        m_has = m_st.step();
    }
    bool valid() const { return m_st.isValid(); }
    QString error() const { return m_st.error(); }
    bool ok() const { return m_st.ok(); }
    // Skips rows of endpoints before `id`; true while the current row belongs to `id`.
    bool at(std::int64_t id)
    {
        while (m_has && m_st.int64(0) < id)
            m_has = m_st.step();
        return m_has && m_st.int64(0) == id;
    }
    void next() { m_has = m_st.step(); }
    bool has() const { return m_has; }
    Statement &row() { return m_st; }

private:
    Statement m_st;
    bool m_has = false;
};

// Whether a dataset came per endpoint, only as an aggregate export, or not at all.
enum class Shape
{
    None,
    PerEndpoint,
    Aggregate
};

struct Profile
{
    std::string key, name, revision;
    std::set<std::string> groups; // lower-case
};

// What a (domain, key) pair of Client Extensions - Status means to the rules, worked out
// once per key instead of once per answer line.
struct CxKey
{
    enum Kind
    {
        Other,
        Health,
        MinRequirements,
        UsingDriver,
        Profile,
        ProfileId,
        ProfileRevision,
        Intel
    };
    Kind kind = Other;
    std::string domain; // lower-case
    bool trDomain = false, threatResponse = false;
};

struct Counter
{
    std::int64_t endpoints = 0; // distinct endpoints with the finding
    std::int64_t weight = 0;    // aggregate rows: endpoints they stand for
};

// What the per-endpoint rules read about one endpoint: its rows of every per-endpoint
// dataset, gathered before any rule runs, and the states worked out from them.
struct EndpointFacts
{
    struct Tool
    {
        QString tool; // trimmed
        std::string status, targeted, installed;
        bool hasTargeted = false, hasInstalled = false;
    };
    struct Setting
    {
        std::string domain; // lower-case
        std::string key, value;
    };

    std::int64_t id = 0;
    std::string platform;
    bool windows = false, linux_ = false;

    // Client Extensions - Status.
    bool answered = false, unknown = false, known = false, trDeployed = false;
    bool minReqFalse = false, notUsingDriver = false;
    std::map<std::string, std::string> failures; // domain -> reason (first)
    std::string profile, profileId, revision, intel;
    bool hasProfile = false;
    const char *stage = nullptr; // coverage stage
    const Profile *applied = nullptr;
    std::set<std::string> groups; // lower-case; read only for an applied profile in the list

    // Windows only.
    bool driverAnswered = false;
    ValueClass driverClass = ValueClass::NoResults;
    std::string driverText;
    DriverState driver = DriverState::Running;

    // Linux only.
    std::string coreValue, bccValue;
    BpfState bpf = BpfState::Core;

    std::vector<Tool> tools;
    std::vector<std::pair<std::string, std::string>> extensions; // lower-case domain, version
    std::vector<Setting> settings;
};

// The rows of the per-endpoint datasets, each stream ordered by endpoint id.
struct EndpointStreams
{
    EndpointStreams(Database &db, std::int64_t snapshot)
        : endpoints(db,
                    "SELECT endpoint_id, platform FROM snapshot_endpoint WHERE snapshot_id = ?1 "
                    "ORDER BY endpoint_id",
                    snapshot),
          cx(db,
             "SELECT a.endpoint_id, a.class, c.key_id, c.value, c.class FROM answer a "
             "LEFT JOIN cx_status c ON c.answer_id = a.id "
             "WHERE a.snapshot_id = ?1 AND a.dataset = 'cx_status' AND a.endpoint_id IS NOT NULL "
             "ORDER BY a.endpoint_id",
             snapshot),
          driver(db,
                 "SELECT a.endpoint_id, a.class, v.value FROM answer a "
                 "JOIN sensor_value v ON v.answer_id = a.id WHERE a.snapshot_id = ?1 "
                 "AND a.dataset = 'driver_status' AND a.endpoint_id IS NOT NULL "
                 "ORDER BY a.endpoint_id",
                 snapshot),
          core(db, sensor("bpf_core"), snapshot), bcc(db, sensor("bpf_bcc"), snapshot),
          tools(db,
                "SELECT a.endpoint_id, t.tool, t.status, t.targeted_version, t.installed_version "
                "FROM answer a JOIN tool_status t ON t.answer_id = a.id WHERE a.snapshot_id = ?1 "
                "AND a.dataset = 'tools_status' AND a.endpoint_id IS NOT NULL AND t.class = 0 "
                "ORDER BY a.endpoint_id",
                snapshot),
          extensions(db,
                     "SELECT a.endpoint_id, e.domain, e.version FROM answer a "
                     "JOIN installed_extension e ON e.answer_id = a.id WHERE a.snapshot_id = ?1 "
                     "AND a.dataset = 'installed_extensions' AND a.endpoint_id IS NOT NULL "
                     "AND e.class = 0 ORDER BY a.endpoint_id",
                     snapshot),
          settings(
              db,
              "SELECT a.endpoint_id, k.a, k.b, c.value FROM answer a "
              "JOIN client_setting c ON c.answer_id = a.id JOIN value_key k ON k.id = c.key_id "
              "WHERE a.snapshot_id = ?1 AND a.dataset = 'client_settings' "
              "AND a.endpoint_id IS NOT NULL AND c.class = 0 ORDER BY a.endpoint_id",
              snapshot),
          groups(db,
                 "SELECT endpoint_id, group_name FROM endpoint_group WHERE snapshot_id = ?1 "
                 "ORDER BY endpoint_id",
                 snapshot)
    {}
    static std::string sensor(const char *dataset)
    {
        return std::string("SELECT a.endpoint_id, v.value FROM answer a JOIN sensor_value v ON "
                           "v.answer_id = a.id WHERE a.snapshot_id = ?1 AND a.dataset = '") +
               dataset + "' AND a.endpoint_id IS NOT NULL AND v.class = 0 ORDER BY a.endpoint_id";
    }
    std::array<Stream *, 9> all()
    {
        return {&endpoints, &cx, &driver, &core, &bcc, &tools, &extensions, &settings, &groups};
    }

    Stream endpoints, cx, driver, core, bcc, tools, extensions, settings, groups;
};

class Run
{
public:
    Run(Database &db, std::int64_t snapshot, const Analyzer::Progress &progress)
        : m_db(db), m_snapshot(snapshot), m_progress(progress)
    {}
    bool execute(QString *error);

private:
    bool fail(const QString &e)
    {
        if (m_error.isEmpty())
            m_error = e;
        return false;
    }
    bool fail(const Statement &st) { return fail(st.error()); }
    std::int64_t count(const char *sql)
    {
        Statement st(m_db, sql);
        st.bind(1, m_snapshot);
        return st.step() ? st.int64(0) : 0;
    }
    bool addFinding(std::optional<std::int64_t> endpoint, const char *code, const QString &subject,
                    const QString &detail, std::int64_t weight = 1);
    bool loadContext();
    bool perEndpoint();
    EndpointFacts gatherFacts(EndpointStreams &s) const;
    bool cxStatusRule(const EndpointFacts &f);
    bool profileRule(const EndpointFacts &f);
    bool coverageRule(const EndpointFacts &f);
    bool driverRule(const EndpointFacts &f);
    bool bpfRule(const EndpointFacts &f);
    bool toolsRule(const EndpointFacts &f);
    bool extensionsRule(const EndpointFacts &f);
    bool settingsRule(const EndpointFacts &f);
    bool storeState(const EndpointFacts &f);
    bool aggregates();
    bool alerts();
    QJsonObject figures();
    QJsonObject explanations();
    bool store();

    Database &m_db;
    std::int64_t m_snapshot;
    QString m_error;
    Statement m_insertFinding, m_insertState;
    Analyzer::Progress m_progress;
    std::int64_t m_endpointCount = 0; // for m_progress

    // Context.
    std::map<std::string, Shape> m_shape; // per dataset
    std::vector<Profile> m_profiles;
    bool m_groupsKnown = false;
    std::map<std::string, std::string> m_expectedExtension; // domain -> version
    std::map<std::string, std::string> m_expectedReason;    // domain -> "configured"/"most common"
    std::optional<long long> m_currentIntel;
    std::map<std::int64_t, CxKey> m_cxKeys;
    CxKey m_otherKey;

    // Results.
    std::map<std::string, Counter> m_codes; // per code
    std::map<std::string, std::int64_t> m_stage;
    std::map<std::string, std::int64_t> m_driver, m_bpf, m_platform;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>>
        m_byTool; // not installed, mismatch
    bool m_cancelled = false;
    std::int64_t m_total = 0, m_cxKnown = 0, m_cxUnknown = 0, m_cxMissing = 0;
    std::int64_t m_anyFailure = 0, m_anyFailureWeight = 0, m_judgedProfiles = 0;
    std::int64_t m_windows = 0, m_linux = 0, m_toolsNotInstalled = 0, m_toolsMismatch = 0;
    std::int64_t m_aggregateAnswers = 0;
    std::string m_lastFindingKey;
    std::set<std::string> m_seenThisEndpoint;
};

Shape shapeOf(Database &db, std::int64_t snapshot, const char *dataset);

} // namespace

namespace {

Shape shapeOf(Database &db, std::int64_t snapshot, const char *dataset)
{
    Statement st(db, "SELECT max(endpoint_id IS NOT NULL), count(*) FROM answer "
                     "WHERE snapshot_id = ?1 AND dataset = ?2");
    st.bind(1, snapshot).bind(2, std::string_view(dataset));
    if (!st.step() || st.int64(1) == 0)
        return Shape::None;
    return st.int64(0) ? Shape::PerEndpoint : Shape::Aggregate;
}

bool Run::addFinding(std::optional<std::int64_t> endpoint, const char *code, const QString &subject,
                     const QString &detail, std::int64_t weight)
{
    Counter &c = m_codes[code];
    if (endpoint) {
        // Several rows of one code per endpoint (one per tool, say) count the endpoint once.
        if (m_seenThisEndpoint.insert(code).second)
            ++c.endpoints;
    } else {
        c.weight += weight;
    }
    m_insertFinding.bind(1, m_snapshot).bind(2, endpoint).bind(3, std::string_view(code));
    m_insertFinding.bind(4, subject).bind(5, detail).bind(6, weight);
    return m_insertFinding.run() || fail(m_insertFinding);
}

bool Run::loadContext()
{
    for (const char *d : {"cx_status", "driver_status", "tools_status", "installed_extensions",
                          "client_settings", "bpf_core", "bpf_bcc", "inventory"})
        m_shape[d] = shapeOf(m_db, m_snapshot, d);

    Statement keys(m_db, "SELECT id, a, b FROM value_key WHERE kind = 0");
    while (keys.step()) {
        CxKey k;
        k.domain = lower(trimmedAnswer(keys.textView(1)));
        const std::string key = lower(trimmedAnswer(keys.textView(2)));
        k.trDomain = isTrDomain(k.domain);
        k.threatResponse = k.domain == "threatresponse";
        if (key == "health_check")
            k.kind = CxKey::Health;
        else if (k.domain == "recorder" && key == "min_requirements_met")
            k.kind = CxKey::MinRequirements;
        else if (k.domain == "recorder" && key == "is_using_tanium_driver")
            k.kind = CxKey::UsingDriver;
        else if (k.threatResponse && key == "applied_profile")
            k.kind = CxKey::Profile;
        else if (k.threatResponse && key == "applied_profile_id")
            k.kind = CxKey::ProfileId;
        else if (k.threatResponse && key == "applied_profile_revision")
            k.kind = CxKey::ProfileRevision;
        else if (k.threatResponse && key == "applied_intel_revision")
            k.kind = CxKey::Intel;
        m_cxKeys.emplace(keys.int64(0), k);
    }

    // Profiles in priority order, with their computer groups.
    Statement profiles(m_db, "SELECT priority, profile_key, name, revision FROM profile "
                             "WHERE snapshot_id = ?1 ORDER BY priority");
    profiles.bind(1, m_snapshot);
    std::map<std::int64_t, size_t> byPriority;
    while (profiles.step()) {
        byPriority[profiles.int64(0)] = m_profiles.size();
        m_profiles.push_back({lower(trimmedAnswer(profiles.textView(1))),
                              lower(trimmedAnswer(profiles.textView(2))),
                              std::string(trimmedAnswer(profiles.textView(3))),
                              {}});
    }
    Statement groups(m_db, "SELECT priority, group_name FROM profile_group WHERE snapshot_id = ?1");
    groups.bind(1, m_snapshot);
    while (groups.step()) {
        auto it = byPriority.find(groups.int64(0));
        if (it != byPriority.end())
            m_profiles[it->second].groups.insert(qs(groups.textView(1)).toLower().toStdString());
    }
    m_groupsKnown = count("SELECT count(*) FROM endpoint_group WHERE snapshot_id = ?1") > 0;

    // Expected extension versions: configured ones, else the most common in the snapshot.
    Statement configured(m_db,
                         "SELECT name, version FROM expected_version WHERE kind = 'extension'");
    while (configured.step()) {
        m_expectedExtension[std::string(configured.textView(0))] =
            std::string(configured.textView(1));
        m_expectedReason[std::string(configured.textView(0))] = "configured";
    }
    Statement common(m_db,
                     "SELECT lower(trim(e.domain)), trim(e.version), count(*) AS n FROM answer a "
                     "JOIN installed_extension e ON e.answer_id = a.id WHERE a.snapshot_id = ?1 "
                     "AND a.dataset = 'installed_extensions' AND a.endpoint_id IS NOT NULL "
                     "AND e.class = 0 AND trim(e.version) <> '' GROUP BY 1, 2 ORDER BY 1, n DESC");
    common.bind(1, m_snapshot);
    std::map<std::string, std::int64_t> bestCount;
    while (common.step()) {
        const std::string domain(common.textView(0));
        const std::string version(common.textView(1));
        if (m_expectedReason[domain] == "configured")
            continue;
        auto it = bestCount.find(domain);
        // Most common wins; a tie goes to the higher version.
        if (it == bestCount.end() || common.int64(2) > it->second ||
            (common.int64(2) == it->second &&
             compareVersions(version, m_expectedExtension[domain]) > 0)) {
            bestCount[domain] = common.int64(2);
            m_expectedExtension[domain] = version;
            m_expectedReason[domain] = "most common";
        }
    }

    // The current intel revision: the highest one any endpoint reports.
    Statement intel(m_db,
                    "SELECT max(CAST(c.value AS INTEGER)) FROM answer a "
                    "JOIN cx_status c ON c.answer_id = a.id "
                    "JOIN value_key k ON k.id = c.key_id "
                    "WHERE a.snapshot_id = ?1 AND a.dataset = 'cx_status' AND c.class = 0 "
                    "AND lower(k.a) = 'threatresponse' AND lower(k.b) = 'applied_intel_revision' "
                    "AND trim(c.value) GLOB '[0-9]*'");
    intel.bind(1, m_snapshot);
    if (intel.step() && !intel.isNull(0))
        m_currentIntel = intel.int64(0);
    return m_error.isEmpty();
}

bool Run::perEndpoint()
{
    EndpointStreams streams(m_db, m_snapshot);
    for (Stream *s : streams.all()) {
        if (!s->valid())
            return fail(s->error());
    }
    for (; streams.endpoints.has(); streams.endpoints.next()) {
        if (m_progress && m_total % 4096 == 0 && !m_progress(m_total, m_endpointCount)) {
            m_cancelled = true;
            return false;
        }
        const EndpointFacts f = gatherFacts(streams);
        m_seenThisEndpoint.clear();
        ++m_total;
        ++m_platform[f.platform];
        // The rules in the order their findings are stored.
        if (!cxStatusRule(f) || !profileRule(f) || !coverageRule(f) || !driverRule(f) ||
            !bpfRule(f) || !toolsRule(f) || !extensionsRule(f) || !settingsRule(f) ||
            !storeState(f))
            return false;
    }
    for (Stream *s : streams.all()) {
        if (!s->ok())
            return fail(s->row().error());
    }
    return true;
}

// Reads the current endpoint's rows from every stream; the streams are consumed exactly as
// far as the rules need them (the driver only for Windows, BPF only for Linux, the groups only
// for an applied profile that is in the list).
EndpointFacts Run::gatherFacts(EndpointStreams &s) const
{
    EndpointFacts f;
    f.id = s.endpoints.row().int64(0);
    f.platform = std::string(s.endpoints.row().textView(1));
    f.windows = f.platform == "Windows";
    f.linux_ = f.platform == "Linux";
    const std::int64_t id = f.id;

    // Client Extensions - Status.
    while (s.cx.at(id)) {
        Statement &r = s.cx.row();
        f.answered = true;
        if (isUnknown(ValueClass(r.int64(1))))
            f.unknown = true;
        if (!r.isNull(2) && ValueClass(r.int64(4)) == ValueClass::Value) {
            const auto key = m_cxKeys.find(r.int64(2));
            const CxKey &k = key != m_cxKeys.end() ? key->second : m_otherKey;
            const std::string_view value = trimmedAnswer(r.textView(3));
            if (k.threatResponse)
                f.trDeployed = true;
            switch (k.kind) {
            case CxKey::Health:
                if (k.trDomain && !isHealthy(lower(value)))
                    f.failures.emplace(k.domain, std::string(value));
                break;
            case CxKey::MinRequirements:
                f.minReqFalse = f.minReqFalse || isFalseAnswer(value);
                break;
            case CxKey::UsingDriver:
                f.notUsingDriver = f.notUsingDriver || isFalseAnswer(value);
                break;
            case CxKey::Profile:
                f.profile = std::string(value);
                break;
            case CxKey::ProfileId:
                f.profileId = std::string(value);
                break;
            case CxKey::ProfileRevision:
                f.revision = std::string(value);
                break;
            case CxKey::Intel:
                f.intel = std::string(value);
                break;
            case CxKey::Other:
                break;
            }
        }
        s.cx.next();
    }
    f.known = f.answered && !f.unknown;
    f.hasProfile = !f.profile.empty() || !f.profileId.empty();
    f.stage = !f.known              ? "no_data"
              : !f.trDeployed       ? "not_deployed"
              : !f.hasProfile       ? "no_profile"
              : !f.failures.empty() ? "unhealthy"
                                    : "covered";

    // The applied profile and, for one in the list, the endpoint's computer groups.
    if (f.known && f.trDeployed && f.hasProfile) {
        const std::string idLower = lower(f.profileId), nameLower = lower(f.profile);
        for (const Profile &p : m_profiles) {
            if ((!idLower.empty() && p.key == idLower) ||
                (!nameLower.empty() && p.name == nameLower)) {
                f.applied = &p;
                break;
            }
        }
        while (f.applied && s.groups.at(id)) {
            f.groups.insert(qs(s.groups.row().textView(1)).toLower().toStdString());
            s.groups.next();
        }
    }

    // Windows driver: the first answer, or the first known one after unknown ones.
    if (f.windows) {
        while (s.driver.at(id)) {
            if (!f.driverAnswered || isUnknown(f.driverClass)) {
                f.driverAnswered = true;
                f.driverClass = ValueClass(s.driver.row().int64(1));
                f.driverText = std::string(s.driver.row().textView(2));
            }
            s.driver.next();
        }
        f.driver = classifyDriverStatus(f.driverText, f.driverClass, f.driverAnswered);
    }

    // Linux BPF.
    if (f.linux_) {
        if (s.core.at(id))
            f.coreValue = std::string(s.core.row().textView(1));
        if (s.bcc.at(id))
            f.bccValue = std::string(s.bcc.row().textView(1));
        f.bpf = classifyBpf(f.coreValue, f.bccValue);
    }

    while (s.tools.at(id)) {
        Statement &r = s.tools.row();
        f.tools.push_back({qs(trimmedAnswer(r.textView(1))), std::string(r.textView(2)),
                           std::string(r.textView(3)), std::string(r.textView(4)), !r.isNull(3),
                           !r.isNull(4)});
        s.tools.next();
    }
    while (s.extensions.at(id)) {
        f.extensions.push_back({lower(trimmedAnswer(s.extensions.row().textView(1))),
                                std::string(trimmedAnswer(s.extensions.row().textView(2)))});
        s.extensions.next();
    }
    while (s.settings.at(id)) {
        Statement &r = s.settings.row();
        f.settings.push_back({lower(trimmedAnswer(r.textView(1))),
                              std::string(trimmedAnswer(r.textView(2))),
                              std::string(trimmedAnswer(r.textView(3)))});
        s.settings.next();
    }
    return f;
}

// --- Client Extensions - Status ---------------------------------------------------------
bool Run::cxStatusRule(const EndpointFacts &f)
{
    if (!f.answered)
        ++m_cxMissing;
    else if (f.unknown)
        ++m_cxUnknown;
    else
        ++m_cxKnown;
    if (!f.known)
        return true;
    for (const auto &[domain, reason] : f.failures) {
        const std::string code = "health." + domain;
        if (!addFinding(f.id, findingKind(QString::fromStdString(code))->code,
                        QString::fromStdString(domain), qs(reason)))
            return false;
    }
    if (!f.failures.empty())
        ++m_anyFailure;
    if (f.minReqFalse && !addFinding(f.id, "recorder.min_requirements_not_met", q("recorder"),
                                     q("min_requirements_met = False: fewer than two CPU cores")))
        return false;
    if (f.windows && f.notUsingDriver &&
        !addFinding(f.id, "recorder.not_using_driver", q("recorder"),
                    q("is_using_tanium_driver = False")))
        return false;
    return true;
}

// --- Profiles and intel (TR deployed, known answer) ------------------------------------
bool Run::profileRule(const EndpointFacts &f)
{
    if (!f.known || !f.trDeployed)
        return true;
    ++m_judgedProfiles;
    if (!f.hasProfile) {
        if (!addFinding(f.id, "profile.none", q("threatresponse"), q("no applied_profile value")))
            return false;
    } else if (!m_profiles.empty()) {
        const QString label = qs(f.profile.empty() ? f.profileId : f.profile);
        if (!f.applied) {
            if (!addFinding(f.id, "profile.unknown", label,
                            QStringLiteral("applied profile \"%1\" (id %2) is not in the "
                                           "profile list")
                                .arg(label, qs(f.profileId))))
                return false;
        } else {
            const auto have = toInteger(f.revision), current = toInteger(f.applied->revision);
            if (have && current && *have < *current &&
                !addFinding(f.id, "profile.outdated_revision", label,
                            QStringLiteral("revision %1, current %2").arg(*have).arg(*current)))
                return false;
        }
        // Group rule: the first profile (priority order) whose groups include one of
        // the endpoint's groups is the one that should apply. It judges only a profile
        // that is in the list: one that is not is profile.unknown and nothing else.
        if (!f.groups.empty()) {
            const Profile *expected = nullptr;
            std::string via;
            for (const Profile &p : m_profiles) {
                for (const std::string &g : p.groups) {
                    if (f.groups.count(g)) {
                        expected = &p;
                        via = g;
                        break;
                    }
                }
                if (expected)
                    break;
            }
            if (expected && f.applied != expected &&
                !addFinding(f.id, "profile.wrong_for_group", label,
                            QStringLiteral("applied \"%1\", expected \"%2\" (group %3)")
                                .arg(label, qs(expected->name), qs(via))))
                return false;
        }
    }
    const auto intelRevision = toInteger(f.intel);
    if (m_currentIntel && intelRevision && *intelRevision < *m_currentIntel &&
        !addFinding(f.id, "intel.outdated", q("threatresponse"),
                    QStringLiteral("intel revision %1, current %2")
                        .arg(*intelRevision)
                        .arg(*m_currentIntel)))
        return false;
    return true;
}

// --- Coverage stage ----------------------------------------------------------------------
bool Run::coverageRule(const EndpointFacts &f)
{
    ++m_stage[f.stage];
    if (m_shape["cx_status"] != Shape::PerEndpoint)
        return true;
    if (!f.known && !addFinding(f.id, "coverage.no_data", QString(),
                                f.answered ? q("the Client Extensions - Status answer is "
                                               "pending or an error")
                                           : q("no Client Extensions - Status answer")))
        return false;
    if (f.known && !f.trDeployed &&
        !addFinding(f.id, "coverage.not_deployed", q("threatresponse"),
                    q("no threatresponse domain in Client Extensions - Status")))
        return false;
    return true;
}

// --- Windows driver ------------------------------------------------------------------------
bool Run::driverRule(const EndpointFacts &f)
{
    if (!f.windows)
        return true;
    ++m_windows;
    ++m_driver[driverStateKey(f.driver)];
    if (f.driver == DriverState::Running)
        return true;
    const std::string code = std::string("driver.") + driverStateKey(f.driver);
    QString detail = qs(f.driverText).replace(QLatin1Char('\n'), QStringLiteral("; "));
    if (!f.driverAnswered)
        detail = q("no Tanium Driver Status answer");
    return addFinding(f.id, findingKind(QString::fromStdString(code))->code, q("driver"), detail);
}

// --- Linux BPF -----------------------------------------------------------------------------
bool Run::bpfRule(const EndpointFacts &f)
{
    if (!f.linux_)
        return true;
    ++m_linux;
    ++m_bpf[bpfStateKey(f.bpf)];
    if (f.bpf == BpfState::Core)
        return true;
    const std::string code = std::string("bpf.") + bpfStateKey(f.bpf);
    return addFinding(f.id, findingKind(QString::fromStdString(code))->code, q("recorder"),
                      QStringLiteral("CO-RE %1, BCC %2")
                          .arg(f.coreValue.empty() ? q("unknown") : qs(f.coreValue),
                               f.bccValue.empty() ? q("unknown") : qs(f.bccValue)));
}

// --- Tools ---------------------------------------------------------------------------------
bool Run::toolsRule(const EndpointFacts &f)
{
    bool toolNotInstalled = false, toolMismatch = false;
    for (const EndpointFacts::Tool &t : f.tools) {
        const std::string status = lower(t.status);
        const bool notInstalled = status.find("not installed") != std::string::npos ||
                                  (t.hasInstalled && emptyOrNa(t.installed));
        const bool mismatch = !notInstalled && t.hasTargeted && t.hasInstalled &&
                              !emptyOrNa(t.targeted) &&
                              trimmedAnswer(t.targeted) != trimmedAnswer(t.installed);
        if (notInstalled) {
            toolNotInstalled = true;
            ++m_byTool[t.tool.toStdString()].first;
            if (!addFinding(f.id, "tools.not_installed", t.tool,
                            QStringLiteral("status \"%1\", installed \"%2\"")
                                .arg(qs(trimmedAnswer(t.status)), qs(trimmedAnswer(t.installed)))))
                return false;
        } else if (mismatch) {
            toolMismatch = true;
            ++m_byTool[t.tool.toStdString()].second;
            if (!addFinding(
                    f.id, "tools.version_mismatch", t.tool,
                    QStringLiteral("installed %1, targeted %2")
                        .arg(qs(trimmedAnswer(t.installed)), qs(trimmedAnswer(t.targeted)))))
                return false;
        }
    }
    m_toolsNotInstalled += toolNotInstalled;
    m_toolsMismatch += toolMismatch;
    return true;
}

// --- Installed extensions ----------------------------------------------------------------
bool Run::extensionsRule(const EndpointFacts &f)
{
    for (const auto &[domain, version] : f.extensions) {
        auto expected = m_expectedExtension.find(domain);
        if (expected != m_expectedExtension.end() && !version.empty() &&
            version != expected->second &&
            !addFinding(f.id, "extensions.version_outlier", QString::fromStdString(domain),
                        QStringLiteral("%1 %2, expected %3 (%4)")
                            .arg(QString::fromStdString(domain), qs(version), qs(expected->second),
                                 qs(m_expectedReason[domain]))))
            return false;
    }
    return true;
}

// --- Non-default client settings in TR domains -----------------------------------------
bool Run::settingsRule(const EndpointFacts &f)
{
    for (const EndpointFacts::Setting &s : f.settings) {
        if (isTrDomain(s.domain) &&
            !addFinding(f.id, "settings.non_default",
                        QStringLiteral("%1/%2").arg(QString::fromStdString(s.domain), qs(s.key)),
                        qs(s.value)))
            return false;
    }
    return true;
}

// The endpoint's coverage stage, driver and BPF state.
bool Run::storeState(const EndpointFacts &f)
{
    m_insertState.bind(1, m_snapshot).bind(2, f.id).bind(3, std::string_view(f.stage));
    if (f.windows)
        m_insertState.bind(4, q(driverStateKey(f.driver)));
    else
        m_insertState.bindNull(4);
    if (f.linux_)
        m_insertState.bind(5, q(bpfStateKey(f.bpf)));
    else
        m_insertState.bindNull(5);
    return m_insertState.run() || fail(m_insertState);
}

// Aggregate exports (no Computer Name): each answer stands for `weight` endpoints. Only the
// rules that need no other dataset can run on them.
bool Run::aggregates()
{
    if (m_shape["cx_status"] == Shape::Aggregate) {
        Statement st(
            m_db, "SELECT a.id, a.weight, a.class, k.a, k.b, c.value, c.class FROM answer a "
                  "JOIN cx_status c ON c.answer_id = a.id JOIN value_key k ON k.id = c.key_id "
                  "WHERE a.snapshot_id = ?1 AND a.dataset = 'cx_status' AND a.endpoint_id IS NULL "
                  "ORDER BY a.id");
        st.bind(1, m_snapshot);
        std::int64_t current = -1;
        std::set<std::string> flagged;
        bool failing = false;
        std::int64_t weight = 0;
        auto close = [&]() {
            if (current >= 0 && failing)
                m_anyFailureWeight += weight;
        };
        while (st.step()) {
            if (st.int64(0) != current) {
                close();
                current = st.int64(0);
                weight = st.int64(1);
                flagged.clear();
                failing = false;
                ++m_aggregateAnswers;
            }
            if (isUnknown(ValueClass(st.int64(2))) || ValueClass(st.int64(6)) != ValueClass::Value)
                continue;
            const std::string domain = lower(trimmedAnswer(st.textView(3)));
            const std::string key = lower(trimmedAnswer(st.textView(4)));
            const std::string_view value = trimmedAnswer(st.textView(5));
            const QString subject = QStringLiteral("answer %1").arg(current);
            std::string code;
            if (key == "health_check" && isTrDomain(domain) && !isHealthy(lower(value))) {
                code = "health." + domain;
                failing = true;
            } else if (domain == "recorder" && key == "min_requirements_met" &&
                       isFalseAnswer(value)) {
                code = "recorder.min_requirements_not_met";
            }
            if (!code.empty() && flagged.insert(code).second &&
                !addFinding(std::nullopt, findingKind(QString::fromStdString(code))->code, subject,
                            qs(value), weight))
                return false;
        }
        close();
    }
    if (m_shape["driver_status"] == Shape::Aggregate) {
        Statement st(m_db,
                     "SELECT a.id, a.weight, a.class, v.value FROM answer a "
                     "JOIN sensor_value v ON v.answer_id = a.id WHERE a.snapshot_id = ?1 "
                     "AND a.dataset = 'driver_status' AND a.endpoint_id IS NULL AND a.class <> 5");
        st.bind(1, m_snapshot);
        while (st.step()) {
            const DriverState state =
                classifyDriverStatus(st.textView(3), ValueClass(st.int64(2)), true);
            m_driver[driverStateKey(state)] += st.int64(1);
            if (state != DriverState::Running) {
                const std::string code = std::string("driver.") + driverStateKey(state);
                if (!addFinding(std::nullopt, findingKind(QString::fromStdString(code))->code,
                                QStringLiteral("answer %1").arg(st.int64(0)),
                                qs(st.textView(3)).replace(QLatin1Char('\n'), QStringLiteral("; ")),
                                st.int64(1)))
                    return false;
            }
        }
    }
    if (m_shape["tools_status"] == Shape::Aggregate) {
        Statement st(m_db,
                     "SELECT a.id, a.weight, t.tool, t.status, t.targeted_version, "
                     "t.installed_version FROM answer a JOIN tool_status t ON t.answer_id = a.id "
                     "WHERE a.snapshot_id = ?1 AND a.dataset = 'tools_status' "
                     "AND a.endpoint_id IS NULL AND t.class = 0 ORDER BY a.id");
        st.bind(1, m_snapshot);
        std::int64_t current = -1, weight = 0;
        bool ni = false, mm = false;
        auto close = [&]() {
            if (current >= 0) {
                m_toolsNotInstalled += ni ? weight : 0;
                m_toolsMismatch += mm ? weight : 0;
            }
        };
        while (st.step()) {
            if (st.int64(0) != current) {
                close();
                current = st.int64(0);
                weight = st.int64(1);
                ni = mm = false;
            }
            const QString tool = qs(trimmedAnswer(st.textView(2)));
            const bool notInstalled =
                lower(st.textView(3)).find("not installed") != std::string::npos ||
                (!st.isNull(5) && emptyOrNa(st.textView(5)));
            const bool mismatch = !notInstalled && !st.isNull(4) && !st.isNull(5) &&
                                  !emptyOrNa(st.textView(4)) &&
                                  trimmedAnswer(st.textView(4)) != trimmedAnswer(st.textView(5));
            if (notInstalled) {
                ni = true;
                m_byTool[tool.toStdString()].first += weight;
                if (!addFinding(std::nullopt, "tools.not_installed", tool, QString(), weight))
                    return false;
            } else if (mismatch) {
                mm = true;
                m_byTool[tool.toStdString()].second += weight;
                if (!addFinding(std::nullopt, "tools.version_mismatch", tool, QString(), weight))
                    return false;
            }
        }
        close();
    }
    return m_error.isEmpty();
}

// Alert findings (resolved without In Progress, stale) of the snapshot's month, attached to
// the endpoint named by the alert when the snapshot knows it.
bool Run::alerts()
{
    const auto metrics = AlertMetrics::compute(m_db, m_snapshot, QString(), &m_error);
    if (!metrics)
        return false;
    Statement endpoint(m_db, "SELECT id FROM endpoint WHERE name_key = ?1");
    for (const AlertFinding &f : metrics->findings) {
        std::optional<std::int64_t> id;
        endpoint.bind(1, f.computerName.trimmed().toLower());
        if (endpoint.step())
            id = endpoint.int64(0);
        endpoint.reset();
        const FindingKind *kind = findingKind(f.code);
        if (!kind)
            return fail(QStringLiteral("unknown finding code %1").arg(f.code));
        m_seenThisEndpoint.clear();
        if (!addFinding(id, kind->code, QStringLiteral("alert %1").arg(f.alertId), f.detail))
            return false;
    }
    return true;
}

QJsonValue num(std::optional<std::int64_t> v)
{
    return v ? QJsonValue(qint64(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonObject Run::figures()
{
    const Shape cx = m_shape["cx_status"];
    const bool perEndpointCx = cx == Shape::PerEndpoint;
    auto codeCount = [&](const std::string &code, Shape shape) -> std::optional<std::int64_t> {
        if (shape == Shape::None)
            return std::nullopt;
        const Counter c = m_codes.count(code) ? m_codes.at(code) : Counter{};
        return shape == Shape::PerEndpoint ? c.endpoints : c.weight;
    };

    QJsonObject endpoints;
    QJsonObject byPlatform{{q("Windows"), 0}, {q("Linux"), 0}, {q("Mac"), 0}, {q("Unknown"), 0}};
    for (const auto &[p, n] : m_platform)
        byPlatform.insert(QString::fromStdString(p), qint64(n));
    if (m_total == 0) {
        for (auto it = byPlatform.begin(); it != byPlatform.end(); ++it)
            it.value() = QJsonValue::Null;
    }
    endpoints.insert(q("total"),
                     m_total ? QJsonValue(qint64(m_total)) : QJsonValue(QJsonValue::Null));
    endpoints.insert(q("by_platform"), byPlatform);

    QJsonObject health;
    for (HealthDomain d : kHealthDomains)
        health.insert(q(healthDomainKey(d)),
                      num(codeCount(std::string("health.") + healthDomainKey(d), cx)));
    health.insert(q("any"), cx == Shape::None ? QJsonValue(QJsonValue::Null)
                            : perEndpointCx   ? QJsonValue(qint64(m_anyFailure))
                                              : QJsonValue(qint64(m_anyFailureWeight)));

    const Shape driverShape = m_shape["driver_status"];
    const bool driverComputed = driverShape == Shape::Aggregate || m_windows > 0;
    QJsonObject driver;
    for (DriverState s :
         {DriverState::Running, DriverState::ServiceNotInstalled, DriverState::ServiceNotRunning,
          DriverState::DriverNotInstalled, DriverState::Unknown}) {
        const char *k = driverStateKey(s);
        driver.insert(q(k), driverComputed ? QJsonValue(qint64(m_driver[k]))
                                           : QJsonValue(QJsonValue::Null));
    }
    QJsonObject bpf;
    for (BpfState s :
         {BpfState::Core, BpfState::BccOnly, BpfState::Unsupported, BpfState::Unknown}) {
        const char *k = bpfStateKey(s);
        bpf.insert(q(k), m_linux > 0 ? QJsonValue(qint64(m_bpf[k])) : QJsonValue(QJsonValue::Null));
    }
    QJsonObject recorder{
        {q("min_requirements_not_met"), num(codeCount("recorder.min_requirements_not_met", cx))},
        {q("windows_not_using_driver"), perEndpointCx
                                            ? num(codeCount("recorder.not_using_driver", cx))
                                            : QJsonValue(QJsonValue::Null)},
    };
    const Shape toolsShape = m_shape["tools_status"];
    QJsonObject tools;
    if (toolsShape == Shape::None) {
        tools = {{q("not_installed_endpoints"), QJsonValue::Null},
                 {q("version_mismatch_endpoints"), QJsonValue::Null},
                 {q("by_tool"), QJsonValue::Null}};
    } else {
        QJsonObject byTool;
        for (const auto &[tool, counts] : m_byTool) {
            byTool.insert(QString::fromStdString(tool),
                          QJsonObject{{q("not_installed"), qint64(counts.first)},
                                      {q("version_mismatch"), qint64(counts.second)}});
        }
        tools = {{q("not_installed_endpoints"), qint64(m_toolsNotInstalled)},
                 {q("version_mismatch_endpoints"), qint64(m_toolsMismatch)},
                 {q("by_tool"), byTool}};
    }
    const bool profilesListed = !m_profiles.empty();
    QJsonObject profiles{
        {q("no_profile"),
         perEndpointCx ? num(codeCount("profile.none", cx)) : QJsonValue(QJsonValue::Null)},
        {q("unknown_profile"), perEndpointCx && profilesListed
                                   ? num(codeCount("profile.unknown", cx))
                                   : QJsonValue(QJsonValue::Null)},
        {q("outdated_revision"), perEndpointCx && profilesListed
                                     ? num(codeCount("profile.outdated_revision", cx))
                                     : QJsonValue(QJsonValue::Null)},
        {q("wrong_profile_for_group"), perEndpointCx && profilesListed && m_groupsKnown
                                           ? num(codeCount("profile.wrong_for_group", cx))
                                           : QJsonValue(QJsonValue::Null)},
    };
    QJsonObject intel{
        {q("current_revision"),
         m_currentIntel ? QJsonValue(qint64(*m_currentIntel)) : QJsonValue(QJsonValue::Null)},
        {q("outdated"), perEndpointCx && m_currentIntel ? num(codeCount("intel.outdated", cx))
                                                        : QJsonValue(QJsonValue::Null)},
    };
    QJsonObject coverage;
    for (const char *s : {"no_data", "not_deployed", "no_profile", "unhealthy", "covered"})
        coverage.insert(q(s), perEndpointCx ? QJsonValue(qint64(m_stage[s]))
                                            : QJsonValue(QJsonValue::Null));
    coverage.insert(
        q("percent"),
        perEndpointCx && m_total > 0
            ? QJsonValue(std::round(double(m_stage["covered"]) * 1000.0 / double(m_total)) / 10.0)
            : QJsonValue(QJsonValue::Null));

    QJsonArray findings;
    for (const FindingKind &k : findingCatalog()) {
        auto it = m_codes.find(k.code);
        if (it == m_codes.end())
            continue;
        QJsonObject f{{q("code"), q(k.code)},
                      {q("severity"), q(severityKey(k.severity))},
                      {q("endpoints"), qint64(it->second.endpoints)}};
        if (it->second.weight > 0)
            f.insert(q("aggregate_endpoints"), qint64(it->second.weight));
        findings.append(f);
    }
    return QJsonObject{{q("endpoints"), endpoints}, {q("health_failures"), health},
                       {q("driver"), driver},       {q("bpf"), bpf},
                       {q("recorder"), recorder},   {q("tools"), tools},
                       {q("profiles"), profiles},   {q("intel"), intel},
                       {q("coverage"), coverage},   {q("findings"), findings}};
}

QJsonObject explain(const QString &formula, const QStringList &inputs, std::int64_t n,
                    const QJsonArray &excluded, const QString &nullReason = QString())
{
    QJsonObject o{{q("formula"), formula},
                  {q("inputs"), QJsonArray::fromStringList(inputs)},
                  {q("n"), qint64(n)},
                  {q("excluded"), excluded}};
    if (!nullReason.isEmpty())
        o.insert(q("null_reason"), nullReason);
    return o;
}

QJsonObject exclusion(const QString &reason, std::int64_t count)
{
    return QJsonObject{{q("reason"), reason}, {q("count"), qint64(count)}};
}

QJsonObject Run::explanations()
{
    const Shape cx = m_shape["cx_status"];
    const QString noCx =
        cx == Shape::None ? q("no Client Extensions - Status answers were imported")
        : cx == Shape::Aggregate
            ? q("Client Extensions - Status came as an aggregate export (no Computer "
                "Name): per-endpoint rules cannot run; re-export with Computer Name")
            : QString();
    const QJsonArray cxExcluded{
        exclusion(q("answer pending or an error (unknown, never healthy)"), m_cxUnknown),
        exclusion(q("no Client Extensions - Status answer"), m_cxMissing)};
    QJsonObject e;
    e.insert(
        q("endpoints"),
        explain(q("distinct lower-cased Computer Names over every per-endpoint dataset; platform "
                  "from OS Platform, else Is Windows, else the Gateway's os.platform"),
                {q("every per-endpoint answer")}, m_total, {}));
    e.insert(
        q("health_failures"),
        explain(q("per TR domain (dec, index, recorder, stream, threatresponse): endpoints with a "
                  "health_check value other than ok/healthy/pass/passed/good/nominal/true; any = "
                  "endpoints with at least one"),
                {q("cx_status")}, cx == Shape::PerEndpoint ? m_cxKnown : m_aggregateAnswers,
                cx == Shape::PerEndpoint ? cxExcluded : QJsonArray{},
                cx == Shape::None ? noCx : QString()));
    e.insert(
        q("driver"),
        explain(
            q("Windows endpoints by the first matching rule on the Tanium Driver Status "
              "text: unknown answer or none, driver not installed, service not installed, "
              "service not running, running"),
            {q("driver_status"), q("inventory (platform)")}, m_windows,
            {exclusion(q("not Windows (the driver exists on Windows only)"), m_total - m_windows)},
            m_windows == 0 && m_shape["driver_status"] != Shape::Aggregate
                ? q("no Windows endpoints (platform unknown without OS Platform or Is Windows)")
                : QString()));
    e.insert(
        q("bpf"),
        explain(q("Linux endpoints: core if CO-RE is True; bcc_only if CO-RE False and BCC True; "
                  "unsupported if both False; unknown otherwise"),
                {q("bpf_core"), q("bpf_bcc"), q("inventory (platform)")}, m_linux,
                {exclusion(q("not Linux"), m_total - m_linux)},
                m_linux == 0 ? q("no Linux endpoints") : QString()));
    e.insert(
        q("recorder"),
        explain(q("min_requirements_not_met: recorder/min_requirements_met = False (two or more "
                  "CPU cores are required); windows_not_using_driver: Windows endpoints with "
                  "recorder/is_using_tanium_driver = False"),
                {q("cx_status"), q("inventory (platform)")}, m_cxKnown, cxExcluded, noCx));
    e.insert(
        q("tools"),
        explain(
            q("not installed: Status says not installed, or Installed Version empty or N/A; "
              "version mismatch: both versions present and different; counted as distinct "
              "endpoints, and per tool"),
            {q("tools_status")},
            count("SELECT count(DISTINCT endpoint_id) FROM answer WHERE "
                  "snapshot_id = ?1 AND dataset = 'tools_status'"),
            {exclusion(
                q("tool lines with a pending or error answer"),
                count("SELECT count(*) FROM answer a JOIN tool_status t ON t.answer_id = a.id "
                      "WHERE a.snapshot_id = ?1 AND a.dataset = 'tools_status' AND t.class <> 0"))},
            m_shape["tools_status"] == Shape::None ? q("no Tools Status answers were imported")
                                                   : QString()));
    QJsonObject expected;
    for (const auto &[domain, version] : m_expectedExtension)
        expected.insert(QString::fromStdString(domain),
                        QStringLiteral("%1 (%2)").arg(qs(version), qs(m_expectedReason[domain])));
    QJsonObject ext = explain(q("per extension domain, versions other than the expected one (the "
                                "configured version, else the most common in the snapshot)"),
                              {q("installed_extensions")}, 0, {});
    ext.insert(q("expected"), expected);
    e.insert(q("extensions"), ext);
    e.insert(
        q("profiles"),
        explain(q("endpoints with TR deployed and a known answer: no applied_profile; applied "
                  "id (else name) not in the profile list; applied revision below the profile's; "
                  "not the first profile (priority order) whose computer groups include one of "
                  "the endpoint's groups"),
                {q("cx_status"), q("profiles"), q("inventory (Computer Groups)")}, m_judgedProfiles,
                cxExcluded,
                m_profiles.empty()
                    ? q("no profile list imported: unknown, outdated and wrong-for-group "
                        "cannot be judged")
                : !m_groupsKnown
                    ? q("no Computer Groups imported: wrong-for-group cannot be judged")
                    : noCx));
    e.insert(q("intel"),
             explain(q("current revision = the highest applied_intel_revision in the snapshot; "
                       "outdated = endpoints below it"),
                     {q("cx_status")}, m_judgedProfiles, cxExcluded,
                     m_currentIntel ? QString() : q("no applied_intel_revision answers")));
    e.insert(
        q("coverage"),
        explain(q("each endpoint in the first stage that applies: no_data (answer unknown or "
                  "missing), not_deployed (no threatresponse domain), no_profile, unhealthy (a "
                  "TR-domain health failure), covered; percent = covered / total x 100"),
                {q("cx_status")}, m_total, {}, noCx));
    return e;
}

bool Run::store()
{
    QJsonObject metrics{{q("figures"), figures()}, {q("explain"), explanations()}};
    Statement st(m_db, "INSERT OR REPLACE INTO analysis VALUES(?1, ?2, ?3, ?4)");
    st.bind(1, m_snapshot)
        .bind(2, kRulesVersion)
        .bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        .bind(4, QString::fromUtf8(QJsonDocument(metrics).toJson(QJsonDocument::Compact)));
    return st.run() || fail(st);
}

bool Run::execute(QString *error)
{
    // The endpoint's name and platform are copied into the finding (findings tables sort
    // and search them with the finding's own indexes).
    m_insertFinding = Statement(
        m_db, "INSERT INTO finding(snapshot_id, endpoint_id, code, subject, detail, weight, "
              "endpoint_name, platform) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
              "(SELECT name FROM endpoint WHERE id = ?2), (SELECT platform FROM "
              "snapshot_endpoint WHERE snapshot_id = ?1 AND endpoint_id = ?2))");
    m_insertState = Statement(m_db, "INSERT INTO endpoint_state VALUES(?1, ?2, ?3, ?4, ?5)");
    Statement clearFindings(m_db, "DELETE FROM finding WHERE snapshot_id = ?1");
    Statement clearStates(m_db, "DELETE FROM endpoint_state WHERE snapshot_id = ?1");
    for (const Statement *st : {&m_insertFinding, &m_insertState, &clearFindings, &clearStates}) {
        if (!st->isValid()) {
            *error = st->error();
            return false;
        }
    }
    clearFindings.bind(1, m_snapshot);
    clearStates.bind(1, m_snapshot);
    // The search index forgets the snapshot's old findings before they go, and learns the
    // new ones once they are all written (FindingSearch).
    if (!FindingSearch::unindex(m_db, m_snapshot, error))
        return false;
    if (m_progress)
        m_endpointCount = count("SELECT count(*) FROM snapshot_endpoint WHERE snapshot_id = ?1");
    const bool ok = clearFindings.run() && clearStates.run() && loadContext() && perEndpoint() &&
                    aggregates() && alerts() && store();
    if (!ok) {
        *error = m_cancelled ? QString() : m_error.isEmpty() ? m_db.lastError() : m_error;
        return false;
    }
    return FindingSearch::index(m_db, m_snapshot, error);
}

} // namespace

int Analyzer::rulesVersion()
{
    return kRulesVersion;
}

std::optional<QJsonObject> Analyzer::stored(Database &db, std::int64_t snapshotId)
{
    Statement st(db, "SELECT metrics FROM analysis WHERE snapshot_id = ?1 AND rules_version = ?2");
    st.bind(1, snapshotId).bind(2, kRulesVersion);
    if (!st.step())
        return std::nullopt;
    const std::string_view json = st.textView(0);
    return QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size()))).object();
}

bool Analyzer::run(Database &db, std::int64_t snapshotId, QString *error)
{
    Transaction tx(db);
    if (!tx.isActive()) {
        *error = db.lastError();
        return false;
    }
    const std::int64_t usedBefore = Store::usedBytes(db);
    if (!runInTransaction(db, snapshotId, error))
        return false;
    if (!Store::addStoredBytes(db, snapshotId, usedBefore) || !tx.commit()) {
        *error = db.lastError();
        return false;
    }
    return true;
}

bool Analyzer::runInTransaction(Database &db, std::int64_t snapshotId, QString *error,
                                const Progress &progress)
{
    // The findings' indexes are written all over while a large snapshot is analysed: a bigger
    // page cache for this one transaction keeps that off the disk (measured at 1 M endpoints:
    // 28.5 s with the 32 MiB cache, 12.2 s with 128 MiB). Restored afterwards.
    const auto previousCache = db.scalarInt("PRAGMA cache_size");
    db.exec("PRAGMA cache_size = -131072");
    struct RestoreCache
    {
        Database &db;
        std::optional<std::int64_t> size;
        ~RestoreCache()
        {
            if (size)
                db.exec("PRAGMA cache_size = " + std::to_string(*size));
        }
    } restore{db, previousCache};
    Run run(db, snapshotId, progress);
    return run.execute(error);
}

bool Analyzer::ensure(Database &db, std::int64_t snapshotId, QString *error)
{
    if (stored(db, snapshotId))
        return true;
    if (db.isReadOnly()) {
        // A snapshot file (or a file that cannot be written) is never changed; an export
        // always carries the analysis, so only a file from an older trhealth gets here.
        *error = QCoreApplication::translate(
                     "trh::Analyzer",
                     "snapshot %1 has no analysis by these rules (version %2) in this read-only "
                     "file; export it again with this version of trhealth")
                     .arg(snapshotId)
                     .arg(kRulesVersion);
        return false;
    }
    return run(db, snapshotId, error);
}

} // namespace trh
