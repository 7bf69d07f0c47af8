#include "analysis/FindingCatalog.h"
#include "analysis/FindingSearch.h"
#include "store/Database.h"
#include "store/Store.h"
#include "views/FindingsTableSpec.h"
#include "views/SqlTableModel.h"
#include "views/SqlTableWorker.h"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace trh;

namespace {

constexpr int kEndpoints = 2000;
constexpr int kFindings = 50000;     // of snapshot 1
constexpr int kOtherFindings = 1000; // of snapshot 2, which no test shows

// Writes a workspace with snapshots 1 and 2, `endpoints` endpoints and the findings, all in
// one transaction. The data has what the tests need: names differing only in case, NULL
// names (aggregate findings) and platforms (no snapshot_endpoint row), many equal values
// (so the key must break ties), and subjects with LIKE's special characters next to decoys
// that an unescaped pattern would match.
bool buildWorkspace(const QString &path, int endpoints, int findings, int otherFindings)
{
    Database db;
    const Store::OpenResult opened = Store::open(db, path, Store::OpenMode::CreateOrUpgrade);
    if (!opened.ok()) {
        qWarning() << opened.error;
        return false;
    }
    Transaction tx(db);
    QString error;
    auto run = [&](const char *sql, std::initializer_list<std::int64_t> values) {
        Statement st(db, sql);
        int i = 0;
        for (const std::int64_t v : values)
            st.bind(++i, v);
        if (!st.run()) {
            qWarning() << st.error() << db.lastError();
            return false;
        }
        return true;
    };
    // Codes of the catalogue (findings tables split their rows by code), by number.
    bool ok = tx.isActive() && run("CREATE TEMP TABLE codes(n INTEGER PRIMARY KEY, code TEXT)", {});
    for (size_t i = 0; ok && i < findingCatalog().size(); ++i) {
        Statement st(db, "INSERT INTO temp.codes VALUES(?1, ?2)");
        st.bind(1, std::int64_t(i)).bind(2, std::string_view(findingCatalog()[i].code));
        ok = st.run();
    }
    ok = ok &&
         run("INSERT INTO snapshot(id, taken_at, imported_at) VALUES "
             "(1, '2026-10-28T09:00:00Z', '2026-10-28T10:00:00Z'), "
             "(2, '2026-11-28T09:00:00Z', '2026-11-28T10:00:00Z')",
             {}) &&
         run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
             "INSERT INTO endpoint(id, name_key, name) SELECT i, 'k' || i, "
             "CASE i % 3 WHEN 0 THEN 'HOST-' WHEN 1 THEN 'host-' ELSE 'Srv_' END "
             "|| printf('%05d', (i * 7919) % 10007) FROM n",
             {endpoints}) &&
         run("INSERT INTO snapshot_endpoint(snapshot_id, endpoint_id, platform, os_name, "
             "computer_id) SELECT s.id, e.id, CASE e.id % 3 WHEN 0 THEN 'Windows' WHEN 1 THEN "
             "'Linux' ELSE 'Mac' END, 'OS ' || (e.id % 7), 'cid-' || e.id "
             "FROM endpoint e, snapshot s WHERE e.id % 50 <> 0",
             {}) &&
         run("INSERT INTO endpoint_state(snapshot_id, endpoint_id, coverage_stage, driver_state, "
             "bpf_state) SELECT 1, e.id, CASE e.id % 5 WHEN 0 THEN 'no_data' WHEN 1 THEN "
             "'not_deployed' WHEN 2 THEN 'no_profile' WHEN 3 THEN 'unhealthy' ELSE 'covered' "
             "END, CASE WHEN e.id % 3 = 0 THEN 'running' END, CASE WHEN e.id % 3 = 1 THEN "
             "'core' END FROM endpoint e WHERE e.id % 4 <> 0",
             {}) &&
         run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
             "INSERT INTO finding(id, snapshot_id, endpoint_id, code, subject, detail) "
             "SELECT i, 1, CASE WHEN i % 101 = 0 THEN NULL ELSE (i * 13) % ?2 + 1 END, "
             "(SELECT code FROM temp.codes WHERE n = i % 23), "
             "CASE WHEN i % 97 = 0 THEN '50% off' WHEN i % 89 = 0 THEN 'a_b' "
             "WHEN i % 83 = 0 THEN 'back\\slash' WHEN i % 79 = 0 THEN '500 units' "
             "WHEN i % 73 = 0 THEN 'axb' WHEN i % 71 = 0 THEN 'Mixed CASE Subject' "
             "WHEN i % 67 = 0 THEN 'say \"hi\" to O''Brien' "
             "WHEN i % 61 = 0 THEN 'Grüße ÜBER Straße' WHEN i % 59 = 0 THEN 'grüße über straße' "
             "ELSE 'subject ' || (i % 1000) END, "
             "'detail ' || ((i * 104729) % 100003) FROM n",
             {findings, endpoints}) &&
         run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
             "INSERT INTO finding(id, snapshot_id, endpoint_id, code, subject, detail) "
             "SELECT ?2 + i, 2, i % ?3 + 1, (SELECT code FROM temp.codes WHERE n = i % 5), "
             "'later ' || i, '' FROM n",
             {otherFindings, findings, endpoints}) &&
         // The endpoint's name and platform, copied as the analysis copies them.
         run("UPDATE finding SET endpoint_name = (SELECT name FROM endpoint WHERE id = "
             "finding.endpoint_id), platform = (SELECT platform FROM snapshot_endpoint se WHERE "
             "se.snapshot_id = finding.snapshot_id AND se.endpoint_id = finding.endpoint_id)",
             {}) &&
         FindingSearch::index(db, 1, &error) && FindingSearch::index(db, 2, &error) && tx.commit();
    if (!ok)
        qWarning() << db.lastError() << error;
    return ok;
}

