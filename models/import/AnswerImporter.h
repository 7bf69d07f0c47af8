#pragma once

#include "DatasetMapping.h"
#include "ImportReport.h"
#include "SourceRecords.h"

#include <QHash>
#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace trh {

class SnapshotWriter;

// Turns what a reader delivers (tabular answers, alerts, profiles) into store rows through
// the dataset mapping, and fills the file's import report. One instance per file.
class AnswerImporter final : public TableSink, public AlertSink, public ProfileSink
{
public:
    enum class Mode
    {
        Probe, // read the header and the first rows only, to settle ambiguous datasets
        Write,
    };

    AnswerImporter(SnapshotWriter &writer, const DatasetMapping &mapping, FileImportReport &report,
                   Mode mode);

    // --as: the dataset the user chose for ambiguous column groups.
    void setChosenDataset(const QString &dataset) { m_chosen = dataset; }
    // Called every few hundred rows; returning false stops the read (cancel or failure).
    void setTick(std::function<bool()> tick) { m_tick = std::move(tick); }
    // Decisions taken by a probe pass, handed to the write pass.
    void adoptDecisions(const AnswerImporter &probe);

    // A fatal problem (unknown layout, unresolvable ambiguity, store error); empty if none.
    const QString &error() const { return m_error; }
    bool chosenDatasetUsed() const { return m_chosenUsed; }

    bool header(const std::vector<std::string> &columns, const SourcePos &pos) override;
    bool row(const std::vector<CellValues> &cells, const SourcePos &pos) override;
    void warning(const QString &message, const SourcePos &pos) override;
    void resultSetInfo(std::string_view now, std::int64_t estimatedTotal,
                       std::int64_t mrTested) override;
    bool alert(const AlertRecord &alert, const SourcePos &pos) override;
    bool profile(const ProfileRecord &profile, const SourcePos &pos) override;

    // The newest data.now seen in a REST result (UTC), invalid if none.
    QDateTime newestNow() const { return m_newestNow; }

private:
    struct ActiveGroup
    {
        const DatasetDefinition *def = nullptr;
        std::vector<int> columns; // per role of def
        size_t use = 0;           // index into the report's datasets
        QByteArray datasetUtf8;
        int kind = 0;
    };
    struct Vocabulary
    {
        std::int64_t hits = 0, realKeys = 0;
    };

    bool fail(const QString &error, const SourcePos &pos);
    bool resolve(DatasetMapping::Group &group, const std::vector<std::string> &columns,
                 const SourcePos &pos);
    bool writeGroup(const ActiveGroup &g, const std::vector<CellValues> &cells,
                    std::optional<std::int64_t> endpoint, std::int64_t weight,
                    const SourcePos &pos);
    void probeRow(const std::vector<CellValues> &cells);
    bool tick();

    SnapshotWriter &m_writer;
    const DatasetMapping &m_mapping;
    FileImportReport &m_report;
    Mode m_mode;
    QString m_chosen;
    bool m_chosenUsed = false;
    QString m_error;
    std::function<bool()> m_tick;
    std::int64_t m_sinceTick = 0;

    QString m_headerKey;
    int m_nameColumn = -1;
    int m_countColumn = -1;
    std::vector<ActiveGroup> m_groups;
    std::vector<DatasetMapping::Group> m_pending; // ambiguous groups seen by a probe
    QHash<QString, QString> m_decisions;          // header key + group columns -> "dataset\nrule"
    QHash<QString, Vocabulary> m_vocabulary;      // candidate dataset -> hits (probe)
    std::int64_t m_probeRows = 0;
    QDateTime m_newestNow;

    // Reused buffers.
    std::vector<ValueClass> m_lineClasses;
    std::string m_joined[5];
};

} // namespace trh
