#include "itemmodels/incidentlistmodel.h"

#include "extract/vocabulary.h"
#include "itemmodels/decoration.h"
#include "store/incidentqueries.h"
#include "store/reviewstore.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace ItemModels {

QString reviewStatusLabel(const QString &status)
{
    if (status == u"suggested") {
        return IncidentListModel::tr("Suggested");
    }
    if (status == u"confirmed") {
        return IncidentListModel::tr("Confirmed");
    }
    if (status == u"rejected") {
        return IncidentListModel::tr("Rejected");
    }
    return status;
}

IncidentListModel::IncidentListModel(ReviewStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &ReviewStore::incidentsChanged, this, [this](qint64 articleId) {
        if (articleId == m_articleId) {
            sync();
        }
    });
    connect(store, &ReviewStore::incidentChanged, this, &IncidentListModel::onIncidentChanged);
}

QVector<IncidentListRow> IncidentListModel::query(qint64 articleId, qint64 onlyIncident) const
{
    return incidentListRows(m_store->workspace(), articleId, onlyIncident);
}

void IncidentListModel::setArticle(qint64 articleId)
{
    beginResetModel();
    m_articleId = articleId;
    m_rows = articleId > 0 ? query(articleId, 0) : QVector<IncidentListRow>{};
    endResetModel();
}

/*
 * Brings the rows in line with the workspace by inserting and removing rows.
 * An incident's ordinal never changes, so the incidents still present keep
 * their relative order and new ones slot in where they sort.
 */
void IncidentListModel::sync()
{
    const QVector<IncidentListRow> fresh = query(m_articleId, 0);
    QVector<qint64> freshIds;
    for (const IncidentListRow &row : fresh) {
        freshIds.append(row.id);
    }
    QVector<qint64> kept;
    for (const IncidentListRow &row : std::as_const(m_rows)) {
        if (freshIds.contains(row.id)) {
            kept.append(row.id);
        }
    }
    QVector<qint64> freshKept = freshIds;
    freshKept.removeIf([&](qint64 id) { return !kept.contains(id); });
    // std::equal, not QList::operator==, which memcmp()s null data when both are empty (Qt 6.4).
    if (!std::equal(freshKept.cbegin(), freshKept.cend(), kept.cbegin(), kept.cend())) {
        setArticle(m_articleId); // not an insert/remove change: start again
        return;
    }
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!freshIds.contains(m_rows.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_rows.remove(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < fresh.size(); ++row) {
        if (row < m_rows.size() && m_rows.at(row).id == fresh.at(row).id) {
            if (m_rows.at(row) != fresh.at(row)) {
                m_rows[row] = fresh.at(row);
                emit dataChanged(index(row, 0), index(row, IncidentColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, fresh.at(row));
        endInsertRows();
    }
}

void IncidentListModel::onIncidentChanged(qint64 incidentId)
{
    const int row = rowForIncident(incidentId);
    if (row < 0) {
        return;
    }
    const QVector<IncidentListRow> fresh = query(m_articleId, incidentId);
    if (fresh.size() == 1 && fresh.first() != m_rows.at(row)) {
        m_rows[row] = fresh.first();
        emit dataChanged(index(row, 0), index(row, IncidentColumnCount - 1));
    }
}

qint64 IncidentListModel::incidentIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int IncidentListModel::rowForIncident(qint64 incidentId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == incidentId) {
            return row;
        }
    }
    return -1;
}

int IncidentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : IncidentColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const IncidentListRow &row = m_rows.at(index.row());
    // ReviewStore::addIncident gives the analyst's own incidents confidence 1;
    // the extractor's stay below it (its rules clamp at 0.97, its model is a logistic).
    const bool analystsOwn = row.confidence >= 1.0;
    if (role == IncidentIdRole) {
        return row.id;
    }
    if (role == ReviewStatusRole) {
        return row.status;
    }
    switch (index.column()) {
    case IncidentOrdinalColumn:
        if (role == Qt::DisplayRole) {
            return QLocale().toString(row.ordinal + 1);
        }
        return role == RawValueRole ? row.ordinal : QVariant();
    case IncidentStatusColumn:
        switch (role) {
        case Qt::DisplayRole:
            return analystsOwn && row.status == u"suggested" ? tr("Added, not confirmed") : reviewStatusLabel(row.status);
        case Qt::ToolTipRole:
            return analystsOwn ? tr("Added by the analyst: %1").arg(reviewStatusLabel(row.status))
                               : reviewStatusLabel(row.status);
        case RawValueRole:
            return row.status;
        case IconNameRole:
            return u"status-"_s + row.status;
        case Qt::DecorationRole:
            return iconDecoration(u"status-"_s + row.status, &m_icons);
        default:
            return {};
        }
    case IncidentAttackColumn:
        if (role == Qt::DisplayRole) {
            return fieldValueLabel(u"attack_type"_s, row.attackType);
        }
        return role == RawValueRole ? row.attackType : QVariant();
    case IncidentVictimColumn:
        switch (role) {
        case Qt::DisplayRole:
        case RawValueRole:
            return row.victim;
        case Qt::ToolTipRole:
            return row.victimCountry.isEmpty()
                ? row.victim
                : u"%1 (%2)"_s.arg(row.victim, QLocale::territoryToString(QLocale::codeToTerritory(row.victimCountry)));
        default:
            return {};
        }
    case IncidentConfidenceColumn:
        switch (role) {
        case Qt::DisplayRole:
            // The extractor's confidence; the analyst's own incident has none to show.
            return analystsOwn ? QString() : QLocale().toString(qRound(row.confidence * 100)) + QLocale().percent();
        case Qt::ToolTipRole:
            return analystsOwn ? tr("Added by the analyst: no extraction confidence") : QVariant();
        case RawValueRole:
            return row.confidence;
        case Qt::TextAlignmentRole:
            return int(Qt::AlignTrailing | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IncidentOrdinalColumn:
        return tr("#");
    case IncidentStatusColumn:
        return tr("Status");
    case IncidentAttackColumn:
        return tr("Attack");
    case IncidentVictimColumn:
        return tr("Victim");
    case IncidentConfidenceColumn:
        return tr("Confidence");
    default:
        return {};
    }
}

} // namespace ItemModels
} // namespace Rasid
