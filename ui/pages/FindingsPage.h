#pragma once

#include <QDate>
#include <QFuture>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QProgressDialog;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

namespace trh {

class ColumnFilterBar;

namespace workspace {
class Workspace;
struct FindingDetails;
} // namespace workspace
class SqlTableModel;
struct SqlTableSpec;
struct Note;

// A page of findings (one page per area: client health, tools, driver, …): a table that
// stays fluid at a million rows (sorting and filtering in SQL, pages loaded in the
// background), a debounced search, a filter by finding code, and a details pane with the
// selected endpoint's answers, findings, guidance and notes.
class FindingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsPage)

public:
    // codes: the finding codes this page shows (patterns ending in '%' allowed).
    FindingsPage(const QString &objectName, const QString &title, const QStringList &codes,
                 QWidget *parent = nullptr);
    ~FindingsPage() override; // cancels a running export and waits for it

    void setWorkspace(const QString &dbPath, qint64 snapshotId);
    // A read-only workspace (a snapshot file): notes and exceptions cannot be added, edited
    // or deleted, and the note action's tooltip says why. An empty reason: writable.
    void setReadOnly(const QString &reason);
    // Shows only findings matching codePattern (one of this page's codes, or a prefix '%').
    void filterCode(const QString &codePattern);
    SqlTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *addNoteAction() const { return m_addNoteAction; }
    QTextBrowser *details() const { return m_details; }
    // The date findings are judged accepted on: the snapshot's date (UTC), not today, so a
    // month's review shows what was accepted when that snapshot was taken.
    QDate referenceDate() const { return m_snapshotDate; }

    // Opens the note dialog (non-blocking, window-modal) for the selected row's endpoint and
    // finding code; OK writes the note and refreshes the details pane. Ends with
    // notesChanged() when a note was written.
    void addNote();
    // Opens the note dialog on note id; OK rewrites it.
    void editNote(qint64 id);
    // Asks for confirmation (unless setAutoConfirmDelete is on), then deletes note id.
    void deleteNote(qint64 id);
    // Tests: delete confirmations answer Yes without showing a message box.
    static void setAutoConfirmDelete(bool on);

    // Asks for a file (CSV or XLSX) and exports every row of the table as searched, filtered
    // and sorted, off the UI thread with a progress dialog and Cancel. Ends with
    // exportFinished().
    void exportTable();
    // Exports to path (.xlsx: a workbook, anything else: CSV) without asking.
    void exportTo(const QString &path);
    bool isExporting() const { return m_exporting; }
    // The selected rows as the clipboard gets them: a header line, then one line per row,
    // tab-separated, formula-like text neutralised, fields with tabs or line breaks quoted.
    QString selectionText() const;
    void copySelection();

signals:
    void guidanceRequested(const QString &code);
    // ok is false on an error (error says why) and when cancelled (error empty).
    void exportFinished(bool ok, const QString &error);
    // A note was added, changed or deleted (the details pane and table are refreshed).
    void notesChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void showDetails();
    SqlTableSpec tableSpec() const;
    void openNoteDialog(const Note &note);
    bool writeNote(const std::function<bool(workspace::Workspace &, QString *)> &write);
    QString detailsHtml(const workspace::FindingDetails &details) const;
    void noteFailed(const QString &error);

    static QString addNoteToolTip();

    QStringList m_codes;
    QString m_dbPath;
    qint64 m_snapshot = 0;
    QDate m_snapshotDate;
    QString m_readOnlyReason;
    QString m_pattern;
    // The table's source changed while the page was hidden: it is queried when shown (a
    // workspace opens with every page's table, and most are not looked at).
    bool m_stale = false;
    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_codeFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_debounce = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_details = nullptr;
    SqlTableModel *m_model = nullptr;
    QList<int> m_widths; // the user's column widths, kept across resets
    QAction *m_exportAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_addNoteAction = nullptr;
    QAction *m_filtersAction = nullptr;
    ColumnFilterBar *m_filters = nullptr;
    // The running export: its thread's result (an error, empty when it succeeded), and
    // the flag its progress callback reads to cancel.
    bool m_exporting = false;
    QFuture<QString> m_export;
    std::shared_ptr<std::atomic<bool>> m_cancelExport;
};

} // namespace trh
