#include "ReportData.h"

#include "analysis/FindingCatalog.h"
#include "analysis/Summary.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QSettings>

#include <algorithm>
#include <map>

namespace trh {
namespace {

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::vector<std::pair<QString, qint64>> bySubject(Database &db, std::int64_t snapshot,
                                                  const char *code, int limit)
{
    Statement st(db, "SELECT subject, count(DISTINCT endpoint_id) AS n FROM finding "
                     "WHERE snapshot_id = ?1 AND code = ?2 GROUP BY subject "
                     "ORDER BY n DESC, subject LIMIT ?3");
    st.bind(1, snapshot).bind(2, std::string_view(code)).bind(3, limit);
    std::vector<std::pair<QString, qint64>> out;
    while (st.step())
        out.emplace_back(st.text(0), st.int64(1));
    return out;
}

QDate snapshotDate(const QString &takenAt)
{
    const QDateTime t = QDateTime::fromString(takenAt, Qt::ISODate);
    return t.isValid() ? t.toUTC().date() : QDate::currentDate();
}

} // namespace

ReportOptions ReportOptions::fromSettings()
{
    const QSettings settings;
    ReportOptions o;
    o.organisation = settings.value(organisationKey()).toString();
    o.logoPath = settings.value(logoKey()).toString();
    return o;
}

QString ReportOptions::organisationKey()
{
    return QStringLiteral("report/organisation");
}

QString ReportOptions::logoKey()
{
    return QStringLiteral("report/logo");
}

QString snapshotHash(std::vector<QString> fileHashes)
{
    for (QString &h : fileHashes)
        h = h.toLower();
    std::sort(fileHashes.begin(), fileHashes.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &h : fileHashes) {
        hash.addData(h.toLatin1());
        hash.addData(QByteArrayView("\n", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

std::optional<std::int64_t> snapshotInMonth(Database &db, const QString &month)
{
    Statement st(db, "SELECT id FROM snapshot WHERE substr(taken_at, 1, 7) = ?1 "
                     "ORDER BY taken_at DESC, id DESC LIMIT 1");
    st.bind(1, month);
    if (st.step())
        return st.int64(0);
    return std::nullopt;
}

const ReportFinding *ReportData::finding(const QString &code) const
{
    for (const ReportFinding &f : findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

std::optional<ReportData> ReportData::load(Database &db, std::int64_t snapshotId,
                                           const ReportOptions &options, QString *error)
{
    ReportData d;
    d.options = options;
    d.options.topN = std::max(0, options.topN);
    d.snapshotId = snapshotId;
    if (!options.month.isEmpty() && !Checklist::isMonth(options.month)) {
        failWith(error, QStringLiteral("bad month \"%1\": expected YYYY-MM").arg(options.month));
        return std::nullopt;
    }
    QString e;
    const auto summary = Summary::load(db, snapshotId, options.month, &e);
    if (!summary) {
        failWith(error, e);
        return std::nullopt;
    }
    d.summary = *summary;
    d.takenAt = d.summary.snapshot.takenAt;
    d.label = d.summary.snapshot.label;
    d.month = options.month.isEmpty() ? Checklist::monthOf(d.summary) : options.month;

    {
        Statement prev(db, "SELECT id, taken_at FROM snapshot WHERE (taken_at, id) < "
                           "(SELECT taken_at, id FROM snapshot WHERE id = ?1) "
                           "ORDER BY taken_at DESC, id DESC LIMIT 1");
        prev.bind(1, snapshotId);
        if (prev.step()) {
            d.previousId = prev.int64(0);
            d.previousTakenAt = prev.text(1);
        }
    }
    if (d.previousId > 0) {
        const auto previous = Summary::load(db, d.previousId, QString(), &e);
        if (!previous) {
            failWith(error, e);
            return std::nullopt;
        }
        d.previousSummary = *previous;
    }

    Statement files(db, "SELECT name, format, sha256, size FROM source_file "
                        "WHERE snapshot_id = ?1 ORDER BY id");
    files.bind(1, snapshotId);
    std::vector<QString> hashes;
    while (files.step()) {
        d.sources.push_back({files.text(0), files.text(1), files.text(2), files.int64(3)});
        hashes.push_back(files.text(2));
    }
    d.snapshotHash = trh::snapshotHash(hashes);

    std::map<QString, qint64> previousCounts;
    for (const FindingCount &c : d.previousSummary.findings)
        previousCounts[c.code] = c.endpoints;
    const QDate on = snapshotDate(d.takenAt);
    Statement count(db, "SELECT count(*) FROM finding WHERE snapshot_id = ?1 AND code = ?2");
    Statement top(db, "SELECT e.name, f.subject, f.detail, f.weight, f.endpoint_id "
                      "FROM finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
                      "WHERE f.snapshot_id = ?1 AND f.code = ?2 "
                      "ORDER BY e.name_key IS NULL, e.name_key, f.subject, f.id LIMIT ?3");
    for (const FindingCount &c : d.summary.findings) {
        ReportFinding f;
        f.code = c.code;
        f.endpoints = c.endpoints;
        if (f.endpoints <= 0 || !findingKind(f.code))
            continue;
        if (d.previousSummary.valid)
            f.previous = previousCounts.count(f.code) ? previousCounts[f.code] : 0;
        count.bind(1, snapshotId).bind(2, f.code);
        f.rows = count.step() ? count.int64(0) : 0;
        top.bind(1, snapshotId).bind(2, f.code).bind(3, d.options.topN);
        while (top.step()) {
            ReportFindingRow r;
            r.endpoint = top.text(0);
            r.subject = top.text(1);
            r.detail = top.text(2);
            r.weight = top.int64(3);
            r.accepted = !top.isNull(4) && Notes::isAccepted(db, top.int64(4), f.code, on);
            f.top.push_back(r);
        }
        if (!top.ok() || !count.ok()) {
            failWith(error, db.lastError());
            return std::nullopt;
        }
        d.findings.push_back(std::move(f));
    }
    d.settingsBySubject = bySubject(db, snapshotId, "settings.non_default", 10);
    d.extensionsBySubject = bySubject(db, snapshotId, "extensions.version_outlier", 10);

    for (auto &[note, touched] : Notes::forSnapshot(db, snapshotId)) {
        Q_UNUSED(touched)
        if (note.acceptedUntil && *note.acceptedUntil >= on)
            d.exceptions.push_back(note);
        else if (!note.acceptedUntil)
            d.notes.push_back(note);
    }
    const auto checklist = Checklist::load(db, d.month, &e);
    if (!checklist) {
        failWith(error, e);
        return std::nullopt;
    }
    d.checklist = *checklist;
    return d;
}

} // namespace trh
