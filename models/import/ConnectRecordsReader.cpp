#include "ConnectRecordsReader.h"

#include "import/json/JsonStream.h"
#include "import/json/JsonText.h"
#include "import/json/JsonValue.h"

namespace trh {

namespace {

const QString kShape = QStringLiteral("expected a JSON array of record objects, or one record "
                                      "object per line (NDJSON)");

// Splits text at its line ends into values, as the CSV reader splits a multi-line cell: LF
// or CRLF, and a line end at the very end leaves one more, empty, value.
void splitLines(std::string_view text, CellValues &out)
{
    for (;;) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        out.push_back(line);
        if (end == std::string_view::npos)
            return;
        text.remove_prefix(end + 1);
    }
}

} // namespace

ReadResult ConnectRecordsReader::read(QIODevice &in)
{
    JsonStream stream(in);
    ReadResult result;
    result.status = stream.run(*this, JsonStream::Roots::Many);
    result.records = m_records;
    if (result.status == ReadStatus::Failed)
        result.error = stream.error();
    return result;
}

JsonVisitor::Action ConnectRecordsReader::enter(JsonStream &stream, JsonType type)
{
    if (stream.depth() > 0) {
        // An element of the top-level array.
        if (type == JsonType::Object)
            return Action::Capture;
        stream.fail(QStringLiteral("expected a record object"));
        return Action::Stop;
    }
    switch (m_layout) {
    case Layout::Unknown:
        if (type == JsonType::Array) {
            m_layout = Layout::Array;
            return Action::Descend;
        }
        if (type == JsonType::Object) {
            m_layout = Layout::Lines;
            return Action::Capture;
        }
        break;
    case Layout::Array:
        stream.fail(QStringLiteral("more JSON after the array of records"));
        return Action::Stop;
    case Layout::Lines:
        if (type == JsonType::Object)
            return Action::Capture;
        break;
    }
    stream.fail(kShape);
    return Action::Stop;
}

bool ConnectRecordsReader::leave(JsonStream &)
{
    return true;
}

bool ConnectRecordsReader::value(JsonStream &stream, const JsonValue &value, const SourcePos &pos)
{
    // NDJSON records are known by their line ("$" would name every one of them).
    if (m_layout == Layout::Lines)
        return takeRecord(stream, value, SourcePos{pos.line, std::string()});
    return takeRecord(stream, value, pos);
}

bool ConnectRecordsReader::placeKeys()
{
    const std::size_t n = m_keys.size();
    m_order.resize(n);
    if (!m_headerSent || n != m_header.size())
        return false;
    bool inOrder = true;
    for (std::size_t i = 0; i < n && inOrder; ++i)
        inOrder = m_keys[i] == m_header[i];
    if (inOrder) {
        for (std::size_t i = 0; i < n; ++i)
            m_order[i] = i;
        return true;
    }
    // The same keys in another order (repeated names pair up in turn).
    m_used.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t j = 0;
        while (j < n && (m_used[j] || m_header[j] != m_keys[i]))
            ++j;
        if (j == n)
            return false;
        m_used[j] = true;
        m_order[i] = j;
    }
    return true;
}

bool ConnectRecordsReader::takeRecord(JsonStream &stream, const JsonValue &record,
                                      const SourcePos &pos)
{
    m_keys.clear();
    for (const JsonValue member : record)
        m_keys.push_back(member.key());
    if (m_keys.empty()) {
        m_sink.warning(QStringLiteral("an empty record; skipped"), pos);
        return true;
    }
    if (!placeKeys()) {
        m_header.assign(m_keys.begin(), m_keys.end());
        m_headerSent = true;
        for (std::size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = i;
        if (!m_sink.header(m_header, pos))
            return false;
    }

    m_cells.resize(m_keys.size());
    m_values = 0;
    std::size_t i = 0;
    for (const JsonValue member : record) {
        CellValues &cell = m_cells[m_order[i++]];
        cell.clear();
        if (!addValues(stream, cell, member, pos))
            return false;
    }
    ++m_records;
    return m_sink.row(m_cells, pos);
}

SourcePos ConnectRecordsReader::memberPos(const SourcePos &record, const JsonValue &member,
                                          std::int64_t element)
{
    // "$[3].Key", or "$.Key" on line N of NDJSON.
    SourcePos at{record.line,
                 json::memberPath(record.jsonPath.empty() ? std::string("$") : record.jsonPath,
                                  member.key())};
    if (element >= 0)
        at.jsonPath += "[" + std::to_string(element) + "]";
    return at;
}

bool ConnectRecordsReader::addValues(JsonStream &stream, CellValues &cell, const JsonValue &value,
                                     const SourcePos &record)
{
    if (value.isObject()) {
        stream.fail(memberPos(record, value),
                    QStringLiteral("expected a string, a number, true, false, null or an array "
                                   "of them (one element per line)"));
        return false;
    }
    if (value.isArray()) {
        std::int64_t k = 0;
        for (const JsonValue line : value) {
            if (!line.isScalar()) {
                stream.fail(memberPos(record, value, k),
                            QStringLiteral("expected a string, a number, true, false or null "
                                           "(one line of a multi-line answer)"));
                return false;
            }
            splitLines(line.text(), cell);
            ++k;
        }
        if (k == 0)
            cell.push_back(std::string_view("", 0)); // no lines: an empty cell, as in CSV
    } else {
        splitLines(value.text(), cell); // null reads as "": one empty value
    }
    m_values += cell.size();
    if (m_values <= kMaxValuesPerRecord)
        return true;
    stream.fail(memberPos(record, value),
                QStringLiteral("more than %1 lines in one record").arg(kMaxValuesPerRecord));
    return false;
}

} // namespace trh
