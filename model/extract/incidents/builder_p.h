#pragma once

/*
 * The state of one run of buildIncidents() over one article: the Builder class and
 * what it works with, in token indices (Victim, Seed, Mention, Draft, the Filling of
 * one incident, the per-token Buckets). Its members are defined by reading step in
 * tokens.cpp, mentions.cpp, victims.cpp, grouping.cpp, parties.cpp, fields.cpp and
 * assessment.cpp of this folder; run() is in extract/incidentbuilder.cpp. The
 * accessors called for every token are inline here.
 */

#include "extract/entity.h"
#include "extract/incident.h"
#include "extract/incidents/cuelexicon.h"
#include "text/sentences.h"
#include "text/textfold.h"

#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVector>

#include <unordered_map>
#include <vector>

namespace Rasid {
inline namespace Extract {
namespace Incidents {

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

/*
 * One run of buildIncidents() over one article: the text is tokenized once over its
 * fold, entities and cues are mapped onto the tokens, every sentence's attack words
 * (seeds) become mentions with a victim each, mentions are grouped into drafts, and
 * each draft is filled field by field. Everything is in token indices until fill()
 * turns spans back into offsets of the text.
 */
class Builder
{
public:
    Builder(QStringView text, const FoldedText *folded, const EntityList &entities, const QString &title,
            const QString &published);
    QVector<ProposedIncident> run();
    // The sentences run() split the text into; the builder is done with them.
    QVector<Sentence> takeSentences() { return std::move(m_sentences); }

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

inline const Hit *Builder::hitAt(int t, Role role) const
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

inline int Builder::entityStarting(int t, quint32 typeMask) const
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

inline bool Builder::isStopWord(int t) const
{
    const Hit *stop = hitAt(t, Role::Stop);
    if (!stop) {
        return false;
    }
    // A word glued to ل is a genitive inside a name (للضمان), not the preposition.
    return !(stop->lamPrefix && stop->first == stop->last && word(t).size() > 4);
}

inline QVector<EvidenceSpan> Builder::spanOf(int first, int last) const
{
    if (first < 0 || last < first) {
        return {};
    }
    return {{m_tokens[first].s, m_tokens[last].e}};
}

// A clause that negates or denies what it says: "بيانات العملاء لم تتعرض للاختراق"،
// "نفى ... أن تكون المعلومات المسربة مرتبطة بقواعد بيانات شخصية".
inline bool Builder::negatedClause(int t) const
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

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
