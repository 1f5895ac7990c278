// ReviewStore: the reads of incidents, articles, entities and lexicon rows.

#include "store/reviewstore.h"
#include "store/reviewstore_p.h"

#include "extract/entity.h"
#include "store/workspace.h"
#include "text/textfold.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

std::optional<IncidentRecord> ReviewStore::readIncident(qint64 incidentId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT article_id, ordinal, review_status, confidence, analyst, reviewed_at, created_at, fields "
                  "FROM incidents WHERE id = ?"_s);
    query.addBindValue(incidentId);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    IncidentRecord record;
    record.id = incidentId;
    record.articleId = query.value(0).toLongLong();
    record.ordinal = query.value(1).toInt();
    record.reviewStatus = query.value(2).toString();
    record.confidence = query.value(3).toDouble();
    record.analyst = query.value(4).toString();
    record.reviewedAt = query.value(5).toString();
    record.createdAt = query.value(6).toString();
    // Fields in contract order, so that two reads of the same row compare equal.
    record.fields = unpackFields(query.value(7).toString());
    sortFields(record.fields);
    return record;
}

IncidentRecord ReviewStore::incident(qint64 incidentId) const
{
    return readIncident(incidentId).value_or(IncidentRecord{});
}

QVector<IncidentRecord> ReviewStore::incidents(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT id FROM incidents WHERE article_id = ? ORDER BY ordinal, id"_s);
    query.addBindValue(articleId);
    QVector<IncidentRecord> records;
    if (!execPrepared(query)) {
        return records;
    }
    QVector<qint64> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    for (qint64 id : std::as_const(ids)) {
        if (auto record = readIncident(id)) {
            records.append(*record);
        }
    }
    return records;
}

FieldRecord ReviewStore::field(qint64 incidentId, const QString &name) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT fields FROM incidents WHERE id = ?"_s);
    query.addBindValue(incidentId);
    if (execPrepared(query) && query.next()) {
        for (FieldRecord &field : unpackFields(query.value(0).toString())) {
            if (field.name == name) {
                return field;
            }
        }
    }
    return {name, QString(), QString(), 0.0, {}};
}

std::optional<ArticleReview> ReviewStore::readArticle(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT review_state, no_incident FROM articles WHERE id = ?"_s);
    query.addBindValue(articleId);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    return ArticleReview{articleId, query.value(0).toString(), query.value(1).toInt() != 0};
}

ArticleContent ReviewStore::article(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT path, title, outlet, published, source_url, text, review_state, no_incident, "
                  "removed, lossy, encoding FROM articles WHERE id = ?"_s);
    query.addBindValue(articleId);
    if (!execPrepared(query) || !query.next()) {
        return {};
    }
    ArticleContent content;
    content.id = articleId;
    content.path = query.value(0).toString();
    content.title = query.value(1).toString();
    content.outlet = query.value(2).toString();
    content.published = query.value(3).toString();
    content.sourceUrl = query.value(4).toString();
    content.text = query.value(5).toString();
    content.review = {articleId, query.value(6).toString(), query.value(7).toInt() != 0};
    // A JSON array of [reason, text] pairs (see BatchWriter).
    for (const QJsonValue &pair : QJsonDocument::fromJson(query.value(8).toString().toUtf8()).array()) {
        const QJsonArray values = pair.toArray();
        content.removed.append({values.at(0).toString(), values.at(1).toString()});
    }
    content.lossy = query.value(9).toInt() != 0;
    content.encoding = query.value(10).toString();
    return content;
}

ArticleReview ReviewStore::articleReview(qint64 articleId) const
{
    return readArticle(articleId).value_or(ArticleReview{});
}

qint64 ReviewStore::articleOfIncident(qint64 incidentId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT article_id FROM incidents WHERE id = ?"_s);
    query.addBindValue(incidentId);
    return execPrepared(query) && query.next() ? query.value(0).toLongLong() : 0;
}

std::optional<EntityRecord> ReviewStore::readEntity(qint64 entityId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT %1 FROM entities WHERE id = ?"_s.arg(EntityColumns));
    query.addBindValue(entityId);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    return entityFromQuery(query);
}

EntityRecord ReviewStore::entity(qint64 entityId) const
{
    return readEntity(entityId).value_or(EntityRecord{});
}

QVector<EntityRecord> ReviewStore::entities(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT %1 FROM entities WHERE article_id = ? ORDER BY start, end, id"_s.arg(EntityColumns));
    query.addBindValue(articleId);
    QVector<EntityRecord> records;
    if (execPrepared(query)) {
        while (query.next()) {
            records.append(entityFromQuery(query));
        }
    }
    return records;
}

std::optional<LexiconRecord> ReviewStore::readLexicon(const QString &folded, const QString &type) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT id, surface, folded, type, value, attributes, analyst, created_at FROM lexicon "
                  "WHERE folded = ? AND type = ?"_s);
    query.addBindValue(folded);
    query.addBindValue(type);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    return LexiconRecord{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toString(),   query.value(4).toString(), query.value(5).toString(),
                         query.value(6).toString(),   query.value(7).toString()};
}

std::optional<LexiconRecord> ReviewStore::lexiconEntry(const QString &surface, const QString &type) const
{
    return readLexicon(fold(surface).simplified(), type);
}

} // namespace Store
} // namespace Rasid
