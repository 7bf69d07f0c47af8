#include "TestSupport.h"
#include "import/JsonReaders.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace trh;

Q_DECLARE_METATYPE(trh::JsonKind)

namespace {

JsonKind sniffBytes(const QByteArray &bytes, QString *why, qint64 *consumed = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const JsonKind kind = sniffJsonKind(buffer, why);
    if (consumed)
        *consumed = buffer.pos();
    return kind;
}

} // namespace

class TestJsonSniff : public QObject
{
    Q_OBJECT
private slots:
    void fixtures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<JsonKind>("kind");
        QTest::addColumn<QString>("why");
        auto row = [](const char *name, JsonKind kind, const char *why) {
            QTest::newRow(name) << QString::fromUtf8(name) << kind << QString::fromUtf8(why);
        };
        row("rest_result_data.json", JsonKind::RestResultData, "has data.result_sets");
        row("rest_pages.json", JsonKind::RestResultData, "has [0].data.result_sets");
        row("rest_out_of_order.json", JsonKind::RestResultData, "has data.result_sets");
        row("gateway_page.json", JsonKind::GatewayEndpoints, "has data.endpoints");
        row("gateway_pages.json", JsonKind::GatewayEndpoints, "has [0].data.endpoints");
        row("gateway_errors_only.json", JsonKind::GatewayEndpoints,
            "has top-level errors and no data");
        row("gateway_errors_with_data.json", JsonKind::GatewayEndpoints, "has data.endpoints");
        row("alerts_3x.json", JsonKind::Alerts,
            "list elements have alert keys (state, createdAt, alertedAt, guid, intelDocId, "
            "computerName)");
        row("alerts_4x.json", JsonKind::Alerts,
            "list elements have alert keys (state, createdAt, alertedAt, guid, intelDocId, "
            "computerName)");
        row("profiles.json", JsonKind::Profiles,
            "list elements have profile keys (computerGroups)");
        row("profiles_data.json", JsonKind::Profiles,
            "list elements have profile keys (computerGroups)");
    }
    void fixtures()
    {
        QFETCH(QString, name);
        QFETCH(JsonKind, kind);
        QFETCH(QString, why);
        QFile f(test::fixture(QStringLiteral("json/") + name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString reason;
        QCOMPARE(sniffJsonKind(f, &reason), kind);
        QCOMPARE(reason, why);
    }

    void snippets_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<JsonKind>("kind");
        QTest::addColumn<QString>("why");
        auto row = [](const char *tag, const QByteArray &bytes, JsonKind kind, const char *why) {
            QTest::newRow(tag) << bytes << kind << QString::fromUtf8(why);
        };
        row("bare data object", "{\"now\": \"x\", \"result_sets\": []}", JsonKind::RestResultData,
            "has result_sets");
        row("array of bare data objects", "[{\"result_sets\": []}]", JsonKind::RestResultData,
            "has [0].result_sets");
        row("bom", "\xEF\xBB\xBF{\"data\": {\"result_sets\": []}}", JsonKind::RestResultData,
            "has data.result_sets");
        row("errors and null data", "{\"data\": null, \"errors\": [{\"message\": \"m\"}]}",
            JsonKind::GatewayEndpoints, "has top-level errors and no data");
        row("errors then rest data",
            "{\"errors\": [{\"message\": \"m\"}], \"data\": {\"result_sets\": []}}",
            JsonKind::RestResultData, "has data.result_sets");
        row("profile by name and revision", "[{\"name\": \"P\", \"revision\": 3}]",
            JsonKind::Profiles, "list elements have profile keys (name, revision)");
        row("alert keys win", "[{\"state\": \"new\", \"guid\": \"g\", \"computerGroups\": []}]",
            JsonKind::Alerts, "list elements have alert keys (state, guid)");
        row("state alone is no alert", "[{\"state\": \"Deployed\", \"computerGroups\": []}]",
            JsonKind::Profiles, "list elements have profile keys (computerGroups)");
        row("name alone", "[{\"name\": \"x\"}]", JsonKind::Unknown,
            "list elements have neither alert nor profile keys");
        row("only the first element counts", "[{\"name\": \"x\"}, {\"computerGroups\": []}]",
            JsonKind::Unknown, "list elements have neither alert nor profile keys");
        row("empty array", "[]", JsonKind::Unknown, "an empty array");
        row("empty data array", "{\"data\": []}", JsonKind::Unknown, "data is an empty array");
        row("array of numbers", "[1, 2]", JsonKind::Unknown,
            "the first list element is not an object");
        row("other object", "{\"foo\": {\"data\": {\"result_sets\": []}}}", JsonKind::Unknown,
            "no data.result_sets or data.endpoints");
        row("string", "\"data\"", JsonKind::Unknown, "not a JSON object or array");
        row("empty", "", JsonKind::Unknown, "not JSON: the file is empty");
        row("garbage", "PK\x03\x04", JsonKind::Unknown,
            "not JSON: line 1, offset 0, at $: Invalid value.");
        row("truncated first alert",
            "[{\"state\": \"new\", \"alertedAt\": \"2024\", \"details\": \"ab", JsonKind::Alerts,
            "list elements have alert keys (state, alertedAt)");
        row("alert file cut after the first element", "[{\"state\": \"new\", \"guid\": \"g\"}, {",
            JsonKind::Alerts, "list elements have alert keys (state, guid)");
        row("deep", QByteArray(100000, '['), JsonKind::Unknown,
            "the first list element is not an object");
    }
    void snippets()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(JsonKind, kind);
        QFETCH(QString, why);
        QString reason;
        QCOMPARE(sniffBytes(bytes, &reason), kind);
        QCOMPARE(reason, why);
    }

    void readsAtMostAboutOneMebibyte()
    {
        // The structure that would decide comes after 3 MiB: the sniffer must give up.
        const QByteArray late = "{\"data\": {\"padding\": \"" + QByteArray(3 * 1024 * 1024, 'p') +
                                "\", \"result_sets\": []}}";
        QString why;
        qint64 consumed = 0;
        QCOMPARE(sniffBytes(late, &why, &consumed), JsonKind::Unknown);
        QCOMPARE(why, QStringLiteral("no known structure in the first 1024 KiB"));
        QCOMPARE(consumed, qint64(1024 * 1024));

        // A first alert bigger than the limit: the keys before the limit still decide.
        const QByteArray bigAlert = "[{\"state\": \"new\", \"createdAt\": \"t\", \"details\": \"" +
                                    QByteArray(2 * 1024 * 1024, 'd') + "\"}]";
        QCOMPARE(sniffBytes(bigAlert, &why, &consumed), JsonKind::Alerts);
        QCOMPARE(why, QStringLiteral("list elements have alert keys (state, createdAt)"));
        QCOMPARE(consumed, qint64(1024 * 1024));

        // Decided early: the rest is not read (1 MiB is one read chunk).
        const QByteArray early =
            "{\"data\": {\"result_sets\": [" + QByteArray(3 * 1024 * 1024, ' ') + "]}}";
        QCOMPARE(sniffBytes(early, &why, &consumed), JsonKind::RestResultData);
        QCOMPARE(consumed, qint64(1024 * 1024));
    }

    void worksWithoutWhy()
    {
        QCOMPARE(sniffBytes("[{\"name\": \"P\", \"computerGroups\": []}]", nullptr),
                 JsonKind::Profiles);
    }
};

QTEST_GUILESS_MAIN(TestJsonSniff)
#include "tst_jsonsniff.moc"
