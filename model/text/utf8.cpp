#include "text/utf8.h"

#include <QChar>

namespace Rasid {
inline namespace Text {

namespace {

// The code point at s[i] (advancing i past a surrogate pair); U+FFFD for an
// unpaired surrogate.
inline char32_t codePointAt(const char16_t *s, qsizetype n, qsizetype &i)
{
    const char16_t c = s[i];
    if (!QChar::isSurrogate(c)) {
        return c;
    }
    if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
        ++i;
        return QChar::surrogateToUcs4(c, s[i]);
    }
    return QChar::ReplacementCharacter;
}

} // namespace

int writeUtf8(QStringView text, char *out)
{
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    int o = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t unit = s[i];
        if (unit < 0x80) {
            out[o++] = char(unit);
            continue;
        }
        if (unit < 0x800) { // Arabic
            out[o++] = char(0xC0 | (unit >> 6));
            out[o++] = char(0x80 | (unit & 0x3F));
            continue;
        }
        const char32_t c = codePointAt(s, n, i);
        if (c < 0x800) {
            out[o++] = char(0xC0 | (c >> 6));
            out[o++] = char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[o++] = char(0xE0 | (c >> 12));
            out[o++] = char(0x80 | ((c >> 6) & 0x3F));
            out[o++] = char(0x80 | (c & 0x3F));
        } else {
            out[o++] = char(0xF0 | (c >> 18));
            out[o++] = char(0x80 | ((c >> 12) & 0x3F));
            out[o++] = char(0x80 | ((c >> 6) & 0x3F));
            out[o++] = char(0x80 | (c & 0x3F));
        }
    }
    return o;
}

int utf8Length(QStringView text)
{
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    int bytes = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t unit = s[i];
        if (unit < 0x80) {
            bytes += 1;
        } else if (unit < 0x800) {
            bytes += 2;
        } else {
            bytes += codePointAt(s, n, i) < 0x10000 ? 3 : 4;
        }
    }
    return bytes;
}

bool replaceUnpairedSurrogates(QString &text)
{
    const auto *s = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    qsizetype i = 0;
    // Most text has none: look before detaching.
    while (i < n && !(QChar::isSurrogate(s[i])
                      && !(QChar::isHighSurrogate(s[i]) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])))) {
        i += QChar::isHighSurrogate(s[i]) ? 2 : 1;
    }
    if (i >= n) {
        return false;
    }
    QChar *d = text.data();
    for (; i < n; ++i) {
        const char16_t c = d[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(d[i + 1].unicode())) {
            ++i;
        } else if (QChar::isSurrogate(c)) {
            d[i] = QChar::ReplacementCharacter;
        }
    }
    return true;
}

} // namespace Text
} // namespace Rasid
