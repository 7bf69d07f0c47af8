#include "CsvReader.h"

#include <QIODevice>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

// SSE2 is part of every x86-64 CPU; elsewhere (or with MSVC, which has no __builtin_ctz)
// the scalar loops below do the same work, only slower.
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define TRH_CSV_SSE2 1
#include <emmintrin.h>
#endif

namespace trh {
namespace {

// Input is read in chunks of this size: large enough that per-read and per-chunk overhead
// vanish, small enough that memory stays bounded by the longest record, not by the file.
constexpr std::size_t kChunkSize = std::size_t(1) << 20;
// A record longer than this is not a console export; refusing it keeps memory bounded.
constexpr std::int64_t kMaxRecordBytes = std::int64_t(64) << 20;
// No export has anywhere near this many columns (a question with every TR sensor has a few
// dozen). A wider record is refused as soon as it gets there, so that memory and time stay
// bounded by this, not by the header (32 M one-byte columns took 4.4 GB before).
constexpr std::size_t kMaxColumns = 4096;

// Written by the UTF-16 transcoder in place of an unpaired surrogate or a lone last byte.
// 0xFF never occurs in valid UTF-8, so the validator, which checks every byte anyway,
// stops on it with the right line number and no second error path is needed.
constexpr unsigned char kInvalidMarker = 0xFF;

inline const unsigned char *asBytes(const char *p)
{
    return reinterpret_cast<const unsigned char *>(p);
}

// First position in [p, end) holding a or b, or end. Fields are found with this, so it
// is the hot loop of the reader: 16 bytes per step where SSE2 is available.
inline const char *findEither(const char *p, const char *end, char a, char b)
{
#ifdef TRH_CSV_SSE2
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask =
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end && *p != a && *p != b)
        ++p;
    return p;
}

// Checks that [p, end) is UTF-8 without NUL bytes. Returns the first byte that is not part
// of a complete valid sequence: with *bad set, that byte starts an invalid sequence or is
// NUL; otherwise it is `end` or the start of a sequence cut off by the end of the buffer
// (the caller retries it once more bytes have arrived).
const unsigned char *validateUtf8(const unsigned char *p, const unsigned char *end, bool *bad)
{
    *bad = false;
    while (p < end) {
        // Console exports are almost all ASCII: skip it 16 bytes at a time. A byte with the
        // high bit set, or a zero byte, ends the fast path.
#ifdef TRH_CSV_SSE2
        const __m128i zero = _mm_setzero_si128();
        while (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const int mask = _mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));
            if (mask != 0) {
                p += __builtin_ctz(static_cast<unsigned>(mask));
                break;
            }
            p += 16;
        }
#endif
        // 0x01..0x7F: (c - 1) wraps 0 to 0xFF, so one comparison rejects NUL and non-ASCII.
        while (p < end && static_cast<unsigned char>(*p - 1) < 0x7F)
            ++p;
        if (p == end)
            break;
        const unsigned char c = *p;
        if (c == 0) {
            *bad = true;
            return p;
        }
        // Unicode 15, table 3-7 (well-formed byte sequences): the second byte's range
        // depends on the lead byte, which excludes overlongs, surrogates and > U+10FFFF.
        std::size_t trail = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            trail = 1;
        } else if (c == 0xE0) {
            trail = 2;
            lo = 0xA0;
        } else if (c == 0xED) {
            trail = 2;
            hi = 0x9F;
        } else if (c >= 0xE1 && c <= 0xEF) {
            trail = 2;
        } else if (c == 0xF0) {
            trail = 3;
            lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            trail = 3;
        } else if (c == 0xF4) {
            trail = 3;
            hi = 0x8F;
        } else {
            *bad = true;
            return p;
        }
        const std::size_t avail = std::size_t(end - p) - 1;
        for (std::size_t i = 1; i <= trail && i <= avail; ++i) {
            const unsigned char b = p[i];
            if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) {
                *bad = true;
                return p;
            }
        }
        if (avail < trail)
            return p;
        p += trail + 1;
    }
    return p;
}

