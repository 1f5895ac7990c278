#pragma once

#include <QString>
#include <QStringView>

namespace Rasid {
inline namespace Text {

// Writes the UTF-8 form of text into out, which must hold 3 bytes per UTF-16
// unit, and returns the bytes written. An unpaired surrogate becomes U+FFFD
// (QString::toUtf8() writes '?' on Qt 6.4). SQLite stores text as UTF-8:
// converting ourselves into a reused buffer is cheaper than handing it UTF-16.
int writeUtf8(QStringView text, char *out);

// The number of bytes writeUtf8() writes for text.
int utf8Length(QStringView text);

// Replaces every unpaired surrogate of text with U+FFFD; true when it did.
bool replaceUnpairedSurrogates(QString &text);

} // namespace Text
} // namespace Rasid
