#include "ImportDialog.h"
#include "Theme.h"

#include "import/DatasetMapping.h"
#include "widgets/WorkProgress.h"
#include "workspace/WorkspaceImport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace trh {
namespace {

enum Column
{
    FileColumn,
    SizeColumn,
    FormatColumn,
    DatasetsColumn,
    StatusColumn,
    ColumnCount
};

constexpr int kProgressSteps = 1000;

} // namespace

ImportDialog::ImportDialog(const QString &workspace, const QStringList &files, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_files(files),
      m_site(workspace::SiteMapping::load()),
      m_previews(previewFiles(files, m_site.ok() ? *m_site.mapping : DatasetMapping::builtIn())),
      m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Files"));
    resize(900, 420);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Import into <b>%1</b>: one new snapshot from these files.")
                                 .arg(QDir::toNativeSeparators(workspace).toHtmlEscaped()));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("importFiles"));
    m_table->setAccessibleName(tr("Files to import"));
    m_table->setHorizontalHeaderLabels(
        {tr("File"), tr("Size"), tr("Format"), tr("Datasets"), tr("Status")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    buildTable();
    // Problems in full below the table: a cell would elide them.
    QStringList problems;
    for (const FilePreview &p : m_previews) {
        if (!p.error.isEmpty())
            problems << tr("%1: %2").arg(QFileInfo(p.path).fileName(), p.error).toHtmlEscaped();
    }
    // A site mapping that cannot be read stops the import: the files would be read otherwise
    // than the CLI and a fetch read them.
    if (!m_site.ok()) {
        auto *mappingError =
            new QLabel(tr("The site's dataset mapping cannot be read, so nothing can be imported "
                          "until it is fixed or removed: %1")
                           .arg(m_site.error));
        mappingError->setObjectName(QStringLiteral("importMappingError"));
        mappingError->setAccessibleName(tr("Problems"));
        mappingError->setTextFormat(Qt::PlainText);
        mappingError->setWordWrap(true);
        mappingError->setTextInteractionFlags(Qt::TextSelectableByMouse);
        mappingError->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
        layout->addWidget(mappingError);
    }
    if (!problems.isEmpty()) {
        auto *errors = new QLabel(tr("<b>These files cannot be imported:</b><br>%1")
                                      .arg(problems.join(QStringLiteral("<br>"))));
        errors->setObjectName(QStringLiteral("importPreviewErrors"));
        errors->setAccessibleName(tr("Problems"));
        errors->setWordWrap(true);
        errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
        errors->setStyleSheet(toneStyleSheet(palette(), Tone::Bad));
        auto *leaveOut = new QPushButton(tr("&Leave Them Out"));
        leaveOut->setObjectName(QStringLiteral("leaveOutBadFiles"));
        leaveOut->setAccessibleName(tr("Leave out the files that cannot be imported"));
        auto *problemRow = new QHBoxLayout;
        problemRow->addWidget(errors, 1);
        problemRow->addWidget(leaveOut, 0, Qt::AlignTop);
        layout->addLayout(problemRow);
        connect(leaveOut, &QPushButton::clicked, this, [this, errors, leaveOut] {
            std::vector<FilePreview> kept;
            m_files.clear();
            for (FilePreview &p : m_previews) {
                if (p.error.isEmpty()) {
                    m_files << p.path;
                    kept.push_back(std::move(p));
                }
            }
            m_previews = std::move(kept);
            buildTable();
            errors->hide();
            leaveOut->hide();
            updateButtons();
        });
    }

    auto *form = new QFormLayout;
    m_choiceLabel = new QLabel(tr("&Domain/Key/Value columns are:"));
    m_choice = new QComboBox;
    m_choice->setObjectName(QStringLiteral("ambiguousChoice"));
    m_choice->setAccessibleName(tr("Dataset of Domain/Key/Value columns"));
    m_choice->setToolTip(tr("Applies to every file of this import whose Domain, Key and Value "
                            "columns fit both datasets."));
    m_choiceLabel->setBuddy(m_choice);
    form->addRow(m_choiceLabel, m_choice);
    m_label = new QLineEdit;
    m_label->setObjectName(QStringLiteral("importLabel"));
    m_label->setAccessibleName(tr("Snapshot label"));
    m_label->setPlaceholderText(tr("optional, e.g. \"after the 3.9 upgrade\""));
    auto *labelLabel = new QLabel(tr("&Label:"));
    labelLabel->setBuddy(m_label);
    form->addRow(labelLabel, m_label);
    auto *takenRow = new QHBoxLayout;
    m_takenAtSet = new QCheckBox(tr("&Taken at:"));
    m_takenAtSet->setObjectName(QStringLiteral("importTakenAtSet"));
    m_takenAtSet->setAccessibleName(tr("Set the time the exports were taken"));
    m_takenAt = new QDateTimeEdit(QDateTime::currentDateTime());
    m_takenAt->setObjectName(QStringLiteral("importTakenAt"));
    m_takenAt->setAccessibleName(tr("Time the exports were taken"));
    m_takenAt->setCalendarPopup(true);
    m_takenAt->setEnabled(false);
    takenRow->addWidget(m_takenAt);
    takenRow->addWidget(new QLabel(tr("(default: the time in REST exports, else now)")));
    takenRow->addStretch();
    form->addRow(m_takenAtSet, takenRow);
    // A damaged CSV file is refused (input-formats.md, "Damaged CSV"); a user who knowingly
    // wants its readable rows ticks this, and the snapshot is then marked incomplete.
    m_lenient = new QCheckBox(tr("&Skip damaged CSV rows and mark the snapshot incomplete"));
    m_lenient->setObjectName(QStringLiteral("importLenient"));
    m_lenient->setAccessibleName(tr("Skip damaged CSV rows"));
    m_lenient->setToolTip(
        tr("A CSV file that was cut off or damaged is refused. With this ticked, its readable rows "
           "are imported, every skipped row is listed in the import report, and the snapshot is "
           "marked incomplete on the overview, in the report and in summary --json."));
    bool anyCsv = false;
    for (const FilePreview &p : m_previews)
        anyCsv = anyCsv || p.format.contains(QLatin1String("CSV"));
    m_lenient->setVisible(anyCsv);
    form->addRow(QString(), m_lenient);
    layout->addLayout(form);
    connect(m_takenAtSet, &QCheckBox::toggled, m_takenAt, &QWidget::setEnabled);

    // One choice for the run's ambiguous files (ImportOptions::chosenDataset is per run).
    QStringList candidates;
    QStringList picks;
    for (const FilePreview &p : m_previews) {
        for (const QString &c : p.candidates) {
            if (!candidates.contains(c))
                candidates << c;
        }
        if (p.ambiguous)
            m_needsChoice = true;
        else if (!p.candidates.isEmpty() && !p.datasets.isEmpty())
            picks << p.datasets.constLast();
    }
    picks.removeDuplicates();
    if (!m_needsChoice && picks.size() == 1)
        m_defaultChoice = picks.constFirst();
    if (m_needsChoice)
        m_choice->addItem(tr("choose…"), QString());
    else if (m_defaultChoice.isEmpty())
        m_choice->addItem(tr("as recognised for each file"), QString());
    const DatasetMapping &mapping = m_site.ok() ? *m_site.mapping : DatasetMapping::builtIn();
    for (const QString &c : candidates) {
        const DatasetDefinition *def = mapping.dataset(c);
        m_choice->addItem(def ? QStringLiteral("%1 (%2)").arg(def->title, c) : c, c);
    }
    if (!m_defaultChoice.isEmpty())
        m_choice->setCurrentIndex(m_choice->findData(m_defaultChoice));
    m_choiceLabel->setVisible(!candidates.isEmpty());
    m_choice->setVisible(!candidates.isEmpty());
    connect(m_choice, &QComboBox::currentIndexChanged, this, &ImportDialog::updateButtons);

    auto *buttons = new QDialogButtonBox(this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setAccessibleName(tr("Import"));
    m_import->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("importCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(m_import, &QPushButton::clicked, this, [this] { startImport(); });
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::finished, this, &ImportDialog::finished);
    updateButtons();
}

ImportDialog::~ImportDialog()
{
    m_cancelled->store(true);
    m_watcher.waitForFinished();
}

void ImportDialog::buildTable()
{
    m_table->setRowCount(int(m_previews.size()));
    const QLocale locale;
    for (int row = 0; row < int(m_previews.size()); ++row) {
        const FilePreview &p = m_previews[size_t(row)];
        const QFileInfo info(p.path);
        auto set = [&](int column, const QString &text, const QString &tip = QString()) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
            m_table->setItem(row, column, item);
            return item;
        };
        set(FileColumn, info.fileName(), QDir::toNativeSeparators(info.absoluteFilePath()));
        set(SizeColumn, locale.formattedDataSize(info.size()))
            ->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        set(FormatColumn, p.format);
        set(DatasetsColumn,
            p.ambiguous ? p.candidates.join(tr(" or ")) : p.datasets.join(QStringLiteral(", ")),
            p.rule);
        if (!p.error.isEmpty()) {
            QTableWidgetItem *status = set(StatusColumn, tr("Cannot import: %1").arg(p.error));
            status->setForeground(toneColor(palette(), Tone::Bad));
        } else if (p.ambiguous) {
            set(StatusColumn, tr("Ambiguous: choose the dataset below"), p.rule)
                ->setForeground(toneColor(palette(), Tone::Warning));
        } else {
            set(StatusColumn, tr("Ready"), p.rule);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(FileColumn, std::min(m_table->columnWidth(FileColumn), 320));
    m_table->setColumnWidth(FormatColumn, std::min(m_table->columnWidth(FormatColumn), 220));
}

void ImportDialog::setAutoAccept(bool on)
{
    m_autoAccept = on;
    updateButtons();
}

void ImportDialog::updateButtons()
{
    bool ok = m_site.ok() && !m_previews.empty() && !isImporting();
    for (const FilePreview &p : m_previews)
        ok = ok && p.error.isEmpty();
    if (m_needsChoice && m_choice->currentData().toString().isEmpty())
        ok = false;
    m_import->setEnabled(ok);
    if (ok && m_autoAccept && !isImporting())
        QTimer::singleShot(0, this, [this] {
            if (m_import->isEnabled() && !isImporting())
                startImport();
        });
}

bool ImportDialog::startImport()
{
    if (!m_import->isEnabled() || isImporting())
        return false;
    ImportOptions options;
    // An explicit choice overrides the file-name rule, so pass one only when it is needed
    // or the user changed the default.
    const QString chosen = m_choice->currentData().toString();
    if (m_needsChoice || (!chosen.isEmpty() && chosen != m_defaultChoice))
        options.chosenDataset = chosen;
    options.label = m_label->text().trimmed();
    if (m_takenAtSet->isChecked())
        options.takenAt = m_takenAt->dateTime();
    options.origin = QStringLiteral("gui import");
    options.lenient = m_lenient->isChecked();

    m_cancelled->store(false);
    m_progress =
        WorkProgress{tr("Importing and analysing %n file(s)…", nullptr, int(m_files.size())),
                     tr("Import"), QStringLiteral("importProgress"), tr("Import progress"),
                     kProgressSteps}
            .create(this);
    m_progress->show();
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_cancelled->store(true);
        if (m_progress)
            m_progress->setLabelText(tr("Cancelling…"));
    });

    auto cancelled = m_cancelled;
    auto last = std::make_shared<std::atomic<int>>(-1);
    QPointer<ImportDialog> self(this);
    options.progress = [cancelled, last, self](std::int64_t done, std::int64_t total) {
        const int value =
            total > 0 ? int(std::min<std::int64_t>(done * kProgressSteps / total, kProgressSteps))
                      : 0;
        if (last->exchange(value) != value) {
            // The dialog outlives the worker (its destructor waits), so it is safe to post to.
            QMetaObject::invokeMethod(
                self.data(),
                [self, value] {
                    if (self && self->m_progress)
                        self->m_progress->setValue(value);
                },
                Qt::QueuedConnection);
        }
        return !cancelled->load();
    };
    m_import->setEnabled(false);
    m_cancel->setEnabled(false);
    // The mapping the preview showed is the one the import uses.
    m_watcher.setFuture(QtConcurrent::run(
        [workspace = m_workspace, files = m_files, options, mapping = m_site.mapping]() mutable {
            options.mapping = mapping.get();
            return workspace::importFiles(workspace, files, options);
        }));
    return true;
}

void ImportDialog::finished()
{
    m_result = m_watcher.result();
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    QWidget *owner = parentWidget();
    const bool offerLenient = m_result.damagedInput && !m_lenient->isChecked();
    if (m_result.ok()) {
        auto *report = new QDialog(owner);
        report->setObjectName(QStringLiteral("importReportDialog"));
        report->setAttribute(Qt::WA_DeleteOnClose);
        report->setWindowTitle(tr("Import Report"));
        report->resize(760, 520);
        auto *layout = new QVBoxLayout(report);
        layout->addWidget(new QLabel(
            tr("Imported %n file(s) as snapshot %1.", nullptr, int(m_result.files.size()))
                .arg(m_result.snapshotId)));
        if (!m_result.complete) {
            auto *incomplete = new QLabel(
                tr("This snapshot is incomplete: damaged CSV rows were skipped (see below), so "
                   "its figures miss the endpoints of those rows."));
            incomplete->setObjectName(QStringLiteral("importIncomplete"));
            incomplete->setWordWrap(true);
            incomplete->setStyleSheet(bannerStyleSheet(palette(), Tone::Warning));
            layout->addWidget(incomplete);
        }
        auto *text = new QPlainTextEdit;
        text->setObjectName(QStringLiteral("importReport"));
        text->setAccessibleName(tr("Import report"));
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        QStringList parts;
        for (const FileImportReport &f : m_result.files)
            parts << f.toText();
        if (!m_result.notes.isEmpty())
            parts << m_result.notes.join(QLatin1Char('\n'));
        text->setPlainText(parts.join(QLatin1Char('\n')));
        layout->addWidget(text);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, report);
        connect(buttons, &QDialogButtonBox::rejected, report, &QDialog::reject);
        layout->addWidget(buttons);
        report->open();
        emit imported(m_workspace);
    } else if (m_result.status != ImportResult::Status::Cancelled) {
        // After a damaged-CSV refusal this dialog stays open, so the message belongs to it.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Import failed"),
                                    tr("Nothing was imported; the workspace is unchanged."),
                                    QMessageBox::Ok, offerLenient ? this : owner);
        box->setObjectName(QStringLiteral("importErrors"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QString details = m_result.errors.join(QLatin1Char('\n'));
        if (offerLenient)
            details += QStringLiteral("\n\n") +
                       tr("To import the readable rows anyway, tick \"Skip damaged CSV rows\" and "
                          "press Import again; the snapshot will be marked incomplete.");
        box->setInformativeText(details);
        box->open();
    }
    emit finishedImport(m_result.ok());
    if (m_result.ok()) {
        accept();
    } else if (offerLenient) {
        // Stay open: the user may choose to skip the damaged rows.
        m_cancel->setEnabled(true);
        m_lenient->setVisible(true);
        m_lenient->setFocus();
        updateButtons();
    } else {
        QDialog::reject();
    }
}

void ImportDialog::reject()
{
    if (isImporting()) {
        m_cancelled->store(true);
        return;
    }
    QDialog::reject();
}

} // namespace trh
