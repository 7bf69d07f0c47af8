// A workspace whose structure is damaged is not written to (issue 16, item 8): before a
// write, SQLite's quick_check looks at it (while it is small enough for that to be cheap),
// and a damaged file is refused with exit 2, byte for byte as it was.
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace

class TestDamagedWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(s("ws.trdb"));
        QVERIFY(test::createFleetWorkspace(m_db));
        // Two tables on one root page, as a crafted or corrupted file can have them (SQLite's
        // own connection, without trhealth's defensive settings).
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(m_db).constData(), &raw), SQLITE_OK);
        const char *sql = "PRAGMA writable_schema = ON;"
                          "UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema "
                          "WHERE name = 'note') WHERE name = 'checklist';"
                          "PRAGMA writable_schema = OFF;";
        char *error = nullptr;
        const int rc = sqlite3_exec(raw, sql, nullptr, nullptr, &error);
        const QString why = QString::fromUtf8(error ? error : "");
        sqlite3_free(error);
        sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        QVERIFY2(rc == SQLITE_OK, qPrintable(why));
    }

    void writesAreRefused()
    {
        const QByteArray before = sha256(m_db);
        const QList<QStringList> writes = {
            {s("note"), s("add"), s("--db"), m_db, s("--endpoint"), s("WIN-A"), s("--code"),
             s("settings.non_default"), s("--text"), s("x")},
            {s("expect"), s("--db"), m_db, s("--extension"), s("recorder"), s("--version"),
             s("1.0")},
            {s("import"), s("--db"), m_db,
             QDir(test::fixture(s("fleet"))).filePath(s("threat-response-alerts.json"))},
        };
        for (const QStringList &args : writes) {
            const test::CliResult r = test::runCli(args);
            QVERIFY2(r.exitCode == 2, r.err.constData());
            QVERIFY2(r.err.contains("the file is damaged"), r.err.constData());
            QVERIFY2(r.err.contains("nothing was written to it"), r.err.constData());
            QCOMPARE(sha256(m_db), before);
        }
    }
};

QTEST_GUILESS_MAIN(TestDamagedWorkspace)
#include "tst_damagedworkspace.moc"
