// File → Export Report as PDF / HTML in the real main window, driven through the DialogSeam.
#include "DialogSeam.h"
#include "MainWindow.h"
#include "ReportActions.h"
#include "ReportTestSupport.h"
#include "report/ReportData.h"
#include "report/ReportDocument.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QAction>
#include <QPrinter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;

class TestReportUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    // Opens the workspace, triggers an action with the seam's file name, waits for the export.
    QList<QVariant> exportVia(const char *action, const QString &path)
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_db);
        if (!loaded.wait(60000))
            return {};
        auto *report = window.findChild<ReportActions *>(QStringLiteral("reportActions"));
        auto *a = window.findChild<QAction *>(QLatin1String(action));
        if (!report || !a)
            return {};
        QSignalSpy finished(report, &ReportActions::exportFinished);
        DialogSeam::setNextSaveFileName(path);
        a->trigger();
        if (!finished.wait(120000))
            return {};
        return finished.constFirst();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = test::demoWorkspace(m_dir.path(), 300);
        QVERIFY(!m_db.isEmpty());
        QSettings().setValue(ReportOptions::organisationKey(), QStringLiteral("Example GmbH"));
    }

    void cleanupTestCase() { QSettings().remove(ReportOptions::organisationKey()); }

    void exportPdfWritesTheReport()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("gui.pdf"));
        const QList<QVariant> result = exportVia("actionExportPdf", pdf);
        QCOMPARE(result.size(), 3);
        QCOMPARE(result.at(0).toString(), pdf);
        QVERIFY2(result.at(1).toBool(), qPrintable(result.at(2).toString()));
        QVERIFY(test::pdfPages(pdf) > 5);
        const QString text = test::pdfText(pdf);
        // The organisation comes from the settings; the snapshot is the one shown (newest).
        QVERIFY(text.contains(QStringLiteral("Example GmbH")));
        QVERIFY(text.contains(QStringLiteral("Snapshot #4")));
    }

    void exportHtmlWritesOneFile()
    {
        const QString html = m_dir.filePath(QStringLiteral("gui.html"));
        const QList<QVariant> result = exportVia("actionExportHtml", html);
        QCOMPARE(result.size(), 3);
        QVERIFY2(result.at(1).toBool(), qPrintable(result.at(2).toString()));
        const QByteArray bytes = test::readAll(html);
        QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
        QVERIFY(bytes.contains("Example GmbH"));
    }

    void printerGetsThePaginatedReport()
    {
        // The document the print preview and the print dialog paint, on a printer that writes
        // a PDF file, in US Letter.
        Database db;
        QVERIFY(Store::open(db, m_db, Store::OpenMode::Existing).ok());
        QString error;
        const auto data = ReportData::load(db, 4, ReportOptions::fromSettings(), &error);
        QVERIFY2(data, qPrintable(error));
        const ReportDocument report(*data);
        const QString pdf = m_dir.filePath(QStringLiteral("printer.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        printer.setPageSize(QPageSize(QPageSize::Letter));
        const int pages = report.paint(printer);
        QVERIFY(pages > 5);
        QCOMPARE(test::pdfPages(pdf), pages);
        QCOMPARE(test::pdfPageSize(pdf), QStringLiteral("612 x 792 pts (letter)"));
        const QString text = test::pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("Example GmbH")));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    }

    void nothingWithoutASnapshot()
    {
        MainWindow window;
        auto *report = window.findChild<ReportActions *>(QStringLiteral("reportActions"));
        QVERIFY(report);
        QSignalSpy finished(report, &ReportActions::exportFinished);
        // No workspace open: the export does not start (the menu disables the action too).
        DialogSeam::setNextSaveFileName(m_dir.filePath(QStringLiteral("none.pdf")));
        report->exportPdf();
        QVERIFY(!report->isBusy());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.pdf"))));
        QCOMPARE(finished.count(), 0);
    }
};

QTEST_MAIN(TestReportUi)
#include "tst_reportui.moc"
