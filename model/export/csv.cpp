#include "export/csv.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

namespace {

// Characters a spreadsheet may skip before it looks for a formula sign, or that
// the analyst cannot see there: blanks of every kind and the invisible
// direction marks Arabic text often starts with.
bool isSkippedLead(QChar c)
{
    switch (c.unicode()) {
    case 0x061C: // ARABIC LETTER MARK
    case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
    case 0xFEFF:
        return true;
    default:
        return c.isSpace();
    }
}

} // namespace

QString neutralizeFormula(const QString &cell)
{
    if (cell.isEmpty()) {
        return cell;
    }
    // A tab or carriage return is itself a formula trigger for some importers.
    if (cell.front() == u'\t' || cell.front() == u'\r') {
        return u'\'' + cell;
    }
    // " =cmd" becomes a formula in importers that trim cells, so look past blanks.
    for (QChar c : cell) {
        if (isSkippedLead(c)) {
            continue;
        }
        switch (c.unicode()) {
        case u'=':
        case u'+':
        case u'-':
        case u'@':
            return u'\'' + cell;
        default:
            return cell;
        }
    }
    return cell;
}

QString csvField(const QString &cell)
{
    const QString safe = neutralizeFormula(cell);
    bool quote = false;
    for (QChar c : safe) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        return safe;
    }
    QString quoted = safe;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString csvRow(const QStringList &cells)
{
    QString row;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i) {
            row.append(u',');
        }
        row.append(csvField(cells.at(i)));
    }
    row.append(u"\r\n"_s);
    return row;
}

} // namespace Export
} // namespace Rasid
