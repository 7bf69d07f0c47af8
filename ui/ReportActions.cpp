#include "ReportActions.h"
#include "SettingsKeys.h"

#include "DialogSeam.h"
#include "report/ReportDocument.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent>

namespace trh {
namespace {

QString lastDirectory()
{
    const QString dir = QSettings().value(SettingsKey::lastReportDirectory()).toString();
    return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                         : dir;
}

} // namespace

ReportActions::ReportActions(QWidget *window, Source source)
    : QObject(window), m_window(window), m_source(std::move(source))
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ReportActions::finished);
}

ReportActions::~ReportActions()
{
    m_watcher.waitForFinished();
}

void ReportActions::addToFileMenu(QMenu *file)
{
    auto add = [&](const QString &text, const char *name, void (ReportActions::*slot)()) {
        QAction *a = file->addAction(text, this, slot);
        a->setObjectName(QLatin1String(name));
        m_actions << a;
        return a;
    };
    add(tr("Print Pre&view…"), "actionPrintPreview", &ReportActions::printPreview);
    add(tr("&Print…"), "actionPrint", &ReportActions::print)->setShortcut(QKeySequence::Print);
    add(tr("Export Report as P&DF…"), "actionExportPdf", &ReportActions::exportPdf);
    add(tr("Export Report as &HTML…"), "actionExportHtml", &ReportActions::exportHtml);
    add(tr("Export E&vidence Appendix…"), "actionExportAppendix", &ReportActions::exportAppendix);
    // Enabled when there is a snapshot to report and no report work running.
    connect(file, &QMenu::aboutToShow, this, [this] {
        const bool ok = m_source().second > 0 && !isBusy();
        for (QAction *a : std::as_const(m_actions))
            a->setEnabled(ok);
    });
}

void ReportActions::addToSettingsMenu(QMenu *settings)
{
    QAction *org = settings->addAction(tr("Report &Organisation…"), this, [this] {
        QSettings s;
        bool ok = false;
        const QString name = QInputDialog::getText(
            m_window, tr("Report Organisation"),
            tr("Organisation name on the report's cover and page headers:"), QLineEdit::Normal,
            s.value(ReportOptions::organisationKey()).toString(), &ok);
        if (ok)
            s.setValue(ReportOptions::organisationKey(), name.trimmed());
    });
    org->setObjectName(QStringLiteral("actionReportOrganisation"));
    QAction *logo = settings->addAction(tr("Report &Logo…"), this, [this] {
        QString filter = tr("Images (%1)");
        QStringList patterns;
        for (const QByteArray &f : QImageReader::supportedImageFormats())
            patterns << QStringLiteral("*.") + QString::fromLatin1(f);
        const QStringList files = DialogSeam::getOpenFileNames(
            m_window, tr("Report Logo"), lastDirectory(),
            filter.arg(patterns.join(QLatin1Char(' '))) + tr(";;All files (*)"));
        if (files.isEmpty())
            return;
        if (!QImageReader(files.constFirst()).canRead()) {
            QMessageBox::warning(m_window, tr("Report Logo"),
                                 tr("%1 is not an image trhealth can read.")
                                     .arg(QDir::toNativeSeparators(files.constFirst())));
            return;
        }
        QSettings().setValue(ReportOptions::logoKey(), files.constFirst());
    });
    logo->setObjectName(QStringLiteral("actionReportLogo"));
    QAction *noLogo = settings->addAction(tr("&Remove Report Logo"), this,
                                          [] { QSettings().remove(ReportOptions::logoKey()); });
    noLogo->setObjectName(QStringLiteral("actionRemoveReportLogo"));
    connect(settings, &QMenu::aboutToShow, noLogo, [noLogo] {
        noLogo->setEnabled(!QSettings().value(ReportOptions::logoKey()).toString().isEmpty());
    });
}

