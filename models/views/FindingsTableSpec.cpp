#include "FindingsTableSpec.h"

#include <QCoreApplication>

namespace trh {
namespace {

QString title(const char *text)
{
    return QCoreApplication::translate("FindingsTableSpec", text);
}

} // namespace

SqlTableSpec findingsSpec(qint64 snapshotId, const QString &code)
{
    SqlTableSpec spec;
    // LEFT JOINs: an aggregate finding has no endpoint, and an endpoint may lack a row in
    // snapshot_endpoint; neither may vanish from the table.
    spec.from = QStringLiteral("finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
                               "LEFT JOIN snapshot_endpoint se ON se.snapshot_id = f.snapshot_id "
                               "AND se.endpoint_id = f.endpoint_id");
    spec.key = QStringLiteral("f.id");
    spec.where = QStringLiteral("f.snapshot_id = :snapshot");
    spec.params.insert(QStringLiteral("snapshot"), snapshotId);
    if (!code.isEmpty()) {
        spec.where += QStringLiteral(" AND f.code = :code");
        spec.params.insert(QStringLiteral("code"), code);
    }
    spec.columns = {
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Endpoint")), QStringLiteral("e.name")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Platform")), QStringLiteral("se.platform")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Finding")), QStringLiteral("f.code")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Subject")), QStringLiteral("f.subject")},
        {title(QT_TRANSLATE_NOOP("FindingsTableSpec", "Detail")), QStringLiteral("f.detail")},
    };
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
