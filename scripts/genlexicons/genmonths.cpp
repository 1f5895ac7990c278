// Generates resources/lexicons/months.tsv: every Gregorian month name that Arabic
// news uses, as "surface<TAB>month<TAB>attributes".
//
// The bulk comes from ICU's DateFormatSymbols (wide and abbreviated, format and
// standalone) for the Arab locales whose conventions differ: the Egyptian/Gulf
// names (يناير), the Levantine and Iraqi Syriac names (كانون الثاني), the Moroccan
// French-derived names (يوليوز، غشت), the Algerian/Tunisian ones (جانفي، أوت) and
// the Mauritanian ones (أغشت، دجمبر). ICU only knows each locale's own spelling,
// so a short list of variants seen in real articles is appended after it.
//
// Usage: genmonths [output.tsv]   (standard output when no path is given)
//   cmake --build <build> --target genmonths
//   <build>/scripts/genlexicons/genmonths resources/lexicons/months.tsv

#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Locale -> the name of its convention, written into the "set" attribute.
struct LocaleSet
{
    const char *locale;
    const char *set;
};
constexpr LocaleSet kLocales[] = {
    {"ar", "standard"},         {"ar_EG", "standard"},        {"ar_SA", "standard"},
    {"ar_SY", "levant"},        {"ar_IQ", "levant"},          {"ar_LB", "levant"},
    {"ar_JO", "levant"},        {"ar_PS", "levant"},          {"ar_MA", "morocco"},
    {"ar_DZ", "algeria_tunisia"}, {"ar_TN", "algeria_tunisia"}, {"ar_MR", "mauritania"},
};

// Spellings ICU does not give but articles use: hamza-less and hamza-under forms,
// the old Egyptian يونيه/يوليه, Levantine compounds without the article, and the
// Maghreb forms written with a different alef. Folding merges some of them with
// ICU's forms; they are kept so the file reads as the list an analyst expects.
struct Addition
{
    const char16_t *surface;
    int month;
    const char16_t *set;
};
constexpr Addition kAdditions[] = {
    {u"كانون ثاني", 1, u"levant"},
    {u"ابريل", 4, u"variant"},
    {u"إبريل", 4, u"variant"},
    {u"افريل", 4, u"variant"},
    {u"ايار", 5, u"variant"},
    {u"يونيه", 6, u"variant"},
    {u"يوليه", 7, u"variant"},
    {u"اغسطس", 8, u"variant"},
    {u"أغسطس", 8, u"variant"},
    {u"اغشت", 8, u"variant"},
    {u"اوت", 8, u"variant"},
    {u"ايلول", 9, u"variant"},
    {u"اكتوبر", 10, u"variant"},
    {u"أوكتوبر", 10, u"variant"},
    {u"تشرين أول", 10, u"levant"},
    {u"تشرين الاول", 10, u"variant"},
    {u"تشرين ثاني", 11, u"levant"},
    {u"كانون أول", 12, u"levant"},
    {u"كانون الاول", 12, u"variant"},
};

// Names that are also everyday words or names. آب folds to اب (father): a month
// only next to a day number or a year. ماي (Theresa May), مارس (he practised),
// نيسان (the car maker) and جوان (a given name) also count after a cue such as
// في / خلال / منذ / شهر or before الماضي / المقبل.
struct Ambiguous
{
    const char16_t *surface;
    const char16_t *context;
};
constexpr Ambiguous kNeedsContext[] = {
    {u"آب", u"day_or_year"}, {u"ماي", u"cue"}, {u"مارس", u"cue"}, {u"نيسان", u"cue"}, {u"جوان", u"cue"},
};

struct Row
{
    int month = 0;
    QStringList sets;
    QStringList locales;
    bool ours = false;
};

QString fromIcu(const icu::UnicodeString &s)
{
    return QString(reinterpret_cast<const QChar *>(s.getBuffer()), s.length());
}

} // namespace

int main(int argc, char **argv)
{
    std::map<QString, Row> rows; // keyed by surface: the union is deduplicated
    std::vector<QString> order;  // first-seen order, month-major below
    auto add = [&](const QString &surface, int month, const QString &set, const QString &locale,
                   bool ours) {
        auto it = rows.find(surface);
        if (it == rows.end()) {
            it = rows.emplace(surface, Row{month, {}, {}, ours}).first;
            order.push_back(surface);
        }
        if (it->second.month != month) {
            std::fprintf(stderr, "conflicting month for %s\n", qPrintable(surface));
            return;
        }
        if (!it->second.sets.contains(set)) {
            it->second.sets.append(set);
        }
        if (!locale.isEmpty() && !it->second.locales.contains(locale)) {
            it->second.locales.append(locale);
        }
    };

    for (const auto &entry : kLocales) {
        UErrorCode status = U_ZERO_ERROR;
        icu::DateFormatSymbols symbols(icu::Locale(entry.locale), status);
        if (U_FAILURE(status)) {
            std::fprintf(stderr, "ICU has no date symbols for %s: %s\n", entry.locale,
                         u_errorName(status));
            return 1;
        }
        for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
            for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
                int32_t count = 0;
                const icu::UnicodeString *months = symbols.getMonths(count, context, width);
                for (int32_t m = 0; m < count && m < 12; ++m) {
                    // simplified(): ar_IQ separates تشرين الأول with a no-break space.
                    const QString surface = fromIcu(months[m]).simplified();
                    if (!surface.isEmpty()) {
                        add(surface, m + 1, QString::fromLatin1(entry.set),
                            QString::fromLatin1(entry.locale), false);
                    }
                }
            }
        }
    }
    for (const auto &addition : kAdditions) {
        if (rows.count(QString::fromUtf16(addition.surface))) {
            continue; // ICU already has this spelling in some locale
        }
        add(QString::fromUtf16(addition.surface), addition.month,
            QString::fromUtf16(addition.set), QString(), true);
    }

    QString out;
    QTextStream stream(&out);
    stream << "# Generated by scripts/genlexicons/genmonths.cpp from ICU " << U_ICU_VERSION
           << " DateFormatSymbols plus Rasid's own variants; do not edit by hand.\n"
           << "# Regenerate: cmake --build <build> --target genmonths && "
              "<build>/scripts/genlexicons/genmonths resources/lexicons/months.tsv\n"
           << "# surface\tmonth (1-12)\tattributes: set=<conventions>;source=icu|rasid"
              "[;locales=...][;context=day_or_year|cue]\n";
    for (int month = 1; month <= 12; ++month) {
        for (const QString &surface : order) {
            const Row &row = rows.at(surface);
            if (row.month != month) {
                continue;
            }
            QString attributes = u"set="_s + row.sets.join(u',')
                + (row.ours ? u";source=rasid"_s : u";source=icu"_s);
            if (!row.locales.isEmpty()) {
                attributes += u";locales="_s + row.locales.join(u',');
            }
            for (const auto &ambiguous : kNeedsContext) {
                if (surface == QStringView(ambiguous.surface)) {
                    attributes += u";context="_s + QString::fromUtf16(ambiguous.context);
                }
            }
            stream << surface << '\t' << month << '\t' << attributes << '\n';
        }
    }
    stream.flush();

    if (argc < 2) {
        std::fputs(out.toUtf8().constData(), stdout);
        return 0;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", argv[1]);
        return 1;
    }
    file.write(out.toUtf8());
    return 0;
}
