// trhealth-cli: the headless front end. Works with no display; errors go to stderr as one
// line each, JSON goes to stdout only. Exit status: 0 success, 1 usage error, 2 bad input
// (nothing written), 3 other failure.
#include "CliCommands.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trhealth"));
    QCoreApplication::setOrganizationName(QStringLiteral("trhealth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRHEALTH_VERSION));
    return trh::cli::run(QCoreApplication::arguments());
}
