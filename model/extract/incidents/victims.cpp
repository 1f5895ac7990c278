#include "extract/incidents/builder_p.h"

#include "text/textfold.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

// The noun phrase that starts at token t: words up to punctuation, a function word,
// a verb or cue, a number or date, at most ten words. An organization or person
// entity that starts inside it is taken whole.
Victim Builder::nounPhrase(int t, int limit) const
{
    Victim v;
    // No victim starts inside a date: "أعلنت الشركة في 20/04/2024 أنها تعرضت" is
    // not about "2024".
    if (t < 0 || t >= m_tokens.size() || inside(t, EntityType::Date)) {
        return v;
    }
    const int sentence = m_tokens[t].sentence;
    limit = std::min(limit, sentenceLastToken(sentence));
    constexpr quint64 stopRoles = bit(Role::Event) | bit(Role::Attack) | bit(Role::Confirmed) | bit(Role::Claimed)
        | bit(Role::Denied) | bit(Role::Announce) | bit(Role::Negation) | bit(Role::Examples) | bit(Role::Arrest)
        | bit(Role::Accuse);
    constexpr quint32 stopTypes = typeBit(EntityType::Attack) | typeBit(EntityType::Date)
        | typeBit(EntityType::Quantity) | typeBit(EntityType::Money) | typeBit(EntityType::ThreatActor);
    int words = 0;
    int i = t;
    while (i <= limit) {
        const Token &token = m_tokens[i];
        if (!token.word) {
            const QChar c = m_folded->text[token.fs];
            // Quotes around a name stay inside the phrase: شركة «ديدالوس».
            if (c == u'"' && words > 0 && i + 1 <= limit && m_tokens[i + 1].word) {
                ++i;
                continue;
            }
            break;
        }
        // "لعدد من البنوك"، "عدد من الوزارات": the quantifier is part of the phrase.
        if (i + 1 <= limit && word(i + 1) == u"من" && m_tokens[i + 1].word) {
            const QStringView w = word(i);
            if (w == u"عدد" || w == u"لعدد" || w == u"بعدد" || w == u"عشرات" || w == u"مئات" || w == u"بعض"
                || w == u"لبعض") {
                if (v.first < 0) {
                    v.first = i;
                }
                v.last = i + 1;
                i += 2;
                continue;
            }
        }
        const int named = entityStarting(i, kNamedTypes);
        if (words > 0) {
            if (entityStarting(i, stopTypes) >= 0 || (m_startMask[i] & stopRoles) || isStopWord(i)) {
                break;
            }
            // After a recognised name, "و" opens the next phrase ("... والكفاءات وإيقافه").
            if (v.entity >= 0 && i > m_entLast[v.entity] && word(i).startsWith(u'و') && named < 0) {
                break;
            }
            // "و" opens a new phrase unless a recognised name goes on through it.
            if ((word(i).startsWith(u'و') && word(i).size() > 3 && named < 0 && !hitAt(i, Role::Head))
                && !(v.entity >= 0 && m_entLast[v.entity] >= i)) {
                const QStringView w = word(i);
                if (w.mid(1).startsWith(u"ال") || w.mid(1).startsWith(u"لل")) {
                    break;
                }
            }
        } else if (isStopWord(i) && !(named >= 0)) {
            return v;
        }
        if (named >= 0 && v.entity < 0) {
            v.entity = named;
            v.named = true;
        }
        if (v.first < 0) {
            v.first = i;
        }
        v.last = i;
        if (named >= 0) {
            i = std::max(i, std::min(m_entLast[named], limit));
            v.last = i;
        }
        if (++words >= 10) {
            break;
        }
        ++i;
    }
    if (v.first >= 0) {
        for (int k = v.first; k <= v.last && !v.named; ++k) {
            v.named = entityStarting(k, kCountryTypes) >= 0 && !starts(v.first, Role::Generic);
        }
        v.generic = starts(v.first, Role::Generic) && v.entity < 0;
    }
    return v;
}

// Narrows a phrase to the organization it is about: "موقع وزارة X" and "قاعدة
// بيانات الصندوق الوطني" are the ministry and the fund; an asset with a pronoun
// ("منظومتها") or alone ("الموقع") names no victim of its own.
Victim Builder::refine(Victim np) const
{
    if (np.first < 0) {
        return np;
    }
    if (np.entity >= 0 && m_entFirst[np.entity] == np.first) {
        return np;
    }
    // Data are what was taken, not whose: "على البيانات الشخصية" names no victim.
    if (entityStarting(np.first, typeBit(EntityType::Data)) >= 0) {
        if (np.entity >= 0) {
            np.first = m_entFirst[np.entity];
            np.last = m_entLast[np.entity];
            return np;
        }
        return {};
    }
    if (const Hit *asset = hitAt(np.first, Role::Asset)) {
        const int after = asset->last + 1;
        const int named = entityStarting(after, kNamedTypes);
        if (named >= 0) {
            Victim v = np;
            v.first = m_entFirst[named];
            v.last = m_entLast[named];
            v.entity = named;
            v.named = true;
            return v;
        }
        if (np.last <= asset->last) {
            // "منظومتها"، "الموقع": the owner is said elsewhere.
            return {};
        }
        // "شبكتها"، "بريد حملتها": the owner is a pronoun, said elsewhere. (A final ه
        // is also a folded ة, so only ها and هم count.)
        if (entityStarting(after, kNamedTypes) < 0 && !hitAt(after, Role::Head)) {
            const QStringView w = word(after);
            if (w.endsWith(u"ها") || w.endsWith(u"هم") || w.endsWith(u"هما")) {
                return {};
            }
        }
        if (np.entity < 0 && asset->pronoun) {
            return {}; // "منظومتها"، "أنظمته"
        }
    }
    return np;
}

