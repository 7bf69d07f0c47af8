#pragma once

#include "SourceRecords.h"
#include "import/json/JsonVisitor.h"

#include <cstdint>
#include <string>
#include <vector>

class QIODevice;

namespace trh {

// Streams API Gateway `endpoints` pages (input-formats.md §6) into a TableSink, one captured
// node at a time: one page {"data": {"endpoints": {"edges": [{"node": ...}]}}} or an array
// of pages. Each node becomes a row under the header
//   Computer Name, Computer ID, OS Platform, Operating System, <sensor columns>...
// and header() is called again only when a node's sensor columns differ from the previous
// node's. GraphQL errors[] are collected over the whole file: with no edges at all the read
// fails with their messages; otherwise each becomes a warning, given at the end of the file
// (only then is it known whether any edge came). Required: data.endpoints.edges (an array);
// without it the read fails at that path. pageInfo, totalRecords, cursors and node members
// other than name, computerID, os and sensorReadings are ignored without a word.
class GatewayEndpointsReader final : public JsonVisitor
{
public:
    explicit GatewayEndpointsReader(TableSink &sink) : m_sink(sink) {}
    ReadResult read(QIODevice &in);

    Action enter(JsonStream &stream, JsonType type) override;
    bool value(JsonStream &stream, const JsonValue &value, const SourcePos &pos) override;
    bool leave(JsonStream &stream) override;

private:
    enum class Context : std::uint8_t
    {
        Pages,
        Page,
        Errors,
        Data,
        Endpoints,
        Edges,
        Edge
    };
    enum class Field : std::uint8_t
    {
        Error,
        Node
    };
    struct GraphQlError
    {
        std::string message;
        SourcePos pos;
    };

    void takeError(const JsonValue &error, const SourcePos &pos);
    bool takeNode(const JsonValue &node, const SourcePos &pos);
    QString errorSummary() const;

    TableSink &m_sink;
    std::vector<Context> m_context;
    Field m_field = Field::Node;
    bool m_sawEndpoints = false;
    bool m_sawEdges = false; // in the endpoints object being read
    SourcePos m_endpointsPos;
    std::int64_t m_edges = 0;
    std::int64_t m_records = 0;
    std::vector<GraphQlError> m_errors;

    bool m_headerSent = false;
    std::vector<std::string> m_header;  // the header last given to the sink
    std::vector<std::string> m_columns; // this node's header, compared with m_header
    std::vector<CellValues> m_cells;
};

} // namespace trh
