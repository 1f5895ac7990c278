#pragma once

#include "text/articlereader.h"
#include "text/publisheddate.h" // parsePublishedDate(), which cleanArticle() uses for dates

#include <QString>
#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Text {

/*
 * What cleaning left out of an article: a whole line (or the rest of a line
 * that holds its text twice, or the scraper marks before the first line), the
 * reason, and where it was. `text` is exactly body.mid(start, length) of the
 * body cleanArticle() read (its line endings made LF).
 */
struct RemovedText
{
    QString reason; // a code: see removedReasons() in cleaner.cpp
    qsizetype start = 0;
    qsizetype length = 0;
    QString text;
};

/*
 * One piece of the cleaned text and where it came from: text.mid(textStart,
 * length) is exactly the source's mid(sourceStart, length), where the source
 * is the raw title (fromTitle) or the body. What lies between two slices of
 * the cleaned text is a separator the cleaner put there, and nothing else:
 * "\n\n" between paragraphs (whatever the source held between them: blank
 * lines, or lines left out, each in `removed`), or one space for a run of
 * blanks of the source (a line break of a hard-wrapped paragraph with the
 * blanks around it, or a run of blanks in a title other than one space).
 */
struct TextSlice
{
    bool fromTitle = false;
    qsizetype sourceStart = 0;
    qsizetype textStart = 0;
    qsizetype length = 0;
};

/*
 * A scraped article reduced to its own text, with the metadata the noise around
 * it carried.
 *
 * cleanArticle() removes what scrapers leave around a story: repeated and
 * truncated title lines, mastheads (رئيس التحرير and the name after it), date
 * lines, repeated paragraphs and whole bodies pasted twice, "اقرأ أيضا" blocks of
 * other headlines, advert paragraphs with links, photo captions. Its rules are
 * generic (they look at line shapes and a few marker words, never at one
 * outlet's layout). It never changes a character it keeps: it only leaves out
 * whole lines (or the second copy of a doubled line, or scraper marks such as
 * "< " or "# " before the first line; never a "=", "-", "@" or "+", which
 * are the article's own), and says what it left out in `removed`. Entity
 * offsets are UTF-16 offsets into `text`, which `slices` maps back to the
 * source. The title opens the text, once.
 */
struct CleanedArticle
{
    QString title, outlet, published /* ISO 8601 YYYY-MM-DD / YYYY-MM / YYYY or empty */, sourceUrl;
    QString text; // cleaned body: paragraphs separated by "\n\n", LF only, no leading/trailing blanks
    QVector<RemovedText> removed; // in the order of the source
    QVector<TextSlice> slices;    // in the order of `text`
};

// Whether `reason` is one of the codes RemovedText::reason takes.
bool isRemovedReason(const QString &reason);

CleanedArticle cleanArticle(const RawArticle &raw);

} // namespace Text
} // namespace Rasid
