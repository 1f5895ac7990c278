#include "extract/incidentbuilder.h"

#include "extract/lexicon.h"
#include "extract/quantities.h"
#include "text/sentences.h"
#include "text/textfold.h"

#include <QHash>
#include <QMap>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

Q_LOGGING_CATEGORY(lcIncidents, "rasid.incidents", QtWarningMsg)

namespace {

// ---------------------------------------------------------------------------
// The cue lexicon: resources/lexicons/incidentcues.tsv plus the disclosure cues,
// the function words and the organization heads the recognizer also reads.

enum class Role : quint8 {
    Event, Attack, Asset, Victim, Owner, Examples, Generic, Announce, Hypothetical, Statistic,
    Advert, Sea, Politics, Cyber, Negation, Impact, Motive, Arrest, ActorNoun, ActorHint, Accuse,
    New, Enumerator, Media, Authority, Records, Sector, Time, Attacker, Filler,
    Confirmed, Claimed, Denied, Suspected, Attempted, // disclosure.tsv (and incidentcues.tsv)
    Stop,                                             // stopwords.tsv: value = word class
    Head,                                             // orgheads.tsv: value = sector
    Count
};
static_assert(int(Role::Count) <= 64, "roles are kept in a 64-bit mask");

constexpr quint64 bit(Role role) { return quint64(1) << int(role); }

struct RoleName
{
    QStringView name;
    Role role;
};
constexpr RoleName kRoleNames[] = {
    {u"event", Role::Event},         {u"attack", Role::Attack},
    {u"asset", Role::Asset},         {u"victim", Role::Victim},
    {u"owner", Role::Owner},         {u"examples", Role::Examples},
    {u"generic", Role::Generic},     {u"announce", Role::Announce},
    {u"hypothetical", Role::Hypothetical}, {u"statistic", Role::Statistic},
    {u"advert", Role::Advert},       {u"sea", Role::Sea},
    {u"politics", Role::Politics},   {u"cyber", Role::Cyber},
    {u"negation", Role::Negation},   {u"impact", Role::Impact},
    {u"motive", Role::Motive},       {u"arrest", Role::Arrest},
    {u"actornoun", Role::ActorNoun}, {u"actorhint", Role::ActorHint},
    {u"accuse", Role::Accuse},       {u"new", Role::New},
    {u"enumerator", Role::Enumerator}, {u"media", Role::Media},
    {u"authority", Role::Authority}, {u"records", Role::Records},
    {u"sector", Role::Sector},       {u"time", Role::Time},
    {u"attacker", Role::Attacker},   {u"filler", Role::Filler},
    {u"confirmed", Role::Confirmed}, {u"claimed", Role::Claimed},
    {u"denied", Role::Denied},       {u"suspected", Role::Suspected},
    {u"attempted", Role::Attempted},
};

bool roleFromName(QStringView name, Role *role)
{
    for (const RoleName &entry : kRoleNames) {
        if (entry.name == name) {
            *role = entry.role;
            return true;
        }
    }
    return false;
}

struct CueEntry
{
    QVector<QString> words; // folded
    Role role = Role::Event;
    QString type; // attack/impact/motive type, actor_type, disclosure kind, word class or sector
    bool prefix = false;
    bool weak = false;
    bool victimObject = false;
    bool victimSubject = false;
    bool doc = false;    // records: a document noun (ملفات، رسائل), not people
    bool direct = false; // accuse: the name right after is the accused (قيام روسيا بـ)
};

// A word or a single punctuation mark of the folded text, with its source span.
struct Token
{
    int fs = 0;
    int fe = 0;
    int s = 0;
    int e = 0;
    bool word = false;
    int sentence = -1;
    int clause = -1;
};

struct Hit
{
    int first = 0; // tokens, inclusive
    int last = 0;
    int entry = -1;
    bool lamPrefix = false; // the first word carried the preposition ل
    bool pronoun = false;   // the last word carries a pronoun suffix (أنظمتها، خوادمه)
};

// Letters that inflect a verb or attach a pronoun (استهدفت، استهدفوا، استهدفها).
inline bool isInflection(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'ت' || u == u'ا' || u == u'و' || u == u'ن' || u == u'ه' || u == u'ي' || u == u'م';
}

// Where a folded word may start once its proclitics are stripped (و ف, ب ل ك, ال, لل),
// and whether a ل was among them. Offset 0 (the whole word) comes first.
int cliticOffsets(QStringView w, std::array<std::pair<int, bool>, 8> &out)
{
    int n = 0;
    const auto push = [&](int offset, bool lam) {
        if (w.size() - offset < 2) {
            return;
        }
        for (int i = 0; i < n; ++i) {
            if (out[i].first == offset) {
                return;
            }
        }
        if (n < int(out.size())) {
            out[n++] = {offset, lam};
        }
    };
    push(0, false);
    const int len = int(w.size());
    int bases[2] = {0, -1};
    if (len > 3 && (w[0] == u'و' || w[0] == u'ف')) {
        bases[1] = 1;
        push(1, false);
    }
    for (int b : bases) {
        if (b < 0) {
            continue;
        }
        if (len - b > 3 && (w[b] == u'ب' || w[b] == u'ل' || w[b] == u'ك')) {
            const bool lam = w[b] == u'ل';
            if (lam && w[b + 1] == u'ل') {
                push(b + 2, true); // لل: ل + ال with its alef elided
            }
            push(b + 1, lam);
            if (w.mid(b + 1).startsWith(u"ال")) {
                push(b + 3, lam);
            }
        }
        if (w.mid(b).startsWith(u"ال")) {
            push(b + 2, false);
        }
    }
    return n;
}

// A later word of a multi-word cue: exact, with or without ال, with an accusative
// alef, or (last word of a prefix entry) with an inflection suffix.
bool laterWordMatches(QStringView word, QStringView target, bool prefix)
{
    if (word == target) {
        return true;
    }
    const auto stripArticle = [](QStringView w) { return w.startsWith(u"ال") && w.size() > 3 ? w.mid(2) : w; };
    QStringView a = stripArticle(word);
    const QStringView b = stripArticle(target);
    if (a.startsWith(u"لل") && a.size() > 3) {
        a = a.mid(2);
    }
    if (a == b || (a.size() == b.size() + 1 && a.startsWith(b) && a.back() == u'ا')) {
        return true;
    }
    if (prefix && a.startsWith(b) && a.size() - b.size() <= 3) {
        for (qsizetype i = b.size(); i < a.size(); ++i) {
            if (!isInflection(a[i])) {
                return false;
            }
        }
        return true;
    }
    return false;
}

class CueLexicon
{
public:
    static const CueLexicon &instance()
    {
        static const CueLexicon lexicon;
        return lexicon;
    }
    const CueEntry &entry(int id) const { return m_entries.at(id); }
    void find(QStringView folded, const QVector<Token> &tokens, QVector<Hit> &hits) const;

private:
    CueLexicon();
    void add(const QString &folded, Role role, const QString &attributes, const QString &type);

    // The entries whose first word has this key (wordKey()), as a range of m_ids.
    std::pair<const int *, const int *> entriesFor(size_t key) const;
    void index();

    QVector<CueEntry> m_entries;
    QVector<std::pair<size_t, int>> m_heads; // (wordKey of a first word, entry) while loading
    // Every first word's key in an open-addressed table of power-of-two size (the
    // lexicon is looked up several times for every word of every article; QHash's
    // nodes cost twice as much). Probes read only m_slotKeys, 32 bits a slot (0:
    // empty), which stays in the first-level cache; a found slot's range of m_ids
    // is in m_slotRanges.
    static quint32 slotKey(size_t key)
    {
        const auto k = quint32(key ^ (quint64(key) >> 32));
        return k ? k : 1;
    }
    std::vector<quint32> m_slotKeys;
    std::vector<std::pair<int, int>> m_slotRanges;
    std::vector<int> m_ids;
    // The first two letters of every first word, one bit per pair of letter
    // classes: most words of a text start with a pair no entry starts with and
    // need no lookup at all.
    std::vector<bool> m_bigrams = std::vector<bool>(1 << 16);
};

// A UTF-16 unit's class for the bigram filter: ASCII and the Arabic block each get
// their own, everything else shares class 0 (which only makes the filter let more through).
inline quint32 letterClass(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80) {
        return u;
    }
    if (u >= 0x0600 && u < 0x0680) {
        return 0x80 + (u - 0x0600);
    }
    return 0;
}

