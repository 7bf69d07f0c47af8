#include "TestSupport.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using namespace trh::test;

// The built console, `trhealth --screenshot OUT.png FILE...`, offscreen: a workspace is
// recognised by its content whatever its name, somebody else's SQLite file is refused on
// stderr and nothing is imported from it.
class TestGuiCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_fleet;    // a real workspace, renamed to fleet.db
    QString m_contacts; // somebody else's SQLite database
    QByteArray m_contactsBytes;

    struct Run
    {
        CliResult result;
        QString home;       // HOME and the XDG folders of this run
        QString screenshot; // where the PNG was asked for
        QString lastWorkspace() const
        {
            return QSettings(QDir(home).filePath(QStringLiteral("config/trhealth/trhealth.conf")),
                             QSettings::IniFormat)
                .value(QStringLiteral("lastWorkspace"))
                .toString();
        }
    };

    // Runs trhealth with files, in English, with a home of its own (no settings, no last
    // workspace, no keychain).
    Run run(const QString &name, const QStringList &files)
    {
        Run r;
        r.home = m_dir.filePath(name);
        QDir().mkpath(r.home);
        r.screenshot = QDir(r.home).filePath(QStringLiteral("shot.png"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), r.home);
        for (const char *var :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            const QString dir =
                QDir(r.home).filePath(QString::fromLatin1(var).section(u'_', 1, 1).toLower());
            env.insert(QString::fromLatin1(var), dir);
        }
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + QDir(r.home).filePath(QStringLiteral("no-bus")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        // A run that waits for an answer (a file dialog, a message box) is killed: -1.
        r.result = runGui(QStringList{QStringLiteral("--language"), QStringLiteral("en"),
                                      QStringLiteral("--screenshot"), r.screenshot} +
                              files,
                          env, 90000);
        return r;
    }

    static bool isPng(const QString &file) { return readAll(file).startsWith("\x89PNG\r\n"); }

    static qint64 snapshotCount(const QString &workspace)
    {
        Database db;
        if (!Store::open(db, workspace, Store::OpenMode::ReadOnly).ok())
            return -1;
        return db.scalarInt("SELECT count(*) FROM snapshot").value_or(-1);
    }

    // Workspaces (.trdb) anywhere under the test's folder.
    QStringList workspacesCreated() const
    {
        QStringList found;
        QDirIterator it(m_dir.path(), {QStringLiteral("*.trdb")}, QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            found << it.next();
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString created = m_dir.filePath(QStringLiteral("created.trdb"));
        QVERIFY(createFleetWorkspace(created));
        m_fleet = m_dir.filePath(QStringLiteral("fleet.db"));
        QVERIFY(QFile::rename(created, m_fleet));
        QCOMPARE(snapshotCount(m_fleet), qint64(1));
        m_contacts = m_dir.filePath(QStringLiteral("contacts.db"));
        {
            Database db;
            QVERIFY(db.open(m_contacts));
            QVERIFY(db.exec("CREATE TABLE contact(name TEXT); INSERT INTO contact VALUES('Ada')"));
        }
        m_contactsBytes = readAll(m_contacts);
        QVERIFY(!m_contactsBytes.isEmpty());
    }

    void aRenamedWorkspaceOpens()
    {
        // Given a workspace called fleet.db, when trhealth is started with it, then it opens
        // (it becomes the last workspace, and the overview is pictured) and nothing is refused.
        const Run r = run(QStringLiteral("renamed"), {m_fleet});
        QVERIFY2(r.result.exitCode == 0, r.result.err.constData());
        QVERIFY(isPng(r.screenshot));
        QCOMPARE(r.lastWorkspace(), m_fleet);
        QVERIFY2(!r.result.err.contains("was not opened") &&
                     !r.result.err.contains("neither opened nor imported"),
                 r.result.err.constData());
        QCOMPARE(snapshotCount(m_fleet), qint64(1));
    }

    void anotherSqliteDatabaseIsRefused()
    {
        // Given somebody else's SQLite file, when trhealth is started with it, then stderr
        // says so, naming it, and no workspace was created or opened, nor the file changed.
        const Run r = run(QStringLiteral("foreign"), {m_contacts});
        QVERIFY2(r.result.exitCode == 0, r.result.err.constData());
        QVERIFY(isPng(r.screenshot));
        const QByteArray refusal =
            QDir::toNativeSeparators(m_contacts).toUtf8() +
            " is an SQLite database but not a trhealth workspace; it was neither opened nor "
            "imported.";
        QVERIFY2(r.result.err.contains(refusal), r.result.err.constData());
        QCOMPARE(r.lastWorkspace(), QString());
        QCOMPARE(workspacesCreated(), QStringList());
        QCOMPARE(readAll(m_contacts), m_contactsBytes);
    }

    void aWorkspaceOpensBesideARefusedFile()
    {
        // Given a workspace and somebody else's SQLite file, then the workspace opens, the
        // other file is refused, and nothing is imported into the workspace.
        const Run r = run(QStringLiteral("both"), {m_contacts, m_fleet});
        QVERIFY2(r.result.exitCode == 0, r.result.err.constData());
        QVERIFY(isPng(r.screenshot));
        QCOMPARE(r.lastWorkspace(), m_fleet);
        QVERIFY2(r.result.err.contains("contacts.db is an SQLite database but not a trhealth "
                                       "workspace"),
                 r.result.err.constData());
        QCOMPARE(snapshotCount(m_fleet), qint64(1));
        QCOMPARE(readAll(m_contacts), m_contactsBytes);
    }
};

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "tst_guicommandline.moc"
