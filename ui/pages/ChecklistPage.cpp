#include "ChecklistPage.h"
#include "Theme.h"

#include "analysis/Checklist.h"
#include "widgets/ScrollingPage.h"

#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace trh {
namespace {

QString userName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name;
}

} // namespace

ChecklistPage::ChecklistPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("checklistPage"));
    QVBoxLayout *layout = makeScrollingPage(this);

    m_header = new QLabel;
    m_header->setObjectName(QStringLiteral("checklistHeader"));
    m_header->setWordWrap(true);
    layout->addWidget(m_header);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("checklistError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
    m_error->hide();
    layout->addWidget(m_error);

    m_notesTimer = new QTimer(this);
    m_notesTimer->setSingleShot(true);
    m_notesTimer->setInterval(700);
    connect(m_notesTimer, &QTimer::timeout, this, &ChecklistPage::saveNotes);

    const auto &steps = Checklist::steps();
    m_rows.resize(steps.size());
    for (size_t i = 0; i < steps.size(); ++i) {
        const ChecklistStep &step = steps[i];
        Row &row = m_rows[i];
        row.step = step.id;
        const QString prefix = QStringLiteral("checklist.") + step.id + QLatin1Char('.');
        auto *box = new QGroupBox(tr("%1. %2").arg(int(i + 1)).arg(step.title));
        box->setObjectName(prefix + QStringLiteral("box"));
        // What to review, its status and the sign-off on the left; the notes on the right.
        auto *cardLayout = new QHBoxLayout(box);
        auto *left = new QVBoxLayout;
        cardLayout->addLayout(left, 3);
        auto *what = new QLabel(step.what);
        what->setWordWrap(true);
        what->setForegroundRole(QPalette::PlaceholderText);
        left->addWidget(what);
        row.status = new QLabel;
        row.status->setObjectName(prefix + QStringLiteral("status"));
        row.status->setWordWrap(true);
        row.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = row.status->font();
        bold.setBold(true);
        row.status->setFont(bold);
        left->addWidget(row.status);

        auto *whoLabel = new QLabel(tr("Signed off by:"));
        row.who = new QLineEdit;
        row.who->setObjectName(prefix + QStringLiteral("signedBy"));
        row.who->setAccessibleName(tr("%1: signed off by").arg(step.title));
        row.who->setMaximumWidth(200);
        whoLabel->setBuddy(row.who);
        row.when = new QLabel;
        row.when->setObjectName(prefix + QStringLiteral("signedAt"));
        row.sign = new QPushButton;
        row.sign->setObjectName(prefix + QStringLiteral("signOff"));
        auto *whoRow = new QHBoxLayout;
        whoRow->addWidget(whoLabel);
        whoRow->addWidget(row.who);
        whoRow->addWidget(row.sign);
        whoRow->addWidget(row.when, 1);
        left->addLayout(whoRow);
        left->addStretch();

        row.notes = new QPlainTextEdit;
        row.notes->setObjectName(prefix + QStringLiteral("notes"));
        row.notes->setAccessibleName(tr("%1: notes").arg(step.title));
        row.notes->setPlaceholderText(tr("Notes: what was found, what was done, tickets…"));
        row.notes->setTabChangesFocus(true);
        row.notes->setFixedHeight(row.notes->fontMetrics().lineSpacing() * 4 + 12);
        cardLayout->addWidget(row.notes, 2);
        layout->addWidget(box);

        connect(row.sign, &QPushButton::clicked, this, [this, i] { toggleSignOff(m_rows[i]); });
        connect(row.notes, &QPlainTextEdit::textChanged, this, [this, i] {
            if (m_filling)
                return;
            m_rows[i].notesDirty = true;
            m_notesTimer->start();
        });
    }
    layout->addStretch();
    setEnabled(false);
}

ChecklistPage::~ChecklistPage()
{
    saveNotes();
}

void ChecklistPage::setWorkspace(const QString &dbPath)
{
    if (dbPath == m_dbPath && m_workspace.isOpen())
        return;
    saveNotes();
    m_workspace.close();
    m_dbPath = dbPath;
    const workspace::OpenResult opened = m_workspace.open(dbPath, workspace::OpenMode::Reading);
    if (!opened.ok()) {
        m_workspace.close();
        showError(opened.error);
    }
    reload();
}

void ChecklistPage::setSummary(const FleetSummary &summary)
{
    saveNotes();
    m_summary = summary;
    m_month = Checklist::monthOf(summary);
    reload();
}

void ChecklistPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The status colours depend on the palette (light or dark).
    if (event->type() != QEvent::PaletteChange)
        return;
    for (Row &row : m_rows)
        row.status->setStyleSheet(
            toneStyleSheet(palette(), row.attention ? Tone::Warning : Tone::Good));
    if (m_error)
        m_error->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
}

void ChecklistPage::reload()
{
    const QDate first = QDate::fromString(m_month + QStringLiteral("-01"), Qt::ISODate);
    m_header->setText(tr("<h2>Maintenance checklist — %1</h2><p>The steps of the monthly "
                         "Threat Response maintenance. Each status comes from the current "
                         "snapshot; sign off a step once it is reviewed.</p>")
                          .arg(QLocale().standaloneMonthName(first.month()) + QLatin1Char(' ') +
                               QString::number(first.year())));
    setEnabled(m_workspace.isOpen() && !m_month.isEmpty());
    if (!m_workspace.isOpen() || m_month.isEmpty())
        return;
    QString error;
    const auto entries = m_workspace.checklist(m_month, &error);
    if (!entries) {
        showError(error);
        return;
    }
    m_error->hide();
    m_filling = true;
    for (size_t i = 0; i < m_rows.size() && i < entries->size(); ++i) {
        Row &row = m_rows[i];
        const ChecklistEntry &e = (*entries)[i];
        const ChecklistStatus status = Checklist::status(row.step, m_summary);
        row.status->setText((status.attention ? QStringLiteral("⚠ ") : QStringLiteral("✓ ")) +
                            status.text);
        row.attention = status.attention;
        row.status->setStyleSheet(
            toneStyleSheet(palette(), status.attention ? Tone::Warning : Tone::Good));
        if (e.isSignedOff()) {
            row.who->setText(e.signedBy);
            row.who->setReadOnly(true);
            row.when->setText(tr("on %1").arg(
                QLocale().toString(e.signedAt.toLocalTime(), QLocale::ShortFormat)));
            row.sign->setText(tr("Undo Sign-Off"));
            row.sign->setAccessibleName(
                tr("Undo the sign-off of %1").arg(Checklist::steps()[i].title));
        } else {
            if (row.who->isReadOnly() || row.who->text().isEmpty())
                row.who->setText(userName());
            row.who->setReadOnly(false);
            row.when->setText(tr("not signed off"));
            row.sign->setText(tr("Sign Off"));
            row.sign->setAccessibleName(tr("Sign off %1").arg(Checklist::steps()[i].title));
        }
        row.notes->setPlainText(e.notes);
        row.notesDirty = false;
        if (!m_readOnlyReason.isEmpty()) {
            row.who->setReadOnly(true);
            row.notes->setReadOnly(true);
            row.notes->setToolTip(m_readOnlyReason);
        }
        row.sign->setEnabled(m_readOnlyReason.isEmpty());
        row.sign->setToolTip(m_readOnlyReason);
    }
    m_filling = false;
}

void ChecklistPage::setReadOnly(const QString &reason)
{
    saveNotes();
    m_readOnlyReason = reason;
    for (Row &row : m_rows) {
        row.notes->setReadOnly(!reason.isEmpty());
        row.notes->setToolTip(reason);
    }
    reload();
}

void ChecklistPage::toggleSignOff(Row &row)
{
    if (!m_readOnlyReason.isEmpty())
        return;
    saveNotes();
    QString error;
    bool ok = false;
    if (row.who->isReadOnly()) {
        ok = m_workspace.clearSignOff(m_month, row.step, &error);
    } else {
        const QString who = row.who->text().trimmed();
        if (who.isEmpty()) {
            showError(tr("Enter who signs the step off."));
            row.who->setFocus();
            return;
        }
        ok = m_workspace.signOff(m_month, row.step, who, QDateTime::currentDateTimeUtc(), &error);
    }
    if (!ok) {
        showError(error);
        return;
    }
    reload();
    emit checklistChanged();
}

void ChecklistPage::saveNotes()
{
    m_notesTimer->stop();
    if (!m_workspace.isOpen() || m_month.isEmpty() || !m_readOnlyReason.isEmpty())
        return;
    for (Row &row : m_rows) {
        if (!row.notesDirty)
            continue;
        QString error;
        if (!m_workspace.setChecklistNotes(m_month, row.step, row.notes->toPlainText(), &error)) {
            showError(error);
            return;
        }
        row.notesDirty = false;
    }
}

void ChecklistPage::showError(const QString &error)
{
    m_error->setText(tr("The checklist could not be saved or read: %1").arg(error));
    m_error->show();
}

} // namespace trh
