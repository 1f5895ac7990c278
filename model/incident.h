#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace Rasid {

struct EvidenceSpan
{
    int start = 0;
    int end = 0;
    friend bool operator==(const EvidenceSpan &a, const EvidenceSpan &b)
    {
        return a.start == b.start && a.end == b.end;
    }
};

// Evidence spans are stored as "start:end;start:end" (UTF-16 offsets into the cleaned text).
QString encodeEvidence(const QVector<EvidenceSpan> &spans);
QVector<EvidenceSpan> decodeEvidence(const QString &encoded);

/*
 * One field of an incident with its provenance: the value, where it came from
 * (suggested by extraction, confirmed or corrected by the analyst), the
 * extractor's confidence and the spans of the article that support it.
 */
struct IncidentField
{
    QString name;
    QString value;
    QString origin = QStringLiteral("suggested");
    double confidence = 0.0;
    QVector<EvidenceSpan> evidence;
};

// An incident as extraction proposes it, before it is stored.
struct ProposedIncident
{
    double confidence = 0.0;
    bool primary = false;
    QVector<IncidentField> fields;

    QString value(const QString &name) const;
    void set(const QString &name, const QString &value, double confidence, const QVector<EvidenceSpan> &evidence = {});
};

// The incident columns of the CSV contract that are fields of an incident
// (victim ... evidence), in export order.
const QStringList &incidentFieldNames();

class BulkStatement;
class MultiRowInsert;

/*
 * Stores proposed incidents inside the caller's transaction, after those the
 * analyst kept for the same article. An import writes hundreds of thousands of
 * field rows, so the statements stay prepared for the writer's lifetime.
 */
class IncidentWriter final
{
    Q_DISABLE_COPY_MOVE(IncidentWriter)
public:
    explicit IncidentWriter(QSqlDatabase db);
    ~IncidentWriter();

    bool store(qint64 articleId, const QVector<ProposedIncident> &incidents);

private:
    std::unique_ptr<BulkStatement> m_nextOrdinal;
    std::unique_ptr<BulkStatement> m_insertIncident;
    std::unique_ptr<MultiRowInsert> m_insertFields; // an incident's fields with one statement
};

// One-off form of IncidentWriter::store().
bool storeProposedIncidents(QSqlDatabase db, qint64 articleId, const QVector<ProposedIncident> &incidents);

} // namespace Rasid
