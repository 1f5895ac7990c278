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
    QSqlQuery next(db);
    next.prepare(u"SELECT coalesce(max(ordinal) + 1, 0) FROM incidents WHERE article_id = ?"_s);
    next.addBindValue(articleId);
    if (!execPrepared(next) || !next.next()) {
        return false;
    }
    int ordinal = next.value(0).toInt();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QSqlQuery insertIncident(db);
    insertIncident.prepare(u"INSERT INTO incidents(article_id, ordinal, review_status, confidence, created_at) "
                           "VALUES (?, ?, 'suggested', ?, ?)"_s);
    QSqlQuery insertField(db);
    insertField.prepare(u"INSERT INTO incident_fields(incident_id, name, value, origin, confidence, evidence) "
                        "VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const ProposedIncident &incident : incidents) {
        insertIncident.addBindValue(articleId);
        insertIncident.addBindValue(ordinal++);
        insertIncident.addBindValue(incident.confidence);
        insertIncident.addBindValue(now);
        if (!execPrepared(insertIncident)) {
            return false;
        }
        const qint64 incidentId = insertIncident.lastInsertId().toLongLong();
        for (const IncidentField &field : incident.fields) {
            if (field.value.isEmpty()) {
                continue;
            }
            insertField.addBindValue(incidentId);
            insertField.addBindValue(field.name);
            insertField.addBindValue(field.value);
            insertField.addBindValue(field.origin);
            insertField.addBindValue(field.confidence);
            insertField.addBindValue(encodeEvidence(field.evidence));
            if (!execPrepared(insertField)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace Rasid
