#include "extract/incidents/builder_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

QVector<Seed> Builder::seedsOf(int sentence) const
{
    QVector<Seed> seeds;
    const int first = sentenceFirstToken(sentence);
    const int last = sentenceLastToken(sentence);
    if (first < 0 || last < first) {
        return seeds;
    }
    const bool cyber = sentenceIsCyber(sentence);
    // Outside a cyber sentence, only an article about computers and a sentence with
    // no sea or election words lets a bare "اختراق" or "هجوم" count.
    const bool context = cyber || (m_articleCyber && !sentenceHas(sentence, bit(Role::Sea) | bit(Role::Politics)));
    const auto isDefinite = [&](int t) {
        const QStringView w = word(t);
        if (w.startsWith(u"ال") || w.startsWith(u"وال") || w.startsWith(u"فال") || w.startsWith(u"بال")
            || w.startsWith(u"لل") || w.startsWith(u"ولل")) {
            return true;
        }
        if (t > 0) {
            const QStringView prev = word(t - 1);
            return prev == u"هذا" || prev == u"هذه" || prev == u"ذلك" || prev == u"تلك" || prev == u"وهذا";
        }
        return false;
    };
    const auto afterVerb = [&](int t) {
        return t > first && (starts(t - 1, Role::Event) || starts(t - 1, Role::Victim));
    };
    const auto negatedAt = [&](int t) {
        for (int k = t - 1; k >= std::max(first, t - 3); --k) {
            if (!m_tokens[k].word) {
                return false;
            }
            if (starts(k, Role::Negation)) {
                return true;
            }
        }
        return false;
    };

    QVector<int> sentenceHits;
    for (int t = first; t <= last; ++t) {
        for (int h : m_hitsAt[t]) {
            sentenceHits.append(h);
        }
    }
    for (int t = first; t <= last; ++t) {
        for (int e : m_entitiesAt[t]) {
            const Entity &entity = m_entities[e];
            if (entity.type != EntityType::Attack) {
                continue;
            }
            const bool generic = entity.attribute(u"generic") == u"1"_s || entity.value == u"unknown"_s;
            const bool bare = m_entLast[e] == m_entFirst[e];
            // فدية، قرصنة، اختراق alone are sea piracy, kidnapping or an election
            // "breakthrough" unless the sentence or the article is about computers.
            if (bare && !context) {
                continue;
            }
            if (bare && !cyber && noncyber(sentence)) {
                continue;
            }
            Seed seed;
            seed.first = m_entFirst[e];
            seed.last = m_entLast[e];
            seed.type = generic ? QString() : entity.value;
            seed.generic = generic;
            // "تعرضت للاختراق"، "ضحية القرصنة": the article comes with the verb, it does not refer back.
            seed.definite = isDefinite(seed.first) && !afterVerb(seed.first);
            seed.negated = negatedAt(seed.first);
            seed.entity = e;
            seeds.append(seed);
        }
    }
    for (int h : sentenceHits) {
        const Hit &hit = m_hits[h];
        const CueEntry &cue = CueLexicon::instance().entry(hit.entry);
        if (cue.role != Role::Attack) {
            continue;
        }
        if ((cue.weak && !context) || noncyber(sentence)) {
            continue;
        }
        Seed seed;
        seed.first = hit.first;
        seed.last = hit.last;
        seed.generic = cue.type.isEmpty() || cue.type == u"unknown"_s;
        seed.type = seed.generic ? QString() : cue.type;
        // Only an attack noun refers back ("الهجوم"); "للتدخل في" is definite by its genitive.
        seed.definite = seed.generic && !cue.victimObject && isDefinite(hit.first) && !afterVerb(hit.first);
        seed.negated = negatedAt(hit.first);
        seed.hit = h;
        seeds.append(seed);
    }
    const bool anyAttack = !seeds.isEmpty();
    for (int h : sentenceHits) {
        const Hit &hit = m_hits[h];
        const CueEntry &cue = CueLexicon::instance().entry(hit.entry);
        if (cue.role != Role::Event && cue.role != Role::Victim) {
            continue;
        }
        // An event verb counts on its own in a cyber sentence; a weak one (عطل، طال)
        // only beside an attack phrase.
        if ((cue.weak && !(anyAttack && context)) || (!cue.weak && !context && !anyAttack)) {
            continue;
        }
        Seed seed;
        seed.first = hit.first;
        seed.last = hit.last;
        seed.generic = cue.type.isEmpty();
        seed.type = cue.type;
        // "المستهدف"، "أن الموقع تعرض": the attack told before.
        seed.definite = isDefinite(hit.first)
            || (cue.victimSubject && hit.first > first && starts(hit.first - 1, Role::Asset)
                && word(hit.first - 1).startsWith(u"ال"));
        seed.negated = negatedAt(hit.first);
        seed.hit = h;
        seeds.append(seed);
    }
    // A named attacker with an attempt, a claim or an event cue: "أحبطوا محاولة قراصنة روس".
    if (seeds.isEmpty() && context) {
        for (int t = first; t <= last; ++t) {
            if (entityStarting(t, typeBit(EntityType::ThreatActor)) >= 0
                && sentenceHas(sentence, bit(Role::Attempted) | bit(Role::Claimed))) {
                Seed seed;
                seed.first = t;
                seed.last = t;
                seed.generic = true;
                seeds.append(seed);
                break;
            }
        }
    }
    std::sort(seeds.begin(), seeds.end(), [](const Seed &a, const Seed &b) { return a.first < b.first; });
    return seeds;
}

