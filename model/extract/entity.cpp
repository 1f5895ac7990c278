#include "extract/entity.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

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
    // The incident builder asks this of every entity in a sentence many times:
    // a scan in place, without splitting into a list.
    const QStringView all(attributes);
    qsizetype at = 0;
    while (at <= all.size()) {
        qsizetype end = all.indexOf(u';', at);
        if (end < 0) {
            end = all.size();
        }
        const QStringView pair = all.sliced(at, end - at);
        const qsizetype eq = pair.indexOf(u'=');
        if (eq > 0 && pair.first(eq) == key) {
            return pair.sliced(eq + 1).toString();
        }
        at = end + 1;
    }
    return {};
}

} // namespace Extract
} // namespace Rasid
