#include "extract/selection.h"

#include "extract/dates.h"
#include "extract/quantities.h"
#include "extract/recognizer.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

QString recognisedValue(QStringView phrase, EntityType type)
{
    const EntityList entities = Recognizer::instance().recognize(phrase);
    const Entity *best = nullptr;
    for (const Entity &entity : entities) {
        if (entity.type == type && (!best || entity.end - entity.start > best->end - best->start)) {
            best = &entity;
        }
    }
    return best ? best->value : QString();
}

std::optional<FieldValue> fieldValueFromPhrase(const QString &field, QStringView phrase)
{
    FieldValue result{phrase.toString(), QString()};
    if (field == u"records_affected") {
        const auto quantity = parseQuantity(phrase);
        if (!quantity) {
            return std::nullopt;
        }
        result.value = QString::number(quantity->value);
        result.qualifier = qualifierName(quantity->qualifier);
    } else if (field == u"incident_date") {
        const auto date = parseDate(phrase);
        if (!date || date->iso.isEmpty()) {
            return std::nullopt;
        }
        result.value = date->iso;
    } else if (field == u"victim_country" || field == u"actor_country") {
        result.value = recognisedValue(phrase, EntityType::Country);
    } else if (field == u"attack_type") {
        result.value = recognisedValue(phrase, EntityType::Attack);
    } else {
        return result;
    }
    if (result.value.isEmpty()) {
        return std::nullopt;
    }
    return result;
}

} // namespace Extract
} // namespace Rasid