// Streaming UTF-16 (LE or BE) to UTF-8 transcoder. Input may be cut anywhere, even inside
// a code unit or between the two halves of a surrogate pair: the pieces are carried to the
// next call. Hand-written instead of QStringDecoder + toUtf8() to avoid a QString and a
// second copy per chunk, and to mark bad input in-stream (see kInvalidMarker).
class Utf16ToUtf8
{
public:
    explicit Utf16ToUtf8(bool bigEndian) : m_bigEndian(bigEndian) {}

    // Output bound of one feed() of n bytes: 3 bytes per code unit, plus what a carried
    // byte or surrogate can add.
    static std::size_t maxOutput(std::size_t n) { return n / 2 * 3 + 8; }

    std::size_t feed(const unsigned char *in, std::size_t n, unsigned char *out)
    {
        unsigned char *o = out;
        std::size_t i = 0;
        if (m_oddByte >= 0 && n > 0) {
            put(combine(static_cast<unsigned char>(m_oddByte), in[0]), o);
            m_oddByte = -1;
            i = 1;
        }
        for (; i + 1 < n; i += 2)
            put(combine(in[i], in[i + 1]), o);
        if (i < n)
            m_oddByte = in[i];
        return std::size_t(o - out);
    }

    // At end of input: a dangling high surrogate or odd byte is invalid.
    std::size_t finish(unsigned char *out)
    {
        unsigned char *o = out;
        if (m_high != 0)
            *o++ = kInvalidMarker;
        if (m_oddByte >= 0)
            *o++ = kInvalidMarker;
        m_high = 0;
        m_oddByte = -1;
        return std::size_t(o - out);
    }

private:
    unsigned combine(unsigned char b0, unsigned char b1) const
    {
        return m_bigEndian ? (unsigned(b0) << 8 | b1) : (unsigned(b1) << 8 | b0);
    }

    void put(unsigned u, unsigned char *&o)
    {
        if (m_high != 0) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
                const unsigned cp = 0x10000 + ((m_high - 0xD800) << 10) + (u - 0xDC00);
                m_high = 0;
                *o++ = static_cast<unsigned char>(0xF0 | (cp >> 18));
                *o++ = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
                *o++ = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
                *o++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
                return;
            }
            // The high surrogate was unpaired; u is still an ordinary unit of its own.
            m_high = 0;
            *o++ = kInvalidMarker;
        }
        if (u < 0x80) {
            *o++ = static_cast<unsigned char>(u);
        } else if (u < 0x800) {
            *o++ = static_cast<unsigned char>(0xC0 | (u >> 6));
            *o++ = static_cast<unsigned char>(0x80 | (u & 0x3F));
        } else if (u >= 0xD800 && u <= 0xDBFF) {
            m_high = u;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            *o++ = kInvalidMarker;
        } else {
            *o++ = static_cast<unsigned char>(0xE0 | (u >> 12));
            *o++ = static_cast<unsigned char>(0x80 | ((u >> 6) & 0x3F));
            *o++ = static_cast<unsigned char>(0x80 | (u & 0x3F));
        }
    }

    bool m_bigEndian;
    int m_oddByte = -1;  // a byte whose partner is in the next feed(), or -1
    unsigned m_high = 0; // a high surrogate waiting for its low half, or 0
};

// One read() call's worth of state. The input is kept as UTF-8 in m_buf (transcoded first
// for UTF-16), validated chunk by chunk; the parser copies field bytes into m_text, so a
// chunk can be dropped as soon as it has been parsed, whatever record it ends in.
class CsvParser
{
public:
    CsvParser(QIODevice &in, TableSink &sink, bool lenient)
        : m_in(in), m_sink(sink), m_lenient(lenient)
    {}
    ReadResult run(CsvFormat *format);

private:
    enum class Encoding
    {
        Utf8,
        Utf8Bom,
        Utf16LE,
        Utf16BE
    };
    enum class State : std::uint8_t
    {
        FieldStart,  // nothing of the current field read yet
        Unquoted,    // in an unquoted field, or after the closing quote of a quoted one
        Quoted,      // inside quotes
        QuotedQuote, // read a quote inside quotes: a doubled quote or the closing one
    };
    enum class Sniff
    {
        Found,
        Empty,
        Deferred
    };
    // A value as offsets into m_text; 32 bits suffice as records stop at 64 MiB.
    struct Span
    {
        std::uint32_t begin;
        std::uint32_t end;
    };

