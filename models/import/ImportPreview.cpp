#include "ImportPreview.h"
#include "core/InputFile.h"

#include "CsvReader.h"
#include "DatasetMapping.h"
#include "JsonReaders.h"
#include "core/ValueClass.h"

#include <QFile>
#include <QFileInfo>

namespace trh {
namespace {

constexpr std::int64_t kPreviewRows = 200;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Takes the first header and up to kPreviewRows rows under it, then stops the reader.
class HeaderSink final : public TableSink
{
public:
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows; // key-ish cells only, as text
    bool hasHeader = false;

    bool header(const std::vector<std::string> &c, const SourcePos &) override
    {
        if (hasHeader)
            return false;
        columns = c;
        hasHeader = true;
        return true;
    }
    bool row(const std::vector<CellValues> &cells, const SourcePos &) override
    {
        std::vector<std::string> r;
        r.reserve(cells.size());
        for (const CellValues &cell : cells) {
            std::string joined;
            for (std::string_view v : cell) {
                if (!joined.empty())
                    joined.push_back('\n');
                joined.append(v);
            }
            r.push_back(std::move(joined));
        }
        rows.push_back(std::move(r));
        return std::int64_t(rows.size()) < kPreviewRows;
    }
    void warning(const QString &, const SourcePos &) override {}
};

// Settles an ambiguous group as the importer does: the file name, then the key vocabulary.
void settle(FilePreview &p, const DatasetMapping::Group &group, const HeaderSink &sink)
{
    std::vector<const DatasetDefinition *> candidates{group.def};
    candidates.insert(candidates.end(), group.alternatives.begin(), group.alternatives.end());
    QStringList names;
    for (const DatasetDefinition *c : candidates)
        names << c->name;
    p.candidates = names;

    const QString fileKey = questionKey(QFileInfo(p.path).fileName());
    const DatasetDefinition *byName = nullptr;
    int matches = 0;
    for (const DatasetDefinition *c : candidates) {
        for (const QString &q : c->questions) {
            if (!q.isEmpty() && fileKey.contains(q)) {
                byName = c;
                ++matches;
                break;
            }
        }
    }
    if (matches == 1) {
        p.datasets << byName->name;
        p.rule = QStringLiteral("columns fit %1; the file name names \"%2\"")
                     .arg(names.join(QStringLiteral(" and ")), byName->title);
        return;
    }
    std::int64_t realKeys = 0;
    for (const DatasetDefinition *c : candidates) {
        const int role = c->roleIndex(c->vocabularyRole);
        const int column = role >= 0 ? group.columns[size_t(role)] : -1;
        if (column < 0 || c->vocabulary.isEmpty())
            continue;
        std::int64_t hits = 0;
        for (const auto &row : sink.rows) {
            if (size_t(column) >= row.size())
                continue;
            for (const QString &line : qs(row[size_t(column)]).split(QLatin1Char('\n'))) {
                const QByteArray utf8 = line.toUtf8();
                const std::string_view key =
                    trimmedAnswer(std::string_view(utf8.constData(), size_t(utf8.size())));
                if (key.empty() || classifyValue(key) != ValueClass::Value)
                    continue;
                ++realKeys;
                if (c->vocabulary.contains(qs(key).toLower()))
                    ++hits;
            }
        }
        if (hits > 0) {
            p.datasets << c->name;
            p.rule = QStringLiteral("columns fit %1; the key vocabulary names %2")
                         .arg(names.join(QStringLiteral(" and ")), c->title);
            return;
        }
    }
    std::vector<const DatasetDefinition *> withoutVocabulary;
    for (const DatasetDefinition *c : candidates) {
        if (c->vocabulary.isEmpty())
            withoutVocabulary.push_back(c);
    }
    if (withoutVocabulary.size() == 1 && realKeys > 0) {
        p.datasets << withoutVocabulary.front()->name;
        p.rule = QStringLiteral("columns fit %1; no key is a known key of the other dataset")
                     .arg(names.join(QStringLiteral(" and ")));
        return;
    }
    p.ambiguous = true;
    p.rule = QStringLiteral("columns fit %1 and neither the file name nor the keys tell which")
                 .arg(names.join(QStringLiteral(" and ")));
}

void previewTable(FilePreview &p, const HeaderSink &sink, const DatasetMapping &mapping)
{
    if (!sink.hasHeader) {
        p.error = QStringLiteral("no table header found");
        return;
    }
    const DatasetMapping::HeaderMatch match = mapping.match(sink.columns);
    if (match.groups.empty()) {
        QStringList names;
        for (const std::string &c : sink.columns)
            names << qs(c).trimmed();
        p.error = QStringLiteral("unknown layout: no column names a known dataset (header: %1)")
                      .arg(names.join(QStringLiteral(", ")).left(300));
        return;
    }
    QStringList rules;
    for (const DatasetMapping::Group &group : match.groups) {
        if (group.alternatives.empty()) {
            p.datasets << group.def->name;
            rules << group.rule;
            continue;
        }
        settle(p, group, sink);
        rules << p.rule;
    }
    p.rule = rules.join(QStringLiteral("; "));
}

FilePreview previewOne(const QString &path, const DatasetMapping &mapping)
{
    FilePreview p;
    p.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        p.error = QStringLiteral("no such file");
        return p;
    }
    QFile file;
    if (!InputFile::open(file, path, &p.error))
        return p;
    HeaderSink sink;
    if (!startsAsJson(file)) {
        CsvFormat format;
        const ReadResult read = CsvReader::read(file, sink, &format);
        p.format = QStringLiteral("console CSV (%1)").arg(format.encoding);
        if (read.status == ReadStatus::Failed && !sink.hasHeader) {
            p.format = QStringLiteral("not a console CSV file");
            p.error = read.error;
            return p;
        }
        previewTable(p, sink, mapping);
        return p;
    }
    QString why;
    const JsonKind kind = sniffJsonKind(file, &why, &mapping);
    if (!file.seek(0)) {
        p.error = file.errorString();
        return p;
    }
    p.format = jsonKindName(kind);
    switch (kind) {
    case JsonKind::RestResultData:
    case JsonKind::GatewayEndpoints:
    case JsonKind::ConnectRecords: {
        const ReadResult read = kind == JsonKind::RestResultData ? readRestResultData(file, sink)
                                : kind == JsonKind::GatewayEndpoints
                                    ? readGatewayEndpoints(file, sink)
                                    : readConnectRecords(file, sink);
        if (read.status == ReadStatus::Failed && !sink.hasHeader) {
            p.error = read.error;
            return p;
        }
        previewTable(p, sink, mapping);
        return p;
    }
    case JsonKind::Alerts:
        p.datasets << QStringLiteral("alerts");
        p.rule = why;
        return p;
    case JsonKind::Profiles:
        p.datasets << QStringLiteral("profiles");
        p.rule = why;
        return p;
    case JsonKind::Unknown:
        break;
    }
    p.error = unknownJsonLayout(why);
    return p;
}

} // namespace

std::vector<FilePreview> previewFiles(const QStringList &paths, const DatasetMapping &mapping)
{
    std::vector<FilePreview> previews;
    previews.reserve(size_t(paths.size()));
    for (const QString &path : paths)
        previews.push_back(previewOne(path, mapping));
    return previews;
}

} // namespace trh
