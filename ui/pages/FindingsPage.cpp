#include "FindingsPage.h"
#include "SettingsKeys.h"
#include "widgets/ColumnFilterBar.h"

#include "DialogSeam.h"
#include "analysis/FindingCatalog.h"
#include "analysis/Guidance.h"
#include "dialogs/NoteDialog.h"
#include "views/FindingsTableSpec.h"
#include "views/SqlTableModel.h"
#include "views/TableExport.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace trh {

namespace {

bool s_autoConfirmDelete = false;

} // namespace

void FindingsPage::setAutoConfirmDelete(bool on)
{
    s_autoConfirmDelete = on;
}

FindingsPage::FindingsPage(const QString &objectName, const QString &title,
                           const QStringList &codes, QWidget *parent)
    : QWidget(parent), m_codes(codes)
{
    setObjectName(objectName);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_title = new QLabel(title, this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    bar->addWidget(m_title);
    bar->addStretch();
    m_codeFilter = new QComboBox(this);
    m_codeFilter->setObjectName(objectName + QStringLiteral(".codeFilter"));
    m_codeFilter->setAccessibleName(tr("Finding"));
    m_codeFilter->addItem(tr("All findings on this page"), QString());
    for (const FindingKind &k : findingCatalog()) {
        const QString code = QString::fromLatin1(k.code);
        for (const QString &pattern : codes) {
            if (pattern.endsWith(QLatin1Char('%')) ? code.startsWith(pattern.chopped(1))
                                                   : code == pattern) {
                m_codeFilter->addItem(QCoreApplication::translate("Finding", k.title), code);
                break;
            }
        }
    }
    bar->addWidget(m_codeFilter);
    m_search = new QLineEdit(this);
    m_search->setObjectName(objectName + QStringLiteral(".search"));
    m_search->setPlaceholderText(tr("Search endpoints, subjects, details…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->setMinimumWidth(260);
    bar->addWidget(m_search);
    m_exportAction = new QAction(tr("Export…"), this);
    m_exportAction->setObjectName(objectName + QStringLiteral(".exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportAction->setToolTip(tr("Export every row of the table, as filtered, to CSV or Excel"));
    addAction(m_exportAction);
    connect(m_exportAction, &QAction::triggered, this, &FindingsPage::exportTable);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(objectName + QStringLiteral(".export"));
    exportButton->setAccessibleName(tr("Export the table"));
    exportButton->setDefaultAction(m_exportAction);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(exportButton);
    m_addNoteAction = new QAction(tr("Add Note…"), this);
    m_addNoteAction->setObjectName(objectName + QStringLiteral(".addNote"));
    m_addNoteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_addNoteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_addNoteAction->setToolTip(addNoteToolTip());
    m_addNoteAction->setEnabled(false);
    addAction(m_addNoteAction);
    connect(m_addNoteAction, &QAction::triggered, this, &FindingsPage::addNote);
    auto *noteButton = new QToolButton(this);
    noteButton->setObjectName(objectName + QStringLiteral(".addNoteButton"));
    noteButton->setAccessibleName(tr("Add a note to the selected finding"));
    noteButton->setDefaultAction(m_addNoteAction);
    noteButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(noteButton);
    layout->addLayout(bar);
    m_count = new QLabel(this);
    m_count->setObjectName(objectName + QStringLiteral(".count"));
    layout->addWidget(m_count);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *tableBox = new QWidget(split);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    m_view = new QTableView(tableBox);
    m_view->setObjectName(objectName + QStringLiteral(".table"));
    m_view->setAccessibleName(title);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    // One line per row: a wrapped host name ("k8s-" / "node-001.corp…") would show only its
    // first part; unwrapped it is elided at the end and whole in the details pane.
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_model = new SqlTableModel(this);
    m_view->setModel(m_model);
    m_filters = new ColumnFilterBar(m_view, tableBox);
    m_filters->setObjectName(objectName + QStringLiteral(".filter"));
    m_filters->setAccessibleName(tr("Column filters"));
    connect(m_filters, &ColumnFilterBar::filterChanged, m_model, &SqlTableModel::setColumnFilter);
    tableLayout->addWidget(m_filters);
    tableLayout->addWidget(m_view, 1);
    m_filtersAction = new QAction(tr("Column Filters"), this);
    m_filtersAction->setObjectName(objectName + QStringLiteral(".filtersAction"));
    m_filtersAction->setCheckable(true);
    m_filtersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_filtersAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_filtersAction->setToolTip(tr("Show a filter box above each column"));
    addAction(m_filtersAction);
    connect(m_filtersAction, &QAction::toggled, this, [this](bool on) {
        // Hidden filters must not keep narrowing the table unseen.
        if (!on)
            m_filters->clear();
        m_filters->setVisible(on);
        if (on && m_filters->edit(0))
            m_filters->edit(0)->setFocus();
        QSettings().setValue(SettingsKey::columnFilters(), on);
    });
    const bool filtersOn = QSettings().value(SettingsKey::columnFilters(), true).toBool();
    m_filtersAction->setChecked(filtersOn);
    m_filters->setVisible(filtersOn);
    auto *filtersButton = new QToolButton(this);
    filtersButton->setObjectName(objectName + QStringLiteral(".filtersButton"));
    filtersButton->setAccessibleName(tr("Show or hide the column filters"));
    filtersButton->setDefaultAction(m_filtersAction);
    filtersButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->insertWidget(bar->indexOf(m_search) + 1, filtersButton);
    // Ctrl+F goes to the search box.
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_copyAction = new QAction(tr("Copy"), m_view);
    m_copyAction->setObjectName(objectName + QStringLiteral(".copy"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_copyAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copyAction, &QAction::triggered, this, &FindingsPage::copySelection);
    m_details = new QTextBrowser(split);
    m_details->setObjectName(objectName + QStringLiteral(".details"));
    m_details->setAccessibleName(tr("Details of the selected endpoint"));
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(
        tr("Select a row to see the endpoint's answers, findings and how to fix them."));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    // Typing restarts the timer: the query runs when the user pauses.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this,
            [this] { m_model->setSearchText(m_search->text()); });
    connect(m_codeFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_pattern = m_codeFilter->currentData().toString();
        reload();
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_model->columnCount() >= 5) {
            m_widths.clear();
            for (int c = 0; c < 5; ++c)
                m_widths << m_view->columnWidth(c);
        }
    });
    // The first page may come before the count: rows are then appended when it is known.
    auto showCount = [this] {
        m_count->setText(m_model->isCounting()
                             ? tr("Counting findings… (%n so far)", nullptr, m_model->rowCount())
                             : tr("%n finding(s)", nullptr, m_model->rowCount()));
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, showCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, showCount] {
        m_filters->syncColumns();
        showCount();
        // A reset makes the header forget its section sizes: put back the user's (or the
        // defaults the first time) once the header has taken in the columns.
        QTimer::singleShot(0, this, [this] {
            const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
            const int defaults[] = {14 * em, 7 * em, 16 * em, 10 * em, 48 * em};
            for (int c = 0; c < 5 && c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, c < m_widths.size() ? m_widths[c] : defaults[c]);
        });
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FindingsPage::showDetails);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QString scheme = url.scheme();
        if (scheme == QLatin1String("guidance")) {
            emit guidanceRequested(url.path());
            return;
        }
        bool ok = false;
        const qint64 id = url.path().toLongLong(&ok);
        if (!ok || id <= 0)
            return;
        if (!m_readOnlyReason.isEmpty())
            return;
        if (scheme == QLatin1String("note-edit"))
            editNote(id);
        else if (scheme == QLatin1String("note-delete"))
            deleteNote(id);
    });
}

FindingsPage::~FindingsPage()
{
    if (m_exporting) {
        m_cancelExport->store(true);
        m_export.waitForFinished();
    }
}

void FindingsPage::exportTable()
{
    if (m_exporting || !m_model->rowQuery().error.isEmpty())
        return;
    const QString csvFilter = tr("CSV (*.csv)");
    const QString xlsxFilter = tr("Excel workbook (*.xlsx)");
    QString path = DialogSeam::takeNextSaveFileName();
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QString selected = csvFilter;
        path = QFileDialog::getSaveFileName(
            this, tr("Export Table"), QDir(dir).filePath(objectName() + QStringLiteral(".csv")),
            csvFilter + QStringLiteral(";;") + xlsxFilter, &selected);
        if (path.isEmpty())
            return;
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix != QLatin1String("csv") && suffix != QLatin1String("xlsx"))
            path += selected == xlsxFilter ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
    }
    exportTo(path);
}

