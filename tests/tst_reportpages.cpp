// The report's length is bounded by --top, not by the fleet: a fleet four times larger gives
// (nearly) the same number of pages, and the rest of each list goes to the appendix.
// bench/report_bench.sh measures a 200,000-endpoint snapshot.
#include "ReportTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trh::test;

class TestReportPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pageCountDoesNotGrowWithTheFleet();
    void topLimitsTheRows();

private:
    // Writes the report of db with --top N; its page count, or -1.
    int pages(const QString &db, int top, QString *text = nullptr);

    QTemporaryDir m_dir;
    QString m_small, m_large;
};

void TestReportPages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_small = demoWorkspace(m_dir.path(), 6000, QStringLiteral("small.trdb"));
    m_large = demoWorkspace(m_dir.path(), 24000, QStringLiteral("large.trdb"));
    QVERIFY(!m_small.isEmpty() && !m_large.isEmpty());
}

int TestReportPages::pages(const QString &db, int top, QString *text)
{
    const QString pdf =
        m_dir.filePath(QStringLiteral("%1-%2.pdf").arg(QFileInfo(db).baseName()).arg(top));
    const CliResult r =
        runCli({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--pdf"), pdf,
                QStringLiteral("--top"), QString::number(top)});
    if (r.exitCode != 0)
        return -1;
    if (text)
        *text = pdfText(pdf);
    return pdfPages(pdf);
}

void TestReportPages::pageCountDoesNotGrowWithTheFleet()
{
    const int small = pages(m_small, 25);
    const int large = pages(m_large, 25);
    QVERIFY(small > 20);
    QVERIFY(large > 10);
    // Four times the endpoints: at most a few more pages (codes that had fewer than 25 rows
    // in the smaller fleet fill up), never four times as many.
    QVERIFY2(large <= small + 3, qPrintable(QStringLiteral("%1 vs %2").arg(small).arg(large)));
    // And fewer rows per list, fewer pages.
    QVERIFY(pages(m_large, 5) < large);
}

void TestReportPages::topLimitsTheRows()
{
    QString text;
    QVERIFY(pages(m_large, 25, &text) > 0);
    const CliResult summary = runCli(
        {QStringLiteral("summary"), QStringLiteral("--db"), m_large, QStringLiteral("--json")});
    QCOMPARE(summary.exitCode, 0);
    int checked = 0;
    for (const QJsonValue &v : QJsonDocument::fromJson(summary.out)
                                   .object()
                                   .value(QStringLiteral("findings"))
                                   .toArray()) {
        const QString code = v.toObject().value(QStringLiteral("code")).toString();
        const CliResult rows = runCli({QStringLiteral("findings"), QStringLiteral("--db"), m_large,
                                       QStringLiteral("--code"), code, QStringLiteral("--json")});
        const qint64 count =
            QJsonDocument::fromJson(rows.out).object().value(QStringLiteral("count")).toInteger();
        if (count <= 25)
            continue;
        // The table stops at 25 rows and says how many are left.
        QVERIFY2(text.contains(
                     QStringLiteral("and %1 more — see appendix %2.csv").arg(count - 25).arg(code)),
                 qPrintable(code));
        ++checked;
    }
    QVERIFY(checked > 10);
}

QTEST_GUILESS_MAIN(TestReportPages)
#include "tst_reportpages.moc"
