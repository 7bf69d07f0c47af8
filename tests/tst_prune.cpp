// Removing snapshots (Workspace::removeSnapshots, trhealth-cli prune): what goes with them and
// what stays, the space given back, Cancel, the retention rules, and a kill at any moment
// leaving either the old or the new workspace.
#include "TestSupport.h"
#include "store/Database.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace trh;
using workspace::OpenMode;

namespace {

std::int64_t scalar(const QString &path, const char *sql)
{
    Database db;
    if (!db.open(path, Database::Mode::ReadOnly))
        return -1;
    return db.scalarInt(sql).value_or(-1);
}

QString text(const QString &path, const char *sql)
{
    Database db;
    if (!db.open(path, Database::Mode::ReadOnly))
        return {};
    Statement st(db, sql);
    return st.step() ? st.text(0) : QString();
}

// Rows that refer to a snapshot, answer or endpoint that is no longer there; 0 when the
// removal left nothing behind.
std::int64_t orphans(const QString &path)
{
    return scalar(path,
                  "SELECT (SELECT count(*) FROM answer WHERE snapshot_id NOT IN (SELECT id FROM "
                  "snapshot)) + (SELECT count(*) FROM finding WHERE snapshot_id NOT IN (SELECT id "
                  "FROM snapshot)) + (SELECT count(*) FROM cx_status WHERE answer_id NOT IN "
                  "(SELECT id FROM answer)) + (SELECT count(*) FROM sensor_value WHERE answer_id "
                  "NOT IN (SELECT id FROM answer)) + (SELECT count(*) FROM inventory WHERE "
                  "answer_id NOT IN (SELECT id FROM answer)) + (SELECT count(*) FROM "
                  "tool_status WHERE answer_id NOT IN (SELECT id FROM answer)) + (SELECT "
                  "count(*) FROM endpoint WHERE id NOT IN (SELECT endpoint_id FROM "
                  "snapshot_endpoint) AND id NOT IN (SELECT endpoint_id FROM finding WHERE "
                  "endpoint_id IS NOT NULL))");
}

// What SQLite says of the file, and of the findings' search index against its rows.
QString integrity(const QString &path)
{
    Database db;
    if (!db.open(path))
        return db.lastError();
    Statement st(db, "PRAGMA integrity_check");
    const QString verdict = st.step() ? st.text(0) : st.error();
    if (verdict != QLatin1String("ok"))
        return verdict;
    if (!db.exec("INSERT INTO finding_search(finding_search, rank) VALUES ('integrity-check', 1)"))
        return QStringLiteral("search index: ") + db.lastError();
    Statement fk(db, "PRAGMA foreign_key_check");
    if (fk.step())
        return QStringLiteral("foreign key into ") + fk.text(0);
    return verdict;
}

QByteArray summaryJson(const QString &path, qint64 snapshot)
{
    const test::CliResult r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), path,
                                            QStringLiteral("--snapshot"), QString::number(snapshot),
                                            QStringLiteral("--json")});
    return r.exitCode == 0 ? r.out : QByteArray("exit ") + QByteArray::number(r.exitCode) + r.err;
}

} // namespace

