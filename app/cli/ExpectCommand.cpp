#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "workspace/Expectations.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace trh::cli {

// Expected client-extension versions (else the most common version in each snapshot).
int expectCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption extension(QStringLiteral("extension"),
                                       QStringLiteral("Client extension domain, e.g. recorder."),
                                       QStringLiteral("DOMAIN"));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Expected version."),
                                     QStringLiteral("VERSION"));
    const QCommandLineOption clear(QStringLiteral("clear"),
                                   QStringLiteral("Forget the expected version of --extension."));
    const QCommandLineOption list(QStringLiteral("list"),
                                  QStringLiteral("List the expected versions."));
    p.addOptions({db, extension, version, clear, list});
    if (const int rc =
            parse(p, args, QStringLiteral("Set the expected version of a client extension."));
        rc >= 0)
        return rc;
    const bool setting = p.isSet(extension) && p.isSet(version) && !p.isSet(clear);
    const bool clearing = p.isSet(extension) && p.isSet(clear) && !p.isSet(version);
    if (!p.isSet(list) && !setting && !clearing)
        return fail(UsageError, QStringLiteral("expect: give --list, --extension D --version V, or "
                                               "--extension D --clear"));
    workspace::Workspace ws;
    if (const int rc = openWorkspace(ws, p.value(db), workspace::OpenMode::Existing); rc >= 0)
        return rc;
    if ((setting || clearing) &&
        !ws.setExpectation(p.value(extension), setting ? p.value(version) : QString()))
        return changeFailed(ws, ws.lastError());
    for (const workspace::Expectations::ExpectedVersion &e : ws.expectations())
        out() << printable(e.extension) << "\t" << printable(e.version) << "\n";
    out().flush();
    return Success;
}

} // namespace trh::cli
