#include "export/xlsxexport.h"

#include "export/csv.h"
#include "store/workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QVariant>

#ifdef RASID_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

bool xlsxExportAvailable()
{
#ifdef RASID_HAVE_XLSXWRITER
    return true;
#else
    return false;
#endif
}

#ifdef RASID_HAVE_XLSXWRITER

namespace {

constexpr int MaxCellCharacters = 32767; // Excel's limit, counted in code points
constexpr double MaxColumnWidth = 60.0;  // characters; long text stays readable in the cell editor
constexpr double MinColumnWidth = 6.0;

/*
 * Text as a cell may hold it: characters XML 1.0 cannot carry (C0 controls
 * other than tab, LF, CR) become spaces, and the text is cut at Excel's
 * 32,767 characters. Returns UTF-8, as libxlsxwriter expects.
 */
QByteArray cellText(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    int codePoints = 0;
    for (qsizetype i = 0; i < text.size() && codePoints < MaxCellCharacters; ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') {
            clean.append(u' ');
        } else if (c == QChar(0xFFFE) || c == QChar(0xFFFF)) {
            clean.append(QChar::ReplacementCharacter);
        } else {
            clean.append(c);
        }
        if (!c.isHighSurrogate()) {
            ++codePoints;
        }
    }
    return clean.toUtf8();
}

// Width of a cell in Excel character units: its longest line, in code points.
double textWidth(const QString &text)
{
    double widest = 0;
    for (QStringView line : QStringView(text).split(u'\n')) {
        widest = qMax(widest, double(line.toUcs4().size()));
    }
    return widest;
}

/*
 * Writes rows into a sheet with a frozen, bold, filtered header and columns
 * sized from what was written; past Excel's row limit it opens a continuation
 * sheet with the same header.
 */
class SheetWriter
{
public:
    SheetWriter(lxw_workbook *workbook, lxw_format *bold, const QString &name, const QStringList &header,
                const QVector<int> &numberColumns)
        : m_workbook(workbook), m_bold(bold), m_name(name), m_header(header), m_numberColumns(numberColumns)
    {
        for (const QString &title : header) {
            m_widths.append(qMax(MinColumnWidth, title.size() + 3.0)); // room for the filter button
        }
        openSheet();
    }

    void writeRow(const QStringList &cells)
    {
        if (m_row == LXW_ROW_MAX) {
            finishSheet();
            openSheet();
        }
        for (int c = 0; c < cells.size() && c < m_header.size(); ++c) {
            const QString &cell = cells.at(c);
            if (cell.isEmpty()) {
                continue;
            }
            bool isNumber = false;
            const double number = m_numberColumns.contains(c) ? cell.toDouble(&isNumber) : 0.0;
            if (isNumber) {
                check(worksheet_write_number(m_sheet, m_row, lxw_col_t(c), number, nullptr));
                m_widths[c] = qMax(m_widths[c], cell.size() + 2.0);
            } else {
                // Strings only, never formulas; the apostrophe keeps the CSV's text.
                const QString safe = neutralizeFormula(cell);
                check(worksheet_write_string(m_sheet, m_row, lxw_col_t(c), cellText(safe).constData(), nullptr));
                m_widths[c] = qMax(m_widths[c], textWidth(safe) + 2.0);
            }
        }
        ++m_row;
    }

    void finish() { finishSheet(); }

    lxw_error error() const { return m_error; }

private:
    void check(lxw_error error)
    {
        if (error != LXW_NO_ERROR && m_error == LXW_NO_ERROR) {
            m_error = error;
        }
    }

    void openSheet()
    {
        ++m_sheetCount;
        const QString name = m_sheetCount == 1 ? m_name : u"%1 %2"_s.arg(m_name).arg(m_sheetCount);
        m_sheet = workbook_add_worksheet(m_workbook, name.toUtf8().constData());
        if (!m_sheet) {
            check(LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        worksheet_right_to_left(m_sheet);
        worksheet_freeze_panes(m_sheet, 1, 0);
        for (int c = 0; c < m_header.size(); ++c) {
            check(worksheet_write_string(m_sheet, 0, lxw_col_t(c), m_header.at(c).toUtf8().constData(), m_bold));
        }
        m_row = 1;
    }

    void finishSheet()
    {
        if (!m_sheet) {
            return;
        }
        for (int c = 0; c < m_widths.size(); ++c) {
            check(worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), qMin(m_widths.at(c), MaxColumnWidth),
                                       nullptr));
        }
        check(worksheet_autofilter(m_sheet, 0, 0, m_row - 1, lxw_col_t(m_header.size() - 1)));
        m_sheet = nullptr;
    }

