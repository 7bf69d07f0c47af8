#include "FindingsTableSpec.h"

#include "analysis/FindingCatalog.h"

#include <QCoreApplication>

#include <algorithm>

namespace trh {
namespace {

QString title(const char *text)
{
    return QCoreApplication::translate("FindingsTableSpec", text);
}

} // namespace

void setFindingsSource(SqlTableSpec &spec)
{
    // Every column is the finding's own (the endpoint's name and platform are copied into
    // it by the analysis), so each can be sorted from an index of the finding table.
    spec.from = QStringLiteral("finding f");
    spec.key = QStringLiteral("f.id");
    spec.searchIndex = QStringLiteral("finding_search");
    spec.keyPartitionOrderedFrom = QStringLiteral("finding f INDEXED BY finding_by_code");
}

void setCodePartitions(SqlTableSpec &spec, const QStringList &patterns)
{
    for (int i = 0; i < spec.partitions.size(); ++i)
        spec.params.remove(QStringLiteral("partcode") + QString::number(i));
    spec.partitions.clear();
    int n = 0;
    for (const FindingKind &kind : findingCatalog()) {
        const QString code = QString::fromLatin1(kind.code);
        const bool wanted =
            patterns.isEmpty() ||
            std::any_of(patterns.cbegin(), patterns.cend(), [&code](const QString &pattern) {
                return pattern.endsWith(QLatin1Char('%')) ? code.startsWith(pattern.chopped(1))
                                                          : code == pattern;
            });
        if (!wanted)
            continue;
        const QString name = QStringLiteral("partcode") + QString::number(n++);
        spec.partitions.append(QStringLiteral("f.code = :") + name);
        spec.params.insert(name, code);
    }
}

SqlTableSpec::Column findingsColumn(FindingsColumn column, const QString &title)
{
    static const struct
    {
        const char *name;      // in finding and finding_search
        const char *index;     // finding(snapshot_id, name, id, code)
        const char *codeIndex; // finding(snapshot_id, code, name, id)
    } columns[] = {
        {"endpoint_name", "finding_by_endpoint_name", "finding_code_by_endpoint_name"},
        {"platform", "finding_by_platform", "finding_code_by_platform"},
        {"code", "finding_by_code", "finding_by_code"},
        {"subject", "finding_by_subject", "finding_code_by_subject"},
        {"detail", "finding_by_detail", "finding_code_by_detail"},
    };
    const auto &c = columns[int(column)];
    SqlTableSpec::Column out;
    out.title = title;
    out.expr = QStringLiteral("f.") + QLatin1String(c.name);
    out.orderedFrom = QStringLiteral("finding f INDEXED BY ") + QLatin1String(c.index);
    out.partitionOrderedFrom = QStringLiteral("finding f INDEXED BY ") + QLatin1String(c.codeIndex);
    out.searchColumn = QLatin1String(c.name);
    return out;
}

SqlTableSpec findingsSpec(qint64 snapshotId, const QString &code)
{
    SqlTableSpec spec;
    setFindingsSource(spec);
    spec.where = QStringLiteral("f.snapshot_id = :snapshot");
    spec.params.insert(QStringLiteral("snapshot"), snapshotId);
    if (!code.isEmpty()) {
        spec.where += QStringLiteral(" AND f.code = :code");
        spec.params.insert(QStringLiteral("code"), code);
    }
    setCodePartitions(spec, code.isEmpty() ? QStringList() : QStringList{code});
    spec.columns = {
        findingsColumn(FindingsColumn::Endpoint,
                       title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Endpoint"))),
        findingsColumn(FindingsColumn::Platform,
                       title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Platform"))),
        findingsColumn(FindingsColumn::Finding,
                       title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Finding"))),
        findingsColumn(FindingsColumn::Subject,
                       title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Subject"))),
        findingsColumn(FindingsColumn::Detail,
                       title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Detail"))),
    };
    return spec;
}

SqlTableSpec reviewSpec(qint64 snapshotId, const QStringList &patterns, const QDate &acceptedOn,
                        const FindingsTitles &titles)
{
    SqlTableSpec spec;
    setFindingsSource(spec);
    QStringList ors;
    for (int i = 0; i < patterns.size(); ++i) {
        const QString name = QStringLiteral("code%1").arg(i);
        ors << (patterns[i].endsWith(QLatin1Char('%')) ? QStringLiteral("f.code LIKE :%1").arg(name)
                                                       : QStringLiteral("f.code = :%1").arg(name));
        spec.params.insert(name, patterns[i]);
    }
    spec.where =
        QStringLiteral("f.snapshot_id = :snapshot AND (%1)").arg(ors.join(QStringLiteral(" OR ")));
    setCodePartitions(spec, patterns);
    spec.params.insert(QStringLiteral("snapshot"), snapshotId);
    spec.columns = {findingsColumn(FindingsColumn::Endpoint, titles.endpoint),
                    findingsColumn(FindingsColumn::Platform, titles.platform),
                    findingsColumn(FindingsColumn::Finding, titles.finding),
                    findingsColumn(FindingsColumn::Subject, titles.subject),
                    findingsColumn(FindingsColumn::Detail, titles.detail),
                    // One indexed lookup per row (note_lookup); NULL when not accepted. Not
                    // indexed for sorting: a sort by it reads every row.
                    {titles.accepted,
                     QStringLiteral("(SELECT replace(:acceptedText, '%1', max(n.accepted_until)) "
                                    "FROM note n WHERE n.endpoint_id = f.endpoint_id AND "
                                    "n.code = f.code AND n.accepted_until >= :snapshotDate)"),
                     false}};
    spec.params.insert(QStringLiteral("acceptedText"), titles.acceptedUntil);
    // No valid date (no snapshot time): nothing counts as accepted ('' sorts first).
    spec.params.insert(QStringLiteral("snapshotDate"), acceptedOn.isValid()
                                                           ? acceptedOn.toString(Qt::ISODate)
                                                           : QStringLiteral("9999-12-31"));
    return spec;
}

SqlTableSpec endpointsSpec(qint64 snapshotId)
{
    SqlTableSpec spec;
    spec.from = QStringLiteral("snapshot_endpoint se JOIN endpoint e ON e.id = se.endpoint_id "
                               "LEFT JOIN endpoint_state es ON es.snapshot_id = se.snapshot_id "
                               "AND es.endpoint_id = se.endpoint_id");
    spec.key = QStringLiteral("se.endpoint_id");
    spec.where = QStringLiteral("se.snapshot_id = :snapshot");
    spec.params.insert(QStringLiteral("snapshot"), snapshotId);
    spec.columns = {
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Endpoint")), QStringLiteral("e.name")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Platform")), QStringLiteral("se.platform")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "OS")), QStringLiteral("se.os_name")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Coverage stage")),
         QStringLiteral("es.coverage_stage")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Driver")),
         QStringLiteral("es.driver_state")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "BPF")), QStringLiteral("es.bpf_state")},
        // Counted per endpoint through the finding_endpoint index; a number, so not part of
        // the text search (a column filter still works on it).
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Findings")),
         QStringLiteral("(SELECT count(*) FROM finding fc WHERE fc.endpoint_id = se.endpoint_id "
                        "AND fc.snapshot_id = se.snapshot_id)"),
         false},
    };
    return spec;
}

} // namespace trh
