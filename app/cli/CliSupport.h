#pragma once

#include "workspace/Workspace.h"

#include <QCommandLineOption>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>

class QCommandLineParser;
class QTextStream;

// What the commands of trhealth-cli share; each command lives in a file of its own
// (ImportCommand.cpp, ExportCommand.cpp, ...) and is dispatched from run() in CliCommands.cpp.
namespace trh::cli {

QTextStream &out();
QTextStream &err();
// Prints "trhealth-cli: message" on stderr and returns code.
int fail(int code, const QString &message);
bool stderrIsTerminal();
// The --db option every command has.
QCommandLineOption dbOption();
// Commands without positional arguments refuse them: exit code, or -1 to go on.
int rejectArguments(const QCommandLineParser &p, const char *command);
// Parses a command's options (adding --help). Returns -1 to go on, else the exit code.
int parse(QCommandLineParser &parser, const QStringList &args, const QString &description);
// Opens the workspace (a snapshot file with its pages checked), turning its problems into
// exit codes: -1 to go on.
int openWorkspace(workspace::Workspace &ws, const QString &path, workspace::OpenMode mode);
// openWorkspace(), then the snapshot that spec (--snapshot: an id or "latest") names, in *id:
// -1 to go on.
int openSnapshot(workspace::Workspace &ws, const QString &path, workspace::OpenMode mode,
                 const QString &spec, std::int64_t *id);
// A change the user asked for failed as a whole (its transaction was rolled back, or never
// started): exit 3, saying so.
int changeFailed(const workspace::Workspace &ws, const QString &error);
// The import progress on stderr when it is a terminal; empty otherwise.
std::function<bool(std::int64_t, std::int64_t)> progressPrinter();
// A positive integer option (a snapshot or note id); nullopt after reporting a usage error.
std::optional<std::int64_t> idOption(const QCommandLineParser &p, const QCommandLineOption &o,
                                     int *rc);

// trhealth-cli import: export files as one snapshot (ImportCommand.cpp).
int importCommand(const QStringList &args);
// trhealth-cli summary: a snapshot's health summary (SummaryCommand.cpp).
int summaryCommand(const QStringList &args);
// trhealth-cli demo: builds the demo fleet (DemoCommand.cpp).
int demoCommand(const QStringList &args);
// trhealth-cli diff: compares two snapshots (DiffCommand.cpp).
int diffCommand(const QStringList &args);
// trhealth-cli expect: expected client-extension versions (ExpectCommand.cpp).
int expectCommand(const QStringList &args);
// trhealth-cli findings: the findings of a snapshot, endpoint by endpoint (FindingsCommand.cpp).
int findingsCommand(const QStringList &args);
// trhealth-cli note add|list|remove (NoteCommand.cpp).
int noteCommand(const QStringList &args);

// trhealth-cli export: snapshots to a standalone .trhealth file (ExportCommand.cpp).
int exportCommand(const QStringList &args);
// trhealth-cli prune: removes old snapshots (PruneCommand.cpp).
int pruneCommand(const QStringList &args);
// trhealth-cli report: the monthly report as PDF or HTML (ReportCommand.cpp).
int reportCommand(const QStringList &args);

} // namespace trh::cli
