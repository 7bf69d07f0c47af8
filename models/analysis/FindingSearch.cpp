#include "FindingSearch.h"

#include "store/Database.h"

namespace trh {
namespace {

bool runForSnapshot(Database &db, const char *sql, std::int64_t snapshotId, QString *error)
{
    Statement st(db, sql);
    st.bind(1, snapshotId);
    if (st.isValid() && st.run())
        return true;
    *error = st.isValid() ? db.lastError() : st.error();
    if (error->isEmpty())
        *error = QStringLiteral("the search index of the findings could not be written");
    return false;
}

} // namespace

bool FindingSearch::index(Database &db, std::int64_t snapshotId, QString *error)
{
    return runForSnapshot(db,
                          "INSERT INTO finding_search(rowid, endpoint_name, platform, code, "
                          "subject, detail) SELECT id, endpoint_name, platform, code, subject, "
                          "detail FROM finding WHERE snapshot_id = ?1",
                          snapshotId, error);
}

bool FindingSearch::unindex(Database &db, std::int64_t snapshotId, QString *error)
{
    // External content: a row leaves the index with exactly the values it was indexed with.
    return runForSnapshot(db,
                          "INSERT INTO finding_search(finding_search, rowid, endpoint_name, "
                          "platform, code, subject, detail) SELECT 'delete', id, endpoint_name, "
                          "platform, code, subject, detail FROM finding WHERE snapshot_id = ?1",
                          snapshotId, error);
}

} // namespace trh
