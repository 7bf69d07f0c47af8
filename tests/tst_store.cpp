#include "TestSupport.h"
#include "analysis/Analyzer.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trh;

class TestStore : public QObject
{
    Q_OBJECT
private slots:
    void createsCurrentSchema()
    {
        // Given a new file, when opened for writing, then it has our schema, WAL and FKs on.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.trdb"));
        Database db;
        QVERIFY(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok());
        QCOMPARE(db.scalarInt("PRAGMA user_version").value(),
                 std::int64_t(Schema::currentVersion()));
        QCOMPARE(db.scalarInt("PRAGMA application_id").value(),
                 std::int64_t(Schema::applicationId()));
        QCOMPARE(db.scalarInt("PRAGMA foreign_keys").value(), std::int64_t(1));
        Statement mode(db, "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        for (const char *table :
             {"snapshot", "source_file", "endpoint", "answer", "cx_status", "client_setting",
              "tool_status", "installed_extension", "sensor_value", "inventory", "tr_status",
              "profile", "alert", "alert_observation", "snapshot_endpoint", "endpoint_group"}) {
            Statement st(db,
                         "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
            st.bind(1, std::string_view(table));
            QVERIFY(st.step());
            QVERIFY2(st.int64(0) == 1, table);
        }
    }

    void reopenKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.trdb"));
        {
            Database db;
            QVERIFY(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok());
            QVERIFY(db.exec("INSERT INTO endpoint(name_key, name) VALUES('a', 'A')"));
        }
        Database db;
        QVERIFY(Store::open(db, path, Store::OpenMode::Existing).ok());
        QCOMPARE(db.scalarInt("SELECT count(*) FROM endpoint").value(), std::int64_t(1));
    }

    void foreignKeysAreEnforced()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(Store::open(db, dir.filePath(QStringLiteral("w.trdb")),
                            Store::OpenMode::CreateOrUpgrade)
                    .ok());
        QVERIFY(!db.exec(
            "INSERT INTO answer(snapshot_id, file_id, dataset, class) VALUES(42, 1, 'x', 0)"));
    }

    void refusesNewerSchemaAndLeavesItUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.trdb"));
        {
            Database db;
            QVERIFY(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok());
            QVERIFY(db.exec("PRAGMA journal_mode = DELETE"));
            QVERIFY(db.exec("PRAGMA user_version = 999"));
        }
        const QByteArray before = test::readAll(path);
        Database db;
        const Store::OpenResult r = Store::open(db, path, Store::OpenMode::CreateOrUpgrade);
        QCOMPARE(r.status, Store::Status::NewerSchema);
        QVERIFY(r.error.contains(QStringLiteral("newer trhealth")));
        QVERIFY(r.error.contains(path));
        QVERIFY(!db.isOpen());
        QCOMPARE(test::readAll(path), before);
    }

    void refusesForeignSqliteFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(db.exec("CREATE TABLE t(x)"));
        }
        Database db;
        QCOMPARE(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).status,
                 Store::Status::NotOurs);
    }

    void refusesGarbage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("garbage.trdb"));
        QByteArray junk(8192, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 7919) % 251);
        QVERIFY(test::writeFile(path, junk));
        Database db;
        QCOMPARE(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).status,
                 Store::Status::Damaged);
        QCOMPARE(test::readAll(path), junk);
    }

    void missingFileIsReportedForExistingModes()
    {
        Database db;
        QCOMPARE(Store::open(db, QStringLiteral("/nonexistent/x.trdb"), Store::OpenMode::ReadOnly)
                     .status,
                 Store::Status::Missing);
    }

    void migratesOldVersionStepByStep()
    {
        // Given a file at version 0 (empty, ours), when opened, then every step runs once.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.trdb"));
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(db.exec("PRAGMA application_id = " + std::to_string(Schema::applicationId())));
        }
        Database db;
        QVERIFY(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok());
        QCOMPARE(int(db.scalarInt("PRAGMA user_version").value()), Schema::currentVersion());
    }

    void upgradeToSchema4IndexesExistingFindings()
    {
        // Given a file of schema 3 whose snapshot has findings (one of an endpoint, one
        // aggregate),
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.trdb"));
        {
            Database db;
            QVERIFY(db.open(path));
            QCOMPARE(Schema::migrate(db, 3).status, Schema::Status::Ok);
            QCOMPARE(int(db.scalarInt("PRAGMA user_version").value()), 3);
            QVERIFY(db.exec(
                "INSERT INTO snapshot(id, taken_at, imported_at) VALUES (1, "
                "'2026-10-28T09:00:00Z', '2026-10-28T10:00:00Z');"
                "INSERT INTO endpoint(id, name_key, name) VALUES (7, 'wks-7', 'WKS-7');"
                "INSERT INTO snapshot_endpoint(snapshot_id, endpoint_id, platform) "
                "VALUES (1, 7, 'Linux');"
                "INSERT INTO finding(id, snapshot_id, endpoint_id, code, subject, detail) VALUES "
                "(1, 1, 7, 'bpf.unknown', 'recorder', 'CO-RE unknown'), "
                "(2, 1, NULL, 'health.dec', 'dec', 'stalled: no events');"));
        }
        // when it is opened for writing,
        Database db;
        QVERIFY(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok());
        QCOMPARE(int(db.scalarInt("PRAGMA user_version").value()), Schema::currentVersion());
        // then the findings carry their endpoint's name and platform,
        Statement rows(db, "SELECT id, endpoint_name, platform FROM finding ORDER BY id");
        QVERIFY(rows.step());
        QCOMPARE(rows.text(1), QStringLiteral("WKS-7"));
        QCOMPARE(rows.text(2), QStringLiteral("Linux"));
        QVERIFY(rows.step());
        QVERIFY(rows.isNull(1) && rows.isNull(2));
        // the search index has their text (any case),
        auto matching = [&db](const char *query) {
            Statement st(db, "SELECT group_concat(rowid) FROM (SELECT rowid FROM finding_search "
                             "WHERE finding_search MATCH ?1 ORDER BY rowid)");
            st.bind(1, std::string_view(query));
            return st.step() ? st.text(0) : QStringLiteral("error: ") + st.error();
        };
        QCOMPARE(matching("\"wks\" AND \"ks-\""), QStringLiteral("1"));
        QCOMPARE(matching("\"STA\" AND \"tal\""), QStringLiteral("2"));
        QCOMPARE(matching("\"lin\""), QStringLiteral("1"));
        QVERIFY(db.exec("INSERT INTO finding_search(finding_search) VALUES ('integrity-check')"));
        // and a later analysis of the snapshot replaces its findings in the index too.
        QString error;
        QVERIFY2(Analyzer::run(db, 1, &error), qPrintable(error));
        QVERIFY2(db.exec("INSERT INTO finding_search(finding_search) VALUES ('integrity-check')"),
                 qPrintable(db.lastError()));
        Statement expected(db, "SELECT group_concat(id) FROM (SELECT id FROM finding WHERE "
                               "endpoint_name LIKE '%wks-%' ORDER BY id)");
        QVERIFY(expected.step());
        QCOMPARE(matching("\"wks\" AND \"ks-\""), expected.text(0));
        QCOMPARE(matching("\"sta\" AND \"tal\" AND \"all\""), QString());
    }

    void readOnlyNeverWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro.trdb"));
        {
            Database db;
            QVERIFY(Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok());
        }
        Database db;
        QVERIFY(Store::open(db, path, Store::OpenMode::ReadOnly).ok());
        QVERIFY(!db.exec("INSERT INTO endpoint(name_key, name) VALUES('a', 'A')"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
