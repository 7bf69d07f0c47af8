#pragma once

#include <QString>

#include <cstdint>

namespace trh {

class Database;

// The finding_search index (FTS5, trigram) over a snapshot's findings. Its text lives in the
// finding table, so it must be told when findings come and go: index() once a snapshot's
// findings are written, unindex() before they are deleted (with the values still there).
class FindingSearch final
{
public:
    static bool index(Database &db, std::int64_t snapshotId, QString *error);
    static bool unindex(Database &db, std::int64_t snapshotId, QString *error);
};

} // namespace trh
