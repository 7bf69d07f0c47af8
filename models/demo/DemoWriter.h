#pragma once

// Writes the export files of one demo snapshot. Internal to models/demo.

#include <QString>
#include <QStringList>

namespace trh::demo {

using std::string_view;
using namespace std::string_view_literals;

class Fleet;

// Writes the ten files of snapshot `month` of `fleet` into `dir` (which must exist); the
// files in import order go to *files. On an I/O error returns false and sets *error (if given).
bool writeSnapshotFiles(const Fleet &fleet, int month, const QString &dir, QStringList *files,
                        QString *error);

} // namespace trh::demo