inline quint32 bigramOf(QStringView w)
{
    return (letterClass(w[0]) << 8) | letterClass(w[1]);
}

CueLexicon::CueLexicon()
{
    for (const LexiconEntry &e : loadLexicon(u"incidentcues"_s)) {
        Role role;
        if (!roleFromName(e.value, &role)) {
            qCWarning(lcIncidents) << "incidentcues: unknown role" << e.value << "for" << e.surface;
            continue;
        }
        QString type = lexiconAttribute(e.attributes, u"type");
        if (type.isEmpty()) {
            type = lexiconAttribute(e.attributes, u"actor_type");
        }
        add(e.folded, role, e.attributes, type);
    }
    for (const LexiconEntry &e : loadLexicon(u"disclosure"_s)) {
        Role role;
        if (roleFromName(e.value, &role)) {
            add(e.folded, role, e.attributes, e.value);
        }
    }
    for (const LexiconEntry &e : loadLexicon(u"stopwords"_s)) {
        add(e.folded, Role::Stop, {}, e.value);
    }
    // Organization heads name the sector of a victim phrase the recognizer did not
    // take as an organization (مختبراً للتحليل الطبي).
    for (const LexiconEntry &e : loadLexicon(u"orgheads"_s)) {
        const QString role = lexiconAttribute(e.attributes, u"role");
        if (lexiconAttribute(e.attributes, u"block") == u"1"_s || role == u"product"_s || role == u"name"_s) {
            continue;
        }
        add(e.folded, role == u"keyword"_s ? Role::Sector : Role::Head, {}, e.value);
    }
    index();
}

void CueLexicon::index()
{
    // Heads whose keys collide in 32 bits share a slot: find() compares every
    // entry's words in full anyway.
    std::stable_sort(m_heads.begin(), m_heads.end(),
                     [](const auto &a, const auto &b) { return slotKey(a.first) < slotKey(b.first); });
    size_t capacity = 16;
    while (capacity < size_t(m_heads.size()) * 2) {
        capacity *= 2;
    }
    m_slotKeys.assign(capacity, 0);
    m_slotRanges.assign(capacity, {0, 0});
    m_ids.clear();
    m_ids.reserve(m_heads.size());
    for (int i = 0; i < m_heads.size();) {
        const quint32 key = slotKey(m_heads[i].first);
        const int begin = int(m_ids.size());
        for (; i < m_heads.size() && slotKey(m_heads[i].first) == key; ++i) {
            m_ids.push_back(m_heads[i].second);
        }
        size_t at = key & (capacity - 1);
        while (m_slotKeys[at] != 0) {
            at = (at + 1) & (capacity - 1);
        }
        m_slotKeys[at] = key;
        m_slotRanges[at] = {begin, int(m_ids.size())};
    }
    m_heads.clear();
    m_heads.squeeze();
}

std::pair<const int *, const int *> CueLexicon::entriesFor(size_t key) const
{
    const size_t mask = m_slotKeys.size() - 1;
    const quint32 k = slotKey(key);
    for (size_t at = k & mask;; at = (at + 1) & mask) {
        const quint32 found = m_slotKeys[at];
        if (found == 0) {
            return {nullptr, nullptr};
        }
        if (found == k) {
            const auto [begin, end] = m_slotRanges[at];
            return {m_ids.data() + begin, m_ids.data() + end};
        }
    }
}

// FNV-1a of a word's UTF-16 units: the lexicon is looked up several times for
// every word of every article, and words are short. Entries are compared in
// full after the lookup, so a collision costs a comparison, never a wrong cue.
constexpr quint64 kFnvBasis = 14695981039346656037ull;
inline quint64 fnvStep(quint64 h, char16_t c) { return (h ^ c) * 1099511628211ull; }

inline size_t wordKey(QStringView word)
{
    quint64 h = kFnvBasis;
    for (const QChar c : word) {
        h = fnvStep(h, c.unicode());
    }
    return size_t(h);
}

void CueLexicon::add(const QString &folded, Role role, const QString &attributes, const QString &type)
{
    CueEntry entry;
    for (QStringView w : QStringView(folded).split(u' ', Qt::SkipEmptyParts)) {
        entry.words.append(w.toString());
    }
    if (entry.words.isEmpty()) {
        return;
    }
    entry.role = role;
    entry.type = type;
    entry.prefix = lexiconAttribute(attributes, u"prefix") == u"1"_s;
    entry.weak = lexiconAttribute(attributes, u"weak") == u"1"_s;
    const QString victim = lexiconAttribute(attributes, u"victim");
    entry.victimObject = victim == u"object"_s;
    entry.victimSubject = victim == u"subject"_s;
    entry.doc = lexiconAttribute(attributes, u"doc") == u"1"_s;
    entry.direct = lexiconAttribute(attributes, u"direct") == u"1"_s;
    // The matcher strips a word's article before it looks it up, so an entry that
    // starts with ال is also found without it ("التدخل في" in للتدخل في).
    const QString &head = entry.words.first();
    const auto addHead = [this](QStringView w) {
        m_heads.append({wordKey(w), int(m_entries.size())});
        if (w.size() >= 2) {
            m_bigrams[bigramOf(w)] = true;
        }
    };
    addHead(head);
    if (head.startsWith(u"ال"_s) && head.size() > 4) {
        addHead(QStringView(head).mid(2));
    }
    m_entries.append(entry);
}

