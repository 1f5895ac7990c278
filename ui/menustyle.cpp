#include "menustyle.h"


#include <QStyleOptionMenuItem>

namespace Rasid {

MenuStyle::MenuStyle()
    : QProxyStyle(nullptr)
{
}

QString MenuStyle::isolateShortcut(const QString &menuText)
{
    const qsizetype tab = menuText.indexOf(u'\t');
    if (tab < 0 || tab + 1 >= menuText.size() || menuText.at(tab + 1) == QChar(0x2066)) {
        return menuText;
    }
    // The same isolates as ActionRegistry::keysText() puts around tooltips' keys.
    return menuText.left(tab + 1) + QChar(0x2066) + menuText.mid(tab + 1) + QChar(0x2069);
}

void MenuStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                            const QWidget *widget) const
{
    if (element == CE_MenuItem) {
        if (const auto *item = qstyleoption_cast<const QStyleOptionMenuItem *>(option)) {
            QStyleOptionMenuItem copy(*item);
            copy.text = isolateShortcut(item->text);
            QProxyStyle::drawControl(element, &copy, painter, widget);
            return;
        }
    }
    QProxyStyle::drawControl(element, option, painter, widget);
}

} // namespace Rasid
