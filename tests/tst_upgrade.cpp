// A workspace written by an older trhealth (tests/fixtures/upgrade: schema 5, made by the
// 0.1.0 CLI at 2aae695): opened by this build it is upgraded in place, says the same things
// it said before (summaries, findings, notes byte for byte as the old build printed them),
// estimates its snapshots' sizes, and can be pruned, which turns incremental auto-vacuum on.
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using workspace::OpenMode;

namespace {

QByteArray cli(const QStringList &args)
{
    const test::CliResult r = test::runCli(args);
    return r.exitCode == 0 ? r.out : QByteArray("exit ") + QByteArray::number(r.exitCode) + r.err;
}

std::int64_t scalar(const QString &path, const char *sql)
{
    Database db;
    if (!db.open(path, Database::Mode::ReadOnly))
        return -1;
    return db.scalarInt(sql).value_or(-1);
}

} // namespace

class TestUpgrade : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

    QByteArray golden(const QString &name)
    {
        return test::readAll(test::fixture(QStringLiteral("upgrade/") + name));
    }
    QByteArray summary(int snapshot)
    {
        return cli({QStringLiteral("summary"), QStringLiteral("--db"), m_path,
                    QStringLiteral("--snapshot"), QString::number(snapshot),
                    QStringLiteral("--json")});
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("old.trdb"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_path + suffix);
        QVERIFY(QFile::copy(test::fixture(QStringLiteral("upgrade/schema5-demo.trdb")), m_path));
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(scalar(m_path, "PRAGMA user_version"), 5);
    }

    void readOnlyOpenLeavesItAlone()
    {
        workspace::Workspace ws;
        const auto opened = ws.open(m_path, OpenMode::ReadOnly);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error.contains(QLatin1String("upgrade")), qPrintable(opened.error));
        QCOMPARE(scalar(m_path, "PRAGMA user_version"), 5);
    }

    void upgradesAndSaysTheSame()
    {
        {
            workspace::Workspace ws;
            const auto opened = ws.open(m_path, OpenMode::Existing);
            QVERIFY2(opened.ok(), qPrintable(opened.error));
        }
        QCOMPARE(scalar(m_path, "PRAGMA user_version"), Schema::currentVersion());
        for (int s = 1; s <= 4; ++s)
            QCOMPARE(summary(s), golden(QStringLiteral("summary-%1.json").arg(s)));
        QCOMPARE(cli({QStringLiteral("findings"), QStringLiteral("--db"), m_path,
                      QStringLiteral("--json")}),
                 golden(QStringLiteral("findings-latest.json")));
        QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("list"), QStringLiteral("--db"),
                      m_path, QStringLiteral("--json")}),
                 golden(QStringLiteral("notes.json")));
    }

    void estimatesSizesAndMeasuresNewImports()
    {
        workspace::Workspace ws;
        QVERIFY(ws.open(m_path, OpenMode::Existing).ok());
        QString error;
        auto infos = ws.snapshotInfos(&error);
        QVERIFY2(infos, qPrintable(error));
        QCOMPARE(infos->size(), size_t(4));
        std::int64_t sum = 0;
        for (const workspace::SnapshotInfo &s : *infos) {
            QVERIFY(!s.bytesMeasured);
            QVERIFY(s.bytes > 0);
            sum += s.bytes;
        }
        QVERIFY(sum <= ws.fileBytes());
        const ImportResult imported = ws.importFiles(test::fleetFiles());
        QVERIFY2(imported.status == ImportResult::Status::Ok,
                 qPrintable(imported.errors.join(QLatin1Char('\n'))));
        infos = ws.snapshotInfos(&error);
        QVERIFY(infos);
        QCOMPARE(infos->size(), size_t(5));
        const auto added = std::find_if(infos->begin(), infos->end(),
                                        [&](const auto &s) { return s.id == imported.snapshotId; });
        QVERIFY(added != infos->end());
        QVERIFY(added->bytesMeasured);
        QVERIFY(added->bytes > 0);
    }

    void firstPruneTurnsOnIncrementalVacuum()
    {
        workspace::Workspace ws;
        QVERIFY(ws.open(m_path, OpenMode::Existing).ok());
        QCOMPARE(scalar(m_path, "PRAGMA auto_vacuum"), 0);
        const workspace::RemovalResult r = ws.removeSnapshots({1, 2});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.spaceReclaimed);
        QVERIFY2(
            r.fileBytesAfter < r.fileBytesBefore,
            qPrintable(QStringLiteral("%1 -> %2").arg(r.fileBytesBefore).arg(r.fileBytesAfter)));
        ws.close();
        QCOMPARE(scalar(m_path, "PRAGMA auto_vacuum"), 2);
        QCOMPARE(scalar(m_path, "PRAGMA freelist_count"), 0);
        Database db;
        QVERIFY(db.open(m_path, Database::Mode::ReadOnly));
        Statement check(db, "PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
        db.close();
        // The kept months say what they said; the note of an endpoint still present stays.
        QCOMPARE(summary(3), golden(QStringLiteral("summary-3.json")));
        QCOMPARE(summary(4), golden(QStringLiteral("summary-4.json")));
        QCOMPARE(cli({QStringLiteral("note"), QStringLiteral("list"), QStringLiteral("--db"),
                      m_path, QStringLiteral("--json")}),
                 golden(QStringLiteral("notes.json")));
    }
};

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
