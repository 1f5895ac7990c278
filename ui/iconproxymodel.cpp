#include "iconproxymodel.h"

#include "icons.h"
#include "itemmodels/roles.h"

namespace Rasid {

IconProxyModel::IconProxyModel(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

QVariant IconProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole) {
        const QString name = QIdentityProxyModel::data(index, IconNameRole).toString();
        if (!name.isEmpty()) {
            const QIcon icon = rasidIcon(name);
            if (!icon.isNull()) {
                return icon;
            }
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Rasid
