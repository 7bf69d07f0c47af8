// Table benchmark: SqlTableModel over a million findings. Prints, for each request, the time
// to the dataChanged of the first page, the way a view sees it (the view asks for row 0 when
// the model resets), and the time until the model has every key (the exact count):
//   - setSource, sort() by a column not sorted by before (ascending, descending), sort()
//     flipping the current column's direction (no query),
//   - setSearchText() and a column filter, while sorted by endpoint,
//   - data() on a row far down (one page query by key).
//
//   trhealth-bench-table [FINDINGS]      (default 1000000) builds a synthetic workspace
//       (FINDINGS / 5 endpoints, 5 findings each) in a temporary folder;
//   trhealth-bench-table --db PATH [--snapshot N]   uses an imported fleet (upgrading its
//       schema first if needed): every finding, then the Client Health page's findings.
#include "analysis/FindingCatalog.h"
#include "analysis/FindingSearch.h"
#include "store/Database.h"
#include "store/Store.h"
#include "views/FindingsTableSpec.h"
#include "views/SqlTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace trh;

namespace {

bool buildWorkspace(const QString &path, std::int64_t findings)
{
    Database db;
    const Store::OpenResult opened = Store::open(db, path, Store::OpenMode::CreateOrUpgrade);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error));
        return false;
    }
    const std::int64_t endpoints = std::max<std::int64_t>(1, findings / 5);
    Transaction tx(db);
    QString error;
    auto run = [&](const char *sql) {
        Statement st(db, sql);
        st.bind(1, findings).bind(2, endpoints);
        if (!st.run()) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error()));
            return false;
        }
        return true;
    };
    // Codes of the catalogue (findings tables split their rows by code).
    bool ok = tx.isActive() && run("CREATE TEMP TABLE codes(n INTEGER PRIMARY KEY, code TEXT)");
    for (size_t i = 0; ok && i < findingCatalog().size(); ++i) {
        Statement st(db, "INSERT INTO temp.codes VALUES(?1, ?2)");
        st.bind(1, std::int64_t(i)).bind(2, std::string_view(findingCatalog()[i].code));
        ok = st.run();
    }
    ok = ok &&
         run("INSERT INTO snapshot(id, taken_at, imported_at) VALUES (1, "
             "'2026-11-28T09:00:00Z', '2026-11-28T10:00:00Z')") &&
         // Names in an order unrelated to the ids, as a real fleet's are.
         run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2) "
             "INSERT INTO endpoint(id, name_key, name) SELECT i, 'k' || i, "
             "printf('HOST-%07d', (i * 7919) % 1000003) FROM n") &&
         run("INSERT INTO snapshot_endpoint(snapshot_id, endpoint_id, platform, os_name) "
             "SELECT 1, id, CASE id % 3 WHEN 0 THEN 'Windows' WHEN 1 THEN 'Linux' ELSE 'Mac' "
             "END, 'OS ' || (id % 17) FROM endpoint WHERE ?1 > 0 AND ?2 > 0") &&
         run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
             "INSERT INTO finding(id, snapshot_id, endpoint_id, code, subject, detail) "
             "SELECT i, 1, (i - 1) % ?2 + 1, (SELECT code FROM temp.codes WHERE n = i % 23), "
             "'subject ' || ((i * 31) % 1009), "
             "'detail text number ' || ((i * 104729) % 1000003) FROM n") &&
         // The endpoint's name and platform, copied as the analysis copies them.
         run("UPDATE finding SET endpoint_name = (SELECT name FROM endpoint WHERE id = "
             "finding.endpoint_id), platform = (SELECT platform FROM snapshot_endpoint se WHERE "
             "se.snapshot_id = 1 AND se.endpoint_id = finding.endpoint_id) WHERE ?1 > 0 AND ?2 > "
             "0") &&
         FindingSearch::index(db, 1, &error) && tx.commit();
    if (!error.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(error));
    return ok;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

struct Timing
{
    double firstPage = -1; // ms to the dataChanged of the row asked for
    double allKeys = -1;   // ms until the model has every key (the exact count)
};

