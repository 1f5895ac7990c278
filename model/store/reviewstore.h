#pragma once

#include "extract/incident.h"
#include "store/reviewrecords.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace Rasid {
inline namespace Store {

class Workspace;

/*
 * Where every analyst decision is written: each edit runs in its own
 * transaction with audit rows (analyst, UTC time, what, subject, old -> new),
 * keeps the article's review state, and is announced by a typed signal after
 * it commits. A failed write rolls back, returns false (or 0) and leaves the
 * reason in lastError(); nothing throws or asserts on bad input.
 *
 * Review state rule: an article is `new` until the analyst acts on it,
 * `in_review` after the first edit, and `reviewed` when it has incidents and
 * every one is confirmed or rejected, or when the analyst marked it "no
 * incident". Proposals never count.
 *
 * Each operation that the undo stack needs to reverse has a snapshot / restore
 * pair that puts back the exact previous rows (values, origins, confidences,
 * evidence, statuses, analyst, reviewed_at, ids). Lives in the GUI thread; the
 * workspace must outlive it.
 *
 * Audit rows name what changed, one row per change: field.<name> (value),
 * field.<name>.origin / .evidence / .confidence (when the value stayed),
 * incident.add / incident.delete / incident.status, article.review_state,
 * article.no_incident, entity.add / entity.type / entity.value /
 * entity.remove, and one summary row for corpus-wide changes (lexicon.apply,
 * lexicon.restore). Undo and redo write the same kinds of rows.
 */
class ReviewStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewStore)
public:
    ReviewStore(Workspace &workspace, const QString &analyst, QObject *parent = nullptr);

    Workspace &workspace() const { return m_workspace; }
    QString analyst() const { return m_analyst; }
    void setAnalyst(const QString &analyst) { m_analyst = analyst; }
    // The reason the last operation failed; empty after one that succeeded.
    QString lastError() const { return m_lastError; }

    // Reads
    ArticleContent article(qint64 articleId) const;
    IncidentRecord incident(qint64 incidentId) const; // id 0 when there is none
    QVector<IncidentRecord> incidents(qint64 articleId) const;
    FieldRecord field(qint64 incidentId, const QString &name) const; // origin empty when absent
    ArticleReview articleReview(qint64 articleId) const;
    qint64 articleOfIncident(qint64 incidentId) const;
    EntityRecord entity(qint64 entityId) const;
    QVector<EntityRecord> entities(qint64 articleId) const;
    std::optional<LexiconRecord> lexiconEntry(const QString &surface, const QString &type) const;

    // Incident edits. setFieldValue makes the field `corrected`, or `confirmed`
    // when the value is the one extraction suggested; evidence replaces the
    // field's spans (std::nullopt keeps them while the value stays and drops
    // them when it changes: they were the old value's).
    bool setFieldValue(qint64 incidentId, const QString &name, const QString &value,
                       const std::optional<QVector<EvidenceSpan>> &evidence = std::nullopt);
    bool confirmField(qint64 incidentId, const QString &name);
    bool confirmIncident(qint64 incidentId); // suggested fields confirmed, status confirmed
    bool rejectIncident(qint64 incidentId);
    qint64 addIncident(qint64 articleId, const QVector<IncidentField> &fields = {}); // new id or 0
    bool deleteIncident(qint64 incidentId);
    qint64 splitIncident(qint64 incidentId); // a copy as a new suggested incident: its id or 0
    // Fills the empty fields of intoId from the others (same values: evidence
    // joined), then deletes the others.
    bool mergeIncidents(qint64 intoId, const QVector<qint64> &otherIds);
    // Reviewed with no incident: every incident still standing is rejected.
    bool markNoIncident(qint64 articleId);

    // Entity edits (the article becomes in_review, like any edit).
    qint64 addEntity(qint64 articleId, int start, int end, const QString &type, const QString &value = {},
                     const QString &attributes = {});
    bool changeEntityType(qint64 entityId, const QString &type, const std::optional<QString> &value = std::nullopt);
    bool removeEntity(qint64 entityId);

    // Teach once: remembers (surface, type, value) in the workspace lexicon and
    // marks every occurrence in the corpus, clitic forms included (وميغا باس،
    // بميغا باس), never inside another word. An existing entity at the same
    // span gets the new type; other overlapping entities are left alone.
    // Returns the number of entities added or retyped, or -1 on failure.
    int applyEntityToCorpus(const QString &surface, const QString &type, const QString &value,
                            const QString &attributes = {}, CorpusChange *change = nullptr);

    // Bulk review of several articles, in ONE transaction (all or nothing):
    // MarkReviewed confirms every incident still suggested (an article with no
    // standing incident is marked "no incident"); NoIncident is markNoIncident
    // on each; RejectSuggested rejects every incident still suggested.
    // *before receives each article's snapshot as it was, for undo.
    enum class BulkAction { MarkReviewed, NoIncident, RejectSuggested };
    bool reviewArticles(const QVector<qint64> &articleIds, BulkAction action,
                        QVector<IncidentSnapshot> *before = nullptr);
    // Puts several articles' snapshots back in one transaction.
    bool restoreArticles(const QVector<IncidentSnapshot> &snapshots);
    // Each article's snapshot over all its incidents.
    QVector<IncidentSnapshot> snapshotArticles(const QVector<qint64> &articleIds) const;

    // Notes: the analyst's free text on an article or an incident, one per
    // subject. An empty text removes the note. Each edit is its own transaction
    // with an audit row (note.article / note.incident, old -> new); a note
    // leaves the article's review state as it is.
    enum class NoteSubject { Article, Incident };
    QString note(NoteSubject subject, qint64 id) const;
    bool setNote(NoteSubject subject, qint64 id, const QString &text);

    // Undo support
    IncidentSnapshot snapshotIncidents(qint64 articleId, const QVector<qint64> &incidentIds) const;
    bool restoreIncidents(const IncidentSnapshot &snapshot);
    EntitySnapshot snapshotEntities(qint64 articleId, const QVector<qint64> &entityIds) const;
    bool restoreEntities(const EntitySnapshot &snapshot);

