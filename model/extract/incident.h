#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

namespace Rasid {
inline namespace Extract {

struct EvidenceSpan
{
    int start = 0;
    int end = 0;
    friend bool operator==(const EvidenceSpan &a, const EvidenceSpan &b)
    {
        return a.start == b.start && a.end == b.end;
    }
};

// Evidence spans are stored as "start:end;start:end" (UTF-16 offsets into the cleaned text).
QString encodeEvidence(const QVector<EvidenceSpan> &spans);
QVector<EvidenceSpan> decodeEvidence(QStringView encoded);

/*
 * One field of an incident with its provenance: the value, where it came from
 * (suggested by extraction, confirmed or corrected by the analyst), the
 * extractor's confidence and the spans of the article that support it.
 */
struct IncidentField
{
    QString name;
    QString value;
    QString origin = QStringLiteral("suggested"); // suggested | confirmed | corrected
    double confidence = 0.0;
    QVector<EvidenceSpan> evidence;

    friend bool operator==(const IncidentField &a, const IncidentField &b)
    {
        return a.name == b.name && a.value == b.value && a.origin == b.origin && a.confidence == b.confidence
            && a.evidence == b.evidence;
    }
    friend bool operator!=(const IncidentField &a, const IncidentField &b) { return !(a == b); }
};

/*
 * An incident's fields are stored in its own row (incidents.fields), one record
 * per field: name, value, origin, confidence and evidence separated by U+001F,
 * records separated by U+001E. A proposed incident is then one row to write
 * instead of a dozen. The two separators are control characters with no place
 * in a value; a value that holds one has it replaced by a space. Confidences
 * are written in their shortest exact decimal form.
 */
inline constexpr char16_t FieldSeparator = 0x1E;
inline constexpr char16_t UnitSeparator = 0x1F;
inline constexpr int PackedFieldUnits = 5; // name, value, origin, confidence, evidence
void appendPackedField(QString &packed, const IncidentField &field);
QString packFields(const QVector<IncidentField> &fields);
// Malformed records (a damaged or hand-edited row: not five units, no name)
// are skipped, never trusted; of two records with one name, the first holds.
QVector<IncidentField> unpackFields(QStringView packed);
// Calls take(name, value) for each field unpackFields() reads, with views into
// `packed` and no copies (the CSV export reads 100,000 incidents' values so).
void forEachPackedValue(QStringView packed, const std::function<void(QStringView, QStringView)> &take);

// Where a proposal comes from: the incident builder's rules, or a victim
// mentioned beside an attack that the rules did not propose (extract/mentions),
// which only the learned layer keeps or drops. Not stored.
enum class ProposalSource { Rules, Mention };

// An incident as extraction proposes it, before it is stored.
struct ProposedIncident
{
    double confidence = 0.0;
    bool primary = false;
    ProposalSource source = ProposalSource::Rules;
    QVector<IncidentField> fields;

    QString value(const QString &name) const;
    void set(const QString &name, const QString &value, double confidence, const QVector<EvidenceSpan> &evidence = {});
};

// An incident's confidence as every export writes it: 1 once the analyst has
// confirmed it, else the stored confidence to three significant digits.
QString exportedConfidenceText(double confidence, QStringView reviewStatus);

// The incident columns of the CSV contract that are fields of an incident
// (victim ... evidence), in export order.
const QStringList &incidentFieldNames();

} // namespace Extract
} // namespace Rasid
