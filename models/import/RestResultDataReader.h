#pragma once

#include "SourceRecords.h"
#include "import/json/JsonVisitor.h"

#include <cstdint>
#include <string>
#include <vector>

class QIODevice;

namespace trh {

// Streams Platform REST v2 result_data files (input-formats.md §5) into a TableSink, one
// captured row at a time. Accepted shapes: {"data": {...}}, the bare data object
// ({"now", "result_sets"}), or an array of either; the answer of a question and of a saved
// question alike. Required, else the read fails at the path of what is missing or of the
// wrong type: result_sets (an array), in each result set `columns` (an array of objects with
// a `name`), in each row `data` (an array of cells), each cell an array of {"text": scalar}.
// `rows` may be absent or null (no rows). Other members (id, cid, hash, type, row_count,
// item_count, error_count, no_results_count, max_available_age, saved_question_id, ...) are
// ignored without a word.
//
// Order of calls per result set: resultSetInfo(), header(), row()... The header goes out
// when the first row is ready (or when the result set ends), so estimated_total / mr_tested
// written anywhere before the rows are included. Rows that come before `columns` are kept
// (at most 64 MiB of them) and delivered after the header. A `now` that comes after the
// data object's result sets (JSON objects are unordered) is delivered as soon as it is
// seen: resultSetInfo() is called again with that `now` and the estimated_total / mr_tested
// of the data object's last delivered result set (as complete as the whole set made them),
// so a sink that keeps the latest info sees that set again with `now` filled in. No header
// follows that call. Numbers that come after the header (after the rows, or after columns
// that released rows buffered before them) only reach the sink through such a late call.
class RestResultDataReader final : public JsonVisitor
{
public:
    explicit RestResultDataReader(TableSink &sink) : m_sink(sink) {}
    ReadResult read(QIODevice &in);

    Action enter(JsonStream &stream, JsonType type) override;
    bool value(JsonStream &stream, const JsonValue &value, const SourcePos &pos) override;
    bool leave(JsonStream &stream) override;

private:
    enum class Context : std::uint8_t
    {
        Pages,
        Page,
        Data,
        ResultSets,
        ResultSet,
        Rows
    };
    enum class Field : std::uint8_t
    {
        Now,
        EstimatedTotal,
        MrTested,
        Columns,
        Row
    };
    struct BufferedRow
    {
        SourcePos pos;
        std::vector<std::vector<std::string>> cells;
    };

    void beginData();
    void beginResultSet(const SourcePos &pos);
    bool endResultSet(JsonStream &stream);
    bool takeCount(const JsonValue &value, const SourcePos &pos, std::int64_t &out);
    bool takeColumns(JsonStream &stream, const JsonValue &columns, const SourcePos &pos);
    bool takeRow(JsonStream &stream, const JsonValue &row, const SourcePos &pos);
    bool extractCells(JsonStream &stream, const JsonValue &row, const SourcePos &pos);
    bool emitHeader();
    bool deliverRow(const SourcePos &pos);

    TableSink &m_sink;
    std::vector<Context> m_context;
    Field m_field = Field::Row; // what the value being captured is
    bool m_sawResultSets = false;
    std::int64_t m_records = 0;

    // The data object being read.
    std::string m_now;
    int m_setsAnnounced = 0; // resultSetInfo() calls made for this data object
    std::int64_t m_lastEstimatedTotal = -1;
    std::int64_t m_lastMrTested = -1;

    // The result set being read.
    SourcePos m_setPos;
    std::int64_t m_estimatedTotal = -1;
    std::int64_t m_mrTested = -1;
    std::vector<std::string> m_columns;
    SourcePos m_columnsPos;
    bool m_haveColumns = false;
    bool m_headerSent = false;
    std::vector<BufferedRow> m_buffered;
    std::int64_t m_bufferedBytes = 0;

    std::vector<CellValues> m_cells; // reused for every row
};

} // namespace trh
