// Overview benchmark: how long a user waits for the overview of a large snapshot.
//   - loadOverview(): opening the workspace file and reading everything the overview shows
//     (OverviewData: the stored summary, its explanations, the previous snapshot's), as the
//     window does on its worker thread;
//   - the real MainWindow (offscreen): from openWorkspace() to overviewLoaded and to the
//     first paint of the OverviewPage, with the findings pages set up behind it.
// The snapshot must have been analysed (imports analyse; otherwise the first run includes
// the analysis, printed separately as "first load").
//
//   QT_QPA_PLATFORM=offscreen trhealth-bench-overview WORKSPACE [RUNS]   (default 5 runs)
#include "MainWindow.h"
#include "views/OverviewData.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace trh;

namespace {

void report(const char *label, std::vector<double> runs)
{
    std::vector<double> sorted = runs;
    std::sort(sorted.begin(), sorted.end());
    std::printf("%-44s median %8.1f ms   runs:", label, sorted[sorted.size() / 2]);
    for (const double r : runs)
        std::printf(" %.1f", r);
    std::printf("\n");
    std::fflush(stdout);
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    const QStringList args = app.arguments().mid(1);
    const QString path = args.value(0);
    const int runs = std::max(1, args.value(1, QStringLiteral("5")).toInt());
    if (path.isEmpty()) {
        std::fprintf(stderr, "usage: trhealth-bench-overview WORKSPACE [RUNS]\n");
        return 1;
    }

    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const OverviewData data = loadOverview(path, 0, -1);
        times.push_back(ms(timer));
        if (!data.error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(data.error));
            return 2;
        }
        if (i == 0)
            std::printf("snapshot %lld: %lld endpoints\n", static_cast<long long>(data.snapshotId),
                        static_cast<long long>(data.summary.endpoints.total.value_or(-1)));
    }
    std::printf("first load: %.1f ms\n", times.front());
    report("loadOverview() (open file -> OverviewData)", times);

    std::vector<double> loaded, painted;
    for (int i = 0; i < runs; ++i) {
        MainWindow window;
        window.resize(1280, 860);
        window.show();
        QSignalSpy done(&window, &MainWindow::overviewLoaded);
        QElapsedTimer timer;
        timer.start();
        window.openWorkspace(path);
        if (!done.wait(300000))
            return 3;
        loaded.push_back(ms(timer));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QWidget *page = pages ? pages->currentWidget() : nullptr;
        if (!page || page->objectName() != QLatin1String("overviewPage")) {
            std::fprintf(stderr, "the overview page is not shown\n");
            return 4;
        }
        page->grab(); // paints the page, charts included
        painted.push_back(ms(timer));
    }
    report("MainWindow: openWorkspace -> overviewLoaded", loaded);
    report("MainWindow: openWorkspace -> overview painted", painted);
    return 0;
}
