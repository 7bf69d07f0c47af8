// trhealth-cli demo: builds the demo fleet (realistic export files, imported) in a workspace.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "workspace/DemoWorkspace.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace trh::cli {

int demoCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace file to create."),
                                QStringLiteral("FILE"));
    const QCommandLineOption endpoints(QStringLiteral("endpoints"),
                                       QStringLiteral("Fleet size (default 5000)."),
                                       QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption keep(QStringLiteral("keep-files"),
                                  QStringLiteral("Also keep the generated export files in DIR."),
                                  QStringLiteral("DIR"));
    p.addOptions({db, endpoints, keep});
    if (const int rc = parse(p, args,
                             QStringLiteral("Build the demo fleet: write realistic export "
                                            "files and import them."));
        rc >= 0)
        return rc;
    bool ok = false;
    const int n = p.value(endpoints).toInt(&ok);
    if (!ok || n < 1 || n > 1000000)
        return fail(
            UsageError,
            QStringLiteral("--endpoints %1: expected 1 to 1000000").arg(p.value(endpoints)));
    workspace::Workspace ws;
    if (const int rc = openWorkspace(ws, p.value(db), workspace::OpenMode::CreateOrUpgrade);
        rc >= 0)
        return rc;
    workspace::DemoOptions options;
    options.endpoints = n;
    options.keepFilesDir = p.value(keep);
    const workspace::DemoResult built = ws.buildDemo(options);
    if (built.status == workspace::DemoResult::Status::NotEmpty)
        return fail(BadInput, built.error);
    if (!built.ok()) {
        for (const QString &e : built.error.split(QLatin1Char('\n')))
            err() << "trhealth-cli: " << printable(e) << Qt::endl;
        return Failure;
    }
    for (const QString &line : built.snapshots)
        out() << line << "\n";
    out() << QStringLiteral("demo fleet of %1 endpoints written to %2\n").arg(n).arg(ws.path());
    out().flush();
    return Success;
}

} // namespace trh::cli
