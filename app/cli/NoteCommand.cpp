// trhealth-cli note add|list|remove: notes and accepted exceptions on endpoints' findings.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "analysis/FindingCatalog.h"
#include "analysis/Notes.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace trh::cli {

namespace {

QJsonObject noteJson(const Note &n)
{
    return QJsonObject{
        {QStringLiteral("id"), qint64(n.id)},
        {QStringLiteral("endpoint"), n.endpointName},
        {QStringLiteral("code"), n.code},
        {QStringLiteral("text"), n.text},
        {QStringLiteral("ticket"), n.ticket},
        {QStringLiteral("author"), n.author},
        {QStringLiteral("created_at"), n.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("accepted_until"), n.acceptedUntil
                                               ? QJsonValue(n.acceptedUntil->toString(Qt::ISODate))
                                               : QJsonValue(QJsonValue::Null)},
    };
}

int noteAdd(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      QStringLiteral("Endpoint (Computer Name, any case)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption code(QStringLiteral("code"),
                                  QStringLiteral("Finding code, e.g. driver.service_not_running."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption text(QStringLiteral("text"), QStringLiteral("The note."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption ticket(QStringLiteral("ticket"), QStringLiteral("Ticket reference."),
                                    QStringLiteral("T"));
    const QCommandLineOption author(QStringLiteral("author"),
                                    QStringLiteral("Author (default: $USER / $USERNAME)."),
                                    QStringLiteral("A"));
    const QCommandLineOption acceptUntil(
        QStringLiteral("accept-until"),
        QStringLiteral("Accept the finding as a known exception up to "
                       "and including this day."),
        QStringLiteral("YYYY-MM-DD"));
    p.addOptions({db, endpoint, code, text, ticket, author, acceptUntil});
    if (const int rc = parse(p, args,
                             QStringLiteral("Add a note (or an accepted exception) to an "
                                            "endpoint's finding."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "note add"); rc >= 0)
        return rc;
    for (const QCommandLineOption *o : {&endpoint, &code, &text}) {
        if (!p.isSet(*o))
            return fail(UsageError, QStringLiteral("note add: --%1 %2 is required")
                                        .arg(o->names().constFirst(), o->valueName()));
    }
    Note note;
    if (p.isSet(acceptUntil)) {
        const QDate d = QDate::fromString(p.value(acceptUntil), QStringLiteral("yyyy-MM-dd"));
        if (!d.isValid())
            return fail(
                UsageError,
                QStringLiteral("--accept-until %1: expected YYYY-MM-DD").arg(p.value(acceptUntil)));
        note.acceptedUntil = d;
    }
    if (p.value(text).trimmed().isEmpty())
        return fail(UsageError, QStringLiteral("note add: --text must not be empty"));
    if (!findingKind(p.value(code)))
        return fail(BadInput, QStringLiteral("unknown finding code \"%1\"").arg(p.value(code)));
    note.code = p.value(code);
    note.text = p.value(text);
    note.ticket = p.value(ticket);
    note.author = p.isSet(author) ? p.value(author) : qEnvironmentVariable("USER");
    if (note.author.isEmpty())
        note.author = qEnvironmentVariable("USERNAME");
    workspace::Workspace ws;
    if (const int rc = openWorkspace(ws, p.value(db), workspace::OpenMode::Existing); rc >= 0)
        return rc;
    const auto endpointId = ws.endpointByName(p.value(endpoint));
    if (!endpointId)
        return fail(BadInput,
                    QStringLiteral("%1: no endpoint \"%2\"").arg(ws.path(), p.value(endpoint)));
    note.endpointId = *endpointId;
    QString error;
    const auto id = ws.addNote(note, &error);
    if (!id)
        return changeFailed(ws, error);
    out() << QStringLiteral("note %1 added\n").arg(*id);
    out().flush();
    return Success;
}

int noteList(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      QStringLiteral("Only this endpoint's notes."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the notes as JSON."));
    p.addOptions({db, endpoint, json});
    if (const int rc = parse(p, args, QStringLiteral("List notes and accepted exceptions."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "note list"); rc >= 0)
        return rc;
    workspace::Workspace ws;
    if (const int rc = openWorkspace(ws, p.value(db), workspace::OpenMode::ReadOnly); rc >= 0)
        return rc;
    std::vector<Note> notes;
    if (p.isSet(endpoint)) {
        const auto endpointId = ws.endpointByName(p.value(endpoint));
        if (!endpointId)
            return fail(BadInput,
                        QStringLiteral("%1: no endpoint \"%2\"").arg(ws.path(), p.value(endpoint)));
        notes = ws.notes(*endpointId);
    } else {
        notes = ws.allNotes();
    }
    if (p.isSet(json)) {
        QJsonArray list;
        for (const Note &n : notes)
            list.append(noteJson(n));
        out() << QJsonDocument(
                     QJsonObject{{QStringLiteral("schema"), QStringLiteral("trhealth.notes/1")},
                                 {QStringLiteral("notes"), list}})
                     .toJson(QJsonDocument::Indented);
    } else {
        for (const Note &n : notes) {
            out() << "#" << n.id << " " << printable(n.endpointName) << " " << n.code;
            if (n.acceptedUntil)
                out() << " [accepted until " << n.acceptedUntil->toString(Qt::ISODate) << "]";
            out() << ": " << printable(n.text);
            if (!n.ticket.isEmpty())
                out() << " (ticket " << printable(n.ticket) << ")";
            out() << " — " << printable(n.author) << ", " << n.createdAt.toString(Qt::ISODate)
                  << "\n";
        }
        if (notes.empty())
            out() << "no notes\n";
    }
    out().flush();
    return Success;
}

int noteRemove(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Note id (see note list)."),
                                QStringLiteral("N"));
    p.addOptions({db, id});
    if (const int rc = parse(p, args, QStringLiteral("Remove a note.")); rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "note remove"); rc >= 0)
        return rc;
    int rc = -1;
    const auto noteId = idOption(p, id, &rc);
    if (!noteId)
        return rc;
    workspace::Workspace ws;
    if (rc = openWorkspace(ws, p.value(db), workspace::OpenMode::Existing); rc >= 0)
        return rc;
    if (!ws.note(*noteId))
        return fail(BadInput, QStringLiteral("%1: no note %2").arg(ws.path()).arg(*noteId));
    QString error;
    if (!ws.removeNote(*noteId, &error))
        return changeFailed(ws, error);
    out() << QStringLiteral("note %1 removed\n").arg(*noteId);
    out().flush();
    return Success;
}

} // namespace

// `note add|list|remove`: the sub-command becomes part of the program name, as commands do.
int noteCommand(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest[0] = args.at(0) + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("add"))
        return noteAdd(rest);
    if (sub == QLatin1String("list"))
        return noteList(rest);
    if (sub == QLatin1String("remove"))
        return noteRemove(rest);
    return fail(UsageError, sub.isEmpty() ? QStringLiteral("note: expected add, list or remove")
                                          : QStringLiteral("note: unknown sub-command \"%1\"; "
                                                           "expected add, list or remove")
                                                .arg(sub));
}

} // namespace trh::cli
