#pragma once

#include "extract/entity.h"

#include <QString>
#include <QStringView>

namespace Rasid {
inline namespace Extract {

/*
 * Names written twice in one article, once in Latin letters and once in
 * Arabic ones (LinkedIn and لينكيدن, Stuxnet and ستاكس نت): Arabic news
 * transliterates a foreign name and often gives the original beside it or
 * further on. Both spellings are reduced to a skeleton of consonant classes
 * (vowels, and the Arabic letters that write them, dropped; letters that
 * transliterate one another in one class: k c q g j ↔ ك ق غ ج خ, s z ↔ س ص ز,
 * t ↔ ت ط ث, ...), and an Arabic run of one to three words whose skeleton
 * equals a Latin name's is that name.
 */

// The consonant skeleton of a Latin name ("LinkedIn" -> "lnkdn"); doubled
// letters count once.
QString latinSkeleton(QStringView latin);
// The consonant skeleton of an Arabic spelling ("لينكيدن" -> "lnkdn"): harakat,
// tatweel, long vowels, hamza and ع dropped.
QString arabicSkeleton(QStringView arabic);

// Skeletons shorter than this match too much by chance.
inline constexpr int MinimumTwinSkeleton = 4;

/*
 * For each entity of `known` written in Latin letters (organizations, persons,
 * threat actors), the Arabic runs of the text that no entity covers and that
 * spell it: entities of the same type and value, with the attribute
 * twin=<the Latin text>, at the confidence of the Latin one less 0.1. A run
 * may carry one leading clitic (و، ب، ل، ال and their joins), left outside the
 * span. Spans are UTF-16 offsets into the text.
 */
EntityList transliteratedTwins(QStringView text, const EntityList &known);

} // namespace Extract
} // namespace Rasid
