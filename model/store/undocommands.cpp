#include "store/undocommands.h"

#include "extract/vocabulary.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

IncidentCommand::IncidentCommand(ReviewStore *store, qint64 articleId, const QVector<qint64> &incidentIds,
                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_articleId(articleId)
    , m_incidentIds(incidentIds)
{
}

void IncidentCommand::redo()
{
    if (m_applied) {
        setObsolete(!m_store->restoreIncidents(m_after));
        return;
    }
    m_before = m_store->snapshotIncidents(m_articleId, m_incidentIds);
    QVector<qint64> created;
    if (!apply(&created)) {
        setObsolete(true);
        return;
    }
    // Incidents the operation created did not exist before: undo deletes them.
    m_before.incidentIds += created;
    m_after = m_store->snapshotIncidents(m_articleId, m_before.incidentIds);
    m_applied = true;
}

void IncidentCommand::undo()
{
    setObsolete(!m_store->restoreIncidents(m_before));
}

// Each command resolves its article once, at construction: the record ids it
// stores stay valid across undo and redo because restores keep ids.
SetIncidentField::SetIncidentField(ReviewStore *store, qint64 incidentId, const QString &name, const QString &value,
                                   const std::optional<QVector<EvidenceSpan>> &evidence, QUndoCommand *parent)
    : IncidentCommand(store, store->articleOfIncident(incidentId), {incidentId}, parent)
    , m_incidentId(incidentId)
    , m_name(name)
    , m_value(value)
    , m_evidence(evidence)
{
    setText(tr("Change %1").arg(fieldLabel(name)));
}

bool SetIncidentField::apply(QVector<qint64> *)
{
    return store()->setFieldValue(m_incidentId, m_name, m_value, m_evidence);
}

bool SetIncidentField::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const SetIncidentField *>(other);
    if (!next || next->isObsolete() || next->m_incidentId != m_incidentId || next->m_name != m_name) {
        return false;
    }
    // This command now spans both edits: undo goes back to before the first.
    m_value = next->m_value;
    m_evidence = next->m_evidence;
    m_after = next->m_after;
    if (m_after.incidents == m_before.incidents && m_after.article == m_before.article) {
        setObsolete(true); // typed back to where it started: nothing to undo
    }
    return true;
}

ConfirmField::ConfirmField(ReviewStore *store, qint64 incidentId, const QString &name, QUndoCommand *parent)
    : IncidentCommand(store, store->articleOfIncident(incidentId), {incidentId}, parent)
    , m_incidentId(incidentId)
    , m_name(name)
{
    setText(tr("Confirm %1").arg(fieldLabel(name)));
}

bool ConfirmField::apply(QVector<qint64> *)
{
    return store()->confirmField(m_incidentId, m_name);
}

ConfirmIncident::ConfirmIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent)
    : IncidentCommand(store, store->articleOfIncident(incidentId), {incidentId}, parent)
    , m_incidentId(incidentId)
{
    setText(tr("Confirm incident"));
}

bool ConfirmIncident::apply(QVector<qint64> *)
{
    return store()->confirmIncident(m_incidentId);
}

RejectIncident::RejectIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent)
    : IncidentCommand(store, store->articleOfIncident(incidentId), {incidentId}, parent)
    , m_incidentId(incidentId)
{
    setText(tr("Reject incident"));
}

bool RejectIncident::apply(QVector<qint64> *)
{
    return store()->rejectIncident(m_incidentId);
}

AddIncident::AddIncident(ReviewStore *store, qint64 articleId, const QVector<IncidentField> &fields,
                         QUndoCommand *parent)
    : IncidentCommand(store, articleId, {}, parent)
    , m_fields(fields)
{
    setText(tr("Add incident"));
}

bool AddIncident::apply(QVector<qint64> *created)
{
    m_incidentId = store()->addIncident(articleId(), m_fields);
    if (m_incidentId == 0) {
        return false;
    }
    created->append(m_incidentId);
    return true;
}

DeleteIncident::DeleteIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent)
    : IncidentCommand(store, store->articleOfIncident(incidentId), {incidentId}, parent)
    , m_incidentId(incidentId)
{
    setText(tr("Delete incident"));
}

bool DeleteIncident::apply(QVector<qint64> *)
{
    return store()->deleteIncident(m_incidentId);
}

SplitIncident::SplitIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent)
    : IncidentCommand(store, store->articleOfIncident(incidentId), {incidentId}, parent)
    , m_incidentId(incidentId)
{
    setText(tr("Split incident"));
}

