#pragma once

#include "JsonInputStream.h"
#include "JsonTree.h"
#include "JsonVisitor.h"
#include "import/SourceRecords.h"

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

class QIODevice;

namespace trh {

// Drives RapidJSON's SAX reader over a QIODevice for one JsonVisitor (see JsonVisitor.h):
// iterative parsing (no recursion, so deep nesting cannot overflow the stack), strict UTF-8,
// numbers kept as their text, the JSON path of the current value tracked for messages, and
// captured elements capped at kMaxElementBytes of JSON text.
class JsonStream
{
public:
    static constexpr std::int64_t kMaxElementBytes = 64 * 1024 * 1024;

    // Reads `in` from its current position; `readLimit` >= 0 stops after that many bytes
    // (sniffing), which then reads as truncated JSON.
    explicit JsonStream(QIODevice &in, std::int64_t readLimit = -1);
    // A key named twice in an object that is read fails the stream (the default); the kind
    // sniffer turns it off: it only looks, the reader that follows refuses.
    void setRefuseDuplicateKeys(bool refuse) { m_refuseDuplicates = refuse; }
    JsonStream(const JsonStream &) = delete;
    JsonStream &operator=(const JsonStream &) = delete;

    enum class Roots : std::uint8_t
    {
        One,  // one JSON document
        Many, // JSON values one after another, separated by white space (NDJSON: one per
              // line); the visitor sees each at the root, in turn
    };

    // Parses to the end, or until the visitor stops. Failed: error() says why and where.
    ReadStatus run(JsonVisitor &visitor, Roots roots = Roots::One);
    const QString &error() const { return m_error; }
    // True when run() ended because readLimit was reached.
    bool limitReached() const { return m_input.limitReached(); }

    // Where the current value is, for visitor callbacks: its member name (empty in an array
    // and at the root), its index in the enclosing array (-1 otherwise), how many containers
    // enclose it, its JSON path ("$.data.result_sets[0]") and the current line.
    std::string_view key() const;
    std::int64_t index() const;
    std::size_t depth() const { return m_depth; }
    std::string path() const;
    std::int64_t line() const { return m_input.line(); }
    SourcePos pos() const { return SourcePos{line(), path()}; }

    // A visitor found a structural problem: run() returns Failed with
    // "line N, at PATH: message" (current position, or `at`; "line N: message" when `at` has
    // no path).
    void fail(const QString &message);
    void fail(const SourcePos &at, const QString &message);
    bool failed() const { return m_failed; }

private:
    struct Sax;
    enum class Mode : std::uint8_t
    {
        Descend,
        Skip,
        Capture
    };
    enum class Decision : std::uint8_t
    {
        Skip,
        Descend,
        Inside,
        CaptureRoot,
        Stop
    };
    struct Frame
    {
        std::string key;         // member name of the current value (objects)
        std::int64_t index = -1; // index of the current value (arrays)
        bool isArray = false;
        bool hasCurrent = false; // a member / element has started (else the path ends here)
        Mode mode = Mode::Descend;
        std::unordered_set<std::string> keys; // members seen so far (objects not skipped)
    };

    Decision beginValue(JsonType type);
    bool scalar(JsonType type, std::string_view text);
    bool startContainer(JsonType type);
    bool key(std::string_view name);
    bool endContainer();
    QString parseErrorMessage(int code, std::size_t offset) const;
    // Roots::Many: skips the white space after a value; true when another value follows.
    bool anotherRoot();

    QIODevice &m_in;
    JsonInputStream m_input;
    JsonVisitor *m_visitor = nullptr;
    std::vector<Frame> m_frames;    // reused: keys keep their capacity between elements
    std::size_t m_depth = 0;        // frames in use
    JsonTree m_tree;                // the element being captured
    std::size_t m_captureDepth = 0; // m_depth inside the captured container, 0 = none
    SourcePos m_capturePos;
    QString m_error;
    bool m_failed = false;
    bool m_refuseDuplicates = true;
};

} // namespace trh
