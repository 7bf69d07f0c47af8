#include "DemoBuilder.h"

#include "core/AtomicFile.h"
#include "widgets/WorkProgress.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QProgressDialog>
#include <QWidget>
#include <QtConcurrent>

namespace trh {

DemoBuilder::DemoBuilder(const QString &path, QWidget *parent)
    : QObject(parent), m_path(path), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_partial = std::make_unique<AtomicFile>(path);
    if (!m_partial->open(QIODevice::WriteOnly)) {
        const QString why = tr("Cannot create %1: %2")
                                .arg(QDir::toNativeSeparators(path), m_partial->errorString());
        QMetaObject::invokeMethod(
            this,
            [this, why] {
                emit failed(why);
                deleteLater();
            },
            Qt::QueuedConnection);
        return;
    }
    m_partial->close(); // SQLite writes it by name

    m_progress = WorkProgress{tr("Building the demo fleet…"), tr("Demo Fleet"),
                              QStringLiteral("demoProgress"), tr("Demo fleet progress")}
                     .create(parent);
    connect(m_progress, &QProgressDialog::canceled, this, &DemoBuilder::cancel);

    connect(&m_watcher, &QFutureWatcher<workspace::DemoResult>::finished, this,
            &DemoBuilder::finished);
    QPointer<DemoBuilder> self(this);
    workspace::DemoOptions options;
    auto cancelFlag = m_cancel;
    auto last = std::make_shared<std::atomic<int>>(-1);
    options.progress = [cancelFlag, last, self](int permille) {
        if (last->exchange(permille) != permille)
            QMetaObject::invokeMethod(
                self.data(),
                [self, permille] {
                    if (self && self->m_progress)
                        self->m_progress->setValue(permille);
                },
                Qt::QueuedConnection);
        return !cancelFlag->load();
    };
    m_watcher.setFuture(QtConcurrent::run([file = m_partial->fileName(), options] {
        workspace::Workspace ws;
        const workspace::OpenResult open = ws.open(file, workspace::OpenMode::CreateOrUpgrade);
        if (!open.ok()) {
            workspace::DemoResult failed;
            failed.status = workspace::DemoResult::Status::Failed;
            failed.error = open.error;
            return failed;
        }
        return ws.buildDemo(options);
    }));
}

DemoBuilder::~DemoBuilder()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
    delete m_progress;
}

void DemoBuilder::cancel()
{
    m_cancel->store(true);
    if (m_progress)
        m_progress->setLabelText(tr("Cancelling…"));
}

void DemoBuilder::finished()
{
    const workspace::DemoResult result = m_watcher.result();
    delete m_progress;
    if (result.ok() && !m_partial->commit())
        emit failed(tr("Cannot write %1: %2")
                        .arg(QDir::toNativeSeparators(m_path), m_partial->errorString()));
    else if (result.ok())
        emit built(m_path);
    else if (result.status == workspace::DemoResult::Status::Cancelled)
        emit cancelled();
    else
        emit failed(result.error);
    m_partial.reset(); // an uncommitted file goes with it
    deleteLater();
}

} // namespace trh
