#include "text/decoder.h"

#include "text/utf8.h"

#include <QLoggingCategory>
#include <QStringDecoder>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {

Q_LOGGING_CATEGORY(lcDecoder, "rasid.decoder", QtWarningMsg)

namespace {

constexpr qsizetype kSampleSize = 64 * 1024; // enough bytes to judge a byte pattern

// What one pass over the bytes learns about them as UTF-8.
struct Utf8Scan
{
    qsizetype invalid = 0;    // invalid or truncated sequences
    qsizetype multibyte = 0;  // valid sequences of 2 to 4 bytes
    qsizetype nul = 0;
    qsizetype controls = 0;   // C0 controls other than \t \n \v \f \r, and DEL
};

inline bool isContinuation(uchar c)
{
    return (c & 0xC0) == 0x80;
}

// Strict validation (no overlongs, no surrogates, nothing above U+10FFFF), eight
// printable ASCII bytes at a time, which is what most of a news article is.
Utf8Scan scanUtf8(const uchar *s, qsizetype n)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highBits = 0x8080808080808080ULL;
    Utf8Scan r;
    qsizetype i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            quint64 w;
            std::memcpy(&w, s + i, 8);
            // No byte >= 0x80 and no byte < 0x20 (the classic "has less than" trick).
            if ((w & highBits) == 0 && ((w - ones * 0x20) & ~w & highBits) == 0) {
                i += 8;
                continue;
            }
        }
        const uchar c = s[i];
        if (c < 0x80) {
            if (c == 0) {
                ++r.nul;
            } else if ((c < 0x20 && (c < 0x09 || c > 0x0D)) || c == 0x7F) {
                ++r.controls;
            }
            ++i;
            continue;
        }
        int len = 0;
        uchar lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        }
        bool ok = len > 0 && i + len <= n && s[i + 1] >= lo && s[i + 1] <= hi;
        for (int k = 2; ok && k < len; ++k) {
            ok = isContinuation(s[i + k]);
        }
        if (ok) {
            ++r.multibyte;
            i += len;
        } else {
            ++r.invalid;
            ++i;
        }
    }
    return r;
}

/*
 * UTF-8 except a small share of invalid sequences: at most one invalid byte
 * in a hundred (a long text with a few damaged spots), or at most eight
 * invalid sequences in all, which is what a few damaged bytes make in a short
 * text (each broken letter counts once or twice: its lead byte, then the byte
 * that replaced its second; in a 60-byte line two broken bytes and a cut last
 * letter are five, 8% of the bytes, yet the 20-odd letters around them are
 * plainly UTF-8). Either way the valid multi-byte sequences must outnumber
 * the invalid ones four to one. Text in windows-1256 forms a valid
 * UTF-8 pair only where a letter (0xC2-0xDF) happens to precede a byte of
 * 0x80-0xBF (the Arabic comma, ؛ and ؟, a few Persian letters), so nearly
 * every one of its letters is an invalid sequence and it never passes.
 */
bool isUtf8ButForAFewBytes(const Utf8Scan &scan, qsizetype size)
{
    const bool fewInLongText = scan.invalid * 100 <= size;
    const bool fewInShortText = scan.invalid <= 8;
    return (fewInLongText || fewInShortText) && scan.multibyte >= 4 * scan.invalid;
}

QString canonicalCharsetName(UConverter *conv)
{
    UErrorCode err = U_ZERO_ERROR;
    const char *internal = ucnv_getName(conv, &err);
    if (U_FAILURE(err)) {
        return {};
    }
    for (const char *standard : {"MIME", "IANA"}) {
        UErrorCode e = U_ZERO_ERROR;
        if (const char *name = ucnv_getStandardName(internal, standard, &e); name && U_SUCCESS(e)) {
            return QString::fromLatin1(name);
        }
    }
    return QString::fromLatin1(internal);
}

