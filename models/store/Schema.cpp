#include "Schema.h"

#include <sqlite3.h>

#include "Database.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace trh {
namespace {

// Each entry upgrades the schema from version i to i + 1. Never edit a shipped step:
// append a new one.
const std::vector<const char *> &migrations()
{
    static const std::vector<const char *> steps = {
        // 0 -> 1: the first schema.
        R"sql(
CREATE TABLE snapshot (
    id          INTEGER PRIMARY KEY,
    taken_at    TEXT NOT NULL,            -- ISO 8601 UTC
    label       TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,            -- ISO 8601 UTC
    origin      TEXT NOT NULL DEFAULT 'import'  -- import | fetch | demo
);
CREATE TABLE source_file (
    id          INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    report      TEXT NOT NULL             -- the import report of this file, JSON
);
CREATE INDEX source_file_snapshot ON source_file(snapshot_id);

-- Endpoints are identified across snapshots by the lower-cased Computer Name.
CREATE TABLE endpoint (
    id       INTEGER PRIMARY KEY,
    name_key TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL                -- first spelling seen
);
CREATE TABLE snapshot_endpoint (
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    endpoint_id INTEGER NOT NULL REFERENCES endpoint(id),
    platform    TEXT NOT NULL DEFAULT 'Unknown',
    os_name     TEXT,
    computer_id TEXT,
    PRIMARY KEY (snapshot_id, endpoint_id)
) WITHOUT ROWID;
CREATE TABLE endpoint_group (
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    endpoint_id INTEGER NOT NULL REFERENCES endpoint(id),
    group_name  TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, endpoint_id, group_name)
) WITHOUT ROWID;

-- One answer = one row of one dataset in one file: an endpoint's answer (weight 1) or, in
-- an aggregate export, one distinct answer given by `weight` endpoints.
CREATE TABLE answer (
    id          INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    file_id     INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
    dataset     TEXT NOT NULL,
    endpoint_id INTEGER REFERENCES endpoint(id),
    weight      INTEGER NOT NULL DEFAULT 1,
    line        INTEGER NOT NULL DEFAULT 0,   -- source line of the row (0 for JSON)
    class       INTEGER NOT NULL              -- ValueClass of the whole answer
);
CREATE INDEX answer_lookup ON answer(snapshot_id, dataset, endpoint_id);

-- Value rows hang off their answer. They carry no foreign key: checking the parent on each
-- of millions of imported lines cost a quarter of the import time (measured), and rows are
-- only ever written by the importer right after their answer. The trigger below keeps the
-- cascade on delete.
-- Normalised values, one row per value line; `class` is the ValueClass of that line and
-- every text is kept raw, as answered. The (domain, key) pairs of the three-column sensors
-- repeat on every endpoint, so they live once in value_key and the value rows point at
-- them: rows stay small and imports fast. (No foreign key on key_id: keys are never
-- deleted, and the check would cost a lookup per imported line.)
CREATE TABLE value_key (
    id     INTEGER PRIMARY KEY,
    kind   INTEGER NOT NULL,      -- 0 cx_status (domain, key), 1 client_setting (domain,
                                  -- setting), 2 tr_status (component, key)
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    UNIQUE (kind, a, b)
);
CREATE TABLE cx_status (
    answer_id INTEGER NOT NULL,
    line INTEGER NOT NULL, key_id INTEGER NOT NULL, value TEXT NOT NULL,
    class INTEGER NOT NULL,
    PRIMARY KEY (answer_id, line)
) WITHOUT ROWID;
CREATE TABLE client_setting (
    answer_id INTEGER NOT NULL,
    line INTEGER NOT NULL, key_id INTEGER NOT NULL, value TEXT NOT NULL,
    class INTEGER NOT NULL,
    PRIMARY KEY (answer_id, line)
) WITHOUT ROWID;
CREATE TABLE tr_status (
    answer_id INTEGER NOT NULL,
    line INTEGER NOT NULL, key_id INTEGER NOT NULL, value TEXT NOT NULL,
    class INTEGER NOT NULL,
    PRIMARY KEY (answer_id, line)
) WITHOUT ROWID;
-- Readable forms of the three tables above, for the rules and for people with sqlite3.
CREATE VIEW cx_status_text AS
    SELECT v.answer_id, v.line, k.a AS domain, k.b AS key, v.value, v.class
    FROM cx_status v JOIN value_key k ON k.id = v.key_id;
CREATE VIEW client_setting_text AS
    SELECT v.answer_id, v.line, k.a AS domain, k.b AS setting, v.value, v.class
    FROM client_setting v JOIN value_key k ON k.id = v.key_id;
CREATE VIEW tr_status_text AS
    SELECT v.answer_id, v.line, k.a AS component, k.b AS key, v.value, v.class
    FROM tr_status v JOIN value_key k ON k.id = v.key_id;
CREATE TABLE tool_status (
    answer_id INTEGER NOT NULL,
    line INTEGER NOT NULL, tool TEXT NOT NULL,
    status TEXT, targeted_version TEXT, installed_version TEXT,  -- NULL: no such column
    class INTEGER NOT NULL,
    PRIMARY KEY (answer_id, line)
) WITHOUT ROWID;
CREATE TABLE installed_extension (
    answer_id INTEGER NOT NULL,
    line INTEGER NOT NULL, domain TEXT NOT NULL, version TEXT NOT NULL,
    class INTEGER NOT NULL,
    PRIMARY KEY (answer_id, line)
) WITHOUT ROWID;
-- Single-column sensors: driver_status (the whole multi-line text as one value),
-- driver_version, bpf_bcc, bpf_core, bpf_details. The dataset is on the answer.
CREATE TABLE sensor_value (
    answer_id INTEGER NOT NULL,
    line INTEGER NOT NULL, value TEXT NOT NULL,
    class INTEGER NOT NULL,
    PRIMARY KEY (answer_id, line)
) WITHOUT ROWID;
CREATE TABLE inventory (
    answer_id   INTEGER PRIMARY KEY,
    computer_id TEXT, os_platform TEXT, operating_system TEXT, is_windows TEXT,
    computer_groups TEXT,                 -- raw, lines joined by \n
    class INTEGER NOT NULL
);

CREATE TRIGGER answer_values_delete AFTER DELETE ON answer BEGIN
    DELETE FROM cx_status WHERE answer_id = old.id;
    DELETE FROM client_setting WHERE answer_id = old.id;
    DELETE FROM tr_status WHERE answer_id = old.id;
    DELETE FROM tool_status WHERE answer_id = old.id;
    DELETE FROM installed_extension WHERE answer_id = old.id;
    DELETE FROM sensor_value WHERE answer_id = old.id;
    DELETE FROM inventory WHERE answer_id = old.id;
END;

-- Threat Response profiles in priority order (first match wins).
CREATE TABLE profile (
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    priority    INTEGER NOT NULL,
    profile_key TEXT NOT NULL,            -- id, else name
    name        TEXT NOT NULL,
    revision    TEXT NOT NULL,
    status      TEXT NOT NULL,
    file_id     INTEGER REFERENCES source_file(id) ON DELETE CASCADE,
    PRIMARY KEY (snapshot_id, priority)
) WITHOUT ROWID;
CREATE TABLE profile_group (
    snapshot_id INTEGER NOT NULL,
    priority    INTEGER NOT NULL,
    group_name  TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, priority, group_name),
    FOREIGN KEY (snapshot_id, priority) REFERENCES profile(snapshot_id, priority) ON DELETE CASCADE
) WITHOUT ROWID;

-- Alerts are identified across snapshots (guid, else id); each snapshot records what the
-- alert looked like then, which gives its state history.
CREATE TABLE alert (
    id      INTEGER PRIMARY KEY,
    alert_key TEXT NOT NULL UNIQUE
);
CREATE TABLE alert_observation (
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    alert_id    INTEGER NOT NULL REFERENCES alert(id),
    file_id     INTEGER REFERENCES source_file(id) ON DELETE CASCADE,
    tr_id TEXT, guid TEXT, state TEXT, type TEXT, priority TEXT, severity TEXT,
    intel_doc_id TEXT, computer_name TEXT, computer_ip TEXT,
    created_at TEXT, alerted_at TEXT, updated_at TEXT, acked_at TEXT, received_at TEXT,
    suppressed_at TEXT, resolved_at TEXT, match_type TEXT, path TEXT,
    PRIMARY KEY (snapshot_id, alert_id)
) WITHOUT ROWID;
)sql",
        // 1 -> 2: health analysis (findings, per-endpoint states, metrics), notes.
        R"sql(
