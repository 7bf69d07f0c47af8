#include "TestSupport.h"
#include "analysis/Summary.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

// The row rule (docs/health-rules.md, "Special answers"): a special answer stands for a whole
// row of a sensor, and a row is special only when the special text is in its first column.
// The same three endpoints are written as a console CSV, a REST result_data answer and an
// API Gateway page; every reader must see the same figures.
//   good-1: healthy, profile applied.
//   cert-1: threatresponse health_check = "error: certificate expired" (a real failure reason
//           that looks like a sensor error), profile applied, recorder minimum not met.
//   pend-1: the whole answer is [current result unavailable] (first column; the others empty).
class TestAnswerRows : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    struct Line
    {
        const char *domain, *key, *value;
    };
    struct Endpoint
    {
        const char *name;
        QList<Line> lines;
    };

    static QList<Endpoint> fleet()
    {
        return {
            {"good-1",
             {{"threatresponse", "health_check", "ok"},
              {"threatresponse", "applied_profile", "Workstations"},
              {"recorder", "min_requirements_met", "True"}}},
            {"cert-1",
             {{"threatresponse", "health_check", "error: certificate expired"},
              {"threatresponse", "applied_profile", "Workstations"},
              {"recorder", "min_requirements_met", "False"}}},
            {"pend-1", {{"[current result unavailable]", "", ""}}},
        };
    }

    static QByteArray csv(const QList<Endpoint> &endpoints)
    {
        QByteArray out = "Computer Name,Domain,Key,Value,Count\r\n";
        for (const Endpoint &e : endpoints) {
            QByteArrayList d, k, v;
            for (const Line &l : e.lines) {
                d << l.domain;
                k << l.key;
                v << l.value;
            }
            out += QByteArray(e.name) + ",\"" + d.join('\n') + "\",\"" + k.join('\n') + "\",\"" +
                   v.join('\n') + "\",1\r\n";
        }
        return out;
    }

    static QJsonArray texts(const QList<Line> &lines, const char *Line::*field)
    {
        QJsonArray cell;
        for (const Line &l : lines) {
            // A REST answer with nothing in a column sends an empty cell array.
            if (*(l.*field))
                cell.append(QJsonObject{{QStringLiteral("text"), QString::fromUtf8(l.*field)}});
        }
        return cell;
    }

    static QByteArray rest(const QList<Endpoint> &endpoints)
    {
        QJsonArray columns;
        for (const char *name : {"Computer Name", "Domain", "Key", "Value", "Count"})
            columns.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(name)},
                                       {QStringLiteral("hash"), 0},
                                       {QStringLiteral("type"), 1}});
        QJsonArray rows;
        int cid = 100;
        for (const Endpoint &e : endpoints) {
            const QJsonArray data{
                QJsonArray{QJsonObject{{QStringLiteral("text"), QString::fromUtf8(e.name)}}},
                texts(e.lines, &Line::domain), texts(e.lines, &Line::key),
                texts(e.lines, &Line::value),
                QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("1")}}}};
            rows.append(QJsonObject{{QStringLiteral("id"), cid},
                                    {QStringLiteral("cid"), QString::number(cid)},
                                    {QStringLiteral("data"), data}});
            ++cid;
        }
        const QJsonObject set{{QStringLiteral("estimated_total"), 3},
                              {QStringLiteral("mr_tested"), 3},
                              {QStringLiteral("row_count"), 3},
                              {QStringLiteral("columns"), columns},
                              {QStringLiteral("rows"), rows}};
        const QJsonObject data{
            {QStringLiteral("now"), QStringLiteral("2026/11/27 09:00:00 GMT-0000")},
            {QStringLiteral("max_available_age"), QString()},
            {QStringLiteral("result_sets"), QJsonArray{set}}};
        return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson();
    }

    static QJsonArray values(const QList<Line> &lines, const char *Line::*field)
    {
        QJsonArray out;
        for (const Line &l : lines) {
            if (*(l.*field))
                out.append(QString::fromUtf8(l.*field));
        }
        return out;
    }

    static QByteArray gateway(const QList<Endpoint> &endpoints)
    {
        QJsonArray edges;
        int id = 1;
        for (const Endpoint &e : endpoints) {
            QJsonArray columns;
            const std::pair<const char *, const char * Line::*> fields[] = {
                {"Domain", &Line::domain}, {"Key", &Line::key}, {"Value", &Line::value}};
            for (const auto &[name, field] : fields) {
                columns.append(
                    QJsonObject{{QStringLiteral("name"), QString::fromUtf8(name)},
                                {QStringLiteral("sensor"),
                                 QJsonObject{{QStringLiteral("name"),
                                              QStringLiteral("Client Extensions - Status")}}},
                                {QStringLiteral("values"), values(e.lines, field)}});
            }
            const QJsonObject node{
                {QStringLiteral("name"), QString::fromUtf8(e.name)},
                {QStringLiteral("computerID"), QString::number(id++)},
                {QStringLiteral("os"),
                 QJsonObject{{QStringLiteral("platform"), QStringLiteral("Windows")},
                             {QStringLiteral("name"), QStringLiteral("Windows 11")}}},
                {QStringLiteral("sensorReadings"),
                 QJsonObject{{QStringLiteral("columns"), columns}}}};
            edges.append(QJsonObject{{QStringLiteral("node"), node},
                                     {QStringLiteral("cursor"), QStringLiteral("c%1").arg(id)}});
        }
        const QJsonObject endpointsObject{
            {QStringLiteral("edges"), edges},
            {QStringLiteral("pageInfo"),
             QJsonObject{{QStringLiteral("hasNextPage"), false},
                         {QStringLiteral("endCursor"), QStringLiteral("c9")}}},
            {QStringLiteral("totalRecords"), 3}};
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("data"),
                                QJsonObject{{QStringLiteral("endpoints"), endpointsObject}}}})
            .toJson();
    }

    // Imports one file into a new workspace and builds its summary; `error` says what went
    // wrong, empty if nothing did.
    struct Imported
    {
        ImportResult result;
        QJsonObject summary;
        QString error;
    };
    Imported import(Database &db, const QString &name, const QByteArray &content)
    {
        Imported out;
        const QString dir = m_dir.filePath(QString::number(++m_n));
        const QString path = dir + QLatin1Char('/') + name;
        if (!test::writeFile(path, content) ||
            !Store::open(db, dir + QStringLiteral("/ws.trdb"), Store::OpenMode::CreateOrUpgrade)
                 .ok()) {
            out.error = QStringLiteral("cannot set up %1").arg(dir);
            return out;
        }
        out.result = workspace::importFiles(db, {path});
        if (!out.result.ok()) {
            out.error = out.result.errors.join(QLatin1Char('\n'));
            return out;
        }
        if (const auto s = Summary::build(db, out.result.snapshotId, QString(), &out.error))
            out.summary = *s;
        return out;
    }

    static int at(const QJsonObject &s, const char *group, const char *key)
    {
        return s.value(QLatin1String(group)).toObject().value(QLatin1String(key)).toInt(-1);
    }