// ICU's own substitution callback, plus a count so that the caller knows the
// conversion lost bytes.
void U_CALLCONV countingSubstitute(const void *context, UConverterToUnicodeArgs *args,
                                   const char *, int32_t, UConverterCallbackReason reason,
                                   UErrorCode *err)
{
    if (reason > UCNV_IRREGULAR) {
        return;
    }
    ++*static_cast<int *>(const_cast<void *>(context));
    *err = U_ZERO_ERROR;
    const UChar replacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

struct ConverterCloser
{
    void operator()(UConverter *c) const { ucnv_close(c); }
};

// Converts with an ICU converter. Returns false when ICU does not know `charset`.
bool convertWithIcu(const char *charset, const QByteArray &bytes, DecodedText &out)
{
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset, &err));
    if (U_FAILURE(err) || !conv) {
        return false;
    }
    int substitutions = 0;
    ucnv_setToUCallBack(conv.get(), countingSubstitute, &substitutions, nullptr, nullptr, &err);
    // A single-byte charset gives one UTF-16 unit per byte; others never give more
    // units than bytes either, but preflight the rare case that they do.
    QString text(bytes.size() + 1, Qt::Uninitialized);
    err = U_ZERO_ERROR;
    int32_t length = ucnv_toUChars(conv.get(), reinterpret_cast<UChar *>(text.data()),
                                   int32_t(text.size()), bytes.constData(), int32_t(bytes.size()), &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        text.resize(length + 1);
        substitutions = 0;
        err = U_ZERO_ERROR;
        length = ucnv_toUChars(conv.get(), reinterpret_cast<UChar *>(text.data()),
                               int32_t(text.size()), bytes.constData(), int32_t(bytes.size()), &err);
    }
    if (U_FAILURE(err)) {
        return false;
    }
    text.truncate(length);
    out.text = std::move(text);
    out.encoding = canonicalCharsetName(conv.get());
    out.lossy = substitutions > 0;
    return true;
}

// Bytes of ISO-8859-6 that have no character. windows-1256 uses most of them for
// letters (غ ف ق ك are 0xDB, 0xDD-0xDF), so their presence rules ISO-8859-6 out.
bool undefinedInIso88596(uchar c)
{
    return (c >= 0x80 && c <= 0x9F) || (c >= 0xA1 && c <= 0xA3) || (c >= 0xA5 && c <= 0xAB)
        || (c >= 0xAD && c <= 0xBA) || (c >= 0xBC && c <= 0xBE) || c == 0xC0
        || (c >= 0xDB && c <= 0xDF) || c >= 0xF3;
}

int ucsdetConfidence(const QByteArray &bytes, const char *wanted)
{
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err)) {
        return 0;
    }
    ucsdet_setText(det, bytes.constData(), int32_t(std::min(bytes.size(), kSampleSize)), &err);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det, &count, &err);
    int confidence = 0;
    for (int32_t i = 0; U_SUCCESS(err) && i < count; ++i) {
        if (qstricmp(ucsdet_getName(matches[i], &err), wanted) == 0) {
            confidence = ucsdet_getConfidence(matches[i], &err);
            break;
        }
    }
    ucsdet_close(det);
    return confidence;
}

// windows-1256 or ISO-8859-6, and how sure we are. The byte statistics decide
// when they can: ISO-8859-6 lacks a quarter of the letters windows-1256 has
// (غ ف ق ك are 0xDB, 0xDD-0xDF there), and the bytes of its most frequent
// letters ه و ي (0xE7, 0xE8, 0xEA) are accented Latin letters in windows-1256,
// whose own ي and ى (0xED, 0xEC) are harakat in ISO-8859-6. ucsdet breaks the
// tie when neither shows, and windows-1256, which is what Arabic scrapers
// produce, wins whenever nothing is sure.
std::pair<const char *, int> guessArabicSingleByte(const QByteArray &bytes)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = std::min(bytes.size(), kSampleSize);
    qsizetype high = 0, isoUndefined = 0, shared = 0, cpLetters = 0, isoLetters = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = s[i];
        if (c < 0x80) {
            continue;
        }
        ++high;
        if (undefinedInIso88596(c)) {
            ++isoUndefined;
        } else if (c >= 0xC1 && c <= 0xDA) {
            ++shared; // letters in both
        } else if (c == 0xEC || c == 0xED) {
            ++cpLetters;
        } else if (c >= 0xE7 && c <= 0xEA) {
            ++isoLetters;
        }
    }
    if (high == 0) {
        return {"windows-1256", 100};
    }
    if (isoUndefined > 0) {
        const int share = int(100 * isoUndefined / high);
        return {"windows-1256", std::clamp(60 + share * 2, 60, 98)};
    }
    const bool looksArabic = shared * 4 >= high;
    if (looksArabic && isoLetters >= 2 && isoLetters > 2 * cpLetters) {
        return {"ISO-8859-6", int(std::clamp<qsizetype>(60 + isoLetters * 3, 60, 95))};
    }
    const int iso = ucsdetConfidence(bytes, "ISO-8859-6");
    const int win = ucsdetConfidence(bytes, "windows-1256");
    if (looksArabic && isoLetters > cpLetters && iso > win) {
        return {"ISO-8859-6", std::clamp(iso, 30, 80)};
    }
    return {"windows-1256", std::clamp(std::max(win, 30), 30, 80)};
}

