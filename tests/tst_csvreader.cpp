#include "import/CsvReader.h"

#include "TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QStringEncoder>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

using namespace trh;

namespace {

using Values = std::vector<std::string>;
using Row = std::vector<Values>;
using Rows = std::vector<Row>;

// The reader reads 1 MiB at a time (a private constant of CsvReader.cpp); the chunk
// boundary tests place records across multiples of it.
constexpr qsizetype kChunk = qsizetype(1) << 20;

// Records everything the reader hands over, copying the views (they die with the call).
class RecordingSink : public TableSink
{
public:
    bool header(const std::vector<std::string> &names, const SourcePos &pos) override
    {
        ++headers;
        columns = names;
        headerLine = pos.line;
        return !stopAtHeader;
    }
    bool row(const std::vector<CellValues> &cells, const SourcePos &pos) override
    {
        if (cells.size() != columns.size())
            ++badRowShapes;
        Row r;
        r.reserve(cells.size());
        for (const CellValues &cell : cells) {
            Values v;
            for (std::string_view value : cell)
                v.emplace_back(value);
            r.push_back(std::move(v));
        }
        rows.push_back(std::move(r));
        rowLines.push_back(pos.line);
        return stopAtRow < 0 || int(rows.size()) < stopAtRow;
    }
    void warning(const QString &message, const SourcePos &pos) override
    {
        warnings << message;
        warningLines.push_back(pos.line);
    }

    bool stopAtHeader = false;
    int stopAtRow = -1; // return false from the row() call that receives this row (1-based)

    int headers = 0;
    std::vector<std::string> columns;
    std::int64_t headerLine = 0;
    Rows rows;
    std::vector<std::int64_t> rowLines;
    QStringList warnings;
    std::vector<std::int64_t> warningLines;
    int badRowShapes = 0;
};

// A sequential device that hands out its data a few bytes per read, so that every byte
// boundary of a small file becomes a chunk boundary somewhere.
class TrickleDevice : public QIODevice
{
public:
    explicit TrickleDevice(QByteArray data) : m_data(std::move(data)) {}
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_pos + QIODevice::bytesAvailable();
    }
    int reads = 0;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        static const int pieces[] = {1, 3, 2, 5, 1, 7, 4, 1, 2, 11, 6};
        const qint64 piece = pieces[reads % int(std::size(pieces))];
        const qint64 n = std::min({maxSize, piece, qint64(m_data.size() - m_pos)});
        std::memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        ++reads;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

struct Parsed
{
    ReadResult result;
    CsvFormat format;
    RecordingSink sink;
};

Parsed parseDevice(QIODevice &device, const RecordingSink &sink = {}, bool lenient = false)
{
    Parsed p;
    p.sink = sink;
    p.format.delimiter = '?';
    p.result = CsvReader::read(device, p.sink, &p.format, lenient);
    return p;
}

Parsed parseBytes(QByteArray bytes, const RecordingSink &sink = {}, bool lenient = false)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return parseDevice(buffer, sink, lenient);
}

QByteArray fixtureBytes(const char *name)
{
    const QString path = test::fixture(QStringLiteral("csv/") + QLatin1String(name));
    const QByteArray bytes = test::readAll(path);
    if (bytes.isEmpty() && QFile(path).size() != 0)
        qFatal("cannot read fixture %s", qPrintable(path));
    return bytes;
}