    void start();
    std::size_t readSome(char *dst, std::size_t max);
    std::size_t fill(std::size_t keepFrom);
    void validate();
    Sniff sniff();
    bool parse();
    bool endRecord(std::size_t endOffset);
    bool deliverHeader();
    bool deliverRow();

    bool isUtf16() const
    {
        return m_encoding == Encoding::Utf16LE || m_encoding == Encoding::Utf16BE;
    }
    void beginField()
    {
        m_fieldStarts.push_back(m_spans.size());
        m_valueBegin = m_text.size();
    }
    // Called where a field after a closing quote ends: only the line end's '\r' may stand
    // between the quote and the delimiter or line end.
    void checkAfterQuote()
    {
        m_afterQuote = false;
        const std::size_t extra = m_text.size() - m_closeAt;
        if (extra == 0 || (extra == 1 && m_text.back() == '\r'))
            return;
        damage(m_line, QStringLiteral("text after the closing quote of a quoted cell"));
    }
    // Notes the first damage of the current record (RFC 4180 broken): the record is refused,
    // or skipped by a lenient read.
    void damage(std::int64_t line, const QString &what)
    {
        if (m_damage.isEmpty()) {
            m_damage = what;
            m_damageLine = line;
        }
    }
    // A damaged record: a strict read (and any read of the header) fails on it, a lenient one
    // skips it with a warning. False when the read failed.
    bool damagedRecord();
    // Ends the current value at the end of m_text, dropping the '\r' of a CRLF.
    void endValue()
    {
        std::size_t e = m_text.size();
        if (e > m_valueBegin && m_text[e - 1] == '\r')
            --e;
        m_spans.push_back({std::uint32_t(m_valueBegin), std::uint32_t(e)});
    }
    std::int64_t recordBytes(std::size_t offset) const
    {
        return m_base + std::int64_t(offset) - m_recordStart;
    }
    ReadResult &fail(const QString &message)
    {
        m_result.status = ReadStatus::Failed;
        m_result.error = message;
        return m_result;
    }
    ReadResult &failLine(std::int64_t line, const QString &what)
    {
        return fail(QStringLiteral("line %1: %2").arg(line).arg(what));
    }
    ReadResult &failTooLong()
    {
        return failLine(m_recordLine, QStringLiteral("record longer than 64 MiB"));
    }

    QIODevice &m_in;
    TableSink &m_sink;
    const bool m_lenient;
    ReadResult m_result;

    // Input.
    Encoding m_encoding = Encoding::Utf8;
    Utf16ToUtf8 m_utf16{false};
    std::vector<char> m_raw; // UTF-16 bytes before transcoding
    std::vector<char> m_buf; // UTF-8 bytes; its size is the capacity, m_end the fill level
    std::size_t m_end = 0;
    std::size_t m_validEnd = 0; // bytes before this are validated
    std::size_t m_pos = 0;      // bytes before this are parsed
    std::int64_t m_base = 0;    // stream offset of m_buf[0]
    bool m_eof = false;
    bool m_bad = false; // m_validEnd is an invalid byte (or the cut-off end of the file)
    QString m_readError;