// UTF-16 without BOM: Arabic and Latin text has 0x06 or 0x00 as the high byte of
// nearly every unit, and almost never as the low byte.
const char *guessUtf16(const QByteArray &bytes, int &confidence)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = std::min(bytes.size(), kSampleSize) & ~qsizetype(1);
    const qsizetype units = n / 2;
    if (units < 2) {
        return nullptr;
    }
    qsizetype even = 0, odd = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        even += (s[i] == 0x00 || s[i] == 0x06);
        odd += (s[i + 1] == 0x00 || s[i + 1] == 0x06);
    }
    const auto judge = [&](qsizetype highHits, qsizetype lowHits) {
        if (highHits * 10 >= units * 6 && lowHits * 10 <= units) {
            confidence = int(std::clamp<qsizetype>(100 * (highHits - lowHits) / units, 50, 95));
            return true;
        }
        return false;
    };
    if (judge(odd, even)) {
        return "UTF-16LE";
    }
    if (judge(even, odd)) {
        return "UTF-16BE";
    }
    return nullptr;
}

QString decodeUtf16(QByteArrayView bytes, QStringConverter::Encoding encoding, bool &lossy)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    // Half a surrogate pair in the bytes is a loss like any broken sequence.
    const bool halfPairs = replaceUnpairedSurrogates(text);
    lossy = decoder.hasError() || halfPairs || text.contains(QChar::ReplacementCharacter);
    return text;
}

// Well-known binary formats get a more helpful reason than a byte count.
QString binaryKind(const QByteArray &bytes)
{
    struct Magic
    {
        const char *prefix;
        int length;
        const char *what;
    };
    static const Magic magics[] = {
        {"%PDF-", 5, "PDF document"},
        {"PK\x03\x04", 4, "ZIP archive or office document"},
        {"\x89PNG", 4, "PNG image"},
        {"\xFF\xD8\xFF", 3, "JPEG image"},
        {"GIF8", 4, "GIF image"},
        {"\x7F" "ELF", 4, "executable"},
        {"\x1F\x8B", 2, "gzip archive"},
        {"\xD0\xCF\x11\xE0", 4, "old office document"},
        {"SQLite format 3", 15, "SQLite database"},
    };
    for (const Magic &m : magics) {
        if (bytes.startsWith(QByteArrayView(m.prefix, m.length))) {
            return QString::fromLatin1(m.what);
        }
    }
    return {};
}

QString binaryProblem(const QString &kind = {})
{
    return kind.isEmpty() ? u"binary file (not text)"_s : u"binary file (not text): "_s + kind;
}

// Counts control characters in decoded text (UTF-16 paths, where the byte scan
// says nothing about them).
bool mostlyControls(const QString &text)
{
    qsizetype controls = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        controls += (u < 0x20 && (u < 0x09 || u > 0x0D)) || u == 0x7F;
    }
    return controls * 20 > text.size();
}

void finish(DecodedText &out)
{
    if (out.text.startsWith(QChar(0xFEFF))) {
        out.text.remove(0, 1);
    }
    normalizeLineEndings(out.text);
    if (out.problem.isEmpty()) {
        const bool blank = std::all_of(out.text.cbegin(), out.text.cend(),
                                       [](QChar c) { return c.isSpace() || c.unicode() == 0xFEFF; });
        if (blank) {
            out.problem = u"empty file (only whitespace)"_s;
        }
    }
}

