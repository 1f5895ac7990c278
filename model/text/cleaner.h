#pragma once

#include "text/articlereader.h"
#include "text/publisheddate.h" // parsePublishedDate(), which cleanArticle() uses for dates

#include <QString>
#include <QStringView>

namespace Rasid {
inline namespace Text {

/*
 * A scraped article reduced to its own text, with the metadata the noise around
 * it carried.
 *
 * cleanArticle() removes what scrapers leave around a story: repeated and
 * truncated title lines, mastheads (رئيس التحرير and the name after it), date
 * lines, repeated paragraphs and whole bodies pasted twice, "اقرأ أيضا" blocks of
 * other headlines, advert paragraphs with links, photo captions. Its rules are
 * generic (they look at line shapes and a few marker words, never at one
 * outlet's layout). The words it keeps are never rewritten: entity offsets are
 * UTF-16 offsets into `text`, and every paragraph of `text` is a verbatim
 * (trimmed) line of the raw body, or, for a hard-wrapped text file, its lines
 * joined with a space. The title is metadata: it is not repeated in `text`,
 * unless the article is nothing but a headline.
 */
struct CleanedArticle
{
    QString title, outlet, published /* ISO 8601 YYYY-MM-DD / YYYY-MM / YYYY or empty */, sourceUrl;
    QString text; // cleaned body: paragraphs separated by "\n\n", LF only, no leading/trailing blanks
};

CleanedArticle cleanArticle(const RawArticle &raw);

} // namespace Text
} // namespace Rasid
