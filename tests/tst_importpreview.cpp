#include "TestSupport.h"
#include "import/DatasetMapping.h"
#include "import/ImportPreview.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

namespace {

FilePreview previewOf(const QString &path)
{
    const auto previews = previewFiles({path}, DatasetMapping::builtIn());
    return previews.size() == 1 ? previews.front() : FilePreview{};
}

const QByteArray kDkvHeader = "Computer Name,Domain,Key,Value,Count\r\n";

} // namespace

// What the import dialog shows before anything is written: recognition from the first bytes.
class TestImportPreview : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        if (!test::writeFile(path, bytes))
            return {};
        return path;
    }

private slots:
    void fleetFixturesAreRecognised_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("dataset");
        QTest::newRow("cx status")
            << QStringLiteral(
                   "Get Computer Name and Client Extensions - Status from all machines.csv")
            << QStringLiteral("console CSV") << QStringLiteral("cx_status");
        QTest::newRow("client settings")
            << QStringLiteral("Get Client Health - Client Settings from all machines.csv")
            << QStringLiteral("console CSV") << QStringLiteral("client_settings");
        QTest::newRow("tools") << QStringLiteral("Get Computer Name and Endpoint Configuration - "
                                                 "Tools Status from all machines.csv")
                               << QStringLiteral("console CSV") << QStringLiteral("tools_status");
        QTest::newRow("alerts") << QStringLiteral("threat-response-alerts.json")
                                << QStringLiteral("alerts JSON") << QStringLiteral("alerts");
        QTest::newRow("profiles") << QStringLiteral("threat-response-profiles.json")
                                  << QStringLiteral("profiles JSON") << QStringLiteral("profiles");
        QTest::newRow("gateway") << QStringLiteral("gateway-bpf.json")
                                 << QStringLiteral("API Gateway") << QStringLiteral("bpf_");
        QTest::newRow("rest")
            << QStringLiteral("Get Computer Name and Client Extensions - Installed Extensions.json")
            << QStringLiteral("REST") << QStringLiteral("installed_extensions");
        QTest::newRow("connect json")
            << QStringLiteral("../connect/Get Computer Name and Client "
                              "Extensions - Status from all machines.json")
            << QStringLiteral("Tanium Connect JSON") << QStringLiteral("cx_status");
        QTest::newRow("connect ndjson")
            << QStringLiteral("../connect/Get Computer Name and Client Extensions - Status from "
                              "all machines.ndjson")
            << QStringLiteral("Tanium Connect JSON") << QStringLiteral("cx_status");
        QTest::newRow("connect csv")
            << QStringLiteral("../connect/Get Computer Name and Client "
                              "Extensions - Status from all machines.csv")
            << QStringLiteral("console CSV") << QStringLiteral("cx_status");
    }
    void fleetFixturesAreRecognised()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QString, dataset);
        const FilePreview p =
            previewOf(QDir(test::fixture(QStringLiteral("fleet"))).filePath(file));
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QVERIFY2(p.format.contains(format), qPrintable(p.format));
        QVERIFY(!p.ambiguous);
        bool found = false;
        for (const QString &d : p.datasets)
            found = found || d.startsWith(dataset);
        QVERIFY2(found, qPrintable(p.datasets.join(QLatin1Char(','))));
    }

    void allFleetFilesInOneCall()
    {
        QDir dir(test::fixture(QStringLiteral("fleet")));
        QStringList files;
        for (const QString &f : dir.entryList(QDir::Files))
            files << dir.filePath(f);
        const auto previews = previewFiles(files, DatasetMapping::builtIn());
        QCOMPARE(qsizetype(previews.size()), files.size());
        for (size_t i = 0; i < previews.size(); ++i) {
            QCOMPARE(previews[i].path, files[qsizetype(i)]);
            QVERIFY2(previews[i].error.isEmpty(), qPrintable(previews[i].error));
            QVERIFY(!previews[i].datasets.isEmpty());
        }
    }

    void fileNameSettlesDomainKeyValue()
    {
        const FilePreview p =
            previewOf(write(QStringLiteral("Get Client Health - Client Settings.csv"),
                            kDkvHeader + "A,x,[no results],,1\r\n"));
        QVERIFY(!p.ambiguous);
        QCOMPARE(p.datasets, QStringList{QStringLiteral("client_settings")});
        QCOMPARE(p.candidates.size(), 2);
        QVERIFY(p.rule.contains(QStringLiteral("file name")));
    }

    void keyVocabularySettlesDomainKeyValue()
    {
        const FilePreview p = previewOf(write(
            QStringLiteral("export-1.csv"),
            kDkvHeader + "A,recorder,health_check,ok,1\r\nB,recorder,applied_profile,x,1\r\n"));
        QVERIFY(!p.ambiguous);
        QCOMPARE(p.datasets, QStringList{QStringLiteral("cx_status")});
        QVERIFY(p.rule.contains(QStringLiteral("vocabulary")));

        const FilePreview q = previewOf(write(QStringLiteral("export-2.csv"),
                                              kDkvHeader + "A,Threat Response,LogLevel,3,1\r\n"));
        QVERIFY(!q.ambiguous);
        QCOMPARE(q.datasets, QStringList{QStringLiteral("client_settings")});
    }

    void undecidableDomainKeyValueIsAmbiguous()
    {
        const FilePreview p = previewOf(write(QStringLiteral("export-3.csv"),
                                              kDkvHeader + "A,[no results],[no results],,4\r\n"));
        QVERIFY(p.error.isEmpty());
        QVERIFY(p.ambiguous);
        QVERIFY(p.datasets.isEmpty());
        QVERIFY(p.candidates.contains(QStringLiteral("cx_status")));
        QVERIFY(p.candidates.contains(QStringLiteral("client_settings")));
    }

    void badFilesSayWhy()
    {
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(char((i * 7919) % 256));
        const FilePreview binary = previewOf(write(QStringLiteral("garbage.csv"), garbage));
        QVERIFY(!binary.error.isEmpty());

        const FilePreview unknown =
            previewOf(write(QStringLiteral("other.csv"), "Fruit,Colour\r\napple,red\r\n"));
        QVERIFY(unknown.error.contains(QStringLiteral("unknown layout")));
        QVERIFY(unknown.error.contains(QStringLiteral("Fruit")));

        const FilePreview json = previewOf(write(QStringLiteral("x.json"), "{\"hello\": 1}"));
        QVERIFY(json.error.contains(QStringLiteral("unknown JSON")));

        const FilePreview missing = previewOf(m_dir.filePath(QStringLiteral("nope.csv")));
        QVERIFY(!missing.error.isEmpty());

        const FilePreview empty = previewOf(write(QStringLiteral("empty.csv"), QByteArray()));
        QVERIFY(!empty.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportPreview)
#include "tst_importpreview.moc"
