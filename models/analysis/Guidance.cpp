#include "Guidance.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace trh {

namespace {

const QString &guidanceRoot()
{
    static const QString root = QStringLiteral(":/guidance");
    return root;
}

// A finding code is dotted words ("driver.service_not_running"); anything else (empty, "..",
// slashes) could name a file outside the guidance folder, so it is refused.
bool isPlainCode(const QString &code)
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")));
    return re.match(code).hasMatch();
}

// "de", "de_DE", "pt-BR", "zh_Hant_TW".
bool isPlainLanguage(const QString &language)
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")));
    return re.match(language).hasMatch();
}

std::optional<QString> readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

QString normalizedLineEnds(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

// The candidate files for a code, best first.
QStringList candidatePaths(const QString &code, const QString &language)
{
    QStringList paths;
    const QString file = code + QLatin1String(".md");
    if (!language.isEmpty() && isPlainLanguage(language)) {
        paths << guidanceRoot() + QLatin1Char('/') + language + QLatin1Char('/') + file;
        // The base language ("de" of "de_DE"): the letters before the first separator.
        qsizetype sep = 0;
        while (sep < language.size() && language.at(sep).isLetter())
            ++sep;
        if (sep < language.size())
            paths << guidanceRoot() + QLatin1Char('/') + language.left(sep) + QLatin1Char('/') +
                         file;
    }
    paths << guidanceRoot() + QLatin1Char('/') + file;
    return paths;
}

QString stripItalic(const QString &line)
{
    const QString t = line.trimmed();
    if (t.size() < 3)
        return {};
    for (const QChar marker : {QLatin1Char('*'), QLatin1Char('_')}) {
        if (t.front() == marker && t.back() == marker && t.at(1) != marker &&
            t.at(t.size() - 2) != marker && !t.at(1).isSpace() && !t.at(t.size() - 2).isSpace())
            return t.mid(1, t.size() - 2);
    }
    return {};
}

// ---- Markdown to HTML -------------------------------------------------------------------

bool isAsciiPunct(QChar c)
{
    return c.unicode() < 128 && c.isPunct();
}

qsizetype runLength(const QString &s, qsizetype at, QChar c)
{
    qsizetype n = 0;
    while (at + n < s.size() && s.at(at + n) == c)
        ++n;
    return n;
}

// The index just past the code span that opens at `at` (a run of backticks), or -1 when the
// run has no closing run of the same length.
qsizetype codeSpanEnd(const QString &s, qsizetype at, qsizetype *contentFrom = nullptr,
                      qsizetype *contentTo = nullptr)
{
    const qsizetype open = runLength(s, at, QLatin1Char('`'));
    qsizetype j = at + open;
    while (j < s.size()) {
        if (s.at(j) != QLatin1Char('`')) {
            ++j;
            continue;
        }
        const qsizetype run = runLength(s, j, QLatin1Char('`'));
        if (run == open) {
            if (contentFrom)
                *contentFrom = at + open;
            if (contentTo)
                *contentTo = j;
            return j + run;
        }
        j += run;
    }
    return -1;
}

bool isWordChar(const QString &s, qsizetype at)
{
    return at >= 0 && at < s.size() && s.at(at).isLetterOrNumber();
}

// Where the emphasis opened at `from` (just past the opening delimiter) closes: the start of a
// run of exactly `count` delimiters not preceded by a space; -1 if none. Code spans and
// backslash escapes are skipped so that their content never closes an emphasis.
qsizetype findClosing(const QString &s, qsizetype from, QChar delim, qsizetype count)
{
    qsizetype j = from;
    while (j < s.size()) {
        const QChar c = s.at(j);
        if (c == QLatin1Char('\\')) {
            j += 2;
            continue;
        }
        if (c == QLatin1Char('`')) {
            const qsizetype end = codeSpanEnd(s, j);
            j = end < 0 ? j + runLength(s, j, c) : end;
            continue;
        }
        if (c != delim) {
            ++j;
            continue;
        }
        const qsizetype run = runLength(s, j, delim);
        const bool closes = run == count && j > from && !s.at(j - 1).isSpace() &&
                            (delim != QLatin1Char('_') || !isWordChar(s, j + run));
        if (closes)
            return j;
        j += run;
    }
    return -1;
}

// Recursion is shallow by construction: an emphasis closes at the first matching closer, so the
// text inside it never holds a closer of its own kind, and each of the four kinds (*, **, _, __)
// can appear at most once on a chain of nested emphases.
QString inlineHtml(const QString &s)
{
    QString out;
    QString plain; // literal text waiting to be escaped
    auto flush = [&] {
        out += plain.toHtmlEscaped();
        plain.clear();
    };
    // Where a search for a closer of each kind (*, **, _, __) first failed. A closer can only be
    // found further right, so a later opener of the same kind would fail too: remembering this
    // keeps a line full of unclosed openers linear instead of quadratic.
    qsizetype failedFrom[4] = {-1, -1, -1, -1};
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\\') && i + 1 < s.size() && isAsciiPunct(s.at(i + 1))) {
            plain += s.at(i + 1);
            i += 2;
            continue;
        }
        if (c == QLatin1Char('`')) {
            qsizetype from = 0, to = 0;
            const qsizetype end = codeSpanEnd(s, i, &from, &to);
            if (end < 0) {
                const qsizetype run = runLength(s, i, c);
                plain += s.mid(i, run);
                i += run;
                continue;
            }
            QString code = s.mid(from, to - from);
            if (code.size() >= 2 && code.front() == QLatin1Char(' ') &&
                code.back() == QLatin1Char(' ') && !code.trimmed().isEmpty())
                code = code.mid(1, code.size() - 2);
            flush();
            out += QLatin1String("<code>") + code.toHtmlEscaped() + QLatin1String("</code>");
            i = end;
            continue;
        }
        if (c == QLatin1Char('*') || c == QLatin1Char('_')) {
            const qsizetype run = runLength(s, i, c);
            const qsizetype count = run >= 2 ? 2 : 1;
            const bool opens = i + count < s.size() && !s.at(i + count).isSpace() &&
                               (c != QLatin1Char('_') || !isWordChar(s, i - 1));
            qsizetype &failed = failedFrom[(c == QLatin1Char('_') ? 2 : 0) + (count - 1)];
            qsizetype close = -1;
            if (opens && failed < 0) {
                close = findClosing(s, i + count, c, count);
                if (close < 0)
                    failed = i + count;
            }
            if (close < 0) {
                plain += s.mid(i, run);
                i += run;
                continue;
            }
            flush();
            const QString inner = inlineHtml(s.mid(i + count, close - i - count));
            if (count == 2)
                out += QLatin1String("<strong>") + inner + QLatin1String("</strong>");
            else
                out += QLatin1String("<em>") + inner + QLatin1String("</em>");
            i = close + count;
            continue;
        }
        plain += c;
        ++i;
    }
    flush();
    return out;
}

