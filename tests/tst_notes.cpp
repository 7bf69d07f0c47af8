#include "TestSupport.h"
#include "analysis/Notes.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

std::int64_t noteCount(Database &db)
{
    return db.scalarInt("SELECT count(*) FROM note").value_or(-1);
}

} // namespace

class TestNotes : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;
    std::int64_t m_alpha = 0, m_bravo = 0, m_ecole = 0;
    std::int64_t m_s1 = 0;

    std::int64_t insertSnapshot(const char *takenAt)
    {
        Statement st(m_db, "INSERT INTO snapshot(taken_at, imported_at) VALUES(?1, ?1)");
        st.bind(1, std::string_view(takenAt));
        return st.run() ? m_db.lastInsertRowId() : -1;
    }
    std::int64_t insertEndpoint(const QString &name)
    {
        Statement st(m_db, "INSERT INTO endpoint(name_key, name) VALUES(?1, ?2)");
        st.bind(1, name.toLower()).bind(2, name);
        return st.run() ? m_db.lastInsertRowId() : -1;
    }
    bool insertFinding(std::int64_t snapshot, std::int64_t endpoint, const char *code)
    {
        Statement st(m_db,
                     "INSERT INTO finding(snapshot_id, endpoint_id, code) VALUES(?1, ?2, ?3)");
        st.bind(1, snapshot).bind(2, endpoint).bind(3, std::string_view(code));
        return st.run();
    }
    Note note(std::int64_t endpoint, const char *code, const char *text)
    {
        Note n;
        n.endpointId = endpoint;
        n.code = s(code);
        n.text = s(text);
        n.author = s("alice");
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Store::open(m_db, m_dir.filePath(s("notes.trdb")), Store::OpenMode::CreateOrUpgrade)
                    .ok());
        m_s1 = insertSnapshot("2026-10-27T09:00:00Z");
        m_alpha = insertEndpoint(s("WS-Alpha"));
        m_bravo = insertEndpoint(s("ws-bravo"));
        m_ecole = insertEndpoint(s("ÉCOLE-01"));
        QVERIFY(m_s1 > 0 && m_alpha > 0 && m_bravo > 0 && m_ecole > 0);
        QVERIFY(insertFinding(m_s1, m_alpha, "driver.service_not_running"));
    }

    void init() { QVERIFY(m_db.exec("DELETE FROM note")); }

    void addStoresEveryField()
    {
        Note n = note(m_alpha, "driver.service_not_running", "Driver reinstall scheduled");
        n.ticket = s("CHG-1234");
        n.createdAt = QDateTime(QDate(2026, 10, 28), QTime(10, 30), Qt::UTC);
        n.acceptedUntil = QDate(2026, 12, 31);
        QString error;
        const auto id = Notes::add(m_db, n, &error);
        QVERIFY2(id, qPrintable(error));
        const std::vector<Note> notes = Notes::forEndpoint(m_db, m_alpha);
        QCOMPARE(notes.size(), size_t(1));
        const Note &got = notes.front();
        QCOMPARE(got.id, *id);
        QCOMPARE(got.endpointId, m_alpha);
        QCOMPARE(got.endpointName, s("WS-Alpha"));
        QCOMPARE(got.code, s("driver.service_not_running"));
        QCOMPARE(got.text, s("Driver reinstall scheduled"));
        QCOMPARE(got.ticket, s("CHG-1234"));
        QCOMPARE(got.author, s("alice"));
        QCOMPARE(got.createdAt, n.createdAt);
        QCOMPARE(got.acceptedUntil, std::optional<QDate>(QDate(2026, 12, 31)));
        QVERIFY(Notes::forEndpoint(m_db, m_bravo).empty());
    }

    void addStampsCreationTimeAndAcceptsAName()
    {
        Note n = note(0, "health.dec", "Known issue");
        n.endpointName = s("WS-BRAVO"); // no id: found by name, any case
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QString error;
        const auto id = Notes::add(m_db, n, &error);
        QVERIFY2(id, qPrintable(error));
        const auto got = Notes::byId(m_db, *id);
        QVERIFY(got);
        QCOMPARE(got->endpointId, m_bravo);
        QVERIFY(!got->acceptedUntil);
        QVERIFY(got->createdAt >= before);
        QVERIFY(got->createdAt <= QDateTime::currentDateTimeUtc().addSecs(1));
    }

    void addValidates_data()
    {
        QTest::addColumn<qint64>("endpoint");
        QTest::addColumn<QString>("endpointName");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("acceptedUntil");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown endpoint id") << qint64(9999) << QString() << s("health.dec")
                                             << s("x") << QDate() << s("no endpoint 9999");
        QTest::newRow("unknown endpoint name") << qint64(0) << s("ws-zulu") << s("health.dec")
                                               << s("x") << QDate() << s("no endpoint \"ws-zulu\"");
        QTest::newRow("unknown code") << qint64(-1) << QString() << s("health.nope") << s("x")
                                      << QDate() << s("unknown finding code \"health.nope\"");
        QTest::newRow("blank text") << qint64(-1) << QString() << s("health.dec") << s("  \t ")
                                    << QDate() << s("needs a text");
        QTest::newRow("invalid date") << qint64(-1) << QString() << s("health.dec") << s("x")
                                      << QDate(2026, 2, 30) << s("accepted until");
    }
    void addValidates()
    {
        QFETCH(qint64, endpoint);
        QFETCH(QString, endpointName);
        QFETCH(QString, code);
        QFETCH(QString, text);
        QFETCH(QDate, acceptedUntil);
        QFETCH(QString, message);
        Note n;
        n.endpointId = endpoint < 0 ? m_alpha : endpoint; // -1: a valid endpoint
        n.endpointName = endpointName;
        n.code = code;
        n.text = text;
        if (QByteArrayView(QTest::currentDataTag()) == "invalid date")
            n.acceptedUntil = acceptedUntil; // set, but not a valid date
        QString error;
        QVERIFY(!Notes::add(m_db, n, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(noteCount(m_db), std::int64_t(0));
        // The same checks guard update.
        const auto id = Notes::add(m_db, note(m_alpha, "health.dec", "valid"), &error);
        QVERIFY(id);
        n.id = *id;
        error.clear();
        QVERIFY(!Notes::update(m_db, n, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(Notes::byId(m_db, *id)->text, s("valid"));
    }

    void updateRewritesButKeepsCreation()
    {
        Note n = note(m_alpha, "health.dec", "first");
        n.createdAt = QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
        QString error;
        const auto id = Notes::add(m_db, n, &error);
        QVERIFY2(id, qPrintable(error));
        Note changed = *Notes::byId(m_db, *id);
        changed.text = s("second");
        changed.ticket = s("INC-9");
        changed.code = s("health.index");
        changed.endpointId = m_bravo;
        changed.acceptedUntil = QDate(2027, 1, 15);
        changed.createdAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC); // ignored
        QVERIFY2(Notes::update(m_db, changed, &error), qPrintable(error));
        const Note got = *Notes::byId(m_db, *id);
        QCOMPARE(got.text, s("second"));
        QCOMPARE(got.ticket, s("INC-9"));
        QCOMPARE(got.code, s("health.index"));
        QCOMPARE(got.endpointId, m_bravo);
        QCOMPARE(got.acceptedUntil, std::optional<QDate>(QDate(2027, 1, 15)));
        QCOMPARE(got.createdAt, n.createdAt);
        // Clearing the exception turns it back into a plain note.
        changed.acceptedUntil.reset();
        QVERIFY(Notes::update(m_db, changed, &error));
        QVERIFY(!Notes::byId(m_db, *id)->acceptedUntil);

        changed.id = *id + 100;
        QVERIFY(!Notes::update(m_db, changed, &error));
        QVERIFY2(error.contains(QStringLiteral("no note %1").arg(*id + 100)), qPrintable(error));
    }

    void removeDeletesOnlyThatNote()
    {
        QString error;
        const auto keep = Notes::add(m_db, note(m_alpha, "health.dec", "keep"), &error);
        const auto drop = Notes::add(m_db, note(m_alpha, "health.index", "drop"), &error);
        QVERIFY(keep && drop);
        QVERIFY2(Notes::remove(m_db, *drop, &error), qPrintable(error));
        const std::vector<Note> left = Notes::all(m_db);
        QCOMPARE(left.size(), size_t(1));
        QCOMPARE(left.front().id, *keep);
        QVERIFY(!Notes::remove(m_db, *drop, &error));
        QVERIFY2(error.contains(QStringLiteral("no note %1").arg(*drop)), qPrintable(error));
        QCOMPARE(noteCount(m_db), std::int64_t(1));
    }

    void allIsOrderedByEndpointThenCode()
    {
        QString error;
        QVERIFY(Notes::add(m_db, note(m_bravo, "health.dec", "b"), &error));
        QVERIFY(Notes::add(m_db, note(m_alpha, "health.stream", "a2"), &error));
        QVERIFY(Notes::add(m_db, note(m_alpha, "health.dec", "a1"), &error));
        QStringList texts;
        for (const Note &n : Notes::all(m_db))
            texts << n.text;
        QCOMPARE(texts, (QStringList{s("a1"), s("a2"), s("b")}));
    }

    // A note written while snapshot 1 was the latest still shows against snapshot 2's
    // findings: notes belong to (endpoint, code), not to a snapshot.
    void notesCarryOverToLaterSnapshots()
    {
        QString error;
        Note n = note(m_alpha, "driver.service_not_running", "waiting for reboot window");
        n.acceptedUntil = QDate(2026, 12, 31);
        const auto driverNote = Notes::add(m_db, n, &error);
        const auto toolsNote =
            Notes::add(m_db, note(m_alpha, "tools.not_installed", "tool rollout"), &error);
        const auto bravoNote = Notes::add(m_db, note(m_bravo, "health.dec", "fixed?"), &error);
        QVERIFY(driverNote && toolsNote && bravoNote);
        auto ids = [](const std::vector<std::pair<Note, std::int64_t>> &v) {
            std::vector<std::pair<std::int64_t, std::int64_t>> out;
            for (const auto &[entry, count] : v)
                out.emplace_back(entry.id, count);
            return out;
        };
        using Touch = std::vector<std::pair<std::int64_t, std::int64_t>>;
        QCOMPARE(ids(Notes::forSnapshot(m_db, m_s1)), (Touch{{*driverNote, 1}}));

        const std::int64_t s2 = insertSnapshot("2026-11-27T09:00:00Z");
        QVERIFY(insertFinding(s2, m_alpha, "driver.service_not_running"));
        QVERIFY(insertFinding(s2, m_alpha, "tools.not_installed")); // two tools missing
        QVERIFY(insertFinding(s2, m_alpha, "tools.not_installed"));
        QVERIFY(insertFinding(s2, m_bravo, "health.index")); // not the noted code
        const auto touching = Notes::forSnapshot(m_db, s2);
        QCOMPARE(ids(touching), (Touch{{*driverNote, 1}, {*toolsNote, 2}}));
        QCOMPARE(touching.front().first.acceptedUntil, std::optional<QDate>(QDate(2026, 12, 31)));
        QCOMPARE(touching.front().first.endpointName, s("WS-Alpha"));
        QVERIFY(m_db.exec("DELETE FROM finding WHERE snapshot_id <> 1"));
    }

    void acceptedUntilIncludesThatDay()
    {
        QString error;
        Note n = note(m_alpha, "driver.service_not_running", "accepted");
        n.acceptedUntil = QDate(2026, 12, 31);
        QVERIFY(Notes::add(m_db, n, &error));
        QVERIFY(Notes::add(m_db, note(m_bravo, "driver.service_not_running", "plain"), &error));
        const QString code = s("driver.service_not_running");
        QVERIFY(Notes::isAccepted(m_db, m_alpha, code, QDate(2026, 12, 30)));
        QVERIFY(Notes::isAccepted(m_db, m_alpha, code, QDate(2026, 12, 31)));
        QVERIFY(!Notes::isAccepted(m_db, m_alpha, code, QDate(2027, 1, 1)));
        QVERIFY(!Notes::isAccepted(m_db, m_alpha, s("health.dec"), QDate(2026, 12, 1)));
        QVERIFY(!Notes::isAccepted(m_db, m_bravo, code, QDate(2026, 12, 1))); // plain note
        QVERIFY(!Notes::isAccepted(m_db, m_alpha, code, QDate()));
        // A later exception on the same finding extends it.
        n.acceptedUntil = QDate(2027, 3, 31);
        QVERIFY(Notes::add(m_db, n, &error));
        QVERIFY(Notes::isAccepted(m_db, m_alpha, code, QDate(2027, 3, 31)));
        QVERIFY(!Notes::isAccepted(m_db, m_alpha, code, QDate(2027, 4, 1)));
    }

    void endpointLookupIgnoresCase()
    {
        QCOMPARE(Notes::endpointByName(m_db, s("ws-alpha")), std::optional<std::int64_t>(m_alpha));
        QCOMPARE(Notes::endpointByName(m_db, s("WS-ALPHA")), std::optional<std::int64_t>(m_alpha));
        QCOMPARE(Notes::endpointByName(m_db, s("  Ws-Alpha ")),
                 std::optional<std::int64_t>(m_alpha));
        QCOMPARE(Notes::endpointByName(m_db, s("WS-Bravo")), std::optional<std::int64_t>(m_bravo));
        QCOMPARE(Notes::endpointByName(m_db, s("école-01")), std::optional<std::int64_t>(m_ecole));
        QCOMPARE(Notes::endpointByName(m_db, s("ÉCOLE-01")), std::optional<std::int64_t>(m_ecole));
        QVERIFY(!Notes::endpointByName(m_db, s("ws-alph")));
        QVERIFY(!Notes::endpointByName(m_db, QString()));
    }
};

QTEST_GUILESS_MAIN(TestNotes)
#include "tst_notes.moc"
