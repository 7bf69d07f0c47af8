#include "Expectations.h"

#include "store/Database.h"

namespace trh::workspace::Expectations {

QList<ExpectedVersion> list(Database &db)
{
    QList<ExpectedVersion> all;
    Statement st(db, "SELECT name, version FROM expected_version WHERE kind = 'extension' "
                     "ORDER BY name");
    while (st.step())
        all.append({st.text(0), st.text(1)});
    return all;
}

bool set(Database &db, const QString &extension, const QString &version)
{
    const QString domain = extension.trimmed().toLower();
    const QString wanted = version.trimmed();
    // When the transaction cannot start (another writer holds the lock) nothing runs: the
    // statements must never fall back to autocommit one by one.
    Transaction tx(db);
    if (!tx.isActive())
        return false;
    Statement change(db,
                     wanted.isEmpty()
                         ? "DELETE FROM expected_version WHERE kind = 'extension' AND name = ?1"
                         : "INSERT OR REPLACE INTO expected_version VALUES('extension', ?1, ?2)");
    change.bind(1, domain);
    if (!wanted.isEmpty())
        change.bind(2, wanted);
    // Findings of every snapshot depend on it: they are recomputed when next needed.
    return change.run() && db.exec("DELETE FROM analysis") && tx.commit();
}

} // namespace trh::workspace::Expectations
