#pragma once

#include "extract/entity.h"

#include <QColor>
#include <QMap>
#include <QString>

class QSettings;

namespace Rasid {

/*
 * How each entity type looks in the article view and the legend: a translated
 * label, a background colour (defaults from Settings::entityColour, which the
 * analyst overrides in Settings) and whether the legend shows it.
 */
class EntityStyle final
{
public:
    static QString label(EntityType type);            // "country", "دولة" ...
    static QColor defaultColor(EntityType type);

    QColor color(EntityType type) const;
    void setColor(EntityType type, const QColor &color);
    bool isVisible(EntityType type) const { return !(m_hidden & bit(type)); }
    void setVisible(EntityType type, bool visible);

    // The colours the analyst chose (Settings::entityColour), read and written.
    void loadColors(const QSettings &settings);
    void saveColors(QSettings &settings) const;

private:
    static quint32 bit(EntityType type) { return 1u << int(type); }

    QMap<EntityType, QColor> m_colors;
    quint32 m_hidden = 0;
};

} // namespace Rasid
