#include "extract/transliteration.h"

#include <QHash>
#include <QVector>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

// The class of a Latin letter, 0 for a vowel or a letter Arabic writes as one.
char16_t latinClass(QChar c)
{
    switch (c.toLower().unicode()) {
    case u'b': case u'p': return u'b';
    case u't': return u't';
    case u'd': return u'd';
    case u's': case u'z': return u's';
    case u'c': case u'k': case u'q': case u'g': case u'j': return u'k';
    case u'f': case u'v': return u'f';
    case u'l': return u'l';
    case u'm': return u'm';
    case u'n': return u'n';
    case u'r': return u'r';
    case u'h': return u'h';
    default: return 0; // a e i o u w y, and what is not a letter
    }
}

char16_t arabicClass(QChar c)
{
    switch (c.unicode()) {
    case u'ب': case u'پ': return u'b';
    case u'ت': case u'ط': case u'ث': return u't';
    case u'د': case u'ض': case u'ذ': return u'd';
    case u'س': case u'ص': case u'ز': return u's';
    case u'ك': case u'ق': case u'غ': case u'ج': case u'خ': case u'گ': return u'k';
    case u'ف': case u'ڤ': return u'f';
    case u'ل': return u'l';
    case u'م': return u'm';
    case u'ن': return u'n';
    case u'ر': return u'r';
    case u'ه': case u'ح': return u'h';
    case u'ش': return u'S'; // sh
    default: return 0; // ا و ي ى ة ء ع and their hamza forms, harakat, tatweel
    }
}

bool isArabicLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x0621 && u <= 0x064A) || (u >= 0x064B && u <= 0x065F) || u == 0x0670 || u == 0x0640
        || (u >= 0x0671 && u <= 0x06D3);
}

bool isLatinLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

struct Word
{
    int start = 0;
    int end = 0;
    QString skeleton;
};


QVector<Word> arabicWords(QStringView text)
{
    QVector<Word> words;
    const int n = int(text.size());
    for (int i = 0; i < n;) {
        if (!isArabicLetter(text[i])) {
            ++i;
            continue;
        }
        int j = i;
        while (j < n && isArabicLetter(text[j])) {
            ++j;
        }
        words.append({i, j, arabicSkeleton(text.mid(i, j - i))});
        i = j;
    }
    return words;
}

// The clitics a transliterated name may carry, longest first.
const QStringList &clitics()
{
    static const QStringList list = {u"وبال"_s, u"وال"_s, u"بال"_s, u"لل"_s, u"ال"_s, u"و"_s, u"ب"_s, u"ل"_s};
    return list;
}

bool writtenInLatin(const Entity &e)
{
    int latin = 0;
    for (const QChar c : e.text) {
        if (isArabicLetter(c)) {
            return false;
        }
        latin += isLatinLetter(c) ? 1 : 0;
    }
    return latin >= 3;
}

bool covered(const EntityList &known, int start, int end)
{
    for (const Entity &e : known) {
        if (e.start < end && start < e.end) {
            return true;
        }
    }
    return false;
}

} // namespace

QString latinSkeleton(QStringView latin)
{
    QString out;
    bool afterConsonant = false; // the last letter written was a consonant
    const auto add = [&](char16_t k) {
        // ck, tt, ll: one letter in Arabic; t-i-t stays two.
        if (!(afterConsonant && !out.isEmpty() && out.back() == QChar(k))) {
            out += QChar(k);
        }
        afterConsonant = true;
    };
    for (qsizetype i = 0; i < latin.size(); ++i) {
        const QChar c = latin[i].toLower();
        const QChar next = i + 1 < latin.size() ? latin[i + 1].toLower() : QChar();
        if ((c == u's' || c == u'c') && next == u'h') { // sh, ch: ش
            add(u'S');
            ++i;
        } else if (c == u'p' && next == u'h') { // ph: ف
            add(u'f');
            ++i;
        } else if (c == u'c' && (next == u'e' || next == u'i' || next == u'y')) { // a soft c: س
            add(u's');
        } else if (c == u'x') {
            add(u'k');
            add(u's');
        } else if (const char16_t k = latinClass(c)) {
            add(k);
        } else {
            afterConsonant = false;
        }
    }
    return out;
}

QString arabicSkeleton(QStringView arabic)
{
    QString out;
    for (const QChar c : arabic) {
        if (const char16_t k = arabicClass(c)) {
            out += QChar(k);
        }
    }
    return out;
}

EntityList transliteratedTwins(QStringView text, const EntityList &known)
{
    EntityList twins;
    QHash<QString, const Entity *> names; // skeleton -> the Latin entity
    for (const Entity &e : known) {
        if ((e.type == EntityType::Organization || e.type == EntityType::Person || e.type == EntityType::ThreatActor)
            && writtenInLatin(e)) {
            const QString skeleton = latinSkeleton(e.text);
            if (skeleton.size() >= MinimumTwinSkeleton && !names.contains(skeleton)) {
                names.insert(skeleton, &e);
            }
        }
    }
    if (names.isEmpty()) {
        return twins;
    }
    const QVector<Word> words = arabicWords(text);
    struct Variant
    {
        int start = 0;
        QString skeleton;
    };
    for (int i = 0; i < words.size(); ++i) {
        // The first word without a leading clitic (left out of the span), and as it is.
        // Without the clitic first: و and ي write no consonant, so a name
        // after و matches either way and the span should not hold the و.
        QVector<Variant> variants;
        const QStringView first = text.mid(words[i].start, words[i].end - words[i].start);
        for (const QString &clitic : clitics()) {
            if (first.size() > clitic.size() + 2 && first.startsWith(clitic)) {
                variants.append({words[i].start + int(clitic.size()), QString()});
                break;
            }
        }
        variants.append({words[i].start, QString()});
        for (int k = i; k < std::min<qsizetype>(words.size(), i + 3); ++k) {
            if (k > i && words[k].start - words[k - 1].end != 1) {
                break; // one space between the words of a name
            }
            for (Variant &v : variants) {
                v.skeleton += k == i ? arabicSkeleton(text.mid(v.start, words[i].end - v.start)) : words[k].skeleton;
                const auto it = names.constFind(v.skeleton);
                if (it == names.constEnd() || covered(known, v.start, words[k].end)
                    || covered(twins, v.start, words[k].end)) {
                    continue;
                }
                Entity twin = **it;
                twin.start = v.start;
                twin.end = words[k].end;
                twin.text = text.mid(twin.start, twin.end - twin.start).toString();
                twin.attributes = twin.attributes.isEmpty() ? u"twin="_s + (*it)->text
                                                            : twin.attributes + u';' + u"twin="_s + (*it)->text;
                twin.confidence = std::max(0.0, (*it)->confidence - 0.1);
                twins.append(twin);
            }
        }
    }
    return twins;
}

} // namespace Extract
} // namespace Rasid
