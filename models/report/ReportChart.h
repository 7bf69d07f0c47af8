#pragma once

#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

class QPainter;

namespace trh {

// How a bar segment reads: good, needs a look, bad, or neutral. Each tone has a colour and,
// for greyscale printing, its own grey and hatching, and every bar carries its number as text,
// so the chart never relies on colour alone.
enum class ChartTone
{
    Good,
    Warning,
    Bad,
    Neutral
};

struct ChartSegment
{
    double value = 0;
    ChartTone tone = ChartTone::Neutral;
};

struct ChartBar
{
    QString label;
    std::vector<ChartSegment> segments; // stacked left to right
    QString valueText;                  // shown after the bar; empty: the sum of the segments
};

// A horizontal bar chart of aggregated figures, drawn as vectors: with QPainter (PDF, print,
// preview) or as inline SVG (HTML export). Both draw the same layout from the same numbers.
struct ReportChart
{
    QString title;
    std::vector<ChartBar> bars;
    // Legend entries (one per tone used in stacked bars); empty: no legend.
    std::vector<std::pair<ChartTone, QString>> legend;

    // The height the chart wants for a given width (both in the painter's units).
    double heightForWidth(double width) const;
    void paint(QPainter &painter, const QRectF &rect) const;
    // A self-contained <svg> element (text escaped), width 100% of its container.
    QString toSvg() const;
};

} // namespace trh
