#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Helpers shared by the tests: fixture paths, temporary files, running the CLI.
class QObject;
class QProcessEnvironment;
class QUrl;

namespace trh::test {

// Absolute path of tests/fixtures/<name>.
QString fixture(const QString &name);
// Every file of tests/fixtures/fleet (the ten-endpoint fleet in every format), sorted.
QStringList fleetFiles();
// Creates a workspace at path with the fleet imported as one snapshot; false on error.
bool createFleetWorkspace(const QString &path);
// Creates a workspace at path holding the demo fleet (four monthly snapshots) of that many
// endpoints; the empty string, or why it failed.
QString createDemoWorkspace(const QString &path, int endpoints);
// The fleet workspace of a test class, in a folder of its own: create() it in initTestCase()
// (which also puts QStandardPaths in test mode), then use path.
struct FleetWorkspace
{
    QTemporaryDir dir;
    QString path;
    bool create();
};

// Reads a whole file (empty on error).
QByteArray readAll(const QString &path);
// Writes bytes to path, creating folders; false on error.
bool writeFile(const QString &path, const QByteArray &bytes);

// Drags urls onto target and drops them there (a drag-enter, then a drop); true if both were
// accepted.
bool dropUrls(QObject *target, const QList<QUrl> &urls);

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// Files under dir (recursively) whose bytes contain needle (e.g. a token that must not be
// there), as absolute paths.
QStringList filesContaining(const QString &dir, const QByteArray &needle);

// Points this test's QSettings at INI files under settingsDir (and QStandardPaths at test
// mode), so that tests never read or write the user's settings.
void useTemporarySettings(const QString &settingsDir, const QString &application);

// Makes the OS keychain unreachable for this process (Linux: a session bus address where
// nothing listens, no X11 display to autolaunch one), so that a test never touches the user's
// keyring; qtkeychain then reports "no keychain", as on a headless server. noBusPath must not
// exist.
void withoutKeychain(const QString &noBusPath);

// Runs the built trhealth-cli with args (no display, no stdin) and waits for it.
CliResult runCli(const QStringList &args, int timeoutMs = 300000);
// Runs the built console, trhealth, with args in the environment env (no stdin) and waits for
// it; after timeoutMs it is killed and exitCode is -1.
CliResult runGui(const QStringList &args, const QProcessEnvironment &env, int timeoutMs);

} // namespace trh::test
