#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

namespace trh {

class SqlTableModel;

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

    void setWorkspace(const QString &dbPath, qint64 snapshotId);
    // Shows only findings matching codePattern (one of this page's codes, or a prefix '%').
    void filterCode(const QString &codePattern);
    SqlTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void guidanceRequested(const QString &code);

private:
    void reload();
    void showDetails();

    QStringList m_codes;
    QString m_dbPath;
    qint64 m_snapshot = 0;
    QString m_pattern;
    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_codeFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_debounce = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_details = nullptr;
    SqlTableModel *m_model = nullptr;
    QList<int> m_widths; // the user's column widths, kept across resets
};

} // namespace trh
