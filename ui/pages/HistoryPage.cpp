#include "HistoryPage.h"
#include "Theme.h"

#include "analysis/FindingCatalog.h"
#include "widgets/ScrollingPage.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace trh {
namespace {

enum Column
{
    TitleColumn,
    CodeColumn,
    NewlyColumn,
    RecoveredColumn,
    StillColumn,
    ColumnCount
};

// The diff document's key of each count column.
const char *groupKey(int column)
{
    switch (column) {
    case NewlyColumn:
        return "newly_affected";
    case RecoveredColumn:
        return "recovered";
    case StillColumn:
        return "still_affected";
    default:
        return nullptr;
    }
}

// A count as a point of a trend (null stays null: no point).
Figure figure(const Count &c)
{
    return c ? Figure(double(*c)) : std::nullopt;
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString snapshotName(const QJsonObject &snapshot)
{
    const QString when = QLocale().toString(
        QDateTime::fromString(snapshot.value(QStringLiteral("taken_at")).toString(), Qt::ISODate)
            .toLocalTime(),
        QLocale::ShortFormat);
    const QString label = snapshot.value(QStringLiteral("label")).toString();
    return label.isEmpty() ? when : QStringLiteral("%1 (%2)").arg(when, label);
}

QString figure(const QJsonValue &v, int decimals = 0)
{
    if (!v.isDouble())
        return QStringLiteral("—");
    return QLocale().toString(v.toDouble(), 'f', decimals);
}

QString signedFigure(const QJsonValue &v, int decimals = 0)
{
    if (!v.isDouble())
        return QStringLiteral("—");
    const QString text = QLocale().toString(v.toDouble(), 'f', decimals);
    return v.toDouble() > 0 ? QStringLiteral("+") + text : text;
}

} // namespace

HistoryPage::HistoryPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("historyPage"));
    QVBoxLayout *layout = makeScrollingPage(this);

    auto *trendsBox = new QGroupBox(tr("Trends over all snapshots"));
    trendsBox->setObjectName(QStringLiteral("trendsBox"));
    auto *trendsLayout = new QVBoxLayout(trendsBox);
    m_historyStatus = new QLabel;
    m_historyStatus->setObjectName(QStringLiteral("historyStatus"));
    m_historyStatus->setWordWrap(true);
    trendsLayout->addWidget(m_historyStatus);
    auto *grid = new QGridLayout;
    trendsLayout->addLayout(grid);
    layout->addWidget(trendsBox);

    m_trends.resize(4);
    Trend &coverage = m_trends[0];
    coverage.group = QStringLiteral("coverage");
    coverage.percent = true;
    grid->addWidget(trendView(coverage, QStringLiteral("coverageTrend"),
                              tr("Threat Response coverage"), tr("Percent covered")),
                    0, 0);
    addSeries(coverage, QStringLiteral("percent"), tr("Coverage"),
              [](const FleetSummary &s) { return s.coverage.percent; });

    Trend &health = m_trends[1];
    health.group = QStringLiteral("health_failures");
    grid->addWidget(trendView(health, QStringLiteral("healthTrend"),
                              tr("Health failures per domain"), tr("Endpoints")),
                    0, 1);
    auto domainName = [](HealthDomain d) {
        switch (d) {
        case HealthDomain::Dec:
            return tr("DEC");
        case HealthDomain::Index:
            return tr("Index");
        case HealthDomain::Recorder:
            return tr("Recorder");
        case HealthDomain::Stream:
            return tr("Stream");
        case HealthDomain::ThreatResponse:
            return tr("Threat Response");
        }
        return QString();
    };
    for (HealthDomain d : kHealthDomains)
        addSeries(health, QLatin1String(healthDomainKey(d)), domainName(d),
                  [d](const FleetSummary &s) { return figure(s.healthFailures.domain(d)); });
    addSeries(health, QStringLiteral("any"), tr("Any domain"),
              [](const FleetSummary &s) { return figure(s.healthFailures.any); });

    Trend &driver = m_trends[2];
    driver.group = QStringLiteral("driver");
    grid->addWidget(trendView(driver, QStringLiteral("driverTrend"),
                              tr("Tanium Driver problems (Windows)"), tr("Endpoints")),
                    1, 0);
    // Running endpoints are left out: thousands of them would flatten the problem lines.
    addSeries(driver, QStringLiteral("service_not_installed"), tr("Service not installed"),
              [](const FleetSummary &s) { return figure(s.driver.serviceNotInstalled); });
    addSeries(driver, QStringLiteral("service_not_running"), tr("Service not running"),
              [](const FleetSummary &s) { return figure(s.driver.serviceNotRunning); });
    addSeries(driver, QStringLiteral("driver_not_installed"), tr("Driver not installed"),
              [](const FleetSummary &s) { return figure(s.driver.driverNotInstalled); });
    addSeries(driver, QStringLiteral("unknown"), tr("Unknown"),
              [](const FleetSummary &s) { return figure(s.driver.unknown); });

    Trend &bpf = m_trends[3];
    bpf.group = QStringLiteral("bpf");
    grid->addWidget(
        trendView(bpf, QStringLiteral("bpfTrend"), tr("BPF states (Linux)"), tr("Endpoints")), 1,
        1);
    addSeries(bpf, QStringLiteral("core"), tr("CO-RE"),
              [](const FleetSummary &s) { return figure(s.bpf.core); });
    addSeries(bpf, QStringLiteral("bcc_only"), tr("BCC only"),
              [](const FleetSummary &s) { return figure(s.bpf.bccOnly); });
    addSeries(bpf, QStringLiteral("unsupported"), tr("Unsupported"),
              [](const FleetSummary &s) { return figure(s.bpf.unsupported); });
    addSeries(bpf, QStringLiteral("unknown"), tr("Unknown"),
              [](const FleetSummary &s) { return figure(s.bpf.unknown); });

    // What changed between the two snapshots of the tool bar.
    auto *diffBox = new QGroupBox(tr("Changes between snapshots"));
    diffBox->setObjectName(QStringLiteral("diffBox"));
    auto *diffLayout = new QVBoxLayout(diffBox);
    m_diffHeadline = new QLabel;
    m_diffHeadline->setObjectName(QStringLiteral("diffHeadline"));
    m_diffHeadline->setWordWrap(true);
    m_diffHeadline->setTextFormat(Qt::PlainText);
    diffLayout->addWidget(m_diffHeadline);
    auto *endpointRow = new QHBoxLayout;
    m_added = new QPushButton;
    m_added->setObjectName(QStringLiteral("diffAdded"));
    m_added->setAccessibleName(tr("Endpoints added — list them"));
    m_removed = new QPushButton;
    m_removed->setObjectName(QStringLiteral("diffRemoved"));
    m_removed->setAccessibleName(tr("Endpoints removed — list them"));
    endpointRow->addWidget(m_added);
    endpointRow->addWidget(m_removed);
    endpointRow->addStretch();
    diffLayout->addLayout(endpointRow);
    connect(m_added, &QPushButton::clicked, this, [this] {
        const QJsonObject e = obj(m_diff, "endpoints");
        listEndpoints(tr("Endpoints added"), e.value(QStringLiteral("added")).toArray(),
                      e.value(QStringLiteral("added_count")).toInteger());
    });
    connect(m_removed, &QPushButton::clicked, this, [this] {
        const QJsonObject e = obj(m_diff, "endpoints");
        listEndpoints(tr("Endpoints removed"), e.value(QStringLiteral("removed")).toArray(),
                      e.value(QStringLiteral("removed_count")).toInteger());
    });

    m_table = new QTreeWidget;
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setAccessibleName(tr("Changes per finding"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels(
        {tr("Finding"), tr("Code"), tr("Newly affected"), tr("Recovered"), tr("Still affected")});
    m_table->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    for (int c = CodeColumn; c < ColumnCount; ++c)
        m_table->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(false);
    m_table->setMinimumHeight(280);
    m_table->setToolTip(tr("Double-click a count to list those endpoints"));
    connect(m_table, &QTreeWidget::itemDoubleClicked, this, &HistoryPage::showEndpoints);
    diffLayout->addWidget(m_table);
    layout->addWidget(diffBox);

    connect(&m_historyWatcher, &QFutureWatcherBase::finished, this, &HistoryPage::historyFinished);
    connect(&m_diffWatcher, &QFutureWatcherBase::finished, this, &HistoryPage::diffFinished);
    m_diffHeadline->setText(
        tr("Choose a snapshot in \"Compare with\" in the tool bar to see what changed."));
    m_added->hide();
    m_removed->hide();
    applyPalette();
}

HistoryPage::~HistoryPage()
{
    m_historyWatcher.waitForFinished();
    m_diffWatcher.waitForFinished();
}

QWidget *HistoryPage::trendView(Trend &trend, const QString &objectName, const QString &title,
                                const QString &yTitle)
{
    trend.chart = new QChart;
    trend.chart->setTitle(title);
    trend.chart->setBackgroundVisible(false);
    trend.chart->setMargins(QMargins(4, 4, 4, 4));
    trend.chart->legend()->setAlignment(Qt::AlignRight);
    trend.chart->legend()->setVisible(!trend.percent);
    trend.x = new QDateTimeAxis;
    trend.x->setFormat(QStringLiteral("yyyy-MM-dd"));
    trend.chart->addAxis(trend.x, Qt::AlignBottom);
    trend.y = new QValueAxis;
    trend.y->setTitleText(yTitle);
    trend.y->setLabelFormat(trend.percent ? QStringLiteral("%.0f") : QStringLiteral("%d"));
    trend.y->setRange(0, trend.percent ? 100 : 1);
    trend.chart->addAxis(trend.y, Qt::AlignLeft);
    // QChartView paints with QPainter: no OpenGL anywhere (series keep useOpenGL off).
    auto *view = new QChartView(trend.chart);
    view->setObjectName(objectName);
    view->setAccessibleName(title);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 280);
    view->setStyleSheet(QStringLiteral("background: transparent"));
    return view;
}

