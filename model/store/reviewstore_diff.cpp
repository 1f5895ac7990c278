// ReviewStore: writing the difference between rows as they are and as they
// must become, one audit row per change.

#include "store/reviewstore.h"
#include "store/reviewstore_p.h"

#include "extract/entity.h"
#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

bool ReviewStore::writeFieldDiff(qint64 incidentId, const IncidentRecord *before, const IncidentRecord &after,
                                 Changes &changes)
{
    QStringList names;
    for (const FieldRecord &f : after.fields) {
        names.append(f.name);
    }
    if (before) {
        for (const FieldRecord &f : before->fields) {
            if (!names.contains(f.name)) {
                names.append(f.name);
            }
        }
    }
    bool changed = false;
    for (const QString &name : std::as_const(names)) {
        const FieldRecord *old = before ? before->field(name) : nullptr;
        const FieldRecord *now = after.field(name);
        if (old && now && *old == *now) {
            continue;
        }
        // One audit row per field, naming what changed: the value, else the
        // origin (a confirmation), else the evidence, else the confidence.
        const QString oldValue = old ? old->value : QString();
        const QString newValue = now ? now->value : QString();
        const QString oldOrigin = old ? old->origin : QString();
        const QString newOrigin = now ? now->origin : QString();
        const QString oldEvidence = old ? encodeEvidence(old->evidence) : QString();
        const QString newEvidence = now ? encodeEvidence(now->evidence) : QString();
        const QString what = u"field."_s + name;
        bool audited = true;
        if (oldValue != newValue || (!old && !now)) {
            audited = audit(what, incidentId, oldValue, newValue);
        } else if (oldOrigin != newOrigin) {
            audited = audit(what + u".origin"_s, incidentId, oldOrigin, newOrigin);
        } else if (oldEvidence != newEvidence) {
            audited = audit(what + u".evidence"_s, incidentId, oldEvidence, newEvidence);
        } else {
            audited = audit(what + u".confidence"_s, incidentId, QString::number(old ? old->confidence : 0.0),
                            QString::number(now ? now->confidence : 0.0));
        }
        if (!audited) {
            return false;
        }
        if (before) {
            changes.fields.append({incidentId, name});
        }
        changes.incidents.insert(incidentId);
        changed = true;
    }
    if (!changed) {
        return true;
    }
    QSqlQuery update(m_workspace.database());
    update.prepare(u"UPDATE incidents SET fields = ? WHERE id = ?"_s);
    update.addBindValue(packFields(after.fields));
    update.addBindValue(incidentId);
    QString error;
    if (!execPrepared(update, &error)) {
        return fail(tr("Cannot save the fields of incident %1: %2").arg(incidentId).arg(error));
    }
    return true;
}

