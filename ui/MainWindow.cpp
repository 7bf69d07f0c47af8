#include "MainWindow.h"
#include "AppIcon.h"
#include "SettingsKeys.h"
#include "Theme.h"

#include "DemoBuilder.h"
#include "DialogSeam.h"
#include "LaunchArguments.h"
#include "ReportActions.h"
#include "Translator.h"
#include "analysis/FindingCatalog.h"
#include "dialogs/ConnectionsDialog.h"
#include "dialogs/FetchDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/ManageSnapshotsDialog.h"
#include "dialogs/SnapshotFileExport.h"
#include "pages/ChecklistPage.h"
#include "pages/FindingsPage.h"
#include "pages/GuidancePage.h"
#include "pages/HistoryPage.h"
#include "pages/OverviewPage.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace trh {
namespace {

// The finding pages, in the catalogue's order of pages; which codes a page lists is the
// catalogue's (FindingKind::page).
struct PageDef
{
    ConsolePage page;
    const char *title;
    QString objectName() const { return QString::fromLatin1(consolePageKey(page)); }
    QStringList codes() const { return findingCodes(page); }
};

const char *pageTitle(ConsolePage page)
{
    switch (page) {
    case ConsolePage::ClientHealth:
        return QT_TRANSLATE_NOOP("MainWindow", "Client Health");
    case ConsolePage::Tools:
        return QT_TRANSLATE_NOOP("MainWindow", "Tools & Extensions");
    case ConsolePage::Driver:
        return QT_TRANSLATE_NOOP("MainWindow", "Driver (Windows)");
    case ConsolePage::Bpf:
        return QT_TRANSLATE_NOOP("MainWindow", "BPF (Linux)");
    case ConsolePage::Settings:
        return QT_TRANSLATE_NOOP("MainWindow", "Client Settings");
    case ConsolePage::Profiles:
        return QT_TRANSLATE_NOOP("MainWindow", "Profiles");
    case ConsolePage::Alerts:
        return QT_TRANSLATE_NOOP("MainWindow", "Alerts");
    }
    return "";
}

QList<PageDef> findingPages()
{
    QList<PageDef> pages;
    for (ConsolePage page : consolePages())
        pages.append({page, pageTitle(page)});
    return pages;
}

QString snapshotText(const SnapshotInfo &s)
{
    const QString when = QLocale().toString(
        QDateTime::fromString(s.takenAt, Qt::ISODate).toLocalTime(), QLocale::ShortFormat);
    return s.label.isEmpty() ? when : QStringLiteral("%1 — %2").arg(when, s.label);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("trhealth"));
    setWindowIcon(applicationIcon());
    resize(1280, 820);
    buildPages();
    buildMenus();
    setAcceptDrops(true);
    connect(&m_watcher, &QFutureWatcher<OverviewData>::finished, this, &MainWindow::loaded);
    QSettings settings;
    restoreGeometry(settings.value(SettingsKey::windowGeometry()).toByteArray());
    restoreState(settings.value(SettingsKey::windowState()).toByteArray());
    updateRecentMenu();
}

MainWindow::~MainWindow()
{
    m_watcher.waitForFinished();
}