    // Parser.
    char m_delimiter = ',';
    State m_state = State::FieldStart;
    std::int64_t m_line = 1;        // physical line of m_pos
    std::int64_t m_recordLine = 1;  // line on which the current record starts
    std::int64_t m_quoteLine = 0;   // line on which the current quoted field starts
    std::int64_t m_recordStart = 0; // stream offset of the current record
    bool m_recordQuoted = false;
    bool m_afterQuote = false; // the current field had a quoted part that has closed
    std::size_t m_closeAt = 0; // m_text's size when it closed
    QString m_damage;          // the current record's first damage, empty if none
    std::int64_t m_damageLine = 0;
    std::string m_text; // the current record's unescaped field bytes
    std::size_t m_valueBegin = 0;
    std::vector<Span> m_spans;              // values of the current record
    std::vector<std::size_t> m_fieldStarts; // index of each field's first value in m_spans

    // Output, kept across records so that steady-state parsing allocates nothing.
    bool m_haveHeader = false;
    std::vector<std::string> m_columns;
    std::vector<CellValues> m_cells;
    SourcePos m_sourcePos;
};

std::size_t CsvParser::readSome(char *dst, std::size_t max)
{
    for (;;) {
        const qint64 n = m_in.read(dst, qint64(max));
        if (n > 0)
            return std::size_t(n);
        if (n < 0) {
            // Sequential devices (sockets, processes) report their closed end as -1.
            if (!m_in.isSequential())
                m_readError = m_in.errorString();
            m_eof = true;
            return 0;
        }
        // A pipe or socket may have nothing yet without being at its end.
        if (m_in.isSequential() && m_in.waitForReadyRead(-1))
            continue;
        m_eof = true;
        return 0;
    }
}

void CsvParser::start()
{
    m_raw.resize(kChunkSize);
    std::size_t got = 0;
    // The BOM decides how the rest is read, so get at least its 3 bytes first.
    while (got < 3 && !m_eof)
        got += readSome(m_raw.data() + got, kChunkSize - got);
    const unsigned char *raw = asBytes(m_raw.data());
    std::size_t skip = 0;
    if (got >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
        m_encoding = Encoding::Utf8Bom;
        skip = 3;
    } else if (got >= 2 && raw[0] == 0xFF && raw[1] == 0xFE) {
        m_encoding = Encoding::Utf16LE;
        skip = 2;
    } else if (got >= 2 && raw[0] == 0xFE && raw[1] == 0xFF) {
        m_encoding = Encoding::Utf16BE;
        skip = 2;
    }
    const bool utf16 = isUtf16();
    if (utf16)
        m_utf16 = Utf16ToUtf8(m_encoding == Encoding::Utf16BE);
    else
        m_raw = {}; // UTF-8 is read straight into m_buf from now on
    // Room for one chunk plus a carried incomplete sequence, so that steady-state fills
    // never grow the buffer.
    m_buf.resize((utf16 ? Utf16ToUtf8::maxOutput(kChunkSize) : kChunkSize) + 64);
    if (utf16) {
        unsigned char *out = reinterpret_cast<unsigned char *>(m_buf.data());
        m_end = m_utf16.feed(raw + skip, got - skip, out);
        if (m_eof)
            m_end += m_utf16.finish(out + m_end);
    } else {
        std::memcpy(m_buf.data(), m_raw.data() + skip, got - skip);
        m_end = got - skip;
    }
    validate();
}

// Drops the bytes before keepFrom, reads one more chunk and validates it. Returns the
// number of bytes dropped, by which the caller's buffer offsets shift.
std::size_t CsvParser::fill(std::size_t keepFrom)
{
    const std::size_t kept = m_end - keepFrom;
    if (keepFrom > 0) {
        if (kept > 0)
            std::memmove(m_buf.data(), m_buf.data() + keepFrom, kept);
        m_base += std::int64_t(keepFrom);
        m_end -= keepFrom;
        m_validEnd -= keepFrom;
        m_pos -= keepFrom;
    }
    const bool utf16 = isUtf16();
    const std::size_t room = utf16 ? Utf16ToUtf8::maxOutput(kChunkSize) : kChunkSize;
    // Only kept bytes the caller still needs (a long header line being sniffed) grow the
    // buffer; doubling keeps that linear.
    if (m_buf.size() < m_end + room)
        m_buf.resize(std::max(m_end + room, m_buf.size() * 2));
    unsigned char *out = reinterpret_cast<unsigned char *>(m_buf.data());
    if (utf16) {
        const std::size_t n = readSome(m_raw.data(), kChunkSize);
        m_end += m_utf16.feed(asBytes(m_raw.data()), n, out + m_end);
        if (m_eof)
            m_end += m_utf16.finish(out + m_end);
    } else {
        m_end += readSome(m_buf.data() + m_end, kChunkSize);
    }
    validate();
    return keepFrom;
}