void HistoryPage::addSeries(Trend &trend, const QString &key, const QString &name,
                            std::function<Figure(const FleetSummary &)> read)
{
    // Distinct colours (the theme's sixth colour is close to its first); "any" is the total,
    // drawn apart as a thicker dashed line in applyPalette().
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                    QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                    QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b)};
    auto *series = new QLineSeries;
    series->setObjectName(trend.group + QLatin1Char('.') + key);
    series->setName(name);
    series->setPointsVisible(true);
    trend.chart->addSeries(series);
    series->setPen(QPen(colors[trend.series.size() % std::size(colors)], 2));
    series->attachAxis(trend.x);
    series->attachAxis(trend.y);
    trend.series.emplace_back(key, series);
    trend.read.push_back(std::move(read));
}

QLineSeries *HistoryPage::coverageSeries() const
{
    return m_trends[0].series.front().second;
}

void HistoryPage::setWorkspace(const QString &dbPath)
{
    m_dbPath = dbPath;
    m_historyStale = true;
    m_diffStale = true;
    loadIfStale();
}

void HistoryPage::setSnapshots(qint64 current, qint64 compare)
{
    if (current != m_current || compare != m_compare)
        m_diffStale = true;
    m_current = current;
    m_compare = compare;
    loadIfStale();
}

