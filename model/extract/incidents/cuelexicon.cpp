#include "extract/incidents/cuelexicon.h"

#include "extract/lexicon.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

namespace {

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

// Letters that inflect a verb or attach a pronoun (استهدفت، استهدفوا، استهدفها).
inline bool isInflection(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'ت' || u == u'ا' || u == u'و' || u == u'ن' || u == u'ه' || u == u'ي' || u == u'م';
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

} // namespace

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

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
