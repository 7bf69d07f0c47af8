#include "SiteMapping.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace trh::workspace {

QString SiteMapping::overridePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("datasets.json"));
}

SiteMapping SiteMapping::load(const QString &explicitPath)
{
    SiteMapping result;
    auto mapping = std::make_shared<DatasetMapping>(DatasetMapping::builtIn());
    QString why;
    for (const QString &file : {overridePath(), explicitPath}) {
        if (file.isEmpty() || (file != explicitPath && !QFileInfo::exists(file)))
            continue;
        // Each file overrides the datasets of what came before it.
        DatasetMapping next;
        if (!next.loadFile(file, &why, mapping.get())) {
            result.error = why;
            return result;
        }
        *mapping = std::move(next);
    }
    result.mapping = std::move(mapping);
    return result;
}

} // namespace trh::workspace
