#include "itemmodels/incidentfieldmodel.h"

#include "itemmodels/decoration.h"
#include "store/articlequeries.h"
#include "store/reviewstore.h"
#include "store/undocommands.h"
#include "text/textfold.h"

#include <QDate>
#include <QLocale>
#include <QPoint>
#include <QRegularExpression>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace ItemModels {

namespace {

QString percent(double confidence)
{
    return QLocale().toString(qRound(confidence * 100)) + QLocale().percent();
}

} // namespace

IncidentFieldModel::IncidentFieldModel(ReviewStore *store, QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_undoStack(undoStack)
{
    connect(store, &ReviewStore::fieldChanged, this, &IncidentFieldModel::onFieldChanged);
    connect(store, &ReviewStore::incidentsChanged, this, &IncidentFieldModel::onIncidentsChanged);
}

// The article text is read once per article, for evidence snippets; the
// fields are cached so that data() never runs SQL.
void IncidentFieldModel::setIncident(qint64 incidentId)
{
    const IncidentRecord record = incidentId > 0 ? m_store->incident(incidentId) : IncidentRecord{};
    beginResetModel();
    m_incidentId = record.id;
    if (record.articleId != m_articleId) {
        m_articleId = record.articleId;
        m_articleText.clear();
        if (m_articleId > 0) {
            m_articleText = articleText(m_store->workspace(), m_articleId);
        }
    }
    m_fields.clear();
    if (m_incidentId > 0) {
        for (const QString &name : incidentFieldNames()) {
            const FieldRecord *stored = record.field(name);
            m_fields.append(stored ? *stored : FieldRecord{name, QString(), QString(), 0.0, {}});
        }
    }
    endResetModel();
}

QString IncidentFieldModel::fieldNameAt(int row) const
{
    return row >= 0 && row < m_fields.size() ? m_fields.at(row).name : QString();
}

int IncidentFieldModel::rowForField(const QString &name) const
{
    for (int row = 0; row < m_fields.size(); ++row) {
        if (m_fields.at(row).name == name) {
            return row;
        }
    }
    return -1;
}

int IncidentFieldModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

int IncidentFieldModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldColumnCount;
}

QString IncidentFieldModel::evidenceText(const FieldRecord &field, int maxLength) const
{
    QStringList parts;
    for (const EvidenceSpan &span : field.evidence) {
        if (span.start >= 0 && span.end <= m_articleText.size() && span.start < span.end) {
            parts.append(m_articleText.mid(span.start, span.end - span.start).simplified());
        }
    }
    QString text = parts.join(u" … "_s);
    if (maxLength > 0 && text.size() > maxLength) {
        text = text.left(maxLength - 1) + u'…';
    }
    return text;
}

QVariant IncidentFieldModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const FieldRecord &field = m_fields.at(index.row());
    switch (role) {
    case FieldNameRole:
        return field.name;
    case FieldKindRole:
        return int(fieldKind(field.name));
    case FieldOriginRole:
        return field.origin;
    case FieldConfidenceRole:
        return field.confidence;
    case FieldNeedsLookRole:
        return needsLook(index.row());
    case EvidenceSpansRole: {
        QVariantList spans;
        for (const EvidenceSpan &span : field.evidence) {
            spans.append(QPoint(span.start, span.end));
        }
        return spans;
    }
    case AllowedValuesRole: {
        const FieldKind kind = fieldKind(field.name);
        QStringList codes = allowedFieldValues(field.name);
        if (kind == FieldKind::Enumeration) {
            codes.prepend(QString()); // the field may stay empty
        }
        return kind == FieldKind::Enumeration || kind == FieldKind::MultiEnumeration ? QVariant(codes) : QVariant();
    }
    case AllowedValueLabelsRole: {
        const FieldKind kind = fieldKind(field.name);
        if (kind != FieldKind::Enumeration && kind != FieldKind::MultiEnumeration) {
            return {};
        }
        QStringList labels;
        if (kind == FieldKind::Enumeration) {
            labels.append(QString());
        }
        for (const QString &code : allowedFieldValues(field.name)) {
            labels.append(fieldValueLabel(field.name, code));
        }
        return labels;
    }
    default:
        break;
    }
    switch (index.column()) {
    case FieldValueColumn:
        switch (role) {
        case Qt::DisplayRole:
            return fieldValueLabel(field.name, field.value);
        case Qt::EditRole:
        case RawValueRole:
            return field.value;
        case Qt::ToolTipRole:
            return fieldKind(field.name) == FieldKind::Country && !field.value.isEmpty()
                ? QLocale::territoryToString(QLocale::codeToTerritory(field.value))
                : QVariant();
        default:
            return {};
        }
    case FieldOriginColumn:
        switch (role) {
        case Qt::DisplayRole:
            return originLabel(field.origin);
        case RawValueRole:
            return field.origin;
        case IconNameRole:
            return field.origin.isEmpty() ? QString() : u"origin-"_s + field.origin;
        case Qt::DecorationRole:
            return field.origin.isEmpty() ? QVariant() : iconDecoration(u"origin-"_s + field.origin, &m_icons);
        default:
            return {};
        }
    case FieldConfidenceColumn:
        switch (role) {
        case Qt::DisplayRole:
            // A corrected value is the analyst's: no extraction confidence to show.
            return field.origin.isEmpty() || field.origin == u"corrected" ? QString() : percent(field.confidence);
        case RawValueRole:
            return field.confidence;
        case Qt::TextAlignmentRole:
            return int(Qt::AlignTrailing | Qt::AlignVCenter);
        default:
            return {};
        }
    case FieldEvidenceColumn:
        switch (role) {
        case Qt::DisplayRole:
            return evidenceText(field, 80);
        case Qt::ToolTipRole:
            return evidenceText(field, 0);
        case RawValueRole:
            return encodeEvidence(field.evidence);
        default:
            return {};
        }
    default:
        return {};
    }
}

