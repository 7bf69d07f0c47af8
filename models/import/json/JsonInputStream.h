#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

class QIODevice;

namespace trh {

// RapidJSON input stream over a QIODevice (the Peek/Take/Tell stream concept), reading 1 MiB
// at a time so that memory does not grow with the file. It also:
// - skips a UTF-8 byte order mark at the start (RapidJSON would call it an invalid value);
// - counts lines as bytes are taken, so errors and records can name their line;
// - stops feeding bytes (reports end of input) when a byte limit is reached (sniffing) or
//   when more than `capBytes` were read since the last mark(): the SAX handler marks after
//   every event outside a captured element and at the start of a captured element, so this
//   bounds both a captured element and a single token, which RapidJSON would otherwise
//   buffer without limit before the handler ever sees it.
// A NUL byte in the data also reads as end of input (RapidJSON's convention); nulAt() then
// tells the caller it was not the real end.
class JsonInputStream
{
public:
    using Ch = char;
    static constexpr std::size_t kChunkSize = 1024 * 1024;

    // `limit` < 0: read to the end of the device.
    explicit JsonInputStream(QIODevice &in, std::int64_t limit = -1);

    Ch Peek() const { return *m_pos; }
    Ch Take()
    {
        const Ch c = *m_pos;
        if (c == '\0')
            return c; // end of input or a NUL byte: stay put, RapidJSON reports an error
        ++m_pos;
        if (c == '\n')
            ++m_line;
        if (m_pos == m_end)
            refill();
        return c;
    }
    std::size_t Tell() const
    {
        return static_cast<std::size_t>(m_base) + static_cast<std::size_t>(m_pos - m_begin);
    }

    // Output half of the concept: only used by in-situ parsing, which we never request.
    Ch *PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch *) { return 0; }

    // 1-based line of the next byte.
    std::int64_t line() const { return m_line; }
    void mark() { m_mark = static_cast<std::int64_t>(Tell()); }
    void setCapBytes(std::int64_t capBytes) { m_capBytes = capBytes; }

    bool hadBom() const { return m_hadBom; }
    bool looksUtf16() const { return m_utf16; }
    bool limitReached() const { return m_limitReached; }
    bool capExceeded() const { return m_capExceeded; }
    // True when reading stopped at a NUL byte that is part of the data.
    bool atNul() const { return m_pos != m_end && *m_pos == '\0'; }
    bool readFailed() const { return m_readFailed; }

private:
    void refill();

    QIODevice &m_in;
    std::vector<Ch> m_buffer; // kChunkSize bytes + a '\0' sentinel after the valid bytes
    Ch *m_begin = nullptr;
    Ch *m_pos = nullptr;
    Ch *m_end = nullptr;
    std::int64_t m_base = 0; // offset of m_begin in the input
    std::int64_t m_line = 1;
    std::int64_t m_limit = -1;
    std::int64_t m_mark = 0;
    std::int64_t m_capBytes = -1;
    bool m_eof = false;
    bool m_hadBom = false;
    bool m_utf16 = false;
    bool m_limitReached = false;
    bool m_capExceeded = false;
    bool m_readFailed = false;
};

} // namespace trh
