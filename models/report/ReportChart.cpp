#include "ReportChart.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace trh {
namespace {

// The chart is laid out at a nominal width and scaled to the space it gets, so that the PDF,
// the print preview and the SVG agree. Text sizes are in the same nominal units.
constexpr double kWidth = 500;
constexpr double kTitle = 20;
constexpr double kRow = 18;
constexpr double kBar = 12;
constexpr double kLabel = 150;
constexpr double kValue = 78;
constexpr double kLegend = 16;
constexpr double kFont = 7.5;

QColor toneColor(ChartTone tone)
{
    switch (tone) {
    case ChartTone::Good:
        return QColor(0x2e, 0x7d, 0x4f);
    case ChartTone::Warning:
        return QColor(0xe3, 0xa7, 0x2f);
    case ChartTone::Bad:
        return QColor(0xb3, 0x26, 0x1e);
    case ChartTone::Neutral:
        break;
    }
    return QColor(0x5b, 0x6b, 0x7d);
}

// Bad segments are hatched, so that they stay apart from good ones in greyscale.
bool hatched(ChartTone tone)
{
    return tone == ChartTone::Bad;
}

QString svgEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

double maxTotal(const std::vector<ChartBar> &bars)
{
    double m = 0;
    for (const ChartBar &b : bars) {
        double sum = 0;
        for (const ChartSegment &s : b.segments)
            sum += std::max(0.0, s.value);
        m = std::max(m, sum);
    }
    return m;
}

QString valueText(const ChartBar &bar)
{
    if (!bar.valueText.isEmpty())
        return bar.valueText;
    double sum = 0;
    for (const ChartSegment &s : bar.segments)
        sum += s.value;
    return QLocale().toString(qint64(sum));
}

double nominalHeight(const ReportChart &chart)
{
    return kTitle + kRow * double(chart.bars.size()) + (chart.legend.empty() ? 4 : kLegend + 4);
}

QString num(double v)
{
    return QString::number(v, 'f', 2);
}

} // namespace

double ReportChart::heightForWidth(double width) const
{
    return nominalHeight(*this) * width / kWidth;
}

void ReportChart::paint(QPainter &painter, const QRectF &rect) const
{
    painter.save();
    painter.translate(rect.topLeft());
    painter.scale(rect.width() / kWidth, rect.width() / kWidth);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(10);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(QColor(0x1f, 0x2a, 0x37));
    painter.drawText(QRectF(0, 0, kWidth, kTitle - 6), Qt::AlignLeft | Qt::AlignVCenter, title);
    font.setBold(false);
    // Pixel sizes are ints: draw the small text at twice the size, half scale.
    font.setPixelSize(int(kFont * 2));
    const double total = maxTotal(bars);
    const double barSpace = kWidth - kLabel - kValue;
    auto drawSmallText = [&](const QRectF &r, int flags, const QString &text, const QColor &c) {
        painter.save();
        painter.setFont(font);
        painter.setPen(c);
        painter.translate(r.topLeft());
        painter.scale(0.5, 0.5);
        painter.drawText(QRectF(0, 0, r.width() * 2, r.height() * 2), flags, text);
        painter.restore();
    };
    // Axis line.
    painter.setPen(QPen(QColor(0x9a, 0xa5, 0xb1), 0.6));
    const double top = kTitle;
    const double bottom = kTitle + kRow * double(bars.size());
    painter.drawLine(QPointF(kLabel, top), QPointF(kLabel, bottom));
    for (size_t i = 0; i < bars.size(); ++i) {
        const ChartBar &bar = bars[i];
        const double y = top + kRow * double(i);
        const double by = y + (kRow - kBar) / 2;
        drawSmallText(QRectF(0, y, kLabel - 6, kRow), Qt::AlignRight | Qt::AlignVCenter, bar.label,
                      QColor(0x1f, 0x2a, 0x37));
        double x = kLabel;
        for (const ChartSegment &s : bar.segments) {
            const double w = total > 0 ? std::max(0.0, s.value) / total * barSpace : 0;
            if (w <= 0)
                continue;
            const QRectF r(x, by, w, kBar);
            painter.fillRect(r, toneColor(s.tone));
            if (hatched(s.tone)) {
                painter.save();
                painter.setClipRect(r);
                painter.setPen(QPen(QColor(255, 255, 255, 150), 0.8));
                for (double hx = r.left() - kBar; hx < r.right(); hx += 3.5)
                    painter.drawLine(QPointF(hx, r.bottom()), QPointF(hx + kBar, r.top()));
                painter.restore();
            }
            x += w;
        }
        drawSmallText(QRectF(x + 4, y, kValue + (kLabel + barSpace - x) - 4, kRow),
                      Qt::AlignLeft | Qt::AlignVCenter, valueText(bar), QColor(0x1f, 0x2a, 0x37));
    }
    if (!legend.empty()) {
        double x = kLabel;
        const double y = bottom + 4;
        for (const auto &[tone, text] : legend) {
            const QRectF swatch(x, y + 3, 9, 9);
            painter.fillRect(swatch, toneColor(tone));
            if (hatched(tone)) {
                painter.save();
                painter.setClipRect(swatch);
                painter.setPen(QPen(QColor(255, 255, 255, 150), 0.8));
                for (double hx = swatch.left() - 9; hx < swatch.right(); hx += 3.5)
                    painter.drawLine(QPointF(hx, swatch.bottom()), QPointF(hx + 9, swatch.top()));
                painter.restore();
            }
            const double tw = QFontMetricsF(font).horizontalAdvance(text) / 2 + 4;
            drawSmallText(QRectF(x + 12, y, tw, kLegend - 1), Qt::AlignLeft | Qt::AlignVCenter,
                          text, QColor(0x1f, 0x2a, 0x37));
            x += 12 + tw + 12;
        }
    }
    painter.restore();
}

