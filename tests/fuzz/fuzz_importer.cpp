// libFuzzer harness for Importer::importFiles, the whole pipeline from file to SQLite.
//
// The first byte picks the file name (the dataset rules read question text from it); the
// rest is the file's content. Each process imports into one workspace created once
// (Store::open CreateOrUpgrade in a QTemporaryDir). After every run:
// - no transaction may be left open;
// - a failed run must name its problem and leave every table exactly as it was (atomicity:
//   the row counts of snapshot and the tables an import writes are compared);
// - a successful run adds one snapshot, which is then deleted again (with everything that
//   cascades) so that the workspace stays small and runs stay comparable.
#include "FuzzSupport.h"
#include "workspace/WorkspaceImport.h"

#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace trh::fuzz {
namespace {

// Realistic export names: each hints (or does not) at a dataset through its question text.
constexpr std::array<const char *, 12> kFileNames = {
    "Get Computer Name and Client Extensions - Status from all machines.csv",
    "Get Client Health - Client Settings from all machines.csv",
    "Get Computer Name and Computer ID and OS Platform and Operating System and Computer "
    "Groups.csv",
    "Get Computer Name and Endpoint Configuration - Tools Status from all machines.csv",
    "Get Computer Name and Tanium Driver Status and Tanium Driver Version from all machines "
    "with Is Windows matches true.csv",
    "Get Computer Name and Client Extensions - Installed Extensions.json",
    "Get Threat Response - Status from all machines.csv",
    "gateway-bpf.json",
    "threat-response-alerts.json",
    "threat-response-profiles.json",
    "export.csv",                                         // no hint at all
    "Client Extensions - Status and Client Settings.csv", // two hints: still ambiguous
};

// Tables an import writes to (directly or through the snapshot).
constexpr std::array<const char *, 17> kTables = {
    "snapshot",      "source_file",         "endpoint",     "snapshot_endpoint", "endpoint_group",
    "answer",        "value_key",           "cx_status",    "client_setting",    "tr_status",
    "tool_status",   "installed_extension", "sensor_value", "inventory",         "profile",
    "profile_group", "alert_observation",
};

// Created on first use, removed again when the process exits normally (a crashed run leaves
// it behind, in tools/fuzz.sh's build/fuzz/tmp).
struct Workspace
{
    Workspace()
    {
        TRH_FUZZ_CHECK(dir.isValid(), "no temporary folder");
        const Store::OpenResult opened = Store::open(db, dir.filePath(QStringLiteral("fuzz.trdb")),
                                                     Store::OpenMode::CreateOrUpgrade);
        if (!opened.ok())
            std::fprintf(stderr, "%s\n", qPrintable(opened.error));
        TRH_FUZZ_CHECK(opened.ok(), "cannot create the workspace");
    }
    QTemporaryDir dir;
    Database db; // closed before dir is removed
};

Workspace &workspace()
{
    static Workspace ws;
    return ws;
}

std::vector<std::int64_t> rowCounts(Database &db)
{
    std::vector<std::int64_t> counts;
    for (const char *table : kTables) {
        const auto n = db.scalarInt(std::string("SELECT count(*) FROM ") + table);
        TRH_FUZZ_CHECK(n.has_value(), table);
        counts.push_back(*n);
    }
    return counts;
}

} // namespace
} // namespace trh::fuzz

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    trh::fuzz::ensureCoreApplication();
    trh::fuzz::workspace();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace trh;
    using namespace trh::fuzz;
    if (size == 0)
        return 0;
    Workspace &ws = trh::fuzz::workspace();
    const QString path =
        ws.dir.filePath(QString::fromUtf8(kFileNames[data[0] % kFileNames.size()]));
    {
        QFile file(path);
        TRH_FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write input");
        const auto length = qint64(size - 1);
        TRH_FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data + 1), length) == length,
                       "cannot write input");
    }

    const std::vector<std::int64_t> before = rowCounts(ws.db);
    const ImportResult result = trh::workspace::importFiles(ws.db, {path});
    QFile::remove(path);

    TRH_FUZZ_CHECK(sqlite3_get_autocommit(ws.db.handle()) != 0, "a transaction was left open");
    const std::vector<std::int64_t> after = rowCounts(ws.db);
    if (!result.ok()) {
        TRH_FUZZ_CHECK(!result.errors.isEmpty(), "failed without an error message");
        for (const QString &error : result.errors)
            TRH_FUZZ_CHECK(!error.trimmed().isEmpty(), "an empty error message");
        for (std::size_t i = 0; i < kTables.size(); ++i) {
            if (after[i] != before[i]) {
                std::fprintf(stderr, "%s: %lld rows before, %lld after; errors: %s\n", kTables[i],
                             static_cast<long long>(before[i]), static_cast<long long>(after[i]),
                             qPrintable(result.errors.join(QStringLiteral("; "))));
            }
        }
        TRH_FUZZ_CHECK(after == before, "a failed import changed the workspace");
        return 0;
    }

    TRH_FUZZ_CHECK(result.errors.isEmpty(), "success with errors");
    TRH_FUZZ_CHECK(result.snapshotId > 0, "success without a snapshot");
    TRH_FUZZ_CHECK(after[0] == before[0] + 1, "success did not add exactly one snapshot");
    Statement drop(ws.db, "DELETE FROM snapshot WHERE id = ?1");
    TRH_FUZZ_CHECK(drop.isValid() && drop.bind(1, result.snapshotId).run(),
                   "cannot delete the snapshot again");
    return 0;
}
