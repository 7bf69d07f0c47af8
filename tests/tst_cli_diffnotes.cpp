// trhealth-cli diff and note, run as a process on a workspace built with SQL.
#include "TestSupport.h"
#include "analysis/Analyzer.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList names(const QJsonValue &list)
{
    QStringList out;
    for (const QJsonValue &v : list.toArray())
        out << v.toString();
    return out;
}

// Snapshot 1: WS-Alpha WS-Bravo WS-Charlie WS-Delta (Alpha, Bravo covered: 50.0 %).
// Snapshot 2: WS-Alpha WS-Bravo WS-Charlie WS-Echo (Alpha, Bravo, Charlie covered: 75.0 %).
// health.dec: Alpha Bravo Delta -> Bravo Charlie Echo.
bool buildWorkspace(const QString &path)
{
    Database db;
    if (!Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok() || !db.exec("BEGIN"))
        return false;
    bool ok = db.exec("INSERT INTO snapshot(id, taken_at, label, imported_at) VALUES "
                      "(1, '2026-10-27T09:00:00Z', 'October', '2026-10-27T09:00:00Z'), "
                      "(2, '2026-11-27T09:00:00Z', 'November', '2026-11-27T09:00:00Z')");
    // Findings written by hand stand for analysed snapshots: mark them so.
    Statement analysed(db, "INSERT INTO analysis VALUES(?1, ?2, '2026-11-27T09:00:00Z', '{}')");
    for (int snapshot : {1, 2})
        ok = ok && analysed.bind(1, snapshot).bind(2, Analyzer::rulesVersion()).run();
    const char *endpoints[] = {"WS-Alpha", "WS-Bravo", "WS-Charlie", "WS-Delta", "WS-Echo"};
    Statement ep(db, "INSERT INTO endpoint(id, name_key, name) VALUES(?1, ?2, ?3)");
    for (int i = 0; i < 5; ++i) {
        const QString name = s(endpoints[i]);
        ok = ok && ep.bind(1, i + 1).bind(2, name.toLower()).bind(3, name).run();
    }
    Statement member(db, "INSERT INTO snapshot_endpoint(snapshot_id, endpoint_id) VALUES(?1, ?2)");
    Statement state(db, "INSERT INTO endpoint_state(snapshot_id, endpoint_id, coverage_stage) "
                        "VALUES(?1, ?2, ?3)");
    struct Row
    {
        int snapshot, endpoint;
        const char *stage;
    };
    for (const Row &r : {Row{1, 1, "covered"}, Row{1, 2, "covered"}, Row{1, 3, "unhealthy"},
                         Row{1, 4, "no_profile"}, Row{2, 1, "covered"}, Row{2, 2, "covered"},
                         Row{2, 3, "covered"}, Row{2, 5, "no_data"}}) {
        ok = ok && member.bind(1, r.snapshot).bind(2, r.endpoint).run();
        ok = ok &&
             state.bind(1, r.snapshot).bind(2, r.endpoint).bind(3, std::string_view(r.stage)).run();
    }
    Statement finding(db, "INSERT INTO finding(snapshot_id, endpoint_id, code) VALUES(?1, ?2, ?3)");
    for (const auto &[snapshot, endpoint] : {std::pair{1, 1}, std::pair{1, 2}, std::pair{1, 4},
                                             std::pair{2, 2}, std::pair{2, 3}, std::pair{2, 5}})
        ok = ok && finding.bind(1, snapshot)
                       .bind(2, endpoint)
                       .bind(3, std::string_view("health.dec"))
                       .run();
    ok =
        ok &&
        finding.bind(1, 2).bind(2, 1).bind(3, std::string_view("driver.service_not_running")).run();
    return ok && db.exec("COMMIT");
}

} // namespace