void FindingsPage::exportTo(const QString &path)
{
    if (m_exporting)
        return;
    const SqlTableRowQuery query = m_model->rowQuery();
    TableExport::Options options;
    options.totalRows = m_model->rowCount();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto done = std::make_shared<std::atomic<qint64>>(0);
    options.progress = [cancel, done](qint64 rows, qint64) {
        done->store(rows);
        return !cancel->load();
    };
    const bool xlsx =
        QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;

    auto *progress =
        new QProgressDialog(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0,
                            int(qMax<qint64>(options.totalRows, 1)), this);
    progress->setObjectName(objectName() + QStringLiteral(".exportProgress"));
    progress->setWindowTitle(tr("Export Table"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    auto *timer = new QTimer(progress);
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, progress, [progress, done] {
        progress->setValue(int(qMin<qint64>(done->load(), progress->maximum())));
    });
    timer->start();

    m_exporting = true;
    m_cancelExport = cancel;
    m_exportAction->setEnabled(false);
    m_export = QtConcurrent::run([query, path, options, xlsx] {
        QString error;
        const bool ok = xlsx ? TableExport::exportXlsx(query, path, options, &error)
                             : TableExport::exportCsv(query, path, options, &error);
        if (!ok && error.isEmpty())
            error = QStringLiteral("cancelled"); // not shown: exportFinished gets it empty
        return ok ? QString() : error;
    });
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress, cancel] {
        watcher->deleteLater();
        progress->deleteLater();
        m_exporting = false;
        m_exportAction->setEnabled(true);
        const QString result = m_export.result();
        const bool cancelled = cancel->load();
        const bool ok = result.isEmpty();
        const QString error = ok || cancelled ? QString() : result;
        if (!error.isEmpty()) {
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Export Table"),
                                tr("The table could not be exported."), QMessageBox::Ok, this);
            box->setObjectName(objectName() + QStringLiteral(".exportError"));
            box->setInformativeText(error);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        emit exportFinished(ok, error);
    });
    watcher->setFuture(m_export);
}

