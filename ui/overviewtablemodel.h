#pragma once

#include "store/overviewqueries.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>

namespace Rasid {

/*
 * The overview's country × attack-type table: a row per victim country (most
 * incidents first), a column per attack type (most first) and a last column
 * with the country's total. DisplayRole is the localised count, Qt::UserRole
 * the count itself; conditionAt() names the articles behind a cell.
 */
class OverviewTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewTableModel)
public:
    explicit OverviewTableModel(QObject *parent = nullptr);

    void setData(const OverviewData &data);
    // The colour the busiest cell is shaded with (the legend's attack colour).
    void setColor(const QColor &color);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString countryAt(int row) const { return m_countries.value(row); }
    // The attack type of a column; empty for the total column.
    QString attackAt(int column) const { return m_attacks.value(column); }
    bool isTotalColumn(int column) const { return column == m_attacks.size(); }
    int count(int row, int column) const;
    IncidentCondition conditionAt(const QModelIndex &index) const;

private:
    OverviewData m_data;
    QStringList m_countries;
    QStringList m_attacks;
    QHash<QPair<QString, QString>, int> m_counts;
    QHash<QString, int> m_totals;
    int m_maximum = 0;
    QColor m_color;
};

} // namespace Rasid
