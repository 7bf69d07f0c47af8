#include "RestResultDataReader.h"

#include "import/json/JsonStream.h"
#include "import/json/JsonText.h"
#include "import/json/JsonValue.h"

#include <utility>

namespace trh {

using json::toQString;

namespace {

SourcePos subPos(const SourcePos &pos, const std::string &suffix)
{
    return SourcePos{pos.line, pos.jsonPath + suffix};
}

std::string cellSuffix(std::size_t cell)
{
    return ".data[" + std::to_string(cell) + "]";
}

std::string valueSuffix(std::size_t cell, std::size_t value)
{
    return cellSuffix(cell) + "[" + std::to_string(value) + "]";
}

} // namespace

ReadResult RestResultDataReader::read(QIODevice &in)
{
    JsonStream stream(in);
    ReadResult result;
    result.status = stream.run(*this);
    result.records = m_records;
    if (result.status == ReadStatus::Failed) {
        result.error = stream.error();
    } else if (result.status == ReadStatus::Ok && !m_sawResultSets) {
        result.status = ReadStatus::Failed;
        result.error = QStringLiteral("expected {\"data\": {\"result_sets\": [...]}} (or a list of "
                                      "them) but found no result_sets");
    }
    return result;
}

void RestResultDataReader::beginData()
{
    m_now.clear();
    m_setsAnnounced = 0;
    m_lastEstimatedTotal = -1;
    m_lastMrTested = -1;
}

void RestResultDataReader::beginResultSet(const SourcePos &pos)
{
    m_setPos = pos;
    m_estimatedTotal = -1;
    m_mrTested = -1;
    m_columns.clear();
    m_columnsPos = SourcePos{};
    m_haveColumns = false;
    m_headerSent = false;
    m_buffered.clear();
    m_bufferedBytes = 0;
}

JsonVisitor::Action RestResultDataReader::enter(JsonStream &stream, JsonType type)
{
    if (m_context.empty()) {
        if (type == JsonType::Object) {
            m_context.push_back(Context::Page);
            beginData();
            return Action::Descend;
        }
        if (type == JsonType::Array) {
            m_context.push_back(Context::Pages);
            return Action::Descend;
        }
        stream.fail(QStringLiteral("expected {\"data\": {\"result_sets\": [...]}} or a list of "
                                   "them"));
        return Action::Stop;
    }

    switch (m_context.back()) {
    case Context::Pages:
        if (type == JsonType::Object) {
            m_context.push_back(Context::Page);
            beginData();
            return Action::Descend;
        }
        m_sink.warning(QStringLiteral("not a result data object; skipped"), stream.pos());
        return Action::Skip;

    case Context::Page:
    case Context::Data: {
        const std::string_view key = stream.key();
        // A page is either {"data": {...}} or the bare data object itself.
        if (key == "data" && m_context.back() == Context::Page) {
            if (type != JsonType::Object)
                return Action::Skip; // read() reports the missing result_sets
            m_context.push_back(Context::Data);
            beginData();
            return Action::Descend;
        }
        if (key == "now") {
            m_field = Field::Now;
            return Action::Capture;
        }
        if (key == "result_sets") {
            if (type == JsonType::Null)
                return Action::Skip;
            if (type != JsonType::Array) {
                stream.fail(QStringLiteral("expected an array of result sets"));
                return Action::Stop;
            }
            m_sawResultSets = true;
            m_context.push_back(Context::ResultSets);
            return Action::Descend;
        }
        return Action::Skip;
    }

    case Context::ResultSets:
        if (type == JsonType::Object) {
            m_context.push_back(Context::ResultSet);
            beginResultSet(stream.pos());
            return Action::Descend;
        }
        m_sink.warning(QStringLiteral("a result set that is not an object; skipped"), stream.pos());
        return Action::Skip;

    case Context::ResultSet: {
        const std::string_view key = stream.key();
        if (key == "estimated_total") {
            m_field = Field::EstimatedTotal;
            return Action::Capture;
        }
        if (key == "mr_tested") {
            m_field = Field::MrTested;
            return Action::Capture;
        }
        if (key == "columns") {
            m_field = Field::Columns;
            return Action::Capture;
        }
        if (key == "rows") {
            if (type == JsonType::Null)
                return Action::Skip; // no rows
            if (type != JsonType::Array) {
                stream.fail(QStringLiteral("expected an array of rows"));
                return Action::Stop;
            }
            m_context.push_back(Context::Rows);
            return Action::Descend;
        }
        return Action::Skip; // row_count, id, age, ...: unknown keys are ignored
    }

    case Context::Rows:
        m_field = Field::Row;
        return Action::Capture;
    }
    return Action::Skip;
}

bool RestResultDataReader::leave(JsonStream &stream)
{
    const Context done = m_context.back();
    m_context.pop_back();
    if (done == Context::ResultSet)
        return endResultSet(stream);
    return true;
}

bool RestResultDataReader::value(JsonStream &stream, const JsonValue &value, const SourcePos &pos)
{
    switch (m_field) {
    case Field::Now:
        m_now = std::string(value.text());
        if (m_setsAnnounced > 0) {
            // `now` came after result sets that already went out without it.
            m_sink.resultSetInfo(m_now, m_lastEstimatedTotal, m_lastMrTested);
        }
        return true;
    case Field::EstimatedTotal:
        return takeCount(value, pos, m_estimatedTotal);
    case Field::MrTested:
        return takeCount(value, pos, m_mrTested);
    case Field::Columns:
        return takeColumns(stream, value, pos);
    case Field::Row:
        return takeRow(stream, value, pos);
    }
    return true;
}

bool RestResultDataReader::takeCount(const JsonValue &value, const SourcePos &pos,
                                     std::int64_t &out)
{
    bool ok = value.isScalar();
    if (ok)
        out = json::parseCount(value.text(), &ok);
    if (!ok) {
        out = -1;
        m_sink.warning(
            QStringLiteral("not a whole number: %1; taken as unknown").arg(toQString(value.text())),
            pos);
    }
    return true;
}

bool RestResultDataReader::takeColumns(JsonStream &stream, const JsonValue &columns,
                                       const SourcePos &pos)
{
    if (!columns.isArray()) {
        stream.fail(pos, QStringLiteral("expected an array of columns"));
        return false;
    }
    if (m_haveColumns) {
        m_sink.warning(QStringLiteral("a second \"columns\" list in one result set; ignored"), pos);
        return true;
    }
    m_columns.clear();
    std::size_t i = 0;
    for (const JsonValue column : columns) {
        // Columns are recognised by name: a column without one cannot be read.
        const std::string at = "[" + std::to_string(i) + "]";
        const JsonValue name = column.member("name");
        if (!column.isObject()) {
            stream.fail(subPos(pos, at),
                        QStringLiteral("expected a column object {\"name\", \"hash\", \"type\"}"));
            return false;
        }
        if (!name.isValid() || name.isNull()) {
            stream.fail(subPos(pos, at + ".name"),
                        QStringLiteral("required field missing: a column needs a \"name\""));
            return false;
        }
        if (!name.isScalar()) {
            stream.fail(subPos(pos, at + ".name"), QStringLiteral("expected a column name"));
            return false;
        }
        m_columns.emplace_back(name.text());
        ++i;
    }
    m_haveColumns = true;
    m_columnsPos = pos;
    if (m_buffered.empty())
        return true;

    // Rows came first: now they can go out, in file order.
    if (!emitHeader())
        return false;
    std::vector<BufferedRow> buffered;
    buffered.swap(m_buffered);
    m_bufferedBytes = 0;
    for (const BufferedRow &row : buffered) {
        m_cells.resize(row.cells.size());
        for (std::size_t c = 0; c < row.cells.size(); ++c)
            m_cells[c].assign(row.cells[c].begin(), row.cells[c].end());
        if (!deliverRow(row.pos))
            return false;
    }
    return true;
}

bool RestResultDataReader::takeRow(JsonStream &stream, const JsonValue &row, const SourcePos &pos)
{
    if (!extractCells(stream, row, pos))
        return false;
    if (m_haveColumns) {
        if (!m_headerSent && !emitHeader())
            return false;
        return deliverRow(pos);
    }

    // No columns yet: keep a copy until they come.
    BufferedRow copy{pos, {}};
    copy.cells.reserve(m_cells.size());
    std::int64_t bytes = std::int64_t(sizeof(BufferedRow) + pos.jsonPath.size());
    for (const CellValues &cell : m_cells) {
        std::vector<std::string> &out = copy.cells.emplace_back();
        out.reserve(cell.size());
        for (std::string_view v : cell) {
            out.emplace_back(v);
            bytes += std::int64_t(sizeof(std::string) + v.size());
        }
        bytes += std::int64_t(sizeof(out));
    }
    m_bufferedBytes += bytes;
    if (m_bufferedBytes > JsonStream::kMaxElementBytes) {
        stream.fail(pos, QStringLiteral("more than %1 MiB of rows come before the columns of "
                                        "their result set")
                             .arg(JsonStream::kMaxElementBytes / (1024 * 1024)));
        return false;
    }
    m_buffered.push_back(std::move(copy));
    return true;
}

bool RestResultDataReader::extractCells(JsonStream &stream, const JsonValue &row,
                                        const SourcePos &pos)
{
    if (!row.isObject()) {
        stream.fail(pos, QStringLiteral("expected a row object {\"id\", \"cid\", \"data\"}"));
        return false;
    }
    const JsonValue data = row.member("data");
    if (!data.isValid()) {
        stream.fail(subPos(pos, ".data"), QStringLiteral("required field missing: a row needs "
                                                         "\"data\" (an array of cells)"));
        return false;
    }
    if (!data.isArray()) {
        stream.fail(subPos(pos, ".data"), QStringLiteral("expected an array of cells"));
        return false;
    }
    m_cells.resize(data.size());
    std::size_t c = 0;
    for (const JsonValue cell : data) {
        CellValues &values = m_cells[c];
        values.clear();
        if (!cell.isArray()) {
            stream.fail(subPos(pos, cellSuffix(c)),
                        QStringLiteral("expected an array of {\"text\": ...} values"));
            return false;
        }
        std::size_t v = 0;
        for (const JsonValue element : cell) {
            const JsonValue text = element.member("text");
            if (!element.isObject() || (text.isValid() && !text.isScalar())) {
                stream.fail(subPos(pos, valueSuffix(c, v)),
                            QStringLiteral("expected {\"text\": <string, number, true, false or "
                                           "null>}"));
                return false;
            }
            if (!text.isValid()) {
                stream.fail(subPos(pos, valueSuffix(c, v) + ".text"),
                            QStringLiteral("required field missing: a value needs \"text\""));
                return false;
            }
            values.push_back(text.text());
            ++v;
        }
        ++c;
    }
    return true;
}

bool RestResultDataReader::emitHeader()
{
    m_sink.resultSetInfo(m_now, m_estimatedTotal, m_mrTested);
    ++m_setsAnnounced;
    m_lastEstimatedTotal = m_estimatedTotal;
    m_lastMrTested = m_mrTested;
    m_headerSent = true;
    return m_sink.header(m_columns, m_columnsPos);
}

bool RestResultDataReader::deliverRow(const SourcePos &pos)
{
    const std::size_t columns = m_columns.size();
    if (m_cells.size() < columns) {
        m_sink.warning(QStringLiteral("row has %1 cells for %2 columns; the missing cells read "
                                      "as empty")
                           .arg(m_cells.size())
                           .arg(columns),
                       pos);
        while (m_cells.size() < columns)
            m_cells.push_back(CellValues{std::string_view()});
    } else if (m_cells.size() > columns) {
        m_sink.warning(QStringLiteral("row has %1 cells for %2 columns; the extra cells are "
                                      "ignored")
                           .arg(m_cells.size())
                           .arg(columns),
                       pos);
        m_cells.resize(columns);
    }
    ++m_records;
    return m_sink.row(m_cells, pos);
}

bool RestResultDataReader::endResultSet(JsonStream &stream)
{
    if (m_headerSent) {
        // Numbers that came after the header are known now: a late `now` reports them.
        m_lastEstimatedTotal = m_estimatedTotal;
        m_lastMrTested = m_mrTested;
        return true;
    }
    if (m_haveColumns)
        return emitHeader(); // a result set without rows still has its header
    // Without columns no cell can be given a meaning, with rows or without.
    stream.fail(subPos(m_setPos, ".columns"),
                QStringLiteral("required field missing: a result set needs \"columns\" (an "
                               "array of {\"name\", \"hash\", \"type\"})"));
    return false;
}

} // namespace trh
