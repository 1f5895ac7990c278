#pragma once

#include "itemmodels/roles.h"
#include "store/incidentqueries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace Rasid {
inline namespace Store { class ReviewStore; }
inline namespace ItemModels {


QString reviewStatusLabel(const QString &status); // "rejected" -> "Rejected"

/*
 * The incidents of one article, in their order: number, review status,
 * attack type, victim and the extractor's confidence. Read-only: incidents
 * change through undo commands, and the model follows the store's signals
 * with row inserts and removals (never a reset), so the view keeps its
 * selection when an incident is added, split, merged or deleted.
 */
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentListModel)
public:
    explicit IncidentListModel(ReviewStore *store, QObject *parent = nullptr);

    void setArticle(qint64 articleId); // 0 shows nothing
    qint64 articleId() const { return m_articleId; }
    qint64 incidentIdAt(int row) const;
    int rowForIncident(qint64 incidentId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<IncidentListRow> query(qint64 articleId, qint64 onlyIncident) const;
    void sync();
    void onIncidentChanged(qint64 incidentId);

    ReviewStore *m_store;
    qint64 m_articleId = 0;
    QVector<IncidentListRow> m_rows;
    mutable QHash<QString, QVariant> m_icons;
};

} // namespace ItemModels
} // namespace Rasid