signals:
    void fieldChanged(qint64 incidentId, const QString &name);
    void incidentChanged(qint64 incidentId);   // its row or any of its fields
    void incidentsChanged(qint64 articleId);   // incidents added to or removed from the article
    void articleStateChanged(qint64 articleId); // review state or "no incident" mark
    void entitiesChanged(qint64 articleId);
    void noteChanged(Rasid::Store::ReviewStore::NoteSubject subject, qint64 id);
    void failed(const QString &message);        // any operation that returned false

private:
    enum class StateRule { Recompute, AsGiven, Leave };
    using IncidentMutation = std::function<bool(QVector<IncidentRecord> &incidents, ArticleReview &article)>;
    using EntityMutation = std::function<bool(QVector<EntityRecord> &entities)>;

    struct Changes
    {
        QVector<QPair<qint64, QString>> fields;
        QSet<qint64> incidents;
        bool incidentSetChanged = false;
        bool articleChanged = false;
        QSet<qint64> entityArticles;
    };

    // One transaction on an article: apply writes what changes, the changes are
    // announced after the commit.
    using ArticleChange = std::function<bool(const ArticleReview &article, Changes &changes, QVector<qint64> *created)>;
    bool changeArticle(qint64 articleId, const ArticleChange &apply, QVector<qint64> *created);
    bool changeIncidents(qint64 articleId, const QVector<qint64> &ids, StateRule rule,
                         const IncidentMutation &mutate, QVector<qint64> *created = nullptr);
    bool changeEntities(qint64 articleId, const QVector<qint64> &ids, StateRule rule, const EntityMutation &mutate,
                        QVector<qint64> *created = nullptr);
    // The body of changeIncidents, inside a transaction the caller holds.
    bool writeIncidentChange(const ArticleReview &article, const QVector<qint64> &ids, StateRule rule,
                             const IncidentMutation &mutate, Changes &changes, QVector<qint64> *created);
    // Several articles' incident changes in one transaction, announced after it commits.
    bool changeManyArticles(const QVector<qint64> &articleIds, StateRule rule,
                            const std::function<QVector<qint64>(qint64 articleId)> &idsOf,
                            const std::function<IncidentMutation(qint64 articleId)> &mutationOf);

    bool writeIncidentDiff(const QVector<IncidentRecord> &before, QVector<IncidentRecord> &after, Changes &changes,
                           QVector<qint64> *created);
    bool writeFieldDiff(qint64 incidentId, const IncidentRecord *before, const IncidentRecord &after,
                        Changes &changes);
    bool writeEntityDiff(const QVector<EntityRecord> &before, QVector<EntityRecord> &after, bool auditEach,
                         Changes &changes, QVector<qint64> *created);
    bool writeArticle(const ArticleReview &before, ArticleReview after, StateRule rule, Changes &changes);
    bool writeLexicon(const QString &folded, const QString &type, const std::optional<LexiconRecord> &record);

    std::optional<IncidentRecord> readIncident(qint64 incidentId) const;
    std::optional<EntityRecord> readEntity(qint64 entityId) const;
    std::optional<ArticleReview> readArticle(qint64 articleId) const;
    std::optional<LexiconRecord> readLexicon(const QString &folded, const QString &type) const;

    qint64 requireIncident(qint64 incidentId); // its article, or 0 after reporting the failure
    bool refuse(const QString &message);       // a failure before any transaction
    bool audit(const QString &what, qint64 subjectId, const QString &oldValue, const QString &newValue);
    bool fail(const QString &message);
    bool begin();
    bool commitOrRollback(bool ok);
    void announce(const Changes &changes, qint64 articleId);

    Workspace &m_workspace;
    QString m_analyst;
    QString m_lastError;
};

// Every note on one kind of subject, by subject id: what the exports attach
// (notes are few, so one read serves a whole export).
QHash<qint64, QString> allNotes(const Workspace &workspace, ReviewStore::NoteSubject subject);

} // namespace Store
} // namespace Rasid

