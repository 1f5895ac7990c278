#include "extract/lexicon.h"

#include "text/textfold.h"

#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

Q_LOGGING_CATEGORY(lcLexicon, "rasid.lexicon")

QVector<LexiconEntry> parseLexicon(const QByteArray &tsv)
{
    QVector<LexiconEntry> entries;
    const QString text = QString::fromUtf8(tsv);
    for (QStringView line : QStringView(text).split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#')) {
            continue;
        }
        const auto columns = line.split(u'\t');
        LexiconEntry entry;
        entry.surface = columns.value(0).trimmed().toString();
        if (entry.surface.isEmpty()) {
            continue;
        }
        entry.folded = fold(entry.surface);
        entry.value = columns.value(1).trimmed().toString();
        entry.attributes = columns.value(2).trimmed().toString();
        entries.append(entry);
    }
    return entries;
}

QVector<LexiconEntry> loadLexicon(const QString &name)
{
    QFile file(u":/lexicons/"_s + name + u".tsv"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcLexicon) << "missing lexicon" << name;
        return {};
    }
    return parseLexicon(file.readAll());
}

QString lexiconAttribute(QStringView attributes, QStringView key)
{
    for (QStringView pair : attributes.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq > 0 && pair.left(eq).trimmed() == key) {
            return pair.mid(eq + 1).trimmed().toString();
        }
    }
    return {};
}

} // namespace Extract
} // namespace Rasid
