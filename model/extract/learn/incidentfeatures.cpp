#include "extract/learn/incidentfeatures.h"

#include "text/textfold.h"

#include <QHash>
#include <QStringList>
#include <QStringMatcher>

#include <algorithm>
#include <array>
#include <bitset>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

// A count as one of a few named bins ("0", "1-2", "3-5", "6+" for upper bounds
// 0, 2, 5), so that the weights stay few and readable.
QString bin(int n, std::initializer_list<int> upper)
{
    int lower = 0;
    for (const int u : upper) {
        if (n <= u) {
            return lower == u ? QString::number(u) : u"%1-%2"_s.arg(lower).arg(u);
        }
        lower = u + 1;
    }
    return QString::number(lower) + u'+';
}

struct WordFamily
{
    const char *name;
    QStringList stems; // folded on first use
};

/*
 * Families of words whose presence says what kind of article this is. Stems
 * are matched inside folded words, so that clitics and suffixes do not matter
 * (اختراق also finds والاختراق، باختراقها). These are general words of news,
 * not names of any story; how much each family counts is learned.
 */
const QVector<WordFamily> &families()
{
    static const QVector<WordFamily> list = [] {
        QVector<WordFamily> f = {
            {"breach", {u"اختراق"_s, u"اخترق"_s, u"قرصن"_s, u"تسريب"_s, u"سرب"_s, u"سرقة"_s, u"سرقت"_s,
                        u"تعرض"_s, u"استهدف"_s, u"هجوم"_s, u"هجمات"_s, u"فدية"_s, u"تعطل"_s, u"تهكير"_s}},
            {"actor", {u"قراصنة"_s, u"هاكرز"_s, u"مخترق"_s, u"مجموعة"_s, u"تبنت"_s, u"تبنى"_s}},
            {"advice", {u"نصائح"_s, u"ينصح"_s, u"احرص"_s, u"تجنب"_s, u"كيفية"_s, u"خطوات"_s, u"طرق"_s,
                        u"ننصح"_s, u"احذر"_s, u"يجب على المستخدم"_s}},
            {"flaw", {u"ثغرة"_s, u"ثغرات"_s, u"تحديث"_s, u"اصلاح"_s, u"خلل"_s, u"باحث"_s}},
            {"product", {u"اطلقت"_s, u"تطلق"_s, u"اطلاق"_s, u"ميزة"_s, u"خاصية"_s, u"الاصدار"_s, u"جهاز"_s}},
            {"statistics", {u"تقرير"_s, u"دراسة"_s, u"احصائ"_s, u"بالمئة"_s, u"في المئة"_s, u"%"_s, u"نسبة"_s}},
            {"espionage", {u"تجسس"_s, u"التنصت"_s, u"مراقبة"_s}},
            {"denial", {u"نفت"_s, u"نفى"_s, u"شائعات"_s}},
        };
        for (WordFamily &family : f) {
            for (QString &stem : family.stems) {
                stem = fold(stem);
            }
        }
        return f;
    }();
    return list;
}

// Every stem of every family, indexed by its first unit, so that one pass over
// a text counts all the families (the import runs this on every article).
class StemIndex
{
public:
    StemIndex()
    {
        const QVector<WordFamily> &all = families();
        for (int f = 0; f < all.size(); ++f) {
            for (const QString &stem : all[f].stems) {
                const int first = slot(stem.front().unicode());
                m_byFirst[first].append({stem, f});
                if (stem.size() == 1) {
                    m_anySecond[first] = true;
                } else {
                    m_second[first].set(slot(stem.at(1).unicode()));
                }
            }
        }
    }

    // Occurrences of each family's stems in text, overlapping ones included.
    QVector<int> count(QStringView text) const
    {
        QVector<int> counts(families().size(), 0);
        const char16_t *data = text.utf16();
        const qsizetype n = text.size();
        for (qsizetype i = 0; i < n; ++i) {
            const int k = slot(data[i]);
            if (k == 0 && data[i] != u'%') {
                continue;
            }
            // Most letters start no stem with the letter after them: one bit
            // says so before any stem is compared.
            if (!m_anySecond[k] && (i + 1 >= n || !m_second[k].test(slot(data[i + 1])))) {
                continue;
            }
            for (const auto &[stem, family] : m_byFirst[k]) {
                const qsizetype length = stem.size();
                if (i + length <= n && std::equal(data + i, data + i + length, stem.utf16())) {
                    ++counts[family];
                }
            }
        }
        return counts;
    }

private:
    // Arabic letters have their own slot; anything else shares slot 0.
    static int slot(char16_t c) { return c >= 0x0600 && c <= 0x06FF ? c - 0x0600 + 1 : 0; }

