#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The shapes every reader (CSV, REST result_data, API Gateway, alerts, profiles) hands to
// the import pipeline. Readers know file syntax; they know nothing of datasets or SQLite.
namespace trh {

// Where a record came from, for messages: a 1-based line of a text file, or a JSON path
// such as "$.data.result_sets[0].rows[12]".
struct SourcePos
{
    std::int64_t line = 0;
    std::string jsonPath;
    QString toString() const
    {
        if (!jsonPath.empty())
            return QString::fromStdString(jsonPath);
        return QStringLiteral("line %1").arg(line);
    }
};

// One cell of a tabular answer: one string per value. A CSV cell with several lines, or a
// REST cell array with several {text} elements, gives several values. The views point into
// the reader's buffers and are valid only during the call that receives them.
using CellValues = std::vector<std::string_view>;

// Receives tabular answers: a header, then rows, possibly a new header (a new result set or
// a Gateway node with other columns), then rows again. Return false to stop reading (the
// reader then returns ReadStatus::Stopped).
class TableSink
{
public:
    virtual ~TableSink() = default;
    virtual bool header(const std::vector<std::string> &columns, const SourcePos &pos) = 0;
    // cells.size() equals the last header's column count. The CSV reader refuses (or, lenient,
    // skips) rows of another length; the JSON readers pad short rows with empty cells and
    // report extra cells through warning().
    virtual bool row(const std::vector<CellValues> &cells, const SourcePos &pos) = 0;
    // A recoverable oddity (the import report lists it).
    virtual void warning(const QString &message, const SourcePos &pos) = 0;
    // REST result_data only: metadata of the result set that follows. `now` is the text of
    // data.now ("2019/02/18 15:23:02 GMT-0000"), empty if absent.
    virtual void resultSetInfo(std::string_view now, std::int64_t estimatedTotal,
                               std::int64_t mrTested)
    {
        (void)now;
        (void)estimatedTotal;
        (void)mrTested;
    }
};

// One Threat Response alert (input-formats.md §7). Every field is kept as text, as found;
// numbers are converted to their decimal text. Missing fields are empty, but never both id
// and guid: the reader refuses such an alert.
struct AlertRecord
{
    std::string id, guid, state, type, priority, severity, intelDocId, computerName,
        computerIpAddress, createdAt, alertedAt, updatedAt, ackedAt, receivedAt, suppressedAt,
        resolvedAt, matchType, path;
};

class AlertSink
{
public:
    virtual ~AlertSink() = default;
    virtual bool alert(const AlertRecord &alert, const SourcePos &pos) = 0;
    virtual void warning(const QString &message, const SourcePos &pos) = 0;
};

// One Threat Response profile (input-formats.md §8), in file order (= priority order).
struct ProfileRecord
{
    std::string name, id, revision, status;
    std::vector<std::string> computerGroups;
};

class ProfileSink
{
public:
    virtual ~ProfileSink() = default;
    virtual bool profile(const ProfileRecord &profile, const SourcePos &pos) = 0;
    virtual void warning(const QString &message, const SourcePos &pos) = 0;
};

enum class ReadStatus
{
    Ok,
    Failed,
    Stopped
};

// Result of reading one file. On Failed, `error` is one clear line naming what was expected
// and where (the caller prefixes the file name), e.g. "line 812: unterminated quoted field"
// or "$.data.result_sets[0].rows[3]: expected an array of cells".
struct ReadResult
{
    ReadStatus status = ReadStatus::Ok;
    QString error;
    std::int64_t records = 0; // rows / alerts / profiles delivered to the sink
    // A damaged CSV: the failure is about damage (strict), or damaged rows were skipped
    // (lenient; skippedRecords of them).
    bool damaged = false;
    std::int64_t skippedRecords = 0;
    bool ok() const { return status == ReadStatus::Ok; }
};

} // namespace trh
