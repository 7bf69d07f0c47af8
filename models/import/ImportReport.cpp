#include "ImportReport.h"
#include "core/Printable.h"

#include <QJsonArray>

namespace trh {

void FileImportReport::addWarning(const QString &warning)
{
    ++warningCount;
    if (warnings.size() < kMaxWarnings)
        warnings << warning;
}

FileImportReport::DatasetUse &FileImportReport::dataset(const QString &datasetName,
                                                        const QString &rule)
{
    for (DatasetUse &d : datasets) {
        if (d.dataset == datasetName)
            return d;
    }
    datasets.push_back({datasetName, rule, 0});
    return datasets.back();
}

QJsonObject FileImportReport::toJson() const
{
    QJsonArray sets;
    for (const DatasetUse &d : datasets) {
        sets.append(QJsonObject{{QStringLiteral("dataset"), d.dataset},
                                {QStringLiteral("rule"), d.rule},
                                {QStringLiteral("answers"), qint64(d.answers)}});
    }
    QJsonObject classes;
    for (int c = 0; c < ValueClassCount; ++c) {
        const std::string_view className = valueClassName(ValueClass(c));
        classes.insert(QString::fromLatin1(className.data(), qsizetype(className.size())),
                       qint64(values[size_t(c)]));
    }
    QJsonObject o{
        {QStringLiteral("file"), name},
        {QStringLiteral("size"), qint64(size)},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("format"), format},
        {QStringLiteral("format_reason"), formatReason},
        {QStringLiteral("aggregate"), aggregate},
        {QStringLiteral("datasets"), sets},
        {QStringLiteral("rows"), qint64(rows)},
        {QStringLiteral("skipped_rows"), qint64(skippedRows)},
        {QStringLiteral("values"), classes},
        {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(ignoredColumns)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
        {QStringLiteral("warning_count"), qint64(warningCount)},
    };
    if (!fetch.isEmpty())
        o.insert(QStringLiteral("fetch"), fetch);
    return o;
}

FileImportReport FileImportReport::fromJson(const QJsonObject &o)
{
    FileImportReport r;
    r.name = o.value(QStringLiteral("file")).toString();
    r.size = o.value(QStringLiteral("size")).toInteger();
    r.sha256 = o.value(QStringLiteral("sha256")).toString();
    r.format = o.value(QStringLiteral("format")).toString();
    r.formatReason = o.value(QStringLiteral("format_reason")).toString();
    r.aggregate = o.value(QStringLiteral("aggregate")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("datasets")).toArray()) {
        const QJsonObject d = v.toObject();
        r.datasets.push_back({d.value(QStringLiteral("dataset")).toString(),
                              d.value(QStringLiteral("rule")).toString(),
                              d.value(QStringLiteral("answers")).toInteger()});
    }
    r.rows = o.value(QStringLiteral("rows")).toInteger();
    r.skippedRows = o.value(QStringLiteral("skipped_rows")).toInteger();
    const QJsonObject classes = o.value(QStringLiteral("values")).toObject();
    for (int c = 0; c < ValueClassCount; ++c) {
        const std::string_view className = valueClassName(ValueClass(c));
        r.values[size_t(c)] =
            classes.value(QString::fromLatin1(className.data(), qsizetype(className.size())))
                .toInteger();
    }
    for (const QJsonValue &v : o.value(QStringLiteral("ignored_columns")).toArray())
        r.ignoredColumns << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("warnings")).toArray())
        r.warnings << v.toString();
    r.warningCount = o.value(QStringLiteral("warning_count")).toInteger();
    r.fetch = o.value(QStringLiteral("fetch")).toObject();
    return r;
}

QString FileImportReport::fetchText() const
{
    auto n = [this](const char *key) { return fetch.value(QLatin1String(key)).toInteger(); };
    QString out = QStringLiteral("  asked: %1\n")
                      .arg(printable(fetch.value(QStringLiteral("asked")).toString()));
    if (fetch.contains(QStringLiteral("estimated_total")))
        out += QStringLiteral("  answered by %1 of %2 endpoints (%3 %)%4\n")
                   .arg(n("tested"))
                   .arg(n("estimated_total"))
                   .arg(fetch.value(QStringLiteral("completion")).toDouble() * 100.0, 0, 'f', 1)
                   .arg(fetch.value(QStringLiteral("complete")).toBool()
                            ? QString()
                            : QStringLiteral(", incomplete when the time was up"));
    out += QStringLiteral("  fetched %1 rows in %2 page(s), %3 bytes, %4 retries, %5 s\n")
               .arg(n("rows"))
               .arg(n("pages"))
               .arg(n("bytes"))
               .arg(n("retries"))
               .arg(fetch.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1);
    return out;
}

QString FileImportReport::toText() const
{
    QString out;
    // Names, cells and warnings come from the files: printed escaped (core/Printable.h).
    out += QStringLiteral("%1 (%2 bytes, sha256 %3)\n").arg(printable(name)).arg(size).arg(sha256);
    out += QStringLiteral("  format: %1").arg(printable(format));
    if (!formatReason.isEmpty())
        out += QStringLiteral(" — %1").arg(printable(formatReason));
    out += QLatin1Char('\n');
    if (aggregate)
        out += QStringLiteral("  aggregate export (no Computer Name column): counts only, no "
                              "drill-down; re-export with Computer Name for per-endpoint "
                              "detail\n");
    for (const DatasetUse &d : datasets)
        out += QStringLiteral("  dataset %1: %2 answers — %3\n")
                   .arg(d.dataset)
                   .arg(d.answers)
                   .arg(d.rule);
    QStringList classes;
    for (int c = 0; c < ValueClassCount; ++c) {
        const std::string_view n = valueClassName(ValueClass(c));
        classes << QStringLiteral("%1 %2")
                       .arg(QString::fromLatin1(n.data(), qsizetype(n.size())))
                       .arg(values[size_t(c)]);
    }
    out += QStringLiteral("  rows read: %1; answer rows by class: %2\n")
               .arg(rows)
               .arg(classes.join(QStringLiteral(", ")));
    if (skippedRows > 0)
        out += QStringLiteral("  damaged rows skipped (lenient import): %1 — the snapshot is "
                              "incomplete\n")
                   .arg(skippedRows);
    if (!ignoredColumns.isEmpty())
        out += QStringLiteral("  ignored columns: %1\n")
                   .arg(printable(ignoredColumns.join(QStringLiteral(", "))));
    for (const QString &w : warnings)
        out += QStringLiteral("  warning: %1\n").arg(printable(w));
    if (warningCount > warnings.size())
        out += QStringLiteral("  … and %1 more warnings\n").arg(warningCount - warnings.size());
    if (!fetch.isEmpty())
        out += fetchText();
    return out;
}

} // namespace trh
