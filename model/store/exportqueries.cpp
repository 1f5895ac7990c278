#include "store/exportqueries.h"

#include "store/statement.h"
#include "store/workspace.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// The condition a filter puts on incidents (table alias i); empty for All.
QString statusCondition(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::NotRejected: return u"i.review_status != 'rejected'"_s;
    case StatusFilter::Suggested: return u"i.review_status = 'suggested'"_s;
    case StatusFilter::Confirmed: return u"i.review_status = 'confirmed'"_s;
    case StatusFilter::All: break;
    }
    return {};
}

} // namespace

bool statusFilterFromName(const QString &name, StatusFilter *filter)
{
    if (name == u"suggested") {
        *filter = StatusFilter::Suggested;
    } else if (name == u"confirmed") {
        *filter = StatusFilter::Confirmed;
    } else if (name == u"all") {
        *filter = StatusFilter::All;
    } else {
        return false;
    }
    return true;
}

bool forEachStoredIncident(const Workspace &workspace, StatusFilter filter, bool withArticleText,
                           const std::function<bool(const StoredIncident &, const QString &articleText)> &callback,
                           QString *error)
{
    // An incident and its article's text must come from the same snapshot while
    // an import may be writing: hold a read transaction unless the caller has one.
    QSqlDatabase db = workspace.database();
    const bool ownTransaction = withArticleText && db.transaction();
    const auto endTransaction = qScopeGuard([&] {
        if (ownTransaction) {
            db.rollback(); // nothing was written
        }
    });

    // One pass: each incident's fields are packed in its own row, so 100,000
    // incidents stream without a query per incident.
    const QString condition = statusCondition(filter);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT i.id, i.article_id, a.path, a.title, a.outlet, a.published, a.source_url, "
                  "i.review_status, i.confidence, i.analyst, i.reviewed_at, i.fields, i.created_at "
                  "FROM incidents i JOIN articles a ON a.id = i.article_id "_s
                  + (condition.isEmpty() ? QString() : u"WHERE "_s + condition)
                  + u" ORDER BY a.path, a.id, i.ordinal"_s);
    if (!execPrepared(query, error)) {
        return false;
    }
    // Article texts are fetched once per article by key: sorting them along
    // with the incidents would move every text through SQLite's sorter.
    QSqlQuery text(db);
    text.setForwardOnly(true);
    if (withArticleText) {
        text.prepare(u"SELECT text FROM articles WHERE id = ?"_s);
    }
    StoredIncident row;
    QString articleText;
    qint64 textArticle = -1;
    while (query.next()) {
        row.id = query.value(0).toLongLong();
        row.articleId = query.value(1).toLongLong();
        row.path = query.value(2).toString();
        row.title = query.value(3).toString();
        row.outlet = query.value(4).toString();
        row.published = query.value(5).toString();
        row.sourceUrl = query.value(6).toString();
        row.reviewStatus = query.value(7).toString();
        row.confidence = query.value(8).toDouble();
        row.analyst = query.value(9).toString();
        row.reviewedAt = query.value(10).toString();
        row.packedFields = query.value(11).toString();
        row.createdAt = query.value(12).toString();
        if (withArticleText && row.articleId != textArticle) {
            textArticle = row.articleId;
            text.addBindValue(textArticle);
            if (!execPrepared(text, error)) {
                return false;
            }
            articleText = text.next() ? text.value(0).toString() : QString();
            text.finish();
        }
        if (!callback(row, articleText)) {
            break;
        }
    }
    return true;
}

bool forEachStoredEntity(const Workspace &workspace, std::optional<StatusFilter> incidentsOf,
                         const std::function<bool(const StoredEntity &)> &callback, QString *error)
{
    QString where;
    if (incidentsOf) {
        const QString condition = statusCondition(*incidentsOf);
        where = u"WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.article_id = a.id"_s
                + (condition.isEmpty() ? QString() : u" AND "_s + condition) + u") "_s;
    }
    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT a.path, e.start, e.end, e.type, e.text, e.value, e.attributes, e.confidence "
                  "FROM entities e JOIN articles a ON a.id = e.article_id "_s
                  + where + u"ORDER BY a.path, a.id, e.start, e.end, e.id"_s);
    if (!execPrepared(query, error)) {
        return false;
    }
    StoredEntity entity;
    while (query.next()) {
        entity.path = query.value(0).toString();
        entity.start = query.value(1).toInt();
        entity.end = query.value(2).toInt();
        entity.type = query.value(3).toString();
        entity.text = query.value(4).toString();
        entity.value = query.value(5).toString();
        entity.attributes = query.value(6).toString();
        entity.confidence = query.value(7).toDouble();
        if (!callback(entity)) {
            break;
        }
    }
    return true;
}

} // namespace Store
} // namespace Rasid
