#include "WorkProgress.h"

#include <QCoreApplication>
#include <QProgressDialog>

namespace trh {

QProgressDialog *WorkProgress::create(QWidget *parent) const
{
    auto *progress = new QProgressDialog(
        label, QCoreApplication::translate("trh::WorkProgress", "Cancel"), 0, maximum, parent);
    progress->setObjectName(objectName);
    progress->setAccessibleName(accessibleName);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    progress->setMinimumDuration(minimumDurationMs);
    progress->setValue(0);
    return progress;
}

} // namespace trh