QString ReportChart::toSvg() const
{
    const double height = nominalHeight(*this);
    const double total = maxTotal(bars);
    const double barSpace = kWidth - kLabel - kValue;
    QString s;
    s += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                        "viewBox=\"0 0 %1 %2\" aria-label=\"%3\">")
             .arg(num(kWidth), num(height), svgEscape(title));
    s += QStringLiteral("<defs><pattern id=\"hatch\" width=\"3.5\" height=\"3.5\" "
                        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"3.5\" stroke=\"#fff\" "
                        "stroke-opacity=\"0.6\" stroke-width=\"0.8\"/></pattern></defs>");
    s += QStringLiteral("<text x=\"0\" y=\"%1\" font-size=\"10\" font-weight=\"bold\" "
                        "fill=\"#1f2a37\">%2</text>")
             .arg(num(kTitle - 8), svgEscape(title));
    const double bottom = kTitle + kRow * double(bars.size());
    s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#9aa5b1\" "
                        "stroke-width=\"0.6\"/>")
             .arg(num(kLabel), num(kTitle), num(bottom));
    auto rect = [&](double x, double y, double w, double h, ChartTone tone) {
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>")
                 .arg(num(x), num(y), num(w), num(h), toneColor(tone).name());
        if (hatched(tone))
            s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                                "fill=\"url(#hatch)\"/>")
                     .arg(num(x), num(y), num(w), num(h));
    };
    for (size_t i = 0; i < bars.size(); ++i) {
        const ChartBar &bar = bars[i];
        const double y = kTitle + kRow * double(i);
        const double textY = y + kRow / 2 + kFont * 0.35;
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"end\" "
                            "fill=\"#1f2a37\">%4</text>")
                 .arg(num(kLabel - 6), num(textY), num(kFont), svgEscape(bar.label));
        double x = kLabel;
        for (const ChartSegment &seg : bar.segments) {
            const double w = total > 0 ? std::max(0.0, seg.value) / total * barSpace : 0;
            if (w <= 0)
                continue;
            rect(x, y + (kRow - kBar) / 2, w, kBar, seg.tone);
            x += w;
        }
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" fill=\"#1f2a37\">%4</text>")
                 .arg(num(x + 4), num(textY), num(kFont), svgEscape(valueText(bar)));
    }
    if (!legend.empty()) {
        double x = kLabel;
        const double y = bottom + 4;
        for (const auto &[tone, text] : legend) {
            rect(x, y + 3, 9, 9, tone);
            s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" fill=\"#1f2a37\">%4"
                                "</text>")
                     .arg(num(x + 12), num(y + 10.5), num(kFont), svgEscape(text));
            // An estimate of the text width: the SVG has no font metrics to ask.
            x += 12 + double(text.size()) * kFont * 0.6 + 16;
        }
    }
    s += QStringLiteral("</svg>");
    return s;
}

} // namespace trh
