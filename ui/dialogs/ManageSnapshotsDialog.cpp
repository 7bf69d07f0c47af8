#include "ManageSnapshotsDialog.h"
#include "SettingsKeys.h"
#include "Theme.h"

#include "widgets/WorkProgress.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace trh {
namespace {

enum Column
{
    TakenColumn,
    StatusColumn,
    LabelColumn,
    OriginColumn,
    EndpointsColumn,
    FindingsColumn,
    SizeColumn,
    ColumnCount
};

constexpr int kIdRole = Qt::UserRole;       // on the taken column: the snapshot's id
constexpr int kSortRole = Qt::UserRole + 1; // per column: what the column sorts by
// How many dates the confirmation names before it says "and n more".
constexpr int kDatesNamed = 8;

bool isNumberColumn(int column)
{
    return column == EndpointsColumn || column == FindingsColumn || column == SizeColumn;
}

// A row that sorts by each column's value (dates and numbers, not their text), then by id.
class SnapshotItem final : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;

    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : TakenColumn;
        const QVariant a = data(column, kSortRole);
        const QVariant b = other.data(column, kSortRole);
        if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
            if (const int c = QString::localeAwareCompare(a.toString(), b.toString()); c != 0)
                return c < 0;
        } else if (a.toLongLong() != b.toLongLong()) {
            return a.toLongLong() < b.toLongLong();
        }
        return data(TakenColumn, kIdRole).toLongLong() <
               other.data(TakenColumn, kIdRole).toLongLong();
    }
};

QString takenText(const workspace::SnapshotInfo &s)
{
    return QLocale().toString(s.takenAt.toLocalTime(), QLocale::ShortFormat);
}

QString sizeText(std::int64_t bytes)
{
    return QLocale().formattedDataSize(bytes);
}

QString snapshotSizeText(const workspace::SnapshotInfo &s)
{
    return s.bytesMeasured ? sizeText(s.bytes) : QStringLiteral("≈ ") + sizeText(s.bytes);
}

} // namespace

