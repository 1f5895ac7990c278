#include "entity.h"

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
struct TypeName
{
    EntityType type;
    QStringView name;
};
constexpr TypeName kTypeNames[] = {
    {EntityType::Country, u"country"},
    {EntityType::Place, u"place"},
    {EntityType::Organization, u"organization"},
    {EntityType::Person, u"person"},
    {EntityType::ThreatActor, u"threat_actor"},
    {EntityType::Attack, u"attack"},
    {EntityType::Data, u"data"},
    {EntityType::Quantity, u"quantity"},
    {EntityType::Money, u"money"},
    {EntityType::Date, u"date"},
};
} // namespace

QString entityTypeName(EntityType type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type) {
            return entry.name.toString();
        }
    }
    return {};
}

bool entityTypeFromName(QStringView name, EntityType *type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.name == name) {
            *type = entry.type;
            return true;
        }
    }
    return false;
}

QVector<EntityType> allEntityTypes()
{
    QVector<EntityType> types;
    for (const auto &entry : kTypeNames) {
        types.append(entry.type);
    }
    return types;
}

QString Entity::attribute(QStringView key) const
{
    for (QStringView pair : QStringView(attributes).split(u';')) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq > 0 && pair.left(eq) == key) {
            return pair.mid(eq + 1).toString();
        }
    }
    return {};
}

} // namespace Rasid
