#pragma once

#include <QIcon>
#include <QString>

namespace trh {

// The application's icon, from the PNG renders of resources/icons/trhealth.svg compiled into
// the UI library (:/icons/trhealth-<size>.png), so that it needs no SVG image plugin. The
// desktop uses the installed copies under the same application id (desktopFileName()).
QIcon applicationIcon();

// The reverse-DNS application id: the desktop entry's and the AppStream component's name.
QString desktopFileName();

} // namespace trh
