// ReviewStore: the snapshots that undo commands keep and their exact restore.

#include "store/reviewstore.h"
#include "store/reviewstore_p.h"

#include "extract/entity.h"
#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

IncidentSnapshot ReviewStore::snapshotIncidents(qint64 articleId, const QVector<qint64> &incidentIds) const
{
    IncidentSnapshot snapshot;
    snapshot.article = articleReview(articleId);
    snapshot.incidentIds = incidentIds;
    for (qint64 id : incidentIds) {
        if (std::optional<IncidentRecord> record = readIncident(id)) {
            snapshot.incidents.append(*record);
        }
    }
    return snapshot;
}

bool ReviewStore::restoreIncidents(const IncidentSnapshot &snapshot)
{
    return changeIncidents(snapshot.article.articleId, snapshot.incidentIds, StateRule::AsGiven,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &article) {
                               incidents = snapshot.incidents;
                               article = snapshot.article;
                               return true;
                           });
}

EntitySnapshot ReviewStore::snapshotEntities(qint64 articleId, const QVector<qint64> &entityIds) const
{
    EntitySnapshot snapshot;
    if (articleId > 0) {
        snapshot.article = articleReview(articleId);
    }
    snapshot.entityIds = entityIds;
    for (qint64 id : entityIds) {
        if (std::optional<EntityRecord> record = readEntity(id)) {
            snapshot.entities.append(*record);
        }
    }
    return snapshot;
}

bool ReviewStore::restoreEntities(const EntitySnapshot &snapshot)
{
    if (!begin()) {
        return false;
    }
    Changes changes;
    const bool ok = [&] {
        QVector<EntityRecord> before;
        for (qint64 id : snapshot.entityIds) {
            if (const std::optional<EntityRecord> record = readEntity(id)) {
                before.append(*record);
            }
        }
        QVector<EntityRecord> after = snapshot.entities;
        // A corpus-wide change gets one summary audit row, not one per entity.
        const bool auditEach = !snapshot.coversLexicon;
        if (!writeEntityDiff(before, after, auditEach, changes, nullptr)) {
            return false;
        }
        if (snapshot.coversLexicon) {
            if (!writeLexicon(snapshot.lexiconFolded, snapshot.lexiconType, snapshot.lexicon)
                || !audit(u"lexicon.restore"_s, snapshot.lexicon ? snapshot.lexicon->id : 0, QString(),
                          u"%1:%2 (%3)"_s.arg(snapshot.lexiconType, snapshot.lexiconFolded)
                              .arg(snapshot.entityIds.size()))) {
                return false;
            }
        }
        if (snapshot.article.articleId > 0) {
            const std::optional<ArticleReview> current = readArticle(snapshot.article.articleId);
            if (!current) {
                return fail(tr("Article %1 does not exist.").arg(snapshot.article.articleId));
            }
            return writeArticle(*current, snapshot.article, StateRule::AsGiven, changes);
        }
        return true;
    }();
    if (!commitOrRollback(ok)) {
        return false;
    }
    for (qint64 articleId : std::as_const(changes.entityArticles)) {
        emit entitiesChanged(articleId);
    }
    if (changes.articleChanged) {
        emit articleStateChanged(snapshot.article.articleId);
    }
    return true;
}

} // namespace Store
} // namespace Rasid
