#pragma once

/*
 * What the article readers (HTML, JSON, plain text) share and nothing else
 * uses: byte tests of the ASCII syntax they scan. Everything under readers/
 * lives in Rasid::Text::Readers, internal to the text layer; the public entry
 * points are in text/articlereader.h.
 */

namespace Rasid {
inline namespace Text {
namespace Readers {

inline bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

inline bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace Readers
} // namespace Text
} // namespace Rasid