enum class ListKind
{
    None,
    Ordered,
    Bulleted
};

struct ListItem
{
    ListKind kind = ListKind::None;
    int number = 0;
    QString text;
};

// "1. text" / "2) text" / "- text" / "* text" / "+ text", indented by at most three spaces.
ListItem parseListItem(const QString &line)
{
    static const QRegularExpression ordered(QStringLiteral("^ {0,3}(\\d{1,9})[.)][ \\t]+(.*)$"));
    static const QRegularExpression bulleted(QStringLiteral("^ {0,3}[-*+][ \\t]+(.*)$"));
    ListItem item;
    QRegularExpressionMatch m = ordered.match(line);
    if (m.hasMatch()) {
        item.kind = ListKind::Ordered;
        item.number = m.captured(1).toInt();
        item.text = m.captured(2).trimmed();
        return item;
    }
    m = bulleted.match(line);
    if (m.hasMatch()) {
        item.kind = ListKind::Bulleted;
        item.text = m.captured(1).trimmed();
    }
    return item;
}

// "# Title" .. "###### Title" (a closing run of #s is dropped); level 0 when not a heading.
int headingLevel(const QString &line, QString *text)
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return 0;
    QString t = m.captured(2);
    static const QRegularExpression closing(QStringLiteral("(?:^|[ \\t]+)#+$"));
    t.remove(closing);
    *text = t.trimmed();
    return int(m.captured(1).size());
}

class HtmlWriter
{
public:
    explicit HtmlWriter(QStringList lines) : m_lines(std::move(lines)) {}

