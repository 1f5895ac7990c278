#include "itemmodels/decoration.h"

#include <QFile>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace ItemModels {

QVariant iconDecoration(const QString &iconName, QHash<QString, QVariant> *cache)
{
    // Looked up once per name: data() is called for every painted cell.
    const auto it = cache->constFind(iconName);
    if (it != cache->constEnd()) {
        return *it;
    }
    const QString path = u":/icons/%1.svg"_s.arg(iconName);
    const QVariant icon = QFile::exists(path) ? QVariant(QIcon(path)) : QVariant();
    cache->insert(iconName, icon);
    return icon;
}

} // namespace ItemModels
} // namespace Rasid
