#pragma once

/*
 * Reading an HTML page: its visible text (with the article region chosen when
 * the page marks one) and the metadata its head, its <meta> tags and its
 * schema.org JSON-LD state. htmlToText() is readHtml(utf8, true).
 */

#include "text/rawarticle.h"

#include <QByteArray>
#include <QString>

namespace Rasid {
inline namespace Text {
namespace Readers {

// With useJsonLdBody, a page without visible text falls back on the JSON-LD
// articleBody (itself read as HTML when it is markup).
HtmlText readHtml(const QByteArray &utf8Html, bool useJsonLdBody);

// Text fields of JSON (and JSON-LD) that hold markup rather than plain text.
bool looksLikeHtml(const QString &text);

} // namespace Readers
} // namespace Text
} // namespace Rasid
