#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace trh {
class Database;
}

namespace trh::workspace {

// The demo fleet (demo/DemoFleet) as a workspace: its four monthly snapshots written as export
// files and imported one after the other. One use case for the CLI's `demo` and the console's
// Open the Demo Fleet, which runs it on a worker thread.
struct DemoOptions
{
    int endpoints = 5000;
    QString keepFilesDir; // empty: the export files go to a temporary folder
    // Called now and then with progress (0…1000); return false to cancel. Any thread.
    std::function<bool(int permille)> progress;
};

struct DemoResult
{
    enum class Status
    {
        Ok,
        NotEmpty, // the workspace already has snapshots
        Cancelled,
        Failed
    };
    Status status = Status::Ok;
    QString error;
    QStringList snapshots; // "snapshot 1: <label> — 7 files imported", one a snapshot
    bool ok() const { return status == Status::Ok; }
};

// Builds the demo into db, an open workspace without snapshots.
DemoResult buildDemo(Database &db, const DemoOptions &options);

// The console's demo workspace: <data folder>/demo.trdb.
QString demoWorkspacePath();

} // namespace trh::workspace
