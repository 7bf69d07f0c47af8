#pragma once

#include "SourceRecords.h"
#include "core/ValueClass.h"
#include "store/Database.h"

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace trh {

// Writes one snapshot's rows into the store. The caller owns the transaction: nothing here
// commits. Statements are prepared once and reused, values are bound, never spliced.
class SnapshotWriter final
{
public:
    explicit SnapshotWriter(Database &db);

    bool isValid() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    // Creates the snapshot row; taken_at is settled by finish().
    std::optional<std::int64_t> beginSnapshot(const QString &label, const QString &origin);
    std::optional<std::int64_t> addFile(const QString &name, std::int64_t size,
                                        const QString &format);
    bool setFileDetails(std::int64_t fileId, const QString &sha256, const QString &format,
                        const QByteArray &reportJson);

    // The endpoint id for a Computer Name (trimmed, compared lower-cased), created on first
    // sight. The in-memory cache is bounded so memory does not grow with the fleet.
    std::optional<std::int64_t> endpointId(std::string_view computerName);

    // Answers, profiles and alerts that follow belong to this file.
    void setCurrentFile(std::int64_t fileId) { m_currentFile = fileId; }
    std::int64_t snapshotId() const { return m_snapshot; }

    std::optional<std::int64_t> addAnswer(std::string_view dataset,
                                          std::optional<std::int64_t> endpointId,
                                          std::int64_t weight, std::int64_t line, ValueClass cls);
    // A line of a three-column sensor (cx_status, client_setting, tr_status): (a, b) is the
    // domain/component and key/setting, c the value. Written in batches (see flush()).
    bool addTriple(int table, std::int64_t answerId, int line, std::string_view a,
                   std::string_view b, std::string_view c, ValueClass cls);
    // Writes every batched answer and line now.
    bool flush();
    bool addToolStatus(std::int64_t answerId, int line, std::string_view tool,
                       std::string_view status, std::string_view targeted,
                       std::string_view installed, ValueClass cls);
    bool addExtension(std::int64_t answerId, int line, std::string_view domain,
                      std::string_view version, ValueClass cls);
    bool addSensorValue(std::int64_t answerId, int line, std::string_view value, ValueClass cls);
    bool addInventory(std::int64_t answerId, std::string_view computerId,
                      std::string_view osPlatform, std::string_view operatingSystem,
                      std::string_view isWindows, std::string_view groupsRaw, ValueClass cls);
    bool addEndpointGroup(std::int64_t endpointId, std::string_view group);
    bool addProfile(const ProfileRecord &profile);
    bool addAlert(const AlertRecord &alert);

    // Derives the per-snapshot endpoint rows (platform etc.) and sets taken_at, and whether
    // the snapshot is complete (false: a lenient import skipped damaged rows).
    bool finish(const QDateTime &takenAt, bool complete = true);

    enum Table
    {
        CxStatus = 0,
        ClientSetting = 1,
        TrStatus = 2
    };

private:
    bool fail(const Statement &st);

    Database &m_db;
    QString m_error;
    std::int64_t m_snapshot = 0;
    std::int64_t m_currentFile = 0;
    int m_profilePriority = 0;
    Statement m_insertSnapshot, m_insertFile, m_updateFile, m_findEndpoint, m_insertEndpoint,
        m_insertAnswer, m_insertTool, m_insertExtension, m_insertSensor, m_insertInventory,
        m_insertGroup, m_insertProfile, m_insertProfileGroup, m_findAlert, m_insertAlert,
        m_insertObservation;
    std::unordered_map<std::string, std::int64_t> m_endpointCache;
    // True while the cache holds every endpoint of the workspace: a miss then means "new".
    bool m_endpointCacheComplete = false;
    bool m_endpointCacheLoaded = false;
    // The endpoints of this snapshot, as a bitset over their (dense) ids: one bit each, and
    // already in id order for finish().
    std::vector<bool> m_seenEndpoints;
    std::int64_t markSeen(std::int64_t endpointId);
    std::string m_keyBuffer;

    std::optional<std::int64_t> valueKeyId(int kind, int line, std::string_view a,
                                           std::string_view b);
    // Endpoints answer the same keys in the same order: remembering the key last seen at
    // each line position skips most hash lookups.
    struct RecentKey
    {
        std::string a, b;
        std::int64_t id = 0;
    };
    std::vector<RecentKey> m_recentKeys[3];
    Statement &batchStatement(int table, size_t rows);
    Statement &answerBatchStatement(size_t rows);
    bool flushLines();
    bool flushAnswers();

    // Answers and three-column value lines are written in multi-row INSERTs: the
    // per-statement cost is most of an import's CPU time. Their texts are copied into
    // m_arena (offsets, since the arena grows), so callers' buffers may go at once.
    struct Text
    {
        size_t offset, size;
    };
    struct PendingLine
    {
        std::int64_t answer;
        int line;
        std::int64_t key;
        Text value;
        ValueClass cls;
    };
    struct PendingAnswer
    {
        std::int64_t id, file;
        Text dataset;
        std::optional<std::int64_t> endpoint;
        std::int64_t weight, line;
        ValueClass cls;
    };
    static constexpr size_t kBatch = 256;
    Text keep(std::string_view text);
    std::string_view text(Text t) const
    {
        return std::string_view(m_arena).substr(t.offset, t.size);
    }
    std::vector<PendingLine> m_pending;
    int m_pendingTable = -1;
    std::vector<PendingAnswer> m_pendingAnswers;
    std::int64_t m_nextAnswerId = -1; // ids are ours to give: we hold the write lock
    std::string m_arena;
    std::unordered_map<int, Statement> m_batchStatements; // table * 1000 + rows
    Statement m_findKey, m_insertKey;
    std::unordered_map<std::string, std::int64_t> m_keyCache;
};

} // namespace trh
