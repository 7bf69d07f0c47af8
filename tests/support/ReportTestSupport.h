#pragma once

// Helpers for the report tests (header-only): a demo workspace, and what poppler-utils'
// pdftotext and pdfinfo say about a PDF.
#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>

namespace trh::test {

// Builds the demo fleet (four monthly snapshots) at dir/name with trhealth-cli; empty on error.
inline QString demoWorkspace(const QString &dir, int endpoints,
                             const QString &name = QStringLiteral("demo.trdb"))
{
    const QString path = QDir(dir).filePath(name);
    const CliResult r = runCli({QStringLiteral("demo"), QStringLiteral("--db"), path,
                                QStringLiteral("--endpoints"), QString::number(endpoints)});
    return r.exitCode == 0 ? path : QString();
}

// Runs a poppler tool; its stdout, or an empty array when it is missing or fails.
inline QByteArray poppler(const QString &tool, const QStringList &args)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty())
        return {};
    QProcess p;
    p.start(exe, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

// The PDF's text with the layout kept (table rows on one line), group separators between
// digits removed ("4,487" -> "4487") so that figures compare with the JSON's.
inline QString pdfText(const QString &pdf)
{
    QString text = QString::fromUtf8(poppler(
        QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}));
    static const QRegularExpression group(QStringLiteral("(\\d),(?=\\d{3}\\b)"));
    return text.replace(group, QStringLiteral("\\1"));
}

// "Pages:" of pdfinfo, or -1.
inline int pdfPages(const QString &pdf)
{
    const QString info = QString::fromUtf8(poppler(QStringLiteral("pdfinfo"), {pdf}));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption)
            .match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// "Page size:" of pdfinfo, e.g. "595 x 842 pts (A4)".
inline QString pdfPageSize(const QString &pdf)
{
    const QString info = QString::fromUtf8(poppler(QStringLiteral("pdfinfo"), {pdf}));
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^Page size:\\s+(.*)$"),
                                                         QRegularExpression::MultilineOption)
                                          .match(info);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

} // namespace trh::test