void CsvParser::validate()
{
    if (m_bad)
        return;
    const unsigned char *b = asBytes(m_buf.data());
    bool bad = false;
    m_validEnd = std::size_t(validateUtf8(b + m_validEnd, b + m_end, &bad) - b);
    // A sequence still incomplete at the end of the file is invalid too.
    m_bad = bad || (m_eof && m_validEnd < m_end);
}

// Finds the header line (skipping lines of only whitespace) and picks the delimiter that
// occurs most often in it outside quotes. Leaves m_pos at the header's first byte.
CsvParser::Sniff CsvParser::sniff()
{
    std::size_t i = m_pos;
    for (;;) {
        if (i == m_validEnd) {
            if (m_bad || !m_readError.isEmpty())
                return Sniff::Deferred; // parse() reports it with its line
            if (m_eof)
                return Sniff::Empty;
            i -= fill(m_pos);
            continue;
        }
        const char c = m_buf[i];
        if (c == '\n') {
            ++m_line;
            m_pos = ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else {
            break;
        }
    }

    // The delimiter is not known yet, so a quote opens a quoted field after any candidate.
    std::size_t counts[3] = {0, 0, 0}; // ',', ';', '\t'
    bool inQuote = false;
    bool fieldStart = true;
    bool justClosed = false; // a quote right after a closing one is a doubled quote
    i = m_pos;
    for (;;) {
        if (i == m_validEnd) {
            // On bad bytes or an over-long header, decide on what was seen: parse() fails.
            if (m_bad || m_eof || std::int64_t(i - m_pos) > kMaxRecordBytes)
                break;
            i -= fill(m_pos);
            continue;
        }
        const char c = m_buf[i++];
        if (inQuote) {
            if (c == '"') {
                inQuote = false;
                justClosed = true;
            }
            continue;
        }
        if (c == '"') {
            inQuote = fieldStart || justClosed;
            fieldStart = false;
            justClosed = false;
            continue;
        }
        justClosed = false;
        if (c == '\n')
            break;
        fieldStart = true;
        if (c == ',')
            ++counts[0];
        else if (c == ';')
            ++counts[1];
        else if (c == '\t')
            ++counts[2];
        else
            fieldStart = false;
    }
    // Ties go to the earlier candidate; no candidate at all is a one-column file.
    m_delimiter = ',';
    std::size_t best = counts[0];
    if (counts[1] > best) {
        m_delimiter = ';';
        best = counts[1];
    }
    if (counts[2] > best)
        m_delimiter = '\t';
    return Sniff::Found;
}

// Parses [m_pos, m_validEnd), delivering each completed record. Returns false when the
// sink stopped or the reader failed (m_result says which).
bool CsvParser::parse()
{
    const char *const base = m_buf.data();
    const char *p = base + m_pos;
    const char *const end = base + m_validEnd;
    const char delimiter = m_delimiter;
    State state = m_state;
    while (p < end) {
        switch (state) {
        case State::FieldStart:
            if (m_fieldStarts.size() == kMaxColumns) {
                failLine(m_recordLine, QStringLiteral("more than %1 columns; no Tanium export "
                                                      "is this wide")
                                           .arg(kMaxColumns));
                return false;
            }
            beginField();
            if (*p == '"') {
                m_recordQuoted = true;
                m_quoteLine = m_line;
                ++p;
                state = State::Quoted;
                break;
            }
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            // Quotes here are literal: a stray one in an unquoted field, or text after the
            // closing quote of a quoted field.
            const char *stop = findEither(p, end, delimiter, '\n');
            m_text.append(p, std::size_t(stop - p));
            p = stop;
            if (p == end)
                break;
            if (m_afterQuote)
                checkAfterQuote();
            endValue();
            state = State::FieldStart;
            if (*p++ == '\n') {
                ++m_line;
                m_state = state;
                m_pos = std::size_t(p - base);
                if (!endRecord(m_pos))
                    return false;
            }
            break;
        }
        case State::Quoted: {
            const char *stop = findEither(p, end, '"', '\n');
            m_text.append(p, std::size_t(stop - p));
            p = stop;
            if (p == end)
                break;
            if (*p == '\n') {
                // A newline inside quotes separates two values of a multi-line cell; it
                // stays in m_text only so that a header's raw text keeps it.
                endValue();
                m_text.push_back('\n');
                m_valueBegin = m_text.size();
                ++m_line;
            } else {
                state = State::QuotedQuote;
            }
            ++p;
            break;
        }
        case State::QuotedQuote:
            if (*p == '"') {
                m_text.push_back('"');
                ++p;
                state = State::Quoted;
            } else {
                state = State::Unquoted;
                m_afterQuote = true;
                m_closeAt = m_text.size();
            }
            break;
        }
    }
    m_state = state;
    m_pos = std::size_t(p - base);
    return true;
}