/*
 * Text in which an interrupted write or a damaged disk block left zero bytes:
 * a run of them at the end is padding and is dropped; a few runs inside UTF-8
 * text (at most one per thousand bytes) each become one U+FFFD. Either way the
 * text is lossy, and a JSON-lines file keeps its good lines. Binary files have
 * zero bytes everywhere; false for them.
 */
bool decodeWithZeroBytes(const QByteArray &bytes, const Utf8Scan &scan, const QByteArray &declaredCharset,
                         DecodedText &out)
{
    qsizetype end = bytes.size();
    while (end > 0 && bytes.at(end - 1) == '\0') {
        --end;
    }
    if (end == 0) {
        out.problem = u"empty file (only zero bytes)"_s;
        return true;
    }
    const QByteArrayView head(bytes.constData(), end);
    qsizetype runs = 0;
    for (qsizetype i = 0; i < end; ++i) {
        runs += head[i] == '\0' && (i == 0 || head[i - 1] != '\0');
    }
    if (runs * 1000 > end || scan.controls * 50 > end) {
        return false;
    }
    if (runs > 0 && scan.multibyte < 10 * scan.invalid) {
        return false; // zero bytes in something that is not UTF-8 either
    }
    QByteArray text;
    text.reserve(end + 2 * runs);
    for (qsizetype i = 0; i < end; ++i) {
        if (head[i] != '\0') {
            text.append(head[i]);
        } else if (i == 0 || head[i - 1] != '\0') {
            text.append("\xEF\xBF\xBD"); // U+FFFD
        }
    }
    out = decodeText(text, declaredCharset); // no zero byte is left: no deeper recursion
    if (out.problem.isEmpty()) {
        out.lossy = true;
        out.confidence = std::min(out.confidence, 80);
    }
    return true;
}

} // namespace

void normalizeLineEndings(QString &text)
{
    const qsizetype firstCr = text.indexOf(u'\r');
    if (firstCr < 0) {
        return;
    }
    QChar *d = text.data();
    const qsizetype n = text.size();
    qsizetype w = firstCr;
    for (qsizetype r = firstCr; r < n; ++r) {
        if (d[r] == u'\r') {
            d[w++] = u'\n';
            if (r + 1 < n && d[r + 1] == u'\n') {
                ++r;
            }
        } else {
            d[w++] = d[r];
        }
    }
    text.truncate(w);
}

