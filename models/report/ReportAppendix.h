#pragma once

#include <QString>
#include <QStringList>

namespace trh {

class Database;
struct ReportData;

// The evidence appendix of a monthly report: the full endpoint list of every finding code of
// the snapshot as one CSV per code (<code>.csv, formula injection neutralised), a
// manifest.json naming the snapshot, its hash and every file with its SHA-256 and row count,
// and a SHA256SUMS file that `sha256sum -c` checks.
namespace ReportAppendix {

// Writes into dir (created if needed). reportPath, when not empty, is the report file the
// appendix belongs to; its SHA-256 goes into the manifest too. Returns the names written, or
// an empty list and *error.
QStringList write(Database &db, const ReportData &data, const QString &dir,
                  const QString &reportPath, QString *error);

} // namespace ReportAppendix
} // namespace trh
