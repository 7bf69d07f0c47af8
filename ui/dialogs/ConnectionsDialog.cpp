#include "ConnectionsDialog.h"
#include "SettingsKeys.h"

#include "DialogSeam.h"
#include "Theme.h"
#include "fetch/Fetcher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace trh {

using fetch::Connection;
using fetch::TokenResult;
using fetch::TokenStore;

ConnectionsDialog::ConnectionsDialog(QWidget *parent)
    : QDialog(parent), m_tester(new fetch::Fetcher(QString(), this))
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connections"));
    resize(860, 520);
    buildForm();
    connect(m_tester, &fetch::Fetcher::connectionTested, this, &ConnectionsDialog::tested);
    const QStringList names = m_store.names();
    const QString last = m_store.lastUsed();
    reloadList(names.contains(last) ? last : names.value(0));
    if (names.isEmpty())
        addConnection();
}

ConnectionsDialog::~ConnectionsDialog() = default;

void ConnectionsDialog::buildForm()
{
    auto *layout = new QHBoxLayout(this);

    auto *left = new QVBoxLayout;
    auto *listLabel = new QLabel(tr("&Connections:"));
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setAccessibleName(tr("Connections"));
    listLabel->setBuddy(m_list);
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add"));
    add->setObjectName(QStringLiteral("addConnectionButton"));
    add->setAccessibleName(tr("Add a connection"));
    m_duplicate = new QPushButton(tr("D&uplicate"));
    m_duplicate->setObjectName(QStringLiteral("duplicateConnectionButton"));
    m_duplicate->setAccessibleName(tr("Duplicate the connection"));
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(QStringLiteral("removeConnectionButton"));
    m_remove->setAccessibleName(tr("Remove the connection"));
    listButtons->addWidget(add);
    listButtons->addWidget(m_duplicate);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    layout->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    auto line = [this, form](const char *objectName, const QString &label,
                             const QString &accessible) {
        auto *edit = new QLineEdit;
        edit->setObjectName(QString::fromLatin1(objectName));
        edit->setAccessibleName(accessible);
        connect(edit, &QLineEdit::textEdited, this, [this] { setDirty(true); });
        form->addRow(label, edit);
        return edit;
    };
    m_name = line("connectionName", tr("&Name:"), tr("Connection name"));
    m_url = line("serverUrl", tr("Ser&ver URL:"), tr("Server URL"));
    m_url->setPlaceholderText(tr("https://tanium.example.com"));

    m_caFile = new QLineEdit;
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("optional: PEM file of the CA that signed the server"));
    connect(m_caFile, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("caFileBrowse"));
    browse->setAccessibleName(tr("Choose the CA certificate file"));
    connect(browse, &QPushButton::clicked, this, &ConnectionsDialog::browseCaFile);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto *caLabel = new QLabel(tr("CA f&ile:"));
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);

    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("connectionSource"));
    m_source->setAccessibleName(tr("Source"));
    m_source->addItem(tr("REST API v2 (ask questions)"),
                      Connection::sourceName(fetch::Source::Rest));
    m_source->addItem(tr("API Gateway (GraphQL)"), Connection::sourceName(fetch::Source::Gateway));
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] { setDirty(true); });
    form->addRow(tr("S&ource:"), m_source);

    auto spin = [this, form](const char *objectName, const QString &label,
                             const QString &accessible, int min, int max, const QString &suffix) {
        auto *box = new QSpinBox;
        box->setObjectName(QString::fromLatin1(objectName));
        box->setAccessibleName(accessible);
        box->setRange(min, max);
        box->setSuffix(suffix);
        connect(box, &QSpinBox::valueChanged, this, [this] { setDirty(true); });
        form->addRow(label, box);
        return box;
    };
    m_threshold = spin("completionThreshold", tr("Completion thres&hold:"),
                       tr("Completion threshold in percent"), 1, 100, tr(" %"));
    m_threshold->setToolTip(tr("A question's answers are read once this share of the endpoints "
                               "the server expects has answered, or when its timeout is over."));
    m_questionTimeout = spin("questionTimeout", tr("&Question timeout:"),
                             tr("Question timeout in seconds"), 10, 24 * 3600, tr(" s"));
    m_requestTimeout = spin("requestTimeout", tr("Request ti&meout:"),
                            tr("Request timeout in seconds"), 5, 3600, tr(" s"));

    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("apiToken"));
    m_token->setAccessibleName(tr("API token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setClearButtonEnabled(true);
    connect(m_token, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    auto *tokenLabel = new QLabel(tr("API &token:"));
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, m_token);
    m_saveToken = new QCheckBox(tr("Save the token in the &keychain"));
    m_saveToken->setObjectName(QStringLiteral("saveTokenInKeychain"));
    m_saveToken->setAccessibleName(tr("Save the token in the keychain"));
    m_saveToken->setToolTip(tr("Otherwise the token is kept for this session only."));
    m_saveToken->setChecked(true);
    m_forgetToken = new QPushButton(tr("&Forget Token"));
    m_forgetToken->setObjectName(QStringLiteral("forgetTokenButton"));
    m_forgetToken->setAccessibleName(tr("Forget the saved token"));
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_saveToken, 1);
    tokenRow->addWidget(m_forgetToken);
    form->addRow(QString(), tokenRow);
    m_tokenStatus = new QLabel;
    m_tokenStatus->setObjectName(QStringLiteral("tokenStatus"));
    m_tokenStatus->setAccessibleName(tr("Token status"));
    m_tokenStatus->setWordWrap(true);
    m_tokenStatus->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_tokenStatus);
    right->addLayout(form);
    connect(m_forgetToken, &QPushButton::clicked, this, [this] {
        if (m_editing.isEmpty())
            return;
        TokenStore::forgetSessionToken(m_editing);
        TokenStore::remove(m_editing, this, [this, name = m_editing](const TokenResult &r) {
            if (r.status == TokenResult::Status::Ok || r.status == TokenResult::Status::NotFound)
                showTokenStatus(name);
            else if (name == m_editing)
                m_tokenStatus->setText(r.error);
        });
    });

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("T&est Connection"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setAccessibleName(tr("Test the connection"));
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    right->addLayout(testRow);
    connect(m_test, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    right->addWidget(m_message);
    right->addStretch();

    auto *buttons = new QDialogButtonBox;
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("saveConnectionButton"));
    m_save->setAccessibleName(tr("Save the connection"));
    m_save->setDefault(true);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeConnectionsButton"));
    right->addWidget(buttons);
    layout->addLayout(right, 2);

    connect(m_save, &QPushButton::clicked, this, &ConnectionsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &ConnectionsDialog::addConnection);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectionsDialog::duplicateConnection);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsDialog::removeConnection);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (m_loading || name.isEmpty() || name == m_editing)
            return;
        if (!leaveCurrent()) {
            // Stay on the connection with the unsaved changes.
            m_loading = true;
            const QList<QListWidgetItem *> items = m_list->findItems(m_editing, Qt::MatchExactly);
            if (items.isEmpty())
                m_list->setCurrentRow(-1);
            else
                m_list->setCurrentItem(items.constFirst());
            m_loading = false;
            return;
        }
        selectConnection(name);
    });
}

