#pragma once

/*
 * The parts of cleanArticle() shared by text/cleaner.cpp and the line rules of
 * text/cleanerrules.cpp: a body line with its comparison key, and the tests that
 * tell what a line is (title repeat, masthead, date line, caption, advert, page
 * chrome, credit ...). They live in Rasid::Text::Cleaning, internal to the text
 * layer. The tiny tests run on every line of every article and stay inline.
 */

#include "text/textfold.h"

#include <QString>
#include <QStringView>

#include <algorithm>

namespace Rasid {
inline namespace Text {
namespace Cleaning {

// Comparing lines: folded, words only, single spaces. Two lines with the same
// key say the same thing whatever their harakat, punctuation or scraper marks.
QString keyOf(QStringView text);

inline int wordCount(const QString &key)
{
    return key.isEmpty() ? 0 : int(std::count(key.cbegin(), key.cend(), u' ')) + 1;
}

// `key` starts with the phrase `prefix` (whole words).
inline bool startsWithPhrase(const QString &key, const QString &prefix)
{
    return key.startsWith(prefix) && (key.size() == prefix.size() || key.at(prefix.size()) == u' ');
}

// Lines: one non-blank line of the body, with what the rules look at.
struct Line
{
    QStringView text; // trimmed, a view into the body
    QString key;
    int words = 0;
    QString date;     // parsePublishedDate(text) for date-only lines
    bool drop = false;
    const char *reason = nullptr; // why it was dropped: a RemovedText::reason code
};

inline void dropLine(Line &l, const char *reason)
{
    l.drop = true;
    l.reason = reason;
}

inline bool isBlank(QChar c)
{
    return c.isSpace() || isFormatControl(c.unicode());
}

inline QStringView trimmedLine(QStringView s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && isBlank(s[b])) {
        ++b;
    }
    while (e > b && isBlank(s[e - 1])) {
        --e;
    }
    return s.sliced(b, e - b);
}

// Scraper marks before the first line ("< ", "> ", "| ", "# ", bullets), never
// "=", "-", "@" or "+", which begin lines of the article's own.
QStringView withoutLeadingArtefacts(QStringView s);

inline bool hasDigit(QStringView s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

inline bool endsWithEllipsis(QStringView s)
{
    return s.endsWith(u'…') || s.endsWith(QLatin1StringView("..."));
}

// "://" or "www." anywhere; one pass, as it runs on every line.
bool hasUrl(QStringView s);
bool isUrl(QStringView s);

// The date of a dateline ("تونس في 14 فيفري 2024") as ISO 8601, or empty.
QString datelineDate(QStringView text, int words);

// An Arabic verb in the imperfect (يخترق، يشل، يعطل): a headline, not a name.
bool hasVerbCue(const QString &key);

// A paragraph of the story, as opposed to the short lines around a headline.
inline bool isBodyParagraph(const Line &l)
{
    return l.words >= 12 || l.text.size() >= 80;
}

bool looksLikeHeadline(const Line &l);

// A few words with no digits and no sentence punctuation: an outlet name, a
// section label, a person's name.
bool isLabel(const Line &l, int maxWords, qsizetype maxChars);

inline bool isShortLabel(const Line &l)
{
    return isLabel(l, 2, 30);
}

enum class Masthead { None, Role, RoleOnly };

Masthead mastheadOf(const Line &l);
bool isNameLine(const Line &l);
bool isReadAlsoMarker(const Line &l);
bool isCaption(const Line &l);
bool isAdvert(const Line &l);
bool isChrome(const Line &l);

// "المصدر: X", "نقلا عن X": returns X, or empty when the line is not a credit.
QString creditOf(const Line &l);

bool isTitleRepeat(const Line &l, const QString &titleKey);

// A line that holds the body twice ("X X"): its first half.
QStringView undoubled(QStringView s);

} // namespace Cleaning
} // namespace Text
} // namespace Rasid
