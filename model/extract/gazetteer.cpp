#include "extract/gazetteer.h"

#include "text/textfold.h"

#include <algorithm>
#include <functional>
#include <queue>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

constexpr char16_t kAlef = 0x0627;
constexpr char16_t kLam = 0x0644;
constexpr char16_t kWaw = 0x0648;
constexpr char16_t kFeh = 0x0641;
constexpr char16_t kBeh = 0x0628;
constexpr char16_t kKaf = 0x0643;
constexpr int kRootIndexSize = 0x0700;
constexpr int kMaxGlueDepth = 3;
constexpr char16_t kDenseFirst = 0x0621; // ء
constexpr char16_t kDenseLast = 0x064A;  // ي

// 0: not part of a word; 1: Arabic letter; 2: Latin letter, digit or other script.
// Folded text has no harakat, tatweel or Arabic-Indic digits left.
inline int charClass(char16_t c)
{
    if (c >= 0x0621 && c <= 0x064A) {
        return 1;
    }
    if (c < 0x80) {
        return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ? 2 : 0;
    }
    if ((c >= 0x066E && c <= 0x06D3) || c == 0x06D5 || (c >= 0x06FA && c <= 0x06FF)
        || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF)) {
        return 1;
    }
    if (QChar::isSurrogate(c)) {
        return 0; // emoji and other astral symbols separate words
    }
    const QChar q(c);
    return (q.isLetterOrNumber() || q.isMark()) ? 2 : 0;
}

inline bool isArabicLetter(char16_t c)
{
    return charClass(c) == 1;
}

inline bool isBlank(char16_t c)
{
    return c == u' ' || c == u'\t';
}

inline bool wordStartAt(const char16_t *t, int n, int pos)
{
    if (pos < 0 || pos >= n) {
        return false;
    }
    const int cls = charClass(t[pos]);
    return cls != 0 && (pos == 0 || charClass(t[pos - 1]) != cls);
}

inline bool wordEndAt(const char16_t *t, int n, int pos)
{
    if (pos <= 0 || pos > n) {
        return false;
    }
    const int cls = charClass(t[pos - 1]);
    return cls != 0 && (pos == n || charClass(t[pos]) != cls);
}

quint16 parseFlags(QStringView attributes)
{
    quint16 flags = 0;
    for (QStringView pair : attributes.split(u';', Qt::SkipEmptyParts)) {
        pair = pair.trimmed();
        if (pair.endsWith(u"=0")) {
            continue;
        }
        if (pair.startsWith(u"block=")) {
            flags |= GazetteerEntry::Block;
        } else if (pair.startsWith(u"ambiguous=")) {
            flags |= GazetteerEntry::Ambiguous;
        } else if (pair.startsWith(u"metonym=")) {
            flags |= GazetteerEntry::Metonym;
        } else if (pair.startsWith(u"demonym=")) {
            flags |= GazetteerEntry::Demonym;
        } else if (pair.startsWith(u"plural=")) {
            flags |= GazetteerEntry::Plural;
        } else if (pair.startsWith(u"weak=")) {
            flags |= GazetteerEntry::Weak;
        } else if (pair.startsWith(u"generic=")) {
            flags |= GazetteerEntry::Generic;
        } else if (pair.startsWith(u"fixed=")) {
            flags |= GazetteerEntry::Fixed;
        } else if (pair.startsWith(u"glue=")) {
            flags |= GazetteerEntry::GluePrefix;
        }
    }
    return flags;
}

// Entries that may end inside a glued token: names, long enough not to be a prefix
// of an ordinary word by chance.
bool isGlueable(const GazetteerEntry &entry)
{
    switch (entry.kind) {
    case LexiconKind::Country:
    case LexiconKind::Demonym:
    case LexiconKind::Place:
    case LexiconKind::Organization:
    case LexiconKind::Person:
    case LexiconKind::ThreatActor:
        return entry.key.size() >= 4 && !entry.has(GazetteerEntry::Ambiguous)
            && !entry.has(GazetteerEntry::Block);
    default:
        return false;
    }
}

} // namespace