class TestCliDiffNotes : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    QJsonArray listNotes(const QStringList &extra = {})
    {
        const auto r =
            test::runCli(QStringList{s("note"), s("list"), s("--db"), m_db, s("--json")} + extra);
        if (r.exitCode != 0)
            return {};
        return QJsonDocument::fromJson(r.out).object().value(s("notes")).toArray();
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(s("w.trdb"));
        QVERIFY(buildWorkspace(m_db));
        // The CLI's default author comes from the environment it inherits.
        qputenv("USER", "tester");
        qunsetenv("USERNAME");
    }

    void diffUsageErrorsExitOne()
    {
        const QStringList base{s("diff"), s("--db"), m_db};
        for (const QStringList &args :
             {base + QStringList{s("--to"), s("2")}, base + QStringList{s("--from"), s("1")},
              base + QStringList{s("--from"), s("one"), s("--to"), s("2")},
              base + QStringList{s("--from"), s("1"), s("--to"), s("0")},
              QStringList{s("diff"), s("--from"), s("1"), s("--to"), s("2")},
              base + QStringList{s("--from"), s("1"), s("--to"), s("2"), s("extra")}}) {
            const auto r = test::runCli(args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.err.count('\n'), 1);
        }
        auto r = test::runCli(base + QStringList{s("--to"), s("2")});
        QVERIFY(r.err.contains("--from ID is required"));
        r = test::runCli(base + QStringList{s("--from"), s("one"), s("--to"), s("2")});
        QVERIFY(r.err.contains("--from one"));
    }

    void diffUnknownSnapshotExitsTwo()
    {
        auto r = test::runCli(
            {s("diff"), s("--db"), m_db, s("--from"), s("1"), s("--to"), s("9"), s("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("no snapshot 9"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        r = test::runCli({s("diff"), s("--db"), m_dir.filePath(s("missing.trdb")), s("--from"),
                          s("1"), s("--to"), s("2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no such file"));
    }

    void diffJson()
    {
        const QByteArray before = test::readAll(m_db);
        const auto r = test::runCli(
            {s("diff"), s("--db"), m_db, s("--from"), s("1"), s("--to"), s("2"), s("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QJsonParseError pe;
        const QJsonObject doc = QJsonDocument::fromJson(r.out, &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(doc.value(s("schema")).toString(), s("trhealth.diff/1"));
        QCOMPARE(doc.value(s("from")).toObject().value(s("label")).toString(), s("October"));
        QCOMPARE(doc.value(s("to")).toObject().value(s("taken_at")).toString(),
                 s("2026-11-27T09:00:00Z"));
        const QJsonObject ep = doc.value(s("endpoints")).toObject();
        QCOMPARE(names(ep.value(s("added"))), QStringList{s("WS-Echo")});
        QCOMPARE(names(ep.value(s("removed"))), QStringList{s("WS-Delta")});
        const QJsonObject headline = doc.value(s("headline")).toObject();
        QCOMPARE(headline.value(s("coverage_percent")).toObject().value(s("from")).toDouble(),
                 50.0);
        QCOMPARE(headline.value(s("coverage_percent")).toObject().value(s("to")).toDouble(), 75.0);
        QCOMPARE(headline.value(s("coverage_percent")).toObject().value(s("delta")).toDouble(),
                 25.0);
        QCOMPARE(headline.value(s("health_failures")).toObject().value(s("from")).toInt(), 3);
        QCOMPARE(headline.value(s("health_failures")).toObject().value(s("to")).toInt(), 3);
        const QJsonArray codes = doc.value(s("codes")).toArray();
        QCOMPARE(codes.size(), 2);
        const QJsonObject dec = codes.at(0).toObject();
        QCOMPARE(dec.value(s("code")).toString(), s("health.dec"));
        QCOMPARE(names(dec.value(s("newly_affected")).toObject().value(s("endpoints"))),
                 (QStringList{s("WS-Charlie"), s("WS-Echo")}));
        QCOMPARE(names(dec.value(s("recovered")).toObject().value(s("endpoints"))),
                 QStringList{s("WS-Alpha")});
        QCOMPARE(dec.value(s("still_affected")).toObject().value(s("count")).toInt(), 1);
        QCOMPARE(codes.at(1).toObject().value(s("code")).toString(),
                 s("driver.service_not_running"));
        // Read-only: the workspace is byte for byte what it was.
        QCOMPARE(test::readAll(m_db), before);
    }

    void diffText()
    {
        const auto r =
            test::runCli({s("diff"), s("--db"), m_db, s("--from"), s("1"), s("--to"), s("2")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(s("health.dec: +2 new, -1 recovered, 1 still\n")),
                 r.out.constData());
        QVERIFY2(text.contains(s("driver.service_not_running: +1 new, -0 recovered, 0 still\n")),
                 r.out.constData());
        QVERIFY2(text.contains(s("Endpoints: +1 added, -1 removed")), r.out.constData());
        QVERIFY2(text.contains(s("Coverage: 50.0% → 75.0% (+25.0)")), r.out.constData());
        QVERIFY2(text.contains(s("Health failures: 3 → 3 (0)")), r.out.constData());
        QVERIFY(!r.out.trimmed().startsWith('{'));
    }

    void noteAddListRemove()
    {
        auto r = test::runCli({s("note"), s("add"), s("--db"), m_db, s("--endpoint"), s("ws-alpha"),
                               s("--code"), s("driver.service_not_running"), s("--text"),
                               s("Reboot pending"), s("--ticket"), s("CHG-1"), s("--accept-until"),
                               s("2026-12-31")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.startsWith("note "));
        r = test::runCli({s("note"), s("add"), s("--db"), m_db, s("--endpoint"), s("WS-BRAVO"),
                          s("--code"), s("health.dec"), s("--text"), s("Escalated"), s("--author"),
                          s("bob")});
        QCOMPARE(r.exitCode, 0);

        QJsonArray notes = listNotes();
        QCOMPARE(notes.size(), 2);
        const QJsonObject alpha = notes.at(0).toObject();
        QCOMPARE(alpha.value(s("endpoint")).toString(), s("WS-Alpha"));
        QCOMPARE(alpha.value(s("code")).toString(), s("driver.service_not_running"));
        QCOMPARE(alpha.value(s("text")).toString(), s("Reboot pending"));
        QCOMPARE(alpha.value(s("ticket")).toString(), s("CHG-1"));
        QCOMPARE(alpha.value(s("author")).toString(), s("tester"));
        QCOMPARE(alpha.value(s("accepted_until")).toString(), s("2026-12-31"));
        QVERIFY(
            QDateTime::fromString(alpha.value(s("created_at")).toString(), Qt::ISODate).isValid());
        const QJsonObject bravo = notes.at(1).toObject();
        QCOMPARE(bravo.value(s("author")).toString(), s("bob"));
        QVERIFY(bravo.value(s("accepted_until")).isNull());

        notes = listNotes({s("--endpoint"), s("Ws-Bravo")});
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.at(0).toObject().value(s("text")).toString(), s("Escalated"));

        r = test::runCli({s("note"), s("list"), s("--db"), m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("WS-Alpha driver.service_not_running [accepted until 2026-12-31]: "
                                "Reboot pending (ticket CHG-1)"),
                 r.out.constData());

        const qint64 alphaId = alpha.value(s("id")).toInteger();
        r = test::runCli(
            {s("note"), s("remove"), s("--db"), m_db, s("--id"), QString::number(alphaId)});
        QCOMPARE(r.exitCode, 0);
        notes = listNotes();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.at(0).toObject().value(s("endpoint")).toString(), s("WS-Bravo"));
        r = test::runCli(
            {s("note"), s("remove"), s("--db"), m_db, s("--id"), QString::number(alphaId)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no note %1").arg(alphaId).toUtf8()));
    }

    void noteAuthorFallsBackToUsername()
    {
        qunsetenv("USER");
        qputenv("USERNAME", "winuser");
        const auto r =
            test::runCli({s("note"), s("add"), s("--db"), m_db, s("--endpoint"), s("WS-Echo"),
                          s("--code"), s("health.dec"), s("--text"), s("new box")});
        qputenv("USER", "tester");
        qunsetenv("USERNAME");
        QCOMPARE(r.exitCode, 0);
        const QJsonArray notes = listNotes({s("--endpoint"), s("ws-echo")});
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.at(0).toObject().value(s("author")).toString(), s("winuser"));
    }

    void noteErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList add{s("note"), s("add"), s("--db"), s("DB")};
        QTest::newRow("unknown endpoint")
            << add + QStringList{s("--endpoint"), s("ws-zulu"), s("--code"),
                                 s("health.dec"), s("--text"),  s("x")}
            << 2 << s("no endpoint \"ws-zulu\"");
        QTest::newRow("unknown code")
            << add + QStringList{s("--endpoint"), s("ws-alpha"), s("--code"),
                                 s("bogus.code"), s("--text"),   s("x")}
            << 2 << s("unknown finding code \"bogus.code\"");
        QTest::newRow("bad date") << add + QStringList{s("--endpoint"),     s("ws-alpha"),
                                                       s("--code"),         s("health.dec"),
                                                       s("--text"),         s("x"),
                                                       s("--accept-until"), s("2026-02-30")}
                                  << 1 << s("--accept-until 2026-02-30");
        QTest::newRow("not a date")
            << add + QStringList{s("--endpoint"),     s("ws-alpha"),  s("--code"),
                                 s("health.dec"),     s("--text"),    s("x"),
                                 s("--accept-until"), s("31/12/2026")}
            << 1 << s("expected YYYY-MM-DD");
        QTest::newRow("missing text")
            << add + QStringList{s("--endpoint"), s("ws-alpha"), s("--code"), s("health.dec")} << 1
            << s("--text TEXT is required");
        QTest::newRow("blank text")
            << add + QStringList{s("--endpoint"), s("ws-alpha"), s("--code"),
                                 s("health.dec"), s("--text"),   s(" ")}
            << 1 << s("--text must not be empty");
        QTest::newRow("no sub-command")
            << QStringList{s("note")} << 1 << s("expected add, list or remove");
        QTest::newRow("unknown sub-command")
            << QStringList{s("note"), s("edit"), s("--db"), s("DB")} << 1
            << s("unknown sub-command \"edit\"");
        QTest::newRow("remove needs a number")
            << QStringList{s("note"), s("remove"), s("--db"), s("DB"), s("--id"), s("abc")} << 1
            << s("--id abc");
        QTest::newRow("remove unknown id")
            << QStringList{s("note"), s("remove"), s("--db"), s("DB"), s("--id"), s("4242")} << 2
            << s("no note 4242");
        QTest::newRow("list unknown endpoint")
            << QStringList{s("note"), s("list"), s("--db"), s("DB"), s("--endpoint"), s("nobody")}
            << 2 << s("no endpoint \"nobody\"");
    }
    void noteErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        args.replaceInStrings(QRegularExpression(s("^DB$")), m_db);
        const qsizetype notesBefore = listNotes().size();
        const QByteArray before = test::readAll(m_db);
        const auto r = test::runCli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QCOMPARE(listNotes().size(), notesBefore);
        QCOMPARE(test::readAll(m_db), before);
    }
};

QTEST_GUILESS_MAIN(TestCliDiffNotes)
#include "tst_cli_diffnotes.moc"
