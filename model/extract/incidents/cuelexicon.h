#pragma once

/*
 * The cue lexicon of the incident builder: resources/lexicons/incidentcues.tsv plus
 * the disclosure cues, the function words and the organization heads the recognizer
 * also reads, each word tagged with a Role. This unit owns the roles, the tokens of
 * the folded text the builder reads, the hits of cues on those tokens, and the
 * small word helpers (proclitics, word keys) the builder shares with the lexicon.
 * Internal to the incident builder (namespace Incidents).
 */

#include <QLoggingCategory>
#include <QString>
#include <QStringView>
#include <QVector>

#include <array>
#include <utility>
#include <vector>

namespace Rasid {
inline namespace Extract {

Q_DECLARE_LOGGING_CATEGORY(lcIncidents)

namespace Incidents {

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

// Where a folded word may start once its proclitics are stripped (و ف, ب ل ك, ال, لل),
// and whether a ل was among them. Offset 0 (the whole word) comes first.
inline int cliticOffsets(QStringView w, std::array<std::pair<int, bool>, 8> &out)
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

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
