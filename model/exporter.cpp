#include "exporter.h"

#include "csv.h"
#include "incident.h"
#include "workspace.h"

#include <QIODevice>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {

const QStringList &csvColumns()
{
    static const QStringList columns = {
        u"incident_id"_s, u"article"_s, u"title"_s, u"outlet"_s, u"published"_s, u"source_url"_s,
        u"review_status"_s, u"victim"_s, u"victim_sector"_s, u"victim_country"_s, u"attack_type"_s, u"actor"_s,
        u"actor_type"_s, u"actor_country"_s, u"motive"_s, u"records_affected"_s, u"records_qualifier"_s,
        u"data_types"_s, u"incident_date"_s, u"disclosure"_s, u"impact"_s, u"evidence"_s, u"confidence"_s,
        u"analyst"_s, u"reviewed_at"_s,
    };
    return columns;
}

bool statusFilterFromName(const QString &name, StatusFilter *filter)
{
    if (name == u"suggested") {
        *filter = StatusFilter::Suggested;
    } else if (name == u"confirmed") {
        *filter = StatusFilter::Confirmed;
    } else if (name == u"all") {
        *filter = StatusFilter::All;
    } else {
        return false;
    }
    return true;
}

QString IncidentRow::cell(const QString &column) const
{
    return cells.value(int(csvColumns().indexOf(column)));
}

bool forEachIncidentRow(const Workspace &workspace, StatusFilter filter,
                        const std::function<bool(const IncidentRow &)> &callback, QString *error)
{
    // One pass: fields are pivoted into columns by SQLite, so 100,000 incidents
    // stream without a query per incident. Field names are our own constants.
    QString pivot;
    for (const QString &name : incidentFieldNames()) {
        pivot += u", max(CASE WHEN f.name = '%1' THEN f.value END)"_s.arg(name);
    }
    QString where;
    switch (filter) {
    case StatusFilter::NotRejected: where = u"WHERE i.review_status != 'rejected'"_s; break;
    case StatusFilter::Suggested: where = u"WHERE i.review_status = 'suggested'"_s; break;
    case StatusFilter::Confirmed: where = u"WHERE i.review_status = 'confirmed'"_s; break;
    case StatusFilter::All: break;
    }
    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT i.id, i.article_id, a.path, a.title, a.outlet, a.published, a.source_url, "
                  "i.review_status, i.confidence, i.analyst, i.reviewed_at"_s
                  + pivot
                  + u" FROM incidents i JOIN articles a ON a.id = i.article_id "
                    "LEFT JOIN incident_fields f ON f.incident_id = i.id "_s
                  + where + u" GROUP BY i.id ORDER BY a.path, a.id, i.ordinal"_s);
    if (!execPrepared(query, error)) {
        return false;
    }
    const int fieldCount = int(incidentFieldNames().size());
    IncidentRow row;
    while (query.next()) {
        row.incidentId = query.value(0).toLongLong();
        row.articleId = query.value(1).toLongLong();
        row.cells.clear();
        row.cells.reserve(csvColumns().size());
        row.cells << QString::number(row.incidentId);
        for (int c = 2; c <= 7; ++c) {
            row.cells << query.value(c).toString();
        }
        for (int f = 0; f < fieldCount; ++f) {
            row.cells << query.value(11 + f).toString();
        }
        const QString status = query.value(7).toString();
        const double confidence = status == u"confirmed" ? 1.0 : query.value(8).toDouble();
        row.cells << QString::number(confidence, 'g', 3) << query.value(9).toString() << query.value(10).toString();
        if (!callback(row)) {
            break;
        }
    }
    return true;
}

bool exportCsv(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
               int *rowsWritten)
{
    QStringEncoder utf8(QStringEncoder::Utf8);
    QByteArray buffer;
    if (options.bom) {
        buffer.append("\xEF\xBB\xBF");
    }
    buffer.append(utf8.encode(csvRow(csvColumns())));
    int rows = 0;
    bool writeOk = true;
    const bool ok = forEachIncidentRow(
        workspace, options.status,
        [&](const IncidentRow &row) {
            buffer.append(utf8.encode(csvRow(row.cells)));
            ++rows;
            if (buffer.size() > (1 << 20)) {
                writeOk = out.write(buffer) == buffer.size();
                buffer.clear();
            }
            return writeOk;
        },
        error);
    if (!ok) {
        return false;
    }
    if (writeOk && !buffer.isEmpty()) {
        writeOk = out.write(buffer) == buffer.size();
    }
    if (!writeOk) {
        if (error) {
            *error = out.errorString();
        }
        return false;
    }
    if (rowsWritten) {
        *rowsWritten = rows;
    }
    return true;
}

} // namespace Rasid
