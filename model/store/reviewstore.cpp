#include "store/reviewstore.h"

#include "store/reviewstore_p.h"
#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_LOGGING_CATEGORY(lcReview, "rasid.review")

/*
 * Every edit takes the same path: inside one transaction, read the rows it
 * touches, compute the rows as they must become (a mutation of copies), write
 * the difference with one audit row per change, set the article's review
 * state, commit, and only then announce the change. Undo and redo take that
 * path too, with a snapshot as the rows to become, which is why a restore is
 * exact (ids and timestamps included) and audited like any other edit.
 */

ReviewStore::ReviewStore(Workspace &workspace, const QString &analyst, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_analyst(analyst)
{
}

bool ReviewStore::fail(const QString &message)
{
    m_lastError = message;
    qCWarning(lcReview) << message;
    return false;
}

bool ReviewStore::begin()
{
    m_lastError.clear();
    if (m_workspace.isReadOnly()) {
        fail(tr("The workspace is open read-only."));
        emit failed(m_lastError);
        return false;
    }
    // Each edit reads, then writes: the workspace takes the write lock first
    // (a read snapshot gone stale under the import thread's batches could not
    // write) and in turn with those batches, so the edit waits for one at most.
    if (!m_workspace.beginTransaction()) {
        fail(tr("Cannot start a transaction: %1").arg(m_workspace.lastError()));
        emit failed(m_lastError);
        return false;
    }
    return true;
}

bool ReviewStore::commitOrRollback(bool ok)
{
    if (ok && m_workspace.commit()) {
        return true;
    }
    if (ok) {
        fail(tr("Cannot save the change: %1").arg(m_workspace.lastError()));
    }
    m_workspace.rollback();
    if (m_lastError.isEmpty()) {
        m_lastError = tr("The change could not be saved.");
    }
    emit failed(m_lastError);
    return false;
}

bool ReviewStore::audit(const QString &what, qint64 subjectId, const QString &oldValue, const QString &newValue)
{
    return m_workspace.audit(m_analyst, what, subjectId, oldValue, newValue)
        || fail(tr("Cannot write the audit log: %1").arg(m_workspace.lastError()));
}

void ReviewStore::announce(const Changes &changes, qint64 articleId)
{
    for (const auto &[incidentId, name] : changes.fields) {
        emit fieldChanged(incidentId, name);
    }
    for (qint64 incidentId : changes.incidents) {
        emit incidentChanged(incidentId);
    }
    if (changes.incidentSetChanged) {
        emit incidentsChanged(articleId);
    }
    for (qint64 entityArticle : changes.entityArticles) {
        emit entitiesChanged(entityArticle);
    }
    if (changes.articleChanged) {
        emit articleStateChanged(articleId);
    }
}

namespace {

// The records `ids` names that still exist, in that order; false (with the id
// in *foreign) when one belongs to another article.
template<typename Record, typename Read>
bool recordsOfArticle(qint64 articleId, const QVector<qint64> &ids, Read read, QVector<Record> *records,
                      qint64 *foreign)
{
    for (qint64 id : ids) {
        if (const std::optional<Record> record = read(id)) {
            if (record->articleId != articleId) {
                *foreign = id;
                return false;
            }
            records->append(*record);
        }
    }
    return true;
}

} // namespace

bool ReviewStore::changeArticle(qint64 articleId, const ArticleChange &apply, QVector<qint64> *created)
{
    if (!begin()) {
        return false;
    }
    Changes changes;
    QVector<qint64> newIds;
    const bool ok = [&] {
        const std::optional<ArticleReview> article = readArticle(articleId);
        if (!article) {
            return fail(tr("Article %1 does not exist.").arg(articleId));
        }
        return apply(*article, changes, &newIds);
    }();
    if (!commitOrRollback(ok)) {
        return false;
    }
    if (created) {
        *created = newIds;
    }
    announce(changes, articleId);
    return true;
}

bool ReviewStore::changeIncidents(qint64 articleId, const QVector<qint64> &ids, StateRule rule,
                                  const IncidentMutation &mutate, QVector<qint64> *created)
{
    return changeArticle(
        articleId,
        [&](const ArticleReview &article, Changes &changes, QVector<qint64> *newIds) {
            return writeIncidentChange(article, ids, rule, mutate, changes, newIds);
        },
        created);
}

bool ReviewStore::writeIncidentChange(const ArticleReview &article, const QVector<qint64> &ids, StateRule rule,
                                      const IncidentMutation &mutate, Changes &changes, QVector<qint64> *created)
{
    QVector<IncidentRecord> before;
    qint64 foreign = 0;
    if (!recordsOfArticle(article.articleId, ids, [this](qint64 id) { return readIncident(id); }, &before,
                          &foreign)) {
        return fail(tr("Incident %1 belongs to another article.").arg(foreign));
    }
    QVector<IncidentRecord> after = before;
    ArticleReview articleAfter = article;
    return mutate(after, articleAfter) && writeIncidentDiff(before, after, changes, created)
        && writeArticle(article, articleAfter, rule, changes);
}

bool ReviewStore::changeEntities(qint64 articleId, const QVector<qint64> &ids, StateRule rule,
                                 const EntityMutation &mutate, QVector<qint64> *created)
{
    return changeArticle(
        articleId,
        [&](const ArticleReview &article, Changes &changes, QVector<qint64> *newIds) {
            QVector<EntityRecord> before;
            qint64 foreign = 0;
            if (!recordsOfArticle(articleId, ids, [this](qint64 id) { return readEntity(id); }, &before, &foreign)) {
                return fail(tr("Entity %1 belongs to another article.").arg(foreign));
            }
            QVector<EntityRecord> after = before;
            return mutate(after) && writeEntityDiff(before, after, true, changes, newIds)
                && writeArticle(article, article, rule, changes);
        },
        created);
}

qint64 ReviewStore::requireIncident(qint64 incidentId)
{
    const qint64 articleId = articleOfIncident(incidentId);
    if (articleId == 0) {
        m_lastError = tr("Incident %1 does not exist.").arg(incidentId);
        emit failed(m_lastError);
    }
    return articleId;
}

bool ReviewStore::refuse(const QString &message)
{
    m_lastError = message;
    qCWarning(lcReview) << message;
    emit failed(message);
    return false;
}

bool ReviewStore::setFieldValue(qint64 incidentId, const QString &name, const QString &value,
                                const std::optional<QVector<EvidenceSpan>> &evidence)
{
    if (!incidentFieldNames().contains(name)) {
        return refuse(tr("Unknown incident field: %1").arg(name));
    }
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               FieldRecord *field = incident->field(name);
                               if (!field) {
                                   incident->fields.append(
                                       {name, value, Corrected, 1.0, evidence.value_or(QVector<EvidenceSpan>{})});
                                   sortFields(incident->fields);
                                   return true;
                               }
                               if (field->value == value) {
                                   // Typing back what extraction proposed confirms it.
                                   if (field->origin == Suggested) {
                                       field->origin = Confirmed;
                                   }
                               } else {
                                   field->value = value;
                                   field->origin = Corrected;
                                   field->confidence = 1.0;
                                   // The spans supported the old value; a typed
                                   // value has none until the analyst assigns some.
                                   field->evidence.clear();
                               }
                               if (evidence) {
                                   field->evidence = *evidence;
                               }
                               return true;
                           });
}

