#include "TestSupport.h"
#include "snapshotfile/SnapshotFile.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace trh;
using namespace trh::test;

namespace {

QList<qint64> ids(Database &db, const char *sql)
{
    QList<qint64> out;
    Statement st(db, sql);
    while (st.step())
        out << st.int64(0);
    return out;
}

// Changes a file with plain SQLite, as someone preparing a hostile file would: no defensive
// mode, writable schema allowed.
bool tamper(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

QStringList sideFiles(const QString &path)
{
    QStringList found;
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            found << path + QLatin1String(suffix);
    }
    return found;
}

} // namespace

class TestSnapshotFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_good; // snapshots 2 and 4 of the workspace

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("demo.trdb"));
        const CliResult demo = runCli({QStringLiteral("demo"), QStringLiteral("--db"), m_workspace,
                                       QStringLiteral("--endpoints"), QStringLiteral("60")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        m_good = m_dir.filePath(QStringLiteral("good.trhealth"));
        const auto r = SnapshotFile::exportSnapshots(m_workspace, {2, 4}, m_good);
        QVERIFY2(r.ok, qPrintable(r.error));
    }

    void exportCarriesExactlyTheChosenSnapshots()
    {
        Database source;
        QVERIFY(Store::open(source, m_workspace, Store::OpenMode::ReadOnly).ok());
        QVERIFY(ids(source, "SELECT id FROM snapshot").size() >= 4);
        Database db;
        const Store::OpenResult opened = SnapshotFile::openChecked(db, m_good);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        QVERIFY(opened.readOnly);
        QCOMPARE(ids(db, "SELECT id FROM snapshot ORDER BY id"), (QList<qint64>{2, 4}));
        // Everything hanging off a snapshot belongs to a kept one, and each kept snapshot
        // carries its analysis, findings and states.
        for (const char *table : {"source_file", "answer", "finding", "endpoint_state", "analysis",
                                  "snapshot_endpoint", "alert_observation"}) {
            const std::string sql =
                std::string("SELECT DISTINCT snapshot_id FROM ") + table + " ORDER BY 1";
            QCOMPARE(ids(db, sql.c_str()), (QList<qint64>{2, 4}));
        }
        // The same rows as in the workspace, snapshot by snapshot.
        for (const char *sql : {"SELECT count(*) FROM finding WHERE snapshot_id = 4",
                                "SELECT count(*) FROM source_file WHERE snapshot_id = 2",
                                "SELECT count(*) FROM endpoint_state WHERE snapshot_id = 2"}) {
            QCOMPARE(db.scalarInt(sql), source.scalarInt(sql));
            QVERIFY(db.scalarInt(sql).value_or(0) > 0);
        }
        // No endpoint, alert or value key without a kept snapshot behind it.
        QCOMPARE(db.scalarInt("SELECT count(*) FROM endpoint WHERE id NOT IN "
                              "(SELECT endpoint_id FROM snapshot_endpoint)"),
                 std::optional<std::int64_t>(0));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM alert WHERE id NOT IN "
                              "(SELECT alert_id FROM alert_observation)"),
                 std::optional<std::int64_t>(0));
        // The search index holds the kept findings and nothing else (FTS5's own check of an
        // external-content index against its rows, on a writable copy).
        const QString copy = m_dir.filePath(QStringLiteral("search-check.trdb"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_good, copy));
        {
            Database raw;
            QVERIFY(raw.open(copy, Database::Mode::ReadWrite));
            QVERIFY2(raw.exec("INSERT INTO finding_search(finding_search, rank) "
                              "VALUES ('integrity-check', 1)"),
                     qPrintable(raw.lastError()));
        }
        QFile::remove(copy);
        // One file: no write-ahead log mode, nothing written beside it by opening it.
        QCOMPARE(readAll(m_good).mid(18, 2), QByteArray("\x01\x01", 2));
        QVERIFY2(sideFiles(m_good).isEmpty(), qPrintable(sideFiles(m_good).join(u' ')));
    }

    void notesAndChecklistTravelWithTheirSnapshots()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("notes.trdb"));
        QVERIFY(QFile::copy(m_workspace, workspace));
        QString endpointKept, endpointDropped;
        {
            Database db;
            QVERIFY(Store::open(db, workspace, Store::OpenMode::Existing).ok());
            Statement only(db, "SELECT e.name FROM endpoint e WHERE e.id IN (SELECT endpoint_id "
                               "FROM snapshot_endpoint WHERE snapshot_id = ?1) AND e.id NOT IN "
                               "(SELECT endpoint_id FROM snapshot_endpoint WHERE snapshot_id = ?2)"
                               " ORDER BY e.id LIMIT 1");
            QVERIFY(only.bind(1, 4).bind(2, 1).step());
            endpointKept = only.text(0);
            QVERIFY(only.bind(1, 1).bind(2, 4).step());
            endpointDropped = only.text(0);
            QVERIFY(db.exec(
                "INSERT INTO note (endpoint_id, code, text, author, created_at) "
                "SELECT id, 'health.cx_status', 'kept', 'me', '2026-11-01' FROM "
                "endpoint WHERE name = '" +
                endpointKept.toStdString() +
                "';"
                "INSERT INTO note (endpoint_id, code, text, author, created_at) "
                "SELECT id, 'health.cx_status', 'xyzzy-dropped-note', 'me', '2026-11-01' FROM "
                "endpoint WHERE name = '" +
                endpointDropped.toStdString() +
                "';"
                "INSERT INTO checklist (month, step, signed_by) VALUES "
                "('2026-11', 'coverage', 'me'), ('2026-08', 'coverage', 'me')"));
        }
        const QString out = m_dir.filePath(QStringLiteral("notes.trhealth"));
        const auto r = SnapshotFile::exportSnapshots(workspace, {4}, out);
        QVERIFY2(r.ok, qPrintable(r.error));
        Database db;
        QVERIFY(SnapshotFile::openChecked(db, out).ok());
        Statement notes(db, "SELECT text FROM note");
        QStringList texts;
        while (notes.step())
            texts << notes.text(0);
        QCOMPARE(texts, QStringList{QStringLiteral("kept")});
        Statement months(db, "SELECT month FROM checklist");
        QVERIFY(months.step());
        QCOMPARE(months.text(0), QStringLiteral("2026-11"));
        QVERIFY(!months.step());
        // VACUUM leaves nothing of the dropped rows in the file's free pages.
        QVERIFY(!readAll(out).contains("xyzzy-dropped-note"));
        QVERIFY(readAll(workspace).contains("xyzzy-dropped-note"));
    }

    void summaryOfTheFileEqualsTheWorkspaces()
    {
        const QByteArray hashBefore =
            QCryptographicHash::hash(readAll(m_good), QCryptographicHash::Sha256);
        for (const QString &id : {QStringLiteral("2"), QStringLiteral("4")}) {
            const CliResult original =
                runCli({QStringLiteral("summary"), QStringLiteral("--db"), m_workspace,
                        QStringLiteral("--snapshot"), id, QStringLiteral("--json")});
            const CliResult copy =
                runCli({QStringLiteral("summary"), QStringLiteral("--db"), m_good,
                        QStringLiteral("--snapshot"), id, QStringLiteral("--json")});
            QCOMPARE(copy.exitCode, 0);
            QVERIFY(original.out.contains("\"coverage\""));
            QCOMPARE(copy.out, original.out);
        }
        for (const QStringList &args :
             {QStringList{QStringLiteral("findings"), QStringLiteral("--json")},
              QStringList{QStringLiteral("diff"), QStringLiteral("--from"), QStringLiteral("2"),
                          QStringLiteral("--to"), QStringLiteral("4")}}) {
            const CliResult copy = runCli(args + QStringList{QStringLiteral("--db"), m_good});
            QVERIFY2(copy.exitCode == 0, copy.err.constData());
            QVERIFY(!copy.out.isEmpty());
        }
        // Reading changed nothing and wrote nothing beside the file.
        QCOMPARE(QCryptographicHash::hash(readAll(m_good), QCryptographicHash::Sha256), hashBefore);
        QVERIFY(sideFiles(m_good).isEmpty());
    }

    void writingCommandsRefuseTheFile()
    {
        const CliResult note = runCli({QStringLiteral("expect"), QStringLiteral("--db"), m_good,
                                       QStringLiteral("--extension"), QStringLiteral("x"),
                                       QStringLiteral("--version"), QStringLiteral("1")});
        QVERIFY(note.exitCode != 0);
        QVERIFY2(note.err.contains("read-only"), note.err.constData());
    }

    void cliExportsSeveralOrAll()
    {
        const QString out = m_dir.filePath(QStringLiteral("cli.trhealth"));
        CliResult r =
            runCli({QStringLiteral("export"), QStringLiteral("--db"), m_workspace,
                    QStringLiteral("--snapshot"), QStringLiteral("1"), QStringLiteral("--snapshot"),
                    QStringLiteral("3"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        {
            Database db;
            QVERIFY(SnapshotFile::openChecked(db, out).ok());
            QCOMPARE(ids(db, "SELECT id FROM snapshot ORDER BY id"), (QList<qint64>{1, 3}));
        }
        r = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_workspace,
                    QStringLiteral("--all"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        Database db;
        QVERIFY(SnapshotFile::openChecked(db, out).ok());
        Database source;
        QVERIFY(Store::open(source, m_workspace, Store::OpenMode::ReadOnly).ok());
        QCOMPARE(ids(db, "SELECT id FROM snapshot ORDER BY id"),
                 ids(source, "SELECT id FROM snapshot ORDER BY id"));
        // A name that would not open read-only, and an unknown snapshot, are refused.
        r = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_workspace,
                    QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.trdb"))});
        QCOMPARE(r.exitCode, 1);
        r = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_workspace,
                    QStringLiteral("--snapshot"), QStringLiteral("99"), QStringLiteral("--out"),
                    m_dir.filePath(QStringLiteral("none.trhealth"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("none.trhealth"))));
    }

    void failedOrCancelledExportLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("x.trhealth"));
        // Cancelled at every stage in turn: never a file, never a leftover.
        QList<int> seen;
        SnapshotFile::exportSnapshots(m_workspace, {1, 2}, out, [&](int permille) {
            seen << permille;
            return true;
        });
        QVERIFY(QFileInfo::exists(out));
        QVERIFY(QFile::remove(out));
        QVERIFY(seen.size() > 3);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.constLast(), 1000);
        const qsizetype n = seen.size();
        for (const qsizetype stop : {qsizetype(0), qsizetype(1), n / 4, n / 2, n - 3, n - 2}) {
            int calls = 0;
            const auto r = SnapshotFile::exportSnapshots(m_workspace, {1, 2}, out,
                                                         [&](int) { return calls++ < stop; });
            QVERIFY(!r.ok);
            QVERIFY(r.cancelled);
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
        }
        // A failure (no such snapshot; a folder that cannot be written) leaves the old file.
        QVERIFY(writeFile(out, "old"));
        auto r = SnapshotFile::exportSnapshots(m_workspace, {1, 77}, out);
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("77")));
        QCOMPARE(readAll(out), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("x.trhealth")});
        r = SnapshotFile::exportSnapshots(m_workspace, {1},
                                          dir.filePath(QStringLiteral("missing/x.trhealth")));
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
    }

    void hostileFilesAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected"); // a word of the message
        QTest::newRow("extra trigger") << "trigger"
                                       << "trigger";
        QTest::newRow("extra view") << "view"
                                    << "view";
        QTest::newRow("extra index") << "index"
                                     << "index";
        QTest::newRow("newer schema") << "newer"
                                      << "newer";
        QTest::newRow("foreign application id") << "foreign"
                                                << "not written by trhealth";
        QTest::newRow("missing table") << "missing"
                                       << "missing";
        QTest::newRow("tampered create statement") << "tampered"
                                                   << "differs";
        QTest::newRow("truncated") << "truncated"
                                   << "";
        QTest::newRow("random bytes") << "random"
                                      << "";
        QTest::newRow("empty") << "empty"
                               << "";
        QTest::newRow("damaged page") << "damaged"
                                      << "";
    }

    void hostileFilesAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(kind + QStringLiteral(".trhealth"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_good, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray good = readAll(m_good);
        if (kind == QLatin1String("trigger"))
            QVERIFY(tamper(path, "CREATE TRIGGER evil AFTER DELETE ON note BEGIN "
                                 "DELETE FROM snapshot; END"));
        else if (kind == QLatin1String("view"))
            QVERIFY(tamper(path, "CREATE VIEW evil AS SELECT * FROM snapshot"));
        else if (kind == QLatin1String("index"))
            QVERIFY(tamper(path, "CREATE INDEX evil ON snapshot(label)"));
        else if (kind == QLatin1String("newer"))
            QVERIFY(tamper(
                path,
                ("PRAGMA user_version = " + std::to_string(Schema::currentVersion() + 1)).c_str()));
        else if (kind == QLatin1String("foreign"))
            QVERIFY(tamper(path, "PRAGMA application_id = 1234"));
        else if (kind == QLatin1String("missing"))
            QVERIFY(tamper(path, "DROP TABLE checklist"));
        else if (kind == QLatin1String("tampered"))
            QVERIFY(tamper(path, "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
                                 "replace(sql, 'label       TEXT NOT NULL DEFAULT ''''', "
                                 "'label TEXT NOT NULL DEFAULT (lower(''x''))') WHERE name = "
                                 "'snapshot'"));
        else if (kind == QLatin1String("truncated"))
            QVERIFY(writeFile(path, good.left(good.size() / 2)));
        else if (kind == QLatin1String("random")) {
            QByteArray bytes(64 * 1024, Qt::Uninitialized);
            QRandomGenerator rng(42);
            for (char &c : bytes)
                c = char(rng.bounded(256));
            QVERIFY(writeFile(path, bytes));
        } else if (kind == QLatin1String("empty"))
            QVERIFY(writeFile(path, QByteArray()));
        else if (kind == QLatin1String("damaged")) {
            // One page in the middle overwritten with a pattern: the header is intact.
            QByteArray bytes = good;
            const qsizetype page = qsizetype(quint8(bytes[16])) << 8 | quint8(bytes[17]);
            const qsizetype at = (bytes.size() / page / 2) * page;
            for (qsizetype i = at; i < at + page; ++i)
                bytes[i] = char(0x5a);
            QVERIFY(writeFile(path, bytes));
        }
        QVERIFY(readAll(path) != good || kind == QLatin1String("empty"));

        const Store::OpenResult r = SnapshotFile::verify(path);
        QVERIFY2(!r.ok(), qPrintable(kind));
        QVERIFY(r.error.startsWith(path));
        QVERIFY(!r.error.contains(u'\n'));
        QVERIFY2(r.error.contains(expected, Qt::CaseInsensitive), qPrintable(r.error));
        // The command line says the same and exits with "bad input".
        const CliResult cli = runCli({QStringLiteral("summary"), QStringLiteral("--db"), path});
        QCOMPARE(cli.exitCode, 2);
        QVERIFY2(cli.err.contains(path.toUtf8()), cli.err.constData());
        QVERIFY(sideFiles(path).isEmpty());
    }

    void workspaceWithAForeignTriggerIsRefusedToo()
    {
        // Not only snapshot files: a workspace given to File → Open is checked the same way.
        const QString path = m_dir.filePath(QStringLiteral("evil.trdb"));
        QVERIFY(createFleetWorkspace(path));
        QVERIFY(tamper(path, "CREATE TRIGGER evil AFTER INSERT ON note BEGIN "
                             "DELETE FROM finding; END"));
        Database db;
        const Store::OpenResult r = Store::open(db, path, Store::OpenMode::Existing);
        QCOMPARE(r.status, Store::Status::NotOurs);
        QVERIFY2(r.error.contains(QLatin1String("trigger \"evil\"")), qPrintable(r.error));
        QVERIFY(!db.isOpen());
    }

    void plannerStatisticsAreAllowed()
    {
        // ANALYZE's table is the one object SQLite itself adds; it runs nothing.
        const QString path = m_dir.filePath(QStringLiteral("analyzed.trhealth"));
        QVERIFY(QFile::copy(m_good, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(tamper(path, "ANALYZE"));
        const Store::OpenResult r = SnapshotFile::verify(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        // The same name with another definition is not.
        QVERIFY(tamper(path, "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
                             "'CREATE TABLE sqlite_stat1(tbl,idx,stat,x)' WHERE name = "
                             "'sqlite_stat1'"));
        QVERIFY(!SnapshotFile::verify(path).ok());
    }

    void readOnlyFileWithoutAnalysisSaysSo()
    {
        // A file whose analysis is missing (an older trhealth's rules) is not analysed in
        // place: the summary says why instead.
        const QString path = m_dir.filePath(QStringLiteral("unanalysed.trhealth"));
        QVERIFY(QFile::copy(m_good, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(tamper(path, "DELETE FROM analysis WHERE snapshot_id = 4"));
        const CliResult cli = runCli({QStringLiteral("summary"), QStringLiteral("--db"), path,
                                      QStringLiteral("--snapshot"), QStringLiteral("4")});
        QCOMPARE(cli.exitCode, 3);
        QVERIFY2(cli.err.contains("no analysis"), cli.err.constData());
        QVERIFY(sideFiles(path).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSnapshotFile)
#include "tst_snapshotfile.moc"
