#pragma once

#include <QPair>
#include <QString>
#include <QVector>

namespace Rasid {

/*
 * What the main window's files and its controllers share: the table of the
 * assign actions, which the menus, the action states and the article view's
 * context menu all list.
 */

// The assign actions: action id -> incident field.
const QVector<QPair<QString, QString>> &assignActions();

} // namespace Rasid
