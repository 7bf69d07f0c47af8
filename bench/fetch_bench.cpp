// Fetch benchmark: writes the latest demo-fleet snapshot of N endpoints as export files,
// imports them (the baseline), then fetches the same data from the test suite's fake Tanium
// server on 127.0.0.1 over the REST path and the API Gateway path, and prints the wall time
// of each. The fake server runs in this process on its own thread and builds its JSON answers
// with QJsonDocument, so its work is part of the fetch figures (on the same cores).
//
//   trhealth-bench-fetch [ENDPOINTS]           (default 20000)
//   trhealth-bench-fetch ENDPOINTS --serve     only serve the fleet (prints the URL and the
//                                              token) until killed, to measure trhealth-cli
//                                              fetch as a process of its own
#include "FakeTaniumServer.h"
#include "demo/DemoFleet.h"
#include "fetch/Fetcher.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace trh;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int endpoints = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20000;
    QTemporaryDir dir;
    const QString fleet = dir.filePath(QStringLiteral("fleet"));
    QString error;
    const DemoSnapshotFiles files = DemoFleet(endpoints).writeSnapshot(3, fleet, &error);
    if (files.files.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QStringList paths;
    qint64 bytes = 0;
    for (const QString &f : files.files) {
        if (QFileInfo(f).fileName().contains(QLatin1String("profiles"))) {
            QFile::remove(f); // no fetch path for profiles: left out of both sides
            continue;
        }
        paths << f;
        bytes += QFileInfo(f).size();
    }
    std::printf("fleet: %d endpoints, %lld export files of %.1f MB\n",
                DemoFleet(endpoints).endpointCount(3), static_cast<long long>(paths.size()),
                double(bytes) / 1e6);

    {
        Database db;
        Store::open(db, dir.filePath(QStringLiteral("import.db")),
                    Store::OpenMode::CreateOrUpgrade);
        QElapsedTimer t;
        t.start();
        const ImportResult r = workspace::importFiles(db, paths);
        std::printf("import of the export files: %.2f s%s\n", double(t.elapsed()) / 1000.0,
                    r.ok() ? "" : " (FAILED)");
    }

    test::FakeTaniumServer server(fleet);
    test::FakeTaniumServer::Options options;
    if (!server.start(options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    if (argc > 2 && QLatin1String(argv[2]) == QLatin1String("--serve")) {
        std::printf("serving %s with token %s\n", qPrintable(server.url().toString()),
                    options.token.constData());
        std::fflush(stdout);
        return app.exec();
    }
    for (const fetch::Source source : {fetch::Source::Rest, fetch::Source::Gateway}) {
        fetch::Fetcher fetcher(
            dir.filePath(QStringLiteral("fetch-%1.db").arg(fetch::Connection::sourceName(source))));
        fetch::FetchTuning tuning;
        tuning.pollIntervalMilliseconds = 10;
        fetcher.setTuning(tuning);
        fetch::FetchOptions o;
        o.connection.server = server.url();
        o.connection.source = source;
        o.token = options.token;
        o.alertMonths = 1200;
        fetch::FetchResult result;
        QEventLoop loop;
        QObject::connect(&fetcher, &fetch::Fetcher::finished, &loop,
                         [&](const fetch::FetchResult &r) {
                             result = r;
                             loop.quit();
                         });
        fetcher.start(o);
        loop.exec();
        qint64 fetched = 0;
        int pages = 0;
        for (const fetch::QuestionStat &q : result.questions) {
            fetched += q.bytes;
            pages += q.pages;
        }
        std::printf("fetch over %s (pages of %d): %.2f s, %d requests' pages, %.1f MB "
                    "received%s\n",
                    qPrintable(fetch::Connection::sourceName(source)), tuning.pageRows,
                    double(result.elapsedMs) / 1000.0, pages, double(fetched) / 1e6,
                    result.ok ? "" : qPrintable(QStringLiteral(" (FAILED: %1)").arg(result.error)));
    }
    return 0;
}
