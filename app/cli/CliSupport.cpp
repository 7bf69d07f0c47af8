// The helpers every command of trhealth-cli shares (CliSupport.h).
#include "CliSupport.h"
#include "CliCommands.h"
#include "core/Printable.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace trh::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(int code, const QString &message)
{
    // Messages quote names and cells from the inputs: escaped for the terminal.
    err() << "trhealth-cli: " << printable(message) << Qt::endl;
    return code;
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(fileno(stderr));
#else
    return false;
#endif
}

// The --db option every command has.
QCommandLineOption dbOption()
{
    return QCommandLineOption(QStringLiteral("db"), QStringLiteral("Workspace file."),
                              QStringLiteral("FILE"));
}

// Commands without positional arguments refuse them: exit code, or -1 to go on.
int rejectArguments(const QCommandLineParser &p, const char *command)
{
    if (p.positionalArguments().isEmpty())
        return -1;
    return fail(UsageError, QStringLiteral("%1: unexpected argument %2")
                                .arg(QLatin1String(command), p.positionalArguments().constFirst()));
}

// Parses a command's options. Returns -1 to go on, else the exit code to return.
int parse(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        return fail(UsageError, parser.errorText());
    if (parser.isSet(help)) {
        out() << parser.helpText();
        return Success;
    }
    return -1;
}

// A change the user asked for failed as a whole (its transaction was rolled back, or never
// started): exit 3, saying so.
int changeFailed(const workspace::Workspace &ws, const QString &error)
{
    return fail(Failure, QStringLiteral("%1: %2; nothing was changed").arg(ws.path(), error));
}

int openWorkspace(workspace::Workspace &ws, const QString &path, workspace::OpenMode mode)
{
    if (path.isEmpty())
        return fail(UsageError, QStringLiteral("--db FILE is required"));
    const workspace::OpenResult r = ws.open(path, mode);
    switch (r.status) {
    case workspace::OpenStatus::Ok:
        return -1;
    case workspace::OpenStatus::Missing:
    case workspace::OpenStatus::NewerSchema:
    case workspace::OpenStatus::NotOurs:
    case workspace::OpenStatus::Damaged:
        return fail(BadInput, r.error);
    case workspace::OpenStatus::Failed:
        break;
    }
    return fail(Failure, r.error);
}

int openSnapshot(workspace::Workspace &ws, const QString &path, workspace::OpenMode mode,
                 const QString &spec, std::int64_t *id)
{
    if (const int rc = openWorkspace(ws, path, mode); rc >= 0)
        return rc;
    QString error;
    const auto resolved = ws.resolveSnapshot(spec, &error);
    if (!resolved)
        return fail(BadInput, error);
    *id = *resolved;
    return -1;
}

std::function<bool(std::int64_t, std::int64_t)> progressPrinter()
{
    if (!stderrIsTerminal())
        return {};
    auto last = std::make_shared<int>(-1);
    return [last](std::int64_t done, std::int64_t total) {
        const int pct = total > 0 ? int(done * 100 / total) : 0;
        if (pct != *last) {
            *last = pct;
            err() << "\rimporting… " << pct << "%" << Qt::flush;
        }
        return true;
    };
}

// A positive integer option (a snapshot or note id); nullopt after reporting a usage error.
std::optional<std::int64_t> idOption(const QCommandLineParser &p, const QCommandLineOption &o,
                                     int *rc)
{
    const QString name = QStringLiteral("--") + o.names().constFirst();
    if (!p.isSet(o)) {
        *rc = fail(UsageError, QStringLiteral("%1 ID is required").arg(name));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = p.value(o).toLongLong(&ok);
    if (!ok || id <= 0) {
        *rc = fail(UsageError,
                   QStringLiteral("%1 %2: expected a positive number").arg(name, p.value(o)));
        return std::nullopt;
    }
    return std::int64_t(id);
}

} // namespace trh::cli