void CueLexicon::find(QStringView folded, const QVector<Token> &tokens, QVector<Hit> &hits) const
{
    std::array<std::pair<int, bool>, 8> offsets;
    for (int t = 0; t < tokens.size(); ++t) {
        const Token &token = tokens[t];
        const QStringView word = folded.mid(token.fs, token.fe - token.fs);
        const int count = token.word ? cliticOffsets(word, offsets) : 1;
        if (!token.word) {
            offsets[0] = {0, false};
        }
        for (int o = 0; o < count; ++o) {
            const QStringView stem = word.mid(offsets[o].first);
            if (stem.size() >= 2 && !m_bigrams[bigramOf(stem)]) {
                continue;
            }
            const int maxSuffix = token.word ? std::min(3, int(stem.size()) - 2) : 0;
            // wordKey() of the stem without its last k units, for every k tried
            // below (and one more for a ta marbuta), from one pass over the stem.
            std::array<size_t, 5> prefixKey{};
            quint64 h = kFnvBasis;
            for (int i = 0; i < stem.size(); ++i) {
                h = fnvStep(h, stem[i].unicode());
                const int k = int(stem.size()) - 1 - i;
                if (k < int(prefixKey.size())) {
                    prefixKey[size_t(k)] = size_t(h);
                }
            }
            for (int k = 0; k <= maxSuffix; ++k) {
                if (k > 0 && !isInflection(stem[stem.size() - k])) {
                    break;
                }
                QStringView key = stem.left(stem.size() - k);
                // A ta marbuta becomes ت before a suffix: منظومتها is منظومة + ها.
                QString marbuta;
                auto [from, to] = entriesFor(prefixKey[size_t(k)]);
                if (!from && k > 0 && key.endsWith(u'ت')) {
                    std::tie(from, to) = entriesFor(size_t(fnvStep(prefixKey[size_t(k) + 1], u'ه')));
                    if (from) {
                        marbuta = key.chopped(1).toString() + u'ه';
                        key = marbuta;
                    }
                }
                if (!from) {
                    continue;
                }
                const QStringView suffix = stem.right(k);
                const bool pronoun = suffix.endsWith(u"ه") || suffix.endsWith(u"ها") || suffix.endsWith(u"هم")
                    || suffix.endsWith(u"هما");
                for (const int *id = from; id != to; ++id) {
                    const CueEntry &e = m_entries[*id];
                    const QString &head = e.words.first();
                    if (head != key && !(head.startsWith(u"ال") && QStringView(head).mid(2) == key)) {
                        continue;
                    }
                    const bool single = e.words.size() == 1;
                    const bool accusative = k == 1 && stem.back() == u'ا';
                    if (k > 0 && !(single && e.prefix) && !accusative) {
                        continue;
                    }
                    int last = t;
                    bool ok = true;
                    for (int j = 1; j < e.words.size() && ok; ++j) {
                        const int next = last + 1;
                        ok = next < tokens.size() && tokens[next].word && tokens[next].sentence == token.sentence
                            && laterWordMatches(folded.mid(tokens[next].fs, tokens[next].fe - tokens[next].fs),
                                                e.words[j], e.prefix && j == e.words.size() - 1);
                        last = next;
                    }
                    if (ok) {
                        hits.append({t, last, *id, offsets[o].second, single && pronoun});
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The article as the builder reads it.

// Attack types by how much they say about an incident: when one incident is told
// with several, the more specific wins (a ransomware attack that also leaked data
// is a ransomware incident; phishing that stole logins is a phishing incident).
int attackPriority(QStringView type)
{
    static const QStringView order[] = {u"ransomware", u"hack_and_leak", u"defacement", u"account_takeover",
                                        u"espionage", u"ddos", u"phishing", u"sabotage", u"malware",
                                        u"data_breach", u"other"};
    const int n = int(std::size(order));
    for (int i = 0; i < n; ++i) {
        if (order[i] == type) {
            return n - i;
        }
    }
    return 0;
}

struct Victim
{
    int first = -1; // tokens, inclusive
    int last = -1;
    int entity = -1;    // when the victim is one recognised entity
    double score = 0.0; // how directly the sentence names it as the target
    bool named = false; // the phrase holds an organization, person or country entity
    bool generic = false;
    bool valid() const { return first >= 0 && !generic; }
};

// Something in a sentence that reports an attack: an attack entity, an attack or
// event cue, or a threat actor with a claim or attempt cue.
struct Seed
{
    int first = 0;
    int last = 0;
    QString type;       // attack type, empty for a bare event verb
    bool generic = true;
    bool definite = false;
    bool negated = false;
    int entity = -1;
    int hit = -1;
};

struct Mention
{
    int sentence = -1;
    int first = 0; // token range the mention speaks for
    int last = 0;
    QVector<Seed> seeds;
    Victim victim;
    bool anaphoric = false;  // refers back: "الهجوم كان متعمداً"، "هذا الاختراق"
    bool fresh = false;      // "هجوم آخر"، "في قضية منفصلة"، a round-up item
    int year = 0;            // a year stated before the attack ("وفي عام 2018، تعرضت")
    bool hedged = false;     // a forecast, warning or statistic
    bool heading = false;    // a cross-head: it restates, it does not open an incident
    int actor = -1;          // a threat actor entity named in the mention
};

struct Draft
{
    QVector<int> mentions;
    QVector<Victim> victims;
    QVector<int> actors; // threat actor entities
    int year = 0;
};

// What fill() learns about one incident as it goes: later fields depend on earlier ones.
struct Filling
{
    const Draft *draft = nullptr;
    QVector<const Mention *> mentions;
    QVector<int> sentences;      // of the mentions, in order
    QVector<int> actorSentences; // the mentions' and the one after each
    ProposedIncident incident;
    Victim victim;
    QString victimCountry;
    QVector<EvidenceSpan> victimCountryEvidence;
    QString actor;
    QString actorType;
    QString actorCountry;
    double actorConfidence = 0.0;
    QVector<EvidenceSpan> actorEvidence;
    int actorEntity = -1;
    QString attackType;
    qint64 records = 0;
    QVector<EvidenceSpan> recordsEvidence;
    QStringList data;
    QVector<EvidenceSpan> dataEvidence;
    QString motive;
    double lead = 0.0; // how much the title speaks of this incident
};

/*
 * One run of buildIncidents() over one article: the text is tokenized once over its
 * fold, entities and cues are mapped onto the tokens, every sentence's attack words
 * (seeds) become mentions with a victim each, mentions are grouped into drafts, and
 * each draft is filled field by field. Everything is in token indices until fill()
 * turns spans back into offsets of the text.
 */
// Items grouped by token: one flat array and an offset per token, filled once,
// instead of a small list per token (articles have thousands of tokens).
class Buckets
{
public:
    struct Range
    {
        const int *b = nullptr;
        const int *e = nullptr;
        const int *begin() const { return b; }
        const int *end() const { return e; }
    };

    // keyOf[i] is the bucket of item i, or -1; items keep their order in a bucket.
    void build(int buckets, const QVector<int> &keyOf)
    {
        m_offsets.assign(size_t(buckets) + 1, 0);
        for (int key : keyOf) {
            if (key >= 0) {
                ++m_offsets[size_t(key) + 1];
            }
        }
        for (size_t k = 1; k < m_offsets.size(); ++k) {
            m_offsets[k] += m_offsets[k - 1];
        }
        m_items.resize(size_t(m_offsets.back()));
        std::vector<int> fill(m_offsets.begin(), m_offsets.end() - 1);
        for (int i = 0; i < keyOf.size(); ++i) {
            if (keyOf[i] >= 0) {
                m_items[size_t(fill[size_t(keyOf[i])]++)] = i;
            }
        }
    }
    Range operator[](int key) const
    {
        Q_ASSERT(key >= 0 && size_t(key) + 1 < m_offsets.size());
        const int *data = m_items.data();
        return {data + m_offsets[size_t(key)], data + m_offsets[size_t(key) + 1]};
    }

private:
    std::vector<int> m_offsets;
    std::vector<int> m_items;
};

constexpr quint32 typeBit(EntityType type) { return quint32(1) << int(type); }
constexpr quint32 kNamedTypes = typeBit(EntityType::Organization) | typeBit(EntityType::Person);
constexpr quint32 kCountryTypes = typeBit(EntityType::Country) | typeBit(EntityType::Place);

class Builder
{
public:
    Builder(QStringView text, const FoldedText *folded, const EntityList &entities, const QString &title,
            const QString &published);
    QVector<ProposedIncident> run();

private:
    // Reading the text
    void tokenize();
    void mapEntities();
    void findCues();
    QStringView word(int t) const
    {
        return QStringView(m_folded->text).mid(m_tokens[t].fs, m_tokens[t].fe - m_tokens[t].fs);
    }
    bool starts(int t, Role role) const { return t >= 0 && t < m_tokens.size() && (m_startMask[t] & bit(role)); }
    bool covers(int t, Role role) const { return t >= 0 && t < m_tokens.size() && (m_coverMask[t] & bit(role)); }
    bool inside(int t, EntityType type) const
    {
        return t >= 0 && t < m_tokens.size() && (m_insideTypes[t] & typeBit(type));
    }
    const Hit *hitAt(int t, Role role) const;
    bool sentenceHas(int sentence, quint64 roles) const { return m_sentenceMask.value(sentence) & roles; }
    int entityStarting(int t, quint32 typeMask) const;
    bool isStopWord(int t) const;
    QString sourceText(int first, int last) const;
    int sentenceFirstToken(int s) const { return m_sentenceTokens.value(s).first; }
    int sentenceLastToken(int s) const { return m_sentenceTokens.value(s).second; }

    // Mentions
    void findMentions();
    QVector<Mention> splitIntoMentions(int sentence, const QVector<Seed> &seeds) const;
    void settleVictim(Mention &m) const;
    bool describeMention(Mention &m) const;
    Victim entityVictim(int entity, double score) const;
    QVector<Seed> seedsOf(int sentence) const;
    bool sentenceIsCyber(int sentence) const;
    bool noncyber(int sentence) const;
    Victim victimOf(const Seed &seed) const;
    Victim nounPhrase(int t, int limit) const;
    Victim refine(Victim np) const;
    Victim announcer(int sentence, int before, int after = -1) const;
    bool isAuthorityOrMedia(int first, int last) const;
    bool sameVictim(const Victim &a, const Victim &b) const;
    bool sameActor(int a, int b) const;
    QString victimKey(const Victim &v) const;
    QSet<QString> contentWords(const Victim &v) const;
    // What sameVictim compares, worked out once per phrase: grouping compares
    // every mention's victim with every draft's, so each phrase is met many times.
    struct VictimFacts
    {
        QString key;          // folded, without a leading ال
        std::vector<size_t> words; // wordKey() of each contentWords() entry, sorted
        QString alias;        // folded alias attributes of its entity
        QString aliasOf;
    };
    const VictimFacts &victimFacts(const Victim &v) const;

    // Incidents
    void group();
    ProposedIncident fill(int draft, double *leadScore) const;
    void inheritActor(Filling &f, int draft) const;
    bool inMentions(const Filling &f, int t) const;
    bool negatedClause(int t) const;
    int recordsNoun(int quantity) const;
    void fillVictim(Filling &f) const;
    void fillActor(Filling &f) const;
    void fillVictimCountry(Filling &f) const;
    void fillAttackType(Filling &f) const;
    void fillRecords(Filling &f) const;
    void fillDataTypes(Filling &f) const;
    void fillDate(Filling &f) const;
    void fillDisclosure(Filling &f) const;
    void fillImpactAndMotive(Filling &f) const;
    void fillEvidenceAndConfidence(Filling &f) const;
    QVector<EvidenceSpan> spanOf(int first, int last) const;
    EvidenceSpan sentenceSpan(int sentence) const;

    QStringView m_text;
    const EntityList &m_entities;
    QString m_title;
    QString m_foldedTitle;           // fold(m_title)
    QVector<qint64> m_titleAmounts;  // the quantities the title states
    int m_publishedYear = 0;
    int m_publishedMonth = 0;

    const FoldedText *m_folded = nullptr; // the caller's fold, or m_ownFold
    FoldedText m_ownFold;
    QVector<Token> m_tokens;
    QVector<Sentence> m_sentences;
    QVector<QPair<int, int>> m_sentenceTokens;
    QVector<Clause> m_clauses;
    QVector<int> m_entFirst; // token range of each entity, -1 when it falls outside the tokens
    QVector<int> m_entLast;
    Buckets m_entitiesAt; // entities starting at each token
    QVector<Hit> m_hits;
    QVector<quint64> m_startMask;
    QVector<quint64> m_coverMask;
    Buckets m_hitsAt; // hits starting at each token
    QVector<quint64> m_sentenceMask;
    QVector<int> m_countriesInSentence;
    QVector<quint32> m_insideTypes; // per token: typeBit() of every entity it lies in
    QVector<quint32> m_startTypes;  // per token: typeBit() of every entity that starts there
    bool m_articleCyber = false;
    bool m_advert = false;
    QString m_dominantCountry;

    QVector<Mention> m_mentions;
    QVector<Draft> m_drafts;
    QSet<int> m_mentionSentences;
    // Node-based, so that references stay valid while more are added.
    mutable std::unordered_map<quint64, VictimFacts> m_victimFacts;
};

Builder::Builder(QStringView text, const FoldedText *folded, const EntityList &entities, const QString &title,
                 const QString &published)
    : m_text(text), m_entities(entities), m_title(title), m_folded(folded)
{
    if (published.size() >= 4) {
        m_publishedYear = published.left(4).toInt();
        if (published.size() >= 7) {
            m_publishedMonth = published.mid(5, 2).toInt();
        }
    }
}

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

const Hit *Builder::hitAt(int t, Role role) const
{
    // Most tokens start no hit of the role asked for: the mask says so at once.
    if (t < 0 || t >= m_tokens.size() || !(m_startMask[t] & bit(role))) {
        return nullptr;
    }
    for (int h : m_hitsAt[t]) {
        if (CueLexicon::instance().entry(m_hits[h].entry).role == role) {
            return &m_hits[h];
        }
    }
    return nullptr;
}

int Builder::entityStarting(int t, quint32 typeMask) const
{
    if (t < 0 || t >= m_tokens.size() || !(m_startTypes[t] & typeMask)) {
        return -1;
    }
    int best = -1;
    for (int e : m_entitiesAt[t]) {
        if ((typeBit(m_entities[e].type) & typeMask) && (best < 0 || m_entLast[e] > m_entLast[best])) {
            best = e;
        }
    }
    return best;
}

bool Builder::isStopWord(int t) const
{
    const Hit *stop = hitAt(t, Role::Stop);
    if (!stop) {
        return false;
    }
    // A word glued to ل is a genitive inside a name (للضمان), not the preposition.
    return !(stop->lamPrefix && stop->first == stop->last && word(t).size() > 4);
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

// ---------------------------------------------------------------------------
// Mentions

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

// ---------------------------------------------------------------------------
// Incidents

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

EvidenceSpan Builder::sentenceSpan(int sentence) const
{
    return {m_sentences[sentence].start, m_sentences[sentence].end};
}

QVector<EvidenceSpan> Builder::spanOf(int first, int last) const
{
    if (first < 0 || last < first) {
        return {};
    }
    return {{m_tokens[first].s, m_tokens[last].e}};
}


bool Builder::inMentions(const Filling &f, int t) const
{
    return std::any_of(f.mentions.cbegin(), f.mentions.cend(),
                       [t](const Mention *m) { return t >= m->first && t <= m->last; });
}

// A clause that negates or denies what it says: "بيانات العملاء لم تتعرض للاختراق"،
// "نفى ... أن تكون المعلومات المسربة مرتبطة بقواعد بيانات شخصية".
bool Builder::negatedClause(int t) const
{
    const int clause = m_tokens[t].clause;
    for (int k = t; k < m_tokens.size() && m_tokens[k].clause == clause; ++k) {
        if (starts(k, Role::Negation)) {
            return true;
        }
    }
    for (int k = t - 1; k >= 0 && m_tokens[k].clause == clause; --k) {
        if (starts(k, Role::Denied)) {
            return true;
        }
    }
    return false;
}

// The victim as written, its sector, and a country named in or right after it.
void Builder::fillVictim(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    // A name beats a description of the same standing ("هيئة البريد" over "خدمات البريد").
    const auto rank = [](const Victim &x) { return x.score + (x.entity >= 0 ? 1.0 : 0.0); };
    for (const Victim &v : f.draft->victims) {
        if (!f.victim.valid() || rank(v) > rank(f.victim) + 1e-9) {
            f.victim = v;
        }
    }
    const Victim &victim = f.victim;
    QString sector;
    QVector<EvidenceSpan> sectorEvidence;
    double sectorConfidence = 0.0;
    if (victim.valid()) {
        // The entity's own span (without the clitic ل its first token may carry), else the phrase.
        QVector<EvidenceSpan> span = spanOf(victim.first, victim.last);
        if (victim.entity >= 0 && m_entFirst[victim.entity] == victim.first
            && m_entLast[victim.entity] == victim.last) {
            span = {{m_entities[victim.entity].start, m_entities[victim.entity].end}};
        }
        QString text = m_text.mid(span.first().start, span.first().end - span.first().start).toString();
        // Quotes that wrapped the name stay in the article, not in the field.
        while (!text.isEmpty() && QStringView(u"\"«»“”").contains(text.back())) {
            text.chop(1);
            --span.first().end;
        }
        f.incident.set(u"victim"_s, text, std::min(0.95, 0.3 + victim.score * 0.18), span);

        // The sector: the organization's own when the victim is one; else a sector word
        // of the phrase ("قاعدة البيانات الصحية التابعة للحكومة" is health data), then the
        // organization inside it, then a head noun.
        const auto entitySector = [&] {
            if (victim.entity >= 0 && sector.isEmpty()) {
                const QString s = m_entities[victim.entity].attribute(u"sector");
                if (!s.isEmpty() && s != u"other"_s && s != u"unknown"_s) {
                    sector = s;
                    sectorConfidence = 0.8;
                    sectorEvidence = spanOf(m_entFirst[victim.entity], m_entLast[victim.entity]);
                }
            }
        };
        const auto phraseSector = [&](Role role) {
            for (int t = victim.first; t <= victim.last && sector.isEmpty(); ++t) {
                const Hit *h = hitAt(t, role);
                if (h && lexicon.entry(h->entry).type != u"other"_s) {
                    sector = lexicon.entry(h->entry).type;
                    sectorConfidence = 0.6;
                    sectorEvidence = spanOf(h->first, h->last);
                }
            }
        };
        if (victim.entity >= 0 && m_entFirst[victim.entity] == victim.first) {
            entitySector();
        }
        phraseSector(Role::Sector);
        entitySector();
        phraseSector(Role::Head);
        if (sector.isEmpty() && victim.entity >= 0 && m_entities[victim.entity].type == EntityType::Country) {
            sector = u"government"_s;
            sectorConfidence = 0.4;
        }
        // The country: in the phrase or right after it ("شركة X الهندية"، "في إسبانيا").
        for (int t = victim.first; t <= std::min(victim.last + 3, int(m_tokens.size()) - 1); ++t) {
            if (t > victim.last && (!m_tokens[t].word || m_tokens[t].sentence != m_tokens[victim.first].sentence)) {
                break;
            }
            const int e = entityStarting(t, kCountryTypes);
            // Tokens of a threat actor name their country as the attacker's, never the victim's.
            if (e >= 0 && !inside(t, EntityType::ThreatActor) && !m_entities[e].value.isEmpty()) {
                f.victimCountry = m_entities[e].value;
                f.victimCountryEvidence = spanOf(m_entFirst[e], m_entLast[e]);
                break;
            }
        }
    }
    // No sector of its own: a political word of the mentions ("حملتها"، "الانتخابات").
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last && sector.isEmpty(); ++t) {
            const Hit *h = hitAt(t, Role::Sector);
            if (h && lexicon.entry(h->entry).type == u"politics"_s) {
                sector = u"politics"_s;
                sectorConfidence = 0.4;
                sectorEvidence = spanOf(h->first, h->last);
            }
        }
    }
    f.incident.set(u"victim_sector"_s, sector.isEmpty() ? u"unknown"_s : sector,
                   sector.isEmpty() ? 0.2 : sectorConfidence, sectorEvidence);
}

// The attacker: a named group, else a state or agency accused, else a person
// arrested; and what kind of attacker the article says it is.
void Builder::fillActor(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    double confidence = 0.0;
    const auto description = [&](int e) {
        const QString folded = fold(m_entities[e].text);
        return folded.contains(u"قراصنه"_s) || folded.contains(u"مجموعه"_s) || folded.contains(u"هاكرز"_s);
    };
    for (int s : f.actorSentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0; ++t) {
            for (int e : m_entitiesAt[t]) {
                // A proper name (Jabaroot) beats a description (القراصنة الجزائريين).
                if (m_entities[e].type == EntityType::ThreatActor
                    && (f.actorEntity < 0 || (description(f.actorEntity) && !description(e)))) {
                    f.actorEntity = e;
                }
                if (m_entities[e].type == EntityType::ThreatActor && f.actorCountry.isEmpty()) {
                    f.actorCountry = m_entities[e].attribute(u"country");
                }
            }
        }
    }
    if (f.actorEntity >= 0) {
        const Entity &e = m_entities[f.actorEntity];
        f.actor = e.text;
        confidence = 0.8;
        f.actorEvidence = spanOf(m_entFirst[f.actorEntity], m_entLast[f.actorEntity]);
        if (!e.attribute(u"country").isEmpty()) {
            f.actorCountry = e.attribute(u"country");
        }
        f.actorType = e.attribute(u"actor_type");
    }
    // An accused state or agency: "قيام روسيا بقرصنة"، "اتهمت الحكومة البولندية الاستخبارات الروسية".
    for (int s : f.sentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0 && f.actor.isEmpty(); ++t) {
            const Hit *accuse = hitAt(t, Role::Accuse);
            if (!accuse) {
                continue;
            }
            // "اتهمت [accuser] [accused] بالوقوف وراء ..." names the accuser first;
            // "قيام روسيا بقرصنة" names the actor at once.
            QVector<int> named;
            for (int k = accuse->last + 1; k <= std::min(sentenceLastToken(s), accuse->last + 10); ++k) {
                if (!m_tokens[k].word) {
                    break;
                }
                const int e = entityStarting(k, typeBit(EntityType::Country) | typeBit(EntityType::Organization));
                if (e >= 0) {
                    named.append(e);
                    k = m_entLast[e];
                    continue;
                }
                if (!named.isEmpty() && word(k).startsWith(u'ب')) {
                    break; // the charge: "بالوقوف وراء"، "بقرصنة"
                }
            }
            const bool direct = lexicon.entry(accuse->entry).direct;
            int chosen = named.size() >= 2 ? named.last() : -1;
            if (direct) {
                chosen = named.isEmpty() || m_entFirst[named.first()] > accuse->last + 2 ? -1 : named.first();
            }
            if (chosen < 0) {
                continue;
            }
            const Entity &e = m_entities[chosen];
            QString country = e.type == EntityType::Country ? e.value : QString();
            for (int k = m_entFirst[chosen]; k <= m_entLast[chosen] && country.isEmpty(); ++k) {
                const int c = entityStarting(k, typeBit(EntityType::Country));
                if (c >= 0) {
                    country = m_entities[c].value;
                }
            }
            if (!f.victimCountry.isEmpty() && country == f.victimCountry) {
                continue; // the accuser, not the accused
            }
            f.actor = e.text;
            f.actorCountry = country;
            f.actorType = u"nation_state"_s;
            confidence = 0.6;
            f.actorEvidence = spanOf(m_entFirst[chosen], m_entLast[chosen]);
        }
    }
    // An arrest: "توقيف شاب يبلغ من العمر 22 عامًا"، "أحالت النيابة موظفاً سابقاً".
    for (int s : f.actorSentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0 && f.actor.isEmpty(); ++t) {
            const Hit *arrest = hitAt(t, Role::Arrest);
            const int end = arrest ? std::min(sentenceLastToken(s), arrest->last + 5) : -1;
            for (int k = arrest ? arrest->last + 1 : 0; k <= end; ++k) {
                if (const Hit *noun = hitAt(k, Role::ActorNoun)) {
                    f.actor = sourceText(noun->first, noun->last);
                    f.actorType = lexicon.entry(noun->entry).type;
                    confidence = 0.5;
                    f.actorEvidence = spanOf(noun->first, noun->last);
                    break;
                }
            }
        }
    }
    // "لصالح جهة أجنبية"، "منتدى إجرامي"، "موالين لروسيا": the kind of attacker.
    QString hint;
    for (int s : f.actorSentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0; ++t) {
            if (const Hit *h = hitAt(t, Role::ActorHint)) {
                const QString type = lexicon.entry(h->entry).type;
                if (hint.isEmpty() || type == u"state_affiliated"_s || type == u"nation_state"_s) {
                    hint = type;
                }
            }
        }
    }
    if (!hint.isEmpty() && (f.actorType.isEmpty() || f.actorType == u"individual"_s || f.actorType == u"unknown"_s)) {
        f.actorType = hint;
    }
    f.actorConfidence = confidence;
}

// "هاجمت المجموعة الصندوق ... ولم يتوقف الأمر عند هذا الحد؛ بل تم اختراق موقع الوزارة":
// an incident told right after another in the same paragraph, with no attacker of its
// own and nothing that sets it apart (a round-up item, "آخر", another year), is
// credited to the same attacker, with less confidence.
void Builder::inheritActor(Filling &f, int index) const
{
    if (!f.actor.isEmpty() || index == 0 || m_drafts[index - 1].actors.isEmpty()) {
        return;
    }
    const Mention &first = m_mentions[m_drafts[index].mentions.first()];
    if (first.fresh || first.year > 0) {
        return;
    }
    const Draft &previous = m_drafts[index - 1];
    const int paragraph = m_sentences[first.sentence].paragraph;
    const bool adjacent = std::any_of(previous.mentions.cbegin(), previous.mentions.cend(), [&](int i) {
        return m_mentions[i].sentence < first.sentence && m_sentences[m_mentions[i].sentence].paragraph == paragraph;
    });
    if (!adjacent) {
        return;
    }
    int actor = previous.actors.first();
    for (int a : previous.actors) {
        const QString folded = fold(m_entities[a].text);
        if (!folded.contains(u"قراصنه"_s) && !folded.contains(u"مجموعه"_s)) {
            actor = a; // the group's name rather than its description
        }
    }
    const Entity &e = m_entities[actor];
    f.actor = e.text;
    f.actorEntity = actor;
    f.actorConfidence = 0.4;
    f.actorEvidence = spanOf(m_entFirst[actor], m_entLast[actor]);
    for (int a : previous.actors) {
        if (f.actorCountry.isEmpty()) {
            f.actorCountry = m_entities[a].attribute(u"country");
        }
    }
    if (f.actorType.isEmpty()) {
        f.actorType = e.attribute(u"actor_type");
    }
}

// The victim's country when its phrase names none: the country nearest to the victim
// in the mentions that is not the attacker's, else the article's country.
void Builder::fillVictimCountry(Filling &f) const
{
    double confidence = f.victimCountry.isEmpty() ? 0.0 : 0.8;
    for (const Mention *m : f.mentions) {
        if (!f.victimCountry.isEmpty()) {
            break;
        }
        int bestDistance = 1 << 30;
        const int anchor = m->victim.first >= 0 ? m->victim.first : m->seeds.first().first;
        for (int t = m->first; t <= m->last; ++t) {
            const int e = entityStarting(t, kCountryTypes);
            // "موالين لروسيا"، "مرتبطة بجهات إيرانية" name the attacker's side.
            const bool actorSide = inside(t, EntityType::ThreatActor) || (t > 0 && covers(t - 1, Role::ActorHint));
            if (e < 0 || actorSide || m_entities[e].value.isEmpty() || m_entities[e].value == f.actorCountry) {
                continue;
            }
            if (std::abs(t - anchor) < bestDistance) {
                bestDistance = std::abs(t - anchor);
                f.victimCountry = m_entities[e].value;
                f.victimCountryEvidence = spanOf(m_entFirst[e], m_entLast[e]);
                confidence = 0.7;
            }
        }
    }
    if (f.victimCountry.isEmpty() && !m_dominantCountry.isEmpty() && m_dominantCountry != f.actorCountry) {
        f.victimCountry = m_dominantCountry;
        confidence = 0.5;
    }
    if (!f.victimCountry.isEmpty()) {
        f.incident.set(u"victim_country"_s, f.victimCountry, confidence, f.victimCountryEvidence);
    }
}

// The most specific attack phrase; the first mention's count double.
void Builder::fillAttackType(Filling &f) const
{
    QMap<QString, double> scores; // ordered: ties resolve the same way on every run
    QHash<QString, QVector<EvidenceSpan>> evidence;
    for (int i = 0; i < f.mentions.size(); ++i) {
        for (const Seed &seed : f.mentions[i]->seeds) {
            if (!seed.generic && !seed.negated && !seed.type.isEmpty()) {
                scores[seed.type] += i == 0 ? 2.0 : 1.0;
                evidence[seed.type] += spanOf(seed.first, seed.last);
            }
        }
    }
    f.attackType = u"unknown"_s;
    double best = 0.0;
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        const double score = it.value() + attackPriority(it.key()) / 10.0;
        if (score > best) {
            best = score;
            f.attackType = it.key();
        }
    }
    const double confidence = f.attackType == u"unknown"_s ? 0.3 : std::min(0.9, 0.5 + best / 10.0);
    f.incident.set(u"attack_type"_s, f.attackType, confidence, evidence.value(f.attackType));
}

