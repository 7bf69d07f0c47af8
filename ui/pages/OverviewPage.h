#pragma once

#include "views/OverviewData.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace trh {

// The month at a glance: coverage and its waterfall, health failures per TR domain, driver
// and BPF states, tools, profiles and alert metrics. Every number is a link that drills
// down to the findings behind it; every panel can explain how its figures are computed.
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setData(const OverviewData &data);

signals:
    // codePattern is a finding code, or a prefix ending in '%' ("health.%").
    void drillDown(const QString &codePattern, const QString &title);

private:
    void changeEvent(QEvent *event) override;
    QLabel *freshnessLabel(const QString &key) const;
    QWidget *panel(const QString &title, const QString &explainKey,
                   const QList<QPair<QString, QWidget *>> &rows);
    QWidget *link(const Count &value, const QString &codePattern, const QString &title,
                  const QString &suffix = {});
    QWidget *waterfall(const CoverageSummary &coverage);
    void explain(const QString &key, const QString &title);

    OverviewData m_data;
    QVBoxLayout *m_layout = nullptr;
    QWidget *m_content = nullptr;
};

} // namespace trh
