#include "itemmodels/entitymodel.h"

#include "extract/entity.h"
#include "extract/vocabulary.h"
#include "store/undocommands.h"

#include <QLocale>
#include <QPoint>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace ItemModels {

namespace {

QString attribute(const EntityRecord &entity, QStringView key)
{
    Entity e;
    e.attributes = entity.attributes;
    return e.attribute(key);
}

// A number as the analyst's locale writes it; anything else unchanged.
QString localNumber(const QString &value)
{
    bool ok = false;
    const qlonglong whole = value.toLongLong(&ok);
    if (ok) {
        return QLocale().toString(whole);
    }
    const double real = value.toDouble(&ok);
    return ok ? QLocale().toString(real, 'f', QLocale::FloatingPointShortest) : value;
}

QString territory(const QString &code)
{
    const QLocale::Territory t = code.size() == 2 ? QLocale::codeToTerritory(code) : QLocale::AnyTerritory;
    return t == QLocale::AnyTerritory ? QString() : QLocale::territoryToString(t);
}

// The normalised value for people: grouped numbers, country names, labels.
QString displayValue(const EntityRecord &entity)
{
    const QString &type = entity.type;
    if (entity.value.isEmpty()) {
        return {};
    }
    if (type == u"quantity") {
        return localNumber(entity.value);
    }
    if (type == u"money") {
        const QString currency = attribute(entity, u"currency");
        return currency.isEmpty() ? localNumber(entity.value) : localNumber(entity.value) + u' ' + currency;
    }
    if (type == u"country" || type == u"place") {
        const QString name = territory(entity.value);
        return name.isEmpty() ? entity.value : u"%1 (%2)"_s.arg(name, entity.value);
    }
    if (type == u"attack") {
        return fieldValueLabel(u"attack_type"_s, entity.value);
    }
    if (type == u"data") {
        return fieldValueLabel(u"data_types"_s, entity.value);
    }
    return entity.value;
}

} // namespace

EntityModel::EntityModel(ReviewStore *store, QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_undoStack(undoStack)
{
    connect(store, &ReviewStore::entitiesChanged, this, [this](qint64 articleId) {
        if (articleId == m_articleId && articleId > 0) {
            sync();
        }
    });
}

void EntityModel::setArticle(qint64 articleId)
{
    beginResetModel();
    m_articleId = articleId;
    m_rows = articleId > 0 ? m_store->entities(articleId) : QVector<EntityRecord>{};
    endResetModel();
}

// Same approach as IncidentListModel::sync(): spans never move, so entities
// still present keep their order and new ones are inserted where they sort.
void EntityModel::sync()
{
    const QVector<EntityRecord> fresh = m_store->entities(m_articleId);
    QVector<qint64> freshIds;
    for (const EntityRecord &entity : fresh) {
        freshIds.append(entity.id);
    }
    QVector<qint64> kept;
    for (const EntityRecord &entity : std::as_const(m_rows)) {
        if (freshIds.contains(entity.id)) {
            kept.append(entity.id);
        }
    }
    QVector<qint64> freshKept = freshIds;
    freshKept.removeIf([&](qint64 id) { return !kept.contains(id); });
    // std::equal, not QList::operator==, which memcmp()s null data when both are empty (Qt 6.4).
    if (!std::equal(freshKept.cbegin(), freshKept.cend(), kept.cbegin(), kept.cend())) {
        setArticle(m_articleId);
        return;
    }
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!freshIds.contains(m_rows.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_rows.remove(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < fresh.size(); ++row) {
        if (row < m_rows.size() && m_rows.at(row).id == fresh.at(row).id) {
            if (m_rows.at(row) != fresh.at(row)) {
                m_rows[row] = fresh.at(row);
                emit dataChanged(index(row, 0), index(row, EntityColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, fresh.at(row));
        endInsertRows();
    }
}

qint64 EntityModel::entityIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int EntityModel::rowForEntity(qint64 entityId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == entityId) {
            return row;
        }
    }
    return -1;
}

int EntityModel::rowAt(int offset) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).start <= offset && offset < m_rows.at(row).end) {
            return row;
        }
    }
    return -1;
}

int EntityModel::rowAfter(int offset) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).start > offset) {
            return row;
        }
    }
    return -1;
}

int EntityModel::rowBefore(int offset) const
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows.at(row).start < offset) {
            return row;
        }
    }
    return -1;
}

// "quantity: 2,000,000 (approx)": the type, the value as the analyst's locale
// writes it (the surface when there is none), and the qualifier if not exact.
QString EntityModel::tooltipText(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return {};
    }
    const EntityRecord &entity = m_rows.at(row);
    QString value = displayValue(entity);
    if (value.isEmpty()) {
        value = entity.text;
    }
    QString text = entityTypeLabel(entity.type) + u": "_s + value;
    const QString qualifier = attribute(entity, u"qualifier");
    if (!qualifier.isEmpty() && qualifier != u"exact") {
        text += u" ("_s + fieldValueLabel(u"records_qualifier"_s, qualifier) + u')';
    }
    return text;
}