// Cuts a sentence's seeds into mentions: a later attack in another clause, with its
// own victim or indefinite ("... بعد أيام من هجوم إلكتروني استهدف ..."), is its own
// mention. Each mention then speaks for its clauses; a lone one for the sentence.
QVector<Mention> Builder::splitIntoMentions(int s, const QVector<Seed> &seeds) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    const int first = sentenceFirstToken(s);
    const int last = sentenceLastToken(s);
    QVector<Mention> here;
    int previous = -1; // last token of the previous seed
    for (const Seed &seed : seeds) {
        Victim victim = victimOf(seed);
        // "... فيما أعلنت جامعة القاهرة أن قاعدة بيانات طلابها تعرضت للاختراق": the
        // organization that speaks between two attacks is the later one's victim.
        if (!victim.valid() && previous >= 0) {
            victim = announcer(s, seed.first, previous);
        }
        previous = std::max(previous, seed.last);
        Mention *current = here.isEmpty() ? nullptr : &here.last();
        bool split = current == nullptr;
        if (current) {
            const bool otherClause = m_tokens[seed.first].clause != m_tokens[current->seeds.last().last].clause;
            const bool attack = seed.hit < 0 || lexicon.entry(m_hits[seed.hit].entry).role == Role::Attack;
            const bool referring = std::any_of(current->seeds.cbegin(), current->seeds.cend(),
                                               [](const Seed &x) { return x.definite; });
            const bool allNegated = std::all_of(current->seeds.cbegin(), current->seeds.cend(),
                                                [](const Seed &x) { return x.negated; });
            split = (victim.valid() && current->victim.valid() && !sameVictim(victim, current->victim)
                     && (victim.named || otherClause))
                // "ولا تزال الجهة المسؤولة عن الهجوم مجهولة، ... بعد أيام من هجوم إلكتروني آخر"
                || (otherClause && attack && !seed.definite && !seed.negated && (referring || allNegated));
        }
        if (split) {
            Mention m;
            m.sentence = s;
            m.first = seed.first;
            m.last = seed.last;
            here.append(m);
            current = &here.last();
        }
        current->seeds.append(seed);
        current->last = std::max(current->last, seed.last);
        if (victim.first >= 0 && (!current->victim.valid() || victim.score > current->victim.score)) {
            current->victim = victim;
        }
    }
    for (int i = 0; i < here.size(); ++i) {
        Mention &m = here[i];
        if (here.size() == 1) {
            m.first = first;
            m.last = last;
            continue;
        }
        int from = m.first;
        while (from > first && m_tokens[from - 1].clause == m_tokens[m.first].clause) {
            --from;
        }
        int to = m.last;
        const int nextStart = i + 1 < here.size() ? here[i + 1].first : last + 1;
        while (to < last && m_tokens[to + 1].clause == m_tokens[m.last].clause && to + 1 < nextStart) {
            ++to;
        }
        if (m.victim.first >= 0) {
            from = std::min(from, m.victim.first);
            to = std::max(to, m.victim.last);
        }
        m.first = from;
        m.last = to;
    }
    return here;
}

