// The evidence appendix: one CSV per finding code with every row, a manifest whose SHA-256
// values verify, and the snapshot hash of the report's footer.
#include "ReportTestSupport.h"

#include "store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace trh;
using namespace trh::test;

namespace {

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestReportAppendix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void manifestHashesVerify();
    void sha256SumsListsEveryFile();
    void everyRowOfEveryCode();
    void snapshotHashIsTheSourcesHash();
    void formulasAreNeutralised();

private:
    QTemporaryDir m_dir;
    QString m_db, m_pdf, m_appendix;
    QJsonObject m_manifest;
};

void TestReportAppendix::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = demoWorkspace(m_dir.path(), 400);
    QVERIFY(!m_db.isEmpty());
    QCOMPARE(runCli({QStringLiteral("summary"), QStringLiteral("--db"), m_db}).exitCode, 0);
    {
        // A detail that a spreadsheet would run as a formula.
        Database db;
        QVERIFY(db.open(m_db));
        QVERIFY(db.exec("UPDATE finding SET detail = '=HYPERLINK(\"http://x.invalid\")' "
                        "WHERE id = (SELECT min(id) FROM finding WHERE code = 'health.index' "
                        "AND snapshot_id = (SELECT max(id) FROM snapshot))"));
        QCOMPARE(db.changes(), 1);
    }
    m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    m_appendix = m_dir.filePath(QStringLiteral("appendix"));
    const CliResult r = runCli({QStringLiteral("report"), QStringLiteral("--db"), m_db,
                                QStringLiteral("--pdf"), m_pdf, QStringLiteral("--appendix"),
                                m_appendix, QStringLiteral("--top"), QStringLiteral("5")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_manifest =
        QJsonDocument::fromJson(readAll(QDir(m_appendix).filePath(QStringLiteral("manifest.json"))))
            .object();
    QCOMPARE(m_manifest.value(QStringLiteral("schema")).toString(),
             QStringLiteral("trhealth.report-appendix/1"));
}

void TestReportAppendix::manifestHashesVerify()
{
    const QJsonArray files = m_manifest.value(QStringLiteral("files")).toArray();
    QVERIFY(files.size() > 10);
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        const QByteArray bytes =
            readAll(QDir(m_appendix).filePath(f.value(QStringLiteral("name")).toString()));
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(sha256(bytes), f.value(QStringLiteral("sha256")).toString());
    }
    const QJsonObject report = m_manifest.value(QStringLiteral("report")).toObject();
    QCOMPARE(report.value(QStringLiteral("name")).toString(), QStringLiteral("report.pdf"));
    QCOMPARE(report.value(QStringLiteral("sha256")).toString(), sha256(readAll(m_pdf)));
}

void TestReportAppendix::sha256SumsListsEveryFile()
{
    const QStringList lines =
        QString::fromUtf8(readAll(QDir(m_appendix).filePath(QStringLiteral("SHA256SUMS"))))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList listed;
    for (const QString &line : lines) {
        // "<64 hex>  <name>", as sha256sum -c reads it.
        QCOMPARE(line.mid(64, 2), QStringLiteral("  "));
        const QString name = line.mid(66);
        QCOMPARE(sha256(readAll(QDir(m_appendix).filePath(name))), line.left(64));
        listed << name;
    }
    QStringList onDisk = QDir(m_appendix).entryList(QDir::Files);
    onDisk.removeAll(QStringLiteral("SHA256SUMS"));
    listed.sort();
    onDisk.sort();
    QCOMPARE(listed, onDisk);
}

void TestReportAppendix::everyRowOfEveryCode()
{
    int beyondTop = 0;
    for (const QJsonValue &v : m_manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString code = f.value(QStringLiteral("code")).toString();
        const CliResult r = runCli({QStringLiteral("findings"), QStringLiteral("--db"), m_db,
                                    QStringLiteral("--code"), code, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const qint64 expected =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("count")).toInteger();
        QVERIFY(expected > 0);
        beyondTop += expected > 5; // more than the report's top 5: the appendix has the rest
        QCOMPARE(f.value(QStringLiteral("rows")).toInteger(), expected);
        // Header + one CRLF line per row (details have no line breaks in the demo fleet).
        const QByteArray csv = readAll(QDir(m_appendix).filePath(code + QStringLiteral(".csv")));
        QCOMPARE(qint64(csv.count("\r\n")), expected + 1);
    }
    QVERIFY(beyondTop > 5);
}

void TestReportAppendix::snapshotHashIsTheSourcesHash()
{
    const QJsonObject snapshot = m_manifest.value(QStringLiteral("snapshot")).toObject();
    QStringList hashes;
    for (const QJsonValue &v : snapshot.value(QStringLiteral("sources")).toArray())
        hashes << v.toObject().value(QStringLiteral("sha256")).toString();
    QVERIFY(hashes.size() >= 5);
    // What `sha256sum FILES | cut -d' ' -f1 | sort | sha256sum` prints.
    hashes.sort();
    const QString expected =
        sha256((hashes.join(QLatin1Char('\n')) + QLatin1Char('\n')).toLatin1());
    QCOMPARE(snapshot.value(QStringLiteral("sha256")).toString(), expected);
    QVERIFY(pdfText(m_pdf).contains(QStringLiteral("Snapshot SHA-256 ") + expected));
}

void TestReportAppendix::formulasAreNeutralised()
{
    const QString csv =
        QString::fromUtf8(readAll(QDir(m_appendix).filePath(QStringLiteral("health.index.csv"))));
    QVERIFY(csv.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x.invalid\"\")\"")));
    QVERIFY(!csv.contains(QStringLiteral(",=HYPERLINK")));
    QVERIFY(!csv.contains(QStringLiteral(",\"=HYPERLINK")));
}

QTEST_GUILESS_MAIN(TestReportAppendix)
#include "tst_reportappendix.moc"