DecodedText decodeText(const QByteArray &bytes, const QByteArray &declaredCharset)
{
    DecodedText out;
    if (bytes.isEmpty()) {
        out.problem = u"empty file"_s;
        return out;
    }

    // 1. A byte order mark settles it. UTF-32 is tested before UTF-16LE, whose BOM
    // it starts with.
    const auto *s = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = bytes.size();
    struct Bom
    {
        const char *bytes;
        int length;
        QStringConverter::Encoding encoding;
        const char *name;
    };
    static const Bom boms[] = {
        {"\xEF\xBB\xBF", 3, QStringConverter::Utf8, "UTF-8"},
        {"\xFF\xFE\x00\x00", 4, QStringConverter::Utf32LE, "UTF-32LE"},
        {"\x00\x00\xFE\xFF", 4, QStringConverter::Utf32BE, "UTF-32BE"},
        {"\xFF\xFE", 2, QStringConverter::Utf16LE, "UTF-16LE"},
        {"\xFE\xFF", 2, QStringConverter::Utf16BE, "UTF-16BE"},
    };
    for (const Bom &bom : boms) {
        if (!bytes.startsWith(QByteArrayView(bom.bytes, bom.length))) {
            continue;
        }
        const QByteArrayView body = QByteArrayView(bytes).sliced(bom.length);
        out.encoding = QString::fromLatin1(bom.name);
        out.text = decodeUtf16(body, bom.encoding, out.lossy);
        out.confidence = out.lossy ? 80 : 100;
        if (body.isEmpty()) {
            out.problem = u"empty file"_s;
        } else if (out.text.contains(QChar(0)) || mostlyControls(out.text)) {
            out.problem = binaryProblem();
        }
        finish(out);
        return out;
    }

    if (const QString kind = binaryKind(bytes); !kind.isEmpty()) {
        out.problem = binaryProblem(kind);
        return out;
    }

    // 2. One pass tells whether the bytes are UTF-8 and how many controls they hold.
    const Utf8Scan scan = scanUtf8(s, n);

    // 3. Zero bytes or many controls (0x06 is a control) are UTF-16 without BOM,
    // or binary.
    if (scan.nul > 0 || scan.controls * 50 > n) {
        int confidence = 0;
        if (const char *name = guessUtf16(bytes, confidence)) {
            const bool le = qstrcmp(name, "UTF-16LE") == 0;
            out.text = decodeUtf16(bytes, le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
                                   out.lossy);
            out.lossy = out.lossy || (n % 2) != 0;
            if (!mostlyControls(out.text) && !out.text.contains(QChar(0))) {
                out.encoding = QString::fromLatin1(name);
                out.confidence = confidence;
                finish(out);
                return out;
            }
            out = DecodedText();
        }
        if (scan.nul > 0 && decodeWithZeroBytes(bytes, scan, declaredCharset, out)) {
            return out;
        }
        if (scan.nul > 0 || scan.controls * 20 > n) {
            out.problem = binaryProblem();
            return out;
        }
    }

    if (scan.invalid == 0) {
        out.text = QString::fromUtf8(bytes);
        out.encoding = u"UTF-8"_s;
        out.confidence = 100;
        finish(out);
        return out;
    }

    // UTF-8 but for a few broken sequences wins before any declaration or
    // detection: a legacy code page would turn every good letter into mojibake
    // to save the few broken ones.
    if (isUtf8ButForAFewBytes(scan, n)) {
        out.text = QString::fromUtf8(bytes);
        out.encoding = u"UTF-8"_s;
        out.lossy = true;
        const qsizetype share = 100 * scan.invalid / (scan.multibyte + scan.invalid);
        out.confidence = int(std::clamp<qsizetype>(90 - 4 * share, 40, 90));
        finish(out);
        return out;
    }

    // 4. A charset the file declares (HTML <meta charset>), unless it is UTF-8,
    // which the bytes just disproved, or a Latin default that Arabic pages
    // often declare wrongly.
    const QByteArray declared = declaredCharset.trimmed().toLower();
    static const QByteArrayList untrusted = {"utf-8", "utf8", "iso-8859-1", "latin1",
                                             "windows-1252", "us-ascii", "ascii"};
    if (!declared.isEmpty() && !untrusted.contains(declared)) {
        if (convertWithIcu(declared.constData(), bytes, out)) {
            out.confidence = out.lossy ? 60 : 90;
            finish(out);
            return out;
        }
        qCDebug(lcDecoder) << "unknown declared charset" << declared;
    }

    // 5. Mostly UTF-8 with a few broken bytes: keep it UTF-8 and say it is lossy.
    // windows-1256 Arabic forms a valid UTF-8 pair only by chance (a letter then
    // the Arabic comma), far less often than an invalid one.
    if (scan.multibyte >= 10 * scan.invalid) {
        out.text = QString::fromUtf8(bytes);
        out.encoding = u"UTF-8"_s;
        out.lossy = true;
        const qsizetype share = 100 * scan.invalid / (scan.multibyte + scan.invalid);
        out.confidence = int(std::clamp<qsizetype>(90 - 4 * share, 40, 90));
        finish(out);
        return out;
    }

    // 6. A single-byte Arabic code page.
    const auto [charset, confidence] = guessArabicSingleByte(bytes);
    if (!convertWithIcu(charset, bytes, out)) {
        out.text = QString::fromUtf8(bytes); // ICU without the converter: should not happen
        out.encoding = u"UTF-8"_s;
        out.lossy = true;
        out.confidence = 10;
    } else {
        out.confidence = out.lossy ? std::min(confidence, 50) : confidence;
    }
    finish(out);
    return out;
}

} // namespace Text
} // namespace Rasid