-- What the rules of health-rules.md found in a snapshot: one row per (endpoint, code), or
-- for an aggregate export one row per answer with its weight (endpoint_id NULL). Every
-- number the app shows is a count over this table.
CREATE TABLE finding (
    id          INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    endpoint_id INTEGER REFERENCES endpoint(id),
    code        TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',  -- what within the endpoint: tool, domain, setting, alert
    detail      TEXT NOT NULL DEFAULT '',
    weight      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX finding_lookup ON finding(snapshot_id, code, endpoint_id);
CREATE INDEX finding_endpoint ON finding(endpoint_id, snapshot_id);

-- Per-endpoint results of the rules, one row per endpoint of the snapshot.
CREATE TABLE endpoint_state (
    snapshot_id    INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    endpoint_id    INTEGER NOT NULL REFERENCES endpoint(id),
    coverage_stage TEXT NOT NULL,   -- no_data | not_deployed | no_profile | unhealthy | covered
    driver_state   TEXT,            -- Windows only
    bpf_state      TEXT,            -- Linux only
    PRIMARY KEY (snapshot_id, endpoint_id)
) WITHOUT ROWID;

-- The snapshot's computed figures and their explanations (JSON), written once per
-- snapshot by the rules; `rules_version` lets a newer trhealth recompute them.
CREATE TABLE analysis (
    snapshot_id   INTEGER PRIMARY KEY REFERENCES snapshot(id) ON DELETE CASCADE,
    rules_version INTEGER NOT NULL,
    computed_at   TEXT NOT NULL,
    metrics       TEXT NOT NULL
);

-- Notes and accepted-risk exceptions, per endpoint and finding code. They belong to the
-- endpoint, not to a snapshot, so they carry over from month to month.
CREATE TABLE note (
    id             INTEGER PRIMARY KEY,
    endpoint_id    INTEGER NOT NULL REFERENCES endpoint(id),
    code           TEXT NOT NULL,
    text           TEXT NOT NULL,
    ticket         TEXT NOT NULL DEFAULT '',
    author         TEXT NOT NULL,
    created_at     TEXT NOT NULL,   -- ISO 8601 UTC
    accepted_until TEXT             -- YYYY-MM-DD; NULL: a plain note
);
CREATE INDEX note_lookup ON note(endpoint_id, code);

-- Expected versions set by the administrator (kind 'extension' or 'tool'); without one,
-- the most common version in the snapshot is expected.
CREATE TABLE expected_version (
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL,            -- lower-case domain or tool name
    version TEXT NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
)sql",
        // 2 -> 3: the monthly maintenance checklist's sign-offs and notes.
        R"sql(
-- One row per month ("YYYY-MM") and procedure step (Checklist::steps()): who signed the
-- step off and when (both NULL: not signed off), and free notes.
CREATE TABLE checklist (
    month     TEXT NOT NULL,
    step      TEXT NOT NULL,
    signed_by TEXT,
    signed_at TEXT,                 -- ISO 8601 UTC
    notes     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (month, step)
) WITHOUT ROWID;
)sql",
        // 3 -> 4: findings tables that sort and search a million rows without reading them
        // all (see README "Performance").
        R"sql(
