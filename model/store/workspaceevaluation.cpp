#include "store/workspaceevaluation.h"

#include "store/workspace.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {
Q_LOGGING_CATEGORY(lcEvaluation, "rasid.evaluation")
}

EvalReport evaluate(const Workspace &workspace, const QJsonDocument &gold, double threshold)
{
    QSqlDatabase db = workspace.database();
    QVector<EvalArticle> articles;
    QHash<qint64, int> indexById;     // article id -> index in articles
    QHash<qint64, qint64> duplicateOf; // article id -> the article it copies

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (query.exec(u"SELECT id, path, item, duplicate_of FROM articles WHERE missing = 0 ORDER BY id"_s)) {
        while (query.next()) {
            EvalArticle a;
            a.path = query.value(1).toString();
            a.item = query.value(2).toInt();
            indexById.insert(query.value(0).toLongLong(), int(articles.size()));
            if (!query.value(3).isNull()) {
                duplicateOf.insert(query.value(0).toLongLong(), query.value(3).toLongLong());
            }
            articles.append(a);
        }
    } else {
        qCWarning(lcEvaluation) << "cannot read articles:" << query.lastError().text();
    }

    if (query.exec(u"SELECT article_id, start, \"end\", type, text, value, attributes, confidence FROM entities "
                   "ORDER BY article_id, start"_s)) {
        while (query.next()) {
            const int index = indexById.value(query.value(0).toLongLong(), -1);
            EntityType type;
            if (index < 0 || !entityTypeFromName(query.value(3).toString(), &type)) {
                continue;
            }
            Entity e;
            e.type = type;
            e.start = query.value(1).toInt();
            e.end = query.value(2).toInt();
            e.text = query.value(4).toString();
            e.value = query.value(5).toString();
            e.attributes = query.value(6).toString();
            e.confidence = query.value(7).toDouble();
            articles[index].entities.append(e);
        }
    } else {
        qCWarning(lcEvaluation) << "cannot read entities:" << query.lastError().text();
    }

    if (query.exec(u"SELECT id, article_id, review_status, confidence, fields FROM incidents "
                   "ORDER BY article_id, ordinal, id"_s)) {
        while (query.next()) {
            const int index = indexById.value(query.value(1).toLongLong(), -1);
            if (index < 0) {
                continue;
            }
            ProposedIncident incident;
            incident.confidence = query.value(3).toDouble();
            incident.primary = articles[index].incidents.isEmpty();
            incident.fields = unpackFields(query.value(4).toString());
            articles[index].incidents.append(incident);
            articles[index].reviewStatus.append(query.value(2).toString());
        }
    } else {
        qCWarning(lcEvaluation) << "cannot read incidents:" << query.lastError().text();
    }
    // A duplicate is scored with what its original holds.
    for (auto it = duplicateOf.cbegin(); it != duplicateOf.cend(); ++it) {
        const int copy = indexById.value(it.key(), -1);
        const int original = indexById.value(it.value(), -1);
        if (copy >= 0 && original >= 0 && articles[copy].entities.isEmpty() && articles[copy].incidents.isEmpty()) {
            articles[copy].entities = articles[original].entities;
            articles[copy].incidents = articles[original].incidents;
            articles[copy].reviewStatus = articles[original].reviewStatus;
        }
    }
    return evaluateArticles(articles, gold, threshold);
}

} // namespace Store
} // namespace Rasid
