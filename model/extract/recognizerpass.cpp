// The recognition pass itself: tokens, matches per token, quoted names, learned
// names and their later mentions, and the overlap rules that turn proposals into entities.

#include "extract/recognizer_p.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Recognition {

QString displayName(QStringView source)
{
    QString out;
    out.reserve(source.size());
    for (const QChar c : source) {
        if (isArabicMark(c.unicode()) || c.unicode() == kTatweel || isFormatControl(c.unicode())) {
            continue;
        }
        out += c;
    }
    return out.simplified();
}

void Pass::tokenize()
{
    const char16_t *t = m_text.utf16();
    const int n = int(m_text.size());
    m_tokens.reserve(n / 5 + 1);
    quint8 sep = 0;
    int sentence = 0;
    bool sentenceBreak = false;
    for (int i = 0; i < n;) {
        const char16_t c = t[i];
        const int cls = Gazetteer::wordClass(c);
        if (cls == 0) {
            switch (c) {
            case u' ':
            case u'\t':
                sep |= SepSpace;
                break;
            case u'\n':
            case u'!':
            case u'?':
                sep |= SepHard;
                sentenceBreak = true;
                break;
            case u'.': {
                const bool decimal = i > 0 && i + 1 < n && QChar::isDigit(t[i - 1]) && QChar::isDigit(t[i + 1]);
                sep |= decimal ? SepOther : SepHard;
                sentenceBreak = sentenceBreak || !decimal;
                break;
            }
            case u';':
            case u':':
                sep |= SepHard;
                break;
            case u',':
                sep |= SepComma;
                break;
            case u'(':
            case u')':
            case u'[':
            case u']':
                sep |= SepParen;
                break;
            case u'"':
            case u'\'':
                sep |= SepQuote;
                break;
            case u'-':
            case u'/':
                sep |= SepDash;
                break;
            default:
                sep |= SepOther;
                break;
            }
            ++i;
            continue;
        }
        int j = i + 1;
        while (j < n && Gazetteer::wordClass(t[j]) == cls) {
            ++j;
        }
        if (sentenceBreak) {
            ++sentence;
            sentenceBreak = false;
        }
        m_tokens.push_back({i, j, quint8(cls), sep, sentence, 0, 0});
        sep = 0;
        i = j;
    }
    m_sentenceCues.assign(size_t(sentence) + 1, 0);
}

void Pass::attachMatches()
{
    // Matches come sorted by start, so their words come in token order: one merge
    // pass gives each token its range of matches.
    m_matchToken.resize(size_t(m_matches.size()));
    m_byToken.reserve(size_t(m_matches.size()));
    int tok = 0;
    const int tokenCount = int(m_tokens.size());
    for (int i = 0; i < m_matches.size(); ++i) {
        const GazetteerMatch &m = m_matches[i];
        while (tok < tokenCount && m_tokens[tok].end <= m.wordStart) {
            ++tok;
        }
        m_matchToken[size_t(i)] = tok < tokenCount && m_tokens[tok].start <= m.wordStart ? tok : -1;
    }
    std::vector<int> order(size_t(m_matches.size()));
    for (int i = 0; i < m_matches.size(); ++i) {
        order[size_t(i)] = i;
    }
    if (!std::is_sorted(m_matchToken.begin(), m_matchToken.end())) {
        std::stable_sort(order.begin(), order.end(),
                         [this](int a, int b) { return m_matchToken[size_t(a)] < m_matchToken[size_t(b)]; });
    }
    for (size_t p = 0; p < order.size();) {
        const int t = m_matchToken[size_t(order[p])];
        if (t < 0) {
            ++p;
            continue;
        }
        Token &token = m_tokens[size_t(t)];
        token.firstMatch = int(m_byToken.size());
        for (; p < order.size() && m_matchToken[size_t(order[p])] == t; ++p) {
            const int index = order[p];
            const GazetteerMatch &m = m_matches[index];
            const GazetteerEntry &e = entry(m);
            m_byToken.push_back(index);
            if (m.wordStart == token.start) {
                std::vector<int> &cueTokens = m_cueTokens[int(e.kind)];
                if (cueTokens.empty() || cueTokens.back() != t) {
                    cueTokens.push_back(t);
                }
            }
            if (e.kind == LexiconKind::SeaCue) {
                m_sentenceCues[size_t(token.sentence)] |= 1;
            } else if (e.kind == LexiconKind::CyberCue
                       || (e.kind == LexiconKind::Attack
                           && !(e.flags & (GazetteerEntry::Ambiguous | GazetteerEntry::Block)))) {
                m_sentenceCues[size_t(token.sentence)] |= 2;
            }
        }
        token.matchEnd = int(m_byToken.size());
    }
}