QVector<EntityHighlight> EntityModel::highlights() const
{
    QVector<EntityHighlight> spans;
    spans.reserve(m_rows.size());
    for (const EntityRecord &entity : m_rows) {
        spans.append({entity.id, entity.start, entity.end, entity.type});
    }
    return spans;
}

int EntityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : EntityColumnCount;
}

QVariant EntityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const EntityRecord &entity = m_rows.at(index.row());
    switch (role) {
    case EntityIdRole:
        return entity.id;
    case EntityTypeRole:
        return entity.type;
    case EntitySpanRole:
        return QPoint(entity.start, entity.end);
    case EntityOriginRole:
        return entity.origin;
    case Qt::ToolTipRole:
        return tooltipText(index.row());
    default:
        break;
    }
    switch (index.column()) {
    case EntityTypeColumn:
        switch (role) {
        case Qt::DisplayRole:
            return entityTypeLabel(entity.type);
        case Qt::EditRole:
        case RawValueRole:
            return entity.type;
        case AllowedValuesRole: {
            QStringList types;
            for (EntityType type : allEntityTypes()) {
                types.append(entityTypeName(type));
            }
            return types;
        }
        case AllowedValueLabelsRole: {
            QStringList labels;
            for (EntityType type : allEntityTypes()) {
                labels.append(entityTypeLabel(entityTypeName(type)));
            }
            return labels;
        }
        default:
            return {};
        }
    case EntityTextColumn:
        return role == Qt::DisplayRole || role == RawValueRole ? entity.text : QVariant();
    case EntityValueColumn:
        if (role == Qt::DisplayRole) {
            return displayValue(entity);
        }
        return role == RawValueRole ? entity.value : QVariant();
    case EntityStartColumn:
        return role == Qt::DisplayRole || role == RawValueRole ? entity.start : QVariant();
    case EntityEndColumn:
        return role == Qt::DisplayRole || role == RawValueRole ? entity.end : QVariant();
    case EntityConfidenceColumn:
        if (role == Qt::DisplayRole) {
            return QLocale().toString(qRound(entity.confidence * 100)) + QLocale().percent();
        }
        return role == RawValueRole ? entity.confidence : QVariant();
    default:
        return {};
    }
}

bool EntityModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)
        || role != Qt::EditRole || index.column() != EntityTypeColumn) {
        return false;
    }
    const QString type = value.toString();
    EntityType parsed;
    if (!entityTypeFromName(type, &parsed)) {
        return false;
    }
    if (type == m_rows.at(index.row()).type) {
        return true;
    }
    return push(new ChangeEntityType(m_store, m_rows.at(index.row()).id, type));
}

Qt::ItemFlags EntityModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EntityTypeColumn) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

QVariant EntityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case EntityTypeColumn:
        return tr("Type");
    case EntityTextColumn:
        return tr("Text");
    case EntityValueColumn:
        return tr("Value");
    case EntityStartColumn:
        return tr("Start");
    case EntityEndColumn:
        return tr("End");
    case EntityConfidenceColumn:
        return tr("Confidence");
    default:
        return {};
    }
}

bool EntityModel::addEntity(int start, int end, const QString &type, const QString &value, const QString &attributes)
{
    if (m_articleId == 0) {
        return false;
    }
    return push(new AddEntity(m_store, m_articleId, start, end, type, value, attributes));
}

bool EntityModel::removeEntity(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        return false;
    }
    return push(new RemoveEntity(m_store, m_rows.at(row).id));
}

// Unlike the other edits this returns a count, which the UI reports
// ("12 occurrences marked"), so the command is kept to read it after push.
int EntityModel::applyToCorpus(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        return -1;
    }
    const EntityRecord &entity = m_rows.at(row);
    auto *command = new ApplyEntityToCorpus(m_store, entity.text, entity.type, entity.value, entity.attributes);
    if (m_undoStack) {
        m_undoStack->push(command);
        // The stack owns the command; a failed one was deleted as obsolete.
        return m_store->lastError().isEmpty() ? command->count() : -1;
    }
    command->redo();
    const int count = m_store->lastError().isEmpty() ? command->count() : -1;
    delete command;
    return count;
}

bool EntityModel::push(QUndoCommand *command)
{
    if (m_undoStack) {
        m_undoStack->push(command);
    } else {
        command->redo();
        delete command;
    }
    return m_store->lastError().isEmpty();
}

} // namespace ItemModels
} // namespace Rasid
