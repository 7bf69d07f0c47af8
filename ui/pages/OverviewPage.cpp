#include "OverviewPage.h"
#include "Theme.h"
#include "widgets/ScrollingPage.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

namespace trh {
namespace {

QString number(const Figure &v, int decimals = 0)
{
    if (!v)
        return QStringLiteral("—");
    return QLocale().toString(*v, 'f', decimals);
}

QString number(const Count &v)
{
    return number(v ? Figure(double(*v)) : std::nullopt);
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("overviewPage"));
    m_layout = makeScrollingPage(this);
    m_content = m_layout->parentWidget();
}

QWidget *OverviewPage::link(const Count &value, const QString &codePattern, const QString &title,
                            const QString &suffix)
{
    auto *button = new QPushButton(number(value) + suffix);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setObjectName(QStringLiteral("link:") + codePattern);
    button->setAccessibleName(tr("%1: %2 — show the endpoints").arg(title, number(value)));
    button->setToolTip(!value ? tr("Not computable from this snapshot's data — see the explanation")
                              : tr("Show these endpoints and how to fix them"));
    QFont f = button->font();
    f.setBold(true);
    button->setFont(f);
    button->setStyleSheet(
        QStringLiteral("QPushButton { text-align: right; color: palette(link); "
                       "padding: 2px 6px; } QPushButton:hover { text-decoration: underline; } "
                       "QPushButton:disabled { color: palette(text); }"));
    button->setEnabled(value && *value > 0 && !codePattern.isEmpty());
    connect(button, &QPushButton::clicked, this,
            [this, codePattern, title] { emit drillDown(codePattern, title); });
    return button;
}

QLabel *OverviewPage::freshnessLabel(const QString &key) const
{
    // Every panel says how old its figures are; a month-old snapshot is flagged.
    const QDateTime taken = QDateTime::fromString(m_data.summary.snapshot.takenAt, Qt::ISODate);
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("freshness:") + key);
    label->setIndent(label->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    if (!taken.isValid())
        return label;
    const qint64 days = taken.daysTo(QDateTime::currentDateTimeUtc());
    QString text =
        tr("as of %1").arg(QLocale().toString(taken.toLocalTime().date(), QLocale::ShortFormat));
    if (days >= 35) {
        text += QStringLiteral(" — ") +
                tr("%n day(s) old", nullptr, int(std::min<qint64>(days, 99999)));
        label->setStyleSheet(toneStyleSheet(palette(), Tone::Warning));
    } else {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        label->setPalette(p);
    }
    label->setText(text);
    label->setToolTip(
        tr("Snapshot taken %1").arg(QLocale().toString(taken.toLocalTime(), QLocale::LongFormat)));
    return label;
}

QWidget *OverviewPage::panel(const QString &title, const QString &explainKey,
                             const QList<QPair<QString, QWidget *>> &rows)
{
    auto *box = new QGroupBox(title);
    box->setObjectName(QStringLiteral("panel:") + explainKey);
    auto *grid = new QGridLayout(box);
    int r = 0;
    for (const auto &[label, widget] : rows) {
        auto *l = new QLabel(label);
        l->setBuddy(widget);
        grid->addWidget(l, r, 0);
        grid->addWidget(widget, r, 1, Qt::AlignRight);
        ++r;
    }
    auto *why = new QToolButton(box);
    why->setText(tr("How is this computed?"));
    why->setAutoRaise(true);
    why->setObjectName(QStringLiteral("explain:") + explainKey);
    connect(why, &QToolButton::clicked, this,
            [this, explainKey, title] { explain(explainKey, title); });
    grid->addWidget(why, r, 0, 1, 2, Qt::AlignLeft);
    grid->addWidget(freshnessLabel(explainKey), r + 1, 0, 1, 2, Qt::AlignLeft);
    grid->setRowStretch(r + 2, 1);
    return box;
}

void OverviewPage::explain(const QString &key, const QString &title)
{
    const QJsonObject e = m_data.explain.value(key).toObject();
    QString html = QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                       .arg(title.toHtmlEscaped(),
                            e.value(QStringLiteral("formula")).toString().toHtmlEscaped());
    QStringList inputs;
    for (const QJsonValue &i : e.value(QStringLiteral("inputs")).toArray())
        inputs << i.toString().toHtmlEscaped();
    html += tr("<p>Inputs: %1<br>Sample size: %2</p>")
                .arg(inputs.join(QStringLiteral(", ")))
                .arg(e.value(QStringLiteral("n")).toInteger());
    const QJsonArray excluded = e.value(QStringLiteral("excluded")).toArray();
    if (!excluded.isEmpty()) {
        html += tr("<p>Excluded:</p><ul>");
        for (const QJsonValue &x : excluded)
            html +=
                QStringLiteral("<li>%1: %2</li>")
                    .arg(x.toObject().value(QStringLiteral("count")).toInteger())
                    .arg(x.toObject().value(QStringLiteral("reason")).toString().toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (e.contains(QStringLiteral("null_reason")))
        html += tr("<p>Not computable: %1</p>")
                    .arg(e.value(QStringLiteral("null_reason")).toString().toHtmlEscaped());
    QMessageBox box(QMessageBox::Information, tr("How %1 is computed").arg(title), html,
                    QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

QWidget *OverviewPage::waterfall(const CoverageSummary &coverage)
{
    // A waterfall: all endpoints, minus each reason for not being covered, down to covered.
    const Count stages[] = {coverage.noData, coverage.notDeployed, coverage.noProfile,
                            coverage.unhealthy};
    const QStringList titles = {tr("Endpoints"),  tr("No data"),   tr("Not deployed"),
                                tr("No profile"), tr("Unhealthy"), tr("Covered")};
    qint64 remaining = 0;
    for (const Count &s : stages)
        remaining += s.value_or(0);
    remaining += coverage.covered.value_or(0);
    const qint64 total = remaining;
    auto *base = new QBarSet(QString());
    auto *value = new QBarSet(tr("Endpoints"));
    base->setColor(Qt::transparent);
    base->setBorderColor(Qt::transparent);
    *base << 0;
    *value << total;
    for (const Count &s : stages) {
        const qint64 n = s.value_or(0);
        remaining -= n;
        *base << remaining;
        *value << n;
    }
    *base << 0;
    *value << coverage.covered.value_or(0);
    value->setColor(palette().color(QPalette::Highlight));
    auto *series = new QStackedBarSeries;
    series->append(base);
    series->append(value);
    series->setBarWidth(0.6);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(0, 0, 0, 0));
    auto *x = new QBarCategoryAxis;
    x->append(titles);
    x->setLabelsColor(palette().color(QPalette::WindowText));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, double(std::max<qint64>(total, 1)));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setLabelsColor(palette().color(QPalette::WindowText));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    const QStringList codes = {QString(),
                               QStringLiteral("coverage.no_data"),
                               QStringLiteral("coverage.not_deployed"),
                               QStringLiteral("profile.none"),
                               QStringLiteral("health.%"),
                               QString()};
    connect(series, &QStackedBarSeries::clicked, this, [this, codes, titles](int index, QBarSet *) {
        if (index >= 0 && index < codes.size() && !codes[index].isEmpty())
            emit drillDown(codes[index], titles[index]);
    });
    auto *view = new QChartView(chart);
    view->setObjectName(QStringLiteral("coverageWaterfall"));
    view->setAccessibleName(tr("Coverage waterfall"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    view->setStyleSheet(QStringLiteral("background: transparent"));
    return view;
}

void OverviewPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The chart takes its colours from the palette when it is built: rebuild it, after the
    // event has reached the children that are about to be replaced.
    if (event->type() == QEvent::PaletteChange && m_data.summary.valid) {
        QTimer::singleShot(0, this, [this] {
            const OverviewData current = m_data;
            setData(current);
        });
    }
}

void OverviewPage::setData(const OverviewData &overview)
{
    m_data = overview;
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const FleetSummary &s = overview.summary;
    const CoverageSummary &coverage = s.coverage;

    // A lenient import skipped damaged rows: every figure below is short by those endpoints.
    if (s.valid && !s.complete) {
        auto *banner = new QLabel(
            tr("<b>Incomplete snapshot.</b> It was imported with damaged CSV rows skipped, so "
               "the figures below miss the endpoints of those rows. Export the answers again "
               "and import them without skipping to see the whole month."));
        banner->setObjectName(QStringLiteral("incompleteBanner"));
        banner->setAccessibleName(tr("Incomplete snapshot"));
        banner->setWordWrap(true);
        banner->setStyleSheet(bannerStyleSheet(palette(), Tone::Bad));
        m_layout->addWidget(banner);
    }

    // Coverage headline with its change since the previous snapshot.
    auto *top = new QHBoxLayout;
    auto *tile = new QGroupBox(tr("Threat Response coverage"));
    tile->setObjectName(QStringLiteral("coverageTile"));
    auto *tileLayout = new QVBoxLayout(tile);
    auto *percent = new QLabel(!coverage.percent ? QStringLiteral("—")
                                                 : QLocale().toString(*coverage.percent, 'f', 1) +
                                                       QStringLiteral(" %"));
    percent->setObjectName(QStringLiteral("coveragePercent"));
    QFont big = percent->font();
    big.setPointSizeF(big.pointSizeF() * 2.6);
    big.setBold(true);
    percent->setFont(big);
    tileLayout->addWidget(percent);
    QString change = tr("no earlier snapshot to compare with");
    const Figure before = overview.previousSummary.coverage.percent;
    if (before && coverage.percent) {
        const double delta = *coverage.percent - *before;
        const QString when =
            QDateTime::fromString(overview.previousSummary.snapshot.takenAt, Qt::ISODate)
                .toLocalTime()
                .date()
                .toString(QLocale().dateFormat(QLocale::ShortFormat));
        change = tr("%1%2 points since %3")
                     .arg(delta >= 0 ? QStringLiteral("+") : QString())
                     .arg(QLocale().toString(delta, 'f', 1))
                     .arg(when);
    }
    auto *changeLabel = new QLabel(change);
    changeLabel->setObjectName(QStringLiteral("coverageChange"));
    tileLayout->addWidget(changeLabel);
    // A platform missing from the document shows as unknown, like a null one.
    auto platform = [&s](const char *name) -> Count {
        for (const auto &[key, n] : s.endpoints.byPlatform) {
            if (key == QLatin1String(name))
                return n;
        }
        return std::nullopt;
    };
    tileLayout->addWidget(
        new QLabel(tr("%1 endpoints: %2 Windows, %3 Linux, %4 Mac")
                       .arg(number(s.endpoints.total), number(platform("Windows")),
                            number(platform("Linux")), number(platform("Mac")))));
    auto *fresh =
        new QLabel(tr("Snapshot taken %1")
                       .arg(QLocale().toString(
                           QDateTime::fromString(s.snapshot.takenAt, Qt::ISODate).toLocalTime(),
                           QLocale::ShortFormat)));
    fresh->setObjectName(QStringLiteral("snapshotFreshness"));
    tileLayout->addWidget(fresh);
    tileLayout->addStretch();
    top->addWidget(tile, 1);
    auto *chartBox = new QGroupBox(tr("Coverage waterfall — click a bar for its endpoints"));
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->addWidget(waterfall(coverage));
    top->addWidget(chartBox, 2);
    auto *topWidget = new QWidget;
    topWidget->setLayout(top);
    m_layout->addWidget(topWidget);

    auto *grid = new QGridLayout;
    const HealthFailures &health = s.healthFailures;
    QList<QPair<QString, QWidget *>> healthRows;
    auto domainLabel = [](HealthDomain d) {
        switch (d) {
        case HealthDomain::Dec:
            return tr("dec (Direct Connect)");
        case HealthDomain::Index:
            return tr("index");
        case HealthDomain::Recorder:
            return tr("recorder");
        case HealthDomain::Stream:
            return tr("stream");
        case HealthDomain::ThreatResponse:
            return tr("threatresponse");
        }
        return QString();
    };
    for (HealthDomain d : kHealthDomains) {
        const QString label = domainLabel(d);
        healthRows.append(
            {label,
             link(health.domain(d), QStringLiteral("health.") + QLatin1String(healthDomainKey(d)),
                  tr("Health failures: %1").arg(label))});
    }
    healthRows.append({tr("Endpoints with any failure"),
                       link(health.any, QStringLiteral("health.%"), tr("Health failures"))});
    grid->addWidget(
        panel(tr("Client health failures"), QStringLiteral("health_failures"), healthRows), 0, 0);

    const DriverCounts &driver = s.driver;
    grid->addWidget(
        panel(tr("Windows Tanium Driver"), QStringLiteral("driver"),
              {{tr("Running"), link(driver.running, QString(), tr("Running"))},
               {tr("Driver not installed"),
                link(driver.driverNotInstalled, QStringLiteral("driver.driver_not_installed"),
                     tr("Driver not installed"))},
               {tr("Service not installed"),
                link(driver.serviceNotInstalled, QStringLiteral("driver.service_not_installed"),
                     tr("Service not installed"))},
               {tr("Service not running"),
                link(driver.serviceNotRunning, QStringLiteral("driver.service_not_running"),
                     tr("Service not running"))},
               {tr("Unknown"), link(driver.unknown, QStringLiteral("driver.unknown"),
                                    tr("Driver state unknown"))}}),
        0, 1);
    const BpfCounts &bpf = s.bpf;
    grid->addWidget(
        panel(
            tr("Linux BPF support"), QStringLiteral("bpf"),
            {{tr("CO-RE"), link(bpf.core, QString(), tr("CO-RE"))},
             {tr("BCC only"), link(bpf.bccOnly, QStringLiteral("bpf.bcc_only"), tr("BCC only"))},
             {tr("Unsupported"),
              link(bpf.unsupported, QStringLiteral("bpf.unsupported"), tr("BPF unsupported"))},
             {tr("Unknown"), link(bpf.unknown, QStringLiteral("bpf.unknown"), tr("BPF unknown"))}}),
        0, 2);
    const ToolsSummary &tools = s.tools;
    const RecorderCounts &recorder = s.recorder;
    const qint64 outliers = s.findingEndpoints(QStringLiteral("extensions.version_outlier"));
    grid->addWidget(
        panel(tr("Tools, extensions and recorder"), QStringLiteral("tools"),
              {{tr("Tool not installed"),
                link(tools.notInstalledEndpoints, QStringLiteral("tools.not_installed"),
                     tr("Tool not installed"))},
               {tr("Tool version mismatch"),
                link(tools.versionMismatchEndpoints, QStringLiteral("tools.version_mismatch"),
                     tr("Tool version mismatch"))},
               {tr("Extension version outliers"),
                link(outliers, QStringLiteral("extensions.version_outlier"),
                     tr("Extension version outliers"))},
               {tr("Recorder minimum requirements not met"),
                link(recorder.minRequirementsNotMet,
                     QStringLiteral("recorder.min_requirements_not_met"),
                     tr("Recorder minimum requirements not met"))},
               {tr("Recorder not using the driver (Windows)"),
                link(recorder.windowsNotUsingDriver, QStringLiteral("recorder.not_using_driver"),
                     tr("Recorder not using the driver"))}}),
        1, 0);
    const ProfileCounts &profiles = s.profiles;
    const IntelSummary &intel = s.intel;
    grid->addWidget(
        panel(tr("Profiles and intel"), QStringLiteral("profiles"),
              {{tr("No profile"),
                link(profiles.noProfile, QStringLiteral("profile.none"), tr("No profile"))},
               {tr("Unknown profile"),
                link(profiles.unknownProfile, QStringLiteral("profile.unknown"),
                     tr("Unknown profile"))},
               {tr("Outdated revision"),
                link(profiles.outdatedRevision, QStringLiteral("profile.outdated_revision"),
                     tr("Outdated profile revision"))},
               {tr("Wrong profile for group"),
                link(profiles.wrongProfileForGroup, QStringLiteral("profile.wrong_for_group"),
                     tr("Wrong profile for group"))},
               {tr("Outdated intel (current %1)")
                    .arg(!intel.currentRevision ? QStringLiteral("—")
                                                : QString::number(*intel.currentRevision)),
                link(intel.outdated, QStringLiteral("intel.outdated"), tr("Outdated intel"))}}),
        1, 1);
    const AlertsSummary &alerts = s.alerts;
    auto stats = [](const DurationSummary &o) {
        if (!o.n || *o.n == 0)
            return tr("— (n = %1)").arg(number(o.n));
        return tr("median %1 h, p90 %3 h\nmean %2 h, n = %4")
            .arg(number(o.median, 1), number(o.mean, 1), number(o.p90, 1), number(o.n));
    };
    auto *mtti = new QLabel(stats(alerts.mtti));
    mtti->setAlignment(Qt::AlignRight);
    mtti->setObjectName(QStringLiteral("mtti"));
    auto *mttr = new QLabel(stats(alerts.mttr));
    mttr->setAlignment(Qt::AlignRight);
    mttr->setObjectName(QStringLiteral("mttr"));
    grid->addWidget(
        panel(tr("Alerts created in %1").arg(alerts.month), QStringLiteral("alerts"),
              {{tr("Alerts"), new QLabel(number(alerts.count))},
               {tr("Mean time to investigate"), mtti},
               {tr("Mean time to remediate"), mttr},
               {tr("Resolved without In Progress"),
                link(alerts.resolvedWithoutInProgress, QStringLiteral("alerts.skipped_in_progress"),
                     tr("Resolved without In Progress"))},
               {tr("Unresolved for 7 days or more"),
                link(alerts.staleUnresolved, QStringLiteral("alerts.stale_unresolved"),
                     tr("Stale unresolved alerts"))}}),
        1, 2);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    auto *gridWidget = new QWidget;
    gridWidget->setLayout(grid);
    m_layout->addWidget(gridWidget);
    m_layout->addStretch();
}

} // namespace trh
