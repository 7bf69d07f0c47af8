#pragma once

#include "store/Store.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace trh {
class Database;
}

// Helpers shared by the trhealth-cli commands (defined in CliCommands.cpp).
namespace trh::cli {

QTextStream &out();
QTextStream &err();
// Prints "trhealth-cli: message" to stderr and returns code.
int fail(int code, const QString &message);
// The --db option every command has.
QCommandLineOption dbOption();
// Commands without positional arguments refuse them: exit code, or -1 to go on.
int rejectArguments(const QCommandLineParser &p, const char *command);
// Parses a command's options (adds --help). Returns -1 to go on, else the exit code.
int parse(QCommandLineParser &parser, const QStringList &args, const QString &description);
// Opens the workspace, turning store problems into exit codes (-1: opened).
int openStore(Database &db, const QString &path, Store::OpenMode mode);

// trhealth-cli report (ReportCommand.cpp).
int reportCommand(const QStringList &args);

} // namespace trh::cli
