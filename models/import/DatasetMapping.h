#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace trh {

// One dataset of input-formats.md §4: which column header names (aliases) carry which role.
struct DatasetDefinition
{
    struct Column
    {
        QString role;      // fixed by the code, e.g. "domain", "key", "value"
        QStringList names; // header aliases, as normalizedHeader() makes them
        bool required = false;
    };
    QString name;          // "cx_status", "client_settings", ...
    QString title;         // the sensor/question title shown to users
    QStringList questions; // question text fragments that may appear in file names
    std::vector<Column> columns;
    bool anyOf = false;     // true: any one column is enough (inventory)
    QString vocabularyRole; // role whose values identify the dataset (cx_status: "key")
    QStringList vocabulary; // lower-case values of that role
    int roleIndex(const QString &role) const;
};

// The header → dataset recognition rules, loaded from resources/datasets.json and an
// optional site override of the same shape.
class DatasetMapping final
{
public:
    // The built-in mapping (from the compiled-in resource :/datasets.json).
    static const DatasetMapping &builtIn();
    // Parses a mapping document. With `base`, datasets in the document replace the base's
    // dataset of the same name (an override may change aliases, questions and vocabulary, not
    // invent datasets or roles). False and *error on a malformed document.
    bool load(const QByteArray &json, QString *error, const DatasetMapping *base = nullptr);
    bool loadFile(const QString &path, QString *error, const DatasetMapping *base = nullptr);

    const std::vector<DatasetDefinition> &datasets() const { return m_datasets; }
    const DatasetDefinition *dataset(const QString &name) const;
    QStringList datasetNames() const;

    // One recognised column group of a header.
    struct Group
    {
        const DatasetDefinition *def = nullptr;
        std::vector<int> columns; // header column per role of def (-1 = absent)
        // Other datasets that fit exactly the same columns (the Domain/Key/Value case);
        // empty when unambiguous. `def` is the first candidate in mapping order.
        std::vector<const DatasetDefinition *> alternatives;
        QString rule; // how it was recognised, for the import report
    };
    struct HeaderMatch
    {
        int computerName = -1;
        int count = -1;
        std::vector<Group> groups;
        std::vector<int> ignored; // columns no dataset claimed
    };
    HeaderMatch match(const std::vector<std::string> &header) const;

private:
    QStringList m_nameAliases;
    QStringList m_countAliases;
    std::vector<DatasetDefinition> m_datasets;
};

// The one form in which header names (CSV headers, Connect JSON keys, REST and Gateway column
// names) and the mapping's aliases are compared: underscores read as spaces, runs of white
// space as one space, no leading or trailing space, lower case. "Computer_Name",
// " computer  name" and "COMPUTER NAME" are all "computer name".
QString normalizedHeader(const QString &name);
QString normalizedHeader(const std::string &name);
// Lower-cases a question/file name and keeps letters and digits only, so that
// "Get Client Extensions - Status.csv" contains "clientextensionsstatus".
QString questionKey(const QString &text);

} // namespace trh
