#pragma once

#include "MainWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTextEdit>

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

// A control a keyboard or screen-reader user can reach.
inline bool isControl(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractItemView *>(w) ||
           qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QTextEdit *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w);
}

// The visible, focusable controls under root that have no accessible name to announce,
// as "objectName (class)"; *checked (if given) is increased by the number looked at.
inline QStringList unnamedControls(const QWidget *root, int *checked = nullptr)
{
    QStringList unnamed;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        // Widgets inside another control (a combo box's line edit, a view's viewport) are
        // announced as part of it.
        if (!isControl(w) || !w->isVisible() || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (w->parentWidget() && isControl(w->parentWidget()))
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (checked)
            ++*checked;
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(
                w->objectName(), QString::fromLatin1(w->metaObject()->className()));
    }
    return unnamed;
}

} // namespace trh::test
