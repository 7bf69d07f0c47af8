#pragma once

#include "SqlTableModel.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace trh {

// Columns of findingsSpec(), in order.
enum class FindingsColumn
{
    Endpoint,
    Platform,
    Finding,
    Subject,
    Detail,
};

// Columns of endpointsSpec(), in order.
enum class EndpointsColumn
{
    Endpoint,
    Platform,
    Os,
    CoverageStage,
    Driver,
    Bpf,
    Findings,
};

// Makes spec read findings: from, key and search index (where and columns are the caller's).
void setFindingsSource(SqlTableSpec &spec);
// Splits spec's rows by finding code for sorted reads (SqlTableSpec::partitions): one part
// per code of the catalogue matching one of patterns (a code, or a prefix ending in '%'),
// every code if patterns is empty. Findings carry catalogue codes only, so the parts hold
// every row of a where that keeps to the same patterns.
void setCodePartitions(SqlTableSpec &spec, const QStringList &patterns);
// The finding table's column shown as `column` (of a spec set up by setFindingsSource), with
// the index that sorts it and its column in the search index.
SqlTableSpec::Column findingsColumn(FindingsColumn column, const QString &title);

// The findings of a snapshot, one row per finding (key: finding id), optionally of one
// finding code. Findings of aggregate exports have no endpoint: their Endpoint and Platform
// cells are empty.
SqlTableSpec findingsSpec(qint64 snapshotId, const QString &code = {});

// The column titles of reviewSpec(), translated by the page that shows it.
struct FindingsTitles
{
    QString endpoint, platform, finding, subject, detail, accepted;
    QString acceptedUntil; // "accepted until %1", %1 the exception's last day
};

// The findings page's table: the findings of a snapshot whose code matches one of patterns
// (a code, or a prefix ending in '%'), with an Accepted column that says acceptedUntil when an
// exception covers the finding on acceptedOn (the snapshot's date; invalid: none does).
SqlTableSpec reviewSpec(qint64 snapshotId, const QStringList &patterns, const QDate &acceptedOn,
                        const FindingsTitles &titles);

// The endpoints of a snapshot, one row per endpoint (key: endpoint id), with the rules'
// states and the number of findings. States are shown as stored (codes such as
// "not_deployed"): they are data, like the sensors' answers.
SqlTableSpec endpointsSpec(qint64 snapshotId);

} // namespace trh
