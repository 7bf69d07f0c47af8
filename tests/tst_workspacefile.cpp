#include "TestSupport.h"
#include "snapshotfile/SnapshotFile.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/WorkspaceFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace trh;
using namespace trh::test;

Q_DECLARE_METATYPE(trh::WorkspaceFile::Kind)

namespace {

QString kindName(WorkspaceFile::Kind kind)
{
    switch (kind) {
    case WorkspaceFile::Kind::TrhealthWorkspace:
        return QStringLiteral("TrhealthWorkspace");
    case WorkspaceFile::Kind::OtherSqlite:
        return QStringLiteral("OtherSqlite");
    case WorkspaceFile::Kind::Empty:
        return QStringLiteral("Empty");
    case WorkspaceFile::Kind::NotSqlite:
        return QStringLiteral("NotSqlite");
    case WorkspaceFile::Kind::Missing:
        return QStringLiteral("Missing");
    case WorkspaceFile::Kind::Unreadable:
        return QStringLiteral("Unreadable");
    }
    return QStringLiteral("?");
}

// An SQLite header of size bytes (at least 16): the magic string, then zeros, with
// applicationId (big-endian) at offset 68 if the file is long enough.
QByteArray sqliteHeader(int size, quint32 applicationId)
{
    QByteArray bytes(size, '\0');
    bytes.replace(0, 16, QByteArray("SQLite format 3", 16));
    if (size >= 72)
        qToBigEndian(applicationId, bytes.data() + 68);
    return bytes;
}

} // namespace

// WorkspaceFile::sniff: what a file is by its first 100 bytes, whatever it is called.
class TestWorkspaceFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

    // Somebody else's SQLite database: a table, and applicationId unless it is 0.
    bool createForeignDatabase(const QString &file, int applicationId)
    {
        Database db;
        if (!db.open(file))
            return false;
        if (applicationId != 0 &&
            !db.exec("PRAGMA application_id = " + std::to_string(applicationId)))
            return false;
        return db.exec("CREATE TABLE contact(name TEXT); INSERT INTO contact VALUES('Ada')");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A real workspace (the fleet imported), renamed to .db, and a copy without extension.
        QVERIFY(createFleetWorkspace(path("fleet.trdb")));
        QVERIFY(SnapshotFile::exportSnapshots(path("fleet.trdb"), {1}, path("shared.trhealth")).ok);
        QVERIFY(QFile::rename(path("fleet.trdb"), path("fleet.db")));
        QVERIFY(QFile::copy(path("fleet.db"), path("fleet")));
        QVERIFY(QFile::rename(path("shared.trhealth"), path("shared.bin")));
        // Somebody else's SQLite: no application id, and another one (called .trdb at that).
        QVERIFY(createForeignDatabase(path("contacts.db"), 0));
        QVERIFY(createForeignDatabase(path("other-app.trdb"), 0x4D504C43));
        // Not SQLite at all.
        QVERIFY(QFile::copy(fleetFiles().constFirst(), path("export.trdb")));
        QVERIFY(writeFile(path("empty.trdb"), QByteArray()));
        // Too short for a whole header: 50 bytes, and 99 with trhealth's id in place.
        QVERIFY(writeFile(path("short50.trdb"), sqliteHeader(50, 0)));
        QVERIFY(
            writeFile(path("short99.trdb"), sqliteHeader(99, quint32(Schema::applicationId()))));
        // A whole header and nothing else: only the header is looked at.
        QVERIFY(
            writeFile(path("header-only.db"), sqliteHeader(100, quint32(Schema::applicationId()))));
        // trhealth's id with its bytes swapped (little-endian) is somebody else's.
        QVERIFY(writeFile(path("swapped.db"),
                          sqliteHeader(100, qbswap(quint32(Schema::applicationId())))));
        // The magic string without its terminating zero.
        QByteArray noZero = sqliteHeader(100, quint32(Schema::applicationId()));
        noZero[15] = ' ';
        QVERIFY(writeFile(path("no-zero.db"), noZero));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.trdb")));
    }

    void sniff_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<WorkspaceFile::Kind>("expected");
        using K = WorkspaceFile::Kind;
        QTest::newRow("workspace renamed to .db") << path("fleet.db") << K::TrhealthWorkspace;
        QTest::newRow("workspace without extension") << path("fleet") << K::TrhealthWorkspace;
        QTest::newRow("snapshot file renamed") << path("shared.bin") << K::TrhealthWorkspace;
        QTest::newRow("SQLite, application id 0") << path("contacts.db") << K::OtherSqlite;
        QTest::newRow("SQLite, other id, named .trdb") << path("other-app.trdb") << K::OtherSqlite;
        QTest::newRow("CSV named .trdb") << path("export.trdb") << K::NotSqlite;
        QTest::newRow("empty file") << path("empty.trdb") << K::Empty;
        QTest::newRow("50 bytes of header") << path("short50.trdb") << K::NotSqlite;
        QTest::newRow("99 bytes with our id") << path("short99.trdb") << K::NotSqlite;
        QTest::newRow("header only") << path("header-only.db") << K::TrhealthWorkspace;
        QTest::newRow("id little-endian") << path("swapped.db") << K::OtherSqlite;
        QTest::newRow("magic without its zero") << path("no-zero.db") << K::NotSqlite;
        QTest::newRow("directory") << path("folder.trdb") << K::Unreadable;
        QTest::newRow("missing") << path("missing.trdb") << K::Missing;
        QTest::newRow("missing folder") << path("nowhere/fleet.trdb") << K::Missing;
    }

    void sniff()
    {
        QFETCH(QString, file);
        QFETCH(WorkspaceFile::Kind, expected);
        QCOMPARE(kindName(WorkspaceFile::sniff(file)), kindName(expected));
    }

    void unreadableFile()
    {
        const QString file = path("locked.db");
        QVERIFY(QFile::copy(path("fleet.db"), file));
        QVERIFY(QFile::setPermissions(file, QFileDevice::WriteOwner));
        if (QFile f(file); f.open(QIODevice::ReadOnly))
            QSKIP("the file stays readable (running as root)");
        QCOMPARE(kindName(WorkspaceFile::sniff(file)), kindName(WorkspaceFile::Kind::Unreadable));
    }

    void sniffingChangesNothing()
    {
        // Given somebody else's database, when sniffed, then it is not opened with SQLite:
        // its bytes stay as they were and no journal, WAL or shared-memory file appears.
        const QByteArray before = readAll(path("contacts.db"));
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files);
        QCOMPARE(WorkspaceFile::sniff(path("contacts.db")), WorkspaceFile::Kind::OtherSqlite);
        QCOMPARE(readAll(path("contacts.db")), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), filesBefore);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceFile)
#include "tst_workspacefile.moc"
