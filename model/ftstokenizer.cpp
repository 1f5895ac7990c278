#include "ftstokenizer.h"

#include "textfold.h"

#include <sqlite3.h>

#include <QByteArray>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// Leading clitics, longest first. A variant is emitted only when what remains
// is long enough to be a word of its own.
constexpr QStringView kClitics[] = {
    u"وبال", u"وكال", u"ولل", u"وال", u"فال", u"بال", u"كال", u"لل", u"ال",
    u"وب", u"ول", u"وك", u"فب", u"فل", u"و", u"ف", u"ب", u"ك", u"ل",
};
constexpr int kMinStem = 3;

inline bool isArabicLetter(char16_t c)
{
    return c >= 0x0621 && c <= 0x064A;
}

// Length in UTF-8 bytes of the UTF-16 units [from, to) of s.
inline int utf8Length(const char16_t *s, int from, int to)
{
    int bytes = 0;
    for (int i = from; i < to; ++i) {
        const char16_t c = s[i];
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < to && QChar::isLowSurrogate(s[i + 1])) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;
        }
    }
    return bytes;
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
    const QString source = QString::fromUtf8(text, length);
    const FoldedText folded = foldWithMap(source);
    const QString &f = folded.text;
    const auto *src = reinterpret_cast<const char16_t *>(source.utf16());
    const bool document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;

    // Byte offsets are needed in the original UTF-8; tokens come in order, so
    // the UTF-16 -> UTF-8 position is advanced incrementally.
    int u16Pos = 0;
    int bytePos = 0;
    auto byteOffset = [&](int sourceOffset) {
        bytePos += utf8Length(src, u16Pos, sourceOffset);
        u16Pos = sourceOffset;
        return bytePos;
    };

    const int n = int(f.size());
    int i = 0;
    while (i < n) {
        if (!isWordChar(f.at(i))) {
            ++i;
            continue;
        }
        int j = i;
        while (j < n && isWordChar(f.at(j))) {
            ++j;
        }
        const QStringView word = QStringView(f).mid(i, j - i);
        const int start = byteOffset(folded.sourceStart(i));
        const int end = byteOffset(folded.sourceEnd(j));
        const QByteArray utf8 = word.toUtf8();
        int rc = token(context, 0, utf8.constData(), int(utf8.size()), start, end);
        if (rc != SQLITE_OK) {
            return rc;
        }
        if (document) {
            for (const QString &variant : cliticVariants(word)) {
                const QByteArray v = variant.toUtf8();
                rc = token(context, FTS5_TOKEN_COLOCATED, v.constData(), int(v.size()), start, end);
                if (rc != SQLITE_OK) {
                    return rc;
                }
            }
        }
        i = j;
    }
    return SQLITE_OK;
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

QStringList cliticVariants(QStringView word)
{
    QStringList variants;
    if (word.size() <= kMinStem || !isArabicLetter(word.front().unicode())) {
        return variants;
    }
    for (QStringView clitic : kClitics) {
        if (word.size() - clitic.size() >= kMinStem && word.startsWith(clitic)) {
            const QString stem = word.mid(clitic.size()).toString();
            if (!variants.contains(stem)) {
                variants.append(stem);
            }
        }
    }
    return variants;
}

QStringList ftsQueryTokens(const QString &query)
{
    QStringList tokens;
    const QString f = fold(query);
    const int n = int(f.size());
    int i = 0;
    while (i < n) {
        if (!isWordChar(f.at(i))) {
            ++i;
            continue;
        }
        int j = i;
        while (j < n && isWordChar(f.at(j))) {
            ++j;
        }
        tokens.append(f.mid(i, j - i));
        i = j;
    }
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

} // namespace Rasid
