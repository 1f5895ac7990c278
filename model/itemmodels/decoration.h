#pragma once

#include <QHash>
#include <QString>
#include <QVariant>

namespace Rasid {
inline namespace ItemModels {

// A QIcon for Qt::DecorationRole from ":/icons/<name>.svg", or nothing when
// the application ships no such icon (the model library has no resources).
// Icons are kept in the calling model's cache, so that they die with it,
// before the application.
QVariant iconDecoration(const QString &iconName, QHash<QString, QVariant> *cache);


} // namespace ItemModels
} // namespace Rasid
