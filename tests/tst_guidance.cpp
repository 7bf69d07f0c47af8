#include "analysis/FindingCatalog.h"
#include "analysis/Guidance.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// The six sections every entry has, in this order (resources/guidance, product.md "Guidance").
const QStringList &sectionOrder()
{
    static const QStringList order = {
        s("What it means"),
        s("Why it matters for Threat Response"),
        s("Corrective action"),
        s("Where to act in Tanium"),
        s("How to verify next month"),
        s("Procedure section"),
    };
    return order;
}

// The questions and sensors the maintenance procedure names. An entry may only send the reader
// to these (or to the console pages below), never to a made-up question.
const QStringList &knownQuestions()
{
    static const QStringList questions = {
        s("Get Client Extensions - Status from all machines"),
        s("Get Client Health - Client Settings from all machines"),
        s("Get Endpoint Configuration - Tools Status from all machines"),
        s("Get Client Extensions - Installed Extensions from all machines"),
        s("Get Tanium Driver Status from all machines with Is Windows matches true"),
        s("Get Tanium Driver Version from all machines with Is Windows matches true"),
        s("Recorder - Is BPF BCC Supported"),
        s("Recorder - Is BPF CO-RE Supported"),
        s("Recorder - Is BPF Supported Details"),
    };
    return questions;
}

// Console paths named in the maintenance procedure.
const QStringList &knownConsolePaths()
{
    static const QStringList paths = {
        s("Administration > Shared Services > Client Management"),
        s("Administration > Shared Services > Client Management > Client Health"),
        s("Modules > Threat Response"),
        s("Modules > Threat Response > Overview"),
    };
    return paths;
}

// The texts of the Markdown headings of one level ("# " or "## "), in file order.
QStringList headings(const QString &markdown, int level)
{
    const QString prefix = QString(level, QLatin1Char('#')) + QLatin1Char(' ');
    QStringList result;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix))
            result << line.mid(prefix.size()).trimmed();
    }
    return result;
}

// Words of prose: whitespace-separated tokens with at least one letter (so Markdown markers
// such as "##", "-" and "1." do not count).
int proseWords(const QString &markdown)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QRegularExpression letter(QStringLiteral("[A-Za-z]"));
    int n = 0;
    for (const QString &token : markdown.split(space, Qt::SkipEmptyParts)) {
        if (token.contains(letter))
            ++n;
    }
    return n;
}

// Console paths in a text: chains of capitalised names joined by " > ".
QStringList consolePaths(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("[A-Z][\\w-]*(?: [A-Z][\\w-]*)*(?: > [A-Z][\\w-]*(?: [A-Z][\\w-]*)*)+"));
    QStringList result;
    for (auto it = re.globalMatch(text); it.hasNext();)
        result << it.next().captured(0);
    return result;
}

QStringList backticked(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("`([^`]+)`"));
    QStringList result;
    for (auto it = re.globalMatch(text); it.hasNext();)
        result << it.next().captured(1);
    return result;
}

QStringList catalogueCodes()
{
    QStringList codes;
    for (const FindingKind &k : findingCatalog())
        codes << QString::fromLatin1(k.code);
    std::sort(codes.begin(), codes.end());
    return codes;
}

} // namespace

