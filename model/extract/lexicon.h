#pragma once

#include <QString>
#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Extract {

/*
 * One line of a lexicon: the surface form as written, its folded form (what the
 * matchers compare), the normalised value (ISO code, enumeration, canonical name)
 * and free key=value attributes separated by ';'.
 */
struct LexiconEntry
{
    QString surface;
    QString folded;
    QString value;
    QString attributes;
};

/*
 * Loads resources/lexicons/<name>.tsv, compiled into the binary under
 * ":/lexicons/". Format: UTF-8, one entry per line, "surface<TAB>value[<TAB>attributes]";
 * lines starting with '#' and blank lines are ignored. Every surface is folded
 * with Rasid::fold(), so matching never depends on how the file spells it.
 */
QVector<LexiconEntry> loadLexicon(const QString &name);
QVector<LexiconEntry> parseLexicon(const QByteArray &tsv);

// The value of `key` in lexicon attributes ("key=value;key=value"), keys and
// values trimmed as a hand-edited file may space them; empty when absent.
QString lexiconAttribute(QStringView attributes, QStringView key);

} // namespace Extract
} // namespace Rasid
