#include "demo/DemoFleet.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace trh;

namespace {

constexpr int kEndpoints = 300;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// A strict RFC 4180 reader, independent of the app's CsvReader so that the generator is
// checked against the format, not against another implementation of ours.
struct Csv
{
    QString error; // empty when the file parsed
    QStringList header;
    QList<QStringList> rows;
};

Csv parseCsv(const QByteArray &bytes, QChar delimiter)
{
    Csv csv;
    QString text;
    if (bytes.startsWith("\xFF\xFE")) {
        QStringDecoder decode(QStringDecoder::Utf16LE);
        text = decode(bytes.mid(2));
        if (decode.hasError())
            csv.error = QStringLiteral("bad UTF-16");
    } else {
        QStringDecoder decode(QStringDecoder::Utf8);
        text = decode(bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes);
        if (decode.hasError())
            csv.error = QStringLiteral("bad UTF-8");
    }
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;     // inside a quoted field
    bool afterQuote = false; // a quoted field just closed: only a delimiter or EOL may follow
    bool fieldStarted = false;
    auto endField = [&] {
        record.append(field);
        field.clear();
        afterQuote = false;
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        records.append(record);
        record.clear();
    };
    for (qsizetype i = 0; i < text.size() && csv.error.isEmpty(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                field.append(c);
            }
        } else if (c == delimiter) {
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            endRecord();
            ++i;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
        } else if (afterQuote) {
            csv.error = QStringLiteral("text after a closing quote at offset %1").arg(i);
        } else if (c == QLatin1Char('"')) {
            if (fieldStarted)
                csv.error = QStringLiteral("quote inside an unquoted field at offset %1").arg(i);
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char('\r')) {
            csv.error = QStringLiteral("bare CR outside quotes at offset %1").arg(i);
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        csv.error = QStringLiteral("unterminated quoted field");
    if (!field.isEmpty() || !record.isEmpty())
        csv.error = QStringLiteral("last record has no line end");
    if (csv.error.isEmpty() && records.isEmpty())
        csv.error = QStringLiteral("no header");
    if (!csv.error.isEmpty())
        return csv;
    csv.header = records.takeFirst();
    for (const QStringList &r : records) {
        if (r.size() != csv.header.size()) {
            csv.error = QStringLiteral("row with %1 fields, header has %2")
                            .arg(r.size())
                            .arg(csv.header.size());
            return csv;
        }
    }
    csv.rows = records;
    return csv;
}

// Values of a multi-line cell (CRLF or LF inside the cell).
QStringList cellLines(QString cell)
{
    cell.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return cell.split(QLatin1Char('\n'));
}

const QString kPending = QStringLiteral("[current result unavailable]");

QString findFile(const DemoSnapshotFiles &s, const QString &nameStart)
{
    for (const QString &f : s.files) {
        if (QFileInfo(f).fileName().startsWith(nameStart))
            return f;
    }
    return {};
}

const QString kInventory = QStringLiteral("Get Computer Name and Computer ID and OS Platform");
const QString kCxStatus = QStringLiteral("Get Computer Name and Client Extensions - Status");
const QString kSettings = QStringLiteral("Get Computer Name and Client Health - Client Settings");
const QString kTools = QStringLiteral("Get Computer Name and Endpoint Configuration - Tools");
const QString kExtensions =
    QStringLiteral("Get Computer Name and Client Extensions - Installed Extensions");
const QString kDriver = QStringLiteral("Get Computer Name and Tanium Driver Status");
const QString kGateway = QStringLiteral("gateway-bpf-linux.json");
const QString kTrStatus = QStringLiteral("Get Computer Name and Threat Response - Status");
const QString kAlerts = QStringLiteral("threat-response-alerts.json");
const QString kProfiles = QStringLiteral("threat-response-profiles.json");

QJsonDocument readJson(const QString &path, QString *error)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(path), &e);
    if (e.error != QJsonParseError::NoError)
        *error = QStringLiteral("%1: %2 at %3").arg(path, e.errorString()).arg(e.offset);
    return doc;
}

QDateTime isoTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

class TestDemoFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void snapshotTimesAndLabels();
    void filesExistAndAreNonEmpty();
    void deterministicAndSeedDependent();
    void csvFilesAreRfc4180WithExpectedColumns();
    void settingsFileIsUtf16();
    void restResultDataShape();
    void gatewayPagesShape();
    void gatewayPaginatesLargerFleets();
    void alertsShapeAndStability();
    void profilesShape();
    void fleetChangesBetweenMonths();
    void everyFindingInNovember();
    void tinyFleetsStillWriteValidFiles();
    void errorsAreReported();

private:
    QString snapshotDir(const QString &set, int index) const
    {
        return m_tmp.filePath(QStringLiteral("%1/s%2").arg(set).arg(index));
    }

    QTemporaryDir m_tmp;
    QList<DemoSnapshotFiles> m_snapshots; // 300 endpoints, default seed
    DemoFleet m_fleet{kEndpoints};
};

void TestDemoFleet::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QCOMPARE(m_fleet.snapshotCount(), 4);
    for (int i = 0; i < m_fleet.snapshotCount(); ++i) {
        QString error;
        const DemoSnapshotFiles s =
            m_fleet.writeSnapshot(i, snapshotDir(QStringLiteral("a"), i), &error);
        QVERIFY2(!s.files.isEmpty(), qPrintable(error));
        m_snapshots.append(s);
    }
}

