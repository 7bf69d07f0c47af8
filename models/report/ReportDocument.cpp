#include "ReportDocument.h"

#include "analysis/FindingCatalog.h"
#include "analysis/Guidance.h"

#include "core/AtomicFile.h"
#include "core/OutputFile.h"
#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <algorithm>

namespace trh {
namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    // The context lupdate gives the member functions of ReportDocument.
    return QCoreApplication::translate("trh::ReportDocument", text, disambiguation, n);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// A count of the summary as a figure (null stays null).
Figure val(const Count &c)
{
    return c ? Figure(double(*c)) : std::nullopt;
}

QString findingTitle(const QString &code)
{
    const FindingKind *kind = findingKind(code);
    return kind ? QCoreApplication::translate("Finding", kind->title) : code;
}

Severity severityOf(const QString &code)
{
    const FindingKind *kind = findingKind(code);
    return kind ? kind->severity : Severity::Info;
}

QString severityText(Severity s)
{
    switch (s) {
    case Severity::High:
        return QCoreApplication::translate("trh::ReportDocument", "High");
    case Severity::Medium:
        return QCoreApplication::translate("trh::ReportDocument", "Medium");
    case Severity::Low:
        return QCoreApplication::translate("trh::ReportDocument", "Low");
    case Severity::Info:
        break;
    }
    return QCoreApplication::translate("trh::ReportDocument", "Info");
}

// Numbers read the same in every output: the user's locale, or English when it is "C".
QLocale reportLocale()
{
    const QLocale l;
    return l.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : l;
}

// "November 2026" for "2026-11" (the month as given when it is not one).
QString monthTitle(const QLocale &locale, const QString &month)
{
    const QDate d = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    return d.isValid() ? locale.standaloneMonthName(d.month()) + QLatin1Char(' ') +
                             QString::number(d.year())
                       : month;
}

QDateTime parseTime(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

constexpr int kChartObject = QTextFormat::UserObject + 1;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;

// Draws the report's charts inside the laid-out QTextDocument, with the painter of the page:
// vectors in a PDF, whatever the printer does on paper.
class ChartObject final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    explicit ChartObject(const std::vector<ReportChart> &charts) : m_charts(charts) {}

    QSizeF intrinsicSize(QTextDocument *doc, int, const QTextFormat &format) override
    {
        const ReportChart *c = chart(format);
        const double width = doc->pageSize().width() * 0.96;
        return c ? QSizeF(width, c->heightForWidth(width)) : QSizeF();
    }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                    const QTextFormat &format) override
    {
        if (const ReportChart *c = chart(format))
            c->paint(*painter, rect);
    }

private:
    const ReportChart *chart(const QTextFormat &format) const
    {
        const int i = format.property(kChartIndex).toInt();
        return i >= 0 && size_t(i) < m_charts.size() ? &m_charts[size_t(i)] : nullptr;
    }
    const std::vector<ReportChart> &m_charts;
};

// Replaces the <img src="trhchart:N"> placeholders of the paged HTML by chart objects.
void insertCharts(QTextDocument &doc)
{
    std::vector<std::pair<int, int>> found; // position, chart index
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            const QTextCharFormat f = frag.charFormat();
            if (!f.isImageFormat())
                continue;
            const QString name = f.toImageFormat().name();
            if (name.startsWith(QLatin1String("trhchart:")))
                found.emplace_back(frag.position(), name.mid(9).toInt());
        }
    }
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        QTextCursor c(&doc);
        c.setPosition(it->first);
        c.setPosition(it->first + 1, QTextCursor::KeepAnchor);
        QTextCharFormat f;
        f.setObjectType(kChartObject);
        f.setProperty(kChartIndex, it->second);
        c.insertText(QString(QChar::ObjectReplacementCharacter), f);
    }
}

