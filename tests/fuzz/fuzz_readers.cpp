// libFuzzer target: decoding (every encoding path, with a declared charset or
// none) and the text, HTML, JSON, JSON-lines and PDF readers, then the cleaner
// and its slices. The first byte picks the reader, the second a declared charset.
#include "text/articlereader.h"
#include "text/cleaner.h"
#include "text/decoder.h"

#include <QByteArray>

static bool hasUnpairedSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
        } else if (text.at(i).isSurrogate()) {
            return true;
        }
    }
    return false;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const auto kind = static_cast<Rasid::SourceKind>(data[0] % 5);
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    // The decoder alone, with and without a declared charset (the second byte
    // picks one): never a CR, never half a surrogate pair, and strict UTF-8
    // text without zero bytes is always taken as UTF-8 without loss.
    static const char *const declared[] = {"", "windows-1256", "iso-8859-6", "utf-8", "x-unknown", "utf-16le"};
    const QByteArray charset(size > 1 ? declared[data[1] % 6] : "");
    for (const QByteArray &name : {QByteArray(), charset}) {
        const Rasid::DecodedText decoded = Rasid::decodeText(bytes, name);
        if (decoded.text.contains(QChar(u'\r')) || (decoded.problem.isEmpty() && hasUnpairedSurrogate(decoded.text))) {
            __builtin_trap();
        }
        if (decoded.problem.isEmpty() && decoded.lossy && decoded.encoding.isEmpty()) {
            __builtin_trap();
        }
    }
    const Rasid::ReadResult result = Rasid::readArticle(kind, bytes);
    for (const Rasid::RawArticle &raw : result.articles) {
        // Half a surrogate pair would be damaged in storage: none may leave a reader.
        for (const QString *field : {&raw.title, &raw.outlet, &raw.published, &raw.sourceUrl, &raw.body}) {
            if (hasUnpairedSurrogate(*field)) {
                __builtin_trap();
            }
        }
        const Rasid::CleanedArticle cleaned = Rasid::cleanArticle(raw);
        if (cleaned.text.contains(QChar(u'\r'))) {
            __builtin_trap(); // the cleaned text is LF-only: offsets depend on it
        }
        if (hasUnpairedSurrogate(cleaned.text) || hasUnpairedSurrogate(cleaned.title)) {
            __builtin_trap();
        }
        // The cleaned text is untouched slices of the source and separators.
        QString body = raw.body;
        Rasid::normalizeLineEndings(body);
        qsizetype at = 0;
        for (const Rasid::TextSlice &slice : cleaned.slices) {
            const QString &source = slice.fromTitle ? raw.title : body;
            const QStringView separator = QStringView(cleaned.text).sliced(at, slice.textStart - at);
            if (slice.length <= 0 || slice.textStart < at || slice.sourceStart < 0
                || slice.sourceStart + slice.length > source.size()
                || QStringView(cleaned.text).sliced(slice.textStart, slice.length)
                    != QStringView(source).sliced(slice.sourceStart, slice.length)
                || (at > 0 && separator != u"\n\n" && separator != u" ") || (at == 0 && !separator.isEmpty())) {
                __builtin_trap();
            }
            at = slice.textStart + slice.length;
        }
        if (at != cleaned.text.size()) {
            __builtin_trap();
        }
        for (const Rasid::RemovedText &removed : cleaned.removed) {
            if (removed.start < 0 || removed.start + removed.length > body.size()
                || removed.text != QStringView(body).sliced(removed.start, removed.length)) {
                __builtin_trap();
            }
        }
    }
    return 0;
}
