// libFuzzer target: the CSV writer. A written row must parse back (RFC 4180)
// into the cells, neutralised, that went in.
#include "export/csv.h"

#include <QStringList>

namespace {
QStringList parseRow(const QString &row)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < row.size(); ++i) {
        const QChar c = row.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < row.size() && row.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            cells.append(cell);
            cell.clear();
        } else if (c == u'\r' && i + 2 == row.size()) {
            break;
        } else {
            cell += c;
        }
    }
    cells.append(cell);
    return cells;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList cells = input.split(QChar(u'\x1f'));
    const QStringList back = parseRow(Rasid::csvRow(cells));
    if (back.size() != cells.size()) {
        __builtin_trap();
    }
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (back.at(i) != Rasid::neutralizeFormula(cells.at(i))) {
            __builtin_trap();
        }
    }
    return 0;
}
