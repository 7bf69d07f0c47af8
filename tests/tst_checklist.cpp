#include "analysis/Checklist.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

// The monthly checklist: steps, statuses from a summary, sign-offs and notes per month.
class TestChecklist : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newWorkspace(Database &db)
    {
        const QString path = m_dir.filePath(QStringLiteral("ws%1.trdb").arg(++m_files));
        const Store::OpenResult r = Store::open(db, path, Store::OpenMode::CreateOrUpgrade);
        if (!r.ok())
            qWarning("%s", qPrintable(r.error));
        return path;
    }

    static const ChecklistEntry &entry(const std::vector<ChecklistEntry> &entries,
                                       const QString &step)
    {
        for (const ChecklistEntry &e : entries) {
            if (e.step == step)
                return e;
        }
        static const ChecklistEntry none;
        return none;
    }

private slots:
    void stepsAreTheProcedure()
    {
        const auto &steps = Checklist::steps();
        QCOMPARE(steps.size(), size_t(9));
        QSet<QString> ids;
        for (const ChecklistStep &s : steps) {
            QVERIFY(!s.title.isEmpty());
            QVERIFY(!s.what.isEmpty());
            ids.insert(s.id);
            QVERIFY(Checklist::isStep(s.id));
        }
        QCOMPARE(ids.size(), 9);
        QVERIFY(!Checklist::isStep(QStringLiteral("nope")));
    }

    void months()
    {
        QVERIFY(Checklist::isMonth(QStringLiteral("2026-11")));
        QVERIFY(!Checklist::isMonth(QStringLiteral("2026-13")));
        QVERIFY(!Checklist::isMonth(QStringLiteral("2026-1")));
        QVERIFY(!Checklist::isMonth(QStringLiteral("2026-11'; DROP TABLE checklist; --")));
        const QJsonObject summary{
            {QStringLiteral("snapshot"),
             QJsonObject{{QStringLiteral("taken_at"), QStringLiteral("2026-10-31T23:30:00Z")}}}};
        QCOMPARE(Checklist::monthOf(summary), QStringLiteral("2026-10"));
    }

    void statusFromTheSummary()
    {
        const QJsonObject summary{
            {QStringLiteral("health_failures"), QJsonObject{{QStringLiteral("dec"), 10},
                                                            {QStringLiteral("index"), 0},
                                                            {QStringLiteral("recorder"), 200},
                                                            {QStringLiteral("stream"), 14},
                                                            {QStringLiteral("threatresponse"), 0},
                                                            {QStringLiteral("any"), 224}}},
            {QStringLiteral("coverage"), QJsonObject{{QStringLiteral("no_data"), 1},
                                                     {QStringLiteral("not_deployed"), 2},
                                                     {QStringLiteral("no_profile"), 3},
                                                     {QStringLiteral("unhealthy"), 4},
                                                     {QStringLiteral("covered"), 90},
                                                     {QStringLiteral("percent"), 90.0}}},
            {QStringLiteral("profiles"),
             QJsonObject{{QStringLiteral("no_profile"), 0},
                         {QStringLiteral("unknown_profile"), 0},
                         {QStringLiteral("outdated_revision"), 0},
                         {QStringLiteral("wrong_profile_for_group"), QJsonValue::Null}}},
            {QStringLiteral("findings"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("settings.non_default")},
                             {QStringLiteral("endpoints"), 17}}}},
        };
        const ChecklistStatus health = Checklist::status(QStringLiteral("health"), summary);
        QVERIFY2(health.text.contains(QStringLiteral("224")), qPrintable(health.text));
        QVERIFY2(health.text.contains(QStringLiteral("3 domain")), qPrintable(health.text));
        QVERIFY(health.attention);
        const ChecklistStatus settings = Checklist::status(QStringLiteral("settings"), summary);
        QVERIFY2(settings.text.contains(QStringLiteral("17")), qPrintable(settings.text));
        const ChecklistStatus coverage = Checklist::status(QStringLiteral("coverage"), summary);
        QVERIFY2(coverage.text.contains(QStringLiteral("90 of 100")), qPrintable(coverage.text));
        QVERIFY(coverage.attention);
        // A figure the data cannot give is shown as not known, never as 0.
        const ChecklistStatus profiles = Checklist::status(QStringLiteral("profiles"), summary);
        QVERIFY2(profiles.text.contains(QStringLiteral("wrong for group —")),
                 qPrintable(profiles.text));
        QVERIFY(!profiles.attention);

        QJsonObject healthy = summary;
        healthy.insert(QStringLiteral("health_failures"), QJsonObject{{QStringLiteral("any"), 0}});
        const ChecklistStatus none = Checklist::status(QStringLiteral("health"), healthy);
        QVERIFY(!none.attention);
        QVERIFY(!none.text.contains(QStringLiteral("224")));
    }

    void saveLoadSignOffRoundTrip()
    {
        Database db;
        newWorkspace(db);
        QVERIFY(db.isOpen());
        const QString month = QStringLiteral("2026-11");
        QString error;
        auto entries = Checklist::load(db, month, &error);
        QVERIFY2(entries, qPrintable(error));
        QCOMPARE(entries->size(), Checklist::steps().size());
        for (const ChecklistEntry &e : *entries) {
            QVERIFY(!e.isSignedOff());
            QVERIFY(e.notes.isEmpty());
            QCOMPARE(e.month, month);
        }

        // Notes, then a sign-off: the sign-off keeps the notes.
        QVERIFY2(Checklist::setNotes(db, month, QStringLiteral("driver"),
                                     QStringLiteral("3 servers: ticket CHG-42 'reboot'"), &error),
                 qPrintable(error));
        const QDateTime when(QDate(2026, 11, 28), QTime(9, 30), Qt::UTC);
        QVERIFY2(Checklist::signOff(db, month, QStringLiteral("driver"), QStringLiteral("alice"),
                                    when, &error),
                 qPrintable(error));
        entries = Checklist::load(db, month, &error);
        QVERIFY(entries);
        const ChecklistEntry &driver = entry(*entries, QStringLiteral("driver"));
        QVERIFY(driver.isSignedOff());
        QCOMPARE(driver.signedBy, QStringLiteral("alice"));
        QCOMPARE(driver.signedAt, when);
        QCOMPARE(driver.notes, QStringLiteral("3 servers: ticket CHG-42 'reboot'"));
        QVERIFY(!entry(*entries, QStringLiteral("health")).isSignedOff());

        // Another month is separate.
        const auto october = Checklist::load(db, QStringLiteral("2026-10"), &error);
        QVERIFY(october);
        QVERIFY(!entry(*october, QStringLiteral("driver")).isSignedOff());
        QVERIFY(entry(*october, QStringLiteral("driver")).notes.isEmpty());

        // Undoing the sign-off keeps the notes; save() replaces both.
        QVERIFY(Checklist::clearSignOff(db, month, QStringLiteral("driver"), &error));
        entries = Checklist::load(db, month, &error);
        QVERIFY(!entry(*entries, QStringLiteral("driver")).isSignedOff());
        QCOMPARE(entry(*entries, QStringLiteral("driver")).notes,
                 QStringLiteral("3 servers: ticket CHG-42 'reboot'"));
        ChecklistEntry e;
        e.month = month;
        e.step = QStringLiteral("coverage");
        e.signedBy = QStringLiteral("bob");
        e.signedAt = when.addDays(1);
        e.notes = QStringLiteral("ok");
        QVERIFY2(Checklist::save(db, e, &error), qPrintable(error));
        entries = Checklist::load(db, month, &error);
        QCOMPARE(entry(*entries, QStringLiteral("coverage")).signedBy, QStringLiteral("bob"));
        QCOMPARE(entry(*entries, QStringLiteral("coverage")).signedAt, when.addDays(1));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM checklist").value(), std::int64_t(2));
    }

    void rejectsBadInput()
    {
        Database db;
        newWorkspace(db);
        QString error;
        QVERIFY(!Checklist::signOff(db, QStringLiteral("2026-11"), QStringLiteral("nope"),
                                    QStringLiteral("alice"), {}, &error));
        QVERIFY(error.contains(QStringLiteral("nope")));
        QVERIFY(!Checklist::signOff(db, QStringLiteral("November"), QStringLiteral("health"),
                                    QStringLiteral("alice"), {}, &error));
        QVERIFY(!Checklist::signOff(db, QStringLiteral("2026-11"), QStringLiteral("health"),
                                    QStringLiteral("  "), {}, &error));
        QVERIFY(!Checklist::load(db, QStringLiteral("2026-1"), &error));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM checklist").value(), std::int64_t(0));
    }

    void migrationFromVersionTwoKeepsData()
    {
        // Given a workspace at schema version 2 (before the checklist) with data in it,
        const QString path = m_dir.filePath(QStringLiteral("ws%1.trdb").arg(++m_files));
        {
            Database db;
            QVERIFY(db.open(path));
            QCOMPARE(Schema::migrate(db, 2).status, Schema::Status::Ok);
            QVERIFY(db.exec("INSERT INTO snapshot (id, taken_at, imported_at) VALUES "
                            "(7, '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z');"
                            "INSERT INTO expected_version (kind, name, version) VALUES "
                            "('tool', 'recorder', '3.1');"));
            QCOMPARE(db.scalarInt("PRAGMA user_version").value(), std::int64_t(2));
        }
        // when it is opened,
        Database db;
        QVERIFY(Store::open(db, path, Store::OpenMode::Existing).ok());
        // then it is at the current version, with its data and a working checklist.
        QCOMPARE(int(db.scalarInt("PRAGMA user_version").value()), Schema::currentVersion());
        QVERIFY(Schema::currentVersion() >= 3);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM snapshot WHERE id = 7").value(),
                 std::int64_t(1));
        QCOMPARE(db.scalarInt("SELECT count(*) FROM expected_version").value(), std::int64_t(1));
        QString error;
        QVERIFY2(Checklist::signOff(db, QStringLiteral("2026-10"), QStringLiteral("health"),
                                    QStringLiteral("carol"), {}, &error),
                 qPrintable(error));
        const auto entries = Checklist::load(db, QStringLiteral("2026-10"), &error);
        QVERIFY(entries);
        QCOMPARE(entry(*entries, QStringLiteral("health")).signedBy, QStringLiteral("carol"));
        QVERIFY(entry(*entries, QStringLiteral("health")).signedAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestChecklist)
#include "tst_checklist.moc"