-- Copies of the endpoint's name and platform, written with the finding, so that every
-- column of a findings table lives in one table and can be indexed.
ALTER TABLE finding ADD COLUMN endpoint_name TEXT;   -- NULL: aggregate finding
ALTER TABLE finding ADD COLUMN platform TEXT;
UPDATE finding SET
    endpoint_name = (SELECT e.name FROM endpoint e WHERE e.id = finding.endpoint_id),
    platform = (SELECT se.platform FROM snapshot_endpoint se
                WHERE se.snapshot_id = finding.snapshot_id AND se.endpoint_id = finding.endpoint_id)
WHERE endpoint_id IS NOT NULL;
-- Two indexes per sortable column, each giving findings in that column's order, ties by id,
-- so that ORDER BY column, id is read from an index in either direction:
-- * finding_code_by_*: the findings of one code. A table of several codes merges one such
--   ordered read per code (SqlTableSpec::partitions): its first page never waits for the
--   rows of other codes.
-- * finding_by_*: all of a snapshot's findings, with the code at the end so that a table's
--   codes are checked without reading the row. A search walks this one, testing rows until
--   a page is full: a merge would wait for every code to find its first match.
-- finding_by_code serves as both.
CREATE INDEX finding_code_by_endpoint_name ON finding(snapshot_id, code, endpoint_name, id);
CREATE INDEX finding_code_by_platform ON finding(snapshot_id, code, platform, id);
CREATE INDEX finding_code_by_subject ON finding(snapshot_id, code, subject, id);
CREATE INDEX finding_code_by_detail ON finding(snapshot_id, code, detail, id);
CREATE INDEX finding_by_endpoint_name ON finding(snapshot_id, endpoint_name, id, code);
CREATE INDEX finding_by_platform ON finding(snapshot_id, platform, id, code);
CREATE INDEX finding_by_subject ON finding(snapshot_id, subject, id, code);
CREATE INDEX finding_by_detail ON finding(snapshot_id, detail, id, code);
CREATE INDEX finding_by_code ON finding(snapshot_id, code, id);
-- Which findings contain which trigrams (three-character substrings, case-folded), for
-- searches that match few rows: a finding containing a text contains all its trigrams, so
-- the findings with all of them are a superset of the matches, which LIKE then decides.
-- Only rowids are kept (detail = none: 66 MB at 1 M findings; positions would cost 300 MB),
-- and the text stays in `finding` (external content). Triggers cannot keep it up to date
-- (the connection does not trust the schema): whoever inserts or deletes findings writes
-- it too (FindingSearch), deleting with the values that were indexed.
CREATE VIRTUAL TABLE finding_search USING fts5(
    endpoint_name, platform, code, subject, detail,
    content = 'finding', content_rowid = 'id', tokenize = 'trigram',
    detail = 'none', columnsize = 0);
