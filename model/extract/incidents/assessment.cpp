#include "extract/incidents/builder_p.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

EvidenceSpan Builder::sentenceSpan(int sentence) const
{
    return {m_sentences[sentence].start, m_sentences[sentence].end};
}

bool Builder::inMentions(const Filling &f, int t) const
{
    return std::any_of(f.mentions.cbegin(), f.mentions.cend(),
                       [t](const Mention *m) { return t >= m->first && t <= m->last; });
}

// Who says so. A statement's speaker is the name right after its verb ("أكدت
// الشركة"، "أعلن عنه مجموعة من القراصنة"); the order of precedence is: a foiled
// attempt, a denial, the victim's confirmation, a suspicion, an attacker's claim,
// an authority's word, the press alone.
void Builder::fillDisclosure(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    int attempts = 0;
    bool byVictim = false, byAuthority = false, claimed = false, denied = false, suspected = false, media = false;
    QVector<EvidenceSpan> evidence;
    const auto isVictim = [&](int entity) {
        Victim v;
        v.first = m_entFirst[entity];
        v.last = m_entLast[entity];
        v.entity = entity;
        v.named = true;
        return std::any_of(f.draft->victims.cbegin(), f.draft->victims.cend(),
                           [&](const Victim &d) { return sameVictim(d, v); });
    };
    for (const Mention *m : f.mentions) {
        const int last = sentenceLastToken(m->sentence);
        bool attempt = false;
        for (int t = sentenceFirstToken(m->sentence); t <= last; ++t) {
            for (int h : m_hitsAt[t]) {
                const Hit &hit = m_hits[h];
                const bool nearSeed = std::any_of(m->seeds.cbegin(), m->seeds.cend(), [&](const Seed &seed) {
                    return t >= seed.first - 4 && t <= seed.last + 2;
                });
                int subject = -1;
                for (int k = hit.last + 1; k <= std::min(last, hit.last + 4) && subject < 0; ++k) {
                    subject = entityStarting(k, kNamedTypes | typeBit(EntityType::ThreatActor));
                }
                const int next = hit.last + 1;
                const bool byActor = (subject >= 0 && m_entities[subject].type == EntityType::ThreatActor)
                    || (next <= last && (starts(next, Role::Attacker) || covers(next + 1, Role::Attacker)));
                bool counts = false;
                switch (lexicon.entry(hit.entry).role) {
                case Role::Attempted:
                    attempt = attempt || nearSeed;
                    counts = nearSeed;
                    break;
                case Role::Confirmed:
                    if (byActor) {
                        claimed = true; // an attacker that "announces" claims
                    } else if (next <= last && covers(next, Role::Media)) {
                        media = true;
                    } else if (subject >= 0 && isVictim(subject)) {
                        byVictim = counts = true;
                    } else if (subject >= 0 && isAuthorityOrMedia(m_entFirst[subject], m_entLast[subject])) {
                        byAuthority = counts = true;
                    } else if (next <= last && starts(next, Role::Head) && word(next).startsWith(u"ال")) {
                        byVictim = counts = true; // "وأكدت الشركة": the victim named before
                    }
                    break;
                case Role::Claimed:
                    claimed = counts = true;
                    break;
                case Role::Denied:
                    counts = nearSeed || t < m->seeds.first().first;
                    denied = denied || counts;
                    break;
                case Role::Suspected:
                    suspected = suspected || nearSeed;
                    counts = nearSeed;
                    break;
                case Role::Media:
                    media = true;
                    break;
                default:
                    break;
                }
                if (counts) {
                    evidence += spanOf(hit.first, hit.last);
                }
            }
        }
        attempts += attempt ? 1 : 0;
    }
    QString disclosure = u"confirmed"_s;
    if (attempts * 2 > f.mentions.size() || (attempts > 0 && f.mentions.size() == 1)) {
        disclosure = u"attempted"_s;
    } else if (denied) {
        disclosure = u"denied"_s;
    } else if (byVictim) {
        disclosure = u"confirmed"_s;
    } else if (suspected) {
        disclosure = u"suspected"_s;
    } else if (claimed) {
        disclosure = u"claimed"_s;
    } else if (byAuthority) {
        disclosure = u"confirmed"_s;
    } else if (media) {
        disclosure = u"claimed"_s;
    }
    f.incident.set(u"disclosure"_s, disclosure, evidence.isEmpty() ? 0.3 : 0.6, evidence);
}

