#pragma once

#include <QString>
#include <QStringView>

namespace trh {

// A value from outside (a host name, a file name, a note, a cell of an export) made safe to
// print on a terminal or in a line-oriented text: every control character (C0, DEL, C1) and
// every bidirectional-override character is written as a visible escape (\n, \t, \r, \e,
// \x07, \u{202e}, …), so that no value can move the cursor, recolour or clear the terminal,
// set its title, or split one line of a report into two. Everything else is kept as it is.
// Used for all human-readable output; JSON output escapes on its own.
QString printable(QStringView text);

} // namespace trh
