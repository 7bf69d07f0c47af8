// Host names, setting values, notes and the organisation name containing HTML or script are
// printed as text in the HTML and PDF reports.
#include "ReportTestSupport.h"

#include "store/Database.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using namespace trh::test;

class TestReportEscape : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void htmlShowsMarkupAsText();
    void htmlIsSelfContained();
    void pdfShowsMarkupAsText();

private:
    QTemporaryDir m_dir;
    QString m_db, m_html, m_pdf;
};

namespace {
const QString kHost = QStringLiteral("<script>x()</script>");
const QString kSetting = QStringLiteral("<iframe src=javascript:y()>");
const QString kNote = QStringLiteral("<img src=z onerror=w()>");
const QString kOrg = QStringLiteral("<b>Acme</b> & Co");
} // namespace

void TestReportEscape::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = demoWorkspace(m_dir.path(), 300);
    QVERIFY(!m_db.isEmpty());
    // The rules run on the first look at a snapshot.
    QCOMPARE(runCli({QStringLiteral("summary"), QStringLiteral("--db"), m_db}).exitCode, 0);
    // Given a host name and a setting value full of markup, as a hostile export could bring.
    {
        Database db;
        QVERIFY(db.open(m_db));
        // The endpoint listed first under health.dec in the newest snapshot.
        Statement rename(db, "UPDATE endpoint SET name = ?1, name_key = lower(?1) WHERE id = ("
                             "SELECT f.endpoint_id FROM finding f JOIN endpoint e "
                             "ON e.id = f.endpoint_id WHERE f.code = 'health.dec' "
                             "AND f.snapshot_id = (SELECT max(id) FROM snapshot) "
                             "ORDER BY e.name_key LIMIT 1)");
        rename.bind(1, kHost);
        QVERIFY(rename.run());
        QCOMPARE(db.changes(), 1);
        Statement setting(db, "UPDATE finding SET detail = ?1 WHERE id = ("
                              "SELECT f.id FROM finding f JOIN endpoint e ON e.id = f.endpoint_id "
                              "WHERE f.code = 'settings.non_default' "
                              "AND f.snapshot_id = (SELECT max(id) FROM snapshot) "
                              "ORDER BY e.name_key, f.subject, f.id LIMIT 1)");
        setting.bind(1, kSetting);
        QVERIFY(setting.run());
        QCOMPARE(db.changes(), 1);
    }
    // And a note with markup on that host, accepted as an exception.
    const CliResult note =
        runCli({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                QStringLiteral("--endpoint"), kHost, QStringLiteral("--code"),
                QStringLiteral("health.dec"), QStringLiteral("--text"), kNote,
                QStringLiteral("--accept-until"), QStringLiteral("2099-12-31")});
    QVERIFY2(note.exitCode == 0, note.err.constData());
    // When the report is written as HTML and PDF.
    m_html = m_dir.filePath(QStringLiteral("report.html"));
    m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    const CliResult r =
        runCli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--html"),
                m_html, QStringLiteral("--pdf"), m_pdf, QStringLiteral("--organisation"), kOrg});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestReportEscape::htmlShowsMarkupAsText()
{
    const QString html = QString::fromUtf8(readAll(m_html));
    QVERIFY(!html.isEmpty());
    // Then no markup from the data reaches the HTML as markup...
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<iframe"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<img src=z"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<b>Acme")));
    // ...but all of it is there, escaped, as text.
    for (const QString &text : {kHost, kSetting, kNote, kOrg})
        QVERIFY2(html.contains(text.toHtmlEscaped()), qPrintable(text));
}

void TestReportEscape::htmlIsSelfContained()
{
    const QString html = QString::fromUtf8(readAll(m_html));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<style>")));
    QVERIFY(html.contains(QStringLiteral("<svg")));
    // Nothing is fetched from elsewhere: no links, scripts or non-data sources.
    QVERIFY(!html.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
    const QRegularExpression external(QStringLiteral("(src|href)\\s*=\\s*\"(?!data:|#)"),
                                      QRegularExpression::CaseInsensitiveOption);
    QVERIFY(!external.match(html).hasMatch());
}

void TestReportEscape::pdfShowsMarkupAsText()
{
    // pdftotext without -layout; table cells may wrap, so compare without white space.
    QString text =
        QString::fromUtf8(poppler(QStringLiteral("pdftotext"), {m_pdf, QStringLiteral("-")}));
    QVERIFY(!text.isEmpty());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    for (const QString &t : {kHost, kSetting, kNote, kOrg}) {
        QString compact = t;
        compact.remove(QRegularExpression(QStringLiteral("\\s")));
        QVERIFY2(text.contains(compact), qPrintable(t));
    }
}

QTEST_GUILESS_MAIN(TestReportEscape)
#include "tst_reportescape.moc"
