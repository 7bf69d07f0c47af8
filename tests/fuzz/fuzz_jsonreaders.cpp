// libFuzzer harness for the streaming JSON readers (JsonReaders.h).
//
// The first byte selects the entry point (low three bits: 0 sniffJsonKind, 1
// readRestResultData, 2 readGatewayEndpoints, 3 readAlerts, 4 readProfilesJson,
// 5 readConnectRecords; 6-7 wrap)
// and, with its high bit, a device that hands out 1-16 bytes per read() (bits 3-6) instead
// of a QBuffer; the rest of the input is the file. Sinks touch every byte they are given and
// check the TableSink contract; a failed read must say why.
#include "FuzzSupport.h"

#include "import/JsonReaders.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace trh::fuzz {
namespace {

class DigestSinks final : public TableSink, public AlertSink, public ProfileSink
{
public:
    bool header(const std::vector<std::string> &columns, const SourcePos &pos) override
    {
        m_columns = columns.size();
        m_haveHeader = true;
        addPos(pos);
        for (const std::string &column : columns)
            m_digest.add(column);
        return true;
    }
    bool row(const std::vector<CellValues> &cells, const SourcePos &pos) override
    {
        TRH_FUZZ_CHECK(m_haveHeader, "a row before any header");
        TRH_FUZZ_CHECK(cells.size() == m_columns, "a row whose cell count is not the header's");
        ++m_records;
        addPos(pos);
        for (const CellValues &cell : cells) {
            m_digest.addNumber(cell.size());
            for (const std::string_view value : cell)
                m_digest.add(value);
        }
        return true;
    }
    void resultSetInfo(std::string_view now, std::int64_t estimatedTotal,
                       std::int64_t mrTested) override
    {
        m_digest.add(now);
        m_digest.addNumber(std::uint64_t(estimatedTotal));
        m_digest.addNumber(std::uint64_t(mrTested));
    }
    bool alert(const AlertRecord &a, const SourcePos &pos) override
    {
        ++m_records;
        addPos(pos);
        for (const std::string *field :
             {&a.id, &a.guid, &a.state, &a.type, &a.priority, &a.severity, &a.intelDocId,
              &a.computerName, &a.computerIpAddress, &a.createdAt, &a.alertedAt, &a.updatedAt,
              &a.ackedAt, &a.receivedAt, &a.suppressedAt, &a.resolvedAt, &a.matchType, &a.path})
            m_digest.add(*field);
        return true;
    }
    bool profile(const ProfileRecord &p, const SourcePos &pos) override
    {
        ++m_records;
        addPos(pos);
        for (const std::string *field : {&p.name, &p.id, &p.revision, &p.status})
            m_digest.add(*field);
        for (const std::string &group : p.computerGroups)
            m_digest.add(group);
        return true;
    }
    void warning(const QString &message, const SourcePos &pos) override
    {
        TRH_FUZZ_CHECK(!message.isEmpty(), "an empty warning");
        addPos(pos);
        m_digest.add(message);
    }

    std::int64_t records() const { return m_records; }

private:
    void addPos(const SourcePos &pos)
    {
        m_digest.addNumber(std::uint64_t(pos.line));
        m_digest.add(pos.jsonPath);
    }

    Digest m_digest;
    std::size_t m_columns = 0;
    bool m_haveHeader = false;
    std::int64_t m_records = 0;
};

void checkResult(const ReadResult &result, std::int64_t delivered)
{
    if (result.status == ReadStatus::Failed)
        TRH_FUZZ_CHECK(!result.error.isEmpty(), "failed without an error message");
    else
        TRH_FUZZ_CHECK(result.status == ReadStatus::Ok, "stopped, yet the sink never stops");
    TRH_FUZZ_CHECK(result.records == delivered, "records differs from the records delivered");
}

void readWith(unsigned entry, QIODevice &in)
{
    DigestSinks sinks;
    switch (entry) {
    case 0: {
        QString why;
        const JsonKind kind = sniffJsonKind(in, &why);
        TRH_FUZZ_CHECK(!why.isEmpty(), "a sniffed kind without a reason");
        TRH_FUZZ_CHECK(kind >= JsonKind::Unknown && kind <= JsonKind::ConnectRecords,
                       "no such kind");
        break;
    }
    case 1:
        checkResult(readRestResultData(in, sinks), sinks.records());
        break;
    case 2:
        checkResult(readGatewayEndpoints(in, sinks), sinks.records());
        break;
    case 3:
        checkResult(readAlerts(in, sinks), sinks.records());
        break;
    case 4:
        checkResult(readProfilesJson(in, sinks), sinks.records());
        break;
    default:
        checkResult(readConnectRecords(in, sinks), sinks.records());
        break;
    }
}

} // namespace
} // namespace trh::fuzz

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    trh::fuzz::ensureCoreApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace trh::fuzz;
    if (size == 0)
        return 0;
    const unsigned selector = data[0];
    const unsigned entry = (selector & 0x07u) % 6;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const qint64 length = qint64(size - 1);

    if (selector & 0x80u) {
        ChunkedDevice chunked(bytes, length, qint64(1 + ((selector >> 3) & 0x0Fu)));
        readWith(entry, chunked);
    } else {
        QBuffer buffer;
        buffer.setData(QByteArray::fromRawData(bytes, qsizetype(length)));
        buffer.open(QIODevice::ReadOnly);
        readWith(entry, buffer);
    }
    return 0;
}