// The logo, scaled down to what a cover needs. Null when there is none or it cannot be read.
QImage loadLogo(const QString &path)
{
    if (path.isEmpty())
        return {};
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > 800 || image.height() > 400)
        image = image.scaled(800, 400, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QString fileText(const QString &resource)
{
    QFile f(resource);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

struct TableColumn
{
    QString title;
    int percent;
    bool number = false; // right-aligned, like its cells
};

// A table with its column titles in <thead>, so that they repeat on every page the table
// spans. captionHtml, when given, is a first header row above them (a finding's title), which
// keeps the title with its rows and repeats it on the pages the table continues on.
QString tableHead(const std::vector<TableColumn> &columns, const char *cls = "data",
                  const QString &captionHtml = {})
{
    QString s = QStringLiteral("<table class=\"%1\" width=\"100%\" cellspacing=\"0\" "
                               "cellpadding=\"4\"><thead>")
                    .arg(QLatin1String(cls));
    if (!captionHtml.isEmpty())
        s += QStringLiteral("<tr><td class=\"caption\" colspan=\"%1\">%2</td></tr>")
                 .arg(columns.size())
                 .arg(captionHtml);
    s += QStringLiteral("<tr>");
    for (const TableColumn &c : columns)
        s += QStringLiteral("<th width=\"%1%\" align=\"%2\" bgcolor=\"#1f3a5f\">"
                            "<font color=\"#ffffff\">%3</font></th>")
                 .arg(c.percent)
                 .arg(c.number ? QStringLiteral("right") : QStringLiteral("left"), esc(c.title));
    return s + QStringLiteral("</tr></thead><tbody>");
}

QString tableRow(const QStringList &cellsHtml, int row, const QList<int> &rightAligned = {})
{
    QString s = row % 2 ? QStringLiteral("<tr bgcolor=\"#eef2f6\">") : QStringLiteral("<tr>");
    for (int i = 0; i < cellsHtml.size(); ++i)
        s += QStringLiteral("<td%1>%2</td>")
                 .arg(rightAligned.contains(i) ? QStringLiteral(" align=\"right\"") : QString(),
                      cellsHtml.at(i));
    return s + QStringLiteral("</tr>");
}

const QString kTableEnd = QStringLiteral("</tbody></table>");

} // namespace

QString ReportDocument::stepOf(const QString &code)
{
    // The catalogue says; a code it does not know (none is stored) goes under the first step.
    const FindingKind *kind = findingKind(code);
    return QLatin1String(procedureStepKey(kind ? kind->step : procedureSteps().front()));
}

ReportDocument::ReportDocument(ReportData data) : m_data(std::move(data)), m_locale(reportLocale())
{
    const FleetSummary &s = m_data.summary;
    auto add = [this](ProcedureStep step, ReportChart chart) {
        m_charts.push_back(std::move(chart));
        m_chartSteps.push_back(QLatin1String(procedureStepKey(step)));
    };
    auto bar = [this](const QString &label, const Figure &v, ChartTone tone,
                      const QString &suffix = {}) {
        ChartBar b;
        b.label = label;
        b.segments.push_back({v.value_or(0), tone});
        b.valueText = v ? number(*v, *v == std::floor(*v) ? 0 : 2) + suffix : tr("not available");
        return b;
    };

    ReportChart health;
    health.title = tr("Endpoints failing the health check, per Threat Response domain");
    for (HealthDomain d : kHealthDomains)
        health.bars.push_back(bar(QLatin1String(healthDomainKey(d)),
                                  val(s.healthFailures.domain(d)), ChartTone::Bad));
    add(ProcedureStep::Health, health);

    if (!m_data.settingsBySubject.empty()) {
        ReportChart settings;
        settings.title = tr("Endpoints per non-default setting (the ten most common)");
        for (const auto &[name, n] : m_data.settingsBySubject)
            settings.bars.push_back(bar(name, double(n), ChartTone::Warning));
        add(ProcedureStep::Settings, settings);
    }

    if (s.tools.byTool && !s.tools.byTool->empty()) {
        ReportChart tools;
        tools.title = tr("Endpoints per tool: not installed, or at another version");
        tools.legend = {{ChartTone::Bad, tr("not installed")},
                        {ChartTone::Warning, tr("version differs")}};
        for (const ToolCounts &t : *s.tools.byTool) {
            ChartBar b;
            b.label = t.tool;
            const double missing = double(t.notInstalled);
            const double mismatch = double(t.versionMismatch);
            b.segments = {{missing, ChartTone::Bad}, {mismatch, ChartTone::Warning}};
            b.valueText = QStringLiteral("%1 / %2").arg(number(missing), number(mismatch));
            tools.bars.push_back(b);
        }
        add(ProcedureStep::Tools, tools);
    }

    if (!m_data.extensionsBySubject.empty()) {
        ReportChart ext;
        ext.title = tr("Endpoints with an unexpected client extension version, per domain");
        for (const auto &[name, n] : m_data.extensionsBySubject)
            ext.bars.push_back(bar(name, double(n), ChartTone::Warning));
        add(ProcedureStep::Extensions, ext);
    }

    const DriverCounts &driver = s.driver;
    ReportChart drv;
    drv.title = tr("Windows endpoints by Tanium Driver state");
    drv.bars = {bar(tr("running"), val(driver.running), ChartTone::Good),
                bar(tr("service not running"), val(driver.serviceNotRunning), ChartTone::Bad),
                bar(tr("service not installed"), val(driver.serviceNotInstalled), ChartTone::Bad),
                bar(tr("driver not installed"), val(driver.driverNotInstalled), ChartTone::Bad),
                bar(tr("unknown"), val(driver.unknown), ChartTone::Neutral),
                bar(tr("Recorder not using the driver"), val(s.recorder.windowsNotUsingDriver),
                    ChartTone::Warning)};
    add(ProcedureStep::Driver, drv);

    const BpfCounts &bpf = s.bpf;
    ReportChart bp;
    bp.title = tr("Linux endpoints by BPF support");
    bp.bars = {bar(tr("CO-RE supported"), val(bpf.core), ChartTone::Good),
               bar(tr("BCC only"), val(bpf.bccOnly), ChartTone::Warning),
               bar(tr("not supported"), val(bpf.unsupported), ChartTone::Bad),
               bar(tr("unknown"), val(bpf.unknown), ChartTone::Neutral)};
    add(ProcedureStep::Bpf, bp);

    const CoverageSummary &cov = s.coverage;
    ReportChart cv;
    cv.title = tr("Coverage waterfall: where each endpoint stops");
    cv.bars = {bar(tr("covered"), val(cov.covered), ChartTone::Good),
               bar(tr("unhealthy"), val(cov.unhealthy), ChartTone::Bad),
               bar(tr("no profile"), val(cov.noProfile), ChartTone::Bad),
               bar(tr("tools not deployed"), val(cov.notDeployed), ChartTone::Bad),
               bar(tr("no data"), val(cov.noData), ChartTone::Neutral)};
    add(ProcedureStep::Coverage, cv);

    const ProfileCounts &prof = s.profiles;
    ReportChart pr;
    pr.title = tr("Endpoints with a profile or intel problem");
    pr.bars = {
        bar(tr("no profile"), val(prof.noProfile), ChartTone::Bad),
        bar(tr("profile not in the list"), val(prof.unknownProfile), ChartTone::Warning),
        bar(tr("outdated revision"), val(prof.outdatedRevision), ChartTone::Warning),
        bar(tr("wrong profile for group"), val(prof.wrongProfileForGroup), ChartTone::Warning),
        bar(tr("intel outdated"), val(s.intel.outdated), ChartTone::Warning)};
    add(ProcedureStep::Profiles, pr);

    const DurationSummary &mtti = s.alerts.mtti;
    const DurationSummary &mttr = s.alerts.mttr;
    ReportChart al;
    al.title = tr("Alert response times in hours (MTTI n = %1, MTTR n = %2)")
                   .arg(number(double(mtti.n.value_or(0))), number(double(mttr.n.value_or(0))));
    const QString h = tr(" h", "hours");
    al.bars = {bar(tr("MTTI mean"), mtti.mean, ChartTone::Neutral, h),
               bar(tr("MTTI median"), mtti.median, ChartTone::Neutral, h),
               bar(tr("MTTI 90th percentile"), mtti.p90, ChartTone::Neutral, h),
               bar(tr("MTTR mean"), mttr.mean, ChartTone::Warning, h),
               bar(tr("MTTR median"), mttr.median, ChartTone::Warning, h),
               bar(tr("MTTR 90th percentile"), mttr.p90, ChartTone::Warning, h)};
    add(ProcedureStep::Alerts, al);
}

ReportDocument::~ReportDocument() = default;

QString ReportDocument::number(double value, int decimals) const
{
    return m_locale.toString(value, 'f', decimals);
}

QString ReportDocument::change(const Figure &now, const Figure &before, int decimals,
                               const QString &unit) const
{
    if (!m_data.previousSummary.valid || !now || !before)
        return QStringLiteral("—");
    const double d = *now - *before;
    const double rounded = std::round(d * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    if (rounded == 0)
        return tr("no change");
    const QString sign = rounded > 0 ? QStringLiteral("+") : QStringLiteral("−");
    return sign + number(std::abs(rounded), decimals) + unit;
}

QString ReportDocument::chartHtml(int index, Flavour flavour) const
{
    if (flavour == Flavour::Web)
        return QStringLiteral("<figure class=\"chart\">") + m_charts[size_t(index)].toSvg() +
               QStringLiteral("</figure>");
    return QStringLiteral("<p class=\"chart\"><img src=\"trhchart:%1\" /></p>").arg(index);
}

QString ReportDocument::cover(Flavour flavour) const
{
    QString s = QStringLiteral("<div class=\"cover\">");
    const QImage logo = loadLogo(m_data.options.logoPath);
    if (!logo.isNull()) {
        const int width = std::min(220, logo.width());
        if (flavour == Flavour::Web) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            logo.save(&buffer, "PNG");
            s += QStringLiteral("<p class=\"logo\"><img alt=\"\" width=\"%1\" "
                                "src=\"data:image/png;base64,%2\" /></p>")
                     .arg(width)
                     .arg(QString::fromLatin1(png.toBase64()));
        } else {
            s += QStringLiteral("<p class=\"logo\"><img width=\"%1\" src=\"trhlogo:\" /></p>")
                     .arg(width);
        }
    }
    const QString org = m_data.options.organisation.trimmed();
    s += QStringLiteral("<p class=\"org\">%1</p>").arg(esc(org));
    s += QStringLiteral("<h1 class=\"title\">%1</h1>")
             .arg(esc(tr("Threat Response maintenance report")));
    s += QStringLiteral("<p class=\"month\">%1</p>").arg(esc(monthTitle(m_locale, m_data.month)));
    if (!m_data.summary.complete) {
        // A lenient import skipped damaged rows: say so before any figure is read.
        s += QStringLiteral("<table class=\"incomplete\" width=\"100%\" cellspacing=\"0\" "
                            "cellpadding=\"8\" bgcolor=\"#fbe3e1\"><tbody><tr><td>"
                            "<b>%1</b> %2</td></tr></tbody></table>")
                 .arg(esc(tr("Incomplete snapshot.")),
                      esc(tr("It was imported with damaged CSV rows skipped, so every figure "
                             "in this report misses the endpoints of those rows.")));
    }
    s += QStringLiteral("<p class=\"spacer\">&nbsp;</p>");
    auto when = [this](const QString &iso) {
        const QDateTime t = parseTime(iso);
        return t.isValid() ? m_locale.toString(t, QStringLiteral("d MMMM yyyy, HH:mm 'UTC'")) : iso;
    };
    s += QStringLiteral("<table class=\"facts\" width=\"100%\" cellspacing=\"0\" "
                        "cellpadding=\"4\"><tbody>");
    int row = 0;
    auto fact = [&](const QString &k, const QString &vHtml) {
        s += tableRow({QStringLiteral("<b>%1</b>").arg(esc(k)), vHtml}, row++);
    };
    fact(tr("Snapshot"), esc(QStringLiteral("#%1  %2").arg(m_data.snapshotId).arg(m_data.label)));
    fact(tr("Taken at"), esc(when(m_data.takenAt)));
    fact(
        tr("Compared with"),
        m_data.previousId > 0
            ? esc(tr("snapshot #%1 of %2").arg(m_data.previousId).arg(when(m_data.previousTakenAt)))
            : esc(tr("no earlier snapshot")));
    // No endpoint list imported: the count is unknown, not zero.
    const Count endpoints = m_data.summary.endpoints.total;
    fact(tr("Endpoints"), esc(endpoints ? number(double(*endpoints)) : tr("not available")));
    fact(tr("Report produced"), esc(when(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))));
    fact(tr("Snapshot SHA-256"),
         QStringLiteral("<span class=\"hash\">%1</span>").arg(esc(m_data.snapshotHash)));
    s += kTableEnd;

    s += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Data sources")));
    s += tableHead(
        {{tr("File"), 38}, {tr("Format"), 20}, {tr("Size"), 10, true}, {tr("SHA-256"), 32}});
    row = 0;
    for (const ReportSource &src : m_data.sources)
        s += tableRow({esc(src.name), esc(src.format), esc(m_locale.formattedDataSize(src.size)),
                       QStringLiteral("<span class=\"hash\">%1</span>").arg(esc(src.sha256))},
                      row++, {2});
    s += kTableEnd;
    s += QStringLiteral("<p class=\"small\">%1</p>")
             .arg(esc(tr("The snapshot SHA-256 is the SHA-256 of the sorted SHA-256 values of "
                         "its source files, one per line: on the export files, "
                         "\"sha256sum FILES | cut -d' ' -f1 | sort | sha256sum\" prints it.")));
    s += QStringLiteral("</div>");
    return s;
}

