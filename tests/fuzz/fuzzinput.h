#pragma once

// What the text targets share: a property check that stops the fuzzer, and the
// input read as text. The first byte picks the form: odd, raw UTF-16LE (so that
// half surrogate pairs are reachable); even, UTF-8.

#include <QString>

#include <cstddef>
#include <cstdint>

namespace Rasid::Fuzz {

inline void check(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}

inline QString inputText(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return {};
    }
    const char *rest = reinterpret_cast<const char *>(data + 1);
    if (data[0] & 1) {
        QString text;
        text.resize(qsizetype((size - 1) / 2));
        for (qsizetype i = 0; i < text.size(); ++i) {
            text[i] = QChar(char16_t(uchar(rest[2 * i]) | uchar(rest[2 * i + 1]) << 8));
        }
        return text;
    }
    return QString::fromUtf8(rest, qsizetype(size - 1));
}

} // namespace Rasid::Fuzz
