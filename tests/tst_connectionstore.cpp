#include "TestSupport.h"
#include "fetch/ConnectionStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace trh::fetch;

namespace {

Connection sample()
{
    Connection c;
    c.name = QStringLiteral("Prod EU");
    c.server = QUrl(QStringLiteral("https://tanium.example.com:8443"));
    c.caFile = QStringLiteral("/etc/ssl/tanium-ca.pem");
    c.source = Source::Gateway;
    c.completionThreshold = 0.9;
    c.questionTimeoutSeconds = 420;
    c.requestTimeoutSeconds = 45;
    return c;
}

void compareConnections(const Connection &a, const Connection &b)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.server, b.server);
    QCOMPARE(a.caFile, b.caFile);
    QCOMPARE(a.source, b.source);
    QCOMPARE(a.completionThreshold, b.completionThreshold);
    QCOMPARE(a.questionTimeoutSeconds, b.questionTimeoutSeconds);
    QCOMPARE(a.requestTimeoutSeconds, b.requestTimeoutSeconds);
}

} // namespace

class TestConnectionStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_ini;
    int m_files = 0;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // A fresh settings file for every test function and data row.
        m_ini = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files));
    }

    void roundTripThroughTheSettingsFile()
    {
        // Given a connection saved through one QSettings object,
        {
            QSettings settings(m_ini, QSettings::IniFormat);
            ConnectionStore store(settings);
            QCOMPARE(store.save(sample()), QString());
            Connection lab;
            lab.name = QStringLiteral("lab");
            lab.server = QUrl(QStringLiteral("http://127.0.0.1:8080"));
            QCOMPARE(store.save(lab), QString());
            store.setLastUsed(QStringLiteral("Prod EU"));
        }
        // when the file is read again from scratch,
        QSettings settings(m_ini, QSettings::IniFormat);
        ConnectionStore store(settings);
        // then every field is back, in the group the settings file documents,
        QCOMPARE(store.names(), (QStringList{QStringLiteral("lab"), QStringLiteral("Prod EU")}));
        const std::optional<Connection> loaded = store.load(QStringLiteral("Prod EU"));
        QVERIFY(loaded);
        compareConnections(*loaded, sample());
        QCOMPARE(settings.value(QStringLiteral("connections/Prod EU/source")).toString(),
                 QStringLiteral("gateway"));
        QCOMPARE(settings.value(QStringLiteral("connections/lab/url")).toString(),
                 QStringLiteral("http://127.0.0.1:8080"));
        // defaults are kept for the rest,
        const std::optional<Connection> lab = store.load(QStringLiteral("lab"));
        QVERIFY(lab);
        QCOMPARE(lab->source, Source::Rest);
        QCOMPARE(lab->completionThreshold, Connection().completionThreshold);
        QCOMPARE(store.loadAll().size(), 2);
        QCOMPARE(store.lastUsed(), QStringLiteral("Prod EU"));
        // and an unknown name is no connection.
        QVERIFY(!store.load(QStringLiteral("nope")));
    }

    void renameAndRemove()
    {
        QSettings settings(m_ini, QSettings::IniFormat);
        ConnectionStore store(settings);
        QCOMPARE(store.save(sample()), QString());
        store.setLastUsed(QStringLiteral("Prod EU"));
        Connection renamed = sample();
        renamed.name = QStringLiteral("Prod Frankfurt");
        QCOMPARE(store.save(renamed, QStringLiteral("Prod EU")), QString());
        QCOMPARE(store.names(), QStringList{QStringLiteral("Prod Frankfurt")});
        QCOMPARE(store.lastUsed(), QStringLiteral("Prod Frankfurt"));
        store.remove(QStringLiteral("Prod Frankfurt"));
        QCOMPARE(store.names(), QStringList());
        QCOMPARE(store.lastUsed(), QString());
    }

    void badAndTakenNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QString() << QStringLiteral("needs a name");
        QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("needs a name");
        QTest::newRow("padded") << QStringLiteral(" prod") << QStringLiteral("space");
        QTest::newRow("slash") << QStringLiteral("eu/prod") << QStringLiteral("/");
        QTest::newRow("backslash") << QStringLiteral("eu\\prod") << QStringLiteral("\\");
        QTest::newRow("control") << QStringLiteral("eu\nprod") << QStringLiteral("control");
        QTest::newRow("taken, other case")
            << QStringLiteral("prod eu") << QStringLiteral("already exists");
    }

    void badAndTakenNamesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        QSettings settings(m_ini, QSettings::IniFormat);
        ConnectionStore store(settings);
        QCOMPARE(store.save(sample()), QString());
        Connection c = sample();
        c.name = name;
        const QString got = store.save(c);
        QVERIFY2(got.contains(error), qPrintable(got));
        QCOMPARE(store.names(), QStringList{QStringLiteral("Prod EU")});
    }

    void unusedNameCountsUp()
    {
        QSettings settings(m_ini, QSettings::IniFormat);
        ConnectionStore store(settings);
        QCOMPARE(store.unusedName(QStringLiteral("Prod EU")), QStringLiteral("Prod EU"));
        QCOMPARE(store.save(sample()), QString());
        QCOMPARE(store.unusedName(QStringLiteral("prod eu")), QStringLiteral("prod eu (2)"));
        Connection second = sample();
        second.name = QStringLiteral("Prod EU (2)");
        QCOMPARE(store.save(second), QString());
        QCOMPARE(store.unusedName(QStringLiteral("Prod EU")), QStringLiteral("Prod EU (3)"));
    }

    void handEditedValuesFallBackToDefaults()
    {
        QSettings settings(m_ini, QSettings::IniFormat);
        settings.setValue(QStringLiteral("connections/odd/url"),
                          QStringLiteral("https://t.example"));
        settings.setValue(QStringLiteral("connections/odd/source"),
                          QStringLiteral("carrier pigeon"));
        settings.setValue(QStringLiteral("connections/odd/threshold"), QStringLiteral("most"));
        settings.setValue(QStringLiteral("connections/odd/questionTimeout"), QStringLiteral("x"));
        ConnectionStore store(settings);
        const std::optional<Connection> c = store.load(QStringLiteral("odd"));
        QVERIFY(c);
        const Connection defaults;
        QCOMPARE(c->source, defaults.source);
        QCOMPARE(c->completionThreshold, defaults.completionThreshold);
        QCOMPARE(c->questionTimeoutSeconds, defaults.questionTimeoutSeconds);
        QCOMPARE(c->requestTimeoutSeconds, defaults.requestTimeoutSeconds);
        QCOMPARE(Connection::validate(*c), QString());
    }
};

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "tst_connectionstore.moc"
