#pragma once

#include "extract/entity.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Rasid {
inline namespace Extract {

/*
 * What a phrase an analyst selected in an article means for an incident field
 * or an entity type: the record count and its qualifier of a figure, the ISO
 * date of a date, the normalised value the recogniser gives a country or an
 * attack type. The interface asks here instead of reading the text itself.
 */

// The value a phrase gives an incident field, before the field model normalises it further.
struct FieldValue
{
    QString value;
    QString qualifier; // records_qualifier of a records_affected figure, else empty
};

// records_affected takes a number, incident_date a date with an ISO form,
// victim_country and actor_country a country, attack_type an attack type;
// nullopt when the phrase holds none. Every other field takes the phrase as it is.
std::optional<FieldValue> fieldValueFromPhrase(const QString &field, QStringView phrase);

// The normalised value the recogniser gives a phrase for a type (the longest
// entity of that type it finds), or an empty string.
QString recognisedValue(QStringView phrase, EntityType type);

} // namespace Extract
} // namespace Rasid
