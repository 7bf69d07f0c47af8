#include "ReportAppendix.h"

#include "ReportData.h"
#include "store/Database.h"
#include "views/TableExport.h"

#include "core/AtomicFile.h"
#include "core/OutputFile.h"
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace trh::ReportAppendix {
namespace {

// Writes bytes under a temporary name (AtomicFile) and hashes them on the way. finish()
// puts them on the disk and closes the file; commit() renames it into place.
class HashedFile
{
public:
    explicit HashedFile(const QString &path)
        : m_path(path), m_file(path), m_hash(QCryptographicHash::Sha256)
    {}
    bool open()
    {
        return OutputFile::check(m_path, &m_refused) && m_file.open(QIODevice::WriteOnly);
    }
    bool write(const QByteArray &bytes)
    {
        m_hash.addData(bytes);
        return m_file.write(bytes) == bytes.size();
    }
    bool finish()
    {
        if (!m_file.sync())
            return false;
        m_file.close();
        return true;
    }
    bool commit() { return m_file.commit(); }
    QString error() const
    {
        return !m_refused.isEmpty() ? m_refused : OutputFile::whyNotWritten(m_path, m_file);
    }
    QString sha256() const { return QString::fromLatin1(m_hash.result().toHex()); }

private:
    QString m_path;
    AtomicFile m_file;
    QCryptographicHash m_hash;
    QString m_refused; // why OutputFile::check refused the name
};

QString fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

QByteArray csvLine(const QVariantList &fields)
{
    QString line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i)
            line += QLatin1Char(',');
        line += TableExport::delimitedField(fields.at(i), QLatin1Char(','));
    }
    line += QStringLiteral("\r\n");
    return line.toUtf8();
}

} // namespace