class TestPrune : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;            // the 300-endpoint demo, four monthly snapshots, never changed
    QList<qint64> m_snapshots; // oldest first

    QString copyOfDemo(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        return QFile::copy(m_demo, path) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo.trdb"));
        const QString error = test::createDemoWorkspace(m_demo, 300);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        workspace::Workspace ws;
        QVERIFY(ws.open(m_demo, OpenMode::Existing).ok());
        m_snapshots = ws.snapshotIds();
        QCOMPARE(m_snapshots.size(), 4);
        ws.close();
        // Checkpointed into the file itself, so that a plain copy is the whole workspace.
        Database db;
        QVERIFY(db.open(m_demo));
        QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    void listsSnapshotsWithTheirSizes()
    {
        workspace::Workspace ws;
        QVERIFY(ws.open(m_demo, OpenMode::ReadOnly).ok());
        QString error;
        const auto infos = ws.snapshotInfos(&error);
        QVERIFY2(infos, qPrintable(error));
        QCOMPARE(infos->size(), size_t(4));
        std::int64_t sum = 0;
        for (size_t i = 0; i < infos->size(); ++i) {
            const workspace::SnapshotInfo &s = (*infos)[i];
            QCOMPARE(s.id, m_snapshots[qsizetype(i)]);
            QVERIFY(s.bytesMeasured);
            QVERIFY2(s.bytes > 100000, qPrintable(QString::number(s.bytes)));
            QVERIFY(s.endpoints >= 250);
            QVERIFY(s.findings && *s.findings > 0);
            if (i > 0)
                QVERIFY((*infos)[i - 1].takenAt < s.takenAt);
            sum += s.bytes;
        }
        // What the imports measured is what the file holds, less its schema and shared rows.
        QVERIFY2(sum <= ws.fileBytes() && sum > ws.fileBytes() / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(sum).arg(ws.fileBytes())));
    }

    void retentionRules()
    {
        std::vector<workspace::SnapshotInfo> infos(3);
        const char *taken[] = {"2026-09-30T23:00:00Z", "2026-10-01T00:30:00Z",
                               "2026-11-02T08:00:00Z"};
        for (int i = 0; i < 3; ++i) {
            infos[size_t(i)].id = 10 + i;
            infos[size_t(i)].takenAt =
                QDateTime::fromString(QString::fromLatin1(taken[i]), Qt::ISODate);
        }
        QCOMPARE(workspace::snapshotsBeyondNewest(infos, 1), (QList<qint64>{10, 11}));
        QCOMPARE(workspace::snapshotsBeyondNewest(infos, 3), QList<qint64>{});
        QCOMPARE(workspace::snapshotsBeyondNewest(infos, 5), QList<qint64>{});
        // The day is a UTC day: taken 00:30 UTC on 1 October is not before it.
        QCOMPARE(workspace::snapshotsTakenBefore(infos, QDate(2026, 10, 1)), QList<qint64>{10});
        QCOMPARE(workspace::snapshotsTakenBefore(infos, QDate(2026, 10, 2)),
                 (QList<qint64>{10, 11}));
        QCOMPARE(workspace::snapshotsTakenBefore(infos, QDate(2026, 9, 1)), QList<qint64>{});
    }

    void removesWhatOnlyTheSnapshotUses()
    {
        const QString path = copyOfDemo(QStringLiteral("remove.trdb"));
        QVERIFY(!path.isEmpty());
        const qint64 oldest = m_snapshots.first(), newest = m_snapshots.last();
        const QByteArray newestBefore = summaryJson(path, newest);
        QVERIFY(newestBefore.startsWith('{'));

        workspace::Workspace ws;
        QVERIFY(ws.open(path, OpenMode::Existing).ok());
        // One endpoint the oldest snapshot has and no other, one that every snapshot has.
        Database db;
        QVERIFY(db.open(path, Database::Mode::ReadOnly));
        Statement only(db, "SELECT e.name FROM endpoint e WHERE (SELECT count(*) FROM "
                           "snapshot_endpoint se WHERE se.endpoint_id = e.id) = 1 AND EXISTS "
                           "(SELECT 1 FROM snapshot_endpoint se WHERE se.endpoint_id = e.id AND "
                           "se.snapshot_id = ?1) ORDER BY e.id LIMIT 1");
        only.bind(1, oldest);
        QVERIFY2(only.step(), "the demo has no endpoint that only its first month has");
        const QString gone = only.text(0);
        Statement every(db, "SELECT e.name FROM endpoint e WHERE (SELECT count(*) FROM "
                            "snapshot_endpoint se WHERE se.endpoint_id = e.id) = 4 "
                            "ORDER BY e.id LIMIT 1");
        QVERIFY(every.step());
        const QString stays = every.text(0);
        db.close();

        QString error;
        for (const QString &name : {gone, stays}) {
            Note note;
            note.endpointName = name;
            note.code = QStringLiteral("health.dec");
            note.text = QStringLiteral("looked at in the monthly check");
            note.author = QStringLiteral("tester");
            note.acceptedUntil = QDate(2030, 1, 1);
            QVERIFY2(ws.addNote(note, &error), qPrintable(error));
        }
        const QString oldMonth = ws.snapshotDate(oldest).toString(QStringLiteral("yyyy-MM"));
        const QString newMonth = ws.snapshotDate(newest).toString(QStringLiteral("yyyy-MM"));
        const QString step = Checklist::steps().front().id;
        const QDateTime when = QDateTime::currentDateTimeUtc();
        for (const QString &month : {oldMonth, newMonth, QStringLiteral("2031-01")})
            QVERIFY2(ws.signOff(month, step, QStringLiteral("tester"), when, &error),
                     qPrintable(error));

        const workspace::RemovalResult r = ws.removeSnapshots({oldest});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.snapshots, 1);
        QCOMPARE(r.notes, 1);
        QCOMPARE(r.checklistMonths, 1);
        QVERIFY(r.spaceReclaimed);
        QCOMPARE(ws.snapshotIds(), m_snapshots.mid(1));
        QVERIFY(!ws.endpointByName(gone));
        QVERIFY(ws.endpointByName(stays));
        QCOMPARE(ws.allNotes().size(), size_t(1));
        QCOMPARE(ws.allNotes().front().endpointName, stays);
        for (const QString &month : {oldMonth, newMonth, QStringLiteral("2031-01")}) {
            const auto list = ws.checklist(month, &error);
            QVERIFY2(list, qPrintable(error));
            const bool signedOff = !list->front().signedBy.isEmpty();
            QCOMPARE(signedOff, month != oldMonth);
        }
        ws.close();

        QCOMPARE(orphans(path), 0);
        // integrity() has FTS5 compare the search index with the findings left: an entry of
        // the removed month would fail it.
        QCOMPARE(integrity(path), QStringLiteral("ok"));
        QCOMPARE(summaryJson(path, newest), newestBefore);
    }

    void givesTheSpaceBack()
    {
        const QString path = copyOfDemo(QStringLiteral("space.trdb"));
        QCOMPARE(scalar(path, "PRAGMA auto_vacuum"), 2); // a new workspace: incremental
        workspace::Workspace ws;
        QVERIFY(ws.open(path, OpenMode::Existing).ok());
        const std::int64_t before = ws.fileBytes();
        const workspace::RemovalResult r = ws.removeSnapshots(m_snapshots.mid(0, 3));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.spaceReclaimed);
        QCOMPARE(r.fileBytesBefore, before);
        QCOMPARE(r.fileBytesAfter, ws.fileBytes());
        // Three of four months gone: the file (no log left) is well under half its size.
        QVERIFY2(r.fileBytesAfter < before / 2,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(r.fileBytesAfter)));
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
        ws.close();
        QCOMPARE(scalar(path, "PRAGMA freelist_count"), 0);
        QCOMPARE(integrity(path), QStringLiteral("ok"));
    }

    void cancelChangesNothing_data()
    {
        QTest::addColumn<int>("answersBeforeCancel");
        QTest::newRow("at once") << 0;
        QTest::newRow("during the removal") << 6;
    }

    void cancelChangesNothing()
    {
        QFETCH(int, answersBeforeCancel);
        const QString path = copyOfDemo(QStringLiteral("cancel.trdb"));
        const std::int64_t findings = scalar(path, "SELECT count(*) FROM finding");
        workspace::Workspace ws;
        QVERIFY(ws.open(path, OpenMode::Existing).ok());
        int calls = 0;
        const workspace::RemovalResult r = ws.removeSnapshots(
            m_snapshots.mid(0, 2), [&](int) { return calls++ < answersBeforeCancel; });
        QCOMPARE(r.status, workspace::RemovalResult::Status::Cancelled);
        QVERIFY(calls > answersBeforeCancel);
        QCOMPARE(ws.snapshotIds(), m_snapshots);
        ws.close();
        QCOMPARE(scalar(path, "SELECT count(*) FROM finding"), findings);
        QCOMPARE(integrity(path), QStringLiteral("ok"));
    }

    void snapshotFileIsNeverPruned()
    {
        workspace::Workspace ws;
        const QString file = m_dir.filePath(QStringLiteral("copy.trhealth"));
        QVERIFY(QFile::copy(m_demo, file));
        QVERIFY(ws.open(file, OpenMode::ReadOnly).ok());
        const workspace::RemovalResult r = ws.removeSnapshots({m_snapshots.first()});
        QCOMPARE(r.status, workspace::RemovalResult::Status::Failed);
        QVERIFY(r.error.contains(QLatin1String("read-only")));
        const test::CliResult cli =
            test::runCli({QStringLiteral("prune"), QStringLiteral("--db"), file,
                          QStringLiteral("--keep"), QStringLiteral("1")});
        QVERIFY(cli.exitCode != 0);
        QCOMPARE(scalar(file, "SELECT count(*) FROM snapshot"), 4);
    }

    void cli()
    {
        const QString path = copyOfDemo(QStringLiteral("cli.trdb"));
        const auto prune = [&](QStringList args) {
            args.prepend(path);
            args.prepend(QStringLiteral("--db"));
            args.prepend(QStringLiteral("prune"));
            return test::runCli(args);
        };
        for (const QStringList &wrong :
             {QStringList{}, QStringList{QStringLiteral("--keep"), QStringLiteral("0")},
              QStringList{QStringLiteral("--keep"), QStringLiteral("two")},
              QStringList{QStringLiteral("--before"), QStringLiteral("2026-13-01")},
              QStringList{QStringLiteral("--keep"), QStringLiteral("1"), QStringLiteral("--before"),
                          QStringLiteral("2026-01-01")}}) {
            const test::CliResult r = prune(wrong);
            QVERIFY2(r.exitCode == 1,
                     qPrintable(wrong.join(QLatin1Char(' ')) + QString::fromUtf8(r.err)));
        }
        QCOMPARE(scalar(path, "SELECT count(*) FROM snapshot"), 4);

        test::CliResult r =
            prune({QStringLiteral("--keep"), QStringLiteral("2"), QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count("would remove\t"), 2);
        QVERIFY(r.out.contains("nothing was changed"));
        QCOMPARE(scalar(path, "SELECT count(*) FROM snapshot"), 4);

        r = prune({QStringLiteral("--keep"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("removed")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("removed"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInteger(),
                 m_snapshots.first());
        QCOMPARE(json.value(QStringLiteral("kept")).toInteger(), 3);
        QVERIFY(json.value(QStringLiteral("space_reclaimed")).toBool());
        QCOMPARE(scalar(path, "SELECT count(*) FROM snapshot"), 3);

        // --before: a UTC day; the second month's snapshot goes, the two newer stay.
        const QString third = text(path, "SELECT substr(taken_at, 1, 10) FROM snapshot "
                                         "ORDER BY taken_at LIMIT 1 OFFSET 1");
        r = prune({QStringLiteral("--before"), third});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("removed 1 snapshot(s)"));
        QCOMPARE(scalar(path, "SELECT count(*) FROM snapshot"), 2);
        r = prune({QStringLiteral("--keep"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("nothing to remove"));
        QCOMPARE(integrity(path), QStringLiteral("ok"));
    }

    // trhealth-cli prune killed (SIGKILL) at moments spread over its run: every time the
    // workspace opens with either all four snapshots or only the newest, and SQLite finds
    // nothing wrong.
    void killedAtAnyMoment()
    {
        const QString path = m_dir.filePath(QStringLiteral("killed.trdb"));
        int killedWhileRunning = 0, sawOld = 0, sawNew = 0;
        for (const int delayMs : {5, 15, 30, 50, 80, 120, 170, 250, 400, 600}) {
            QFile::remove(path);
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
            QVERIFY(QFile::copy(m_demo, path));
            QProcess cli;
            cli.setProgram(QStringLiteral(TRHEALTH_CLI));
            cli.setArguments({QStringLiteral("prune"), QStringLiteral("--db"), path,
                              QStringLiteral("--keep"), QStringLiteral("1")});
            cli.start();
            QVERIFY(cli.waitForStarted());
            QThread::msleep(ulong(delayMs));
            if (cli.state() == QProcess::Running) {
                ++killedWhileRunning;
                cli.kill();
            }
            QVERIFY(cli.waitForFinished(60000));
            const QString verdict = integrity(path);
            QVERIFY2(
                verdict == QLatin1String("ok"),
                qPrintable(QStringLiteral("killed after %1 ms: %2").arg(delayMs).arg(verdict)));
            const std::int64_t snapshots = scalar(path, "SELECT count(*) FROM snapshot");
            QVERIFY2(
                snapshots == 4 || snapshots == 1,
                qPrintable(QStringLiteral("%1 snapshots after %2 ms").arg(snapshots).arg(delayMs)));
            (snapshots == 4 ? sawOld : sawNew)++;
            if (snapshots == 1)
                QCOMPARE(orphans(path), 0);
            workspace::Workspace ws;
            QVERIFY(ws.open(path, OpenMode::Existing).ok());
        }
        QVERIFY(killedWhileRunning > 0);
        QVERIFY(sawOld > 0);
        qInfo("killed while running %d times: %d old, %d new", killedWhileRunning, sawOld, sawNew);
    }
};

QTEST_GUILESS_MAIN(TestPrune)
#include "tst_prune.moc"
