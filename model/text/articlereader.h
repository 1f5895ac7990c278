#pragma once

#include <QByteArray>
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

enum class SourceKind { Text, Html, Json, JsonLines, Unsupported };

// By suffix, case-insensitive: .txt .md / .html .htm / .json / .jsonl; others Unsupported.
SourceKind sourceKindForPath(const QString &path);

// Decodes the bytes (decodeText) and reads the articles they hold.
ReadResult readArticle(SourceKind kind, const QByteArray &bytes);

/*
 * The readable text of an HTML document or fragment and the metadata its head
 * states. Scripts, styles, frames, SVG and page chrome (nav, footer, aside, a
 * header without the h1) are dropped; block elements become paragraph breaks
 * ("\n\n"), <br> a line break. When the page has one <article> (or an
 * itemprop="articleBody") with real text, only that part is kept.
 */
struct HtmlText
{
    QString title, outlet, published, sourceUrl, body;
};
HtmlText htmlToText(const QByteArray &utf8Html);

// The charset an HTML document declares in its first bytes (<meta charset>,
// http-equiv Content-Type), lower-case, or empty.
QByteArray declaredHtmlCharset(const QByteArray &bytes);

} // namespace Text
} // namespace Rasid
