#include "MainWindow.h"
#include "TestSupport.h"
#include "analysis/Checklist.h"
#include "analysis/FindingCatalog.h"
#include "pages/FindingsPage.h"
#include "report/ReportDocument.h"

#include <QComboBox>
#include <QListWidget>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace trh;

// One catalogue: where a finding belongs (its procedure step, report section and console
// page) is said once, in FindingCatalog, and the checklist, the report and the console's
// finding pages all take it from there.
class TestFindingCatalog : public QObject
{
    Q_OBJECT
private:
    static QString s(const char *text) { return QString::fromLatin1(text); }

    // The codes a console page offers in its finding filter (the codes it lists).
    static QStringList pageCodes(MainWindow &window, const QString &objectName)
    {
        auto *page = window.findChild<FindingsPage *>(objectName);
        if (!page)
            return {};
        auto *filter = page->findChild<QComboBox *>(objectName + QStringLiteral(".codeFilter"));
        QStringList codes;
        for (int i = 1; filter && i < filter->count(); ++i) // 0 is "All findings on this page"
            codes << filter->itemData(i).toString();
        return codes;
    }

private slots:
    void everyCodeOnceWithAKnownStepAndPage()
    {
        QSet<QString> codes;
        const std::vector<ProcedureStep> &steps = procedureSteps();
        const std::vector<ConsolePage> &pages = consolePages();
        for (const FindingKind &k : findingCatalog()) {
            QVERIFY2(!codes.contains(s(k.code)), k.code);
            codes.insert(s(k.code));
            QVERIFY2(std::find(steps.begin(), steps.end(), k.step) != steps.end(), k.code);
            QVERIFY2(std::find(pages.begin(), pages.end(), k.page) != pages.end(), k.code);
        }
        // Steps and pages partition the catalogue: each code under exactly one of each.
        QStringList byStep, byPage;
        for (ProcedureStep step : steps)
            byStep << findingCodes(step);
        for (ConsolePage page : pages)
            byPage << findingCodes(page);
        QCOMPARE(byStep.size(), int(findingCatalog().size()));
        QCOMPARE(QSet<QString>(byStep.begin(), byStep.end()), codes);
        QCOMPARE(byPage.size(), int(findingCatalog().size()));
        QCOMPARE(QSet<QString>(byPage.begin(), byPage.end()), codes);
    }

    void checklistStepsAreTheCatalogues()
    {
        QStringList expected, actual;
        for (ProcedureStep step : procedureSteps())
            expected << s(procedureStepKey(step));
        for (const ChecklistStep &step : Checklist::steps()) {
            actual << step.id;
            QVERIFY2(!step.title.isEmpty() && !step.what.isEmpty(), qPrintable(step.id));
        }
        QCOMPARE(actual, expected);
    }

    void reportStepIsTheCatalogues()
    {
        for (const FindingKind &k : findingCatalog()) {
            const QString step = ReportDocument::stepOf(s(k.code));
            QCOMPARE(step, s(procedureStepKey(k.step)));
            QVERIFY2(Checklist::isStep(step), k.code);
        }
    }

    void consolePagesAreTheCatalogues()
    {
        MainWindow window;
        QSet<QString> seen;
        for (ConsolePage page : consolePages()) {
            const QString name = s(consolePageKey(page));
            QVERIFY2(window.findChild<FindingsPage *>(name), qPrintable(name));
            const QStringList codes = pageCodes(window, name);
            QCOMPARE(codes, findingCodes(page));
            for (const QString &code : codes) {
                QVERIFY2(!seen.contains(code), qPrintable(code + QStringLiteral(" twice")));
                seen.insert(code);
            }
        }
        QCOMPARE(seen.size(), int(findingCatalog().size()));
    }

    void drillDownGoesToTheCataloguesPage()
    {
        MainWindow window;
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        for (const FindingKind &k : findingCatalog()) {
            navigation->setCurrentRow(0);
            window.drillDown(s(k.code));
            QVERIFY2(navigation->currentItem(), k.code);
            QCOMPARE(navigation->currentItem()->data(Qt::UserRole).toString(),
                     s(consolePageKey(k.page)));
        }
    }
};

QTEST_MAIN(TestFindingCatalog)
#include "tst_findingcatalog.moc"
