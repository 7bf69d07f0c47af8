#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace trh {

// A seam for tests around modal file dialogs (style.md §12): a name set here is taken by the
// next caller instead of asking the user. Code that shows a file dialog goes through
// getOpenFileNames()/getSaveFileName() (or asks takeNext…() first) and the real dialog only
// opens when no answer was set. Each answer is used once. UI thread only.
class DialogSeam final
{
public:
    DialogSeam() = delete;

    static void setNextSaveFileName(const QString &fileName);
    // The name set last, once (the next call returns an empty string).
    static QString takeNextSaveFileName();
    static void setNextOpenFileNames(const QStringList &fileNames);
    static QStringList takeNextOpenFileNames();

    // The snapshots the next "which snapshots" question gets (Export Snapshot File…).
    static void setNextSnapshotChoice(const QList<qint64> &ids);
    static QList<qint64> takeNextSnapshotChoice();

    // Import dialogs opened from now on press Import themselves once it is enabled.
    static void setAutoAcceptImport(bool on);
    static bool autoAcceptImport();

    // The seam's answer if one is set, else the real QFileDialog.
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                        const QString &filter);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    // One file: the first of the seam's open names if set, else the real dialog.
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
};

} // namespace trh
