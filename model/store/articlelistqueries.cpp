#include "store/articlelistqueries.h"

#include "store/collation.h"
#include "store/statement.h"
#include "store/workspace.h"

#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_LOGGING_CATEGORY(lcArticleList, "rasid.articlelist")

namespace {

// The distinct values of one field over an article's non-rejected incidents,
// sorted and comma-separated ("FR,MA"). Field names are our own constants.
QString incidentValues(const char *field)
{
    return u"(SELECT group_concat(v, ',') FROM (SELECT DISTINCT incident_field(i.fields, '%1') AS v "
           "FROM incidents i WHERE i.article_id = a.id AND i.review_status != 'rejected' AND v != '' ORDER BY v))"_s
        .arg(QLatin1StringView(field));
}

const QString IncidentCount =
    u"(SELECT count(*) FROM incidents i WHERE i.article_id = a.id AND i.review_status != 'rejected')"_s;

const QString Listed = u"a.missing = 0 AND a.duplicate_of IS NULL"_s;

QString sortKeyExpression(ArticleOrder order)
{
    // Titles and outlets sort by their Arabic collation key (collation.h).
    const QString sortKey = QLatin1StringView(ArabicSortKeyFunction);
    switch (order) {
    case ArticleOrder::ReviewState:
        return u"(CASE a.review_state WHEN 'new' THEN 0 WHEN 'in_review' THEN 1 ELSE 2 END)"_s;
    case ArticleOrder::Title:
        return sortKey + u"(a.title)"_s;
    case ArticleOrder::Outlet:
        return sortKey + u"(a.outlet)"_s;
    case ArticleOrder::Published:
        return u"coalesce(a.published, '')"_s;
    case ArticleOrder::Countries:
        return u"coalesce(%1, '')"_s.arg(incidentValues("victim_country"));
    case ArticleOrder::Attacks:
        return u"coalesce(%1, '')"_s.arg(incidentValues("attack_type"));
    case ArticleOrder::Incidents:
        return IncidentCount;
    case ArticleOrder::Import:
        break;
    }
    return u"a.id"_s;
}

QString rowSelect()
{
    return u"SELECT a.id, a.review_state, a.title, a.outlet, a.published, %1, %2, %3, a.lossy FROM articles a WHERE "_s
               .arg(incidentValues("victim_country"), incidentValues("attack_type"), IncidentCount)
        + Listed;
}

bool runQuery(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCWarning(lcArticleList) << "cannot prepare" << sql.left(200);
        if (error) {
            error->clear();
        }
        return false;
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    return execPrepared(query, error);
}

bool readRows(const Workspace &workspace, const QString &sql, const QVariantList &values,
              QVector<ArticleListRow> *rows, QString *error)
{
    QSqlQuery query(workspace.database());
    if (!runQuery(query, sql, values, error)) {
        return false;
    }
    while (query.next()) {
        ArticleListRow row;
        row.id = query.value(0).toLongLong();
        row.state = query.value(1).toString();
        row.title = query.value(2).toString();
        row.outlet = query.value(3).toString();
        row.published = query.value(4).toString();
        row.countries = query.value(5).toString();
        row.attacks = query.value(6).toString();
        row.incidents = query.value(7).toInt();
        row.lossy = query.value(8).toInt() != 0;
        rows->append(row);
    }
    return true;
}

bool readIds(QSqlQuery &query, QVector<qint64> *ids, const QSet<qint64> &excluded = {})
{
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (!excluded.contains(id)) {
            ids->append(id);
        }
    }
    return true;
}

} // namespace

bool prepareArticleListing(const Workspace &workspace, QString *error)
{
    return registerArabicCollation(workspace.database(), error);
}

bool articleRowsById(const Workspace &workspace, const QVector<qint64> &ids, QVector<ArticleListRow> *rows,
                     QString *error)
{
    if (ids.isEmpty()) {
        return true;
    }
    QStringList marks;
    marks.fill(u"?"_s, ids.size());
    QVariantList values;
    for (qint64 id : ids) {
        values.append(id);
    }
    QVector<ArticleListRow> read;
    if (!readRows(workspace, rowSelect() + u" AND a.id IN (%1)"_s.arg(marks.join(u", ")), values, &read, error)) {
        return false;
    }
    QHash<qint64, ArticleListRow> found;
    for (const ArticleListRow &row : std::as_const(read)) {
        found.insert(row.id, row);
    }
    rows->reserve(rows->size() + ids.size());
    for (qint64 id : ids) {
        const auto it = found.constFind(id);
        if (it != found.constEnd()) {
            rows->append(*it);
        }
    }
    return true;
}

