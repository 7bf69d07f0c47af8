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
        row("alerts_extra_fields.json", JsonKind::Alerts,
            "list elements have alert keys (state, createdAt, alertedAt, guid, intelDocId, "
            "computerName)");
        row("alert_single.json", JsonKind::Alerts,
            "a single object has alert keys (state, createdAt, alertedAt, guid, intelDocId, "
            "computerName)");
        row("alert_single_data.json", JsonKind::Alerts,
            "data is a single object that has alert keys (state, createdAt, alertedAt, guid, "
            "intelDocId, computerName)");
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
            "list elements have no alert or profile keys and no dataset columns");
        row("only the first element counts", "[{\"name\": \"x\"}, {\"computerGroups\": []}]",
            JsonKind::Unknown,
            "list elements have no alert or profile keys and no dataset columns");
        row("empty array", "[]", JsonKind::Unknown, "an empty array");
        row("empty data array", "{\"data\": []}", JsonKind::Unknown, "data is an empty array");
        row("array of numbers", "[1, 2]", JsonKind::Unknown,
            "the first list element is not an object");
        row("other object", "{\"foo\": {\"data\": {\"result_sets\": []}}}", JsonKind::Unknown,
            "no data.result_sets or data.endpoints, and a single object has no alert keys and no "
            "dataset columns");
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

        // One alert, as GET .../alerts/{id} returns it, bare or wrapped.
        row("one alert object", "{\"id\": 7, \"guid\": \"g\", \"state\": \"unresolved\"}",
            JsonKind::Alerts, "a single object has alert keys (state, guid)");
        row("one alert in data",
            "{\"data\": {\"id\": 7, \"state\": \"resolved\", \"createdAt\": \"t\"}, \"meta\": {}}",
            JsonKind::Alerts, "data is a single object that has alert keys (state, createdAt)");
        row("one alert object cut short",
            "{\"state\": \"new\", \"computerName\": \"desk-1\", \"det", JsonKind::Alerts,
            "a single object has alert keys (state, computerName)");
        row("one profile object is not a list", "{\"name\": \"P\", \"computerGroups\": []}",
            JsonKind::Unknown,
            "no data.result_sets or data.endpoints, and a single object has no alert keys and "
            "no dataset columns");
        row("data object of neither kind", "{\"data\": {\"id\": 7}}", JsonKind::Unknown,
            "no data.result_sets or data.endpoints, and a single object has no alert keys and "
            "no dataset columns");

        // Tanium Connect records: a flat first element, or the first line of NDJSON, whose keys
        // name a dataset's columns (normalised as CSV headers are).
        row("connect array",
            "[{\"Computer Name\": \"a\", \"Tanium Driver Version\": \"1.2\", \"Count\": \"1\"}]",
            JsonKind::ConnectRecords,
            "list elements have the columns of dataset driver_version (Tanium Connect records)");
        row("connect ndjson",
            "{\"Computer_Name\": \"a\", \"Domain\": [\"dec\"], \"Key\": [\"health_check\"], "
            "\"Value\": [\"ok\"], \"Count\": \"1\"}\n{\"Computer_Name\": \"b\"}\n",
            JsonKind::ConnectRecords,
            "the first object has the columns of dataset cx_status (Tanium Connect records, one "
            "per "
            "line)");
        row("connect ndjson cut in its first record",
            "{\"Computer Name\": \"a\", \"Tanium Driver Status\": \"Service Status: x\", \"Cou",
            JsonKind::ConnectRecords,
            "the first object has the columns of dataset driver_status (Tanium Connect records, "
            "one "
            "per line)");
        row("alert keys decide before dataset columns",
            "[{\"state\": \"new\", \"guid\": \"g\", \"Domain\": \"d\", \"Key\": \"k\", \"Value\": "
            "\"v\"}]",
            JsonKind::Alerts, "list elements have alert keys (state, guid)");
        row("profile keys decide before dataset columns",
            "[{\"name\": \"P\", \"revision\": 2, \"Tanium Driver Version\": \"1\"}]",
            JsonKind::Profiles, "list elements have profile keys (name, revision)");
        row("a record is flat",
            "[{\"Computer Name\": \"a\", \"Tanium Driver Version\": {\"v\": 1}}]",
            JsonKind::Unknown,
            "list elements have the columns of dataset driver_version, but a value is an object: "
            "not a flat Tanium Connect record");
        row("identity columns alone are no dataset",
            "[{\"Computer Name\": \"a\", \"Count\": \"1\"}]", JsonKind::Unknown,
            "list elements have no alert or profile keys and no dataset columns");
        row("records inside data are not Connect",
            "{\"data\": [{\"Computer Name\": \"a\", \"Tanium Driver Version\": \"1.2\"}]}",
            JsonKind::Unknown,
            "list elements have no alert or profile keys and no dataset columns");
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
