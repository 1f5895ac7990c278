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

EvalReport evaluate(const Workspace &workspace, const QJsonDocument &gold)
{
    QSqlDatabase db = workspace.database();
    QVector<EvalArticle> articles;
    QHash<qint64, int> indexById;     // article id -> index in articles

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (query.exec(u"SELECT id, path, item FROM articles ORDER BY path, id"_s)) {
        while (query.next()) {
            EvalArticle a;
            a.path = query.value(1).toString();
            a.item = query.value(2).toInt();
            indexById.insert(query.value(0).toLongLong(), int(articles.size()));
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
    return evaluateArticles(articles, gold);
}

} // namespace Store
} // namespace Rasid