bool articlePageInImportOrder(const Workspace &workspace, const ArticleFilter &filter, qint64 afterId,
                              bool descending, int limit, QVector<ArticleListRow> *rows, QString *error)
{
    QString sql = rowSelect() + u" AND ("_s + filter.sqlCondition() + u')';
    QVariantList values = filter.sqlValues();
    if (afterId > 0) {
        sql += descending ? u" AND a.id < ?"_s : u" AND a.id > ?"_s;
        values.append(afterId);
    }
    sql += descending ? u" ORDER BY a.id DESC LIMIT ?"_s : u" ORDER BY a.id LIMIT ?"_s;
    values.append(limit);
    return readRows(workspace, sql, values, rows, error);
}

bool matchingArticleIds(const Workspace &workspace, const ArticleFilter &filter, ArticleOrder order,
                        bool descending, QVector<qint64> *ids, QString *error)
{
    // A full-text filter is evaluated once here rather than once per page and
    // again for the count: for a word in most of 100,000 articles each
    // evaluation reads every match.
    const QString direction = descending ? u" DESC"_s : u" ASC"_s;
    QSqlQuery query(workspace.database());
    if (order == ArticleOrder::Import && filter.searchOnly()) {
        // The search box alone, in import order: the full-text index yields its
        // matches in id order already; only duplicates and missing articles
        // (few, found through their index) are left out.
        QSqlQuery hidden(workspace.database());
        QSet<qint64> excluded;
        if (runQuery(hidden, u"SELECT id FROM articles WHERE duplicate_of IS NOT NULL UNION "
                             "SELECT id FROM articles WHERE missing = 1"_s, {}, error)) {
            while (hidden.next()) {
                excluded.insert(hidden.value(0).toLongLong());
            }
        }
        return runQuery(query, u"SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid"_s + direction,
                        {filter.ftsMatch()}, error)
            && readIds(query, ids, excluded);
    }
    const QString key = order == ArticleOrder::Import ? QString() : sortKeyExpression(order) + direction + u", "_s;
    return runQuery(query,
                    u"SELECT a.id FROM articles a WHERE "_s + Listed + u" AND ("_s + filter.sqlCondition()
                        + u") ORDER BY "_s + key + u"a.id"_s + direction,
                    filter.sqlValues(), error)
        && readIds(query, ids);
}

bool articleMatches(const Workspace &workspace, const ArticleFilter &filter, qint64 articleId)
{
    QSqlQuery query(workspace.database());
    QVariantList values = {articleId};
    values += filter.sqlValues();
    return runQuery(query,
                    u"SELECT 1 FROM articles a WHERE a.id = ? AND "_s + Listed + u" AND ("_s + filter.sqlCondition()
                        + u')',
                    values, nullptr)
        && query.next();
}

ArticleListCounts articleListCounts(const Workspace &workspace)
{
    QSqlQuery totals(workspace.database());
    ArticleListCounts counts;
    if (runQuery(totals,
                 u"SELECT count(*), count(CASE WHEN a.review_state = 'reviewed' THEN 1 END) FROM articles a WHERE "_s
                     + Listed,
                 {}, nullptr)
        && totals.next()) {
        counts.total = totals.value(0).toInt();
        counts.reviewed = totals.value(1).toInt();
    }
    return counts;
}

int matchingArticleCount(const Workspace &workspace, const ArticleFilter &filter)
{
    QSqlQuery filtered(workspace.database());
    return runQuery(filtered, u"SELECT count(*) FROM articles a WHERE "_s + Listed + u" AND ("_s
                                  + filter.sqlCondition() + u')',
                    filter.sqlValues(), nullptr)
            && filtered.next()
        ? filtered.value(0).toInt()
        : 0;
}

} // namespace Store
} // namespace Rasid
