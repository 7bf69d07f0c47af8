#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

class QAction;
class QMenu;
class QPrinter;
class QWidget;

namespace trh {

class ReportDocument;

// The monthly report in the console: File → Print Preview…, Print…, Export PDF…, Export
// HTML…, Export Evidence Appendix…, and Settings → Report Organisation… / Report Logo….
// The report's data is read and exports are written on a worker thread with a progress
// dialog; preview and printing paint on the UI thread (the printer lives there).
class ReportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportActions)

public:
    // The workspace and snapshot the window shows (snapshot 0: none yet).
    using Source = std::function<std::pair<QString, qint64>()>;
    ReportActions(QWidget *window, Source source);
    ~ReportActions() override;

    void addToFileMenu(QMenu *file);
    void addToSettingsMenu(QMenu *settings);

    void exportPdf();
    void exportHtml();
    void exportAppendix();
    void printPreview();
    void print();
    bool isBusy() const { return m_watcher.isRunning(); }

signals:
    // An export ended: ok, or the error shown to the user.
    void exportFinished(const QString &path, bool ok, const QString &error);

private:
    enum class Output
    {
        Pdf,
        Html,
        Appendix,
        Document // only the document, for preview and printing
    };
    struct Result
    {
        QString path, error;
        std::shared_ptr<ReportDocument> document;
    };
    bool start(Output output, const QString &path, std::function<void(const Result &)> then);
    void exportTo(Output output, const QString &caption, const QString &filter);
    void finished();
    void paintOn(QPrinter *printer);

    QWidget *m_window;
    Source m_source;
    QFutureWatcher<Result> m_watcher;
    std::function<void(const Result &)> m_then;
    QList<QAction *> m_actions;
};

} // namespace trh
