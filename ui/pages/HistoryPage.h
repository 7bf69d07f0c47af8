#pragma once

#include "views/HistoryData.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <vector>

class QChart;
class QDateTimeAxis;
class QJsonArray;
class QLabel;
class QLineSeries;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QValueAxis;

namespace trh {

// Snapshots over time: trend charts of coverage, health failures per Threat Response
// domain, Windows driver states and Linux BPF states, and below them what changed between
// the current snapshot and the one it is compared with, per finding code. Both load in the
// background, when the page is shown after the workspace or the snapshots changed.
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    explicit HistoryPage(QWidget *parent = nullptr);
    ~HistoryPage() override;

    // The workspace file; its history is (re)loaded the next time the page shows.
    void setWorkspace(const QString &dbPath);
    // The snapshot shown and the one compared with (0: none); the diff is from `compare` to
    // `current`.
    void setSnapshots(qint64 current, qint64 compare);
    bool isLoading() const;

    const std::vector<HistoryPoint> &history() const { return m_history; }
    const QJsonObject &diff() const { return m_diff; }
    QLineSeries *coverageSeries() const;
    QTreeWidget *diffTable() const { return m_table; }

signals:
    void historyLoaded();
    void diffLoaded();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Trend
    {
        QChart *chart = nullptr;
        QDateTimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QString group; // summary object the series read from (names the series)
        std::vector<std::pair<QString, QLineSeries *>> series;         // summary key, series
        std::vector<std::function<Figure(const FleetSummary &)>> read; // per series: its figure
        bool percent = false;
    };

    QWidget *trendView(Trend &trend, const QString &objectName, const QString &title,
                       const QString &yTitle);
    void addSeries(Trend &trend, const QString &key, const QString &name,
                   std::function<Figure(const FleetSummary &)> read);
    void loadIfStale();
    void historyFinished();
    void diffFinished();
    void fillTrend(Trend &trend);
    void applyPalette();
    void showEndpoints(QTreeWidgetItem *item, int column);
    void listEndpoints(const QString &title, const QJsonArray &names, qint64 count);

    QString m_dbPath;
    qint64 m_current = 0, m_compare = 0;
    bool m_historyStale = false, m_diffStale = false;
    bool m_historyPending = false, m_diffPending = false; // asked again while loading
    std::vector<HistoryPoint> m_history;
    QJsonObject m_diff;
    std::vector<Trend> m_trends;
    QLabel *m_historyStatus = nullptr;
    QLabel *m_diffHeadline = nullptr;
    QPushButton *m_added = nullptr;
    QPushButton *m_removed = nullptr;
    QTreeWidget *m_table = nullptr;
    QFutureWatcher<std::pair<std::vector<HistoryPoint>, QString>> m_historyWatcher;
    QFutureWatcher<std::pair<QJsonObject, QString>> m_diffWatcher;
};

} // namespace trh
