#pragma once

/*
 * Guarding gumbo against deep nesting.
 *
 * Gumbo checks element scopes by walking the whole stack of open elements, so a
 * page nested 100,000 deep takes it many seconds, and its tree teardown recurses
 * once per level. Real pages stay far below kMaxHtmlDepth. A cheap pre-pass
 * follows an approximate stack of open elements and, beyond that depth, blanks
 * start tags (and their end tags) before parsing. The text stays.
 */

#include <QByteArray>

namespace Rasid {
inline namespace Text {
namespace Readers {

constexpr int kMaxHtmlDepth = 256;

// The page with its start tags beyond kMaxHtmlDepth (and their end tags) blanked
// to a space; the page itself when it nests no deeper.
QByteArray limitHtmlNesting(const QByteArray &html);

} // namespace Readers
} // namespace Text
} // namespace Rasid
