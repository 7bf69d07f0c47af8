#include "TableExport.h"
#include "core/AtomicFile.h"
#include "core/OutputFile.h"

#include <QCoreApplication>
#include <QFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

namespace trh {
namespace TableExport {
namespace {

// Progress is reported (and cancel looked at) every this many rows.
constexpr qint64 kProgressEvery = 512;
// Excel's limits: rows per sheet (with the header) and characters per cell.
constexpr qint64 kXlsxMaxRows = LXW_ROW_MAX;
constexpr int kXlsxMaxChars = 32767;
// Column widths in characters.
constexpr int kMinWidth = 8;
constexpr int kMaxWidth = 60;

// The translation context of the messages: "TableExport".
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(TableExport)
};

bool report(const Options &options, qint64 done)
{
    return !options.progress || options.progress(done, options.totalRows);
}

// 2^53: larger integers would lose digits as a spreadsheet's doubles; they stay text.
constexpr double kExactDoubleLimit = 9007199254740992.0;

} // namespace

QString cellText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return {};
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return QString::fromUtf8(value.toByteArray());
    default:
        return value.toString();
    }
}

QString neutraliseFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + text;
    return text;
}

QString delimitedField(const QVariant &value, QChar separator)
{
    // Numbers are data we produced, not text a user typed: -2 stays a number. Text that
    // looks like a formula is neutralised whatever it came from.
    const bool number = value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int ||
                        value.typeId() == QMetaType::Double;
    QString text = number ? cellText(value) : neutraliseFormula(cellText(value));
    const bool quote = text.contains(separator) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                       text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool exportCsv(const SqlTableRowQuery &query, const QString &path, const Options &options,
               QString *errorOut)
{
    QString scratch;
    QString *error = errorOut ? errorOut : &scratch;
    error->clear();
    if (!OutputFile::check(path, error))
        return false;
    AtomicFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = Text::tr("Cannot write %1").arg(OutputFile::whyNotWritten(path, file));
        return false;
    }
    const QChar comma = QLatin1Char(',');
    const QLatin1String crlf("\r\n");
    QString line;
    QByteArray buffer("\xEF\xBB\xBF"); // UTF-8 BOM: Excel then reads the file as UTF-8
    for (int c = 0; c < query.titles.size(); ++c) {
        if (c > 0)
            line += comma;
        line += delimitedField(query.titles[c], comma);
    }
    line += crlf;
    buffer += line.toUtf8();

    qint64 rows = 0;
    bool cancelled = false;
    bool writeFailed = false;
    const bool ok = query.forEachRow(
        [&](const QVector<QVariant> &cells) {
            line.clear();
            for (int c = 0; c < cells.size(); ++c) {
                if (c > 0)
                    line += comma;
                line += delimitedField(cells[c], comma);
            }
            line += crlf;
            buffer += line.toUtf8();
            if (buffer.size() >= (1 << 16)) {
                if (file.write(buffer) != buffer.size()) {
                    writeFailed = true;
                    return false;
                }
                buffer.clear();
            }
            if (++rows % kProgressEvery == 0 && !report(options, rows)) {
                cancelled = true;
                return false;
            }
            return true;
        },
        error);
    if (!ok || cancelled || writeFailed || file.write(buffer) != buffer.size()) {
        if (writeFailed || (ok && !cancelled))
            *error = Text::tr("Cannot write %1").arg(OutputFile::whyNotWritten(path, file));
        file.cancel();
        return false;
    }
    if (!report(options, rows)) {
        file.cancel();
        return false;
    }
    if (!file.commit()) {
        *error = Text::tr("Cannot write %1").arg(OutputFile::whyNotWritten(path, file));
        return false;
    }
    return true;
}

