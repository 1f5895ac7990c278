#include "export/exporter.h"

#include "export/csv.h"
#include "extract/incident.h"
#include "store/workspace.h"

#include <QHash>
#include <QIODevice>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

QString incidentStatusCondition(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::NotRejected: return u"i.review_status != 'rejected'"_s;
    case StatusFilter::Suggested: return u"i.review_status = 'suggested'"_s;
    case StatusFilter::Confirmed: return u"i.review_status = 'confirmed'"_s;
    case StatusFilter::All: break;
    }
    return {};
}

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
    // One pass: each incident's fields are packed in its own row, so 100,000
    // incidents stream without a query per incident. Only the values are taken
    // out for the CSV columns.
    const QString condition = incidentStatusCondition(filter);
    const QString where = condition.isEmpty() ? QString() : u"WHERE "_s + condition;
    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT i.id, i.article_id, a.path, a.title, a.outlet, a.published, a.source_url, "
                  "i.review_status, i.confidence, i.analyst, i.reviewed_at, i.fields, i.created_at "
                  "FROM incidents i JOIN articles a ON a.id = i.article_id "_s
                  + where + u" ORDER BY a.path, a.id, i.ordinal"_s);
    if (!execPrepared(query, error)) {
        return false;
    }
    const QStringList &names = incidentFieldNames();
    const int fieldCount = int(names.size());
    QHash<QStringView, int> fieldIndex;
    for (int f = 0; f < fieldCount; ++f) {
        fieldIndex.insert(names.at(f), f);
    }
    IncidentRow row;
    QStringList fields;
    while (query.next()) {
        row.incidentId = query.value(0).toLongLong();
        row.articleId = query.value(1).toLongLong();
        row.cells.clear();
        row.cells.reserve(csvColumns().size());
        row.cells << QString::number(row.incidentId);
        for (int c = 2; c <= 7; ++c) {
            row.cells << query.value(c).toString();
        }
        fields.fill(QString(), fieldCount);
        row.packedFields = query.value(11).toString();
        row.createdAt = query.value(12).toString();
        forEachPackedValue(row.packedFields, [&](QStringView name, QStringView value) {
            if (const auto it = fieldIndex.constFind(name); it != fieldIndex.cend()) {
                fields[*it] = value.toString();
            }
        });
        row.cells << fields;
        const QString status = query.value(7).toString();
        row.cells << exportedConfidenceText(query.value(8).toDouble(), status) << query.value(9).toString()
                  << query.value(10).toString();
        if (!callback(row)) {
            break;
        }
    }
    return true;
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
    // An incident and its article's text must come from the same snapshot while
    // an import may be writing: hold a read transaction unless the caller has one.
    QSqlDatabase db = workspace.database();
    const bool ownTransaction = db.transaction();
    const auto endTransaction = qScopeGuard([&] {
        if (ownTransaction) {
            db.rollback(); // nothing was written
        }
    });
    // Article texts are fetched once per article by key: sorting them along
    // with the incidents would move every text through SQLite's sorter.
    QSqlQuery text(db);
    text.setForwardOnly(true);
    text.prepare(u"SELECT text FROM articles WHERE id = ?"_s);
    qint64 article = -1;
    QString articleText;
    bool textOk = true;
    const bool ok = forEachIncidentRow(
        workspace, filter,
        [&](const IncidentRow &row) {
            if (withArticleText && row.articleId != article) {
                article = row.articleId;
                text.addBindValue(article);
                textOk = execPrepared(text, error);
                articleText = textOk && text.next() ? text.value(0).toString() : QString();
                text.finish();
                if (!textOk) {
                    return false;
                }
            }
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
    return ok && textOk;
}

} // namespace Export
} // namespace Rasid
