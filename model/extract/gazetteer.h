#pragma once

#include "extract/lexicon.h"

#include <QStringView>
#include <QVector>

#include <vector>

namespace Rasid {
inline namespace Extract {

// What a lexicon entry means to the recognizer: an entity by itself (the first
// group) or a cue that the recognizer's grammars read (the second group).
enum class LexiconKind : quint8 {
    Country,
    Demonym,
    Place,
    Attack,
    Data,
    Organization,
    Person,
    ThreatActor,
    OrgHead,
    OrgKeyword,
    ProductNoun,
    PersonTitle,
    PersonNoun,
    GivenName,
    FloodVerb,
    FloodObject,
    ActorNoun,
    ActorLink,
    NameCue,
    SeaCue,
    CyberCue,
    Disclosure,
    Stopword,
};
constexpr int kLexiconKindCount = int(LexiconKind::Stopword) + 1;

// One lexicon entry as the gazetteer keeps it. The attributes the matcher and the
// recognizer test often are parsed once into flags.
struct GazetteerEntry
{
    enum Flag : quint16 {
        Block = 0x01,     // a longer phrase that silences shorter entries of its kind
        Ambiguous = 0x02, // also an everyday word: needs a cue in context
        Metonym = 0x04,   // a capital standing for its state
        Demonym = 0x08,
        Plural = 0x10,
        Weak = 0x20,      // counts only in the context its lexicon describes
        Generic = 0x40,   // an attack phrase that does not say which kind
        Fixed = 0x80,     // an organization head whose sector no keyword changes
        GluePrefix = 0x100, // a preposition scrapers glue to the next name (فيفرنسا)
    };
    QString surface;
    QString key; // folded, single spaces
    QString value;
    QString attributes;
    LexiconKind kind = LexiconKind::Stopword;
    quint16 flags = 0;

    bool has(Flag flag) const { return flags & flag; }
};

// One occurrence of a lexicon entry in a folded text.
struct GazetteerMatch
{
    enum Flag : quint8 {
        Conjunction = 0x01,    // و or ف before the entry
        Preposition = 0x02,    // ب ك ل before the entry
        Article = 0x04,        // the entry was found after stripping ال (or the ال of لل)
        AccusativeAlef = 0x08, // an accusative alef was skipped after a word of the entry
        Glued = 0x10,          // begins inside a token, right after another match
    };
    int wordStart = 0; // folded offset of the word with its clitics
    int start = 0;     // folded offset of the entry; a stripped ال stays inside the span
    int end = 0;
    int entry = -1;
    quint8 flags = 0;

    bool has(Flag flag) const { return flags & flag; }
};

/*
 * The lexicon matcher. Every entry of every lexicon goes into one trie over folded
 * text, tagged with its kind; matching walks the folded character stream rather
 * than word tokens, because Arabic glues clitics and scrapers glue whole words
 * (ICU's word breaker keeps والولايات and الولاياتالمتحدةوفرنسا as one token).
 *
 * A match starts on a word edge, possibly after the clitics و ف, ب ك ل and ال
 * (and لل, whose alef is elided), stripped only when what remains is an entry,
 * and ends on a word edge, so روس never matches inside دروس. A space inside an
 * entry matches any run of spaces, or none between two Arabic letters (glued
 * words), and may be followed by ال (الهجوم الإلكتروني for هجوم إلكتروني). A match
 * that ends inside a token is kept only when the rest of the token reads as
 * clitics plus another entry (الولاياتالمتحدةوفرنسا -> US, FR).
 *
 * For each word start the matcher reports, per kind, the longest match. Copies are
 * cheap enough to build a workspace-specific gazetteer from the shared one.
 */
class Gazetteer
{
public:
    Gazetteer();

    int addEntry(const LexiconEntry &entry, LexiconKind kind);
    void addEntries(const QVector<LexiconEntry> &entries, LexiconKind kind);

    int size() const { return int(m_entries.size()); }
    const GazetteerEntry &entry(int id) const { return m_entries.at(id); }

    // All matches in a folded text, sorted by start then by kind.
    QVector<GazetteerMatch> findAll(QStringView folded) const;

    // Word edges as the matcher sees them: a letter or digit next to a character of
    // another class (space, punctuation, Arabic next to Latin or digits).
    static bool isWordStart(QStringView folded, int pos);
    static bool isWordEnd(QStringView folded, int pos);
    // 0: no word character; 1: Arabic letter; 2: Latin letter, digit or other script.
    static int wordClass(char16_t c);

private:
    struct Node
    {
        std::vector<std::pair<char16_t, int>> children; // sorted by character
        std::vector<int> entries;
        int dense = -1;        // offset of its Arabic-letter table in m_dense, if any
        int space = -1;        // the child for a blank between words, if any: every step of
                               // a walk asks, and the answer here spares a read of children
        bool glueable = false;   // holds a name that may end inside a glued token
        bool gluePrefix = false; // holds a preposition that may be glued to a name
    };
    struct Best;
    struct Walk;

    int child(int node, char16_t c) const;
    int addChild(int node, char16_t c);
    void matchWord(const char16_t *text, int length, int wordStart, bool glued, int depth,
                   Best *best) const;
    void walk(Walk &walk, int node, int pos, quint8 flags) const;
    bool continuesGlued(const char16_t *text, int length, int pos, int depth) const;

    std::vector<Node> m_nodes;
    std::vector<GazetteerEntry> m_entries;
    std::vector<int> m_rootIndex; // first-level children indexed by character, for speed
    std::vector<int> m_dense;     // direct child tables of busy nodes
    int m_articleNode = -1;       // the node reached by "ال"
};

} // namespace Extract
} // namespace Rasid