QString FindingsPage::selectionText() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    const QChar tab = QLatin1Char('\t');
    const int columns = m_model->columnCount();
    QString text;
    for (int c = 0; c < columns; ++c) {
        if (c > 0)
            text += tab;
        text += TableExport::delimitedField(m_model->headerData(c, Qt::Horizontal), tab);
    }
    text += QLatin1Char('\n');
    for (const QModelIndex &row : std::as_const(rows)) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                text += tab;
            const QModelIndex cell = m_model->index(row.row(), c);
            // A row whose page is not loaded yet is copied empty rather than as "…".
            if (!m_model->data(cell, SqlTableModel::LoadingRole).toBool())
                text += TableExport::delimitedField(m_model->data(cell), tab);
        }
        text += QLatin1Char('\n');
    }
    return text;
}

void FindingsPage::copySelection()
{
    const QString text = selectionText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void FindingsPage::setWorkspace(const QString &dbPath, qint64 snapshotId)
{
    m_dbPath = dbPath;
    m_snapshot = snapshotId;
    // Findings are judged accepted on the snapshot's (UTC) date, not today's: reviewing
    // last month's snapshot shows what was accepted then, and an exception whose date has
    // passed since still counts for the snapshot it covered.
    m_snapshotDate = {};
    workspace::Workspace ws;
    if (!dbPath.isEmpty() && snapshotId > 0 && ws.open(dbPath, workspace::OpenMode::ReadOnly).ok())
        m_snapshotDate = ws.snapshotDate(snapshotId);
    reload();
}

void FindingsPage::addNote()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_dbPath.isEmpty() || !m_readOnlyReason.isEmpty())
        return;
    workspace::Workspace ws;
    if (!ws.open(m_dbPath, workspace::OpenMode::ReadOnly).ok())
        return;
    if (const auto note = ws.noteFor(m_model->keyAt(current.row())))
        openNoteDialog(*note);
}

QString FindingsPage::addNoteToolTip()
{
    return tr("Add a note or an accepted-until exception to the selected endpoint's finding");
}

void FindingsPage::setReadOnly(const QString &reason)
{
    m_readOnlyReason = reason;
    m_addNoteAction->setToolTip(reason.isEmpty() ? addNoteToolTip() : reason);
    m_addNoteAction->setEnabled(reason.isEmpty() && m_view->currentIndex().isValid());
    showDetails();
}

