#pragma once

#include "itemmodels/roles.h"
#include "store/problemqueries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace ItemModels {


/*
 * The files an import could not read, or read only in part: path, reason and
 * when, newest first. The problems view jumps to the file from ProblemPathRole.
 * Call refresh() when an import finishes (or on Importer::problemFound).
 */
class ProblemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsModel)
public:
    explicit ProblemsModel(Workspace &workspace, QObject *parent = nullptr);

    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Workspace &m_workspace;
    QVector<ProblemRow> m_rows;
    mutable QHash<QString, QVariant> m_icons;
};

} // namespace ItemModels
} // namespace Rasid
