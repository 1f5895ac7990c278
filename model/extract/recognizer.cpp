#include "extract/recognizer.h"

#include "extract/dates.h"
#include "extract/quantities.h"

#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

Q_LOGGING_CATEGORY(lcRecognizer, "rasid.recognizer")

namespace {

constexpr char16_t kLam = 0x0644;
constexpr char16_t kWaw = 0x0648;
constexpr char16_t kTatweel = 0x0640;

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

// Cue words for ambiguous country names (مالي، عمان): دولة مالي، سلطنة عمان.
const QStringView kCountryCues[] = {u"دوله", u"جمهوريه", u"سلطنه", u"مملكه", u"اماره"};

// Regnal ordinals close a name: محمد السادس، عبد الله الثاني.
const QStringView kRegnalOrdinals[] = {u"الاول", u"الثاني", u"الثالث", u"الرابع", u"الخامس",
                                       u"السادس", u"السابع", u"الثامن", u"التاسع", u"العاشر"};

// Particles inside Arabic names: محمد بن سلمان، ولد، آيت.
const QStringView kNameParticles[] = {u"بن", u"ابن", u"بنت", u"ابو", u"ولد", u"ايت", u"عبد", u"ال"};

QString joinAttributes(std::initializer_list<std::pair<QStringView, QString>> pairs)
{
    QString out;
    for (const auto &[key, value] : pairs) {
        if (value.isEmpty()) {
            continue;
        }
        if (!out.isEmpty()) {
            out += u';';
        }
        out += key.toString() + u'=' + value;
    }
    return out;
}

// A name as shown in a value: the source text without harakat, tatweel or doubled spaces.
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

bool anyOf(QStringView word, const QStringView *list, size_t count)
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

