#include "Notes.h"

#include "FindingCatalog.h"
#include "store/Database.h"

namespace trh {
namespace {

// Every read selects these columns in this order, so one function turns a row into a Note.
constexpr const char *kColumns =
    "SELECT n.id, n.endpoint_id, e.name, n.code, n.text, n.ticket, n.author, n.created_at, "
    "n.accepted_until FROM note n JOIN endpoint e ON e.id = n.endpoint_id ";

std::string select(const char *rest)
{
    return std::string(kColumns) + rest;
}

Note readNote(const Statement &st)
{
    Note n;
    n.id = st.int64(0);
    n.endpointId = st.int64(1);
    n.endpointName = st.text(2);
    n.code = st.text(3);
    n.text = st.text(4);
    n.ticket = st.text(5);
    n.author = st.text(6);
    n.createdAt = QDateTime::fromString(st.text(7), Qt::ISODate).toUTC();
    if (!st.isNull(8)) {
        const QDate d = QDate::fromString(st.text(8), Qt::ISODate);
        if (d.isValid())
            n.acceptedUntil = d;
    }
    return n;
}

std::vector<Note> readAll(Statement &st)
{
    std::vector<Note> notes;
    while (st.step())
        notes.push_back(readNote(st));
    return notes;
}

// The stored form of a date: ISO text compares in date order, which isAccepted relies on.
QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Checks a note before it is written; fills *endpointId with the endpoint it belongs to.
bool validate(Database &db, const Note &note, std::int64_t *endpointId, QString *error)
{
    if (note.endpointId > 0) {
        Statement st(db, "SELECT 1 FROM endpoint WHERE id = ?1");
        st.bind(1, note.endpointId);
        if (!st.step())
            return failWith(error, st.ok() ? QStringLiteral("no endpoint %1").arg(note.endpointId)
                                           : st.error());
        *endpointId = note.endpointId;
    } else {
        const auto id = Notes::endpointByName(db, note.endpointName);
        if (!id)
            return failWith(error, QStringLiteral("no endpoint \"%1\"").arg(note.endpointName));
        *endpointId = *id;
    }
    if (!findingKind(note.code))
        return failWith(error, QStringLiteral("unknown finding code \"%1\"").arg(note.code));
    if (note.text.trimmed().isEmpty())
        return failWith(error, QStringLiteral("a note needs a text"));
    // Four-digit years only: the stored ISO text must compare in date order.
    if (note.acceptedUntil && (!note.acceptedUntil->isValid() || note.acceptedUntil->year() < 1 ||
                               note.acceptedUntil->year() > 9999))
        return failWith(error, QStringLiteral("invalid \"accepted until\" date"));
    return true;
}

void bindAcceptedUntil(Statement &st, int index, const std::optional<QDate> &d)
{
    if (d)
        st.bind(index, dateText(*d));
    else
        st.bindNull(index);
}

} // namespace

std::optional<std::int64_t> Notes::add(Database &db, const Note &note, QString *error)
{
    Transaction tx(db);
    if (!tx.isActive()) {
        failWith(error, db.lastError());
        return std::nullopt;
    }
    std::int64_t endpointId = 0;
    if (!validate(db, note, &endpointId, error))
        return std::nullopt;
    const QDateTime created =
        note.createdAt.isValid() ? note.createdAt : QDateTime::currentDateTimeUtc();
    Statement st(db, "INSERT INTO note(endpoint_id, code, text, ticket, author, created_at, "
                     "accepted_until) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, endpointId)
        .bind(2, note.code)
        .bind(3, note.text)
        .bind(4, note.ticket)
        .bind(5, note.author)
        .bind(6, created.toUTC().toString(Qt::ISODate));
    bindAcceptedUntil(st, 7, note.acceptedUntil);
    if (!st.run()) {
        failWith(error, st.error());
        return std::nullopt;
    }
    const std::int64_t id = db.lastInsertRowId();
    if (!tx.commit()) {
        failWith(error, db.lastError());
        return std::nullopt;
    }
    return id;
}

bool Notes::update(Database &db, const Note &note, QString *error)
{
    Transaction tx(db);
    if (!tx.isActive())
        return failWith(error, db.lastError());
    std::int64_t endpointId = 0;
    if (!validate(db, note, &endpointId, error))
        return false;
    Statement st(db, "UPDATE note SET endpoint_id = ?2, code = ?3, text = ?4, ticket = ?5, "
                     "author = ?6, accepted_until = ?7 WHERE id = ?1");
    st.bind(1, note.id)
        .bind(2, endpointId)
        .bind(3, note.code)
        .bind(4, note.text)
        .bind(5, note.ticket)
        .bind(6, note.author);
    bindAcceptedUntil(st, 7, note.acceptedUntil);
    if (!st.run())
        return failWith(error, st.error());
    if (db.changes() == 0)
        return failWith(error, QStringLiteral("no note %1").arg(note.id));
    return tx.commit() || failWith(error, db.lastError());
}

bool Notes::remove(Database &db, std::int64_t id, QString *error)
{
    Transaction tx(db);
    if (!tx.isActive())
        return failWith(error, db.lastError());
    Statement st(db, "DELETE FROM note WHERE id = ?1");
    st.bind(1, id);
    if (!st.run())
        return failWith(error, st.error());
    if (db.changes() == 0)
        return failWith(error, QStringLiteral("no note %1").arg(id));
    return tx.commit() || failWith(error, db.lastError());
}

std::optional<Note> Notes::byId(Database &db, std::int64_t id)
{
    Statement st(db, select("WHERE n.id = ?1"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readNote(st);
}

std::vector<Note> Notes::forEndpoint(Database &db, std::int64_t endpointId)
{
    Statement st(db, select("WHERE n.endpoint_id = ?1 ORDER BY n.code, n.created_at, n.id"));
    st.bind(1, endpointId);
    return readAll(st);
}

std::vector<Note> Notes::all(Database &db)
{
    Statement st(db, select("ORDER BY e.name_key, n.code, n.created_at, n.id"));
    return readAll(st);
}

std::vector<std::pair<Note, std::int64_t>> Notes::forSnapshot(Database &db, std::int64_t snapshotId)
{
    // Notes drive the join (CROSS JOIN fixes the order): each note costs one seek in
    // finding_lookup (snapshot_id, code, endpoint_id), so the cost follows the number of
    // notes, never the snapshot's million findings.
    Statement st(db, "SELECT n.id, n.endpoint_id, e.name, n.code, n.text, n.ticket, n.author, "
                     "n.created_at, n.accepted_until, count(*) FROM note n "
                     "CROSS JOIN finding f ON f.snapshot_id = ?1 AND f.code = n.code "
                     "AND f.endpoint_id = n.endpoint_id "
                     "JOIN endpoint e ON e.id = n.endpoint_id "
                     "GROUP BY n.id ORDER BY e.name_key, n.code, n.created_at, n.id");
    st.bind(1, snapshotId);
    std::vector<std::pair<Note, std::int64_t>> out;
    while (st.step())
        out.emplace_back(readNote(st), st.int64(9));
    return out;
}

bool Notes::isAccepted(Database &db, std::int64_t endpointId, const QString &code, const QDate &on)
{
    if (!on.isValid())
        return false;
    Statement st(db, "SELECT 1 FROM note WHERE endpoint_id = ?1 AND code = ?2 "
                     "AND accepted_until IS NOT NULL AND accepted_until >= ?3 LIMIT 1");
    st.bind(1, endpointId).bind(2, code).bind(3, dateText(on));
    return st.step();
}

std::optional<std::int64_t> Notes::endpointByName(Database &db, const QString &name)
{
    // The importer keys endpoints by the trimmed, lower-cased Computer Name.
    const QString key = name.trimmed().toLower();
    if (key.isEmpty())
        return std::nullopt;
    Statement st(db, "SELECT id FROM endpoint WHERE name_key = ?1");
    st.bind(1, key);
    if (!st.step())
        return std::nullopt;
    return st.int64(0);
}

} // namespace trh
