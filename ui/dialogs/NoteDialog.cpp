#include "NoteDialog.h"
#include "SettingsKeys.h"

#include "analysis/FindingCatalog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace trh {

namespace {

QString defaultAuthor()
{
    const QString remembered = QSettings().value(SettingsKey::noteAuthor()).toString().trimmed();
    if (!remembered.isEmpty())
        return remembered;
    QString user = qEnvironmentVariable("USER").trimmed();
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME").trimmed();
    return user;
}

} // namespace

NoteDialog::NoteDialog(const Note &note, QWidget *parent) : QDialog(parent), m_note(note)
{
    setObjectName(QStringLiteral("noteDialog"));
    setWindowTitle(note.id > 0 ? tr("Edit Note") : tr("Add Note"));
    auto *layout = new QVBoxLayout(this);

    const FindingKind *kind = findingKind(note.code);
    const QString finding = kind ? QCoreApplication::translate("Finding", kind->title) : note.code;
    m_subject = new QLabel(this);
    m_subject->setObjectName(QStringLiteral("noteDialog.subject"));
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setWordWrap(true);
    m_subject->setText(
        note.endpointName.isEmpty()
            ? tr("Finding: %1 (%2)").arg(finding, note.code)
            : tr("Endpoint: %1\nFinding: %2 (%3)").arg(note.endpointName, finding, note.code));
    layout->addWidget(m_subject);

    auto *form = new QFormLayout;
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("noteDialog.text"));
    m_text->setAccessibleName(tr("Note text"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("What was found, decided or done"));
    m_text->setPlainText(note.text);
    auto *textLabel = new QLabel(tr("&Note:"), this);
    textLabel->setBuddy(m_text);
    form->addRow(textLabel, m_text);

    m_ticket = new QLineEdit(note.ticket, this);
    m_ticket->setObjectName(QStringLiteral("noteDialog.ticket"));
    m_ticket->setAccessibleName(tr("Ticket reference"));
    m_ticket->setPlaceholderText(tr("e.g. CHG0012345"));
    auto *ticketLabel = new QLabel(tr("&Ticket:"), this);
    ticketLabel->setBuddy(m_ticket);
    form->addRow(ticketLabel, m_ticket);

    m_author = new QLineEdit(note.id > 0 ? note.author : defaultAuthor(), this);
    m_author->setObjectName(QStringLiteral("noteDialog.author"));
    m_author->setAccessibleName(tr("Author"));
    auto *authorLabel = new QLabel(tr("&Author:"), this);
    authorLabel->setBuddy(m_author);
    form->addRow(authorLabel, m_author);

    m_accept = new QCheckBox(tr("A&ccept this finding until"), this);
    m_accept->setObjectName(QStringLiteral("noteDialog.accept"));
    m_accept->setAccessibleName(tr("Accept this finding until a date"));
    m_until = new QDateEdit(this);
    m_until->setObjectName(QStringLiteral("noteDialog.until"));
    m_until->setAccessibleName(tr("Accepted until"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate today = QDate::currentDate();
    // An existing acceptance that already lapsed may be kept as it is; a new date must be
    // today or later (validate() says so).
    m_until->setMinimumDate(note.acceptedUntil && *note.acceptedUntil < today ? *note.acceptedUntil
                                                                              : today);
    m_until->setDate(note.acceptedUntil ? *note.acceptedUntil : today.addMonths(1));
    m_accept->setChecked(note.acceptedUntil.has_value());
    m_until->setEnabled(m_accept->isChecked());
    form->addRow(m_accept, m_until);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("noteDialog.problem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("noteDialog.buttons"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("noteDialog.ok"));
    ok->setText(note.id > 0 ? tr("Save") : tr("Add Note"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("noteDialog.cancel"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NoteDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NoteDialog::reject);

    connect(m_text, &QPlainTextEdit::textChanged, this, &NoteDialog::validate);
    connect(m_author, &QLineEdit::textChanged, this, &NoteDialog::validate);
    connect(m_until, &QDateEdit::dateChanged, this, &NoteDialog::validate);
    connect(m_accept, &QCheckBox::toggled, this, [this](bool on) {
        m_until->setEnabled(on);
        validate();
    });
    m_text->setFocus();
    resize(460, sizeHint().height());
    validate();
}

bool NoteDialog::isValid() const
{
    if (m_text->toPlainText().trimmed().isEmpty() || m_author->text().trimmed().isEmpty())
        return false;
    if (m_accept->isChecked()) {
        const QDate until = m_until->date();
        const bool unchanged = m_note.acceptedUntil && *m_note.acceptedUntil == until;
        if (!until.isValid() || (until < QDate::currentDate() && !unchanged))
            return false;
    }
    return true;
}

void NoteDialog::validate()
{
    QString problem;
    if (m_text->toPlainText().trimmed().isEmpty())
        problem = tr("Enter the note's text.");
    else if (m_author->text().trimmed().isEmpty())
        problem = tr("Enter the author.");
    else if (!isValid())
        problem = tr("The acceptance date must be today or later.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

Note NoteDialog::note() const
{
    Note n = m_note;
    n.text = m_text->toPlainText().trimmed();
    n.ticket = m_ticket->text().trimmed();
    n.author = m_author->text().trimmed();
    n.acceptedUntil.reset();
    if (m_accept->isChecked())
        n.acceptedUntil = m_until->date();
    return n;
}

void NoteDialog::accept()
{
    if (!isValid())
        return;
    QSettings().setValue(SettingsKey::noteAuthor(), m_author->text().trimmed());
    QDialog::accept();
}

} // namespace trh
