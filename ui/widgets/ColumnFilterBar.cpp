#include "ColumnFilterBar.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace trh {

ColumnFilterBar::ColumnFilterBar(QTableView *view, QWidget *parent)
    : QWidget(parent), m_view(view), m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &ColumnFilterBar::flush);
    QHeaderView *header = view->horizontalHeader();
    for (auto signal : {&QHeaderView::sectionResized, &QHeaderView::sectionMoved}) {
        connect(header, signal, this, [this] { relayout(); });
    }
    connect(header, &QHeaderView::geometriesChanged, this, &ColumnFilterBar::relayout);
    connect(header, &QHeaderView::sectionCountChanged, this, &ColumnFilterBar::syncColumns);
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &ColumnFilterBar::relayout);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize ColumnFilterBar::sizeHint() const
{
    const QLineEdit probe;
    return {m_view->sizeHint().width(), probe.sizeHint().height()};
}

void ColumnFilterBar::syncColumns()
{
    const QAbstractItemModel *model = m_view->model();
    const int columns = model ? model->columnCount() : 0;
    while (m_edits.size() > columns) {
        delete m_edits.takeLast();
        m_sent.removeLast();
    }
    while (m_edits.size() < columns) {
        auto *edit = new QLineEdit(this);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
        // Enter applies at once, without waiting for the pause.
        connect(edit, &QLineEdit::returnPressed, this, &ColumnFilterBar::flush);
        m_edits.append(edit);
        m_sent.append(QString());
    }
    for (int c = 0; c < columns; ++c) {
        const QString title = model->headerData(c, Qt::Horizontal).toString();
        QLineEdit *edit = m_edits[c];
        edit->setObjectName(objectName() + QLatin1Char('.') + QString::number(c));
        edit->setPlaceholderText(tr("Filter"));
        edit->setAccessibleName(tr("Filter %1").arg(title));
        edit->setToolTip(tr("Show only rows whose %1 contains this text").arg(title));
    }
    // Tab walks the boxes in column order.
    for (int c = 1; c < columns; ++c)
        setTabOrder(m_edits[c - 1], m_edits[c]);
    relayout();
}

QString ColumnFilterBar::text(int column) const
{
    return column >= 0 && column < m_edits.size() ? m_edits[column]->text() : QString();
}

void ColumnFilterBar::clear()
{
    for (QLineEdit *edit : std::as_const(m_edits))
        edit->clear();
    flush();
}

void ColumnFilterBar::flush()
{
    m_debounce->stop();
    for (int c = 0; c < m_edits.size(); ++c) {
        const QString now = m_edits[c]->text().trimmed();
        if (now != m_sent[c]) {
            m_sent[c] = now;
            emit filterChanged(c, now);
        }
    }
}

void ColumnFilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ColumnFilterBar::relayout()
{
    const QHeaderView *header = m_view->horizontalHeader();
    // Section positions are in the header's viewport; map them through the window so the
    // boxes line up whatever lies between this bar and the view.
    const int origin = mapFrom(window(), header->viewport()->mapTo(window(), QPoint(0, 0))).x();
    const int right =
        mapFrom(window(),
                header->viewport()->mapTo(window(), QPoint(header->viewport()->width(), 0)))
            .x();
    for (int c = 0; c < m_edits.size(); ++c) {
        QLineEdit *edit = m_edits[c];
        if (header->isSectionHidden(c) || c >= header->count()) {
            edit->hide();
            continue;
        }
        const int left = origin + header->sectionViewportPosition(c);
        const int width = header->sectionSize(c);
        // Boxes scrolled out of sight, or cut by the view's edge, are clipped to it.
        const int x0 = std::max(left, origin);
        const int x1 = std::min(left + width, right);
        if (x1 - x0 < 8) {
            edit->hide();
            continue;
        }
        edit->setGeometry(x0, 0, x1 - x0, height());
        edit->show();
    }
}

} // namespace trh
