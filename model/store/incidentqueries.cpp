#include "store/incidentqueries.h"

#include "store/workspace.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

// The three fields the list shows are read by SQLite in the same query.
QVector<IncidentListRow> incidentListRows(const Workspace &workspace, qint64 articleId, qint64 onlyIncident)
{
    QVector<IncidentListRow> rows;
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT i.id, i.ordinal, i.review_status, i.confidence, "
                  "incident_field(i.fields, 'attack_type'), incident_field(i.fields, 'victim'), "
                  "incident_field(i.fields, 'victim_country') "
                  "FROM incidents i WHERE i.article_id = ? AND (? = 0 OR i.id = ?) ORDER BY i.ordinal, i.id"_s);
    query.addBindValue(articleId);
    query.addBindValue(onlyIncident);
    query.addBindValue(onlyIncident);
    if (!execPrepared(query)) {
        return rows;
    }
    while (query.next()) {
        rows.append({query.value(0).toLongLong(), query.value(1).toInt(), query.value(2).toString(),
                     query.value(3).toDouble(), query.value(4).toString(), query.value(5).toString(),
                     query.value(6).toString()});
    }
    return rows;
}

QStringList victimCountries(const Workspace &workspace)
{
    QStringList codes;
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT DISTINCT incident_field(fields, 'victim_country') AS v FROM incidents "
                  "WHERE review_status != 'rejected' AND v != '' ORDER BY v"_s);
    if (!execPrepared(query)) {
        return codes;
    }
    while (query.next()) {
        codes.append(query.value(0).toString());
    }
    query.finish();
    return codes;
}

} // namespace Store
} // namespace Rasid