// The victim when the seeds named none or only a weak one, from the constructions
// around them, best first.
void Builder::settleVictim(Mention &m) const
{
    const int first = sentenceFirstToken(m.sentence);
    const int last = sentenceLastToken(m.sentence);
    const auto after = [&](int t) { return t <= last && (word(t) == u"في" || word(t) == u"لدي"); };
    // "مؤسسات حكومية، من بينها وزارة الداخلية": the named member.
    if (m.victim.generic || m.victim.first < 0) {
        for (int t = m.first; t <= std::min(last, m.last + 6); ++t) {
            if (const Hit *examples = hitAt(t, Role::Examples)) {
                const int e = entityStarting(examples->last + 1, kNamedTypes);
                if (e >= 0) {
                    m.victim = entityVictim(e, 3.0);
                    m.last = std::max(m.last, m.victim.last);
                }
                break;
            }
        }
    }
    // "نحو 2 مليون منخرط في الصندوق الوطني": the organization of the people counted.
    for (int t = m.first; t <= m.last && (!m.victim.valid() || m.victim.score < 2.5); ++t) {
        const int q = entityStarting(t, typeBit(EntityType::Quantity));
        if (q >= 0 && after(m_entLast[q] + 1)) {
            const int e = entityStarting(m_entLast[q] + 2, typeBit(EntityType::Organization));
            if (e >= 0 && !isAuthorityOrMedia(m_entFirst[e], m_entLast[e])) {
                m.victim = entityVictim(e, 2.5);
            }
        }
    }
    // "أحالت النيابة موظفاً سابقاً في شركة X بتهمة تسريب ...": the insider's employer.
    for (int t = first; t <= last && (!m.victim.valid() || m.victim.score < 2.5); ++t) {
        const Hit *noun = hitAt(t, Role::ActorNoun);
        if (noun && CueLexicon::instance().entry(noun->entry).type == u"insider"_s && after(noun->last + 1)) {
            const int e = entityStarting(noun->last + 2, typeBit(EntityType::Organization));
            if (e >= 0) {
                m.victim = entityVictim(e, 2.5);
            }
        }
    }
    // "أعلنت هيئة البريد الوطنية أن هجوماً ...": the organization that speaks.
    if (!m.victim.valid() || m.victim.score < 2.0) {
        const Victim v = announcer(m.sentence, m.seeds.first().first);
        if (v.first >= 0 && (!m.victim.valid() || v.score > m.victim.score)) {
            m.victim = v;
        }
    }
    // Any other organization of the mention's clauses, as a last resort, but not the
    // source it is reported by ("وفق صحيفة ...") nor the attacker.
    for (int t = m.first; t <= m.last && !m.victim.valid(); ++t) {
        const int e = entityStarting(t, typeBit(EntityType::Organization));
        const QStringView before = t > 0 ? word(t - 1) : QStringView();
        if (e >= 0 && !isAuthorityOrMedia(m_entFirst[e], m_entLast[e])
            && entityStarting(t, typeBit(EntityType::ThreatActor)) < 0 && !starts(t - 1, Role::Attacker)
            && before != u"وفق" && before != u"حسب" && before != u"بحسب") {
            m.victim = entityVictim(e, 1.0);
        }
    }
}

