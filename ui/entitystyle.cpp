#include "entitystyle.h"

#include "itemmodels/entitymodel.h"
#include "settingkeys.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Rasid {

QString EntityStyle::label(EntityType type)
{
    return entityTypeLabel(entityTypeName(type));
}

QColor EntityStyle::defaultColor(EntityType type)
{
    return Settings::entityColour(entityTypeName(type)).defaultValue();
}

QColor EntityStyle::color(EntityType type) const
{
    return m_colors.value(type, defaultColor(type));
}

void EntityStyle::setColor(EntityType type, const QColor &color)
{
    if (color.isValid() && color != defaultColor(type)) {
        m_colors.insert(type, color);
    } else {
        m_colors.remove(type);
    }
}

void EntityStyle::setVisible(EntityType type, bool visible)
{
    if (visible) {
        m_hidden &= ~bit(type);
    } else {
        m_hidden |= bit(type);
    }
}

void EntityStyle::loadColors(const QSettings &settings)
{
    m_colors.clear();
    for (EntityType type : allEntityTypes()) {
        setColor(type, Settings::entityColour(entityTypeName(type)).value(settings));
    }
}

void EntityStyle::saveColors(QSettings &settings) const
{
    for (EntityType type : allEntityTypes()) {
        const auto setting = Settings::entityColour(entityTypeName(type));
        if (m_colors.contains(type)) {
            setting.setValue(settings, m_colors.value(type));
        } else {
            setting.reset(settings);
        }
    }
}

} // namespace Rasid
