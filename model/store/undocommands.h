#pragma once

#include "store/reviewstore.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>

namespace Rasid {
inline namespace Store {

// QUndoCommand::id() values of the commands that merge.
enum UndoCommandId {
    SetIncidentFieldId = 1001,
    SetNoteId = 1002,
};

/*
 * Base of the commands that change the incidents of one article. The first
 * redo() runs the operation through the ReviewStore (one transaction, audit
 * rows, change signals) and records the rows it touched before and after;
 * undo() and every later redo() put those exact rows back, ids and timestamps
 * included, so that commands further up the stack still find their records.
 * Commands hold record ids, never pointers to rows or models. A command whose
 * write fails makes itself obsolete, so QUndoStack drops it; the store has
 * reported the reason through ReviewStore::failed().
 */
class IncidentCommand : public QUndoCommand
{
public:
    void redo() override;
    void undo() override;
    qint64 articleId() const { return m_articleId; }

protected:
    IncidentCommand(ReviewStore *store, qint64 articleId, const QVector<qint64> &incidentIds,
                    QUndoCommand *parent);
    // The operation, run once; appends the ids of the incidents it creates.
    virtual bool apply(QVector<qint64> *created) = 0;
    ReviewStore *store() const { return m_store; }

    IncidentSnapshot m_before;
    IncidentSnapshot m_after;

private:
    ReviewStore *m_store;
    qint64 m_articleId;
    QVector<qint64> m_incidentIds;
    bool m_applied = false;
};

// Sets a field's value (typed, or assigned from a selected span with its
// evidence). Consecutive edits of the same field merge into one undo step.
class SetIncidentField final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetIncidentField)
public:
    SetIncidentField(ReviewStore *store, qint64 incidentId, const QString &name, const QString &value,
                     const std::optional<QVector<EvidenceSpan>> &evidence = std::nullopt,
                     QUndoCommand *parent = nullptr);
    int id() const override { return SetIncidentFieldId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_incidentId;
    QString m_name;
    QString m_value;
    std::optional<QVector<EvidenceSpan>> m_evidence;
};

class ConfirmField final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConfirmField)
public:
    ConfirmField(ReviewStore *store, qint64 incidentId, const QString &name, QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_incidentId;
    QString m_name;
};

class ConfirmIncident final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConfirmIncident)
public:
    ConfirmIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_incidentId;
};

class RejectIncident final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(RejectIncident)
public:
    RejectIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_incidentId;
};

class AddIncident final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddIncident)
public:
    AddIncident(ReviewStore *store, qint64 articleId, const QVector<IncidentField> &fields = {},
                QUndoCommand *parent = nullptr);
    qint64 incidentId() const { return m_incidentId; } // after the first redo

private:
    bool apply(QVector<qint64> *created) override;

    QVector<IncidentField> m_fields;
    qint64 m_incidentId = 0;
};

class DeleteIncident final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(DeleteIncident)
public:
    DeleteIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_incidentId;
};

class SplitIncident final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(SplitIncident)
public:
    SplitIncident(ReviewStore *store, qint64 incidentId, QUndoCommand *parent = nullptr);
    qint64 newIncidentId() const { return m_newIncidentId; } // after the first redo

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_incidentId;
    qint64 m_newIncidentId = 0;
};

class MergeIncidents final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(MergeIncidents)
public:
    MergeIncidents(ReviewStore *store, qint64 intoId, const QVector<qint64> &otherIds,
                   QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_intoId;
    QVector<qint64> m_otherIds;
};

class MarkNoIncident final : public IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(MarkNoIncident)
public:
    MarkNoIncident(ReviewStore *store, qint64 articleId, QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;
};

/*
 * Base of the entity commands: same contract as IncidentCommand, over entity
 * rows (and, for ApplyEntityToCorpus, the lexicon row).
 */
