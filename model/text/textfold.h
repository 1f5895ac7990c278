#pragma once

#include <QString>
#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Text {

/*
 * The folding Rasid uses for matching and search, never for display.
 *
 * Folding removes what varies between spellings of the same word in Arabic news
 * (harakat, tatweel, alef forms, ة/ه, ى/ي, Arabic-Indic digits, presentation
 * forms, Latin case) and keeps, for every folded UTF-16 unit, the span of source
 * units it came from. A match found in the folded text therefore maps back to the
 * exact span of the original text, including the diacritics that trail its last
 * letter.
 */
struct FoldedText
{
    QString text;
    // For folded unit i: source span [from[i], to[i]). Both are monotonic.
    QVector<int> from;
    QVector<int> to;
    int sourceLength = 0;

    // Maps a folded span [start, end) to the source span it covers.
    int sourceStart(int foldedStart) const;
    int sourceEnd(int foldedEnd) const;
    // Maps a source offset to the first folded unit at or after it.
    int foldedOffset(int sourceOffset) const;
};

FoldedText foldWithMap(QStringView source);
QString fold(QStringView source);

// Character classes shared by folding-aware code.
bool isArabicMark(char16_t c);        // harakat, tanween, superscript alef, Quranic marks
bool isFormatControl(char16_t c);     // bidi controls, zero-width characters, BOM
bool isWordCharSlow(QChar c);         // isWordChar() outside ASCII and the Arabic letters

// Letters, digits and marks of any script. Inline: every scanner asks it of
// every unit of every article, and nearly all are ASCII or Arabic letters.
inline bool isWordChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80) {
        return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
    }
    if (u >= 0x0621 && u <= 0x064A) {
        return true;
    }
    return isWordCharSlow(c);
}

} // namespace Text
} // namespace Rasid
