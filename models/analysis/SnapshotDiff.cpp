#include "SnapshotDiff.h"

#include "Analyzer.h"
#include "FindingCatalog.h"
#include "FleetSummary.h"
#include "store/Database.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <unordered_map>

namespace trh {
namespace {

QString q(const char *s)
{
    return QString::fromLatin1(s);
}

// Steps an `SELECT endpoint_id ... ORDER BY endpoint_id` statement, skipping repeats: an
// endpoint can have several findings of one code (e.g. one per tool not installed).
class IdCursor
{
public:
    explicit IdCursor(Statement &st) : m_st(st) {}
    bool valid() const { return m_valid; }
    std::int64_t id() const { return m_id; }
    bool advance()
    {
        while (m_st.step()) {
            const std::int64_t v = m_st.int64(0);
            if (m_valid && v == m_id)
                continue;
            m_id = v;
            m_valid = true;
            return true;
        }
        m_valid = false;
        return false;
    }

private:
    Statement &m_st;
    std::int64_t m_id = 0;
    bool m_valid = false;
};

// Reports a statement's error; true when it has none.
bool checked(const Statement &st, QString *error)
{
    if (st.isValid() && st.ok())
        return true;
    *error = st.error();
    return false;
}

// Distinct finding codes of a snapshot by skipping along finding_lookup: one index seek per
// code instead of a scan of every finding.
bool codesOf(Database &db, std::int64_t snapshot, std::vector<std::string> *codes, QString *error)
{
    Statement first(db, "SELECT code FROM finding WHERE snapshot_id = ?1 ORDER BY code LIMIT 1");
    Statement next(db, "SELECT code FROM finding WHERE snapshot_id = ?1 AND code > ?2 "
                       "ORDER BY code LIMIT 1");
    if (!checked(first, error) || !checked(next, error))
        return false;
    first.bind(1, snapshot);
    if (!first.step())
        return checked(first, error);
    std::string code(first.textView(0));
    for (;;) {
        codes->push_back(code);
        next.reset(); // it stopped on a row: a bind would be refused until reset
        next.bind(1, snapshot).bind(2, std::string_view(code));
        if (!next.step())
            return checked(next, error);
        code.assign(next.textView(0));
    }
}

bool endpointsOf(Database &db, std::int64_t snapshot, std::vector<std::int64_t> *ids,
                 QString *error)
{
    // The primary key (snapshot_id, endpoint_id) gives the ids in order without a sort.
    Statement st(db, "SELECT endpoint_id FROM snapshot_endpoint WHERE snapshot_id = ?1 "
                     "ORDER BY endpoint_id");
    if (!checked(st, error))
        return false;
    st.bind(1, snapshot);
    while (st.step())
        ids->push_back(st.int64(0));
    return checked(st, error);
}

// Coverage percent, rounded to one decimal; nullopt when the rules left no endpoint_state
// rows for the snapshot (an aggregate-only or not yet analysed snapshot), never 0.
bool coverageOf(Database &db, std::int64_t snapshot, std::size_t endpoints,
                std::optional<double> *percent, QString *error)
{
    Statement st(db, "SELECT count(*), count(*) FILTER (WHERE coverage_stage = 'covered') "
                     "FROM endpoint_state WHERE snapshot_id = ?1");
    if (!checked(st, error))
        return false;
    st.bind(1, snapshot);
    if (!st.step())
        return checked(st, error);
    const std::int64_t states = st.int64(0);
    const std::int64_t covered = st.int64(1);
    if (states == 0 || endpoints == 0)
        *percent = std::nullopt;
    else
        *percent = std::round(double(covered) * 1000.0 / double(endpoints)) / 10.0;
    return true;
}

bool aggregateOf(Statement &st, std::int64_t snapshot, const std::string &code,
                 std::optional<std::int64_t> *sum, QString *error)
{
    st.bind(1, snapshot).bind(2, std::string_view(code));
    if (!st.step())
        return checked(st, error);
    if (st.int64(0) > 0)
        *sum = st.int64(1);
    else
        *sum = std::nullopt;
    st.reset(); // reused for the next snapshot/code; a bind is refused mid-result
    return true;
}

// Catalogue position of a code; codes a newer rule set wrote come after, by name.
std::size_t catalogueRank(const std::string &code)
{
    const auto &catalog = findingCatalog();
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        if (code == catalog[i].code)
            return i;
    }
    return catalog.size();
}

std::vector<std::int64_t> unionOf(const std::vector<std::int64_t> &a,
                                  const std::vector<std::int64_t> &b)
{
    std::vector<std::int64_t> out;
    out.reserve(a.size() + b.size());
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::int64_t intersectionSize(const std::vector<std::int64_t> &a,
                              const std::vector<std::int64_t> &b)
{
    std::int64_t n = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++n;
            ++i;
            ++j;
        }
    }
    return n;
}

