// ReviewStore: the entity edits, and marking a lexicon entry across the corpus.

#include "store/reviewstore.h"
#include "store/reviewstore_p.h"

#include "extract/entity.h"
#include "store/corpuslexicon.h"
#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

qint64 ReviewStore::addEntity(qint64 articleId, int start, int end, const QString &type, const QString &value,
                              const QString &attributes)
{
    EntityType parsed;
    if (!entityTypeFromName(type, &parsed)) {
        refuse(tr("Unknown entity type: %1").arg(type));
        return 0;
    }
    QVector<qint64> created;
    const bool ok = changeEntities(
        articleId, {}, StateRule::Recompute,
        [&](QVector<EntityRecord> &entities) {
            QSqlQuery full(m_workspace.database());
            full.prepare(u"SELECT text FROM articles WHERE id = ?"_s);
            full.addBindValue(articleId);
            if (!execPrepared(full) || !full.next()) {
                return fail(tr("Article %1 does not exist.").arg(articleId));
            }
            const QString articleText = full.value(0).toString();
            if (start < 0 || end <= start || end > articleText.size()) {
                return fail(tr("The span %1-%2 is outside the article.").arg(start).arg(end));
            }
            entities.append({0, articleId, start, end, type, articleText.mid(start, end - start), value, attributes,
                             1.0, u"analyst"_s});
            return true;
        },
        &created);
    return ok && !created.isEmpty() ? created.first() : 0;
}

bool ReviewStore::changeEntityType(qint64 entityId, const QString &type, const std::optional<QString> &value)
{
    EntityType parsed;
    if (!entityTypeFromName(type, &parsed)) {
        return refuse(tr("Unknown entity type: %1").arg(type));
    }
    const EntityRecord current = entity(entityId);
    if (current.id == 0) {
        return refuse(tr("Entity %1 does not exist.").arg(entityId));
    }
    return changeEntities(current.articleId, {entityId}, StateRule::Recompute, [&](QVector<EntityRecord> &entities) {
        if (entities.isEmpty()) {
            return fail(tr("Entity %1 does not exist.").arg(entityId));
        }
        EntityRecord &record = entities.first();
        record.type = type;
        if (value) {
            record.value = *value;
        }
        if (record.origin == Suggested) {
            record.origin = Corrected;
        }
        return true;
    });
}

bool ReviewStore::removeEntity(qint64 entityId)
{
    const EntityRecord current = entity(entityId);
    if (current.id == 0) {
        return refuse(tr("Entity %1 does not exist.").arg(entityId));
    }
    return changeEntities(current.articleId, {entityId}, StateRule::Recompute, [&](QVector<EntityRecord> &entities) {
        if (entities.isEmpty()) {
            return fail(tr("Entity %1 does not exist.").arg(entityId));
        }
        entities.clear();
        return true;
    });
}

int ReviewStore::applyEntityToCorpus(const QString &surface, const QString &type, const QString &value,
                                     const QString &attributes, CorpusChange *change)
{
    EntityType parsed;
    const QString folded = fold(surface).simplified();
    bool hasWord = false;
    for (QChar c : folded) {
        hasWord = hasWord || isWordChar(c);
    }
    if (!entityTypeFromName(type, &parsed) || !hasWord) {
        refuse(hasWord ? tr("Unknown entity type: %1").arg(type) : tr("There is no word to look for."));
        return -1;
    }
    if (!begin()) {
        return -1;
    }
    CorpusChange result;
    result.folded = folded;
    result.type = type;
    Changes changes;
    const bool ok = [&] {
        result.previousLexicon = readLexicon(folded, type);
        LexiconRecord entry{result.previousLexicon ? result.previousLexicon->id : 0,
                            surface.trimmed(), folded, type, value, attributes, m_analyst, nowUtc()};
        if (!writeLexicon(folded, type, entry)) {
            return false;
        }

        // The full-text index narrows the corpus to the articles that may
        // hold the entry; only their texts are folded and scanned.
        const QSqlDatabase db = m_workspace.database();
        const QString match = candidateMatch(surface);
        QSqlQuery candidates(db);
        candidates.setForwardOnly(true);
        candidates.prepare(match.isEmpty()
                               ? u"SELECT a.id, a.text FROM articles a WHERE a.duplicate_of IS NULL AND a.missing = 0"_s
                               : u"SELECT a.id, a.text FROM articles a WHERE a.id IN "
                                 "(SELECT rowid FROM article_fts WHERE article_fts MATCH ?) "
                                 "AND a.duplicate_of IS NULL AND a.missing = 0"_s);
        if (!match.isEmpty()) {
            candidates.addBindValue(match);
        }
        QString error;
        if (!execPrepared(candidates, &error)) {
            return fail(tr("Cannot search the corpus: %1").arg(error));
        }
        QSqlQuery existing(db);
        existing.prepare(u"SELECT %1 FROM entities WHERE article_id = ?"_s.arg(EntityColumns));
        QVector<EntityRecord> before;
        QVector<EntityRecord> after;
        while (candidates.next()) {
            const qint64 articleId = candidates.value(0).toLongLong();
            const QString text = candidates.value(1).toString();
            const QVector<OccurrenceSpan> spans = findOccurrences(foldWithMap(text), folded);
            if (spans.isEmpty()) {
                continue;
            }
            existing.addBindValue(articleId);
            if (!execPrepared(existing, &error)) {
                return fail(error);
            }
            QVector<EntityRecord> present;
            while (existing.next()) {
                present.append(entityFromQuery(existing));
            }
            // Exact span: retype if needed. Overlapping another entity: leave
            // the analyst's or the extractor's decision alone.
            for (const OccurrenceSpan &span : spans) {
                const auto same = std::find_if(present.cbegin(), present.cend(), [&](const EntityRecord &e) {
                    return e.start == span.start && e.end == span.end;
                });
                if (same != present.cend()) {
                    if (same->type != type) {
                        before.append(*same);
                        EntityRecord retyped = *same;
                        retyped.type = type;
                        retyped.value = value;
                        retyped.attributes = attributes;
                        retyped.origin = u"lexicon"_s;
                        after.append(retyped);
                    }
                    continue;
                }
                const bool overlaps = std::any_of(present.cbegin(), present.cend(), [&](const EntityRecord &e) {
                    return e.start < span.end && span.start < e.end;
                });
                if (!overlaps) {
                    after.append({0, articleId, span.start, span.end, type, text.mid(span.start, span.end - span.start),
                                  value, attributes, 1.0, u"lexicon"_s});
                }
            }
        }
        result.retyped = before;
        if (!writeEntityDiff(before, after, false, changes, &result.added)) {
            return false;
        }
        const std::optional<LexiconRecord> stored = readLexicon(folded, type);
        return audit(u"lexicon.apply"_s, stored ? stored->id : 0,
                     result.previousLexicon ? result.previousLexicon->type + u':' + result.previousLexicon->surface
                                            : QString(),
                     u"%1:%2 (%3)"_s.arg(type, entry.surface).arg(result.count()));
    }();
    if (!commitOrRollback(ok)) {
        return -1;
    }
    for (qint64 articleId : std::as_const(changes.entityArticles)) {
        emit entitiesChanged(articleId);
    }
    if (change) {
        *change = result;
    }
    return result.count();
}

} // namespace Store
} // namespace Rasid
