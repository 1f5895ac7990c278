#include "store/ftstokenizer.h"

#include "text/textfold.h"
#include "text/utf8.h"

#include <sqlite3.h>

#include <QByteArray>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// Leading clitics, longest first. A variant is emitted only when what remains
// is long enough to be a word of its own.
constexpr QStringView kClitics[] = {
    u"وبال", u"وكال", u"ولل", u"وال", u"فال", u"بال", u"كال", u"لل", u"ال",
    u"وب", u"ول", u"وك", u"فب", u"فل", u"و", u"ف", u"ب", u"ك", u"ل",
};
constexpr int kMinStem = 3;


// The distinct lengths of the leading clitics a word can lose, longest first;
// what remains is at least kMinStem letters.
int cliticLengths(QStringView word, int *lengths)
{
    int count = 0;
    if (word.size() <= kMinStem) {
        return 0;
    }
    switch (word.front().unicode()) {
    case u'و': case u'ف': case u'ب': case u'ك': case u'ل': case u'ا':
        break;
    default:
        return 0; // no clitic starts with any other letter
    }
    for (QStringView clitic : kClitics) {
        const int length = int(clitic.size());
        if (clitic.front() != word.front()) {
            continue;
        }
        if (word.size() - length >= kMinStem && word.startsWith(clitic)
            && std::find(lengths, lengths + count, length) == lengths + count) {
            lengths[count++] = length;
        }
    }
    return count;
}

// The prepared texts in use on this thread (FtsPreparedTexts), or null.
thread_local const FtsPreparedTexts *t_prepared = nullptr;

// Calls take(start, end) for every run [start, end) of word characters in
// folded, in order, and stops at the first call that does not return SQLITE_OK.
template<typename Take>
int forEachWord(QStringView folded, Take take)
{
    const auto *f = folded.utf16();
    const int n = int(folded.size());
    int i = 0;
    while (i < n) {
        if (!isWordChar(QChar(f[i]))) {
            ++i;
            continue;
        }
        int j = i;
        while (j < n && isWordChar(QChar(f[j]))) {
            ++j;
        }
        if (const int rc = take(i, j); rc != SQLITE_OK) {
            return rc;
        }
        i = j;
    }
    return SQLITE_OK;
}

// Calls take(colocated, bytes, length) for every token a document's folded text
// is indexed under, in order: each word, then its clitic-stripped variants at
// the same position. `utf8` is scratch space.
template<typename Take>
int forEachDocumentToken(QStringView folded, QVarLengthArray<char, 256> &utf8, Take take)
{
    return forEachWord(folded, [&](int start, int end) {
        const QStringView word = folded.sliced(start, end - start);
        utf8.resize(4 * word.size());
        const int bytes = writeUtf8(word, utf8.data());
        int rc = take(false, utf8.data(), bytes);
        // Clitics are two-byte Arabic letters, so each variant is a tail of the bytes.
        int lengths[std::size(kClitics)];
        const int count = rc == SQLITE_OK ? cliticLengths(word, lengths) : 0;
        for (int k = 0; k < count && rc == SQLITE_OK; ++k) {
            rc = take(true, utf8.data() + 2 * lengths[k], bytes - 2 * lengths[k]);
        }
        return rc;
    });
}

int replay(const FtsPreparedText &text, void *context, int (*token)(void *, int, const char *, int, int, int))
{
    const char *p = text.tokens.constData();
    const char *end = p + text.tokens.size();
    while (p + 3 <= end) {
        const int length = (uchar(p[0]) << 8) | uchar(p[1]);
        const int flags = p[2] ? FTS5_TOKEN_COLOCATED : 0;
        p += 3;
        if (length > end - p) {
            break;
        }
        const int rc = token(context, flags, p, length, 0, 0);
        if (rc != SQLITE_OK) {
            return rc;
        }
        p += length;
    }
    return SQLITE_OK;
}

struct Tokenizer
{
};

int xCreate(void *, const char **, int, Fts5Tokenizer **out)
{
    *out = reinterpret_cast<Fts5Tokenizer *>(new Tokenizer);
    return SQLITE_OK;
}

void xDelete(Fts5Tokenizer *tokenizer)
{
    delete reinterpret_cast<Tokenizer *>(tokenizer);
}

