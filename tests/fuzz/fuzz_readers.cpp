// libFuzzer target: decoding (every encoding path) and the text, HTML, JSON,
// JSON-lines and PDF readers, then the cleaner. The first byte picks the reader.
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
    const Rasid::DecodedText decoded = Rasid::decodeText(bytes);
    (void)decoded;
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
    }
    return 0;
}
