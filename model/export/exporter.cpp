#include "export/exporter.h"

#include "export/csv.h"
#include "extract/incident.h"

#include <QHash>
#include <QIODevice>
#include <QStringEncoder>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

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

QString IncidentRow::cell(const QString &column) const
{
    return cells.value(int(csvColumns().indexOf(column)));
}

namespace {

// The CSV row of a stored incident: the contract's columns, the fields taken
// out of the packed ones by name.
class RowMaker
{
public:
    RowMaker()
    {
        const QStringList &names = incidentFieldNames();
        for (int f = 0; f < int(names.size()); ++f) {
            m_fieldIndex.insert(names.at(f), f);
        }
    }

    void fill(const StoredIncident &stored, IncidentRow &row)
    {
        row.incidentId = stored.id;
        row.articleId = stored.articleId;
        row.packedFields = stored.packedFields;
        row.createdAt = stored.createdAt;
        row.cells.clear();
        row.cells.reserve(csvColumns().size());
        row.cells << QString::number(stored.id) << stored.path << stored.title << stored.outlet << stored.published
                  << stored.sourceUrl << stored.reviewStatus;
        m_fields.fill(QString(), m_fieldIndex.size());
        forEachPackedValue(stored.packedFields, [&](QStringView name, QStringView value) {
            if (const auto it = m_fieldIndex.constFind(name); it != m_fieldIndex.cend()) {
                m_fields[*it] = value.toString();
            }
        });
        row.cells << m_fields;
        row.cells << exportedConfidenceText(stored.confidence, stored.reviewStatus) << stored.analyst
                  << stored.reviewedAt;
    }

private:
    QHash<QStringView, int> m_fieldIndex;
    QStringList m_fields;
};

} // namespace

bool forEachIncidentRow(const Workspace &workspace, StatusFilter filter,
                        const std::function<bool(const IncidentRow &)> &callback, QString *error)
{
    RowMaker maker;
    IncidentRow row;
    return forEachStoredIncident(
        workspace, filter, false,
        [&](const StoredIncident &stored, const QString &) {
            maker.fill(stored, row);
            return callback(row);
        },
        error);
}

void ChunkedWriter::append(const QByteArray &bytes)
{
    m_buffer.append(bytes);
    if (m_ok && m_buffer.size() > (1 << 20)) {
        m_ok = m_out.write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
}

bool ChunkedWriter::finish(QString *error)
{
    if (m_ok && !m_buffer.isEmpty()) {
        m_ok = m_out.write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
    if (!m_ok && error) {
        *error = m_out.errorString();
    }
    return m_ok;
}

bool exportCsv(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
               int *rowsWritten)
{
    QStringEncoder utf8(QStringEncoder::Utf8);
    ChunkedWriter writer(out);
    if (options.bom) {
        writer.append("\xEF\xBB\xBF");
    }
    writer.append(utf8.encode(csvRow(csvColumns())));
    int rows = 0;
    const bool ok = forEachIncidentRow(
        workspace, options.status,
        [&](const IncidentRow &row) {
            writer.append(utf8.encode(csvRow(row.cells)));
            ++rows;
            return writer.ok();
        },
        error);
    if (!ok || !writer.finish(error)) {
        return false;
    }
    if (rowsWritten) {
        *rowsWritten = rows;
    }
    return true;
}

bool forEachIncidentDetail(const Workspace &workspace, StatusFilter filter, bool withArticleText,
                           const std::function<bool(const IncidentRow &, const IncidentDetail &)> &callback,
                           QString *error)
{
    RowMaker maker;
    IncidentRow row;
    return forEachStoredIncident(
        workspace, filter, withArticleText,
        [&](const StoredIncident &stored, const QString &articleText) {
            maker.fill(stored, row);
            IncidentDetail detail;
            detail.createdAt = row.createdAt;
            for (IncidentField &field : unpackFields(row.packedFields)) {
                const QString name = field.name;
                detail.fields.insert(name, std::move(field));
            }
            detail.articleText = articleText;
            return callback(row, detail);
        },
        error);
}

} // namespace Export
} // namespace Rasid
