#pragma once

#include "Database.h"
#include "Schema.h"

#include <QString>

namespace trh {

// Opens a workspace file the way the app always wants it: foreign keys on, WAL, schema
// migrated (or checked, read-only), extensions and untrusted schema functions off.
class Store final
{
public:
    enum class OpenMode
    {
        CreateOrUpgrade, // read-write; an empty or missing file becomes a new workspace
        Existing,        // read-write; the file must exist
        ReadOnly,        // nothing is ever written (and the schema is only checked)
    };
    enum class Status
    {
        Ok,
        Missing,
        NewerSchema,
        NotOurs,
        Damaged,
        Failed
    };

    struct OpenResult
    {
        Status status = Status::Ok;
        QString error; // one line, naming the file
        bool ok() const { return status == Status::Ok; }
    };

    static OpenResult open(Database &db, const QString &path, OpenMode mode);
};

} // namespace trh