-- A snapshot's findings are indexed in one go: 32 MiB of terms gathered before a segment is
-- written (the default, 1 MiB, made five times as many segments to merge; measured ~2x
-- faster at 1 M findings).
INSERT INTO finding_search(finding_search, rank) VALUES ('hashsize', 33554432);
INSERT INTO finding_search(finding_search) VALUES ('rebuild');
)sql",
        // 4 -> 5: snapshots a lenient import made from damaged files.
        R"sql(
-- 0: a lenient import skipped damaged rows of a CSV file (the file's report says which);
-- the snapshot is shown as incomplete wherever it appears.
ALTER TABLE snapshot ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
)sql",
        // 5 -> 6: what each snapshot takes of the file, for Manage Snapshots and prune.
        R"sql(
-- Bytes of pages the snapshot's import and analysis added (Store::addStoredBytes); NULL:
-- imported by an older trhealth, estimated from the snapshot's rows instead.
ALTER TABLE snapshot ADD COLUMN stored_bytes INTEGER;
)sql",
    };
    return steps;
}

constexpr int kApplicationId = 0x54524854; // "TRHT"

int userVersion(Database &db)
{
    return int(db.scalarInt("PRAGMA user_version").value_or(-1));
}

// Schema objects by (type, name): their table and SQL (nullopt for automatic indexes).
using Objects = std::map<std::pair<std::string, std::string>,
                         std::pair<std::string, std::optional<std::string>>>;

std::optional<Objects> readObjects(Database &db, QString *error)
{
    Statement st(db, "SELECT type, name, tbl_name, sql FROM sqlite_master");
    Objects objects;
    while (st.step()) {
        std::optional<std::string> sql;
        if (!st.isNull(3))
            sql = std::string(st.textView(3));
        objects[{std::string(st.textView(0)), std::string(st.textView(1))}] = {
            std::string(st.textView(2)), std::move(sql)};
    }
    if (!st.ok()) {
        *error = st.error();
        return std::nullopt;
    }
    return objects;
}

// What migrations 0..version create, built once per version in an in-memory database.
const Objects *expectedObjects(int version)
{
    static std::mutex mutex;
    static std::map<int, Objects> cache;
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(version); it != cache.end())
        return &it->second;
    Database memory;
    if (!memory.open(QStringLiteral(":memory:")))
        return nullptr;
    for (int v = 0; v < version; ++v) {
        if (!memory.exec(migrations()[size_t(v)]))
            return nullptr;
    }
    QString error;
    auto objects = readObjects(memory, &error);
    if (!objects)
        return nullptr;
    return &cache.emplace(version, std::move(*objects)).first->second;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("trh::Schema", text);
}

} // namespace

