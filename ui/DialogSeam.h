#pragma once

#include <QString>
#include <QStringList>

namespace trh {

// A seam for tests around the file dialogs: a name set here is taken by the next caller
// instead of asking the user. Code that shows a file dialog asks takeNext…() first and only
// shows the dialog when it returns nothing. UI thread only.
class DialogSeam final
{
public:
    DialogSeam() = delete;

    static void setNextSaveFileName(const QString &fileName);
    // The name set last, once (the next call returns an empty string).
    static QString takeNextSaveFileName();
    static void setNextOpenFileNames(const QStringList &fileNames);
    static QStringList takeNextOpenFileNames();
};

} // namespace trh