void bindAll(Statement &st, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        if (binds[i].typeId() == QMetaType::QString)
            st.bind(i + 1, binds[i].toString());
        else
            st.bind(i + 1, std::int64_t(binds[i].toLongLong()));
    }
}

QString placeholder()
{
    return QString::fromUtf8("\xe2\x80\xa6"); // …
}

} // namespace

class TestSqlTableModel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    Database m_db; // the tests' own connection, for the expected results
    SqlTableSpec m_findings;

    QString findingsColumns() const
    {
        QStringList exprs;
        for (const SqlTableSpec::Column &c : m_findings.columns)
            exprs << c.expr;
        return exprs.join(QStringLiteral(", "));
    }

    QVector<qint64> sqlKeys(const QString &sql, const QVariantList &binds = {})
    {
        QVector<qint64> keys;
        Statement st(m_db, sql.toStdString());
        if (!st.isValid())
            qWarning() << st.error();
        bindAll(st, binds);
        while (st.step())
            keys.append(st.int64(0));
        if (!st.ok())
            qWarning() << st.error();
        return keys;
    }

    // Rows of a query whose first column is the key: {key, cells...}.
    QVector<QVariantList> sqlRows(const QString &sql, const QVariantList &binds = {})
    {
        QVector<QVariantList> rows;
        Statement st(m_db, sql.toStdString());
        if (!st.isValid())
            qWarning() << st.error();
        bindAll(st, binds);
        while (st.step()) {
            QVariantList row;
            for (int c = 0; c < st.columnCount(); ++c)
                row << st.value(c);
            rows << row;
        }
        if (!st.ok())
            qWarning() << st.error();
        return rows;
    }

    // The model's rows [first, first + count) as {key, cells...}, after loading their pages
    // the way a view does (by asking data()). False if any cell stays a placeholder.
    static bool modelRows(SqlTableModel &model, int first, int count, QVector<QVariantList> *out)
    {
        out->clear();
        const int end = std::min(first + count, model.rowCount());
        for (int r = first; r < end; ++r)
            model.data(model.index(r, 0));
        if (!model.waitForIdle())
            return false;
        for (int r = first; r < end; ++r) {
            QVariantList row{model.keyAt(r)};
            for (int c = 0; c < model.columnCount(); ++c) {
                const QModelIndex i = model.index(r, c);
                if (model.data(i, SqlTableModel::LoadingRole).toBool())
                    return false;
                row << model.data(i);
            }
            *out << row;
        }
        return true;
    }

    bool load(SqlTableModel &model, const SqlTableSpec &spec)
    {
        model.setSource(m_path, spec);
        return model.waitForIdle();
    }

    // A spec whose key query runs for a minute or more, on the CPU only: a scalar subquery
    // over 2.5 billion pairs (uncorrelated, so SQLite runs it once, inside the first step).
    SqlTableSpec slowSpec() const
    {
        SqlTableSpec spec;
        spec.from = QStringLiteral("finding a");
        spec.key = QStringLiteral("a.id");
        spec.where =
            QStringLiteral("(SELECT count(*) FROM finding x, finding y WHERE x.id + y.id = 0) = 0");
        spec.columns = {{QStringLiteral("Code"), QStringLiteral("a.code")}};
        return spec;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("table.trdb"));
        QVERIFY(buildWorkspace(m_path, kEndpoints, kFindings, kOtherFindings));
        QVERIFY(Store::open(m_db, m_path, Store::OpenMode::ReadOnly).ok());
        m_findings = findingsSpec(1);
    }

    void invariantsHoldThroughChanges()
    {
        // Given a model watched by QAbstractItemModelTester,
        SqlTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // when source, sort, search, filters and spec change (with pages read in between),
        auto touch = [&] {
            for (int r : {0, 1, model.rowCount() / 2, model.rowCount() - 1}) {
                if (r >= 0 && r < model.rowCount())
                    model.data(model.index(r, model.columnCount() - 1));
            }
            return model.waitForIdle();
        };
        QVERIFY(load(model, m_findings));
        QVERIFY(touch());
        model.sort(int(FindingsColumn::Endpoint), Qt::AscendingOrder);
        QVERIFY(model.waitForIdle());
        QVERIFY(touch());
        model.sort(int(FindingsColumn::Endpoint), Qt::DescendingOrder);
        QVERIFY(touch());
        model.setSearchText(QStringLiteral("host"));
        QVERIFY(model.waitForIdle());
        QVERIFY(touch());
        model.setColumnFilter(int(FindingsColumn::Finding), QStringLiteral("driver."));
        QVERIFY(model.waitForIdle());
        QVERIFY(touch());
        model.setSearchText(QStringLiteral("no such text anywhere"));
        QVERIFY(model.waitForIdle());
        QCOMPARE(model.rowCount(), 0);
        model.setSearchText({});
        model.setColumnFilter(int(FindingsColumn::Finding), {});
        QVERIFY(model.waitForIdle());
        QVERIFY(touch());
        QVERIFY(load(model, endpointsSpec(1)));
        QVERIFY(touch());
        SqlTableSpec bad = m_findings;
        bad.columns[0].expr = QStringLiteral("e.no_such_column");
        QVERIFY(load(model, bad));
        QVERIFY(load(model, m_findings));
        QVERIFY(touch());
        // then the tester found nothing wrong (it fails the test itself) and the model
        // ends where it should.
        QCOMPARE(model.rowCount(), kFindings);
        QCOMPARE(model.columnCount(), 5);
    }

    void rowCountIsTheFullCount_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("all findings") << QString();
        QTest::newRow("one code") << QStringLiteral("health.stream");
        QTest::newRow("no such code") << QStringLiteral("health.no_such_code");
    }
    void rowCountIsTheFullCount()
    {
        QFETCH(QString, code);
        // Given the findings of snapshot 1 (snapshot 2 has others), optionally of one code,
        SqlTableModel model;
        QVERIFY(load(model, findingsSpec(1, code)));
        // then the model counts every matching row, not a fetched window.
        const QVector<qint64> expected =
            code.isEmpty() ? sqlKeys(QStringLiteral("SELECT id FROM finding WHERE snapshot_id = "
                                                    "1 ORDER BY id"))
                           : sqlKeys(QStringLiteral("SELECT id FROM finding WHERE snapshot_id = "
                                                    "1 AND code = ?1 ORDER BY id"),
                                     {code});
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(model.keys(), expected);
        if (code.isEmpty())
            QCOMPARE(model.rowCount(), kFindings);
    }

    void sortedPagesEqualOrderBy_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("endpoint (text, NULLs)") << int(FindingsColumn::Endpoint);
        QTest::newRow("platform (ties)") << int(FindingsColumn::Platform);
        QTest::newRow("subject") << int(FindingsColumn::Subject);
        QTest::newRow("detail") << int(FindingsColumn::Detail);
        QTest::newRow("finding code") << int(FindingsColumn::Finding);
        QTest::newRow("key only") << -1;
    }
    void sortedPagesEqualOrderBy()
    {
        QFETCH(int, column);
        SqlTableModel model;
        QVERIFY(load(model, m_findings));
        // Descending first (a query), then ascending and descending again (which reverse
        // the keys instead of querying): each must equal what ORDER BY returns.
        for (const Qt::SortOrder order :
             {Qt::DescendingOrder, Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            QVERIFY(model.waitForIdle());
            const QString dir =
                order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
            const QString orderBy = (column >= 0 ? m_findings.columns[column].expr +
                                                       QLatin1Char(' ') + dir + QStringLiteral(", ")
                                                 : QString()) +
                                    QStringLiteral("f.id ") + dir;
            const QVector<QVariantList> expected = sqlRows(
                QStringLiteral("SELECT f.id, %1 FROM %2 WHERE f.snapshot_id = 1 ORDER BY %3")
                    .arg(findingsColumns(), m_findings.from, orderBy));
            QCOMPARE(expected.size(), kFindings);
            QCOMPARE(model.rowCount(), kFindings);

            QVector<QVariantList> rows;
            QVERIFY(modelRows(model, 0, SqlTableModel::kPageSize, &rows));
            QCOMPARE(rows, expected.mid(0, SqlTableModel::kPageSize));
            const int lastPage = kFindings - SqlTableModel::kPageSize;
            QVERIFY(modelRows(model, lastPage, SqlTableModel::kPageSize, &rows));
            QCOMPARE(rows, expected.mid(lastPage));

            QVector<qint64> expectedKeys;
            for (const QVariantList &row : expected)
                expectedKeys << row[0].toLongLong();
            QCOMPARE(model.keys(), expectedKeys);
        }
    }

    void searchAndFiltersEqualSql_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("filterColumn");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("someButNotAll");
        QTest::addColumn<int>("scanBudget");
        // Each row runs twice: with no time for the ordered scan (the trigram index finds
        // candidates whenever the text is long enough) and with all the time it needs.
        struct Row
        {
            const char *name;
            QString search;
            int filterColumn;
            QString filter;
            bool someButNotAll;
        };
        QVector<Row> rows;
        auto row = [&rows](const char *name, const QString &search, int filterColumn,
                           const QString &filter, bool some) {
            rows.append({name, search, filterColumn, filter, some});
        };
        // Expected rows come from instr(lower(...)), not LIKE: an independent definition
        // of "contains, ignoring ASCII case", with no wildcard at all.
        row("search name", QStringLiteral("host-0001"), -1, QString(), true);
        row("search ignores case", QStringLiteral("HoSt-0001"), -1, QString(), true);
        row("search platform", QStringLiteral("linux"), -1, QString(), true);
        row("search subject case", QStringLiteral("mixed case"), -1, QString(), true);
        row("filter code", QString(), int(FindingsColumn::Finding), QStringLiteral("driver."),
            true);
        row("filter and search", QStringLiteral("srv"), int(FindingsColumn::Detail),
            QStringLiteral("detail 9"), true);
        row("search nothing", QStringLiteral("zzz-none"), -1, QString(), false);
        // LIKE's special characters are matched literally.
        row("percent", QStringLiteral("0%"), -1, QString(), true);
        row("lone percent", QStringLiteral("%"), -1, QString(), true);
        row("underscore in a filter", QString(), int(FindingsColumn::Subject), QStringLiteral("_"),
            true);
        row("a_b", QStringLiteral("a_b"), -1, QString(), true);
        row("backslash", QStringLiteral("k\\s"), -1, QString(), true);
        row("lone backslash", QString(), int(FindingsColumn::Subject), QStringLiteral("\\"), true);
        // Quotes reach SQLite only as bound values and as quoted trigram terms.
        row("double quotes", QStringLiteral("\"hi\""), -1, QString(), true);
        row("apostrophe, ASCII case", QStringLiteral("o'brien"), -1, QString(), true);
        // Non-ASCII letters match as LIKE matches them: exactly, their case included (the
        // trigram index folds case, so its candidates include rows LIKE then drops).
        row("non-ASCII, upper case", QStringLiteral("ÜBER"), -1, QString(), true);
        row("non-ASCII, lower case", QStringLiteral("über str"), -1, QString(), true);
        row("non-ASCII filter", QString(), int(FindingsColumn::Subject), QStringLiteral("üße"),
            true);
        row("short non-ASCII", QStringLiteral("ß"), -1, QString(), true);
        for (const Row &r : std::as_const(rows)) {
            for (const int budget : {0, 600000}) {
                QTest::addRow("%s, budget %d ms", r.name, budget)
                    << r.search << r.filterColumn << r.filter << r.someButNotAll << budget;
            }
        }
    }
    void searchAndFiltersEqualSql()
    {
        QFETCH(QString, search);
        QFETCH(int, filterColumn);
        QFETCH(QString, filter);
        QFETCH(bool, someButNotAll);
        // Given the findings, when searching and/or filtering one column (testing each row
        // along the sort order, or first asking the trigram index for candidates),
        QFETCH(int, scanBudget);
        const int defaultBudget = SqlTableWorker::orderedScanBudget();
        SqlTableWorker::setOrderedScanBudget(scanBudget);
        const auto restore =
            qScopeGuard([defaultBudget] { SqlTableWorker::setOrderedScanBudget(defaultBudget); });
        SqlTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(load(model, m_findings));
        model.setSearchText(search);
        if (filterColumn >= 0)
            model.setColumnFilter(filterColumn, filter);
        QVERIFY(model.waitForIdle());
        // then the keys are exactly those SQL finds, in key order.
        QStringList conditions{QStringLiteral("f.snapshot_id = 1")};
        QVariantList binds;
        if (!search.isEmpty()) {
            QStringList any;
            for (const SqlTableSpec::Column &c : std::as_const(m_findings.columns))
                any << QStringLiteral("instr(lower(%1), lower(?1)) > 0").arg(c.expr);
            conditions << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            binds << search;
        }
        if (filterColumn >= 0) {
            conditions << QStringLiteral("instr(lower(%1), lower(?%2)) > 0")
                              .arg(m_findings.columns[filterColumn].expr)
                              .arg(binds.size() + 1);
            binds << filter;
        }
        const QVector<qint64> expected =
            sqlKeys(QStringLiteral("SELECT f.id FROM %1 WHERE %2 ORDER BY f.id")
                        .arg(m_findings.from, conditions.join(QStringLiteral(" AND "))),
                    binds);
        if (someButNotAll)
            QVERIFY(!expected.isEmpty() && expected.size() < kFindings);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(model.keys(), expected);
        // and the rows shown are those rows.
        if (!expected.isEmpty()) {
            QVector<QVariantList> rows;
            QVERIFY(modelRows(model, 0, 3, &rows));
            const QVector<QVariantList> sql =
                sqlRows(QStringLiteral("SELECT f.id, %1 FROM %2 WHERE f.id = ?1")
                            .arg(findingsColumns(), m_findings.from),
                        {expected.first()});
            QCOMPARE(rows.first(), sql.first());
        }
    }

    void firstPageComesBeforeTheCount()
    {
        // Given a model watched by QAbstractItemModelTester, showing the findings,
        SqlTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(load(model, m_findings));
        QVector<int> rowsAtReset;
        QVector<bool> countingAtReset;
        connect(&model, &QAbstractItemModel::modelReset, this, [&] {
            rowsAtReset << model.rowCount();
            countingAtReset << model.isCounting();
        });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // when it is sorted by a column,
        model.sort(int(FindingsColumn::Detail), Qt::AscendingOrder);
        QVERIFY(model.waitForIdle());
        // then it first shows one page, while counting,
        QCOMPARE(rowsAtReset, QVector<int>{SqlTableModel::kPageSize});
        QCOMPARE(countingAtReset, QVector<bool>{true});
        // and then appends the other rows, once, with no further reset,
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), SqlTableModel::kPageSize);
        QCOMPARE(inserted.first().at(2).toInt(), kFindings - 1);
        QVERIFY(!model.isCounting());
        // and the rows are ORDER BY's, the first page's cells included.
        const QVector<QVariantList> expected =
            sqlRows(QStringLiteral("SELECT f.id, %1 FROM finding f WHERE f.snapshot_id = 1 "
                                   "ORDER BY f.detail, f.id")
                        .arg(findingsColumns()));
        QVector<qint64> expectedKeys;
        for (const QVariantList &row : expected)
            expectedKeys << row[0].toLongLong();
        QCOMPARE(model.keys(), expectedKeys);
        QVector<QVariantList> rows;
        QVERIFY(modelRows(model, 0, SqlTableModel::kPageSize + 10, &rows));
        QCOMPARE(rows, expected.mid(0, SqlTableModel::kPageSize + 10));
        // A result of less than a page comes whole, in one reset.
        rowsAtReset.clear();
        model.setColumnFilter(int(FindingsColumn::Detail), QStringLiteral("detail 12345"));
        QVERIFY(model.waitForIdle());
        QCOMPARE(rowsAtReset.size(), 1);
        QVERIFY(rowsAtReset.first() > 0 && rowsAtReset.first() < SqlTableModel::kPageSize);
        QCOMPARE(countingAtReset.last(), false);
    }

    void sortsReadTheirFirstPageFromAnIndex()
    {
        // Given the findings of one code or of all codes, sorted by any column either way,
        // with or without a search,
        for (const QString &code : {QString(), QStringLiteral("driver.unknown")}) {
            const SqlTableSpec spec = findingsSpec(1, code);
            SqlTableModel model;
            QVERIFY(load(model, spec));
            for (const QString &search : {QString(), QStringLiteral("host")}) {
                model.setSearchText(search);
                // (The order by key alone is read from an index only without a search.)
                for (int column = search.isEmpty() ? -1 : 0; column < spec.columns.size();
                     ++column) {
                    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                        model.sort(column, order);
                        // then the key query reads rows in order from an index: it never
                        // sorts them.
                        Statement plan(m_db, "EXPLAIN QUERY PLAN " + model.keySql().toStdString());
                        QVERIFY2(plan.isValid(), qPrintable(plan.error()));
                        QString text;
                        while (plan.step())
                            text += plan.text(3) + QLatin1Char('\n');
                        QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
                        QVERIFY2(text.contains(QLatin1String("INDEX finding_")), qPrintable(text));
                        QVERIFY(model.waitForIdle());
                    }
                }
            }
        }
    }

    void wildcardsDoNotActAsWildcards()
    {
        // Given decoys ("axb", "500 units") that unescaped patterns would match,
        SqlTableModel model;
        QVERIFY(load(model, m_findings));
        model.setColumnFilter(int(FindingsColumn::Subject), QStringLiteral("a_b"));
        QVERIFY(model.waitForIdle());
        QVERIFY(model.rowCount() > 0);
        QVector<QVariantList> rows;
        QVERIFY(modelRows(model, 0, model.rowCount(), &rows));
        // then only the literal text matches.
        for (const QVariantList &row : rows)
            QCOMPARE(row[1 + int(FindingsColumn::Subject)].toString(), QStringLiteral("a_b"));
        model.setColumnFilter(int(FindingsColumn::Subject), QStringLiteral("50%"));
        QVERIFY(model.waitForIdle());
        QVERIFY(model.rowCount() > 0);
        QVERIFY(modelRows(model, 0, model.rowCount(), &rows));
        for (const QVariantList &row : rows)
            QCOMPARE(row[1 + int(FindingsColumn::Subject)].toString(), QStringLiteral("50% off"));
    }

    void placeholderUntilThePageArrives()
    {
        // Given a loaded result whose middle page nobody has asked for,
        SqlTableModel model;
        QVERIFY(load(model, m_findings));
        model.sort(int(FindingsColumn::Detail), Qt::AscendingOrder);
        QVERIFY(model.waitForIdle());
        const int row = 30000;
        const QModelIndex cell = model.index(row, int(FindingsColumn::Subject));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // when a view asks for one of its cells, it gets the placeholder,
        QCOMPARE(model.data(cell).toString(), placeholder());
        QCOMPARE(model.data(cell, SqlTableModel::LoadingRole).toBool(), true);
        QVERIFY(model.isLoading());
        // then dataChanged announces the page, covering the cell,
        QVERIFY(changed.wait(10000));
        const QModelIndex topLeft = changed.first().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
        QVERIFY(topLeft.row() <= row && row <= bottomRight.row());
        QCOMPARE(bottomRight.row() - topLeft.row() + 1, SqlTableModel::kPageSize);
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), model.columnCount() - 1);
        // and the cell now holds the row's value.
        QCOMPARE(model.data(cell, SqlTableModel::LoadingRole).toBool(), false);
        const QVector<QVariantList> sql = sqlRows(
            QStringLiteral("SELECT f.subject FROM finding f WHERE f.id = ?1"), {model.keyAt(row)});
        QCOMPARE(model.data(cell), sql.first().first());
        QVERIFY(model.waitForIdle());
        QVERIFY(!model.isLoading());
    }

    void loadingIsSignalled()
    {
        SqlTableModel model;
        QSignalSpy loading(&model, &SqlTableModel::loadingChanged);
        QVERIFY(!model.isLoading());
        model.setSource(m_path, m_findings);
        QVERIFY(model.isLoading());
        QCOMPARE(loading.size(), 1);
        QCOMPARE(loading.first().first().toBool(), true);
        QVERIFY(model.waitForIdle());
        QCOMPARE(loading.last().first().toBool(), false);
    }

    void burstOfSearchesEndsWithTheLast()
    {
        // Given a loaded model, when the search text changes 20 times in a row,
        SqlTableModel model;
        QVERIFY(load(model, m_findings));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QString last;
        for (int i = 0; i < 20; ++i) {
            last = QStringLiteral("detail %1").arg(i + 1);
            model.setSearchText(last);
        }
        QVERIFY(model.waitForIdle());
        // then the result is the last text's,
        const QVector<qint64> expected = sqlKeys(
            QStringLiteral("SELECT f.id FROM finding f LEFT JOIN endpoint e ON e.id = "
                           "f.endpoint_id LEFT JOIN snapshot_endpoint se ON se.snapshot_id = "
                           "f.snapshot_id AND se.endpoint_id = f.endpoint_id WHERE "
                           "f.snapshot_id = 1 AND (instr(lower(e.name), ?1) OR "
                           "instr(lower(se.platform), ?1) OR instr(lower(f.code), ?1) OR "
                           "instr(lower(f.subject), ?1) OR instr(lower(f.detail), ?1)) "
                           "ORDER BY f.id"),
            {last});
        QVERIFY(!expected.isEmpty());
        QCOMPARE(model.keys(), expected);
        QCOMPARE(model.searchText(), last);
        // and no older result arrives after it.
        const auto before = resets.size();
        QVERIFY(before >= 1 && before <= 20);
        QTest::qWait(300);
        QCOMPARE(resets.size(), before);
        QCOMPARE(model.keys(), expected);
    }

    void destroyingWhileAQueryRunsReturnsPromptly()
    {
        // Given a key query that would run for a minute,
        auto model = std::make_unique<SqlTableModel>();
        model->setSource(m_path, slowSpec());
        QTest::qWait(300); // the worker is inside sqlite3_step now
        QVERIFY(model->isLoading());
        // when the model is destroyed, then it interrupts the query and joins its thread.
        QElapsedTimer timer;
        timer.start();
        model.reset();
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void newerRequestInterruptsARunningQuery()
    {
        // Given a key query that would run for a minute,
        SqlTableModel model;
        model.setSource(m_path, slowSpec());
        QTest::qWait(300);
        // when a new source is set, then its result arrives without waiting for the old one.
        QElapsedTimer timer;
        timer.start();
        model.setSource(m_path, m_findings);
        QVERIFY(model.waitForIdle(20000));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(model.rowCount(), kFindings);
        QCOMPARE(model.columnCount(), 5);
    }

    void invalidSpecReportsAndEmpties_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("column") << QStringLiteral("column") << QStringLiteral("no such column");
        QTest::newRow("from") << QStringLiteral("from") << QStringLiteral("no such table");
        QTest::newRow("where") << QStringLiteral("where") << QStringLiteral("syntax error");
        QTest::newRow("param type") << QStringLiteral("param") << QStringLiteral("QDate");
        QTest::newRow("param missing") << QStringLiteral("missing") << QStringLiteral(":snapshot");
        QTest::newRow("file") << QStringLiteral("file") << QStringLiteral("no such file");
    }
    void invalidSpecReportsAndEmpties()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        // Given a model showing rows,
        SqlTableModel model;
        QVERIFY(load(model, m_findings));
        QVERIFY(model.rowCount() > 0);
        // when the spec cannot be queried,
        SqlTableSpec spec = m_findings;
        QString path = m_path;
        if (what == QLatin1String("column"))
            spec.columns[2].expr = QStringLiteral("f.no_such_column");
        else if (what == QLatin1String("from"))
            spec.from = QStringLiteral("no_such_table f");
        else if (what == QLatin1String("where"))
            spec.where = QStringLiteral("f.snapshot_id = = :snapshot");
        else if (what == QLatin1String("param"))
            spec.params[QStringLiteral("snapshot")] = QDate(2026, 1, 1);
        else if (what == QLatin1String("missing"))
            spec.params.clear();
        else if (what == QLatin1String("file"))
            path = m_dir.filePath(QStringLiteral("missing.trdb"));
        QSignalSpy errors(&model, &SqlTableModel::errorOccurred);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSource(path, spec);
        QVERIFY(model.waitForIdle());
        // then one error names the cause and the model is empty.
        QCOMPARE(errors.size(), 1);
        const QString text = errors.first().first().toString();
        QVERIFY2(text.contains(message), qPrintable(text));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.keys().isEmpty());
        QCOMPARE(model.keyAt(0), qint64(-1));
        // A later good source shows rows again.
        QVERIFY(load(model, m_findings));
        QCOMPARE(model.rowCount(), kFindings);
        QCOMPARE(errors.size(), 1);
    }

    void endpointsSpecShowsOneRowPerEndpoint()
    {
        // Given the endpoints of snapshot 1 sorted by their number of findings, descending,
        SqlTableModel model;
        const SqlTableSpec spec = endpointsSpec(1);
        QVERIFY(load(model, spec));
        model.sort(int(EndpointsColumn::Findings), Qt::DescendingOrder);
        QVERIFY(model.waitForIdle());
        // then the rows are the snapshot's endpoints with their counts, as SQL has them.
        QStringList exprs;
        for (const SqlTableSpec::Column &c : spec.columns)
            exprs << c.expr;
        const QVector<QVariantList> expected =
            sqlRows(QStringLiteral("SELECT se.endpoint_id, %1 FROM %2 WHERE se.snapshot_id = 1 "
                                   "ORDER BY %3 DESC, se.endpoint_id DESC")
                        .arg(exprs.join(QStringLiteral(", ")), spec.from,
                             spec.columns[int(EndpointsColumn::Findings)].expr));
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(model.rowCount(), kEndpoints - kEndpoints / 50);
        QVector<QVariantList> rows;
        QVERIFY(modelRows(model, 0, SqlTableModel::kPageSize, &rows));
        QCOMPARE(rows, expected.mid(0, SqlTableModel::kPageSize));
        const qint64 most =
            sqlKeys(QStringLiteral("SELECT count(*) AS n FROM finding WHERE snapshot_id = 1 "
                                   "AND endpoint_id IS NOT NULL GROUP BY endpoint_id "
                                   "ORDER BY n DESC LIMIT 1"))
                .value(0);
        QCOMPARE(rows.first()[1 + int(EndpointsColumn::Findings)].toLongLong(), most);
        // The count is not searched as text; the states are.
        model.setSearchText(QStringLiteral("not_deployed"));
        QVERIFY(model.waitForIdle());
        QCOMPARE(model.keys(),
                 sqlKeys(QStringLiteral("SELECT endpoint_id FROM endpoint_state WHERE "
                                        "snapshot_id = 1 AND coverage_stage = 'not_deployed' AND "
                                        "endpoint_id % 50 <> 0 ORDER BY "
                                        "(SELECT count(*) FROM finding fc WHERE fc.endpoint_id = "
                                        "endpoint_state.endpoint_id AND fc.snapshot_id = 1) "
                                        "DESC, endpoint_id DESC")));
    }

    void keysAndHeaders()
    {
        SqlTableModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
        QCOMPARE(model.keyAt(0), qint64(-1));
        QVERIFY(model.waitForIdle(10)); // nothing to wait for
        QVERIFY(load(model, m_findings));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Endpoint"));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("Detail"));
        QVERIFY(!model.headerData(5, Qt::Horizontal).isValid());
        QCOMPARE(model.keyAt(0), qint64(1));
        QCOMPARE(model.keyAt(kFindings - 1), qint64(kFindings));
        QCOMPARE(model.keyAt(kFindings), qint64(-1));
        QCOMPARE(model.keyAt(-1), qint64(-1));
        QVERIFY(!model.data(model.index(0, 0), Qt::EditRole).isValid());
        QVERIFY(!model.data(QModelIndex()).isValid());
    }

    void millionRows()
    {
        // Given a workspace with a million findings in one snapshot,
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("million.trdb"));
        QVERIFY(buildWorkspace(path, 100000, 1000000, 10));
        SqlTableModel model;
        // when it is shown and then sorted by endpoint name,
        model.setSource(path, m_findings);
        QVERIFY(model.waitForIdle(120000));
        // then the model counts them all and its pages are the query's rows.
        QCOMPARE(model.rowCount(), 1000000);
        Database db;
        QVERIFY(Store::open(db, path, Store::OpenMode::ReadOnly).ok());
        QCOMPARE(db.scalarInt("SELECT count(*) FROM finding WHERE snapshot_id = 1").value(),
                 std::int64_t(1000000));
        auto firstPage = [&](const QString &orderBy) {
            QVector<QVariantList> rows;
            Statement st(db, QStringLiteral("SELECT f.id, %1 FROM %2 WHERE f.snapshot_id = 1 "
                                            "ORDER BY %3 LIMIT %4")
                                 .arg(findingsColumns(), m_findings.from, orderBy)
                                 .arg(SqlTableModel::kPageSize)
                                 .toStdString());
            while (st.step()) {
                QVariantList row;
                for (int c = 0; c < st.columnCount(); ++c)
                    row << st.value(c);
                rows << row;
            }
            return rows;
        };
        QVector<QVariantList> rows;
        QVERIFY(modelRows(model, 0, SqlTableModel::kPageSize, &rows));
        QCOMPARE(rows, firstPage(QStringLiteral("f.id")));
        model.sort(int(FindingsColumn::Endpoint), Qt::AscendingOrder);
        QVERIFY(model.waitForIdle(120000));
        QCOMPARE(model.rowCount(), 1000000);
        QVERIFY(modelRows(model, 0, SqlTableModel::kPageSize, &rows));
        QCOMPARE(rows, firstPage(QStringLiteral("f.endpoint_name, f.id")));
    }
};

QTEST_GUILESS_MAIN(TestSqlTableModel)
#include "tst_sqltablemodel.moc"