class TestGuidance : public QObject
{
    Q_OBJECT
private slots:
    void catalogueEntry_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("procedure");
        for (const FindingKind &k : findingCatalog())
            QTest::newRow(k.code) << QString::fromLatin1(k.code) << QString::fromUtf8(k.title)
                                  << QString::fromUtf8(k.procedure);
    }
    void catalogueEntry()
    {
        QFETCH(QString, code);
        QFETCH(QString, title);
        QFETCH(QString, procedure);

        // Given the English entry of a catalogue code
        const std::optional<GuidanceEntry> e = Guidance::entry(code);
        QVERIFY2(e.has_value(), qPrintable(s("no resources/guidance/") + code + s(".md")));
        QCOMPARE(e->code, code);

        // Then it is titled like the catalogue, once, on its first line, with a summary
        QCOMPARE(e->title, title);
        QCOMPARE(headings(e->markdown, 1), QStringList{title});
        QVERIFY(e->markdown.startsWith(s("# ") + title + QLatin1Char('\n')));
        QVERIFY2(!e->summary.trimmed().isEmpty(), "no italic summary line");

        // And has exactly the six sections, in order, none empty
        QCOMPARE(headings(e->markdown, 2), sectionOrder());
        QCOMPARE(e->sections.size(), sectionOrder().size());
        for (const QString &section : sectionOrder())
            QVERIFY2(!e->sections.value(section).trimmed().isEmpty(), qPrintable(section));

        // And cites the procedure section the catalogue names, verbatim
        QCOMPARE(e->sections.value(s("Procedure section")), procedure);

        // And gives numbered steps
        static const QRegularExpression step(QStringLiteral("(^|\\n)1\\. \\S"));
        QVERIFY2(e->sections.value(s("Corrective action")).contains(step),
                 "corrective action without numbered steps");

        // And sends the reader to a console page or a question, only ones the procedure names
        const QString where = e->sections.value(s("Where to act in Tanium"));
        bool mentionsPath = false;
        for (const QString &path : consolePaths(where))
            mentionsPath |= knownConsolePaths().contains(path);
        bool mentionsQuestion = false;
        for (const QString &quoted : backticked(where))
            mentionsQuestion |= knownQuestions().contains(quoted);
        QVERIFY2(mentionsPath || mentionsQuestion,
                 "Where to act names neither a console path nor a question in backticks");
        for (const QString &path : consolePaths(e->markdown))
            QVERIFY2(knownConsolePaths().contains(path), qPrintable(s("unknown path: ") + path));
        for (const QString &quoted : backticked(e->markdown)) {
            if (quoted.startsWith(s("Get ")) && quoted.contains(s(" from ")))
                QVERIFY2(knownQuestions().contains(quoted),
                         qPrintable(s("unknown question: ") + quoted));
            if (quoted.startsWith(s("Recorder - ")))
                QVERIFY2(knownQuestions().contains(quoted),
                         qPrintable(s("unknown sensor: ") + quoted));
        }

        // And is short, in plain ASCII
        const int words = proseWords(e->markdown);
        QVERIFY2(words >= 120 && words <= 300, qPrintable(s("words: ") + QString::number(words)));
        const bool ascii = std::all_of(e->markdown.cbegin(), e->markdown.cend(),
                                       [](QChar c) { return c.unicode() < 128; });
        QVERIFY2(ascii, "non-ASCII character");

        // And renders completely: no code span or bold left open
        const QString html = Guidance::toHtml(*e);
        QVERIFY(html.startsWith(s("<h1>") + title.toHtmlEscaped() + s("</h1>\n")));
        QVERIFY2(!html.contains(QLatin1Char('`')), "unbalanced backticks");
        QVERIFY2(!html.contains(s("**")), "unbalanced bold");
        QVERIFY(html.contains(s("<ol>\n<li>")));
    }

    void noEntryOutsideTheCatalogue()
    {
        // Every file under :/guidance, translations included, is <code>.md of a catalogue code.
        int topLevel = 0;
        QDirIterator it(s(":/guidance"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString name = it.fileName();
            QVERIFY2(name.endsWith(s(".md")), qPrintable(path));
            const QString code = name.chopped(3);
            QVERIFY2(findingKind(code) != nullptr, qPrintable(s("not a catalogue code: ") + path));
            if (it.fileInfo().path() == s(":/guidance"))
                ++topLevel;
        }
        QCOMPARE(topLevel, int(findingCatalog().size()));
        QCOMPARE(Guidance::codes(), catalogueCodes());
    }

    void unknownCode()
    {
        QVERIFY(!Guidance::entry(s("no.such_code")).has_value());
        QVERIFY(!Guidance::entry(QString()).has_value());
        QVERIFY(!Guidance::entry(s("HEALTH.DEC")).has_value());
        // Not a plain code: must not reach other resource files.
        QVERIFY(!Guidance::entry(s("zz/health.dec")).has_value());
        QVERIFY(!Guidance::entry(s("../guidance/health.dec")).has_value());
        QVERIFY(!Guidance::entry(s("health.dec.md")).has_value());
        QVERIFY(!Guidance::entry(s("health.dec\n")).has_value());
    }

    void translatedEntry()
    {
        // tests/fixtures/guidance/zz/health.dec.md is compiled into this test only.
        const QString english = QString::fromUtf8(findingKind(s("health.dec"))->title);
        QCOMPARE(Guidance::entry(s("health.dec"), s("zz"))->title, s("ZZ Direct Connect (dec)"));
        QCOMPARE(Guidance::entry(s("health.dec"), s("zz_ZZ"))->title, s("ZZ Direct Connect (dec)"));
        QCOMPARE(Guidance::entry(s("health.dec"), s("zz-ZZ"))->title, s("ZZ Direct Connect (dec)"));
        QCOMPARE(Guidance::entry(s("health.dec"), s("zz"))->code, s("health.dec"));
        // No translation: the English entry.
        QCOMPARE(Guidance::entry(s("health.dec"), s("de"))->title, english);
        QCOMPARE(Guidance::entry(s("health.index"), s("zz"))->title,
                 QString::fromUtf8(findingKind(s("health.index"))->title));
        // Not a language: ignored.
        QCOMPARE(Guidance::entry(s("health.dec"), s("../zz"))->title, english);
        QCOMPARE(Guidance::entry(s("health.dec"), s("zz/.."))->title, english);
        QCOMPARE(Guidance::entry(s("health.dec"), s("zz/../zz"))->title, english);
        QCOMPARE(Guidance::entry(s("health.dec"), s("zz\n"))->title, english);
        QVERIFY(!Guidance::entry(s("no.such_code"), s("zz")).has_value());
    }

    void parse()
    {
        const GuidanceEntry e = Guidance::parse(
            s("x.y"), s("# The title\r\n\r\n**Not the summary**\r\n*The summary*\r\n\r\n"
                        "## First\r\n\r\nBody one\r\nline two\r\n\r\n## Second\r\n- item\r\n"
                        "### Sub\r\n*not a summary*\r\n## Empty\r\n\r\n## First\r\nagain\r\n"));
        QCOMPARE(e.code, s("x.y"));
        QCOMPARE(e.title, s("The title"));
        QCOMPARE(e.summary, s("The summary"));
        QVERIFY(!e.markdown.contains(QLatin1Char('\r')));
        QCOMPARE(e.sections.keys(), (QStringList{s("Empty"), s("First"), s("Second")}));
        QCOMPARE(e.sections.value(s("First")), s("Body one\nline two")); // the first one wins
        QCOMPARE(e.sections.value(s("Second")), s("- item\n### Sub\n*not a summary*"));
        QCOMPARE(e.sections.value(s("Empty")), QString());

        const GuidanceEntry bare = Guidance::parse(s("x"), s("no heading\n"));
        QVERIFY(bare.title.isEmpty());
        QVERIFY(bare.summary.isEmpty());
        QVERIFY(bare.sections.isEmpty());
    }

    void htmlEscapes()
    {
        GuidanceEntry e;
        e.markdown = s("# Title <script>alert(1)</script>\n\n"
                       "Text <script>alert(\"x\")</script> & <b>bold</b>\n\n"
                       "- <img src=x onerror=alert(1)>\n\n"
                       "`</code><script>` and **<i>** and *<u>*\n");
        const QString html = Guidance::toHtml(e);
        QCOMPARE(html, s("<h1>Title &lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"
                         "<p>Text &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                         "&lt;b&gt;bold&lt;/b&gt;</p>\n"
                         "<ul>\n<li>&lt;img src=x onerror=alert(1)&gt;</li>\n</ul>\n"
                         "<p><code>&lt;/code&gt;&lt;script&gt;</code> and "
                         "<strong>&lt;i&gt;</strong> and <em>&lt;u&gt;</em></p>\n"));
        QVERIFY(!html.contains(s("<script")));
        QVERIFY(!html.contains(s("<img")));
    }

    void htmlBlocksAndInline()
    {
        GuidanceEntry e;
        e.markdown = s("## Steps\n"
                       "\n"
                       "1. Ask `Get <x> from all machines` now\n"
                       "2. Then **check** *it*\n"
                       "   again\n"
                       "\n"
                       "3. Loose item in the same list\n"
                       "\n"
                       "- snake_case_word and _emphasis_\n"
                       "- `code with *stars*` and \\*escaped\\*\n"
                       "Paragraph one\n"
                       "\n"
                       "Para one\n"
                       "line two\n"
                       "\n"
                       "3) starts at three\n"
                       "#### Deep ###\n"
                       "a * b ** c `d and *unclosed\n");
        QCOMPARE(Guidance::toHtml(e),
                 s("<h2>Steps</h2>\n"
                   "<ol>\n"
                   "<li>Ask <code>Get &lt;x&gt; from all machines</code> now</li>\n"
                   "<li>Then <strong>check</strong> <em>it</em> again</li>\n"
                   "<li>Loose item in the same list</li>\n"
                   "</ol>\n"
                   "<ul>\n"
                   "<li>snake_case_word and <em>emphasis</em></li>\n"
                   "<li><code>code with *stars*</code> and *escaped* Paragraph one</li>\n"
                   "</ul>\n"
                   "<p>Para one line two</p>\n"
                   "<ol start=\"3\">\n"
                   "<li>starts at three</li>\n"
                   "</ol>\n"
                   "<h4>Deep</h4>\n"
                   "<p>a * b ** c `d and *unclosed</p>\n"));
    }

    void htmlNestedAndPathologicalInput()
    {
        // The four emphasis kinds nest.
        GuidanceEntry e;
        e.markdown = s("*a **b _c __d__ c_ b** a*");
        QCOMPARE(Guidance::toHtml(e), s("<p><em>a <strong>b <em>c <strong>d</strong> c</em> "
                                        "b</strong> a</em></p>\n"));
        // Long runs and unbalanced openers stay literal and keep every character.
        e.markdown = QString(5000, QLatin1Char('*')) + s("x") + QString(5000, QLatin1Char('*'));
        QCOMPARE(Guidance::toHtml(e).count(QLatin1Char('*')), 10000);
        e.markdown.clear();
        for (int i = 0; i < 5000; ++i)
            e.markdown += s("*a _b **c __d ");
        e.markdown += s("`e ``f");
        QElapsedTimer timer;
        timer.start();
        const QString html = Guidance::toHtml(e);
        QVERIFY2(timer.elapsed() < 2000, "quadratic time on unclosed openers");
        QVERIFY(html.startsWith(s("<p>*a _b **c __d *a")));
        QVERIFY(html.endsWith(s("__d `e ``f</p>\n")));
        QVERIFY(!html.contains(s("<em>")));
        QVERIFY(!html.contains(s("<strong>")));
        QVERIFY(!html.contains(s("<code>")));
    }

    void htmlOfARealEntry()
    {
        const std::optional<GuidanceEntry> e = Guidance::entry(s("driver.service_not_running"));
        QVERIFY(e.has_value());
        const QString html = Guidance::toHtml(*e);
        QVERIFY(html.startsWith(s("<h1>Tanium Driver service not running</h1>\n<p><em>")));
        QVERIFY(html.contains(s("<h2>Corrective action</h2>\n<ol>\n<li>")));
        QVERIFY(html.contains(s("<h2>Where to act in Tanium</h2>\n<ul>\n<li><code>")));
        QVERIFY(html.contains(s("<code>SERVICE_RUNNING</code>")));
        QVERIFY(html.endsWith(s("<h2>Procedure section</h2>\n<p>") +
                              s(findingKind(s("driver.service_not_running"))->procedure) +
                              s("</p>\n")));
    }
};

QTEST_GUILESS_MAIN(TestGuidance)
#include "tst_guidance.moc"
