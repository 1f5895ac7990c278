#pragma once

/*
 * The published-date finder: the date of a line that states nothing else, in
 * any of the conventions Arabic news uses. cleanArticle() runs it on the file's
 * own date and on every short line with a digit; it is declared here and
 * reached through text/cleaner.h.
 */

#include <QString>
#include <QStringView>

namespace Rasid {
inline namespace Text {

/*
 * The date of a line that states only a date, as ISO 8601, or empty.
 * "السبت - 20 أبريل 2024" -> "2024-04-20"; "20/04/2024" -> "2024-04-20";
 * "2024-04-20T10:00:00Z" -> "2024-04-20"; "نيسان 2024" -> "2024-04". Month names
 * of every Arab convention (يناير / كانون الثاني / جانفي / ينير ...), English and
 * French; weekday, "نشر في" style labels, times and a trailing Hijri date are
 * allowed around it; digits may be Arabic-Indic.
 */
QString parsePublishedDate(QStringView line);

} // namespace Text
} // namespace Rasid