    std::array<QVector<QPair<QString, int>>, 257> m_byFirst;
    std::array<std::bitset<257>, 257> m_second{}; // [first][second]: some stem starts so
    std::array<bool, 257> m_anySecond{};          // a one-letter stem starts with it
};

const StemIndex &stemIndex()
{
    static const StemIndex index;
    return index;
}

// Head nouns of an institution or a named system: a victim that starts with one
// names something specific (شركة ...، وزارة ...، موقع ...).
const QStringList &headNouns()
{
    static const QStringList list = [] {
        QStringList l = {u"شركة"_s, u"شركات"_s, u"موقع"_s, u"مواقع"_s, u"بنك"_s, u"مصرف"_s, u"وزارة"_s,
                         u"جامعة"_s, u"هيئة"_s, u"صحيفة"_s, u"مستشفى"_s, u"حكومة"_s, u"وكالة"_s,
                         u"مؤسسة"_s, u"حساب"_s, u"حسابات"_s, u"بريد"_s, u"شبكة"_s, u"مجلس"_s, u"جهاز"_s,
                         u"إدارة"_s, u"مكتب"_s, u"قناة"_s, u"منصة"_s, u"نظام"_s, u"أنظمة"_s, u"خوادم"_s,
                         u"مطار"_s, u"سفارة"_s, u"البيت"_s};
        for (QString &w : l) {
            w = fold(w);
        }
        return l;
    }();
    return list;
}

// Victims that are people at large rather than one party (المستخدمون، العملاء).
const QStringList &genericVictims()
{
    static const QStringList list = [] {
        QStringList l = {u"مستخدم"_s, u"عملاء"_s, u"مواطن"_s, u"اشخاص"_s, u"الناس"_s, u"الضحايا"_s,
                         u"المشتركين"_s, u"زبائن"_s, u"الافراد"_s};
        for (QString &w : l) {
            w = fold(w);
        }
        return l;
    }();
    return list;
}

// Occurrences of word in text, overlapping ones included, counted up to `enough`.
int occurrences(const QString &text, const QString &word, int enough)
{
    const QStringMatcher matcher(word);
    int n = 0;
    for (qsizetype at = matcher.indexIn(text); at >= 0 && n < enough; at = matcher.indexIn(text, at + 1)) {
        ++n;
    }
    return n;
}

QString withoutArticle(const QString &word)
{
    for (const QString &prefix : {u"وال"_s, u"بال"_s, u"لل"_s, u"ال"_s, u"و"_s}) {
        if (word.startsWith(prefix) && word.size() - prefix.size() >= 3) {
            return word.mid(prefix.size());
        }
    }
    return word;
}

// The entity type of the article that the victim's evidence overlaps most.
QString victimEntityType(const ArticleEvidence &article, const IncidentField *victim)
{
    if (!victim || victim->evidence.isEmpty() || !article.entities) {
        return u"none"_s;
    }
    const EvidenceSpan span = victim->evidence.first();
    int best = 0;
    QString type = u"none"_s;
    for (const Entity &e : *article.entities) {
        const int overlap = std::min(e.end, span.end) - std::max(e.start, span.start);
        if (overlap > best) {
            best = overlap;
            type = entityTypeName(e.type);
        }
    }
    return type;
}

