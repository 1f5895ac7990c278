#pragma once

/*
 * Finding a lexicon entry in the corpus: the full-text query that narrows the
 * articles that may hold it, and the spans of its occurrences in one article,
 * clitic forms included, never inside another word.
 * ReviewStore::applyEntityToCorpus() marks what these find.
 */

#include "text/textfold.h"

#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Store {

struct OccurrenceSpan
{
    int start;
    int end;
};

/*
 * Every occurrence of a folded lexicon entry in an article text, as source
 * spans without the clitics. An occurrence must end at a word edge and start
 * at one or right after a clitic; an entry that starts with the article ال
 * is also found after ل where Arabic drops the alef (للشركة = ل + الشركة).
 */
QVector<OccurrenceSpan> findOccurrences(const FoldedText &folded, const QString &pattern);

// The FTS5 query that finds every article that may hold the entry, clitic
// forms included: the index holds clitic-stripped variants of words of three
// letters or more, so a shorter first word is left to the exact scan.
QString candidateMatch(const QString &surface);

} // namespace Store
} // namespace Rasid
