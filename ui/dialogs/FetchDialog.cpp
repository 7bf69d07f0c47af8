#include "FetchDialog.h"

#include "ConnectionsDialog.h"
#include "Theme.h"
#include "fetch/TokenStore.h"
#include "workspace/SiteMapping.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace trh {

using fetch::Connection;
using fetch::TokenResult;
using fetch::TokenStore;

FetchDialog::FetchDialog(const QString &workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_fetcher(new fetch::Fetcher(workspace))
{
    setObjectName(QStringLiteral("fetchDialog"));
    setWindowTitle(tr("Fetch from Server"));
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Ask a Tanium server for the maintenance answers and add them "
                                "to <b>%1</b> as one new snapshot.")
                                 .arg(QDir::toNativeSeparators(workspace).toHtmlEscaped()));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_connection = new QComboBox;
    m_connection->setObjectName(QStringLiteral("fetchConnection"));
    m_connection->setAccessibleName(tr("Connection"));
    m_connections = new QPushButton(tr("C&onnections…"));
    m_connections->setObjectName(QStringLiteral("editConnectionsButton"));
    m_connections->setAccessibleName(tr("Edit the connections"));
    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_connection, 1);
    connectionRow->addWidget(m_connections);
    auto *connectionLabel = new QLabel(tr("&Connection:"));
    connectionLabel->setBuddy(m_connection);
    form->addRow(connectionLabel, connectionRow);
    m_server = new QLabel;
    m_server->setObjectName(QStringLiteral("fetchServer"));
    m_server->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_server);
    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("fetchToken"));
    m_token->setAccessibleName(tr("API token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("only if none is saved: used for this session only"));
    auto *tokenLabel = new QLabel(tr("API &token:"));
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, m_token);
    m_tokenStatus = new QLabel;
    m_tokenStatus->setObjectName(QStringLiteral("fetchTokenStatus"));
    m_tokenStatus->setAccessibleName(tr("Token status"));
    m_tokenStatus->setWordWrap(true);
    m_tokenStatus->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_tokenStatus);
    m_label = new QLineEdit;
    m_label->setObjectName(QStringLiteral("fetchLabel"));
    m_label->setAccessibleName(tr("Snapshot label"));
    m_label->setPlaceholderText(tr("optional; default: \"Fetched from <server>\""));
    auto *labelLabel = new QLabel(tr("&Label:"));
    labelLabel->setBuddy(m_label);
    form->addRow(labelLabel, m_label);
    m_alertMonths = new QSpinBox;
    m_alertMonths->setObjectName(QStringLiteral("fetchAlertMonths"));
    m_alertMonths->setAccessibleName(tr("Months of Threat Response alerts"));
    m_alertMonths->setRange(0, 36);
    m_alertMonths->setValue(fetch::FetchOptions().alertMonths);
    m_alertMonths->setSpecialValueText(tr("none"));
    m_alertMonths->setSuffix(tr(" month(s)"));
    auto *alertsLabel = new QLabel(tr("&Alerts of the last:"));
    alertsLabel->setBuddy(m_alertMonths);
    form->addRow(alertsLabel, m_alertMonths);
    layout->addLayout(form);

    m_step = new QLabel;
    m_step->setObjectName(QStringLiteral("fetchStep"));
    m_step->setAccessibleName(tr("Current step"));
    m_step->setTextFormat(Qt::PlainText);
    m_step->setWordWrap(true);
    layout->addWidget(m_step);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("fetchProgress"));
    m_progress->setAccessibleName(tr("Fetch progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m steps"));
    m_progress->hide(); // until a fetch starts
    layout->addWidget(m_progress);
    m_outcome = new QLabel;
    m_outcome->setObjectName(QStringLiteral("fetchOutcome"));
    m_outcome->setAccessibleName(tr("Result"));
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_outcome);
    m_report = new QPlainTextEdit;
    m_report->setObjectName(QStringLiteral("fetchReport"));
    m_report->setAccessibleName(tr("Fetch report"));
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_report->hide();
    layout->addWidget(m_report, 100);
    layout->addStretch(1); // keeps the form at the top while the report is hidden

    auto *buttons = new QDialogButtonBox;
    m_start = buttons->addButton(tr("&Fetch"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startFetchButton"));
    m_start->setAccessibleName(tr("Start the fetch"));
    m_start->setDefault(true);
    m_cancel = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancelFetchButton"));
    layout->addWidget(buttons);
    connect(m_start, &QPushButton::clicked, this, [this] { startFetch(); });
    connect(m_cancel, &QPushButton::clicked, this, &FetchDialog::reject);
    connect(m_connections, &QPushButton::clicked, this, &FetchDialog::editConnections);
    connect(m_connection, &QComboBox::currentIndexChanged, this, &FetchDialog::connectionChosen);

    // The fetcher lives on its own thread: the network part never blocks, but the final
    // import of a large fleet would hold the window for its duration.
    m_fetcher->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_fetcher, &QObject::deleteLater);
    connect(m_fetcher, &fetch::Fetcher::progress, this, &FetchDialog::progress);
    connect(m_fetcher, &fetch::Fetcher::finished, this, &FetchDialog::finished);
    m_thread.start();

    reloadConnections(m_store.lastUsed());
    setFetching(false);
}

