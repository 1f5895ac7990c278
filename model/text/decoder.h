#pragma once

#include <QByteArray>
#include <QString>

namespace Rasid {
inline namespace Text {

/*
 * The text of a file's bytes, with the encoding Rasid decided on.
 *
 * Scraped Arabic articles come as UTF-8 (with or without BOM), UTF-16 (with or
 * without BOM), windows-1256 or, rarely, ISO-8859-6. decodeText() decides in a
 * fixed order (BOM, UTF-16 byte pattern, strict UTF-8, UTF-8 but for a few
 * broken bytes, a declared charset, mostly-UTF-8 with more broken bytes, then
 * windows-1256 against ISO-8859-6) and never
 * fails: bytes that are not text come back with `problem` set, bytes that are
 * text but partly broken come back with `lossy` set and U+FFFD where bytes were
 * lost. Line endings are always LF.
 */
struct DecodedText
{
    QString text;
    QString encoding;      // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1256", "ISO-8859-6", ...
    int confidence = 0;    // 0..100
    bool lossy = false;    // replacement characters were inserted
    QString problem;       // non-empty when the bytes are not text (binary, empty): a clear reason
};

// `declaredCharset` (e.g. from an HTML <meta charset>) is honoured only when the
// bytes carry no BOM and are not valid UTF-8.
DecodedText decodeText(const QByteArray &bytes, const QByteArray &declaredCharset = {});

// Turns CR LF and lone CR into LF, in place; cheap when there is no CR.
void normalizeLineEndings(QString &text);

} // namespace Text
} // namespace Rasid
