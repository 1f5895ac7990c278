#pragma once

#include "extract/entity.h"
#include "extract/numbergrammar.h"
#include "text/scan.h"
#include "text/textfold.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace Rasid {
inline namespace Extract {

// The name of a hedge (Qualifier, numberwords.h) in the CSV contract.
QString qualifierName(Qualifier q); // "exact", "approx", "more_than", "less_than", "up_to"

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

struct FoldedDate;

// findQuantities() over a text already cut into tokens (Scan::tokenize(folded.text))
// whose dates are known (findFoldedDates()): the recognizer finds the dates once
// for both.
EntityList findQuantities(const FoldedText &folded, QStringView source, const std::vector<Scan::Token> &tokens,
                          const std::vector<FoldedDate> &dates);

} // namespace Extract
} // namespace Rasid
