#include "GuidancePage.h"

#include "analysis/FindingCatalog.h"
#include "analysis/Guidance.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace trh {

GuidancePage::GuidancePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("guidancePage"));
    auto *layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("guidanceSearch"));
    m_search->setPlaceholderText(tr("Search the guidance…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the guidance"));
    layout->addWidget(m_search);
    auto *split = new QSplitter(this);
    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("guidanceList"));
    m_list->setAccessibleName(tr("Finding codes"));
    m_view = new QTextBrowser(split);
    m_view->setObjectName(QStringLiteral("guidanceView"));
    m_view->setAccessibleName(tr("Guidance entry"));
    m_view->setOpenExternalLinks(false);
    split->setStretchFactor(1, 3);
    split->setSizes({360, 900});
    layout->addWidget(split, 1);
    for (const FindingKind &k : findingCatalog()) {
        auto *item = new QListWidgetItem(QCoreApplication::translate("Finding", k.title), m_list);
        item->setData(Qt::UserRole, QString::fromLatin1(k.code));
        item->setToolTip(QString::fromLatin1(k.code));
    }
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        const auto entry = Guidance::entry(item->data(Qt::UserRole).toString());
        m_view->setHtml(entry ? Guidance::toHtml(*entry) : tr("<p>No guidance for this code.</p>"));
    });
    connect(m_search, &QLineEdit::textChanged, this, &GuidancePage::filter);
    m_list->setCurrentRow(0);
}

void GuidancePage::filter(const QString &text)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const auto entry = Guidance::entry(item->data(Qt::UserRole).toString());
        const bool match = text.isEmpty() || item->text().contains(text, Qt::CaseInsensitive) ||
                           (entry && entry->markdown.contains(text, Qt::CaseInsensitive));
        item->setHidden(!match);
    }
}

void GuidancePage::showCode(const QString &code)
{
    m_search->clear();
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == code)
            m_list->setCurrentRow(i);
    }
}

} // namespace trh
