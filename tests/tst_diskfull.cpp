// A full disk is said as a full disk (issue 16, item 5): a healthy workspace on a full file
// system is never called damaged, reads and writes exit 3 naming the folder, and nothing is
// half written. The full disk is a small tmpfs this test mounts (it needs root, as CI has).
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mount; // the full file system
    QString m_db;    // a healthy workspace on it
    bool m_mounted = false;

    // Fills the file system to the last byte.
    bool fill()
    {
        QFile filler(QDir(m_mount).filePath(s("filler")));
        if (!filler.open(QIODevice::Append))
            return false;
        const QByteArray block(64 * 1024, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        const QByteArray byte(1, 'x');
        while (filler.write(byte) == 1 && filler.flush()) {
        }
        return true;
    }

    void expectFull(const test::CliResult &r)
    {
        QVERIFY2(r.exitCode == 3, r.err.constData());
        QVERIFY2(
            r.err.contains(QStringLiteral("the disk holding %1 is full").arg(m_mount).toUtf8()),
            r.err.constData());
        QVERIFY2(!r.err.contains("damaged"), r.err.constData());
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("mounting the small file system that plays the full disk needs root");
        QVERIFY(m_dir.isValid());
        m_mount = m_dir.filePath(s("full"));
        QVERIFY(QDir().mkpath(m_mount));
        m_mounted =
            run(s("mount"), {s("-t"), s("tmpfs"), s("-o"), s("size=6m"), s("tmpfs"), m_mount});
        if (!m_mounted)
            QSKIP("cannot mount a tmpfs here (a container without CAP_SYS_ADMIN)");
        const QString built = m_dir.filePath(s("ws.trdb"));
        const test::CliResult demo =
            test::runCli({s("demo"), s("--db"), built, s("--endpoints"), s("200")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        // Analysed, checkpointed and closed: a sound file, copied onto the small disk.
        QCOMPARE(test::runCli({s("summary"), s("--db"), built}).exitCode, 0);
        m_db = QDir(m_mount).filePath(s("ws.trdb"));
        QVERIFY(QFile::copy(built, m_db));
        QVERIFY(fill());
    }

    void cleanupTestCase()
    {
        if (m_mounted)
            QVERIFY(run(s("umount"), {m_mount}));
    }

    void readsSayTheDiskIsFull()
    {
        expectFull(test::runCli({s("summary"), s("--db"), m_db}));
        expectFull(test::runCli({s("findings"), s("--db"), m_db}));
    }

    void aNoteIsNotHalfWritten()
    {
        expectFull(
            test::runCli({s("note"), s("add"), s("--db"), m_db, s("--endpoint"), s("anything"),
                          s("--code"), s("health.dec"), s("--text"), s("x")}));
    }

    void aReportOntoTheFullDisk()
    {
        // The workspace is elsewhere; only the report's folder is full.
        const QString db = m_dir.filePath(s("ws.trdb"));
        const QString html = QDir(m_mount).filePath(s("report.html"));
        const test::CliResult r = test::runCli({s("report"), s("--db"), db, s("--html"), html});
        expectFull(r);
        QVERIFY2(!r.err.contains("Unknown error"), r.err.constData());
        QVERIFY(!QFileInfo::exists(html));
    }

    void theWorkspaceWasSoundAllAlong()
    {
        QVERIFY(QFile::remove(QDir(m_mount).filePath(s("filler"))));
        const test::CliResult r = test::runCli({s("summary"), s("--db"), m_db, s("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::Existing).ok());
        QCOMPARE(db.scalarInt("SELECT count(*) FROM note"), std::optional<std::int64_t>(0));
        Statement check(db, "PRAGMA quick_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), s("ok"));
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