void FindingsPage::editNote(qint64 id)
{
    if (!m_readOnlyReason.isEmpty())
        return;
    workspace::Workspace ws;
    if (!ws.open(m_dbPath, workspace::OpenMode::ReadOnly).ok())
        return;
    const auto note = ws.note(id);
    if (!note) {
        noteFailed(tr("The note no longer exists."));
        return;
    }
    openNoteDialog(*note);
}

void FindingsPage::openNoteDialog(const Note &note)
{
    auto *dialog = new NoteDialog(note, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Note entered = dialog->note();
        writeNote([entered](workspace::Workspace &ws, QString *error) {
            return entered.id > 0 ? ws.updateNote(entered, error)
                                  : ws.addNote(entered, error).has_value();
        });
    });
    dialog->open();
}

void FindingsPage::deleteNote(qint64 id)
{
    if (!m_readOnlyReason.isEmpty())
        return;
    auto remove = [this, id] {
        writeNote(
            [id](workspace::Workspace &ws, QString *error) { return ws.removeNote(id, error); });
    };
    if (s_autoConfirmDelete) {
        remove();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Note"),
                                tr("Delete this note? An exception it grants ends with it."),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(objectName() + QStringLiteral(".confirmDelete"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [remove](int result) {
        if (result == QMessageBox::Yes)
            remove();
    });
    box->open();
}

// Notes are tiny: they are written on the GUI thread through the page's own read-write
// connection, opened for the write only.
bool FindingsPage::writeNote(const std::function<bool(workspace::Workspace &, QString *)> &write)
{
    workspace::Workspace ws;
    const workspace::OpenResult opened = ws.open(m_dbPath, workspace::OpenMode::Existing);
    if (!opened.ok()) {
        noteFailed(opened.error);
        return false;
    }
    QString error;
    if (!write(ws, &error)) {
        noteFailed(error);
        return false;
    }
    ws.close();
    showDetails();
    // The Accepted column may have changed: read the table again, then select the same
    // finding again once its row is known.
    const QModelIndex current = m_view->currentIndex();
    const qint64 key = current.isValid() ? m_model->keyAt(current.row()) : -1;
    const int column = qMax(current.column(), 0);
    m_model->setSource(m_dbPath, tableSpec());
    if (key >= 0) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_model, &SqlTableModel::loadingChanged, this,
                              [this, key, column, connection](bool loading) {
                                  if (loading)
                                      return;
                                  disconnect(*connection);
                                  const int row = int(m_model->keys().indexOf(key));
                                  if (row >= 0)
                                      m_view->setCurrentIndex(m_model->index(row, column));
                              });
    }
    emit notesChanged();
    return true;
}

void FindingsPage::noteFailed(const QString &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Notes"),
                                tr("The note could not be saved."), QMessageBox::Ok, this);
    box->setObjectName(objectName() + QStringLiteral(".noteError"));
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void FindingsPage::filterCode(const QString &codePattern)
{
    // A drill-down shows exactly the findings behind the number: no leftover search or
    // column filter narrows them.
    m_search->clear();
    m_debounce->stop();
    m_model->setSearchText(QString());
    m_filters->clear();
    const int index = m_codeFilter->findData(codePattern);
    m_codeFilter->setCurrentIndex(index >= 0 ? index : 0);
    m_pattern = index >= 0 ? codePattern : QString();
    if (index < 0 && codePattern.endsWith(QLatin1Char('%')))
        m_pattern = codePattern;
    reload();
}

void FindingsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void FindingsPage::reload()
{
    if (m_dbPath.isEmpty() || m_snapshot <= 0)
        return;
    m_stale = !isVisible();
    if (m_stale)
        return;
    // Sorted before the source is set: the first query is then the sorted one, read from an
    // index, rather than one that a sort would interrupt.
    // The model is told directly: the header may already show this order (sortByColumn()
    // then does nothing).
    if (m_model->sortColumn() < 0) {
        m_view->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
        m_model->sort(0, Qt::AscendingOrder);
    }
    m_model->setSource(m_dbPath, tableSpec());
    m_details->clear();
    m_addNoteAction->setEnabled(false);
}

SqlTableSpec FindingsPage::tableSpec() const
{
    FindingsTitles titles;
    titles.endpoint = tr("Endpoint");
    titles.platform = tr("Platform");
    titles.finding = tr("Finding");
    titles.subject = tr("Subject");
    titles.detail = tr("Detail");
    titles.accepted = tr("Accepted");
    titles.acceptedUntil = tr("accepted until %1");
    return reviewSpec(m_snapshot, m_pattern.isEmpty() ? m_codes : QStringList{m_pattern},
                      m_snapshotDate, titles);
}

