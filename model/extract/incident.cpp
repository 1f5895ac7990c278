#include "extract/incident.h"

#include <QDateTime>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

// Written for every field of every proposed incident: the writers below put
// UTF-16 units straight into room the caller reserved, with no temporaries.
char16_t *writeNumber(char16_t *out, int value)
{
    char16_t digits[12];
    int n = 0;
    unsigned v = unsigned(value < 0 ? 0 : value);
    do {
        digits[n++] = char16_t(u'0' + v % 10);
        v /= 10;
    } while (v);
    while (n) {
        *out++ = digits[--n];
    }
    return out;
}

constexpr qsizetype kMostPerSpan = 2 * 10 + 2; // two numbers, ':' and ';'

char16_t *writeEvidence(char16_t *out, const QVector<EvidenceSpan> &spans)
{
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (i > 0) {
            *out++ = u';';
        }
        out = writeNumber(out, spans[i].start);
        *out++ = u':';
        out = writeNumber(out, spans[i].end);
    }
    return out;
}

// Makes room for `most` more units at the end of `text`; returns where they start.
char16_t *extend(QString &text, qsizetype most)
{
    const qsizetype at = text.size();
    text.resize(at + most); // keeps the capacity of a reused buffer
    return reinterpret_cast<char16_t *>(text.data()) + at;
}

// Gives back what extend() reserved beyond `end`.
void finish(QString &text, const char16_t *end)
{
    text.truncate(end - reinterpret_cast<const char16_t *>(text.constData()));
}

} // namespace

QString encodeEvidence(const QVector<EvidenceSpan> &spans)
{
    QString out;
    if (!spans.isEmpty()) {
        finish(out, writeEvidence(extend(out, spans.size() * kMostPerSpan), spans));
    }
    return out;
}

QVector<EvidenceSpan> decodeEvidence(QStringView encoded)
{
    QVector<EvidenceSpan> spans;
    for (QStringView part : encoded.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype colon = part.indexOf(u':');
        bool okStart = false;
        bool okEnd = false;
        const int start = part.left(colon).toInt(&okStart);
        const int end = part.mid(colon + 1).toInt(&okEnd);
        if (colon > 0 && okStart && okEnd && start >= 0 && end >= start) {
            spans.append({start, end});
        }
    }
    return spans;
}

namespace {

// Copies a unit of a record; a separator inside it becomes a space.
char16_t *writeUnit(char16_t *out, QStringView text)
{
    const char16_t *in = text.utf16();
    for (qsizetype i = 0, n = text.size(); i < n; ++i) {
        const char16_t c = in[i];
        out[i] = c == FieldSeparator || c == UnitSeparator ? u' ' : c;
    }
    return out + text.size();
}

constexpr qsizetype kMostConfidence = 32;

// The shortest text that reads back as exactly `confidence`. Extraction's
// confidences are mostly thousandths (0.85): those are written directly.
char16_t *writeConfidence(char16_t *out, double confidence)
{
    const double thousandths = std::round(confidence * 1000.0);
    if (thousandths >= 0.0 && thousandths <= 1000.0 && thousandths / 1000.0 == confidence) {
        int k = int(thousandths);
        *out++ = char16_t(u'0' + k / 1000);
        k %= 1000;
        if (k != 0) {
            *out++ = u'.';
            for (int unit = 100; k != 0; unit /= 10) {
                *out++ = char16_t(u'0' + k / unit);
                k %= unit;
            }
        }
        return out;
    }
    char digits[kMostConfidence];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, confidence);
    for (const char *c = digits; ec == std::errc() && c != end; ++c) {
        *out++ = char16_t(*c);
    }
    return out;
}

double parseConfidence(QStringView unit)
{
    char digits[32];
    if (unit.size() >= qsizetype(sizeof digits)) {
        return 0.0;
    }
    for (qsizetype i = 0; i < unit.size(); ++i) {
        const char16_t c = unit[i].unicode();
        if (c >= 0x80) {
            return 0.0;
        }
        digits[i] = char(c);
    }
    double value = 0.0;
    const auto [end, ec] = std::from_chars(digits, digits + unit.size(), value);
    return ec == std::errc() && end == digits + unit.size() && std::isfinite(value) ? value : 0.0;
}