QString ReportDocument::executiveSummary() const
{
    const FleetSummary &now = m_data.summary;
    const FleetSummary &before = m_data.previousSummary;
    QString s = QStringLiteral("<h2 class=\"section\">%1</h2>").arg(esc(tr("Executive summary")));

    const Figure coverage = now.coverage.percent;
    const DurationSummary &mtti = now.alerts.mtti;
    const DurationSummary &mttr = now.alerts.mttr;
    auto fig = [this](const Figure &v, int decimals, const QString &unit = {}) {
        return v ? number(*v, decimals) + unit : tr("n/a");
    };
    // Headline tiles.
    struct Tile
    {
        QString label, value, note;
    };
    const Tile tiles[] = {
        {tr("Threat Response coverage"), fig(coverage, 1, QStringLiteral("%")),
         tr("change: %1")
             .arg(change(coverage, before.coverage.percent, 1, tr(" pp", "percentage points")))},
        {tr("Health failures"), fig(val(now.healthFailures.any), 0),
         tr("endpoints · change: %1")
             .arg(change(val(now.healthFailures.any), val(before.healthFailures.any)))},
        {tr("Mean time to investigate"), fig(mtti.mean, 2, tr(" h", "hours")),
         tr("n = %1 alerts").arg(fig(val(mtti.n), 0))},
        {tr("Mean time to remediate"), fig(mttr.mean, 2, tr(" h", "hours")),
         tr("n = %1 alerts").arg(fig(val(mttr.n), 0))},
    };
    s += QStringLiteral("<table class=\"tiles\" width=\"100%\" cellspacing=\"6\" "
                        "cellpadding=\"8\"><tr>");
    for (const Tile &t : tiles)
        s += QStringLiteral("<td width=\"25%\" bgcolor=\"#eef2f6\"><p class=\"tile-label\">%1</p>"
                            "<p class=\"tile-value\">%2</p><p class=\"tile-note\">%3</p></td>")
                 .arg(esc(t.label), esc(t.value), esc(t.note));
    s += QStringLiteral("</tr></table>");

    // Key figures against the previous snapshot.
    s += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Key figures")));
    s += tableHead({{tr("Figure"), 52},
                    {tr("This month"), 16, true},
                    {tr("Previous"), 16, true},
                    {tr("Change"), 16, true}});
    int row = 0;
    auto line = [&](const QString &label, const Figure &a, const Figure &b, int decimals = 0,
                    const QString &unit = {}) {
        s += tableRow(
            {esc(label), esc(fig(a, decimals, unit)),
             esc(!before.valid ? QStringLiteral("—") : fig(b, decimals, unit)),
             esc(change(a, b, decimals,
                        unit == QLatin1String("%") ? tr(" pp", "percentage points") : unit))},
            row++, {1, 2, 3});
    };
    // Driver or its service missing or stopped: null when any of the three is.
    auto driverProblems = [](const DriverCounts &d) -> Figure {
        if (!d.driverNotInstalled || !d.serviceNotInstalled || !d.serviceNotRunning)
            return std::nullopt;
        return double(*d.driverNotInstalled) + double(*d.serviceNotInstalled) +
               double(*d.serviceNotRunning);
    };
    line(tr("Endpoints in the snapshot"), val(now.endpoints.total), val(before.endpoints.total));
    line(tr("Threat Response coverage"), coverage, before.coverage.percent, 1, QStringLiteral("%"));
    line(tr("Endpoints covered"), val(now.coverage.covered), val(before.coverage.covered));
    line(tr("Endpoints with a health failure"), val(now.healthFailures.any),
         val(before.healthFailures.any));
    line(tr("Windows: Tanium Driver or its service missing or stopped"), driverProblems(now.driver),
         driverProblems(before.driver));
    line(tr("Windows: Recorder not using the Tanium Driver"),
         val(now.recorder.windowsNotUsingDriver), val(before.recorder.windowsNotUsingDriver));
    line(tr("Linux: BPF not supported"), val(now.bpf.unsupported), val(before.bpf.unsupported));
    line(tr("Linux: BPF CO-RE supported"), val(now.bpf.core), val(before.bpf.core));
    line(tr("No Threat Response profile"), val(now.profiles.noProfile),
         val(before.profiles.noProfile));
    line(tr("Wrong profile for the computer group"), val(now.profiles.wrongProfileForGroup),
         val(before.profiles.wrongProfileForGroup));
    line(tr("Outdated profile revision"), val(now.profiles.outdatedRevision),
         val(before.profiles.outdatedRevision));
    line(tr("Tools not installed (endpoints)"), val(now.tools.notInstalledEndpoints),
         val(before.tools.notInstalledEndpoints));
    line(tr("Tool version differs (endpoints)"), val(now.tools.versionMismatchEndpoints),
         val(before.tools.versionMismatchEndpoints));
    const DurationSummary &bMtti = before.alerts.mtti;
    const DurationSummary &bMttr = before.alerts.mttr;
    line(tr("Mean time to investigate, hours (n = %1)").arg(fig(val(mtti.n), 0)), mtti.mean,
         bMtti.mean, 2);
    line(tr("Mean time to remediate, hours (n = %1)").arg(fig(val(mttr.n), 0)), mttr.mean,
         bMttr.mean, 2);
    line(tr("Alerts unresolved for 7 days or more"), val(now.alerts.staleUnresolved),
         val(before.alerts.staleUnresolved));
    s += kTableEnd;

    // Every finding, worst first.
    std::vector<const ReportFinding *> sorted;
    for (const ReportFinding &f : m_data.findings)
        sorted.push_back(&f);
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto *a, const auto *b) {
        const int sa = int(severityOf(a->code)), sb = int(severityOf(b->code));
        return sa != sb ? sa > sb : a->endpoints > b->endpoints;
    });
    s += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Open findings")));
    s += tableHead({{tr("Finding"), 52},
                    {tr("Severity"), 12},
                    {tr("Endpoints"), 12, true},
                    {tr("Previous"), 12, true},
                    {tr("Change"), 12, true}});
    row = 0;
    for (const ReportFinding *f : sorted) {
        const Figure prev = f->previous ? Figure(double(*f->previous)) : std::nullopt;
        s += tableRow({esc(findingTitle(f->code)) +
                           QStringLiteral("<br/><span class=\"code\">%1</span>").arg(esc(f->code)),
                       esc(severityText(severityOf(f->code))), esc(number(double(f->endpoints))),
                       esc(f->previous ? number(double(*f->previous)) : QStringLiteral("—")),
                       esc(change(double(f->endpoints), prev))},
                      row++, {2, 3, 4});
    }
    if (sorted.empty())
        s +=
            tableRow({esc(tr("No open findings.")), QString(), QString(), QString(), QString()}, 0);
    s += kTableEnd;
    return s;
}

