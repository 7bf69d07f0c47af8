// Names, notes and file names never reach the terminal raw (issue 16, item 4): control
// characters are printed as visible escapes in every human-readable output, so a value cannot
// recolour or clear the terminal, set its title, or split a line in two. JSON output keeps the
// values exactly (JSON escapes them itself).
#include "TestSupport.h"
#include "core/Printable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// No byte that a terminal acts on, other than the line ends and tabs of the output itself.
bool terminalSafe(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f)
            return false;
    }
    return !bytes.contains("\xc2\x9b") && !bytes.contains("\xe2\x80\xae");
}

} // namespace

class TestTerminalSafe : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    // A setting that clears the screen and sets the window title (names with control
    // characters are refused at import; values and keys are kept as they are).
    const QString m_key = s("DatabaseMaxSize\x1b[2J");
    const QString m_value = s("2048\x1b]0;pwned\x07");

private slots:
    void escapes()
    {
        QCOMPARE(printable(u"plain ÄÖÜ host-1"), s("plain ÄÖÜ host-1"));
        QCOMPARE(printable(u"a\x1b[31mred\r\nb\tc"), s("a\\e[31mred\\r\\nb\\tc"));
        QCOMPARE(printable(QString(QString(QChar(0x9b)) + s("2J"))), s("\\x9b2J"));
        QCOMPARE(printable(u"abc\u202Eexe.txt"), s("abc\\u{202e}exe.txt"));
        QCOMPARE(printable(u"bell\x07 del\x7f"), s("bell\\x07 del\\x7f"));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(s("ws.trdb"));
        const QByteArray csv = "Computer Name,Domain,Key,Value,Count\r\nWIN-1,recorder," +
                               m_key.toUtf8() + ",\"" + m_value.toUtf8() +
                               "\",1\r\nWIN-2,recorder,DatabaseMaxSize,1024,1\r\n";
        const QString file =
            m_dir.filePath(s("Get Client Health - Client Settings \x1b[5mblink.csv"));
        QVERIFY(test::writeFile(file, csv));
        const test::CliResult r =
            test::runCli({s("import"), s("--db"), m_db, s("--label"), s("month \x1b[8m"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(terminalSafe(r.out), r.out.constData());
        QVERIFY2(terminalSafe(r.err), r.err.constData());
        QVERIFY(r.out.contains("blink.csv"));
        QVERIFY(r.out.contains("\\e[5mblink.csv"));
    }

    void findingsAndSummary()
    {
        test::CliResult r = test::runCli({s("findings"), s("--db"), m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(terminalSafe(r.out), r.out.constData());
        QVERIFY2(r.out.contains("WIN-1\tsettings.non_default\trecorder/DatabaseMaxSize\\e[2J\t"
                                "2048\\e]0;pwned\\x07\n"),
                 r.out.constData());
        r = test::runCli({s("summary"), s("--db"), m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(terminalSafe(r.out), r.out.constData());
        QVERIFY(r.out.contains("month \\e[8m"));
        // JSON keeps the value itself.
        r = test::runCli({s("findings"), s("--db"), m_db, s("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(terminalSafe(r.out));
        bool found = false;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(r.out).object().value(s("findings")).toArray())
            found = found || v.toObject().value(s("detail")).toString() == m_value;
        QVERIFY(found);
    }

    void notes()
    {
        test::CliResult r = test::runCli({s("note"), s("add"), s("--db"), m_db, s("--endpoint"),
                                          s("WIN-2"), s("--code"), s("driver.unknown"), s("--text"),
                                          s("see \x1b]8;;http://x\x07link\nnext"), s("--author"),
                                          s("\x1b[31mmallory")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = test::runCli({s("note"), s("list"), s("--db"), m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(terminalSafe(r.out), r.out.constData());
        QCOMPARE(r.out.count('\n'), 1);
        QVERIFY(r.out.contains("\\e[31mmallory"));
    }

    void errorMessages()
    {
        const QString bad = m_dir.filePath(s("bad\x1b[2J\nname.csv"));
        QVERIFY(test::writeFile(bad, "Fruit,Colour\r\napple,red\r\n"));
        test::CliResult r = test::runCli({s("import"), s("--db"), m_db, bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(terminalSafe(r.err), r.err.constData());
        QVERIFY(r.err.contains("bad\\e[2J\\nname.csv"));
        r = test::runCli({s("no\x1b[2Jsuch")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(terminalSafe(r.err), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTerminalSafe)
#include "tst_terminalsafe.moc"
