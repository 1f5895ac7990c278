#include "store/corpuslexicon.h"

#include "store/ftstokenizer.h"

#include <QStringList>
#include <QStringView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// Leading clitics that may stand before a lexicon entry inside one written
// word (وميغا باس، بميغا باس، للشركة ...).
bool isClitic(QStringView prefix)
{
    static const QStringList clitics = {
        u"و"_s,  u"ف"_s,  u"ب"_s,   u"ك"_s,   u"ل"_s,   u"ال"_s,  u"لل"_s,  u"وال"_s, u"فال"_s, u"بال"_s, u"كال"_s,
        u"وبال"_s, u"وكال"_s, u"ولل"_s, u"فلل"_s, u"وب"_s, u"ول"_s, u"وك"_s, u"فب"_s, u"فل"_s, u"فك"_s,
    };
    return clitics.contains(prefix);
}

// Matches a folded pattern at pos; a space in the pattern matches any run of
// white space, so a name broken over two lines is still found.
bool matchAt(QStringView text, int pos, QStringView pattern, int *end)
{
    int i = pos;
    for (int j = 0; j < pattern.size(); ++j) {
        if (pattern[j] == u' ') {
            if (i >= text.size() || !text[i].isSpace()) {
                return false;
            }
            while (i < text.size() && text[i].isSpace()) {
                ++i;
            }
            continue;
        }
        if (i >= text.size() || text[i] != pattern[j]) {
            return false;
        }
        ++i;
    }
    *end = i;
    return true;
}

} // namespace

/*
 * Every occurrence of a folded lexicon entry in an article text, as source
 * spans without the clitics. An occurrence must end at a word edge and start
 * at one or right after a clitic; an entry that starts with the article ال
 * is also found after ل where Arabic drops the alef (للشركة = ل + الشركة).
 */
QVector<OccurrenceSpan> findOccurrences(const FoldedText &folded, const QString &pattern)
{
    QVector<OccurrenceSpan> spans;
    const QStringView text(folded.text);
    auto scan = [&](QStringView needle, bool afterLam) {
        const QStringView firstWord = needle.left(needle.indexOf(u' ') < 0 ? needle.size() : needle.indexOf(u' '));
        for (qsizetype p = text.indexOf(firstWord); p >= 0; p = text.indexOf(firstWord, p + 1)) {
            int end = 0;
            if (!matchAt(text, int(p), needle, &end) || (end < text.size() && isWordChar(text[end]))) {
                continue;
            }
            qsizetype wordStart = p;
            while (wordStart > 0 && isWordChar(text[wordStart - 1])) {
                --wordStart;
            }
            const QStringView prefix = text.mid(wordStart, p - wordStart);
            const bool edgeOk = afterLam ? (prefix == u"ل" || prefix == u"ول" || prefix == u"فل")
                                         : (prefix.isEmpty() || isClitic(prefix));
            if (edgeOk) {
                spans.append({folded.sourceStart(int(p)), folded.sourceEnd(end)});
            }
        }
    };
    scan(pattern, false);
    if (pattern.startsWith(u"ال") && pattern.size() > 3) {
        scan(QStringView(pattern).mid(1), true);
    }
    std::sort(spans.begin(), spans.end(), [](const OccurrenceSpan &a, const OccurrenceSpan &b) { return a.start < b.start; });
    return spans;
}

// The FTS5 query that finds every article that may hold the entry, clitic
// forms included: the index holds clitic-stripped variants of words of three
// letters or more, so a shorter first word is left to the exact scan.
QString candidateMatch(const QString &surface)
{
    QStringList tokens = ftsQueryTokens(surface);
    if (!tokens.isEmpty()) {
        QString &first = tokens.first();
        if (first.startsWith(u"ال") && first.size() - 2 >= 3) {
            first = first.mid(2); // finds الشركة, للشركة and والشركة alike
        }
        if (first.size() < 3) {
            tokens.removeFirst();
        }
    }
    QStringList quoted;
    for (const QString &token : std::as_const(tokens)) {
        quoted.append(u'"' + QString(token).replace(u'"', u"\"\""_s) + u'"');
    }
    return quoted.join(u' ');
}

} // namespace Store
} // namespace Rasid