class EntityCommand : public QUndoCommand
{
public:
    void redo() override;
    void undo() override;
    qint64 articleId() const { return m_articleId; }

protected:
    EntityCommand(ReviewStore *store, qint64 articleId, const QVector<qint64> &entityIds, QUndoCommand *parent);
    virtual bool apply(QVector<qint64> *created) = 0;
    ReviewStore *store() const { return m_store; }

private:
    ReviewStore *m_store;
    qint64 m_articleId;
    QVector<qint64> m_entityIds;
    EntitySnapshot m_before;
    EntitySnapshot m_after;
    bool m_applied = false;
};

class AddEntity final : public EntityCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddEntity)
public:
    AddEntity(ReviewStore *store, qint64 articleId, int start, int end, const QString &type,
              const QString &value = {}, const QString &attributes = {}, QUndoCommand *parent = nullptr);
    qint64 entityId() const { return m_entityId; } // after the first redo

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_articleId;
    int m_start;
    int m_end;
    QString m_type;
    QString m_value;
    QString m_attributes;
    qint64 m_entityId = 0;
};

class ChangeEntityType final : public EntityCommand
{
    Q_DECLARE_TR_FUNCTIONS(ChangeEntityType)
public:
    ChangeEntityType(ReviewStore *store, qint64 entityId, const QString &type,
                     const std::optional<QString> &value = std::nullopt, QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_entityId;
    QString m_type;
    std::optional<QString> m_value;
};

class RemoveEntity final : public EntityCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveEntity)
public:
    RemoveEntity(ReviewStore *store, qint64 entityId, QUndoCommand *parent = nullptr);

private:
    bool apply(QVector<qint64> *created) override;

    qint64 m_entityId;
};

// "Apply to all occurrences": adds the lexicon entry and marks the corpus.
// Undo removes what it added and gives retyped entities their old type back.
class ApplyEntityToCorpus final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ApplyEntityToCorpus)
public:
    ApplyEntityToCorpus(ReviewStore *store, const QString &surface, const QString &type, const QString &value,
                        const QString &attributes = {}, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int count() const { return m_count; } // entities added or retyped, after the first redo

private:
    ReviewStore *m_store;
    QString m_surface;
    QString m_type;
    QString m_value;
    QString m_attributes;
    EntitySnapshot m_before;
    EntitySnapshot m_after;
    int m_count = 0;
    bool m_applied = false;
};

// Sets (or, with an empty text, removes) the note of an article or an incident.
// Consecutive edits of the same note merge into one undo step.
class SetNote final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetNote)
public:
    SetNote(ReviewStore *store, ReviewStore::NoteSubject subject, qint64 id, const QString &text,
            QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return SetNoteId; }
    bool mergeWith(const QUndoCommand *other) override;
    // The article whose note, or whose incident's note, this is.
    qint64 articleId() const { return m_articleId; }

private:
    ReviewStore *m_store;
    ReviewStore::NoteSubject m_subject;
    qint64 m_id;
    qint64 m_articleId;
    QString m_text;
    QString m_before;
    bool m_applied = false;
};

// A bulk action over the articles selected in the list: one transaction and
// one undo step for all of them (see ReviewStore::reviewArticles).
class ReviewArticles final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReviewArticles)
public:
    ReviewArticles(ReviewStore *store, const QVector<qint64> &articleIds, ReviewStore::BulkAction action,
                   QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    const QVector<qint64> &articleIds() const { return m_articleIds; }

private:
    ReviewStore *m_store;
    QVector<qint64> m_articleIds;
    ReviewStore::BulkAction m_action;
    QVector<IncidentSnapshot> m_before;
    QVector<IncidentSnapshot> m_after;
    bool m_applied = false;
};

// The one article a command (or a macro of commands) changes, so that undo can
// show it first; 0 when it changes none or several (a corpus-wide change).
qint64 articleOfCommand(const QUndoCommand *command);

} // namespace Store
} // namespace Rasid
