// Table benchmark: builds a workspace with 1,000,000 findings (200,000 endpoints, 5 findings
// each) in a temporary folder, shows them in a SqlTableModel (findingsSpec) and prints, as the
// median of 5 runs each, the time from a request to the dataChanged of the first page, the
// way a view sees it (the view asks for row 0 when the model resets):
//   - sort() by a column the table was not sorted by (a full SQL sort),
//   - sort() flipping the direction of the current column (no query),
//   - setSearchText() with a new text (a full SQL scan),
//   - data() on a row far down (one page query by key).
//
//   trhealth-bench-table [FINDINGS]      (default 1000000)
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
    const bool ok =
        tx.isActive() &&
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
            "SELECT i, 1, (i - 1) % ?2 + 1, 'code_' || (i % 23), 'subject ' || ((i * 31) % 1009), "
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

// Milliseconds from action() to the dataChanged that covers `row`; a reset makes the
// "view" ask for that row, as a QTableView would.
double timeToRow(SqlTableModel &model, const std::function<void()> &action, int row = 0)
{
    QEventLoop loop;
    QElapsedTimer timer;
    double ms = -1;
    const auto onReset = QObject::connect(&model, &QAbstractItemModel::modelReset, &loop, [&] {
        if (row < model.rowCount()) {
            model.data(model.index(row, 0));
        } else {
            ms = double(timer.nsecsElapsed()) / 1e6; // nothing to show: the reset is the end
            loop.quit();
        }
    });
    const auto onData =
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &loop,
                         [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                             if (ms < 0 && topLeft.row() <= row && row <= bottomRight.row()) {
                                 ms = double(timer.nsecsElapsed()) / 1e6;
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
    if (ms < 0)
        loop.exec();
    QObject::disconnect(onReset);
    QObject::disconnect(onData);
    QObject::disconnect(onError);
    model.waitForIdle();
    return ms;
}

void report(const char *label, const std::vector<double> &runs)
{
    std::printf("%-44s median %8.1f ms   runs:", label, median(runs));
    for (const double r : runs)
        std::printf(" %.1f", r);
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::int64_t findings = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    if (findings <= 0) {
        std::fprintf(stderr, "usage: trhealth-bench-table [FINDINGS]\n");
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("table.trdb"));
    QElapsedTimer build;
    build.start();
    if (!dir.isValid() || !buildWorkspace(path, findings))
        return 3;
    std::printf("workspace: %lld findings, built in %.1f s\n", static_cast<long long>(findings),
                double(build.elapsed()) / 1000);

    SqlTableModel model;
    const SqlTableSpec spec = findingsSpec(1);
    report("setSource -> first page", {timeToRow(model, [&] { model.setSource(path, spec); })});
    std::printf("rows: %d\n", model.rowCount());

    // Each sort is by a column other than the current one, so each runs the SQL sort.
    const int columns[] = {int(FindingsColumn::Endpoint), int(FindingsColumn::Detail),
                           int(FindingsColumn::Subject), int(FindingsColumn::Platform),
                           int(FindingsColumn::Finding)};
    std::vector<double> runs;
    for (const int c : columns)
        runs.push_back(timeToRow(model, [&] { model.sort(c, Qt::AscendingOrder); }));
    report("sort by another column -> first page", runs);

    runs.clear();
    for (int i = 0; i < 5; ++i) {
        const Qt::SortOrder order = i % 2 == 0 ? Qt::DescendingOrder : Qt::AscendingOrder;
        runs.push_back(timeToRow(model, [&] { model.sort(int(FindingsColumn::Finding), order); }));
    }
    report("flip sort direction -> first page", runs);

    model.sort(-1, Qt::AscendingOrder);
    model.waitForIdle(300000);
    runs.clear();
    const char *texts[] = {"host-00012", "code_7", "subject 42", "number 99", "linux"};
    for (const char *text : texts) {
        runs.push_back(timeToRow(model, [&] { model.setSearchText(QString::fromUtf8(text)); }));
        std::printf("  search \"%s\": %d rows\n", text, model.rowCount());
    }
    report("search -> first page", runs);

    model.setSearchText({});
    model.waitForIdle(300000);
    runs.clear();
    for (int i = 0; i < 5; ++i) {
        const int row = int((findings - 1) * (i + 1) / 6);
        runs.push_back(timeToRow(
            model, [&] { model.data(model.index(row, 0)); }, row));
    }
    report("page far down -> dataChanged", runs);
    return 0;
}