// Reads what a mention says about its place among the others: whether it refers
// back, opens another incident, dates it, is hedged. Returns false for a mention that
// reports nothing (negated, a forecast or statistic without a named target, a list
// of countries).
bool Builder::describeMention(Mention &m) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    const int s = m.sentence;
    const int first = sentenceFirstToken(s);
    const int last = sentenceLastToken(s);
    if (std::all_of(m.seeds.cbegin(), m.seeds.cend(), [](const Seed &x) { return x.negated; })) {
        return false; // "لم تتعرض للاختراق"
    }
    const Seed &lead = m.seeds.first();
    // It refers back when its attack words are definite ("وتبنت المجموعة الهجمات")
    // and none is new ("هجوم إلكتروني استهدف ...").
    bool definite = false;
    bool indefinite = false;
    for (const Seed &seed : m.seeds) {
        const bool event = seed.hit >= 0 && lexicon.entry(m_hits[seed.hit].entry).role != Role::Attack;
        definite = definite || seed.definite;
        indefinite = indefinite || (!seed.definite && !event);
    }
    m.anaphoric = definite && !indefinite;
    // "هجوم إلكتروني آخر"، "في قضية منفصلة"، "أولاً:". The cue qualifies the attack (right
    // after it) or opens the mention's clause; "موظفاً سابقاً" elsewhere says nothing.
    int clauseStart = lead.first;
    while (clauseStart > first && m_tokens[clauseStart - 1].clause == m_tokens[lead.first].clause) {
        --clauseStart;
    }
    for (int t = first; t <= std::min(last, m.last + 3); ++t) {
        const bool afterAttack = std::any_of(m.seeds.cbegin(), m.seeds.cend(), [&](const Seed &seed) {
            return t > seed.last && t <= seed.last + 2 && !starts(seed.first, Role::Event);
        });
        const bool opening = (t >= clauseStart && t <= clauseStart + 2) || t <= first + 2;
        if ((starts(t, Role::New) && (afterAttack || opening)) || (starts(t, Role::Enumerator) && t <= first + 1)) {
            m.fresh = true;
        }
    }
    // "وفي عام 2018، تعرضت ...": a year stated before the attack.
    for (int t = first; t < lead.first; ++t) {
        const int d = entityStarting(t, typeBit(EntityType::Date));
        if (d >= 0 && m_entities[d].value.left(4).toInt() > 1900) {
            m.year = m_entities[d].value.left(4).toInt();
        }
    }
    // A forecast, a warning or a statistic governs its own clause and what follows it:
    // "توقع تقرير أن تشهد ... هجمات"، "شكلت محاولات التصيد 38 في المائة". Only a named
    // target survives it.
    bool hedged = m_countriesInSentence[s] >= 3;
    for (int t = first; t <= last && !hedged; ++t) {
        hedged = (m_startMask[t] & (bit(Role::Hypothetical) | bit(Role::Statistic)))
            && (m_tokens[t].clause == m_tokens[lead.first].clause || t < lead.first);
    }
    m.hedged = hedged && !(m.victim.valid() && m.victim.named && m.victim.score >= 2.5);
    if (m.hedged || (m_countriesInSentence[s] >= 3 && !m.victim.named)) {
        return false; // "شهدت دول مثل تركيا والبرازيل ... حالات تسريب"
    }
    m.heading = m_sentences[s].heading && (last - first) < 14;
    for (int t = m.first; t <= m.last && m.actor < 0; ++t) {
        m.actor = entityStarting(t, typeBit(EntityType::ThreatActor));
    }
    return true;
}

void Builder::findMentions()
{
    for (int s = 0; s < m_sentences.size(); ++s) {
        const QVector<Seed> seeds = seedsOf(s);
        if (seeds.isEmpty()) {
            continue;
        }
        m_mentionSentences.insert(s);
        for (Mention &m : splitIntoMentions(s, seeds)) {
            settleVictim(m);
            if (describeMention(m)) {
                m_mentions.append(m);
            }
        }
    }
}

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
