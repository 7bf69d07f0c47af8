#include "JsonStream.h"

#include "JsonText.h"

#include <QIODevice>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <string>

namespace trh {

namespace {

// Paths are for people: beyond this many levels (only pathological input gets there) the
// middle is elided so that a message stays one readable line.
constexpr std::size_t kPathHeadLevels = 12;
constexpr std::size_t kPathTailLevels = 12;

} // namespace

// RapidJSON handler: forwards every event to the stream. With kParseNumbersAsStringsFlag the
// parser reports numbers through RawNumber() only; the typed number callbacks are still
// required by the handler concept and give the same text.
struct JsonStream::Sax
{
    using Ch = char;
    JsonStream &s;

    bool Null() { return s.scalar(JsonType::Null, {}); }
    bool Bool(bool b)
    {
        return s.scalar(JsonType::Bool, b ? std::string_view("true") : std::string_view("false"));
    }
    bool Int(int i) { return number(i); }
    bool Uint(unsigned u) { return number(u); }
    bool Int64(std::int64_t i) { return number(i); }
    bool Uint64(std::uint64_t u) { return number(u); }
    bool Double(double d) { return number(d); }
    bool RawNumber(const Ch *str, rapidjson::SizeType length, bool)
    {
        return s.scalar(JsonType::Number, std::string_view(str, length));
    }
    bool String(const Ch *str, rapidjson::SizeType length, bool)
    {
        return s.scalar(JsonType::String, std::string_view(str, length));
    }
    bool StartObject() { return s.startContainer(JsonType::Object); }
    bool Key(const Ch *str, rapidjson::SizeType length, bool)
    {
        return s.key(std::string_view(str, length));
    }
    bool EndObject(rapidjson::SizeType) { return s.endContainer(); }
    bool StartArray() { return s.startContainer(JsonType::Array); }
    bool EndArray(rapidjson::SizeType) { return s.endContainer(); }