bool ReviewStore::confirmField(qint64 incidentId, const QString &name)
{
    if (!incidentFieldNames().contains(name)) {
        return refuse(tr("Unknown incident field: %1").arg(name));
    }
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               FieldRecord *field = incident->field(name);
                               if (!field) {
                                   // Confirming an empty field records that the article does not say.
                                   incident->fields.append({name, QString(), Confirmed, 1.0, {}});
                                   sortFields(incident->fields);
                               } else if (field->origin == Suggested) {
                                   field->origin = Confirmed;
                               }
                               return true;
                           });
}

bool ReviewStore::confirmIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               // Corrected fields stay corrected: the value is the analyst's.
                               for (FieldRecord &field : incident->fields) {
                                   if (field.origin == Suggested) {
                                       field.origin = Confirmed;
                                   }
                               }
                               incident->reviewStatus = Confirmed;
                               incident->analyst = m_analyst;
                               incident->reviewedAt = nowUtc();
                               return true;
                           });
}

bool ReviewStore::rejectIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               incident->reviewStatus = Rejected;
                               incident->analyst = m_analyst;
                               incident->reviewedAt = nowUtc();
                               return true;
                           });
}

qint64 ReviewStore::addIncident(qint64 articleId, const QVector<IncidentField> &fields)
{
    QVector<qint64> created;
    const bool ok = changeIncidents(
        articleId, {}, StateRule::Recompute,
        [&](QVector<IncidentRecord> &incidents, ArticleReview &article) {
            // Suggested until confirmed, so that it counts as undecided like any other.
            IncidentRecord record;
            record.articleId = articleId;
            record.confidence = 1.0; // the analyst's own incident
            for (const IncidentField &field : fields) {
                if (!incidentFieldNames().contains(field.name)) {
                    return fail(tr("Unknown incident field: %1").arg(field.name));
                }
                record.fields.append({field.name, field.value, Corrected, 1.0, field.evidence});
            }
            sortFields(record.fields);
            incidents.append(record);
            article.noIncident = false;
            return true;
        },
        &created);
    return ok && !created.isEmpty() ? created.first() : 0;
}

