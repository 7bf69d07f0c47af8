#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "analysis/FindingCatalog.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace trh::cli {

// The endpoints behind a figure: every finding of a snapshot (optionally of one code), with
// the note or accepted-risk exception that touches it.
int findingsCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                      QStringLiteral("Snapshot id, or \"latest\" (default)."),
                                      QStringLiteral("ID"), QStringLiteral("latest"));
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("Only this finding code."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOptions({db, snapshot, code, json});
    if (const int rc = parse(
            p, args, QStringLiteral("List the findings of a snapshot, endpoint by endpoint."));
        rc >= 0)
        return rc;
    if (p.isSet(code) && !findingKind(p.value(code)))
        return fail(BadInput, QStringLiteral("--code %1: not a finding code").arg(p.value(code)));
    workspace::Workspace ws;
    std::int64_t id = 0;
    if (const int rc =
            openSnapshot(ws, p.value(db), workspace::OpenMode::Reading, p.value(snapshot), &id);
        rc >= 0)
        return rc;
    QString error;
    if (!ws.ensureAnalysis(id, &error))
        return fail(Failure, QStringLiteral("%1: %2").arg(ws.path(), error));
    QJsonArray rows;
    qint64 count = 0, accepted = 0;
    const bool listed = ws.findings(
        id, p.value(code),
        [&](const workspace::FindingRow &f) {
            ++count;
            accepted += f.accepted;
            if (p.isSet(json)) {
                QJsonObject row{
                    {QStringLiteral("endpoint"), f.endpoint}, {QStringLiteral("code"), f.code},
                    {QStringLiteral("subject"), f.subject},   {QStringLiteral("detail"), f.detail},
                    {QStringLiteral("accepted"), f.accepted}, {QStringLiteral("notes"), f.notes}};
                if (!f.hasEndpoint)
                    row.insert(QStringLiteral("aggregate_weight"), qint64(f.weight));
                rows.append(row);
                return;
            }
            out() << (f.hasEndpoint ? printable(f.endpoint)
                                    : QStringLiteral("(%1 endpoints)").arg(f.weight))
                  << "\t" << f.code << "\t" << printable(f.subject) << "\t" << printable(f.detail);
            if (f.accepted)
                out() << "\t[accepted]";
            if (!f.notes.isNull())
                out() << "\tnote: " << printable(f.notes);
            out() << "\n";
        },
        &error);
    if (!listed)
        return fail(Failure, error);
    if (p.isSet(json)) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("snapshot"), qint64(id)},
                                           {QStringLiteral("count"), count},
                                           {QStringLiteral("accepted"), accepted},
                                           {QStringLiteral("findings"), rows}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << QStringLiteral("%1 finding(s), %2 accepted\n").arg(count).arg(accepted);
    }
    out().flush();
    return Success;
}

} // namespace trh::cli
