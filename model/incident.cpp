#include "incident.h"

#include "workspace.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {

QString encodeEvidence(const QVector<EvidenceSpan> &spans)
{
    QStringList parts;
    for (const EvidenceSpan &span : spans) {
        parts.append(QString::number(span.start) + u':' + QString::number(span.end));
    }
    return parts.join(u';');
}

QVector<EvidenceSpan> decodeEvidence(const QString &encoded)
{
    QVector<EvidenceSpan> spans;
    for (QStringView part : QStringView(encoded).split(u';', Qt::SkipEmptyParts)) {
        const qsizetype colon = part.indexOf(u':');
        bool okStart = false;
        bool okEnd = false;
        const int start = part.left(colon).toInt(&okStart);
        const int end = part.mid(colon + 1).toInt(&okEnd);
        if (colon > 0 && okStart && okEnd && start >= 0 && end >= start) {
            spans.append({start, end});
        }
    }
    return spans;
}

QString ProposedIncident::value(const QString &name) const
{
    for (const IncidentField &field : fields) {
        if (field.name == name) {
            return field.value;
        }
    }
    return {};
}

void ProposedIncident::set(const QString &name, const QString &value, double fieldConfidence,
                           const QVector<EvidenceSpan> &evidence)
{
    for (IncidentField &field : fields) {
        if (field.name == name) {
            field.value = value;
            field.confidence = fieldConfidence;
            field.evidence = evidence;
            return;
        }
    }
    IncidentField field;
    field.name = name;
    field.value = value;
    field.confidence = fieldConfidence;
    field.evidence = evidence;
    fields.append(field);
}

const QStringList &incidentFieldNames()
{
    static const QStringList names = {
        u"victim"_s, u"victim_sector"_s, u"victim_country"_s, u"attack_type"_s, u"actor"_s, u"actor_type"_s,
        u"actor_country"_s, u"motive"_s, u"records_affected"_s, u"records_qualifier"_s, u"data_types"_s,
        u"incident_date"_s, u"disclosure"_s, u"impact"_s, u"evidence"_s,
    };
    return names;
}

bool storeProposedIncidents(QSqlDatabase db, qint64 articleId, const QVector<ProposedIncident> &incidents)
{
    if (incidents.isEmpty()) {
        return true;
    }
    // Imports store hundreds of thousands of field rows: bind through SQLite directly.
    BulkStatement next(db, "SELECT coalesce(max(ordinal) + 1, 0) FROM incidents WHERE article_id = ?");
    next.bind(1, articleId);
    qint64 ordinal = 0;
    if (!next.exec(nullptr, &ordinal)) {
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    BulkStatement insertIncident(db, "INSERT INTO incidents(article_id, ordinal, review_status, confidence, "
                                     "created_at) VALUES (?, ?, 'suggested', ?, ?)");
    BulkStatement insertField(db, "INSERT INTO incident_fields(incident_id, name, value, origin, confidence, "
                                  "evidence) VALUES (?, ?, ?, ?, ?, ?)");
    for (const ProposedIncident &incident : incidents) {
        insertIncident.bind(1, articleId);
        insertIncident.bind(2, ordinal++);
        insertIncident.bind(3, incident.confidence);
        insertIncident.bind(4, QStringView(now));
        if (!insertIncident.exec()) {
            return false;
        }
        const qint64 incidentId = insertIncident.lastInsertId();
        for (const IncidentField &field : incident.fields) {
            if (field.value.isEmpty()) {
                continue;
            }
            const QString evidence = encodeEvidence(field.evidence);
            insertField.bind(1, incidentId);
            insertField.bind(2, QStringView(field.name));
            insertField.bind(3, QStringView(field.value));
            insertField.bind(4, QStringView(field.origin));
            insertField.bind(5, field.confidence);
            insertField.bind(6, QStringView(evidence));
            if (!insertField.exec()) {
                return false;
            }
        }
    }
    return true;
}

} // namespace Rasid
