#include "extract/incidents/builder_p.h"

#include <QHash>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

namespace {

// Attack types by how much they say about an incident: when one incident is told
// with several, the more specific wins (a ransomware attack that also leaked data
// is a ransomware incident; phishing that stole logins is a phishing incident).
int attackPriority(QStringView type)
{
    static const QStringView order[] = {u"ransomware", u"hack_and_leak", u"defacement", u"account_takeover",
                                        u"espionage", u"ddos", u"phishing", u"sabotage", u"malware",
                                        u"data_breach", u"other"};
    const int n = int(std::size(order));
    for (int i = 0; i < n; ++i) {
        if (order[i] == type) {
            return n - i;
        }
    }
    return 0;
}

} // namespace

ProposedIncident Builder::fill(int index, double *leadScore) const
{
    const Draft &draft = m_drafts[index];
    Filling f;
    f.draft = &draft;
    QSet<int> sentences;
    for (int i : draft.mentions) {
        f.mentions.append(&m_mentions[i]);
        sentences.insert(m_mentions[i].sentence);
    }
    f.sentences = sentences.values();
    std::sort(f.sentences.begin(), f.sentences.end());
    // Who did it is often told in the next sentence, which names no attack
    // ("كما أفادت وسائل إعلام بتوقيف شاب ...").
    for (int s : f.sentences) {
        f.actorSentences.append(s);
        if (s + 1 < m_sentences.size() && !m_mentionSentences.contains(s + 1)) {
            f.actorSentences.append(s + 1);
        }
    }
    std::sort(f.actorSentences.begin(), f.actorSentences.end());
    f.actorSentences.erase(std::unique(f.actorSentences.begin(), f.actorSentences.end()), f.actorSentences.end());

    // The order matters: the attacker's country is never the victim's, the data
    // decide an unknown attack type, the motive may tell the attacker's type.
    fillVictim(f);
    fillActor(f);
    inheritActor(f, index);
    fillVictimCountry(f);
    fillAttackType(f);
    fillRecords(f);
    fillDataTypes(f);
    fillDate(f);
    fillDisclosure(f);
    fillImpactAndMotive(f);
    fillEvidenceAndConfidence(f);
    *leadScore = f.lead;
    return f.incident;
}

// The most specific attack phrase; the first mention's count double.
void Builder::fillAttackType(Filling &f) const
{
    QMap<QString, double> scores; // ordered: ties resolve the same way on every run
    QHash<QString, QVector<EvidenceSpan>> evidence;
    for (int i = 0; i < f.mentions.size(); ++i) {
        for (const Seed &seed : f.mentions[i]->seeds) {
            if (!seed.generic && !seed.negated && !seed.type.isEmpty()) {
                scores[seed.type] += i == 0 ? 2.0 : 1.0;
                evidence[seed.type] += spanOf(seed.first, seed.last);
            }
        }
    }
    f.attackType = u"unknown"_s;
    double best = 0.0;
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        const double score = it.value() + attackPriority(it.key()) / 10.0;
        if (score > best) {
            best = score;
            f.attackType = it.key();
        }
    }
    const double confidence = f.attackType == u"unknown"_s ? 0.3 : std::min(0.9, 0.5 + best / 10.0);
    f.incident.set(u"attack_type"_s, f.attackType, confidence, evidence.value(f.attackType));
}

// The counted noun of a quantity: 0 none of people or records, 1 people or records
// ("2 مليون منخرط"، "500 ألف فرنسي"), 2 documents ("آلاف رسائل البريد").
int Builder::recordsNoun(int quantity) const
{
    const Entity &e = m_entities[quantity];
    if (e.attribute(u"kind") == u"age"_s || e.attribute(u"kind") == u"percent"_s) {
        return 0;
    }
    // The noun ends the entity, or follows it ("مئات الآلاف من الأشخاص").
    const int last = std::min(int(m_tokens.size()) - 1, m_entLast[quantity] + 2);
    for (int t = std::max(m_entFirst[quantity], m_entLast[quantity] - 1); t <= last; ++t) {
        if (!m_tokens[t].word
            || (t > m_entLast[quantity] && word(t) != u"من" && !starts(t, Role::Records)
                && entityStarting(t, kCountryTypes) < 0)) {
            break;
        }
        if (const Hit *noun = hitAt(t, Role::Records)) {
            return CueLexicon::instance().entry(noun->entry).doc ? 2 : 1;
        }
        const int c = entityStarting(t, typeBit(EntityType::Country));
        if (c >= 0 && m_entities[c].attribute(u"demonym") == u"1"_s) {
            return 1;
        }
    }
    return 0;
}

