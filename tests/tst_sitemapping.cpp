// The site's dataset mapping (datasets.json in the config folder) is resolved in one place,
// workspace::SiteMapping, so one override changes a console import, a CLI import and a fetch
// alike; a malformed one stops all three with the same message.
#include "DialogSeam.h"
#include "FakeTaniumServer.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "dialogs/ImportDialog.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/SiteMapping.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using trh::test::FakeTaniumServer;

namespace {

const QString kToolsFile = QStringLiteral(
    "Get Computer Name and Endpoint Configuration - Tools Status from all machines.csv");

// Rows of the tools-status dataset a workspace holds (0 when it holds none or is missing).
qint64 toolRows(const QString &db)
{
    if (!QFileInfo::exists(db))
        return 0;
    Database d;
    if (!Store::open(d, db, Store::OpenMode::ReadOnly).ok())
        return -1;
    Statement st(d, "SELECT count(*) FROM tool_status");
    return st.step() ? st.int64(0) : -1;
}

// A site override that also reads the tool's name from an "Endpoint Tool" column.
QByteArray overrideDocument()
{
    QFile builtIn(QStringLiteral(":/datasets.json"));
    if (!builtIn.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray datasets = QJsonDocument::fromJson(builtIn.readAll())
                                    .object()
                                    .value(QStringLiteral("datasets"))
                                    .toArray();
    for (const QJsonValue &v : datasets) {
        QJsonObject d = v.toObject();
        if (d.value(QStringLiteral("name")) != QLatin1String("tools_status"))
            continue;
        QJsonArray columns = d.value(QStringLiteral("columns")).toArray();
        for (int i = 0; i < columns.size(); ++i) {
            QJsonObject c = columns[i].toObject();
            if (c.value(QStringLiteral("role")) == QLatin1String("tool")) {
                QJsonArray names = c.value(QStringLiteral("names")).toArray();
                names.append(QStringLiteral("Endpoint Tool"));
                c.insert(QStringLiteral("names"), names);
                columns[i] = c;
            }
        }
        d.insert(QStringLiteral("columns"), columns);
        return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                         {QStringLiteral("datasets"), QJsonArray{d}}})
            .toJson();
    }
    return {};
}

} // namespace