bool ReviewStore::deleteIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               if (!findIncident(incidents, incidentId)) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               incidents.clear();
                               return true;
                           });
}

qint64 ReviewStore::splitIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return 0;
    }
    QVector<qint64> created;
    const bool ok = changeIncidents(
        articleId, {incidentId}, StateRule::Recompute,
        [&](QVector<IncidentRecord> &incidents, ArticleReview &article) {
            const IncidentRecord *source = findIncident(incidents, incidentId);
            if (!source) {
                return fail(tr("Incident %1 does not exist.").arg(incidentId));
            }
            IncidentRecord copy = *source;
            copy.id = 0;
            copy.ordinal = -1;
            copy.reviewStatus = Suggested;
            copy.analyst = QString();
            copy.reviewedAt = QString();
            copy.createdAt = QString();
            incidents.append(copy);
            article.noIncident = false;
            return true;
        },
        &created);
    return ok && !created.isEmpty() ? created.first() : 0;
}

bool ReviewStore::mergeIncidents(qint64 intoId, const QVector<qint64> &otherIds)
{
    QVector<qint64> ids{intoId};
    for (qint64 id : otherIds) {
        if (id != intoId && !ids.contains(id)) {
            ids.append(id);
        }
    }
    const qint64 articleId = requireIncident(intoId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(
        articleId, ids, StateRule::Recompute,
        [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
            if (incidents.size() != ids.size()) {
                return fail(tr("Some of the incidents to merge do not exist."));
            }
            IncidentRecord into = *findIncident(incidents, intoId);
            for (qint64 otherId : ids.mid(1)) {
                for (const FieldRecord &theirs : findIncident(incidents, otherId)->fields) {
                    FieldRecord *ours = into.field(theirs.name);
                    if (!ours || ours->value.isEmpty()) {
                        if (ours) {
                            *ours = theirs;
                        } else {
                            into.fields.append(theirs);
                        }
                    } else if (ours->value == theirs.value) {
                        for (const EvidenceSpan &span : theirs.evidence) {
                            if (!ours->evidence.contains(span)) {
                                ours->evidence.append(span);
                            }
                        }
                    }
                }
            }
            sortFields(into.fields);
            incidents = {into};
            return true;
        });
}

bool ReviewStore::markNoIncident(qint64 articleId)
{
    QVector<qint64> ids;
    for (const IncidentRecord &record : incidents(articleId)) {
        ids.append(record.id);
    }
    return changeIncidents(articleId, ids, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &records, ArticleReview &article) {
                               // The proposals were wrong: rejected, they stay out of exports.
                               const QString now = nowUtc();
                               for (IncidentRecord &record : records) {
                                   if (record.reviewStatus != Rejected) {
                                       record.reviewStatus = Rejected;
                                       record.analyst = m_analyst;
                                       record.reviewedAt = now;
                                   }
                               }
                               article.noIncident = true;
                               return true;
                           });
}

} // namespace Store
} // namespace Rasid
