#pragma once

/*
 * Reading a PDF with poppler-qt6: the text of every page in reading order
 * (poppler orders the words of each line by the direction of its script, so
 * Arabic lines read right to left), a page break as a paragraph break, and the
 * document's title, author (as the outlet) and creation date. A PDF without a
 * text layer (scanned), one that needs a password, or one poppler cannot open
 * gives an error with that reason; a file cut short that still shows text
 * gives its article and a problem saying so.
 */

#include "text/rawarticle.h"

#include <QByteArray>

namespace Rasid {
inline namespace Text {
namespace Readers {

void readPdf(const QByteArray &bytes, ReadResult &result);

} // namespace Readers
} // namespace Text
} // namespace Rasid