QString ReportDocument::findingBlock(const ReportFinding &f) const
{
    QString meta = tr("%1 · severity %2 · %3 endpoint(s)", nullptr, int(f.endpoints))
                       .arg(f.code, severityText(severityOf(f.code)), number(double(f.endpoints)));
    if (f.previous)
        meta +=
            tr(" · previous snapshot %1 (%2)")
                .arg(number(double(*f.previous)), change(double(f.endpoints), double(*f.previous)));
    const QString caption = QStringLiteral("<p class=\"ftitle\">%1</p><p class=\"meta\">%2</p>")
                                .arg(esc(findingTitle(f.code)), esc(meta));
    const qint64 more = f.rows - qint64(f.top.size());
    const QString moreLine =
        more > 0
            ? QStringLiteral("<p class=\"more\">%1</p>")
                  .arg(esc(
                      tr("and %1 more — see appendix %2.csv").arg(number(double(more)), f.code)))
            : QString();
    if (f.top.empty()) // --top 0: the title and the pointer to the appendix
        return QStringLiteral("<div class=\"finding\">%1</div>").arg(caption) + moreLine;
    QString s = QStringLiteral("<p class=\"gap\">&nbsp;</p>");
    s += tableHead(
        {{tr("Endpoint"), 27}, {tr("Subject"), 17}, {tr("Detail"), 46}, {tr("Exception"), 10}},
        "data", caption);
    int row = 0;
    for (const ReportFindingRow &r : f.top) {
        const QString endpoint =
            r.endpoint.isEmpty()
                ? tr("(%1 endpoints, aggregate export)").arg(number(double(r.weight)))
                : r.endpoint;
        s += tableRow({esc(endpoint), esc(r.subject), esc(r.detail),
                       r.accepted ? esc(tr("accepted")) : QString()},
                      row++);
    }
    s += kTableEnd + moreLine;
    return s;
}

