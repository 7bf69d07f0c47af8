// What a killed run leaves beside its output, and its cleaning at the next run: a snapshot
// export, a report and an appendix killed with SIGKILL part-way, then the next start of the
// CLI or the console. Only trhealth's own temporary names, only regular files, only when the
// process that wrote them is gone or nothing touched them for a day.
#include "TestSupport.h"
#include "core/AtomicFile.h"
#include "core/TempFiles.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

using namespace trh;

namespace {

// Every name in dir, hidden ones too, sorted.
QStringList namesIn(const QString &dir)
{
    QStringList names = QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    return names;
}

QStringList ourNamesIn(const QString &dir)
{
    QStringList ours;
    for (const QString &name : namesIn(dir))
        if (TempFiles::isOurName(name))
            ours << name;
    return ours;
}

bool writeFile(const QString &path, const QByteArray &bytes = "x")
{
    return test::writeFile(path, bytes);
}

void makeOld(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const QDateTime old = QDateTime::currentDateTime().addDays(-3);
    QVERIFY(f.setFileTime(old, QFileDevice::FileModificationTime));
}

// A claim as another run would have written it.
QString writeClaim(const QString &host, qint64 pid, const QString &path)
{
    const QString file = QDir(TempFiles::claimFolder())
                             .filePath(QStringLiteral("%1-test%2.claim")
                                           .arg(pid)
                                           .arg(QRandomGenerator::global()->generate()));
    const QByteArray text = "trhealth temporary file 1\n" + host.toUtf8() + '\n' +
                            QByteArray::number(pid) + '\n' + path.toUtf8() + '\n';
    return test::writeFile(file, text) ? file : QString();
}

// The pid of a process that has ended (and was reaped).
qint64 deadPid()
{
    QProcess p;
    p.start(QStringLiteral("true"), {});
    p.waitForStarted();
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

} // namespace

class TestLeftovers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_workspace;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }
    QString cliClaimFolder() const
    {
        return m_home.filePath(QStringLiteral("data/trhealth/trhealth/temporary-files"));
    }

    // Starts the CLI with args, waits until ready() holds (polling), then kills it with
    // SIGKILL. False if the command ended first.
    bool killWhen(const QStringList &args, const std::function<bool()> &ready)
    {
        QProcess cli;
        cli.setProcessEnvironment(environment());
        cli.start(QStringLiteral(TRHEALTH_CLI), args);
        if (!cli.waitForStarted())
            return false;
        QElapsedTimer t;
        t.start();
        while (cli.state() == QProcess::Running && !ready() && t.elapsed() < 240000)
            QThread::msleep(2);
        if (cli.state() != QProcess::Running) {
            qWarning() << "ended first:" << cli.readAllStandardError();
            return false;
        }
        cli.kill(); // SIGKILL: no handler runs, as when the machine or a user kills it
        cli.waitForFinished();
        return cli.exitStatus() == QProcess::CrashExit;
    }

    test::CliResult runCli(const QStringList &args)
    {
        QProcess cli;
        cli.setProcessEnvironment(environment());
        cli.start(QStringLiteral(TRHEALTH_CLI), args);
        cli.waitForFinished(300000);
        return {cli.exitCode(), cli.readAllStandardOutput(), cli.readAllStandardError()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("trhealth"));
        QCoreApplication::setOrganizationName(QStringLiteral("trhealth"));
        // Large enough that an export or a report takes a moment to be caught at.
        m_workspace = m_home.filePath(QStringLiteral("fleet.trdb"));
        const test::CliResult demo =
            runCli({QStringLiteral("demo"), QStringLiteral("--db"), m_workspace,
                    QStringLiteral("--endpoints"), QStringLiteral("20000")});
        QCOMPARE(demo.exitCode, 0);
    }

    void init()
    {
        QDir(TempFiles::claimFolder()).removeRecursively();
        QDir(cliClaimFolder()).removeRecursively();
    }

    void ourNames()
    {
        const QString name = TempFiles::temporaryName(QStringLiteral("report.pdf"));
        QVERIFY(name.startsWith(QLatin1String(".report.pdf.")));
        QVERIFY(name.endsWith(QLatin1String(".part")));
        QVERIFY(TempFiles::isOurName(name));
        QVERIFY(TempFiles::isOurName(name + QStringLiteral("-wal")));
        QVERIFY(TempFiles::isOurName(name + QStringLiteral("-journal")));
        QVERIFY(name != TempFiles::temporaryName(QStringLiteral("report.pdf")));
        for (const char *other :
             {"report.pdf", "report.pdf.part", ".report.pdf.part", ".report.pdf.abc.part",
              ".report.pdf.abcdef.partial", "x.report.pdf.abcdef.part", ".report.pdf.abcd-f.part",
              ".report.pdf.abcdef.part-old"})
            QVERIFY2(!TempFiles::isOurName(QString::fromLatin1(other)), other);
        // A long name still leaves room for the tag within 255 characters.
        QVERIFY(TempFiles::temporaryName(QString(250, QLatin1Char('a'))).size() <= 255);
    }

    void atomicFileCommitsOrLeavesTheOldFile()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("report.html"));
        QVERIFY(writeFile(target, "old"));
        {
            AtomicFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(TempFiles::isOurName(QFileInfo(f.fileName()).fileName()));
            QCOMPARE(QDir(TempFiles::claimFolder()).entryList({QStringLiteral("*.claim")}).size(),
                     1);
            f.write("new, not finished");
            // Destroyed without commit: the old file stays, nothing else is left.
        }
        QCOMPARE(test::readAll(target), QByteArray("old"));
        QCOMPARE(namesIn(dir.path()), QStringList{QStringLiteral("report.html")});
        QVERIFY(QDir(TempFiles::claimFolder()).entryList({QStringLiteral("*.claim")}).isEmpty());
        {
            AtomicFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("new");
            QVERIFY(f.commit());
            QCOMPARE(f.fileName(), QFileInfo(target).absoluteFilePath());
        }
        QCOMPARE(test::readAll(target), QByteArray("new"));
        QCOMPARE(namesIn(dir.path()), QStringList{QStringLiteral("report.html")});
        QVERIFY(QDir(TempFiles::claimFolder()).entryList({QStringLiteral("*.claim")}).isEmpty());
        // A commit that cannot rename (the destination became a folder) removes its file.
        const QString blocked = dir.filePath(QStringLiteral("blocked"));
        AtomicFile f(blocked);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(QDir().mkpath(blocked + QStringLiteral("/inside")));
        QVERIFY(!f.commit());
        QVERIFY(!f.errorString().isEmpty());
        QCOMPARE(ourNamesIn(dir.path()), QStringList());
    }

    void staleClaimsGoOnlyTheirOwnFiles()
    {
        QTemporaryDir dir;
        const QString host = QSysInfo::machineHostName();
        const auto path = [&](const char *name) { return dir.filePath(QLatin1String(name)); };
        // 1. A dead process's file and its SQLite companions: removed, however fresh.
        QVERIFY(writeFile(path(".a.trhealth.Ab12Cd.part")));
        QVERIFY(writeFile(path(".a.trhealth.Ab12Cd.part-wal")));
        QVERIFY(writeFile(path(".a.trhealth.Ab12Cd.part-shm")));
        QVERIFY(!writeClaim(host, deadPid(), path(".a.trhealth.Ab12Cd.part")).isEmpty());
        // 2. A live process (this one) and a fresh file: kept, with its claim.
        QVERIFY(writeFile(path(".b.pdf.Ab12Cd.part")));
        const QString liveClaim =
            writeClaim(host, QCoreApplication::applicationPid(), path(".b.pdf.Ab12Cd.part"));
        // 3. Another host's process, fresh: cannot be asked, so kept; 4. old: removed.
        QVERIFY(writeFile(path(".c.pdf.Ab12Cd.part")));
        QVERIFY(!writeClaim(QStringLiteral("elsewhere"), 1, path(".c.pdf.Ab12Cd.part")).isEmpty());
        QVERIFY(writeFile(path(".d.pdf.Ab12Cd.part")));
        makeOld(path(".d.pdf.Ab12Cd.part"));
        const QString oldClaim =
            writeClaim(QStringLiteral("elsewhere"), 1, path(".d.pdf.Ab12Cd.part"));
        makeOld(oldClaim);
        // 5. A claim naming a file that is not ours: the file stays whatever the claim says.
        QVERIFY(writeFile(path("important.pdf"), "keep"));
        QVERIFY(!writeClaim(host, deadPid(), path("important.pdf")).isEmpty());
        QVERIFY(
            !writeClaim(host, deadPid(), path(".e.pdf.Ab12Cd.part/../important.pdf")).isEmpty());
        // 6. Our name, but a symbolic link (to a file of the user's) or a folder: kept.
        QVERIFY(QFile::link(path("important.pdf"), path(".f.pdf.Ab12Cd.part")));
        QVERIFY(!writeClaim(host, deadPid(), path(".f.pdf.Ab12Cd.part")).isEmpty());
        QVERIFY(QDir().mkpath(path(".g.pdf.Ab12Cd.part")));
        QVERIFY(!writeClaim(host, deadPid(), path(".g.pdf.Ab12Cd.part")).isEmpty());
        // 7. A claim that is not one (garbage), and a relative path: nothing done.
        QVERIFY(test::writeFile(QDir(TempFiles::claimFolder()).filePath(QStringLiteral("x.claim")),
                                QByteArray("rm -rf /\n\n\n")));
        QVERIFY(writeFile(path(".h.pdf.Ab12Cd.part")));
        QVERIFY(!writeClaim(host, deadPid(), QStringLiteral(".h.pdf.Ab12Cd.part")).isEmpty());

        QStringList removed = TempFiles::removeStale();
        removed.sort();
        QCOMPARE(removed,
                 (QStringList{path(".a.trhealth.Ab12Cd.part"), path(".a.trhealth.Ab12Cd.part-shm"),
                              path(".a.trhealth.Ab12Cd.part-wal"), path(".d.pdf.Ab12Cd.part")}));
        QCOMPARE(
            namesIn(dir.path()),
            (QStringList{QStringLiteral(".b.pdf.Ab12Cd.part"), QStringLiteral(".c.pdf.Ab12Cd.part"),
                         QStringLiteral(".f.pdf.Ab12Cd.part"), QStringLiteral(".g.pdf.Ab12Cd.part"),
                         QStringLiteral(".h.pdf.Ab12Cd.part"), QStringLiteral("important.pdf")}));
        QCOMPARE(test::readAll(path("important.pdf")), QByteArray("keep"));
        QVERIFY(QFileInfo(path(".f.pdf.Ab12Cd.part")).isSymLink());
        QVERIFY(QFileInfo::exists(liveClaim));
        QVERIFY(!QFileInfo::exists(oldClaim));
        // A second run finds nothing more to do.
        QCOMPARE(TempFiles::removeStale(), QStringList());
    }

    void folderSweepTakesOnlyOldFilesOfOurNames()
    {
        QTemporaryDir dir;
        const auto path = [&](const char *name) { return dir.filePath(QLatin1String(name)); };
        for (const char *name :
             {".old.csv.Xy9Zq1.part", ".old.csv.Xy9Zq1.part-journal", ".fresh.csv.Xy9Zq1.part",
              ".old.csv.part", "old.part", ".old.csv.Xy9Zq1.part.bak", "report.pdf"})
            QVERIFY(writeFile(path(name)));
        QVERIFY(QFile::link(path("report.pdf"), path(".link.pdf.Xy9Zq1.part")));
        for (const char *name :
             {".old.csv.Xy9Zq1.part", ".old.csv.Xy9Zq1.part-journal", ".old.csv.part", "old.part",
              ".old.csv.Xy9Zq1.part.bak", "report.pdf"})
            makeOld(path(name));
        QStringList removed = TempFiles::sweepFolder(dir.path());
        removed.sort();
        QCOMPARE(removed,
                 (QStringList{path(".old.csv.Xy9Zq1.part"), path(".old.csv.Xy9Zq1.part-journal")}));
        QCOMPARE(namesIn(dir.path()),
                 (QStringList{QStringLiteral(".fresh.csv.Xy9Zq1.part"),
                              QStringLiteral(".link.pdf.Xy9Zq1.part"),
                              QStringLiteral(".old.csv.Xy9Zq1.part.bak"),
                              QStringLiteral(".old.csv.part"), QStringLiteral("old.part"),
                              QStringLiteral("report.pdf")}));
    }

    void killedExportIsCleanedAtTheNextRun()
    {
        QTemporaryDir out;
        QVERIFY(writeFile(out.filePath(QStringLiteral("keep.txt")), "mine"));
        const QString target = out.filePath(QStringLiteral("month.trhealth"));
        // Killed while SQLite writes the copy (its write-ahead log beside it).
        QVERIFY(killWhen({QStringLiteral("export"), QStringLiteral("--db"), m_workspace,
                          QStringLiteral("--out"), target},
                         [&] {
                             for (const QString &n : ourNamesIn(out.path()))
                                 if (n.endsWith(QLatin1String("-wal")) ||
                                     n.endsWith(QLatin1String("-journal")))
                                     return true;
                             return false;
                         }));
        const QStringList left = ourNamesIn(out.path());
        QVERIFY2(left.size() >= 2, qPrintable(left.join(QLatin1Char(' '))));
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(QDir(cliClaimFolder()).entryList({QStringLiteral("*.claim")}).size(), 1);

        // The next run, any command, removes them and says so on stderr.
        const test::CliResult next = runCli({QStringLiteral("--version")});
        QCOMPARE(next.exitCode, 0);
        QVERIFY2(next.err.contains("left by an interrupted run"), next.err.constData());
        QCOMPARE(namesIn(out.path()), QStringList{QStringLiteral("keep.txt")});
        QVERIFY(QDir(cliClaimFolder()).entryList({QStringLiteral("*.claim")}).isEmpty());
        QCOMPARE(runCli({QStringLiteral("--version")}).err, QByteArray());

        // And the export itself then works, leaving nothing of ours behind.
        const test::CliResult exported = runCli({QStringLiteral("export"), QStringLiteral("--db"),
                                                 m_workspace, QStringLiteral("--out"), target});
        QCOMPARE(exported.exitCode, 0);
        QCOMPARE(namesIn(out.path()),
                 (QStringList{QStringLiteral("keep.txt"), QStringLiteral("month.trhealth")}));
    }

    void killedReportAndAppendixLeaveNoHalfAppendix()
    {
        QTemporaryDir out;
        const QString appendix = out.filePath(QStringLiteral("evidence"));
        QVERIFY(QDir().mkpath(appendix));
        const QString pdf = out.filePath(QStringLiteral("report.pdf"));
        // Killed once the appendix has a few files written (not renamed yet).
        QVERIFY(killWhen({QStringLiteral("report"), QStringLiteral("--db"), m_workspace,
                          QStringLiteral("--pdf"), pdf, QStringLiteral("--appendix"), appendix},
                         [&] { return ourNamesIn(appendix).size() >= 3; }));
        // The appendix is absent, not half there: nothing but temporary files of ours, no CSV
        // without the SHA256SUMS that vouches for it.
        const QStringList left = namesIn(appendix);
        QVERIFY(!left.isEmpty());
        for (const QString &name : left)
            QVERIFY2(TempFiles::isOurName(name), qPrintable(name));
        // The console's start cleans too.
        const test::CliResult gui =
            test::runGui({QStringLiteral("--screenshot"), out.filePath(QStringLiteral("shot.png"))},
                         environment(), 120000);
        QCOMPARE(gui.exitCode, 0);
        QCOMPARE(namesIn(appendix), QStringList());
        QVERIFY(QDir(cliClaimFolder()).entryList({QStringLiteral("*.claim")}).isEmpty());
    }

    void killedReportLeavesItsFileToTheNextRun()
    {
        QTemporaryDir out;
        const QString pdf = out.filePath(QStringLiteral("report.pdf"));
        QVERIFY(writeFile(pdf, "last month's"));
        QVERIFY(killWhen({QStringLiteral("report"), QStringLiteral("--db"), m_workspace,
                          QStringLiteral("--pdf"), pdf},
                         [&] { return !ourNamesIn(out.path()).isEmpty(); }));
        QCOMPARE(test::readAll(pdf), QByteArray("last month's"));
        QCOMPARE(ourNamesIn(out.path()).size(), 1);
        QCOMPARE(runCli({QStringLiteral("--version")}).exitCode, 0);
        QCOMPARE(namesIn(out.path()), QStringList{QStringLiteral("report.pdf")});
        QCOMPARE(test::readAll(pdf), QByteArray("last month's"));
    }

    void failedAppendixLeavesNoCsvOfItsOwn()
    {
        // manifest.json cannot be written (a folder holds its name): refused after every CSV
        // was written, and none of them is left.
        QTemporaryDir out;
        const QString appendix = out.filePath(QStringLiteral("evidence"));
        QVERIFY(QDir().mkpath(appendix + QStringLiteral("/manifest.json")));
        const test::CliResult r =
            runCli({QStringLiteral("report"), QStringLiteral("--db"), m_workspace,
                    QStringLiteral("--html"), out.filePath(QStringLiteral("r.html")),
                    QStringLiteral("--appendix"), appendix});
        QVERIFY2(r.exitCode != 0, r.err.constData());
        QVERIFY2(r.err.contains("manifest.json"), r.err.constData());
        QCOMPARE(namesIn(appendix), QStringList{QStringLiteral("manifest.json")});
    }
};

QTEST_GUILESS_MAIN(TestLeftovers)
#include "tst_leftovers.moc"