void FindingsPage::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    m_addNoteAction->setEnabled(current.isValid() && m_readOnlyReason.isEmpty());
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const qint64 findingId = m_model->keyAt(current.row());
    workspace::Workspace ws;
    if (!ws.open(m_dbPath, workspace::OpenMode::ReadOnly).ok())
        return;
    // Accepted as of the snapshot's date (see setWorkspace), not today.
    const auto d = ws.findingDetails(findingId, m_snapshotDate);
    if (!d)
        return;
    m_details->setHtml(detailsHtml(*d));
}

QString FindingsPage::detailsHtml(const workspace::FindingDetails &d) const
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(d.endpointName.toHtmlEscaped());
    if (d.hasEndpoint)
        html += tr("<p>%1 · %2 · coverage stage: %3</p>")
                    .arg(d.platform.toHtmlEscaped(), d.osName.toHtmlEscaped(),
                         d.coverageStage.toHtmlEscaped());
    html += tr("<h4>Findings</h4><ul>");
    for (const auto &item : d.findings) {
        const FindingKind *k = findingKind(item.code);
        const QString title = k ? QCoreApplication::translate("Finding", k->title) : item.code;
        QString marker;
        if (item.accepted)
            marker = QStringLiteral(" <b>(%1)</b>")
                         .arg(tr("accepted until %1").arg(item.acceptedUntil).toHtmlEscaped());
        html += QStringLiteral("<li><a href=\"guidance:%1\">%2</a> — %3 %4%5</li>")
                    .arg(item.code.toHtmlEscaped(), title.toHtmlEscaped(),
                         item.subject.toHtmlEscaped(), item.detail.toHtmlEscaped(), marker);
    }
    html += QStringLiteral("</ul>");
    if (d.hasEndpoint) {
        if (!d.notes.empty()) {
            html += tr("<h4>Notes</h4><ul>");
            for (const Note &n : d.notes) {
                QString extra;
                if (!n.ticket.isEmpty())
                    extra += tr("; ticket %1").arg(n.ticket).toHtmlEscaped();
                if (n.acceptedUntil)
                    extra += tr("; accepted until %1")
                                 .arg(n.acceptedUntil->toString(Qt::ISODate))
                                 .toHtmlEscaped();
                // Who (when known) and when, then the ticket and acceptance. A read-only
                // workspace shows its notes without the edit and delete links.
                QString when = QLocale().toString(n.createdAt.toLocalTime(), QLocale::ShortFormat);
                if (!n.author.isEmpty())
                    when = n.author + QStringLiteral(", ") + when;
                const QString links =
                    !m_readOnlyReason.isEmpty()
                        ? QString()
                        : QStringLiteral(" <a href=\"note-edit:%1\">%2</a> "
                                         "<a href=\"note-delete:%1\">%3</a>")
                              .arg(QString::number(n.id), tr("edit").toHtmlEscaped(),
                                   tr("delete").toHtmlEscaped());
                html += QStringLiteral("<li>%1 — %2 (%3%4)%5</li>")
                            .arg(n.code.toHtmlEscaped(), n.text.toHtmlEscaped(),
                                 when.toHtmlEscaped(), extra, links);
            }
            html += QStringLiteral("</ul>");
        }
        html += tr("<h4>Answers</h4><table cellspacing=\"0\" cellpadding=\"2\">");
        static const char *const classes[] = {"value",    "no results", "pending",
                                              "too many", "error",      "not applicable"};
        for (const auto &a : d.answers) {
            html +=
                QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td><code>%4</code></"
                               "td><td><i>%5</i></td></tr>")
                    .arg(a.dataset.toHtmlEscaped(), a.keyA.toHtmlEscaped(), a.keyB.toHtmlEscaped(),
                         a.value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")),
                         QString::fromLatin1(
                             a.valueClass >= 0 && a.valueClass < 6 ? classes[a.valueClass] : "?"));
        }
        html += QStringLiteral("</table>");
    }
    const auto entry = Guidance::entry(d.code);
    if (entry)
        html += QStringLiteral("<hr>") + Guidance::toHtml(*entry);
    return html;
}

} // namespace trh
