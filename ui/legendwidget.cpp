#include "legendwidget.h"

#include <QEvent>
#include <QGridLayout>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
constexpr int kColumns = 5;

QIcon swatch(const QColor &color, bool on)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(160), 1));
    painter.setBrush(on ? color : QColor(Qt::transparent));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}
} // namespace

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"legend"_s);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setHorizontalSpacing(2);
    layout->setVerticalSpacing(0);
    const QVector<EntityType> types = allEntityTypes();
    for (int i = 0; i < types.size(); ++i) {
        const EntityType type = types.at(i);
        auto *button = new QToolButton(this);
        button->setObjectName(u"legend-"_s + entityTypeName(type));
        button->setCheckable(true);
        button->setChecked(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(button, &QToolButton::toggled, this, [this, type](bool on) {
            updateButton(type);
            emit typeToggled(type, on);
        });
        layout->addWidget(button, i / kColumns, i % kColumns);
        m_buttons.insert(type, button);
        updateButton(type);
    }
}

void LegendWidget::setEntityStyle(const EntityStyle &style)
{
    m_style = style;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(style.isVisible(it.key()));
        updateButton(it.key());
    }
}

void LegendWidget::setCounts(const QMap<EntityType, int> &counts)
{
    m_counts = counts;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        updateButton(it.key());
    }
}

bool LegendWidget::isTypeVisible(EntityType type) const
{
    const QToolButton *button = m_buttons.value(type);
    return button && button->isChecked();
}

void LegendWidget::updateButton(EntityType type)
{
    QToolButton *button = m_buttons.value(type);
    if (!button) {
        return;
    }
    const int count = m_counts.value(type);
    button->setIcon(swatch(m_style.color(type), button->isChecked()));
    button->setText(count > 0 ? tr("%1 (%L2)").arg(EntityStyle::label(type)).arg(count) : EntityStyle::label(type));
    button->setToolTip(button->isChecked() ? tr("Hide the %1 highlights").arg(EntityStyle::label(type))
                                           : tr("Show the %1 highlights").arg(EntityStyle::label(type)));
}

void LegendWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
            updateButton(it.key());
        }
    }
}

} // namespace Rasid
