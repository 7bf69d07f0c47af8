#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace trh {

// One remediation entry: resources/guidance/<code>.md, compiled in as :/guidance/<code>.md.
// The file is Markdown: "# <title>", an italic one-line summary, then "## " sections (What it
// means, Why it matters for Threat Response, Corrective action, Where to act in Tanium, How to
// verify next month, Procedure section).
struct GuidanceEntry
{
    QString code;
    QString title;    // the first "# " heading
    QString summary;  // the first italic line before the first section, without its markers
    QString markdown; // the whole file, line ends normalised to \n
    QMap<QString, QString> sections; // "## " heading -> body text (trimmed Markdown)
};

class Guidance
{
public:
    // The entry for a finding code, or nullopt if there is none (or the code is not a plain
    // code). With a language such as "de" or "de_DE", :/guidance/de_DE/<code>.md, then
    // :/guidance/de/<code>.md is preferred when present; otherwise the English entry is used.
    static std::optional<GuidanceEntry> entry(const QString &code, const QString &language = {});
    // Codes that have an English entry, sorted.
    static QStringList codes();
    // Parses guidance Markdown (as stored in the resource files) into an entry.
    static GuidanceEntry parse(const QString &code, const QString &markdown);
    // Simple, safe HTML for the GUI and the report: every piece of text is HTML-escaped; supports
    // headings, paragraphs, numbered and bulleted lists, `code`, **bold** and *italic*. Raw HTML
    // in the Markdown is shown as text, never passed through.
    static QString toHtml(const GuidanceEntry &entry);
};

} // namespace trh