bool Schema::checkObjects(Database &db, int version, QString *error)
{
    if (version < 0 || version > currentVersion()) {
        *error = tr("unknown schema version %1").arg(version);
        return false;
    }
    const Objects *expected = expectedObjects(version);
    if (!expected) {
        *error = tr("the expected schema could not be built");
        return false;
    }
    QString readError;
    const auto found = readObjects(db, &readError);
    if (!found) {
        *error = tr("the schema cannot be read: %1").arg(readError);
        return false;
    }
    const auto label = [](const std::pair<std::string, std::string> &key) {
        return QStringLiteral("%1 \"%2\"")
            .arg(QString::fromStdString(key.first), QString::fromStdString(key.second));
    };
    // ANALYZE (or PRAGMA optimize) adds its statistics table; it only guides the planner.
    const std::pair<std::string, std::optional<std::string>> statistics{
        "sqlite_stat1", std::string("CREATE TABLE sqlite_stat1(tbl,idx,stat)")};
    for (const auto &[key, definition] : *found) {
        if (key == std::pair<std::string, std::string>("table", "sqlite_stat1") &&
            definition == statistics)
            continue;
        const auto it = expected->find(key);
        if (it == expected->end()) {
            *error = tr("the file contains %1, which trhealth did not create").arg(label(key));
            return false;
        }
        if (it->second != definition) {
            *error = tr("the definition of %1 differs from trhealth's").arg(label(key));
            return false;
        }
    }
    for (const auto &[key, definition] : *expected) {
        if (!found->count(key)) {
            *error = tr("%1 is missing").arg(label(key));
            return false;
        }
    }
    return true;
}

int Schema::currentVersion()
{
    return int(migrations().size());
}

int Schema::applicationId()
{
    return kApplicationId;
}

Schema::Result Schema::check(Database &db)
{
    Result r;
    const auto appId = db.scalarInt("PRAGMA application_id");
    if (!appId) {
        // Only SQLite's own verdict makes a file damaged; a full disk, a lock or an I/O error
        // reading a sound file is said as what it is.
        const int code = db.lastErrorCode() & 0xff;
        if (db.lastError().isEmpty() || code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
            r.status = Status::Failed;
            r.error = QStringLiteral("not an SQLite database, or the file is damaged");
        } else {
            r.status = Status::Unreadable;
            r.error = QStringLiteral("cannot be read: %1").arg(db.lastError());
        }
        return r;
    }
    r.fileVersion = userVersion(db);
    const auto tables = db.scalarInt("SELECT count(*) FROM sqlite_schema");
    if (*appId != kApplicationId && (*appId != 0 || tables.value_or(0) != 0)) {
        r.status = Status::NotOurs;
        r.error = QStringLiteral("this SQLite file was not written by trhealth");
        return r;
    }
    if (r.fileVersion > currentVersion()) {
        r.status = Status::NewerVersion;
        r.error = QStringLiteral("the file was written by a newer trhealth (schema version %1; "
                                 "this version knows up to %2) and was left untouched")
                      .arg(r.fileVersion)
                      .arg(currentVersion());
    }
    return r;
}

bool Schema::quickCheck(Database &db, QString *error)
{
    // The texts keep the context they had in SnapshotFile, where this check started.
    Statement st(db, "PRAGMA quick_check(1)");
    if (!st.step()) {
        *error = st.error().isEmpty()
                     ? QCoreApplication::translate("trh::SnapshotFile",
                                                   "the integrity check gave no answer")
                     : st.error();
        return false;
    }
    if (st.textView(0) != "ok") {
        // SQLite's report can span lines ("*** in database main ***\n…"): keep one.
        QString what = st.text(0);
        what.remove(QLatin1String("*** in database main ***"));
        *error = QCoreApplication::translate("trh::SnapshotFile", "the file is damaged (%1)")
                     .arg(what.simplified());
        return false;
    }
    return true;
}

Schema::Result Schema::migrate(Database &db)
{
    return migrate(db, currentVersion());
}

Schema::Result Schema::migrate(Database &db, int targetVersion)
{
    Result r = check(db);
    if (r.status != Status::Ok)
        return r;
    for (int v = r.fileVersion; v < std::min(targetVersion, currentVersion()); ++v) {
        Transaction tx(db);
        if (!tx.isActive() || !db.exec(migrations()[size_t(v)]) ||
            !db.exec("PRAGMA application_id = " + std::to_string(kApplicationId)) ||
            !db.exec("PRAGMA user_version = " + std::to_string(v + 1)) || !tx.commit()) {
            r.status = Status::Failed;
            r.error = QStringLiteral("schema migration to version %1 failed: %2")
                          .arg(v + 1)
                          .arg(db.lastError());
            return r;
        }
        r.fileVersion = v + 1;
    }
    return r;
}

} // namespace trh