const IncidentField *fieldOf(const ProposedIncident &incident, QStringView name)
{
    for (const IncidentField &f : incident.fields) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

// The word before a span, folded, with what it tells of the span's role:
// "هجوم على X" (the target), "من قبل X" (the agent), "في X" (a place).
QString roleWordBefore(QStringView text, int start)
{
    int end = start;
    while (end > 0 && text[end - 1].isSpace()) {
        --end;
    }
    int begin = end;
    while (begin > 0 && !text[begin - 1].isSpace()) {
        --begin;
    }
    const QString w = fold(text.mid(begin, end - begin));
    static const QStringList roles = {u"علي"_s, u"ضد"_s, u"من"_s, u"قبل"_s, u"في"_s, u"عن"_s, u"الي"_s,
                                      u"استهدف"_s, u"استهدفت"_s, u"اخترق"_s, u"اخترقت"_s, u"اختراق"_s};
    return roles.contains(w) ? w : QString();
}

// Where the victim stands to the attack its sentence names, and to the other
// names and proposals of that sentence.
void addContextFeatures(const ArticleEvidence &article, const ProposedIncident &incident, EvidenceSpan span,
                        FeatureList &f)
{
    const auto add = [&](const QString &name) { f.append({name, 1.0}); };
    const int s = sentenceAt(article.sentences, span.start);
    if (s < 0) {
        return;
    }
    const Sentence &sentence = article.sentences[s];
    add(u"victim.sentence="_s + bin(s, {0, 2, 6}));
    if (incident.source == ProposalSource::Mention && article.ruleSentence.value(s)) {
        add(u"mention.beside_rules"_s);
    }
    int nearest = -1;
    bool after = false;
    int rank = 0;
    for (const Entity &e : *article.entities) {
        if (e.start < sentence.start || e.end > sentence.end) {
            continue;
        }
        if (e.type == EntityType::Attack) {
            const int d = e.end <= span.start ? span.start - e.end : e.start >= span.end ? e.start - span.end : 0;
            if (nearest < 0 || d < nearest) {
                nearest = d;
                after = e.end <= span.start;
            }
        } else if ((e.type == EntityType::Organization || e.type == EntityType::Person
                    || e.type == EntityType::Country)
                   && e.end <= span.start) {
            ++rank;
        } else if (e.type == EntityType::ThreatActor && e.start < span.end + 2 && e.end + 2 > span.start) {
            add(u"victim.beside_actor"_s);
        }
    }
    add(u"victim.attack_distance="_s
        + (nearest < 0 ? u"none"_s : nearest <= 15 ? u"near"_s : nearest <= 40 ? u"mid"_s : u"far"_s));
    if (nearest >= 0 && after) {
        add(u"victim.after_attack"_s);
    }
    add(u"victim.rank_in_sentence="_s + bin(rank, {0, 1}));
    const QString role = roleWordBefore(article.text, span.start);
    if (!role.isEmpty()) {
        add(u"victim.after_word="_s + role);
    }
}

} // namespace

ArticleEvidence articleEvidence(QStringView text, const QString &folded, const QString &title,
                                const EntityList &entities, const QVector<ProposedIncident> &incidents)
{
    return articleEvidence(text, folded, title, entities, incidents, splitSentences(text));
}

ArticleEvidence articleEvidence(QStringView text, const QString &folded, const QString &title,
                                const EntityList &entities, const QVector<ProposedIncident> &incidents,
                                QVector<Sentence> sentences)
{
    ArticleEvidence a;
    a.text = text;
    a.folded = folded;
    a.foldedTitle = fold(title);
    a.entities = &entities;
    a.sentences = std::move(sentences);
    a.ruleSentence.fill(false, a.sentences.size());
    for (const ProposedIncident &p : incidents) {
        const IncidentField *evidence = fieldOf(p, u"evidence");
        if (p.source == ProposalSource::Rules && evidence && !evidence->evidence.isEmpty()) {
            const int s = sentenceAt(a.sentences, evidence->evidence.first().start);
            if (s >= 0) {
                a.ruleSentence[s] = true;
            }
        }
    }
    const int proposals = int(incidents.size());
    int counts[16] = {};
    for (const Entity &e : entities) {
        ++counts[int(e.type)];
    }
    const auto add = [&](const QString &name, double value = 1.0) { a.features.append({name, value}); };
    add(u"article.attacks="_s + bin(counts[int(EntityType::Attack)], {0, 1, 2, 4}));
    add(u"article.threat_actors="_s + bin(counts[int(EntityType::ThreatActor)], {0, 1}));
    add(u"article.organizations="_s + bin(counts[int(EntityType::Organization)], {0, 2, 5}));
    add(u"article.quantities="_s + bin(counts[int(EntityType::Quantity)], {0, 2}));
    add(u"article.proposals="_s + bin(proposals, {0, 1, 2, 4}));
    const int words = int(text.count(u' ')) + 1;
    add(u"article.words="_s + (words < 150 ? u"short"_s : words < 500 ? u"medium"_s : u"long"_s));
    const QVector<int> inText = stemIndex().count(folded);
    const QVector<int> inTitle = stemIndex().count(a.foldedTitle);
    for (int f = 0; f < families().size(); ++f) {
        const QString name = QString::fromLatin1(families()[f].name);
        add(u"article."_s + name + u'=' + bin(inText[f], {0, 1, 3}));
        if (inTitle[f] > 0) {
            add(u"title."_s + name);
        }
    }
    return a;
}

