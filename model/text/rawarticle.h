#pragma once

/*
 * The values the article readers give: RawArticle, ReadResult and HtmlText. They
 * are declared apart from the reading functions (text/articlereader.h) so that
 * the readers under text/readers/ can build them without including the header
 * that dispatches to them.
 */

#include <QString>
#include <QStringList>
#include <QVector>

namespace Rasid {
inline namespace Text {

/*
 * One article as read from a file, before cleaning: the metadata the file states
 * (as written) and the body text, with the encoding its bytes were decoded from.
 */
struct RawArticle
{
    int item = 0; // 0 for single-article files; 1-based line/item number in JSON lines/JSON arrays
    QString title, outlet, published /* as written */, sourceUrl, body;
    QString encoding;
    int encodingConfidence = 0;
    bool lossy = false;
};

/*
 * What one file gave: its articles, the per-item problems that did not stop the
 * file ("line 3: not valid JSON: ..."), or an error when nothing in the file is
 * usable. Reading never throws and never fetches anything.
 */
struct ReadResult
{
    QVector<RawArticle> articles;
    QStringList problems;
    QString error;
};

// What htmlToText() reads from a page: its metadata and its readable text.
struct HtmlText
{
    QString title, outlet, published, sourceUrl, body;
};

} // namespace Text
} // namespace Rasid
