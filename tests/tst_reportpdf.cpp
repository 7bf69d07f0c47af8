// The PDF report of the demo fleet carries the figures of `trhealth-cli summary --json`.
#include "ReportTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trh::test;

class TestReportPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyFiguresMatchTheSummary();
    void everyFindingCountMatchesTheSummary();
    void pagesAreNumberedAndCarryTheSnapshotHash();
    void letterPageSize();

private:
    // The figure printed after a table row's label (first match), "" when there is none.
    QString figureAfter(const QString &label) const;

    QTemporaryDir m_dir;
    QString m_db, m_pdf, m_text;
    QJsonObject m_summary;
};

void TestReportPdf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = demoWorkspace(m_dir.path(), 1500);
    QVERIFY(!m_db.isEmpty());
    const CliResult summary =
        runCli({QStringLiteral("summary"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QCOMPARE(summary.exitCode, 0);
    m_summary = QJsonDocument::fromJson(summary.out).object();
    QVERIFY(!m_summary.isEmpty());
    m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    const CliResult r = runCli(
        {QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), m_pdf});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(readAll(m_pdf).startsWith("%PDF-"));
    m_text = pdfText(m_pdf);
    QVERIFY2(!m_text.isEmpty(), "pdftotext (poppler-utils, tools/install-deps.sh) gave no text");
}

QString TestReportPdf::figureAfter(const QString &label) const
{
    const QRegularExpression re(QStringLiteral("^\\s*") + QRegularExpression::escape(label) +
                                    QStringLiteral("\\s{2,}([0-9.]+)"),
                                QRegularExpression::MultilineOption);
    return re.match(m_text).captured(1);
}

void TestReportPdf::keyFiguresMatchTheSummary()
{
    auto fig = [this](const char *group, const char *key) {
        return m_summary.value(QLatin1String(group)).toObject().value(QLatin1String(key));
    };
    const QJsonObject alerts = m_summary.value(QStringLiteral("alerts")).toObject();
    const QJsonObject mtti = alerts.value(QStringLiteral("mtti_hours")).toObject();
    const QJsonObject mttr = alerts.value(QStringLiteral("mttr_hours")).toObject();
    const QList<std::tuple<QString, QJsonValue, int>> rows = {
        {QStringLiteral("Endpoints in the snapshot"), fig("endpoints", "total"), 0},
        {QStringLiteral("Threat Response coverage"), fig("coverage", "percent"), 1},
        {QStringLiteral("Endpoints covered"), fig("coverage", "covered"), 0},
        {QStringLiteral("Endpoints with a health failure"), fig("health_failures", "any"), 0},
        {QStringLiteral("Linux: BPF not supported"), fig("bpf", "unsupported"), 0},
        {QStringLiteral("Linux: BPF CO-RE supported"), fig("bpf", "core"), 0},
        {QStringLiteral("No Threat Response profile"), fig("profiles", "no_profile"), 0},
        {QStringLiteral("Wrong profile for the computer group"),
         fig("profiles", "wrong_profile_for_group"), 0},
        {QStringLiteral("Outdated profile revision"), fig("profiles", "outdated_revision"), 0},
        {QStringLiteral("Tools not installed (endpoints)"), fig("tools", "not_installed_endpoints"),
         0},
        {QStringLiteral("Tool version differs (endpoints)"),
         fig("tools", "version_mismatch_endpoints"), 0},
        {QStringLiteral("Mean time to investigate, hours (n = %1)")
             .arg(mtti.value(QStringLiteral("n")).toInteger()),
         mtti.value(QStringLiteral("mean")), 2},
        {QStringLiteral("Mean time to remediate, hours (n = %1)")
             .arg(mttr.value(QStringLiteral("n")).toInteger()),
         mttr.value(QStringLiteral("mean")), 2},
        {QStringLiteral("Alerts unresolved for 7 days or more"),
         alerts.value(QStringLiteral("stale_unresolved")), 0},
    };
    for (const auto &[label, value, decimals] : rows) {
        QVERIFY2(value.isDouble(), qPrintable(label));
        QCOMPARE(figureAfter(label), QString::number(value.toDouble(), 'f', decimals));
    }
    // The driver figures are in the checklist's status line.
    const QRegularExpressionMatch driver =
        QRegularExpression(QStringLiteral("Driver running on (\\d+)")).match(m_text);
    QVERIFY(driver.hasMatch());
    QCOMPARE(driver.captured(1).toLongLong(), fig("driver", "running").toInteger());
}

void TestReportPdf::everyFindingCountMatchesTheSummary()
{
    const QJsonArray findings = m_summary.value(QStringLiteral("findings")).toArray();
    QVERIFY(findings.size() > 10);
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        const QString code = f.value(QStringLiteral("code")).toString();
        const qint64 endpoints = f.value(QStringLiteral("endpoints")).toInteger();
        if (endpoints == 0)
            continue;
        // Each finding's section and its guidance say "<code> · severity <s> · <n> endpoint(s)".
        const QRegularExpression re(QRegularExpression::escape(code) +
                                    QStringLiteral(" · severity \\w+ · (\\d+) endpoint"));
        auto it = re.globalMatch(m_text);
        int seen = 0;
        while (it.hasNext()) {
            QCOMPARE(it.next().captured(1).toLongLong(), endpoints);
            ++seen;
        }
        QVERIFY2(seen >= 2, qPrintable(code));
    }
}

void TestReportPdf::pagesAreNumberedAndCarryTheSnapshotHash()
{
    const int pages = pdfPages(m_pdf);
    QVERIFY(pages > 5);
    for (int p = 1; p <= pages; ++p)
        QVERIFY2(m_text.contains(QStringLiteral("Page %1 of %2").arg(p).arg(pages)),
                 qPrintable(QString::number(p)));
    const QRegularExpression hash(QStringLiteral("Snapshot SHA-256 ([0-9a-f]{64})"));
    auto it = hash.globalMatch(m_text);
    QSet<QString> hashes;
    int count = 0;
    while (it.hasNext()) {
        hashes.insert(it.next().captured(1));
        ++count;
    }
    QCOMPARE(count, pages);
    QCOMPARE(hashes.size(), 1);
    QVERIFY(m_text.contains(QStringLiteral("Data sources")));
    QCOMPARE(pdfPageSize(m_pdf), QStringLiteral("595 x 842 pts (A4)"));
}

void TestReportPdf::letterPageSize()
{
    const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
    const CliResult r =
        runCli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"),
                pdf, QStringLiteral("--page-size"), QStringLiteral("Letter")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(pdfPageSize(pdf), QStringLiteral("612 x 792 pts (letter)"));
    QVERIFY(pdfText(pdf).contains(QStringLiteral("Endpoints in the snapshot")));
}

QTEST_GUILESS_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
