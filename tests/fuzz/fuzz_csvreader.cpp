// libFuzzer harness for CsvReader::read (console CSV exports).
//
// Every input is read twice: whole, through a QBuffer, and through a device that hands out
// a few bytes per read(). Both reads must deliver exactly the same header, rows, values,
// warnings and result (the reader promises that input may be cut anywhere). The sink
// touches every byte of every value, so a view into a dropped buffer is an ASan report.
#include "FuzzSupport.h"

#include "import/CsvReader.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace trh::fuzz {
namespace {

class DigestSink final : public TableSink
{
public:
    bool header(const std::vector<std::string> &columns, const SourcePos &pos) override
    {
        m_columns = columns.size();
        m_haveHeader = true;
        m_digest.addNumber('H');
        m_digest.addNumber(std::uint64_t(pos.line));
        for (const std::string &column : columns)
            m_digest.add(column);
        return true;
    }
    bool row(const std::vector<CellValues> &cells, const SourcePos &pos) override
    {
        TRH_FUZZ_CHECK(m_haveHeader, "a row before any header");
        TRH_FUZZ_CHECK(cells.size() == m_columns, "a row whose cell count is not the header's");
        ++m_rows;
        m_digest.addNumber('R');
        m_digest.addNumber(std::uint64_t(pos.line));
        for (const CellValues &cell : cells) {
            m_digest.addNumber(cell.size());
            for (const std::string_view value : cell) {
                m_valueBytes += value.size();
                m_digest.add(value);
            }
        }
        return true;
    }
    void warning(const QString &message, const SourcePos &pos) override
    {
        TRH_FUZZ_CHECK(!message.isEmpty(), "an empty warning");
        m_digest.addNumber('W');
        m_digest.addNumber(std::uint64_t(pos.line));
        m_digest.add(message);
    }

    std::int64_t rows() const { return m_rows; }
    std::uint64_t digest() const { return m_digest.value(); }
    std::uint64_t valueBytes() const { return m_valueBytes; }

private:
    Digest m_digest;
    std::size_t m_columns = 0;
    bool m_haveHeader = false;
    std::int64_t m_rows = 0;
    std::uint64_t m_valueBytes = 0;
};

struct Outcome
{
    ReadResult result;
    CsvFormat format;
    std::int64_t rows = 0;
    std::uint64_t digest = 0;
    std::uint64_t valueBytes = 0;
};

Outcome readCsv(QIODevice &in)
{
    DigestSink sink;
    Outcome out;
    out.result = CsvReader::read(in, sink, &out.format);
    out.rows = sink.rows();
    out.digest = sink.digest();
    out.valueBytes = sink.valueBytes();
    if (out.result.status == ReadStatus::Failed)
        TRH_FUZZ_CHECK(!out.result.error.isEmpty(), "failed without an error message");
    else
        TRH_FUZZ_CHECK(out.result.status == ReadStatus::Ok, "stopped, yet the sink never stops");
    TRH_FUZZ_CHECK(out.result.records == out.rows, "records differs from the rows delivered");
    return out;
}

void report(const char *what, const Outcome &o)
{
    std::fprintf(stderr, "%s: status %d, error \"%s\", records %lld, digest %016llx, %s '%c'\n",
                 what, int(o.result.status), qPrintable(o.result.error),
                 static_cast<long long>(o.result.records),
                 static_cast<unsigned long long>(o.digest), qPrintable(o.format.encoding),
                 o.format.delimiter);
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
    const char *bytes = reinterpret_cast<const char *>(data);

    QBuffer buffer;
    buffer.setData(QByteArray::fromRawData(bytes, qsizetype(size)));
    buffer.open(QIODevice::ReadOnly);
    const Outcome whole = readCsv(buffer);

    ChunkedDevice chunked(bytes, qint64(size), qint64(1 + size % 7));
    const Outcome pieces = readCsv(chunked);

    const bool same =
        whole.result.status == pieces.result.status && whole.result.error == pieces.result.error &&
        whole.result.records == pieces.result.records && whole.digest == pieces.digest &&
        whole.valueBytes == pieces.valueBytes && whole.format.encoding == pieces.format.encoding &&
        whole.format.delimiter == pieces.format.delimiter;
    if (!same) {
        report("whole read", whole);
        report("short reads", pieces);
    }
    TRH_FUZZ_CHECK(same, "short reads gave another result than one whole read");
    return 0;
}
