#include "store/incidentwriter.h"

#include "store/workspace.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

IncidentWriter::IncidentWriter(QSqlDatabase db)
    : m_nextOrdinal(std::make_unique<BulkStatement>(db, "SELECT coalesce(max(ordinal) + 1, 0) FROM incidents "
                                                        "WHERE article_id = ?"))
    , m_insertIncident(std::make_unique<BulkStatement>(db, "INSERT INTO incidents(article_id, ordinal, review_status, "
                                                           "confidence, created_at, fields) "
                                                           "VALUES (?, ?, 'suggested', ?, ?, ?)"))
{
}

IncidentWriter::~IncidentWriter() = default;

bool IncidentWriter::store(qint64 articleId, const QVector<ProposedIncident> &incidents)
{
    if (incidents.isEmpty()) {
        return true;
    }
    m_nextOrdinal->bind(1, articleId);
    qint64 ordinal = 0;
    if (!m_nextOrdinal->exec(&m_error, &ordinal)) {
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (const ProposedIncident &incident : incidents) {
        m_packed.resize(0);
        for (const IncidentField &field : incident.fields) {
            if (!field.value.isEmpty()) {
                appendPackedField(m_packed, field);
            }
        }
        m_insertIncident->bind(1, articleId);
        m_insertIncident->bind(2, ordinal++);
        m_insertIncident->bind(3, incident.confidence);
        m_insertIncident->bind(4, QStringView(now));
        // Not null even when empty: the column is NOT NULL.
        m_insertIncident->bind(5, m_packed.isNull() ? QStringView(u"") : QStringView(m_packed));
        if (!m_insertIncident->exec(&m_error)) {
            return false;
        }
    }
    return true;
}

bool storeProposedIncidents(QSqlDatabase db, qint64 articleId, const QVector<ProposedIncident> &incidents)
{
    if (incidents.isEmpty()) {
        return true;
    }
    IncidentWriter writer(db);
    return writer.store(articleId, incidents);
}

} // namespace Store
} // namespace Rasid
