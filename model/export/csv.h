#pragma once

#include <QString>
#include <QStringList>

namespace Rasid {
inline namespace Export {

/*
 * RFC 4180 writing with spreadsheet safety: a cell that begins with = + - @,
 * a tab or a carriage return, also after leading spaces, no-break spaces or
 * invisible direction marks, gets a leading apostrophe so that spreadsheets show
 * it as text instead of running it as a formula; a cell holding a comma, a
 * quote, CR or LF is quoted with inner quotes doubled. Rows end with CRLF.
 */
QString neutralizeFormula(const QString &cell);
QString csvField(const QString &cell);
QString csvRow(const QStringList &cells);

} // namespace Export
} // namespace Rasid
