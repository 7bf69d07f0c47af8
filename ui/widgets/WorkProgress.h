#pragma once

#include <QString>

class QProgressDialog;
class QWidget;

namespace trh {

// The progress dialog of work running on a worker thread: window-modal over parent, from 0
// to maximum, with Cancel, and up until it is deleted (it neither resets nor closes itself at
// the maximum). It shows after minimumDurationMs; the caller connects canceled().
struct WorkProgress
{
    QString label, title;
    QString objectName, accessibleName;
    int maximum = 1000;
    int minimumDurationMs = 0;

    QProgressDialog *create(QWidget *parent) const;
};

} // namespace trh
