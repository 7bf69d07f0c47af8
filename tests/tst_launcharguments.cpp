#include "LaunchArguments.h"
#include "TestSupport.h"
#include "Translator.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using namespace trh::test;

// LaunchArguments: what `trhealth [--db FILE] [FILE...]` opens, imports and refuses, by the
// files' content rather than their names.
class TestLaunchArguments : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    static QString absolute(const QString &file) { return QFileInfo(file).absoluteFilePath(); }
    static QString shown(const QString &file) { return QDir::toNativeSeparators(file); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // An empty but real workspace, renamed to .db and to no extension; a second one.
        {
            Database db;
            QVERIFY(Store::open(db, path("fleet.trdb"), Store::OpenMode::CreateOrUpgrade).ok());
        }
        QVERIFY(QFile::copy(path("fleet.trdb"), path("fleet.db")));
        QVERIFY(QFile::copy(path("fleet.trdb"), path("fleet")));
        QVERIFY(QFile::copy(path("fleet.trdb"), path("second.sqlite")));
        // Somebody else's SQLite file (no application id), also under a workspace's name.
        {
            Database db;
            QVERIFY(db.open(path("contacts.db")));
            QVERIFY(db.exec("CREATE TABLE contact(name TEXT)"));
        }
        QVERIFY(QFile::copy(path("contacts.db"), path("contacts.trdb")));
        // A Tanium export, also under a workspace's name; an empty .trdb.
        QVERIFY(QFile::copy(fleetFiles().constFirst(), path("export.csv")));
        QVERIFY(QFile::copy(fleetFiles().constFirst(), path("export.trdb")));
        QVERIFY(writeFile(path("empty.trdb"), QByteArray()));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder")));
    }

    void aWorkspaceOpensWhateverItsName_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow(".trdb") << path("fleet.trdb");
        QTest::newRow(".db") << path("fleet.db");
        QTest::newRow("no extension") << path("fleet");
    }

    void aWorkspaceOpensWhateverItsName()
    {
        QFETCH(QString, file);
        const LaunchArguments launch = LaunchArguments::fromCommandLine({file});
        QCOMPARE(launch.workspace, absolute(file));
        QCOMPARE(launch.imports, QStringList());
        QCOMPARE(launch.refusals, QStringList());
    }

    void anotherSqliteDatabaseIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow(".db") << path("contacts.db");
        QTest::newRow(".trdb") << path("contacts.trdb");
    }

    void anotherSqliteDatabaseIsRefused()
    {
        // Given somebody else's SQLite file, when given on the command line, then it is
        // neither opened nor imported, and the message names it.
        QFETCH(QString, file);
        const LaunchArguments launch = LaunchArguments::fromCommandLine({file});
        QCOMPARE(launch.workspace, QString());
        QCOMPARE(launch.imports, QStringList());
        QCOMPARE(launch.refusals.size(), 1);
        const QString &message = launch.refusals.constFirst();
        QVERIFY2(message.startsWith(shown(file)), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("SQLite database but not a trhealth workspace")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("neither opened nor imported")),
                 qPrintable(message));
    }

    void otherFilesAreImported()
    {
        // A CSV export is imported, even when it is called .trdb.
        const LaunchArguments launch =
            LaunchArguments::fromCommandLine({path("export.csv"), path("export.trdb")});
        QCOMPARE(launch.workspace, QString());
        QCOMPARE(launch.imports, QStringList({path("export.csv"), path("export.trdb")}));
        QCOMPARE(launch.refusals, QStringList());
    }

    void importsGetAbsolutePaths()
    {
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        const LaunchArguments launch = LaunchArguments::fromCommandLine(
            {QStringLiteral("export.csv"), QStringLiteral("fleet.db")});
        QVERIFY(QDir::setCurrent(before));
        QCOMPARE(launch.imports, QStringList({path("export.csv")}));
        QCOMPARE(launch.workspace, path("fleet.db"));
    }

    void aNewTrdbBecomesTheWorkspace()
    {
        // `trhealth new.trdb` creates the workspace (with the first import), as does an empty
        // file called .trdb (Store::open takes it for a new one).
        for (const QString &file : {path("new.trdb"), path("empty.trdb")}) {
            const LaunchArguments launch = LaunchArguments::fromCommandLine({file});
            QCOMPARE(launch.workspace, absolute(file));
            QCOMPARE(launch.refusals, QStringList());
            QCOMPARE(launch.imports, QStringList());
        }
        QVERIFY(!QFileInfo::exists(path("new.trdb")));
    }

    void missingAndUnreadableFilesAreRefused()
    {
        const LaunchArguments launch =
            LaunchArguments::fromCommandLine({path("missing.csv"), path("folder")});
        QCOMPARE(launch.workspace, QString());
        QCOMPARE(launch.imports, QStringList());
        QCOMPARE(launch.refusals.size(), 2);
        QVERIFY2(launch.refusals[0].startsWith(shown(path("missing.csv")) +
                                               QLatin1String(" does not exist")),
                 qPrintable(launch.refusals[0]));
        QVERIFY2(launch.refusals[1].startsWith(shown(path("folder"))),
                 qPrintable(launch.refusals[1]));
    }

    void theFirstWorkspaceWins()
    {
        // Given two workspaces, then the first opens and the second is refused, naming both.
        const LaunchArguments launch =
            LaunchArguments::fromCommandLine({path("fleet.db"), path("second.sqlite")});
        QCOMPARE(launch.workspace, path("fleet.db"));
        QCOMPARE(launch.refusals.size(), 1);
        const QString &message = launch.refusals.constFirst();
        QVERIFY2(
            message.startsWith(shown(path("second.sqlite")) + QLatin1String(" was not opened")),
            qPrintable(message));
        QVERIFY2(message.contains(shown(path("fleet.db"))), qPrintable(message));
    }

    void dbOptionComesFirst()
    {
        const LaunchArguments launch = LaunchArguments::fromCommandLine(
            {path("fleet.db"), path("export.csv")}, path("second.sqlite"));
        QCOMPARE(launch.workspace, path("second.sqlite"));
        QCOMPARE(launch.imports, QStringList({path("export.csv")}));
        QCOMPARE(launch.refusals.size(), 1);
        QVERIFY2(launch.refusals[0].startsWith(shown(path("fleet.db"))),
                 qPrintable(launch.refusals[0]));
    }

    void dbOptionIsNeverImported()
    {
        // --db with a missing file makes a new workspace, whatever its name; with somebody
        // else's database or an export it is refused, and never imported.
        LaunchArguments launch = LaunchArguments::fromCommandLine({}, path("new-workspace"));
        QCOMPARE(launch.workspace, path("new-workspace"));
        QCOMPARE(launch.refusals, QStringList());
        for (const QString &file : {path("contacts.db"), path("export.csv"), path("folder")}) {
            launch = LaunchArguments::fromCommandLine({path("fleet")}, file);
            QCOMPARE(launch.workspace, path("fleet"));
            QCOMPARE(launch.imports, QStringList());
            QCOMPARE(launch.refusals.size(), 1);
            QVERIFY2(launch.refusals[0].startsWith(shown(file)), qPrintable(launch.refusals[0]));
            QVERIFY2(launch.refusals[0].contains(QLatin1String("was not opened")),
                     qPrintable(launch.refusals[0]));
        }
    }

    void everythingAtOnce()
    {
        const LaunchArguments launch = LaunchArguments::fromCommandLine(
            {path("contacts.db"), path("export.csv"), path("fleet"), path("missing.json")});
        QCOMPARE(launch.workspace, path("fleet"));
        QCOMPARE(launch.imports, QStringList({path("export.csv")}));
        QCOMPARE(launch.refusals.size(), 2);
        QVERIFY(launch.refusals[0].startsWith(shown(path("contacts.db"))));
        QVERIFY(launch.refusals[1].startsWith(shown(path("missing.json"))));
    }

    void refusalsAreTranslated()
    {
        QVERIFY(installTranslations(*QCoreApplication::instance(), QStringLiteral("de")));
        const LaunchArguments launch = LaunchArguments::fromCommandLine({path("contacts.db")});
        QCOMPARE(launch.refusals.size(), 1);
        QVERIFY2(launch.refusals[0].startsWith(shown(path("contacts.db"))),
                 qPrintable(launch.refusals[0]));
        QVERIFY2(launch.refusals[0].contains(QStringLiteral("SQLite-Datenbank")),
                 qPrintable(launch.refusals[0]));
    }
};

QTEST_GUILESS_MAIN(TestLaunchArguments)
#include "tst_launcharguments.moc"
