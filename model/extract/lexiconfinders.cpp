// The finders that read lexicon matches as they are: countries, places, attacks,
// data, known organizations, persons and actors, and the flooding pattern.

#include "extract/recognizer_p.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Recognition {

namespace {

// Cue words for ambiguous country names (مالي، عمان): دولة مالي، سلطنة عمان.
const QStringView kCountryCues[] = {u"دوله", u"جمهوريه", u"سلطنه", u"مملكه", u"اماره"};

} // namespace

// One adjective agreeing in definiteness after an attack phrase: تسريب ملفات حساسة،
// إغراق الأنظمة بطلبات كثيفة. Returns the new end.
int Pass::extendAdjective(int matchStart, int end) const
{
    const int next = tokenAfter(end);
    if (next >= int(m_tokens.size()) || m_tokens[next].sep != SepSpace || m_tokens[next].cls != 1
        || isStop(next)) {
        return end;
    }
    const Token &tok = m_tokens[next];
    if (tok.firstMatch != tok.matchEnd) {
        return end; // a lexicon word is not a plain adjective
    }
    const QStringView w = word(next);
    const bool definite = m_text.mid(matchStart).startsWith(u"ال");
    if (w.size() < 4 || definite != w.startsWith(u"ال") || (!definite && w[0] == kLam)) {
        return end; // لسرقة is a preposition and a noun, not an adjective
    }
    const bool adjectiveEnding = w.endsWith(u"ه") || w.endsWith(u"ي") || w.endsWith(u"يه");
    return adjectiveEnding ? tok.end : end;
}

void Pass::lexiconEntities()
{
    for (int i = 0; i < m_matches.size(); ++i) {
        const GazetteerMatch &m = m_matches[i];
        const GazetteerEntry &e = entry(m);
        if (e.has(GazetteerEntry::Block)) {
            continue;
        }
        const bool accusative = m.has(GazetteerMatch::AccusativeAlef);
        const int tok = m_matchToken[size_t(i)];
        const int sentence = tok >= 0 ? m_tokens[tok].sentence : 0;
        switch (e.kind) {
        case LexiconKind::Country:
        case LexiconKind::Demonym: {
            if (accusative) {
                break;
            }
            if (e.has(GazetteerEntry::Ambiguous)) {
                if (tok <= 0 || m.start != m.wordStart
                    || !anyOf(word(tok - 1), kCountryCues, std::size(kCountryCues))) {
                    break;
                }
            }
            QString attributes = e.attributes;
            double confidence = 0.95;
            if (e.kind == LexiconKind::Demonym) {
                confidence = 0.85;
            } else if (e.has(GazetteerEntry::Metonym)) {
                confidence = 0.6;
            }
            add(EntityType::Country, m.start, m.end, e.value, attributes, confidence);
            break;
        }
        case LexiconKind::Place:
            if (!accusative) {
                add(EntityType::Place, m.start, m.end, e.value, e.attributes, 0.9);
            }
            break;
        case LexiconKind::Attack: {
            if (e.has(GazetteerEntry::Ambiguous) && sentenceIsSeaOnly(sentence)) {
                break; // قرصنة، فدية of sea piracy
            }
            const int end = extendAdjective(m.start, m.end);
            const QString attributes = e.has(GazetteerEntry::Generic) ? u"generic=1"_s : QString();
            add(EntityType::Attack, m.start, end, e.value, attributes,
                e.has(GazetteerEntry::Generic) ? 0.7 : 0.85);
            break;
        }
        case LexiconKind::Data: {
            if (e.has(GazetteerEntry::Weak)) {
                // طبية alone counts in "معلومات شخصية وطبية": coordinated with a data phrase.
                const auto endsBefore = [&](const Found &f) {
                    return f.type == EntityType::Data && f.end == m_tokens[tok - 1].end;
                };
                const bool coordinated = m.has(GazetteerMatch::Conjunction) && tok > 0
                    && m_tokens[tok].sep == SepSpace && std::any_of(m_found.rbegin(), m_found.rend(), endsBefore);
                if (!coordinated) {
                    break;
                }
            }
            add(EntityType::Data, m.start, m.end, e.value, {}, e.has(GazetteerEntry::Weak) ? 0.6 : 0.8);
            break;
        }
        case LexiconKind::Organization:
            if (!accusative) {
                // The lexicon's value column is the sector; a workspace entry may name its canonical form.
                const QString canonical = lexiconAttribute(e.attributes, u"canonical");
                add(EntityType::Organization, m.start, m.end, canonical.isEmpty() ? e.surface : canonical,
                    u"sector="_s + e.value, 0.9);
            }
            break;
        case LexiconKind::Person:
            if (!accusative) {
                add(EntityType::Person, m.start, m.end, e.value, {}, 0.9);
            }
            break;
        case LexiconKind::ThreatActor:
            if (!accusative) {
                add(EntityType::ThreatActor, m.start, m.end, e.value, e.attributes, 0.9);
            }
            break;
        default:
            break;
        }
    }
}

void Pass::attackPatterns()
{
    // Flooding a service: a flood verb, up to three words, ب + an object:
    // إغراق الأنظمة بطلبات كثيفة.
    const int count = int(m_tokens.size());
    for (const int i : m_cueTokens[int(LexiconKind::FloodVerb)]) {
        const GazetteerMatch *verb = hit(i, LexiconKind::FloodVerb);
        if (!verb || verb->end != m_tokens[i].end) {
            continue;
        }
        for (int k = i + 1; k < count && k <= i + 4; ++k) {
            if (m_tokens[k].sep != SepSpace) {
                break;
            }
            const GazetteerMatch *object = hit(k, LexiconKind::FloodObject);
            if (object && object->has(GazetteerMatch::Preposition)) {
                add(EntityType::Attack, verb->start, extendAdjective(object->start, object->end), u"ddos"_s, {},
                    0.8);
                break;
            }
        }
    }
}

} // namespace Recognition
} // namespace Extract
} // namespace Rasid
