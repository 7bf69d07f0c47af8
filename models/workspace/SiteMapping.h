#pragma once

#include "import/DatasetMapping.h"

#include <QString>

#include <memory>

namespace trh::workspace {

// The dataset mapping every import, preview and fetch uses, whatever front end runs it: the
// built-in one (resources/datasets.json), then the site's override datasets.json in the
// user's config folder when there is one, then an explicit file (the CLI's --mapping).
// Resolved here only, so that one file imports the same from the console, the CLI and a
// fetch.
struct SiteMapping
{
    std::shared_ptr<const DatasetMapping> mapping; // null when error is set
    QString error; // "FILE: why", a site file that cannot be read or is malformed

    bool ok() const { return mapping != nullptr; }

    static SiteMapping load(const QString &explicitPath = {});
    // <config folder>/datasets.json, whether or not it exists.
    static QString overridePath();
};

} // namespace trh::workspace