// The counted noun of a quantity: 0 none of people or records, 1 people or records
// ("2 مليون منخرط"، "500 ألف فرنسي"), 2 documents ("آلاف رسائل البريد").
int Builder::recordsNoun(int quantity) const
{
    const Entity &e = m_entities[quantity];
    if (e.attribute(u"kind") == u"age"_s || e.attribute(u"kind") == u"percent"_s) {
        return 0;
    }
    // The noun ends the entity, or follows it ("مئات الآلاف من الأشخاص").
    const int last = std::min(int(m_tokens.size()) - 1, m_entLast[quantity] + 2);
    for (int t = std::max(m_entFirst[quantity], m_entLast[quantity] - 1); t <= last; ++t) {
        if (!m_tokens[t].word
            || (t > m_entLast[quantity] && word(t) != u"من" && !starts(t, Role::Records)
                && entityStarting(t, kCountryTypes) < 0)) {
            break;
        }
        if (const Hit *noun = hitAt(t, Role::Records)) {
            return CueLexicon::instance().entry(noun->entry).doc ? 2 : 1;
        }
        const int c = entityStarting(t, typeBit(EntityType::Country));
        if (c >= 0 && m_entities[c].attribute(u"demonym") == u"1"_s) {
            return 1;
        }
    }
    return 0;
}

