#include "JsonInputStream.h"

#include <QIODevice>

#include <algorithm>

namespace trh {

JsonInputStream::JsonInputStream(QIODevice &in, std::int64_t limit)
    : m_in(in), m_buffer(kChunkSize + 1, '\0'), m_limit(limit)
{
    m_begin = m_pos = m_end = m_buffer.data();
    refill();
    const auto size = m_end - m_begin;
    const auto *bytes = reinterpret_cast<const unsigned char *>(m_begin);
    if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
        m_hadBom = true;
        m_pos += 3; // still counted by Tell(): offsets stay file offsets
        if (m_pos == m_end)
            refill();
    } else if (size >= 2 &&
               ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        m_utf16 = true; // the caller reports it; RapidJSON alone would say "Invalid value"
    }
}

void JsonInputStream::refill()
{
    m_base += m_end - m_begin;
    m_begin = m_pos = m_end = m_buffer.data();
    *m_end = '\0';
    if (m_eof)
        return;
    if (m_capBytes >= 0 && m_base - m_mark > m_capBytes) {
        m_capExceeded = true;
        m_eof = true;
        return;
    }
    std::int64_t want = static_cast<std::int64_t>(kChunkSize);
    if (m_limit >= 0) {
        want = std::min(want, m_limit - m_base);
        if (want <= 0) {
            m_limitReached = !m_in.atEnd();
            m_eof = true;
            return;
        }
    }
    const qint64 got = m_in.read(m_begin, want);
    if (got < 0) {
        m_readFailed = true;
        m_eof = true;
        return;
    }
    if (got == 0) {
        m_eof = true;
        return;
    }
    m_end = m_begin + got;
    *m_end = '\0';
}

} // namespace trh
