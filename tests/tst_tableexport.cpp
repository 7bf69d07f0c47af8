#include "TestSupport.h"
#include "store/Database.h"
#include "store/Store.h"
#include "views/SqlTableModel.h"
#include "views/TableExport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace trh;

namespace {

// Subjects that a spreadsheet would run, quote or garble if an export got them wrong.
const QStringList kNasty = {
    QStringLiteral("=cmd|' /C calc'!A0"),
    QStringLiteral("+1"),
    QStringLiteral("-2"),
    QStringLiteral("@SUM(A1)"),
    QStringLiteral("\tTabbed"),
    QStringLiteral("\rCarriage"),
    QStringLiteral("a, b, and c"),
    QStringLiteral("She said \"hi\""),
    QStringLiteral("line one\nline two\r\nline three"),
    QStringLiteral("Ünïcødé ✓ 日本語"),
    QStringLiteral(" padded "),
    QStringLiteral("plain"),
};
constexpr int kFindings = 1500; // several progress steps and many pages

QString expectedCsvText(const QString &sqlText)
{
    static const QString risky = QStringLiteral("=+-@\t\r");
    return !sqlText.isEmpty() && risky.contains(sqlText.front()) ? QLatin1Char('\'') + sqlText
                                                                 : sqlText;
}

bool buildWorkspace(const QString &path)
{
    Database db;
    if (!Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok())
        return false;
    Transaction tx(db);
    if (!tx.isActive() || !db.exec("INSERT INTO snapshot(id, taken_at, imported_at) VALUES "
                                   "(1, '2026-10-28T09:00:00Z', '2026-10-28T10:00:00Z'), "
                                   "(2, '2026-11-28T09:00:00Z', '2026-11-28T10:00:00Z')"))
        return false;
    Statement endpoint(db, "INSERT INTO endpoint(id, name_key, name) VALUES (?1, ?2, ?3)");
    for (int i = 1; i <= 40; ++i) {
        const QString name = i % 7 == 0 ? kNasty[i % kNasty.size()]
                                        : QStringLiteral("host-%1").arg(i, 3, 10, QLatin1Char('0'));
        if (!endpoint.bind(1, i).bind(2, QStringLiteral("k%1").arg(i)).bind(3, name).run())
            return false;
    }
    Statement finding(db, "INSERT INTO finding(id, snapshot_id, endpoint_id, code, subject, "
                          "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (int i = 1; i <= kFindings + 20; ++i) {
        finding.bind(1, i).bind(2, i > kFindings ? 2 : 1);
        if (i % 50 == 0)
            finding.bindNull(3); // an aggregate finding: no endpoint
        else
            finding.bind(3, i % 40 + 1);
        finding.bind(4, QStringLiteral("code_%1").arg(i % 5))
            .bind(5, kNasty[i % kNasty.size()])
            .bind(6, i % 3 == 0 ? kNasty[(i / 3) % kNasty.size()]
                                : QStringLiteral("detail %1").arg((i * 7919) % 1009));
        if (!finding.run())
            return false;
    }
    return tx.commit();
}

SqlTableSpec spec()
{
    SqlTableSpec s;
    s.from = QStringLiteral("finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id");
    s.key = QStringLiteral("f.id");
    s.where = QStringLiteral("f.snapshot_id = :snapshot");
    s.params.insert(QStringLiteral("snapshot"), 1);
    s.columns = {{QStringLiteral("Id"), QStringLiteral("f.id"), false},
                 {QStringLiteral("Endpoint"), QStringLiteral("e.name"), true},
                 {QStringLiteral("Finding"), QStringLiteral("f.code"), true},
                 {QStringLiteral("Subject, \"quoted\""), QStringLiteral("f.subject"), true},
                 {QStringLiteral("Detail"), QStringLiteral("f.detail"), true}};
    return s;
}

// The SQL rows of snapshot 1 by id, as text (NULL is empty).
QHash<qint64, QStringList> sqlRows(const QString &path)
{
    QHash<qint64, QStringList> rows;
    Database db;
    if (!Store::open(db, path, Store::OpenMode::ReadOnly).ok())
        return rows;
    Statement st(db, "SELECT f.id, coalesce(e.name, ''), f.code, f.subject, f.detail FROM "
                     "finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
                     "WHERE f.snapshot_id = ?1");
    st.bind(1, 1);
    while (st.step())
        rows.insert(st.int64(0),
                    {QString::number(st.int64(0)), st.text(1), st.text(2), st.text(3), st.text(4)});
    return rows;
}

// A strict RFC 4180 reader: every record ends with CRLF, a quote inside a quoted field is
// doubled, a bare CR or LF is only allowed inside quotes. Sets *error on anything else.
QVector<QStringList> parseCsv(const QString &text, QString *error)
{
    QVector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (and its closing quote seen)
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += ch;
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                field += ch;
            }
            continue;
        }
        if (ch == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted) {
                *error = QStringLiteral("quote inside an unquoted field at %1").arg(i);
                return {};
            }
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            record << field;
            field.clear();
            wasQuoted = false;
        } else if (ch == QLatin1Char('\r')) {
            if (i + 1 >= text.size() || text[i + 1] != QLatin1Char('\n')) {
                *error = QStringLiteral("bare CR at %1").arg(i);
                return {};
            }
            ++i;
            record << field;
            records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
        } else if (ch == QLatin1Char('\n')) {
            *error = QStringLiteral("bare LF at %1").arg(i);
            return {};
        } else {
            if (wasQuoted) {
                *error = QStringLiteral("text after a closing quote at %1").arg(i);
                return {};
            }
            field += ch;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        *error = QStringLiteral("the last record does not end with CRLF");
    return records;
}