// Called after the last field of a record has been ended; endOffset is the buffer offset
// just past the record.
bool CsvParser::endRecord(std::size_t endOffset)
{
    if (recordBytes(endOffset) > kMaxRecordBytes) {
        failTooLong();
        return false;
    }
    // A line with no bytes at all (LF or CRLF) is no record.
    const bool blank = m_fieldStarts.size() == 1 && !m_recordQuoted &&
                       (m_text.empty() || (m_text.size() == 1 && m_text[0] == '\r'));
    bool go = true;
    if (!blank && m_haveHeader && m_damage.isEmpty() && m_fieldStarts.size() != m_columns.size()) {
        const std::size_t fields = m_fieldStarts.size();
        damage(m_recordLine,
               QStringLiteral("%1 %2, the header has %3")
                   .arg(fields)
                   .arg(fields == 1 ? QStringLiteral("cell") : QStringLiteral("cells"))
                   .arg(m_columns.size()));
    }
    if (!blank && !m_damage.isEmpty()) {
        if (!damagedRecord())
            return false;
    } else if (!blank) {
        go = m_haveHeader ? deliverRow() : deliverHeader();
    }
    m_damage.clear();
    m_afterQuote = false;
    m_text.clear();
    m_spans.clear();
    m_fieldStarts.clear();
    m_recordQuoted = false;
    m_recordLine = m_line;
    m_recordStart = m_base + std::int64_t(endOffset);
    if (!go)
        m_result.status = ReadStatus::Stopped;
    return go;
}

bool CsvParser::damagedRecord()
{
    m_result.damaged = true;
    if (!m_haveHeader || !m_lenient) {
        failLine(m_damageLine, m_damage + QStringLiteral(" (a damaged or cut-off CSV file)"));
        return false;
    }
    ++m_result.skippedRecords;
    m_sourcePos.line = m_damageLine;
    // The sink puts the position (m_damageLine) in front of the message.
    m_sink.warning(QStringLiteral("%1; the row (from line %2) was skipped (lenient import)")
                       .arg(m_damage)
                       .arg(m_recordLine),
                   m_sourcePos);
    return true;
}

