#pragma once

/*
 * Reading JSON and JSON lines: one object per article, an array of them, or a
 * wrapper object holding the array ({"articles": [...]}). Keys are matched
 * without case; text fields that hold markup are read as HTML.
 */

#include "text/rawarticle.h"

#include <QByteArray>

namespace Rasid {
inline namespace Text {
namespace Readers {

// A JSON document (JSON lines saved as .json are accepted too). Every article
// starts as a copy of `base` (its encoding).
void readJson(const QByteArray &utf8, const RawArticle &base, ReadResult &result);

// One JSON object a line; a bad line is a problem, not an error.
void readJsonLines(const QByteArray &utf8, const RawArticle &base, ReadResult &result);

} // namespace Readers
} // namespace Text
} // namespace Rasid