FeatureList incidentFeatures(const ArticleEvidence &article, const ProposedIncident &incident, int index)
{
    return article.features + proposalFeatures(article, incident, index);
}

FeatureList proposalFeatures(const ArticleEvidence &article, const ProposedIncident &incident, int index)
{
    FeatureList f;
    const auto add = [&](const QString &name, double value = 1.0) { f.append({name, value}); };
    add(incident.source == ProposalSource::Mention ? u"source=mention"_s : u"source=rules"_s);
    add(u"rule.confidence"_s, incident.confidence);
    if (incident.confidence >= 0.8) {
        add(u"rule.confident"_s);
    }
    add(u"proposal.index="_s + bin(index, {0, 1}));
    for (const QString &field : {u"actor"_s, u"records_affected"_s, u"victim_country"_s, u"incident_date"_s}) {
        if (!incident.value(field).isEmpty()) {
            add(u"has."_s + field);
        }
    }
    add(u"attack="_s + (incident.value(u"attack_type"_s).isEmpty() ? u"none"_s : incident.value(u"attack_type"_s)));

    const IncidentField *victim = fieldOf(incident, u"victim");
    if (!victim || victim->value.isEmpty()) {
        add(u"victim=none"_s);
        return f;
    }
    add(u"victim.confidence"_s, victim->confidence);
    const QString folded = fold(victim->value).simplified();
    const QStringList words = folded.split(u' ', Qt::SkipEmptyParts);
    add(u"victim.words="_s + bin(int(words.size()), {0, 1, 2, 3}));
    add(u"victim.entity="_s + victimEntityType(article, victim));
    const QString head = words.isEmpty() ? QString() : words.first();
    if (headNouns().contains(head) || headNouns().contains(withoutArticle(head))) {
        add(u"victim.head_noun"_s);
    }
    if (std::any_of(genericVictims().cbegin(), genericVictims().cend(),
                    [&](const QString &g) { return folded.contains(g); })) {
        add(u"victim.generic"_s);
    }
    if (std::any_of(folded.cbegin(), folded.cend(), [](QChar c) { return c.unicode() < 0x80 && c.isLetter(); })) {
        add(u"victim.latin"_s);
    }
    // The victim's most telling word: its last one of at least three letters.
    QString core;
    for (const QString &w : words) {
        if (w.size() >= 3) {
            core = withoutArticle(w);
        }
    }
    if (!core.isEmpty()) {
        if (article.foldedTitle.contains(core)) {
            add(u"victim.in_title"_s);
        }
        auto count = article.wordCounts.constFind(core);
        if (count == article.wordCounts.cend()) {
            count = article.wordCounts.insert(core, occurrences(article.folded, core, 3));
        }
        add(u"victim.mentions="_s + bin(*count, {0, 1, 2}));
    }
    if (!victim->evidence.isEmpty() && !article.text.isEmpty()) {
        const EvidenceSpan span = victim->evidence.first();
        const double at = double(span.start) / article.text.size();
        add(u"victim.position="_s + (at < 0.2 ? u"lead"_s : at < 0.6 ? u"middle"_s : u"end"_s));
        addContextFeatures(article, incident, span, f);
    }
    return f;
}

} // namespace Extract
} // namespace Rasid
