// The person finder: names after a title and after a known given name, and the
// rules for which words may belong to a person's name.

#include "extract/recognizer_p.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Recognition {

namespace {

// Regnal ordinals close a name: محمد السادس، عبد الله الثاني.
const QStringView kRegnalOrdinals[] = {u"الاول", u"الثاني", u"الثالث", u"الرابع", u"الخامس",
                                       u"السادس", u"السابع", u"الثامن", u"التاسع", u"العاشر"};

// Particles inside Arabic names: محمد بن سلمان، ولد، آيت.
const QStringView kNameParticles[] = {u"بن", u"ابن", u"بنت", u"ابو", u"ولد", u"ايت", u"عبد", u"ال"};

} // namespace

// A word that can be part of a person's name at the given position in the name.
bool Pass::nameToken(int tok, int position) const
{
    const Token &t = m_tokens[tok];
    if (t.cls != 1 || t.end - t.start < 2) {
        return false;
    }
    const QStringView w = word(tok);
    for (int i = t.firstMatch; i < t.matchEnd; ++i) {
        const GazetteerMatch &m = m_matches[m_byToken[i]];
        if (m.wordStart != t.start) {
            continue;
        }
        const LexiconKind kind = entry(m).kind;
        if (kind == LexiconKind::Person || kind == LexiconKind::GivenName) {
            return position == 0 ? !w.startsWith(u"ال") : true;
        }
        const bool withClitics = m.flags & (GazetteerMatch::Conjunction | GazetteerMatch::Preposition
                                            | GazetteerMatch::Article);
        const bool cue = kind == LexiconKind::Stopword || kind == LexiconKind::Disclosure
            || kind == LexiconKind::NameCue || kind == LexiconKind::ActorLink || kind == LexiconKind::SeaCue
            || kind == LexiconKind::CyberCue;
        if (withClitics && cue) {
            continue; // فاليري is not ف + ال + يري: a cue read through clitics does not count
        }
        return false; // any other lexicon word ends a name
    }
    if (position >= 2) {
        // A third name word follows a particle or an article-bearing word only:
        // محمد المهدي بنسعيد، محمد بن سلمان; never "عبد الرحيم بلقاسم سؤالا".
        const QStringView previous = word(tok - 1);
        if (!previous.startsWith(u"ال") && !anyOf(previous, kNameParticles, std::size(kNameParticles))) {
            return false;
        }
    }
    if (position >= 1 && anyOf(word(tok - 1), kRegnalOrdinals, std::size(kRegnalOrdinals))) {
        return false; // nothing follows the ordinal of عبد الله الثاني
    }
    if (w.startsWith(u"ال")) {
        // محمد السادس، يونس السكوري; a third word only as an ordinal (عبد الله الثاني).
        return w.size() >= 4
            && (position == 1 || (position == 2 && anyOf(w, kRegnalOrdinals, std::size(kRegnalOrdinals))));
    }
    return !(w.startsWith(u"وال") || w.startsWith(u"بال") || w.startsWith(u"لل"));
}

// A name is not followed by a plain definite word: in "مدير إدارة مكافحة الجرائم" the
// words after the title are a construct chain, not a name.
bool Pass::definiteWordFollows(int last) const
{
    const int next = last + 1;
    if (next >= int(m_tokens.size()) || m_tokens[next].sep != SepSpace || m_tokens[next].cls != 1) {
        return false;
    }
    const Token &tok = m_tokens[next];
    return word(next).startsWith(u"ال") && word(next).size() >= 4 && tok.firstMatch == tok.matchEnd;
}

// Up to three name tokens from first. Returns the count; *endTok is the last token.
int Pass::personName(int first, bool afterComma, int *endTok) const
{
    const int count = int(m_tokens.size());
    int taken = 0;
    for (int k = first; k < count && taken < 3; ++k) {
        if (taken > 0 && m_tokens[k].sep != SepSpace) {
            break;
        }
        if (!nameToken(k, taken)) {
            break;
        }
        ++taken;
        *endTok = k;
        if (const GazetteerMatch *known = hit(k, LexiconKind::Person)) {
            *endTok = tokenAt(known->end - 1); // a known name ends the name
            break;
        }
    }
    if (taken == 0 || definiteWordFollows(*endTok)) {
        return 0;
    }
    if (afterComma) {
        // An apposition is closed by punctuation (، ديدييه ليشي،) unless it opens with
        // a given name; this keeps "، سؤالاً كتابياً إلى" out.
        const int after = *endTok + 1;
        const bool closed = after >= count || (m_tokens[after].sep & (SepComma | SepHard | SepParen | SepDash));
        if (!closed && !hasHit(first, LexiconKind::GivenName)) {
            return 0;
        }
    }
    return taken;
}