bool Builder::isAuthorityOrMedia(int first, int last) const
{
    for (int t = first; t <= last && t >= 0; ++t) {
        if (m_coverMask[t] & (bit(Role::Authority) | bit(Role::Media))) {
            return true;
        }
    }
    return false;
}

// The organization that announces or confirms an attack in this sentence, before
// token `before`: "أعلنت هيئة البريد الوطنية أن هجوماً ..." is the post's own attack.
Victim Builder::announcer(int sentence, int before, int after) const
{
    const int first = std::max(sentenceFirstToken(sentence), after + 1);
    for (int t = first; t < before && t >= 0; ++t) {
        if (!(m_startMask[t] & (bit(Role::Confirmed) | bit(Role::Announce) | bit(Role::Denied)))) {
            continue;
        }
        for (int k = t + 1; k <= std::min(before - 1, t + 4); ++k) {
            const int e = entityStarting(k, typeBit(EntityType::Organization));
            if (e >= 0) {
                // An authority or the press reports; an attacker claims.
                if (isAuthorityOrMedia(m_entFirst[e], m_entLast[e])
                    || entityStarting(k, typeBit(EntityType::ThreatActor)) >= 0 || starts(k - 1, Role::Attacker)) {
                    break;
                }
                Victim v;
                v.first = m_entFirst[e];
                v.last = m_entLast[e];
                v.entity = e;
                v.named = true;
                // It speaks of itself ("أنها تعرضت"، "قاعدة بيانات طلابها"): surely the
                // victim; otherwise it may only comment on someone else's attack.
                v.score = 1.5;
                for (int j = t; j < std::min(int(m_tokens.size()), before + 4); ++j) {
                    const QStringView w = word(j);
                    bool own = w == u"انها" || w == u"انه" || w == u"بانها" || w == u"بانه";
                    // "قاعدة بيانات طلابها": a possessed word right after an asset.
                    own = own || (j > 0 && (m_coverMask[j - 1] & bit(Role::Asset)) && !starts(j, Role::Stop)
                                  && w.size() > 4 && (w.endsWith(u"ها") || w.endsWith(u"هم")));
                    for (int h : m_hitsAt[j]) {
                        const Role role = CueLexicon::instance().entry(m_hits[h].entry).role;
                        own = own || (m_hits[h].pronoun && (role == Role::Asset || role == Role::Event));
                    }
                    if (own) {
                        v.score = 2.5;
                        break;
                    }
                }
                return v;
            }
        }
    }
    return {};
}