    // The recognizers.
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

int Pass::tokenAt(int pos) const
{
    const auto it = std::upper_bound(m_tokens.begin(), m_tokens.end(), pos,
                                     [](int p, const Token &tok) { return p < tok.start; });
    if (it == m_tokens.begin()) {
        return -1;
    }
    const int idx = int(it - m_tokens.begin()) - 1;
    return pos < m_tokens[idx].end ? idx : -1;
}

int Pass::tokenAfter(int pos) const
{
    const auto it = std::lower_bound(m_tokens.begin(), m_tokens.end(), pos,
                                     [](const Token &tok, int p) { return tok.start < p; });
    return int(it - m_tokens.begin());
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

const GazetteerMatch *Pass::hit(int tok, LexiconKind kind) const
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

bool Pass::isStop(int tok) const
{
    const GazetteerMatch *m = hit(tok, LexiconKind::Stopword);
    return m && m->end == m_tokens[tok].end && !(m->flags & GazetteerMatch::Article);
}

QStringView Pass::word(int tok) const
{
    const Token &t = m_tokens[tok];
    return m_text.mid(t.start, t.end - t.start);
}

bool Pass::sentenceIsSeaOnly(int sentence) const
{
    return m_sentenceCues[sentence] == 1;
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

void Pass::add(EntityType type, int start, int end, const QString &value, const QString &attributes,
               double confidence)
{
    if (end > start) {
        m_found.push_back({type, start, end, value, attributes, confidence});
    }
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

QString roleOf(const LexiconEntry &entry)
{
    return lexiconAttribute(entry.attributes, u"role");
}

// Splits a lexicon file by the role column into the gazetteer's kinds.
void addByRole(Gazetteer &gazetteer, const QVector<LexiconEntry> &entries, LexiconKind plain,
               std::initializer_list<std::pair<QStringView, LexiconKind>> roles)
{
    for (const LexiconEntry &entry : entries) {
        const QString role = roleOf(entry);
        LexiconKind kind = plain;
        bool known = role.isEmpty();
        for (const auto &[name, roleKind] : roles) {
            if (role == name) {
                kind = roleKind;
                known = true;
            }
        }
        if (!known) {
            qCWarning(lcRecognizer) << "unknown lexicon role" << role << "for" << entry.surface;
            continue;
        }
        gazetteer.addEntry(entry, kind);
    }
}

} // namespace

Recognizer::Recognizer()
{
    m_gazetteer.addEntries(loadLexicon(u"countries"_s), LexiconKind::Country);
    m_gazetteer.addEntries(loadLexicon(u"demonyms"_s), LexiconKind::Demonym);
    m_gazetteer.addEntries(loadLexicon(u"places"_s), LexiconKind::Place);
    addByRole(m_gazetteer, loadLexicon(u"attacks"_s), LexiconKind::Attack,
              {{u"flood", LexiconKind::FloodVerb}, {u"flood_object", LexiconKind::FloodObject}});
    m_gazetteer.addEntries(loadLexicon(u"datakinds"_s), LexiconKind::Data);
    m_gazetteer.addEntries(loadLexicon(u"disclosure"_s), LexiconKind::Disclosure);
    m_gazetteer.addEntries(loadLexicon(u"stopwords"_s), LexiconKind::Stopword);
    addByRole(m_gazetteer, loadLexicon(u"orgheads"_s), LexiconKind::OrgHead,
              {{u"name", LexiconKind::Organization},
               {u"keyword", LexiconKind::OrgKeyword},
               {u"product", LexiconKind::ProductNoun}});
    addByRole(m_gazetteer, loadLexicon(u"persontitles"_s), LexiconKind::PersonTitle,
              {{u"noun", LexiconKind::PersonNoun}});
    addByRole(m_gazetteer, loadLexicon(u"persons"_s), LexiconKind::Person,
              {{u"given", LexiconKind::GivenName}});
    addByRole(m_gazetteer, loadLexicon(u"actors"_s), LexiconKind::ThreatActor,
              {{u"noun", LexiconKind::ActorNoun},
               {u"link", LexiconKind::ActorLink},
               {u"namecue", LexiconKind::NameCue},
               {u"sea", LexiconKind::SeaCue},
               {u"cyber", LexiconKind::CyberCue}});
}

const Recognizer &Recognizer::instance()
{
    static const Recognizer shared;
    return shared;
}

bool Recognizer::addLexiconEntries(const QVector<LexiconEntry> &entries, EntityType type)
{
    LexiconKind kind;
    switch (type) {
    case EntityType::Country: kind = LexiconKind::Country; break;
    case EntityType::Place: kind = LexiconKind::Place; break;
    case EntityType::Organization: kind = LexiconKind::Organization; break;
    case EntityType::Person: kind = LexiconKind::Person; break;
    case EntityType::ThreatActor: kind = LexiconKind::ThreatActor; break;
    case EntityType::Attack: kind = LexiconKind::Attack; break;
    case EntityType::Data: kind = LexiconKind::Data; break;
    default:
        return false;
    }
    for (LexiconEntry entry : entries) {
        if (entry.value.isEmpty()) {
            entry.value = entry.surface; // the canonical name of a name is itself
        }
        if (type == EntityType::Organization) {
            // The shipped organization lexicon keeps the sector in the value column.
            const QString sector = lexiconAttribute(entry.attributes, u"sector");
            entry.attributes = joinAttributes({{u"canonical", entry.value}});
            entry.value = sector.isEmpty() ? u"unknown"_s : sector;
        }
        m_gazetteer.addEntry(entry, kind);
    }
    return true;
}

EntityList Recognizer::recognize(QStringView cleanedText) const
{
    const FoldedText folded = foldWithMap(cleanedText);
    return recognize(cleanedText, folded);
}

EntityList Recognizer::recognize(QStringView text, const FoldedText &folded, CueList *cues) const
{
    Pass pass(m_gazetteer, text, folded);
    pass.run();
    EntityList entities = pass.entities();
    if (cues) {
        *cues = pass.cues();
    }
    // Quantities and dates share one scan: a date's digits are never a quantity.
    std::vector<Scan::Token> tokens;
    Scan::tokenize(folded.text, tokens);
    const std::vector<FoldedDate> dates = findFoldedDates(folded.text, tokens);
    entities += findQuantities(folded, text, tokens, dates);
    entities += dateEntities(folded, text, dates);
    std::stable_sort(entities.begin(), entities.end(), [](const Entity &a, const Entity &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    return entities;
}

CueList Recognizer::cues(QStringView cleanedText) const
{
    const FoldedText folded = foldWithMap(cleanedText);
    Pass pass(m_gazetteer, cleanedText, folded);
    pass.run();
    return pass.cues();
}

} // namespace Extract
} // namespace Rasid