void ConnectionsDialog::reloadList(const QString &select)
{
    m_loading = true;
    m_list->clear();
    m_list->addItems(m_store.names());
    m_loading = false;
    if (!select.isEmpty())
        selectConnection(select);
}

void ConnectionsDialog::selectConnection(const QString &name)
{
    const std::optional<Connection> c = m_store.load(name);
    if (!c)
        return;
    m_loading = true;
    const QList<QListWidgetItem *> items = m_list->findItems(name, Qt::MatchExactly);
    if (!items.isEmpty())
        m_list->setCurrentItem(items.constFirst());
    m_loading = false;
    showConnection(*c, name);
}

void ConnectionsDialog::showConnection(const Connection &c, const QString &savedName)
{
    m_loading = true;
    m_editing = savedName;
    m_name->setText(c.name);
    m_url->setText(c.server.toString());
    m_caFile->setText(QDir::toNativeSeparators(c.caFile));
    m_source->setCurrentIndex(std::max(0, m_source->findData(Connection::sourceName(c.source))));
    m_threshold->setValue(int(std::lround(c.completionThreshold * 100)));
    m_questionTimeout->setValue(c.questionTimeoutSeconds);
    m_requestTimeout->setValue(c.requestTimeoutSeconds);
    m_token->clear();
    m_testResult->clear();
    m_loading = false;
    setDirty(false);
    m_duplicate->setEnabled(!savedName.isEmpty());
    m_forgetToken->setEnabled(!savedName.isEmpty());
    showTokenStatus(savedName);
}

