// The finders of names built around a cue word: organizations after a head noun
// (وزارة، شركة «...») and threat actors after an actor noun or a naming cue.

#include "extract/recognizer_p.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Recognition {

void Pass::organizations()
{
    const int count = int(m_tokens.size());
    int coveredUntil = -1;
    for (const int i : m_cueTokens[int(LexiconKind::OrgHead)]) {
        const GazetteerMatch *head = hit(i, LexiconKind::OrgHead);
        if (!head || entry(*head).has(GazetteerEntry::Block) || head->start < coveredUntil
            || head->has(GazetteerMatch::AccusativeAlef)) {
            continue;
        }
        if (const GazetteerMatch *known = hit(i, LexiconKind::Organization); known && known->end >= head->end) {
            continue;
        }
        const GazetteerEntry &headEntry = entry(*head);
        QString sector = headEntry.value;
        const int headLast = tokenAt(head->end - 1);
        const int sentence = m_tokens[i].sentence;

        // A quoted name right after the head: صحيفة «لوموند»، شركة «ديدالوس».
        int qs = 0;
        int qe = 0;
        if (quotedAt(head->end, &qs, &qe)) {
            const QString name = displayName(m_source.mid(m_folded.sourceStart(qs),
                                                          m_folded.sourceEnd(qe) - m_folded.sourceStart(qs)));
            const QStringView headWord = m_text.mid(head->start, head->end - head->start);
            const bool actorGroup = (headWord.endsWith(u"مجموعه") || headWord.endsWith(u"جماعه"))
                && (m_sentenceCues[sentence] & 2);
            const EntityType type = actorGroup ? EntityType::ThreatActor : EntityType::Organization;
            const QString attributes = actorGroup ? QString() : u"sector="_s + sector;
            add(type, qs, qe, name, attributes, 0.8);
            learn(m_text.mid(qs, qe - qs), type, name, attributes, 0.75);
            coveredUntil = qe;
            continue;
        }

        // The genitive/adjective chain.
        int last = -1;
        bool seenDefinite = headEntry.key.startsWith(u"ال") || head->has(GazetteerMatch::Article);
        int indefinite = 0;
        bool onlyDemonyms = true;
        for (int k = headLast + 1; k < count && k <= headLast + 8; ++k) {
            const Token &tok = m_tokens[k];
            if (tok.sep != SepSpace || isStop(k)) {
                break;
            }
            if (tok.cls != 1) {
                if (seenDefinite || !m_text[tok.start].isLetter() || ++indefinite > 3) {
                    break;
                }
                last = k;
                onlyDemonyms = false;
                continue;
            }
            if (hasHit(k, LexiconKind::Disclosure) || hasHit(k, LexiconKind::PersonTitle)
                || hasHit(k, LexiconKind::Attack) || hasHit(k, LexiconKind::NameCue)) {
                break;
            }
            const QStringView w = word(k);
            const GazetteerMatch *nested = hit(k, LexiconKind::OrgHead);
            const bool lamGenitive = nested && nested->has(GazetteerMatch::Preposition) && w.startsWith(u'ل')
                && !nested->has(GazetteerMatch::Conjunction);
            if (w.size() >= 4 && (w.startsWith(u"ال") || w.startsWith(u"لل"))) {
                seenDefinite = true;
            } else if (w.size() >= 5 && (w.startsWith(u"وال") || w.startsWith(u"ولل"))) {
                if (last < 0) {
                    break; // البريد والبنوك: coordination needs a name before it
                }
                seenDefinite = true;
            } else if (w.startsWith(u"بال") || w.startsWith(u"كال") || w.startsWith(u"فال")) {
                break;
            } else if (lamGenitive) {
                // لهيئة البريد: a genitive ل before another head keeps the chain going.
            } else if (seenDefinite || w[0] == kWaw || ++indefinite > 3) {
                break;
            }
            if (const GazetteerMatch *kw = hit(k, LexiconKind::OrgKeyword);
                kw && !headEntry.has(GazetteerEntry::Fixed)) {
                sector = entry(*kw).value;
            }
            if (!hasHit(k, LexiconKind::Demonym) && !hasHit(k, LexiconKind::Country)) {
                onlyDemonyms = false;
            }
            last = k;
        }
        if (last < 0) {
            continue; // a bare head (الوزارة، البنك) is a reference, not a name
        }
        const int start = head->start;
        const int end = m_tokens[last].end;
        const QString name = displayName(
            m_source.mid(m_folded.sourceStart(start), m_folded.sourceEnd(end) - m_folded.sourceStart(start)));
        QString attributes = u"sector="_s + sector;
        // An acronym in parentheses right after it is its alias: (CNSS).
        int p = end;
        while (p < m_text.size() && m_text[p] == u' ') {
            ++p;
        }
        int aliasStart = -1;
        int aliasEnd = -1;
        if (p < m_text.size() && m_text[p] == u'(') {
            int q = p + 1;
            while (q < m_text.size() && q < p + 16 && Gazetteer::wordClass(m_text[q].unicode()) == 2) {
                ++q;
            }
            if (q < m_text.size() && m_text[q] == u')' && q - p - 1 >= 2) {
                const int srcStart = m_folded.sourceStart(p + 1);
                const QStringView original = m_source.mid(srcStart, m_folded.sourceEnd(q) - srcStart);
                const int upper = int(std::count_if(original.begin(), original.end(),
                                                    [](QChar c) { return c.isUpper(); }));
                if (upper >= 2) {
                    aliasStart = p + 1;
                    aliasEnd = q;
                    attributes += u";alias="_s + original.toString();
                }
            }
        }
        add(EntityType::Organization, start, end, name, attributes,
            aliasStart >= 0 ? 0.85 : (onlyDemonyms ? 0.5 : 0.75));
        if (aliasStart >= 0) {
            const QString aliasAttributes = u"sector="_s + sector + u";alias_of="_s + name;
            add(EntityType::Organization, aliasStart, aliasEnd, name, aliasAttributes, 0.85);
            learn(m_text.mid(aliasStart, aliasEnd - aliasStart), EntityType::Organization, name,
                  aliasAttributes, 0.8);
        }
        coveredUntil = end;
    }
}