bool exportXlsx(const SqlTableRowQuery &query, const QString &path, const Options &options,
                QString *errorOut)
{
    QString scratch;
    QString *error = errorOut ? errorOut : &scratch;
    error->clear();
    if (!OutputFile::check(path, error))
        return false;
    if (!query.error.isEmpty()) {
        *error = query.error;
        return false;
    }
    // libxlsxwriter writes the file when the workbook closes: write it under a temporary name
    // beside the destination and rename, so a failed, cancelled or killed export leaves the
    // old file alone (and the next run removes what a killed one left).
    AtomicFile partial(path);
    if (!partial.open(QIODevice::WriteOnly)) {
        *error = Text::tr("Cannot write %1").arg(OutputFile::whyNotWritten(path, partial));
        return false;
    }
    partial.close();
    const QByteArray partialName = QFile::encodeName(partial.fileName());
    lxw_workbook_options wbOptions{};
    wbOptions.constant_memory = LXW_TRUE; // rows stream to a temporary file, not to memory
    wbOptions.use_zip64 = LXW_TRUE;
    lxw_workbook *workbook = workbook_new_opt(partialName.constData(), &wbOptions);
    if (!workbook) {
        *error = Text::tr("Cannot create the workbook %1.").arg(path);
        return false;
    }
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, nullptr);
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);

    const int columns = int(query.titles.size());
    QVector<int> widths(columns, kMinWidth);
    auto noteWidth = [&widths](int column, qsizetype chars, int extra) {
        widths[column] = std::clamp(int(std::min<qsizetype>(chars, kMaxWidth)) + extra,
                                    widths[column], kMaxWidth);
    };
    lxw_error status = LXW_NO_ERROR;
    auto writeText = [&](lxw_row_t row, lxw_col_t col, QString text, lxw_format *format) {
        if (text.size() > kXlsxMaxChars)
            text.truncate(kXlsxMaxChars);
        const QByteArray utf8 = text.toUtf8();
        const lxw_error e = worksheet_write_string(sheet, row, col, utf8.constData(), format);
        if (e != LXW_NO_ERROR && status == LXW_NO_ERROR)
            status = e;
        noteWidth(col, text.size(), 1);
    };
    for (int c = 0; c < columns; ++c)
        writeText(0, lxw_col_t(c), query.titles[c], bold);
    // The header's filter button needs room too.
    for (int c = 0; c < columns; ++c)
        noteWidth(c, query.titles[c].size(), 4);

    qint64 rows = 0;
    bool cancelled = false;
    bool tooMany = false;
    const bool ok = query.forEachRow(
        [&](const QVector<QVariant> &cells) {
            if (rows + 1 >= kXlsxMaxRows) {
                tooMany = true;
                return false;
            }
            const auto row = lxw_row_t(rows + 1);
            for (int c = 0; c < cells.size() && c < columns; ++c) {
                const QVariant &v = cells[c];
                const int type = v.typeId();
                if (type == QMetaType::UnknownType)
                    continue;
                if ((type == QMetaType::LongLong || type == QMetaType::Double) &&
                    std::isfinite(v.toDouble()) && std::abs(v.toDouble()) < kExactDoubleLimit) {
                    const lxw_error e =
                        worksheet_write_number(sheet, row, lxw_col_t(c), v.toDouble(), nullptr);
                    if (e != LXW_NO_ERROR && status == LXW_NO_ERROR)
                        status = e;
                    noteWidth(c, cellText(v).size(), 1);
                } else {
                    writeText(row, lxw_col_t(c), cellText(v), nullptr);
                }
            }
            if (status != LXW_NO_ERROR)
                return false;
            if (++rows % kProgressEvery == 0 && !report(options, rows)) {
                cancelled = true;
                return false;
            }
            return true;
        },
        error);
    if (ok && !cancelled && status == LXW_NO_ERROR && !report(options, rows))
        cancelled = true;
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0)
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows), lxw_col_t(columns - 1));
    for (int c = 0; c < columns; ++c)
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    const lxw_error closed = workbook_close(workbook); // frees the workbook in any case
    if (tooMany)
        *error = Text::tr("The table has more rows than a worksheet can hold (%1); export it to "
                          "CSV or filter it first.")
                     .arg(kXlsxMaxRows - 1);
    else if (ok && status != LXW_NO_ERROR)
        *error = Text::tr("Cannot write the workbook %1: %2")
                     .arg(path, QString::fromUtf8(lxw_strerror(status)));
    else if (ok && !cancelled && closed != LXW_NO_ERROR)
        *error = Text::tr("Cannot write the workbook %1: %2")
                     .arg(path, QString::fromUtf8(lxw_strerror(closed)));
    if (!ok || cancelled || !error->isEmpty())
        return false; // partial removes its file
    if (!partial.commit()) {
        *error = Text::tr("Cannot write %1").arg(OutputFile::whyNotWritten(path, partial));
        return false;
    }
    return true;
}

bool exportCsv(const SqlTableModel &model, const QString &path, const Options &options,
               QString *error)
{
    Options o = options;
    if (o.totalRows < 0)
        o.totalRows = model.rowCount();
    return exportCsv(model.rowQuery(), path, o, error);
}

bool exportXlsx(const SqlTableModel &model, const QString &path, const Options &options,
                QString *error)
{
    Options o = options;
    if (o.totalRows < 0)
        o.totalRows = model.rowCount();
    return exportXlsx(model.rowQuery(), path, o, error);
}

} // namespace TableExport
} // namespace trh
