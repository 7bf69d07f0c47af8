#pragma once

#include <QList>
#include <QWidget>

class QLineEdit;
class QTableView;
class QTimer;

namespace trh {

// A row of filter boxes, one above each column of a table view, following the columns as
// they are resized, moved, hidden or scrolled. Typing is debounced: filterChanged() comes
// once the user pauses. The boxes are named "<objectName>.<column>".
class ColumnFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnFilterBar)

public:
    explicit ColumnFilterBar(QTableView *view, QWidget *parent = nullptr);

    // Makes one box per column of the view's model (keeping the texts of columns that stay).
    void syncColumns();
    QString text(int column) const;
    // Empties every box; emits filterChanged() for each box that had text.
    void clear();
    QLineEdit *edit(int column) const { return m_edits.value(column); }

    QSize sizeHint() const override;

signals:
    void filterChanged(int column, const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();
    void flush();

    QTableView *m_view = nullptr;
    QList<QLineEdit *> m_edits;
    QList<QString> m_sent; // what filterChanged() last said for each column
    QTimer *m_debounce = nullptr;
};

} // namespace trh