Parsed parseFixture(const char *name, bool lenient = false)
{
    QFile file(test::fixture(QStringLiteral("csv/") + QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", name);
    return parseDevice(file, {}, lenient);
}

// An unambiguous text form of values, so that a failing QCOMPARE shows what differs.
QString dumpValue(const std::string &v)
{
    QString out = QStringLiteral("\"");
    for (unsigned char c : v) {
        if (c == '"' || c == '\\')
            out += QLatin1Char('\\') + QLatin1Char(char(c));
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c < 0x20 || c >= 0x7F)
            out += QStringLiteral("\\x%1").arg(unsigned(c), 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(char(c));
    }
    return out + QLatin1Char('"');
}

QString dumpRow(const Row &row)
{
    QString out;
    for (const Values &cell : row) {
        QStringList values;
        for (const std::string &v : cell)
            values << dumpValue(v);
        out += QLatin1Char('[') + values.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    return out;
}

QString dump(const Rows &rows)
{
    QStringList out;
    for (const Row &row : rows)
        out << dumpRow(row);
    return out.join(QLatin1Char('\n'));
}

QString dumpColumns(const std::vector<std::string> &columns)
{
    QStringList out;
    for (const std::string &c : columns)
        out << dumpValue(c);
    return out.join(QLatin1Char(','));
}

QString dumpLines(const std::vector<std::int64_t> &lines)
{
    QStringList out;
    for (std::int64_t l : lines)
        out << QString::number(l);
    return out.join(QLatin1Char(','));
}

// Everything observable about one read, for comparing two ways of reading the same data.
QString dumpAll(const Parsed &p)
{
    return QStringLiteral("status=%1 error=%2 records=%3 encoding=%4 delimiter=%5\n"
                          "headers=%6 line=%7 columns=%8\nrows=%9\nlines=%10\n"
                          "warnings=%11 at %12 badShapes=%13")
        .arg(int(p.result.status))
        .arg(p.result.error)
        .arg(p.result.records)
        .arg(p.format.encoding)
        .arg(int(p.format.delimiter))
        .arg(p.sink.headers)
        .arg(p.sink.headerLine)
        .arg(dumpColumns(p.sink.columns))
        .arg(dump(p.sink.rows))
        .arg(dumpLines(p.sink.rowLines))
        .arg(p.sink.warnings.join(QLatin1Char('|')))
        .arg(dumpLines(p.sink.warningLines))
        .arg(p.sink.badRowShapes);
}

QByteArray encode(const QString &text, QStringConverter::Encoding encoding)
{
    QStringEncoder encoder(encoding);
    QByteArray bytes = encoder.encode(text);
    if (encoding == QStringConverter::Utf16LE)
        bytes.prepend("\xFF\xFE", 2);
    else if (encoding == QStringConverter::Utf16BE)
        bytes.prepend("\xFE\xFF", 2);
    return bytes;
}

const char *const kInvalidUtf8 =
    "bytes are not valid UTF-8 (the file may be in another encoding; re-export as UTF-8)";
const char *const kInvalidUtf16 = "bytes are not valid UTF-16 (unpaired surrogate or odd byte "
                                  "count)";

QString failure(int line, const char *what)
{
    return QStringLiteral("line %1: %2").arg(line).arg(QString::fromUtf8(what));
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private slots:
    void simpleFile()
    {
        const Parsed p = parseFixture("simple.csv");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.result.error, QString());
        QCOMPARE(p.result.records, 3);
        QCOMPARE(p.format.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(p.format.delimiter, ',');
        QCOMPARE(p.sink.headers, 1);
        QCOMPARE(p.sink.headerLine, 1);
        QCOMPARE(dumpColumns(p.sink.columns),
                 dumpColumns({"Computer Name", "IP Address", "Operating System"}));
        QCOMPARE(dump(p.sink.rows), dump(Rows{
                                        {{"host-a"}, {"10.0.0.1"}, {"Windows 10"}},
                                        {{"host-b"}, {"10.0.0.2"}, {"Ubuntu 22.04"}},
                                        {{"host-c"}, {"10.0.0.3"}, {"macOS 14"}},
                                    }));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2,3,4"));
        QCOMPARE(p.sink.warnings, QStringList());
    }

    void quotedFields()
    {
        const Parsed p = parseFixture("quoted.csv");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.result.records, 4);
        QCOMPARE(dumpColumns(p.sink.columns), dumpColumns({"Name", "Comment", "Extra"}));
        QCOMPARE(dump(p.sink.rows),
                 dump(Rows{
                     {{"host, one"}, {"say \"hi\""}, {"x"}},
                     // Whitespace around an unquoted field is kept for the caller to trim.
                     {{"host-2"}, {"line 1", "line 2"}, {"  spaced  "}},
                     // A stray quote in an unquoted field is literal.
                     {{"host-3"}, {"6\" disk"}, {"a\"bc"}},
                     {{"host-4"}, {""}, {"\""}},
                 }));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2,3,5,6"));
        QCOMPARE(p.sink.warnings, QStringList());
    }

    void crlfAndLf_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("LF") << QStringLiteral("multiline_lf.csv");
        QTest::newRow("CRLF") << QStringLiteral("multiline_crlf.csv");
    }
    void crlfAndLf()
    {
        QFETCH(QString, fixture);
        const Parsed p = parseFixture(fixture.toUtf8().constData());
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.result.records, 4);
        QCOMPARE(p.sink.headerLine, 1);
        QCOMPARE(dumpColumns(p.sink.columns),
                 dumpColumns({"Computer Name", "Installed Patches", "Count"}));
        QCOMPARE(dump(p.sink.rows), dump(Rows{
                                        {{"host-a"}, {"KB1", "KB2", "KB3"}, {"3"}},
                                        {{"host-b"}, {"KB9"}, {"1"}},
                                        {{"host-c"}, {"", "KB4", ""}, {"1"}},
                                        {{"host-d"}, {""}, {"0"}},
                                    }));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2,5,6,9"));
        QCOMPARE(p.sink.warnings, QStringList());
    }

    void multiLineValuesStripCR()
    {
        const Parsed p = parseBytes("A,B\r\n"
                                    "\"a\r\nb\r\n\r\nc\r\",\"x\ry\"\r\n"
                                    "\"d\r\r\ne\",\"\n\"\r\n");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(dump(p.sink.rows), dump(Rows{
                                        // One trailing \r per value is dropped; a \r
                                        // elsewhere is data.
                                        {{"a", "b", "", "c"}, {"x\ry"}},
                                        {{"d\r", "e"}, {"", ""}},
                                    }));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2,6"));
    }

    void bomUtf8()
    {
        const Parsed p = parseFixture("bom_utf8.csv");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.format.encoding, QStringLiteral("UTF-8 (BOM)"));
        QCOMPARE(dumpColumns(p.sink.columns), dumpColumns({"Computer Name", "User"}));
        QCOMPARE(dump(p.sink.rows), dump(Rows{{{"Büro-PC"}, {"jürgen"}}}));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2"));
    }

    void utf16_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("LE") << QStringLiteral("utf16le.csv") << QStringLiteral("UTF-16LE");
        QTest::newRow("BE") << QStringLiteral("utf16be.csv") << QStringLiteral("UTF-16BE");
    }
    void utf16()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, encoding);
        const Parsed p = parseFixture(fixture.toUtf8().constData());
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.result.error, QString());
        QCOMPARE(p.format.encoding, encoding);
        QCOMPARE(p.format.delimiter, ',');
        QCOMPARE(dumpColumns(p.sink.columns), dumpColumns({"Computer Name", "Note"}));
        QCOMPARE(dump(p.sink.rows), dump(Rows{
                                        {{"Büro-PC-ü"}, {"ok 😀", "line 2"}},
                                        {{"host-b"}, {"€ 5"}},
                                    }));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2,4"));
    }

    // Surrogate pairs, multi-byte UTF-8 sequences, doubled quotes and CRLFs cut by the
    // 1 MiB and 2 MiB chunk boundaries at every offset, in a file of over 3 MiB.
    void chunkBoundaries_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::newRow("UTF-8") << int(QStringConverter::Utf8);
        QTest::newRow("UTF-16LE") << int(QStringConverter::Utf16LE);
        QTest::newRow("UTF-16BE") << int(QStringConverter::Utf16BE);
    }
    void chunkBoundaries()
    {
        QFETCH(int, encoding);
        const auto enc = QStringConverter::Encoding(encoding);
        const bool utf16 = enc != QStringConverter::Utf8;
        // Offsets are counted in code units of the encoding: bytes, or UTF-16 units after
        // the 2-byte BOM.
        auto units = [&](const QString &s) { return utf16 ? s.size() : s.toUtf8().size(); };
        auto boundary = [&](qsizetype k) { return utf16 ? (k * kChunk - 2) / 2 : k * kChunk; };
        const QString probe = QStringLiteral("probe-ü😀,\"a\"\"b\r\nc😀d\r\n\"\"e\"\"\"\r\n");
        const Row probeRow = {{"probe-ü😀"}, {"a\"b", "c😀d", "\"e\""}};
        const qsizetype probeUnits = units(probe);
        const qsizetype total = (utf16 ? 3 * kChunk / 2 : 3 * kChunk) + 1000;

        for (qsizetype shift = 0; shift <= probeUnits; ++shift) {
            QString text = QStringLiteral("Name,Value\n");
            qsizetype length = text.size(); // in units; everything but the probe is ASCII
            std::int64_t line = 2;          // of the next record
            std::vector<std::int64_t> lines;
            Rows expected;
            // ASCII filler rows up to `target` units.
            auto pad = [&](qsizetype target) {
                qsizetype rest = target - length;
                QVERIFY(rest == 0 || rest >= 3);
                while (rest > 0) {
                    const qsizetype n = rest <= 1000 ? rest : (rest - 1000 < 3 ? 900 : 1000);
                    text +=
                        QStringLiteral("f,") + QString(n - 3, QLatin1Char('x')) + QLatin1Char('\n');
                    expected.push_back({{"f"}, {std::string(size_t(n - 3), 'x')}});
                    lines.push_back(line++);
                    length += n;
                    rest -= n;
                }
            };
            for (qsizetype k = 1; k <= 2; ++k) {
                // The probe starts `shift` units before the boundary.
                pad(boundary(k) - shift);
                text += probe;
                length += probeUnits;
                expected.push_back(probeRow);
                lines.push_back(line);
                line += 3;
                const QString after = QStringLiteral("after,%1\n").arg(k);
                text += after;
                length += after.size();
                expected.push_back({{"after"}, {std::to_string(k)}});
                lines.push_back(line++);
            }
            pad(total);

            const QByteArray bytes = encode(text, enc);
            QVERIFY(bytes.size() > 3 * kChunk);
            const Parsed p = parseBytes(bytes);
            const QString tag = QStringLiteral("shift %1: ").arg(shift);
            QCOMPARE(tag + p.result.error, tag);
            QCOMPARE(p.result.status, ReadStatus::Ok);
            QCOMPARE(p.result.records, std::int64_t(expected.size()));
            // Dumping 3 MiB is slow: only to show a difference.
            if (p.sink.rows != expected)
                QCOMPARE(tag + dump(p.sink.rows), tag + dump(expected));
            QCOMPARE(tag + dumpLines(p.sink.rowLines), tag + dumpLines(lines));
            QCOMPARE(p.sink.warnings, QStringList());
        }
    }

    // Small files handed over a few bytes per read: every byte boundary (inside UTF-8
    // sequences, UTF-16 code units, surrogate pairs, "", CRLF) is a chunk boundary once.
    // The result must equal reading the file in one piece, down to errors and lines.
    void trickle_data()
    {
        QTest::addColumn<QString>("fixture");
        const char *const fixtures[] = {
            "simple.csv",       "quoted.csv",           "multiline_lf.csv", "multiline_crlf.csv",
            "bom_utf8.csv",     "utf16le.csv",          "utf16be.csv",      "semicolon.csv",
            "tab.csv",          "repeated_headers.csv", "ragged.csv",       "blank_lines.csv",
            "unterminated.csv", "invalid_utf8.csv",     "empty.csv",        "bom_only.csv",
        };
        for (const char *f : fixtures)
            QTest::newRow(f) << QString::fromUtf8(f);
    }
    void trickle()
    {
        QFETCH(QString, fixture);
        const QByteArray bytes = fixtureBytes(fixture.toUtf8().constData());
        // Lenient, so that damaged fixtures are read to their end too.
        const Parsed whole = parseBytes(bytes, {}, true);
        TrickleDevice device(bytes);
        QVERIFY(device.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        const Parsed trickled = parseDevice(device, {}, true);
        QCOMPARE(dumpAll(trickled), dumpAll(whole));
        // The device really was read in small pieces.
        QVERIFY2(device.reads >= bytes.size() / 4,
                 qPrintable(QStringLiteral("%1 reads").arg(device.reads)));
    }

    void delimiterSniffing_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<int>("columns");
        QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << ',' << 3;
        QTest::newRow("semicolon") << QByteArray("a;b;c\n1;2;3\n") << ';' << 3;
        QTest::newRow("tab") << QByteArray("a\tb\tc\n1\t2\t3\n") << '\t' << 3;
        QTest::newRow("tie comma-semicolon") << QByteArray("a;b,c\n") << ',' << 2;
        QTest::newRow("tie semicolon-tab") << QByteArray("a\tb;c\n") << ';' << 2;
        QTest::newRow("most frequent") << QByteArray("a\tb\tc;d;e,f\n") << ';' << 3;
        QTest::newRow("single column") << QByteArray("Computer Name\nhost-a\n") << ',' << 1;
        QTest::newRow("quoted commas") << QByteArray("\"a,b,c\";d\n") << ';' << 2;
        QTest::newRow("doubled quote") << QByteArray("\"x\"\",y,z\";d\n") << ';' << 2;
        QTest::newRow("stray quote") << QByteArray("a\"b,c\";d;e\n") << ';' << 3;
        QTest::newRow("newline in quotes") << QByteArray("\"multi\nline,,,\";x\n") << ';' << 2;
        QTest::newRow("only the header line") << QByteArray("a;b\n1,2,3;4,5\n") << ';' << 2;
        QTest::newRow("no newline") << QByteArray("a\tb") << '\t' << 2;
    }
    void delimiterSniffing()
    {
        QFETCH(QByteArray, data);
        QFETCH(char, delimiter);
        QFETCH(int, columns);
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.format.delimiter, delimiter);
        QCOMPARE(int(p.sink.columns.size()), columns);
    }

    void semicolonAndTabFiles()
    {
        const Parsed semi = parseFixture("semicolon.csv");
        QCOMPARE(semi.result.status, ReadStatus::Ok);
        QCOMPARE(semi.format.delimiter, ';');
        QCOMPARE(dumpColumns(semi.sink.columns),
                 dumpColumns({"Name", "Value, with comma", "Other"}));
        QCOMPARE(dump(semi.sink.rows), dump(Rows{{{"host-a"}, {"1,5"}, {"x;y"}}}));

        const Parsed tab = parseFixture("tab.csv");
        QCOMPARE(tab.result.status, ReadStatus::Ok);
        QCOMPARE(tab.format.delimiter, '\t');
        QCOMPARE(dumpColumns(tab.sink.columns), dumpColumns({"Name", "Value", "Other"}));
        QCOMPARE(dump(tab.sink.rows), dump(Rows{{{"host-a"}, {"1,5; 2"}, {"x\ty"}}}));
    }

    void repeatedHeaderNames()
    {
        const Parsed p = parseFixture("repeated_headers.csv");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        // Surrounding spaces of a column name are trimmed, nothing else.
        QCOMPARE(dumpColumns(p.sink.columns), dumpColumns({"Name", "Value", "Value", "Name"}));
        QCOMPARE(dump(p.sink.rows), dump(Rows{{{"h1"}, {"a"}, {"b"}, {"c"}}}));
    }

    void headerNamesKeepInnerText()
    {
        const Parsed p =
            parseBytes("  \"Last, First\" ,\" Quoted \",\"two\nlines\",\t x \n1,2,3,4,5\n");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        // The first field starts with spaces, so its quotes are literal text.
        QCOMPARE(dumpColumns(p.sink.columns),
                 dumpColumns({"\"Last", "First\"", "Quoted", "two\nlines", "\t x"}));
        QCOMPARE(p.sink.rows.size(), size_t(1));
        QCOMPARE(p.sink.warnings, QStringList());
    }

    // A row whose number of cells differs from the header's is damage (a file cut off in
    // the middle ends like that): refused at its line, or skipped by a lenient read.
    void raggedRows()
    {
        const Parsed p = parseFixture("ragged.csv");
        QCOMPARE(p.result.status, ReadStatus::Failed);
        QCOMPARE(p.result.error,
                 failure(2, "3 cells, the header has 5 (a damaged or cut-off CSV file)"));
        QVERIFY(p.result.damaged);
        QCOMPARE(p.result.records, 0);

        const Parsed l = parseFixture("ragged.csv", true);
        QCOMPARE(l.result.status, ReadStatus::Ok);
        QVERIFY(l.result.damaged);
        QCOMPARE(l.result.records, 1);
        QCOMPARE(l.result.skippedRecords, 3);
        QCOMPARE(p.sink.badRowShapes, 0);
        QCOMPARE(dump(l.sink.rows), dump(Rows{{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}}}));
        QCOMPARE(l.sink.warnings,
                 (QStringList{
                     QStringLiteral("3 cells, the header has 5; the row (from line 2) "
                                    "was skipped (lenient import)"),
                     QStringLiteral("7 cells, the header has 5; the row (from line 3) "
                                    "was skipped (lenient import)"),
                     QStringLiteral("1 cell, the header has 5; the row (from line 4) "
                                    "was skipped (lenient import)"),
                 }));
        QCOMPARE(dumpLines(l.sink.warningLines), QStringLiteral("2,3,4"));
    }

    // Text between a closing quote and the delimiter or line end is damage; the line named
    // is the one where the quote closed.
    void textAfterClosingQuote_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::newRow("middle") << QByteArray("A,B\n1,\"x\"y\n2,z\n") << 2;
        QTest::newRow("space") << QByteArray("A,B\n1,2\n3,\"x\" \n") << 3;
        QTest::newRow("last field, no line end") << QByteArray("A,B\n1,\"x\"yz") << 2;
        QTest::newRow("multi-line cell") << QByteArray("A,B\n1,\"x\ny\"z,\n") << 3;
        QTest::newRow("before a delimiter") << QByteArray("A,B,C\n\"1\"2,3,4\n") << 2;
    }
    void textAfterClosingQuote()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.status, ReadStatus::Failed);
        QCOMPARE(p.result.error, failure(line, "text after the closing quote of a quoted cell (a "
                                               "damaged or cut-off CSV file)"));
        const Parsed l = parseBytes(data, {}, true);
        QCOMPARE(l.result.status, ReadStatus::Ok);
        QCOMPARE(l.result.skippedRecords, 1);
        QCOMPARE(l.sink.warningLines.size(), size_t(1));
        QCOMPARE(l.sink.warningLines.front(), std::int64_t(line));
    }

    // What stays allowed after a closing quote: the delimiter, LF, CRLF, the end of the file.
    void cleanAfterClosingQuote()
    {
        const Parsed p = parseBytes("A,B\r\n\"1\",\"2\"\r\n\"3\",\"4\"");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(dump(p.sink.rows), dump(Rows{{{"1"}, {"2"}}, {{"3"}, {"4"}}}));
        QCOMPARE(p.sink.warnings, QStringList());
    }

    // A damaged header is refused even by a lenient read: nothing could be read after it.
    void damagedHeaderIsAlwaysRefused()
    {
        const Parsed p = parseBytes("\"A\"x,B\n1,2\n", {}, true);
        QCOMPARE(p.result.status, ReadStatus::Failed);
        QCOMPARE(p.result.error, failure(1, "text after the closing quote of a quoted cell (a "
                                            "damaged or cut-off CSV file)"));
    }

    void emptyFiles_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("0 bytes") << fixtureBytes("empty.csv") << QStringLiteral("UTF-8");
        QTest::newRow("BOM only") << fixtureBytes("bom_only.csv") << QStringLiteral("UTF-8 (BOM)");
        QTest::newRow("whitespace") << QByteArray("  \n\r\n\t\n \r\n") << QStringLiteral("UTF-8");
        QTest::newRow("newlines") << QByteArray("\n\n\n") << QStringLiteral("UTF-8");
        QTest::newRow("UTF-16LE BOM only")
            << QByteArray("\xFF\xFE", 2) << QStringLiteral("UTF-16LE");
        QTest::newRow("UTF-16BE BOM and whitespace")
            << QByteArray("\xFE\xFF\0 \0\r\0\n", 8) << QStringLiteral("UTF-16BE");
    }
    void emptyFiles()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, encoding);
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.status, ReadStatus::Failed);
        QCOMPARE(p.result.error, QStringLiteral("the file is empty"));
        QCOMPARE(p.format.encoding, encoding);
        QCOMPARE(p.sink.headers, 0);
        QCOMPARE(p.result.records, 0);
    }

    void binaryData()
    {
        // The start of a ZIP file: valid UTF-8 up to its first NUL byte.
        const Parsed zip = parseBytes(QByteArray("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10));
        QCOMPARE(zip.result.status, ReadStatus::Failed);
        QCOMPARE(zip.result.error, failure(1, "binary data (NUL byte) — not a CSV export"));

        const Parsed late = parseBytes(QByteArray("A,B\n1,2\n3,\0\n", 12));
        QCOMPARE(late.result.status, ReadStatus::Failed);
        QCOMPARE(late.result.error, failure(3, "binary data (NUL byte) — not a CSV export"));
        QCOMPARE(late.result.records, 1);

        // U+0000 in UTF-16 is the same.
        const Parsed wide = parseBytes(QByteArray("\xFF\xFE"
                                                  "A\0\n\0x\0\0\0",
                                                  10));
        QCOMPARE(wide.result.status, ReadStatus::Failed);
        QCOMPARE(wide.result.error, failure(2, "binary data (NUL byte) — not a CSV export"));

        // Pseudo-random garbage: 5000 ASCII bytes (with newlines, quotes, control
        // characters) then arbitrary bytes. Worked out independently: the first invalid
        // byte is byte 5000 (0x83, a lone continuation byte), on line 32.
        QByteArray garbage;
        quint32 x = 4711;
        for (int i = 0; i < 8192; ++i) {
            x = (x * 1103515245u + 12345u) & 0x7FFFFFFFu;
            quint32 v = (x >> 16) & 0xFF;
            if (i < 5000)
                v = 1 + v % 127;
            garbage.append(char(v));
        }
        QCOMPARE(quint8(garbage[5000]), quint8(0x83));
        // Lenient: the garbage's ragged rows are skipped until the bad byte stops the read.
        const Parsed g = parseBytes(garbage, {}, true);
        QCOMPARE(g.result.status, ReadStatus::Failed);
        QCOMPARE(g.result.error, failure(32, kInvalidUtf8));
    }

    void invalidUtf8_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("records");
        QTest::newRow("fixture (Latin-1)") << fixtureBytes("invalid_utf8.csv") << 3 << 1;
        QTest::newRow("in header") << QByteArray("Comp\xE9ter,B\n1,2\n") << 1 << 0;
        QTest::newRow("in multi-line cell") << QByteArray("A,B\n1,\"x\ny\n\xC3\x28\"\n") << 4 << 0;
        QTest::newRow("lone continuation") << QByteArray("A\n\x80\n") << 2 << 0;
        QTest::newRow("overlong") << QByteArray("A\n\xC0\xAF\n") << 2 << 0;
        QTest::newRow("overlong 3 bytes") << QByteArray("A\n\xE0\x80\xAF\n") << 2 << 0;
        QTest::newRow("surrogate") << QByteArray("A\n\xED\xA0\x80\n") << 2 << 0;
        QTest::newRow("above U+10FFFF") << QByteArray("A\n\xF4\x90\x80\x80\n") << 2 << 0;
        QTest::newRow("F5") << QByteArray("A\n\xF5\x80\x80\x80\n") << 2 << 0;
        QTest::newRow("FF") << QByteArray("A\n1\n\xFF\n") << 3 << 1;
        QTest::newRow("truncated at EOF") << QByteArray("A\n1\n\xE2\x82") << 3 << 1;
        QTest::newRow("truncated before ASCII") << QByteArray("A\n\xE2\x82x\n") << 2 << 0;
        QTest::newRow("after blank lines") << QByteArray("\n\n \xA0\n") << 3 << 0;
    }
    void invalidUtf8()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        QFETCH(int, records);
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.status, ReadStatus::Failed);
        QCOMPARE(p.result.error, failure(line, kInvalidUtf8));
        QCOMPARE(p.result.records, records);
    }

    void validUtf8Accepted()
    {
        // Boundaries of each sequence length, and the extremes of the ranges that the lead
        // byte restricts.
        const QByteArray values[] = {
            "\xC2\x80",         "\xDF\xBF",     "\xE0\xA0\x80",     "\xED\x9F\xBF",
            "\xEE\x80\x80",     "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
            "\xF3\xBF\xBF\xBF", "\x7F",
        };
        QByteArray data("V\n");
        Rows expected;
        for (const QByteArray &v : values) {
            data += v + '\n';
            expected.push_back({{v.toStdString()}});
        }
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.error, QString());
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(dump(p.sink.rows), dump(expected));
    }

    void invalidUtf16_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        // UTF-16LE unless noted.
        QTest::newRow("lone high surrogate") << QByteArray("\xFF\xFE"
                                                           "A\0\n\0"
                                                           "\x3D\xD8x\0\n\0",
                                                           12)
                                             << 2;
        QTest::newRow("lone low surrogate") << QByteArray("\xFF\xFE"
                                                          "A\0\n\0\n\0"
                                                          "\x00\xDE\n\0",
                                                          12)
                                            << 3;
        QTest::newRow("high surrogate at EOF") << QByteArray("\xFF\xFE"
                                                             "A\0\n\0"
                                                             "\x3D\xD8",
                                                             8)
                                               << 2;
        QTest::newRow("odd byte count") << QByteArray("\xFF\xFE"
                                                      "A\0\n\0x",
                                                      7)
                                        << 2;
        QTest::newRow("BE lone high surrogate") << QByteArray("\xFE\xFF"
                                                              "\0A\0\n"
                                                              "\xD8\x3D\0x",
                                                              10)
                                                << 2;
    }
    void invalidUtf16()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.status, ReadStatus::Failed);
        QCOMPARE(p.result.error, failure(line, kInvalidUtf16));
    }

    void unterminatedQuote()
    {
        const char *const never =
            "a quoted cell is opened and never closed (a damaged or cut-off CSV file)";
        const Parsed p = parseFixture("unterminated.csv");
        QCOMPARE(p.result.status, ReadStatus::Failed);
        QCOMPARE(p.result.error, failure(3, never));
        QVERIFY(p.result.damaged);
        QCOMPARE(p.result.records, 1);

        // A lenient read keeps the rows before the quote; the rest of the file is one cell.
        const Parsed l = parseFixture("unterminated.csv", true);
        QCOMPARE(l.result.status, ReadStatus::Ok);
        QCOMPARE(l.result.records, 1);
        QCOMPARE(l.result.skippedRecords, 1);
        QCOMPARE(dump(l.sink.rows), dump(Rows{{{"host-a"}, {"1"}}}));
        QCOMPARE(dumpLines(l.sink.warningLines), QStringLiteral("3"));

        const Parsed header = parseBytes("A,\"B\nC", {}, true);
        QCOMPARE(header.result.status, ReadStatus::Failed);
        QCOMPARE(header.result.error, failure(1, never));
        QCOMPARE(header.sink.headers, 0);

        const Parsed late = parseBytes("A,B\n\"x\ny\",\"\n\n\"\"");
        QCOMPARE(late.result.status, ReadStatus::Failed);
        QCOMPARE(late.result.error, failure(3, never));
    }

    void lastLineWithoutNewline_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("rows");
        QTest::addColumn<int>("warnings");
        QTest::newRow("plain") << QByteArray("A,B\n1,2") << dump(Rows{{{"1"}, {"2"}}}) << 0;
        QTest::newRow("trailing delimiter")
            << QByteArray("A,B\n1,") << dump(Rows{{{"1"}, {""}}}) << 0;
        QTest::newRow("closing quote")
            << QByteArray("A,B\n1,\"2\"") << dump(Rows{{{"1"}, {"2"}}}) << 0;
        QTest::newRow("CR") << QByteArray("A,B\r\n1,2\r") << dump(Rows{{{"1"}, {"2"}}}) << 0;
    }
    void lastLineWithoutNewline()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, rows);
        QFETCH(int, warnings);
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(dump(p.sink.rows), rows);
        QCOMPARE(p.sink.warnings.size(), warnings);
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2"));
    }

    void sinkStops()
    {
        RecordingSink atHeader;
        atHeader.stopAtHeader = true;
        const Parsed h = parseBytes(fixtureBytes("simple.csv"), atHeader);
        QCOMPARE(h.result.status, ReadStatus::Stopped);
        QCOMPARE(h.result.error, QString());
        QCOMPARE(h.result.records, 0);
        QCOMPARE(h.sink.headers, 1);
        QCOMPARE(h.sink.rows.size(), size_t(0));

        // The row whose row() call returned false was delivered, and is counted.
        RecordingSink atRow;
        atRow.stopAtRow = 2;
        const Parsed r = parseBytes(fixtureBytes("simple.csv"), atRow);
        QCOMPARE(r.result.status, ReadStatus::Stopped);
        QCOMPARE(r.result.records, 2);
        QCOMPARE(dump(r.sink.rows), dump(Rows{
                                        {{"host-a"}, {"10.0.0.1"}, {"Windows 10"}},
                                        {{"host-b"}, {"10.0.0.2"}, {"Ubuntu 22.04"}},
                                    }));

        // Also when the stopping row is the last one and has no line end.
        RecordingSink atLast;
        atLast.stopAtRow = 1;
        const Parsed l = parseBytes("A\nx", atLast);
        QCOMPARE(l.result.status, ReadStatus::Stopped);
        QCOMPARE(l.result.records, 1);
    }

    void blankLinesSkipped()
    {
        const Parsed p = parseFixture("blank_lines.csv");
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.sink.headerLine, 3);
        QCOMPARE(dumpColumns(p.sink.columns), dumpColumns({"Name", "Value"}));
        QCOMPARE(dump(p.sink.rows), dump(Rows{
                                        {{"host-a"}, {"1"}},
                                        {{"host-b"}, {"x", "", "y"}},
                                    }));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("5,8"));
        QCOMPARE(p.sink.warnings, QStringList());
        QCOMPARE(p.result.records, 2);

        // A line with only spaces after the header is a (short, so damaged) row, not a blank
        // line.
        const Parsed spaces = parseBytes("A,B\n  \n");
        QCOMPARE(spaces.result.error,
                 failure(2, "1 cell, the header has 2 (a damaged or cut-off CSV file)"));
        // So is a quoted empty field in a one-column file.
        const Parsed quoted = parseBytes("A\n\"\"\n\n");
        QCOMPARE(dump(quoted.sink.rows), dump(Rows{{{""}}}));
    }

    void lineNumbersAfterMultiLineCells_data()
    {
        QTest::addColumn<QByteArray>("newline");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
    }
    void lineNumbersAfterMultiLineCells()
    {
        QFETCH(QByteArray, newline);
        QByteArray fourteen;
        Values fourteenValues;
        for (int i = 1; i <= 14; ++i) {
            const QByteArray v = "KB" + QByteArray::number(i);
            fourteen += (i > 1 ? newline : QByteArray()) + v;
            fourteenValues.push_back(v.toStdString());
        }
        // Line numbers: header 1; "a" 2-41 (three cells of 13 inner line breaks each);
        // "b" 42; blank 43; "c" 44-47; "d" 48; "e" 49-50.
        QByteArray data = "Name,Patches,Services,Apps" + newline;
        data += "a,\"" + fourteen + "\",\"" + fourteen + "\",\"" + fourteen + "\"" + newline;
        data += "b,x,y,z" + newline;
        data += newline;
        data += "c,\"1" + newline + "2\",\"3" + newline + newline + "4\"," + newline;
        data += "d,short,," + newline;
        data += "e,\"" + newline + "\",," + newline;
        const Parsed p = parseBytes(data);
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(dump(p.sink.rows), dump(Rows{
                                        {{"a"}, fourteenValues, fourteenValues, fourteenValues},
                                        {{"b"}, {"x"}, {"y"}, {"z"}},
                                        {{"c"}, {"1", "2"}, {"3", "", "4"}, {""}},
                                        {{"d"}, {"short"}, {""}, {""}},
                                        {{"e"}, {"", ""}, {""}, {""}},
                                    }));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2,42,44,48,49"));
        QCOMPARE(p.sink.warnings, QStringList());
    }

    void largeCells()
    {
        // A 10 MB cell (10 chunks) is fine.
        const std::string big(10'000'000, 'v');
        QByteArray ok = "A,B\n1,\"";
        ok += QByteArray::fromStdString(big);
        ok += "\"\n2,x\n";
        const Parsed p = parseBytes(ok);
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(p.sink.rows.size(), size_t(2));
        QVERIFY(p.sink.rows[0][1] == Values{big});
        QCOMPARE(dumpRow(p.sink.rows[1]), dumpRow({{"2"}, {"x"}}));
        QCOMPARE(dumpLines(p.sink.rowLines), QStringLiteral("2,3"));

        // A record beyond 64 MiB is refused, naming its first line.
        QByteArray tooLong = "A,B\n1,2\n\"x\n";
        tooLong += QByteArray((qsizetype(64) << 20) + 1, 'y');
        tooLong += "\",z\n";
        const Parsed f = parseBytes(tooLong);
        QCOMPARE(f.result.status, ReadStatus::Failed);
        QCOMPARE(f.result.error, failure(3, "record longer than 64 MiB"));
        QCOMPARE(f.result.records, 1);
    }

    void readsFromCurrentPosition()
    {
        QByteArray bytes = "garbage\xFF\nA,B\n1,2\n";
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(buffer.seek(9));
        const Parsed p = parseDevice(buffer);
        QCOMPARE(p.result.status, ReadStatus::Ok);
        QCOMPARE(dumpColumns(p.sink.columns), dumpColumns({"A", "B"}));
        QCOMPARE(dump(p.sink.rows), dump(Rows{{{"1"}, {"2"}}}));
    }

    void unreadableDevice()
    {
        QBuffer closed;
        RecordingSink sink;
        const ReadResult r = CsvReader::read(closed, sink);
        QCOMPARE(r.status, ReadStatus::Failed);
        QCOMPARE(r.error, QStringLiteral("the file is not open for reading"));
        QCOMPARE(sink.headers, 0);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
