#include "text/textfold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace Rasid {
inline namespace Text {

bool isArabicMark(char16_t c)
{
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC)
        || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8
        || (c >= 0x06EA && c <= 0x06ED) || (c >= 0x0610 && c <= 0x061A);
}

bool isFormatControl(char16_t c)
{
    return c == 0x061C || c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x2060;
}

bool isWordCharSlow(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

namespace {

bool isPresentationForm(char16_t c)
{
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC) || (c >= 0xFF01 && c <= 0xFF5E);
}

// Output sink writing through raw pointers into buffers sized for the worst
// case (NFKC of one unit gives at most a few units), then trimmed: appending
// QChar by QChar costs more than the folding itself. With a map it records
// source spans; without, it only writes text.
template<bool WithMap>
struct Sink
{
    FoldedText &out;
    char16_t *text = nullptr;
    int *from = nullptr;
    int *to = nullptr;
    int size = 0;

    void reserve(int capacity)
    {
        out.text.resize(capacity);
        text = reinterpret_cast<char16_t *>(out.text.data());
        if constexpr (WithMap) {
            out.from.resize(capacity);
            out.to.resize(capacity);
            from = out.from.data();
            to = out.to.data();
        }
    }
    void finish()
    {
        out.text.truncate(size);
        if constexpr (WithMap) {
            out.from.resize(size);
            out.to.resize(size);
        }
    }
    void put(char16_t c, int srcFrom, int srcTo)
    {
        text[size] = c;
        if constexpr (WithMap) {
            from[size] = srcFrom;
            to[size] = srcTo;
        }
        ++size;
    }
    // A removed mark belongs to the letter before it: extend that letter's span.
    void absorb(int srcTo)
    {
        if constexpr (WithMap) {
            if (size > 0) {
                to[size - 1] = srcTo;
            }
        }
    }
    char16_t last() const { return size > 0 ? text[size - 1] : 0; }
    void dropLast()
    {
        --size;
        if constexpr (WithMap) {
            absorb(to[size]);
        }
    }
};

char16_t foldUnitSlow(char16_t c);

// The Arabic block folded once into a table: most of a news text is in it.
struct ArabicBlockTable
{
    char16_t map[256];
    ArabicBlockTable()
    {
        for (int i = 0; i < 256; ++i) {
            map[i] = foldUnitSlow(char16_t(0x0600 + i));
        }
    }
};

// Folds one BMP unit that is not a presentation form. Returns 0 to drop it.
inline char16_t foldUnit(char16_t c)
{
    static const ArabicBlockTable arabic;
    if ((c & 0xFF00) == 0x0600) {
        return arabic.map[c & 0xFF];
    }
    return foldUnitSlow(c);
}

char16_t foldUnitSlow(char16_t c)
{
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
            return c + 32;
        }
        return c == '\r' ? 0 : c;
    }
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
        return 0x0627; // alef forms -> ا
    case 0x0649: case 0x06CC: case 0x06D2:
        return 0x064A; // ى ی -> ي
    case 0x0629:
        return 0x0647; // ة -> ه
    case 0x06A9:
        return 0x0643; // ک -> ك
    case 0x060C: return ',';
    case 0x061B: return ';';
    case 0x061F: return '?';
    case 0x066A: return '%';
    case 0x066B: return '.';
    case 0x066C: return ',';
    case 0x06D4: return '.';
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
        return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
        return '\'';
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000:
        return ' ';
    case 0x2013: case 0x2014: case 0x2212:
        return '-';
    case 0x0640:
        return 0; // tatweel
    default:
        break;
    }
    if (c >= 0x0660 && c <= 0x0669) {
        return u'0' + (c - 0x0660);
    }
    if (c >= 0x06F0 && c <= 0x06F9) {
        return u'0' + (c - 0x06F0);
    }
    if (c >= 0x2000 && c <= 0x200A) {
        return ' ';
    }
    if (isArabicMark(c) || isFormatControl(c)) {
        return 0;
    }
    if (c >= 0x00C0 && c < 0x0590) {
        return QChar(c).toCaseFolded().unicode();
    }
    return c;
}

template<bool WithMap>
void foldInto(QStringView src, FoldedText &out)
{
    Sink<WithMap> sink{out};
    out.sourceLength = int(src.size());
    const char16_t *s = src.utf16();
    const int n = int(src.size());
    int presentationForms = 0;
    for (int i = 0; i < n; ++i) {
        presentationForms += s[i] >= 0xFB50 ? 1 : 0;
    }
    // NFKC of one presentation form is at most 18 units (U+FDFA); the rest map one to one at most.
    sink.reserve(n + presentationForms * 18);
    bool pendingTanweenAlef = false; // a fathatan just seen: a following bare alef is its seat
    for (int i = 0; i < n; ++i) {
        const char16_t c = s[i];
        if (c == 0x064B) { // fathatan: "اً" drops the alef before, "ًا" the alef after
            if (sink.last() == 0x0627 && i > 0 && s[i - 1] == 0x0627) {
                sink.dropLast();
            } else {
                pendingTanweenAlef = true;
            }
            sink.absorb(i + 1);
            continue;
        }
        if (pendingTanweenAlef) {
            pendingTanweenAlef = false;
            if (c == 0x0627) {
                sink.absorb(i + 1);
                continue;
            }
        }
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            // Astral characters (emoji, rare scripts) pass through unchanged.
            sink.put(c, i, i + 2);
            sink.put(s[i + 1], i, i + 2);
            ++i;
            continue;
        }
        if (isPresentationForm(c)) {
            UErrorCode status = U_ZERO_ERROR;
            const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
            icu::UnicodeString decomposed;
            if (U_SUCCESS(status)) {
                nfkc->normalize(icu::UnicodeString(c), decomposed, status);
            }
            if (U_FAILURE(status) || decomposed.isEmpty()) {
                sink.put(c, i, i + 1);
                continue;
            }
            for (int k = 0; k < decomposed.length(); ++k) {
                const char16_t f = foldUnit(decomposed.charAt(k));
                if (f) {
                    sink.put(f, i, i + 1);
                }
            }
            continue;
        }
        const char16_t f = foldUnit(c);
        if (f) {
            sink.put(f, i, i + 1);
        } else if (c != '\r' && !isFormatControl(c)) {
            sink.absorb(i + 1); // harakat and tatweel stay inside the span of their letter
        }
    }
    sink.finish();
}

} // namespace

int FoldedText::sourceStart(int foldedStart) const
{
    if (foldedStart <= 0) {
        return from.isEmpty() ? 0 : (foldedStart < 0 ? 0 : from.first());
    }
    if (foldedStart >= from.size()) {
        return sourceLength;
    }
    return from.at(foldedStart);
}

int FoldedText::sourceEnd(int foldedEnd) const
{
    if (foldedEnd <= 0) {
        return sourceStart(0);
    }
    if (foldedEnd > to.size()) {
        return sourceLength;
    }
    return to.at(foldedEnd - 1);
}

int FoldedText::foldedOffset(int sourceOffset) const
{
    const auto it = std::lower_bound(from.cbegin(), from.cend(), sourceOffset);
    return int(it - from.cbegin());
}

FoldedText foldWithMap(QStringView source)
{
    FoldedText out;
    foldInto<true>(source, out);
    return out;
}

QString fold(QStringView source)
{
    FoldedText out;
    foldInto<false>(source, out);
    return out.text;
}

} // namespace Text
} // namespace Rasid