QString ReportDocument::procedureStep(const ChecklistStep &step, int number_, Flavour flavour) const
{
    QString s =
        QStringLiteral("<h2 class=\"section\">%1. %2</h2>").arg(number_).arg(esc(step.title));
    s += QStringLiteral("<p>%1</p>").arg(esc(step.what));
    const ChecklistStatus status = Checklist::status(step.id, m_data.summary);
    QString signedOff = tr("not signed off");
    for (const ChecklistEntry &e : m_data.checklist) {
        if (e.step == step.id && e.isSignedOff())
            signedOff = tr("signed off by %1 on %2")
                            .arg(e.signedBy, e.signedAt.date().toString(Qt::ISODate));
    }
    s += QStringLiteral("<table class=\"status\" width=\"100%\" cellspacing=\"0\" "
                        "cellpadding=\"6\"><tr><td bgcolor=\"%1\"><b>%2</b> %3<br/>%4</td></tr>"
                        "</table>")
             .arg(status.attention ? QStringLiteral("#fbeee0") : QStringLiteral("#e6f2ea"),
                  esc(status.attention ? tr("Needs attention:") : tr("In order:")),
                  esc(status.text), esc(tr("Checklist: %1").arg(signedOff)));
    for (size_t i = 0; i < m_charts.size(); ++i) {
        if (m_chartSteps[i] == step.id)
            s += chartHtml(int(i), flavour);
    }
    bool any = false;
    for (const ReportFinding &f : m_data.findings) {
        if (stepOf(f.code) == step.id) {
            s += findingBlock(f);
            any = true;
        }
    }
    if (!any)
        s += QStringLiteral("<p class=\"meta\">%1</p>")
                 .arg(esc(tr("No findings for this step in this snapshot.")));
    return s;
}

