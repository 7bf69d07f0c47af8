// Open the Demo Fleet builds the demo in the console's own process (workspace::buildDemo on a
// worker thread, DemoBuilder) with progress and Cancel, the same workspace the CLI's `demo`
// builds; a cancelled build leaves nothing to be opened next time.
#include "DemoBuilder.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "core/TempFiles.h"
#include "workspace/DemoWorkspace.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {

QJsonObject summaryOf(const QString &db)
{
    const test::CliResult r = test::runCli({QStringLiteral("summary"), QStringLiteral("--db"), db,
                                            QStringLiteral("--month"), QStringLiteral("2026-11"),
                                            QStringLiteral("--json")});
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    o.remove(QStringLiteral("snapshot")); // its identity: id, label, files and where they were
    return o;
}

QStringList ourLeftovers(const QString &dir)
{
    QStringList ours;
    for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System))
        if (TempFiles::isOurName(name))
            ours << name;
    return ours;
}

} // namespace

class TestDemoBuilder : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTemporarySettings(m_dir.filePath(QStringLiteral("settings")),
                                   QStringLiteral("trhealth"));
        m_demo = workspace::demoWorkspacePath();
    }

    void init() { QFile::remove(m_demo); }

    void cancelledBuildLeavesNothing()
    {
        MainWindow window;
        window.show();
        window.findChild<QAction *>(QStringLiteral("actionDemo"))->trigger();
        QProgressDialog *progress = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (progress = window.findChild<QProgressDialog *>(QStringLiteral("demoProgress"))) &&
                progress->isVisible(),
            10000);
        QCOMPARE(progress->windowModality(), Qt::WindowModal);
        // Some work is done, then Cancel.
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 60000);
        QVERIFY(!ourLeftovers(QFileInfo(m_demo).absolutePath()).isEmpty());
        QPointer<DemoBuilder> builder = window.findChild<DemoBuilder *>();
        QVERIFY(builder);
        QSignalSpy cancelled(builder.data(), &DemoBuilder::cancelled);
        QSignalSpy failed(builder.data(), &DemoBuilder::failed);
        QSignalSpy built(builder.data(), &DemoBuilder::built);
        QSignalSpy destroyed(builder.data(), &QObject::destroyed);
        // The user presses Cancel (the dialog's only button).
        auto *cancelButton = progress->findChild<QPushButton *>();
        QVERIFY(cancelButton);
        QCOMPARE(cancelButton->text(), QStringLiteral("Cancel"));
        cancelButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(!builder, 60000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(built.size(), 0);
        QCOMPARE(destroyed.size(), 1);
        QCOMPARE(cancelled.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.findChild<QProgressDialog *>(QStringLiteral("demoProgress")), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                                  QStringLiteral("Demo fleet not built: cancelled."), 10000);
        QVERIFY(!QFileInfo::exists(m_demo));
        QCOMPARE(ourLeftovers(QFileInfo(m_demo).absolutePath()), QStringList());
        QVERIFY(window.workspace().isEmpty());
    }

    void builtInProcessLikeTheCli()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.findChild<QAction *>(QStringLiteral("actionDemo"))->trigger();
        QProgressDialog *progress = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (progress = window.findChild<QProgressDialog *>(QStringLiteral("demoProgress"))),
            10000);
        QVERIFY(loaded.wait(240000));
        QCOMPARE(window.workspace(), QFileInfo(m_demo).absoluteFilePath());
        QCOMPARE(ourLeftovers(QFileInfo(m_demo).absolutePath()), QStringList());

        // The same fleet as `trhealth-cli demo` builds.
        const QString cli = m_dir.filePath(QStringLiteral("cli-demo.trdb"));
        const test::CliResult r =
            test::runCli({QStringLiteral("demo"), QStringLiteral("--db"), cli});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("snapshot 4: "));
        const QJsonObject gui = summaryOf(m_demo);
        QVERIFY(gui.contains(QStringLiteral("endpoints")));
        QCOMPARE(gui, summaryOf(cli));

        // A second Open the Demo Fleet opens what is there.
        window.findChild<QAction *>(QStringLiteral("actionDemo"))->trigger();
        QVERIFY(!window.findChild<QProgressDialog *>(QStringLiteral("demoProgress")));
        QCOMPARE(window.workspace(), QFileInfo(m_demo).absoluteFilePath());
    }
};

QTEST_MAIN(TestDemoBuilder)
#include "tst_demobuilder.moc"