bool CsvParser::deliverHeader()
{
    const std::size_t count = m_fieldStarts.size();
    m_columns.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t last = i + 1 < count ? m_fieldStarts[i + 1] : m_spans.size();
        std::size_t b = m_spans[m_fieldStarts[i]].begin;
        std::size_t e = m_spans[last - 1].end;
        while (b < e && m_text[b] == ' ')
            ++b;
        while (e > b && m_text[e - 1] == ' ')
            --e;
        m_columns[i].assign(m_text, b, e - b);
    }
    m_cells.resize(count);
    m_haveHeader = true;
    m_sourcePos.line = m_recordLine;
    return m_sink.header(m_columns, m_sourcePos);
}

// Only rows with the header's number of cells get here (endRecord()).
bool CsvParser::deliverRow()
{
    const std::size_t columns = m_columns.size();
    const std::size_t fields = m_fieldStarts.size();
    const char *text = m_text.data();
    for (std::size_t i = 0; i < columns; ++i) {
        CellValues &cell = m_cells[i];
        cell.clear();
        const std::size_t last = i + 1 < fields ? m_fieldStarts[i + 1] : m_spans.size();
        for (std::size_t v = m_fieldStarts[i]; v < last; ++v)
            cell.emplace_back(text + m_spans[v].begin, m_spans[v].end - m_spans[v].begin);
    }
    m_sourcePos.line = m_recordLine;
    ++m_result.records;
    return m_sink.row(m_cells, m_sourcePos);
}

ReadResult CsvParser::run(CsvFormat *format)
{
    if (!m_in.isReadable())
        return fail(QStringLiteral("the file is not open for reading"));
    start();
    if (format) {
        switch (m_encoding) {
        case Encoding::Utf8:
            format->encoding = QStringLiteral("UTF-8");
            break;
        case Encoding::Utf8Bom:
            format->encoding = QStringLiteral("UTF-8 (BOM)");
            break;
        case Encoding::Utf16LE:
            format->encoding = QStringLiteral("UTF-16LE");
            break;
        case Encoding::Utf16BE:
            format->encoding = QStringLiteral("UTF-16BE");
            break;
        }
    }
    if (sniff() == Sniff::Empty)
        return fail(QStringLiteral("the file is empty"));
    if (format)
        format->delimiter = m_delimiter;
    m_recordLine = m_line;
    m_recordStart = m_base + std::int64_t(m_pos);

    for (;;) {
        if (!parse())
            return m_result;
        // Everything validated has been parsed.
        if (m_bad) {
            if (m_buf[m_validEnd] == 0)
                return failLine(m_line,
                                QStringLiteral("binary data (NUL byte) — not a CSV export"));
            if (isUtf16())
                return failLine(m_line, QStringLiteral("bytes are not valid UTF-16 (unpaired "
                                                       "surrogate or odd byte count)"));
            return failLine(m_line, QStringLiteral("bytes are not valid UTF-8 (the file may be in "
                                                   "another encoding; re-export as UTF-8)"));
        }
        if (!m_readError.isEmpty())
            return failLine(m_line, QStringLiteral("could not read the file: %1").arg(m_readError));
        if (m_eof)
            break;
        if (recordBytes(m_pos) > kMaxRecordBytes)
            return failTooLong();
        fill(m_pos);
    }

    if (m_state == State::Quoted) {
        // The rest of the file is one cell: refused, or skipped as one damaged record.
        damage(m_quoteLine, QStringLiteral("a quoted cell is opened and never closed"));
        damagedRecord();
        return m_result;
    }
    // A last line without a line end.
    if (m_state != State::FieldStart || !m_fieldStarts.empty()) {
        if (m_state == State::FieldStart)
            beginField(); // the file ends right after a delimiter: one more, empty, cell
        if (m_afterQuote)
            checkAfterQuote();
        endValue();
        if (!endRecord(m_pos))
            return m_result;
    }
    if (!m_haveHeader)
        return fail(QStringLiteral("the file is empty"));
    return m_result;
}

} // namespace

ReadResult CsvReader::read(QIODevice &in, TableSink &sink, CsvFormat *format, bool lenient)
{
    return CsvParser(in, sink, lenient).run(format);
}

} // namespace trh