// The largest count of people or records the mentions give, with its most frequent
// hedge. A figure beats a vague plural (آلاف، مئات الآلاف); money, ages and
// percentages are no records.
void Builder::fillRecords(Filling &f) const
{
    QMap<QString, int> votes;
    bool explicitCount = false;
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last; ++t) {
            const int q = entityStarting(t, typeBit(EntityType::Quantity));
            const int noun = q >= 0 ? recordsNoun(q) : 0;
            if (noun == 0 || negatedClause(t)) {
                continue;
            }
            bool ok = false;
            const qint64 value = m_entities[q].value.toLongLong(&ok);
            if (!ok || value <= 0) {
                continue;
            }
            const bool vague = std::none_of(m_entities[q].text.cbegin(), m_entities[q].text.cend(),
                                            [](QChar c) { return c.isDigit(); })
                && m_entities[q].attribute(u"qualifier") == u"more_than"_s;
            if (vague && (noun == 2 || explicitCount)) {
                continue;
            }
            if (!vague && !explicitCount) {
                explicitCount = true;
                f.records = 0;
            }
            QString qualifier = m_entities[q].attribute(u"qualifier");
            if (qualifier.isEmpty()) {
                qualifier = u"exact"_s;
            }
            if (value > f.records) {
                f.records = value;
                votes.clear();
                f.recordsEvidence.clear();
            }
            if (value == f.records) {
                // A hedge counts more: titles and leads round "أكثر من نصف مليون" to "نصف مليون".
                votes[qualifier] += qualifier == u"exact"_s ? 2 : 3;
                f.recordsEvidence += spanOf(m_entFirst[q], m_entLast[q]);
            }
        }
    }
    if (f.records > 0) {
        QString qualifier = u"exact"_s;
        int best = 0;
        for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
            if (it.value() > best) {
                best = it.value();
                qualifier = it.key();
            }
        }
        f.incident.set(u"records_affected"_s, QString::number(f.records), 0.7, f.recordsEvidence);
        f.incident.set(u"records_qualifier"_s, qualifier, 0.7, f.recordsEvidence);
    }
}

// The kinds of data the mentions name, in the order of the contract. A break-in only
// said to have exposed data or people is then a data breach ("اختراق طال نظام ...
// بيانات 40 ألف مريض").
void Builder::fillDataTypes(Filling &f) const
{
    static const QStringList order = {u"personal"_s, u"contact"_s, u"identity"_s, u"medical"_s,
                                      u"financial"_s, u"credentials"_s, u"government"_s, u"internal"_s};
    QSet<QString> types;
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last; ++t) {
            for (int e : m_entitiesAt[t]) {
                if (m_entities[e].type == EntityType::Data && !negatedClause(t)) {
                    for (QStringView v : QStringView(m_entities[e].value).split(u';', Qt::SkipEmptyParts)) {
                        types.insert(v.toString());
                    }
                    f.dataEvidence += spanOf(m_entFirst[e], m_entLast[e]);
                }
            }
        }
    }
    for (const QString &type : order) {
        if (types.contains(type)) {
            f.data.append(type);
        }
    }
    if (!f.data.isEmpty()) {
        f.incident.set(u"data_types"_s, f.data.join(u';'), 0.6, f.dataEvidence);
    }
    if (f.attackType == u"unknown"_s && (f.records > 0 || !f.data.isEmpty())) {
        f.attackType = u"data_breach"_s;
        f.incident.set(u"attack_type"_s, f.attackType, 0.45, f.recordsEvidence + f.dataEvidence);
    }
}

// When it happened: the earliest date of the mentions, never one after publication;
// a date without its year takes the publication's ("في 28 ديسمبر" of an article of January).
void Builder::fillDate(Filling &f) const
{
    QString date;
    QVector<EvidenceSpan> evidence;
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last; ++t) {
            const int d = entityStarting(t, typeBit(EntityType::Date));
            if (d < 0 || m_entities[d].value.isEmpty()) {
                continue;
            }
            QString iso = m_entities[d].value;
            if (iso.startsWith(u"XXXX"_s)) {
                if (m_publishedYear <= 0) {
                    continue;
                }
                const int month = iso.mid(5, 2).toInt();
                const bool lastYear = m_publishedMonth > 0 && month > m_publishedMonth;
                iso = QString::number(lastYear ? m_publishedYear - 1 : m_publishedYear) + iso.mid(4);
            }
            if (iso.contains(u'X') || (m_publishedYear > 0 && iso.left(4).toInt() > m_publishedYear)) {
                continue;
            }
            if (date.isEmpty() || iso < date) {
                date = iso;
                evidence = spanOf(m_entFirst[d], m_entLast[d]);
            }
        }
    }
    if (!date.isEmpty()) {
        f.incident.set(u"incident_date"_s, date, 0.6, evidence);
    }
}

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
