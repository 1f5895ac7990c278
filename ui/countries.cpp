#include "countries.h"

#include "extract/lexicon.h"
#include "store/collation.h"

#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

bool arabicInterface()
{
    return QLocale().language() == QLocale::Arabic;
}

const QHash<QString, QString> &arabicNames()
{
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> byCode;
        for (const LexiconEntry &entry : loadLexicon(u"countries"_s)) {
            if (!byCode.contains(entry.value)) {
                byCode.insert(entry.value, entry.surface);
            }
        }
        return byCode;
    }();
    return names;
}

QString englishName(const QString &isoCode)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(isoCode);
    return territory == QLocale::AnyTerritory ? QString() : QLocale::territoryToString(territory);
}

} // namespace

QString countryLabel(const QString &isoCode)
{
    if (isoCode.isEmpty()) {
        return {};
    }
    const QString name = arabicInterface() ? arabicNames().value(isoCode) : englishName(isoCode);
    return name.isEmpty() ? isoCode : name;
}

QString countryChoiceLabel(const QString &isoCode)
{
    const QString name = countryLabel(isoCode);
    if (name == isoCode) {
        return isoCode;
    }
    return u"%1 (%2)"_s.arg(name, isoCode);
}

const QVector<QPair<QString, QString>> &countryChoices()
{
    // Built once per interface language.
    static QHash<int, QVector<QPair<QString, QString>>> cache;
    const int language = int(QLocale().language());
    auto it = cache.find(language);
    if (it != cache.end()) {
        return *it;
    }
    const QVector<QPair<QString, QString>> choices = [] {
        QVector<QPair<QString, QString>> list;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const QString code = QLocale::territoryToCode(QLocale::Territory(t));
            if (code.size() == 2 && code.at(0).isLetter()) {
                list.append({code, countryLabel(code)});
            }
        }
        const QCollator collator = arabicCollator();
        std::sort(list.begin(), list.end(),
                  [&collator](const auto &a, const auto &b) { return collator.compare(a.second, b.second) < 0; });
        return list;
    }();
    return *cache.insert(language, choices);
}

} // namespace Rasid