void TestDemoFleet::snapshotTimesAndLabels()
{
    const QStringList expected = {
        QStringLiteral("2026-08-28T09:00:00Z"), QStringLiteral("2026-09-28T09:00:00Z"),
        QStringLiteral("2026-10-28T09:00:00Z"), QStringLiteral("2026-11-27T09:00:00Z")};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(m_snapshots[i].takenAt.toString(Qt::ISODate), expected[i]);
        QCOMPARE(m_snapshots[i].takenAt.timeSpec(), Qt::UTC);
    }
    QCOMPARE(m_snapshots[0].label, QStringLiteral("August 2026 maintenance"));
    QCOMPARE(m_snapshots[3].label, QStringLiteral("November 2026 maintenance"));
    // The latest snapshot has exactly the requested size; the fleet grew into it.
    QCOMPARE(m_fleet.endpointCount(3), kEndpoints);
    QVERIFY(m_fleet.endpointCount(0) < kEndpoints);
    QVERIFY(m_fleet.endpointCount(0) > kEndpoints * 9 / 10);
}

void TestDemoFleet::filesExistAndAreNonEmpty()
{
    for (const DemoSnapshotFiles &s : std::as_const(m_snapshots)) {
        QCOMPARE(s.files.size(), 10);
        QCOMPARE(QSet<QString>(s.files.begin(), s.files.end()).size(), 10);
        for (const QString &f : s.files) {
            QVERIFY2(QFileInfo(f).isAbsolute(), qPrintable(f));
            QVERIFY2(QFileInfo(f).size() > 0, qPrintable(f));
        }
        // The inventory comes first so that platforms and groups are known early.
        QVERIFY(QFileInfo(s.files.first()).fileName().startsWith(kInventory));
        for (const QString &name : {kInventory, kCxStatus, kSettings, kTools, kExtensions, kDriver,
                                    kGateway, kTrStatus, kAlerts, kProfiles})
            QVERIFY2(!findFile(s, name).isEmpty(), qPrintable(name));
    }
}

void TestDemoFleet::deterministicAndSeedDependent()
{
    // Given a second generator with the same parameters, and one with another seed
    const DemoFleet same(kEndpoints);
    const DemoFleet other(kEndpoints, 7);
    for (int i = 0; i < 4; ++i) {
        QString error;
        const DemoSnapshotFiles b =
            same.writeSnapshot(i, snapshotDir(QStringLiteral("b"), i), &error);
        QVERIFY2(!b.files.isEmpty(), qPrintable(error));
        const DemoSnapshotFiles c =
            other.writeSnapshot(i, snapshotDir(QStringLiteral("c"), i), &error);
        QVERIFY2(!c.files.isEmpty(), qPrintable(error));
        QCOMPARE(b.files.size(), m_snapshots[i].files.size());
        int differing = 0;
        for (int f = 0; f < b.files.size(); ++f) {
            // Then the same parameters give byte-identical files
            const QByteArray original = readFile(m_snapshots[i].files[f]);
            QCOMPARE(QFileInfo(b.files[f]).fileName(),
                     QFileInfo(m_snapshots[i].files[f]).fileName());
            QVERIFY2(readFile(b.files[f]) == original, qPrintable(b.files[f]));
            // And another seed gives another fleet
            if (readFile(c.files[f]) != original)
                ++differing;
        }
        // Only the profile list does not depend on the seed.
        QCOMPARE(differing, b.files.size() - 1);
    }
}

