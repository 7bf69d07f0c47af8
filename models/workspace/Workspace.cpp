#include "Workspace.h"

#include "WorkspaceImport.h"
#include "analysis/Analyzer.h"
#include "analysis/SnapshotRemoval.h"
#include "analysis/Summary.h"
#include "report/ReportAppendix.h"
#include "snapshotfile/SnapshotFile.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <algorithm>

namespace trh::workspace {

bool isSnapshotFile(const QString &path)
{
    return Store::isSnapshotFile(path);
}

bool opensReadOnly(const QString &path)
{
    return Store::opensReadOnly(path);
}

FileKind sniffFile(const QString &path)
{
    return WorkspaceFile::sniff(path);
}

OpenResult verify(const QString &path)
{
    return SnapshotFile::verify(path);
}

Workspace::Workspace() = default;
Workspace::~Workspace() = default;
Workspace::Workspace(Workspace &&other) noexcept = default;
Workspace &Workspace::operator=(Workspace &&other) noexcept = default;

OpenResult Workspace::open(const QString &path, OpenMode mode)
{
    m_db.close();
    // A snapshot file comes from someone else: its pages are checked too before use.
    return Store::isSnapshotFile(path) ? SnapshotFile::openChecked(m_db, path, mode)
                                       : Store::open(m_db, path, mode);
}

void Workspace::close()
{
    m_db.close();
}

bool Workspace::isOpen() const
{
    return m_db.isOpen();
}

QString Workspace::path() const
{
    return m_db.path();
}

bool Workspace::isReadOnly() const
{
    return m_db.isReadOnly();
}

QString Workspace::lastError() const
{
    return m_db.lastError();
}

std::optional<std::int64_t> Workspace::resolveSnapshot(const QString &spec, QString *error)
{
    return trh::resolveSnapshot(m_db, spec, error);
}

std::optional<std::int64_t> Workspace::snapshotInMonth(const QString &month)
{
    return trh::snapshotInMonth(m_db, month);
}

QList<qint64> Workspace::snapshotIds()
{
    QList<qint64> ids;
    Statement st(m_db, "SELECT id FROM snapshot ORDER BY taken_at, id");
    while (st.step())
        ids << st.int64(0);
    return ids;
}

QDate Workspace::snapshotDate(std::int64_t snapshotId)
{
    Statement st(m_db, "SELECT taken_at FROM snapshot WHERE id = ?1");
    st.bind(1, snapshotId);
    if (!st.step())
        return {};
    const QString taken = st.text(0);
    const QDateTime at = QDateTime::fromString(taken, Qt::ISODate);
    return at.isValid() ? at.toUTC().date() : QDate::fromString(taken.left(10), Qt::ISODate);
}

QList<qint64> snapshotsBeyondNewest(const std::vector<SnapshotInfo> &snapshots, int keep)
{
    QList<qint64> ids;
    const qsizetype beyond = qsizetype(snapshots.size()) - std::max(keep, 0);
    for (qsizetype i = 0; i < beyond; ++i)
        ids << snapshots[size_t(i)].id;
    return ids;
}

QList<qint64> snapshotsTakenBefore(const std::vector<SnapshotInfo> &snapshots, const QDate &date)
{
    QList<qint64> ids;
    for (const SnapshotInfo &s : snapshots) {
        if (s.takenAt.isValid() && s.takenAt.toUTC().date() < date)
            ids << s.id;
    }
    return ids;
}

std::optional<std::vector<SnapshotInfo>> Workspace::snapshotInfos(QString *error)
{
    // Counted from the indexes that start with snapshot_id: a few milliseconds per million
    // rows. Findings only for an analysed snapshot (else nullopt).
    Statement st(m_db, "SELECT s.id, s.taken_at, s.label, s.origin, s.complete, s.stored_bytes, "
                       "(SELECT count(*) FROM snapshot_endpoint se WHERE se.snapshot_id = s.id), "
                       "CASE WHEN EXISTS (SELECT 1 FROM analysis a WHERE a.snapshot_id = s.id) "
                       "THEN (SELECT count(*) FROM finding f WHERE f.snapshot_id = s.id) END, "
                       "(SELECT count(*) FROM answer a WHERE a.snapshot_id = s.id) "
                       "FROM snapshot s ORDER BY s.taken_at, s.id");
    std::vector<SnapshotInfo> infos;
    std::vector<std::int64_t> rows; // answers and findings: the share of an unmeasured one
    while (st.step()) {
        SnapshotInfo i;
        i.id = st.int64(0);
        i.takenAt = QDateTime::fromString(st.text(1), Qt::ISODate).toUTC();
        i.label = st.text(2);
        i.origin = st.text(3);
        i.complete = st.int64(4) != 0;
        i.bytesMeasured = !st.isNull(5);
        i.bytes = st.optInt(5).value_or(0);
        i.endpoints = st.int64(6);
        i.findings = st.optInt(7);
        rows.push_back(st.int64(8) + i.findings.value_or(0) + i.endpoints);
        infos.push_back(std::move(i));
    }
    if (!st.ok()) {
        *error = st.error();
        return std::nullopt;
    }
    // Snapshots imported before their size was measured share what the measured ones leave
    // of the pages in use, by their rows.
    std::int64_t measured = 0, unmeasuredRows = 0;
    for (size_t k = 0; k < infos.size(); ++k) {
        if (infos[k].bytesMeasured)
            measured += infos[k].bytes;
        else
            unmeasuredRows += rows[k];
    }
    const std::int64_t rest = std::max<std::int64_t>(0, Store::usedBytes(m_db) - measured);
    for (size_t k = 0; k < infos.size(); ++k) {
        if (!infos[k].bytesMeasured && unmeasuredRows > 0)
            infos[k].bytes = std::int64_t(double(rest) * double(rows[k]) / double(unmeasuredRows));
    }
    return infos;
}

std::int64_t Workspace::fileBytes() const
{
    const QString file = path();
    if (file.isEmpty())
        return 0;
    return QFileInfo(file).size() + QFileInfo(file + QStringLiteral("-wal")).size();
}

RemovalResult Workspace::removeSnapshots(const QList<qint64> &ids, const RemovalProgress &progress)
{
    RemovalResult r;
    if (!isOpen() || isReadOnly()) {
        r.error = QCoreApplication::translate("trh::Workspace",
                                              "%1 is read-only: no snapshot can be removed")
                      .arg(path());
        return r;
    }
    r.fileBytesBefore = fileBytes();
    // The removal is most of the work; giving the space back the rest.
    const SnapshotRemoval::Result removed = SnapshotRemoval::remove(
        m_db, ids, [&](int permille) { return !progress || progress(permille * 80 / 1000); });
    if (!removed.ok) {
        r.status =
            removed.cancelled ? RemovalResult::Status::Cancelled : RemovalResult::Status::Failed;
        r.error = removed.error;
        r.fileBytesAfter = fileBytes();
        return r;
    }
    r.status = RemovalResult::Status::Removed;
    r.snapshots = removed.snapshots;
    r.notes = removed.notes;
    r.checklistMonths = removed.checklistMonths;
    bool cancelled = false;
    QString why;
    r.spaceReclaimed = SnapshotRemoval::reclaimSpace(
        m_db, [&](int permille) { return !progress || progress(80 + permille * 20 / 1000); },
        &cancelled, &why);
    if (!r.spaceReclaimed && !cancelled)
        r.error = why;
    r.fileBytesAfter = fileBytes();
    return r;
}

bool Workspace::ensureAnalysis(std::int64_t snapshotId, QString *error)
{
    return Analyzer::ensure(m_db, snapshotId, error);
}

std::optional<FleetSummary> Workspace::summary(std::int64_t snapshotId, const QString &month,
                                               QString *error)
{
    return Summary::load(m_db, snapshotId, month, error);
}

std::optional<QJsonObject> Workspace::explainSummary(std::int64_t snapshotId, QString *error)
{
    return Summary::explain(m_db, snapshotId, error);
}

std::optional<SnapshotDiffResult> Workspace::diff(std::int64_t from, std::int64_t to,
                                                  QString *error)
{
    if (!Analyzer::ensure(m_db, from, error) || !Analyzer::ensure(m_db, to, error))
        return std::nullopt;
    return SnapshotDiff::compute(m_db, from, to, error);
}

QJsonObject Workspace::diffJson(const SnapshotDiffResult &diff)
{
    return diff.toJson(m_db);
}

bool Workspace::findings(std::int64_t snapshotId, const QString &code,
                         const std::function<void(const FindingRow &)> &row, QString *error)
{
    // Exceptions are judged on the snapshot's date, not today's.
    QDate on = snapshotDate(snapshotId);
    if (!on.isValid())
        on = QDate::currentDate();
    Statement st(
        m_db,
        "SELECT f.endpoint_id, coalesce(e.name, ''), f.code, f.subject, f.detail, f.weight, "
        "(SELECT group_concat(n.text || CASE WHEN n.ticket <> '' THEN ' [' || n.ticket || ']' "
        "ELSE '' END, ' | ') FROM note n WHERE n.endpoint_id = f.endpoint_id AND n.code = f.code) "
        "FROM finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
        "WHERE f.snapshot_id = ?1 AND (?2 = '' OR f.code = ?2) ORDER BY f.code, e.name_key, f.id");
    st.bind(1, snapshotId).bind(2, code.isNull() ? QStringLiteral("") : code);
    FindingRow r;
    while (st.step()) {
        r.hasEndpoint = !st.isNull(0);
        r.endpoint = st.text(1);
        r.code = st.text(2);
        r.subject = st.text(3);
        r.detail = st.text(4);
        r.weight = st.int64(5);
        r.notes = st.isNull(6) ? QString() : st.text(6);
        r.accepted = r.hasEndpoint && Notes::isAccepted(m_db, st.int64(0), r.code, on);
        row(r);
    }
    if (!st.ok()) {
        *error = QStringLiteral("%1: %2").arg(m_db.path(), st.error());
        return false;
    }
    return true;
}

std::optional<FindingDetails> Workspace::findingDetails(std::int64_t findingId,
                                                        const QDate &acceptedOn)
{
    Statement f(
        m_db,
        "SELECT f.endpoint_id, coalesce(e.name, ''), f.code, f.subject, f.detail, "
        "coalesce(se.platform, ''), coalesce(se.os_name, ''), coalesce(st.coverage_stage, ''), "
        "f.snapshot_id FROM finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
        "LEFT JOIN snapshot_endpoint se ON se.snapshot_id = f.snapshot_id AND se.endpoint_id = "
        "f.endpoint_id "
        "LEFT JOIN endpoint_state st ON st.snapshot_id = f.snapshot_id AND st.endpoint_id = "
        "f.endpoint_id "
        "WHERE f.id = ?1");
    f.bind(1, findingId);
    if (!f.step())
        return std::nullopt;
    FindingDetails d;
    d.code = f.text(2);
    d.hasEndpoint = !f.isNull(0);
    d.endpointId = f.int64(0);
    d.endpointName = f.text(1);
    d.platform = f.text(5);
    d.osName = f.text(6);
    d.coverageStage = f.text(7);
    if (!d.hasEndpoint)
        return d;
    Statement all(m_db, "SELECT code, subject, detail FROM finding WHERE snapshot_id = ?1 AND "
                        "endpoint_id = ?2 ORDER BY code");
    all.bind(1, f.int64(8)).bind(2, d.endpointId);
    while (all.step()) {
        FindingDetails::Item item{all.text(0), all.text(1), all.text(2), false, {}};
        if (Notes::isAccepted(m_db, d.endpointId, item.code, acceptedOn)) {
            Statement until(m_db, "SELECT max(accepted_until) FROM note WHERE endpoint_id = ?1 "
                                  "AND code = ?2 AND accepted_until >= ?3");
            until.bind(1, d.endpointId)
                .bind(2, item.code)
                .bind(3, acceptedOn.toString(Qt::ISODate));
            item.accepted = true;
            if (until.step())
                item.acceptedUntil = until.text(0);
        }
        d.findings.push_back(std::move(item));
    }
    d.notes = Notes::forEndpoint(m_db, d.endpointId);
    Statement answers(m_db, "SELECT a.dataset, a.class, coalesce(k.a, ''), coalesce(k.b, ''), "
                            "coalesce(c.value, v.value, '') "
                            "FROM answer a LEFT JOIN cx_status c ON c.answer_id = a.id "
                            "LEFT JOIN value_key k ON k.id = c.key_id "
                            "LEFT JOIN sensor_value v ON v.answer_id = a.id "
                            "WHERE a.snapshot_id = ?1 AND a.endpoint_id = ?2 AND a.dataset IN "
                            "('cx_status', 'driver_status', 'driver_version', 'bpf_core', "
                            "'bpf_bcc', 'bpf_details') "
                            "ORDER BY a.dataset, a.id, c.line LIMIT 200");
    answers.bind(1, f.int64(8)).bind(2, d.endpointId);
    while (answers.step())
        d.answers.push_back({answers.text(0), answers.text(2), answers.text(3), answers.text(4),
                             int(answers.int64(1))});
    return d;
}

std::optional<Note> Workspace::noteFor(std::int64_t findingId)
{
    Statement st(m_db, "SELECT f.endpoint_id, coalesce(e.name, ''), f.code FROM finding f "
                       "LEFT JOIN endpoint e ON e.id = f.endpoint_id WHERE f.id = ?1");
    st.bind(1, findingId);
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    Note note;
    note.endpointId = st.int64(0);
    note.endpointName = st.text(1);
    note.code = st.text(2);
    return note;
}

std::optional<std::int64_t> Workspace::endpointByName(const QString &name)
{
    return Notes::endpointByName(m_db, name);
}

std::optional<std::int64_t> Workspace::addNote(const Note &note, QString *error)
{
    return Notes::add(m_db, note, error);
}

bool Workspace::updateNote(const Note &note, QString *error)
{
    return Notes::update(m_db, note, error);
}

bool Workspace::removeNote(std::int64_t id, QString *error)
{
    return Notes::remove(m_db, id, error);
}

std::optional<Note> Workspace::note(std::int64_t id)
{
    return Notes::byId(m_db, id);
}

std::vector<Note> Workspace::notes(std::int64_t endpointId)
{
    return Notes::forEndpoint(m_db, endpointId);
}

std::vector<Note> Workspace::allNotes()
{
    return Notes::all(m_db);
}

std::optional<std::vector<ChecklistEntry>> Workspace::checklist(const QString &month,
                                                                QString *error)
{
    return Checklist::load(m_db, month, error);
}

bool Workspace::signOff(const QString &month, const QString &step, const QString &who,
                        const QDateTime &when, QString *error)
{
    return Checklist::signOff(m_db, month, step, who, when, error);
}

bool Workspace::clearSignOff(const QString &month, const QString &step, QString *error)
{
    return Checklist::clearSignOff(m_db, month, step, error);
}

bool Workspace::setChecklistNotes(const QString &month, const QString &step, const QString &notes,
                                  QString *error)
{
    return Checklist::setNotes(m_db, month, step, notes, error);
}

QList<Expectations::ExpectedVersion> Workspace::expectations()
{
    return Expectations::list(m_db);
}

bool Workspace::setExpectation(const QString &extension, const QString &version)
{
    return Expectations::set(m_db, extension, version);
}

ImportResult Workspace::importFiles(const QStringList &files, const ImportOptions &options,
                                    const QString &explicitMapping)
{
    return workspace::importFiles(m_db, files, options, explicitMapping);
}

DemoResult Workspace::buildDemo(const DemoOptions &options)
{
    return workspace::buildDemo(m_db, options);
}

std::optional<ReportData> Workspace::reportData(std::int64_t snapshotId,
                                                const ReportOptions &options, QString *error)
{
    return ReportData::load(m_db, snapshotId, options, error);
}

QStringList Workspace::writeAppendix(const ReportData &data, const QString &dir,
                                     const QString &reportPath, QString *error)
{
    return ReportAppendix::write(m_db, data, dir, reportPath, error);
}

} // namespace trh::workspace