Victim Builder::victimOf(const Seed &seed) const
{
    const int sentence = m_tokens[seed.first].sentence;
    const int sentenceLast = sentenceLastToken(sentence);
    const CueEntry *cue = seed.hit >= 0 ? &CueLexicon::instance().entry(m_hits[seed.hit].entry) : nullptr;
    const auto accept = [&](Victim v, double score) {
        v = refine(v);
        if (v.first >= 0) {
            if (entityStarting(v.first, typeBit(EntityType::ThreatActor)) >= 0 || starts(v.first, Role::Attacker)
                || (v.first > 0 && starts(v.first - 1, Role::Attacker))
                || (v.entity >= 0 && isAuthorityOrMedia(m_entFirst[v.entity], m_entLast[v.entity]))) {
                return Victim();
            }
            // "أنظمتها"، "طلابها"، "موقعها": the owner is a pronoun, named elsewhere.
            const QStringView head = word(v.first);
            if (v.entity < 0 && !v.named && head.size() > 4
                && (head.endsWith(u"ها") || head.endsWith(u"هم") || head.endsWith(u"هما"))) {
                return Victim();
            }
            v.score = score + (v.named ? 0.5 : 0.0) - (v.generic ? 2.0 : 0.0);
            // "نظام الملفات الطبية": a system of someone the sentence names elsewhere.
            if (!v.named && starts(v.first, Role::Asset)) {
                v.score -= 1.0;
            }
        }
        return v;
    };
    // Skips an adverbial of time between a verb and its object: "استهدفت على مدى أشهر البريد".
    const auto skipAdverbial = [&](int t) {
        if (t <= sentenceLast && isStopWord(t)) {
            int k = t + 1;
            while (k <= std::min(sentenceLast, t + 3) && m_tokens[k].word && starts(k, Role::Time)) {
                ++k;
            }
            if (k > t + 1) {
                return k;
            }
        }
        return t;
    };

    if (cue && cue->role == Role::Victim) {
        // "وقع X ضحية هجوم": the nearest name before the cue.
        for (int t = seed.first - 1; t >= std::max(sentenceFirstToken(sentence), seed.first - 10); --t) {
            for (int e : m_entitiesAt[t]) {
                if (typeBit(m_entities[e].type) & (kNamedTypes | typeBit(EntityType::Country))) {
                    Victim v;
                    v.first = m_entFirst[e];
                    v.last = m_entLast[e];
                    v.entity = e;
                    v.named = true;
                    return accept(v, 3.0);
                }
            }
        }
        return {};
    }
    if (cue && cue->victimSubject) {
        // "تعرضت X لهجوم" (subject after) or "أن X تعرض للاختراق" (subject before).
        const int next = seed.last + 1;
        const bool objectGlued = next <= sentenceLast && m_tokens[next].word && word(next).startsWith(u'ل')
            && (entityStarting(next, typeBit(EntityType::Attack)) >= 0 || starts(next, Role::Attack));
        if (!objectGlued) {
            Victim v = accept(nounPhrase(next, sentenceLast), 3.0);
            if (v.first >= 0) {
                return v;
            }
        }
        int from = -1;
        for (int t = seed.first - 1; t >= std::max(sentenceFirstToken(sentence), seed.first - 15); --t) {
            if (!m_tokens[t].word) {
                if (m_folded->text[m_tokens[t].fs] == u'(' || m_folded->text[m_tokens[t].fs] == u')') {
                    continue;
                }
                from = t + 1;
                break;
            }
            const QStringView w = word(t);
            if (w == u"ان" || w == u"بان" || w == u"فان" || w == u"لان" || w == u"وان") {
                from = t + 1;
                break;
            }
        }
        if (from < 0) {
            from = std::max(sentenceFirstToken(sentence), seed.first - 15);
        }
        if (from < seed.first) {
            Victim v = accept(nounPhrase(from, seed.first - 1), 3.0);
            if (v.first >= 0) {
                return v;
            }
        }
        return {};
    }
    if (cue && cue->victimObject) {
        // A weak verb (شلل، طال) names what suffered, less surely what was attacked.
        return accept(nounPhrase(skipAdverbial(seed.last + 1), sentenceLast), cue->weak ? 2.0 : 3.0);
    }
    // An attack noun with its target: "هجوم على X"، "اختراق شركة X"، "اختراق موقع X".
    int next = seed.last + 1;
    if (next > sentenceLast || !m_tokens[next].word) {
        return {};
    }
    const QStringView w = word(next);
    if (w == u"علي" || w == u"ضد") {
        return accept(nounPhrase(next + 1, sentenceLast), 3.0);
    }
    if (entityStarting(next, kNamedTypes) >= 0 || starts(next, Role::Asset)) {
        return accept(nounPhrase(next, sentenceLast), 2.8);
    }
    return {};
}

QString Builder::victimKey(const Victim &v) const
{
    if (v.entity >= 0 && !m_entities[v.entity].value.isEmpty()
        && m_entities[v.entity].type != EntityType::Country) {
        return fold(m_entities[v.entity].value);
    }
    return fold(sourceText(v.first, v.last));
}

// The words that tell a victim phrase apart, without clitics: not its head noun,
// function words, adjectives such as الوطنية, or the country it names.
QSet<QString> Builder::contentWords(const Victim &v) const
{
    constexpr quint64 skip = bit(Role::Stop) | bit(Role::Filler) | bit(Role::Asset) | bit(Role::Generic)
        | bit(Role::Owner) | bit(Role::Attacker);
    QSet<QString> words;
    std::array<std::pair<int, bool>, 8> offsets;
    for (int t = v.first; t <= v.last && t >= 0; ++t) {
        // A head noun inside the phrase is distinctive (خدمات البريد), at its start it is not (هيئة ...).
        const bool head = starts(t, Role::Head);
        if (!m_tokens[t].word || ((m_coverMask[t] & skip) && !(head && t > v.first)) || (t == v.first && head)
            || entityStarting(t, kCountryTypes) >= 0) {
            continue;
        }
        const QStringView w = word(t);
        int strip = 0;
        const int n = cliticOffsets(w, offsets);
        for (int i = 0; i < n; ++i) {
            if (w.size() - offsets[i].first >= 3) {
                strip = std::max(strip, offsets[i].first);
            }
        }
        if (w.size() - strip >= 3) {
            words.insert(w.mid(strip).toString());
        }
    }
    return words;
}

Victim Builder::entityVictim(int entity, double score) const
{
    Victim v;
    v.first = m_entFirst[entity];
    v.last = m_entLast[entity];
    v.entity = entity;
    v.named = true;
    v.score = score;
    return v;
}

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
