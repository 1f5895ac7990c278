#include "overviewtablemodel.h"

#include "overviewcharts.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {

OverviewTableModel::OverviewTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_color(Qt::red)
{
}

void OverviewTableModel::setData(const OverviewData &data)
{
    beginResetModel();
    m_data = data;
    m_counts.clear();
    m_totals.clear();
    m_maximum = 0;
    QHash<QString, int> attackTotals;
    for (const OverviewRow &row : data.aggregate(OverviewAggregate::CountryByAttack)) {
        m_counts.insert({row.first, row.second}, row.count);
        m_totals[row.first] += row.count;
        attackTotals[row.second] += row.count;
        m_maximum = qMax(m_maximum, row.count);
    }
    m_countries = m_totals.keys();
    m_attacks = attackTotals.keys();
    auto byTotal = [](const QHash<QString, int> &totals) {
        return [&totals](const QString &a, const QString &b) {
            const int ta = totals.value(a), tb = totals.value(b);
            return ta != tb ? ta > tb : a < b;
        };
    };
    std::sort(m_countries.begin(), m_countries.end(), byTotal(m_totals));
    std::sort(m_attacks.begin(), m_attacks.end(), byTotal(attackTotals));
    endResetModel();
}

void OverviewTableModel::setColor(const QColor &color)
{
    m_color = color;
    if (!m_countries.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
    }
}

int OverviewTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_countries.size());
}

int OverviewTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_countries.isEmpty() ? 0 : int(m_attacks.size()) + 1;
}

int OverviewTableModel::count(int row, int column) const
{
    const QString country = m_countries.value(row);
    return isTotalColumn(column) ? m_totals.value(country) : m_counts.value({country, m_attacks.value(column)});
}

QVariant OverviewTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int n = count(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return n > 0 ? QLocale().toString(n) : QString();
    case Qt::UserRole:
        return n;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::BackgroundRole:
        if (n > 0 && !isTotalColumn(index.column()) && m_maximum > 0) {
            QColor shade = m_color;
            shade.setAlphaF(0.15 + 0.75 * double(n) / double(m_maximum));
            return shade;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%n incident(s): show their articles", nullptr, n);
    default:
        return {};
    }
}

QVariant OverviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        return section >= 0 && section < m_countries.size()
            ? OverviewCharts::valueLabel(IncidentDimension::Country, m_countries.at(section))
            : QVariant();
    }
    if (section == m_attacks.size()) {
        return tr("Total");
    }
    return section >= 0 && section < m_attacks.size()
        ? OverviewCharts::valueLabel(IncidentDimension::AttackType, m_attacks.at(section))
        : QVariant();
}

IncidentCondition OverviewTableModel::conditionAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) {
        return {};
    }
    if (isTotalColumn(index.column())) {
        return m_data.conditionFor(IncidentDimension::Country, countryAt(index.row()));
    }
    return m_data.conditionFor(OverviewAggregate::CountryByAttack,
                               {countryAt(index.row()), attackAt(index.column()), 0, 0});
}

} // namespace Rasid
