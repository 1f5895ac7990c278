#pragma once

#include <QString>
#include <QStringList>

struct sqlite3;

namespace Rasid {

/*
 * The "rasid" FTS5 tokenizer: folds text with Rasid::fold (so alef forms,
 * harakat, tatweel and Arabic-Indic digits do not matter) and splits it into
 * words. When indexing a document it also emits, at the same position, each
 * word without its leading clitics (و ف ب ك ل ال لل وال بال ...), so a query for
 * اختراق finds والاختراق and بالاختراق. Query text is folded the same way but
 * gets no variants.
 */
bool registerFtsTokenizer(sqlite3 *db, QString *error);

// The folded words of a query, as the tokenizer sees them.
QStringList ftsQueryTokens(const QString &query);
// The clitic-stripped variants indexed for one folded word (the word excluded).
QStringList cliticVariants(QStringView foldedWord);

} // namespace Rasid
