#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace trh {

// Every finding code's remediation entry, searchable, rendered from resources/guidance.
class GuidancePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuidancePage)

public:
    explicit GuidancePage(QWidget *parent = nullptr);
    void showCode(const QString &code);

private:
    void filter(const QString &text);
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QTextBrowser *m_view = nullptr;
};

} // namespace trh