class TestSiteMapping : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_fleet;       // the fleet with the tools file's "Tool Name" column renamed
    QStringList m_files;   // its files
    qint64 m_expected = 0; // tool rows of the original fleet
    QByteArray m_override;

    QString xdgConfig(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // Writes (or, with empty bytes, removes) the override for this process and for the CLI
    // processes started with XDG_CONFIG_HOME=xdgConfig("with").
    void setOverride(const QByteArray &bytes)
    {
        const QString mine = workspace::SiteMapping::overridePath();
        const QString theirs =
            xdgConfig("with") + QStringLiteral("/trhealth/trhealth/datasets.json");
        QFile::remove(mine);
        QFile::remove(theirs);
        if (!bytes.isEmpty()) {
            QVERIFY(test::writeFile(mine, bytes));
            QVERIFY(test::writeFile(theirs, bytes));
        }
    }

    test::CliResult cli(const QString &config, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.insert(QStringLiteral("TRH_TEST_TOKEN"), QStringLiteral("test-token-5f1c"));
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(TRHEALTH_CLI), args);
        p.waitForFinished(120000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    test::CliResult fetch(const QString &config, const QString &db)
    {
        FakeTaniumServer server(m_fleet);
        FakeTaniumServer::Options options;
        QString error;
        if (!server.start(options, &error))
            return {-1, {}, error.toUtf8()};
        return cli(config,
                   {QStringLiteral("fetch"), QStringLiteral("--db"), db, QStringLiteral("--server"),
                    server.url().toString(), QStringLiteral("--token-env"),
                    QStringLiteral("TRH_TEST_TOKEN"), QStringLiteral("--poll-interval-ms"),
                    QStringLiteral("5"), QStringLiteral("--retry-base-ms"), QStringLiteral("5"),
                    QStringLiteral("--alert-months"), QStringLiteral("0")});
    }

    // Imports m_files through the real main window into db; the preview's datasets of the
    // tools file, and whether the Import button could be pressed.
    QStringList guiImport(const QString &db, bool *importable)
    {
        MainWindow window;
        window.show();
        DialogSeam::setNextSaveFileName(db);
        window.importFiles(m_files);
        QPointer<ImportDialog> dialog = window.findChild<ImportDialog *>();
        if (!dialog)
            return {QStringLiteral("no dialog")};
        QStringList datasets;
        for (const FilePreview &p : dialog->previews())
            if (QFileInfo(p.path).fileName() == kToolsFile)
                datasets = p.datasets;
        auto *button = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
        *importable = button && button->isEnabled();
        if (*importable) {
            QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
            button->click();
            loaded.wait(120000);
        }
        if (dialog) // an import that went through closes its dialog
            dialog->close();
        return datasets;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTemporarySettings(m_dir.filePath(QStringLiteral("settings")),
                                   QStringLiteral("trhealth"));
        setOverride({}); // what an interrupted earlier run may have left
        m_override = overrideDocument();
        QVERIFY(!m_override.isEmpty());
        m_fleet = m_dir.filePath(QStringLiteral("fleet"));
        for (const QString &file : test::fleetFiles()) {
            QByteArray bytes = test::readAll(file);
            const QString name = QFileInfo(file).fileName();
            if (name == kToolsFile) {
                QVERIFY(bytes.startsWith("Computer Name,Tool Name,"));
                bytes.replace(0, int(qstrlen("Computer Name,Tool Name,")),
                              "Computer Name,Endpoint Tool,");
            }
            const QString copy = QDir(m_fleet).filePath(name);
            QVERIFY(test::writeFile(copy, bytes));
            m_files << copy;
        }
        const QString original = m_dir.filePath(QStringLiteral("original.trdb"));
        QVERIFY(test::createFleetWorkspace(original));
        m_expected = toolRows(original);
        QVERIFY(m_expected > 0);
    }

    void cleanup() { setOverride({}); }

    void oneOverrideChangesEveryFrontEnd()
    {
        // Without an override the renamed column is not the tools dataset anywhere,
        bool importable = false;
        QVERIFY(!guiImport(m_dir.filePath(QStringLiteral("gui-none.trdb")), &importable)
                     .contains(QStringLiteral("tools_status")));
        QCOMPARE(toolRows(m_dir.filePath(QStringLiteral("gui-none.trdb"))), 0);
        cli(xdgConfig("with"), QStringList{QStringLiteral("import"), QStringLiteral("--db"),
                                           m_dir.filePath(QStringLiteral("cli-none.trdb"))} +
                                   m_files);
        QCOMPARE(toolRows(m_dir.filePath(QStringLiteral("cli-none.trdb"))), 0);
        fetch(xdgConfig("with"), m_dir.filePath(QStringLiteral("fetch-none.trdb")));
        QCOMPARE(toolRows(m_dir.filePath(QStringLiteral("fetch-none.trdb"))), 0);

        // with it, the console, the CLI and a fetch all read it as the tools dataset.
        setOverride(m_override);
        const QString gui = m_dir.filePath(QStringLiteral("gui.trdb"));
        QCOMPARE(guiImport(gui, &importable).contains(QStringLiteral("tools_status")), true);
        QVERIFY(importable);
        QCOMPARE(toolRows(gui), m_expected);
        const test::CliResult imported =
            cli(xdgConfig("with"), QStringList{QStringLiteral("import"), QStringLiteral("--db"),
                                               m_dir.filePath(QStringLiteral("cli.trdb"))} +
                                       m_files);
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QCOMPARE(toolRows(m_dir.filePath(QStringLiteral("cli.trdb"))), m_expected);
        const test::CliResult fetched =
            fetch(xdgConfig("with"), m_dir.filePath(QStringLiteral("fetch.trdb")));
        QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
        QCOMPARE(toolRows(m_dir.filePath(QStringLiteral("fetch.trdb"))), m_expected);
    }

    void aMalformedOverrideStopsEveryFrontEnd()
    {
        setOverride("{\"datasets\": [ {\"name\": 1} ]");
        bool importable = true;
        const QString gui = m_dir.filePath(QStringLiteral("gui-bad.trdb"));
        guiImport(gui, &importable);
        QVERIFY(!importable);
        QVERIFY(!QFileInfo::exists(gui));
        const QString db = m_dir.filePath(QStringLiteral("cli-bad.trdb"));
        const test::CliResult imported =
            cli(xdgConfig("with"),
                QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + m_files);
        QCOMPARE(imported.exitCode, 2);
        QVERIFY2(imported.err.contains("dataset mapping:") &&
                     imported.err.contains("datasets.json"),
                 imported.err.constData());
        const test::CliResult fetched = fetch(xdgConfig("with"), db);
        QCOMPARE(fetched.exitCode, 2);
        QVERIFY2(fetched.err.contains("dataset mapping:"), fetched.err.constData());
        QVERIFY(!QFileInfo::exists(db));
    }

    void theExplicitMappingComesLast()
    {
        // --mapping overrides what the site file says: here it restores the built-in one.
        setOverride(m_override);
        QFile builtIn(QStringLiteral(":/datasets.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        const QString plain = m_dir.filePath(QStringLiteral("plain.json"));
        QVERIFY(test::writeFile(plain, builtIn.readAll()));
        const workspace::SiteMapping site = workspace::SiteMapping::load(plain);
        QVERIFY2(site.ok(), qPrintable(site.error));
        const workspace::SiteMapping withSite = workspace::SiteMapping::load();
        QVERIFY(withSite.ok());
        const auto toolNames = [](const DatasetMapping &m) {
            for (const DatasetDefinition::Column &c :
                 m.dataset(QStringLiteral("tools_status"))->columns)
                if (c.role == QLatin1String("tool"))
                    return c.names;
            return QStringList();
        };
        QVERIFY(toolNames(*withSite.mapping)
                    .contains(QStringLiteral("endpoint tool"), Qt::CaseInsensitive));
        QVERIFY(!toolNames(*site.mapping)
                     .contains(QStringLiteral("endpoint tool"), Qt::CaseInsensitive));
    }
};

QTEST_MAIN(TestSiteMapping)
#include "tst_sitemapping.moc"
