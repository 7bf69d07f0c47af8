#include "DialogSeam.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "import/Importer.h"
#include "pages/FindingsPage.h"
#include "store/Database.h"
#include "store/Store.h"
#include "views/SqlTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QItemSelectionModel>
#include <QProcess>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace trh;

namespace {

// RFC 4180 records of text (CRLF line ends, doubled quotes); fields stay as written.
QVector<QStringList> parseCsv(const QString &text)
{
    QVector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            record << std::exchange(field, QString());
        } else if (ch == QLatin1Char('\r') && i + 1 < text.size() &&
                   text[i + 1] == QLatin1Char('\n')) {
            ++i;
            record << std::exchange(field, QString());
            records << std::exchange(record, QStringList());
        } else {
            field += ch;
        }
    }
    return records;
}

QString neutralised(const QString &text)
{
    static const QString risky = QStringLiteral("=+-@\t\r");
    return !text.isEmpty() && risky.contains(text.front()) ? QLatin1Char('\'') + text : text;
}

// Every cell of the model as a view shows it, once its pages are loaded.
bool loadedCells(SqlTableModel *model, QVector<QStringList> *rows)
{
    rows->clear();
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex index = model->index(r, c);
            if (model->data(index, SqlTableModel::LoadingRole).toBool())
                return false;
            row << model->data(index).toString();
        }
        rows->append(row);
    }
    return true;
}

} // namespace

// Drives the real main window, offscreen: export and copy on a findings page.
class TestFindingsExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    // Opens the workspace and drills down to every client-health failure.
    FindingsPage *openHealthPage(MainWindow &window)
    {
        window.show();
        QSignalSpy loaded(&window, &MainWindow::overviewLoaded);
        window.openWorkspace(m_db);
        if (!loaded.wait(30000))
            return nullptr;
        window.drillDown(QStringLiteral("health.%"));
        auto *page = window.findChild<FindingsPage *>(QStringLiteral("clientHealthPage"));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        if (!page || pages->currentWidget() != page || !page->model()->waitForIdle())
            return nullptr;
        return page;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("fleet.trdb"));
        QVERIFY(test::createFleetWorkspace(m_db));
    }

    void exportButtonWritesTheTableAsShown()
    {
        MainWindow window;
        FindingsPage *page = openHealthPage(window);
        QVERIFY(page);
        SqlTableModel *model = page->model();
        // Sorted by a column, descending, like a user would.
        page->view()->sortByColumn(3, Qt::DescendingOrder);
        QVERIFY(model->waitForIdle());
        QVERIFY(model->rowCount() > 2);
        QVector<QStringList> shown;
        QTRY_VERIFY(loadedCells(model, &shown));

        const QString path = m_dir.filePath(QStringLiteral("health.csv"));
        DialogSeam::setNextSaveFileName(path);
        auto *button = window.findChild<QToolButton *>(QStringLiteral("clientHealthPage.export"));
        QVERIFY(button);
        QCOMPARE(page->exportAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QSignalSpy finished(page, &FindingsPage::exportFinished);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(!page->isExporting());

        const QByteArray bytes = test::readAll(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QVector<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(records.size(), shown.size() + 1);
        QStringList header;
        for (int c = 0; c < model->columnCount(); ++c)
            header << model->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(records[0], header);
        for (int r = 0; r < shown.size(); ++r) {
            QStringList expected;
            for (const QString &cell : std::as_const(shown[r]))
                expected << neutralised(cell);
            QCOMPARE(records[r + 1], expected);
        }
    }

    void fileMenuExportsTheCurrentPageToXlsx()
    {
        MainWindow window;
        FindingsPage *page = openHealthPage(window);
        QVERIFY(page);
        auto *action = window.findChild<QAction *>(QStringLiteral("actionExportTable"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        const QString path = m_dir.filePath(QStringLiteral("health.xlsx"));
        DialogSeam::setNextSaveFileName(path);
        QSignalSpy finished(page, &FindingsPage::exportFinished);
        action->trigger();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"),
                    {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(unzip.waitForFinished(30000));
        QCOMPARE(unzip.exitCode(), 0);
        const QByteArray xml = unzip.readAllStandardOutput();
        QCOMPARE(xml.count("<row "), page->model()->rowCount() + 1);

        // Ctrl+E on the table exports too.
        const QString viaKey = m_dir.filePath(QStringLiteral("key.csv"));
        DialogSeam::setNextSaveFileName(viaKey);
        QApplication::setActiveWindow(&window);
        page->view()->setFocus();
        QTRY_VERIFY(page->view()->hasFocus());
        QTest::keyClick(page->view(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.last().at(0).toBool(), true);
        QVERIFY(test::readAll(viaKey).startsWith("\xEF\xBB\xBF"));

        // Away from the findings pages the menu item has nothing to export.
        window.showPage(QStringLiteral("overviewPage"));
        QVERIFY(!action->isEnabled());
    }

    void copyPutsTheSelectedRowsOnTheClipboard()
    {
        MainWindow window;
        FindingsPage *page = openHealthPage(window);
        QVERIFY(page);
        SqlTableModel *model = page->model();
        QVector<QStringList> shown;
        QTRY_VERIFY(loadedCells(model, &shown));
        QVERIFY(shown.size() > 2);
        QItemSelectionModel *selection = page->view()->selectionModel();
        selection->select(model->index(2, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection->select(model->index(0, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QGuiApplication::clipboard()->clear();
        QCOMPARE(page->copyAction()->shortcut(), QKeySequence(QKeySequence::Copy));
        page->copyAction()->trigger();

        QStringList header;
        for (int c = 0; c < model->columnCount(); ++c)
            header << model->headerData(c, Qt::Horizontal).toString();
        QString expected = header.join(QLatin1Char('\t')) + QLatin1Char('\n');
        for (const int r : {0, 2}) {
            QStringList cells;
            for (const QString &cell : std::as_const(shown[r])) {
                QVERIFY(!cell.contains(QLatin1Char('\t')) && !cell.contains(QLatin1Char('\n')));
                cells << neutralised(cell);
            }
            expected += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
        }
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);

        // The keyboard's Copy on the table does the same (not the view's own current-cell copy).
        QGuiApplication::clipboard()->clear();
        QApplication::setActiveWindow(&window);
        page->view()->setFocus();
        QTRY_VERIFY(page->view()->hasFocus());
        QTest::keySequence(page->view(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    }
};

QTEST_MAIN(TestFindingsExport)
#include "tst_findingsexport.moc"
