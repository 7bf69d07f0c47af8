#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "analysis/Analyzer.h"
#include "analysis/FindingCatalog.h"
#include "analysis/Notes.h"
#include "analysis/Summary.h"
#include "store/Database.h"

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
    Database database;
    if (const int rc = openStore(database, p.value(db), Store::OpenMode::Reading); rc >= 0)
        return rc;
    QString error;
    const auto id = resolveSnapshot(database, p.value(snapshot), &error);
    if (!id)
        return fail(BadInput, error);
    if (!Analyzer::ensure(database, *id, &error))
        return fail(Failure, QStringLiteral("%1: %2").arg(database.path(), error));
    Statement takenAt(database, "SELECT substr(taken_at, 1, 10) FROM snapshot WHERE id = ?1");
    takenAt.bind(1, *id);
    const QDate on =
        takenAt.step() ? QDate::fromString(takenAt.text(0), Qt::ISODate) : QDate::currentDate();
    Statement st(
        database,
        "SELECT f.endpoint_id, coalesce(e.name, ''), f.code, f.subject, f.detail, f.weight, "
        "(SELECT group_concat(n.text || CASE WHEN n.ticket <> '' THEN ' [' || n.ticket || ']' "
        "ELSE '' END, ' | ') FROM note n WHERE n.endpoint_id = f.endpoint_id AND n.code = f.code) "
        "FROM finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
        "WHERE f.snapshot_id = ?1 AND (?2 = '' OR f.code = ?2) ORDER BY f.code, e.name_key, f.id");
    st.bind(1, *id).bind(2, p.value(code));
    QJsonArray rows;
    qint64 count = 0, accepted = 0;
    while (st.step()) {
        ++count;
        const bool isAccepted =
            !st.isNull(0) && Notes::isAccepted(database, st.int64(0), st.text(2), on);
        accepted += isAccepted;
        if (p.isSet(json)) {
            QJsonObject row{
                {QStringLiteral("endpoint"), st.text(1)}, {QStringLiteral("code"), st.text(2)},
                {QStringLiteral("subject"), st.text(3)},  {QStringLiteral("detail"), st.text(4)},
                {QStringLiteral("accepted"), isAccepted}, {QStringLiteral("notes"), st.text(6)}};
            if (st.isNull(0))
                row.insert(QStringLiteral("aggregate_weight"), qint64(st.int64(5)));
            rows.append(row);
        } else {
            out() << (st.isNull(0) ? QStringLiteral("(%1 endpoints)").arg(st.int64(5))
                                   : printable(st.text(1)))
                  << "\t" << st.text(2) << "\t" << printable(st.text(3)) << "\t"
                  << printable(st.text(4));
            if (isAccepted)
                out() << "\t[accepted]";
            if (!st.isNull(6))
                out() << "\tnote: " << printable(st.text(6));
            out() << "\n";
        }
    }
    if (p.isSet(json)) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("snapshot"), qint64(*id)},
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