// A record's units: name, value, origin, confidence, evidence. A record with
// any other count is damaged (or not ours) and is read as absent.
constexpr int kUnits = PackedFieldUnits;

// Calls f(units) with the units of each well-formed record of a packed column,
// the first record of each name only; f returns false to stop.
template<typename F>
void forEachRecord(QStringView packed, F f)
{
    QVarLengthArray<QStringView, 16> seen;
    const char16_t *s = packed.utf16();
    const qsizetype n = packed.size();
    qsizetype start = 0;
    while (start < n) {
        // One pass over the record: where its units start, and where it ends.
        QStringView units[kUnits];
        int count = 0;
        qsizetype unitStart = start;
        qsizetype i = start;
        for (; i < n && s[i] != FieldSeparator; ++i) {
            if (s[i] == UnitSeparator) {
                if (count < kUnits) {
                    units[count] = QStringView(s + unitStart, i - unitStart);
                }
                ++count;
                unitStart = i + 1;
            }
        }
        if (count < kUnits) {
            units[count] = QStringView(s + unitStart, i - unitStart);
        }
        ++count;
        start = i + 1;
        if (count != kUnits || units[0].isEmpty() || std::find(seen.cbegin(), seen.cend(), units[0]) != seen.cend()) {
            continue;
        }
        seen.append(units[0]);
        if (!f(units)) {
            return;
        }
    }
}

} // namespace

void appendPackedField(QString &packed, const IncidentField &field)
{
    const qsizetype most = 5 + field.name.size() + field.value.size() + field.origin.size() + kMostConfidence
        + field.evidence.size() * kMostPerSpan;
    const bool first = packed.isEmpty();
    char16_t *out = extend(packed, most);
    if (!first) {
        *out++ = FieldSeparator;
    }
    out = writeUnit(out, field.name);
    *out++ = UnitSeparator;
    out = writeUnit(out, field.value);
    *out++ = UnitSeparator;
    out = writeUnit(out, field.origin);
    *out++ = UnitSeparator;
    out = writeConfidence(out, field.confidence);
    *out++ = UnitSeparator;
    out = writeEvidence(out, field.evidence);
    finish(packed, out);
}

QString packFields(const QVector<IncidentField> &fields)
{
    QString packed(u""_s);
    for (const IncidentField &field : fields) {
        appendPackedField(packed, field);
    }
    return packed;
}

QVector<IncidentField> unpackFields(QStringView packed)
{
    QVector<IncidentField> fields;
    forEachRecord(packed, [&fields](const QStringView(&units)[kUnits]) {
        fields.append({units[0].toString(), units[1].toString(), units[2].toString(), parseConfidence(units[3]),
                       decodeEvidence(units[4])});
        return true;
    });
    return fields;
}

void forEachPackedValue(QStringView packed, const std::function<void(QStringView, QStringView)> &take)
{
    forEachRecord(packed, [&take](const QStringView(&units)[kUnits]) {
        take(units[0], units[1]);
        return true;
    });
}

QString ProposedIncident::value(const QString &name) const
{
    for (const IncidentField &field : fields) {
        if (field.name == name) {
            return field.value;
        }
    }
    return {};
}

void ProposedIncident::set(const QString &name, const QString &value, double fieldConfidence,
                           const QVector<EvidenceSpan> &evidence)
{
    for (IncidentField &field : fields) {
        if (field.name == name) {
            field.value = value;
            field.confidence = fieldConfidence;
            field.evidence = evidence;
            return;
        }
    }
    IncidentField field;
    field.name = name;
    field.value = value;
    field.confidence = fieldConfidence;
    field.evidence = evidence;
    fields.append(field);
}

QString exportedConfidenceText(double confidence, QStringView reviewStatus)
{
    return QString::number(reviewStatus == u"confirmed" ? 1.0 : confidence, 'g', 3);
}

const QStringList &incidentFieldNames()
{
    static const QStringList names = {
        u"victim"_s, u"victim_sector"_s, u"victim_country"_s, u"attack_type"_s, u"actor"_s, u"actor_type"_s,
        u"actor_country"_s, u"motive"_s, u"records_affected"_s, u"records_qualifier"_s, u"data_types"_s,
        u"incident_date"_s, u"disclosure"_s, u"impact"_s, u"evidence"_s,
    };
    return names;
}

} // namespace Extract
} // namespace Rasid