QString ReportDocument::guidanceSection() const
{
    QString s =
        QStringLiteral("<h2 class=\"section\">%1</h2>").arg(esc(tr("Remediation guidance")));
    s += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("For every open finding: what to do, where to act in Tanium, and how "
                         "to check next month that it worked.")));
    const QString language = QLocale().name();
    for (const ReportFinding &f : m_data.findings) {
        const auto entry = Guidance::entry(f.code, language);
        s += QStringLiteral("<h3>%1</h3>").arg(esc(findingTitle(f.code)));
        s += QStringLiteral("<p class=\"meta\">%1</p>")
                 .arg(esc(tr("%1 · severity %2 · %3 endpoint(s)", nullptr, int(f.endpoints))
                              .arg(f.code, severityText(severityOf(f.code)),
                                   number(double(f.endpoints)))));
        if (!entry)
            continue;
        if (!entry->summary.isEmpty())
            s += QStringLiteral("<p><i>%1</i></p>").arg(esc(entry->summary));
        // Only the sections that say what to do; the full entry is in the console.
        QString markdown;
        for (const char *section :
             {QT_TRANSLATE_NOOP("trh::ReportDocument", "Corrective action"),
              QT_TRANSLATE_NOOP("trh::ReportDocument", "Where to act in Tanium"),
              QT_TRANSLATE_NOOP("trh::ReportDocument", "How to verify next month")}) {
            const QString body = entry->sections.value(QLatin1String(section));
            if (!body.isEmpty())
                markdown += QStringLiteral("#### %1\n\n%2\n\n").arg(tr(section), body);
        }
        // Guidance::toHtml escapes every piece of text.
        s += QStringLiteral("<div class=\"guidance\">%1</div>")
                 .arg(Guidance::toHtml(Guidance::parse(f.code, markdown)));
    }
    return s;
}

