#pragma once

#include "analysis/Checklist.h"
#include "analysis/FleetSummary.h"
#include "analysis/Notes.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace trh {

class Database;

struct ReportOptions
{
    QString month;        // YYYY-MM; empty: the month of the snapshot's taken_at
    int topN = 25;        // endpoints listed per finding code (the rest go to the appendix)
    QString organisation; // shown on the cover and in the page header
    QString logoPath;     // an image file for the cover; empty: none

    // Organisation name and logo as set in the console (QSettings "report/organisation",
    // "report/logo"); the other fields keep their defaults.
    static ReportOptions fromSettings();
    static QString organisationKey();
    static QString logoKey();
};

struct ReportSource
{
    QString name, format, sha256;
    qint64 size = 0;
};

struct ReportFindingRow
{
    QString endpoint; // empty for an aggregate export's row
    QString subject, detail;
    qint64 weight = 1; // endpoints behind an aggregate row
    bool accepted = false;
};

// One finding code of the snapshot with the endpoints behind it.
struct ReportFinding
{
    QString code;
    qint64 endpoints = 0;              // as in the summary's "findings" list
    std::optional<qint64> previous;    // the same figure in the previous snapshot
    qint64 rows = 0;                   // all rows of the code (an endpoint may have several)
    std::vector<ReportFindingRow> top; // the first topN rows, by endpoint name
};

// Everything the monthly report shows, read from the workspace in one go (any thread: the
// caller owns the connection). Figures come from Summary::load, so they are the numbers of
// `trhealth-cli summary --json`.
struct ReportData
{
    std::int64_t snapshotId = 0;
    QString takenAt, label, month;
    FleetSummary summary;
    std::int64_t previousId = 0; // 0: no earlier snapshot
    QString previousTakenAt;
    FleetSummary previousSummary; // not valid without an earlier snapshot
    std::vector<ReportSource> sources;
    QString snapshotHash;
    std::vector<ReportFinding> findings; // catalogue order, codes with findings only
    std::vector<std::pair<QString, qint64>> settingsBySubject;   // top non-default settings
    std::vector<std::pair<QString, qint64>> extensionsBySubject; // outliers per domain
    std::vector<Note> exceptions;          // accepted-until on or after the snapshot's date
    std::vector<Note> notes;               // plain notes on the snapshot's findings
    std::vector<ChecklistEntry> checklist; // one per Checklist::steps()
    ReportOptions options;

    // nullopt and *error when the snapshot or month is wrong or the database fails.
    static std::optional<ReportData> load(Database &db, std::int64_t snapshotId,
                                          const ReportOptions &options, QString *error);

    const ReportFinding *finding(const QString &code) const;
};

// The snapshot's hash: SHA-256 over the sorted, lower-case SHA-256 values of its source files,
// each followed by a line feed — what `sha256sum FILES | cut -d' ' -f1 | sort | sha256sum`
// prints for the same export files.
QString snapshotHash(std::vector<QString> fileHashes);

// The newest snapshot taken in a month (YYYY-MM, UTC), or nullopt.
std::optional<std::int64_t> snapshotInMonth(Database &db, const QString &month);

} // namespace trh