ManageSnapshotsDialog::ManageSnapshotsDialog(const QString &workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("manageSnapshotsDialog"));
    setWindowTitle(tr("Manage Snapshots — %1").arg(QFileInfo(workspace).fileName()));
    resize(820, 400);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setText(tr("Newest first. Deleting snapshots gives their space back to the file "
                      "system; select several with Ctrl or Shift."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("snapshotTable"));
    m_table->setAccessibleName(tr("Snapshots"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Taken"), tr("Status"), tr("Label"), tr("Origin"), tr("Endpoints"),
                              tr("Findings"), tr("Size")});
    for (int column = 0; column < ColumnCount; ++column) {
        if (isNumberColumn(column))
            m_table->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_table->headerItem()->setToolTip(
        SizeColumn, tr("What the snapshot adds to the workspace file; \"≈\": estimated from its "
                       "share of the rows (imported before trhealth measured sizes)"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    m_table->header()->setSectionsMovable(false);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_table, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("manageSnapshotsError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
    m_error->hide();
    layout->addWidget(m_error);

    auto *facts = new QHBoxLayout;
    m_selection = new QLabel(this);
    m_selection->setObjectName(QStringLiteral("snapshotSelection"));
    m_fileSize = new QLabel(this);
    m_fileSize->setObjectName(QStringLiteral("workspaceFileSize"));
    m_fileSize->setToolTip(QDir::toNativeSeparators(workspace));
    facts->addWidget(m_selection, 1);
    facts->addWidget(m_fileSize);
    layout->addLayout(facts);

    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("manageSnapshotsReadOnly"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setStyleSheet(bannerStyleSheet(palette(), Tone::Warning));
    m_readOnlyNote->hide();
    layout->addWidget(m_readOnlyNote);

    // The Delete key and the table's context menu.
    m_deleteAction = new QAction(tr("&Delete…"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_deleteAction);
    connect(m_deleteAction, &QAction::triggered, this, &ManageSnapshotsDialog::deleteSelected);

    // Return presses neither button: deleting is never the default.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("manageSnapshotsCloseButton"));
    m_delete = buttons->addButton(tr("&Delete…"), QDialogButtonBox::ActionRole);
    m_delete->setObjectName(QStringLiteral("deleteSnapshotsButton"));
    m_delete->setAccessibleName(tr("Delete the selected snapshots"));
    for (QPushButton *button : {m_close, m_delete})
        button->setAutoDefault(false);
    layout->addWidget(buttons);
    connect(m_delete, &QPushButton::clicked, this, &ManageSnapshotsDialog::deleteSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &ManageSnapshotsDialog::reject);
    connect(m_table, &QTreeWidget::itemSelectionChanged, this,
            &ManageSnapshotsDialog::updateSelection);
    connect(&m_watcher, &QFutureWatcher<workspace::RemovalResult>::finished, this,
            &ManageSnapshotsDialog::removalDone);

    refresh();
    // Column widths as the user left them; the first time, as wide as the contents.
    const QSettings settings;
    if (!m_table->header()->restoreState(
            settings.value(SettingsKey::manageSnapshotsColumns()).toByteArray())) {
        // With room to breathe between the columns, and the dialog wide enough for them and
        // the labels.
        const int padding = 2 * fontMetrics().averageCharWidth() + 6;
        int labels = 0;
        for (const workspace::SnapshotInfo &s : m_snapshots)
            labels = std::max(labels, m_table->fontMetrics().horizontalAdvance(s.label));
        int wanted = std::min(labels, 360) + padding;
        for (int column = 0; column < ColumnCount; ++column) {
            if (column != LabelColumn) {
                m_table->resizeColumnToContents(column);
                m_table->setColumnWidth(column,
                                        std::min(m_table->columnWidth(column), 240) + padding);
                wanted += m_table->columnWidth(column);
            }
        }
        const QMargins margins = layout->contentsMargins();
        resize(std::clamp(wanted + margins.left() + margins.right() + 2 * m_table->frameWidth() +
                              m_table->verticalScrollBar()->sizeHint().width(),
                          640, 1200),
               height());
    }
    restoreGeometry(settings.value(SettingsKey::manageSnapshotsGeometry()).toByteArray());
    // Always newest first when it opens.
    m_table->sortByColumn(TakenColumn, Qt::DescendingOrder);
}

ManageSnapshotsDialog::~ManageSnapshotsDialog()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ManageSnapshotsDialog::refresh()
{
    m_snapshots.clear();
    QString error;
    std::int64_t fileBytes = -1;
    {
        // Opened for the listing only: no connection stays open while a removal runs.
        workspace::Workspace ws;
        const workspace::OpenResult opened = ws.open(m_workspace, workspace::OpenMode::Reading);
        if (!opened.ok()) {
            error = opened.error;
        } else {
            m_readOnly = opened.readOnly || ws.isReadOnly();
            if (auto infos = ws.snapshotInfos(&error))
                m_snapshots = std::move(*infos);
            fileBytes = ws.fileBytes();
        }
    }
    m_error->setText(error.isEmpty() ? QString()
                                     : tr("The snapshots cannot be listed: %1").arg(error));
    m_error->setVisible(!error.isEmpty());
    m_fileSize->setText(fileBytes < 0
                            ? QString()
                            : tr("Workspace file %1: %2")
                                  .arg(QFileInfo(m_workspace).fileName(), sizeText(fileBytes)));
    m_readOnlyNote->setText(
        tr("%1 is open read-only (a snapshot file, or a file that cannot be written): its "
           "snapshots are listed, but none can be deleted.")
            .arg(QFileInfo(m_workspace).fileName()));
    m_readOnlyNote->setVisible(m_readOnly);
    fillTable();
}

void ManageSnapshotsDialog::fillTable()
{
    const bool sorting = m_table->isSortingEnabled();
    m_table->setSortingEnabled(false);
    m_table->clear();
    const QLocale locale;
    const QColor quiet = palette().color(QPalette::PlaceholderText);
    for (const workspace::SnapshotInfo &s : m_snapshots) {
        auto *item = new SnapshotItem(m_table);
        item->setData(TakenColumn, kIdRole, qint64(s.id));
        auto set = [item](int column, const QString &text, const QVariant &sortKey) {
            item->setText(column, text);
            item->setData(column, kSortRole, sortKey);
            if (isNumberColumn(column))
                item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        };
        set(TakenColumn, takenText(s), s.takenAt.toMSecsSinceEpoch());
        item->setToolTip(TakenColumn,
                         tr("Snapshot %1, taken %2 UTC")
                             .arg(s.id)
                             .arg(locale.toString(s.takenAt.toUTC(), QLocale::ShortFormat)));
        set(LabelColumn, s.label, s.label);
        item->setToolTip(LabelColumn, s.label);
        set(OriginColumn, s.origin, s.origin);
        set(EndpointsColumn, locale.toString(qint64(s.endpoints)), qint64(s.endpoints));
        if (s.findings) {
            set(FindingsColumn, locale.toString(qint64(*s.findings)), qint64(*s.findings));
        } else {
            set(FindingsColumn, tr("not analysed"), qint64(-1));
            item->setForeground(FindingsColumn, quiet);
            item->setToolTip(FindingsColumn,
                             tr("Analysed the first time the snapshot is shown or reported"));
        }
        set(SizeColumn, snapshotSizeText(s), qint64(s.bytes));
        item->setToolTip(SizeColumn,
                         s.bytesMeasured
                             ? tr("%1 bytes, measured when the snapshot was imported and analysed")
                                   .arg(locale.toString(qint64(s.bytes)))
                             : tr("Estimated from the snapshot's share of the workspace's rows: "
                                  "it was imported before trhealth measured sizes"));
        if (s.complete) {
            set(StatusColumn, tr("Complete"), 1);
        } else {
            set(StatusColumn, tr("Incomplete"), 0);
            item->setIcon(StatusColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            item->setForeground(StatusColumn, toneColor(palette(), Tone::Warning));
            item->setToolTip(StatusColumn, tr("Damaged CSV rows were skipped when it was imported: "
                                              "its figures miss the endpoints of those rows"));
        }
    }
    m_table->setSortingEnabled(sorting);
    updateSelection();
}

void ManageSnapshotsDialog::updateSelection()
{
    const QList<QTreeWidgetItem *> selected = m_table->selectedItems();
    const bool canDelete = !selected.isEmpty() && !m_readOnly && !isRemoving();
    m_delete->setEnabled(canDelete);
    m_deleteAction->setEnabled(canDelete);
    if (m_snapshots.empty()) {
        m_selection->setText(m_error->isHidden() ? tr("The workspace has no snapshot.")
                                                 : QString());
        return;
    }
    if (selected.isEmpty()) {
        m_selection->setText(
            tr("%n snapshot(s), none selected.", nullptr, int(m_snapshots.size())));
        return;
    }
    qint64 bytes = 0;
    for (const QTreeWidgetItem *item : selected)
        bytes += item->data(SizeColumn, kSortRole).toLongLong();
    m_selection->setText(
        tr("%n of %1 snapshot(s) selected, about %2.", nullptr, int(selected.size()))
            .arg(m_snapshots.size())
            .arg(sizeText(bytes)));
}

void ManageSnapshotsDialog::deleteSelected()
{
    if (!m_delete->isEnabled())
        return;
    QList<qint64> ids;
    for (const QTreeWidgetItem *item : m_table->selectedItems())
        ids << item->data(TakenColumn, kIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    if (!ids.isEmpty() && confirm(ids))
        startRemoval(ids);
}

bool ManageSnapshotsDialog::confirm(const QList<qint64> &ids)
{
    // m_snapshots is oldest first: the dates are named in that order.
    QStringList dates;
    qint64 bytes = 0;
    for (const workspace::SnapshotInfo &s : m_snapshots) {
        if (!ids.contains(s.id))
            continue;
        bytes += s.bytes;
        if (dates.size() < kDatesNamed)
            dates << (s.label.isEmpty() ? takenText(s) : tr("%1 (%2)").arg(takenText(s), s.label));
    }
    const int count = int(ids.size());
    QString taken = dates.join(QStringLiteral(", "));
    if (count > dates.size())
        taken = tr("%1 and %n more", nullptr, count - int(dates.size())).arg(taken);
    QStringList details;
    details << tr("Taken %1.").arg(taken)
            << tr("About %1 goes back to the file system.").arg(sizeText(bytes))
            << tr("The notes and exceptions of endpoints found only in these snapshots are "
                  "deleted with them, and so are the checklist sign-offs of months no remaining "
                  "snapshot falls in.");
    if (count == int(m_snapshots.size()))
        details << tr("No snapshot is left: the workspace will be empty.");
    details << tr("This cannot be undone.");

    QMessageBox box(QMessageBox::Warning, tr("Delete Snapshots"),
                    tr("Delete %n snapshot(s)?", nullptr, count), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("deleteSnapshotsConfirmation"));
    box.setInformativeText(details.join(QStringLiteral("\n\n")));
    QPushButton *yes = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmDeleteButton"));
    QPushButton *no = box.addButton(QMessageBox::Cancel);
    no->setObjectName(QStringLiteral("cancelDeleteButton"));
    box.setDefaultButton(no);
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == yes;
}

void ManageSnapshotsDialog::startRemoval(const QList<qint64> &ids)
{
    m_removing = ids;
    m_cancel->store(false);
    m_progress = WorkProgress{tr("Deleting %n snapshot(s)…", nullptr, int(ids.size())),
                              tr("Delete Snapshots"),
                              QStringLiteral("removeSnapshotsProgress"),
                              tr("Deletion progress"),
                              100,
                              300}
                     .create(this);
    connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancel] { *cancel = true; });
    m_delete->setEnabled(false);
    m_deleteAction->setEnabled(false);
    m_close->setEnabled(false);
    emit removalStarted(m_progress);

    // The worker only posts its progress; the dialog outlives it (its destructor waits).
    auto last = std::make_shared<std::atomic<int>>(-1);
    auto progress = [this, cancel = m_cancel, last](int percent) {
        if (last->exchange(percent) != percent)
            QMetaObject::invokeMethod(
                this,
                [this, percent] {
                    if (m_progress)
                        m_progress->setValue(std::clamp(percent, 0, 100));
                },
                Qt::QueuedConnection);
        return !cancel->load();
    };
    m_watcher.setFuture(QtConcurrent::run([path = m_workspace, ids, progress] {
        workspace::Workspace ws;
        const workspace::OpenResult opened = ws.open(path, workspace::OpenMode::Existing);
        if (!opened.ok()) {
            workspace::RemovalResult failed;
            failed.error = opened.error;
            return failed;
        }
        return ws.removeSnapshots(ids, progress);
    }));
}

void ManageSnapshotsDialog::removalDone()
{
    m_result = m_watcher.result();
    delete m_progress;
    m_close->setEnabled(true);
    if (m_result.ok())
        refresh();
    else
        updateSelection();
    showResult();
    if (m_result.ok())
        emit snapshotsRemoved(m_removing);
    emit removalFinished();
}

void ManageSnapshotsDialog::showResult()
{
    const workspace::RemovalResult &r = m_result;
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("manageSnapshotsResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("Delete Snapshots"));
    switch (r.status) {
    case workspace::RemovalResult::Status::Removed: {
        box->setIcon(QMessageBox::Information);
        box->setText(tr("Deleted %n snapshot(s).", nullptr, r.snapshots));
        QStringList details;
        if (r.notes > 0)
            details << tr("%n note(s) and exception(s) of endpoints no remaining snapshot has "
                          "went with them.",
                          nullptr, r.notes);
        if (r.checklistMonths > 0)
            details << tr("The checklist sign-offs of %n month(s) went with their last snapshot.",
                          nullptr, r.checklistMonths);
        if (r.spaceReclaimed)
            details << tr("The workspace file went from %1 to %2.")
                           .arg(sizeText(r.fileBytesBefore), sizeText(r.fileBytesAfter));
        else
            details << tr("The workspace file stays at %1: the space freed is reused by the next "
                          "import (and given back by the next deletion).")
                           .arg(sizeText(r.fileBytesAfter));
        // Why the space could not be given back (none when that was cancelled).
        if (!r.spaceReclaimed && !r.error.isEmpty())
            details << r.error;
        box->setInformativeText(details.join(QStringLiteral("\n\n")));
        break;
    }
    case workspace::RemovalResult::Status::Cancelled:
        box->setIcon(QMessageBox::Information);
        box->setText(tr("Cancelled: nothing was changed."));
        break;
    case workspace::RemovalResult::Status::Failed:
        box->setIcon(QMessageBox::Warning);
        box->setText(tr("The snapshots could not be deleted; nothing was changed."));
        box->setInformativeText(r.error);
        break;
    }
    box->open();
}

void ManageSnapshotsDialog::reject()
{
    // Not while the removal runs: Cancel on its progress dialog stops it.
    if (!isRemoving())
        QDialog::reject();
}

void ManageSnapshotsDialog::done(int result)
{
    QSettings settings;
    settings.setValue(SettingsKey::manageSnapshotsGeometry(), saveGeometry());
    settings.setValue(SettingsKey::manageSnapshotsColumns(), m_table->header()->saveState());
    QDialog::done(result);
}

} // namespace trh
