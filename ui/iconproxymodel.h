#pragma once

#include <QIdentityProxyModel>

namespace Rasid {

/*
 * Gives the views their icons: the core models name an icon per cell
 * (IconNameRole, "review-new", "status-rejected" ...) and this proxy answers
 * Qt::DecorationRole with the icon Rasid paints for that name. Rows and
 * columns are the source's, one to one, and sorting and paging (fetchMore)
 * pass through to the source model.
 */
class IconProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IconProxyModel)
public:
    explicit IconProxyModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Rasid
