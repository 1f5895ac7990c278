#include "itemmodels/problemsmodel.h"

#include "itemmodels/decoration.h"
#include "store/problemqueries.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace ItemModels {

ProblemsModel::ProblemsModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    refresh();
}

// Problems are few (one per unreadable file), so they are all read at once.
void ProblemsModel::refresh()
{
    const QVector<ProblemRow> rows = problemsNewestFirst(m_workspace);
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ProblemColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ProblemRow &row = m_rows.at(index.row());
    if (role == ProblemIdRole) {
        return row.id;
    }
    if (role == ProblemPathRole) {
        return row.path;
    }
    const bool warning = row.severity == u"warning";
    if (role == ProblemSeverityRole) {
        return warning ? u"warning"_s : u"error"_s;
    }
    switch (index.column()) {
    case ProblemPathColumn:
        if (role == Qt::DisplayRole) {
            // Items of JSON lines files are 1-based, written as articles' paths are.
            return row.item > 0 ? u"%1#%2"_s.arg(row.path).arg(row.item) : row.path;
        }
        // A warning (the article was read, with a loss) looks unlike an error
        // (nothing was read), so the analyst sees at once which files are missing.
        if (role == IconNameRole || role == Qt::DecorationRole) {
            const QString icon = warning ? u"problems"_s : u"problem-error"_s;
            return role == IconNameRole ? QVariant(icon) : iconDecoration(icon, &m_icons);
        }
        return role == RawValueRole || role == Qt::ToolTipRole ? row.path : QVariant();
    case ProblemReasonColumn:
        if (role == Qt::ToolTipRole) {
            return (warning ? tr("Warning: the file was read, with a loss. %1") : tr("Error: the file was not read. %1"))
                .arg(row.reason);
        }
        return role == Qt::DisplayRole || role == RawValueRole ? row.reason : QVariant();
    case ProblemTimeColumn:
        if (role == Qt::DisplayRole) {
            const QDateTime at = QDateTime::fromString(row.createdAt, Qt::ISODate);
            return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : row.createdAt;
        }
        return role == RawValueRole ? row.createdAt : QVariant();
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ProblemPathColumn:
        return tr("File");
    case ProblemReasonColumn:
        return tr("Problem");
    case ProblemTimeColumn:
        return tr("When");
    default:
        return {};
    }
}

} // namespace ItemModels
} // namespace Rasid
