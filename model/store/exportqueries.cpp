#include "store/exportqueries.h"

#include "store/statement.h"
#include "store/workspace.h"

#include <QObject>
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

/*
 * Calls a cursor's progress report when one is set: before the first row,
 * every `every` rows and after the last. stopped() tells that the report asked
 * to stop.
 */
class ProgressTicker
{
public:
    ProgressTicker(const CursorProgress &progress, qint64 total)
        : m_progress(progress), m_total(total), m_every(qMax<qint64>(1, progress.every))
    {
    }

    bool start() { return report(); }

    bool row()
    {
        ++m_done;
        return m_done % m_every != 0 || report();
    }

    bool end() { return m_done % m_every == 0 || report(); } // after a row that reported, nothing new

    bool stopped() const { return m_stopped; }

private:
    bool report()
    {
        if (m_progress.report && !m_progress.report(m_done, qMax(m_total, m_done))) {
            m_stopped = true;
        }
        return !m_stopped;
    }

    const CursorProgress &m_progress;
    qint64 m_total = 0;
    qint64 m_every = 1;
    qint64 m_done = 0;
    bool m_stopped = false;
};

// The number of rows a cursor will give (for its progress): the rows of `from`.
bool countRows(QSqlDatabase db, const QString &from, qint64 *count, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT count(*) "_s + from);
    if (!execPrepared(query, error)) {
        return false;
    }
    *count = query.next() ? query.value(0).toLongLong() : 0;
    return true;
}

bool cancelled(QString *error)
{
    if (error) {
        *error = cursorCancelledText();
    }
    return false;
}

} // namespace

QString cursorCancelledText()
{
    return QObject::tr("Cancelled.");
}

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
                           QString *error, const CursorProgress &progress)
{
    // An incident and its article's text (and the count of the progress) must
    // come from the same snapshot while an import may be writing: hold a read
    // transaction unless the caller has one.
    QSqlDatabase db = workspace.database();
    const bool ownTransaction = (withArticleText || progress.report) && db.transaction();
    const auto endTransaction = qScopeGuard([&] {
        if (ownTransaction) {
            db.rollback(); // nothing was written
        }
    });

    // One pass: each incident's fields are packed in its own row, so 100,000
    // incidents stream without a query per incident.
    const QString condition = statusCondition(filter);
    const QString from = u"FROM incidents i JOIN articles a ON a.id = i.article_id "_s
        + (condition.isEmpty() ? QString() : u"WHERE "_s + condition);
    qint64 total = 0;
    if (progress.report && !countRows(db, from, &total, error)) {
        return false;
    }
    ProgressTicker ticker(progress, total);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT i.id, i.article_id, a.path, a.title, a.outlet, a.published, a.source_url, "
                  "i.review_status, i.confidence, i.analyst, i.reviewed_at, i.fields, i.created_at "_s
                  + from + u" ORDER BY a.path, a.id, i.ordinal"_s);
    if (!execPrepared(query, error) || !ticker.start()) {
        return ticker.stopped() ? cancelled(error) : false;
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
            return true; // the caller stopped: not a cancellation
        }
        if (!ticker.row()) {
            return cancelled(error);
        }
    }
    return ticker.end() || cancelled(error);
}

bool forEachStoredEntity(const Workspace &workspace, std::optional<StatusFilter> incidentsOf,
                         const std::function<bool(const StoredEntity &)> &callback, QString *error,
                         const CursorProgress &progress)
{
    QString where;
    if (incidentsOf) {
        const QString condition = statusCondition(*incidentsOf);
        where = u"WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.article_id = a.id"_s
                + (condition.isEmpty() ? QString() : u" AND "_s + condition) + u") "_s;
    }
    const QString from = u"FROM entities e JOIN articles a ON a.id = e.article_id "_s + where;
    qint64 total = 0;
    if (progress.report && !countRows(workspace.database(), from, &total, error)) {
        return false;
    }
    ProgressTicker ticker(progress, total);
    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT a.path, e.start, e.end, e.type, e.text, e.value, e.attributes, e.confidence "_s
                  + from + u"ORDER BY a.path, a.id, e.start, e.end, e.id"_s);
    if (!execPrepared(query, error) || !ticker.start()) {
        return ticker.stopped() ? cancelled(error) : false;
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
            return true; // the caller stopped: not a cancellation
        }
        if (!ticker.row()) {
            return cancelled(error);
        }
    }
    return ticker.end() || cancelled(error);
}

} // namespace Store
} // namespace Rasid
