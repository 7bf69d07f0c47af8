// trhealth-cli prune: removes old snapshots from a workspace and gives their space back.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace trh::cli {

namespace {

QString megabytes(std::int64_t bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

QJsonObject snapshotJson(const workspace::SnapshotInfo &s)
{
    return {{QStringLiteral("id"), qint64(s.id)},
            {QStringLiteral("taken_at"), s.takenAt.toString(Qt::ISODate)},
            {QStringLiteral("label"), s.label},
            {QStringLiteral("endpoints"), qint64(s.endpoints)},
            {QStringLiteral("bytes"), qint64(s.bytes)},
            {QStringLiteral("bytes_measured"), s.bytesMeasured}};
}

} // namespace

int pruneCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the newest N snapshots, remove the rest."),
                                  QStringLiteral("N"));
    const QCommandLineOption before(
        QStringLiteral("before"),
        QStringLiteral("Remove the snapshots taken before this day (UTC)."),
        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Say what would go; change nothing."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOptions({db, keep, before, dryRun, json});
    if (const int rc = parse(p, args,
                             QStringLiteral("Remove old snapshots with everything only they use "
                                            "(notes of endpoints no kept snapshot has, checklist "
                                            "months no kept snapshot falls in), and give the "
                                            "space back."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "prune"); rc >= 0)
        return rc;
    if (p.isSet(keep) == p.isSet(before))
        return fail(UsageError, QStringLiteral("prune: give either --keep N or --before DATE"));
    int keepCount = 0;
    QDate beforeDate;
    if (p.isSet(keep)) {
        bool ok = false;
        keepCount = p.value(keep).toInt(&ok);
        if (!ok || keepCount < 1)
            return fail(UsageError, QStringLiteral("--keep %1: give a whole number of at least 1")
                                        .arg(printable(p.value(keep))));
    } else {
        beforeDate = QDate::fromString(p.value(before), Qt::ISODate);
        if (!beforeDate.isValid() || p.value(before).size() != 10)
            return fail(UsageError, QStringLiteral("--before %1: give a day as YYYY-MM-DD")
                                        .arg(printable(p.value(before))));
    }

    workspace::Workspace ws;
    const auto mode =
        p.isSet(dryRun) ? workspace::OpenMode::Reading : workspace::OpenMode::Existing;
    if (const int rc = openWorkspace(ws, p.value(db), mode); rc >= 0)
        return rc;
    QString error;
    const auto infos = ws.snapshotInfos(&error);
    if (!infos)
        return fail(Failure, QStringLiteral("%1: %2").arg(ws.path(), error));
    const QList<qint64> ids = p.isSet(keep) ? workspace::snapshotsBeyondNewest(*infos, keepCount)
                                            : workspace::snapshotsTakenBefore(*infos, beforeDate);
    std::int64_t bytes = 0;
    QJsonArray listed;
    for (const workspace::SnapshotInfo &s : *infos) {
        if (!ids.contains(s.id))
            continue;
        bytes += s.bytes;
        listed.append(snapshotJson(s));
        if (!p.isSet(json))
            out() << (p.isSet(dryRun) ? "would remove\t" : "removing\t") << s.id << "\t"
                  << s.takenAt.toString(Qt::ISODate) << "\t" << printable(s.label) << "\t"
                  << (s.bytesMeasured ? "" : "~") << megabytes(s.bytes) << "\n";
    }
    QJsonObject result{{QStringLiteral("removed"), listed},
                       {QStringLiteral("kept"), qint64(infos->size()) - ids.size()},
                       {QStringLiteral("dry_run"), p.isSet(dryRun)}};
    const auto print = [&](const QString &text) {
        if (p.isSet(json))
            out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        else
            out() << text << "\n";
        out().flush();
    };
    if (ids.isEmpty()) {
        print(QStringLiteral("nothing to remove: %1 snapshot(s), all kept").arg(infos->size()));
        return Success;
    }
    if (p.isSet(dryRun)) {
        print(QStringLiteral("would remove %1 of %2 snapshot(s), about %3; nothing was changed")
                  .arg(ids.size())
                  .arg(infos->size())
                  .arg(megabytes(bytes)));
        return Success;
    }

    const bool terminal = stderrIsTerminal();
    int shown = -1;
    const auto progress = [&](int percent) {
        if (terminal && percent != shown) {
            shown = percent;
            err() << "\rremoving… " << shown << "%" << Qt::flush;
        }
        return true;
    };
    const workspace::RemovalResult r = ws.removeSnapshots(ids, progress);
    if (terminal)
        err() << "\r" << Qt::flush;
    if (!r.ok())
        return changeFailed(ws, r.error);
    result.insert(QStringLiteral("notes_removed"), r.notes);
    result.insert(QStringLiteral("checklist_months_removed"), r.checklistMonths);
    result.insert(QStringLiteral("file_bytes_before"), qint64(r.fileBytesBefore));
    result.insert(QStringLiteral("file_bytes_after"), qint64(r.fileBytesAfter));
    result.insert(QStringLiteral("space_reclaimed"), r.spaceReclaimed);
    QString text = QStringLiteral("removed %1 snapshot(s), %2 note(s) of endpoints no kept "
                                  "snapshot has, the checklist of %3 month(s); the file went "
                                  "from %4 to %5")
                       .arg(r.snapshots)
                       .arg(r.notes)
                       .arg(r.checklistMonths)
                       .arg(megabytes(r.fileBytesBefore), megabytes(r.fileBytesAfter));
    if (!r.spaceReclaimed)
        text += QStringLiteral(" (the space was not given back: %1; the next import reuses it)")
                    .arg(r.error);
    print(text);
    return Success;
}

} // namespace trh::cli
