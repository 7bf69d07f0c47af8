// trhealth-cli diff: what changed between two snapshots.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace trh::cli {

namespace {

// Fails with BadInput ("FILE: no snapshot N") unless the snapshot exists; -1 when it does.
int requireSnapshot(workspace::Workspace &ws, std::int64_t id)
{
    QString error;
    return ws.resolveSnapshot(QString::number(id), &error) ? -1 : fail(BadInput, error);
}

void printDiffText(const QJsonObject &d)
{
    // Explicit QString returns: with QT_USE_QSTRINGBUILDER an `auto` lambda would return a
    // builder that refers to its destroyed locals.
    auto snapshot = [](const QJsonObject &s) -> QString {
        QString t = QStringLiteral("snapshot %1 (%2")
                        .arg(s.value(QStringLiteral("id")).toInteger())
                        .arg(s.value(QStringLiteral("taken_at")).toString());
        if (!s.value(QStringLiteral("label")).toString().isEmpty())
            t += QStringLiteral(", ") + printable(s.value(QStringLiteral("label")).toString());
        return t + QLatin1Char(')');
    };
    auto signedNumber = [](double v, int decimals) -> QString {
        return (v > 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', decimals);
    };
    auto number = [](const QJsonValue &v, int decimals) -> QString {
        return v.isNull() ? QStringLiteral("—") : QString::number(v.toDouble(), 'f', decimals);
    };
    out() << "Diff " << snapshot(d.value(QStringLiteral("from")).toObject()) << " → "
          << snapshot(d.value(QStringLiteral("to")).toObject()) << "\n";
    const QJsonObject ep = d.value(QStringLiteral("endpoints")).toObject();
    out() << "Endpoints: +" << ep.value(QStringLiteral("added_count")).toInteger() << " added, -"
          << ep.value(QStringLiteral("removed_count")).toInteger() << " removed\n";
    const QJsonObject headline = d.value(QStringLiteral("headline")).toObject();
    const QJsonObject cov = headline.value(QStringLiteral("coverage_percent")).toObject();
    // Coverage is unknown (not 0) for a snapshot the rules have not analysed.
    auto percent = [&](const QJsonValue &v) -> QString {
        return v.isNull() ? QStringLiteral("unknown") : number(v, 1) + QLatin1Char('%');
    };
    out() << "Coverage: " << percent(cov.value(QStringLiteral("from"))) << " → "
          << percent(cov.value(QStringLiteral("to")));
    if (!cov.value(QStringLiteral("delta")).isNull())
        out() << " (" << signedNumber(cov.value(QStringLiteral("delta")).toDouble(), 1) << ")";
    out() << "\n";
    const QJsonObject hf = headline.value(QStringLiteral("health_failures")).toObject();
    // Unknown (not 0) for a snapshot without Client Extensions - Status: its summary says null.
    auto failures = [&](const QJsonValue &v) -> QString {
        return v.isNull() ? QStringLiteral("unknown") : number(v, 0);
    };
    out() << "Health failures: " << failures(hf.value(QStringLiteral("from"))) << " → "
          << failures(hf.value(QStringLiteral("to")));
    if (!hf.value(QStringLiteral("delta")).isNull())
        out() << " (" << signedNumber(double(hf.value(QStringLiteral("delta")).toInteger()), 0)
              << ")";
    out() << "\n";
    const QJsonArray codes = d.value(QStringLiteral("codes")).toArray();
    if (codes.isEmpty())
        out() << "No findings in either snapshot.\n";
    for (const QJsonValue &v : codes) {
        const QJsonObject c = v.toObject();
        auto count = [&](const char *key) {
            return c.value(QLatin1String(key))
                .toObject()
                .value(QStringLiteral("count"))
                .toInteger();
        };
        out() << c.value(QStringLiteral("code")).toString() << ": +" << count("newly_affected")
              << " new, -" << count("recovered") << " recovered, " << count("still_affected")
              << " still";
        const QJsonObject agg = c.value(QStringLiteral("aggregate_weight")).toObject();
        if (!agg.value(QStringLiteral("from")).isNull() ||
            !agg.value(QStringLiteral("to")).isNull())
            out() << "; aggregate weight " << number(agg.value(QStringLiteral("from")), 0) << " → "
                  << number(agg.value(QStringLiteral("to")), 0);
        out() << "\n";
    }
}

} // namespace

int diffCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Older snapshot id."),
                                  QStringLiteral("ID"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Newer snapshot id."),
                                QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the diff JSON."));
    p.addOptions({db, from, to, json});
    if (const int rc = parse(p, args,
                             QStringLiteral("Compare two snapshots: endpoints added and "
                                            "removed, findings new, recovered and still "
                                            "open."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "diff"); rc >= 0)
        return rc;
    int rc = -1;
    const auto fromId = idOption(p, from, &rc);
    if (!fromId)
        return rc;
    const auto toId = idOption(p, to, &rc);
    if (!toId)
        return rc;
    workspace::Workspace ws;
    // Read-write if it can: a snapshot not analysed yet gets its findings stored first.
    if (rc = openWorkspace(ws, p.value(db), workspace::OpenMode::Reading); rc >= 0)
        return rc;
    if (rc = requireSnapshot(ws, *fromId); rc >= 0)
        return rc;
    if (rc = requireSnapshot(ws, *toId); rc >= 0)
        return rc;
    QString error;
    const auto diff = ws.diff(*fromId, *toId, &error);
    if (!diff)
        return fail(Failure, QStringLiteral("%1: %2").arg(ws.path(), error));
    const QJsonObject doc = ws.diffJson(*diff);
    if (p.isSet(json))
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    else
        printDiffText(doc);
    out().flush();
    return Success;
}

} // namespace trh::cli
