#pragma once

#include "views/OverviewData.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace trh {

class ChecklistPage;
class DemoBuilder;
class FindingsPage;
class GuidancePage;
class HistoryPage;
struct LaunchArguments;
class OverviewPage;

// The console: navigation on the left, one page per maintenance area, a snapshot selector
// (and the snapshot compared with) in the tool bar, the snapshot's time and sources in the
// status bar. Remembers its layout, the last workspace and the recent ones.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace file; the overview loads in the background. A snapshot file
    // (.trhealth) or a file that cannot be written opens read-only, after the defensive
    // checks of SnapshotFile::verify; its title says "(read-only)" and writing is disabled.
    void openWorkspace(const QString &path);
    bool isReadOnly() const { return m_readOnly; }
    // File → Export Snapshot File…: the current snapshot, or several ticked in a list.
    void exportSnapshotFile();
    // File → Manage Snapshots…: the snapshots with their sizes, to delete old ones. After a
    // deletion the window shows the snapshot it showed, or the newest one left.
    void manageSnapshots();
    QString workspace() const { return m_dbPath; }
    // Shows the page whose objectName is given ("overviewPage", "clientHealthPage", …).
    void showPage(const QString &objectName);
    // Opens the findings page that owns codePattern, filtered to it.
    void drillDown(const QString &codePattern);
    // True while the overview of the current snapshot is loading.
    bool isLoading() const;
    // Reloads the workspace (after an import), showing its newest snapshot.
    void reload();
    // Opens the import dialog for these files (asks for a workspace first if none is open).
    void importFiles(const QStringList &paths);
    // Files given on the command line or dropped on the window: opens their workspace, then,
    // once the event loop runs, shows the refusals in one message (unless showRefusals is
    // false) and opens the import dialog for the rest.
    void openFiles(const LaunchArguments &files, bool showRefusals = true);

signals:
    void overviewLoaded();
    // An Export Snapshot File… ended (ok false and error empty: cancelled).
    void snapshotFileExported(bool ok, const QString &path, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void buildPages();
    void load(qint64 snapshotId, qint64 previousId);
    void loaded();
    void openDialog();
    void openDemo();
    void importDialog();
    void fetchDialog();
    void connectionsDialog();
    // Asks for a new workspace file if none is open; false if the user gave none.
    bool ensureWorkspace(const QString &caption);
    void rememberRecent(const QString &path);
    void updateRecentMenu();
    void applyReadOnly();

    QString m_dbPath;
    QPointer<DemoBuilder> m_demoBuilder; // while the demo fleet is being built
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QComboBox *m_snapshot = nullptr;
    QComboBox *m_compare = nullptr;
    QLabel *m_status = nullptr;
    QMenu *m_recent = nullptr;
    OverviewPage *m_overview = nullptr;
    GuidancePage *m_guidance = nullptr;
    HistoryPage *m_history = nullptr;
    ChecklistPage *m_checklist = nullptr;
    QWidget *m_empty = nullptr;
    QList<FindingsPage *> m_findingPages;
    QFutureWatcher<OverviewData> m_watcher;
    OverviewData m_data;
    bool m_updatingSelectors = false;
    bool m_readOnly = false;
    bool m_verifyNext = false; // the next load checks the file first (SnapshotFile::verify)
    QAction *m_importAction = nullptr;
    QAction *m_exportSnapshotAction = nullptr;
    QAction *m_manageSnapshotsAction = nullptr;
};

} // namespace trh
