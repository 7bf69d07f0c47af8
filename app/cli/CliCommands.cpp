#include "CliCommands.h"
#include "CliSupport.h"
#include "FetchCommand.h"

#include "core/Printable.h"

#include <QTextStream>

namespace trh::cli {

namespace {

const char *kUsage =
    "usage: trhealth-cli COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  import  --db FILE [--as DATASET] [--label TEXT] [--taken-at ISO8601] [--mapping FILE] "
    "[--lenient] [--json] PATH...\n"
    "  summary --db FILE [--snapshot ID|latest] [--month YYYY-MM] [--json] [--explain]\n"
    "  findings --db FILE [--snapshot ID|latest] [--code CODE] [--json]\n"
    "  diff    --db FILE --from ID --to ID [--json]\n"
    "  expect  --db FILE (--list | --extension DOMAIN (--version V | --clear))\n"
    "  note    add --db FILE --endpoint NAME --code CODE --text TEXT [--ticket T] [--author A]\n"
    "               [--accept-until YYYY-MM-DD]\n"
    "          list --db FILE [--endpoint NAME] [--json]\n"
    "          remove --db FILE --id N\n"
    "  demo    --db FILE [--endpoints N] [--keep-files DIR]\n"
    "  fetch   --db FILE --server URL (--token-file FILE | --token-env VAR) [--ca-file FILE]\n"
    "          [--source rest|gateway] [--threshold 0.95] [--timeout S] [--label TEXT] [--json]\n"
    "  export  --db FILE (--snapshot ID... | --all) --out FILE.trhealth\n"
    "  prune   --db FILE (--keep N | --before YYYY-MM-DD) [--dry-run] [--json]\n"
    "  report  --db FILE [--snapshot ID|latest] [--month YYYY-MM] (--pdf OUT | --html OUT)\n"
    "          [--appendix DIR] [--top N] [--page-size A4|Letter] [--organisation NAME]\n"
    "          [--logo FILE]\n"
    "\n"
    "Run 'trhealth-cli COMMAND --help' for a command's options.\n"
    "exit status: 0 success, 1 usage error, 2 bad input (nothing written), 3 other failure\n";

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        err() << kUsage;
        return UsageError;
    }
    const QString command = arguments.at(1);
    QStringList rest = arguments.mid(1);
    rest[0] = arguments.at(0) + QLatin1Char(' ') + command;
    if (command == QLatin1String("import"))
        return importCommand(rest);
    if (command == QLatin1String("summary"))
        return summaryCommand(rest);
    if (command == QLatin1String("demo"))
        return demoCommand(rest);
    if (command == QLatin1String("diff"))
        return diffCommand(rest);
    if (command == QLatin1String("expect"))
        return expectCommand(rest);
    if (command == QLatin1String("findings"))
        return findingsCommand(rest);
    if (command == QLatin1String("note"))
        return noteCommand(rest);
    if (command == QLatin1String("fetch"))
        return fetchCommand(rest);
    if (command == QLatin1String("export"))
        return exportCommand(rest);
    if (command == QLatin1String("prune"))
        return pruneCommand(rest);
    if (command == QLatin1String("report"))
        return reportCommand(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out() << kUsage;
        return Success;
    }
    if (command == QLatin1String("--version")) {
        out() << "trhealth-cli " << TRHEALTH_VERSION << "\n";
        return Success;
    }
    err() << "trhealth-cli: unknown command \"" << printable(command) << "\"\n" << kUsage;
    return UsageError;
}

} // namespace trh::cli
