#include "extract/incidents/builder_p.h"

#include "text/sentences.h"
#include "text/textfold.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

void Builder::tokenize()
{
    if (!m_folded) {
        m_ownFold = foldWithMap(m_text);
        m_folded = &m_ownFold;
    }
    const QString &f = m_folded->text;
    const int n = int(f.size());
    m_tokens.reserve(n / 4 + 16); // news words and their blanks run to five or six units
    int i = 0;
    while (i < n) {
        const QChar c = f[i];
        // Word characters first: QChar::isSpace() calls out of line for every
        // unit outside ASCII, and nearly every unit is an Arabic letter.
        const bool wordChar = isWordChar(c);
        if (!wordChar && c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.fs = i;
        if (wordChar) {
            while (i < n && isWordChar(f[i])) {
                ++i;
            }
            t.word = true;
        } else {
            ++i;
        }
        t.fe = i;
        t.s = m_folded->sourceStart(t.fs);
        t.e = m_folded->sourceEnd(t.fe);
        m_tokens.append(t);
    }

    m_sentences = splitSentences(m_text);
    m_sentenceTokens.fill({0, -1}, m_sentences.size());
    for (int s = 0; s < m_sentences.size(); ++s) {
        for (const Clause &clause : splitClauses(m_text, m_sentences[s].start, m_sentences[s].end)) {
            m_clauses.append(clause);
        }
    }
    // Sentences and clauses are sorted and disjoint: one sweep assigns every token.
    int s = 0;
    int c = 0;
    for (int t = 0; t < m_tokens.size(); ++t) {
        Token &token = m_tokens[t];
        while (s < m_sentences.size() && m_sentences[s].end <= token.s) {
            ++s;
        }
        while (c < m_clauses.size() && m_clauses[c].end <= token.s) {
            ++c;
        }
        if (s < m_sentences.size() && m_sentences[s].start <= token.s) {
            token.sentence = s;
            auto &range = m_sentenceTokens[s];
            if (range.second < range.first) {
                range = {t, t};
            } else {
                range.second = t;
            }
        }
        if (c < m_clauses.size() && m_clauses[c].start <= token.s) {
            token.clause = c;
        }
    }
}

void Builder::mapEntities()
{
    const int n = int(m_entities.size());
    m_entFirst.fill(-1, n);
    m_entLast.fill(-1, n);
    m_insideTypes.fill(0, m_tokens.size());
    m_startTypes.fill(0, m_tokens.size());
    m_countriesInSentence.fill(0, m_sentences.size());
    std::vector<std::pair<int, QStringView>> countries; // (sentence, country code) of each country entity
    for (int i = 0; i < n; ++i) {
        const Entity &e = m_entities[i];
        auto first = std::lower_bound(m_tokens.cbegin(), m_tokens.cend(), e.start,
                                      [](const Token &t, int offset) { return t.e <= offset; });
        if (first == m_tokens.cend() || first->s >= e.end) {
            continue;
        }
        auto last = first;
        while (last + 1 != m_tokens.cend() && (last + 1)->s < e.end) {
            ++last;
        }
        m_entFirst[i] = int(first - m_tokens.cbegin());
        m_entLast[i] = int(last - m_tokens.cbegin());
        m_startTypes[m_entFirst[i]] |= typeBit(e.type);
        for (int t = m_entFirst[i]; t <= m_entLast[i]; ++t) {
            m_insideTypes[t] |= typeBit(e.type);
        }
        if ((typeBit(e.type) & kCountryTypes) && first->sentence >= 0 && !e.value.isEmpty()) {
            countries.emplace_back(first->sentence, e.value);
        }
    }
    // How many distinct countries each sentence names.
    std::sort(countries.begin(), countries.end());
    countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
    for (const auto &sentenceCountry : countries) {
        ++m_countriesInSentence[sentenceCountry.first];
    }
    m_entitiesAt.build(int(m_tokens.size()), m_entFirst);
}

void Builder::findCues()
{
    CueLexicon::instance().find(m_folded->text, m_tokens, m_hits);
    m_startMask.fill(0, m_tokens.size());
    m_coverMask.fill(0, m_tokens.size());
    m_sentenceMask.fill(0, m_sentences.size());
    QVector<int> hitFirst(m_hits.size());
    for (int h = 0; h < m_hits.size(); ++h) {
        hitFirst[h] = m_hits[h].first;
    }
    m_hitsAt.build(int(m_tokens.size()), hitFirst);
    int adverts = 0;
    for (int h = 0; h < m_hits.size(); ++h) {
        const Hit &hit = m_hits[h];
        const quint64 b = bit(CueLexicon::instance().entry(hit.entry).role);
        m_startMask[hit.first] |= b;
        for (int t = hit.first; t <= hit.last; ++t) {
            m_coverMask[t] |= b;
        }
        const int s = m_tokens[hit.first].sentence;
        if (s >= 0) {
            m_sentenceMask[s] |= b;
        }
        if (b == bit(Role::Advert)) {
            ++adverts;
        }
        if (lcIncidents().isDebugEnabled()) {
            const CueEntry &e = CueLexicon::instance().entry(hit.entry);
            qCDebug(lcIncidents).noquote() << "cue" << sourceText(hit.first, hit.last) << int(e.role) << e.type;
        }
    }
    // Job adverts and training offers speak of attacks in every line; two of their
    // markers are enough to tell one.
    m_advert = adverts >= 2;
    int cyberSentences = 0;
    for (int s = 0; s < m_sentences.size(); ++s) {
        if (sentenceIsCyber(s)) {
            ++cyberSentences;
        }
    }
    m_articleCyber = cyberSentences > 0;
}

QString Builder::sourceText(int first, int last) const
{
    if (first < 0 || last < first) {
        return {};
    }
    const int s = m_tokens[first].s;
    const int e = m_tokens[last].e;
    return m_text.mid(s, e - s).toString();
}

// A sentence is about computers when it holds a cyber word, a specific attack
// phrase, a threat actor or a kind of leaked data.
bool Builder::sentenceIsCyber(int sentence) const
{
    if (sentenceHas(sentence, bit(Role::Cyber))) {
        return true;
    }
    const int first = sentenceFirstToken(sentence);
    const int last = sentenceLastToken(sentence);
    for (int t = first; t <= last && t >= 0; ++t) {
        for (int e : m_entitiesAt[t]) {
            const Entity &entity = m_entities[e];
            if (entity.type == EntityType::ThreatActor || entity.type == EntityType::Data) {
                return true;
            }
            if (entity.type == EntityType::Attack && entity.attribute(u"generic") != u"1"_s
                && m_entLast[e] > m_entFirst[e]) {
                return true;
            }
        }
    }
    return false;
}

bool Builder::noncyber(int sentence) const
{
    return sentenceHas(sentence, bit(Role::Sea) | bit(Role::Politics)) && !sentenceIsCyber(sentence);
}

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
