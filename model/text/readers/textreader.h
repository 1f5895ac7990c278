#pragma once

/*
 * Reading a plain text or Markdown file: one article, its body the text as it
 * is, with the metadata of a Markdown front matter when the file opens with one.
 */

#include "text/rawarticle.h"

#include <QString>

namespace Rasid {
inline namespace Text {
namespace Readers {

// `article` carries the encoding; the text fills its body and metadata.
void readText(const QString &text, RawArticle article, ReadResult &result);

} // namespace Readers
} // namespace Text
} // namespace Rasid