int xTokenize(Fts5Tokenizer *, void *context, int flags, const char *text, int length,
              int (*token)(void *, int, const char *, int, int, int))
{
    const bool document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
    if (document && t_prepared) {
        if (const FtsPreparedText *prepared = t_prepared->find(text, length)) {
            return replay(*prepared, context, token);
        }
    }
    const QString source = QString::fromUtf8(text, length);
    // FTS5 keeps no offsets in its index: they matter only to auxiliary functions
    // (highlight, snippet), so a document being indexed skips the offset map.
    FoldedText mapped;
    QString plain;
    if (document) {
        plain = fold(source);
    } else {
        mapped = foldWithMap(source);
    }
    const QString &folded = document ? plain : mapped.text;
    const auto *src = reinterpret_cast<const char16_t *>(source.utf16());

    // Byte offsets are needed in the original UTF-8; tokens come in order, so
    // the UTF-16 -> UTF-8 position is advanced incrementally.
    int u16Pos = 0;
    int bytePos = 0;
    auto byteOffset = [&](int sourceOffset) {
        bytePos += utf8Length(QStringView(src + u16Pos, sourceOffset - u16Pos));
        u16Pos = sourceOffset;
        return bytePos;
    };

    QVarLengthArray<char, 256> utf8;
    if (document) {
        return forEachDocumentToken(folded, utf8, [&](bool colocated, const char *bytes, int size) {
            return token(context, colocated ? FTS5_TOKEN_COLOCATED : 0, bytes, size, 0, 0);
        });
    }
    return forEachWord(folded, [&](int i, int j) {
        const int start = byteOffset(mapped.sourceStart(i));
        const int end = byteOffset(mapped.sourceEnd(j));
        utf8.resize(4 * (j - i));
        const int bytes = writeUtf8(QStringView(folded).sliced(i, j - i), utf8.data());
        return token(context, 0, utf8.data(), bytes, start, end);
    });
}

fts5_api *ftsApi(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK) {
        return nullptr;
    }
    sqlite3_bind_pointer(statement, 1, reinterpret_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

} // namespace

FtsPreparedText FtsPreparedText::prepare(QStringView text, const QString &folded)
{
    FtsPreparedText prepared;
    prepared.utf8.resize(4 * text.size());
    prepared.utf8.resize(writeUtf8(text, prepared.utf8.data()));
    const QString words = folded.isEmpty() ? fold(text) : folded;
    // Each token is 3 bytes of header and its UTF-8; a word and its clitic
    // variants come to about twice the text's own UTF-8, which one reservation covers.
    prepared.tokens.reserve(2 * prepared.utf8.size() + 64);
    QVarLengthArray<char, 256> scratch;
    forEachDocumentToken(words, scratch,
                         [&prepared](bool colocated, const char *bytes, int size) {
                             if (size > 0xFFFF) {
                                 prepared.replayable = false; // tokenized as usual when indexed
                                 return SQLITE_DONE;
                             }
                             const qsizetype at = prepared.tokens.size();
                             prepared.tokens.resize(at + 3 + size);
                             char *out = prepared.tokens.data() + at;
                             out[0] = char(size >> 8);
                             out[1] = char(size & 0xFF);
                             out[2] = char(colocated);
                             std::memcpy(out + 3, bytes, size_t(size));
                             return SQLITE_OK;
                         });
    if (!prepared.replayable) {
        prepared.tokens.clear();
    }
    return prepared;
}

FtsPreparedTexts::FtsPreparedTexts()
    : m_outer(const_cast<FtsPreparedTexts *>(t_prepared))
{
    t_prepared = this;
}

FtsPreparedTexts::~FtsPreparedTexts()
{
    t_prepared = m_outer;
}

void FtsPreparedTexts::add(const FtsPreparedText &text)
{
    if (text.replayable && !text.utf8.isEmpty()) {
        m_texts.insert(QByteArrayView(text.utf8), &text);
    }
}

const FtsPreparedText *FtsPreparedTexts::find(const char *utf8, int length) const
{
    return m_texts.value(QByteArrayView(utf8, length), nullptr);
}

QStringList cliticVariants(QStringView word)
{
    int lengths[std::size(kClitics)];
    const int count = cliticLengths(word, lengths);
    QStringList variants;
    for (int k = 0; k < count; ++k) {
        variants.append(word.mid(lengths[k]).toString());
    }
    return variants;
}

QStringList ftsQueryTokens(const QString &query)
{
    QStringList tokens;
    const QString f = fold(query);
    forEachWord(f, [&](int start, int end) {
        tokens.append(f.mid(start, end - start));
        return SQLITE_OK;
    });
    return tokens;
}

bool registerFtsTokenizer(sqlite3 *db, QString *error)
{
    fts5_api *api = ftsApi(db);
    if (!api) {
        if (error) {
            *error = u"this SQLite library has no FTS5 full-text search"_s;
        }
        return false;
    }
    static fts5_tokenizer tokenizer{xCreate, xDelete, xTokenize};
    if (api->xCreateTokenizer(api, "rasid", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        if (error) {
            *error = u"could not register the Arabic full-text tokenizer"_s;
        }
        return false;
    }
    return true;
}

} // namespace Store
} // namespace Rasid
