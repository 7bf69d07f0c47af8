// workspace::Workspace, the one handle the console and trhealth-cli hold: opening (a snapshot
// file checked and read-only), snapshots, the findings list and a finding's details with the
// exceptions judged on the snapshot's date, and notes, on a small demo fleet.
#include "TestSupport.h"
#include "store/Database.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace trh;
using workspace::OpenMode;
using workspace::OpenStatus;

class TestWorkspace : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_latest = 0;

    // A finding of an endpoint in the latest snapshot, read beside the handle under test.
    struct Picked
    {
        qint64 id = 0, endpointId = 0;
        QString code, endpointName;
        int endpointFindings = 0;
    };
    Picked pickFinding(const char *codePrefix)
    {
        Picked p;
        Database db;
        if (!db.open(m_path, Database::Mode::ReadOnly))
            return p;
        Statement st(db, "SELECT f.id, f.endpoint_id, f.code, e.name, (SELECT count(*) FROM "
                         "finding g WHERE g.snapshot_id = f.snapshot_id AND g.endpoint_id = "
                         "f.endpoint_id) FROM finding f JOIN endpoint e ON e.id = f.endpoint_id "
                         "WHERE f.snapshot_id = ?1 AND f.code LIKE ?2 ORDER BY f.id LIMIT 1");
        st.bind(1, m_latest).bind(2, QString::fromLatin1(codePrefix) + QLatin1Char('%'));
        if (st.step())
            p = {st.int64(0), st.int64(1), st.text(2), st.text(3), int(st.int64(4))};
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.trdb"));
        QString error = test::createDemoWorkspace(m_path, 300);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        workspace::Workspace ws;
        QVERIFY(ws.open(m_path, OpenMode::Existing).ok());
        const auto latest = ws.resolveSnapshot(QStringLiteral("latest"), &error);
        QVERIFY2(latest, qPrintable(error));
        m_latest = *latest;
        QVERIFY(ws.ensureAnalysis(m_latest, &error));
    }

    void opensAndRefuses()
    {
        workspace::Workspace ws;
        const auto missing =
            ws.open(m_dir.filePath(QStringLiteral("none.trdb")), OpenMode::Existing);
        QCOMPARE(missing.status, OpenStatus::Missing);
        QVERIFY(!ws.isOpen());

        const QString notOurs = m_dir.filePath(QStringLiteral("notes.trdb"));
        QVERIFY(test::writeFile(notOurs, "not a database at all, just text\n"));
        QVERIFY(!ws.open(notOurs, OpenMode::ReadOnly).ok());

        QVERIFY(ws.open(m_path, OpenMode::Reading).ok());
        QVERIFY(!ws.isReadOnly());
        QCOMPARE(ws.path(), m_path);
        QVERIFY(!workspace::opensReadOnly(m_path));
        QCOMPARE(workspace::sniffFile(m_path), workspace::FileKind::TrhealthWorkspace);
        QCOMPARE(workspace::sniffFile(notOurs), workspace::FileKind::NotSqlite);
    }

    void snapshots()
    {
        workspace::Workspace ws;
        QVERIFY(ws.open(m_path, OpenMode::ReadOnly).ok());
        const QList<qint64> ids = ws.snapshotIds();
        QCOMPARE(ids.size(), 4); // the demo's four months
        QCOMPARE(ids.last(), m_latest);
        QDate previous;
        for (const qint64 id : ids) {
            const QDate date = ws.snapshotDate(id);
            QVERIFY(date.isValid());
            QVERIFY(!previous.isValid() || previous < date);
            QCOMPARE(ws.snapshotInMonth(date.toString(QStringLiteral("yyyy-MM"))), id);
            previous = date;
        }
        QString error;
        QVERIFY(!ws.resolveSnapshot(QStringLiteral("999"), &error));
        QCOMPARE(error, m_path + QStringLiteral(": no snapshot 999"));
        QVERIFY(!ws.snapshotDate(999).isValid());
    }

    void findingsAreStreamedInOrder()
    {
        workspace::Workspace ws;
        QVERIFY(ws.open(m_path, OpenMode::ReadOnly).ok());
        QString error;
        QStringList codes;
        qint64 all = 0;
        QVERIFY(ws.findings(
            m_latest, QString(),
            [&](const workspace::FindingRow &row) {
                ++all;
                codes << row.code;
                QVERIFY(row.hasEndpoint || row.weight > 0);
            },
            &error));
        QVERIFY(all > 100);
        QStringList sorted = codes;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(codes, sorted);

        const QString one = codes.constFirst();
        qint64 ofOne = 0;
        QVERIFY(ws.findings(
            m_latest, one,
            [&](const workspace::FindingRow &row) {
                ++ofOne;
                QCOMPARE(row.code, one);
            },
            &error));
        QCOMPARE(ofOne, qint64(codes.count(one)));
    }

    // An exception counts on the snapshot's date: one that ends on that day covers the
    // finding, in the list and in the details; one that ended the day before does not.
    void exceptionsAreJudgedOnTheSnapshotsDate()
    {
        const Picked picked = pickFinding("health.");
        QVERIFY(picked.id > 0);
        workspace::Workspace ws;
        QVERIFY(ws.open(m_path, OpenMode::Existing).ok());
        const QDate on = ws.snapshotDate(m_latest);

        auto acceptedInList = [&] {
            bool accepted = false;
            QString notes;
            QString error;
            const bool listed = ws.findings(
                m_latest, picked.code,
                [&](const workspace::FindingRow &row) {
                    if (row.endpoint == picked.endpointName) {
                        accepted = row.accepted;
                        notes = row.notes;
                    }
                },
                &error);
            return listed ? std::make_pair(accepted, notes) : std::make_pair(false, error);
        };
        QCOMPARE(acceptedInList().first, false);

        const std::optional<Note> draft = ws.noteFor(picked.id);
        QVERIFY(draft);
        QCOMPARE(draft->endpointId, picked.endpointId);
        QCOMPARE(draft->code, picked.code);
        Note expired = *draft;
        expired.text = QStringLiteral("old exception");
        expired.acceptedUntil = on.addDays(-1);
        QString error;
        const auto expiredId = ws.addNote(expired, &error);
        QVERIFY2(expiredId, qPrintable(error));
        QCOMPARE(acceptedInList().first, false);

        Note current = *draft;
        current.text = QStringLiteral("replacement ordered");
        current.ticket = QStringLiteral("CHG-42");
        current.acceptedUntil = on;
        const auto currentId = ws.addNote(current, &error);
        QVERIFY2(currentId, qPrintable(error));
        const auto [accepted, notes] = acceptedInList();
        QVERIFY(accepted);
        QVERIFY2(notes.contains(QStringLiteral("replacement ordered [CHG-42]")), qPrintable(notes));
        QVERIFY(notes.contains(QStringLiteral("old exception")));

        const auto details = ws.findingDetails(picked.id, on);
        QVERIFY(details);
        QVERIFY(details->hasEndpoint);
        QCOMPARE(details->code, picked.code);
        QCOMPARE(details->endpointName, picked.endpointName);
        QVERIFY(!details->platform.isEmpty());
        QCOMPARE(int(details->findings.size()), picked.endpointFindings);
        int covered = 0;
        for (const auto &item : details->findings) {
            if (item.code == picked.code) {
                QVERIFY(item.accepted);
                QCOMPARE(item.acceptedUntil, on.toString(Qt::ISODate));
                ++covered;
            } else {
                QVERIFY(!item.accepted);
            }
        }
        QVERIFY(covered >= 1);
        QCOMPARE(int(details->notes.size()), 2);
        QVERIFY(!details->answers.empty()); // the client-health answers behind a health.* finding

        // The day after, only a later date would cover it.
        const auto later = ws.findingDetails(picked.id, on.addDays(1));
        QVERIFY(later);
        for (const auto &item : later->findings)
            QVERIFY(!item.accepted);

        QVERIFY(ws.removeNote(*currentId, &error));
        QVERIFY(ws.removeNote(*expiredId, &error));
        QVERIFY(!ws.note(*currentId));
        QCOMPARE(acceptedInList().first, false);
        QVERIFY(!ws.findingDetails(99999999, on));
        QVERIFY(!ws.noteFor(99999999));
    }

    // A snapshot file (someone's export) opens only read-only, its pages checked first.
    void snapshotFileIsReadOnly()
    {
        const QString file = m_dir.filePath(QStringLiteral("month.trhealth"));
        QVERIFY(workspace::isSnapshotFile(file));
        const test::CliResult r = test::runCli({QStringLiteral("export"), QStringLiteral("--db"),
                                                m_path, QStringLiteral("--out"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(workspace::opensReadOnly(file));
        QVERIFY(workspace::verify(file).ok());
        workspace::Workspace ws;
        QVERIFY(!ws.open(file, OpenMode::Existing).ok());
        const workspace::OpenResult opened = ws.open(file, OpenMode::Reading);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        QVERIFY(ws.isReadOnly());
        QCOMPARE(ws.snapshotIds().size(), 1);
        Note note;
        note.endpointName = pickFinding("health.").endpointName;
        note.code = QStringLiteral("health.dec");
        note.text = QStringLiteral("cannot be written");
        QString error;
        QVERIFY(!ws.addNote(note, &error));
        QVERIFY(!error.isEmpty());
        ws.close();

        // A snapshot file comes from someone else: a damage that its schema does not show
        // (two tables on one root page, written by SQLite's own connection) is found by the
        // page check before anything reads it.
        const QString damaged = m_dir.filePath(QStringLiteral("damaged.trhealth"));
        QVERIFY(QFile::copy(file, damaged));
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(damaged).constData(), &raw), SQLITE_OK);
        const int rc = sqlite3_exec(
            raw,
            "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET rootpage = (SELECT rootpage "
            "FROM sqlite_schema WHERE name = 'note') WHERE name = 'checklist'; "
            "PRAGMA writable_schema = OFF;",
            nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        QCOMPARE(rc, SQLITE_OK);
        const workspace::OpenResult refused = ws.open(damaged, OpenMode::Reading);
        QCOMPARE(refused.status, OpenStatus::Damaged);
        QVERIFY(!ws.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
