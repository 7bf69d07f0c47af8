#pragma once

#include "MainWindow.h"

#include <QSignalSpy>
#include <QString>

namespace trh::test {

// Shows the window, opens the workspace in it and waits for its overview. False on a
// timeout.
inline bool showWorkspace(MainWindow &window, const QString &dbPath, int timeoutMs = 30000)
{
    window.show();
    QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
    window.openWorkspace(dbPath);
    return loaded.wait(timeoutMs);
}

} // namespace trh::test
