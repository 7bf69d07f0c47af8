#pragma once

#include "TestSupport.h"
#include "import/SourceRecords.h"

#include <QBuffer>
#include <QFile>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

// Sinks that record what the JSON readers deliver, for exact comparisons in the tests.
namespace trh::test {

// Joins a row for comparisons: cells separated by " | ", values of one cell by ";".
inline std::string joinRow(const std::vector<CellValues> &cells)
{
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c > 0)
            out += " | ";
        for (std::size_t v = 0; v < cells[c].size(); ++v) {
            if (v > 0)
                out += ';';
            out += cells[c][v];
        }
    }
    return out;
}

inline std::string joinHeader(const std::vector<std::string> &columns)
{
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c > 0)
            out += " | ";
        out += columns[c];
    }
    return out;
}

// Records every call as one line of `events` ("info ...", "header ...", "row ...",
// "warning ..."), in call order, plus the positions of rows and headers.
class RecordingTableSink : public TableSink
{
public:
    QStringList events;
    QStringList shapes; // per row: how many values each cell has, e.g. "1,2,2,1"
    std::vector<SourcePos> rowPos;
    std::vector<SourcePos> headerPos;
    std::vector<SourcePos> warningPos;
    std::int64_t rows = 0;
    bool keepRows = true;            // false: only count rows (large inputs)
    std::int64_t stopAfterRows = -1; // row() returns false on this row (1-based)
    bool stopAtHeader = false;
    std::string lastRow;
    SourcePos lastRowPos;

    bool header(const std::vector<std::string> &columns, const SourcePos &pos) override
    {
        events << QStringLiteral("header ") + QString::fromStdString(joinHeader(columns));
        headerPos.push_back(pos);
        return !stopAtHeader;
    }
    bool row(const std::vector<CellValues> &cells, const SourcePos &pos) override
    {
        ++rows;
        lastRow = joinRow(cells);
        lastRowPos = pos;
        if (keepRows) {
            QStringList counts;
            for (const CellValues &cell : cells)
                counts << QString::number(cell.size());
            shapes << counts.join(QLatin1Char(','));
            events << QStringLiteral("row ") + QString::fromStdString(lastRow);
            rowPos.push_back(pos);
        }
        return rows != stopAfterRows;
    }
    void warning(const QString &message, const SourcePos &pos) override
    {
        events << QStringLiteral("warning ") + message;
        warningPos.push_back(pos);
    }
    void resultSetInfo(std::string_view now, std::int64_t estimatedTotal,
                       std::int64_t mrTested) override
    {
        events << QStringLiteral("info %1 / %2 / %3")
                      .arg(QString::fromUtf8(now.data(), qsizetype(now.size())))
                      .arg(estimatedTotal)
                      .arg(mrTested);
    }
};

class RecordingAlertSink : public AlertSink
{
public:
    std::vector<AlertRecord> alerts;
    std::vector<SourcePos> pos;
    QStringList warnings;
    std::vector<SourcePos> warningPos;
    std::int64_t stopAfter = -1;

    bool alert(const AlertRecord &alert, const SourcePos &at) override
    {
        alerts.push_back(alert);
        pos.push_back(at);
        return std::int64_t(alerts.size()) != stopAfter;
    }
    void warning(const QString &message, const SourcePos &at) override
    {
        warnings << message;
        warningPos.push_back(at);
    }
};

class RecordingProfileSink : public ProfileSink
{
public:
    std::vector<ProfileRecord> profiles;
    std::vector<SourcePos> pos;
    QStringList warnings;
    std::vector<SourcePos> warningPos;
    std::int64_t stopAfter = -1;

    bool profile(const ProfileRecord &profile, const SourcePos &at) override
    {
        profiles.push_back(profile);
        pos.push_back(at);
        return std::int64_t(profiles.size()) != stopAfter;
    }
    void warning(const QString &message, const SourcePos &at) override
    {
        warnings << message;
        warningPos.push_back(at);
    }
};

// Runs `reader` (one of the JsonReaders.h functions) over tests/fixtures/json/<name>.
template<typename Sink, typename Reader>
ReadResult readJsonFixture(const char *name, Sink &sink, Reader reader)
{
    QFile f(fixture(QStringLiteral("json/") + QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return reader(f, sink);
}

// Runs `reader` over bytes held in memory.
template<typename Sink, typename Reader>
ReadResult readJsonBytes(const QByteArray &bytes, Sink &sink, Reader reader)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return reader(buffer, sink);
}

// A QStringList from UTF-8 literals, for comparing recorded values.
inline QStringList lines(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

} // namespace trh::test
