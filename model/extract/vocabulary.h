#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace Rasid {
inline namespace Extract {

// What editor a field of an incident needs.
enum class FieldKind {
    Text,             // free text as written in the article (victim, actor, evidence)
    Enumeration,      // one code of AllowedValuesRole
    MultiEnumeration, // ';'-separated codes (data_types)
    Count,            // digits only (records_affected)
    Country,          // ISO 3166-1 alpha-2
    Date,             // ISO 8601, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD
};

// The incident vocabulary of DESIGN.md §5, for people: field labels, what
// editor each field needs, the enumeration codes and their localised labels.
QString fieldLabel(const QString &name);       // "victim_sector" -> "Victim sector"
FieldKind fieldKind(const QString &name);
QStringList allowedFieldValues(const QString &name); // codes of an enumeration, empty for other kinds
QString fieldValueLabel(const QString &name, const QString &value); // "ddos" -> "DDoS"; lists joined with ", "
QString originLabel(const QString &origin);    // "corrected" -> "Corrected"
// Checks and normalises what an analyst typed for a field: trims, upper-cases
// country codes, turns Arabic-Indic digits and separators of a count into
// plain digits, orders data types. False when the value cannot be stored.
bool normaliseFieldValue(const QString &name, const QVariant &input, QString *value);

QString entityTypeLabel(const QString &type); // "threat_actor" -> "threat actor" (translated)
QString reviewStateLabel(const QString &state);  // "in_review" -> "In review"

} // namespace Extract
} // namespace Rasid
