#include "AppIcon.h"
#include "MainWindow.h"
#include "store/Schema.h"

#include <QApplication>
#include <QFile>
#include <QImageReader>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace trh;

// The files the package installs for the desktop (resources/linux, resources/icons) agree
// with the program and with each other: one application id, the icon in every size, the
// MIME types' magic is the store's application id, the changelog's version is the build's.
class TestDesktopIntegration : public QObject
{
    Q_OBJECT
private:
    static QString linuxFile(const QString &name)
    {
        return QStringLiteral(TRHEALTH_LINUX_DIR "/") + name;
    }
    static QString read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    // The value of "Key=" in the desktop entry's main group.
    static QString desktopValue(const QString &key)
    {
        const QRegularExpression re(
            QStringLiteral("^%1=(.*)$").arg(QRegularExpression::escape(key)),
            QRegularExpression::MultilineOption);
        return re.match(read(linuxFile(desktopFileName() + QStringLiteral(".desktop"))))
            .captured(1);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theIconHasEverySizeAndTheWindowUsesIt()
    {
        const QIcon icon = applicationIcon();
        QVERIFY(!icon.isNull());
        for (int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
            QVERIFY2(icon.availableSizes().contains(QSize(size, size)),
                     qPrintable(QString::number(size)));
            QCOMPARE(icon.pixmap(QSize(size, size)).size(), QSize(size, size));
        }
        // The 256 px render has a transparent corner and an opaque centre (a real picture,
        // not an empty one).
        const QImage big = icon.pixmap(QSize(256, 256)).toImage();
        QCOMPARE(qAlpha(big.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(big.pixel(128, 128)), 255);

        MainWindow window;
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(window.windowIcon().availableSizes().contains(QSize(48, 48)));
    }

    void theWindowsIconHoldsThePngs()
    {
        QImageReader ico(QStringLiteral(TRHEALTH_ICONS_DIR "/trhealth.ico"));
        QCOMPARE(ico.format(), QByteArray("ico"));
        QCOMPARE(ico.imageCount(), 5);
        QList<int> widths;
        for (int i = 0; i < ico.imageCount(); ++i) {
            QVERIFY(ico.jumpToImage(i));
            widths << ico.read().width();
        }
        std::sort(widths.begin(), widths.end());
        QCOMPARE(widths, QList<int>({16, 24, 32, 48, 256}));
    }

    void theDesktopEntryNamesTheProgramIconAndTypes()
    {
        QCOMPARE(desktopValue(QStringLiteral("Exec")), QStringLiteral("trhealth %F"));
        QCOMPARE(desktopValue(QStringLiteral("Icon")), desktopFileName());
        const QStringList types =
            desktopValue(QStringLiteral("MimeType")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        QCOMPARE(types, QStringList({QStringLiteral("application/x-trhealth-workspace"),
                                     QStringLiteral("application/x-trhealth-snapshot")}));
    }

    void theMetainfoLaunchesTheDesktopEntry()
    {
        const QString xml = read(linuxFile(desktopFileName() + QStringLiteral(".metainfo.xml")));
        QVERIFY(xml.contains(QStringLiteral("<id>%1</id>").arg(desktopFileName())));
        QVERIFY(
            xml.contains(QStringLiteral("<launchable type=\"desktop-id\">%1.desktop</launchable>")
                             .arg(desktopFileName())));
        QVERIFY(xml.contains(QStringLiteral("<release version=\"" TRHEALTH_VERSION "\"")));
    }

    void theMimeMagicIsTheStoresApplicationId()
    {
        const QString xml = read(linuxFile(QStringLiteral("trhealth.xml")));
        const QString id =
            QStringLiteral("0x%1").arg(uint(Schema::applicationId()), 8, 16, QLatin1Char('0'));
        QCOMPARE(xml.count(QStringLiteral("type=\"big32\" offset=\"68\" value=\"%1\"").arg(id)), 2);
        QVERIFY(xml.contains(QStringLiteral("<glob pattern=\"*.trdb\"/>")));
        QVERIFY(xml.contains(QStringLiteral("<glob pattern=\"*.trhealth\"/>")));
    }

    void theChangelogIsAtTheBuildsVersion()
    {
        const QString first =
            read(linuxFile(QStringLiteral("changelog"))).section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(first.section(QLatin1Char('('), 1).section(QLatin1Char(')'), 0, 0),
                 QStringLiteral(TRHEALTH_VERSION));
    }
};

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
