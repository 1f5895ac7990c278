#include "text/sentences.h"

#include "text/textfold.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {

namespace {

inline bool isLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029 || c == 0x0085;
}

inline bool isBlank(char16_t c)
{
    return c == u' ' || c == u'\t' || c == 0x00A0 || c == 0x202F || c == 0x200F || c == 0x200E
        || c == 0x061C || c == 0xFEFF || c == 0x2009 || c == 0x200B || isLineBreak(c);
}

inline bool isAsciiDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
inline bool isDigitChar(char16_t c)
{
    return isAsciiDigit(c) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}
inline bool isArabicLetter(char16_t c) { return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3); }

inline bool isClosing(char16_t c)
{
    return c == u'"' || c == u'\'' || c == u')' || c == u']' || c == u'}' || c == 0x00BB || c == 0x201D
        || c == 0x2019 || c == 0x203A;
}

// Question and exclamation marks always end a sentence; so does the ellipsis character.
inline bool isStrongTerminal(char16_t c)
{
    return c == u'!' || c == u'?' || c == 0x061F || c == 0x2026;
}

inline bool isStop(char16_t c) { return c == u'.' || c == 0x06D4; }

// Latin abbreviations that never end a sentence in news prose.
bool isLatinAbbreviation(QStringView word)
{
    static const QStringList words = {u"dr"_s, u"mr"_s, u"mrs"_s, u"ms"_s, u"prof"_s, u"inc"_s, u"ltd"_s,
                                      u"co"_s, u"st"_s, u"jr"_s, u"sr"_s, u"vs"_s, u"no"_s, u"fig"_s};
    for (const QString &w : words) {
        if (word.compare(w, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

// Whether the full stop at pos ends a sentence.
bool stopEndsSentence(QStringView text, qsizetype pos)
{
    const qsizetype n = text.size();
    const char16_t prev = pos > 0 ? text[pos - 1].unicode() : 0;
    const char16_t next = pos + 1 < n ? text[pos + 1].unicode() : 0;
    if (isStop(next)) {
        return false; // an ellipsis "..": the last stop decides
    }
    if (isDigitChar(prev) && isDigitChar(next)) {
        return false; // 1.9, 2024.04.16, 05.20
    }
    // A Latin letter or digit glued after the stop: a web address, a file name, U.S.
    if (next != 0 && !isArabicLetter(next) && isWordChar(QChar(next))) {
        return false;
    }
    // The word before the stop: a single letter is an abbreviation (د. م. U.S.).
    qsizetype begin = pos;
    while (begin > 0 && isWordChar(text[begin - 1]) && !isDigitChar(text[begin - 1].unicode())) {
        --begin;
    }
    const QStringView word = text.mid(begin, pos - begin);
    if (word.size() == 1 && (begin == 0 || !isWordChar(text[begin - 1]))) {
        return false;
    }
    if (!word.isEmpty() && word.front().unicode() < 0x80 && isLatinAbbreviation(word)) {
        return false;
    }
    return true;
}

void trimSpan(QStringView text, int &start, int &end)
{
    while (start < end && isBlank(text[start].unicode())) {
        ++start;
    }
    while (end > start && isBlank(text[end - 1].unicode())) {
        --end;
    }
}

// Function words that follow و or ف when the letter is the conjunction, not the
// first letter of a word (وزارة، فرنسا).
bool opensWithConjunction(QStringView clause)
{
    if (clause.size() < 2) {
        return false;
    }
    const char16_t first = clause.front().unicode();
    if (first != u'و' && first != u'ف') {
        return false;
    }
    qsizetype wordEnd = 1;
    while (wordEnd < clause.size() && isWordChar(clause[wordEnd])) {
        ++wordEnd;
    }
    if (wordEnd == 1) {
        return true; // a detached "و"
    }
    const QString rest = fold(clause.mid(1, wordEnd - 1));
    if (rest.startsWith(u"ال"_s)) {
        return true;
    }
    static const QStringList words = {
        u"في"_s,   u"من"_s,   u"قد"_s,   u"كان"_s,  u"كانت"_s, u"قال"_s,  u"قالت"_s, u"اكد"_s,
        u"اكدت"_s, u"اعلن"_s, u"اعلنت"_s, u"اضاف"_s, u"اضافت"_s, u"هو"_s,  u"هي"_s,   u"لم"_s,
        u"لا"_s,   u"لكن"_s,  u"ان"_s,   u"بعد"_s,  u"قبل"_s,  u"ذلك"_s, u"يري"_s,  u"تري"_s,
        u"اشار"_s, u"اشارت"_s, u"اوضح"_s, u"اوضحت"_s, u"ما"_s,   u"هذا"_s, u"هذه"_s,  u"لذلك"_s,
    };
    return words.contains(rest);
}

} // namespace

QVector<Sentence> splitSentences(QStringView text)
{
    QVector<Sentence> sentences;
    const int n = int(text.size());
    int paragraph = 0;
    int start = 0;
    int lineStart = 0;
    int lineFirstSentence = 0;
    bool lineHasText = false;
    bool lineHasStop = false; // a single . ! ? ends a sentence inside the line

    // News sentences run to a few hundred characters. Text without stops (a
    // scraped page as one line) is cut at a blank every kMaxSentence characters:
    // the incident builder compares what a sentence reports pairwise.
    constexpr int kMaxSentence = 2000;
    const auto push = [&](int from, int to, bool heading) {
        int s = from;
        int e = to;
        trimSpan(text, s, e);
        while (e - s > kMaxSentence) {
            int cut = s + kMaxSentence;
            while (cut > s + kMaxSentence / 2 && !isBlank(text[cut].unicode())) {
                --cut;
            }
            if (QChar::isLowSurrogate(text[cut].unicode())) {
                --cut; // never between the halves of an emoji
            }
            int pieceEnd = cut;
            int next = cut;
            trimSpan(text, s, pieceEnd);
            if (s < pieceEnd) {
                sentences.append({s, pieceEnd, paragraph, heading});
            }
            trimSpan(text, next, e);
            s = next;
        }
        if (s < e) {
            sentences.append({s, e, paragraph, heading});
        }
    };

    int i = 0;
    while (i < n) {
        const char16_t c = text[i].unicode();
        if (isLineBreak(c)) {
            // A line without a final mark is a heading, also when ".." separates its
            // parts ("توقف خدمات البريد.. ارتباك واسع"); the unpunctuated tail of a
            // paragraph of sentences is not.
            const int before = int(sentences.size());
            push(start, i, start == lineStart);
            if (sentences.size() > before && !lineHasStop) {
                for (int k = lineFirstSentence; k < sentences.size(); ++k) {
                    sentences[k].heading = true;
                }
            }
            // A run of line breaks (and blanks between them) is one paragraph break.
            while (i < n && isBlank(text[i].unicode())) {
                ++i;
            }
            if (lineHasText) {
                ++paragraph;
            }
            lineHasText = false;
            lineHasStop = false;
            start = i;
            lineStart = i;
            lineFirstSentence = int(sentences.size());
            continue;
        }
        if (!isBlank(c)) {
            lineHasText = true;
        }
        const bool terminal = isStrongTerminal(c) || (isStop(c) && stopEndsSentence(text, i));
        if (!terminal) {
            ++i;
            continue;
        }
        // Take the whole run of marks (?! ..) and the quotes or brackets that close it.
        int end = i + 1;
        while (end < n && (isStrongTerminal(text[end].unicode()) || isStop(text[end].unicode()))) {
            ++end;
        }
        // ".." between the parts of a heading; the run ends at i or continues after it.
        const bool separator = isStop(c) && ((i > 0 && isStop(text[i - 1].unicode())) || end - i > 1);
        if (!separator && text[i].unicode() != 0x2026) {
            lineHasStop = true;
        }
        while (end < n && isClosing(text[end].unicode())) {
            ++end;
        }
        push(start, end, false);
        start = end;
        i = end;
    }
    const int before = int(sentences.size());
    push(start, n, start == lineStart);
    if (sentences.size() > before && !lineHasStop) {
        for (int k = lineFirstSentence; k < sentences.size(); ++k) {
            sentences[k].heading = true;
        }
    }
    return sentences;
}

QVector<Clause> splitClauses(QStringView text, int start, int end)
{
    QVector<Clause> clauses;
    start = std::clamp(start, 0, int(text.size()));
    end = std::clamp(end, start, int(text.size()));
    const auto push = [&](int from, int to) {
        int s = from;
        int e = to;
        trimSpan(text, s, e);
        if (s < e) {
            clauses.append({s, e, opensWithConjunction(text.mid(s, e - s))});
        }
    };
    int clauseStart = start;
    for (int i = start; i < end; ++i) {
        const char16_t c = text[i].unicode();
        bool cut = c == 0x060C || c == 0x061B || c == u';';
        if (c == u',' || c == u':') {
            // Not inside a number: 2,000,000 or 10:30.
            const bool digitsAround = i > start && i + 1 < end && isDigitChar(text[i - 1].unicode())
                && isDigitChar(text[i + 1].unicode());
            cut = !digitsAround;
        }
        if (cut) {
            push(clauseStart, i);
            clauseStart = i + 1;
        }
    }
    push(clauseStart, end);
    if (clauses.isEmpty() && start < end) {
        clauses.append({start, end, false});
    }
    return clauses;
}

int sentenceAt(const QVector<Sentence> &sentences, int offset)
{
    auto it = std::upper_bound(sentences.cbegin(), sentences.cend(), offset,
                               [](int value, const Sentence &s) { return value < s.start; });
    if (it == sentences.cbegin()) {
        return -1;
    }
    --it;
    return offset < it->end ? int(it - sentences.cbegin()) : -1;
}

} // namespace Text
} // namespace Rasid
