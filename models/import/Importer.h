#pragma once

#include "ImportReport.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

namespace trh {

class Database;
class DatasetMapping;

struct ImportOptions
{
    QString chosenDataset; // --as: settles ambiguous column groups
    QString label;
    QDateTime takenAt; // invalid: newest REST data.now, else the import time
    QString origin = QStringLiteral("import");
    const DatasetMapping *mapping = nullptr; // null: the built-in mapping
    // By path: what a fetch asked for the file and how it went, kept in the file's report.
    QHash<QString, QJsonObject> fetchDetails;
    // Called now and then with bytes read so far and in all; return false to cancel.
    std::function<bool(std::int64_t done, std::int64_t total)> progress;
    // A step run on the new snapshot inside the import's transaction, after its rows are
    // written: workspace::importFiles passes the health analysis (Analyzer), so that the
    // findings are ready when the snapshot is first shown and an import is never stored
    // without them. Its progress is reported after the bytes: `total` counts the file sizes
    // and half as much again for it. False with an empty *error means cancelled. The
    // importer itself knows nothing of the analysis (import lies below analysis).
    using Step = std::function<bool(Database &db, std::int64_t snapshotId, QString *error,
                                    const std::function<bool(std::int64_t, std::int64_t)> &)>;
    Step analysis;
    bool analyse = true; // false: skip `analysis` (the CLI's --defer-analysis)
    // --lenient: damaged rows of a CSV file (input-formats.md, "Damaged CSV") are skipped
    // instead of refusing the file; the snapshot is then marked incomplete.
    bool lenient = false;
    // Test seam: fail the run once about this many rows were written (-1: never).
    std::int64_t failAfterRows = -1;
};

struct ImportResult
{
    enum class Status
    {
        Ok,
        BadInput,
        Cancelled,
        Failed
    };
    Status status = Status::Ok;
    QStringList errors; // one clear line per problem, each naming the file
    QStringList notes;  // things worth saying that are not problems
    std::vector<FileImportReport> files;
    std::int64_t snapshotId = 0;
    QDateTime takenAt;
    // A file was refused as a damaged CSV (a lenient import would read its intact rows).
    bool damagedInput = false;
    // False when a lenient import skipped damaged rows: the snapshot is incomplete.
    bool complete = true;
    bool ok() const { return status == Status::Ok; }
};

// One import run: any number of files become one snapshot, in one transaction. Bad input in
// any file rolls everything back; the database is then exactly as it was.
class Importer final
{
public:
    static ImportResult importFiles(Database &db, const QStringList &paths,
                                    const ImportOptions &options = {});
};

} // namespace trh
