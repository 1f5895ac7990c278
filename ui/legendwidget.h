#pragma once

#include "entitystyle.h"
#include "extract/entity.h"

#include <QMap>
#include <QWidget>

class QToolButton;

namespace Rasid {

/*
 * The colour key of the article view: one checkable chip per entity type,
 * showing the type's colour and label, and how many entities of that type
 * the current article has. Unchecking a chip hides that type's highlights.
 */
class LegendWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LegendWidget)
public:
    explicit LegendWidget(QWidget *parent = nullptr);

    void setEntityStyle(const EntityStyle &style);
    void setCounts(const QMap<EntityType, int> &counts);
    bool isTypeVisible(EntityType type) const;
    QToolButton *button(EntityType type) const { return m_buttons.value(type); }

signals:
    void typeToggled(Rasid::EntityType type, bool visible);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateButton(EntityType type);

    QMap<EntityType, QToolButton *> m_buttons;
    QMap<EntityType, int> m_counts;
    EntityStyle m_style;
};

} // namespace Rasid
