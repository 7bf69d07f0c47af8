#pragma once

#include "analysis/FleetSummary.h"
#include "workspace/Workspace.h"

#include <QJsonObject>
#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace trh {

// The monthly maintenance checklist: one card per step of the procedure, with the status the
// current snapshot's data gives, who signed the step off and when, and notes. Sign-offs and
// notes are stored per month (the month of the snapshot) in the workspace.
class ChecklistPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistPage)

public:
    explicit ChecklistPage(QWidget *parent = nullptr);
    ~ChecklistPage() override;

    void setWorkspace(const QString &dbPath);
    // A read-only workspace (a snapshot file): sign-offs and notes are shown but cannot be
    // changed; the controls' tooltips give the reason. An empty reason: writable.
    void setReadOnly(const QString &reason);
    // The summary ("trhealth.summary/1") of the snapshot shown: gives the month and statuses.
    void setSummary(const FleetSummary &summary);
    QString month() const { return m_month; }

signals:
    void checklistChanged();

private:
    struct Row
    {
        QString step;
        QLabel *status = nullptr;
        QLineEdit *who = nullptr;
        QLabel *when = nullptr;
        QPushButton *sign = nullptr;
        QPlainTextEdit *notes = nullptr;
        bool notesDirty = false;
        bool attention = false;
    };

    void changeEvent(QEvent *event) override;
    void reload();
    void toggleSignOff(Row &row);
    void saveNotes();
    void showError(const QString &error);

    workspace::Workspace m_workspace;
    QString m_dbPath;
    QString m_month;
    FleetSummary m_summary;
    QLabel *m_header = nullptr;
    QLabel *m_error = nullptr;
    std::vector<Row> m_rows;
    QTimer *m_notesTimer = nullptr;
    bool m_filling = false;
    QString m_readOnlyReason;
};

} // namespace trh