Connection ConnectionsDialog::formConnection() const
{
    Connection c;
    c.name = m_name->text();
    c.server = QUrl(m_url->text().trimmed());
    c.caFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    fetch::Connection::sourceFromName(m_source->currentData().toString(), &c.source);
    c.completionThreshold = m_threshold->value() / 100.0;
    c.questionTimeoutSeconds = m_questionTimeout->value();
    c.requestTimeoutSeconds = m_requestTimeout->value();
    return c;
}

QString ConnectionsDialog::tokenStatusText(const TokenResult &result)
{
    const bool session = !TokenStore::sessionToken(result.connection).isEmpty();
    switch (result.status) {
    case TokenResult::Status::Ok:
        return tr("A token is saved in the keychain.");
    case TokenResult::Status::NotFound:
        return session ? tr("A token is kept for this session only (not in the keychain).")
                       : tr("No token is saved: paste the API token.");
    case TokenResult::Status::Denied:
    case TokenResult::Status::Unavailable:
    case TokenResult::Status::Failed:
        break;
    }
    return session ? tr("%1 A token is kept for this session only.").arg(result.error)
                   : result.error;
}

void ConnectionsDialog::showTokenStatus(const QString &name)
{
    if (name.isEmpty()) {
        m_tokenStatus->setText(tr("No token yet: paste the API token."));
        return;
    }
    m_tokenStatus->setText(tr("Looking in the keychain…"));
    TokenStore::read(name, this, [this, name](const TokenResult &r) {
        if (name == m_editing)
            m_tokenStatus->setText(tokenStatusText(r));
    });
}

void ConnectionsDialog::storeToken(const QString &name, const QByteArray &token)
{
    if (!m_saveToken->isChecked()) {
        TokenStore::setSessionToken(name, token);
        m_tokenStatus->setText(tr("The token is kept for this session only."));
        return;
    }
    m_tokenStatus->setText(tr("Saving the token in the keychain…"));
    TokenStore::write(name, token, this, [this, name, token](const TokenResult &r) {
        if (r.ok())
            TokenStore::forgetSessionToken(name);
        else
            TokenStore::setSessionToken(name, token); // still usable until trhealth quits
        if (name == m_editing)
            m_tokenStatus->setText(r.ok() ? tr("The token is saved in the keychain.") : r.error);
    });
}

bool ConnectionsDialog::save()
{
    const Connection c = formConnection();
    QString error = fetch::ConnectionStore::nameError(c.name);
    if (error.isEmpty())
        error = Connection::validate(c);
    if (error.isEmpty())
        error = m_store.save(c, m_editing);
    if (!error.isEmpty()) {
        setMessage(error);
        m_message->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
        return false;
    }
    const QString previous = m_editing;
    const QByteArray token = m_token->text().trimmed().toUtf8();
    m_token->clear();
    m_editing = c.name;
    const bool renamed = !previous.isEmpty() && previous != c.name;
    reloadList(c.name);
    setMessage(tr("Saved \"%1\".").arg(c.name));
    m_message->setStyleSheet(QString());
    if (renamed && token.isEmpty()) {
        TokenStore::rename(previous, c.name, this,
                           [this, name = c.name](const TokenResult &) { showTokenStatus(name); });
    } else if (renamed) {
        TokenStore::forgetSessionToken(previous);
        TokenStore::remove(previous, this, [](const TokenResult &) {});
    }
    if (!token.isEmpty())
        storeToken(c.name, token);
    emit connectionsChanged();
    return true;
}

