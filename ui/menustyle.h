#pragma once

#include <QProxyStyle>

namespace Rasid {

/*
 * Draws menus as the application style does, with each item's shortcut kept
 * left to right: in the Arabic interface "Ctrl+," would otherwise be reordered
 * by the paragraph's direction and read ",+Ctrl". Set on the window's menus.
 */
class MenuStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MenuStyle)
public:
    MenuStyle();

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    // "Next article\tCtrl+," with the part after the tab isolated left to right.
    static QString isolateShortcut(const QString &menuText);
};

} // namespace Rasid
