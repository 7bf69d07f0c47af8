#pragma once

#include "workspace/Workspace.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QPointer>

#include <atomic>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QProgressDialog;
class QPushButton;
class QTreeWidget;

namespace trh {

// File → Manage Snapshots…: every snapshot of the workspace, newest first, with its size;
// the selected ones are deleted after a confirmation, on a worker thread with progress and
// Cancel, and their space is given back to the file system. The dialog reads the workspace
// through a Workspace of its own; the removal opens another on the worker (a Workspace stays
// on the thread that opened it). A read-only workspace is listed only.
class ManageSnapshotsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManageSnapshotsDialog)

public:
    explicit ManageSnapshotsDialog(const QString &workspace, QWidget *parent = nullptr);
    ~ManageSnapshotsDialog() override; // cancels a running removal and waits for it

    // Reads the snapshots and the file's size again.
    void refresh();
    // What Delete… and the Delete key do: asks, then removes the selected snapshots.
    void deleteSelected();
    bool isRemoving() const { return m_watcher.isRunning(); }
    bool isReadOnly() const { return m_readOnly; }
    const std::vector<workspace::SnapshotInfo> &snapshots() const { return m_snapshots; }
    // The last removal's outcome (Failed with no error before the first one).
    const workspace::RemovalResult &lastResult() const { return m_result; }

signals:
    // The confirmed removal begins: its progress dialog is up, the worker not started yet.
    void removalStarted(QProgressDialog *progress);
    // Snapshots were removed from the workspace (the window showing it reloads).
    void snapshotsRemoved(const QList<qint64> &ids);
    // A removal ended (removed, cancelled or failed); its message is showing.
    void removalFinished();

public slots:
    void reject() override;

protected:
    void done(int result) override;

private:
    void fillTable();
    void updateSelection();
    bool confirm(const QList<qint64> &ids);
    void startRemoval(const QList<qint64> &ids);
    void removalDone();
    void showResult();

    QString m_workspace;
    bool m_readOnly = false;
    std::vector<workspace::SnapshotInfo> m_snapshots; // oldest first, as the workspace lists them
    // The removal running or last run: its snapshots, Cancel, progress dialog and outcome.
    QList<qint64> m_removing;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<QProgressDialog> m_progress;
    QFutureWatcher<workspace::RemovalResult> m_watcher;
    workspace::RemovalResult m_result;

    QTreeWidget *m_table = nullptr;
    QLabel *m_error = nullptr;     // the listing failed
    QLabel *m_selection = nullptr; // how many, and their size
    QLabel *m_fileSize = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    QPushButton *m_delete = nullptr, *m_close = nullptr;
    QAction *m_deleteAction = nullptr;
};

} // namespace trh