QString ReportDocument::exceptionsSection() const
{
    QString s = QStringLiteral("<h2 class=\"section\">%1</h2>")
                    .arg(esc(tr("Exceptions in force and notes")));
    s += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("Accepted-risk exceptions valid on the snapshot's date. An accepted "
                         "finding is still counted in the figures above.")));
    auto noteTable = [&](const std::vector<Note> &notes, bool exceptions) {
        if (notes.empty()) {
            s += QStringLiteral("<p class=\"meta\">%1</p>")
                     .arg(esc(exceptions ? tr("No exceptions in force.")
                                         : tr("No notes on this snapshot's findings.")));
            return;
        }
        std::vector<TableColumn> cols = {{tr("Endpoint"), 18}, {tr("Finding"), 20}};
        if (exceptions)
            cols.push_back({tr("Accepted until"), 12});
        cols.insert(cols.end(),
                    {{tr("Ticket"), 10}, {tr("Author"), 10}, {tr("Note"), exceptions ? 30 : 42}});
        s += tableHead(cols);
        int row = 0;
        const size_t limit = size_t(std::max(m_data.options.topN, 1)) * 4;
        for (const Note &n : notes) {
            if (size_t(row) >= limit)
                break;
            QStringList cells = {
                esc(n.endpointName),
                esc(findingTitle(n.code)) +
                    QStringLiteral("<br/><span class=\"code\">%1</span>").arg(esc(n.code))};
            if (exceptions)
                cells << esc(n.acceptedUntil->toString(Qt::ISODate));
            cells << esc(n.ticket) << esc(n.author) << esc(n.text);
            s += tableRow(cells, row++);
        }
        s += kTableEnd;
        if (notes.size() > limit)
            s += QStringLiteral("<p class=\"more\">%1</p>")
                     .arg(esc(tr("and %1 more — see the workspace")
                                  .arg(number(double(notes.size() - limit)))));
    };
    noteTable(m_data.exceptions, true);
    s += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Notes")));
    noteTable(m_data.notes, false);
    return s;
}

QString ReportDocument::checklistSection() const
{
    QString s =
        QStringLiteral("<h2 class=\"section\">%1</h2>")
            .arg(esc(tr("Checklist sign-offs for %1").arg(monthTitle(m_locale, m_data.month))));
    s += tableHead({{tr("Step"), 26},
                    {tr("Status from the data"), 34},
                    {tr("Signed off by"), 14},
                    {tr("On"), 10},
                    {tr("Notes"), 16}});
    int row = 0;
    int number_ = 1;
    for (const ChecklistStep &step : Checklist::steps()) {
        const ChecklistStatus status = Checklist::status(step.id, m_data.summary);
        ChecklistEntry entry;
        for (const ChecklistEntry &e : m_data.checklist) {
            if (e.step == step.id)
                entry = e;
        }
        s += tableRow(
            {esc(QStringLiteral("%1. %2").arg(number_++).arg(step.title)), esc(status.text),
             esc(entry.isSignedOff() ? entry.signedBy : tr("not signed off")),
             esc(entry.isSignedOff() ? entry.signedAt.date().toString(Qt::ISODate) : QString()),
             esc(entry.notes)},
            row++);
    }
    s += kTableEnd;
    return s;
}

QString ReportDocument::aboutSection() const
{
    QString s = QStringLiteral("<h3>%1</h3>").arg(esc(tr("About this report")));
    s += QStringLiteral("<p class=\"small\">%1</p>")
             .arg(esc(tr("Every figure is a count of the findings trhealth's health rules found "
                         "in the snapshot; the same figures are printed by \"trhealth-cli "
                         "summary --json\". A figure the snapshot's data cannot give is shown "
                         "as n/a, never as 0. Tables list the first %1 rows of each finding by "
                         "endpoint name; the evidence appendix (trhealth-cli report "
                         "--appendix DIR) has every row, one CSV file per finding code, with a "
                         "manifest of SHA-256 values.")
                          .arg(m_data.options.topN)));
    return s;
}

QString ReportDocument::body(Flavour flavour) const
{
    QString s = cover(flavour);
    s += QStringLiteral("<div class=\"page\">") + executiveSummary() + QStringLiteral("</div>");
    int n = 1;
    for (const ChecklistStep &step : Checklist::steps())
        s += QStringLiteral("<div class=\"page\">") + procedureStep(step, n++, flavour) +
             QStringLiteral("</div>");
    s += QStringLiteral("<div class=\"page\">") + guidanceSection() + QStringLiteral("</div>");
    s += QStringLiteral("<div class=\"page\">") + exceptionsSection() + QStringLiteral("</div>");
    s += QStringLiteral("<div class=\"page\">") + checklistSection() + aboutSection() +
         QStringLiteral("</div>");
    return s;
}

