#include "extract/vocabulary.h"

#include "text/textfold.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

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

struct TypeLabel
{
    const char *type;
    const char *label;
};

// Lower case: the label starts hover texts such as "quantity: 2,000,000 (approx)".
const TypeLabel kTypeLabels[] = {
    {"country", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "country")},
    {"place", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "place")},
    {"organization", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "organization")},
    {"person", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "person")},
    {"threat_actor", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "threat actor")},
    {"attack", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "attack")},
    {"data", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "data")},
    {"quantity", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "quantity")},
    {"money", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "money")},
    {"date", QT_TRANSLATE_NOOP("Rasid::Vocabulary", "date")},
};

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

QString entityTypeLabel(const QString &type)
{
    for (const TypeLabel &entry : kTypeLabels) {
        if (type == QLatin1StringView(entry.type)) {
            return QCoreApplication::translate("Rasid::Vocabulary", entry.label);
        }
    }
    return type;
}

QString reviewStateLabel(const QString &state)
{
    if (state == u"new") {
        return QCoreApplication::translate("Rasid::Vocabulary", "New");
    }
    if (state == u"in_review") {
        return QCoreApplication::translate("Rasid::Vocabulary", "In review");
    }
    if (state == u"reviewed") {
        return QCoreApplication::translate("Rasid::Vocabulary", "Reviewed");
    }
    return state;
}

} // namespace Extract
} // namespace Rasid
