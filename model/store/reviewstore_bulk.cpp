// Bulk review of several articles (ReviewStore::reviewArticles) and its undo:
// one transaction for all of them, so that a bulk action is one decision the
// analyst takes and, on the undo stack, one step.
#include "store/reviewstore.h"

#include "store/reviewstore_p.h"
#include "store/workspace.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

bool ReviewStore::changeManyArticles(const QVector<qint64> &articleIds, StateRule rule,
                                     const std::function<QVector<qint64>(qint64 articleId)> &idsOf,
                                     const std::function<IncidentMutation(qint64 articleId)> &mutationOf)
{
    if (!begin()) {
        return false;
    }
    QVector<QPair<qint64, Changes>> announced;
    const bool ok = [&] {
        for (qint64 articleId : articleIds) {
            const std::optional<ArticleReview> article = readArticle(articleId);
            if (!article) {
                return fail(tr("Article %1 does not exist.").arg(articleId));
            }
            Changes changes;
            if (!writeIncidentChange(*article, idsOf(articleId), rule, mutationOf(articleId), changes, nullptr)) {
                return false;
            }
            announced.append({articleId, changes});
        }
        return true;
    }();
    if (!commitOrRollback(ok)) {
        return false;
    }
    for (const auto &[articleId, changes] : std::as_const(announced)) {
        announce(changes, articleId);
    }
    return true;
}

QVector<IncidentSnapshot> ReviewStore::snapshotArticles(const QVector<qint64> &articleIds) const
{
    QVector<IncidentSnapshot> snapshots;
    for (qint64 articleId : articleIds) {
        QVector<qint64> ids;
        for (const IncidentRecord &record : incidents(articleId)) {
            ids.append(record.id);
        }
        snapshots.append(snapshotIncidents(articleId, ids));
    }
    return snapshots;
}

bool ReviewStore::reviewArticles(const QVector<qint64> &articleIds, BulkAction action,
                                 QVector<IncidentSnapshot> *before)
{
    if (articleIds.isEmpty()) {
        return refuse(tr("No article selected."));
    }
    for (qint64 id : articleIds) {
        if (!readArticle(id)) {
            return refuse(tr("Article %1 does not exist.").arg(id));
        }
    }
    const QVector<IncidentSnapshot> snapshots = snapshotArticles(articleIds);
    QHash<qint64, QVector<qint64>> ids;
    for (const IncidentSnapshot &snapshot : snapshots) {
        ids.insert(snapshot.article.articleId, snapshot.incidentIds);
    }
    const QString now = nowUtc();
    const auto decide = [this, &now](IncidentRecord &record, const QString &status) {
        if (status == Confirmed) {
            // As confirmIncident: corrected fields stay the analyst's.
            for (FieldRecord &field : record.fields) {
                if (field.origin == Suggested) {
                    field.origin = Confirmed;
                }
            }
        }
        record.reviewStatus = status;
        record.analyst = m_analyst;
        record.reviewedAt = now;
    };
    const auto mutation = [&](qint64) -> IncidentMutation {
        return [&](QVector<IncidentRecord> &records, ArticleReview &article) {
            bool standing = false;
            for (IncidentRecord &record : records) {
                const bool suggested = record.reviewStatus == Suggested;
                switch (action) {
                case BulkAction::MarkReviewed:
                    if (suggested) {
                        decide(record, Confirmed);
                    }
                    break;
                case BulkAction::NoIncident:
                    if (record.reviewStatus != Rejected) {
                        decide(record, Rejected);
                    }
                    break;
                case BulkAction::RejectSuggested:
                    if (suggested) {
                        decide(record, Rejected);
                    }
                    break;
                }
                standing = standing || record.reviewStatus != Rejected;
            }
            if (action == BulkAction::NoIncident || (action == BulkAction::MarkReviewed && !standing)) {
                article.noIncident = true;
            }
            return true;
        };
    };
    // Rejecting what an article does not have is no decision on it: such
    // articles are left as they are (their review state included).
    QVector<qint64> changed;
    for (const IncidentSnapshot &snapshot : snapshots) {
        const bool anySuggested = std::any_of(snapshot.incidents.cbegin(), snapshot.incidents.cend(),
                                              [](const IncidentRecord &r) { return r.reviewStatus == Suggested; });
        if (action != BulkAction::RejectSuggested || anySuggested) {
            changed.append(snapshot.article.articleId);
        }
    }
    if (!changeManyArticles(changed, StateRule::Recompute, [&ids](qint64 id) { return ids.value(id); }, mutation)) {
        return false;
    }
    if (before) {
        *before = snapshots;
    }
    return true;
}

bool ReviewStore::restoreArticles(const QVector<IncidentSnapshot> &snapshots)
{
    QVector<qint64> articleIds;
    QHash<qint64, const IncidentSnapshot *> byArticle;
    for (const IncidentSnapshot &snapshot : snapshots) {
        articleIds.append(snapshot.article.articleId);
        byArticle.insert(snapshot.article.articleId, &snapshot);
    }
    return changeManyArticles(
        articleIds, StateRule::AsGiven, [&byArticle](qint64 id) { return byArticle.value(id)->incidentIds; },
        [&byArticle](qint64 id) -> IncidentMutation {
            const IncidentSnapshot *snapshot = byArticle.value(id);
            return [snapshot](QVector<IncidentRecord> &incidents, ArticleReview &article) {
                incidents = snapshot->incidents;
                article = snapshot->article;
                return true;
            };
        });
}

} // namespace Store
} // namespace Rasid
