#include "JsonTestSinks.h"
#include "TestSupport.h"
#include "import/JsonReaders.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace trh;
using trh::test::RecordingProfileSink;

namespace {

ReadResult readFixture(const char *name, RecordingProfileSink &sink)
{
    return test::readJsonFixture(name, sink, readProfilesJson);
}

ReadResult readBytes(const QByteArray &bytes, RecordingProfileSink &sink)
{
    return test::readJsonBytes(bytes, sink, readProfilesJson);
}

// "name / id / revision / status / group;group"
QString describe(const ProfileRecord &p)
{
    QStringList groups;
    for (const std::string &g : p.computerGroups)
        groups << QString::fromStdString(g);
    return QStringList{QString::fromStdString(p.name), QString::fromStdString(p.id),
                       QString::fromStdString(p.revision), QString::fromStdString(p.status),
                       groups.join(QLatin1Char(';'))}
        .join(QStringLiteral(" / "));
}

QStringList describeAll(const std::vector<ProfileRecord> &profiles)
{
    QStringList out;
    for (const ProfileRecord &p : profiles)
        out << describe(p);
    return out;
}

} // namespace

class TestProfileReader : public QObject
{
    Q_OBJECT
private slots:
    void readsArrayInPriorityOrder()
    {
        RecordingProfileSink sink;
        const ReadResult r = readFixture("profiles.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.error, QString());
        QCOMPARE(r.records, 3);
        QCOMPARE(describeAll(sink.profiles),
                 (QStringList{
                     QStringLiteral("Servers - Strict / 3 / 12 / Deployed / Windows Servers;Linux "
                                    "Servers"),
                     QStringLiteral("Default Workstations / 1 / 4 / Updated / All Workstations"),
                     QStringLiteral("Unassigned / 9 / 1 / New / ")}));
        QCOMPARE(sink.profiles.at(2).computerGroups.size(), size_t(0));
        QCOMPARE(sink.pos.at(1).jsonPath, std::string("$[1]"));
        QCOMPARE(sink.pos.at(1).line, 3);
        QVERIFY(sink.warnings.isEmpty());
    }

    void readsDataWrapperWithGroupObjects()
    {
        RecordingProfileSink sink;
        const ReadResult r = readFixture("profiles_data.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(describeAll(sink.profiles),
                 (QStringList{QStringLiteral("Domain Controllers / 7 / 2 / Deploying / Domain "
                                             "Controllers;Tier 0;PAWs"),
                              QStringLiteral("Legacy / 8 / 30 / Inactive / ")}));
        QCOMPARE(sink.pos.at(0).jsonPath, std::string("$.data[0]"));
        QCOMPARE(sink.pos.at(0).line, 2);
        QCOMPARE(sink.pos.at(1).line, 4);
    }

    void oddGroupsAndElementsAreWarnings()
    {
        RecordingProfileSink sink;
        const ReadResult r =
            readBytes("[{\"name\": \"P\", \"computerGroups\": [{\"id\": 1}, null, 5, [\"x\"], "
                      "\"G\"]},\n 12,\n{\"name\": \"Q\", \"computerGroups\": \"All\"}]",
                      sink);
        QCOMPARE(int(r.status), int(ReadStatus::Ok));
        QCOMPARE(r.records, 2);
        QCOMPARE(describeAll(sink.profiles), (QStringList{QStringLiteral("P /  /  /  / 5;G"),
                                                          QStringLiteral("Q /  /  /  / ")}));
        QCOMPARE(sink.warnings,
                 (QStringList{QStringLiteral("computerGroups[0] has no name; ignored"),
                              QStringLiteral("computerGroups[1] has no name; ignored"),
                              QStringLiteral("computerGroups[3] has no name; ignored"),
                              QStringLiteral("not an object; this profile is skipped"),
                              QStringLiteral("computerGroups is not an array; ignored")}));
        QCOMPARE(sink.warningPos.at(3).jsonPath, std::string("$[1]"));
        QCOMPARE(sink.warningPos.at(3).line, 2);
        QCOMPARE(sink.warningPos.at(4).jsonPath, std::string("$[2]"));
    }

    void sinkStops()
    {
        RecordingProfileSink sink;
        sink.stopAfter = 2;
        const ReadResult r = readFixture("profiles.json", sink);
        QCOMPARE(int(r.status), int(ReadStatus::Stopped));
        QCOMPARE(r.records, 2);
        QCOMPARE(sink.profiles.size(), size_t(2));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("records");
        const QString shape = QStringLiteral("expected an array of profiles or {\"data\": [...]}");
        QTest::newRow("empty") << QByteArray("   ") << QStringLiteral("the file is empty") << 0;
        QTest::newRow("object") << QByteArray("{\"profiles\": [{\"name\": \"x\"}]}") << shape << 0;
        QTest::newRow("number") << QByteArray("3") << shape << 0;
        QTest::newRow("unclosed") << QByteArray("[{\"name\": \"P\"}")
                                  << QStringLiteral("line 1, offset 14, at $[0]: Missing a comma "
                                                    "or ']' after an array element.")
                                  << 1; // the complete profile was delivered before the error
        QTest::newRow("latin1")
            << QByteArray("[{\"name\": \"Gr\xFC\x70pe\"}]")
            << QStringLiteral("line 1, offset 13, at $[0].name: Invalid encoding in string. (the "
                              "file is not valid UTF-8)")
            << 0;
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QFETCH(int, records);
        RecordingProfileSink sink;
        const ReadResult r = readBytes(bytes, sink);
        QCOMPARE(int(r.status), int(ReadStatus::Failed));
        QCOMPARE(r.error, error);
        QCOMPARE(r.records, records);
        QCOMPARE(sink.profiles.size(), size_t(records));
    }
};

QTEST_GUILESS_MAIN(TestProfileReader)
#include "tst_profilereader.moc"
