#pragma once

#include "store/Store.h"

#include <QCommandLineOption>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

// What the commands of trhealth-cli share; each command lives in CliCommands.cpp or a file of
// its own (ExportCommand.cpp, ReportCommand.cpp) and is dispatched from run().
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
// Opens the workspace (a snapshot file with its pages checked), turning store problems into
// exit codes: -1 to go on.
int openStore(Database &db, const QString &path, Store::OpenMode mode);

// trhealth-cli export: snapshots to a standalone .trhealth file (ExportCommand.cpp).
int exportCommand(const QStringList &args);
// trhealth-cli report: the monthly report as PDF or HTML (ReportCommand.cpp).
int reportCommand(const QStringList &args);

} // namespace trh::cli
