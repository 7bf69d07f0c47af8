#pragma once

#include "analysis/Checklist.h"
#include "analysis/FleetSummary.h"
#include "analysis/Notes.h"
#include "analysis/SnapshotDiff.h"
#include "import/Importer.h"
#include "report/ReportData.h"
#include "store/Store.h"
#include "store/WorkspaceFile.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Expectations.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace trh::workspace {

using OpenMode = Store::OpenMode;
using OpenStatus = Store::Status;
using OpenResult = Store::OpenResult;

// A snapshot file: a .trhealth file, someone's export of snapshots, only ever read.
bool isSnapshotFile(const QString &path);
// Whether opening path for Reading ends read-only (a snapshot file, or a file that cannot
// be written).
bool opensReadOnly(const QString &path);
// What a file is by its first 100 bytes (never opened with SQLite).
using FileKind = WorkspaceFile::Kind;
FileKind sniffFile(const QString &path);
// Opens path as File → Open does with a file from someone else, without keeping it: the
// schema and every page are checked.
OpenResult verify(const QString &path);

// One finding of a snapshot as `findings` lists it.
struct FindingRow
{
    bool hasEndpoint = false; // false: an aggregate finding (weight = its endpoint count)
    QString endpoint, code, subject, detail;
    std::int64_t weight = 0;
    QString notes;         // the notes on it, "text [ticket] | …"; null when none
    bool accepted = false; // an exception covers it on the snapshot's date
};

// What the findings page shows beside the selected finding: its endpoint, every finding of
// that endpoint in the snapshot, the endpoint's notes and the answers the rules read.
struct FindingDetails
{
    QString code; // the selected finding's
    bool hasEndpoint = false;
    std::int64_t endpointId = 0;
    QString endpointName, platform, osName, coverageStage;
    struct Item
    {
        QString code, subject, detail;
        bool accepted = false; // an exception covers it on the date asked for
        QString acceptedUntil; // that exception's last day (ISO)
    };
    std::vector<Item> findings; // by code
    std::vector<Note> notes;
    // The endpoint's answers behind the health, driver and BPF rules (at most 200 lines).
    struct Answer
    {
        QString dataset, keyA, keyB, value;
        int valueClass = 0; // ValueClass: 0 value, 1 no results, 2 pending, 3 too many, …
    };
    std::vector<Answer> answers;
};

// One snapshot as Manage Snapshots and `trhealth-cli prune` list it.
struct SnapshotInfo
{
    std::int64_t id = 0;
    QDateTime takenAt; // UTC
    QString label, origin;
    bool complete = true;
    std::int64_t endpoints = 0;
    std::optional<std::int64_t> findings; // nullopt: not analysed yet
    // What the snapshot adds to the workspace file, in bytes: measured when it was imported
    // and analysed, or (bytesMeasured false: a snapshot from before trhealth measured it) the
    // snapshot's share of the file by its rows.
    std::int64_t bytes = 0;
    bool bytesMeasured = false;
};

// The retention rules of `prune`, over snapshots listed oldest first: every snapshot but the
// newest `keep`, or every snapshot taken before `date` (UTC).
QList<qint64> snapshotsBeyondNewest(const std::vector<SnapshotInfo> &snapshots, int keep);
QList<qint64> snapshotsTakenBefore(const std::vector<SnapshotInfo> &snapshots, const QDate &date);

// What removing snapshots did.
struct RemovalResult
{
    enum class Status
    {
        Removed,   // the snapshots are gone (spaceReclaimed says whether the file shrank yet)
        Cancelled, // cancelled before the removal was committed: nothing changed
        Failed     // nothing changed; error says why
    };
    Status status = Status::Failed;
    QString error;
    int snapshots = 0;       // removed
    int notes = 0;           // notes and exceptions of endpoints no kept snapshot has
    int checklistMonths = 0; // months whose sign-offs went with their last snapshot
    std::int64_t fileBytesBefore = 0, fileBytesAfter = 0;
    // False when giving the space back was cancelled or failed after the removal: the free
    // pages are reused by the next import and given back by the next removal.
    bool spaceReclaimed = false;
    bool ok() const { return status == Status::Removed; }
};

// An open workspace: the one connection a front end holds, and every use case that reads or
// changes it. The console and trhealth-cli call this, never the database. A Workspace lives
// on the thread that opened it; a worker opens its own.
class Workspace final
{
public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;
    Workspace(Workspace &&other) noexcept;
    Workspace &operator=(Workspace &&other) noexcept;

