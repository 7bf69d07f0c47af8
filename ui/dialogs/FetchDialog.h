#pragma once

#include "fetch/ConnectionStore.h"
#include "fetch/Fetcher.h"

#include <QDialog>
#include <QThread>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace trh {

// File → Fetch from Server…: picks a connection, takes its token from the keychain (or asks
// for it), then fetches into the workspace as one new snapshot with progress per question
// and Cancel. The fetch runs on a thread of its own (the final import too), so the window
// stays responsive; a cancelled or failed fetch writes nothing. Shows the import report or
// the error when done.
class FetchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FetchDialog)

public:
    explicit FetchDialog(const QString &workspace, QWidget *parent = nullptr);
    ~FetchDialog() override;

    bool isFetching() const { return m_fetching; }
    const fetch::FetchResult &result() const { return m_result; }
    // For tests: shorter polls and back-offs than users get.
    void setTuning(const fetch::FetchTuning &tuning);

    // Starts the fetch (what the Fetch button does); false if it cannot start.
    bool startFetch();

signals:
    // The fetch wrote snapshot snapshotId into workspace.
    void fetched(const QString &workspace, qint64 snapshotId);
    // The fetch ended: fetched, failed or cancelled.
    void fetchFinished(bool ok);

public slots:
    // Cancels a running fetch (the dialog stays until it has stopped), else closes.
    void reject() override;

private:
    void reloadConnections(const QString &select);
    void connectionChosen();
    void editConnections();
    void run(const fetch::Connection &connection, const QByteArray &token);
    void progress(const QString &step, int done, int total);
    void finished(const fetch::FetchResult &result);
    void setFetching(bool on);

    QString m_workspace;
    fetch::ConnectionStore m_store;
    QThread m_thread;
    fetch::Fetcher *m_fetcher = nullptr; // lives in m_thread
    fetch::FetchResult m_result;
    bool m_fetching = false;
    bool m_resolving = false; // reading the token from the keychain before the start
    bool m_closeWhenStopped = false;

    QComboBox *m_connection = nullptr;
    QLabel *m_server = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QLineEdit *m_label = nullptr;
    QSpinBox *m_alertMonths = nullptr;
    QLabel *m_step = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_outcome = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_connections = nullptr;
};

} // namespace trh