bool SplitIncident::apply(QVector<qint64> *created)
{
    m_newIncidentId = store()->splitIncident(m_incidentId);
    if (m_newIncidentId == 0) {
        return false;
    }
    created->append(m_newIncidentId);
    return true;
}

MergeIncidents::MergeIncidents(ReviewStore *store, qint64 intoId, const QVector<qint64> &otherIds,
                               QUndoCommand *parent)
    : IncidentCommand(store, store->articleOfIncident(intoId), QVector<qint64>{intoId} + otherIds, parent)
    , m_intoId(intoId)
    , m_otherIds(otherIds)
{
    setText(tr("Merge incidents"));
}

bool MergeIncidents::apply(QVector<qint64> *)
{
    return store()->mergeIncidents(m_intoId, m_otherIds);
}

namespace {

QVector<qint64> incidentIdsOf(ReviewStore *store, qint64 articleId)
{
    QVector<qint64> ids;
    for (const IncidentRecord &record : store->incidents(articleId)) {
        ids.append(record.id);
    }
    return ids;
}

} // namespace

// Covers every incident the article has when the command is made: all of them
// may be rejected, and undo must give each its status back.
MarkNoIncident::MarkNoIncident(ReviewStore *store, qint64 articleId, QUndoCommand *parent)
    : IncidentCommand(store, articleId, incidentIdsOf(store, articleId), parent)
{
    setText(tr("Mark article as having no incident"));
}

bool MarkNoIncident::apply(QVector<qint64> *)
{
    return store()->markNoIncident(articleId());
}