// The longest match of each kind found from one word start.
struct Gazetteer::Best
{
    struct Slot
    {
        int kind;
        int node;
        int start;
        int end;
        quint8 flags;
        bool endsGlued;
    };
    // A word start rarely matches more than a few kinds: a short list beats a
    // table of every kind cleared at each word.
    static constexpr int kCapacity = 12;
    Slot found[kCapacity];
    int count = 0;

    void offer(int kind, int node, int start, int end, quint8 flags, bool endsGlued)
    {
        for (int i = 0; i < count; ++i) {
            if (found[i].kind == kind) {
                if (end > found[i].end) {
                    found[i] = {kind, node, start, end, flags, endsGlued};
                }
                return;
            }
        }
        if (count < kCapacity) {
            found[count++] = {kind, node, start, end, flags, endsGlued};
        }
    }
};

// The state of one trie walk: where the word and the entry begin, and how deep
// the glued-token look-ahead already is.
struct Gazetteer::Walk
{
    const char16_t *text;
    int length;
    int start;
    int depth;
    bool glued;
    Best *best;
};

Gazetteer::Gazetteer()
    : m_nodes(1)
    , m_rootIndex(kRootIndexSize, -1)
{
}

int Gazetteer::child(int node, char16_t c) const
{
    if (node == 0 && c < kRootIndexSize) {
        return m_rootIndex[c];
    }
    const Node &nd = m_nodes[node];
    if (nd.dense >= 0 && c >= kDenseFirst && c <= kDenseLast) {
        return m_dense[size_t(nd.dense + (c - kDenseFirst))];
    }
    const auto &children = nd.children;
    if (children.size() <= 8) {
        for (const auto &edge : children) {
            if (edge.first == c) {
                return edge.second;
            }
        }
        return -1;
    }
    const auto it = std::lower_bound(children.begin(), children.end(), c,
                                     [](const std::pair<char16_t, int> &edge, char16_t value) {
                                         return edge.first < value;
                                     });
    return (it != children.end() && it->first == c) ? it->second : -1;
}

int Gazetteer::addChild(int node, char16_t c)
{
    const int existing = child(node, c);
    if (existing >= 0) {
        return existing;
    }
    const int created = int(m_nodes.size());
    m_nodes.emplace_back();
    Node &nd = m_nodes[node];
    auto &children = nd.children;
    const auto it = std::lower_bound(children.begin(), children.end(), c,
                                     [](const std::pair<char16_t, int> &edge, char16_t value) {
                                         return edge.first < value;
                                     });
    children.insert(it, {c, created});
    if (c == u' ') {
        nd.space = created;
    }
    if (node == 0 && c < kRootIndexSize) {
        m_rootIndex[c] = created;
    }
    // Busy nodes (after ال, after common first letters) get a direct table over the
    // Arabic letters: most of the walking happens there.
    if (nd.dense < 0 && children.size() >= 6) {
        nd.dense = int(m_dense.size());
        m_dense.resize(m_dense.size() + (kDenseLast - kDenseFirst + 1), -1);
        for (const auto &edge : children) {
            if (edge.first >= kDenseFirst && edge.first <= kDenseLast) {
                m_dense[size_t(nd.dense + (edge.first - kDenseFirst))] = edge.second;
            }
        }
    } else if (nd.dense >= 0 && c >= kDenseFirst && c <= kDenseLast) {
        m_dense[size_t(nd.dense + (c - kDenseFirst))] = created;
    }
    return created;
}