    QString run()
    {
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const QString &line = m_lines.at(i);
            if (line.trimmed().isEmpty()) {
                closeParagraph();
                if (m_list != ListKind::None && nextItemKind(i + 1) != m_list)
                    closeList();
                continue;
            }
            QString headingText;
            if (const int level = headingLevel(line, &headingText)) {
                closeAll();
                const QString tag = QLatin1Char('h') + QString::number(level);
                m_out += QLatin1Char('<') + tag + QLatin1Char('>') + inlineHtml(headingText) +
                         QLatin1String("</") + tag + QLatin1String(">\n");
                continue;
            }
            const ListItem item = parseListItem(line);
            if (item.kind != ListKind::None) {
                closeParagraph();
                if (m_list != item.kind)
                    openList(item);
                else
                    closeItem();
                m_item = item.text;
                m_inItem = true;
                continue;
            }
            if (m_inItem) { // continuation of the current item
                m_item += QLatin1Char(' ') + line.trimmed();
                continue;
            }
            if (m_list != ListKind::None)
                closeList();
            if (!m_paragraph.isEmpty())
                m_paragraph += QLatin1Char(' ');
            m_paragraph += line.trimmed();
        }
        closeAll();
        return m_out;
    }

private:
    ListKind nextItemKind(qsizetype from) const
    {
        for (qsizetype j = from; j < m_lines.size(); ++j) {
            if (!m_lines.at(j).trimmed().isEmpty())
                return parseListItem(m_lines.at(j)).kind;
        }
        return ListKind::None;
    }
    void openList(const ListItem &first)
    {
        closeList();
        m_list = first.kind;
        if (m_list == ListKind::Bulleted)
            m_out += QLatin1String("<ul>\n");
        else if (first.number != 1)
            m_out += QLatin1String("<ol start=\"") + QString::number(first.number) +
                     QLatin1String("\">\n");
        else
            m_out += QLatin1String("<ol>\n");
    }
    void closeItem()
    {
        if (!m_inItem)
            return;
        m_out += QLatin1String("<li>") + inlineHtml(m_item) + QLatin1String("</li>\n");
        m_item.clear();
        m_inItem = false;
    }
    void closeList()
    {
        closeItem();
        if (m_list == ListKind::Ordered)
            m_out += QLatin1String("</ol>\n");
        else if (m_list == ListKind::Bulleted)
            m_out += QLatin1String("</ul>\n");
        m_list = ListKind::None;
    }
    void closeParagraph()
    {
        if (m_paragraph.isEmpty())
            return;
        m_out += QLatin1String("<p>") + inlineHtml(m_paragraph) + QLatin1String("</p>\n");
        m_paragraph.clear();
    }
    void closeAll()
    {
        closeParagraph();
        closeList();
    }

    const QStringList m_lines;
    QString m_out;
    QString m_paragraph;
    ListKind m_list = ListKind::None;
    QString m_item;
    bool m_inItem = false;
};

} // namespace

std::optional<GuidanceEntry> Guidance::entry(const QString &code, const QString &language)
{
    if (!isPlainCode(code))
        return std::nullopt;
    for (const QString &path : candidatePaths(code, language)) {
        if (const std::optional<QString> text = readText(path))
            return parse(code, *text);
    }
    return std::nullopt;
}

QStringList Guidance::codes()
{
    QStringList result;
    const QDir dir(guidanceRoot());
    const QStringList files =
        dir.entryList({QStringLiteral("*.md")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.chopped(3);
        if (isPlainCode(code))
            result << code;
    }
    std::sort(result.begin(), result.end());
    return result;
}

GuidanceEntry Guidance::parse(const QString &code, const QString &markdown)
{
    GuidanceEntry e;
    e.code = code;
    e.markdown = normalizedLineEnds(markdown);

    const QStringList lines = e.markdown.split(QLatin1Char('\n'));
    QString heading; // current "## " section, empty before the first one
    bool inSection = false;
    QStringList body;
    auto finishSection = [&] {
        if (inSection && !e.sections.contains(heading))
            e.sections.insert(heading, body.join(QLatin1Char('\n')).trimmed());
        body.clear();
    };
    for (const QString &line : lines) {
        QString text;
        const int level = headingLevel(line, &text);
        if (level == 1 && e.title.isEmpty() && !inSection) {
            e.title = text;
            continue;
        }
        if (level == 2) {
            finishSection();
            heading = text;
            inSection = true;
            continue;
        }
        if (!inSection) {
            if (e.summary.isEmpty())
                e.summary = stripItalic(line);
            continue;
        }
        body << line;
    }
    finishSection();
    return e;
}

QString Guidance::toHtml(const GuidanceEntry &entry)
{
    return HtmlWriter(normalizedLineEnds(entry.markdown).split(QLatin1Char('\n'))).run();
}

} // namespace trh