void ConnectionsDialog::addConnection()
{
    if (!leaveCurrent())
        return;
    Connection c;
    c.name = m_store.unusedName(tr("New connection"));
    m_loading = true;
    m_list->setCurrentRow(-1);
    m_loading = false;
    showConnection(c, QString());
    setMessage(tr("Fill in the new connection, then save it."));
    m_message->setStyleSheet(QString());
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionsDialog::duplicateConnection()
{
    if (m_editing.isEmpty() || !leaveCurrent())
        return;
    Connection c = formConnection();
    c.name = m_store.unusedName(tr("%1 (copy)").arg(c.name));
    m_loading = true;
    m_list->setCurrentRow(-1);
    m_loading = false;
    showConnection(c, QString());
    setDirty(true);
    setMessage(tr("The copy is saved with its own token: paste it, then save."));
    m_message->setStyleSheet(QString());
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionsDialog::removeConnection()
{
    if (m_editing.isEmpty()) {
        // A new connection that was never saved: drop the form.
        setDirty(false);
        reloadList(m_store.names().value(0));
        if (m_store.names().isEmpty())
            addConnection();
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove Connection"),
                        tr("Remove the connection \"%1\" and its saved token?").arg(m_editing),
                        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("removeConnectionQuestion"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, name = m_editing](int answer) {
        if (answer != QMessageBox::Yes || name != m_editing)
            return;
        m_store.remove(name);
        TokenStore::forgetSessionToken(name);
        TokenStore::remove(name, this, [](const TokenResult &) {});
        m_editing.clear();
        setDirty(false);
        const QStringList names = m_store.names();
        reloadList(names.value(0));
        if (names.isEmpty())
            addConnection();
        setMessage(tr("Removed \"%1\".").arg(name));
        m_message->setStyleSheet(QString());
        emit connectionsChanged();
    });
    box->open();
}

void ConnectionsDialog::browseCaFile()
{
    const QStringList preset = DialogSeam::takeNextOpenFileNames();
    QSettings settings;
    const QString start = m_caFile->text().isEmpty()
                              ? settings.value(SettingsKey::lastCaDirectory()).toString()
                              : QFileInfo(m_caFile->text()).absolutePath();
    const QString path =
        !preset.isEmpty()
            ? preset.constFirst()
            : QFileDialog::getOpenFileName(this, tr("CA Certificate File"), start,
                                           tr("PEM certificates (*.pem *.crt *.cer);;All "
                                              "files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(SettingsKey::lastCaDirectory(), QFileInfo(path).absolutePath());
    m_caFile->setText(QDir::toNativeSeparators(path));
    setDirty(true);
}

void ConnectionsDialog::testConnection()
{
    const Connection c = formConnection();
    if (const QString invalid = Connection::validate(c); !invalid.isEmpty())
        return tested(false, invalid);
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Testing %1…").arg(c.server.host()));
    QByteArray token = m_token->text().trimmed().toUtf8();
    if (token.isEmpty() && !m_editing.isEmpty())
        token = TokenStore::sessionToken(m_editing);
    if (!token.isEmpty() || m_editing.isEmpty())
        return m_tester->testConnection(c, token);
    TokenStore::read(m_editing, this, [this, c](const TokenResult &r) {
        if (!r.ok())
            return tested(false, r.status == TokenResult::Status::NotFound
                                     ? tr("No token is saved: paste the API token.")
                                     : r.error);
        m_tester->testConnection(c, r.token);
    });
}

void ConnectionsDialog::tested(bool ok, const QString &message)
{
    m_test->setEnabled(true);
    m_testResult->setStyleSheet(toneStyleSheet(palette(), ok ? Tone::Good : Tone::Bad));
    m_testResult->setText(ok ? tr("OK: %1").arg(message) : tr("Failed: %1").arg(message));
}

void ConnectionsDialog::setMessage(const QString &text)
{
    m_message->setText(text);
}

void ConnectionsDialog::setDirty(bool dirty)
{
    if (m_loading)
        return;
    m_dirty = dirty;
    // A new connection can always be saved; a saved one once something changed.
    m_save->setEnabled(dirty || m_editing.isEmpty());
}

bool ConnectionsDialog::leaveCurrent()
{
    if (!m_dirty || save())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Connection"),
        tr("The connection cannot be saved: %1\n\nDiscard the changes?").arg(m_message->text()),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return false;
    setDirty(false);
    return true;
}

void ConnectionsDialog::done(int result)
{
    if (m_dirty && !leaveCurrent())
        return;
    QDialog::done(result);
}

} // namespace trh
