#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace Rasid {
inline namespace Store {

class Workspace;

/*
 * The reads of incidents that lists and menus need: one article's incidents
 * with the few fields a list shows, and the victim countries in use. The
 * fields are read by SQLite (incident_field()) in the same query, so a list
 * never unpacks whole incidents.
 */
struct IncidentListRow
{
    qint64 id = 0;
    int ordinal = 0;
    QString status;
    double confidence = 0.0;
    QString attackType;
    QString victim;
    QString victimCountry;
    bool operator==(const IncidentListRow &o) const
    {
        return id == o.id && ordinal == o.ordinal && status == o.status && confidence == o.confidence
            && attackType == o.attackType && victim == o.victim && victimCountry == o.victimCountry;
    }
    bool operator!=(const IncidentListRow &o) const { return !(*this == o); }
};

// The incidents of an article in their order, or only onlyIncident of them
// when it is not 0. Empty when the query fails.
QVector<IncidentListRow> incidentListRows(const Workspace &workspace, qint64 articleId, qint64 onlyIncident);

// The distinct victim countries of the incidents that are not rejected, sorted.
QStringList victimCountries(const Workspace &workspace);

} // namespace Store
} // namespace Rasid
