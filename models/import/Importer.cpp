#include "Importer.h"
#include "core/InputFile.h"
#include "core/OutputFile.h"

#include "AnswerImporter.h"
#include "CsvReader.h"
#include "DatasetMapping.h"
#include "JsonReaders.h"
#include "SnapshotWriter.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <future>

namespace trh {
namespace {

QString sha256Of(const QString &path)
{
    QFile f;
    if (QString why; !InputFile::open(f, path, &why))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

ImportResult Importer::importFiles(Database &db, const QStringList &paths,
                                   const ImportOptions &options)
{
    ImportResult result;
    const DatasetMapping &mapping = options.mapping ? *options.mapping : DatasetMapping::builtIn();
    if (paths.isEmpty()) {
        result.status = ImportResult::Status::BadInput;
        result.errors << QStringLiteral("no files to import");
        return result;
    }
    if (!options.chosenDataset.isEmpty() && !mapping.dataset(options.chosenDataset)) {
        result.status = ImportResult::Status::BadInput;
        result.errors << QStringLiteral("--as %1: unknown dataset (known: %2)")
                             .arg(options.chosenDataset,
                                  mapping.datasetNames().join(QStringLiteral(", ")));
        return result;
    }

    std::int64_t totalBytes = 0;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            result.errors << QStringLiteral("%1: no such file").arg(path);
        else if (!info.isFile())
            result.errors
                << QStringLiteral("%1: %2, not a regular file").arg(path, OutputFile::kindOf(path));
        else if (!info.isReadable())
            result.errors << QStringLiteral("%1: not readable").arg(path);
        totalBytes += info.size();
    }
    if (!result.errors.isEmpty()) {
        result.status = ImportResult::Status::BadInput;
        return result;
    }

    // Hash on another thread while the main one parses: it costs no wall time.
    std::vector<std::future<QString>> hashes;
    for (const QString &path : paths)
        hashes.push_back(std::async(std::launch::async, sha256Of, path));

    Transaction tx(db);
    if (!tx.isActive()) {
        result.status = ImportResult::Status::Failed;
        result.errors
            << QStringLiteral("%1: cannot start a transaction: %2").arg(db.path(), db.lastError());
        return result;
    }
    const std::int64_t usedBefore = Store::usedBytes(db);
    SnapshotWriter writer(db);
    std::optional<std::int64_t> snapshot;
    if (writer.isValid())
        snapshot = writer.beginSnapshot(options.label, options.origin);
    if (!snapshot) {
        result.status = ImportResult::Status::Failed;
        result.errors << QStringLiteral("%1: %2").arg(db.path(), writer.error());
        return result;
    }

    bool cancelled = false;
    bool storeFailed = false;
    const bool analyse = options.analyse && options.analysis;
    const std::int64_t analysisShare = analyse ? totalBytes / 2 : 0;
    const std::int64_t progressTotal = totalBytes + analysisShare;
    std::int64_t bytesBefore = 0;
    std::int64_t ticks = 0;
    QDateTime newestNow;
    bool chosenUsed = false;
    std::vector<qint64> fileIds;

    for (const QString &path : paths) {
        FileImportReport report;
        report.path = path;
        report.name = QFileInfo(path).fileName();
        report.size = QFileInfo(path).size();
        report.fetch = options.fetchDetails.value(path);
        QFile file;
        auto problem = [&](const QString &what) {
            result.errors << QStringLiteral("%1: %2").arg(path, what);
        };
        // The opened file is checked, not the name: it may have become a FIFO since.
        if (QString why; !InputFile::open(file, path, &why)) {
            problem(why);
            result.files.push_back(report);
            fileIds.push_back(0);
            bytesBefore += report.size;
            continue;
        }
        const auto fileId = writer.addFile(report.name, report.size, QString());
        if (!fileId) {
            storeFailed = true;
            problem(writer.error());
            break;
        }
        writer.setCurrentFile(*fileId);
        fileIds.push_back(*fileId);

        auto tick = [&]() {
            ++ticks;
            if (options.failAfterRows >= 0 && ticks * 512 >= options.failAfterRows)
                return false;
            if (options.progress && !options.progress(bytesBefore + file.pos(), progressTotal)) {
                cancelled = true;
                return false;
            }
            return true;
        };

        AnswerImporter probe(writer, mapping, report, AnswerImporter::Mode::Probe);
        probe.setChosenDataset(options.chosenDataset);
        AnswerImporter importer(writer, mapping, report, AnswerImporter::Mode::Write);
        importer.setChosenDataset(options.chosenDataset);
        importer.setTick(tick);

        ReadResult read;
        // Tabular files get a probe pass over the header and the first rows (to settle the
        // Domain/Key/Value ambiguity by key vocabulary), then the real pass.
        auto tabular = [&](auto &&readFn) {
            const ReadResult probed = readFn(file, probe);
            if (probed.status == ReadStatus::Failed)
                return probed;
            if (!probe.error().isEmpty())
                return ReadResult{ReadStatus::Failed, probe.error(), 0};
            if (!file.seek(0))
                return ReadResult{ReadStatus::Failed, file.errorString(), 0};
            importer.adoptDecisions(probe);
            return readFn(file, importer);
        };

        if (!startsAsJson(file)) {
            CsvFormat format;
            read = tabular([&](QIODevice &in, TableSink &sink) {
                return CsvReader::read(in, sink, &format, options.lenient);
            });
            report.skippedRows = read.skippedRecords;
            if (read.damaged && !read.ok())
                result.damagedInput = true;
            report.format = QStringLiteral("console CSV (%1, '%2')")
                                .arg(format.encoding, format.delimiter == '\t'
                                                          ? QStringLiteral("tab")
                                                          : QString(QLatin1Char(format.delimiter)));
            report.formatReason = QStringLiteral("not JSON");
        } else {
            QString why;
            const JsonKind kind = sniffJsonKind(file, &why, &mapping);
            file.seek(0);
            report.format = jsonKindName(kind);
            report.formatReason = why;
            switch (kind) {
            case JsonKind::RestResultData:
                read = tabular(
                    [](QIODevice &in, TableSink &sink) { return readRestResultData(in, sink); });
                break;
            case JsonKind::GatewayEndpoints:
                read = tabular(
                    [](QIODevice &in, TableSink &sink) { return readGatewayEndpoints(in, sink); });
                break;
            case JsonKind::Alerts:
                read = readAlerts(file, importer);
                break;
            case JsonKind::Profiles:
                read = readProfilesJson(file, importer);
                break;
            case JsonKind::ConnectRecords:
                read = tabular(
                    [](QIODevice &in, TableSink &sink) { return readConnectRecords(in, sink); });
                break;
            case JsonKind::Unknown:
                read.status = ReadStatus::Failed;
                read.error = unknownJsonLayout(why);
                break;
            }
        }
        chosenUsed = chosenUsed || importer.chosenDatasetUsed();
        if (importer.newestNow().isValid() &&
            (!newestNow.isValid() || importer.newestNow() > newestNow))
            newestNow = importer.newestNow();

        if (cancelled) {
            result.files.push_back(report);
            break;
        }
        if (!importer.error().isEmpty()) {
            problem(importer.error());
            if (!writer.error().isEmpty()) {
                storeFailed = true;
                result.files.push_back(report);
                break;
            }
        } else if (read.status != ReadStatus::Ok) {
            if (options.failAfterRows >= 0 && read.status == ReadStatus::Stopped) {
                problem(QStringLiteral("injected failure after %1 rows (test)").arg(ticks * 512));
                result.files.push_back(report);
                break;
            }
            problem(read.error.isEmpty() ? QStringLiteral("could not be read") : read.error);
        } else if (report.datasets.empty()) {
            problem(QStringLiteral("no data: nothing in the file could be imported"));
        }
        if (report.skippedRows > 0)
            result.complete = false;
        result.files.push_back(report);
        bytesBefore += report.size;
    }

    for (size_t i = 0; i < hashes.size(); ++i) {
        const QString sha = hashes[i].get();
        if (i < result.files.size())
            result.files[i].sha256 = sha;
    }
    if (cancelled) {
        result.status = ImportResult::Status::Cancelled;
        result.errors << QStringLiteral("import cancelled; nothing was written");
        return result;
    }
    if (!result.errors.isEmpty()) {
        result.status = storeFailed ? ImportResult::Status::Failed : ImportResult::Status::BadInput;
        return result;
    }
    // A snapshot without a single endpoint or alert would show an empty month as if it were
    // one: refused, saying what each file gave instead.
    const auto usable = [](const FileImportReport &r) {
        std::int64_t n = 0;
        for (const FileImportReport::DatasetUse &use : r.datasets) {
            if (use.dataset != QLatin1String("profiles"))
                n += use.answers;
        }
        return n;
    };
    std::int64_t usableTotal = 0;
    for (const FileImportReport &r : result.files)
        usableTotal += usable(r);
    if (usableTotal == 0) {
        result.status = ImportResult::Status::BadInput;
        for (const FileImportReport &r : result.files) {
            const bool onlyProfiles =
                r.datasets.size() == 1 && r.datasets.front().dataset == QLatin1String("profiles");
            QString what = onlyProfiles ? QStringLiteral("profiles only")
                                        : QStringLiteral("%1 row(s) read").arg(r.rows);
            if (!r.warnings.isEmpty())
                what += QStringLiteral("; ") + r.warnings.first();
            result.errors
                << QStringLiteral("%1: no usable endpoint or alert (%2)").arg(r.path, what);
        }
        result.errors << QStringLiteral("nothing was imported: a snapshot needs at least one "
                                        "endpoint or alert");
        return result;
    }
    if (!options.chosenDataset.isEmpty() && !chosenUsed)
        result.notes << QStringLiteral(
                            "--as %1 was not needed: no file had an ambiguous column group")
                            .arg(options.chosenDataset);

    for (size_t i = 0; i < result.files.size(); ++i) {
        const FileImportReport &r = result.files[i];
        if (!writer.setFileDetails(fileIds[i], r.sha256, r.format,
                                   QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact))) {
            result.status = ImportResult::Status::Failed;
            result.errors << QStringLiteral("%1: %2").arg(db.path(), writer.error());
            return result;
        }
    }
    result.takenAt = options.takenAt.isValid() ? options.takenAt.toUTC()
                     : newestNow.isValid()     ? newestNow
                                               : QDateTime::currentDateTimeUtc();
    result.takenAt.setTime(QTime(result.takenAt.time().hour(), result.takenAt.time().minute(),
                                 result.takenAt.time().second()));
    if (!writer.finish(result.takenAt, result.complete)) {
        result.status = ImportResult::Status::Failed;
        result.errors << QStringLiteral("%1: %2").arg(db.path(), writer.error());
        return result;
    }
    if (analyse) {
        // Half the bytes' share of the progress: measured at 1 M endpoints, the analysis
        // takes about a third of the import's time.
        const std::int64_t share = analysisShare;
        std::function<bool(std::int64_t, std::int64_t)> progress;
        if (options.progress) {
            progress = [&](std::int64_t done, std::int64_t total) {
                const std::int64_t at =
                    totalBytes +
                    (total > 0 ? std::int64_t(double(share) * double(done) / double(total)) : 0);
                return options.progress(at, progressTotal);
            };
        }
        QString error;
        if (!options.analysis(db, *snapshot, &error, progress)) {
            result.status =
                error.isEmpty() ? ImportResult::Status::Cancelled : ImportResult::Status::Failed;
            result.errors << (error.isEmpty()
                                  ? QStringLiteral("import cancelled; nothing was written")
                                  : QStringLiteral("%1: the health analysis failed: %2")
                                        .arg(db.path(), error));
            return result;
        }
    }
    if (!Store::addStoredBytes(db, *snapshot, usedBefore) || !tx.commit()) {
        result.status = ImportResult::Status::Failed;
        result.errors << QStringLiteral("%1: %2").arg(
            db.path(), writer.error().isEmpty() ? db.lastError() : writer.error());
        return result;
    }
    result.snapshotId = *snapshot;
    return result;
}

} // namespace trh