// Milliseconds from action() to the dataChanged that covers `row` (a reset makes the "view"
// ask for that row, as a QTableView would), and to the exact count.
Timing timeToRow(SqlTableModel &model, const std::function<void()> &action, int row = 0)
{
    QEventLoop loop;
    QElapsedTimer timer;
    Timing t;
    const auto onReset = QObject::connect(&model, &QAbstractItemModel::modelReset, &loop, [&] {
        if (row < model.rowCount()) {
            model.data(model.index(row, 0));
        } else if (!model.isCounting()) {
            t.firstPage = double(timer.nsecsElapsed()) / 1e6; // nothing to show: the end
            loop.quit();
        }
    });
    const auto onData = QObject::connect(
        &model, &QAbstractItemModel::dataChanged, &loop,
        [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            if (t.firstPage < 0 && topLeft.row() <= row && row <= bottomRight.row()) {
                t.firstPage = double(timer.nsecsElapsed()) / 1e6;
                loop.quit();
            }
        });
    const auto onError =
        QObject::connect(&model, &SqlTableModel::errorOccurred, &loop, [&](const QString &e) {
            std::fprintf(stderr, "error: %s\n", qPrintable(e));
            loop.quit();
        });
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    timer.start();
    action();
    if (t.firstPage < 0)
        loop.exec();
    QObject::disconnect(onReset);
    QObject::disconnect(onData);
    QObject::disconnect(onError);
    while (model.isCounting() && timer.elapsed() < 300000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    t.allKeys = double(timer.nsecsElapsed()) / 1e6;
    model.waitForIdle();
    return t;
}

void report(const char *label, const std::vector<Timing> &runs)
{
    std::vector<double> first, all;
    for (const Timing &t : runs) {
        first.push_back(t.firstPage);
        all.push_back(t.allKeys);
    }
    std::printf("%-40s first page median %7.1f ms, count median %7.1f ms   runs (first/count):",
                label, median(first), median(all));
    for (const Timing &t : runs)
        std::printf(" %.1f/%.0f", t.firstPage, t.allKeys);
    std::printf("\n");
    std::fflush(stdout);
}

// A page of the console: the findings of some code patterns, as FindingsPage shows them.
SqlTableSpec pageSpec(qint64 snapshot, const QStringList &patterns)
{
    SqlTableSpec spec = findingsSpec(snapshot);
    QStringList ors;
    for (int i = 0; i < patterns.size(); ++i) {
        ors << QStringLiteral("f.code LIKE :code%1").arg(i);
        spec.params.insert(QStringLiteral("code%1").arg(i), patterns[i]);
    }
    spec.where += QStringLiteral(" AND (") + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    setCodePartitions(spec, patterns);
    return spec;
}

void benchSpec(const QString &path, const SqlTableSpec &spec, const QStringList &searches,
               const QStringList &subjectFilters)
{
    SqlTableModel model;
    report("setSource -> first page", {timeToRow(model, [&] { model.setSource(path, spec); })});
    std::printf("rows: %d\n", model.rowCount());

    // Each sort is by a column other than the current one, so each runs a query.
    const int columns[] = {int(FindingsColumn::Endpoint), int(FindingsColumn::Detail),
                           int(FindingsColumn::Subject), int(FindingsColumn::Platform),
                           int(FindingsColumn::Finding)};
    std::vector<Timing> runs;
    for (const int c : columns)
        runs.push_back(timeToRow(model, [&] { model.sort(c, Qt::AscendingOrder); }));
    report("sort by another column", runs);
    runs.clear();
    for (const int c : columns)
        runs.push_back(timeToRow(model, [&] { model.sort(c, Qt::DescendingOrder); }));
    report("sort by another column, descending", runs);

    runs.clear();
    for (int i = 0; i < 5; ++i) {
        const Qt::SortOrder order = i % 2 == 0 ? Qt::AscendingOrder : Qt::DescendingOrder;
        runs.push_back(timeToRow(model, [&] { model.sort(int(FindingsColumn::Finding), order); }));
    }
    report("flip sort direction", runs);

    // Searches and filters while sorted by endpoint, as a page is.
    model.sort(int(FindingsColumn::Endpoint), Qt::AscendingOrder);
    model.waitForIdle(300000);
    runs.clear();
    for (const QString &text : searches) {
        runs.push_back(timeToRow(model, [&] { model.setSearchText(text); }));
        std::printf("  search \"%s\": %d rows\n", qPrintable(text), model.rowCount());
    }
    report("search", runs);
    model.setSearchText({});
    model.waitForIdle(300000);
    runs.clear();
    for (const QString &text : subjectFilters) {
        runs.push_back(
            timeToRow(model, [&] { model.setColumnFilter(int(FindingsColumn::Detail), text); }));
        std::printf("  Detail filter \"%s\": %d rows\n", qPrintable(text), model.rowCount());
    }
    report("column filter (Detail)", runs);
    model.setColumnFilter(int(FindingsColumn::Detail), {});
    model.waitForIdle(300000);

    runs.clear();
    const int rows = model.rowCount();
    for (int i = 0; i < 5; ++i) {
        const int row = int(qint64(rows - 1) * (i + 1) / 6);
        runs.push_back(timeToRow(
            model, [&] { model.data(model.index(row, 0)); }, row));
    }
    report("page far down", runs);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    QTemporaryDir dir;
    QString path;
    qint64 snapshot = 1;
    if (args.value(0) == QLatin1String("--db")) {
        // An existing workspace, e.g. an imported fleet (bench/analysis_bench.sh --keep).
        path = args.value(1);
        if (args.value(2) == QLatin1String("--snapshot"))
            snapshot = args.value(3).toLongLong();
        Database db;
        if (path.isEmpty() ||
            !Store::open(db, path, Store::OpenMode::CreateOrUpgrade).ok()) // may migrate
            return 1;
        std::printf("workspace: %s, snapshot %lld, %lld findings\n", qPrintable(path),
                    static_cast<long long>(snapshot),
                    static_cast<long long>(
                        db.scalarInt("SELECT count(*) FROM finding WHERE snapshot_id = " +
                                     std::to_string(snapshot))
                            .value_or(-1)));
        std::printf("\n== every finding of the snapshot ==\n");
        benchSpec(path, findingsSpec(snapshot),
                  {QStringLiteral("wks-01234"), QStringLiteral("wks-0123"),
                   QStringLiteral("stalled"), QStringLiteral("cpu cores"),
                   QStringLiteral("no-such-text")},
                  {QStringLiteral("fewer than"), QStringLiteral("3600 sec"),
                   QStringLiteral("no-such-text")});
        std::printf("\n== Client Health page (health.%%, coverage.%%) ==\n");
        benchSpec(
            path, pageSpec(snapshot, {QStringLiteral("health.%"), QStringLiteral("coverage.%")}),
            {QStringLiteral("wks-01234"), QStringLiteral("wks-0123"), QStringLiteral("stalled"),
             QStringLiteral("threatresponse"), QStringLiteral("no-such-text")},
            {QStringLiteral("stalled"), QStringLiteral("no-such-text")});
        return 0;
    }
    const std::int64_t findings = args.isEmpty() ? 1000000 : args.first().toLongLong();
    if (findings <= 0) {
        std::fprintf(stderr, "usage: trhealth-bench-table [FINDINGS | --db PATH [--snapshot N]]\n");
        return 1;
    }
    path = dir.filePath(QStringLiteral("table.trdb"));
    QElapsedTimer build;
    build.start();
    if (!dir.isValid() || !buildWorkspace(path, findings))
        return 3;
    std::printf("workspace: %lld findings, built in %.1f s\n", static_cast<long long>(findings),
                double(build.elapsed()) / 1000);
    benchSpec(path, findingsSpec(1),
              {QStringLiteral("host-00012"), QStringLiteral("service_not"),
               QStringLiteral("subject 42"), QStringLiteral("number 99"), QStringLiteral("linux")},
              {QStringLiteral("number 12345"), QStringLiteral("number 9"),
               QStringLiteral("no-such-text")});
    return 0;
}