FetchDialog::~FetchDialog()
{
    // cancel() is safe from any thread; the import rolls back when it sees it.
    if (m_fetching)
        m_fetcher->cancel();
    m_thread.quit();
    m_thread.wait();
}

void FetchDialog::setTuning(const fetch::FetchTuning &tuning)
{
    QMetaObject::invokeMethod(m_fetcher,
                              [fetcher = m_fetcher, tuning] { fetcher->setTuning(tuning); });
}

void FetchDialog::reloadConnections(const QString &select)
{
    const QSignalBlocker blocker(m_connection);
    m_connection->clear();
    m_connection->addItems(m_store.names());
    m_connection->setCurrentIndex(std::max(0, m_connection->findText(select)));
    connectionChosen();
}

void FetchDialog::connectionChosen()
{
    const QString name = m_connection->currentText();
    const std::optional<Connection> c = m_store.load(name);
    m_start->setEnabled(c.has_value() && !m_fetching);
    m_token->clear();
    if (!c) {
        m_server->clear();
        m_tokenStatus->setText(tr("No connection yet: add one with Connections…"));
        return;
    }
    m_server->setText(tr("%1 — %2").arg(c->server.toString(), c->source == fetch::Source::Gateway
                                                                  ? tr("API Gateway")
                                                                  : tr("REST API v2")));
    if (!TokenStore::sessionToken(name).isEmpty()) {
        m_tokenStatus->setText(tr("A token is kept for this session only (not in the keychain)."));
        return;
    }
    m_tokenStatus->setText(tr("Looking in the keychain…"));
    TokenStore::read(name, this, [this, name](const TokenResult &r) {
        if (name == m_connection->currentText())
            m_tokenStatus->setText(ConnectionsDialog::tokenStatusText(r));
    });
}

void FetchDialog::editConnections()
{
    auto *dialog = new ConnectionsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_connection->currentText().isEmpty())
        dialog->selectConnection(m_connection->currentText());
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        reloadConnections(dialog->currentName().isEmpty() ? m_connection->currentText()
                                                          : dialog->currentName());
    });
    dialog->open();
}

