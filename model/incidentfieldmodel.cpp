#include "incidentfieldmodel.h"

#include "articlelistmodel.h"
#include "textfold.h"
#include "undocommands.h"
#include "workspace.h"

#include <QDate>
#include <QLocale>
#include <QPoint>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// QT_TRANSLATE_NOOP marks the labels for lupdate; they are translated when shown.
struct Choice
{
    const char *code;
    const char *label;
};

const Choice kSectors[] = {
    {"government", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Government")},
    {"healthcare", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Healthcare")},
    {"finance", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Finance")},
    {"postal_logistics", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Postal and logistics")},
    {"transport", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Transport")},
    {"energy", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Energy")},
    {"telecom", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Telecommunications")},
    {"education", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Education")},
    {"politics", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Politics")},
    {"media", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Media")},
    {"retail", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Retail")},
    {"technology", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Technology")},
    {"defense", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Defence")},
    {"other", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Other")},
    {"unknown", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Unknown")},
};
const Choice kAttackTypes[] = {
    {"ddos", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "DDoS")},
    {"data_breach", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Data breach")},
    {"hack_and_leak", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Hack and leak")},
    {"ransomware", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Ransomware")},
    {"malware", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Malware")},
    {"defacement", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Defacement")},
    {"phishing", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Phishing")},
    {"account_takeover", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Account takeover")},
    {"espionage", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Espionage")},
    {"sabotage", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Sabotage")},
    {"other", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Other")},
    {"unknown", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Unknown")},
};
const Choice kActorTypes[] = {
    {"nation_state", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Nation state")},
    {"state_affiliated", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "State-affiliated")},
    {"criminal", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Criminal")},
    {"hacktivist", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Hacktivist")},
    {"insider", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Insider")},
    {"individual", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Individual")},
    {"unknown", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Unknown")},
};
const Choice kMotives[] = {
    {"financial", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Financial")},
    {"espionage", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Espionage")},
    {"ideology", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Ideology")},
    {"grudge", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Grudge")},
    {"sabotage", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Sabotage")},
    {"fun", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Fun")},
    {"unknown", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Unknown")},
};
const Choice kQualifiers[] = {
    {"exact", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "exact")},
    {"approx", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "approx")},
    {"more_than", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "more than")},
    {"less_than", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "less than")},
    {"up_to", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "up to")},
};
const Choice kDataTypes[] = {
    {"personal", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Personal")},
    {"contact", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Contact")},
    {"identity", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Identity")},
    {"medical", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Medical")},
    {"financial", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Financial")},
    {"credentials", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Credentials")},
    {"government", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Government")},
    {"internal", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Internal")},
};
const Choice kDisclosures[] = {
    {"confirmed", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Confirmed by the victim")},
    {"claimed", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Claimed")},
    {"denied", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Denied")},
    {"suspected", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Suspected")},
    {"attempted", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Attempted")},
};
const Choice kImpacts[] = {
    {"service_outage", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Service outage")},
    {"data_exposure", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Data exposure")},
    {"data_manipulation", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Data manipulation")},
    {"financial_loss", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Financial loss")},
    {"none_stated", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "None stated")},
};

struct FieldInfo
{
    const char *name;
    const char *label;
    FieldKind kind;
    const Choice *choices;
    int choiceCount;
};

template<int N>
constexpr FieldInfo enumField(const char *name, const char *label, FieldKind kind, const Choice (&choices)[N])
{
    return {name, label, kind, choices, N};
}

const FieldInfo kFields[] = {
    {"victim", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Victim"), FieldKind::Text, nullptr, 0},
    enumField("victim_sector", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Victim sector"), FieldKind::Enumeration,
              kSectors),
    {"victim_country", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Victim country"), FieldKind::Country, nullptr, 0},
    enumField("attack_type", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Attack type"), FieldKind::Enumeration,
              kAttackTypes),
    {"actor", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Actor"), FieldKind::Text, nullptr, 0},
    enumField("actor_type", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Actor type"), FieldKind::Enumeration,
              kActorTypes),
    {"actor_country", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Actor country"), FieldKind::Country, nullptr, 0},
    enumField("motive", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Motive"), FieldKind::Enumeration, kMotives),
    {"records_affected", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Records affected"), FieldKind::Count, nullptr, 0},
    enumField("records_qualifier", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Records qualifier"),
              FieldKind::Enumeration, kQualifiers),
    enumField("data_types", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Data types"), FieldKind::MultiEnumeration,
              kDataTypes),
    {"incident_date", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Incident date"), FieldKind::Date, nullptr, 0},
    enumField("disclosure", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Disclosure"), FieldKind::Enumeration,
              kDisclosures),
    enumField("impact", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Impact"), FieldKind::Enumeration, kImpacts),
    {"evidence", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "Evidence"), FieldKind::Text, nullptr, 0},
};

const FieldInfo *fieldInfo(QStringView name)
{
    for (const FieldInfo &info : kFields) {
        if (name == QLatin1StringView(info.name)) {
            return &info;
        }
    }
    return nullptr;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("Rasid::Vocabulary", text);
}

QString percent(double confidence)
{
    return QLocale().toString(qRound(confidence * 100)) + QLocale().percent();
}

} // namespace

QString fieldLabel(const QString &name)
{
    const FieldInfo *info = fieldInfo(name);
    return info ? translated(info->label) : name;
}

FieldKind fieldKind(const QString &name)
{
    const FieldInfo *info = fieldInfo(name);
    return info ? info->kind : FieldKind::Text;
}

QStringList allowedFieldValues(const QString &name)
{
    QStringList codes;
    if (const FieldInfo *info = fieldInfo(name)) {
        for (int i = 0; i < info->choiceCount; ++i) {
            codes.append(QLatin1StringView(info->choices[i].code));
        }
    }
    return codes;
}

QString fieldValueLabel(const QString &name, const QString &value)
{
    const FieldInfo *info = fieldInfo(name);
    if (!info || !info->choices) {
        if (info && info->kind == FieldKind::Count && !value.isEmpty()) {
            bool ok = false;
            const qlonglong number = value.toLongLong(&ok);
            return ok ? QLocale().toString(number) : value;
        }
        return value;
    }
    QStringList labels;
    for (QStringView code : QStringView(value).split(u';', Qt::SkipEmptyParts)) {
        QString label = code.toString();
        for (int i = 0; i < info->choiceCount; ++i) {
            if (code == QLatin1StringView(info->choices[i].code)) {
                label = translated(info->choices[i].label);
            }
        }
        labels.append(label);
    }
    return labels.join(QCoreApplication::translate("Rasid::Vocabulary", ", "));
}

QString originLabel(const QString &origin)
{
    if (origin == u"suggested") {
        return QCoreApplication::translate("Rasid::Vocabulary", "Suggested");
    }
    if (origin == u"confirmed") {
        return QCoreApplication::translate("Rasid::Vocabulary", "Confirmed");
    }
    if (origin == u"corrected") {
        return QCoreApplication::translate("Rasid::Vocabulary", "Corrected");
    }
    return origin;
}

bool normaliseFieldValue(const QString &name, const QVariant &input, QString *value)
{
    const FieldInfo *info = fieldInfo(name);
    if (!info) {
        return false;
    }
    const QStringList codes = allowedFieldValues(name);
    switch (info->kind) {
    case FieldKind::Text:
        *value = input.toString().simplified();
        return true;
    case FieldKind::Enumeration: {
        const QString code = input.toString().trimmed();
        *value = code;
        return code.isEmpty() || codes.contains(code);
    }
    case FieldKind::MultiEnumeration: {
        QStringList given = input.typeId() == QMetaType::QStringList
            ? input.toStringList()
            : input.toString().split(QRegularExpression(u"[;,،\\s]+"_s), Qt::SkipEmptyParts);
        QStringList ordered;
        for (const QString &code : codes) { // contract order, no repeats
            if (given.contains(code)) {
                ordered.append(code);
                given.removeAll(code);
            }
        }
        *value = ordered.join(u';');
        return given.isEmpty();
    }
    case FieldKind::Count: {
        // Arabic-Indic digits fold to ASCII; group separators and spaces go.
        QString digits = fold(input.toString());
        digits.remove(QRegularExpression(u"[\\s,'٬.]"_s));
        static const QRegularExpression allDigits(u"^[0-9]*$"_s);
        if (!allDigits.match(digits).hasMatch()) {
            return false;
        }
        while (digits.size() > 1 && digits.startsWith(u'0')) {
            digits.remove(0, 1);
        }
        *value = digits;
        return true;
    }
    case FieldKind::Country: {
        const QString code = input.toString().trimmed().toUpper();
        *value = code;
        return code.isEmpty()
            || (code.size() == 2 && QLocale::codeToTerritory(code) != QLocale::AnyTerritory);
    }
    case FieldKind::Date: {
        const QString date = fold(input.toString()).trimmed();
        static const QRegularExpression iso(u"^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"_s);
        const QRegularExpressionMatch match = iso.match(date);
        *value = date;
        if (date.isEmpty()) {
            return true;
        }
        if (!match.hasMatch()) {
            return false;
        }
        const int month = match.captured(2).isEmpty() ? 1 : match.captured(2).toInt();
        const int day = match.captured(3).isEmpty() ? 1 : match.captured(3).toInt();
        return QDate(match.captured(1).toInt(), month, day).isValid();
    }
    }
    return false;
}

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
            QSqlQuery query(m_store->workspace().database());
            query.prepare(u"SELECT text FROM articles WHERE id = ?"_s);
            query.addBindValue(m_articleId);
            if (execPrepared(query) && query.next()) {
                m_articleText = query.value(0).toString();
            }
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
            return field.origin.isEmpty() ? QString() : percent(field.confidence);
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

} // namespace Rasid
