#pragma once

#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Extract {

// The entity types of DESIGN.md §4. The string names are what the workspace,
// the exports and the gold files use.
enum class EntityType {
    Country,
    Place,
    Organization,
    Person,
    ThreatActor,
    Attack,
    Data,
    Quantity,
    Money,
    Date,
};

QString entityTypeName(EntityType type);                 // "country", "threat_actor", ...
bool entityTypeFromName(QStringView name, EntityType *type);
QVector<EntityType> allEntityTypes();

/*
 * One recognised entity. start/end are UTF-16 offsets into the cleaned article
 * text (never the folded text). value is normalised: an ISO 3166 code for a
 * country, place or demonym; an integer for a quantity; an amount for money; an
 * ISO 8601 date (possibly partial) or empty for relative phrases; an
 * attack_type / data_types enumeration for attack and data phrases; a canonical
 * name otherwise. attributes holds what else a later stage needs, as key=value
 * pairs separated by ';' (qualifier=approx;noun=مريض, currency=EUR,
 * country=RU, sector=healthcare ...).
 */
struct Entity
{
    EntityType type = EntityType::Organization;
    int start = 0;
    int end = 0;
    QString text;
    QString value;
    QString attributes;
    double confidence = 0.0;

    QString attribute(QStringView key) const;
    friend bool operator==(const Entity &a, const Entity &b)
    {
        return a.type == b.type && a.start == b.start && a.end == b.end && a.value == b.value
            && a.attributes == b.attributes;
    }
};

using EntityList = QVector<Entity>;

} // namespace Extract
} // namespace Rasid
