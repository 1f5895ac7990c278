#pragma once

#include "extract/incident.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <memory>

namespace Rasid {
inline namespace Store {

class BulkStatement;

/*
 * Stores proposed incidents inside the caller's transaction, after those the
 * analyst kept for the same article. An import writes tens of thousands of
 * incidents, so the statements stay prepared for the writer's lifetime.
 */
class IncidentWriter final
{
    Q_DISABLE_COPY_MOVE(IncidentWriter)
public:
    explicit IncidentWriter(QSqlDatabase db);
    ~IncidentWriter();

    bool store(qint64 articleId, const QVector<ProposedIncident> &incidents);
    // Why the last store() failed.
    QString lastError() const { return m_error; }

private:
    std::unique_ptr<BulkStatement> m_nextOrdinal;
    std::unique_ptr<BulkStatement> m_insertIncident;
    QString m_packed; // the fields of the incident being written, its buffer kept
    QString m_error;
};

// One-off form of IncidentWriter::store().
bool storeProposedIncidents(QSqlDatabase db, qint64 articleId, const QVector<ProposedIncident> &incidents);

} // namespace Store
} // namespace Rasid