    template<typename T>
    bool number(T n)
    {
        char text[64];
        const auto r = std::to_chars(text, text + sizeof text, n);
        return s.scalar(JsonType::Number, std::string_view(text, std::size_t(r.ptr - text)));
    }
};

JsonStream::JsonStream(QIODevice &in, std::int64_t readLimit) : m_in(in), m_input(in, readLimit)
{
    m_input.setCapBytes(kMaxElementBytes);
}

std::string_view JsonStream::key() const
{
    if (m_depth == 0 || m_frames[m_depth - 1].isArray)
        return {};
    return m_frames[m_depth - 1].key;
}

std::int64_t JsonStream::index() const
{
    if (m_depth == 0 || !m_frames[m_depth - 1].isArray)
        return -1;
    return m_frames[m_depth - 1].index;
}

std::string JsonStream::path() const
{
    std::string path = "$";
    const bool elide = m_depth > kPathHeadLevels + kPathTailLevels;
    for (std::size_t i = 0; i < m_depth; ++i) {
        if (elide && i == kPathHeadLevels) {
            const std::size_t skipped = m_depth - kPathHeadLevels - kPathTailLevels;
            path += "...(" + std::to_string(skipped) + " levels)...";
            i += skipped - 1;
            continue;
        }
        const Frame &f = m_frames[i];
        if (!f.hasCurrent)
            break; // a container just opened: its own path is the current position
        if (f.isArray) {
            path += '[';
            path += std::to_string(f.index);
            path += ']';
        } else {
            json::appendKey(path, f.key);
        }
    }
    return path;
}

void JsonStream::fail(const QString &message)
{
    fail(pos(), message);
}

void JsonStream::fail(const SourcePos &at, const QString &message)
{
    if (m_failed)
        return; // keep the first problem: later ones are usually its consequences
    m_failed = true;
    m_error = at.jsonPath.empty() ? QStringLiteral("line %1: %2").arg(at.line).arg(message)
                                  : QStringLiteral("line %1, at %2: %3")
                                        .arg(at.line)
                                        .arg(QString::fromStdString(at.jsonPath), message);
}

JsonStream::Decision JsonStream::beginValue(JsonType type)
{
    if (m_depth > 0) {
        Frame &parent = m_frames[m_depth - 1];
        parent.hasCurrent = true;
        if (parent.isArray)
            ++parent.index;
        if (parent.mode == Mode::Capture)
            return Decision::Inside;
        m_input.mark();
        if (parent.mode == Mode::Skip)
            return Decision::Skip;
    } else {
        m_input.mark();
    }
    switch (m_visitor->enter(*this, type)) {
    case JsonVisitor::Action::Skip:
        return Decision::Skip;
    case JsonVisitor::Action::Descend:
        // Descending into a scalar means nothing: there is nothing inside to announce.
        return (type == JsonType::Object || type == JsonType::Array) ? Decision::Descend
                                                                     : Decision::Skip;
    case JsonVisitor::Action::Capture:
        return Decision::CaptureRoot;
    case JsonVisitor::Action::Stop:
        break;
    }
    return Decision::Stop;
}

bool JsonStream::scalar(JsonType type, std::string_view text)
{
    const Decision d = beginValue(type);
    if (d == Decision::Stop)
        return false;
    if (d != Decision::Inside && d != Decision::CaptureRoot)
        return true;
    if (d == Decision::CaptureRoot)
        m_tree.clear();
    m_tree.scalar(type, text);
    if (d == Decision::Inside)
        return true;
    const bool keepGoing = m_visitor->value(*this, m_tree.root(), pos());
    m_tree.clear();
    return keepGoing;
}

bool JsonStream::startContainer(JsonType type)
{
    const Decision d = beginValue(type);
    if (d == Decision::Stop)
        return false;
    if (d == Decision::CaptureRoot) {
        m_capturePos = pos(); // before the push: the path of the container itself
        m_tree.clear();
    }
    if (m_frames.size() == m_depth)
        m_frames.emplace_back();
    Frame &f = m_frames[m_depth++];
    f.key.clear();
    f.keys.clear();
    f.index = -1;
    f.hasCurrent = false;
    f.isArray = type == JsonType::Array;
    switch (d) {
    case Decision::Skip:
        f.mode = Mode::Skip;
        break;
    case Decision::Descend:
        f.mode = Mode::Descend;
        break;
    default:
        f.mode = Mode::Capture;
        if (d == Decision::CaptureRoot)
            m_captureDepth = m_depth;
        m_tree.startContainer(type);
        break;
    }
    return true;
}

bool JsonStream::key(std::string_view name)
{
    Frame &f = m_frames[m_depth - 1];
    f.key.assign(name.data(), name.size());
    f.hasCurrent = true;
    // A member named twice in an object that is read (a second "now" moved a snapshot's
    // date, last one winning): which one is meant cannot be told, so the file is refused.
    if (m_refuseDuplicates && f.mode != Mode::Skip && !f.keys.insert(f.key).second) {
        fail(QStringLiteral("duplicate key \"%1\": the object names it twice")
                 .arg(QString::fromUtf8(name.data(), qsizetype(name.size()))));
        return false;
    }
    if (f.mode == Mode::Capture)
        m_tree.key(name);
    else
        m_input.mark();
    return true;
}

bool JsonStream::endContainer()
{
    const Mode mode = m_frames[m_depth - 1].mode;
    const std::size_t closedDepth = m_depth--;
    if (mode == Mode::Capture) {
        m_tree.endContainer();
        if (closedDepth != m_captureDepth)
            return true;
        m_captureDepth = 0;
        const bool keepGoing = m_visitor->value(*this, m_tree.root(), m_capturePos);
        m_tree.clear();
        m_input.mark();
        return keepGoing;
    }
    m_input.mark();
    if (mode == Mode::Descend)
        return m_visitor->leave(*this);
    return true;
}

QString JsonStream::parseErrorMessage(int code, std::size_t offset) const
{
    const auto errorCode = static_cast<rapidjson::ParseErrorCode>(code);
    QString what = QString::fromUtf8(rapidjson::GetParseError_En(errorCode));
    if (errorCode == rapidjson::kParseErrorStringInvalidEncoding)
        what += QStringLiteral(" (the file is not valid UTF-8)");
    return QStringLiteral("line %1, offset %2, at %3: %4")
        .arg(m_input.line())
        .arg(qulonglong(offset))
        .arg(QString::fromStdString(path()), what);
}

bool JsonStream::anotherRoot()
{
    for (;;) {
        const char c = m_input.Peek();
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c != '\0'; // a NUL in the data is reported as after the document
        m_input.Take();
    }
}

ReadStatus JsonStream::run(JsonVisitor &visitor, Roots roots)
{
    m_visitor = &visitor;
    m_error.clear();
    m_failed = false;
    if (m_input.looksUtf16()) {
        m_error = QStringLiteral("the file is UTF-16 text; JSON files must be UTF-8");
        return ReadStatus::Failed;
    }

    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                                rapidjson::kParseValidateEncodingFlag |
                                rapidjson::kParseNumbersAsStringsFlag;
    rapidjson::Reader reader;
    Sax sax{*this};
    rapidjson::ParseResult result;
    if (roots == Roots::One) {
        result = reader.Parse<kFlags>(m_input, sax);
    } else {
        constexpr unsigned kEach = kFlags | rapidjson::kParseStopWhenDoneFlag;
        result = reader.Parse<kEach>(m_input, sax);
        while (!result.IsError() && anotherRoot())
            result = reader.Parse<kEach>(m_input, sax);
    }
    const std::size_t offset = result.Offset();

    // A read error or the element cap ends the input early. The JSON read up to there can
    // even parse (a number cut short looks complete, and a visitor may then have stopped on
    // it), so these come first and fail whatever the parser or the visitor said.
    if (m_input.readFailed()) {
        m_error = QStringLiteral("read error after %1 bytes: %2")
                      .arg(qulonglong(m_input.Tell()))
                      .arg(m_in.errorString());
        return ReadStatus::Failed;
    }
    if (m_input.capExceeded()) {
        const SourcePos at = m_captureDepth > 0 ? m_capturePos : pos();
        m_error = QStringLiteral("line %1, at %2: a single JSON element is larger than %3 MiB")
                      .arg(at.line)
                      .arg(QString::fromStdString(at.jsonPath))
                      .arg(kMaxElementBytes / (1024 * 1024));
        return ReadStatus::Failed;
    }
    if (result.IsError() && result.Code() == rapidjson::kParseErrorTermination)
        return m_failed ? ReadStatus::Failed : ReadStatus::Stopped;
    if (!result.IsError()) {
        if (m_input.atNul()) {
            m_error = QStringLiteral("line %1, offset %2: unexpected NUL byte after the JSON "
                                     "document (binary data?)")
                          .arg(m_input.line())
                          .arg(qulonglong(m_input.Tell()));
            return ReadStatus::Failed;
        }
        return ReadStatus::Ok;
    }

    if (m_input.limitReached()) {
        m_error = QStringLiteral("stopped after the first %1 bytes").arg(qulonglong(offset));
    } else if (m_input.atNul()) {
        m_error = QStringLiteral("line %1, offset %2, at %3: unexpected NUL byte (binary data?)")
                      .arg(m_input.line())
                      .arg(qulonglong(m_input.Tell()))
                      .arg(QString::fromStdString(path()));
    } else if (result.Code() == rapidjson::kParseErrorDocumentEmpty) {
        m_error = QStringLiteral("the file is empty");
    } else {
        m_error = parseErrorMessage(int(result.Code()), offset);
    }
    return ReadStatus::Failed;
}

} // namespace trh
