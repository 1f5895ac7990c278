#pragma once

#include "extract/entity.h"
#include "text/scan.h"
#include "text/textfold.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace Rasid {
inline namespace Extract {

/*
 * One date read from a phrase. iso is ISO 8601 as far as the text tells it:
 * "2024-04-20", "2024-04", "2018"; when the year is missing the unknown digits
 * are written X (ISO 8601-2 "unspecified"): "XXXX-01-05", "XXXX-09". A relative
 * phrase (أمس، الأسبوع الماضي، منذ أيام) has an empty iso and its folded text in
 * relative. start/end are UTF-16 offsets into the parsed string.
 */
struct ParsedDate
{
    QString iso;
    QString relative;
    int start = 0;
    int end = 0;
};

std::optional<ParsedDate> parseDate(QStringView phrase);

/*
 * Finds every date in a text. folded must be foldWithMap(source). Entities have
 * type Date, start/end as UTF-16 offsets into source, value the ISO form above
 * (empty for relative phrases, which carry "relative=1"). Recognised: weekday
 * prefixes (السبت - 20 أبريل 2024), day + month + year in every Arab month
 * convention, month + year, day + month, ordinal days (الثامن من يونيو), paired
 * months (أيار/مايو، أيار (مايو)), numeric dates (20/04/2024, 2024-04-20),
 * "عام 2018" (also glued: عام2015), منتصف/أواخر/أوائل + month or year, a bare
 * month name (lower confidence) and relative phrases.
 */
EntityList findDates(const FoldedText &folded, QStringView source);

/*
 * The month-name table (resources/lexicons/months.tsv), loaded once. Names that
 * are also common words carry needsContext: آب ("father" once folded) is a month
 * only next to a day number or a year; ماي، مارس، نيسان، جوان also after a cue
 * (في، خلال، منذ، شهر, a period word) or before الماضي / المقبل.
 */
struct MonthMatch
{
    int month = 0;          // 1..12
    int start = 0;          // folded offset of the name, after any proclitic
    int end = 0;            // folded offset just after the name
    bool needsContext = false;
};

/*
 * A date found by the grammar, in folded offsets. findDates() maps it back to the
 * source; findQuantities() uses the same pass to leave the digits of dates alone.
 */
struct FoldedDate
{
    int start = 0;
    int end = 0;
    QString iso;
    QString relative; // folded phrase of a relative date, else empty
    QString attributes;
    double confidence = 0.0;
};
std::vector<FoldedDate> findFoldedDates(QStringView folded, const std::vector<Scan::Token> &tokens);
// The entities of dates found in folded (= foldWithMap(source)), as findDates() gives them.
EntityList dateEntities(const FoldedText &folded, QStringView source, const std::vector<FoldedDate> &dates);

// The month name that starts the word at folded offset pos (proclitics و ب ل ف
// allowed), if any. Two-word names (كانون الثاني) are matched whole.
std::optional<MonthMatch> matchMonthName(QStringView folded, int pos);

} // namespace Extract
} // namespace Rasid
