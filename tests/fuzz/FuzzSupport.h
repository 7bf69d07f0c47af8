#pragma once

#include <QCoreApplication>
#include <QIODevice>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

// Helpers shared by the libFuzzer harnesses of tests/fuzz.
namespace trh::fuzz {

// A failed check is a finding: print why and abort, so that libFuzzer saves the input.
#define TRH_FUZZ_CHECK(condition, message)                                                         \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz check failed: %s (%s:%d): %s\n", #condition, __FILE__,      \
                         __LINE__, message);                                                       \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

// Some Qt APIs want an application object. Qt gets an argv of its own, so that it can
// neither see nor reorder libFuzzer's flags. The object lives for the whole process.
inline void ensureCoreApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char arg0[] = "trhealth-fuzz";
    static char *argv[] = {arg0, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    (void)app;
}

// FNV-1a: a digest of everything a reader delivered, to compare two reads of one input.
class Digest
{
public:
    void add(std::string_view bytes)
    {
        addNumber(bytes.size());
        for (const char c : bytes)
            mixByte(static_cast<unsigned char>(c));
    }
    void add(const QString &text)
    {
        addNumber(std::uint64_t(text.size()));
        for (const QChar c : text)
            addNumber(c.unicode());
    }
    void addNumber(std::uint64_t n)
    {
        for (int i = 0; i < 8; ++i)
            mixByte(static_cast<unsigned char>(n >> (8 * i)));
    }
    std::uint64_t value() const { return m_hash; }

private:
    void mixByte(unsigned char b)
    {
        m_hash ^= b;
        m_hash *= 0x100000001b3ULL;
    }
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

// A random-access device over a byte range that hands out at most `chunk` bytes per read(),
// as a pipe or a network file may. With it, small inputs reach the readers' code for records
// and UTF-8 / UTF-16 sequences cut by a buffer refill, which a whole-file QBuffer read
// (1 MiB chunks) never does.
class ChunkedDevice final : public QIODevice
{
public:
    ChunkedDevice(const char *data, qint64 size, qint64 chunk)
        : m_data(data), m_size(size), m_chunk(std::max<qint64>(1, chunk))
    {
        QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override
    {
        if (pos < 0 || pos > m_size || !QIODevice::seek(pos))
            return false;
        m_offset = pos;
        return true;
    }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        const qint64 n = std::min({maxSize, m_chunk, m_size - m_offset});
        if (n <= 0)
            return 0;
        std::memcpy(out, m_data + m_offset, std::size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const char *m_data;
    qint64 m_size;
    qint64 m_chunk;
    qint64 m_offset = 0;
};

} // namespace trh::fuzz
