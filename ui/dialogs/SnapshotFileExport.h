#pragma once

#include "snapshotfile/SnapshotFile.h"
#include "views/OverviewData.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QProgressDialog;
class QTimer;
class QWidget;

namespace trh {

// File → Export Snapshot File…: which snapshots (the current one, or several ticked in a
// list), where to (a .trhealth file), then the export off the UI thread with a progress
// dialog and Cancel. The choices go through DialogSeam so tests need no dialog.
class SnapshotFileExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotFileExport)

public:
    SnapshotFileExport(const QString &workspace, QWidget *parent);
    ~SnapshotFileExport() override; // cancels a running export and waits for it

    // Asks for the snapshots (a list with `current` ticked, when there are several) and the
    // file, then exports. Ends with finished() (ok false and error empty: cancelled).
    void start(const std::vector<SnapshotInfo> &snapshots, qint64 current);
    // Exports ids to path without asking.
    void exportTo(const QList<qint64> &ids, const QString &path);

signals:
    void finished(bool ok, const QString &path, const QString &error);

private:
    void done();

    QWidget *m_parent;
    QString m_workspace;
    QString m_path;
    QProgressDialog *m_progress = nullptr;
    QTimer *m_poll = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<int>> m_permille = std::make_shared<std::atomic<int>>(0);
    QFutureWatcher<SnapshotFile::ExportResult> m_watcher;
};

} // namespace trh
