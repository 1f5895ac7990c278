#pragma once

#include "extract/disclosurecue.h"
#include "extract/entity.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "text/textfold.h"

#include <QString>
#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Extract {

/*
 * Finds the entities of DESIGN.md §4 in a cleaned article: countries (names and
 * demonyms), places, organizations, persons, threat actors, attack and data
 * phrases from the lexicons and grammars here, quantities, money and dates from
 * findQuantities() and findDates(). The text is folded once and the fold is
 * shared by every finder; entity spans are UTF-16 offsets into the cleaned text,
 * sorted by start. Entities of different types may overlap where both readings
 * hold (an organization name containing a demonym); within one type the longer
 * one wins.
 *
 * The shipped lexicons load once, in instance(). A Recognizer is a value: copy the
 * shared one and add a workspace's own entries to get a recognizer for that
 * workspace. recognize() is const and safe to call from many threads at once.
 */
class Recognizer
{
public:
    Recognizer(); // loads the lexicons under resources/lexicons
    static const Recognizer &instance();

    // Adds entries that match like the shipped ones (clitics, word edges). Types
    // found by grammars only (quantity, money, date) are refused.
    bool addLexiconEntries(const QVector<LexiconEntry> &entries, EntityType type);

    EntityList recognize(QStringView cleanedText) const;
    // folded must be foldWithMap(text). cues, when given, receives the disclosure
    // cues of the same pass.
    EntityList recognize(QStringView text, const FoldedText &folded, CueList *cues = nullptr) const;

    CueList cues(QStringView cleanedText) const;

    const Gazetteer &gazetteer() const { return m_gazetteer; }

private:
    Gazetteer m_gazetteer;
};

} // namespace Extract
} // namespace Rasid