// The largest count of people or records the mentions give, with its most frequent
// hedge. A figure beats a vague plural (آلاف، مئات الآلاف); money, ages and
// percentages are no records.
void Builder::fillRecords(Filling &f) const
{
    QMap<QString, int> votes;
    bool explicitCount = false;
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last; ++t) {
            const int q = entityStarting(t, typeBit(EntityType::Quantity));
            const int noun = q >= 0 ? recordsNoun(q) : 0;
            if (noun == 0 || negatedClause(t)) {
                continue;
            }
            bool ok = false;
            const qint64 value = m_entities[q].value.toLongLong(&ok);
            if (!ok || value <= 0) {
                continue;
            }
            const bool vague = std::none_of(m_entities[q].text.cbegin(), m_entities[q].text.cend(),
                                            [](QChar c) { return c.isDigit(); })
                && m_entities[q].attribute(u"qualifier") == u"more_than"_s;
            if (vague && (noun == 2 || explicitCount)) {
                continue;
            }
            if (!vague && !explicitCount) {
                explicitCount = true;
                f.records = 0;
            }
            QString qualifier = m_entities[q].attribute(u"qualifier");
            if (qualifier.isEmpty()) {
                qualifier = u"exact"_s;
            }
            if (value > f.records) {
                f.records = value;
                votes.clear();
                f.recordsEvidence.clear();
            }
            if (value == f.records) {
                // A hedge counts more: titles and leads round "أكثر من نصف مليون" to "نصف مليون".
                votes[qualifier] += qualifier == u"exact"_s ? 2 : 3;
                f.recordsEvidence += spanOf(m_entFirst[q], m_entLast[q]);
            }
        }
    }
    if (f.records > 0) {
        QString qualifier = u"exact"_s;
        int best = 0;
        for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
            if (it.value() > best) {
                best = it.value();
                qualifier = it.key();
            }
        }
        f.incident.set(u"records_affected"_s, QString::number(f.records), 0.7, f.recordsEvidence);
        f.incident.set(u"records_qualifier"_s, qualifier, 0.7, f.recordsEvidence);
    }
}