bool HistoryPage::isLoading() const
{
    return m_historyWatcher.isRunning() || m_diffWatcher.isRunning();
}

void HistoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadIfStale();
}

void HistoryPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void HistoryPage::loadIfStale()
{
    // Loads only what is shown: a hidden page waits until it is shown.
    if (!isVisible() || m_dbPath.isEmpty())
        return;
    if (m_historyStale) {
        m_historyStale = false;
        if (m_historyWatcher.isRunning()) {
            m_historyPending = true;
        } else {
            m_historyStatus->setText(tr("Loading the history…"));
            m_historyWatcher.setFuture(QtConcurrent::run([path = m_dbPath] {
                QString error;
                auto points = loadHistory(path, &error);
                return std::make_pair(std::move(points), error);
            }));
        }
    }
    if (m_diffStale) {
        m_diffStale = false;
        if (m_diffWatcher.isRunning()) {
            m_diffPending = true;
        } else if (m_current <= 0 || m_compare <= 0 || m_current == m_compare) {
            m_diff = QJsonObject();
            m_table->clear();
            m_added->hide();
            m_removed->hide();
            m_diffHeadline->setText(
                tr("Choose a snapshot in \"Compare with\" in the tool bar to see what changed."));
            emit diffLoaded();
        } else {
            m_diffHeadline->setText(tr("Comparing the snapshots…"));
            m_diffWatcher.setFuture(
                QtConcurrent::run([path = m_dbPath, from = m_compare, to = m_current] {
                    QString error;
                    QJsonObject diff = loadDiff(path, from, to, &error);
                    return std::make_pair(std::move(diff), error);
                }));
        }
    }
}