bool ReportActions::start(Output output, const QString &path,
                          std::function<void(const Result &)> then)
{
    const auto [db, snapshot] = m_source();
    if (isBusy() || db.isEmpty() || snapshot <= 0)
        return false;
    m_then = std::move(then);
    const ReportOptions options = ReportOptions::fromSettings();
    auto *progress =
        new QProgressDialog(tr("Building the monthly report…"), QString(), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("reportProgress"));
    progress->setWindowTitle(tr("Monthly Report"));
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, progress, &QProgressDialog::close,
            Qt::SingleShotConnection);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    // The worker opens its own connection: a connection stays on the thread that opened it.
    m_watcher.setFuture(QtConcurrent::run([db = db, snapshot = snapshot, options, output, path] {
        Result r;
        r.path = path;
        workspace::Workspace ws;
        const workspace::OpenResult opened = ws.open(db, workspace::OpenMode::Existing);
        if (!opened.ok()) {
            r.error = opened.error;
            return r;
        }
        const auto data = ws.reportData(snapshot, options, &r.error);
        if (!data)
            return r;
        r.document = std::make_shared<ReportDocument>(*data);
        switch (output) {
        case Output::Pdf: {
            const QPageSize page(QLocale().measurementSystem() == QLocale::ImperialUSSystem
                                     ? QPageSize::Letter
                                     : QPageSize::A4);
            r.document->writePdf(path, page, &r.error);
            break;
        }
        case Output::Html:
            r.document->writeHtml(path, &r.error);
            break;
        case Output::Appendix:
            if (ws.writeAppendix(*data, path, QString(), &r.error).isEmpty() && r.error.isEmpty())
                r.error = QStringLiteral("%1: nothing written").arg(path);
            break;
        case Output::Document:
            break;
        }
        return r;
    }));
    return true;
}

void ReportActions::finished()
{
    QApplication::restoreOverrideCursor();
    const Result r = m_watcher.result();
    auto then = std::move(m_then);
    m_then = nullptr;
    if (then)
        then(r);
}

void ReportActions::exportTo(Output output, const QString &caption, const QString &filter)
{
    const QString path = DialogSeam::getSaveFileName(m_window, caption, lastDirectory(), filter);
    if (path.isEmpty())
        return;
    QSettings().setValue(SettingsKey::lastReportDirectory(), QFileInfo(path).absolutePath());
    start(output, path, [this, caption](const Result &r) {
        if (!r.error.isEmpty())
            QMessageBox::warning(m_window, caption, r.error);
        emit exportFinished(r.path, r.error.isEmpty(), r.error);
    });
}

void ReportActions::exportPdf()
{
    exportTo(Output::Pdf, tr("Export Report as PDF"), tr("PDF documents (*.pdf)"));
}

void ReportActions::exportHtml()
{
    exportTo(Output::Html, tr("Export Report as HTML"), tr("HTML documents (*.html *.htm)"));
}

void ReportActions::exportAppendix()
{
    // The name given is the folder to create: one CSV per finding, manifest.json, SHA256SUMS.
    exportTo(Output::Appendix, tr("Export Evidence Appendix to a New Folder"), QString());
}

void ReportActions::paintOn(QPrinter *printer)
{
    const Result r = m_watcher.result();
    if (!r.document)
        return;
    QApplication::setOverrideCursor(Qt::BusyCursor);
    r.document->paint(*printer);
    QApplication::restoreOverrideCursor();
}

void ReportActions::printPreview()
{
    start(Output::Document, QString(), [this](const Result &r) {
        if (!r.document) {
            QMessageBox::warning(m_window, tr("Print Preview"), r.error);
            return;
        }
        QPrintPreviewDialog dialog(m_window);
        dialog.setObjectName(QStringLiteral("reportPreview"));
        dialog.setWindowTitle(tr("Monthly Report — Print Preview"));
        connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &ReportActions::paintOn);
        dialog.exec();
    });
}

void ReportActions::print()
{
    start(Output::Document, QString(), [this](const Result &r) {
        if (!r.document) {
            QMessageBox::warning(m_window, tr("Print"), r.error);
            return;
        }
        QPrinter printer(QPrinter::HighResolution);
        QPrintDialog dialog(&printer, m_window);
        dialog.setWindowTitle(tr("Print the Monthly Report"));
        if (dialog.exec() == QDialog::Accepted)
            paintOn(&printer);
    });
}

} // namespace trh
