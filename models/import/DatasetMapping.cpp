#include "DatasetMapping.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace trh {
namespace {

// The roles the store knows for each dataset; a mapping file may not add others.
const std::map<QString, QStringList> &knownRoles()
{
    static const std::map<QString, QStringList> roles = {
        {QStringLiteral("profiles"),
         {QStringLiteral("name"), QStringLiteral("id"), QStringLiteral("revision"),
          QStringLiteral("status"), QStringLiteral("computer_groups")}},
        {QStringLiteral("tools_status"),
         {QStringLiteral("tool"), QStringLiteral("status"), QStringLiteral("targeted_version"),
          QStringLiteral("installed_version")}},
        {QStringLiteral("cx_status"),
         {QStringLiteral("domain"), QStringLiteral("key"), QStringLiteral("value")}},
        {QStringLiteral("client_settings"),
         {QStringLiteral("domain"), QStringLiteral("setting"), QStringLiteral("value")}},
        {QStringLiteral("tr_status"),
         {QStringLiteral("component"), QStringLiteral("key"), QStringLiteral("value")}},
        {QStringLiteral("installed_extensions"),
         {QStringLiteral("domain"), QStringLiteral("version")}},
        {QStringLiteral("driver_status"), {QStringLiteral("value")}},
        {QStringLiteral("driver_version"), {QStringLiteral("value")}},
        {QStringLiteral("bpf_bcc"), {QStringLiteral("value")}},
        {QStringLiteral("bpf_core"), {QStringLiteral("value")}},
        {QStringLiteral("bpf_details"), {QStringLiteral("value")}},
        {QStringLiteral("inventory"),
         {QStringLiteral("computer_id"), QStringLiteral("os_platform"),
          QStringLiteral("operating_system"), QStringLiteral("is_windows"),
          QStringLiteral("computer_groups")}},
    };
    return roles;
}

// The strings of a JSON array, each passed through `clean`, without the empty ones.
QStringList cleanList(const QJsonArray &array, QString (*clean)(const QString &))
{
    QStringList out;
    for (const QJsonValue &v : array)
        out << clean(v.toString());
    out.removeAll(QString());
    return out;
}

// Header aliases (column names, identity columns) compare as normalizedHeader() makes them.
QStringList headerNames(const QJsonArray &array)
{
    return cleanList(array, [](const QString &name) { return normalizedHeader(name); });
}

// Vocabulary values are answers, not headers: only trimmed and lower-cased ("health_check"
// keeps its underscore).
QStringList lowerValues(const QJsonArray &array)
{
    return cleanList(array, [](const QString &value) { return value.trimmed().toLower(); });
}

bool parseDataset(const QJsonObject &o, DatasetDefinition *def, QString *error)
{
    def->name = o.value(QStringLiteral("name")).toString();
    const auto roles = knownRoles().find(def->name);
    if (roles == knownRoles().end()) {
        *error = QStringLiteral("unknown dataset \"%1\"").arg(def->name);
        return false;
    }
    def->title = o.value(QStringLiteral("title")).toString(def->name);
    def->questions.clear();
    for (const QJsonValue &q : o.value(QStringLiteral("questions")).toArray())
        def->questions << questionKey(q.toString());
    def->questions.removeAll(QString());
    def->anyOf = o.value(QStringLiteral("any_of")).toBool(false);
    def->columns.clear();
    for (const QJsonValue &c : o.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject col = c.toObject();
        DatasetDefinition::Column column;
        column.role = col.value(QStringLiteral("role")).toString();
        if (!roles->second.contains(column.role)) {
            *error =
                QStringLiteral("dataset \"%1\" has no role \"%2\"").arg(def->name, column.role);
            return false;
        }
        column.names = headerNames(col.value(QStringLiteral("names")).toArray());
        if (column.names.isEmpty()) {
            *error = QStringLiteral("dataset \"%1\", role \"%2\": no column names")
                         .arg(def->name, column.role);
            return false;
        }
        column.required = col.value(QStringLiteral("required")).toBool(false);
        def->columns.push_back(column);
    }
    if (def->columns.empty()) {
        *error = QStringLiteral("dataset \"%1\" has no columns").arg(def->name);
        return false;
    }
    const QJsonObject vocab = o.value(QStringLiteral("vocabulary")).toObject();
    def->vocabularyRole = vocab.value(QStringLiteral("role")).toString();
    def->vocabulary = lowerValues(vocab.value(QStringLiteral("values")).toArray());
    return true;
}

} // namespace

int DatasetDefinition::roleIndex(const QString &role) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].role == role)
            return int(i);
    }
    return -1;
}

QString normalizedHeader(const QString &name)
{
    QString out = name;
    out.replace(QLatin1Char('_'), QLatin1Char(' '));
    return out.simplified().toLower();
}

QString normalizedHeader(const std::string &name)
{
    return normalizedHeader(QString::fromUtf8(name.data(), qsizetype(name.size())));
}

