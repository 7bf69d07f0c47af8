#include "TestSupport.h"

#include "analysis/FleetSummary.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

// The CLI's outputs on the demo fleet (and on a fleet with null figures) are compared byte for
// byte with tests/fixtures/golden/, written by the tree before the summary became typed.
// TRHEALTH_UPDATE_GOLDEN=1 rewrites the golden files instead (review the diff before a commit).
class TestFleetSummary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo, m_nulls;

    void golden(const QString &name, const QStringList &args)
    {
        const test::CliResult r = test::runCli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString path = test::fixture(s("golden/") + name);
        if (qEnvironmentVariableIntValue("TRHEALTH_UPDATE_GOLDEN") == 1) {
            QVERIFY(test::writeFile(path, r.out));
            return;
        }
        const QByteArray expected = test::readAll(path);
        QVERIFY2(!expected.isEmpty(), qPrintable(path));
        if (r.out != expected) {
            test::writeFile(m_dir.filePath(name), r.out);
            QFAIL(qPrintable(s("%1 differs from %2").arg(m_dir.filePath(name), path)));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(s("demo.db"));
        const test::CliResult demo =
            test::runCli({s("demo"), s("--db"), m_demo, s("--endpoints"), s("500")});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        // The ten-endpoint fleet, then a snapshot of its alerts only: most figures null.
        m_nulls = m_dir.filePath(s("nulls.db"));
        QStringList import{s("import"), s("--db"), m_nulls, s("--taken-at"),
                           s("2026-10-27T09:00:00Z")};
        const test::CliResult all = test::runCli(import + test::fleetFiles());
        QVERIFY2(all.exitCode == 0, all.err.constData());
        import[4] = s("2026-11-27T09:00:00Z");
        const test::CliResult alerts =
            test::runCli(import << test::fixture(s("fleet/threat-response-alerts.json")));
        QVERIFY2(alerts.exitCode == 0, alerts.err.constData());
    }

    void summaryJson_data()
    {
        QTest::addColumn<QString>("snapshot");
        for (const char *id : {"1", "2", "3", "4"})
            QTest::newRow(id) << s(id);
    }
    void summaryJson()
    {
        QFETCH(QString, snapshot);
        golden(s("demo-summary-%1.json").arg(snapshot),
               {s("summary"), s("--db"), m_demo, s("--snapshot"), snapshot, s("--json")});
    }

    void demoOutputs()
    {
        golden(s("demo-summary.txt"), {s("summary"), s("--db"), m_demo});
        golden(s("demo-summary-month.json"),
               {s("summary"), s("--db"), m_demo, s("--month"), s("2026-10"), s("--json")});
        golden(s("demo-findings.json"), {s("findings"), s("--db"), m_demo, s("--json")});
        golden(s("demo-diff-3-4.json"),
               {s("diff"), s("--db"), m_demo, s("--from"), s("3"), s("--to"), s("4"), s("--json")});
        golden(s("demo-diff-1-4.txt"),
               {s("diff"), s("--db"), m_demo, s("--from"), s("1"), s("--to"), s("4")});
    }

    void report_data()
    {
        QTest::addColumn<QString>("fleet");
        QTest::newRow("demo") << s("demo");
        QTest::newRow("nulls") << s("nulls");
    }
    void report()
    {
        QFETCH(QString, fleet);
        const QString html = m_dir.filePath(fleet + s("-report.html"));
        const test::CliResult r =
            test::runCli({s("report"), s("--db"), fleet == s("demo") ? m_demo : m_nulls,
                          s("--html"), html, s("--organisation"), s("Demo")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The one figure that changes from run to run: when the report was produced.
        QString text = QString::fromUtf8(test::readAll(html));
        const qsizetype replaced = text.size();
        text.replace(QRegularExpression(s("(Report produced</b></td><td>)[^<]*")), s("\\1(now)"));
        QVERIFY(text.size() != replaced);
        const QByteArray actual = text.toUtf8();
        const QString path = test::fixture(s("golden/%1-report.html").arg(fleet));
        if (qEnvironmentVariableIntValue("TRHEALTH_UPDATE_GOLDEN") == 1) {
            QVERIFY(test::writeFile(path, actual));
            return;
        }
        QVERIFY2(actual == test::readAll(path), qPrintable(html));
    }

    // fromJson then toJson gives the document back, byte for byte, nulls included.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("demo") << s("demo-summary-4.json");
        QTest::newRow("nulls") << s("nulls-summary-2.json");
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        const QByteArray bytes = test::readAll(test::fixture(s("golden/") + file));
        const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
        QVERIFY(!doc.isEmpty());
        const FleetSummary summary = FleetSummary::fromJson(doc);
        QVERIFY(summary.valid);
        QCOMPARE(summary.toJson(), doc);
        QCOMPARE(QJsonDocument(summary.toJson()).toJson(QJsonDocument::Indented), bytes);
    }

    void nullsStayNull()
    {
        const FleetSummary n = FleetSummary::fromJson(
            QJsonDocument::fromJson(test::readAll(test::fixture(s("golden/nulls-summary-2.json"))))
                .object());
        QVERIFY(!n.endpoints.total);
        QVERIFY(!n.healthFailures.any);
        for (HealthDomain d : kHealthDomains)
            QVERIFY(!n.healthFailures.domain(d));
        QVERIFY(!n.coverage.percent);
        QVERIFY(!n.tools.byTool);
        QCOMPARE(n.alerts.count, Count(2));
        for (const auto &[platform, count] : n.endpoints.byPlatform)
            QVERIFY2(!count, qPrintable(platform));

        // Zero and null next to each other survive a round trip as they were.
        FleetSummary z;
        z.valid = true;
        z.schema = s(FleetSummary::kSchema);
        z.coverage.percent = 0.0;
        z.coverage.covered = 0;
        z.coverage.unhealthy = std::nullopt;
        z.healthFailures.domain(HealthDomain::Stream) = 0;
        z.alerts.mtti = {3, 1.25, std::nullopt, 0.0};
        z.tools.byTool = std::vector<ToolCounts>{}; // Tools Status imported, no tool amiss
        z.findings.push_back({s("health.stream"), s("high"), 0, qint64(0)});
        const QJsonObject json = z.toJson();
        QCOMPARE(json.value(s("coverage")).toObject().value(s("unhealthy")),
                 QJsonValue(QJsonValue::Null));
        QCOMPARE(json.value(s("coverage")).toObject().value(s("percent")), QJsonValue(0));
        QCOMPARE(json.value(s("tools")).toObject().value(s("by_tool")), QJsonValue(QJsonObject()));
        const FleetSummary back = FleetSummary::fromJson(json);
        QCOMPARE(back.coverage.percent, Figure(0.0));
        QCOMPARE(back.coverage.covered, Count(0));
        QCOMPARE(back.coverage.unhealthy, Count());
        QCOMPARE(back.healthFailures.domain(HealthDomain::Stream), Count(0));
        QCOMPARE(back.healthFailures.domain(HealthDomain::Dec), Count());
        QCOMPARE(back.alerts.mtti.n, Count(3));
        QCOMPARE(back.alerts.mtti.mean, Figure(1.25));
        QCOMPARE(back.alerts.mtti.median, Figure());
        QCOMPARE(back.alerts.mtti.p90, Figure(0.0));
        QVERIFY(back.tools.byTool && back.tools.byTool->empty());
        QCOMPARE(back.findings.size(), size_t(1));
        QCOMPARE(back.findings[0].aggregateEndpoints, std::optional<qint64>(0));
        QCOMPARE(back.toJson(), json);

        QVERIFY(!FleetSummary::fromJson(QJsonObject()).valid);
    }

    void domainList()
    {
        QStringList keys;
        for (HealthDomain d : kHealthDomains)
            keys << QLatin1String(healthDomainKey(d));
        QCOMPARE(keys, QStringList({s("dec"), s("index"), s("recorder"), s("stream"),
                                    s("threatresponse")}));
    }

    void nullFigures()
    {
        golden(s("nulls-summary-2.json"), {s("summary"), s("--db"), m_nulls, s("--json")});
        golden(s("nulls-summary-2.txt"), {s("summary"), s("--db"), m_nulls});
        golden(s("nulls-diff-1-2.json"), {s("diff"), s("--db"), m_nulls, s("--from"), s("1"),
                                          s("--to"), s("2"), s("--json")});
        golden(s("nulls-diff-1-2.txt"),
               {s("diff"), s("--db"), m_nulls, s("--from"), s("1"), s("--to"), s("2")});
        // The alerts-only snapshot has no health failures figure: unknown in the diff, not 0.
        const test::CliResult diff = test::runCli(
            {s("diff"), s("--db"), m_nulls, s("--from"), s("1"), s("--to"), s("2"), s("--json")});
        const QJsonObject failures = QJsonDocument::fromJson(diff.out)
                                         .object()
                                         .value(s("headline"))
                                         .toObject()
                                         .value(s("health_failures"))
                                         .toObject();
        QCOMPARE(failures.value(s("from")), QJsonValue(3));
        QVERIFY(failures.value(s("to")).isNull());
        QVERIFY(failures.value(s("delta")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestFleetSummary)
#include "tst_fleetsummary.moc"
