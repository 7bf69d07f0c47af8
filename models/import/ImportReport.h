#pragma once

#include "core/ValueClass.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace trh {

// What one file of an import run was found to be and what was read from it. Kept with the
// snapshot (source_file.report) and printed by the CLI.
struct FileImportReport
{
    struct DatasetUse
    {
        QString dataset;
        QString rule; // how it was recognised, e.g. "columns Domain, Key, Value; file name ..."
        std::int64_t answers = 0;
    };

    QString path;
    QString name;
    std::int64_t size = 0;
    QString sha256;
    QString format;         // "console CSV (UTF-8, ',')", "REST result_data JSON", ...
    QString formatReason;   // how the format was recognised
    bool aggregate = false; // no Computer Name column: counts only
    std::vector<DatasetUse> datasets;
    std::int64_t rows = 0;
    std::int64_t skippedRows = 0; // damaged rows a lenient import skipped
    ValueClassCounts values{};
    QStringList ignoredColumns;
    QStringList warnings; // the first kMaxWarnings; warningCount has them all
    std::int64_t warningCount = 0;
    // Fetched files only: what was asked, how complete the answer was, how long it took.
    QJsonObject fetch;

    static constexpr int kMaxWarnings = 200;
    void addWarning(const QString &warning);
    DatasetUse &dataset(const QString &datasetName, const QString &rule);

    QJsonObject toJson() const;
    static FileImportReport fromJson(const QJsonObject &o);
    // Several lines of plain text for the CLI.
    QString toText() const;
    QString fetchText() const; // the fetch part of toText()
};

} // namespace trh