void HistoryPage::historyFinished()
{
    if (m_historyPending) {
        m_historyPending = false;
        m_historyStale = true;
        loadIfStale();
        return;
    }
    auto [points, error] = m_historyWatcher.result();
    m_history = std::move(points);
    for (Trend &t : m_trends)
        fillTrend(t);
    if (!error.isEmpty())
        m_historyStatus->setText(tr("Some snapshots could not be read: %1").arg(error));
    else if (m_history.size() < 2)
        m_historyStatus->setText(
            tr("Only one snapshot so far: import another month to see the trends."));
    else
        m_historyStatus->setText(
            tr("%n snapshot(s), from %1 to %2.", nullptr, int(m_history.size()))
                .arg(QLocale().toString(m_history.front().takenAt.date(), QLocale::ShortFormat),
                     QLocale().toString(m_history.back().takenAt.date(), QLocale::ShortFormat)));
    emit historyLoaded();
}

void HistoryPage::fillTrend(Trend &trend)
{
    double maximum = 0;
    qint64 first = 0, last = 0;
    bool any = false;
    for (std::size_t i = 0; i < trend.series.size(); ++i) {
        QLineSeries *series = trend.series[i].second;
        QList<QPointF> points;
        for (const HistoryPoint &p : m_history) {
            const Figure v = trend.read[i](p.summary);
            if (!v || !p.takenAt.isValid())
                continue; // not computable from that snapshot: no point rather than 0
            const qint64 x = p.takenAt.toMSecsSinceEpoch();
            points.append(QPointF(double(x), *v));
            maximum = std::max(maximum, *v);
            first = any ? std::min(first, x) : x;
            last = any ? std::max(last, x) : x;
            any = true;
        }
        series->replace(points);
    }
    if (!any) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        trend.x->setRange(now.addDays(-1), now.addDays(1));
        return;
    }
    // Ticks fall on the first and last snapshots; a single snapshot gets a day either side.
    const qint64 pad = last > first ? 0 : qint64(24) * 3600 * 1000;
    trend.x->setRange(QDateTime::fromMSecsSinceEpoch(first - pad, Qt::UTC),
                      QDateTime::fromMSecsSinceEpoch(last + pad, Qt::UTC));
    trend.x->setTickCount(int(std::clamp<size_t>(m_history.size(), 2, 6)));
    if (trend.percent) {
        trend.y->setRange(0, 100);
    } else {
        trend.y->setRange(0, std::max(1.0, std::ceil(maximum * 1.1)));
        trend.y->applyNiceNumbers();
    }
}

void HistoryPage::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor grid = pal.color(QPalette::Mid);
    for (Trend &t : m_trends) {
        if (!t.chart)
            continue;
        t.chart->setTitleBrush(text);
        t.chart->legend()->setLabelColor(text);
        for (QAbstractAxis *axis :
             {static_cast<QAbstractAxis *>(t.x), static_cast<QAbstractAxis *>(t.y)}) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(grid);
        }
        for (auto &[key, series] : t.series) {
            if (key != QLatin1String("any"))
                continue;
            QPen pen(text, 3, Qt::DashLine);
            series->setPen(pen);
        }
    }
}

