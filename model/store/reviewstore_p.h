#pragma once

/*
 * What the files of ReviewStore share: its logging category, the words of
 * review statuses and origins, and small helpers over the records it reads
 * and writes.
 */

#include "store/reviewrecords.h"
#include "store/statement.h"

#include <QLoggingCategory>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_DECLARE_LOGGING_CATEGORY(lcReview)

inline const QString Suggested = u"suggested"_s;
inline const QString Confirmed = u"confirmed"_s;
inline const QString Corrected = u"corrected"_s;
inline const QString Rejected = u"rejected"_s;

inline int fieldOrder(const QString &name)
{
    const qsizetype index = incidentFieldNames().indexOf(name);
    return index < 0 ? int(incidentFieldNames().size()) : int(index);
}

inline void sortFields(QVector<FieldRecord> &fields)
{
    std::stable_sort(fields.begin(), fields.end(), [](const FieldRecord &a, const FieldRecord &b) {
        const int oa = fieldOrder(a.name);
        const int ob = fieldOrder(b.name);
        return oa != ob ? oa < ob : a.name < b.name;
    });
}

inline IncidentRecord *findIncident(QVector<IncidentRecord> &incidents, qint64 id)
{
    for (IncidentRecord &incident : incidents) {
        if (incident.id == id) {
            return &incident;
        }
    }
    return nullptr;
}

inline const IncidentRecord *findIncident(const QVector<IncidentRecord> &incidents, qint64 id)
{
    for (const IncidentRecord &incident : incidents) {
        if (incident.id == id) {
            return &incident;
        }
    }
    return nullptr;
}

inline const EntityRecord *findEntity(const QVector<EntityRecord> &entities, qint64 id)
{
    for (const EntityRecord &entity : entities) {
        if (entity.id == id) {
            return &entity;
        }
    }
    return nullptr;
}

// A short description of an incident for the audit log of its deletion.
inline QString describe(const IncidentRecord &incident)
{
    QStringList parts{incident.reviewStatus};
    for (const FieldRecord &field : incident.fields) {
        if (!field.value.isEmpty() && field.name != u"evidence") {
            parts.append(field.name + u'=' + field.value);
        }
    }
    return parts.join(u"; ");
}

inline QString describe(const EntityRecord &entity)
{
    return entity.type + u':' + entity.text;
}

inline QVariant nullable(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

inline const QString EntityColumns = u"id, article_id, start, end, type, text, value, attributes, confidence, origin"_s;

inline EntityRecord entityFromQuery(const QSqlQuery &query)
{
    return {query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toInt(), query.value(3).toInt(),
            query.value(4).toString(),   query.value(5).toString(),   query.value(6).toString(),
            query.value(7).toString(),   query.value(8).toDouble(),   query.value(9).toString()};
}

} // namespace Store
} // namespace Rasid
