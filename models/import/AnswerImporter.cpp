#include "AnswerImporter.h"

#include "SnapshotWriter.h"

#include <QDateTime>
#include <QSet>
#include <QTimeZone>

#include <charconv>

namespace trh {
namespace {

enum Kind
{
    CxStatus,
    ClientSetting,
    TrStatus,
    Tools,
    Extensions,
    DriverStatus,
    Sensor,
    Inventory,
    Profiles
};

Kind kindOf(const QString &dataset)
{
    if (dataset == QLatin1String("cx_status"))
        return CxStatus;
    if (dataset == QLatin1String("client_settings"))
        return ClientSetting;
    if (dataset == QLatin1String("tr_status"))
        return TrStatus;
    if (dataset == QLatin1String("tools_status"))
        return Tools;
    if (dataset == QLatin1String("installed_extensions"))
        return Extensions;
    if (dataset == QLatin1String("driver_status"))
        return DriverStatus;
    if (dataset == QLatin1String("inventory"))
        return Inventory;
    if (dataset == QLatin1String("profiles"))
        return Profiles;
    return Sensor; // driver_version, bpf_bcc, bpf_core, bpf_details
}

constexpr std::int64_t kProbeRows = 5000;
constexpr std::int64_t kTickRows = 512;
const CellValues kNoCell{std::string_view()};

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void join(const CellValues &values, std::string *out)
{
    out->clear();
    for (size_t i = 0; i < values.size(); ++i) {
        if (i)
            out->push_back('\n');
        out->append(values[i]);
    }
}

ValueClass cellClass(const CellValues &values)
{
    ValueClass c = ValueClass::NoResults;
    bool first = true;
    for (std::string_view v : values) {
        const ValueClass vc = classifyValue(v);
        c = first ? vc : combineClasses(c, vc);
        first = false;
    }
    return c;
}

// "2019/02/18 15:23:02 GMT-0000" (REST data.now) to UTC.
QDateTime parseRestNow(std::string_view text)
{
    const QString s = qs(trimmedAnswer(text));
    const qsizetype gmt = s.indexOf(QLatin1String("GMT"));
    QDateTime t = QDateTime::fromString(gmt > 0 ? s.left(gmt).trimmed() : s,
                                        QStringLiteral("yyyy/MM/dd HH:mm:ss"));
    if (!t.isValid())
        return {};
    int offsetSeconds = 0;
    if (gmt > 0) {
        const QString off = s.mid(gmt + 3).trimmed(); // "-0000", "+0130"
        if (off.size() == 5 && (off[0] == QLatin1Char('+') || off[0] == QLatin1Char('-'))) {
            const int hh = off.mid(1, 2).toInt();
            const int mm = off.mid(3, 2).toInt();
            offsetSeconds = (hh * 3600 + mm * 60) * (off[0] == QLatin1Char('-') ? -1 : 1);
        }
    }
    t.setTimeZone(QTimeZone(offsetSeconds));
    return t.toUTC();
}

} // namespace

AnswerImporter::AnswerImporter(SnapshotWriter &writer, const DatasetMapping &mapping,
                               FileImportReport &report, Mode mode)
    : m_writer(writer), m_mapping(mapping), m_report(report), m_mode(mode)
{}

void AnswerImporter::adoptDecisions(const AnswerImporter &probe)
{
    m_vocabulary = probe.m_vocabulary;
    m_probeRows = probe.m_probeRows;
}

bool AnswerImporter::fail(const QString &error, const SourcePos &pos)
{
    if (m_error.isEmpty())
        m_error = pos.line > 0 || !pos.jsonPath.empty()
                      ? QStringLiteral("%1: %2").arg(pos.toString(), error)
                      : error;
    return false;
}

bool AnswerImporter::tick()
{
    if (++m_sinceTick < kTickRows)
        return true;
    m_sinceTick = 0;
    return !m_tick || m_tick();
}

void AnswerImporter::warning(const QString &message, const SourcePos &pos)
{
    if (m_mode == Mode::Probe)
        return;
    m_report.addWarning(pos.line > 0 || !pos.jsonPath.empty()
                            ? QStringLiteral("%1: %2").arg(pos.toString(), message)
                            : message);
}

void AnswerImporter::resultSetInfo(std::string_view now, std::int64_t, std::int64_t)
{
    const QDateTime t = parseRestNow(now);
    if (t.isValid() && (!m_newestNow.isValid() || t > m_newestNow))
        m_newestNow = t;
}

bool AnswerImporter::resolve(DatasetMapping::Group &group, const std::vector<std::string> &,
                             const SourcePos &pos)
{
    if (group.alternatives.empty())
        return true;
    std::vector<const DatasetDefinition *> candidates{group.def};
    candidates.insert(candidates.end(), group.alternatives.begin(), group.alternatives.end());
    QStringList names;
    for (const DatasetDefinition *c : candidates)
        names << c->name;
    const QString ambiguous =
        QStringLiteral("columns fit %1").arg(names.join(QStringLiteral(" and ")));
    auto choose = [&](const DatasetDefinition *def, const QString &why) {
        group.def = def;
        group.rule = QStringLiteral("%1; %2; decided by %3").arg(group.rule, ambiguous, why);
        group.alternatives.clear();
        return true;
    };

    // 1. The user's explicit choice.
    for (const DatasetDefinition *c : candidates) {
        if (!m_chosen.isEmpty() && c->name == m_chosen) {
            m_chosenUsed = true;
            return choose(c, QStringLiteral("explicit choice (--as %1)").arg(m_chosen));
        }
    }
    // 2. The question text in the file name.
    const QString fileKey = questionKey(m_report.name);
    const DatasetDefinition *byName = nullptr;
    QString matchedQuestion;
    int matches = 0;
    for (const DatasetDefinition *c : candidates) {
        for (const QString &q : c->questions) {
            if (!q.isEmpty() && fileKey.contains(q)) {
                byName = c;
                matchedQuestion = c->title;
                ++matches;
                break;
            }
        }
    }
    if (matches == 1)
        return choose(byName,
                      QStringLiteral("the file name, which names \"%1\"").arg(matchedQuestion));
    // 3. The key vocabulary, from the rows a probe pass read.
    if (m_mode == Mode::Probe) {
        m_pending.push_back(group);
        return true;
    }
    for (const DatasetDefinition *c : candidates) {
        const Vocabulary v = m_vocabulary.value(c->name);
        if (v.hits > 0) {
            return choose(c, QStringLiteral("the key vocabulary (%1 of %2 keys in the first %3 "
                                            "rows are %4 keys)")
                                 .arg(v.hits)
                                 .arg(v.realKeys)
                                 .arg(m_probeRows)
                                 .arg(c->title));
        }
    }
    std::vector<const DatasetDefinition *> withoutVocabulary;
    std::int64_t realKeys = 0;
    for (const DatasetDefinition *c : candidates) {
        if (c->vocabulary.isEmpty())
            withoutVocabulary.push_back(c);
        realKeys = std::max(realKeys, m_vocabulary.value(c->name).realKeys);
    }
    if (withoutVocabulary.size() == 1 && realKeys > 0) {
        return choose(withoutVocabulary.front(),
                      QStringLiteral("the key vocabulary (none of %1 keys in the first %2 rows "
                                     "is a known key of the other dataset)")
                          .arg(realKeys)
                          .arg(m_probeRows));
    }
    return fail(QStringLiteral("%1 and neither the file name nor the keys tell which; choose "
                               "with --as %2")
                    .arg(ambiguous, names.join(QStringLiteral(" or --as "))),
                pos);
}

bool AnswerImporter::header(const std::vector<std::string> &columns, const SourcePos &pos)
{
    DatasetMapping::HeaderMatch match = m_mapping.match(columns);
    m_groups.clear();
    m_pending.clear();
    m_nameColumn = match.computerName;
    m_countColumn = match.count;
    if (match.groups.empty()) {
        QStringList names;
        for (const std::string &c : columns)
            names << qs(c).trimmed();
        return fail(QStringLiteral("unknown layout: no column names a known dataset (header: %1)")
                        .arg(names.join(QStringLiteral(", ")).left(300)),
                    pos);
    }
    if (m_mode == Mode::Write) {
        // A set beside the list: a wide header stays linear (was a scan of the list per column).
        QSet<QString> known(m_report.ignoredColumns.cbegin(), m_report.ignoredColumns.cend());
        for (int c : match.ignored) {
            const QString name = qs(columns[size_t(c)]).trimmed();
            if (!known.contains(name)) {
                known.insert(name);
                m_report.ignoredColumns << name;
            }
        }
        if (m_nameColumn < 0)
            m_report.aggregate = true;
    }
    for (DatasetMapping::Group &group : match.groups) {
        if (!resolve(group, columns, pos))
            return false;
        ActiveGroup g;
        g.def = group.def;
        g.columns = group.columns;
        g.kind = kindOf(group.def->name);
        g.datasetUtf8 = group.def->name.toUtf8();
        if (m_mode == Mode::Write) {
            m_report.dataset(group.def->name, group.rule);
            for (size_t i = 0; i < m_report.datasets.size(); ++i) {
                if (m_report.datasets[i].dataset == group.def->name)
                    g.use = i;
            }
        }
        m_groups.push_back(std::move(g));
    }
    if (m_mode == Mode::Probe)
        return !m_pending.empty(); // nothing to learn from rows otherwise
    return true;
}

void AnswerImporter::probeRow(const std::vector<CellValues> &cells)
{
    ++m_probeRows;
    for (const DatasetMapping::Group &group : m_pending) {
        std::vector<const DatasetDefinition *> candidates{group.def};
        candidates.insert(candidates.end(), group.alternatives.begin(), group.alternatives.end());
        for (const DatasetDefinition *c : candidates) {
            if (c->vocabulary.isEmpty() && c->vocabularyRole.isEmpty()) {
                continue;
            }
            const int role = c->roleIndex(c->vocabularyRole);
            const int column = role >= 0 ? group.columns[size_t(role)] : -1;
            if (column < 0 || size_t(column) >= cells.size())
                continue;
            Vocabulary &v = m_vocabulary[c->name];
            for (std::string_view key : cells[size_t(column)]) {
                key = trimmedAnswer(key);
                if (key.empty() || classifyValue(key) != ValueClass::Value)
                    continue;
                ++v.realKeys;
                if (c->vocabulary.contains(qs(key).toLower()))
                    ++v.hits;
            }
        }
        // Datasets without a vocabulary learn how many real keys were seen, via the others.
        for (const DatasetDefinition *c : candidates) {
            if (c->vocabulary.isEmpty()) {
                std::int64_t keys = 0;
                for (const DatasetDefinition *o : candidates)
                    keys = std::max(keys, m_vocabulary.value(o->name).realKeys);
                m_vocabulary[c->name].realKeys = keys;
            }
        }
    }
}

bool AnswerImporter::row(const std::vector<CellValues> &cells, const SourcePos &pos)
{
    if (m_mode == Mode::Probe) {
        probeRow(cells);
        return m_probeRows < kProbeRows;
    }
    ++m_report.rows;
    std::optional<std::int64_t> endpoint;
    if (m_nameColumn >= 0) {
        const CellValues &nameCell = cells[size_t(m_nameColumn)];
        const std::string_view name =
            nameCell.empty() ? std::string_view() : trimmedAnswer(nameCell.front());
        if (name.empty() || classifyValue(name) != ValueClass::Value || nameCell.size() != 1) {
            warning(QStringLiteral("row skipped: the Computer Name \"%1\" is not a usable name")
                        .arg(qs(name).left(80)),
                    pos);
            return tick();
        }
        endpoint = m_writer.endpointId(name);
        if (!endpoint)
            return fail(m_writer.error(), pos);
    }
    std::int64_t weight = 1;
    if (m_countColumn >= 0) {
        const CellValues &countCell = cells[size_t(m_countColumn)];
        const std::string_view text =
            countCell.empty() ? std::string_view() : trimmedAnswer(countCell.front());
        std::int64_t parsed = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
        if (ec == std::errc() && end == text.data() + text.size() && parsed >= 0) {
            weight = parsed;
        } else {
            warning(
                QStringLiteral("Count \"%1\" is not a number; counted as 1").arg(qs(text).left(40)),
                pos);
        }
    }
    for (const ActiveGroup &g : m_groups) {
        if (!writeGroup(g, cells, endpoint, weight, pos))
            return false;
    }
    return tick();
}

bool AnswerImporter::writeGroup(const ActiveGroup &g, const std::vector<CellValues> &cells,
                                std::optional<std::int64_t> endpoint, std::int64_t weight,
                                const SourcePos &pos)
{
    const size_t roles = g.columns.size();
    auto cellOf = [&](size_t role) -> const CellValues & {
        const int c = g.columns[role];
        return c >= 0 && size_t(c) < cells.size() ? cells[size_t(c)] : kNoCell;
    };
    const QString &dataset = g.def->name;
    const std::string_view datasetView(g.datasetUtf8.constData(), size_t(g.datasetUtf8.size()));

    if (g.kind == Profiles) {
        ProfileRecord p;
        auto first = [&](const char *role) {
            const int r = g.def->roleIndex(QLatin1String(role));
            const CellValues &v = r >= 0 ? cellOf(size_t(r)) : kNoCell;
            return std::string(v.empty() ? std::string_view() : trimmedAnswer(v.front()));
        };
        p.name = first("name");
        p.id = first("id");
        p.revision = first("revision");
        p.status = first("status");
        const int gr = g.def->roleIndex(QStringLiteral("computer_groups"));
        if (gr >= 0) {
            for (std::string_view v : cellOf(size_t(gr))) {
                if (!trimmedAnswer(v).empty())
                    p.computerGroups.emplace_back(trimmedAnswer(v));
            }
        }
        return profile(p, pos);
    }

    if (g.kind == Inventory) {
        std::string_view fields[5];
        ValueClass cls = ValueClass::NoResults;
        bool first = true;
        for (size_t r = 0; r < roles && r < 5; ++r) {
            if (g.columns[r] < 0)
                continue;
            const CellValues &cell = cellOf(r);
            const bool groups = g.def->columns[r].role == QLatin1String("computer_groups");
            if (groups) {
                join(cell, &m_joined[r]);
                fields[r] = m_joined[r];
            } else {
                fields[r] = cell.empty() ? std::string_view() : trimmedAnswer(cell.front());
            }
            const ValueClass c = cellClass(cell);
            cls = first ? c : combineClasses(cls, c);
            first = false;
        }
        ++m_report.values[size_t(cls)];
        const auto answer = m_writer.addAnswer(datasetView, endpoint, weight, pos.line, cls);
        if (!answer)
            return fail(m_writer.error(), pos);
        ++m_report.datasets[g.use].answers;
        // Roles are in the fixed order computer_id, os_platform, operating_system,
        // is_windows, computer_groups (DatasetMapping's known roles).
        std::string_view byRole[5];
        for (size_t r = 0; r < roles && r < 5; ++r) {
            const QString &role = g.def->columns[r].role;
            const int idx = role == QLatin1String("computer_id")        ? 0
                            : role == QLatin1String("os_platform")      ? 1
                            : role == QLatin1String("operating_system") ? 2
                            : role == QLatin1String("is_windows")       ? 3
                                                                        : 4;
            byRole[idx] = fields[r];
        }
        if (!m_writer.addInventory(*answer, byRole[0], byRole[1], byRole[2], byRole[3], byRole[4],
                                   cls))
            return fail(m_writer.error(), pos);
        if (endpoint) {
            const int gr = g.def->roleIndex(QStringLiteral("computer_groups"));
            if (gr >= 0 && g.columns[size_t(gr)] >= 0) {
                for (std::string_view v : cellOf(size_t(gr))) {
                    if (classifyValue(v) == ValueClass::Value &&
                        !m_writer.addEndpointGroup(*endpoint, v))
                        return fail(m_writer.error(), pos);
                }
            }
        }
        return true;
    }

    if (g.kind == DriverStatus) {
        const CellValues &cell = cellOf(0);
        join(cell, &m_joined[0]);
        const ValueClass cls = cellClass(cell);
        ++m_report.values[size_t(cls)];
        const auto answer = m_writer.addAnswer(datasetView, endpoint, weight, pos.line, cls);
        if (!answer || !m_writer.addSensorValue(*answer, 0, m_joined[0], cls))
            return fail(m_writer.error(), pos);
        ++m_report.datasets[g.use].answers;
        return true;
    }

    // Correlated multi-line cells: line k of every column belongs together, and line k is one
    // row of the sensor's answer. A special answer stands for a whole row, so a row's class
    // is the class of its first column (the sensor's leftmost column in the file); a special-
    // looking text in another column beside a real first column is that column's real value
    // ("threatresponse / health_check / error: certificate expired" is a failure reason).
    // A cell may have no values at all (REST "data": [[]], Gateway "values": []): compare
    // with the first column's count, not with the first non-zero one.
    size_t firstRole = roles;
    for (size_t r = 0; r < roles; ++r) {
        if (g.columns[r] >= 0 && (firstRole == roles || g.columns[r] < g.columns[firstRole]))
            firstRole = r;
    }
    const CellValues &firstCell = firstRole < roles ? cellOf(firstRole) : kNoCell;
    const size_t lines = firstCell.size();
    bool mismatch = false;
    for (size_t r = 0; r < roles; ++r) {
        if (g.columns[r] >= 0 && cellOf(r).size() != lines)
            mismatch = true;
    }
    // One special first column stands for the whole answer, whatever the other columns
    // hold (often nothing at all): not a correlation problem.
    const ValueClass lone = lines == 1 ? classifyValue(firstCell.front()) : ValueClass::Value;
    const bool specialRow = mismatch && lone != ValueClass::Value;
    if (mismatch && !specialRow) {
        QStringList counts, titles;
        for (size_t r = 0; r < roles; ++r) {
            if (g.columns[r] >= 0) {
                counts << QString::number(cellOf(r).size());
                titles << g.def->columns[r].role;
            }
        }
        warning(QStringLiteral("%1: the %2 cells have %3 lines, which do not correlate; kept raw "
                               "and counted as unknown")
                    .arg(dataset, titles.join(QLatin1Char('/')), counts.join(QLatin1Char('/'))),
                pos);
    }
    const size_t outLines = mismatch ? 1 : lines;
    m_lineClasses.assign(outLines, ValueClass::NoResults);
    ValueClass answerClass = ValueClass::NoResults;
    for (size_t k = 0; k < outLines; ++k) {
        const ValueClass c = specialRow ? lone
                             : mismatch ? ValueClass::Error
                                        : classifyValue(firstCell[k]);
        m_lineClasses[k] = c;
        answerClass = k == 0 ? c : combineClasses(answerClass, c);
        ++m_report.values[size_t(c)];
    }
    const auto answer = m_writer.addAnswer(datasetView, endpoint, weight, pos.line, answerClass);
    if (!answer)
        return fail(m_writer.error(), pos);
    ++m_report.datasets[g.use].answers;

    std::string_view v[4];
    for (size_t k = 0; k < outLines; ++k) {
        for (size_t r = 0; r < roles && r < 4; ++r) {
            if (g.columns[r] < 0) {
                v[r] = std::string_view();
            } else if (mismatch) {
                join(cellOf(r), &m_joined[r]);
                v[r] = m_joined[r];
            } else {
                // A present but empty cell is '' (not NULL, which means "no such column").
                const std::string_view t = trimmedAnswer(cellOf(r)[k]);
                v[r] = t.data() ? t : std::string_view("", 0);
            }
        }
        const int line = int(k);
        const ValueClass c = m_lineClasses[k];
        bool ok = true;
        switch (g.kind) {
        case CxStatus:
            ok = m_writer.addTriple(SnapshotWriter::CxStatus, *answer, line, v[0], v[1], v[2], c);
            break;
        case ClientSetting:
            ok = m_writer.addTriple(SnapshotWriter::ClientSetting, *answer, line, v[0], v[1], v[2],
                                    c);
            break;
        case TrStatus:
            ok = m_writer.addTriple(SnapshotWriter::TrStatus, *answer, line, v[0], v[1], v[2], c);
            break;
        case Tools:
            ok = m_writer.addToolStatus(*answer, line, v[0], v[1], v[2], v[3], c);
            break;
        case Extensions:
            ok = m_writer.addExtension(*answer, line, v[0], v[1], c);
            break;
        default:
            ok = m_writer.addSensorValue(*answer, line, v[0], c);
            break;
        }
        if (!ok)
            return fail(m_writer.error(), pos);
    }
    return true;
}

bool AnswerImporter::alert(const AlertRecord &alert, const SourcePos &pos)
{
    if (m_mode == Mode::Probe)
        return false;
    ++m_report.rows;
    FileImportReport::DatasetUse &use =
        m_report.dataset(QStringLiteral("alerts"), QStringLiteral("Threat Response alerts JSON"));
    if (!m_writer.addAlert(alert))
        return fail(m_writer.error(), pos);
    ++use.answers;
    ++m_report.values[size_t(ValueClass::Value)];
    return tick();
}

bool AnswerImporter::profile(const ProfileRecord &profile, const SourcePos &pos)
{
    if (m_mode == Mode::Probe)
        return false;
    FileImportReport::DatasetUse &use =
        m_report.dataset(QStringLiteral("profiles"), QStringLiteral("Threat Response profiles"));
    if (profile.name.empty() && profile.id.empty()) {
        warning(QStringLiteral("profile without name or id skipped"), pos);
        return tick();
    }
    if (m_report.datasets.size() == 1 || use.answers == 0)
        ++m_report.rows;
    if (!m_writer.addProfile(profile))
        return fail(m_writer.error(), pos);
    ++use.answers;
    ++m_report.values[size_t(ValueClass::Value)];
    return tick();
}

} // namespace trh
