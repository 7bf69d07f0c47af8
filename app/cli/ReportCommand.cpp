// trhealth-cli report: the monthly maintenance report as PDF or HTML, with the evidence
// appendix. Painting text needs a QGuiApplication: main.cpp creates one (offscreen platform)
// for this command.
#include "CliCommands.h"
#include "CliSupport.h"
#include "core/Printable.h"

#include "analysis/Checklist.h"
#include "core/OutputFile.h"
#include "report/ReportData.h"
#include "report/ReportDocument.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QImageReader>
#include <QTextStream>

namespace trh::cli {

int reportCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                      QStringLiteral("Snapshot id, or \"latest\" (default: the "
                                                     "newest, or the newest of --month)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption month(QStringLiteral("month"),
                                   QStringLiteral("The month reported (default: the snapshot's "
                                                  "month)."),
                                   QStringLiteral("YYYY-MM"));
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("Write the report as PDF."),
                                 QStringLiteral("OUT"));
    const QCommandLineOption html(QStringLiteral("html"),
                                  QStringLiteral("Write the report as one HTML file."),
                                  QStringLiteral("OUT"));
    const QCommandLineOption appendix(QStringLiteral("appendix"),
                                      QStringLiteral("Write the evidence appendix (CSV per "
                                                     "finding, manifest) into DIR."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption top(QStringLiteral("top"),
                                 QStringLiteral("Endpoints listed per finding (default 25)."),
                                 QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"),
                                      QStringLiteral("A4 (default) or Letter."),
                                      QStringLiteral("SIZE"), QStringLiteral("A4"));
    const QCommandLineOption organisation(QStringLiteral("organisation"),
                                          QStringLiteral("Organisation name on the cover "
                                                         "(default: the console's setting)."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption logo(QStringLiteral("logo"),
                                  QStringLiteral("Logo image for the cover (default: the "
                                                 "console's setting)."),
                                  QStringLiteral("FILE"));
    p.addOptions({db, snapshot, month, pdf, html, appendix, top, pageSize, organisation, logo});
    if (const int rc = parse(p, args, QStringLiteral("Write the monthly maintenance report."));
        rc >= 0)
        return rc;
    if (const int rc = rejectArguments(p, "report"); rc >= 0)
        return rc;
    if (!p.isSet(pdf) && !p.isSet(html))
        return fail(UsageError, QStringLiteral("report: --pdf OUT or --html OUT is required"));
    if (p.isSet(month) && !Checklist::isMonth(p.value(month)))
        return fail(UsageError, QStringLiteral("--month %1: expected YYYY-MM").arg(p.value(month)));
    bool ok = false;
    ReportOptions options = ReportOptions::fromSettings();
    options.topN = p.value(top).toInt(&ok);
    if (!ok || options.topN < 0 || options.topN > 100000)
        return fail(UsageError, QStringLiteral("--top %1: expected 0 to 100000").arg(p.value(top)));
    const QString size = p.value(pageSize).toLower();
    if (size != QLatin1String("a4") && size != QLatin1String("letter"))
        return fail(UsageError,
                    QStringLiteral("--page-size %1: expected A4 or Letter").arg(p.value(pageSize)));
    // Outputs are refused before any work: only a regular file or a new name (OutputFile).
    for (const QCommandLineOption *o : {&pdf, &html}) {
        if (QString why; p.isSet(*o) && !OutputFile::check(p.value(*o), &why))
            return fail(BadInput, why);
    }
    if (p.isSet(appendix)) {
        const QFileInfo dir(p.value(appendix));
        if ((dir.exists() || dir.isSymLink()) && !dir.isDir())
            return fail(BadInput,
                        QStringLiteral("--appendix %1: not a folder").arg(p.value(appendix)));
    }
    options.month = p.value(month);
    if (p.isSet(organisation))
        options.organisation = p.value(organisation);
    if (p.isSet(logo))
        options.logoPath = p.value(logo);
    if (!options.logoPath.isEmpty()) {
        QImageReader reader(options.logoPath);
        if (!reader.canRead())
            return fail(BadInput, QStringLiteral("--logo %1: not an image this build can read")
                                      .arg(options.logoPath));
    }

    workspace::Workspace ws;
    // Read-write: the first look at a snapshot stores its analysis.
    if (const int rc = openWorkspace(ws, p.value(db), workspace::OpenMode::Existing); rc >= 0)
        return rc;
    QString error;
    std::optional<std::int64_t> id;
    if (!p.isSet(snapshot) && p.isSet(month)) {
        id = ws.snapshotInMonth(options.month);
        if (!id)
            return fail(
                BadInput,
                QStringLiteral("%1: no snapshot taken in %2").arg(ws.path(), options.month));
    } else {
        id = ws.resolveSnapshot(p.value(snapshot), &error);
        if (!id)
            return fail(BadInput, error);
    }
    const auto data = ws.reportData(*id, options, &error);
    if (!data)
        return fail(Failure, QStringLiteral("%1: %2").arg(ws.path(), error));
    const ReportDocument report(*data);
    QString reportPath;
    if (p.isSet(pdf)) {
        int pages = 0;
        const QPageSize page(size == QLatin1String("letter") ? QPageSize::Letter : QPageSize::A4);
        if (!report.writePdf(p.value(pdf), page, &error, &pages))
            return fail(Failure, error);
        reportPath = p.value(pdf);
        err() << "trhealth-cli: " << printable(p.value(pdf)) << ": " << pages << " page(s)"
              << Qt::endl;
    }
    if (p.isSet(html)) {
        if (!report.writeHtml(p.value(html), &error))
            return fail(Failure, error);
        if (reportPath.isEmpty())
            reportPath = p.value(html);
    }
    if (p.isSet(appendix)) {
        const QStringList files = ws.writeAppendix(*data, p.value(appendix), reportPath, &error);
        if (files.isEmpty())
            return fail(Failure, error);
        err() << "trhealth-cli: " << printable(p.value(appendix)) << ": " << files.size()
              << " file(s)" << Qt::endl;
    }
    return Success;
}

} // namespace trh::cli