// Reads the CSV export back: checks the BOM, returns the records without it.
QVector<QStringList> readCsv(const QString &path, QString *error)
{
    const QByteArray bytes = test::readAll(path);
    if (!bytes.startsWith("\xEF\xBB\xBF")) {
        *error = QStringLiteral("no UTF-8 BOM");
        return {};
    }
    return parseCsv(QString::fromUtf8(bytes.mid(3)), error);
}

QByteArray unzipMember(const QString &zip, const QString &member)
{
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    if (!unzip.waitForFinished(60000) || unzip.exitCode() != 0)
        return {};
    return unzip.readAllStandardOutput();
}

// OOXML writes control characters in text as _xHHHH_ (ECMA-376 ST_Xstring).
QString decodeXstring(QString text)
{
    static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = escape.match(text, from)).hasMatch()) {
        const QChar ch(char16_t(m.captured(1).toUShort(nullptr, 16)));
        text.replace(m.capturedStart(), m.capturedLength(), ch);
        from = m.capturedStart() + 1;
    }
    return text;
}

// The cells of sheet1.xml by row: strings (inline or shared) and numbers as text.
struct Sheet
{
    QVector<QStringList> rows;
    int rowElements = 0;
    int formulas = 0;
    QString pane;       // ySplit of the pane
    QString autoFilter; // ref
};

Sheet readSheet(const QByteArray &xml, const QStringList &sharedStrings)
{
    Sheet sheet;
    QXmlStreamReader r(xml);
    QString type;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        const auto name = r.name();
        if (name == QLatin1String("row")) {
            ++sheet.rowElements;
            sheet.rows.append(QStringList());
        } else if (name == QLatin1String("pane")) {
            sheet.pane = r.attributes().value(QLatin1String("ySplit")).toString();
        } else if (name == QLatin1String("autoFilter")) {
            sheet.autoFilter = r.attributes().value(QLatin1String("ref")).toString();
        } else if (name == QLatin1String("c")) {
            type = r.attributes().value(QLatin1String("t")).toString();
            // Cells are written left to right with no gaps except NULLs: place by column.
            const QString ref = r.attributes().value(QLatin1String("r")).toString();
            const int column = ref.front().unicode() - 'A';
            QStringList &row = sheet.rows.last();
            while (row.size() < column)
                row << QString();
        } else if (name == QLatin1String("f")) {
            ++sheet.formulas;
        } else if (name == QLatin1String("t")) {
            sheet.rows.last() << decodeXstring(r.readElementText());
        } else if (name == QLatin1String("v")) {
            const QString v = r.readElementText();
            sheet.rows.last() << (type == QLatin1String("s") ? sharedStrings.value(v.toInt()) : v);
        }
    }
    for (QStringList &row : sheet.rows) {
        while (row.size() < 5)
            row << QString();
    }
    return sheet;
}

QStringList readSharedStrings(const QByteArray &xml)
{
    QStringList strings;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("t"))
            strings << decodeXstring(r.readElementText());
    }
    return strings;
}

} // namespace

class TestTableExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;
    QHash<qint64, QStringList> m_rows;

    QString out(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("export.trdb"));
        QVERIFY(buildWorkspace(m_db));
        m_rows = sqlRows(m_db);
        QCOMPARE(m_rows.size(), kFindings);
    }

    void neutralisesFormulas_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("=") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("dde") << QStringLiteral("=cmd|' /C calc'!A0")
                             << QStringLiteral("'=cmd|' /C calc'!A0");
        QTest::newRow("+") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("-") << QStringLiteral("-2") << QStringLiteral("'-2");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("cr") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("inner =") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("empty") << QString() << QString();
    }
    void neutralisesFormulas()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(TableExport::neutraliseFormula(in), out);
    }

    void quotesFields()
    {
        const QChar comma = QLatin1Char(',');
        QCOMPARE(TableExport::delimitedField(QStringLiteral("plain"), comma),
                 QStringLiteral("plain"));
        QCOMPARE(TableExport::delimitedField(QStringLiteral("a,b"), comma),
                 QStringLiteral("\"a,b\""));
        QCOMPARE(TableExport::delimitedField(QStringLiteral("say \"x\""), comma),
                 QStringLiteral("\"say \"\"x\"\"\""));
        QCOMPARE(TableExport::delimitedField(QStringLiteral("-1,2"), comma),
                 QStringLiteral("\"'-1,2\""));
        // Numbers are our own data, not text: a negative number stays a number.
        QCOMPARE(TableExport::delimitedField(qlonglong(-3), comma), QStringLiteral("-3"));
        QCOMPARE(TableExport::delimitedField(QVariant(), comma), QString());
    }

    void csvHasEveryRowOfTheResult()
    {
        SqlTableModel model;
        model.setSource(m_db, spec());
        QVERIFY(model.waitForIdle());
        const QString path = out(QStringLiteral("all.csv"));
        qint64 lastDone = -1;
        int calls = 0;
        TableExport::Options options;
        options.progress = [&](qint64 done, qint64 total) {
            ++calls;
            [&] { QCOMPARE(total, qint64(kFindings)); }();
            lastDone = done;
            return true;
        };
        QString error;
        QVERIFY2(TableExport::exportCsv(model, path, options, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        QCOMPARE(lastDone, qint64(kFindings));
        QVERIFY(calls > 1);

        const QVector<QStringList> records = readCsv(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), kFindings + 1);
        QCOMPARE(records[0],
                 (QStringList{QStringLiteral("Id"), QStringLiteral("Endpoint"),
                              QStringLiteral("Finding"), QStringLiteral("Subject, \"quoted\""),
                              QStringLiteral("Detail")}));
        QSet<qint64> seen;
        for (int i = 1; i < records.size(); ++i) {
            const QStringList &record = records[i];
            QCOMPARE(record.size(), 5);
            const qint64 id = record[0].toLongLong();
            QVERIFY(m_rows.contains(id));
            seen.insert(id);
            QStringList expected = m_rows.value(id);
            for (int c = 1; c < expected.size(); ++c)
                expected[c] = expectedCsvText(expected[c]);
            QCOMPARE(record, expected);
        }
        QCOMPARE(seen.size(), kFindings);
        // Sorted by key when no column is: ids ascending.
        QCOMPARE(records[1][0], QStringLiteral("1"));
        QCOMPARE(records.last()[0], QString::number(kFindings));

        // The dangerous cells, spelled out.
        const QByteArray bytes = test::readAll(path);
        QVERIFY(bytes.contains(",'=cmd|' /C calc'!A0,"));
        QVERIFY(bytes.contains(",'+1,"));
        QVERIFY(bytes.contains(",'-2,"));
        QVERIFY(bytes.contains(",'@SUM(A1),"));
        QVERIFY(bytes.contains(",\"line one\nline two\r\nline three\","));
        QVERIFY(bytes.contains(QStringLiteral(",Ünïcødé ✓ 日本語,").toUtf8()));
        QVERIFY(!bytes.contains(",=cmd"));
    }

    void csvFollowsSearchAndSortLikeTheModel()
    {
        SqlTableModel model;
        model.setSource(m_db, spec());
        model.setSearchText(QStringLiteral("e")); // subjects, details, names with an "e"
        model.setColumnFilter(2, QStringLiteral("code_1"));
        model.sort(3, Qt::DescendingOrder);
        QVERIFY(model.waitForIdle());
        const QVector<qint64> keys = model.keys();
        QVERIFY(keys.size() > 10);
        QVERIFY(keys.size() < kFindings / 4);
        const QString path = out(QStringLiteral("filtered.csv"));
        QString error;
        QVERIFY2(TableExport::exportCsv(model, path, {}, &error), qPrintable(error));
        const QVector<QStringList> records = readCsv(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), keys.size() + 1);
        for (int i = 0; i < keys.size(); ++i)
            QCOMPARE(records[i + 1][0].toLongLong(), keys[i]);

        // Reversing the sort reverses the model's keys without a query; the export follows.
        model.sort(3, Qt::AscendingOrder);
        QVERIFY(model.waitForIdle());
        QVector<qint64> reversed = keys;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(model.keys(), reversed);
        QVector<qint64> streamed;
        QVERIFY(model.forEachRow(
            [&](const QVector<QVariant> &cells) {
                streamed << cells[0].toLongLong();
                return true;
            },
            &error));
        QCOMPARE(streamed, reversed);
    }

    void xlsxHasEveryRowAsText()
    {
        SqlTableModel model;
        model.setSource(m_db, spec());
        model.sort(1, Qt::AscendingOrder);
        QVERIFY(model.waitForIdle());
        const QString path = out(QStringLiteral("all.xlsx"));
        QString error;
        QVERIFY2(TableExport::exportXlsx(model, path, {}, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        const QByteArray xml = unzipMember(path, QStringLiteral("xl/worksheets/sheet1.xml"));
        QVERIFY2(!xml.isEmpty(), "unzip -p found no sheet1.xml");
        const QStringList shared =
            readSharedStrings(unzipMember(path, QStringLiteral("xl/sharedStrings.xml")));
        const Sheet sheet = readSheet(xml, shared);
        QCOMPARE(sheet.rowElements, kFindings + 1);
        QCOMPARE(xml.count("<row "), kFindings + 1);
        QCOMPARE(sheet.formulas, 0);
        QCOMPARE(sheet.pane, QStringLiteral("1"));
        QCOMPARE(sheet.autoFilter, QStringLiteral("A1:E%1").arg(kFindings + 1));
        QVERIFY(xml.contains("<cols>"));
        QCOMPARE(sheet.rows[0][3], QStringLiteral("Subject, \"quoted\""));
        // Header cells carry a style (bold); data cells do not.
        QVERIFY(QRegularExpression(QStringLiteral("<c r=\"A1\" s=\"[1-9]"))
                    .match(QString::fromUtf8(xml))
                    .hasMatch());

        const QVector<qint64> keys = model.keys();
        for (int i = 0; i < keys.size(); ++i) {
            const QStringList &row = sheet.rows[i + 1];
            QCOMPARE(row[0].toLongLong(), keys[i]);
            // XLSX keeps text as it is: string cells are never formulas.
            QCOMPARE(row, m_rows.value(keys[i]));
        }
        int nasty = 0;
        for (const QStringList &row : sheet.rows)
            nasty += row[3] == QStringLiteral("=cmd|' /C calc'!A0");
        QVERIFY(nasty > 0);
    }

    void cancelLeavesNoFile()
    {
        SqlTableModel model;
        model.setSource(m_db, spec());
        QVERIFY(model.waitForIdle());
        TableExport::Options options;
        options.progress = [](qint64 done, qint64) { return done < 512; };
        for (const QString &name : {QStringLiteral("cancel.csv"), QStringLiteral("cancel.xlsx")}) {
            const QString path = out(name);
            QString error = QStringLiteral("stale");
            const bool ok = name.endsWith(QLatin1String(".csv"))
                                ? TableExport::exportCsv(model, path, options, &error)
                                : TableExport::exportXlsx(model, path, options, &error);
            QVERIFY(!ok);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(!QFile::exists(path));
            QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        }
    }

    void reportsErrors()
    {
        SqlTableModel model;
        QString error;
        QVERIFY(!TableExport::exportCsv(model, out(QStringLiteral("none.csv")), {}, &error));
        QVERIFY(!error.isEmpty());
        model.setSource(m_dir.filePath(QStringLiteral("missing.trdb")), spec());
        QVERIFY(!model.forEachRow([](const QVector<QVariant> &) { return true; }, &error));
        QVERIFY(!error.isEmpty());
        model.setSource(m_db, spec());
        QVERIFY(model.waitForIdle());
        QVERIFY(!TableExport::exportCsv(model, m_dir.filePath(QStringLiteral("no/such/dir/x.csv")),
                                        {}, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
