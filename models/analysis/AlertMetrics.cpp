#include "AlertMetrics.h"

#include "store/Database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTime>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace trh {
namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kStaleMs = 7 * kDayMs; // health-rules.md: 7 days or more

QString q(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// An absent value: SQL NULL, or text that is only blanks (the importer stores empty JSON
// values as NULL already; this also covers hand-edited or older workspaces).
bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// TR timestamps are ISO 8601 UTC with milliseconds. Qt reads a time without a zone designator
// as local time, which would shift it by the analyst's own offset: such a time is UTC here.
QDateTime parseIso(std::string_view text)
{
    QDateTime t = QDateTime::fromString(fromView(text).trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), Qt::UTC);
    return t.toUTC();
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// ASCII case-insensitive comparison with a lower-case literal (states are ASCII words).
bool stateIs(std::string_view state, std::string_view lower)
{
    if (state.size() != lower.size())
        return false;
    for (std::size_t i = 0; i < state.size(); ++i) {
        char c = state[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lower[i])
            return false;
    }
    return true;
}

struct SnapshotTime
{
    std::int64_t id;
    QDateTime takenAt;
};

// Snapshots are ordered by (taken_at, id): two imports can share a taken_at, and "up to and
// including this one" must still be a strict order.
bool notAfter(const SnapshotTime &s, const SnapshotTime &target)
{
    return s.takenAt < target.takenAt || (s.takenAt == target.takenAt && s.id <= target.id);
}

// Every snapshot with a readable taken_at (a handful: one per month), keyed by id; taken_at
// is compared as a time, not as text, so that its spelling does not matter.
bool loadSnapshots(Database &db, std::unordered_map<std::int64_t, QDateTime> &out, QString *error)
{
    Statement st(db, "SELECT id, taken_at FROM snapshot");
    if (!st.isValid()) {
        if (error)
            *error = st.error();
        return false;
    }
    while (st.step()) {
        if (st.isNull(1))
            continue;
        const QDateTime t = parseIso(st.textView(1));
        if (t.isValid())
            out.emplace(st.int64(0), t);
    }
    if (!st.ok()) {
        if (error)
            *error = db.lastError().isEmpty() ? q("reading snapshots failed") : db.lastError();
        return false;
    }
    return true;
}

double hoursBetween(const QDateTime &from, const QDateTime &to)
{
    return double(from.msecsTo(to)) / double(kHourMs);
}

DurationStats statsOf(std::vector<double> values)
{
    DurationStats s;
    s.n = std::int64_t(values.size());
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(n);
    s.median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    // Nearest rank: the value at rank ceil(0.9 n), 1-based; integer arithmetic because
    // 0.9 * n in floating point can land just above an integer and add one rank.
    const std::size_t rank = (9 * n + 9) / 10;
    s.p90 = values[rank - 1];
    return s;
}

QJsonObject metric(const QString &formula, const QStringList &inputs, std::int64_t n,
                   const std::vector<std::pair<const char *, std::int64_t>> &excluded)
{
    QJsonArray ex;
    for (const auto &e : excluded)
        ex.append(QJsonObject{{q("reason"), q(e.first)}, {q("count"), qint64(e.second)}});
    return QJsonObject{{q("formula"), formula},
                       {q("inputs"), QJsonArray::fromStringList(inputs)},
                       {q("n"), qint64(n)},
                       {q("excluded"), ex}};
}

// What a finding's detail needs to name the alert the way the TR console does.
QString describe(const QString &trId, const QString &guid, std::int64_t alertId,
                 const QString &type, const QString &severity, const QDateTime &created)
{
    const QString name = !trId.isEmpty() ? trId : !guid.isEmpty() ? guid : QString::number(alertId);
    QStringList traits;
    if (!type.isEmpty())
        traits << type;
    if (!severity.isEmpty())
        traits << severity;
    QString text = QStringLiteral("alert %1").arg(name);
    if (!traits.isEmpty())
        text += QStringLiteral(" (%1)").arg(traits.join(QStringLiteral(", ")));
    return text + QStringLiteral(" created %1").arg(created.toString(QStringLiteral("yyyy-MM-dd")));
}

// An alert of the report month, kept until the In Progress history is known.
struct MonthAlert
{
    std::int64_t id = 0;
    QString trId, guid, type, severity, computer;
    QDateTime created;
    bool resolved = false;
    bool hasAck = false;          // an ackedAt value is present (parsable or not)
    QDateTime ackedAt;            // invalid if absent or unparsable
    bool resolvedAtOther = false; // not resolved, yet carries a resolvedAt
    bool hasResolvedText = false; // resolvedAt, else updatedAt, present (resolved alerts)
    QDateTime resolvedAt;         // invalid if absent or unparsable
};

} // namespace

