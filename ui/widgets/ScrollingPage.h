#pragma once

class QVBoxLayout;
class QWidget;

namespace trh {

// Gives page a frameless, resizable scroll area filling it, and returns the vertical layout
// of the scrolled content (whose widget is layout->parentWidget()).
QVBoxLayout *makeScrollingPage(QWidget *page);

} // namespace trh