QJsonValue optional(std::optional<std::int64_t> v)
{
    return v ? QJsonValue(qint64(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optional(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

std::optional<SnapshotDiffResult> SnapshotDiff::compute(Database &db, std::int64_t from,
                                                        std::int64_t to, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    {
        Statement exists(db, "SELECT 1 FROM snapshot WHERE id = ?1");
        if (!checked(exists, error))
            return std::nullopt;
        for (const std::int64_t id : {from, to}) {
            exists.reset(); // a statement left on a row refuses new bindings
            exists.bind(1, id);
            if (!exists.step()) {
                if (checked(exists, error))
                    *error = QStringLiteral("no snapshot %1").arg(id);
                return std::nullopt;
            }
        }
    }

    SnapshotDiffResult r;
    r.from = from;
    r.to = to;

    std::vector<std::int64_t> fromEndpoints, toEndpoints;
    if (!endpointsOf(db, from, &fromEndpoints, error) || !endpointsOf(db, to, &toEndpoints, error))
        return std::nullopt;
    std::set_difference(toEndpoints.begin(), toEndpoints.end(), fromEndpoints.begin(),
                        fromEndpoints.end(), std::back_inserter(r.added));
    std::set_difference(fromEndpoints.begin(), fromEndpoints.end(), toEndpoints.begin(),
                        toEndpoints.end(), std::back_inserter(r.removed));

    if (!coverageOf(db, from, fromEndpoints.size(), &r.coverageFrom, error) ||
        !coverageOf(db, to, toEndpoints.size(), &r.coverageTo, error))
        return std::nullopt;

    std::vector<std::string> codes;
    if (!codesOf(db, from, &codes, error) || !codesOf(db, to, &codes, error))
        return std::nullopt;
    std::sort(codes.begin(), codes.end(), [](const std::string &a, const std::string &b) {
        const std::size_t ra = catalogueRank(a), rb = catalogueRank(b);
        return ra != rb ? ra < rb : a < b;
    });
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());

    // Two ordered streams of one code's endpoints, merged: the statements are reused for
    // every code, so the whole diff costs a handful of queries per code.
    const char *idsSql = "SELECT endpoint_id FROM finding WHERE snapshot_id = ?1 AND code = ?2 "
                         "AND endpoint_id IS NOT NULL ORDER BY endpoint_id";
    Statement fromIds(db, idsSql), toIds(db, idsSql);
    Statement aggregate(db, "SELECT count(*), sum(weight) FROM finding WHERE snapshot_id = ?1 "
                            "AND code = ?2 AND endpoint_id IS NULL");
    if (!checked(fromIds, error) || !checked(toIds, error) || !checked(aggregate, error))
        return std::nullopt;

    std::vector<std::int64_t> healthFrom, healthTo;
    for (const std::string &code : codes) {
        CodeDiff d;
        d.code = QString::fromStdString(code);
        const bool health = code.rfind("health.", 0) == 0;
        std::vector<std::int64_t> codeFrom, codeTo; // only kept for health.* codes

        fromIds.bind(1, from).bind(2, std::string_view(code));
        toIds.bind(1, to).bind(2, std::string_view(code));
        IdCursor a(fromIds), b(toIds);
        a.advance();
        b.advance();
        auto present = toEndpoints.begin(); // walks forward: from-only ids come in order
        while (a.valid() || b.valid()) {
            if (b.valid() && (!a.valid() || b.id() < a.id())) {
                d.newlyAffected.push_back(b.id());
                if (health)
                    codeTo.push_back(b.id());
                b.advance();
            } else if (a.valid() && (!b.valid() || a.id() < b.id())) {
                // Gone from the code's findings: recovered only if the endpoint is still
                // there; one that left the fleet is "removed", not "recovered".
                present = std::lower_bound(present, toEndpoints.end(), a.id());
                if (present != toEndpoints.end() && *present == a.id())
                    d.recovered.push_back(a.id());
                if (health)
                    codeFrom.push_back(a.id());
                a.advance();
            } else {
                d.stillAffected.push_back(a.id());
                if (health) {
                    codeFrom.push_back(a.id());
                    codeTo.push_back(a.id());
                }
                a.advance();
                b.advance();
            }
        }
        if (!checked(fromIds, error) || !checked(toIds, error))
            return std::nullopt;
        if (health) {
            healthFrom = unionOf(healthFrom, codeFrom);
            healthTo = unionOf(healthTo, codeTo);
        }
        if (!aggregateOf(aggregate, from, code, &d.aggregateFrom, error) ||
            !aggregateOf(aggregate, to, code, &d.aggregateTo, error))
            return std::nullopt;
        r.codes.push_back(std::move(d));
    }
    r.failuresFrom = std::int64_t(healthFrom.size());
    r.failuresTo = std::int64_t(healthTo.size());
    // A snapshot whose summary has no health failures figure (null) has none to compare;
    // without a stored analysis the findings are all there is.
    auto known = [&db](std::int64_t snapshot) {
        const auto stored = Analyzer::stored(db, snapshot);
        if (!stored)
            return true;
        const FleetSummary s =
            FleetSummary::fromJson(stored->value(QStringLiteral("figures")).toObject());
        return !s.valid || s.healthFailures.any.has_value();
    };
    r.failuresFromKnown = known(from);
    r.failuresToKnown = known(to);
    return r;
}

QJsonObject SnapshotDiffResult::toJson(Database &db) const
{
    // Names for every listed id, looked up in batches of kBatch bound ids (portable: no
    // JSON1 or carray extension needed) rather than one query per endpoint.
    std::vector<std::int64_t> wanted;
    auto want = [&](const std::vector<std::int64_t> &ids) {
        const std::size_t n = std::min(ids.size(), kMaxListed);
        wanted.insert(wanted.end(), ids.begin(), ids.begin() + std::ptrdiff_t(n));
    };
    want(added);
    want(removed);
    for (const CodeDiff &c : codes) {
        want(c.newlyAffected);
        want(c.recovered);
        want(c.stillAffected);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::unordered_map<std::int64_t, QString> names;
    if (!wanted.empty()) {
        constexpr int kBatch = 500; // below SQLite's oldest default limit of 999 variables
        std::string sql = "SELECT id, name FROM endpoint WHERE id IN (?1";
        for (int i = 2; i <= kBatch; ++i)
            sql += ",?" + std::to_string(i);
        sql += ')';
        Statement st(db, sql);
        for (std::size_t start = 0; start < wanted.size(); start += kBatch) {
            for (int i = 0; i < kBatch; ++i) {
                const std::size_t k = start + std::size_t(i);
                if (k < wanted.size())
                    st.bind(i + 1, wanted[k]);
                else
                    st.bindNull(i + 1); // matches nothing
            }
            while (st.step())
                names.emplace(st.int64(0), st.text(1));
        }
    }
    // An id without a row cannot happen through the importer; show it rather than drop it.
    auto nameOf = [&](std::int64_t id) -> QString {
        const auto it = names.find(id);
        return it != names.end() ? it->second : QStringLiteral("#%1").arg(id);
    };
    auto nameList = [&](const std::vector<std::int64_t> &ids) {
        QJsonArray list;
        const std::size_t n = std::min(ids.size(), kMaxListed);
        for (std::size_t i = 0; i < n; ++i)
            list.append(nameOf(ids[i]));
        return list;
    };
    auto group = [&](const std::vector<std::int64_t> &ids) {
        return QJsonObject{{q("count"), qint64(ids.size())}, {q("endpoints"), nameList(ids)}};
    };

    auto snapshotInfo = [&](std::int64_t id) {
        Statement st(db, "SELECT taken_at, label FROM snapshot WHERE id = ?1");
        st.bind(1, id);
        QJsonObject o{{q("id"), qint64(id)}};
        if (st.step()) {
            o.insert(q("taken_at"), st.text(0));
            o.insert(q("label"), st.text(1));
        } else {
            o.insert(q("taken_at"), QJsonValue::Null);
            o.insert(q("label"), QJsonValue::Null);
        }
        return o;
    };

    QJsonArray codeList;
    for (const CodeDiff &c : codes) {
        const FindingKind *kind = findingKind(c.code);
        QJsonObject newly = group(c.newlyAffected);
        // Newly affected endpoints that did not exist in `from` are also under endpoints.added.
        newly.insert(q("added_count"), qint64(intersectionSize(c.newlyAffected, added)));
        std::optional<std::int64_t> aggregateDelta;
        if (c.aggregateFrom || c.aggregateTo)
            aggregateDelta = c.aggregateTo.value_or(0) - c.aggregateFrom.value_or(0);
        codeList.append(QJsonObject{
            {q("code"), c.code},
            {q("severity"),
             kind ? QJsonValue(q(severityKey(kind->severity))) : QJsonValue(QJsonValue::Null)},
            {q("title"), kind ? QJsonValue(q(kind->title)) : QJsonValue(QJsonValue::Null)},
            {q("newly_affected"), newly},
            {q("recovered"), group(c.recovered)},
            {q("still_affected"), group(c.stillAffected)},
            {q("aggregate_weight"), QJsonObject{{q("from"), optional(c.aggregateFrom)},
                                                {q("to"), optional(c.aggregateTo)},
                                                {q("delta"), optional(aggregateDelta)}}},
        });
    }

    std::optional<double> coverageDelta;
    if (coverageFrom && coverageTo)
        coverageDelta = std::round((*coverageTo - *coverageFrom) * 10.0) / 10.0;
    return QJsonObject{
        {q("schema"), q("trhealth.diff/1")},
        {q("from"), snapshotInfo(from)},
        {q("to"), snapshotInfo(to)},
        {q("endpoints"), QJsonObject{{q("added"), nameList(added)},
                                     {q("removed"), nameList(removed)},
                                     {q("added_count"), qint64(added.size())},
                                     {q("removed_count"), qint64(removed.size())}}},
        {q("headline"),
         QJsonObject{
             {q("coverage_percent"), QJsonObject{{q("from"), optional(coverageFrom)},
                                                 {q("to"), optional(coverageTo)},
                                                 {q("delta"), optional(coverageDelta)}}},
             {q("health_failures"),
              QJsonObject{
                  {q("from"),
                   optional(failuresFromKnown ? std::optional(failuresFrom) : std::nullopt)},
                  {q("to"), optional(failuresToKnown ? std::optional(failuresTo) : std::nullopt)},
                  {q("delta"), optional(failuresFromKnown && failuresToKnown
                                            ? std::optional(failuresTo - failuresFrom)
                                            : std::nullopt)}}}}},
        {q("codes"), codeList},
    };
}

} // namespace trh