Qt::ItemFlags IncidentFieldModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == FieldValueColumn) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

QVariant IncidentFieldModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        return section >= 0 && section < m_fields.size() ? fieldLabel(m_fields.at(section).name) : QVariant();
    }
    switch (section) {
    case FieldValueColumn:
        return tr("Value");
    case FieldOriginColumn:
        return tr("Origin");
    case FieldConfidenceColumn:
        return tr("Confidence");
    case FieldEvidenceColumn:
        return tr("Evidence");
    default:
        return {};
    }
}

bool IncidentFieldModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)
        || role != Qt::EditRole || index.column() != FieldValueColumn) {
        return false;
    }
    const FieldRecord &field = m_fields.at(index.row());
    QString normalised;
    if (!normaliseFieldValue(field.name, value, &normalised)) {
        return false;
    }
    // An unchanged value pushes nothing: the undo stack holds only real edits.
    // (Confirming a suggestion is its own action, confirmField().)
    if (normalised == field.value) {
        return true;
    }
    return push(new SetIncidentField(m_store, m_incidentId, field.name, normalised));
}

bool IncidentFieldModel::assignSpan(const QString &name, const QString &value, const QVector<EvidenceSpan> &evidence)
{
    QString normalised;
    if (m_incidentId == 0 || !normaliseFieldValue(name, value, &normalised)) {
        return false;
    }
    return push(new SetIncidentField(m_store, m_incidentId, name, normalised, evidence));
}

bool IncidentFieldModel::confirmField(int row)
{
    if (row < 0 || row >= m_fields.size()) {
        return false;
    }
    return push(new ConfirmField(m_store, m_incidentId, m_fields.at(row).name));
}

void IncidentFieldModel::setLookBelow(double probability)
{
    if (probability == m_lookBelow) {
        return;
    }
    m_lookBelow = probability;
    if (!m_fields.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, FieldColumnCount - 1));
    }
}

bool IncidentFieldModel::needsLook(int row) const
{
    if (row < 0 || row >= m_fields.size()) {
        return false;
    }
    const FieldRecord &field = m_fields.at(row);
    return field.origin == u"suggested" && !field.value.isEmpty() && field.confidence < m_lookBelow;
}

bool IncidentFieldModel::push(QUndoCommand *command)
{
    if (m_undoStack) {
        m_undoStack->push(command); // runs redo(); a failed command is dropped as obsolete
    } else {
        command->redo();
        delete command;
    }
    return m_store->lastError().isEmpty();
}

// One field re-read, one row announced: the view repaints only that row.
void IncidentFieldModel::onFieldChanged(qint64 incidentId, const QString &name)
{
    const int row = rowForField(name);
    if (incidentId != m_incidentId || row < 0) {
        return;
    }
    FieldRecord stored = m_store->field(incidentId, name);
    m_fields[row] = stored;
    emit dataChanged(index(row, 0), index(row, FieldColumnCount - 1));
}

void IncidentFieldModel::onIncidentsChanged(qint64 articleId)
{
    // The incident shown was deleted or merged away.
    if (articleId == m_articleId && m_incidentId > 0 && m_store->articleOfIncident(m_incidentId) == 0) {
        setIncident(0);
    }
}

} // namespace ItemModels
} // namespace Rasid