    // Opens (in CreateOrUpgrade: creates or upgrades) the workspace file at path. A snapshot
    // file has its pages checked too before use.
    OpenResult open(const QString &path, OpenMode mode);
    void close();
    bool isOpen() const;
    QString path() const;
    bool isReadOnly() const;
    // Why the last change failed (e.g. another writer's lock), when the call gave no error.
    QString lastError() const;

    // Snapshots.
    // "latest", or a snapshot id; nullopt and *error (naming the file) when there is none.
    std::optional<std::int64_t> resolveSnapshot(const QString &spec, QString *error);
    // The newest snapshot taken in a month (YYYY-MM, UTC).
    std::optional<std::int64_t> snapshotInMonth(const QString &month);
    // Every snapshot, oldest first.
    QList<qint64> snapshotIds();
    // The (UTC) date the snapshot was taken; invalid when unknown.
    QDate snapshotDate(std::int64_t snapshotId);
    // Every snapshot with its counts and size, oldest first; nullopt and *error on failure.
    std::optional<std::vector<SnapshotInfo>> snapshotInfos(QString *error);
    // The workspace file's size on disk (with its write-ahead log), in bytes.
    std::int64_t fileBytes() const;
    // Removes the snapshots, with every row only they use: their answers and findings, the
    // endpoints no kept snapshot has (with their notes and exceptions), the checklist months
    // no kept snapshot falls in. One transaction: killed or cancelled at any moment, the
    // workspace is either as before or without them. Then gives the space back to the file
    // system. progress(percent) is called often; false cancels (a removal already committed
    // stays, and only giving the space back stops).
    using RemovalProgress = std::function<bool(int percent)>;
    RemovalResult removeSnapshots(const QList<qint64> &ids, const RemovalProgress &progress = {});

    // Analysis (which stores the findings, so it writes unless read-only).
    bool ensureAnalysis(std::int64_t snapshotId, QString *error);
    std::optional<FleetSummary> summary(std::int64_t snapshotId, const QString &month,
                                        QString *error);
    std::optional<QJsonObject> explainSummary(std::int64_t snapshotId, QString *error);
    std::optional<SnapshotDiffResult> diff(std::int64_t from, std::int64_t to, QString *error);
    QJsonObject diffJson(const SnapshotDiffResult &diff);

    // Findings, streamed to row one by one (a snapshot can hold millions). code empty: every
    // code. Ordered by code, then endpoint. False and *error when the query fails.
    bool findings(std::int64_t snapshotId, const QString &code,
                  const std::function<void(const FindingRow &)> &row, QString *error);
    // acceptedOn: the date exceptions are judged on (the snapshot's).
    std::optional<FindingDetails> findingDetails(std::int64_t findingId, const QDate &acceptedOn);
    // A new note on the finding's endpoint and code; nullopt for an aggregate finding.
    std::optional<Note> noteFor(std::int64_t findingId);

    // Notes and exceptions.
    std::optional<std::int64_t> endpointByName(const QString &name);
    std::optional<std::int64_t> addNote(const Note &note, QString *error);
    bool updateNote(const Note &note, QString *error);
    bool removeNote(std::int64_t id, QString *error);
    std::optional<Note> note(std::int64_t id);
    std::vector<Note> notes(std::int64_t endpointId);
    std::vector<Note> allNotes();

    // The month's checklist.
    std::optional<std::vector<ChecklistEntry>> checklist(const QString &month, QString *error);
    bool signOff(const QString &month, const QString &step, const QString &who,
                 const QDateTime &when, QString *error);
    bool clearSignOff(const QString &month, const QString &step, QString *error);
    bool setChecklistNotes(const QString &month, const QString &step, const QString &notes,
                           QString *error);

    // Expected client-extension versions.
    QList<Expectations::ExpectedVersion> expectations();
    bool setExpectation(const QString &extension, const QString &version);

    // Import-and-analyse (workspace::importFiles) and the demo fleet (buildDemo).
    ImportResult importFiles(const QStringList &files, const ImportOptions &options = {},
                             const QString &explicitMapping = {});
    DemoResult buildDemo(const DemoOptions &options);

    // The monthly report's data, and its CSV appendix (the names written, or empty and *error).
    std::optional<ReportData> reportData(std::int64_t snapshotId, const ReportOptions &options,
                                         QString *error);
    QStringList writeAppendix(const ReportData &data, const QString &dir, const QString &reportPath,
                              QString *error);

private:
    Database m_db;
};

} // namespace trh::workspace
