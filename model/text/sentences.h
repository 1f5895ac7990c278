#pragma once

#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Text {

/*
 * One sentence of an article: a span of UTF-16 offsets into the text it was cut
 * from, trimmed of surrounding spaces. paragraph counts line blocks from 0, so
 * that callers can tell the title and the lead from the body. A heading is a line
 * that ends without terminal punctuation (a title, a cross-head, a dateline).
 */
struct Sentence
{
    int start = 0;
    int end = 0;
    int paragraph = 0;
    bool heading = false;

    int length() const { return end - start; }
};

/*
 * One clause of a sentence, cut at the Arabic and Latin commas and semicolons
 * (، , ؛ ;) and colons. Arabic chains clauses with "، و...": conjoined is true when
 * the clause opens with the conjunction و or ف glued to its first word, which
 * tells a new coordinated statement from an apposition ("ماكرون، المرشح ...").
 */
struct Clause
{
    int start = 0;
    int end = 0;
    bool conjoined = false;
};

/*
 * Splits Arabic news text into sentences. A sentence ends at a line break, at
 * ! ? ؟ … and at a full stop, except where the stop is part of a number (1.9,
 * 2024.04.16), of a web address or a Latin token (visahq.com, U.S.), or follows a
 * one-letter abbreviation (د. for doctor). Closing quotes and brackets after the
 * final mark stay in the sentence. Empty sentences are dropped.
 */
QVector<Sentence> splitSentences(QStringView text);

// Splits text[start, end) into clauses (see Clause); never returns an empty list
// for a non-empty span.
QVector<Clause> splitClauses(QStringView text, int start, int end);

// The index of the sentence that holds offset, or -1 when it falls between sentences.
int sentenceAt(const QVector<Sentence> &sentences, int offset);

} // namespace Text
} // namespace Rasid
