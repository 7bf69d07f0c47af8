#include "Checklist.h"

#include "FindingCatalog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace trh {
namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("trh::Checklist", text, disambiguation, n);
}

// A figure of the summary, or "—" when the data cannot give it (null).
QString figure(const Figure &v, int decimals = 0)
{
    if (!v)
        return QStringLiteral("—");
    return QLocale().toString(*v, 'f', decimals);
}

QString figure(const Count &v)
{
    return figure(v ? Figure(double(*v)) : std::nullopt);
}

// A count where null adds nothing.
qint64 count(const Count &c)
{
    return c.value_or(0);
}

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool validate(const QString &month, const QString &step, QString *error)
{
    if (!Checklist::isMonth(month))
        return failWith(error, QStringLiteral("bad month \"%1\": expected YYYY-MM").arg(month));
    if (!Checklist::isStep(step))
        return failWith(error, QStringLiteral("unknown checklist step \"%1\"").arg(step));
    return true;
}

std::optional<ChecklistEntry> read(Database &db, const QString &month, const QString &step,
                                   QString *error)
{
    Statement st(db, "SELECT signed_by, signed_at, notes FROM checklist "
                     "WHERE month = ?1 AND step = ?2");
    st.bind(1, month).bind(2, step);
    ChecklistEntry e;
    e.month = month;
    e.step = step;
    if (st.step()) {
        e.signedBy = st.text(0);
        if (!st.isNull(1))
            e.signedAt = QDateTime::fromString(st.text(1), Qt::ISODate).toUTC();
        e.notes = st.text(2);
    } else if (!st.ok()) {
        failWith(error, st.error());
        return std::nullopt;
    }
    return e;
}

} // namespace

const std::vector<ChecklistStep> &Checklist::steps()
{
    // The catalogue's steps, in its order (inside this function, so that lupdate gives the
    // texts this class's context). Built on first use, so that the titles are in the language
    // installed by then.
    static const std::vector<ChecklistStep> all = [] {
        auto make = [](ProcedureStep step) {
            ChecklistStep s;
            s.id = QLatin1String(procedureStepKey(step));
            switch (step) {
            case ProcedureStep::Health:
                s.title = tr("Health failures in the Threat Response domains");
                s.what =
                    tr("Review the client extension health failures (DEC, Index, Recorder, Stream, "
                       "Threat Response) and remediate them.");
                break;
            case ProcedureStep::Settings:
                s.title = tr("Non-default client settings");
                s.what = tr(
                    "Review the settings set explicitly on clients; unexpected values can change "
                    "how Threat Response behaves.");
                break;
            case ProcedureStep::Tools:
                s.title = tr("Endpoint tool versions");
                s.what = tr("Check that the targeted tool versions are installed everywhere.");
                break;
            case ProcedureStep::Extensions:
                s.title = tr("Client extension versions");
                s.what =
                    tr("Check the installed client extension binaries against the release notes.");
                break;
            case ProcedureStep::Driver:
                s.title = tr("Tanium Driver on Windows");
                s.what = tr(
                    "Check that the Tanium Driver is installed and its service running, and that "
                    "Recorder uses it.");
                break;
            case ProcedureStep::Bpf:
                s.title = tr("BPF support on Linux");
                s.what = tr("Check which Linux endpoints support BPF (CO-RE or BCC) for Recorder.");
                break;
            case ProcedureStep::Coverage:
                s.title = tr("Threat Response coverage");
                s.what =
                    tr("Check how many endpoints are fully covered, and why the others are not.");
                break;
            case ProcedureStep::Profiles:
                s.title = tr("Profiles");
                s.what =
                    tr("Check that every endpoint has the right, current Threat Response profile.");
                break;
            case ProcedureStep::Alerts:
                s.title = tr("Alert workflow and response times");
                s.what = tr("Review mean time to investigate and to remediate, and that alerts go "
                            "through In Progress before they are resolved.");
                break;
            }
            return s;
        };
        std::vector<ChecklistStep> v;
        for (ProcedureStep step : procedureSteps())
            v.push_back(make(step));
        return v;
    }();
    return all;
}

bool Checklist::isStep(const QString &id)
{
    for (const ChecklistStep &s : steps()) {
        if (s.id == id)
            return true;
    }
    return false;
}

