#pragma once

#include "import/ImportPreview.h"
#include "import/Importer.h"
#include "workspace/SiteMapping.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

#include <atomic>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableWidget;

namespace trh {

// Import of Tanium exports into a workspace: lists what each file was recognised as, lets
// the user settle the ambiguous Domain/Key/Value case, then imports off the GUI thread with
// progress and Cancel. On success it shows the import report and emits imported(); on
// failure it lists the errors (the workspace is then unchanged).
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(const QString &workspace, const QStringList &files, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Presses Import as soon as it is enabled (tests; see DialogSeam::autoAcceptImport).
    void setAutoAccept(bool on);
    const std::vector<FilePreview> &previews() const { return m_previews; }
    bool isImporting() const { return m_watcher.isRunning(); }
    const ImportResult &result() const { return m_result; }

    // Starts the import (what the Import button does); false if it cannot start yet.
    bool startImport();

signals:
    // The import finished and wrote a snapshot: the workspace has changed.
    void imported(const QString &workspace);
    // The import finished, successfully or not. The dialog closes right after, except when a
    // damaged CSV file was refused: then it stays open so the user can choose to skip the
    // damaged rows (the "Skip damaged rows" box) and import again.
    void finishedImport(bool ok);

public slots:
    void reject() override;

private:
    void buildTable();
    void updateButtons();
    void finished();

    QString m_workspace;
    QStringList m_files;
    workspace::SiteMapping m_site; // before m_previews, which are read with it
    std::vector<FilePreview> m_previews;
    QTableWidget *m_table = nullptr;
    QLabel *m_choiceLabel = nullptr;
    QComboBox *m_choice = nullptr;
    QString m_defaultChoice;
    bool m_needsChoice = false;
    QLineEdit *m_label = nullptr;
    QCheckBox *m_takenAtSet = nullptr;
    QDateTimeEdit *m_takenAt = nullptr;
    QCheckBox *m_lenient = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QFutureWatcher<ImportResult> m_watcher;
    ImportResult m_result;
    bool m_autoAccept = false;
};

} // namespace trh
