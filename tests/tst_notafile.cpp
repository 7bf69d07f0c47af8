// A workspace or snapshot file that is not a regular file (a FIFO, a folder, a link to a
// device) is bad input: exit 2 with a line saying what it is, at once (a FIFO is never
// opened, so nothing blocks). Issue 16, item 8.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestNotAFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString s(const char *text) { return QString::fromUtf8(text); }

private slots:
    void refused_data()
    {
        QVERIFY(m_dir.isValid());
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("says");
        for (const char *name : {"pipe.trhealth", "pipe.trdb"}) {
            const QString p = m_dir.filePath(s(name));
            QCOMPARE(::mkfifo(QFile::encodeName(p).constData(), 0600), 0);
            QTest::newRow(name) << p << s("a FIFO (named pipe), not a regular file");
        }
        const QString folder = m_dir.filePath(s("folder.trhealth"));
        QVERIFY(QDir().mkpath(folder));
        QTest::newRow("folder") << folder << s("a folder, not a regular file");
        const QString device = m_dir.filePath(s("device.trhealth"));
        QVERIFY(QFile::link(s("/dev/null"), device));
        QTest::newRow("link to a device") << device << s("a character device, not a regular file");
    }
    void refused()
    {
        QFETCH(QString, path);
        QFETCH(QString, says);
        for (const char *command : {"summary", "findings"}) {
            const trh::test::CliResult r = trh::test::runCli({s(command), s("--db"), path}, 20000);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(says.toUtf8()), r.err.constData());
            QVERIFY2(r.err.startsWith((s("trhealth-cli: ") + path).toUtf8()), r.err.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestNotAFile)
#include "tst_notafile.moc"
