#include "GatewayEndpointsReader.h"

#include "import/json/JsonStream.h"
#include "import/json/JsonText.h"
#include "import/json/JsonValue.h"

#include <QStringList>

namespace trh {

using json::toQString;

namespace {

// GraphQL messages can be long (whole query excerpts): keep the failure one readable line.
constexpr int kMaxMessageChars = 200;
constexpr std::size_t kMaxMessagesListed = 5;

const std::vector<std::string> &fixedColumns()
{
    static const std::vector<std::string> columns = {"Computer Name", "Computer ID", "OS Platform",
                                                     "Operating System"};
    return columns;
}

QString shortened(const std::string &message)
{
    QString text = QString::fromStdString(message).simplified();
    if (text.size() > kMaxMessageChars)
        text = text.left(kMaxMessageChars - 3) + QStringLiteral("...");
    return text;
}

} // namespace

ReadResult GatewayEndpointsReader::read(QIODevice &in)
{
    JsonStream stream(in);
    ReadResult result;
    result.status = stream.run(*this);
    result.records = m_records;
    if (result.status == ReadStatus::Failed) {
        result.error = stream.error();
        return result;
    }
    if (result.status == ReadStatus::Stopped)
        return result;

    if (!m_errors.empty() && m_edges == 0) {
        result.status = ReadStatus::Failed;
        result.error = errorSummary();
        return result;
    }
    for (const GraphQlError &e : m_errors)
        m_sink.warning(QStringLiteral("GraphQL error: %1").arg(shortened(e.message)), e.pos);
    if (!m_sawEndpoints) {
        result.status = ReadStatus::Failed;
        result.error = QStringLiteral("expected {\"data\": {\"endpoints\": {\"edges\": [...]}}} "
                                      "(or an array of such pages) but found no endpoints");
    }
    return result;
}

QString GatewayEndpointsReader::errorSummary() const
{
    QStringList messages;
    for (std::size_t i = 0; i < m_errors.size() && i < kMaxMessagesListed; ++i)
        messages << shortened(m_errors[i].message);
    QString summary = QStringLiteral("GraphQL errors: ") + messages.join(QStringLiteral("; "));
    if (m_errors.size() > kMaxMessagesListed)
        summary += QStringLiteral("; and %1 more").arg(m_errors.size() - kMaxMessagesListed);
    return summary;
}

JsonVisitor::Action GatewayEndpointsReader::enter(JsonStream &stream, JsonType type)
{
    if (m_context.empty()) {
        if (type == JsonType::Object) {
            m_context.push_back(Context::Page);
            return Action::Descend;
        }
        if (type == JsonType::Array) {
            m_context.push_back(Context::Pages);
            return Action::Descend;
        }
        stream.fail(QStringLiteral("expected {\"data\": {\"endpoints\": ...}} or an array of "
                                   "such pages"));
        return Action::Stop;
    }

    const std::string_view key = stream.key();
    switch (m_context.back()) {
    case Context::Pages:
        if (type == JsonType::Object) {
            m_context.push_back(Context::Page);
            return Action::Descend;
        }
        m_sink.warning(QStringLiteral("not a GraphQL response object; skipped"), stream.pos());
        return Action::Skip;

    case Context::Page:
        if (key == "data" && type == JsonType::Object) {
            m_context.push_back(Context::Data);
            return Action::Descend;
        }
        if (key == "errors" && type == JsonType::Array) {
            m_context.push_back(Context::Errors);
            return Action::Descend;
        }
        if (key == "errors" && type != JsonType::Null) {
            m_field = Field::Error; // not the usual list: still one error to report
            return Action::Capture;
        }
        return Action::Skip; // "data": null comes with errors; extensions etc. are ignored

    case Context::Errors:
        m_field = Field::Error;
        return Action::Capture;

    case Context::Data:
        if (key == "endpoints" && type == JsonType::Object) {
            m_sawEndpoints = true;
            m_sawEdges = false;
            m_endpointsPos = stream.pos();
            m_context.push_back(Context::Endpoints);
            return Action::Descend;
        }
        return Action::Skip;

    case Context::Endpoints:
        if (key == "edges") {
            if (type != JsonType::Array) {
                stream.fail(QStringLiteral("expected an array of edges"));
                return Action::Stop;
            }
            m_sawEdges = true;
            m_context.push_back(Context::Edges);
            return Action::Descend;
        }
        return Action::Skip; // pageInfo, totalRecords: paging is the fetcher's business

    case Context::Edges:
        if (type == JsonType::Object) {
            m_context.push_back(Context::Edge);
            return Action::Descend;
        }
        m_sink.warning(QStringLiteral("an edge that is not an object; skipped"), stream.pos());
        return Action::Skip;

    case Context::Edge:
        if (key != "node")
            return Action::Skip; // cursor
        if (type != JsonType::Object) {
            m_sink.warning(QStringLiteral("an edge without a node object; skipped"), stream.pos());
            return Action::Skip;
        }
        m_field = Field::Node;
        return Action::Capture;
    }
    return Action::Skip;
}

bool GatewayEndpointsReader::leave(JsonStream &stream)
{
    const Context done = m_context.back();
    m_context.pop_back();
    if (done == Context::Edge)
        ++m_edges;
    if (done == Context::Endpoints && !m_sawEdges) {
        stream.fail(SourcePos{m_endpointsPos.line, m_endpointsPos.jsonPath + ".edges"},
                    QStringLiteral("required field missing: endpoints needs \"edges\" (an array "
                                   "of {\"node\": {...}})"));
        return false;
    }
    return true;
}

bool GatewayEndpointsReader::value(JsonStream &, const JsonValue &value, const SourcePos &pos)
{
    if (m_field == Field::Error) {
        takeError(value, pos);
        return true;
    }
    return takeNode(value, pos);
}

void GatewayEndpointsReader::takeError(const JsonValue &error, const SourcePos &pos)
{
    std::string message(error.isObject() ? error.memberText("message") : error.text());
    if (message.empty())
        message = "(no message)";
    m_errors.push_back(GraphQlError{std::move(message), pos});
}

bool GatewayEndpointsReader::takeNode(const JsonValue &node, const SourcePos &pos)
{
    const JsonValue os = node.member("os");
    JsonValue columns = node.member("sensorReadings").member("columns");
    if (columns.isValid() && !columns.isArray() && !columns.isNull()) {
        m_sink.warning(QStringLiteral("sensorReadings.columns is not an array; ignored"), pos);
        columns = JsonValue();
    }
    const std::size_t fixed = fixedColumns().size();

    m_columns.assign(fixedColumns().begin(), fixedColumns().end());
    m_cells.resize(fixed + columns.size());
    for (CellValues &cell : m_cells)
        cell.clear();
    m_cells[0].push_back(node.memberText("name"));
    m_cells[1].push_back(node.memberText("computerID"));
    m_cells[2].push_back(os.memberText("platform"));
    m_cells[3].push_back(os.memberText("name"));

    std::size_t i = fixed;
    for (const JsonValue column : columns) {
        std::string_view name = column.memberText("name");
        if (name.empty())
            name = column.member("sensor").memberText("name");
        m_columns.emplace_back(name);
        CellValues &cell = m_cells[i++];
        const JsonValue values = column.member("values");
        if (values.isScalar() && !values.isNull()) {
            cell.push_back(values.text()); // a lone value: still one value
            continue;
        }
        if (values.isObject()) {
            m_sink.warning(
                QStringLiteral("column %1: values is not an array; ignored").arg(toQString(name)),
                pos);
            continue;
        }
        for (const JsonValue one : values) {
            if (!one.isScalar()) {
                m_sink.warning(QStringLiteral("column %1: a value that is not text; read as "
                                              "empty")
                                   .arg(toQString(name)),
                               pos);
            }
            cell.push_back(one.text());
        }
    }

    if (!m_headerSent || m_columns != m_header) {
        m_header = m_columns;
        m_headerSent = true;
        if (!m_sink.header(m_header, pos))
            return false;
    }
    ++m_records;
    return m_sink.row(m_cells, pos);
}

} // namespace trh