int Gazetteer::addEntry(const LexiconEntry &source, LexiconKind kind)
{
    GazetteerEntry entry;
    entry.surface = source.surface;
    entry.key = (source.folded.isEmpty() ? fold(source.surface) : source.folded).simplified();
    entry.value = source.value;
    entry.attributes = source.attributes;
    entry.kind = kind;
    entry.flags = parseFlags(source.attributes);
    if (kind == LexiconKind::Demonym) {
        entry.flags |= GazetteerEntry::Demonym;
    }
    if (entry.key.isEmpty()) {
        return -1;
    }
    int node = 0;
    for (const QChar c : std::as_const(entry.key)) {
        node = addChild(node, c.unicode());
    }
    for (int existing : m_nodes[node].entries) {
        const GazetteerEntry &other = m_entries[existing];
        if (other.kind == kind && other.value == entry.value && other.attributes == entry.attributes) {
            return existing; // أن and إن fold alike: one entry is enough
        }
    }
    const int id = int(m_entries.size());
    m_nodes[node].entries.push_back(id);
    m_nodes[node].glueable = m_nodes[node].glueable || isGlueable(entry);
    m_nodes[node].gluePrefix = m_nodes[node].gluePrefix || entry.has(GazetteerEntry::GluePrefix);
    m_entries.push_back(std::move(entry));
    if (m_articleNode < 0) {
        const int alef = child(0, kAlef);
        m_articleNode = alef >= 0 ? child(alef, kLam) : -1;
    }
    return id;
}

void Gazetteer::addEntries(const QVector<LexiconEntry> &entries, LexiconKind kind)
{
    m_entries.reserve(m_entries.size() + entries.size());
    for (const LexiconEntry &entry : entries) {
        addEntry(entry, kind);
    }
}

bool Gazetteer::isWordStart(QStringView folded, int pos)
{
    return wordStartAt(folded.utf16(), int(folded.size()), pos);
}

bool Gazetteer::isWordEnd(QStringView folded, int pos)
{
    return wordEndAt(folded.utf16(), int(folded.size()), pos);
}

int Gazetteer::wordClass(char16_t c)
{
    return charClass(c);
}

bool Gazetteer::continuesGlued(const char16_t *text, int length, int pos, int depth) const
{
    if (depth > kMaxGlueDepth) {
        return false;
    }
    Best best;
    matchWord(text, length, pos, true, depth, &best);
    return best.count > 0;
}

void Gazetteer::walk(Walk &w, int node, int pos, quint8 flags) const
{
    const char16_t *t = w.text;
    const int n = w.length;
    for (;;) {
        const Node &nd = m_nodes[node];
        // The entries ending here: on a word edge, or inside a glued token when the
        // rest of the token reads as another entry.
        if (!nd.entries.empty() && (!w.glued || nd.glueable)) {
            bool endsGlued = false;
            // An entry that ends in punctuation (NoName057(16), Lapsus$) ends its own word.
            bool accepted = wordEndAt(t, n, pos) || (pos > 0 && charClass(t[pos - 1]) == 0);
            if (!accepted && ((nd.glueable && pos - w.start >= 4) || (nd.gluePrefix && !w.glued)) && pos < n
                && isArabicLetter(t[pos]) && isArabicLetter(t[pos - 1])) {
                accepted = endsGlued = continuesGlued(t, n, pos, w.depth + 1);
            }
            int end = pos;
            quint8 endFlags = flags;
            if (!accepted && pos < n && t[pos] == kAlef && wordEndAt(t, n, pos + 1)) {
                accepted = true; // indefinite accusative: هجوما for هجوم
                end = pos + 1;
                endFlags |= GazetteerMatch::AccusativeAlef;
            }
            if (accepted) {
                for (int id : nd.entries) {
                    const GazetteerEntry &e = m_entries[id];
                    if ((w.glued && !isGlueable(e))
                        || (endsGlued && !isGlueable(e) && !e.has(GazetteerEntry::GluePrefix))) {
                        continue;
                    }
                    w.best->offer(int(e.kind), node, w.start, end, endFlags, endsGlued);
                }
            }
        }
        if (pos >= n) {
            return;
        }
        // A space of the entry: a run of blanks, possibly then ال, or nothing at all
        // between two Arabic letters of glued words.
        if (nd.space >= 0) {
            const int next = nd.space;
            int p = pos;
            quint8 f = flags;
            if (t[p] == kAlef && p + 1 < n && isBlank(t[p + 1]) && p > 0 && isArabicLetter(t[p - 1])) {
                ++p; // accusative alef at the end of an inner word
                f |= GazetteerMatch::AccusativeAlef;
            }
            if (isBlank(t[p])) {
                while (p < n && isBlank(t[p])) {
                    ++p;
                }
                if (p < n) {
                    walk(w, next, p, f);
                    if (t[p] == kAlef && p + 2 < n && t[p + 1] == kLam) {
                        walk(w, next, p + 2, f);
                    }
                }
            } else if (p == pos && pos > 0 && isArabicLetter(t[pos - 1]) && isArabicLetter(t[pos])) {
                walk(w, next, pos, flags);
            }
        }
        const int next = child(node, t[pos]);
        if (next < 0) {
            return;
        }
        node = next;
        ++pos;
    }
}