int ReportDocument::paint(QPagedPaintDevice &device) const
{
    QPainter painter;
    if (!painter.begin(&device))
        return 0;
    const double dpi = device.logicalDpiY();
    auto mm = [dpi](double v) { return v / 25.4 * dpi; };
    const QRectF area(0, 0, device.width(), device.height());
    const double headerH = mm(12), footerH = mm(12);
    const QRectF page(area.left(), area.top() + headerH, area.width(),
                      area.height() - headerH - footerH);

    // The content and the chart objects go in before the document has a layout: a layout
    // that exists while the charts replace their placeholders is updated piecewise, and Qt
    // 6.4 then loses the blocks after some page breaks.
    QTextDocument doc;
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Segoe UI"),
                      QStringLiteral("Helvetica"), QStringLiteral("Arial")});
    font.setPointSizeF(8.5);
    // No ligatures: text copied or searched in the PDF reads "fi", not one "ﬁ" glyph.
    font.setStyleStrategy(QFont::PreferNoShaping);
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(fileText(QStringLiteral(":/report/report-paged.css")));
    const QImage logo = loadLogo(m_data.options.logoPath);
    if (!logo.isNull())
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("trhlogo:")), logo);
    doc.setHtml(body(Flavour::Paged));
    insertCharts(doc);
    ChartObject charts(m_charts);
    doc.documentLayout()->registerHandler(kChartObject, &charts);
    doc.documentLayout()->setPaintDevice(&device);
    doc.setPageSize(page.size());
    const int pages = doc.pageCount();

    QFont small = font;
    small.setPointSizeF(7);
    QFont mono = small;
    mono.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Consolas"),
                      QStringLiteral("Courier New")});
    mono.setPointSizeF(6.5);
    const QColor ink(0x1f, 0x2a, 0x37), rule(0x9a, 0xa5, 0xb1);
    const QString org = m_data.options.organisation.trimmed();
    const QString headerLeft = (org.isEmpty() ? QString() : org + QStringLiteral(" · ")) +
                               tr("Threat Response maintenance report") + QStringLiteral(" · ") +
                               monthTitle(m_locale, m_data.month);
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !device.newPage())
            return 0;
        painter.save();
        painter.translate(page.left(), page.top() - double(p) * page.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = QRectF(0, double(p) * page.height(), page.width(), page.height());
        ctx.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(ctx.clip);
        doc.documentLayout()->draw(&painter, ctx);
        painter.restore();

        if (p == 0) // the cover's accent band
            painter.fillRect(QRectF(area.left(), area.top(), area.width(), mm(3)),
                             QColor(0x1f, 0x3a, 0x5f));
        painter.setPen(QPen(rule, mm(0.2)));
        if (p > 0) {
            painter.setFont(small);
            painter.setPen(ink);
            const QRectF h(area.left(), area.top(), area.width(), headerH - mm(4));
            painter.drawText(h, Qt::AlignLeft | Qt::AlignBottom, headerLeft);
            painter.drawText(h, Qt::AlignRight | Qt::AlignBottom,
                             tr("Snapshot #%1").arg(m_data.snapshotId));
            painter.setPen(QPen(rule, mm(0.2)));
            painter.drawLine(QPointF(area.left(), h.bottom() + mm(1.5)),
                             QPointF(area.right(), h.bottom() + mm(1.5)));
        }
        const QRectF f(area.left(), area.bottom() - footerH + mm(4), area.width(), footerH - mm(4));
        painter.setPen(QPen(rule, mm(0.2)));
        painter.drawLine(QPointF(area.left(), f.top() - mm(1.5)),
                         QPointF(area.right(), f.top() - mm(1.5)));
        painter.setPen(ink);
        painter.setFont(mono);
        painter.drawText(f, Qt::AlignLeft | Qt::AlignTop,
                         tr("Snapshot SHA-256 %1").arg(m_data.snapshotHash));
        painter.setFont(small);
        painter.drawText(f, Qt::AlignRight | Qt::AlignTop,
                         tr("Page %1 of %2").arg(p + 1).arg(pages));
    }
    painter.end();
    return pages;
}

bool ReportDocument::writePdf(const QString &path, const QPageSize &pageSize, QString *error,
                              int *pages) const
{
    if (!OutputFile::check(path, error))
        return false;
    AtomicFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = OutputFile::whyNotWritten(path, file);
        return false;
    }
    int count = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF(16, 12, 16, 10),
                                         QPageLayout::Millimeter));
        writer.setTitle(tr("Threat Response maintenance report %1").arg(m_data.month));
        writer.setCreator(QStringLiteral("trhealth"));
        count = paint(writer);
    }
    if (count == 0) {
        file.cancel();
        *error = QStringLiteral("%1: the PDF could not be painted").arg(path);
        return false;
    }
    if (!file.commit()) {
        *error = OutputFile::whyNotWritten(path, file);
        return false;
    }
    if (pages)
        *pages = count;
    return true;
}

QString ReportDocument::html() const
{
    const QString org = m_data.options.organisation.trimmed();
    QString s = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                               "<meta name=\"viewport\" content=\"width=device-width\">"
                               "<title>%2</title><style>\n%3</style></head><body>\n")
                    .arg(esc(m_locale.bcp47Name()),
                         esc(tr("Threat Response maintenance report %1").arg(m_data.month)),
                         fileText(QStringLiteral(":/report/report.css")));
    s += QStringLiteral("<header class=\"running\"><span>%1</span><span>%2</span></header>\n")
             .arg(esc((org.isEmpty() ? QString() : org + QStringLiteral(" · ")) +
                      tr("Threat Response maintenance report") + QStringLiteral(" · ") +
                      monthTitle(m_locale, m_data.month)),
                  esc(tr("Snapshot #%1").arg(m_data.snapshotId)));
    s += QStringLiteral("<main>\n") + body(Flavour::Web) + QStringLiteral("\n</main>\n");
    s += QStringLiteral("<footer class=\"running\">%1</footer>\n</body></html>\n")
             .arg(esc(tr("Snapshot SHA-256 %1").arg(m_data.snapshotHash)));
    return s;
}

bool ReportDocument::writeHtml(const QString &path, QString *error) const
{
    if (!OutputFile::check(path, error))
        return false;
    AtomicFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = OutputFile::whyNotWritten(path, file);
        return false;
    }
    file.write(html().toUtf8());
    if (!file.commit()) {
        *error = OutputFile::whyNotWritten(path, file);
        return false;
    }
    return true;
}

} // namespace trh

#include "ReportDocument.moc"
