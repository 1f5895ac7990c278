#pragma once

#include "extract/incident.h"
#include "store/exportqueries.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

class QIODevice;

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {

// Which incidents an export takes is a StatusFilter (store/exportqueries.h).

// The exact CSV header of the export contract (DESIGN.md §5).
const QStringList &csvColumns();
// The columns the CSV and XLSX exports write: the contract's, then "notes" and
// "field_origins" (IncidentRow::notes and IncidentRow::fieldOrigins).
const QStringList &csvExportColumns();

/*
 * One incident as every export sees it: the CSV columns in contract order plus
 * the ids needed to reach its article and fields.
 */
struct IncidentRow
{
    qint64 incidentId = 0;
    qint64 articleId = 0;
    QStringList cells; // csvColumns() order
    QString packedFields; // all the incident's fields, as stored (see unpackFields())
    QString createdAt;
    QString articleNote;  // the analyst's notes on the article and on the incident, or empty
    QString incidentNote;
    QString notes;        // both as one cell (notesText())
    QString fieldOrigins; // every field's origin as one cell (fieldOriginsText())
    QString cell(const QString &column) const;
    // cells, then notes and fieldOrigins: a row of csvExportColumns().
    QStringList exportCells() const;
};

// Streams the incidents of a workspace in (article, ordinal) order; the callback returns false to stop.
// With a progress report, the export is cancelled when it returns false (see CursorProgress).
bool forEachIncidentRow(const Workspace &workspace, StatusFilter filter,
                        const std::function<bool(const IncidentRow &)> &callback, QString *error,
                        const CursorProgress &progress = {});

struct ExportOptions
{
    StatusFilter status = StatusFilter::NotRejected;
    bool bom = false;
    // Called with (incidents done, incidents in all) as the export goes; returning
    // false cancels it: the export then returns false and writes nothing.
    CursorProgress progress;
};

bool exportCsv(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
               int *rowsWritten = nullptr);

/*
 * Streams an export into a device in writes of about a megabyte, so that
 * 100,000 rows neither sit in memory nor cost a write each; the first failed
 * write stops the export and its reason is kept.
 */
class ChunkedWriter final
{
public:
    explicit ChunkedWriter(QIODevice &out) : m_out(out) {}
    void append(const QByteArray &bytes);
    bool ok() const { return m_ok; }
    // Writes what is left; on failure stores the device's reason in *error.
    bool finish(QString *error);

private:
    QIODevice &m_out;
    QByteArray m_buffer;
    bool m_ok = true;
};

/*
 * A folder of documents (VERIS, MISP) written as one: the documents go to a
 * hidden temporary folder inside the target and commit() moves them in at the
 * end. A failed or cancelled export, which never commits, leaves the target's
 * documents as they were, no temporary folder, and no target folder that it
 * created.
 */
class StagedFolder final
{
public:
    StagedFolder() = default;
    ~StagedFolder();
    Q_DISABLE_COPY_MOVE(StagedFolder)

    bool open(const QString &folder, QString *error);
    bool write(const QString &name, const QByteArray &bytes, QString *error);
    bool commit(QString *error);

private:
    QString m_target;
    QString m_stage;
    QStringList m_names;
    bool m_createdTarget = false;
    bool m_committed = false;
};

// One stored field of an exported incident with its provenance (DESIGN.md §5b).
using ExportedField = IncidentField;

/*
 * What the richer exports (JSON lines, VERIS) need beyond a CSV row: every
 * stored field with its provenance, including fields outside the CSV contract
 * such as victim_secondary; when the incident was created; and, on request, the
 * article's cleaned text so that evidence spans can be quoted.
 */
struct IncidentDetail
{
    QString createdAt;
    QString articleText; // empty unless asked for
    QHash<QString, ExportedField> fields;
};

/*
 * Where each stored field of an incident comes from, as every export writes
 * it: (field, origin) with origin as stored (suggested by extraction,
 * confirmed or corrected by the analyst; an incident the analyst added has
 * every field corrected), the contract's fields first in contract order, then
 * any other field (victim_secondary ...) by name.
 */
QVector<std::pair<QString, QString>> fieldOrigins(const QHash<QString, ExportedField> &fields);
// The same as one cell of text: "victim=confirmed; actor=corrected; ...".
QString fieldOriginsText(const QHash<QString, ExportedField> &fields);
// The analyst's notes as one cell of text: "article: ..." and "incident: ..."
// on a line each, each only when there is a note; empty without notes.
QString notesText(const QString &articleNote, const QString &incidentNote);

// Streams incidents exactly as forEachIncidentRow does, each with its detail;
// the text is read once per article.
bool forEachIncidentDetail(const Workspace &workspace, StatusFilter filter, bool withArticleText,
                           const std::function<bool(const IncidentRow &, const IncidentDetail &)> &callback,
                           QString *error, const CursorProgress &progress = {});

} // namespace Export
} // namespace Rasid
