#pragma once

#include "SourceRecords.h"
#include "import/json/JsonVisitor.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace trh {

// Streams Tanium Connect JSON exports (a saved question sent to a file destination) into a
// TableSink, the sink the CSV reader feeds: a JSON array of flat records, or NDJSON (one
// record object per line, read one line at a time). A record's keys are the column names
// ("Computer Name" or "Computer_Name", sensor columns, "Count"); each value is a string, a
// number or true / false (their text), null (empty), or an array of those: a multi-line
// answer, one element per line. Every string is split at its line ends as a multi-line CSV
// cell is, so ["a", "b"], "a\nb" and the CSV cell "a<LF>b" are the same two values, and []
// is one empty value like an empty CSV cell. Lines of different columns then correlate by
// position in the sink, exactly as for CSV.
//
// The first record's keys are the header. A record with the same keys in another order is
// put in the header's order; one with other keys gives a new header (as Gateway nodes do).
// A value of any other type (an object, an array inside an array) fails the read at its path.
class ConnectRecordsReader final : public JsonVisitor
{
public:
    // Lines of all the cells of one record, at most: far above any real answer.
    static constexpr std::size_t kMaxValuesPerRecord = 1024 * 1024;

    explicit ConnectRecordsReader(TableSink &sink) : m_sink(sink) {}
    ReadResult read(QIODevice &in);

    Action enter(JsonStream &stream, JsonType type) override;
    bool value(JsonStream &stream, const JsonValue &value, const SourcePos &pos) override;
    bool leave(JsonStream &stream) override;

private:
    enum class Layout : std::uint8_t
    {
        Unknown,
        Array, // [ {record}, ... ]
        Lines, // {record} per line (NDJSON)
    };

    bool takeRecord(JsonStream &stream, const JsonValue &record, const SourcePos &pos);
    // The header position of each of the record's keys (m_order); false when the record's
    // keys are not the header's.
    bool placeKeys();
    // Appends the values of `value`, a member of the record at `record`, to `cell`.
    bool addValues(JsonStream &stream, CellValues &cell, const JsonValue &value,
                   const SourcePos &record);
    // Where `member` of the record is (its element `element`, if >= 0), for messages.
    static SourcePos memberPos(const SourcePos &record, const JsonValue &member,
                               std::int64_t element = -1);

    TableSink &m_sink;
    Layout m_layout = Layout::Unknown;
    std::int64_t m_records = 0;
    std::size_t m_values = 0; // values of the record being read

    bool m_headerSent = false;
    std::vector<std::string> m_header;
    std::vector<std::string_view> m_keys; // the record's keys, in its order
    std::vector<std::size_t> m_order;     // header position of each key
    std::vector<bool> m_used;
    std::vector<CellValues> m_cells;
};

} // namespace trh
