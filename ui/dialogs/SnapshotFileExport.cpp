#include "SnapshotFileExport.h"
#include "SettingsKeys.h"

#include "DialogSeam.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace trh {
namespace {

// A list of the workspace's snapshots to tick; `current` starts ticked.
QList<qint64> chooseSnapshots(QWidget *parent, const std::vector<SnapshotInfo> &snapshots,
                              qint64 current)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("snapshotChoiceDialog"));
    dialog.setWindowTitle(SnapshotFileExport::tr("Export Snapshot File"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(
        SnapshotFileExport::tr("Snapshots to put in the file (with their findings, notes, "
                               "checklist and import reports):")));
    auto *list = new QListWidget;
    list->setAccessibleName(SnapshotFileExport::tr("Snapshots"));
    for (const SnapshotInfo &s : snapshots) {
        const QString when = QLocale().toString(
            QDateTime::fromString(s.takenAt, Qt::ISODate).toLocalTime(), QLocale::ShortFormat);
        auto *item = new QListWidgetItem(
            s.label.isEmpty() ? when : QStringLiteral("%1 — %2").arg(when, s.label), list);
        item->setData(Qt::UserRole, s.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(s.id == current ? Qt::Checked : Qt::Unchecked);
    }
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(SnapshotFileExport::tr("Export…"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    // Nothing ticked: nothing to export.
    QObject::connect(list, &QListWidget::itemChanged, buttons, [list, buttons] {
        bool any = false;
        for (int i = 0; i < list->count(); ++i)
            any = any || list->item(i)->checkState() == Qt::Checked;
        buttons->button(QDialogButtonBox::Ok)->setEnabled(any);
    });
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QList<qint64> ids;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids << list->item(i)->data(Qt::UserRole).toLongLong();
    }
    return ids;
}

} // namespace

SnapshotFileExport::SnapshotFileExport(const QString &workspace, QWidget *parent)
    : QObject(parent), m_parent(parent), m_workspace(workspace)
{
    connect(&m_watcher, &QFutureWatcher<SnapshotFile::ExportResult>::finished, this,
            &SnapshotFileExport::done);
}

SnapshotFileExport::~SnapshotFileExport()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

void SnapshotFileExport::start(const std::vector<SnapshotInfo> &snapshots, qint64 current)
{
    QList<qint64> ids = DialogSeam::takeNextSnapshotChoice();
    if (ids.isEmpty())
        ids = snapshots.size() > 1 ? chooseSnapshots(m_parent, snapshots, current)
                                   : QList<qint64>{current};
    if (ids.isEmpty()) {
        emit finished(false, QString(), QString());
        return;
    }
    QSettings settings;
    QString path =
        DialogSeam::getSaveFileName(m_parent, tr("Export Snapshot File"),
                                    settings.value(SettingsKey::lastDirectory()).toString(),
                                    tr("trhealth snapshot files (*.trhealth)"));
    if (path.isEmpty()) {
        emit finished(false, QString(), QString());
        return;
    }
    // The suffix is what makes the file open read-only.
    if (QFileInfo(path).suffix().compare(QLatin1String("trhealth"), Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".trhealth");
    exportTo(ids, path);
}

void SnapshotFileExport::exportTo(const QList<qint64> &ids, const QString &path)
{
    m_path = path;
    m_cancel->store(false);
    m_permille->store(0);
    m_progress = new QProgressDialog(tr("Exporting %n snapshot(s) to %1…", nullptr, int(ids.size()))
                                         .arg(QFileInfo(path).fileName()),
                                     tr("Cancel"), 0, 1000, m_parent);
    m_progress->setObjectName(QStringLiteral("snapshotExportProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancel] { *cancel = true; });
    // The export thread only stores its progress; the UI thread shows it.
    m_poll = new QTimer(this);
    connect(m_poll, &QTimer::timeout, this, [this] { m_progress->setValue(m_permille->load()); });
    m_poll->start(100);
    m_watcher.setFuture(QtConcurrent::run(
        [workspace = m_workspace, ids, path, cancel = m_cancel, permille = m_permille] {
            return SnapshotFile::exportSnapshots(workspace, ids, path, [&](int value) {
                permille->store(value);
                return !cancel->load();
            });
        }));
}

void SnapshotFileExport::done()
{
    m_poll->stop();
    m_progress->deleteLater();
    m_progress = nullptr;
    const SnapshotFile::ExportResult r = m_watcher.result();
    if (!r.ok && !r.cancelled) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Snapshot File"), r.error,
                                    QMessageBox::Ok, m_parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit finished(r.ok, m_path, r.ok ? QString() : r.error);
}

} // namespace trh
