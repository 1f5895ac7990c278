#include "store/problemqueries.h"

#include "store/workspace.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

QVector<ProblemRow> problemsNewestFirst(const Workspace &workspace)
{
    QVector<ProblemRow> rows;
    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, path, item, reason, created_at, severity FROM problems "
                  "ORDER BY created_at DESC, id DESC"_s);
    if (execPrepared(query)) {
        while (query.next()) {
            rows.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toInt(),
                         query.value(3).toString(), query.value(4).toString(), query.value(5).toString()});
        }
    }
    return rows;
}

QVector<ProblemRow> problemReasonsByPath(const Workspace &workspace, bool *ok)
{
    QVector<ProblemRow> rows;
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT path, reason FROM problems ORDER BY path, id"_s);
    const bool done = execPrepared(query);
    if (ok) {
        *ok = done;
    }
    if (done) {
        while (query.next()) {
            ProblemRow row;
            row.path = query.value(0).toString();
            row.reason = query.value(1).toString();
            rows.append(row);
        }
    }
    return rows;
}

} // namespace Store
} // namespace Rasid
