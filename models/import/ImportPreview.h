#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace trh {

class DatasetMapping;

// What one file of a planned import looks like, from its first bytes only (the header of a
// CSV file, the kind of a JSON file and its first table header): shown by the import dialog
// before anything is written.
struct FilePreview
{
    QString path;
    QString format;         // "console CSV", "REST API v2 result_data JSON", ...
    QStringList datasets;   // recognised datasets (for an ambiguous group: the rule's pick)
    bool ambiguous = false; // a column group fits several datasets and no rule decides
    QStringList candidates; // the datasets an ambiguous group fits
    QString rule;           // how the datasets were recognised / an ambiguity was settled
    QString error;          // why the file cannot be imported; empty if it looks fine
};

// Reads the start of each file and reports what an import would recognise it as. An
// ambiguous Domain/Key/Value group is settled like the importer does (file name, then key
// vocabulary of the first rows); `ambiguous` stays true only when neither decides.
std::vector<FilePreview> previewFiles(const QStringList &paths, const DatasetMapping &mapping);

} // namespace trh