// The kinds of data the mentions name, in the order of the contract. A break-in only
// said to have exposed data or people is then a data breach ("اختراق طال نظام ...
// بيانات 40 ألف مريض").
void Builder::fillDataTypes(Filling &f) const
{
    static const QStringList order = {u"personal"_s, u"contact"_s, u"identity"_s, u"medical"_s,
                                      u"financial"_s, u"credentials"_s, u"government"_s, u"internal"_s};
    QSet<QString> types;
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last; ++t) {
            for (int e : m_entitiesAt[t]) {
                if (m_entities[e].type == EntityType::Data && !negatedClause(t)) {
                    for (QStringView v : QStringView(m_entities[e].value).split(u';', Qt::SkipEmptyParts)) {
                        types.insert(v.toString());
                    }
                    f.dataEvidence += spanOf(m_entFirst[e], m_entLast[e]);
                }
            }
        }
    }
    for (const QString &type : order) {
        if (types.contains(type)) {
            f.data.append(type);
        }
    }
    if (!f.data.isEmpty()) {
        f.incident.set(u"data_types"_s, f.data.join(u';'), 0.6, f.dataEvidence);
    }
    if (f.attackType == u"unknown"_s && (f.records > 0 || !f.data.isEmpty())) {
        f.attackType = u"data_breach"_s;
        f.incident.set(u"attack_type"_s, f.attackType, 0.45, f.recordsEvidence + f.dataEvidence);
    }
}