void TestDemoFleet::csvFilesAreRfc4180WithExpectedColumns()
{
    for (int i = 0; i < 4; ++i) {
        const DemoSnapshotFiles &s = m_snapshots[i];
        const int n = m_fleet.endpointCount(i);
        const QByteArray invBytes = readFile(findFile(s, kInventory));
        QVERIFY(invBytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(invBytes.contains("\r\n"));
        const Csv inv = parseCsv(invBytes, QLatin1Char(','));
        QVERIFY2(inv.error.isEmpty(), qPrintable(inv.error));
        QCOMPARE(inv.header,
                 QStringList({QStringLiteral("Computer Name"), QStringLiteral("Computer ID"),
                              QStringLiteral("OS Platform"), QStringLiteral("Operating System"),
                              QStringLiteral("Computer Groups"), QStringLiteral("Count")}));
        QCOMPARE(inv.rows.size(), n);
        QHash<QString, QString> platform; // lower-cased name -> OS Platform
        QSet<QString> ids;
        for (const QStringList &r : inv.rows) {
            QVERIFY2(!platform.contains(r[0].toLower()), qPrintable(r[0]));
            platform.insert(r[0].toLower(), r[2]);
            bool ok = false;
            r[1].toUInt(&ok);
            QVERIFY2(ok, qPrintable(r[1]));
            ids.insert(r[1]);
            QVERIFY(QStringList(
                        {QStringLiteral("Windows"), QStringLiteral("Linux"), QStringLiteral("Mac")})
                        .contains(r[2]));
            const QStringList groups = cellLines(r[4]);
            QCOMPARE(groups.first(), QStringLiteral("All Computers"));
            QVERIFY(groups.size() >= 3);
            QCOMPARE(r[5], QStringLiteral("1"));
        }
        QCOMPARE(ids.size(), n);

        // Per-endpoint multi-column files: header, one row per endpoint, correlated cells.
        struct Expect
        {
            QString file;
            QChar delimiter;
            QStringList header;
            int firstCorrelated;
            int correlated;
        };
        const QList<Expect> files = {
            {kCxStatus,
             QLatin1Char(','),
             {QStringLiteral("Computer Name"), QStringLiteral("Domain"), QStringLiteral("Key"),
              QStringLiteral("Value"), QStringLiteral("Count")},
             1,
             3},
            {kSettings,
             QLatin1Char(';'),
             {QStringLiteral("Computer Name"), QStringLiteral("Domain"), QStringLiteral("Key"),
              QStringLiteral("Value"), QStringLiteral("Count")},
             1,
             3},
            {kTools,
             QLatin1Char(','),
             {QStringLiteral("Computer Name"), QStringLiteral("Tool Name"),
              QStringLiteral("Status"), QStringLiteral("Targeted Version"),
              QStringLiteral("Installed Version"), QStringLiteral("Count")},
             1,
             4},
            {kTrStatus,
             QLatin1Char(','),
             {QStringLiteral("Computer Name"), QStringLiteral("Component"), QStringLiteral("Key"),
              QStringLiteral("Value"), QStringLiteral("Count")},
             1,
             3},
            {kDriver,
             QLatin1Char(','),
             {QStringLiteral("Computer Name"), QStringLiteral("Tanium Driver Status"),
              QStringLiteral("Tanium Driver Version"), QStringLiteral("Count")},
             0,
             0},
        };
        for (const Expect &e : files) {
            const Csv csv = parseCsv(readFile(findFile(s, e.file)), e.delimiter);
            QVERIFY2(csv.error.isEmpty(), qPrintable(e.file + QLatin1String(": ") + csv.error));
            QCOMPARE(csv.header, e.header);
            QSet<QString> seen;
            for (const QStringList &r : csv.rows) {
                const QString key = r[0].toLower();
                QVERIFY2(platform.contains(key), qPrintable(r[0]));
                QVERIFY2(!seen.contains(key), qPrintable(r[0]));
                seen.insert(key);
                QCOMPARE(r.last(), QStringLiteral("1"));
                if (e.correlated > 0) {
                    const qsizetype lines = cellLines(r[e.firstCorrelated]).size();
                    for (int c = e.firstCorrelated; c < e.firstCorrelated + e.correlated; ++c)
                        QVERIFY2(cellLines(r[c]).size() == lines, qPrintable(r[0]));
                }
            }
            if (e.file == kDriver) {
                // Windows endpoints only, all of them.
                int windows = 0;
                for (const QString &p : std::as_const(platform))
                    windows += p == QLatin1String("Windows") ? 1 : 0;
                QCOMPARE(csv.rows.size(), windows);
                for (const QStringList &r : csv.rows)
                    QCOMPARE(platform.value(r[0].toLower()), QStringLiteral("Windows"));
            } else if (e.file == kTrStatus) {
                QVERIFY(csv.rows.size() < n); // endpoints without TR do not answer
                QVERIFY(csv.rows.size() > n * 8 / 10);
            } else {
                QCOMPARE(csv.rows.size(), n);
            }
        }
    }
}

void TestDemoFleet::settingsFileIsUtf16()
{
    const QByteArray bytes = readFile(findFile(m_snapshots[3], kSettings));
    QVERIFY(bytes.startsWith("\xFF\xFE"));
    QCOMPARE(bytes.size() % 2, 0);
    QStringDecoder decode(QStringDecoder::Utf16LE);
    const QString text = decode(bytes.mid(2));
    QVERIFY(!decode.hasError());
    QVERIFY(text.startsWith(QLatin1String("Computer Name;Domain;Key;Value;Count\r\n")));
    QVERIFY(text.contains(QLatin1String("[no results];[no results];[no results];1\r\n")));
    // Most endpoints have no explicit settings; a minority have a few.
    const Csv csv = parseCsv(bytes, QLatin1Char(';'));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    int nonDefault = 0;
    for (const QStringList &r : csv.rows) {
        if (r[1] != QLatin1String("[no results]") && r[1] != kPending)
            ++nonDefault;
    }
    QVERIFY(nonDefault > 0);
    QVERIFY(nonDefault < csv.rows.size() / 4);
}

void TestDemoFleet::restResultDataShape()
{
    const QStringList nows = {QStringLiteral("2026/08/28 09:00:00 GMT-0000"),
                              QStringLiteral("2026/09/28 09:00:00 GMT-0000"),
                              QStringLiteral("2026/10/28 09:00:00 GMT-0000"),
                              QStringLiteral("2026/11/27 09:00:00 GMT-0000")};
    for (int i = 0; i < 4; ++i) {
        QString error;
        const QJsonDocument doc = readJson(findFile(m_snapshots[i], kExtensions), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject data = doc.object().value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("now")).toString(), nows[i]);
        QCOMPARE(data.value(QLatin1String("max_available_age")).toString(), QString());
        const QJsonArray sets = data.value(QLatin1String("result_sets")).toArray();
        QCOMPARE(sets.size(), 1);
        const QJsonObject set = sets[0].toObject();
        const int n = m_fleet.endpointCount(i);
        for (const char *key :
             {"estimated_total", "mr_tested", "mr_passed", "row_count", "row_count_machines"})
            QCOMPARE(set.value(QLatin1String(key)).toInt(), n);
        QCOMPARE(set.value(QLatin1String("age")).toInt(-1), 0);
        const QJsonArray columns = set.value(QLatin1String("columns")).toArray();
        QStringList names;
        for (const QJsonValue c : columns)
            names << c.toObject().value(QLatin1String("name")).toString();
        QCOMPARE(names, QStringList({QStringLiteral("Computer Name"), QStringLiteral("Domain"),
                                     QStringLiteral("Version"), QStringLiteral("Count")}));
        QCOMPARE(columns[3].toObject().value(QLatin1String("hash")).toInt(-1), 0);
        QCOMPARE(columns[3].toObject().value(QLatin1String("type")).toInt(), 3);
        const QJsonArray rows = set.value(QLatin1String("rows")).toArray();
        QCOMPARE(rows.size(), n);
        QSet<qint64> rowIds;
        for (const QJsonValue rv : rows) {
            const QJsonObject row = rv.toObject();
            rowIds.insert(row.value(QLatin1String("id")).toInteger());
            QVERIFY(row.value(QLatin1String("cid")).toInteger() > 0);
            const QJsonArray cells = row.value(QLatin1String("data")).toArray();
            QCOMPARE(cells.size(), 4);
            QCOMPARE(cells[0].toArray().size(), 1);
            QVERIFY(!cells[0]
                         .toArray()[0]
                         .toObject()
                         .value(QLatin1String("text"))
                         .toString()
                         .isEmpty());
            QVERIFY(!cells[1].toArray().isEmpty());
            QCOMPARE(cells[1].toArray().size(), cells[2].toArray().size());
            QCOMPARE(cells[3].toArray()[0].toObject().value(QLatin1String("text")).toString(),
                     QStringLiteral("1"));
        }
        QCOMPARE(rowIds.size(), n);
    }
}

