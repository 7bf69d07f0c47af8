// Header width is bounded (issue 16, item 3): a header of up to 4,096 columns is read, with
// its unknown columns listed once each; a wider one is refused at line 1 as soon as the
// reader gets there, so time and memory do not grow with it.
#include "TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A driver-version export with `extra` more columns x0, x1, … (one value each).
QByteArray wide(int extra)
{
    QByteArray header = "Computer Name,Tanium Driver Version,Count";
    QByteArray row = "WIN-1,1.2.0,1";
    for (int i = 0; i < extra; ++i) {
        header += ",x" + QByteArray::number(i);
        row += ",v";
    }
    return header + "\r\n" + row + "\r\n";
}

} // namespace

class TestWideHeader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    trh::test::CliResult import(const char *name, const QByteArray &content)
    {
        const QString file = m_dir.filePath(s(name));
        if (!trh::test::writeFile(file, content))
            return {};
        return trh::test::runCli(
            {s("import"), s("--db"), m_dir.filePath(s(name)) + s(".trdb"), s("--json"), file});
    }

private slots:
    void theWidestHeaderReadsWithEveryColumnListedOnce()
    {
        QVERIFY(m_dir.isValid());
        const trh::test::CliResult r = import("Tanium Driver Version.csv", wide(4096 - 3));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"x4092\""));
        QCOMPARE(r.out.count("\"x17\""), 1);
    }

    void aWiderOneIsRefusedAtOnce()
    {
        trh::test::CliResult r = import("wider.csv", wide(4096 - 2));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("line 1: more than 4096 columns"), r.err.constData());
        // 8 M one-byte columns (16 MB): refused with memory bounded by the limit, not the file.
        QByteArray huge = "Computer Name";
        huge.reserve(16 * 1024 * 1024 + 64);
        for (int i = 0; i < 8 * 1024 * 1024; ++i)
            huge += ",x";
        huge += "\r\n";
        r = import("huge.csv", huge);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("line 1: more than 4096 columns"), r.err.constData());
        rusage usage{};
        QCOMPARE(::getrusage(RUSAGE_CHILDREN, &usage), 0);
        QVERIFY2(usage.ru_maxrss < 200 * 1024, qPrintable(QString::number(usage.ru_maxrss)));
    }
};

QTEST_GUILESS_MAIN(TestWideHeader)
#include "tst_wideheader.moc"
