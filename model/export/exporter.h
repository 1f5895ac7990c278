#pragma once

#include "extract/incident.h"
#include "store/exportqueries.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {

// Which incidents an export takes is a StatusFilter (store/exportqueries.h).

// The exact CSV header of the export contract (DESIGN.md §5).
const QStringList &csvColumns();

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
    QString cell(const QString &column) const;
};

// Streams the incidents of a workspace in (article, ordinal) order; the callback returns false to stop.
bool forEachIncidentRow(const Workspace &workspace, StatusFilter filter,
                        const std::function<bool(const IncidentRow &)> &callback, QString *error);

struct ExportOptions
{
    StatusFilter status = StatusFilter::NotRejected;
    bool bom = false;
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

// Streams incidents exactly as forEachIncidentRow does, each with its detail;
// the text is read once per article.
bool forEachIncidentDetail(const Workspace &workspace, StatusFilter filter, bool withArticleText,
                           const std::function<bool(const IncidentRow &, const IncidentDetail &)> &callback,
                           QString *error);

} // namespace Export
} // namespace Rasid
