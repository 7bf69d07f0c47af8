#pragma once

#include <QFileDialog>
#include <QString>
#include <QStringList>

#include <optional>

namespace trh {

// A seam for modal file dialogs (style.md §12): a test sets the answer the next dialog would
// give, and the code under test calls these helpers instead of QFileDialog. Each answer is
// used once; with none set, the real dialog opens.
class DialogSeam final
{
public:
    static void setNextOpenFileNames(const QStringList &names) { s_open = names; }
    static void setNextSaveFileName(const QString &name) { s_save = name; }
    // Import dialogs opened from now on press Import themselves once it is enabled.
    static void setAutoAcceptImport(bool on) { s_autoAccept = on; }
    static bool autoAcceptImport() { return s_autoAccept; }

    static QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                        const QString &filter)
    {
        if (s_open) {
            const QStringList names = *s_open;
            s_open.reset();
            return names;
        }
        return QFileDialog::getOpenFileNames(parent, caption, dir, filter);
    }
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter)
    {
        if (s_save) {
            const QString name = *s_save;
            s_save.reset();
            return name;
        }
        return QFileDialog::getSaveFileName(parent, caption, dir, filter);
    }

private:
    static inline std::optional<QStringList> s_open;
    static inline std::optional<QString> s_save;
    static inline bool s_autoAccept = false;
};

} // namespace trh
