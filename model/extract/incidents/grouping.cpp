#include "extract/incidents/builder_p.h"

#include "text/textfold.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

bool Builder::sameActor(int a, int b) const
{
    if (a == b) {
        return true;
    }
    const QString fa = fold(m_entities[a].value.isEmpty() ? m_entities[a].text : m_entities[a].value);
    const QString fb = fold(m_entities[b].value.isEmpty() ? m_entities[b].text : m_entities[b].value);
    return fa.contains(fb) || fb.contains(fa);
}

// Two victim phrases name the same victim when one contains the other after folding
// (البريد / هيئة البريد الوطنية), when they share a distinctive word (خدمات البريد /
// هيئة البريد; وزارة التشغيل / وزارة الإدماج ... والتشغيل), or when they are one
// recognised organization or its alias.
const Builder::VictimFacts &Builder::victimFacts(const Victim &v) const
{
    const quint64 id = quint64(quint32(v.first)) | (quint64(quint32(v.last)) << 21) | (quint64(v.entity + 1) << 42);
    auto it = m_victimFacts.find(id);
    if (it != m_victimFacts.end()) {
        return it->second;
    }
    VictimFacts facts;
    facts.key = victimKey(v);
    if (facts.key.startsWith(u"ال"_s)) {
        facts.key.remove(0, 2);
    }
    const QSet<QString> words = contentWords(v);
    facts.words.reserve(size_t(words.size()));
    for (const QString &word : words) {
        facts.words.push_back(wordKey(word));
    }
    std::sort(facts.words.begin(), facts.words.end());
    if (v.entity >= 0) {
        facts.alias = fold(m_entities[v.entity].attribute(u"alias"));
        facts.aliasOf = fold(m_entities[v.entity].attribute(u"alias_of"));
        if (facts.aliasOf.startsWith(u"ال"_s)) {
            facts.aliasOf.remove(0, 2);
        }
    }
    return m_victimFacts.emplace(id, std::move(facts)).first->second;
}

bool Builder::sameVictim(const Victim &a, const Victim &b) const
{
    if (!a.valid() || !b.valid()) {
        return false;
    }
    const VictimFacts &fa = victimFacts(a);
    const VictimFacts &fb = victimFacts(b);
    const QString &ka = fa.key;
    const QString &kb = fb.key;
    if (ka.size() < 3 || kb.size() < 3) {
        return ka == kb;
    }
    if (ka.contains(kb) || kb.contains(ka)) {
        return true;
    }
    // Sorted word keys: a shared distinctive word is a common element.
    for (auto i = fa.words.cbegin(), j = fb.words.cbegin(); i != fa.words.cend() && j != fb.words.cend();) {
        if (*i == *j) {
            return true;
        }
        *i < *j ? ++i : ++j;
    }
    // An alias (CNSS) names its organization.
    for (const auto &[facts, other] : {std::pair{&fa, &fb}, std::pair{&fb, &fa}}) {
        if ((!facts->alias.isEmpty() && other->key.contains(facts->alias))
            || (!facts->aliasOf.isEmpty() && facts->aliasOf == other->key)) {
            return true;
        }
    }
    return false;
}

void Builder::group()
{
    int current = -1;
    for (int i = 0; i < m_mentions.size(); ++i) {
        const Mention &m = m_mentions[i];
        if (m.heading && !m.victim.valid()) {
            continue; // a cross-head ("اختراقات سابقة..") restates what follows
        }
        int target = -1;
        // Another named attacker is another incident, whatever the pronouns say.
        const auto otherActor = [&](int d) {
            if (m.actor < 0 || m_drafts[d].actors.isEmpty()) {
                return false;
            }
            for (int a : m_drafts[d].actors) {
                if (sameActor(a, m.actor)) {
                    return false;
                }
            }
            return true;
        };
        const bool otherYear = m.year > 0 && m.year != m_publishedYear
            && (current < 0 || m_drafts[current].year != m.year);
        if (m.victim.valid()) {
            for (int d = int(m_drafts.size()) - 1; d >= 0 && target < 0; --d) {
                for (const Victim &v : m_drafts[d].victims) {
                    const bool otherYears = m.year > 0 && m_drafts[d].year > 0 && m.year != m_drafts[d].year;
                    if (sameVictim(v, m.victim) && !otherYears) {
                        target = d;
                        break;
                    }
                }
            }
            // Another incident: a named victim of an attack that does not refer back
            // ("بعد أشهر من وقوع هيلاري كلينتون ضحية القرصنة"), or any victim with a sign
            // of its own: "آخر"، a round-up item, another year, its own attacker. Else the
            // victim is one more thing the current attack hit ("واستهدف شبكة المستشفيات")
            // or a phrase for the same victim ("نظام الملفات الطبية").
            if (target < 0 && current >= 0) {
                const bool ownActor = !m.anaphoric && m.actor >= 0 && m_drafts[current].actors.isEmpty();
                const bool separate = m.fresh || otherYear || otherActor(current) || ownActor;
                const bool named = m.victim.named && m.victim.score >= 2.0 && !m.anaphoric;
                if (m_drafts[current].victims.isEmpty() ? !separate : !(separate || named)) {
                    target = current;
                }
            }
        } else if (current >= 0 && !m.fresh && !otherYear && !otherActor(current)) {
            target = current;
        }
        if (target < 0) {
            m_drafts.append(Draft());
            target = int(m_drafts.size()) - 1;
        }
        Draft &draft = m_drafts[target];
        draft.mentions.append(i);
        if (m.victim.valid()) {
            draft.victims.append(m.victim);
        }
        qCDebug(lcIncidents).noquote() << "mention" << i << "-> draft" << target << "victim:"
                                       << sourceText(m.victim.first, m.victim.last) << m.victim.score
                                       << "anaphoric" << m.anaphoric << "fresh" << m.fresh << "year" << m.year
                                       << "hedged" << m.hedged << "|" << sourceText(m.first, m.last).left(80);
        if (m.year > 0 && draft.year == 0) {
            draft.year = m.year;
        }
        if (m.actor >= 0) {
            draft.actors.append(m.actor);
        }
        current = target;
    }
}

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