QJsonObject AlertMetricsResult::toSummaryJson() const
{
    return toSummary().toJson();
}

AlertsSummary AlertMetricsResult::toSummary() const
{
    auto figure = [&](std::int64_t v) { return hasAlertData ? Count(v) : std::nullopt; };
    auto hours = [](const std::optional<double> &h) -> Figure {
        if (!h)
            return std::nullopt;
        return std::round(*h * 100.0) / 100.0;
    };
    auto stats = [&](const DurationStats &s) {
        return DurationSummary{figure(s.n), hours(s.mean), hours(s.median), hours(s.p90)};
    };
    return AlertsSummary{month,
                         figure(count),
                         stats(mtti),
                         stats(mttr),
                         figure(resolvedWithoutInProgress),
                         figure(staleUnresolved)};
}

std::optional<AlertMetricsResult> AlertMetrics::compute(Database &db, std::int64_t snapshotId,
                                                        const QString &month, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<AlertMetricsResult> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    std::unordered_map<std::int64_t, QDateTime> snapshots;
    if (!loadSnapshots(db, snapshots, error))
        return std::nullopt;
    const auto target = snapshots.find(snapshotId);
    if (target == snapshots.end()) {
        const auto exists = [&] {
            Statement st(db, "SELECT 1 FROM snapshot WHERE id = ?1");
            st.bind(1, snapshotId);
            return st.step();
        }();
        return fail(exists ? QStringLiteral("snapshot %1 has no readable taken_at").arg(snapshotId)
                           : QStringLiteral("no snapshot %1").arg(snapshotId));
    }
    const SnapshotTime self{snapshotId, target->second};
    const QDateTime takenAt = self.takenAt;

    AlertMetricsResult r;
    r.month = month.isEmpty() ? takenAt.toString(QStringLiteral("yyyy-MM")) : month;
    static const QRegularExpression monthPattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const QRegularExpressionMatch m = monthPattern.match(r.month);
    const QDate firstDay =
        m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1) : QDate();
    if (!firstDay.isValid())
        return fail(QStringLiteral("month \"%1\": expected YYYY-MM").arg(month));
    const QDateTime monthStart(firstDay, QTime(0, 0), Qt::UTC);
    const QDateTime monthEnd = monthStart.addMonths(1);

    // Pass 1: this snapshot's observations. Only what a figure needs is parsed: createdAt of
    // every alert, the other times of the month's alerts.
    Statement st(db, "SELECT alert_id, tr_id, guid, state, type, severity, computer_name, "
                     "created_at, updated_at, acked_at, resolved_at "
                     "FROM alert_observation WHERE snapshot_id = ?1 ORDER BY alert_id");
    if (!st.isValid())
        return fail(st.error());
    st.bind(1, snapshotId);

    std::int64_t total = 0, noCreated = 0, badCreated = 0, otherMonth = 0;
    std::int64_t unresolvedTotal = 0, staleNoCreated = 0, staleFuture = 0;
    std::vector<MonthAlert> monthAlerts;
    std::unordered_set<std::int64_t> needHistory; // month alerts without an ackedAt
    std::vector<AlertFinding> stale;
    auto text = [&](int column) { return st.isNull(column) ? QString() : st.text(column); };
    auto present = [&](int column) { return !st.isNull(column) && !isBlank(st.textView(column)); };

    while (st.step()) {
        ++total;
        const std::int64_t id = st.int64(0);
        const std::string_view state = st.isNull(3) ? std::string_view() : st.textView(3);
        QDateTime created;
        if (!present(7)) {
            ++noCreated;
        } else {
            created = parseIso(st.textView(7));
            if (!created.isValid())
                ++badCreated;
        }

        if (stateIs(state, "unresolved")) {
            ++unresolvedTotal;
            if (!created.isValid()) {
                ++staleNoCreated;
            } else if (created > takenAt) {
                ++staleFuture; // created after the snapshot: bad data, and not stale anyway
            } else if (created.msecsTo(takenAt) >= kStaleMs) {
                const qint64 days = created.msecsTo(takenAt) / kDayMs;
                stale.push_back({id, text(6), q("alerts.stale_unresolved"),
                                 describe(text(1), text(2), id, text(4), text(5), created) +
                                     QStringLiteral(", unresolved for %1 days").arg(days)});
            }
        }

        if (!created.isValid())
            continue;
        if (created < monthStart || created >= monthEnd) {
            ++otherMonth;
            continue;
        }
        MonthAlert a;
        a.id = id;
        a.trId = text(1);
        a.guid = text(2);
        a.type = text(4);
        a.severity = text(5);
        a.computer = text(6);
        a.created = created;
        a.resolved = stateIs(state, "resolved");
        a.hasAck = present(9);
        if (a.hasAck)
            a.ackedAt = parseIso(st.textView(9));
        else
            needHistory.insert(id);
        if (a.resolved) {
            const int column = present(10) ? 10 : present(8) ? 8 : -1;
            a.hasResolvedText = column >= 0;
            if (column >= 0)
                a.resolvedAt = parseIso(st.textView(column));
        } else {
            a.resolvedAtOther = present(10);
        }
        monthAlerts.push_back(std::move(a));
    }
    if (!st.ok())
        return fail(db.lastError());
    r.hasAlertData = total > 0;
    r.count = std::int64_t(monthAlerts.size());

    // Pass 2: when each month alert without an ackedAt was first seen In Progress, among the
    // snapshots up to and including this one. One scan of the In Progress observations
    // instead of a query per alert.
    std::unordered_map<std::int64_t, QDateTime> firstInProgress;
    if (!needHistory.empty()) {
        Statement ip(db, "SELECT alert_id, snapshot_id FROM alert_observation "
                         "WHERE state = ?1 COLLATE NOCASE");
        if (!ip.isValid())
            return fail(ip.error());
        ip.bind(1, std::string_view("inprogress"));
        while (ip.step()) {
            const std::int64_t id = ip.int64(0);
            if (needHistory.count(id) == 0)
                continue;
            const auto snap = snapshots.find(ip.int64(1));
            if (snap == snapshots.end() || !notAfter({snap->first, snap->second}, self))
                continue;
            auto [it, inserted] = firstInProgress.emplace(id, snap->second);
            if (!inserted && snap->second < it->second)
                it->second = snap->second;
        }
        if (!ip.ok())
            return fail(db.lastError());
    }

    // The figures of the month.
    std::vector<double> mtti, mttr;
    std::int64_t ttiNever = 0, ttiNegative = 0, ttiBad = 0, ttiFromHistory = 0;
    std::int64_t ttrNotResolved = 0, ttrOtherWithResolvedAt = 0, ttrNoTime = 0, ttrNegative = 0,
                 ttrBad = 0;
    std::vector<AlertFinding> skipped;
    for (const MonthAlert &a : monthAlerts) {
        QDateTime investigated = a.ackedAt;
        bool wasInvestigated = a.hasAck;
        if (!a.hasAck) {
            const auto it = firstInProgress.find(a.id);
            if (it != firstInProgress.end()) {
                investigated = it->second;
                wasInvestigated = true;
                ++ttiFromHistory;
            }
        }
        if (!wasInvestigated)
            ++ttiNever;
        else if (!investigated.isValid())
            ++ttiBad;
        else if (a.created > investigated)
            ++ttiNegative;
        else
            mtti.push_back(hoursBetween(a.created, investigated));

        if (!a.resolved) {
            ++(a.resolvedAtOther ? ttrOtherWithResolvedAt : ttrNotResolved);
            continue;
        }
        if (!a.hasResolvedText)
            ++ttrNoTime;
        else if (!a.resolvedAt.isValid())
            ++ttrBad;
        else if (a.created > a.resolvedAt)
            ++ttrNegative;
        else
            mttr.push_back(hoursBetween(a.created, a.resolvedAt));

        if (!wasInvestigated) {
            skipped.push_back({a.id, a.computer, q("alerts.skipped_in_progress"),
                               describe(a.trId, a.guid, a.id, a.type, a.severity, a.created) +
                                   QStringLiteral(", resolved without In Progress")});
        }
    }
    r.mtti = statsOf(std::move(mtti));
    r.mttr = statsOf(std::move(mttr));
    r.resolvedWithoutInProgress = std::int64_t(skipped.size());
    r.staleUnresolved = std::int64_t(stale.size());
    r.findings = std::move(skipped);
    r.findings.insert(r.findings.end(), std::make_move_iterator(stale.begin()),
                      std::make_move_iterator(stale.end()));

    const QString inMonth = QStringLiteral("createdAt in %1 (UTC)").arg(r.month);
    QJsonObject ex;
    ex.insert(q("month"), r.month);
    ex.insert(q("snapshot_id"), qint64(snapshotId));
    ex.insert(q("taken_at"), isoUtc(takenAt));
    ex.insert(q("alerts_in_snapshot"), qint64(total));
    ex.insert(q("count"), metric(QStringLiteral("alerts of the snapshot with %1").arg(inMonth),
                                 {q("alert_observation.created_at")}, r.count,
                                 {{"created in another month", otherMonth},
                                  {"no createdAt", noCreated},
                                  {"unparsable timestamp", badCreated}}));
    QJsonObject mttiEx = metric(
        QStringLiteral("investigated at − createdAt, in hours, over alerts with %1; "
                       "investigated at = ackedAt, else taken_at of the first snapshot up to "
                       "this one that saw the alert inprogress; mean, median, p90 = value at "
                       "rank ceil(0.9 n)")
            .arg(inMonth),
        {q("alert_observation.created_at"), q("alert_observation.acked_at"),
         q("alert_observation.state (all snapshots up to this one)"), q("snapshot.taken_at")},
        r.mtti.n,
        {{"no ackedAt and never seen In Progress", ttiNever},
         {"negative duration", ttiNegative},
         {"unparsable timestamp", ttiBad}});
    mttiEx.insert(q("from_in_progress_snapshot"), qint64(ttiFromHistory));
    ex.insert(q("mtti_hours"), mttiEx);
    ex.insert(q("mttr_hours"),
              metric(QStringLiteral("resolved at − createdAt, in hours, over resolved alerts with "
                                    "%1; resolved at = resolvedAt, else updatedAt; mean, median, "
                                    "p90 = value at rank ceil(0.9 n)")
                         .arg(inMonth),
                     {q("alert_observation.created_at"), q("alert_observation.resolved_at"),
                      q("alert_observation.updated_at"), q("alert_observation.state")},
                     r.mttr.n,
                     {{"not resolved", ttrNotResolved},
                      {"state is not resolved but resolvedAt is set", ttrOtherWithResolvedAt},
                      {"no resolvedAt or updatedAt", ttrNoTime},
                      {"negative duration", ttrNegative},
                      {"unparsable timestamp", ttrBad}}));
    ex.insert(q("resolved_without_in_progress"),
              metric(QStringLiteral("resolved alerts with %1 that have no ackedAt and were never "
                                    "seen inprogress in a snapshot up to this one")
                         .arg(inMonth),
                     {q("alert_observation.state"), q("alert_observation.acked_at"),
                      q("alert_observation.state (all snapshots up to this one)")},
                     r.resolvedWithoutInProgress, {}));
    ex.insert(q("stale_unresolved"),
              metric(QStringLiteral("alerts of the snapshot (any month) in state unresolved "
                                    "with taken_at − createdAt ≥ 7 × 24 h"),
                     {q("alert_observation.state"), q("alert_observation.created_at"),
                      q("snapshot.taken_at")},
                     r.staleUnresolved,
                     {{"no createdAt or unparsable timestamp", staleNoCreated},
                      {"created after the snapshot", staleFuture},
                      {"younger than 7 days",
                       unresolvedTotal - staleNoCreated - staleFuture - r.staleUnresolved}}));
    r.explanation = ex;
    return r;
}

