#pragma once

#include "text/textfold.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <bitset>
#include <utility>
#include <vector>

// The vocabulary of the date grammar (dates.cpp): month names from months.tsv,
// weekdays, ordinal days, periods, year words and relative phrases, folded
// once into tables the grammar looks words up in.

namespace Rasid {
inline namespace Extract {
namespace DateVocabulary {

// How much context an ambiguous month name needs (months.tsv "context=").
enum class Context : quint8 { None, Cue, DayOrYear };

struct MonthForm
{
    QStringView second; // the second word of كانون الثاني, else empty
    int month = 0;
    Context context = Context::None;
};

enum class Period : quint8 { None, Early, Mid, Late };

struct Phrase
{
    std::vector<QStringView> words;
};

/*
 * The date vocabulary, folded once. Month names come from months.tsv (ICU's
 * sets plus our variants); the rest is small enough to live here.
 */
struct DateTables
{
    QStringList storage; // owns the folded strings the views point into
    QHash<QStringView, std::vector<MonthForm>> months; // first word -> forms
    QHash<QStringView, int> weekdays;
    QHash<QStringView, std::vector<std::pair<QStringView, int>>> ordinals; // first word -> (second, day)
    QHash<QStringView, Period> periods;
    QHash<QStringView, bool> yearWords, yearPrepositions, relativeBases, relativeModifiers;
    QHash<QStringView, bool> monthCues; // words after which آب، ماي، مارس are months
    QHash<QStringView, std::vector<Phrase>> relativePhrases; // first word -> phrases, longest first
    // Every word that can open a date written in words, and their first letters:
    // the scan skips all other words with one or two cheap tests.
    QHash<QStringView, bool> triggers;
    std::bitset<256> triggerFirstLetters;
    QStringView yawm, min, yearSuffix;

    QStringView keep(QStringView s)
    {
        storage.append(fold(s));
        return QStringView(storage.constLast());
    }

    DateTables();
};

// The tables, built on first use and shared by every thread.
const DateTables &dateTables();

} // namespace DateVocabulary
} // namespace Extract
} // namespace Rasid