void HistoryPage::diffFinished()
{
    if (m_diffPending) {
        m_diffPending = false;
        m_diffStale = true;
        loadIfStale();
        return;
    }
    auto [diff, error] = m_diffWatcher.result();
    m_diff = diff;
    m_table->setSortingEnabled(false);
    m_table->clear();
    if (!error.isEmpty() || m_diff.isEmpty()) {
        m_diffHeadline->setText(tr("The snapshots could not be compared: %1").arg(error));
        m_added->hide();
        m_removed->hide();
        emit diffLoaded();
        return;
    }
    const QJsonObject headline = obj(m_diff, "headline");
    const QJsonObject coverage = obj(headline, "coverage_percent");
    const QJsonObject failures = obj(headline, "health_failures");
    m_diffHeadline->setText(
        tr("From %1 to %2: coverage %3% → %4% (%5 points); endpoints with health failures "
           "%6 → %7 (%8).")
            .arg(snapshotName(obj(m_diff, "from")), snapshotName(obj(m_diff, "to")),
                 figure(coverage.value(QStringLiteral("from")), 1),
                 figure(coverage.value(QStringLiteral("to")), 1),
                 signedFigure(coverage.value(QStringLiteral("delta")), 1),
                 figure(failures.value(QStringLiteral("from"))),
                 figure(failures.value(QStringLiteral("to"))),
                 signedFigure(failures.value(QStringLiteral("delta")))));
    const QJsonObject endpoints = obj(m_diff, "endpoints");
    const qint64 added = endpoints.value(QStringLiteral("added_count")).toInteger();
    const qint64 removed = endpoints.value(QStringLiteral("removed_count")).toInteger();
    m_added->setText(tr("%n endpoint(s) added", nullptr, int(added)));
    m_removed->setText(tr("%n endpoint(s) removed", nullptr, int(removed)));
    m_added->setEnabled(added > 0);
    m_removed->setEnabled(removed > 0);
    m_added->show();
    m_removed->show();

    for (const QJsonValue &v : m_diff.value(QStringLiteral("codes")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString code = c.value(QStringLiteral("code")).toString();
        // The diff carries the catalogue's source title; show the catalogue's translation.
        const FindingKind *kind = findingKind(code);
        const QString title = kind ? QCoreApplication::translate("Finding", kind->title)
                                   : c.value(QStringLiteral("title")).toString();
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(TitleColumn, title.isEmpty() ? code : title);
        item->setText(CodeColumn, code);
        for (int column = NewlyColumn; column <= StillColumn; ++column) {
            const qint64 n = c.value(QLatin1String(groupKey(column)))
                                 .toObject()
                                 .value(QStringLiteral("count"))
                                 .toInteger();
            item->setData(column, Qt::DisplayRole, n);
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
            if (n > 0)
                item->setToolTip(column, tr("Double-click to list these endpoints"));
        }
        const qint64 newly = item->data(NewlyColumn, Qt::DisplayRole).toLongLong();
        const qint64 recovered = item->data(RecoveredColumn, Qt::DisplayRole).toLongLong();
        if (newly > recovered)
            item->setForeground(NewlyColumn, toneColor(palette(), Tone::Bad));
        else if (recovered > newly)
            item->setForeground(RecoveredColumn, toneColor(palette(), Tone::Good));
    }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NewlyColumn, Qt::DescendingOrder);
    emit diffLoaded();
}

void HistoryPage::showEndpoints(QTreeWidgetItem *item, int column)
{
    const char *key = groupKey(column);
    if (!item || !key)
        return;
    const QString code = item->text(CodeColumn);
    for (const QJsonValue &v : m_diff.value(QStringLiteral("codes")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("code")).toString() != code)
            continue;
        const QJsonObject group = c.value(QLatin1String(key)).toObject();
        listEndpoints(QStringLiteral("%1 — %2").arg(item->text(TitleColumn),
                                                    m_table->headerItem()->text(column)),
                      group.value(QStringLiteral("endpoints")).toArray(),
                      group.value(QStringLiteral("count")).toInteger());
        return;
    }
}

void HistoryPage::listEndpoints(const QString &title, const QJsonArray &names, qint64 count)
{
    if (count <= 0)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("endpointListDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    auto *label =
        new QLabel(names.size() < count ? tr("%1 endpoints; the first %2 are listed.")
                                              .arg(QLocale().toString(count))
                                              .arg(QLocale().toString(qint64(names.size())))
                                        : tr("%n endpoint(s)", nullptr, int(count)));
    layout->addWidget(label);
    auto *list = new QListWidget;
    list->setObjectName(QStringLiteral("endpointList"));
    list->setAccessibleName(title);
    for (const QJsonValue &n : names)
        list->addItem(n.toString());
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(420, 480);
    dialog->open();
}

} // namespace trh
