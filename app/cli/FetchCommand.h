#pragma once

#include <QStringList>

namespace trh::cli {

// trhealth-cli fetch: asks a Tanium server the maintenance questions and stores the answers
// as one snapshot. `args` starts with the program and command name.
int fetchCommand(const QStringList &args);

} // namespace trh::cli
