#pragma once

#include "ReportChart.h"
#include "ReportData.h"

#include <QLocale>
#include <QPageSize>
#include <QString>

#include <memory>
#include <vector>

class QPagedPaintDevice;
class QTextDocument;

namespace trh {

// The monthly maintenance report of one snapshot, built from ReportData. One builder for
// every output: paint() lays the document out for a paged device (QPdfWriter for PDF, the
// QPrinter of the print dialog or of the print preview) and draws every page with its header
// and footer; html() writes the same content as one self-contained HTML file. All text taken
// from the data (host names, settings, notes) is escaped, so it prints as text.
class ReportDocument final
{
public:
    explicit ReportDocument(ReportData data);
    ~ReportDocument();
    ReportDocument(const ReportDocument &) = delete;
    ReportDocument &operator=(const ReportDocument &) = delete;

    const ReportData &data() const { return m_data; }

    // Lays out and paints all pages onto the device, starting on its current page. Returns the
    // number of pages, or 0 when the device cannot be painted on.
    int paint(QPagedPaintDevice &device) const;
    // A PDF in the page size (A4 or US Letter), written atomically.
    bool writePdf(const QString &path, const QPageSize &pageSize, QString *error,
                  int *pages = nullptr) const;
    // One self-contained HTML file: stylesheet inline, charts as inline SVG, logo as a data:
    // URI.
    QString html() const;
    bool writeHtml(const QString &path, QString *error) const;

    // The procedure step a finding code is reported under (a Checklist::steps() id): the
    // procedureStepKey() of its catalogue entry's step.
    static QString stepOf(const QString &code);

private:
    enum class Flavour
    {
        Paged, // Qt rich text, for QTextDocument
        Web    // a browser
    };
    QString body(Flavour flavour) const;
    QString cover(Flavour flavour) const;
    QString executiveSummary() const;
    QString procedureStep(const ChecklistStep &step, int number, Flavour flavour) const;
    QString findingBlock(const ReportFinding &f) const;
    QString guidanceSection() const;
    QString exceptionsSection() const;
    QString checklistSection() const;
    QString aboutSection() const;
    QString chartHtml(int index, Flavour flavour) const;
    QString number(double value, int decimals = 0) const;
    QString change(const Figure &now, const Figure &before, int decimals = 0,
                   const QString &unit = {}) const;

    ReportData m_data;
    QLocale m_locale;
    std::vector<ReportChart> m_charts;
    std::vector<QString> m_chartSteps; // the step each chart belongs to
};

} // namespace trh