void MainWindow::buildPages()
{
    auto *split = new QSplitter(this);
    m_navigation = new QListWidget(split);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setMaximumWidth(220);
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget#navigation::item { padding: 6px 10px; }"));
    m_pages = new QStackedWidget(split);
    m_pages->setObjectName(QStringLiteral("pages"));
    split->setStretchFactor(1, 1);
    setCentralWidget(split);

    auto addPage = [this](QWidget *page, const QString &title) {
        m_pages->addWidget(page);
        auto *item = new QListWidgetItem(title, m_navigation);
        item->setData(Qt::UserRole, page->objectName());
    };
    // Empty state: what to do first.
    m_empty = new QWidget;
    m_empty->setObjectName(QStringLiteral("emptyPage"));
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch();
    auto *emptyText =
        new QLabel(tr("<h2>No snapshot yet</h2><p>Open a workspace, import Tanium exports, or "
                      "open the demo fleet to look around.</p>"));
    emptyText->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(emptyText);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch();
    auto *openButton = new QPushButton(tr("Open Workspace…"));
    auto *demoButton = new QPushButton(tr("Open the Demo Fleet"));
    demoButton->setObjectName(QStringLiteral("openDemoButton"));
    emptyButtons->addWidget(openButton);
    emptyButtons->addWidget(demoButton);
    emptyButtons->addStretch();
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch();
    connect(openButton, &QPushButton::clicked, this, &MainWindow::openDialog);
    connect(demoButton, &QPushButton::clicked, this, &MainWindow::openDemo);
    m_pages->addWidget(m_empty);

    m_overview = new OverviewPage;
    addPage(m_overview, tr("Overview"));
    for (const PageDef &def : findingPages()) {
        auto *page = new FindingsPage(
            def.objectName(), QCoreApplication::translate("MainWindow", def.title), def.codes());
        m_findingPages << page;
        addPage(page, QCoreApplication::translate("MainWindow", def.title));
        connect(page, &FindingsPage::guidanceRequested, this, [this](const QString &code) {
            showPage(QStringLiteral("guidancePage"));
            m_guidance->showCode(code);
        });
    }
    m_guidance = new GuidancePage;
    addPage(m_guidance, tr("Guidance"));
    m_history = new HistoryPage;
    addPage(m_history, tr("History"));
    m_checklist = new ChecklistPage;
    addPage(m_checklist, tr("Checklist"));
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || m_dbPath.isEmpty() || m_data.snapshotId == 0) {
            if (row >= 0 && m_navigation->item(row)->data(Qt::UserRole).toString() ==
                                QLatin1String("guidancePage"))
                m_pages->setCurrentWidget(m_guidance);
            else
                m_pages->setCurrentWidget(m_empty);
            return;
        }
        const QString name = m_navigation->item(row)->data(Qt::UserRole).toString();
        if (QWidget *page = m_pages->findChild<QWidget *>(name))
            m_pages->setCurrentWidget(page);
    });
    connect(m_overview, &OverviewPage::drillDown, this,
            [this](const QString &code, const QString &) { drillDown(code); });
    m_pages->setCurrentWidget(m_empty);

    auto *bar = addToolBar(tr("Snapshot"));
    bar->setObjectName(QStringLiteral("snapshotToolBar"));
    bar->addWidget(new QLabel(tr(" Snapshot: ")));
    m_snapshot = new QComboBox;
    m_snapshot->setObjectName(QStringLiteral("snapshotSelector"));
    m_snapshot->setAccessibleName(tr("Snapshot"));
    m_snapshot->setMinimumContentsLength(40);
    bar->addWidget(m_snapshot);
    bar->addWidget(new QLabel(tr("  Compare with: ")));
    m_compare = new QComboBox;
    m_compare->setObjectName(QStringLiteral("compareSelector"));
    m_compare->setAccessibleName(tr("Compare with"));
    m_compare->setMinimumContentsLength(40);
    bar->addWidget(m_compare);
    auto reloadSelected = [this] {
        if (!m_updatingSelectors)
            load(m_snapshot->currentData().toLongLong(), m_compare->currentData().toLongLong());
    };
    connect(m_snapshot, &QComboBox::activated, this, [this] {
        if (!m_updatingSelectors)
            load(m_snapshot->currentData().toLongLong(), -1);
    });
    connect(m_compare, &QComboBox::activated, this, reloadSelected);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("snapshotStatus"));
    statusBar()->addWidget(m_status, 1);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Workspace…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("actionOpen"));
    QAction *demo = file->addAction(tr("Open the &Demo Fleet"), this, &MainWindow::openDemo);
    demo->setObjectName(QStringLiteral("actionDemo"));
    m_recent = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *import = file->addAction(tr("&Import Files…"), this, &MainWindow::importDialog);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setObjectName(QStringLiteral("actionImport"));
    m_importAction = import;
    QAction *fetch = file->addAction(tr("&Fetch from Server…"), this, &MainWindow::fetchDialog);
    fetch->setObjectName(QStringLiteral("actionFetch"));
    QAction *exportTable = file->addAction(tr("&Export Table…"), this, [this] {
        if (auto *page = qobject_cast<FindingsPage *>(m_pages->currentWidget()))
            page->exportTable();
    });
    exportTable->setObjectName(QStringLiteral("actionExportTable"));
    connect(m_pages, &QStackedWidget::currentChanged, exportTable, [this, exportTable] {
        exportTable->setEnabled(qobject_cast<FindingsPage *>(m_pages->currentWidget()) != nullptr);
    });
    exportTable->setEnabled(false);
    m_exportSnapshotAction =
        file->addAction(tr("Export &Snapshot File…"), this, &MainWindow::exportSnapshotFile);
    m_exportSnapshotAction->setObjectName(QStringLiteral("actionExportSnapshotFile"));
    m_exportSnapshotAction->setToolTip(
        tr("Save snapshots with their findings, notes and checklist in a .trhealth file that "
           "colleagues open read-only"));
    m_exportSnapshotAction->setEnabled(false);
    m_manageSnapshotsAction =
        file->addAction(tr("&Manage Snapshots…"), this, &MainWindow::manageSnapshots);
    m_manageSnapshotsAction->setObjectName(QStringLiteral("actionManageSnapshots"));
    m_manageSnapshotsAction->setToolTip(
        tr("See the size of each snapshot and delete old ones to give their space back"));
    m_manageSnapshotsAction->setEnabled(false);
    file->setToolTipsVisible(true);
    file->addSeparator();
    // The monthly report of the snapshot shown.
    auto *report =
        new ReportActions(this, [this] { return std::pair(m_dbPath, m_data.snapshotId); });
    report->setObjectName(QStringLiteral("reportActions"));
    report->addToFileMenu(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        const QString name = m_navigation->item(i)->data(Qt::UserRole).toString();
        QAction *a =
            go->addAction(m_navigation->item(i)->text(), this, [this, name] { showPage(name); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *connections =
        settings->addAction(tr("&Connections…"), this, &MainWindow::connectionsDialog);
    connections->setObjectName(QStringLiteral("actionConnections"));
    QMenu *language = settings->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *languages = new QActionGroup(language);
    const QString current = QSettings().value(languageSettingsKey(), QString()).toString();
    // The language names are not translated: each is written in its own language.
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")}};
    for (const auto &[code, name] : choices) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(languageSettingsKey(), code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The language will change the next time trhealth starts."));
        });
    }
    QMenu *appearance = settings->addMenu(tr("&Appearance"));
    appearance->setObjectName(QStringLiteral("appearanceMenu"));
    auto *appearances = new QActionGroup(appearance);
    const Appearance currentAppearance =
        appearanceFromName(QSettings().value(appearanceSettingsKey(), QString()).toString());
    const std::pair<Appearance, QString> looks[] = {{Appearance::System, tr("Follow the &System")},
                                                    {Appearance::Light, tr("&Light")},
                                                    {Appearance::Dark, tr("&Dark")}};
    for (const auto &[look, name] : looks) {
        QAction *a = appearance->addAction(name);
        a->setObjectName(QStringLiteral("appearance.") + appearanceName(look));
        a->setCheckable(true);
        a->setChecked(look == currentAppearance);
        appearances->addAction(a);
        connect(a, &QAction::triggered, this, [look = look] {
            QSettings().setValue(appearanceSettingsKey(), appearanceName(look));
            applyAppearance(look);
        });
    }
    settings->addSeparator();
    report->addToSettingsMenu(settings);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About trhealth"), this, [this] {
        QMessageBox::about(
            this, tr("About trhealth"),
            tr("<p><b>trhealth</b> %1</p><p>The Threat Response maintenance console: "
               "health findings, coverage, alerts and the monthly report from Tanium "
               "exports.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::openWorkspace(const QString &path)
{
    m_dbPath = QFileInfo(path).absoluteFilePath();
    m_readOnly = workspace::opensReadOnly(m_dbPath);
    // A file from someone else gets its pages checked too before anything reads it.
    m_verifyNext = m_readOnly;
    applyReadOnly();
    rememberRecent(m_dbPath);
    load(0, -1);
}

void MainWindow::applyReadOnly()
{
    const QString name = QFileInfo(m_dbPath).fileName();
    if (m_dbPath.isEmpty())
        setWindowTitle(tr("trhealth"));
    else if (m_readOnly)
        setWindowTitle(tr("%1 (read-only) — trhealth").arg(name));
    else
        setWindowTitle(tr("%1 — trhealth").arg(name));
    const QString reason =
        m_readOnly ? tr("%1 is open read-only: a snapshot file (or a file that cannot be "
                        "written) is never changed.")
                         .arg(name)
                   : QString();
    m_importAction->setEnabled(!m_readOnly);
    // Another workspace (or none): enabled again once it has loaded.
    m_manageSnapshotsAction->setEnabled(false);
    m_importAction->setToolTip(m_readOnly ? reason : tr("Import Tanium exports as a snapshot"));
    for (FindingsPage *page : m_findingPages)
        page->setReadOnly(reason);
    m_checklist->setReadOnly(reason);
}

void MainWindow::exportSnapshotFile()
{
    if (m_dbPath.isEmpty() || m_data.snapshotId == 0)
        return;
    auto *job = new SnapshotFileExport(m_dbPath, this);
    connect(job, &SnapshotFileExport::finished, this,
            [this, job](bool ok, const QString &path, const QString &error) {
                if (ok)
                    statusBar()->showMessage(
                        tr("Snapshot file written: %1").arg(QDir::toNativeSeparators(path)), 10000);
                job->deleteLater();
                emit snapshotFileExported(ok, path, error);
            });
    job->start(m_data.snapshots, m_data.snapshotId);
}

void MainWindow::manageSnapshots()
{
    if (m_dbPath.isEmpty())
        return;
    auto *dialog = new ManageSnapshotsDialog(m_dbPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ManageSnapshotsDialog::snapshotsRemoved, this,
            [this, path = m_dbPath](const QList<qint64> &ids) {
                if (path != m_dbPath)
                    return;
                // The snapshot shown may be gone: then the newest one left (with none left, the
                // empty state); a compared one that is gone gives way to the one before.
                const qint64 shown = ids.contains(m_data.snapshotId) ? 0 : m_data.snapshotId;
                const qint64 compared = ids.contains(m_data.previousId) ? -1 : m_data.previousId;
                load(shown, shown == 0 ? -1 : compared);
            });
    dialog->open();
}

void MainWindow::reload()
{
    if (!m_dbPath.isEmpty())
        load(0, -1);
}

bool MainWindow::isLoading() const
{
    return m_watcher.isRunning();
}

void MainWindow::load(qint64 snapshotId, qint64 previousId)
{
    if (m_dbPath.isEmpty())
        return;
    m_status->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(m_dbPath)));
    QApplication::setOverrideCursor(Qt::BusyCursor);
    // The first look at a snapshot runs its health rules: never on the GUI thread.
    m_watcher.setFuture(QtConcurrent::run(
        [path = m_dbPath, snapshotId, previousId, verify = std::exchange(m_verifyNext, false)] {
            if (verify) {
                if (const workspace::OpenResult r = workspace::verify(path); !r.ok()) {
                    OverviewData refused; // no dbPath: the file was not opened at all
                    refused.error = r.error;
                    return refused;
                }
            }
            return loadOverview(path, snapshotId, previousId);
        }));
}

void MainWindow::loaded()
{
    QApplication::restoreOverrideCursor();
    m_data = m_watcher.result();
    if (!m_data.error.isEmpty()) {
        m_exportSnapshotAction->setEnabled(false);
        m_manageSnapshotsAction->setEnabled(false);
        if (m_data.dbPath.isEmpty()) {
            // Refused by the checks: nothing of it stays open, or is offered again.
            QSettings settings;
            QStringList recent = settings.value(SettingsKey::recentWorkspaces()).toStringList();
            recent.removeAll(m_dbPath);
            settings.setValue(SettingsKey::recentWorkspaces(), recent);
            if (settings.value(SettingsKey::lastWorkspace()).toString() == m_dbPath)
                settings.remove(SettingsKey::lastWorkspace());
            updateRecentMenu();
            m_dbPath.clear();
            m_readOnly = false;
            applyReadOnly();
        }
        m_status->setText(m_data.error);
        QMessageBox::warning(this, tr("Cannot open the workspace"), m_data.error);
        return;
    }
    m_updatingSelectors = true;
    m_snapshot->clear();
    m_compare->clear();
    m_compare->addItem(tr("(none)"), qint64(0));
    for (const SnapshotInfo &s : m_data.snapshots) {
        m_snapshot->addItem(snapshotText(s), s.id);
        if (s.id != m_data.snapshotId)
            m_compare->addItem(snapshotText(s), s.id);
    }
    m_snapshot->setCurrentIndex(m_snapshot->findData(m_data.snapshotId));
    m_compare->setCurrentIndex(std::max(0, m_compare->findData(m_data.previousId)));
    m_updatingSelectors = false;
    m_exportSnapshotAction->setEnabled(m_data.snapshotId != 0);
    m_manageSnapshotsAction->setEnabled(true);
    if (m_data.snapshotId == 0) {
        m_pages->setCurrentWidget(m_empty);
        m_status->setText(tr("%1 has no snapshot yet").arg(QDir::toNativeSeparators(m_dbPath)));
        emit overviewLoaded();
        return;
    }
    m_overview->setData(m_data);
    for (FindingsPage *page : m_findingPages)
        page->setWorkspace(m_dbPath, m_data.snapshotId);
    m_history->setWorkspace(m_dbPath);
    m_history->setSnapshots(m_data.snapshotId, m_data.previousId);
    m_checklist->setWorkspace(m_dbPath);
    m_checklist->setSummary(m_data.summary);
    const SnapshotInfo *current = nullptr;
    for (const SnapshotInfo &s : m_data.snapshots) {
        if (s.id == m_data.snapshotId)
            current = &s;
    }
    m_status->setText(
        tr("Snapshot %1, taken %2 — %n source file(s)", nullptr, current ? current->files : 0)
            .arg(m_data.snapshotId)
            .arg(current ? snapshotText(*current) : QString()));
    m_status->setToolTip(m_data.sources.join(QLatin1Char('\n')));
    if (m_pages->currentWidget() == m_empty)
        showPage(QStringLiteral("overviewPage"));
    emit overviewLoaded();
}

void MainWindow::showPage(const QString &objectName)
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        if (m_navigation->item(i)->data(Qt::UserRole).toString() == objectName) {
            m_navigation->setCurrentRow(i);
            if (QWidget *page = m_pages->findChild<QWidget *>(objectName);
                page && m_data.snapshotId)
                m_pages->setCurrentWidget(page);
        }
    }
}

