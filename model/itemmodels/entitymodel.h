#pragma once

#include "extract/vocabulary.h"
#include "itemmodels/roles.h"
#include "store/reviewstore.h"

#include <QAbstractTableModel>
#include <QPointer>

class QUndoCommand;
class QUndoStack;

namespace Rasid {
inline namespace ItemModels {

// What the article view paints: one highlight per entity, in text order.
struct EntityHighlight
{
    qint64 entityId = 0;
    int start = 0;
    int end = 0;
    QString type;
};

/*
 * The entities of one article in text order: type, text, normalised value,
 * span and confidence. Views highlight from EntitySpanRole / highlights()
 * and show tooltipText() on hover ("quantity: 2,000,000 (approx)").
 *
 * Edits go through undo commands: setData(EditRole) on the type column pushes
 * ChangeEntityType; addEntity(), removeEntity() and applyToCorpus() push
 * theirs. The model follows the store's entitiesChanged signal with row
 * inserts, removals and dataChanged, never a reset.
 */
class EntityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityModel)
public:
    // Without an undo stack edits are written directly.
    EntityModel(ReviewStore *store, QUndoStack *undoStack, QObject *parent = nullptr);

    void setArticle(qint64 articleId); // 0 shows nothing
    qint64 articleId() const { return m_articleId; }
    qint64 entityIdAt(int row) const;
    int rowForEntity(qint64 entityId) const;
    int rowAt(int offset) const;          // the entity covering a text offset, or -1
    int rowAfter(int offset) const;       // the first entity starting after offset (Tab), or -1
    int rowBefore(int offset) const;      // the last entity starting before offset (Shift+Tab), or -1
    QString tooltipText(int row) const;
    QVector<EntityHighlight> highlights() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Undoable edits; each returns false when the store refused the change.
    bool addEntity(int start, int end, const QString &type, const QString &value = {},
                   const QString &attributes = {});
    bool removeEntity(int row);
    // Marks every occurrence of the row's text in the corpus with its type and
    // value and remembers it in the lexicon; returns the number of entities
    // added or retyped, or -1.
    int applyToCorpus(int row);

private:
    bool push(QUndoCommand *command);
    void sync();

    ReviewStore *m_store;
    QPointer<QUndoStack> m_undoStack;
    qint64 m_articleId = 0;
    QVector<EntityRecord> m_rows;
};

} // namespace ItemModels
} // namespace Rasid
