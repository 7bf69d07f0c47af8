#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace trh {

class Database;

// A note on one endpoint's finding code, optionally an accepted-risk exception: the finding
// stays visible, marked accepted, up to and including acceptedUntil.
struct Note
{
    std::int64_t id = 0;
    std::int64_t endpointId = 0;
    QString endpointName; // display name (read); used to find the endpoint when endpointId is 0
    QString code, text, ticket, author;
    QDateTime createdAt; // UTC; add() stamps the current time when it is invalid
    std::optional<QDate> acceptedUntil;
};

// Notes and exceptions belong to an endpoint and a finding code, not to a snapshot, so they
// carry over from month to month. Every write is one transaction with bound values.
class Notes final
{
public:
    // Validates: the endpoint exists, the code is in the finding catalogue, the text is not
    // blank, acceptedUntil (if set) is a valid date. Returns the new note's id.
    static std::optional<std::int64_t> add(Database &db, const Note &note, QString *error);
    // Rewrites note.id's endpoint, code, text, ticket, author and acceptedUntil (same checks
    // as add); createdAt is kept.
    static bool update(Database &db, const Note &note, QString *error);
    static bool remove(Database &db, std::int64_t id, QString *error);
    static std::optional<Note> byId(Database &db, std::int64_t id);
    static std::vector<Note> forEndpoint(Database &db, std::int64_t endpointId);
    static std::vector<Note> all(Database &db);
    // Notes touching the findings of a snapshot: (note, number of findings it touches).
    static std::vector<std::pair<Note, std::int64_t>> forSnapshot(Database &db,
                                                                  std::int64_t snapshotId);
    // An accepted finding is still shown, marked accepted, until the date passes (inclusive
    // of that day).
    static bool isAccepted(Database &db, std::int64_t endpointId, const QString &code,
                           const QDate &on);
    // Case-insensitive, through endpoint.name_key (the trimmed, lower-cased name).
    static std::optional<std::int64_t> endpointByName(Database &db, const QString &name);
};

} // namespace trh