// When it happened: the earliest date of the mentions, never one after publication;
// a date without its year takes the publication's ("في 28 ديسمبر" of an article of January).
void Builder::fillDate(Filling &f) const
{
    QString date;
    QVector<EvidenceSpan> evidence;
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last; ++t) {
            const int d = entityStarting(t, typeBit(EntityType::Date));
            if (d < 0 || m_entities[d].value.isEmpty()) {
                continue;
            }
            QString iso = m_entities[d].value;
            if (iso.startsWith(u"XXXX"_s)) {
                if (m_publishedYear <= 0) {
                    continue;
                }
                const int month = iso.mid(5, 2).toInt();
                const bool lastYear = m_publishedMonth > 0 && month > m_publishedMonth;
                iso = QString::number(lastYear ? m_publishedYear - 1 : m_publishedYear) + iso.mid(4);
            }
            if (iso.contains(u'X') || (m_publishedYear > 0 && iso.left(4).toInt() > m_publishedYear)) {
                continue;
            }
            if (date.isEmpty() || iso < date) {
                date = iso;
                evidence = spanOf(m_entFirst[d], m_entLast[d]);
            }
        }
    }
    if (!date.isEmpty()) {
        f.incident.set(u"incident_date"_s, date, 0.6, evidence);
    }
}

// Who says so. A statement's speaker is the name right after its verb ("أكدت
// الشركة"، "أعلن عنه مجموعة من القراصنة"); the order of precedence is: a foiled
// attempt, a denial, the victim's confirmation, a suspicion, an attacker's claim,
// an authority's word, the press alone.
void Builder::fillDisclosure(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    int attempts = 0;
    bool byVictim = false, byAuthority = false, claimed = false, denied = false, suspected = false, media = false;
    QVector<EvidenceSpan> evidence;
    const auto isVictim = [&](int entity) {
        Victim v;
        v.first = m_entFirst[entity];
        v.last = m_entLast[entity];
        v.entity = entity;
        v.named = true;
        return std::any_of(f.draft->victims.cbegin(), f.draft->victims.cend(),
                           [&](const Victim &d) { return sameVictim(d, v); });
    };
    for (const Mention *m : f.mentions) {
        const int last = sentenceLastToken(m->sentence);
        bool attempt = false;
        for (int t = sentenceFirstToken(m->sentence); t <= last; ++t) {
            for (int h : m_hitsAt[t]) {
                const Hit &hit = m_hits[h];
                const bool nearSeed = std::any_of(m->seeds.cbegin(), m->seeds.cend(), [&](const Seed &seed) {
                    return t >= seed.first - 4 && t <= seed.last + 2;
                });
                int subject = -1;
                for (int k = hit.last + 1; k <= std::min(last, hit.last + 4) && subject < 0; ++k) {
                    subject = entityStarting(k, kNamedTypes | typeBit(EntityType::ThreatActor));
                }
                const int next = hit.last + 1;
                const bool byActor = (subject >= 0 && m_entities[subject].type == EntityType::ThreatActor)
                    || (next <= last && (starts(next, Role::Attacker) || covers(next + 1, Role::Attacker)));
                bool counts = false;
                switch (lexicon.entry(hit.entry).role) {
                case Role::Attempted:
                    attempt = attempt || nearSeed;
                    counts = nearSeed;
                    break;
                case Role::Confirmed:
                    if (byActor) {
                        claimed = true; // an attacker that "announces" claims
                    } else if (next <= last && covers(next, Role::Media)) {
                        media = true;
                    } else if (subject >= 0 && isVictim(subject)) {
                        byVictim = counts = true;
                    } else if (subject >= 0 && isAuthorityOrMedia(m_entFirst[subject], m_entLast[subject])) {
                        byAuthority = counts = true;
                    } else if (next <= last && starts(next, Role::Head) && word(next).startsWith(u"ال")) {
                        byVictim = counts = true; // "وأكدت الشركة": the victim named before
                    }
                    break;
                case Role::Claimed:
                    claimed = counts = true;
                    break;
                case Role::Denied:
                    counts = nearSeed || t < m->seeds.first().first;
                    denied = denied || counts;
                    break;
                case Role::Suspected:
                    suspected = suspected || nearSeed;
                    counts = nearSeed;
                    break;
                case Role::Media:
                    media = true;
                    break;
                default:
                    break;
                }
                if (counts) {
                    evidence += spanOf(hit.first, hit.last);
                }
            }
        }
        attempts += attempt ? 1 : 0;
    }
    QString disclosure = u"confirmed"_s;
    if (attempts * 2 > f.mentions.size() || (attempts > 0 && f.mentions.size() == 1)) {
        disclosure = u"attempted"_s;
    } else if (denied) {
        disclosure = u"denied"_s;
    } else if (byVictim) {
        disclosure = u"confirmed"_s;
    } else if (suspected) {
        disclosure = u"suspected"_s;
    } else if (claimed) {
        disclosure = u"claimed"_s;
    } else if (byAuthority) {
        disclosure = u"confirmed"_s;
    } else if (media) {
        disclosure = u"claimed"_s;
    }
    f.incident.set(u"disclosure"_s, disclosure, evidence.isEmpty() ? 0.3 : 0.6, evidence);
}

// What it did and why, from the cues of the mentions; else what the attack type and
// the attacker imply. The attacker's fields are written here, once the motive may
// have told its type.
void Builder::fillImpactAndMotive(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    QHash<QString, QVector<EvidenceSpan>> impacts;
    QHash<QString, QVector<EvidenceSpan>> motives;
    for (const Mention *m : f.mentions) {
        for (int t = sentenceFirstToken(m->sentence); t <= sentenceLastToken(m->sentence); ++t) {
            for (int h : m_hitsAt[t]) {
                const CueEntry &cue = lexicon.entry(m_hits[h].entry);
                if (cue.role == Role::Impact && inMentions(f, t) && !negatedClause(t)) {
                    impacts[cue.type] += spanOf(m_hits[h].first, m_hits[h].last);
                } else if (cue.role == Role::Motive && !negatedClause(t)) {
                    motives[cue.type] += spanOf(m_hits[h].first, m_hits[h].last);
                }
            }
        }
    }
    QString impact;
    static const QStringList impactOrder = {u"service_outage"_s, u"data_exposure"_s, u"data_manipulation"_s,
                                            u"financial_loss"_s};
    for (const QString &candidate : impactOrder) {
        if (impact.isEmpty() && impacts.contains(candidate)) {
            impact = candidate;
        }
    }
    if (impact.isEmpty()) {
        const QString &type = f.attackType;
        if (type == u"ddos"_s || type == u"ransomware"_s || type == u"sabotage"_s) {
            impact = u"service_outage"_s;
        } else if (type == u"data_breach"_s || type == u"hack_and_leak"_s || !f.data.isEmpty() || f.records > 0) {
            impact = u"data_exposure"_s;
        } else if (type == u"defacement"_s) {
            impact = u"data_manipulation"_s;
        } else {
            impact = u"none_stated"_s;
        }
    }
    f.incident.set(u"impact"_s, impact, impacts.contains(impact) ? 0.6 : 0.35, impacts.value(impact));

    static const QStringList motiveOrder = {u"financial"_s, u"espionage"_s, u"ideology"_s,
                                            u"grudge"_s,    u"sabotage"_s,  u"fun"_s};
    for (const QString &candidate : motiveOrder) {
        const bool more = f.motive.isEmpty() || motives[candidate].size() > motives[f.motive].size();
        if (motives.contains(candidate) && more) {
            f.motive = candidate;
        }
    }
    double motiveConfidence = 0.5;
    if (f.motive.isEmpty()) {
        motiveConfidence = 0.3;
        if (f.attackType == u"ransomware"_s || f.actorType == u"criminal"_s) {
            f.motive = u"financial"_s;
        } else if (f.actorType == u"hacktivist"_s) {
            f.motive = u"ideology"_s;
        } else if (f.attackType == u"espionage"_s) {
            f.motive = u"espionage"_s;
        } else if (f.attackType == u"sabotage"_s) {
            f.motive = u"sabotage"_s;
        } else {
            f.motive = u"unknown"_s;
            motiveConfidence = 0.2;
        }
    }
    if (f.actorType.isEmpty()) {
        if (f.motive == u"ideology"_s && !f.actor.isEmpty()) {
            f.actorType = u"hacktivist"_s;
        } else if (f.attackType == u"ransomware"_s || f.motive == u"financial"_s) {
            f.actorType = u"criminal"_s;
        }
    }
    if (!f.actor.isEmpty()) {
        f.incident.set(u"actor"_s, f.actor, f.actorConfidence, f.actorEvidence);
    }
    f.incident.set(u"actor_type"_s, f.actorType.isEmpty() ? u"unknown"_s : f.actorType,
                   f.actorType.isEmpty() ? 0.2 : 0.5, f.actorEvidence);
    if (!f.actorCountry.isEmpty()) {
        f.incident.set(u"actor_country"_s, f.actorCountry, 0.6, f.actorEvidence);
    }
    f.incident.set(u"motive"_s, f.motive, motiveConfidence, motives.value(f.motive));
}

