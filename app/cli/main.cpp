// trhealth-cli: the headless front end. Works with no display; errors go to stderr as one
// line each, JSON goes to stdout only. Exit status: 0 success, 1 usage error, 2 bad input
// (nothing written), 3 other failure.
#include "CliCommands.h"
#include "core/Printable.h"
#include "core/TempFiles.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    // The report paints text into a PDF, and fonts need a QGuiApplication. On Linux and the
    // other X11/Wayland systems it uses the offscreen platform unless QT_QPA_PLATFORM says
    // otherwise, so that it runs with no display; Windows and macOS have their own platform
    // everywhere. The other commands stay a plain QCoreApplication.
    const bool paints = argc > 1 && qstrcmp(argv[1], "report") == 0;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (paints && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    std::unique_ptr<QCoreApplication> app;
    if (paints)
        app = std::make_unique<QGuiApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trhealth"));
    QCoreApplication::setOrganizationName(QStringLiteral("trhealth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRHEALTH_VERSION));
    // What a killed run of either front end left beside its output goes first.
    for (const QString &path : trh::TempFiles::removeStale())
        std::fprintf(stderr, "trhealth-cli: removed %s, left by an interrupted run\n",
                     qUtf8Printable(trh::printable(path)));
    return trh::cli::run(QCoreApplication::arguments());
}