QStringList write(Database &db, const ReportData &data, const QString &dir,
                  const QString &reportPath, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("%1: cannot create the folder").arg(dir);
        return {};
    }
    const QDate on = QDateTime::fromString(data.takenAt, Qt::ISODate).toUTC().date();
    // The newest exception per endpoint and code decides; one join instead of a query a row.
    Statement rows(db, "SELECT e.name, f.subject, f.detail, f.weight, f.endpoint_id IS NULL, "
                       "coalesce(n.until >= ?3, 0) "
                       "FROM finding f LEFT JOIN endpoint e ON e.id = f.endpoint_id "
                       "LEFT JOIN (SELECT endpoint_id, code, max(accepted_until) AS until "
                       "           FROM note WHERE accepted_until IS NOT NULL "
                       "           GROUP BY endpoint_id, code) n "
                       "  ON n.endpoint_id = f.endpoint_id AND n.code = f.code "
                       "WHERE f.snapshot_id = ?1 AND f.code = ?2 "
                       "ORDER BY e.name_key IS NULL, e.name_key, f.subject, f.id");
    // Every file is written under a temporary name first and renamed into place only when all
    // are complete, SHA256SUMS last: a failed, cancelled or killed appendix leaves no CSV of
    // its own without the SHA256SUMS that vouches for it (and the next run removes the
    // temporary files of a killed one).
    std::vector<std::unique_ptr<HashedFile>> staged;
    QStringList written;
    QJsonArray files;
    QByteArray sums;
    for (const ReportFinding &finding : data.findings) {
        const QString name = finding.code + QStringLiteral(".csv");
        staged.push_back(std::make_unique<HashedFile>(QDir(dir).filePath(name)));
        HashedFile &out = *staged.back();
        if (!out.open()) {
            *error = out.error();
            return {};
        }
        QByteArray chunk("\xEF\xBB\xBF");
        chunk += csvLine({QStringLiteral("endpoint"), QStringLiteral("code"),
                          QStringLiteral("subject"), QStringLiteral("detail"),
                          QStringLiteral("aggregate_weight"), QStringLiteral("accepted")});
        qint64 count = 0;
        rows.bind(1, data.snapshotId).bind(2, finding.code).bind(3, on.toString(Qt::ISODate));
        while (rows.step()) {
            const bool aggregate = rows.int64(4) != 0;
            chunk += csvLine({rows.text(0), finding.code, rows.text(1), rows.text(2),
                              aggregate ? QVariant(qint64(rows.int64(3))) : QVariant(),
                              rows.int64(5) ? QStringLiteral("yes") : QStringLiteral("no")});
            ++count;
            if (chunk.size() > (1 << 20)) {
                if (!out.write(chunk)) {
                    *error = out.error();
                    return {};
                }
                chunk.clear();
            }
        }
        if (!rows.ok()) {
            *error = db.lastError();
            return {};
        }
        if (!out.write(chunk) || !out.finish()) {
            *error = out.error();
            return {};
        }
        written << name;
        files.append(QJsonObject{{QStringLiteral("name"), name},
                                 {QStringLiteral("code"), finding.code},
                                 {QStringLiteral("rows"), count},
                                 {QStringLiteral("sha256"), out.sha256()}});
        sums += out.sha256().toLatin1() + "  " + name.toUtf8() + "\n";
    }
    QJsonArray sources;
    for (const ReportSource &s : data.sources)
        sources.append(QJsonObject{{QStringLiteral("name"), s.name},
                                   {QStringLiteral("size"), s.size},
                                   {QStringLiteral("sha256"), s.sha256}});
    QJsonObject manifest{
        {QStringLiteral("schema"), QStringLiteral("trhealth.report-appendix/1")},
        {QStringLiteral("snapshot"), QJsonObject{{QStringLiteral("id"), qint64(data.snapshotId)},
                                                 {QStringLiteral("taken_at"), data.takenAt},
                                                 {QStringLiteral("label"), data.label},
                                                 {QStringLiteral("sha256"), data.snapshotHash},
                                                 {QStringLiteral("sources"), sources}}},
        {QStringLiteral("month"), data.month},
        {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("files"), files}};
    if (!reportPath.isEmpty()) {
        const QString hash = fileSha256(reportPath);
        if (hash.isEmpty()) {
            *error = QStringLiteral("%1: cannot read the report").arg(reportPath);
            return {};
        }
        manifest.insert(QStringLiteral("report"),
                        QJsonObject{{QStringLiteral("name"), QFileInfo(reportPath).fileName()},
                                    {QStringLiteral("sha256"), hash}});
    }
    staged.push_back(
        std::make_unique<HashedFile>(QDir(dir).filePath(QStringLiteral("manifest.json"))));
    HashedFile &json = *staged.back();
    if (!json.open() || !json.write(QJsonDocument(manifest).toJson(QJsonDocument::Indented)) ||
        !json.finish()) {
        *error = json.error();
        return {};
    }
    written << QStringLiteral("manifest.json");
    sums += json.sha256().toLatin1() + "  manifest.json\n";
    HashedFile sumsFile(QDir(dir).filePath(QStringLiteral("SHA256SUMS")));
    if (!sumsFile.open() || !sumsFile.write(sums) || !sumsFile.finish()) {
        *error = sumsFile.error();
        return {};
    }
    // An older appendix's SHA256SUMS goes first: while the files are replaced, none vouches
    // for a mixture of old and new.
    const QString sumsPath = QDir(dir).filePath(QStringLiteral("SHA256SUMS"));
    if (QFileInfo(sumsPath).isFile() && !QFile::remove(sumsPath)) {
        *error = QStringLiteral("%1: cannot replace the file").arg(sumsPath);
        return {};
    }
    for (const std::unique_ptr<HashedFile> &file : staged) {
        if (!file->commit()) {
            *error = file->error();
            return {};
        }
    }
    if (!sumsFile.commit()) {
        *error = sumsFile.error();
        return {};
    }
    written << QStringLiteral("SHA256SUMS");
    return written;
}

} // namespace trh::ReportAppendix
