// trhealth: the desktop console.
#include "AppIcon.h"
#include "LaunchArguments.h"
#include "MainWindow.h"
#include "SettingsKeys.h"
#include "Theme.h"
#include "Translator.h"
#include "core/TempFiles.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trhealth"));
    QCoreApplication::setOrganizationName(QStringLiteral("trhealth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRHEALTH_VERSION));
    // The desktop entry's name: Wayland compositors match the window to it (its icon, its
    // name in the task bar); every window gets the application's icon.
    QGuiApplication::setDesktopFileName(trh::desktopFileName());
    QApplication::setWindowIcon(trh::applicationIcon());
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "The Threat Response maintenance console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QCoreApplication::translate("main", "Workspace file to open."),
                                QStringLiteral("FILE"));
    parser.addOption(db);
    // For tools/screenshots.sh: render one page to a PNG and quit.
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as a PNG and quit."),
        QStringLiteral("PNG"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QCoreApplication::translate("main", "Page to show first (object name)."),
        QStringLiteral("NAME"));
    const QCommandLineOption drill(
        QStringLiteral("drill-down"),
        QCoreApplication::translate("main", "Finding code to drill down to."),
        QStringLiteral("CODE"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "User interface language: en, de, or empty for the "
                                            "system's (default: the Settings menu's choice)."),
        QStringLiteral("LANG"));
    const QCommandLineOption appearance(
        QStringLiteral("appearance"),
        QCoreApplication::translate("main", "Colours: system, light or dark (default: the "
                                            "Settings menu's choice)."),
        QStringLiteral("LOOK"));
    parser.addOptions({screenshot, page, drill, language, appearance});
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QCoreApplication::translate("main", "Tanium exports to import (CSV or JSON), or a "
                                            "workspace or snapshot file to open."),
        QStringLiteral("[FILE...]"));
    parser.process(app);
    // The translators go in before the first window; the option texts above are shown in
    // the source language (--help is answered before the language is known).
    trh::installTranslations(
        app, parser.isSet(language)
                 ? parser.value(language)
                 : QSettings().value(trh::languageSettingsKey(), QString()).toString());

    const QString look = parser.isSet(appearance)
                             ? parser.value(appearance)
                             : QSettings().value(trh::appearanceSettingsKey()).toString();
    if (trh::appearanceFromName(look) != trh::Appearance::System)
        trh::applyAppearance(trh::appearanceFromName(look));

    trh::MainWindow window;
    window.show();
    // What a killed run of either front end left beside its output goes first.
    if (const QStringList removed = trh::TempFiles::removeStale(); !removed.isEmpty())
        window.statusBar()->showMessage(
            QCoreApplication::translate("main",
                                        "Removed %n temporary file(s) left by an interrupted run.",
                                        nullptr, int(removed.size())),
            15000);
    // The files on the command line are told apart by their content: a workspace or snapshot
    // file opens (or the last workspace, when none is given), other files go to the import
    // dialog, and somebody else's SQLite database is refused with a message.
    trh::LaunchArguments launch =
        trh::LaunchArguments::fromCommandLine(parser.positionalArguments(), parser.value(db));
    if (const QString last = QSettings().value(trh::SettingsKey::lastWorkspace()).toString();
        launch.workspace.isEmpty() && !last.isEmpty() && QFileInfo::exists(last))
        launch.workspace = last;
    if (parser.isSet(screenshot)) {
        window.resize(1400, 900);
        const auto shoot = [&] {
            if (parser.isSet(page))
                window.showPage(parser.value(page));
            if (parser.isSet(drill))
                window.drillDown(parser.value(drill));
            // Let the table pages read their first rows, select the first one (to show the
            // details pane), then take the picture.
            QTimer::singleShot(1000, &window, [&] {
                for (QTableView *view : window.findChildren<QTableView *>()) {
                    if (view->isVisible() && view->model() && view->model()->rowCount() > 0)
                        view->setCurrentIndex(view->model()->index(0, 0));
                }
            });
            QTimer::singleShot(1800, &window, [&] {
                window.grab().save(parser.value(screenshot));
                QCoreApplication::quit();
            });
        };
        // Without a workspace no overview ever loads: the empty window is the picture.
        if (launch.workspace.isEmpty())
            QTimer::singleShot(0, &window, shoot);
        else
            QObject::connect(&window, &trh::MainWindow::overviewLoaded, &window, shoot);
        for (const QString &refusal : launch.refusals)
            std::fprintf(stderr, "%s\n", qUtf8Printable(refusal));
    }
    // With --screenshot nobody is there to close a message box: the refusals went to stderr.
    window.openFiles(launch, !parser.isSet(screenshot));
    return app.exec();
}