void Gazetteer::matchWord(const char16_t *t, int n, int wordStart, bool glued, int depth, Best *best) const
{
    Walk w{t, n, wordStart, depth, glued, best};
    const quint8 base = glued ? quint8(GazetteerMatch::Glued) : quint8(0);
    const auto tryFrom = [&](int node, int pos, int start, quint8 flags) {
        if (node >= 0 && pos < n && isArabicLetter(t[pos])) {
            w.start = start;
            walk(w, node, pos, flags);
        }
    };
    w.start = wordStart;
    walk(w, 0, wordStart, base);
    if (!isArabicLetter(t[wordStart])) {
        return; // clitics are Arabic letters only
    }
    for (int conj = 0; conj <= 1; ++conj) {
        if (conj && t[wordStart] != kWaw && t[wordStart] != kFeh) {
            continue;
        }
        const int p1 = wordStart + conj;
        for (const char16_t prep : {char16_t(0), kBeh, kKaf, kLam}) {
            if (prep && (p1 >= n || t[p1] != prep)) {
                continue;
            }
            const int p2 = p1 + (prep ? 1 : 0);
            if (p2 >= n) {
                continue;
            }
            const quint8 flags = base | (conj ? quint8(GazetteerMatch::Conjunction) : quint8(0))
                | (prep ? quint8(GazetteerMatch::Preposition) : quint8(0));
            if (conj || prep) {
                tryFrom(0, p2, p2, flags);
            }
            if (t[p2] == kAlef && p2 + 1 < n && t[p2 + 1] == kLam) {
                tryFrom(0, p2 + 2, p2, flags | GazetteerMatch::Article);
            }
            if (prep == kLam && t[p2] == kLam) {
                // لل: the preposition ل before ال, whose alef is elided.
                tryFrom(0, p2 + 1, p2 + 1, flags | GazetteerMatch::Article);
                tryFrom(m_articleNode, p2 + 1, p2 + 1, flags | GazetteerMatch::Article);
            }
        }
    }
}

QVector<GazetteerMatch> Gazetteer::findAll(QStringView folded) const
{
    QVector<GazetteerMatch> matches;
    const char16_t *t = folded.utf16();
    const int n = int(folded.size());
    // Positions inside tokens where a glued entry begins, found while matching the
    // entry before it.
    std::priority_queue<int, std::vector<int>, std::greater<int>> gluedStarts;
    int previousClass = 0;
    for (int i = 0; i < n; ++i) {
        const int cls = charClass(t[i]);
        const bool start = cls != 0 && cls != previousClass;
        previousClass = cls;
        bool glued = false;
        while (!gluedStarts.empty() && gluedStarts.top() <= i) {
            glued = glued || gluedStarts.top() == i;
            gluedStarts.pop();
        }
        if ((!start && !glued) || (start && child(0, t[i]) < 0 && cls != 1)) {
            continue; // nothing in the lexicons starts with this character
        }
        Best best;
        matchWord(t, n, i, !start, 0, &best);
        for (int s = 0; s < best.count; ++s) {
            const Best::Slot &slot = best.found[s];
            for (int id : m_nodes[slot.node].entries) {
                if (int(m_entries[id].kind) == slot.kind) {
                    matches.append({i, slot.start, slot.end, id, slot.flags});
                }
            }
            if (slot.endsGlued) {
                gluedStarts.push(slot.end);
            }
        }
    }
    std::stable_sort(matches.begin(), matches.end(), [this](const GazetteerMatch &a, const GazetteerMatch &b) {
        return a.start != b.start ? a.start < b.start : m_entries[a.entry].kind < m_entries[b.entry].kind;
    });
    return matches;
}

} // namespace Extract
} // namespace Rasid
