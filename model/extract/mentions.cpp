#include "extract/mentions.h"

#include "text/sentences.h"
#include "text/textfold.h"

#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

constexpr int kMaxCandidates = 12;   // per article: a roundup lists many, a feature piece names many more
constexpr double kCandidateConfidence = 0.3;

bool isVictimType(EntityType type)
{
    return type == EntityType::Organization || type == EntityType::Person || type == EntityType::Country;
}

QString keyOf(QStringView text)
{
    return fold(text).simplified();
}

bool covered(const QString &key, const QStringList &known)
{
    for (const QString &k : known) {
        if (k.contains(key) || key.contains(k)) {
            return true;
        }
    }
    return false;
}

struct SentenceAttack
{
    const Entity *entity = nullptr; // the most specific attack of the sentence
    const Entity *country = nullptr; // the first country the sentence names
};

SentenceAttack attackIn(const EntityList &entities, const Sentence &s)
{
    SentenceAttack found;
    for (const Entity &e : entities) {
        if (e.start < s.start || e.end > s.end) {
            continue;
        }
        if (e.type == EntityType::Attack && e.attribute(u"ambiguous") != u"1") {
            const bool specific = e.attribute(u"generic") != u"1" && e.value != u"unknown";
            if (!found.entity || (specific && (found.entity->attribute(u"generic") == u"1"
                                               || found.entity->value == u"unknown"))) {
                found.entity = &e;
            }
        } else if (e.type == EntityType::Country && !found.country) {
            found.country = &e;
        }
    }
    return found;
}

} // namespace

QVector<ProposedIncident> mentionCandidates(QStringView text, const EntityList &entities,
                                            const QVector<ProposedIncident> &proposed)
{
    return mentionCandidates(text, splitSentences(text), entities, proposed);
}

QVector<ProposedIncident> mentionCandidates(QStringView text, const QVector<Sentence> &sentences,
                                            const EntityList &entities, const QVector<ProposedIncident> &proposed)
{
    QStringList known;
    for (const ProposedIncident &p : proposed) {
        const QString victim = keyOf(p.value(u"victim"_s));
        if (victim.size() >= 3) {
            known.append(victim);
        }
    }
    QVector<ProposedIncident> candidates;
    for (const Sentence &s : sentences) {
        const SentenceAttack attack = attackIn(entities, s);
        if (!attack.entity) {
            continue;
        }
        for (const Entity &e : entities) {
            if (e.start < s.start || e.end > s.end || !isVictimType(e.type)) {
                continue;
            }
            const QString key = keyOf(e.text);
            if (key.size() < 3 || covered(key, known)) {
                continue;
            }
            known.append(key);
            ProposedIncident p;
            p.source = ProposalSource::Mention;
            p.confidence = kCandidateConfidence;
            p.set(u"victim"_s, e.text, kCandidateConfidence, {{e.start, e.end}});
            p.set(u"attack_type"_s, attack.entity->value, kCandidateConfidence,
                  {{attack.entity->start, attack.entity->end}});
            const Entity *country = e.type == EntityType::Country ? &e : attack.country;
            if (country && !country->value.isEmpty()) {
                p.set(u"victim_country"_s, country->value, kCandidateConfidence, {{country->start, country->end}});
            }
            p.set(u"evidence"_s, text.mid(s.start, s.length()).toString(), kCandidateConfidence, {{s.start, s.end}});
            candidates.append(p);
            if (candidates.size() >= kMaxCandidates) {
                return candidates;
            }
        }
    }
    return candidates;
}

} // namespace Extract
} // namespace Rasid