std::vector<std::pair<QDateTime, QString>> AlertMetrics::history(Database &db, std::int64_t alertId,
                                                                 std::int64_t snapshotId)
{
    std::vector<std::pair<QDateTime, QString>> out;
    std::unordered_map<std::int64_t, QDateTime> snapshots;
    if (!loadSnapshots(db, snapshots, nullptr))
        return out;
    const auto target = snapshots.find(snapshotId);
    if (target == snapshots.end())
        return out;
    const SnapshotTime self{snapshotId, target->second};

    // Snapshot first: the observation's key is (snapshot_id, alert_id), so this is one key
    // lookup per snapshot rather than a scan of every observation.
    Statement st(db, "SELECT s.id, o.state FROM snapshot s CROSS JOIN alert_observation o "
                     "ON o.snapshot_id = s.id AND o.alert_id = ?1");
    if (!st.isValid())
        return out;
    st.bind(1, alertId);
    std::vector<std::pair<SnapshotTime, QString>> rows;
    while (st.step()) {
        const auto snap = snapshots.find(st.int64(0));
        if (snap == snapshots.end() || !notAfter({snap->first, snap->second}, self))
            continue;
        rows.push_back({{snap->first, snap->second}, st.isNull(1) ? QString() : st.text(1)});
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.first.takenAt < b.first.takenAt ||
               (a.first.takenAt == b.first.takenAt && a.first.id < b.first.id);
    });
    out.reserve(rows.size());
    for (auto &row : rows)
        out.emplace_back(row.first.takenAt, std::move(row.second));
    return out;
}

} // namespace trh