bool Checklist::isMonth(const QString &month)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
    return re.match(month).hasMatch();
}

QString Checklist::monthOf(const QJsonObject &summary)
{
    return monthOf(FleetSummary::fromJson(summary));
}

QString Checklist::monthOf(const FleetSummary &summary)
{
    const QDateTime taken = QDateTime::fromString(summary.snapshot.takenAt, Qt::ISODate);
    const QDateTime when = taken.isValid() ? taken : QDateTime::currentDateTimeUtc();
    return when.toUTC().toString(QStringLiteral("yyyy-MM"));
}

ChecklistStatus Checklist::status(const QString &step, const QJsonObject &summary)
{
    return status(step, FleetSummary::fromJson(summary));
}

ChecklistStatus Checklist::status(const QString &step, const FleetSummary &summary)
{
    ChecklistStatus s;
    if (!summary.valid) {
        s.text = tr("No snapshot");
        return s;
    }
    if (step == QLatin1String("health")) {
        const HealthFailures &h = summary.healthFailures;
        int domains = 0;
        for (HealthDomain d : kHealthDomains) {
            if (count(h.domain(d)) > 0)
                ++domains;
        }
        const qint64 any = count(h.any);
        s.attention = any > 0;
        s.text = any > 0 ? tr("Health failures: %1 in %n domain(s)", nullptr, domains)
                               .arg(tr("%n endpoint(s)", nullptr, int(any)))
                         : tr("No health failures");
    } else if (step == QLatin1String("settings")) {
        const qint64 n = summary.findingEndpoints(QStringLiteral("settings.non_default"));
        s.attention = n > 0;
        s.text = n > 0 ? tr("Non-default settings on %n endpoint(s)", nullptr, int(n))
                       : tr("No non-default settings");
    } else if (step == QLatin1String("tools")) {
        const qint64 missing = count(summary.tools.notInstalledEndpoints);
        const qint64 mismatch = count(summary.tools.versionMismatchEndpoints);
        s.attention = missing + mismatch > 0;
        s.text = tr("Tools missing on %1, version mismatch on %2")
                     .arg(tr("%n endpoint(s)", nullptr, int(missing)),
                          tr("%n endpoint(s)", nullptr, int(mismatch)));
    } else if (step == QLatin1String("extensions")) {
        const qint64 n = summary.findingEndpoints(QStringLiteral("extensions.version_outlier"));
        s.attention = n > 0;
        s.text = n > 0 ? tr("Unexpected extension versions on %n endpoint(s)", nullptr, int(n))
                       : tr("Extension versions consistent");
    } else if (step == QLatin1String("driver")) {
        const DriverCounts &d = summary.driver;
        const qint64 problems =
            count(d.serviceNotInstalled) + count(d.serviceNotRunning) + count(d.driverNotInstalled);
        const qint64 notUsing = count(summary.recorder.windowsNotUsingDriver);
        s.attention = problems + notUsing > 0;
        s.text = tr("Driver running on %1; not installed or not running on %2; unknown %3; "
                    "Recorder not using it on %4")
                     .arg(figure(d.running), QLocale().toString(problems), figure(d.unknown),
                          QLocale().toString(notUsing));
    } else if (step == QLatin1String("bpf")) {
        const BpfCounts &b = summary.bpf;
        s.attention = count(b.unsupported) + count(b.unknown) > 0;
        s.text =
            tr("BPF CO-RE %1, BCC only %2, unsupported %3, unknown %4")
                .arg(figure(b.core), figure(b.bccOnly), figure(b.unsupported), figure(b.unknown));
    } else if (step == QLatin1String("coverage")) {
        const CoverageSummary &c = summary.coverage;
        const qint64 total = count(c.noData) + count(c.notDeployed) + count(c.noProfile) +
                             count(c.unhealthy) + count(c.covered);
        s.attention = count(c.covered) < total;
        s.text = tr("Coverage %1% (%2 of %3 endpoints covered)")
                     .arg(figure(c.percent, 1), QLocale().toString(count(c.covered)),
                          QLocale().toString(total));
    } else if (step == QLatin1String("profiles")) {
        const ProfileCounts &p = summary.profiles;
        s.attention = count(p.noProfile) + count(p.unknownProfile) + count(p.outdatedRevision) +
                          count(p.wrongProfileForGroup) >
                      0;
        s.text = tr("No profile %1, unknown %2, outdated revision %3, wrong for group %4")
                     .arg(figure(p.noProfile), figure(p.unknownProfile), figure(p.outdatedRevision),
                          figure(p.wrongProfileForGroup));
    } else if (step == QLatin1String("alerts")) {
        const AlertsSummary &a = summary.alerts;
        const qint64 skipped = count(a.resolvedWithoutInProgress);
        const qint64 stale = count(a.staleUnresolved);
        s.attention = skipped + stale > 0;
        s.text = tr("%1 in %2; MTTI %3 h, MTTR %4 h; %5 resolved without In Progress, %6 stale")
                     .arg(tr("%n alert(s)", nullptr, int(count(a.count))), a.month,
                          figure(a.mtti.mean, 1), figure(a.mttr.mean, 1),
                          QLocale().toString(skipped), QLocale().toString(stale));
    } else {
        s.text = tr("Unknown step");
    }
    return s;
}

