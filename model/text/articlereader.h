#pragma once

#include "text/rawarticle.h"

#include <QByteArray>
#include <QString>

namespace Rasid {
inline namespace Text {

enum class SourceKind { Text, Html, Json, JsonLines, Pdf, Unsupported };

// By suffix, case-insensitive: .txt .md / .html .htm / .json / .jsonl / .pdf; others Unsupported.
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
HtmlText htmlToText(const QByteArray &utf8Html);

// The charset an HTML document declares in its first bytes (<meta charset>,
// http-equiv Content-Type), lower-case, or empty.
QByteArray declaredHtmlCharset(const QByteArray &bytes);

} // namespace Text
} // namespace Rasid
