#pragma once

#include "analysis/Notes.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace trh {

// Adds or edits a note on one endpoint's finding code: the text (required), a ticket
// reference, the author (defaults to the login name, then to the last author entered, kept
// in QSettings "note/author") and, optionally, "accept this finding until" a date that is
// today or later. OK stays disabled until the entries are valid. The dialog only collects
// the note; its caller writes it.
class NoteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteDialog)

public:
    // note: the note to edit (id > 0) or the endpoint and code of a new one.
    explicit NoteDialog(const Note &note, QWidget *parent = nullptr);

    // The note as entered: the given note with text, ticket, author and acceptedUntil
    // replaced.
    Note note() const;
    bool isValid() const;

    void accept() override; // remembers the author

private:
    void validate();

    Note m_note;
    QLabel *m_subject = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLineEdit *m_ticket = nullptr;
    QLineEdit *m_author = nullptr;
    QCheckBox *m_accept = nullptr;
    QDateEdit *m_until = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace trh
