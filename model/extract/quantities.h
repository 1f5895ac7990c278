#pragma once

#include "extract/entity.h"
#include "text/textfold.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace Rasid {
inline namespace Extract {

// How a figure is hedged in the text: records_qualifier in the CSV contract.
enum class Qualifier { Exact, Approx, MoreThan, LessThan, UpTo };
QString qualifierName(Qualifier q); // "exact", "approx", "more_than", "less_than", "up_to"

/*
 * One quantity or money amount read from a phrase. value is the integer the
 * phrase stands for (rounded when it keeps decimals, e.g. "2.5" -> 3); amount is
 * the exact figure as digits ("2500000" for "2.5 مليون", "2.5" when no scale
 * applies). noun is the folded counted noun, singular when Rasid knows the word
 * (مرضى -> مريض), as written otherwise. start/end are UTF-16 offsets into the
 * parsed string.
 *
 * Vague plurals get the smallest value they guarantee and MoreThan:
 * عشرات -> 10, مئات -> 100, آلاف -> 1000, عشرات الآلاف -> 10000,
 * مئات الآلاف -> 100000, ملايين -> 1000000, بضعة آلاف -> 1000.
 */
struct ParsedQuantity
{
    qint64 value = 0;
    Qualifier qualifier = Qualifier::Exact;
    QString noun;
    QString currency; // ISO 4217, "XXX" for a dinar or lira whose country is not stated
    QString amount;
    QString kind;     // "", "age" or "percent"
    int start = 0;
    int end = 0;
};

// Reads the first quantity or money amount in a phrase, e.g. an analyst's
// selection: "نحو 2 مليون" -> 2000000 approx.
std::optional<ParsedQuantity> parseQuantity(QStringView phrase);

/*
 * Finds every quantity and money amount in a text. folded must be
 * foldWithMap(source). Entities have type Quantity or Money, start/end as
 * UTF-16 offsets into source (so text is the exact original slice, harakat
 * included), value = amount, and attributes such as "qualifier=approx;noun=مريض"
 * or "currency=USD;qualifier=exact" (plus ";kind=age" / ";kind=percent").
 * Numbers that are part of a date (days, years after عام, numeric dates) are
 * left to findDates().
 */
EntityList findQuantities(const FoldedText &folded, QStringView source);

/*
 * The word scanner shared by the number and date grammars. It runs once over
 * folded text and cuts it into Arabic words, digit groups, Latin words and single
 * symbols. Unlike ICU's word breaker it splits a digit group from the Arabic
 * letters glued to it (و1.9، عام2015، نحو60) and remembers that it was glued.
 */
namespace Scan {

enum class TokenKind : quint8 {
    Arabic, // a run of Arabic letters
    Number, // digits with internal '.' or ',' between digits: 1.9, 2,000,000, 20.04.2024
    Latin,  // letters of other scripts, possibly with digits (log4j, 5g)
    Symbol, // one non-space character that is none of the above (/ - % $ ( ...)
};

struct Token
{
    int start = 0;
    int end = 0;
    TokenKind kind = TokenKind::Symbol;
    bool glued = false; // no space between this token and the previous one
};

void tokenize(QStringView folded, std::vector<Token> &tokens);

// The proclitic lengths to try when looking a word up, whole word first: 0, then
// 1 for و ف ب ل ك, then 2 for وب ول وك فب فل فك. Stripping is only a candidate:
// callers keep it when what remains is a known word ("والف" -> الف, never
// "مليونير" -> مليون). Returns how many lengths were written to out.
int cliticCandidates(QStringView word, int out[3]);

// True when a folded word continues a figure rather than starting a sentence:
// a number or scale word, a counted noun Rasid knows (عاما، شخص) or a currency.
// The date grammar uses it to tell "في 2018 ..." (a year) from "منذ 2000 عام".
bool isQuantityWord(QStringView foldedWord);

} // namespace Scan

struct FoldedDate;

// findQuantities() over a text already cut into tokens (Scan::tokenize(folded.text))
// whose dates are known (findFoldedDates()): the recognizer finds the dates once
// for both.
EntityList findQuantities(const FoldedText &folded, QStringView source, const std::vector<Scan::Token> &tokens,
                          const std::vector<FoldedDate> &dates);

} // namespace Extract
} // namespace Rasid