// The evidence (the mention that says most), the confidence of the proposal and how
// much the title speaks of it.
void Builder::fillEvidenceAndConfidence(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    const auto isEvent = [&](const Seed &seed) {
        return seed.hit >= 0 && lexicon.entry(m_hits[seed.hit].entry).role == Role::Event;
    };
    int bestSentence = -1;
    double bestScore = -1.0;
    bool event = false;
    bool allHedged = true;
    for (const Mention *m : f.mentions) {
        double score = m->victim.valid() ? (m->victim.named ? 3.0 : 2.0) : 0.0;
        score += std::any_of(m->seeds.cbegin(), m->seeds.cend(), [](const Seed &s) { return !s.generic; }) ? 2.0 : 0.0;
        score += isEvent(m->seeds.first()) ? 1.0 : 0.0;
        if (score > bestScore) {
            bestScore = score;
            bestSentence = m->sentence;
        }
        event = event || std::any_of(m->seeds.cbegin(), m->seeds.cend(), isEvent);
        allHedged = allHedged && m->hedged;
    }
    if (bestSentence >= 0) {
        const EvidenceSpan span = sentenceSpan(bestSentence);
        f.incident.set(u"evidence"_s, m_text.mid(span.start, span.end - span.start).toString(), 0.6, {span});
    }

    double confidence = 0.25 + (f.attackType != u"unknown"_s ? 0.2 : 0.1);
    if (f.victim.valid()) {
        confidence += f.victim.named ? 0.25 : 0.15;
    }
    confidence += event ? 0.1 : 0.0;
    confidence += 0.05 * std::min<qsizetype>(3, f.mentions.size() - 1);
    confidence += f.records > 0 ? 0.05 : 0.0;
    confidence += f.actor.isEmpty() ? 0.0 : 0.05;
    if (allHedged) {
        confidence *= 0.6;
    }
    if (m_advert) {
        confidence *= 0.3; // a job advert lists attacks it does not report
    }
    f.incident.confidence = std::clamp(confidence, 0.05, 0.97);

    // The title names the victim or the count of the incident it is about.
    if (!m_title.isEmpty()) {
        const QString &title = m_foldedTitle;
        for (const Victim &v : f.draft->victims) {
            QString key = victimKey(v);
            if (key.startsWith(u"ال"_s)) {
                key = key.mid(2);
            }
            if (key.size() >= 3 && title.contains(key)) {
                f.lead += 3.0;
                break;
            }
        }
        if (f.records > 0 && m_titleAmounts.contains(f.records)) {
            f.lead += 2.0;
        }
    }
}

ProposedIncident Builder::fill(int index, double *leadScore) const
{
    const Draft &draft = m_drafts[index];
    Filling f;
    f.draft = &draft;
    QSet<int> sentences;
    for (int i : draft.mentions) {
        f.mentions.append(&m_mentions[i]);
        sentences.insert(m_mentions[i].sentence);
    }
    f.sentences = sentences.values();
    std::sort(f.sentences.begin(), f.sentences.end());
    // Who did it is often told in the next sentence, which names no attack
    // ("كما أفادت وسائل إعلام بتوقيف شاب ...").
    for (int s : f.sentences) {
        f.actorSentences.append(s);
        if (s + 1 < m_sentences.size() && !m_mentionSentences.contains(s + 1)) {
            f.actorSentences.append(s + 1);
        }
    }
    std::sort(f.actorSentences.begin(), f.actorSentences.end());
    f.actorSentences.erase(std::unique(f.actorSentences.begin(), f.actorSentences.end()), f.actorSentences.end());

    // The order matters: the attacker's country is never the victim's, the data
    // decide an unknown attack type, the motive may tell the attacker's type.
    fillVictim(f);
    fillActor(f);
    inheritActor(f, index);
    fillVictimCountry(f);
    fillAttackType(f);
    fillRecords(f);
    fillDataTypes(f);
    fillDate(f);
    fillDisclosure(f);
    fillImpactAndMotive(f);
    fillEvidenceAndConfidence(f);
    *leadScore = f.lead;
    return f.incident;
}

QVector<ProposedIncident> Builder::run()
{
    tokenize();
    mapEntities();
    findCues();

    // The article's country: the one its countries, places and demonyms name most,
    // the lead counting double.
    QHash<QString, double> countryVotes;
    for (int e = 0; e < m_entities.size(); ++e) {
        const Entity &entity = m_entities[e];
        if (!(typeBit(entity.type) & kCountryTypes) || entity.value.isEmpty() || m_entFirst[e] < 0) {
            continue;
        }
        const int s = m_tokens[m_entFirst[e]].sentence;
        const bool actor = m_entFirst[e] > 0 && covers(m_entFirst[e] - 1, Role::ActorHint);
        bool insideActor = false;
        for (int a : m_entitiesAt[m_entFirst[e]]) {
            insideActor = insideActor || m_entities[a].type == EntityType::ThreatActor;
        }
        if (actor || insideActor) {
            continue;
        }
        countryVotes[entity.value] += (s >= 0 && m_sentences[s].paragraph <= 1) ? 2.0 : 1.0;
    }
    double best = 0.0;
    for (auto it = countryVotes.cbegin(); it != countryVotes.cend(); ++it) {
        if (it.value() > best || (it.value() == best && it.key() < m_dominantCountry)) {
            best = it.value();
            m_dominantCountry = it.key();
        }
    }

    findMentions();
    group();

    if (!m_title.isEmpty()) {
        const FoldedText title = foldWithMap(m_title);
        m_foldedTitle = title.text;
        for (const Entity &q : findQuantities(title, m_title)) {
            m_titleAmounts.append(q.value.toLongLong());
        }
    }

    struct Proposal
    {
        ProposedIncident incident;
        double lead = 0.0;
        int order = 0;
    };
    QVector<Proposal> proposals;
    for (int d = 0; d < m_drafts.size(); ++d) {
        Proposal p;
        p.incident = fill(d, &p.lead);
        p.order = d;
        if (p.incident.confidence < 0.3) {
            continue;
        }
        proposals.append(p);
    }
    if (proposals.isEmpty()) {
        return {};
    }
    // The primary incident: the one the title names, else the first confident one
    // (the lead), else the first.
    int primary = -1;
    double primaryScore = -1.0;
    for (int i = 0; i < proposals.size(); ++i) {
        double score = proposals[i].lead;
        if (proposals[i].incident.confidence >= kIncidentConfidenceThreshold) {
            score += 1.0;
        }
        score -= i * 0.01;
        if (score > primaryScore) {
            primaryScore = score;
            primary = i;
        }
    }
    QVector<ProposedIncident> result;
    proposals[primary].incident.primary = true;
    result.append(proposals[primary].incident);
    for (int i = 0; i < proposals.size(); ++i) {
        if (i != primary) {
            result.append(proposals[i].incident);
        }
    }
    return result;
}

} // namespace

QVector<ProposedIncident> buildIncidents(QStringView text, const EntityList &entities, const QString &title,
                                         const QString &published)
{
    Builder builder(text, nullptr, entities, title, published);
    return builder.run();
}

QVector<ProposedIncident> buildIncidents(QStringView text, const FoldedText &folded, const EntityList &entities,
                                         const QString &title, const QString &published)
{
    Builder builder(text, &folded, entities, title, published);
    return builder.run();
}

} // namespace Extract
} // namespace Rasid