    lxw_workbook *m_workbook;
    lxw_format *m_bold;
    QString m_name;
    QStringList m_header;
    QVector<int> m_numberColumns;
    QVector<double> m_widths;
    lxw_worksheet *m_sheet = nullptr;
    lxw_row_t m_row = 0;
    int m_sheetCount = 0;
    lxw_error m_error = LXW_NO_ERROR;
};

// The entities of the articles that hold an exported incident, in article order.
bool writeEntities(const Workspace &workspace, StatusFilter filter, SheetWriter &sheet, QString *error,
                   const CursorProgress &progress)
{
    QStringList cells;
    return forEachStoredEntity(
        workspace, filter,
        [&](const StoredEntity &entity) {
            cells = {entity.path,
                     QString::number(entity.start),
                     QString::number(entity.end),
                     entity.type,
                     entity.text,
                     entity.value};
            sheet.writeRow(cells);
            return true;
        },
        error, progress);
}

} // namespace

bool exportXlsx(const Workspace &workspace, const QString &path, const ExportOptions &options, QString *error,
                int *rows)
{
    const auto fail = [&](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    // Reserve a unique name beside the target (same file system, so the final
    // rename is atomic); libxlsxwriter then writes that file by name.
    QTemporaryFile temporary(path + u".tmp-XXXXXX"_s);
    if (!temporary.open()) {
        return fail(QObject::tr("Cannot write next to %1: %2").arg(path, temporary.errorString()));
    }
    temporary.close();
    const QByteArray temporaryName = QFile::encodeName(temporary.fileName());

    // Constant memory: rows go to a temporary file as they are written, so
    // 100,000 incidents do not sit in memory (strings are stored inline).
    lxw_workbook_options workbookOptions = {};
    workbookOptions.constant_memory = LXW_TRUE;
    const QByteArray tmpdir = QFile::encodeName(QFileInfo(path).absolutePath());
    workbookOptions.tmpdir = const_cast<char *>(tmpdir.constData());
    lxw_workbook *workbook = workbook_new_opt(temporaryName.constData(), &workbookOptions);
    if (!workbook) {
        return fail(QObject::tr("Cannot create the workbook %1.").arg(temporary.fileName()));
    }
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);

    const QStringList &columns = csvExportColumns();
    SheetWriter incidents(workbook, bold, u"incidents"_s, columns,
                          {int(columns.indexOf(u"records_affected"_s)), int(columns.indexOf(u"confidence"_s))});
    int written = 0;
    const bool ok = forEachIncidentRow(
        workspace, options.status,
        [&](const IncidentRow &row) {
            incidents.writeRow(row.exportCells());
            ++written;
            return incidents.error() == LXW_NO_ERROR;
        },
        error, options.progress);
    incidents.finish();
    // libxlsxwriter writes sheets in the order they were added: entities after incidents.
    SheetWriter entities(workbook, bold, u"entities"_s,
                         {u"article"_s, u"start"_s, u"end"_s, u"type"_s, u"text"_s, u"value"_s}, {1, 2});
    // The progress counts incidents: the entities come after the last of them,
    // still with the chance to cancel.
    CursorProgress entityProgress;
    if (options.progress.report) {
        entityProgress.every = options.progress.every;
        entityProgress.report = [&](qint64, qint64) { return options.progress.report(written, written); };
    }
    const bool entitiesOk = ok && writeEntities(workspace, options.status, entities, error, entityProgress);
    entities.finish();

    const lxw_error closeError = workbook_close(workbook);
    if (!ok || !entitiesOk) {
        return false;
    }
    for (const lxw_error sheetError : {incidents.error(), entities.error(), closeError}) {
        if (sheetError != LXW_NO_ERROR) {
            return fail(QObject::tr("Cannot write the workbook %1: %2")
                            .arg(path, QString::fromUtf8(lxw_strerror(sheetError))));
        }
    }
    // POSIX rename replaces the target atomically (QFile::rename refuses to).
    if (std::rename(temporaryName.constData(), QFile::encodeName(path).constData()) != 0) {
        return fail(QObject::tr("Cannot replace %1 with the new workbook.").arg(path));
    }
    temporary.setAutoRemove(false);
    if (rows) {
        *rows = written;
    }
    return true;
}

#else

bool exportXlsx(const Workspace &, const QString &path, const ExportOptions &, QString *error, int *)
{
    if (error) {
        *error = QObject::tr("Cannot write %1: this build of Rasid has no XLSX support (libxlsxwriter was not "
                             "found when it was built).")
                     .arg(path);
    }
    return false;
}

#endif

} // namespace Export
} // namespace Rasid
