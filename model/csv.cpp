#include "csv.h"

using namespace Qt::StringLiterals;

namespace Rasid {

QString neutralizeFormula(const QString &cell)
{
    if (cell.isEmpty()) {
        return cell;
    }
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return u'\'' + cell;
    default:
        return cell;
    }
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

} // namespace Rasid