// A quoted name right after pos: «...», "...", “...” all fold to '"'.
bool Pass::quotedAt(int pos, int *start, int *end) const
{
    const int n = int(m_text.size());
    int p = pos;
    while (p < n && (m_text[p] == u' ' || m_text[p] == u'\t')) {
        ++p;
    }
    if (p >= n || m_text[p] != u'"') {
        return false;
    }
    const int open = p + 1;
    for (int q = open; q < n && q < open + 60; ++q) {
        if (m_text[q] == u'\n') {
            return false;
        }
        if (m_text[q] == u'"') {
            int s = open;
            int e = q;
            while (s < e && m_text[s] == u' ') {
                ++s;
            }
            while (e > s && m_text[e - 1] == u' ') {
                --e;
            }
            if (e - s < 2) {
                return false;
            }
            *start = s;
            *end = e;
            return true;
        }
    }
    return false;
}

void Pass::learn(QStringView key, EntityType type, const QString &value, const QString &attributes,
                 double confidence)
{
    if (key.size() < 2) {
        return;
    }
    for (const Learned &known : m_learned) {
        if (known.type == type && known.key == key) {
            return; // the same name introduced again
        }
    }
    m_learned.push_back({key.toString(), type, value, attributes, confidence});
}

// Other mentions of names the text introduced: OFII after المكتب ... (OFII),
// «لوموند» after صحيفة «لوموند»، بووانو after عبد الله بووانو.
void Pass::propagate()
{
    if (m_learned.empty()) {
        return;
    }
    // The names bucketed by the low bits of their first letter keep the token scan cheap.
    std::vector<int> buckets[64];
    for (int i = 0; i < int(m_learned.size()); ++i) {
        buckets[m_learned[size_t(i)].key[0].unicode() & 63].push_back(i);
    }
    const int n = int(m_text.size());
    for (const Token &tok : m_tokens) {
        // The name itself, or after up to two clitic letters (و ب ل ف ك) glued to it.
        for (int skip = 0; skip <= 2 && tok.start + skip < tok.end; ++skip) {
            const int start = tok.start + skip;
            if (skip > 0) {
                const char16_t clitic = m_text[start - 1].unicode();
                if (clitic != kWaw && clitic != kLam && clitic != u'ب' && clitic != u'ف' && clitic != u'ك') {
                    break;
                }
            }
            const QChar first = m_text[start];
            for (const int i : buckets[first.unicode() & 63]) {
                const Learned &name = m_learned[size_t(i)];
                const int end = start + int(name.key.size());
                if (name.key[0] == first && end <= n && m_text.mid(start, name.key.size()) == name.key
                    && (end == n || Gazetteer::isWordEnd(m_text, end))) {
                    add(name.type, start, end, name.value, name.attributes, name.confidence);
                }
            }
        }
    }
}

void Pass::run()
{
    m_matches = m_gaz.findAll(m_text);
    tokenize();
    attachMatches();
    lexiconEntities();
    attackPatterns();
    organizations();
    threatActors();
    persons();
    propagate();
}

EntityList Pass::entities() const
{
    // Within a type, a span inside a longer one goes; across types both stay,
    // except a place that is also the country of the same name (الجزائر).
    std::vector<const Found *> order;
    order.reserve(m_found.size());
    for (const Found &f : m_found) {
        order.push_back(&f);
    }
    std::sort(order.begin(), order.end(), [](const Found *a, const Found *b) {
        if (a->start != b->start) {
            return a->start < b->start;
        }
        if (a->end != b->end) {
            return a->end > b->end;
        }
        return a->confidence > b->confidence;
    });
    std::vector<const Found *> kept;
    kept.reserve(order.size());
    for (const Found *f : order) {
        bool drop = false;
        for (auto it = kept.rbegin(); it != kept.rend(); ++it) {
            const Found *k = *it;
            if (k->end <= f->start) {
                if (k->start + 64 < f->start) {
                    break; // far enough back: nothing earlier can contain f
                }
                continue;
            }
            const bool contained = k->start <= f->start && f->end <= k->end;
            if (k->type == f->type && (contained || f->start < k->end)) {
                drop = true; // inside or overlapping the earlier, longer one
                break;
            }
            if (f->type == EntityType::Place && k->type == EntityType::Country && k->start == f->start
                && k->end == f->end) {
                drop = true;
                break;
            }
        }
        if (!drop) {
            kept.push_back(f);
        }
    }
    EntityList out;
    out.reserve(int(kept.size()));
    for (const Found *f : kept) {
        Entity e;
        e.type = f->type;
        e.start = m_folded.sourceStart(f->start);
        e.end = m_folded.sourceEnd(f->end);
        e.text = m_source.mid(e.start, e.end - e.start).toString();
        e.value = f->value;
        e.attributes = f->attributes;
        e.confidence = f->confidence;
        out.append(e);
    }
    return out;
}

CueList Pass::cues() const
{
    CueList out;
    for (const GazetteerMatch &m : m_matches) {
        const GazetteerEntry &e = entry(m);
        if (e.kind != LexiconKind::Disclosure || m.has(GazetteerMatch::AccusativeAlef)) {
            continue;
        }
        DisclosureCue cue;
        cue.start = m_folded.sourceStart(m.start);
        cue.end = m_folded.sourceEnd(m.end);
        cue.text = m_source.mid(cue.start, cue.end - cue.start).toString();
        cue.kind = e.value;
        out.append(cue);
    }
    return out;
}

} // namespace Recognition
} // namespace Extract
} // namespace Rasid
