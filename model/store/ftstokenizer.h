#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

struct sqlite3;

namespace Rasid {
inline namespace Store {

/*
 * The "rasid" FTS5 tokenizer: folds text with Rasid::fold (so alef forms,
 * harakat, tatweel and Arabic-Indic digits do not matter) and splits it into
 * words. When indexing a document it also emits, at the same position, each
 * word without its leading clitics (و ف ب ك ل ال لل وال بال ...), so a query for
 * اختراق finds والاختراق and بالاختراق. Query text is folded the same way but
 * gets no variants.
 */
bool registerFtsTokenizer(sqlite3 *db, QString *error);

/*
 * One text tokenized ahead, on the thread that extracts it, so that the thread
 * that writes the full-text index only replays the tokens (see
 * FtsPreparedTexts). Holds the text as SQLite stores it (UTF-8) and its tokens
 * exactly as the tokenizer would emit them for a document.
 */
struct FtsPreparedText
{
    // `folded` is fold(text) when the caller has it already; empty folds here.
    static FtsPreparedText prepare(QStringView text, const QString &folded = {});
    QByteArray utf8;
    QByteArray tokens; // entries of [length: 2 bytes][colocated: 1 byte][UTF-8 bytes]
    bool replayable = true; // false when a token is too long for an entry
};

/*
 * While an instance lives, the tokenizer on this thread indexes a document
 * whose UTF-8 equals a prepared text by replaying that text's tokens; any other
 * text is tokenized as usual. The prepared texts must outlive the instance.
 */
class FtsPreparedTexts
{
    Q_DISABLE_COPY_MOVE(FtsPreparedTexts)
public:
    FtsPreparedTexts();
    ~FtsPreparedTexts();
    void add(const FtsPreparedText &text);
    const FtsPreparedText *find(const char *utf8, int length) const;

private:
    QHash<QByteArrayView, const FtsPreparedText *> m_texts;
    FtsPreparedTexts *m_outer = nullptr;
};

// The folded words of a query, as the tokenizer sees them.
QStringList ftsQueryTokens(const QString &query);
// The clitic-stripped variants indexed for one folded word (the word excluded).
QStringList cliticVariants(QStringView foldedWord);

} // namespace Store
} // namespace Rasid
