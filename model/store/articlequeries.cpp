#include "store/articlequeries.h"

#include "store/workspace.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

qint64 articleIdForPath(const Workspace &workspace, const QString &path)
{
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT id FROM articles WHERE path = ? AND duplicate_of IS NULL ORDER BY item LIMIT 1"_s);
    query.addBindValue(path);
    return execPrepared(query) && query.next() ? query.value(0).toLongLong() : 0;
}

QString articleText(const Workspace &workspace, qint64 articleId)
{
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT text FROM articles WHERE id = ?"_s);
    query.addBindValue(articleId);
    if (execPrepared(query) && query.next()) {
        return query.value(0).toString();
    }
    return {};
}

} // namespace Store
} // namespace Rasid
