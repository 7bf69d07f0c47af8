#pragma once

#include <QStringList>

namespace trh::cli {

enum ExitCode
{
    Success = 0,
    UsageError = 1,
    BadInput = 2,
    Failure = 3
};

// Runs one trhealth-cli command line (arguments include the program name).
int run(const QStringList &arguments);

} // namespace trh::cli
