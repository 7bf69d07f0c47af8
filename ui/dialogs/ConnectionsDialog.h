#pragma once

#include "fetch/Connection.h"
#include "fetch/ConnectionStore.h"
#include "fetch/TokenStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace trh {

namespace fetch {
class Fetcher;
}

// The named Tanium server connections: add, edit, duplicate, remove; each with its server
// URL, CA file, source, completion threshold and timeouts (in the settings) and its API token
// (in the OS keychain, or for this session only when there is none). "Test Connection" asks
// the server with the token; Save checks the connection first (https://, except on this
// computer).
class ConnectionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsDialog)

public:
    explicit ConnectionsDialog(QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    // Shows this saved connection in the form.
    void selectConnection(const QString &name);
    // The saved connection shown in the form (empty for a new one not saved yet).
    QString currentName() const { return m_editing; }

    // What the keychain said about a connection's token, for the user.
    static QString tokenStatusText(const fetch::TokenResult &result);

signals:
    // A connection was saved, renamed or removed.
    void connectionsChanged();

public slots:
    // Saves the form; false (with the reason shown) if it is not valid.
    bool save();
    void done(int result) override;

private:
    void buildForm();
    void reloadList(const QString &select);
    void showConnection(const fetch::Connection &c, const QString &savedName);
    fetch::Connection formConnection() const;
    void addConnection();
    void duplicateConnection();
    void removeConnection();
    void browseCaFile();
    void testConnection();
    void tested(bool ok, const QString &message);
    void showTokenStatus(const QString &name);
    void storeToken(const QString &name, const QByteArray &token);
    void setMessage(const QString &text);
    void setDirty(bool dirty);
    bool leaveCurrent();

    fetch::ConnectionStore m_store;
    fetch::Fetcher *m_tester = nullptr;
    QString m_editing; // saved name of the connection in the form; empty: a new one
    bool m_dirty = false;
    bool m_loading = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_remove = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_caFile = nullptr;
    QComboBox *m_source = nullptr;
    QSpinBox *m_threshold = nullptr;
    QSpinBox *m_questionTimeout = nullptr;
    QSpinBox *m_requestTimeout = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_saveToken = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QPushButton *m_forgetToken = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace trh