bool ReviewStore::writeIncidentDiff(const QVector<IncidentRecord> &before, QVector<IncidentRecord> &after,
                                    Changes &changes, QVector<qint64> *created)
{
    const QSqlDatabase db = m_workspace.database();
    for (const IncidentRecord &old : before) {
        if (findIncident(after, old.id)) {
            continue;
        }
        QSqlQuery remove(db);
        remove.prepare(u"DELETE FROM incidents WHERE id = ?"_s);
        remove.addBindValue(old.id);
        QString error;
        if (!execPrepared(remove, &error)) {
            return fail(tr("Cannot delete incident %1: %2").arg(old.id).arg(error));
        }
        if (!audit(u"incident.delete"_s, old.id, describe(old), QString())) {
            return false;
        }
        changes.incidentSetChanged = true;
    }
    for (IncidentRecord &now : after) {
        const IncidentRecord *old = now.id > 0 ? findIncident(before, now.id) : nullptr;
        QString error;
        if (!old) {
            if (now.ordinal < 0) {
                QSqlQuery next(db);
                next.prepare(u"SELECT coalesce(max(ordinal) + 1, 0) FROM incidents WHERE article_id = ?"_s);
                next.addBindValue(now.articleId);
                if (!execPrepared(next, &error) || !next.next()) {
                    return fail(error);
                }
                now.ordinal = next.value(0).toInt();
            }
            if (now.createdAt.isEmpty()) {
                now.createdAt = nowUtc();
            }
            // A restored incident comes back under its old id, so the commands
            // above it on the undo stack still find it; a new one gets a fresh id.
            QSqlQuery insert(db);
            insert.prepare(u"INSERT INTO incidents(id, article_id, ordinal, review_status, confidence, analyst, "
                           "reviewed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
            insert.addBindValue(nullable(now.id));
            insert.addBindValue(now.articleId);
            insert.addBindValue(now.ordinal);
            insert.addBindValue(now.reviewStatus);
            insert.addBindValue(now.confidence);
            insert.addBindValue(now.analyst);
            insert.addBindValue(now.reviewedAt);
            insert.addBindValue(now.createdAt);
            if (!execPrepared(insert, &error)) {
                return fail(tr("Cannot add the incident: %1").arg(error));
            }
            if (now.id == 0) {
                now.id = insert.lastInsertId().toLongLong();
                if (created) {
                    created->append(now.id);
                }
                // A fresh id may be one a deleted incident had: its note is not this one's.
                QSqlQuery stale(db);
                stale.prepare(u"DELETE FROM notes WHERE subject = 'incident' AND subject_id = ?"_s);
                stale.addBindValue(now.id);
                if (!execPrepared(stale, &error)) {
                    return fail(error);
                }
            }
            if (!audit(u"incident.add"_s, now.id, QString(), now.reviewStatus)
                || !writeFieldDiff(now.id, nullptr, now, changes)) {
                return false;
            }
            changes.incidentSetChanged = true;
            continue;
        }
        const bool rowChanged = old->articleId != now.articleId || old->ordinal != now.ordinal
            || old->reviewStatus != now.reviewStatus || old->confidence != now.confidence
            || old->analyst != now.analyst || old->analyst.isNull() != now.analyst.isNull()
            || old->reviewedAt != now.reviewedAt || old->reviewedAt.isNull() != now.reviewedAt.isNull()
            || old->createdAt != now.createdAt;
        if (rowChanged) {
            QSqlQuery update(db);
            update.prepare(u"UPDATE incidents SET article_id = ?, ordinal = ?, review_status = ?, confidence = ?, "
                           "analyst = ?, reviewed_at = ?, created_at = ? WHERE id = ?"_s);
            update.addBindValue(now.articleId);
            update.addBindValue(now.ordinal);
            update.addBindValue(now.reviewStatus);
            update.addBindValue(now.confidence);
            update.addBindValue(now.analyst);
            update.addBindValue(now.reviewedAt);
            update.addBindValue(now.createdAt);
            update.addBindValue(now.id);
            if (!execPrepared(update, &error)) {
                return fail(tr("Cannot save incident %1: %2").arg(now.id).arg(error));
            }
            if (old->reviewStatus != now.reviewStatus
                && !audit(u"incident.status"_s, now.id, old->reviewStatus, now.reviewStatus)) {
                return false;
            }
            changes.incidents.insert(now.id);
        }
        if (!writeFieldDiff(now.id, old, now, changes)) {
            return false;
        }
    }
    return true;
}

bool ReviewStore::writeArticle(const ArticleReview &before, ArticleReview after, StateRule rule, Changes &changes)
{
    if (rule == StateRule::Leave) {
        return true;
    }
    if (rule == StateRule::Recompute) {
        // The analyst acted on the article: it is at least in review, and
        // reviewed once nothing in it awaits a decision.
        QSqlQuery counts(m_workspace.database());
        counts.prepare(u"SELECT count(*), count(CASE WHEN review_status != 'suggested' THEN 1 END) "
                       "FROM incidents WHERE article_id = ?"_s);
        counts.addBindValue(after.articleId);
        QString error;
        if (!execPrepared(counts, &error) || !counts.next()) {
            return fail(error);
        }
        const int total = counts.value(0).toInt();
        const int decided = counts.value(1).toInt();
        after.state = after.noIncident || (total > 0 && decided == total) ? u"reviewed"_s : u"in_review"_s;
    }
    if (after == before) {
        return true;
    }
    QSqlQuery update(m_workspace.database());
    update.prepare(u"UPDATE articles SET review_state = ?, no_incident = ? WHERE id = ?"_s);
    update.addBindValue(after.state);
    update.addBindValue(after.noIncident ? 1 : 0);
    update.addBindValue(after.articleId);
    QString error;
    if (!execPrepared(update, &error)) {
        return fail(tr("Cannot save the review state: %1").arg(error));
    }
    if (before.noIncident != after.noIncident
        && !audit(u"article.no_incident"_s, after.articleId, QString::number(int(before.noIncident)),
                  QString::number(int(after.noIncident)))) {
        return false;
    }
    if (before.state != after.state
        && !audit(u"article.review_state"_s, after.articleId, before.state, after.state)) {
        return false;
    }
    changes.articleChanged = true;
    return true;
}

bool ReviewStore::writeEntityDiff(const QVector<EntityRecord> &before, QVector<EntityRecord> &after, bool auditEach,
                                  Changes &changes, QVector<qint64> *created)
{
    const QSqlDatabase db = m_workspace.database();
    // Prepared once: a corpus-wide change writes thousands of rows.
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM entities WHERE id = ?"_s);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO entities(id, article_id, start, end, type, text, value, attributes, confidence, "
                   "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery update(db);
    update.prepare(u"UPDATE entities SET article_id = ?, start = ?, end = ?, type = ?, text = ?, value = ?, "
                   "attributes = ?, confidence = ?, origin = ? WHERE id = ?"_s);
    QString error;
    for (const EntityRecord &old : before) {
        if (findEntity(after, old.id)) {
            continue;
        }
        remove.addBindValue(old.id);
        if (!execPrepared(remove, &error)) {
            return fail(tr("Cannot remove the entity: %1").arg(error));
        }
        if (auditEach && !audit(u"entity.remove"_s, old.id, describe(old), QString())) {
            return false;
        }
        changes.entityArticles.insert(old.articleId);
    }
    for (EntityRecord &now : after) {
        const EntityRecord *old = now.id > 0 ? findEntity(before, now.id) : nullptr;
        if (old && *old == now) {
            continue;
        }
        QSqlQuery &query = old ? update : insert;
        if (!old) {
            query.addBindValue(nullable(now.id));
        }
        query.addBindValue(now.articleId);
        query.addBindValue(now.start);
        query.addBindValue(now.end);
        query.addBindValue(now.type);
        query.addBindValue(now.text);
        query.addBindValue(now.value);
        query.addBindValue(now.attributes);
        query.addBindValue(now.confidence);
        query.addBindValue(now.origin);
        if (old) {
            query.addBindValue(now.id);
        }
        if (!execPrepared(query, &error)) {
            return fail(tr("Cannot save the entity: %1").arg(error));
        }
        if (!old && now.id == 0) {
            now.id = insert.lastInsertId().toLongLong();
            if (created) {
                created->append(now.id);
            }
        }
        if (auditEach) {
            bool audited = true;
            if (!old) {
                audited = audit(u"entity.add"_s, now.id, QString(), describe(now));
            } else if (old->type != now.type) {
                audited = audit(u"entity.type"_s, now.id, old->type, now.type);
            } else {
                audited = audit(u"entity.value"_s, now.id, old->value, now.value);
            }
            if (!audited) {
                return false;
            }
        }
        changes.entityArticles.insert(now.articleId);
        if (old) {
            changes.entityArticles.insert(old->articleId);
        }
    }
    return true;
}

bool ReviewStore::writeLexicon(const QString &folded, const QString &type, const std::optional<LexiconRecord> &record)
{
    QSqlQuery query(m_workspace.database());
    if (!record) {
        query.prepare(u"DELETE FROM lexicon WHERE folded = ? AND type = ?"_s);
        query.addBindValue(folded);
        query.addBindValue(type);
    } else {
        query.prepare(u"INSERT INTO lexicon(id, surface, folded, type, value, attributes, analyst, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(folded, type) DO UPDATE SET "
                      "surface = excluded.surface, value = excluded.value, attributes = excluded.attributes, "
                      "analyst = excluded.analyst, created_at = excluded.created_at"_s);
        query.addBindValue(nullable(record->id));
        query.addBindValue(record->surface);
        query.addBindValue(record->folded);
        query.addBindValue(record->type);
        query.addBindValue(record->value);
        query.addBindValue(record->attributes);
        query.addBindValue(record->analyst);
        query.addBindValue(record->createdAt);
    }
    QString error;
    return execPrepared(query, &error) || fail(tr("Cannot save the lexicon entry: %1").arg(error));
}

} // namespace Store
} // namespace Rasid
