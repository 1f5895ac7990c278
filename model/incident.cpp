#include "incident.h"

#include "workspace.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

void appendNumber(QString &out, int value)
{
    char16_t digits[12];
    int n = 0;
    unsigned v = unsigned(value < 0 ? 0 : value);
    do {
        digits[n++] = char16_t(u'0' + v % 10);
        v /= 10;
    } while (v);
    while (n) {
        out.append(QChar(digits[--n]));
    }
}

} // namespace

QString encodeEvidence(const QVector<EvidenceSpan> &spans)
{
    // Written for every stored field of every proposed incident: no temporaries.
    QString out;
    if (spans.isEmpty()) {
        return out;
    }
    out.reserve(spans.size() * 12);
    for (const EvidenceSpan &span : spans) {
        if (!out.isEmpty()) {
            out.append(u';');
        }
        appendNumber(out, span.start);
        out.append(u':');
        appendNumber(out, span.end);
    }
    return out;
}

QVector<EvidenceSpan> decodeEvidence(const QString &encoded)
{
    QVector<EvidenceSpan> spans;
    for (QStringView part : QStringView(encoded).split(u';', Qt::SkipEmptyParts)) {
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

const QStringList &incidentFieldNames()
{
    static const QStringList names = {
        u"victim"_s, u"victim_sector"_s, u"victim_country"_s, u"attack_type"_s, u"actor"_s, u"actor_type"_s,
        u"actor_country"_s, u"motive"_s, u"records_affected"_s, u"records_qualifier"_s, u"data_types"_s,
        u"incident_date"_s, u"disclosure"_s, u"impact"_s, u"evidence"_s,
    };
    return names;
}

IncidentWriter::IncidentWriter(QSqlDatabase db)
    : m_nextOrdinal(std::make_unique<BulkStatement>(db, "SELECT coalesce(max(ordinal) + 1, 0) FROM incidents "
                                                        "WHERE article_id = ?"))
    , m_insertIncident(std::make_unique<BulkStatement>(db, "INSERT INTO incidents(article_id, ordinal, review_status, "
                                                           "confidence, created_at) VALUES (?, ?, 'suggested', ?, ?)"))
    , m_insertFields(std::make_unique<MultiRowInsert>(
          db, "INSERT INTO incident_fields(incident_id, name, value, origin, confidence, evidence)", 6))
{
}

IncidentWriter::~IncidentWriter() = default;

bool IncidentWriter::store(qint64 articleId, const QVector<ProposedIncident> &incidents)
{
    if (incidents.isEmpty()) {
        return true;
    }
    m_nextOrdinal->bind(1, articleId);
    qint64 ordinal = 0;
    if (!m_nextOrdinal->exec(nullptr, &ordinal)) {
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QVector<const IncidentField *> fields;
    QVector<QString> evidence;
    for (const ProposedIncident &incident : incidents) {
        m_insertIncident->bind(1, articleId);
        m_insertIncident->bind(2, ordinal++);
        m_insertIncident->bind(3, incident.confidence);
        m_insertIncident->bind(4, QStringView(now));
        if (!m_insertIncident->exec()) {
            return false;
        }
        const qint64 incidentId = m_insertIncident->lastInsertId();
        fields.clear();
        evidence.clear();
        for (const IncidentField &field : incident.fields) {
            if (!field.value.isEmpty()) {
                fields.append(&field);
                evidence.append(encodeEvidence(field.evidence));
            }
        }
        if (fields.isEmpty()) {
            continue;
        }
        BulkStatement &insert = m_insertFields->rows(int(fields.size()));
        for (int row = 0; row < fields.size(); ++row) {
            const int at = row * 6;
            insert.bind(at + 1, incidentId);
            insert.bind(at + 2, QStringView(fields[row]->name));
            insert.bind(at + 3, QStringView(fields[row]->value));
            insert.bind(at + 4, QStringView(fields[row]->origin));
            insert.bind(at + 5, fields[row]->confidence);
            insert.bind(at + 6, QStringView(evidence[row]));
        }
        if (!insert.exec()) {
            return false;
        }
    }
    return true;
}

bool storeProposedIncidents(QSqlDatabase db, qint64 articleId, const QVector<ProposedIncident> &incidents)
{
    if (incidents.isEmpty()) {
        return true;
    }
    IncidentWriter writer(db);
    return writer.store(articleId, incidents);
}

} // namespace Rasid
