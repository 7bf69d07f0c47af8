#pragma once

#include "workspace/DemoWorkspace.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace trh {

class AtomicFile;

// Builds the console's demo workspace (workspace::buildDemo) on a worker thread, with a
// window-modal progress dialog and Cancel. The workspace is built under a temporary name and
// renamed into place only when whole, so a cancelled, failed or killed build leaves no half
// demo to be opened next time. Deletes itself when done.
class DemoBuilder : public QObject
{
    Q_OBJECT
public:
    // Starts building into path for the window parent.
    DemoBuilder(const QString &path, QWidget *parent);
    ~DemoBuilder() override; // cancels and waits for the worker

    void cancel();

signals:
    void built(const QString &path);
    void failed(const QString &error);
    void cancelled();

private:
    void finished();

    QString m_path;
    std::unique_ptr<AtomicFile> m_partial;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QPointer<QProgressDialog> m_progress;
    QFutureWatcher<workspace::DemoResult> m_watcher;
};

} // namespace trh
