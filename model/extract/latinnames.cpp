#include "extract/latinnames.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

constexpr double kLatinNameConfidence = 0.5;

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isWordChar(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c);
}

struct Word
{
    int start = 0;
    int end = 0;
};

// The Latin words of a text: letters and digits, with - ' . & _ inside one.
QVector<Word> latinWords(QStringView text)
{
    QVector<Word> words;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        int j = i + 1;
        while (j < n && (isWordChar(text[j])
                         || ((text[j] == u'-' || text[j] == u'\'' || text[j] == u'.' || text[j] == u'_'
                              || text[j] == u'/' || text[j] == u'@')
                             && j + 1 < n && isWordChar(text[j + 1])))) {
            ++j;
        }
        words.append({i, j});
        i = j;
    }
    return words;
}

bool isConnector(QStringView w)
{
    static const QStringList connectors = {u"of"_s, u"and"_s, u"for"_s, u"the"_s, u"de"_s, u"&"_s};
    return connectors.contains(w.toString());
}

// A word that may be (part of) a name: capitalised or an acronym, with a letter,
// and not an address.
bool isNameWord(QStringView w, QChar before)
{
    if (w.size() < 2 || !(w[0] >= u'A' && w[0] <= u'Z')) {
        return false;
    }
    if (before == u'#' || before == u'@' || w.contains(u'/') || w.contains(u'@')
        || (w.contains(u'.') && w.count(u'.') < w.size() / 2)) { // visahq.com, not U.S.A
        return false;
    }
    return std::any_of(w.begin(), w.end(), [](QChar c) { return isAsciiLetter(c); });
}

bool onlySpacesBetween(QStringView text, int from, int to)
{
    if (to - from < 1 || to - from > 2) {
        return false;
    }
    for (int i = from; i < to; ++i) {
        if (text[i] != u' ') {
            return false;
        }
    }
    return true;
}

// Which UTF-16 units of the text an entity already covers: one pass over the
// entities, so that a long text with many names stays linear.
QVector<bool> coverage(qsizetype length, const EntityList &known)
{
    QVector<bool> covered(length, false);
    for (const Entity &e : known) {
        for (int i = std::max(0, e.start); i < std::min<qsizetype>(e.end, length); ++i) {
            covered[i] = true;
        }
    }
    return covered;
}

} // namespace

EntityList latinNames(QStringView text, const EntityList &known)
{
    EntityList found;
    const QVector<Word> words = latinWords(text);
    if (words.isEmpty()) {
        return found;
    }
    const QVector<bool> covered = coverage(text.size(), known);
    for (int i = 0; i < words.size();) {
        const QStringView w = text.mid(words[i].start, words[i].end - words[i].start);
        const QChar before = words[i].start > 0 ? text[words[i].start - 1] : QChar();
        if (!isNameWord(w, before)) {
            ++i;
            continue;
        }
        // Extend over following name words, through connectors.
        int last = i;
        int j = i + 1;
        while (j < words.size()) {
            const QStringView next = text.mid(words[j].start, words[j].end - words[j].start);
            if (!onlySpacesBetween(text, words[j - 1].end, words[j].start)) {
                // "AT&T" and "Procter & Gamble": an ampersand between words.
                const QStringView gap = text.mid(words[j - 1].end, words[j].start - words[j - 1].end).trimmed();
                if (gap != u"&" || !isNameWord(next, QChar())) {
                    break;
                }
            }
            if (isNameWord(next, QChar())) {
                last = j;
            } else if (!isConnector(next)) {
                break;
            }
            ++j;
        }
        const int start = words[i].start;
        const int end = words[last].end;
        if (std::none_of(covered.begin() + start, covered.begin() + end, [](bool c) { return c; })) {
            Entity e;
            e.type = EntityType::Organization;
            e.start = start;
            e.end = end;
            e.text = text.mid(start, end - start).toString();
            e.attributes = u"latin=1"_s;
            e.confidence = kLatinNameConfidence;
            found.append(e);
        }
        i = last + 1;
    }
    return found;
}

} // namespace Extract
} // namespace Rasid
