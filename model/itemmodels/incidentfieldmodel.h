#pragma once

#include "extract/vocabulary.h"
#include "itemmodels/roles.h"
#include "store/reviewstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

class QUndoCommand;
class QUndoStack;

namespace Rasid {
inline namespace ItemModels {

/*
 * The fields of one incident, one row per field of incidentFieldNames() in
 * contract order, with columns value / origin / confidence / evidence and the
 * provenance as roles (FieldOriginRole, FieldConfidenceRole,
 * EvidenceSpansRole, AllowedValuesRole for the combo fields).
 *
 * Editing the value column with Qt::EditRole pushes a SetIncidentField command
 * on the workspace's undo stack (nothing else writes); the model follows the
 * store's fieldChanged signals and emits dataChanged for exactly that row, so
 * undo, redo and edits from elsewhere (assigning a selected span) all show.
 */
class IncidentFieldModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentFieldModel)
public:
    // Without an undo stack edits are written directly (tests, batch tools).
    IncidentFieldModel(ReviewStore *store, QUndoStack *undoStack, QObject *parent = nullptr);

    void setIncident(qint64 incidentId); // 0 shows nothing
    qint64 incidentId() const { return m_incidentId; }
    qint64 articleId() const { return m_articleId; }
    QString fieldNameAt(int row) const;
    int rowForField(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Assigns a value parsed from a selected span, with that span as evidence.
    bool assignSpan(const QString &name, const QString &value, const QVector<EvidenceSpan> &evidence);
    bool confirmField(int row);

    // Suggestions whose confidence is below this probability need a look
    // (FieldNeedsLookRole): a form shows them without filling them in. 0, the
    // default, shows every suggestion filled in.
    void setLookBelow(double probability);
    double lookBelow() const { return m_lookBelow; }
    bool needsLook(int row) const;

private:
    bool push(QUndoCommand *command);
    void onFieldChanged(qint64 incidentId, const QString &name);
    void onIncidentsChanged(qint64 articleId);
    QString evidenceText(const FieldRecord &field, int maxLength) const;

    ReviewStore *m_store;
    QPointer<QUndoStack> m_undoStack;
    qint64 m_incidentId = 0;
    qint64 m_articleId = 0;
    QString m_articleText; // the incident's article, for evidence snippets
    double m_lookBelow = 0.0;
    QVector<FieldRecord> m_fields; // one per incidentFieldNames(), origin empty when not stored
    mutable QHash<QString, QVariant> m_icons;
};

} // namespace ItemModels
} // namespace Rasid