void MainWindow::drillDown(const QString &codePattern)
{
    // The page that lists the code, or for a pattern ("health.%") the first page that lists a
    // code it matches.
    const bool prefix = codePattern.endsWith(QLatin1Char('%'));
    for (const PageDef &def : findingPages()) {
        for (const QString &code : def.codes()) {
            if (prefix ? code.startsWith(codePattern.chopped(1)) : code == codePattern) {
                for (FindingsPage *page : m_findingPages) {
                    if (page->objectName() == def.objectName()) {
                        page->filterCode(codePattern);
                        showPage(page->objectName());
                        return;
                    }
                }
            }
        }
    }
}

void MainWindow::openDialog()
{
    QSettings settings;
    const QString path = DialogSeam::getOpenFileName(
        this, tr("Open Workspace"), settings.value(SettingsKey::lastDirectory()).toString(),
        tr("trhealth workspaces and snapshot files (*.trdb *.trhealth);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(SettingsKey::lastDirectory(), QFileInfo(path).absolutePath());
    openWorkspace(path);
}

void MainWindow::openDemo()
{
    // The demo fleet lives in the user's data folder and is built once, in this process.
    const QString path = workspace::demoWorkspacePath();
    if (QFileInfo::exists(path)) {
        openWorkspace(path);
        return;
    }
    if (m_demoBuilder) // already being built: its progress dialog is showing
        return;
    m_demoBuilder = new DemoBuilder(path, this);
    connect(m_demoBuilder, &DemoBuilder::built, this, &MainWindow::openWorkspace);
    connect(m_demoBuilder, &DemoBuilder::failed, this, [this](const QString &error) {
        QMessageBox::warning(this, tr("Demo fleet"),
                             tr("The demo fleet could not be built: %1").arg(error));
    });
    connect(m_demoBuilder, &DemoBuilder::cancelled, this,
            [this] { statusBar()->showMessage(tr("Demo fleet not built: cancelled."), 10000); });
}

void MainWindow::importDialog()
{
    QSettings settings;
    const QStringList paths = DialogSeam::getOpenFileNames(
        this, tr("Import Files"), settings.value(SettingsKey::lastImportDirectory()).toString(),
        tr("Tanium exports (*.csv *.json);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(SettingsKey::lastImportDirectory(),
                      QFileInfo(paths.constFirst()).absolutePath());
    importFiles(paths);
}

void MainWindow::importFiles(const QStringList &paths)
{
    if (paths.isEmpty() || !ensureWorkspace(tr("New Workspace for the Import")))
        return;
    auto *dialog = new ImportDialog(m_dbPath, paths, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, [this](const QString &workspace) {
        if (workspace == m_dbPath)
            reload();
    });
    dialog->setAutoAccept(DialogSeam::autoAcceptImport());
    dialog->open();
}

bool MainWindow::ensureWorkspace(const QString &caption)
{
    // Imports and fetches go into a workspace: with none open, or a read-only one, ask for a
    // new one.
    if (!m_dbPath.isEmpty() && !m_readOnly)
        return true;
    QString path = DialogSeam::getSaveFileName(
        this, caption, QSettings().value(SettingsKey::lastDirectory()).toString(),
        tr("trhealth workspaces (*.trdb)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".trdb");
    m_dbPath = QFileInfo(path).absoluteFilePath();
    m_readOnly = false;
    applyReadOnly();
    rememberRecent(m_dbPath);
    return true;
}

void MainWindow::fetchDialog()
{
    if (!ensureWorkspace(tr("New Workspace for the Fetch")))
        return;
    auto *dialog = new FetchDialog(m_dbPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FetchDialog::fetched, this, [this](const QString &workspace, qint64 id) {
        if (workspace == m_dbPath)
            load(id, -1);
    });
    dialog->open();
}

void MainWindow::connectionsDialog()
{
    auto *dialog = new ConnectionsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Told apart by content as on the command line: a workspace or snapshot file is opened,
    // somebody else's SQLite file is refused, the rest is imported. Not from inside the drop:
    // the message and the dialog come once the drag is over.
    openFiles(LaunchArguments::fromCommandLine(paths));
}

void MainWindow::openFiles(const LaunchArguments &files, bool showRefusals)
{
    if (!files.workspace.isEmpty())
        openWorkspace(files.workspace);
    QTimer::singleShot(0, this, [this, files, showRefusals] {
        if (showRefusals && !files.refusals.isEmpty())
            QMessageBox::warning(this, tr("Files not opened"),
                                 files.refusals.join(QStringLiteral("\n\n")));
        if (!files.imports.isEmpty())
            importFiles(files.imports);
    });
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(SettingsKey::recentWorkspaces()).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(SettingsKey::recentWorkspaces(), recent);
    settings.setValue(SettingsKey::lastWorkspace(), path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(SettingsKey::recentWorkspaces()).toStringList();
    for (const QString &path : recent)
        m_recent->addAction(QDir::toNativeSeparators(path), this,
                            [this, path] { openWorkspace(path); });
    m_recent->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(SettingsKey::windowGeometry(), saveGeometry());
    settings.setValue(SettingsKey::windowState(), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace trh
