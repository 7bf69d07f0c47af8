#pragma once

// Text and file output of the demo writer: number, date, CSV and JSON formatting, and files
// written in large chunks (UTF-8, UTF-8 with BOM or UTF-16LE). Internal to models/demo.

#include <QFile>
#include <QString>
#include <QtGlobal>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace trh::demo {

using std::string_view;
using namespace std::string_view_literals;

// ------------------------------------------------------------------------ text helpers

void appendInt(std::string &out, qint64 v);

void appendPadded(std::string &out, std::uint32_t v, int width);

void append2(std::string &out, int v);

// "2026-11-03T14:22:05.123Z"
void appendIsoMs(std::string &out, qint64 ms);

bool contains(string_view v, char c);

// RFC 4180: quote a field only if it holds the delimiter, a quote or a line break. memchr
// rather than a byte loop: this runs for every cell of every row of multi-GB fleets.
void appendCsvField(std::string &out, string_view v, char delim);

void appendJsonString(std::string &out, string_view v);

void appendHex(std::string &out, std::uint64_t v, int digits);

void appendBase64(std::string &out, string_view in);

// Graphql-relay style opaque cursor: base64("arrayconnection:<offset>").
void appendCursor(std::string &out, int offset);

// The correlated multi-line cells of one row (Domain/Key/Value, Tool Name/Status/...): line k
// of every cell belongs together.
template<std::size_t N>
class Lines
{
public:
    explicit Lines(string_view separator = "\n"sv) : m_sep(separator) {}
    void clear()
    {
        for (auto &c : m_cells)
            c.clear();
        m_count = 0;
    }
    void add(const std::array<string_view, N> &values)
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (m_count > 0)
                m_cells[i].append(m_sep);
            m_cells[i].append(values[i]);
        }
        ++m_count;
    }
    const std::string &cell(std::size_t i) const { return m_cells[i]; }
    int count() const { return m_count; }

private:
    string_view m_sep;
    std::array<std::string, N> m_cells;
    int m_count = 0;
};

constexpr string_view kPending = "[current result unavailable]"sv;
constexpr string_view kNoResults = "[no results]"sv;

// ------------------------------------------------------------------------- buffered output

// UTF-8 to UTF-16LE by hand: QString::fromUtf8 would drop the byte order mark the file must
// start with, and this keeps the bytes independent of the host's endianness. The input is
// our own valid UTF-8.
void toUtf16Le(const std::string &in, std::string &out);

// A file written in large chunks from a std::string the caller appends rows to. UTF-16LE
// files are composed in UTF-8 and converted chunk by chunk; flushing happens only between
// rows, so a chunk never ends inside a character.
class OutFile
{
public:
    enum class Encoding
    {
        Utf8,
        Utf8Bom,
        Utf16LeBom
    };

    bool open(const QString &path, Encoding encoding)
    {
        m_file.setFileName(path);
        m_encoding = encoding;
        m_buf.clear();
        m_buf.reserve(kChunk + 65536);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = m_file.errorString();
            return false;
        }
        if (encoding != Encoding::Utf8)
            m_buf.append("\xEF\xBB\xBF"sv); // U+FEFF: EF BB BF in UTF-8, FF FE in UTF-16LE
        return true;
    }
    std::string &buf() { return m_buf; }
    void rowDone()
    {
        if (m_buf.size() >= kChunk)
            flush();
    }
    // Flushes and closes; false (with error()) if anything failed along the way.
    bool finish()
    {
        if (!m_file.isOpen())
            return m_error.isEmpty();
        flush();
        if (m_error.isEmpty() && !m_file.flush())
            m_error = m_file.errorString();
        m_file.close();
        return m_error.isEmpty();
    }
    QString error() const { return m_error; }

private:
    static constexpr std::size_t kChunk = 1 << 20;

    void flush()
    {
        if (m_buf.empty() || !m_error.isEmpty()) {
            m_buf.clear();
            return;
        }
        const char *data = m_buf.data();
        qint64 size = qint64(m_buf.size());
        if (m_encoding == Encoding::Utf16LeBom) {
            toUtf16Le(m_buf, m_wide);
            data = m_wide.data();
            size = qint64(m_wide.size());
        }
        if (m_file.write(data, size) != size)
            m_error = m_file.errorString();
        m_buf.clear();
    }

    QFile m_file;
    Encoding m_encoding = Encoding::Utf8;
    std::string m_buf;
    std::string m_wide;
    QString m_error;
};

} // namespace trh::demo