void Pass::threatActors()
{
    const int count = int(m_tokens.size());
    for (const int i : m_cueTokens[int(LexiconKind::ActorNoun)]) {
        const int sentence = m_tokens[i].sentence;
        // "قراصنة/هاكرز/مجموعة قرصنة" + demonym or country: قراصنة روس، القراصنة الجزائريين.
        if (const GazetteerMatch *noun = hit(i, LexiconKind::ActorNoun)) {
            const GazetteerEntry &nounEntry = entry(*noun);
            const bool weak = nounEntry.has(GazetteerEntry::Weak);
            int k = tokenAfter(noun->end);
            bool linked = false;
            if (k < count && m_tokens[k].sep == SepSpace) {
                if (const GazetteerMatch *link = hit(k, LexiconKind::ActorLink);
                    link && link->end == m_tokens[k].end) {
                    linked = true;
                    k = tokenAfter(link->end);
                }
            }
            if (k < count && m_tokens[k].sep == SepSpace && !(weak && !(m_sentenceCues[sentence] & 2))
                && !sentenceIsSeaOnly(sentence)) {
                const GazetteerMatch *nation = hit(k, LexiconKind::Demonym);
                if (!nation || linked) {
                    nation = hit(k, LexiconKind::Country) ? hit(k, LexiconKind::Country) : nation;
                }
                // A preposition belongs only after a link (مرتبطون بروسيا).
                if (nation && (linked || !nation->has(GazetteerMatch::Preposition))
                    && !entry(*nation).has(GazetteerEntry::Ambiguous)) {
                    const int start = noun->start;
                    const int end = nation->end;
                    const QString name = displayName(m_source.mid(
                        m_folded.sourceStart(start), m_folded.sourceEnd(end) - m_folded.sourceStart(start)));
                    add(EntityType::ThreatActor, start, end, name,
                        u"country="_s + entry(*nation).value, 0.8);
                }
            }
        }
    }
    for (const int i : m_cueTokens[int(LexiconKind::NameCue)]) {
        const int sentence = m_tokens[i].sentence;
        // A name after a naming cue: تطلق على نفسها اسم “Jabaroot”، برنامج يدعى «ميغا باس».
        const GazetteerMatch *cue = hit(i, LexiconKind::NameCue);
        if (!cue) {
            continue;
        }
        int ns = -1;
        int ne = -1;
        if (!quotedAt(cue->end, &ns, &ne)) {
            // Unquoted, only a Latin name is clear enough: اسم Jabaroot.
            int k = tokenAfter(cue->end);
            if (k < count && m_tokens[k].cls == 2 && m_tokens[k].sep == SepSpace
                && m_text[m_tokens[k].start].isLetter()) {
                ns = m_tokens[k].start;
                ne = m_tokens[k].end;
                for (int j = k + 1; j < count && j <= k + 2 && m_tokens[j].cls == 2
                     && (m_tokens[j].sep == SepSpace || m_tokens[j].sep == 0);
                     ++j) {
                    ne = m_tokens[j].end;
                }
            }
        }
        if (ns < 0) {
            continue;
        }
        // Who bears the name: the nearest telling noun before the cue in the sentence.
        EntityType type = EntityType::Organization;
        QString attributes;
        bool decided = false;
        for (int k = i - 1; k >= 0 && k >= i - 10 && m_tokens[k].sentence == sentence && !decided; --k) {
            if (const GazetteerMatch *noun = hit(k, LexiconKind::ActorNoun)) {
                type = EntityType::ThreatActor;
                decided = true;
                if (const GazetteerMatch *nation = hit(tokenAfter(noun->end), LexiconKind::Demonym)) {
                    attributes = u"country="_s + entry(*nation).value;
                }
            } else if (hasHit(k, LexiconKind::PersonNoun)) {
                type = EntityType::Person;
                decided = true;
            } else if (hasHit(k, LexiconKind::ProductNoun) || hasHit(k, LexiconKind::OrgHead)) {
                type = EntityType::Organization;
                attributes = u"sector=technology"_s;
                if (const GazetteerMatch *head = hit(k, LexiconKind::OrgHead)) {
                    attributes = u"sector="_s + entry(*head).value;
                }
                decided = true;
            }
        }
        if (!decided && (m_sentenceCues[sentence] & 2)) {
            type = EntityType::ThreatActor;
        }
        const QString name = displayName(m_source.mid(m_folded.sourceStart(ns),
                                                      m_folded.sourceEnd(ne) - m_folded.sourceStart(ns)));
        add(type, ns, ne, name, attributes, decided ? 0.8 : 0.6);
        learn(m_text.mid(ns, ne - ns), type, name, attributes, 0.75);
    }
}

} // namespace Recognition
} // namespace Extract
} // namespace Rasid
