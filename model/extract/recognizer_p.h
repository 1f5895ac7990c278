#pragma once

/*
 * The recognition pass behind Recognizer::recognize(): one pass over one folded
 * text, its tokens, the lexicon matches attached to them, and the entities the
 * finders propose before overlaps are resolved. Private to the recognizer; the
 * finders live in recognizerpass.cpp (tokens, name propagation, overlaps),
 * lexiconfinders.cpp (lexicon entities, attack patterns), namefinders.cpp
 * (organizations, threat actors) and personfinder.cpp (persons). The small
 * token accessors stay inline here because every finder calls them per token.
 */

#include "extract/disclosurecue.h"
#include "extract/entity.h"
#include "extract/gazetteer.h"
#include "text/textfold.h"

#include <QString>
#include <QStringView>

#include <algorithm>
#include <vector>

namespace Rasid {
inline namespace Extract {
namespace Recognition {

inline constexpr char16_t kLam = 0x0644;
inline constexpr char16_t kWaw = 0x0648;
inline constexpr char16_t kTatweel = 0x0640;

// What separates a token from the one before it.
enum Separator : quint8 {
    SepSpace = 0x01,
    SepComma = 0x02,
    SepHard = 0x04, // . ! ? ; : or a line break
    SepParen = 0x08,
    SepQuote = 0x10,
    SepDash = 0x20,
    SepOther = 0x40,
};

struct Token
{
    int start = 0;
    int end = 0;
    quint8 cls = 0;  // Gazetteer::wordClass of its characters
    quint8 sep = 0;  // Separator bits before it; 0 when glued to the previous token
    int sentence = 0;
    int firstMatch = 0; // range in Pass::m_byToken
    int matchEnd = 0;
};

// An entity in folded offsets, before it is mapped back to the source.
struct Found
{
    EntityType type;
    int start;
    int end;
    QString value;
    QString attributes;
    double confidence;
};

// A name the text itself introduced (a quoted name, an acronym, a person's full
// name): its other mentions in the same text are the same entity.
struct Learned
{
    QString key; // folded
    EntityType type;
    QString value;
    QString attributes;
    double confidence;
};

// A name as shown in a value: the source text without harakat, tatweel or doubled spaces.
QString displayName(QStringView source);

inline bool anyOf(QStringView word, const QStringView *list, size_t count)
{
    return std::any_of(list, list + count, [word](QStringView w) { return w == word; });
}

// One recognition pass over one text.
class Pass
{
public:
    Pass(const Gazetteer &gazetteer, QStringView source, const FoldedText &folded)
        : m_gaz(gazetteer)
        , m_source(source)
        , m_folded(folded)
        , m_text(folded.text)
    {
    }

    void run();
    EntityList entities() const;
    CueList cues() const;

private:
    // Tokens and the lexicon matches attached to them.
    void tokenize();
    void attachMatches();
    int tokenAt(int pos) const;     // token containing folded offset pos, or -1
    int tokenAfter(int pos) const;  // first token starting at or after pos
    const GazetteerMatch *hit(int tok, LexiconKind kind) const;
    bool hasHit(int tok, LexiconKind kind) const { return hit(tok, kind) != nullptr; }
    bool isStop(int tok) const;
    QStringView word(int tok) const;
    const GazetteerEntry &entry(const GazetteerMatch &m) const { return m_gaz.entry(m.entry); }
    bool sentenceIsSeaOnly(int sentence) const;
    bool quotedAt(int pos, int *start, int *end) const;

    // The recognizers, run in this order by run().
    void lexiconEntities();
    void attackPatterns();
    void organizations();
    void threatActors();
    void persons();
    void propagate();

    int extendAdjective(int matchStart, int end) const;
    int personName(int first, bool afterComma, int *endTok) const;
    bool nameToken(int tok, int position) const;
    bool definiteWordFollows(int last) const;
    void add(EntityType type, int start, int end, const QString &value, const QString &attributes,
             double confidence);
    void learn(QStringView key, EntityType type, const QString &value, const QString &attributes,
               double confidence);

    const Gazetteer &m_gaz;
    QStringView m_source;
    const FoldedText &m_folded;
    QStringView m_text;
    QVector<GazetteerMatch> m_matches;
    std::vector<Token> m_tokens;
    std::vector<int> m_matchToken;      // for each match, the token of its word
    std::vector<int> m_byToken;         // match indices grouped by token
    // For each kind, the tokens where a match of that kind begins: the grammars
    // visit their cue words only.
    std::vector<int> m_cueTokens[kLexiconKindCount];
    std::vector<quint8> m_sentenceCues; // bit 1: sea cue, bit 2: cyber cue
    std::vector<Found> m_found;
    std::vector<Learned> m_learned;
};

inline int Pass::tokenAt(int pos) const
{
    const auto it = std::upper_bound(m_tokens.begin(), m_tokens.end(), pos,
                                     [](int p, const Token &tok) { return p < tok.start; });
    if (it == m_tokens.begin()) {
        return -1;
    }
    const int idx = int(it - m_tokens.begin()) - 1;
    return pos < m_tokens[idx].end ? idx : -1;
}

inline int Pass::tokenAfter(int pos) const
{
    const auto it = std::lower_bound(m_tokens.begin(), m_tokens.end(), pos,
                                     [](const Token &tok, int p) { return tok.start < p; });
    return int(it - m_tokens.begin());
}

inline const GazetteerMatch *Pass::hit(int tok, LexiconKind kind) const
{
    if (tok < 0 || tok >= int(m_tokens.size())) {
        return nullptr;
    }
    const Token &t = m_tokens[tok];
    for (int i = t.firstMatch; i < t.matchEnd; ++i) {
        const GazetteerMatch &m = m_matches[m_byToken[i]];
        if (m.wordStart == t.start && entry(m).kind == kind) {
            return &m;
        }
    }
    return nullptr;
}

inline bool Pass::isStop(int tok) const
{
    const GazetteerMatch *m = hit(tok, LexiconKind::Stopword);
    return m && m->end == m_tokens[tok].end && !(m->flags & GazetteerMatch::Article);
}

inline QStringView Pass::word(int tok) const
{
    const Token &t = m_tokens[tok];
    return m_text.mid(t.start, t.end - t.start);
}

inline bool Pass::sentenceIsSeaOnly(int sentence) const
{
    return m_sentenceCues[sentence] == 1;
}

inline void Pass::add(EntityType type, int start, int end, const QString &value, const QString &attributes,
                      double confidence)
{
    if (end > start) {
        m_found.push_back({type, start, end, value, attributes, confidence});
    }
}

} // namespace Recognition
} // namespace Extract
} // namespace Rasid