// What it did and why, from the cues of the mentions; else what the attack type and
// the attacker imply. The attacker's fields are written here, once the motive may
// have told its type.
void Builder::fillImpactAndMotive(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    QHash<QString, QVector<EvidenceSpan>> impacts;
    QHash<QString, QVector<EvidenceSpan>> motives;
    for (const Mention *m : f.mentions) {
        for (int t = sentenceFirstToken(m->sentence); t <= sentenceLastToken(m->sentence); ++t) {
            for (int h : m_hitsAt[t]) {
                const CueEntry &cue = lexicon.entry(m_hits[h].entry);
                if (cue.role == Role::Impact && inMentions(f, t) && !negatedClause(t)) {
                    impacts[cue.type] += spanOf(m_hits[h].first, m_hits[h].last);
                } else if (cue.role == Role::Motive && !negatedClause(t)) {
                    motives[cue.type] += spanOf(m_hits[h].first, m_hits[h].last);
                }
            }
        }
    }
    QString impact;
    static const QStringList impactOrder = {u"service_outage"_s, u"data_exposure"_s, u"data_manipulation"_s,
                                            u"financial_loss"_s};
    for (const QString &candidate : impactOrder) {
        if (impact.isEmpty() && impacts.contains(candidate)) {
            impact = candidate;
        }
    }
    if (impact.isEmpty()) {
        const QString &type = f.attackType;
        if (type == u"ddos"_s || type == u"ransomware"_s || type == u"sabotage"_s) {
            impact = u"service_outage"_s;
        } else if (type == u"data_breach"_s || type == u"hack_and_leak"_s || !f.data.isEmpty() || f.records > 0) {
            impact = u"data_exposure"_s;
        } else if (type == u"defacement"_s) {
            impact = u"data_manipulation"_s;
        } else {
            impact = u"none_stated"_s;
        }
    }
    f.incident.set(u"impact"_s, impact, impacts.contains(impact) ? 0.6 : 0.35, impacts.value(impact));

    static const QStringList motiveOrder = {u"financial"_s, u"espionage"_s, u"ideology"_s,
                                            u"grudge"_s,    u"sabotage"_s,  u"fun"_s};
    for (const QString &candidate : motiveOrder) {
        const bool more = f.motive.isEmpty() || motives[candidate].size() > motives[f.motive].size();
        if (motives.contains(candidate) && more) {
            f.motive = candidate;
        }
    }
    double motiveConfidence = 0.5;
    if (f.motive.isEmpty()) {
        motiveConfidence = 0.3;
        if (f.attackType == u"ransomware"_s || f.actorType == u"criminal"_s) {
            f.motive = u"financial"_s;
        } else if (f.actorType == u"hacktivist"_s) {
            f.motive = u"ideology"_s;
        } else if (f.attackType == u"espionage"_s) {
            f.motive = u"espionage"_s;
        } else if (f.attackType == u"sabotage"_s) {
            f.motive = u"sabotage"_s;
        } else {
            f.motive = u"unknown"_s;
            motiveConfidence = 0.2;
        }
    }
    if (f.actorType.isEmpty()) {
        if (f.motive == u"ideology"_s && !f.actor.isEmpty()) {
            f.actorType = u"hacktivist"_s;
        } else if (f.attackType == u"ransomware"_s || f.motive == u"financial"_s) {
            f.actorType = u"criminal"_s;
        }
    }
    if (!f.actor.isEmpty()) {
        f.incident.set(u"actor"_s, f.actor, f.actorConfidence, f.actorEvidence);
    }
    f.incident.set(u"actor_type"_s, f.actorType.isEmpty() ? u"unknown"_s : f.actorType,
                   f.actorType.isEmpty() ? 0.2 : 0.5, f.actorEvidence);
    if (!f.actorCountry.isEmpty()) {
        f.incident.set(u"actor_country"_s, f.actorCountry, 0.6, f.actorEvidence);
    }
    f.incident.set(u"motive"_s, f.motive, motiveConfidence, motives.value(f.motive));
}

// The evidence (the mention that says most), the confidence of the proposal and how
// much the title speaks of it.
void Builder::fillEvidenceAndConfidence(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    const auto isEvent = [&](const Seed &seed) {
        return seed.hit >= 0 && lexicon.entry(m_hits[seed.hit].entry).role == Role::Event;
    };
    int bestSentence = -1;
    double bestScore = -1.0;
    bool event = false;
    bool allHedged = true;
    for (const Mention *m : f.mentions) {
        double score = m->victim.valid() ? (m->victim.named ? 3.0 : 2.0) : 0.0;
        score += std::any_of(m->seeds.cbegin(), m->seeds.cend(), [](const Seed &s) { return !s.generic; }) ? 2.0 : 0.0;
        score += isEvent(m->seeds.first()) ? 1.0 : 0.0;
        if (score > bestScore) {
            bestScore = score;
            bestSentence = m->sentence;
        }
        event = event || std::any_of(m->seeds.cbegin(), m->seeds.cend(), isEvent);
        allHedged = allHedged && m->hedged;
    }
    if (bestSentence >= 0) {
        const EvidenceSpan span = sentenceSpan(bestSentence);
        f.incident.set(u"evidence"_s, m_text.mid(span.start, span.end - span.start).toString(), 0.6, {span});
    }

    double confidence = 0.25 + (f.attackType != u"unknown"_s ? 0.2 : 0.1);
    if (f.victim.valid()) {
        confidence += f.victim.named ? 0.25 : 0.15;
    }
    confidence += event ? 0.1 : 0.0;
    confidence += 0.05 * std::min<qsizetype>(3, f.mentions.size() - 1);
    confidence += f.records > 0 ? 0.05 : 0.0;
    confidence += f.actor.isEmpty() ? 0.0 : 0.05;
    if (allHedged) {
        confidence *= 0.6;
    }
    if (m_advert) {
        confidence *= 0.3; // a job advert lists attacks it does not report
    }
    f.incident.confidence = std::clamp(confidence, 0.05, 0.97);

    // The title names the victim or the count of the incident it is about.
    if (!m_title.isEmpty()) {
        const QString &title = m_foldedTitle;
        for (const Victim &v : f.draft->victims) {
            QString key = victimKey(v);
            if (key.startsWith(u"ال"_s)) {
                key = key.mid(2);
            }
            if (key.size() >= 3 && title.contains(key)) {
                f.lead += 3.0;
                break;
            }
        }
        if (f.records > 0 && m_titleAmounts.contains(f.records)) {
            f.lead += 2.0;
        }
    }
}

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