private slots:
    void realFailureReasonIsNotASensorError_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("inventoryRows"); // a Gateway node also gives its os and id
        QTest::newRow("console CSV")
            << QStringLiteral("Client Extensions - Status.csv") << csv(fleet()) << 0;
        QTest::newRow("REST result_data")
            << QStringLiteral("Client Extensions - Status.json") << rest(fleet()) << 0;
        QTest::newRow("API Gateway page")
            << QStringLiteral("Client Extensions - Status gateway.json") << gateway(fleet()) << 3;
    }
    void realFailureReasonIsNotASensorError()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(int, inventoryRows);
        Database db;
        const Imported i = import(db, fileName, content);
        QVERIFY2(i.error.isEmpty(), qPrintable(i.error));
        const ImportResult &r = i.result;
        const QJsonObject &s = i.summary;

        // cert-1 is unhealthy with its reason, not no_data; pend-1 alone is no_data.
        QCOMPARE(at(s, "endpoints", "total"), 3);
        QCOMPARE(at(s, "health_failures", "threatresponse"), 1);
        QCOMPARE(at(s, "health_failures", "any"), 1);
        QCOMPARE(at(s, "coverage", "no_data"), 1);
        QCOMPARE(at(s, "coverage", "unhealthy"), 1);
        QCOMPARE(at(s, "coverage", "covered"), 1);
        int stages = 0;
        for (const char *stage : {"no_data", "not_deployed", "no_profile", "unhealthy", "covered"})
            stages += at(s, "coverage", stage);
        QCOMPARE(stages, at(s, "endpoints", "total"));
        // Its other findings are still there.
        QCOMPARE(at(s, "recorder", "min_requirements_not_met"), 1);
        QCOMPARE(db.scalarInt("SELECT count(*) FROM finding WHERE code = 'health.threatresponse' "
                              "AND detail = 'error: certificate expired'")
                     .value_or(-1),
                 std::int64_t(1));

        // The import report counts rows of answers by class: pend-1's one row is pending, and
        // every row of the other two is a value.
        QCOMPARE(r.files.size(), size_t(1));
        const ValueClassCounts &v = r.files[0].values;
        QCOMPARE(v[size_t(ValueClass::Value)], std::int64_t(6 + inventoryRows));
        QCOMPARE(v[size_t(ValueClass::Pending)], std::int64_t(1));
        QCOMPARE(v[size_t(ValueClass::Error)], std::int64_t(0));
        // A special first column with empty neighbours is no correlation problem.
        QVERIFY2(r.files[0].warnings.isEmpty(),
                 qPrintable(r.files[0].warnings.join(QLatin1Char('\n'))));
    }

    // Special-looking text in the Value column beside a real Domain and Key is that key's
    // value, whatever it looks like; only the first column makes a row special.
    void onlyTheFirstColumnMakesARowSpecial()
    {
        const QList<Endpoint> endpoints = {
            {"a-1",
             {{"threatresponse", "health_check", "TSE-Error: probe timed out"},
              {"threatresponse", "applied_profile", "P"}}},
            {"b-1",
             {{"threatresponse", "health_check", "ok"},
              {"threatresponse", "applied_profile", "P"},
              {"dec", "health_check", "[current result unavailable]"}}},
            {"c-1",
             {{"threatresponse", "health_check", "ok"},
              {"threatresponse", "applied_profile", "P"},
              {"TSE-Error: sensor timed out", "", ""}}},
        };
        Database db;
        const Imported i =
            import(db, QStringLiteral("Client Extensions - Status.csv"), csv(endpoints));
        QVERIFY2(i.error.isEmpty(), qPrintable(i.error));
        const ImportResult &r = i.result;
        const QJsonObject &s = i.summary;
        QCOMPARE(at(s, "health_failures", "threatresponse"), 1); // a-1
        QCOMPARE(at(s, "health_failures", "dec"), 1);            // b-1
        QCOMPARE(at(s, "coverage", "unhealthy"), 2);
        // c-1 has a real row and an error row: the answer is unknown, never healthy.
        QCOMPARE(at(s, "coverage", "no_data"), 1);
        QCOMPARE(at(s, "coverage", "covered"), 0);
        const ValueClassCounts &v = r.files[0].values;
        QCOMPARE(v[size_t(ValueClass::Error)], std::int64_t(1));
        QCOMPARE(v[size_t(ValueClass::Pending)], std::int64_t(0));
        QCOMPARE(v[size_t(ValueClass::Value)], std::int64_t(7));
    }

    // The leftmost column of the sensor in the file decides, whatever order the columns
    // come in.
    void firstColumnIsTheLeftmostInTheFile()
    {
        const QByteArray content = "Computer Name,Value,Key,Domain,Count\r\n"
                                   "x-1,[current result unavailable],,,1\r\n"
                                   "y-1,\"[no results]\nP\",\"health_check\napplied_profile\","
                                   "\"threatresponse\nthreatresponse\",1\r\n";
        Database db;
        const Imported i = import(db, QStringLiteral("Client Extensions - Status.csv"), content);
        QVERIFY2(i.error.isEmpty(), qPrintable(i.error));
        const QJsonObject &s = i.summary;
        // x-1: pending. y-1: its first row's leftmost cell (Value) is [no results], so that row
        // is special although its Domain and Key are real; the second row applies profile P.
        QCOMPARE(at(s, "coverage", "no_data"), 1);
        QCOMPARE(at(s, "coverage", "covered"), 1);
        QCOMPARE(at(s, "health_failures", "any"), 0);
    }
};

QTEST_MAIN(TestAnswerRows)
#include "tst_answerrows.moc"