bool FetchDialog::startFetch()
{
    if (m_fetching || m_resolving)
        return false;
    const QString name = m_connection->currentText();
    const std::optional<Connection> c = m_store.load(name);
    m_outcome->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
    if (!c) {
        m_outcome->setText(tr("Choose a connection first (Connections…)."));
        return false;
    }
    if (const QString invalid = Connection::validate(*c); !invalid.isEmpty()) {
        m_outcome->setText(invalid);
        return false;
    }
    m_outcome->clear();
    const QByteArray typed = m_token->text().trimmed().toUtf8();
    if (!typed.isEmpty()) {
        // Pasted here: kept for this session, never saved (the Connections dialog does that).
        TokenStore::setSessionToken(name, typed);
        m_token->clear();
        run(*c, typed);
        return true;
    }
    if (const QByteArray session = TokenStore::sessionToken(name); !session.isEmpty()) {
        run(*c, session);
        return true;
    }
    m_resolving = true;
    m_start->setEnabled(false);
    m_step->setText(tr("Reading the token from the keychain…"));
    TokenStore::read(name, this, [this, connection = *c](const TokenResult &r) {
        m_resolving = false;
        m_step->clear();
        m_start->setEnabled(true);
        if (r.ok() && !r.token.isEmpty())
            return run(connection, r.token);
        m_tokenStatus->setText(ConnectionsDialog::tokenStatusText(r));
        m_outcome->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
        m_outcome->setText(
            tr("No token for \"%1\": paste the API token above, then fetch.").arg(connection.name));
        m_token->setFocus();
    });
    return true;
}

void FetchDialog::run(const Connection &connection, const QByteArray &token)
{
    const workspace::SiteMapping site = workspace::SiteMapping::load();
    if (!site.ok()) {
        m_outcome->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
        m_outcome->setText(tr("The site's dataset mapping cannot be read: %1").arg(site.error));
        return;
    }
    fetch::FetchOptions options;
    options.connection = connection;
    options.token = token;
    options.mapping = site.mapping;
    options.label = m_label->text().trimmed();
    options.alertMonths = m_alertMonths->value();
    m_store.setLastUsed(connection.name);
    m_result = {};
    m_report->hide();
    m_outcome->clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->show();
    m_step->setText(tr("Connecting to %1…").arg(connection.server.host()));
    setFetching(true);
    QMetaObject::invokeMethod(m_fetcher,
                              [fetcher = m_fetcher, options] { fetcher->start(options); });
}

void FetchDialog::progress(const QString &step, int done, int total)
{
    if (!m_fetching)
        return;
    m_step->setText(step);
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(std::clamp(done, 0, std::max(1, total)));
}

void FetchDialog::finished(const fetch::FetchResult &result)
{
    m_result = result;
    setFetching(false);
    m_step->clear();
    if (result.ok) {
        m_progress->setValue(m_progress->maximum());
        m_outcome->setStyleSheet(toneStyleSheet(palette(), Tone::Good));
        m_outcome->setText(tr("Fetched snapshot %1 in %2 s.")
                               .arg(result.snapshotId)
                               .arg(QLocale().toString(double(result.elapsedMs) / 1000.0, 'f', 1)));
        QStringList parts{result.reportText.trimmed()};
        for (const QString &w : result.warnings)
            parts << tr("warning: %1").arg(w);
        m_report->setPlainText(parts.join(QLatin1Char('\n')));
        m_report->show();
        // Done: the same connection again would only make a second snapshot.
        m_start->setEnabled(false);
        emit fetched(m_workspace, result.snapshotId);
    } else {
        m_progress->setValue(0);
        m_outcome->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
        m_outcome->setText(result.cancelled
                               ? result.error
                               : tr("The fetch failed: %1\nNothing was written; the workspace is "
                                    "unchanged.")
                                     .arg(result.error));
    }
    emit fetchFinished(result.ok);
}

void FetchDialog::setFetching(bool on)
{
    m_fetching = on;
    m_start->setEnabled(!on && m_connection->count() > 0 && !m_result.ok);
    m_connection->setEnabled(!on);
    m_connections->setEnabled(!on);
    m_token->setEnabled(!on);
    m_label->setEnabled(!on);
    m_alertMonths->setEnabled(!on);
    m_cancel->setText(on ? tr("Cancel") : tr("Close"));
    m_cancel->setAccessibleName(on ? tr("Cancel the fetch") : tr("Close"));
}

void FetchDialog::reject()
{
    if (m_fetching) {
        m_step->setText(tr("Cancelling…"));
        m_fetcher->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace trh
