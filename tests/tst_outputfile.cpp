// Outputs are written only to a regular file or a new name (issue 16, item 2): a device, a
// FIFO, a folder or a symbolic link out of its folder is refused, with exit 2 from the CLI, and
// left as it was.
#include "ReportTestSupport.h"
#include "core/OutputFile.h"
#include "views/SqlTableModel.h"
#include "views/TableExport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

bool isFifo(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

} // namespace

class TestOutputFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    QString path(const char *name) const { return m_dir.filePath(s(name)); }

    QString fifo(const char *name) const
    {
        const QString p = path(name);
        return ::mkfifo(QFile::encodeName(p).constData(), 0600) == 0 ? p : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkdir(s("elsewhere")));
        QVERIFY(QDir(m_dir.path()).mkdir(s("out")));
        m_db = test::demoWorkspace(m_dir.path(), 50);
        QVERIFY(!m_db.isEmpty());
    }

    void whatMayBeWritten()
    {
        QString why;
        QVERIFY2(OutputFile::check(path("new.pdf"), &why), qPrintable(why));
        QVERIFY(test::writeFile(path("old.pdf"), "old"));
        QVERIFY2(OutputFile::check(path("old.pdf"), &why), qPrintable(why));
        QVERIFY(test::writeFile(path("out/mine.html"), "old"));
        QVERIFY(QFile::link(s("mine.html"), path("out/link.html")));
        QVERIFY2(OutputFile::check(path("out/link.html"), &why), qPrintable(why));
    }

    void whatIsRefused_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("says");
        QTest::newRow("character device") << s("/dev/null") << s("a character device");
        QTest::newRow("FIFO") << fifo("pipe.html") << s("a FIFO");
        QTest::newRow("folder") << path("elsewhere") << s("a folder");
        QVERIFY(test::writeFile(path("elsewhere/theirs.html"), "theirs"));
        QVERIFY(QFile::link(path("elsewhere/theirs.html"), path("out/away.html")));
        QTest::newRow("link out of its folder") << path("out/away.html") << s("outside its folder");
    }
    void whatIsRefused()
    {
        QFETCH(QString, target);
        QFETCH(QString, says);
        QVERIFY(!target.isEmpty());
        QString why;
        QVERIFY(!OutputFile::check(target, &why));
        QVERIFY2(why.contains(says), qPrintable(why));
        QVERIFY2(why.startsWith(QDir::toNativeSeparators(target)), qPrintable(why));
    }

    void reportRefusesAFifoAndAForeignLink()
    {
        const QString pipe = fifo("report.html");
        QVERIFY(!pipe.isEmpty());
        for (const QString &option : {s("--html"), s("--pdf")}) {
            const test::CliResult r = test::runCli({s("report"), s("--db"), m_db, option, pipe});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("a FIFO (named pipe), not a regular file"), r.err.constData());
            QVERIFY(isFifo(pipe));
        }
        const test::CliResult r =
            test::runCli({s("report"), s("--db"), m_db, s("--html"), path("out/away.html")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("outside its folder"), r.err.constData());
        QFile theirs(path("elsewhere/theirs.html"));
        QVERIFY(theirs.open(QIODevice::ReadOnly));
        QCOMPARE(theirs.readAll(), QByteArray("theirs"));
        // A link inside its folder is followed: the file it names gets the report.
        QCOMPARE(test::runCli({s("report"), s("--db"), m_db, s("--html"), path("out/link.html")})
                     .exitCode,
                 0);
        QVERIFY(QFileInfo(path("out/link.html")).isSymLink());
        QVERIFY(QFileInfo(path("out/mine.html")).size() > 1000);
    }

    void exportRefusesAFifo()
    {
        const QString pipe = fifo("month.trhealth");
        QVERIFY(!pipe.isEmpty());
        const test::CliResult r =
            test::runCli({s("export"), s("--db"), m_db, s("--all"), s("--out"), pipe});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("a FIFO"), r.err.constData());
        QVERIFY(isFifo(pipe));
        QVERIFY(QDir(m_dir.path()).entryList({s("*.part")}, QDir::Files | QDir::Hidden).isEmpty());
    }

    void tableExportRefusesAFifo()
    {
        // The console's CSV and XLSX exports of a table go through these two.
        const QString pipe = fifo("table.csv");
        QVERIFY(!pipe.isEmpty());
        SqlTableRowQuery query;
        query.path = m_db;
        query.sql = "SELECT 1, 'x'";
        query.titles = {s("x")};
        QString why;
        QVERIFY(!TableExport::exportCsv(query, pipe, {}, &why));
        QVERIFY2(why.contains(s("a FIFO")), qPrintable(why));
        QVERIFY(!TableExport::exportXlsx(query, pipe, {}, &why));
        QVERIFY2(why.contains(s("a FIFO")), qPrintable(why));
        QVERIFY(isFifo(pipe));
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
