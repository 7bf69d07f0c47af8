#pragma once

#include <QList>
#include <QString>

namespace trh {
class Database;
}

namespace trh::workspace {

// The expected versions of client extensions (expected_version), which the extension rules
// judge installed versions against. Changing one invalidates the stored analysis of every
// snapshot: findings are recomputed when next needed.
namespace Expectations {

struct ExpectedVersion
{
    QString extension; // the extension's domain, lower case ("recorder")
    QString version;
};

QList<ExpectedVersion> list(Database &db);

// Sets (or, with an empty version, forgets) the expected version of extension. All or
// nothing: false when the change could not be made whole (db.lastError() says why, e.g. the
// lock of another writer); nothing was changed then.
bool set(Database &db, const QString &extension, const QString &version);

} // namespace Expectations
} // namespace trh::workspace
