#include "import/DatasetMapping.h"

#include <QTest>

using namespace trh;

namespace {
std::vector<std::string> header(std::initializer_list<const char *> names)
{
    return {names.begin(), names.end()};
}
QStringList groupNames(const DatasetMapping::HeaderMatch &m)
{
    QStringList out;
    for (const auto &g : m.groups)
        out << g.def->name;
    return out;
}
} // namespace

class TestDatasetMapping : public QObject
{
    Q_OBJECT
private slots:
    void builtInKnowsEveryDataset()
    {
        const QStringList names = DatasetMapping::builtIn().datasetNames();
        for (const char *n : {"cx_status", "client_settings", "tools_status",
                              "installed_extensions", "driver_status", "driver_version", "bpf_bcc",
                              "bpf_core", "bpf_details", "tr_status", "inventory", "profiles"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
    }

    void matchesByNameCaseInsensitivelyInAnyOrder()
    {
        const auto m = DatasetMapping::builtIn().match(
            header({"count", " TANIUM DRIVER VERSION", "computer name", "Tanium Driver Status"}));
        QCOMPARE(m.computerName, 2);
        QCOMPARE(m.count, 0);
        QCOMPARE(groupNames(m),
                 (QStringList{QStringLiteral("driver_status"), QStringLiteral("driver_version")}));
        QCOMPARE(m.groups[0].columns, std::vector<int>{3});
        QVERIFY(m.ignored.empty());
    }

    void domainKeyValueIsAmbiguous()
    {
        const auto m = DatasetMapping::builtIn().match(
            header({"Computer Name", "Domain", "Key", "Value", "Count"}));
        QCOMPARE(m.groups.size(), size_t(1));
        QCOMPARE(m.groups[0].def->name, QStringLiteral("cx_status"));
        QCOMPARE(m.groups[0].alternatives.size(), size_t(1));
        QCOMPARE(m.groups[0].alternatives[0]->name, QStringLiteral("client_settings"));
    }

    void settingColumnIsNotAmbiguous()
    {
        const auto m = DatasetMapping::builtIn().match(
            header({"Computer Name", "Domain", "Setting", "Value"}));
        QCOMPARE(groupNames(m), QStringList{QStringLiteral("client_settings")});
        QVERIFY(m.groups[0].alternatives.empty());
    }

    void aliasesAndSeveralSensorsInOneFile()
    {
        const auto m = DatasetMapping::builtIn().match(
            header({"Computer Name", "Tool", "Status", "Target Version", "Installed Version",
                    "OS Platform", "Computer Groups", "Something Else"}));
        QCOMPARE(groupNames(m),
                 (QStringList{QStringLiteral("tools_status"), QStringLiteral("inventory")}));
        QCOMPARE(m.groups[0].columns, (std::vector<int>{1, 2, 3, 4}));
        QCOMPARE(m.ignored, std::vector<int>{7});
    }

    // Tanium Connect writes column names with underscores; headers and aliases go through
    // the same normalizedHeader(), so both spellings (and odd spacing) name the same column.
    void connectHeadersWithUnderscores()
    {
        QCOMPARE(normalizedHeader(std::string("  Client_Extension__Status \t")),
                 QStringLiteral("client extension status"));
        QCOMPARE(normalizedHeader(QStringLiteral("Tanium  Driver\tVersion")),
                 QStringLiteral("tanium driver version"));
        const auto m = DatasetMapping::builtIn().match(
            header({"Computer_Name", "Tool_Name", "Status", "Targeted_Version",
                    "Installed  Version", "COUNT"}));
        QCOMPARE(m.computerName, 0);
        QCOMPARE(m.count, 5);
        QCOMPARE(groupNames(m), QStringList{QStringLiteral("tools_status")});
        QCOMPARE(m.groups[0].columns, (std::vector<int>{1, 2, 3, 4}));
        QVERIFY(m.ignored.empty());

        // A site's alias written with underscores matches a header written with spaces.
        DatasetMapping site;
        QString error;
        QVERIFY2(
            site.load(
                R"({"identity":{"computer_name":["Host_Name"]},"datasets":[{"name":"driver_version","columns":[{"role":"value","names":["Driver_Build"],"required":true}]}]})",
                &error, &DatasetMapping::builtIn()),
            qPrintable(error));
        const auto s = site.match(header({"host name", "Driver Build"}));
        QCOMPARE(s.computerName, 0);
        QCOMPARE(groupNames(s), QStringList{QStringLiteral("driver_version")});
        // Vocabulary values are answers, not headers: their underscores stay.
        QVERIFY(DatasetMapping::builtIn()
                    .dataset(QStringLiteral("cx_status"))
                    ->vocabulary.contains(QStringLiteral("health_check")));
    }

    void repeatedHeaderNamesAreNotMerged()
    {
        const auto m = DatasetMapping::builtIn().match(
            header({"Computer Name", "Tanium Driver Status", "Tanium Driver Status"}));
        QCOMPARE(groupNames(m), QStringList{QStringLiteral("driver_status")});
        QCOMPARE(m.ignored, std::vector<int>{2});
    }

    void profilesCsv()
    {
        const auto m = DatasetMapping::builtIn().match(
            header({"Name", "ID", "Revision", "Status", "Computer Groups"}));
        QCOMPARE(groupNames(m), QStringList{QStringLiteral("profiles")});
        QCOMPARE(m.computerName, -1);
    }

    void unknownLayoutHasNoGroups()
    {
        const auto m = DatasetMapping::builtIn().match(header({"Foo", "Bar"}));
        QVERIFY(m.groups.empty());
        QCOMPARE(m.ignored, (std::vector<int>{0, 1}));
    }

    void overrideChangesAliases()
    {
        DatasetMapping site;
        QString error;
        QVERIFY2(
            site.load(
                R"({"datasets":[{"name":"driver_status","columns":[{"role":"value","names":["Treiberstatus"],"required":true}]}]})",
                &error, &DatasetMapping::builtIn()),
            qPrintable(error));
        const auto m = site.match(header({"Computer Name", "Treiberstatus"}));
        QCOMPARE(groupNames(m), QStringList{QStringLiteral("driver_status")});
        // The other datasets are still the built-in ones.
        QVERIFY(site.dataset(QStringLiteral("cx_status")));
    }

    void overrideErrors()
    {
        DatasetMapping m;
        QString error;
        QVERIFY(!m.load("not json", &error, &DatasetMapping::builtIn()));
        QVERIFY(error.contains(QStringLiteral("invalid JSON")));
        QVERIFY(!m.load(R"({"datasets":[{"name":"nope","columns":[{"role":"x","names":["a"]}]}]})",
                        &error, &DatasetMapping::builtIn()));
        QVERIFY(error.contains(QStringLiteral("unknown dataset")));
        QVERIFY(!m.load(
            R"({"datasets":[{"name":"cx_status","columns":[{"role":"bogus","names":["a"]}]}]})",
            &error, &DatasetMapping::builtIn()));
        QVERIFY(error.contains(QStringLiteral("no role")));
    }

    void questionKeyIgnoresPunctuation()
    {
        QCOMPARE(questionKey(QStringLiteral("Get Client Extensions - Status.csv")),
                 QStringLiteral("getclientextensionsstatuscsv"));
    }
};

QTEST_GUILESS_MAIN(TestDatasetMapping)
#include "tst_datasetmapping.moc"
