#include "TestSupport.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trh;

// Minimal reproducers of inputs that crashed an importer, found while fuzzing (tests/fuzz,
// tools/fuzz.sh). Each must import or fail cleanly; none may crash.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    // A multi-column dataset whose first column's cell has no values at all (REST
    // "data": [..., [], ...] or Gateway "values": []) while a later column's cell has some:
    // the line count was taken from the first non-empty cell, so line 0 of the empty cell was
    // read out of bounds (a crash). Cells with different line counts do not correlate: the
    // answer is kept raw, counted as unknown, with a warning.
    void emptyFirstCellOfCorrelatedColumns_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("table");

        QTest::newRow("REST, installed extensions: Domain [] / Version [1]")
            << QStringLiteral("Get Computer Name and Client Extensions - Installed Extensions.json")
            << QByteArray(R"({"data": {"result_sets": [{"columns": [{"name": "Computer Name"},
                 {"name": "Domain"}, {"name": "Version"}], "rows": [{"data": [
                 [{"text": "WIN-A"}], [], [{"text": "3.2.0"}]]}]}]}})")
            << QStringLiteral("installed_extension");
        QTest::newRow("REST, tools status: Tool Name [] / Status [] / Targeted Version [2]")
            << QStringLiteral("Get Computer Name and Endpoint Configuration - Tools Status.json")
            << QByteArray(R"({"data": {"result_sets": [{"columns": [{"name": "Computer Name"},
                 {"name": "Tool Name"}, {"name": "Status"}, {"name": "Targeted Version"}],
                 "rows": [{"data": [[{"text": "WIN-A"}], [], [],
                 [{"text": "1.0"}, {"text": "2.0"}]]}]}]}})")
            << QStringLiteral("tool_status");
        QTest::newRow("Gateway, client extensions status: Domain [] / Key [1] / Value [1]")
            << QStringLiteral("Get Computer Name and Client Extensions - Status.json")
            << QByteArray(R"({"data": {"endpoints": {"edges": [{"node": {"name": "srv-002",
                 "sensorReadings": {"columns": [{"name": "Domain", "values": []},
                 {"name": "Key", "values": ["[no results]"]},
                 {"name": "Value", "values": [""]}]}}}]}}})")
            << QStringLiteral("cx_status");
    }
    void emptyFirstCellOfCorrelatedColumns()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, table);
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(fileName);
        QVERIFY(test::writeFile(path, content));
        Database db;
        QVERIFY(Store::open(db, m_dir.filePath(QStringLiteral("%1.trdb").arg(table)),
                            Store::OpenMode::CreateOrUpgrade)
                    .ok());

        const ImportResult r = workspace::importFiles(db, {path});

        QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.size(), size_t(1));
        QCOMPARE(r.files[0].warnings.filter(QStringLiteral("do not correlate")).size(), 1);
        const std::string rows =
            QStringLiteral("SELECT count(*) FROM %1 t JOIN answer a ON a.id = t.answer_id "
                           "WHERE a.snapshot_id = %2")
                .arg(table)
                .arg(r.snapshotId)
                .toStdString();
        QCOMPARE(db.scalarInt(rows).value_or(-1), std::int64_t(1)); // one raw line
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
