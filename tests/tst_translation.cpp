#include "MainWindow.h"
#include "Translator.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace trh;

// The German translation: it is embedded (:/i18n), installed by installTranslations(), shown
// by the main window, and complete in the source tree's .ts file.
class TestTranslation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theTranslationIsEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/trhealth_de.qm")));
    }

    // Runs before German is installed: English installs nothing.
    void englishInstallsNothing()
    {
        QVERIFY(!installTranslations(*qApp, QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("MainWindow", "Client Health"),
                 QStringLiteral("Client Health"));
    }

    void germanIsInstalled()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("MainWindow", "Client Health"),
                 QStringLiteral("Client-Integrität"));
        QCOMPARE(QCoreApplication::translate("Finding", "BPF not supported"),
                 QStringLiteral("BPF nicht unterstützt"));
        // A plural form of a numerus entry, and one of the free-function context.
        QCOMPARE(QCoreApplication::translate("trh::Checklist", "%n endpoint(s)", nullptr, 3),
                 QStringLiteral("3 Endpunkte"));
        QCOMPARE(QCoreApplication::translate("trh::Checklist", "%n endpoint(s)", nullptr, 1),
                 QStringLiteral("1 Endpunkt"));
        // Qt's own strings come from qtbase_de.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Abbrechen"));
    }

    void theMainWindowShowsGermanPages()
    {
        MainWindow window;
        window.show();
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QStringList titles;
        for (int i = 0; i < navigation->count(); ++i)
            titles << navigation->item(i)->text();
        QVERIFY2(titles.contains(QStringLiteral("Übersicht")), qPrintable(titles.join(u',')));
        QVERIFY2(titles.contains(QStringLiteral("Client-Integrität")),
                 qPrintable(titles.join(u',')));
        QVERIFY2(titles.contains(QStringLiteral("Checkliste")), qPrintable(titles.join(u',')));
        QVERIFY(!titles.contains(QStringLiteral("Overview")));
    }

    void theTsFileIsComplete()
    {
        QFile ts(QStringLiteral(TRHEALTH_TS_FILE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QString text = QString::fromUtf8(ts.readAll());
        QVERIFY(text.contains(QStringLiteral("<TS version=\"2.1\" language=\"de\"")));
        QVERIFY(text.count(QStringLiteral("<message")) > 300);
        QVERIFY(!text.contains(QStringLiteral("type=\"unfinished\"")));
        QVERIFY(!text.contains(QStringLiteral("type=\"vanished\"")));
        QVERIFY(!text.contains(QStringLiteral("type=\"obsolete\"")));
        // Every entry has a non-empty translation; plural entries have both German forms.
        QCOMPARE(text.count(QRegularExpression(QStringLiteral("<translation\\s*/>"))), 0);
        QCOMPARE(text.count(QRegularExpression(QStringLiteral("<translation></translation>"))), 0);
        QCOMPARE(text.count(QStringLiteral("<numerusform>")),
                 2 * text.count(QStringLiteral("numerus=\"yes\"")));
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