QString questionKey(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

const DatasetMapping &DatasetMapping::builtIn()
{
    static const DatasetMapping mapping = [] {
        DatasetMapping m;
        QFile f(QStringLiteral(":/datasets.json"));
        QString error;
        if (!f.open(QIODevice::ReadOnly) || !m.load(f.readAll(), &error))
            qFatal("built-in dataset mapping is broken: %s", qPrintable(error));
        return m;
    }();
    return mapping;
}

bool DatasetMapping::loadFile(const QString &path, QString *error, const DatasetMapping *base)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    if (!load(f.readAll(), error, base)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    return true;
}

bool DatasetMapping::load(const QByteArray &json, QString *error, const DatasetMapping *base)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? QStringLiteral("invalid JSON at offset %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString())
                     : QStringLiteral("expected a JSON object");
        return false;
    }
    const QJsonObject root = doc.object();
    DatasetMapping result = base ? *base : DatasetMapping();
    const QJsonObject identity = root.value(QStringLiteral("identity")).toObject();
    if (identity.contains(QStringLiteral("computer_name")))
        result.m_nameAliases =
            headerNames(identity.value(QStringLiteral("computer_name")).toArray());
    if (identity.contains(QStringLiteral("count")))
        result.m_countAliases = headerNames(identity.value(QStringLiteral("count")).toArray());
    if (result.m_nameAliases.isEmpty())
        result.m_nameAliases << QStringLiteral("computer name");
    if (result.m_countAliases.isEmpty())
        result.m_countAliases << QStringLiteral("count");
    for (const QJsonValue &v : root.value(QStringLiteral("datasets")).toArray()) {
        DatasetDefinition def;
        if (!parseDataset(v.toObject(), &def, error))
            return false;
        auto existing =
            std::find_if(result.m_datasets.begin(), result.m_datasets.end(),
                         [&](const DatasetDefinition &d) { return d.name == def.name; });
        if (existing != result.m_datasets.end())
            *existing = def;
        else
            result.m_datasets.push_back(def);
    }
    if (result.m_datasets.empty()) {
        *error = QStringLiteral("no datasets defined");
        return false;
    }
    *this = std::move(result);
    return true;
}

const DatasetDefinition *DatasetMapping::dataset(const QString &name) const
{
    for (const DatasetDefinition &d : m_datasets) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

QStringList DatasetMapping::datasetNames() const
{
    QStringList names;
    for (const DatasetDefinition &d : m_datasets)
        names << d.name;
    return names;
}

DatasetMapping::HeaderMatch DatasetMapping::match(const std::vector<std::string> &header) const
{
    HeaderMatch result;
    std::vector<QString> names;
    names.reserve(header.size());
    for (const std::string &h : header)
        names.push_back(normalizedHeader(h));
    std::vector<bool> claimed(names.size(), false);

    auto claimFirst = [&](const QStringList &aliases) {
        for (size_t i = 0; i < names.size(); ++i) {
            if (!claimed[i] && aliases.contains(names[i])) {
                claimed[i] = true;
                return int(i);
            }
        }
        return -1;
    };
    result.computerName = claimFirst(m_nameAliases);
    result.count = claimFirst(m_countAliases);

    // Tries to fit a dataset onto the unclaimed columns without claiming them.
    auto fit = [&](const DatasetDefinition &def, std::vector<int> *columns) {
        columns->assign(def.columns.size(), -1);
        std::vector<bool> used = claimed;
        int found = 0;
        for (size_t r = 0; r < def.columns.size(); ++r) {
            for (size_t i = 0; i < names.size(); ++i) {
                if (!used[i] && def.columns[r].names.contains(names[i])) {
                    (*columns)[r] = int(i);
                    used[i] = true;
                    ++found;
                    break;
                }
            }
            if ((*columns)[r] < 0 && def.columns[r].required)
                return false;
        }
        return found > 0;
    };

    for (size_t d = 0; d < m_datasets.size(); ++d) {
        const DatasetDefinition &def = m_datasets[d];
        // A dataset may appear more than once in a header only in theory; one group each.
        std::vector<int> columns;
        if (!fit(def, &columns))
            continue;
        Group group;
        group.def = &def;
        group.columns = columns;
        std::vector<int> sorted = columns;
        sorted.erase(std::remove(sorted.begin(), sorted.end(), -1), sorted.end());
        std::sort(sorted.begin(), sorted.end());
        for (size_t o = d + 1; o < m_datasets.size(); ++o) {
            std::vector<int> other;
            if (!fit(m_datasets[o], &other))
                continue;
            other.erase(std::remove(other.begin(), other.end(), -1), other.end());
            std::sort(other.begin(), other.end());
            if (other == sorted)
                group.alternatives.push_back(&m_datasets[o]);
        }
        QStringList used;
        for (int c : sorted) {
            claimed[size_t(c)] = true;
            used << QString::fromStdString(header[size_t(c)]).trimmed();
        }
        group.rule = QStringLiteral("columns %1").arg(used.join(QStringLiteral(", ")));
        result.groups.push_back(std::move(group));
    }
    for (size_t i = 0; i < names.size(); ++i) {
        if (!claimed[i])
            result.ignored.push_back(int(i));
    }
    return result;
}

} // namespace trh
