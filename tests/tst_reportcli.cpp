// trhealth-cli report: exit codes (1 usage, 2 bad input, 3 failure) and a run with no display
// at all.
#include "ReportTestSupport.h"

#include <QColor>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace trh::test;

class TestReportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void worksWithNoDisplay();
    void monthChoosesItsSnapshot();
    void logoOnTheCover();
    void coverWithoutEndpoints();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestReportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = demoWorkspace(m_dir.path(), 200);
    QVERIFY(!m_db.isEmpty());
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("not-an-image.png")), "plain text"));
}

void TestReportCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    const QString pdf = QStringLiteral("--pdf");
    const QString out = QStringLiteral("OUT/r.pdf");
    const QString db = QStringLiteral("--db");
    QTest::newRow("no output") << QStringList{db, QStringLiteral("DB")} << 1;
    QTest::newRow("no db") << QStringList{pdf, out} << 1;
    QTest::newRow("bad top") << QStringList{db,  QStringLiteral("DB"),    pdf,
                                            out, QStringLiteral("--top"), QStringLiteral("many")}
                             << 1;
    QTest::newRow("bad page size")
        << QStringList{db,  QStringLiteral("DB"),          pdf,
                       out, QStringLiteral("--page-size"), QStringLiteral("A3")}
        << 1;
    QTest::newRow("bad month")
        << QStringList{db,  QStringLiteral("DB"),      pdf,
                       out, QStringLiteral("--month"), QStringLiteral("2026-13")}
        << 1;
    QTest::newRow("unknown option")
        << QStringList{db, QStringLiteral("DB"), pdf, out, QStringLiteral("--colour")} << 1;
    QTest::newRow("missing workspace")
        << QStringList{db, QStringLiteral("OUT/none.trdb"), pdf, out} << 2;
    QTest::newRow("no such snapshot")
        << QStringList{db,  QStringLiteral("DB"),         pdf,
                       out, QStringLiteral("--snapshot"), QStringLiteral("99")}
        << 2;
    QTest::newRow("month without snapshot")
        << QStringList{db,  QStringLiteral("DB"),      pdf,
                       out, QStringLiteral("--month"), QStringLiteral("1999-01")}
        << 2;
    QTest::newRow("logo not an image")
        << QStringList{db,  QStringLiteral("DB"),     pdf,
                       out, QStringLiteral("--logo"), QStringLiteral("OUT/not-an-image.png")}
        << 2;
    QTest::newRow("unwritable output")
        << QStringList{db, QStringLiteral("DB"), pdf, QStringLiteral("OUT/no/such/dir/r.pdf")} << 3;
    QTest::newRow("ok") << QStringList{db, QStringLiteral("DB"), pdf, out} << 0;
}

void TestReportCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    for (QString &a : args) {
        if (a == QLatin1String("DB"))
            a = m_db;
        a.replace(QStringLiteral("OUT/"), m_dir.path() + QLatin1Char('/'));
    }
    const QString out = m_dir.filePath(QStringLiteral("r.pdf"));
    QFile::remove(out);
    const CliResult r = runCli(QStringList{QStringLiteral("report")} + args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode != 0) {
        QVERIFY(r.err.contains("trhealth-cli: "));
        QVERIFY(!QFile::exists(out));
    } else {
        QVERIFY(readAll(out).startsWith("%PDF-"));
    }
}

void TestReportCli::worksWithNoDisplay()
{
    // No DISPLAY, no WAYLAND_DISPLAY and no QT_QPA_PLATFORM: the CLI picks what it needs.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    const QString html = m_dir.filePath(QStringLiteral("nodisplay.html"));
    const QString pdf = m_dir.filePath(QStringLiteral("nodisplay.pdf"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TRHEALTH_CLI),
            {QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf,
             QStringLiteral("--html"), html});
    QVERIFY(p.waitForFinished(300000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(readAll(pdf).startsWith("%PDF-"));
    QVERIFY(pdfText(pdf).contains(QStringLiteral("Executive summary")));
    QVERIFY(readAll(html).contains("Executive summary"));
}

void TestReportCli::monthChoosesItsSnapshot()
{
    // The demo fleet's snapshots are August to November 2026: October is snapshot 3.
    const QString pdf = m_dir.filePath(QStringLiteral("october.pdf"));
    const CliResult r =
        runCli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("--pdf"), pdf});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("October 2026")));
    QVERIFY(text.contains(QStringLiteral("Snapshot #3")));
}

void TestReportCli::logoOnTheCover()
{
    QImage logo(240, 80, QImage::Format_RGB32);
    logo.fill(QColor(0x1f, 0x3a, 0x5f));
    const QString png = m_dir.filePath(QStringLiteral("logo.png"));
    QVERIFY(logo.save(png));
    const QString pdf = m_dir.filePath(QStringLiteral("logo.pdf"));
    const QString html = m_dir.filePath(QStringLiteral("logo.html"));
    const CliResult r =
        runCli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"),
                pdf, QStringLiteral("--html"), html, QStringLiteral("--logo"), png});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The PDF has one image, the logo, on page 1 (the charts are vectors, not images).
    const QStringList images =
        QString::fromUtf8(poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
            .mid(2); // two header lines
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.constFirst().split(QLatin1Char(' '), Qt::SkipEmptyParts).constFirst(),
             QStringLiteral("1"));
    // The HTML carries it inline.
    QVERIFY(readAll(html).contains("<img alt=\"\" width=\"220\" src=\"data:image/png;base64,"));
}

// A snapshot of alerts only has no endpoint list: the cover says its endpoint count is not
// available rather than 0, as the summary's endpoints.total is null.
void TestReportCli::coverWithoutEndpoints()
{
    const QString db = m_dir.filePath(QStringLiteral("alerts-only.trdb"));
    CliResult r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db,
                          QStringLiteral("--taken-at"), QStringLiteral("2026-11-27T09:00:00Z"),
                          fixture(QStringLiteral("json/alerts_3x.json"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("summary"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("\"total\": null"));
    const QString html = m_dir.filePath(QStringLiteral("alerts-only.html"));
    r = runCli(
        {QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--html"), html});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = QString::fromUtf8(readAll(html));
    const qsizetype at = text.indexOf(QStringLiteral("<b>Endpoints</b>"));
    QVERIFY(at > 0);
    const QString row = text.mid(at, text.indexOf(QStringLiteral("</tr>"), at) - at);
    QVERIFY2(row.contains(QStringLiteral("not available")), qPrintable(row));
}

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