EntityCommand::EntityCommand(ReviewStore *store, qint64 articleId, const QVector<qint64> &entityIds,
                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_articleId(articleId)
    , m_entityIds(entityIds)
{
}

void EntityCommand::redo()
{
    if (m_applied) {
        setObsolete(!m_store->restoreEntities(m_after));
        return;
    }
    m_before = m_store->snapshotEntities(m_articleId, m_entityIds);
    QVector<qint64> created;
    if (!apply(&created)) {
        setObsolete(true);
        return;
    }
    m_before.entityIds += created;
    m_after = m_store->snapshotEntities(m_articleId, m_before.entityIds);
    m_applied = true;
}

void EntityCommand::undo()
{
    setObsolete(!m_store->restoreEntities(m_before));
}

AddEntity::AddEntity(ReviewStore *store, qint64 articleId, int start, int end, const QString &type,
                     const QString &value, const QString &attributes, QUndoCommand *parent)
    : EntityCommand(store, articleId, {}, parent)
    , m_articleId(articleId)
    , m_start(start)
    , m_end(end)
    , m_type(type)
    , m_value(value)
    , m_attributes(attributes)
{
    setText(tr("Mark %1").arg(entityTypeLabel(type)));
}

bool AddEntity::apply(QVector<qint64> *created)
{
    m_entityId = store()->addEntity(m_articleId, m_start, m_end, m_type, m_value, m_attributes);
    if (m_entityId == 0) {
        return false;
    }
    created->append(m_entityId);
    return true;
}

ChangeEntityType::ChangeEntityType(ReviewStore *store, qint64 entityId, const QString &type,
                                   const std::optional<QString> &value, QUndoCommand *parent)
    : EntityCommand(store, store->entity(entityId).articleId, {entityId}, parent)
    , m_entityId(entityId)
    , m_type(type)
    , m_value(value)
{
    setText(tr("Change entity to %1").arg(entityTypeLabel(type)));
}

bool ChangeEntityType::apply(QVector<qint64> *)
{
    return store()->changeEntityType(m_entityId, m_type, m_value);
}

RemoveEntity::RemoveEntity(ReviewStore *store, qint64 entityId, QUndoCommand *parent)
    : EntityCommand(store, store->entity(entityId).articleId, {entityId}, parent)
    , m_entityId(entityId)
{
    setText(tr("Remove entity"));
}

bool RemoveEntity::apply(QVector<qint64> *)
{
    return store()->removeEntity(m_entityId);
}

ApplyEntityToCorpus::ApplyEntityToCorpus(ReviewStore *store, const QString &surface, const QString &type,
                                         const QString &value, const QString &attributes, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_surface(surface)
    , m_type(type)
    , m_value(value)
    , m_attributes(attributes)
{
    setText(tr("Mark “%1” as %2 in every article").arg(surface.simplified(), entityTypeLabel(type)));
}

void ApplyEntityToCorpus::redo()
{
    if (m_applied) {
        setObsolete(!m_store->restoreEntities(m_after));
        return;
    }
    CorpusChange change;
    m_count = m_store->applyEntityToCorpus(m_surface, m_type, m_value, m_attributes, &change);
    if (m_count < 0) {
        setObsolete(true);
        return;
    }
    // Before: the retyped entities as they were, the added ones absent, the
    // lexicon row as it was. After: all of them as the store left them.
    QVector<qint64> ids = change.added;
    for (const EntityRecord &old : std::as_const(change.retyped)) {
        ids.append(old.id);
    }
    m_before.entityIds = ids;
    m_before.entities = change.retyped; // the added ones did not exist
    m_before.coversLexicon = true;
    m_before.lexiconFolded = change.folded;
    m_before.lexiconType = change.type;
    m_before.lexicon = change.previousLexicon;
    m_after = m_store->snapshotEntities(0, ids);
    m_after.coversLexicon = true;
    m_after.lexiconFolded = change.folded;
    m_after.lexiconType = change.type;
    m_after.lexicon = m_store->lexiconEntry(m_surface, m_type);
    m_applied = true;
}

void ApplyEntityToCorpus::undo()
{
    setObsolete(!m_store->restoreEntities(m_before));
}

SetNote::SetNote(ReviewStore *store, ReviewStore::NoteSubject subject, qint64 id, const QString &text,
                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_subject(subject)
    , m_id(id)
    , m_articleId(subject == ReviewStore::NoteSubject::Article ? id : store->articleOfIncident(id))
    , m_text(text)
{
    setText(subject == ReviewStore::NoteSubject::Article ? tr("Edit the article's note")
                                                         : tr("Edit the incident's note"));
}

void SetNote::redo()
{
    if (!m_applied) {
        m_before = m_store->note(m_subject, m_id);
    }
    if (!m_store->setNote(m_subject, m_id, m_text)) {
        setObsolete(true);
        return;
    }
    m_applied = true;
}

void SetNote::undo()
{
    setObsolete(!m_store->setNote(m_subject, m_id, m_before));
}

bool SetNote::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const SetNote *>(other);
    if (!next || next->isObsolete() || next->m_subject != m_subject || next->m_id != m_id) {
        return false;
    }
    m_text = next->m_text;
    // Back where it started: the step changes nothing any more.
    setObsolete(m_text == m_before);
    return true;
}

ReviewArticles::ReviewArticles(ReviewStore *store, const QVector<qint64> &articleIds,
                               ReviewStore::BulkAction action, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_articleIds(articleIds)
    , m_action(action)
{
    const int n = int(articleIds.size());
    switch (action) {
    case ReviewStore::BulkAction::MarkReviewed:
        setText(tr("Mark %n article(s) reviewed", nullptr, n));
        break;
    case ReviewStore::BulkAction::NoIncident:
        setText(tr("Mark %n article(s) as having no incident", nullptr, n));
        break;
    case ReviewStore::BulkAction::RejectSuggested:
        setText(tr("Reject the suggested incidents of %n article(s)", nullptr, n));
        break;
    }
}

void ReviewArticles::redo()
{
    if (m_applied) {
        setObsolete(!m_store->restoreArticles(m_after));
        return;
    }
    if (!m_store->reviewArticles(m_articleIds, m_action, &m_before)) {
        setObsolete(true);
        return;
    }
    m_after = m_store->snapshotArticles(m_articleIds);
    m_applied = true;
}

void ReviewArticles::undo()
{
    setObsolete(!m_store->restoreArticles(m_before));
}

qint64 articleOfCommand(const QUndoCommand *command)
{
    if (!command) {
        return 0;
    }
    if (const auto *incident = dynamic_cast<const IncidentCommand *>(command)) {
        return incident->articleId();
    }
    if (const auto *entity = dynamic_cast<const EntityCommand *>(command)) {
        return entity->articleId();
    }
    if (const auto *note = dynamic_cast<const SetNote *>(command)) {
        return note->articleId();
    }
    if (const auto *bulk = dynamic_cast<const ReviewArticles *>(command)) {
        return bulk->articleIds().size() == 1 ? bulk->articleIds().constFirst() : 0;
    }
    // A macro (assigning a span: add the incident, set the value and qualifier).
    qint64 article = 0;
    for (int i = 0; i < command->childCount(); ++i) {
        const qint64 child = articleOfCommand(command->child(i));
        if (child == 0 || (article != 0 && child != article)) {
            return 0;
        }
        article = child;
    }
    return article;
}

} // namespace Store
} // namespace Rasid