std::optional<std::vector<ChecklistEntry>> Checklist::load(Database &db, const QString &month,
                                                           QString *error)
{
    if (!isMonth(month)) {
        failWith(error, QStringLiteral("bad month \"%1\": expected YYYY-MM").arg(month));
        return std::nullopt;
    }
    std::vector<ChecklistEntry> entries;
    for (const ChecklistStep &s : steps()) {
        auto e = read(db, month, s.id, error);
        if (!e)
            return std::nullopt;
        entries.push_back(std::move(*e));
    }
    return entries;
}

bool Checklist::save(Database &db, const ChecklistEntry &entry, QString *error)
{
    if (!validate(entry.month, entry.step, error))
        return false;
    if (entry.signedBy.trimmed().isEmpty() != !entry.signedAt.isValid())
        return failWith(error, QStringLiteral("a sign-off needs both who and when"));
    Statement st(db, "INSERT INTO checklist (month, step, signed_by, signed_at, notes) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (month, step) DO UPDATE SET "
                     "signed_by = excluded.signed_by, signed_at = excluded.signed_at, "
                     "notes = excluded.notes");
    st.bind(1, entry.month).bind(2, entry.step);
    if (entry.signedAt.isValid()) {
        st.bind(3, entry.signedBy.trimmed());
        st.bind(4, entry.signedAt.toUTC().toString(Qt::ISODate));
    } else {
        st.bindNull(3).bindNull(4);
    }
    st.bind(5, entry.notes);
    if (!st.run())
        return failWith(error, st.error());
    return true;
}

// Reads a step's entry, changes it and writes it back in one transaction: all of it or
// nothing (another writer holding the lock makes it fail before anything is read).
bool Checklist::update(Database &db, const QString &month, const QString &step,
                       const std::function<void(ChecklistEntry &)> &change, QString *error)
{
    if (!validate(month, step, error))
        return false;
    Transaction tx(db);
    if (!tx.isActive())
        return failWith(error, db.lastError());
    auto e = read(db, month, step, error);
    if (!e)
        return false;
    change(*e);
    if (!save(db, *e, error))
        return false;
    return tx.commit() || failWith(error, db.lastError());
}

bool Checklist::signOff(Database &db, const QString &month, const QString &step, const QString &who,
                        const QDateTime &when, QString *error)
{
    return update(
        db, month, step,
        [&](ChecklistEntry &e) {
            e.signedBy = who;
            e.signedAt = when.isValid() ? when.toUTC() : QDateTime::currentDateTimeUtc();
        },
        error);
}

bool Checklist::setNotes(Database &db, const QString &month, const QString &step,
                         const QString &notes, QString *error)
{
    return update(
        db, month, step, [&](ChecklistEntry &e) { e.notes = notes; }, error);
}

bool Checklist::clearSignOff(Database &db, const QString &month, const QString &step,
                             QString *error)
{
    return update(
        db, month, step,
        [](ChecklistEntry &e) {
            e.signedBy.clear();
            e.signedAt = QDateTime();
        },
        error);
}

} // namespace trh