void TestDemoFleet::gatewayPagesShape()
{
    for (int i = 0; i < 4; ++i) {
        const Csv inv = parseCsv(readFile(findFile(m_snapshots[i], kInventory)), QLatin1Char(','));
        QHash<QString, QString> linux; // name -> Computer ID
        for (const QStringList &r : inv.rows) {
            if (r[2] == QLatin1String("Linux"))
                linux.insert(r[0], r[1]);
        }
        QString error;
        const QJsonDocument doc = readJson(findFile(m_snapshots[i], kGateway), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(doc.isArray());
        const QJsonArray pages = doc.array();
        QVERIFY(!pages.isEmpty());
        int nodes = 0;
        for (qsizetype p = 0; p < pages.size(); ++p) {
            const QJsonObject endpoints = pages[p]
                                              .toObject()
                                              .value(QLatin1String("data"))
                                              .toObject()
                                              .value(QLatin1String("endpoints"))
                                              .toObject();
            QCOMPARE(endpoints.value(QLatin1String("totalRecords")).toInt(), linux.size());
            const QJsonObject pageInfo = endpoints.value(QLatin1String("pageInfo")).toObject();
            QCOMPARE(pageInfo.value(QLatin1String("hasNextPage")).toBool(), p + 1 < pages.size());
            const QJsonArray edges = endpoints.value(QLatin1String("edges")).toArray();
            QVERIFY(edges.size() <= 500);
            QCOMPARE(pageInfo.value(QLatin1String("endCursor")).toString(),
                     edges.last().toObject().value(QLatin1String("cursor")).toString());
            for (const QJsonValue e : edges) {
                const QJsonObject node = e.toObject().value(QLatin1String("node")).toObject();
                const QString name = node.value(QLatin1String("name")).toString();
                QVERIFY2(linux.contains(name), qPrintable(name));
                QCOMPARE(node.value(QLatin1String("computerID")).toString(), linux.value(name));
                QCOMPARE(node.value(QLatin1String("os"))
                             .toObject()
                             .value(QLatin1String("platform"))
                             .toString(),
                         QStringLiteral("Linux"));
                const QJsonArray columns = node.value(QLatin1String("sensorReadings"))
                                               .toObject()
                                               .value(QLatin1String("columns"))
                                               .toArray();
                QCOMPARE(columns.size(), 3);
                for (const QJsonValue c : columns) {
                    const QJsonObject col = c.toObject();
                    QVERIFY(col.value(QLatin1String("name"))
                                .toString()
                                .startsWith(QLatin1String("Recorder - Is BPF")));
                    QCOMPARE(col.value(QLatin1String("sensor"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString(),
                             col.value(QLatin1String("name")).toString());
                    QCOMPARE(col.value(QLatin1String("values")).toArray().size(), 1);
                }
                ++nodes;
            }
        }
        QCOMPARE(nodes, linux.size());
    }
}

void TestDemoFleet::gatewayPaginatesLargerFleets()
{
    // Given a fleet with more Linux endpoints than one page holds
    const DemoFleet fleet(2000, 99);
    QString error;
    const DemoSnapshotFiles s =
        fleet.writeSnapshot(3, m_tmp.filePath(QStringLiteral("big")), &error);
    QVERIFY2(!s.files.isEmpty(), qPrintable(error));
    const QJsonDocument doc = readJson(findFile(s, kGateway), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Then the nodes come in full pages of 500, the rest on the last page
    const QJsonArray pages = doc.array();
    QVERIFY(pages.size() >= 2);
    int total = 0;
    QSet<QString> cursors;
    QSet<int> totalRecords;
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const QJsonObject endpoints = pages[p]
                                          .toObject()
                                          .value(QLatin1String("data"))
                                          .toObject()
                                          .value(QLatin1String("endpoints"))
                                          .toObject();
        const QJsonArray edges = endpoints.value(QLatin1String("edges")).toArray();
        if (p + 1 < pages.size())
            QCOMPARE(edges.size(), 500);
        for (const QJsonValue e : edges)
            cursors.insert(e.toObject().value(QLatin1String("cursor")).toString());
        total += int(edges.size());
        totalRecords.insert(endpoints.value(QLatin1String("totalRecords")).toInt());
    }
    QCOMPARE(cursors.size(), total);
    QCOMPARE(totalRecords, QSet<int>({total}));
}

void TestDemoFleet::alertsShapeAndStability()
{
    static const QRegularExpression iso(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    static const QStringList states = {QStringLiteral("unresolved"), QStringLiteral("inprogress"),
                                       QStringLiteral("resolved"), QStringLiteral("ignored")};
    QMap<int, QJsonObject> previous; // id -> alert in the previous snapshot
    int progressed = 0, carried = 0;
    for (int i = 0; i < 4; ++i) {
        QString error;
        const QJsonDocument doc = readJson(findFile(m_snapshots[i], kAlerts), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray alerts = doc.object().value(QLatin1String("data")).toArray();
        QVERIFY(alerts.size() > 100);
        const QDateTime takenAt = m_snapshots[i].takenAt;
        QMap<int, QJsonObject> current;
        for (const QJsonValue v : alerts) {
            const QJsonObject a = v.toObject();
            const int id = a.value(QLatin1String("id")).toInt();
            QVERIFY(id > 0);
            QVERIFY2(!current.contains(id), "duplicate alert id");
            current.insert(id, a);
            QVERIFY(states.contains(a.value(QLatin1String("state")).toString()));
            QCOMPARE(a.value(QLatin1String("type")).toString(), QStringLiteral("detect.match"));
            for (const char *key : {"createdAt", "alertedAt", "updatedAt", "receivedAt"})
                QVERIFY2(iso.match(a.value(QLatin1String(key)).toString()).hasMatch(), key);
            const QDateTime created = isoTime(a.value(QLatin1String("createdAt")).toString());
            QVERIFY(created <= takenAt);
            QVERIFY(created >= takenAt.addDays(-121));
            QVERIFY(isoTime(a.value(QLatin1String("alertedAt")).toString()) <= created);
            QVERIFY(isoTime(a.value(QLatin1String("updatedAt")).toString()) >= created);
            QVERIFY(isoTime(a.value(QLatin1String("updatedAt")).toString()) <= takenAt);
            const QJsonValue acked = a.value(QLatin1String("ackedAt"));
            QVERIFY(acked.isNull() || iso.match(acked.toString()).hasMatch());
            if (a.value(QLatin1String("state")).toString() == QLatin1String("inprogress"))
                QVERIFY(!acked.isNull());
            QVERIFY(QStringList({QStringLiteral("low"), QStringLiteral("medium"),
                                 QStringLiteral("high"), QStringLiteral("critical")})
                        .contains(a.value(QLatin1String("severity")).toString()));
            QVERIFY(a.value(QLatin1String("details")).isObject());
            const QJsonObject intel = a.value(QLatin1String("intelDoc")).toObject();
            QCOMPARE(intel.value(QLatin1String("id")).toInt(),
                     a.value(QLatin1String("intelDocId")).toInt());
            QVERIFY(!intel.value(QLatin1String("name")).toString().isEmpty());
            QVERIFY(!a.value(QLatin1String("computerName")).toString().isEmpty());
            QVERIFY(!a.value(QLatin1String("path")).toString().isEmpty());

            // The same alert in an earlier snapshot: same identity, state only moves forward.
            const auto before = previous.constFind(id);
            if (before == previous.cend())
                continue;
            ++carried;
            for (const char *key : {"guid", "createdAt", "alertedAt", "computerName", "intelDocId",
                                    "path", "severity"})
                QVERIFY2(before->value(QLatin1String(key)) == a.value(QLatin1String(key)), key);
            const QString was = before->value(QLatin1String("state")).toString();
            const QString is = a.value(QLatin1String("state")).toString();
            if (was == QLatin1String("resolved") || was == QLatin1String("ignored")) {
                QCOMPARE(is, was);
                QCOMPARE(a.value(QLatin1String("updatedAt")),
                         before->value(QLatin1String("updatedAt")));
            }
            if (was == QLatin1String("inprogress"))
                QVERIFY(is != QLatin1String("unresolved"));
            if (was != is)
                ++progressed;
        }
        // Ids grow with creation time.
        QDateTime last;
        for (const QJsonObject &a : std::as_const(current)) {
            const QDateTime created = isoTime(a.value(QLatin1String("createdAt")).toString());
            QVERIFY(!last.isValid() || created > last);
            last = created;
        }
        previous = current;
    }
    QVERIFY(carried > 300);
    QVERIFY(progressed > 0); // alerts do move on from month to month
}

void TestDemoFleet::profilesShape()
{
    QString error;
    const QJsonDocument doc = readJson(findFile(m_snapshots[3], kProfiles), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray profiles = doc.object().value(QLatin1String("data")).toArray();
    QVERIFY(profiles.size() >= 4);
    QSet<int> ids;
    for (const QJsonValue v : profiles) {
        const QJsonObject p = v.toObject();
        QVERIFY(!p.value(QLatin1String("name")).toString().isEmpty());
        ids.insert(p.value(QLatin1String("id")).toInt());
        QVERIFY(p.value(QLatin1String("revision")).toInt() > 0);
        QVERIFY(!p.value(QLatin1String("status")).toString().isEmpty());
        QVERIFY(!p.value(QLatin1String("computerGroups")).toArray().isEmpty());
    }
    QCOMPARE(ids.size(), profiles.size());
    // The catch-all comes last in priority order.
    QCOMPARE(profiles.last().toObject().value(QLatin1String("computerGroups")).toArray(),
             QJsonArray({QStringLiteral("All Computers")}));
}

void TestDemoFleet::fleetChangesBetweenMonths()
{
    // Identity: a Computer ID always has the same name and platform.
    QHash<QString, QStringList> byId;
    QList<QSet<QString>> names;
    for (int i = 0; i < 4; ++i) {
        const Csv inv = parseCsv(readFile(findFile(m_snapshots[i], kInventory)), QLatin1Char(','));
        QSet<QString> month;
        for (const QStringList &r : inv.rows) {
            const QStringList identity = {r[0], r[2], r[3]};
            const auto it = byId.constFind(r[1]);
            if (it != byId.cend())
                QCOMPARE(*it, identity);
            byId.insert(r[1], identity);
            month.insert(r[0]);
        }
        names.append(month);
    }
    // Machines arrive and leave, but most stay.
    int added = 0, removed = 0;
    for (int i = 1; i < 4; ++i) {
        added += int((names[i] - names[i - 1]).size());
        removed += int((names[i - 1] - names[i]).size());
        QVERIFY(int((names[i] & names[i - 1]).size()) > kEndpoints * 9 / 10);
    }
    QVERIFY(added > 0);
    QVERIFY(removed > 0);
    // Some names are typed in mixed case, so only a case-insensitive key is unique.
    bool mixed = false;
    for (const QString &n : std::as_const(names[3])) {
        mixed = mixed || (n != n.toLower() && n != n.toUpper());
    }
    QVERIFY(mixed);
}

// Applies the rules of health-rules.md (just enough of them) to the November files and checks
// that every kind of finding is there at least once.
void TestDemoFleet::everyFindingInNovember()
{
    const DemoSnapshotFiles &s = m_snapshots[3];
    QSet<QString> found;

    const Csv inv = parseCsv(readFile(findFile(s, kInventory)), QLatin1Char(','));
    QHash<QString, QString> platform;
    QHash<QString, QStringList> groups;
    for (const QStringList &r : inv.rows) {
        platform.insert(r[0].toLower(), r[2]);
        groups.insert(r[0].toLower(), cellLines(r[4]));
    }

    QString error;
    const QJsonArray profiles =
        readJson(findFile(s, kProfiles), &error).object().value(QLatin1String("data")).toArray();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QHash<QString, int> revisionById;
    for (const QJsonValue v : profiles)
        revisionById.insert(QString::number(v.toObject().value(QLatin1String("id")).toInt()),
                            v.toObject().value(QLatin1String("revision")).toInt());
    auto expectedProfile = [&](const QString &endpoint) {
        for (const QJsonValue v : profiles) {
            for (const QJsonValue g :
                 v.toObject().value(QLatin1String("computerGroups")).toArray()) {
                if (groups.value(endpoint).contains(g.toString()))
                    return QString::number(v.toObject().value(QLatin1String("id")).toInt());
            }
        }
        return QString();
    };

    // Client Extensions - Status
    static const QStringList healthy = {QStringLiteral("ok"),   QStringLiteral("healthy"),
                                        QStringLiteral("pass"), QStringLiteral("passed"),
                                        QStringLiteral("good"), QStringLiteral("nominal"),
                                        QStringLiteral("true")};
    static const QStringList trDomains = {QStringLiteral("dec"), QStringLiteral("index"),
                                          QStringLiteral("recorder"), QStringLiteral("stream"),
                                          QStringLiteral("threatresponse")};
    const Csv cx = parseCsv(readFile(findFile(s, kCxStatus)), QLatin1Char(','));
    QVERIFY2(cx.error.isEmpty(), qPrintable(cx.error));
    QMap<int, int> intelRevisions; // revision -> endpoints
    for (const QStringList &r : cx.rows) {
        const QString endpoint = r[0].toLower();
        const QStringList d = cellLines(r[1]), k = cellLines(r[2]), v = cellLines(r[3]);
        if (d.first() == kPending) {
            found << QStringLiteral("pending");
            continue;
        }
        if (d.first().startsWith(QLatin1String("TSE-Error:"))) {
            found << QStringLiteral("error");
            continue;
        }
        QHash<QString, QString> kv; // "domain/key" -> value (last wins; enough here)
        bool hasTr = false;
        for (int l = 0; l < d.size(); ++l) {
            kv.insert(d[l] + QLatin1Char('/') + k[l], v[l]);
            hasTr = hasTr || d[l] == QLatin1String("threatresponse");
            if (k[l] == QLatin1String("health_check") && trDomains.contains(d[l]) &&
                !healthy.contains(v[l].toLower()))
                found << QStringLiteral("fail.") + d[l];
        }
        if (kv.value(QStringLiteral("recorder/min_requirements_met")) == QLatin1String("False"))
            found << QStringLiteral("min_requirements");
        if (platform.value(endpoint) == QLatin1String("Windows") &&
            kv.value(QStringLiteral("recorder/is_using_tanium_driver")) == QLatin1String("False"))
            found << QStringLiteral("not_using_driver");
        if (!hasTr) {
            found << QStringLiteral("no_threatresponse");
            continue;
        }
        intelRevisions[kv.value(QStringLiteral("threatresponse/applied_intel_revision")).toInt()]++;
        if (!kv.contains(QStringLiteral("threatresponse/applied_profile"))) {
            found << QStringLiteral("no_profile");
            continue;
        }
        const QString id = kv.value(QStringLiteral("threatresponse/applied_profile_id"));
        if (!revisionById.contains(id)) {
            found << QStringLiteral("unknown_profile");
            continue;
        }
        if (kv.value(QStringLiteral("threatresponse/applied_profile_revision")).toInt() <
            revisionById.value(id))
            found << QStringLiteral("outdated_revision");
        if (expectedProfile(endpoint) != id)
            found << QStringLiteral("wrong_profile");
    }
    // The current revision is the highest seen; anything below it is outdated.
    QCOMPARE(intelRevisions.lastKey(), 2026112);
    if (intelRevisions.firstKey() < intelRevisions.lastKey())
        found << QStringLiteral("outdated_intel");

    // Driver
    const Csv driver = parseCsv(readFile(findFile(s, kDriver)), QLatin1Char(','));
    for (const QStringList &r : driver.rows) {
        const QString t = r[1].toLower();
        if (r[1] == kPending)
            found << QStringLiteral("driver.unknown");
        else if (t.contains(QLatin1String("driver location: not installed")) ||
                 t.contains(QLatin1String("driver version n/a")))
            found << QStringLiteral("driver.driver_not_installed");
        else if (t.contains(QLatin1String("service installation: not installed")))
            found << QStringLiteral("driver.service_not_installed");
        else if (t.contains(QLatin1String("service status:")) &&
                 !t.contains(QLatin1String("service_running")))
            found << QStringLiteral("driver.service_not_running");
        else if (t.contains(QLatin1String("service status: service_running")))
            found << QStringLiteral("driver.running");
    }

    // BPF
    const QJsonArray pages = readJson(findFile(s, kGateway), &error).array();
    for (const QJsonValue page : pages) {
        const QJsonArray edges = page.toObject()
                                     .value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("endpoints"))
                                     .toObject()
                                     .value(QLatin1String("edges"))
                                     .toArray();
        for (const QJsonValue e : edges) {
            QHash<QString, QString> values;
            const QJsonArray columns = e.toObject()
                                           .value(QLatin1String("node"))
                                           .toObject()
                                           .value(QLatin1String("sensorReadings"))
                                           .toObject()
                                           .value(QLatin1String("columns"))
                                           .toArray();
            for (const QJsonValue c : columns)
                values.insert(c.toObject().value(QLatin1String("name")).toString(),
                              c.toObject().value(QLatin1String("values")).toArray()[0].toString());
            const QString core = values.value(QStringLiteral("Recorder - Is BPF CO-RE Supported"));
            const QString bcc = values.value(QStringLiteral("Recorder - Is BPF BCC Supported"));
            if (core == QLatin1String("True"))
                found << QStringLiteral("bpf.core");
            else if (core == QLatin1String("False") && bcc == QLatin1String("True"))
                found << QStringLiteral("bpf.bcc_only");
            else if (core == QLatin1String("False") && bcc == QLatin1String("False"))
                found << QStringLiteral("bpf.unsupported");
            else
                found << QStringLiteral("bpf.unknown");
        }
    }

    // Tools
    const Csv tools = parseCsv(readFile(findFile(s, kTools)), QLatin1Char(','));
    for (const QStringList &r : tools.rows) {
        const QStringList status = cellLines(r[2]), target = cellLines(r[3]),
                          installed = cellLines(r[4]);
        for (int l = 0; l < status.size(); ++l) {
            if (status[l] == kPending)
                continue;
            if (status[l].contains(QLatin1String("not installed"), Qt::CaseInsensitive) ||
                installed[l].isEmpty() || installed[l] == QLatin1String("N/A"))
                found << QStringLiteral("tool.not_installed");
            else if (target[l] != installed[l])
                found << QStringLiteral("tool.version_mismatch");
        }
    }

    // Installed extensions: versions other than the most common one of their domain.
    const QJsonArray rows = readJson(findFile(s, kExtensions), &error)
                                .object()
                                .value(QLatin1String("data"))
                                .toObject()
                                .value(QLatin1String("result_sets"))
                                .toArray()[0]
                                .toObject()
                                .value(QLatin1String("rows"))
                                .toArray();
    QHash<QString, QHash<QString, int>> versions;
    for (const QJsonValue row : rows) {
        const QJsonArray data = row.toObject().value(QLatin1String("data")).toArray();
        const QJsonArray domains = data[1].toArray(), vers = data[2].toArray();
        for (qsizetype k = 0; k < domains.size(); ++k)
            versions[domains[k].toObject().value(QLatin1String("text")).toString()]
                    [vers[k].toObject().value(QLatin1String("text")).toString()]++;
    }
    for (const QString &domain : {QStringLiteral("index"), QStringLiteral("recorder"),
                                  QStringLiteral("stream"), QStringLiteral("threatresponse")}) {
        QVERIFY2(versions.contains(domain), qPrintable(domain));
        if (versions.value(domain).size() > 1)
            found << QStringLiteral("extension_outlier");
    }

    // Alerts
    const QJsonArray alerts =
        readJson(findFile(s, kAlerts), &error).object().value(QLatin1String("data")).toArray();
    for (const QJsonValue v : alerts) {
        const QJsonObject a = v.toObject();
        const QString state = a.value(QLatin1String("state")).toString();
        if (state == QLatin1String("resolved") && a.value(QLatin1String("ackedAt")).isNull())
            found << QStringLiteral("resolved_without_in_progress");
        if (state == QLatin1String("unresolved") &&
            isoTime(a.value(QLatin1String("createdAt")).toString()).addDays(7) <= s.takenAt)
            found << QStringLiteral("stale_unresolved");
    }

    const QStringList expected = {QStringLiteral("fail.dec"),
                                  QStringLiteral("fail.index"),
                                  QStringLiteral("fail.recorder"),
                                  QStringLiteral("fail.stream"),
                                  QStringLiteral("fail.threatresponse"),
                                  QStringLiteral("driver.running"),
                                  QStringLiteral("driver.service_not_installed"),
                                  QStringLiteral("driver.service_not_running"),
                                  QStringLiteral("driver.driver_not_installed"),
                                  QStringLiteral("driver.unknown"),
                                  QStringLiteral("bpf.core"),
                                  QStringLiteral("bpf.bcc_only"),
                                  QStringLiteral("bpf.unsupported"),
                                  QStringLiteral("bpf.unknown"),
                                  QStringLiteral("min_requirements"),
                                  QStringLiteral("not_using_driver"),
                                  QStringLiteral("tool.not_installed"),
                                  QStringLiteral("tool.version_mismatch"),
                                  QStringLiteral("extension_outlier"),
                                  QStringLiteral("no_threatresponse"),
                                  QStringLiteral("no_profile"),
                                  QStringLiteral("unknown_profile"),
                                  QStringLiteral("outdated_revision"),
                                  QStringLiteral("wrong_profile"),
                                  QStringLiteral("outdated_intel"),
                                  QStringLiteral("pending"),
                                  QStringLiteral("error"),
                                  QStringLiteral("resolved_without_in_progress"),
                                  QStringLiteral("stale_unresolved")};
    for (const QString &kind : expected)
        QVERIFY2(found.contains(kind), qPrintable(QStringLiteral("missing finding: ") + kind));
}

void TestDemoFleet::tinyFleetsStillWriteValidFiles()
{
    // 0 is clamped to 1; a one- or two-machine fleet still gives well-formed files.
    for (const int n : {0, 1, 2}) {
        const DemoFleet fleet(n, 3);
        QCOMPARE(fleet.endpointCount(3), std::max(1, n));
        for (int i = 0; i < 4; ++i) {
            QString error;
            const QString dir = m_tmp.filePath(QStringLiteral("tiny%1/s%2").arg(n).arg(i));
            const DemoSnapshotFiles s = fleet.writeSnapshot(i, dir, &error);
            QVERIFY2(!s.files.isEmpty(), qPrintable(error));
            const Csv inv = parseCsv(readFile(findFile(s, kInventory)), QLatin1Char(','));
            QVERIFY2(inv.error.isEmpty(), qPrintable(inv.error));
            QCOMPARE(inv.rows.size(), fleet.endpointCount(i));
            for (const QString &f : s.files) {
                if (!f.endsWith(QLatin1String(".json")))
                    continue;
                readJson(f, &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
            }
        }
    }
}

void TestDemoFleet::errorsAreReported()
{
    // A path that is a file cannot become the output folder.
    const QString blocker = m_tmp.filePath(QStringLiteral("not-a-folder"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QString error;
    DemoSnapshotFiles s = m_fleet.writeSnapshot(0, blocker, &error);
    QVERIFY(s.files.isEmpty());
    QVERIFY(error.contains(blocker));

    // A file name taken by a folder cannot be written; nothing half-written stays behind.
    const QString dir = m_tmp.filePath(QStringLiteral("blocked"));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/threat-response-alerts.json")));
    error.clear();
    s = m_fleet.writeSnapshot(0, dir, &error);
    QVERIFY(s.files.isEmpty());
    QVERIFY2(error.contains(QLatin1String("threat-response-alerts.json")), qPrintable(error));
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 0);

    // No such snapshot.
    error.clear();
    s = m_fleet.writeSnapshot(4, m_tmp.filePath(QStringLiteral("x")), &error);
    QVERIFY(s.files.isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_fleet.endpointCount(-1), 0);
}

QTEST_GUILESS_MAIN(TestDemoFleet)
#include "tst_demofleet.moc"
