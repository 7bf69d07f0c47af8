#include "AppIcon.h"

namespace trh {

QIcon applicationIcon()
{
    static const QIcon icon = [] {
        QIcon i;
        for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
            i.addFile(QStringLiteral(":/icons/trhealth-%1.png").arg(size), QSize(size, size));
        return i;
    }();
    return icon;
}

QString desktopFileName()
{
    return QStringLiteral("org.trhealth.trhealth");
}

} // namespace trh
