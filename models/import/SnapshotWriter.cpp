#include "SnapshotWriter.h"

#include "core/PlatformNames.h"

#include <QDateTime>

#include <vector>

namespace trh {
namespace {

constexpr size_t kEndpointCacheLimit = 1 << 16;

// Lower-cases a name: ASCII in place, anything else through QString (full Unicode rules).
void lowerInto(std::string_view name, std::string *out)
{
    out->assign(name.data(), name.size());
    bool ascii = true;
    for (char &c : *out) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            ascii = false;
            break;
        }
        if (u >= 'A' && u <= 'Z')
            c = char(u + 32);
    }
    if (!ascii)
        *out = QString::fromUtf8(name.data(), qsizetype(name.size())).toLower().toStdString();
}

// A view without data (an absent column) binds SQL NULL; NOT NULL columns get '' instead.
std::string_view nn(std::string_view s)
{
    return s.data() ? s : std::string_view("", 0);
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

SnapshotWriter::SnapshotWriter(Database &db)
    : m_db(db), m_insertSnapshot(db, "INSERT INTO snapshot(taken_at, label, imported_at, origin) "
                                     "VALUES(?1, ?2, ?1, ?3)"),
      m_insertFile(db, "INSERT INTO source_file(snapshot_id, name, size, sha256, format, report) "
                       "VALUES(?1, ?2, ?3, '', ?4, '{}')"),
      m_updateFile(db,
                   "UPDATE source_file SET sha256 = ?2, format = ?3, report = ?4 WHERE id = ?1"),
      m_findEndpoint(db, "SELECT id FROM endpoint WHERE name_key = ?1"),
      m_insertEndpoint(db, "INSERT INTO endpoint(name_key, name) VALUES(?1, ?2)"),
      m_insertAnswer(db, "INSERT INTO answer(snapshot_id, file_id, dataset, endpoint_id, weight, "
                         "line, class) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      m_insertTool(db, "INSERT INTO tool_status VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      m_insertExtension(db, "INSERT INTO installed_extension VALUES(?1, ?2, ?3, ?4, ?5)"),
      m_insertSensor(db, "INSERT INTO sensor_value VALUES(?1, ?2, ?3, ?4)"),
      m_insertInventory(db, "INSERT INTO inventory VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      m_insertGroup(db, "INSERT OR IGNORE INTO endpoint_group VALUES(?1, ?2, ?3)"),
      m_insertProfile(db, "INSERT INTO profile VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      m_insertProfileGroup(db, "INSERT OR IGNORE INTO profile_group VALUES(?1, ?2, ?3)"),
      m_findAlert(db, "SELECT id FROM alert WHERE alert_key = ?1"),
      m_insertAlert(db, "INSERT INTO alert(alert_key) VALUES(?1)"),
      m_insertObservation(
          db, "INSERT OR REPLACE INTO alert_observation VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
              "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"),
      m_findKey(db, "SELECT id FROM value_key WHERE kind = ?1 AND a = ?2 AND b = ?3"),
      m_insertKey(db, "INSERT INTO value_key(kind, a, b) VALUES(?1, ?2, ?3)")
{
    const Statement *all[] = {&m_insertSnapshot,  &m_insertFile,     &m_updateFile,
                              &m_findEndpoint,    &m_insertEndpoint, &m_insertAnswer,
                              &m_findKey,         &m_insertKey,      &m_insertTool,
                              &m_insertExtension, &m_insertSensor,   &m_insertInventory,
                              &m_insertGroup,     &m_insertProfile,  &m_insertProfileGroup,
                              &m_findAlert,       &m_insertAlert,    &m_insertObservation};
    for (const Statement *st : all) {
        if (!st->isValid()) {
            m_error = QStringLiteral("store is not usable: %1").arg(st->error());
            break;
        }
    }
}

bool SnapshotWriter::fail(const Statement &st)
{
    m_error = st.error();
    return false;
}

std::optional<std::int64_t> SnapshotWriter::beginSnapshot(const QString &label,
                                                          const QString &origin)
{
    m_insertSnapshot.bind(1, isoUtc(QDateTime::currentDateTimeUtc()))
        .bind(2, label)
        .bind(3, origin);
    if (!m_insertSnapshot.run()) {
        fail(m_insertSnapshot);
        return std::nullopt;
    }
    m_snapshot = m_db.lastInsertRowId();
    return m_snapshot;
}

std::optional<std::int64_t> SnapshotWriter::addFile(const QString &name, std::int64_t size,
                                                    const QString &format)
{
    m_insertFile.bind(1, m_snapshot).bind(2, name).bind(3, size).bind(4, format);
    if (!m_insertFile.run()) {
        fail(m_insertFile);
        return std::nullopt;
    }
    return m_db.lastInsertRowId();
}

bool SnapshotWriter::setFileDetails(std::int64_t fileId, const QString &sha256,
                                    const QString &format, const QByteArray &reportJson)
{
    m_updateFile.bind(1, fileId).bind(2, sha256).bind(3, format).bind(
        4, std::string_view(reportJson.constData(), size_t(reportJson.size())));
    return m_updateFile.run() || fail(m_updateFile);
}

std::optional<std::int64_t> SnapshotWriter::endpointId(std::string_view computerName)
{
    const std::string_view name = trimmedAnswer(computerName);
    if (name.empty())
        return std::nullopt;
    lowerInto(name, &m_keyBuffer);
    if (!m_endpointCacheLoaded) {
        // Small and mid-sized workspaces: load every endpoint once, so that a cache miss
        // needs no SELECT.
        m_endpointCacheLoaded = true;
        if (m_db.scalarInt("SELECT count(*) FROM endpoint").value_or(kEndpointCacheLimit) <
            std::int64_t(kEndpointCacheLimit)) {
            Statement all(m_db, "SELECT name_key, id FROM endpoint");
            while (all.step())
                m_endpointCache.emplace(std::string(all.textView(0)), all.int64(1));
            m_endpointCacheComplete = all.ok();
        }
    }
    if (auto it = m_endpointCache.find(m_keyBuffer); it != m_endpointCache.end())
        return markSeen(it->second);
    std::int64_t id = 0;
    if (!m_endpointCacheComplete && m_findEndpoint.bindStatic(1, m_keyBuffer).step()) {
        id = m_findEndpoint.int64(0);
    } else if (!m_findEndpoint.ok()) {
        fail(m_findEndpoint);
        return std::nullopt;
    } else {
        m_insertEndpoint.bindStatic(1, m_keyBuffer).bindStatic(2, name);
        if (!m_insertEndpoint.run()) {
            fail(m_insertEndpoint);
            return std::nullopt;
        }
        id = m_db.lastInsertRowId();
    }
    m_findEndpoint.reset();
    if (m_endpointCache.size() >= kEndpointCacheLimit) {
        m_endpointCache.clear();
        m_endpointCacheComplete = false;
    }
    m_endpointCache.emplace(m_keyBuffer, id);
    return markSeen(id);
}

std::int64_t SnapshotWriter::markSeen(std::int64_t endpointId)
{
    if (endpointId >= 0) {
        if (m_seenEndpoints.size() <= size_t(endpointId))
            m_seenEndpoints.resize(std::max(size_t(endpointId) + 1, m_seenEndpoints.size() * 2));
        m_seenEndpoints[size_t(endpointId)] = true;
    }
    return endpointId;
}

std::optional<std::int64_t> SnapshotWriter::addAnswer(std::string_view dataset,
                                                      std::optional<std::int64_t> endpointId,
                                                      std::int64_t weight, std::int64_t line,
                                                      ValueClass cls)
{
    if (m_nextAnswerId < 0) {
        const auto max = m_db.scalarInt("SELECT coalesce(max(id), 0) FROM answer");
        if (!max) {
            m_error = m_db.lastError();
            return std::nullopt;
        }
        m_nextAnswerId = *max + 1;
    }
    const std::int64_t id = m_nextAnswerId++;
    m_pendingAnswers.push_back({id, m_currentFile, keep(dataset), endpointId, weight, line, cls});
    if (m_pendingAnswers.size() >= kBatch && !flush())
        return std::nullopt;
    return id;
}

std::optional<std::int64_t> SnapshotWriter::valueKeyId(int kind, int line, std::string_view a,
                                                       std::string_view b)
{
    std::vector<RecentKey> &recent = m_recentKeys[kind];
    RecentKey *slot = nullptr;
    if (line >= 0 && line < 256) {
        if (recent.size() <= size_t(line))
            recent.resize(size_t(line) + 1);
        slot = &recent[size_t(line)];
        if (slot->id != 0 && slot->a == a && slot->b == b)
            return slot->id;
    }
    auto remember = [&](std::int64_t id) {
        if (slot) {
            slot->a.assign(a.data(), a.size());
            slot->b.assign(b.data(), b.size());
            slot->id = id;
        }
        return id;
    };
    m_keyBuffer.assign(1, char('0' + kind));
    m_keyBuffer.append(a);
    m_keyBuffer.push_back('\x1f');
    m_keyBuffer.append(b);
    if (auto it = m_keyCache.find(m_keyBuffer); it != m_keyCache.end())
        return remember(it->second);
    std::int64_t id = 0;
    m_findKey.bind(1, kind).bindStatic(2, a).bindStatic(3, b);
    if (m_findKey.step()) {
        id = m_findKey.int64(0);
        m_findKey.reset();
    } else {
        if (!m_findKey.ok()) {
            fail(m_findKey);
            return std::nullopt;
        }
        m_insertKey.bind(1, kind).bindStatic(2, a).bindStatic(3, b);
        if (!m_insertKey.run()) {
            fail(m_insertKey);
            return std::nullopt;
        }
        id = m_db.lastInsertRowId();
    }
    // Hostile input could invent endless keys: keep the cache bounded.
    if (m_keyCache.size() >= kEndpointCacheLimit)
        m_keyCache.clear();
    m_keyCache.emplace(m_keyBuffer, id);
    return remember(id);
}

SnapshotWriter::Text SnapshotWriter::keep(std::string_view t)
{
    const Text kept{m_arena.size(), t.size()};
    m_arena.append(t.data() ? t.data() : "", t.size());
    return kept;
}

Statement &SnapshotWriter::batchStatement(int table, size_t rows)
{
    const int key = table * 1000 + int(rows);
    auto it = m_batchStatements.find(key);
    if (it != m_batchStatements.end())
        return it->second;
    static const char *const names[] = {"cx_status", "client_setting", "tr_status"};
    std::string sql = std::string("INSERT INTO ") + names[table] + " VALUES ";
    for (size_t r = 0; r < rows; ++r)
        sql += r ? ",(?,?,?,?,?)" : "(?,?,?,?,?)";
    return m_batchStatements.emplace(key, Statement(m_db, sql)).first->second;
}

Statement &SnapshotWriter::answerBatchStatement(size_t rows)
{
    const int key = 999000 + int(rows);
    auto it = m_batchStatements.find(key);
    if (it != m_batchStatements.end())
        return it->second;
    std::string sql = "INSERT INTO answer(id, snapshot_id, file_id, dataset, endpoint_id, weight, "
                      "line, class) VALUES ";
    for (size_t r = 0; r < rows; ++r)
        sql += r ? ",(?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?)";
    return m_batchStatements.emplace(key, Statement(m_db, sql)).first->second;
}

bool SnapshotWriter::addTriple(int table, std::int64_t answerId, int line, std::string_view a,
                               std::string_view b, std::string_view c, ValueClass cls)
{
    if (m_pendingTable != table && !m_pending.empty() && !flushLines())
        return false;
    const auto key = valueKeyId(table, line, nn(a), nn(b));
    if (!key)
        return false;
    m_pendingTable = table;
    m_pending.push_back({answerId, line, *key, keep(c), cls});
    return m_pending.size() < kBatch || flush();
}

bool SnapshotWriter::flushAnswers()
{
    if (m_pendingAnswers.empty())
        return true;
    Statement &st = answerBatchStatement(m_pendingAnswers.size());
    if (!st.isValid())
        return fail(st);
    int i = 1;
    for (const PendingAnswer &a : m_pendingAnswers) {
        st.bind(i, a.id)
            .bind(i + 1, m_snapshot)
            .bind(i + 2, a.file)
            .bindStatic(i + 3, text(a.dataset))
            .bind(i + 4, a.endpoint)
            .bind(i + 5, a.weight)
            .bind(i + 6, a.line)
            .bind(i + 7, int(a.cls));
        i += 8;
    }
    m_pendingAnswers.clear();
    return st.run() || fail(st);
}

bool SnapshotWriter::flushLines()
{
    if (m_pending.empty())
        return true;
    Statement &st = batchStatement(m_pendingTable, m_pending.size());
    if (!st.isValid())
        return fail(st);
    int i = 1;
    for (const PendingLine &l : m_pending) {
        st.bind(i, l.answer)
            .bind(i + 1, l.line)
            .bind(i + 2, l.key)
            .bindStatic(i + 3, text(l.value))
            .bind(i + 4, int(l.cls));
        i += 5;
    }
    m_pending.clear();
    return st.run() || fail(st);
}

bool SnapshotWriter::flush()
{
    const bool ok = flushAnswers() && flushLines();
    if (m_pending.empty() && m_pendingAnswers.empty())
        m_arena.clear();
    return ok;
}

bool SnapshotWriter::addToolStatus(std::int64_t answerId, int line, std::string_view tool,
                                   std::string_view status, std::string_view targeted,
                                   std::string_view installed, ValueClass cls)
{
    m_insertTool.bind(1, answerId)
        .bind(2, line)
        .bindStatic(3, nn(tool))
        .bindStatic(4, status)
        .bindStatic(5, targeted)
        .bindStatic(6, installed)
        .bind(7, int(cls));
    return m_insertTool.run() || fail(m_insertTool);
}

bool SnapshotWriter::addExtension(std::int64_t answerId, int line, std::string_view domain,
                                  std::string_view version, ValueClass cls)
{
    m_insertExtension.bind(1, answerId)
        .bind(2, line)
        .bindStatic(3, nn(domain))
        .bindStatic(4, nn(version))
        .bind(5, int(cls));
    return m_insertExtension.run() || fail(m_insertExtension);
}

bool SnapshotWriter::addSensorValue(std::int64_t answerId, int line, std::string_view value,
                                    ValueClass cls)
{
    m_insertSensor.bind(1, answerId).bind(2, line).bindStatic(3, nn(value)).bind(4, int(cls));
    return m_insertSensor.run() || fail(m_insertSensor);
}

bool SnapshotWriter::addInventory(std::int64_t answerId, std::string_view computerId,
                                  std::string_view osPlatform, std::string_view operatingSystem,
                                  std::string_view isWindows, std::string_view groupsRaw,
                                  ValueClass cls)
{
    m_insertInventory.bind(1, answerId)
        .bindStatic(2, computerId)
        .bindStatic(3, osPlatform)
        .bindStatic(4, operatingSystem)
        .bindStatic(5, isWindows)
        .bindStatic(6, groupsRaw)
        .bind(7, int(cls));
    return m_insertInventory.run() || fail(m_insertInventory);
}

bool SnapshotWriter::addEndpointGroup(std::int64_t endpointId, std::string_view group)
{
    const std::string_view g = trimmedAnswer(group);
    if (g.empty())
        return true;
    m_insertGroup.bind(1, m_snapshot).bind(2, endpointId).bindStatic(3, g);
    return m_insertGroup.run() || fail(m_insertGroup);
}

bool SnapshotWriter::addProfile(const ProfileRecord &profile)
{
    const int priority = ++m_profilePriority;
    const std::string &key = profile.id.empty() ? profile.name : profile.id;
    m_insertProfile.bind(1, m_snapshot)
        .bind(2, priority)
        .bind(3, std::string_view(key))
        .bind(4, std::string_view(profile.name))
        .bind(5, std::string_view(profile.revision))
        .bind(6, std::string_view(profile.status))
        .bind(7, m_currentFile);
    if (!m_insertProfile.run())
        return fail(m_insertProfile);
    for (const std::string &group : profile.computerGroups) {
        const std::string_view g = trimmedAnswer(group);
        if (g.empty())
            continue;
        m_insertProfileGroup.bind(1, m_snapshot).bind(2, priority).bind(3, g);
        if (!m_insertProfileGroup.run())
            return fail(m_insertProfileGroup);
    }
    return true;
}

bool SnapshotWriter::addAlert(const AlertRecord &a)
{
    const std::string key = !a.guid.empty() ? "guid:" + a.guid : "id:" + a.id;
    std::int64_t alertId = 0;
    m_findAlert.bind(1, std::string_view(key));
    if (m_findAlert.step()) {
        alertId = m_findAlert.int64(0);
        m_findAlert.reset();
    } else {
        if (!m_findAlert.ok())
            return fail(m_findAlert);
        m_insertAlert.bind(1, std::string_view(key));
        if (!m_insertAlert.run())
            return fail(m_insertAlert);
        alertId = m_db.lastInsertRowId();
    }
    const std::string *fields[] = {&a.id,         &a.guid,         &a.state,
                                   &a.type,       &a.priority,     &a.severity,
                                   &a.intelDocId, &a.computerName, &a.computerIpAddress,
                                   &a.createdAt,  &a.alertedAt,    &a.updatedAt,
                                   &a.ackedAt,    &a.receivedAt,   &a.suppressedAt,
                                   &a.resolvedAt, &a.matchType,    &a.path};
    Statement &st = m_insertObservation;
    st.bind(1, m_snapshot).bind(2, alertId).bind(3, m_currentFile);
    int index = 4;
    for (const std::string *f : fields) {
        if (f->empty())
            st.bindNull(index++);
        else
            st.bind(index++, std::string_view(*f));
    }
    return st.run() || fail(st);
}

bool SnapshotWriter::finish(const QDateTime &takenAt, bool complete)
{
    if (!flush())
        return false;
    // Every endpoint with an answer in this snapshot gets one row; its platform comes from
    // OS Platform, else Is Windows, else stays Unknown (health-rules.md "Endpoints").
    struct Facts
    {
        QString platform, isWindows, os, computerId;
    };
    Statement inventory(m_db, "SELECT a.endpoint_id, i.os_platform, i.is_windows, "
                              "i.operating_system, i.computer_id "
                              "FROM answer a JOIN inventory i ON i.answer_id = a.id "
                              "WHERE a.snapshot_id = ?1 AND a.dataset = 'inventory' "
                              "AND a.endpoint_id IS NOT NULL ORDER BY a.endpoint_id, a.id");
    Statement insert(m_db, "INSERT INTO snapshot_endpoint VALUES(?1, ?2, ?3, ?4, ?5)");
    Statement taken(m_db, "UPDATE snapshot SET taken_at = ?2, complete = ?3 WHERE id = ?1");
    for (const Statement *st : {&inventory, &insert, &taken}) {
        if (!st->isValid())
            return fail(*st);
    }
    inventory.bind(1, m_snapshot);
    bool haveInventory = inventory.step();
    for (size_t bit = 0; bit < m_seenEndpoints.size(); ++bit) {
        if (!m_seenEndpoints[bit])
            continue;
        const auto id = std::int64_t(bit);
        QString platform, os, computerId;
        bool windowsFlag = false;
        while (haveInventory && inventory.int64(0) < id)
            haveInventory = inventory.step();
        while (haveInventory && inventory.int64(0) == id) {
            const QString p = normalizedPlatform(inventory.text(1));
            if (platform.isEmpty() && !p.isEmpty())
                platform = p;
            if (isTrueAnswer(inventory.textView(2)))
                windowsFlag = true;
            if (os.isEmpty() && classifyValue(inventory.textView(3)) == ValueClass::Value)
                os = inventory.text(3).trimmed();
            if (computerId.isEmpty() && classifyValue(inventory.textView(4)) == ValueClass::Value)
                computerId = inventory.text(4).trimmed();
            haveInventory = inventory.step();
        }
        if (platform.isEmpty())
            platform = windowsFlag ? QStringLiteral("Windows") : QStringLiteral("Unknown");
        insert.bind(1, m_snapshot).bind(2, id).bind(3, platform);
        if (os.isEmpty())
            insert.bindNull(4);
        else
            insert.bind(4, os);
        if (computerId.isEmpty())
            insert.bindNull(5);
        else
            insert.bind(5, computerId);
        if (!insert.run())
            return fail(insert);
    }
    if (!inventory.ok())
        return fail(inventory);
    taken.bind(1, m_snapshot).bind(2, isoUtc(takenAt)).bind(3, complete ? 1 : 0);
    return taken.run() || fail(taken);
}

} // namespace trh