void Pass::persons()
{
    const int count = int(m_tokens.size());
    const auto addName = [&](int first, int last, const QString &attributes, double confidence) {
        const int start = m_tokens[first].start;
        const int end = m_tokens[last].end;
        const QString name = displayName(
            m_source.mid(m_folded.sourceStart(start), m_folded.sourceEnd(end) - m_folded.sourceStart(start)));
        add(EntityType::Person, start, end, name, attributes, confidence);
        if (last > first && m_tokens[last].end - m_tokens[last].start >= 3) {
            learn(word(last), EntityType::Person, name, {}, 0.65); // the surname alone, later on
        }
    };
    for (const int i : m_cueTokens[int(LexiconKind::PersonTitle)]) {
        // Title, its complement, then the name: الرئيس الفرنسي فرانسوا أولاند،
        // المدير العام لـ X، فلان.
        if (const GazetteerMatch *title = hit(i, LexiconKind::PersonTitle);
            title && !title->has(GazetteerMatch::AccusativeAlef)) {
            int k = tokenAfter(title->end);
            bool afterComma = false;
            bool ok = true;
            for (int steps = 0; k < count && steps < 10; ++steps) {
                const Token &tok = m_tokens[k];
                if (tok.sep & (SepHard | SepParen | SepQuote | SepDash | SepOther)) {
                    ok = false;
                    break;
                }
                if (tok.sep & SepComma) {
                    afterComma = true;
                    break; // an apposition: the name must start here
                }
                if (isStop(k)) {
                    ok = false;
                    break;
                }
                const QStringView w = word(k);
                const bool latinAfterLam = tok.cls == 2 && k > 0 && word(k - 1) == u"ل";
                const bool complement = (tok.cls == 1
                                         && ((w.size() >= 4 && (w.startsWith(u"ال") || w.startsWith(u"لل")))
                                             || (w.size() >= 5 && w.startsWith(u"وال"))
                                             || (w.size() >= 5 && w[0] == kLam && !hasHit(k, LexiconKind::GivenName)
                                                 && !hasHit(k, LexiconKind::Person))
                                             || w == u"ل" || hasHit(k, LexiconKind::Country)
                                             || hasHit(k, LexiconKind::Demonym) || hasHit(k, LexiconKind::OrgHead)))
                    || latinAfterLam;
                if (!complement) {
                    break;
                }
                ++k;
            }
            int last = -1;
            if (ok && k < count && personName(k, afterComma, &last) > 0) {
                addName(k, last, u"title="_s + entry(*title).value, 0.75);
            }
        }
    }
    for (const int i : m_cueTokens[int(LexiconKind::GivenName)]) {
        // A given name and the one or two name words after it: عبد الله بووانو.
        if (const GazetteerMatch *given = hit(i, LexiconKind::GivenName);
            given && !given->has(GazetteerMatch::Article) && (i == 0 || m_tokens[i].sep != 0)) {
            const int givenLast = tokenAt(given->end - 1);
            const int next = givenLast + 1;
            if (next < count && m_tokens[next].sep == SepSpace) {
                int last = -1;
                int taken = 0;
                for (int k = next; k < count && taken < 2; ++k) {
                    if ((taken > 0 && m_tokens[k].sep != SepSpace) || !nameToken(k, taken + 1)) {
                        break;
                    }
                    last = k;
                    ++taken;
                    if (const GazetteerMatch *known = hit(k, LexiconKind::Person)) {
                        last = tokenAt(known->end - 1); // هيلاري كلينتون: the known surname ends it
                        break;
                    }
                }
                if (taken > 0 && !definiteWordFollows(last)) {
                    const int first = tokenAt(given->start);
                    addName(first, last, {}, 0.7);
                }
            }
        }
    }
}

} // namespace Recognition
} // namespace Extract
} // namespace Rasid
