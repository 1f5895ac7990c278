// Generates resources/lexicons/countries.tsv and resources/lexicons/demonyms.tsv.
//
// Country names come from ICU's Arabic display names (ISO 3166-1 alpha-2 codes),
// followed by the aliases Arabic news actually uses, which ICU does not know
// (أمريكا، بريطانيا، الإمارات ...). ICU has no demonym data, so demonyms are
// generated from a hand-made table of nisba stems (فرنس -> فرنسي، فرنسية،
// فرنسيون ...) plus irregular forms (روس، أتراك ...).
//
// Usage: gencountries <lexicon dir>   (normally resources/lexicons)

#include <QCoreApplication>
#include <QStringList>
#include <QFile>
#include <QSet>
#include <QString>
#include <QTextStream>

#include <unicode/locid.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

struct Alias
{
    const char16_t *surface;
    const char *code;
    const char *attributes;
};

// Names used in news that ICU's display names miss. metonym=1 marks a capital
// standing for its state (واشنطن تتهم ...); ambiguous=1 marks a name that is
// also a common word and needs a cue before it (دولة، جمهورية، سلطنة).
const Alias kAliases[] = {
    {u"الولايات المتحدة الأمريكية", "US", ""},
    {u"الولايات المتحدة الأميركية", "US", ""},
    {u"أمريكا", "US", ""},
    {u"أميركا", "US", ""},
    {u"واشنطن", "US", "metonym=1"},
    {u"بريطانيا", "GB", ""},
    {u"بريطانيا العظمى", "GB", ""},
    {u"إنجلترا", "GB", ""},
    {u"إنكلترا", "GB", ""},
    {u"الإمارات", "AE", ""},
    {u"دولة الإمارات", "AE", ""},
    {u"السعودية", "SA", ""},
    {u"روسيا الاتحادية", "RU", ""},
    {u"الصين الشعبية", "CN", ""},
    {u"جمهورية مصر العربية", "EG", ""},
    {u"المملكة المغربية", "MA", ""},
    {u"المملكة الأردنية الهاشمية", "JO", ""},
    {u"سلطنة عمان", "OM", ""},
    {u"فلسطين", "PS", ""},
    {u"دولة فلسطين", "PS", ""},
    {u"سورية", "SY", ""},
    {u"الدنمارك", "DK", ""},
    {u"المجر", "HU", ""},
    {u"جمهورية التشيك", "CZ", ""},
    {u"روسيا البيضاء", "BY", ""},
    {u"سوازيلاند", "SZ", ""},
    {u"مقدونيا", "MK", ""},
    {u"ماكاو", "MO", ""},
    {u"الفليبين", "PH", ""},
    {u"كوت ديفوار", "CI", ""},
    {u"تيمور الشرقية", "TL", ""},
    {u"الكونغو الديمقراطية", "CD", ""},
    {u"جمهورية الكونغو الديمقراطية", "CD", ""},
    {u"الكونغو", "CG", ""},
    {u"ايرلندا", "IE", ""},
    {u"إيرلندا", "IE", ""},
    {u"تايوان", "TW", ""},
    {u"كوريا الجنوبية", "KR", ""},
    {u"كوريا الشمالية", "KP", ""},
    {u"الإكوادور", "EC", ""},
    {u"نيوزيلاندا", "NZ", ""},
    {u"أستراليا", "AU", ""},
    {u"استراليا", "AU", ""},
    {u"بلاروسيا", "BY", ""},
    {u"الكيان الإسرائيلي", "IL", ""},
};

// ICU display names that are also everyday words.
const Alias kAmbiguous[] = {
    {u"مالي", "ML", "ambiguous=1"},  // "financial"
    {u"عُمان", "OM", "ambiguous=1"}, // folds to عمان, Amman
    {u"بنين", "BJ", "ambiguous=1"},  // "sons"
};

// Codes ICU lists that are not ISO 3166-1 countries.
const char *const kSkippedCodes[] = {"AC", "CP", "DG", "EA", "IC", "TA", "ZZ"};

struct Stem
{
    const char16_t *stem;
    const char *code;
};

// Nisba stems: stem + ي / ية / يون / يين / يان / يتان / يتين / يات.
const Stem kStems[] = {
    {u"فرنس", "FR"},   {u"مغرب", "MA"},   {u"جزائر", "DZ"},   {u"تونس", "TN"},
    {u"مصر", "EG"},    {u"سعود", "SA"},   {u"إمارات", "AE"},  {u"قطر", "QA"},
    {u"كويت", "KW"},   {u"بحرين", "BH"},  {u"عمان", "OM"},    {u"يمن", "YE"},
    {u"عراق", "IQ"},   {u"سور", "SY"},    {u"لبنان", "LB"},   {u"أردن", "JO"},
    {u"فلسطين", "PS"}, {u"ليب", "LY"},    {u"سودان", "SD"},   {u"موريتان", "MR"},
    {u"صومال", "SO"},  {u"إيران", "IR"},  {u"ترك", "TR"},     {u"إسرائيل", "IL"},
    {u"روس", "RU"},    {u"أوكران", "UA"}, {u"صين", "CN"},     {u"يابان", "JP"},
    {u"هند", "IN"},    {u"باكستان", "PK"}, {u"أفغان", "AF"},  {u"أمريك", "US"},
    {u"أميرك", "US"},  {u"بريطان", "GB"}, {u"إنجليز", "GB"},  {u"ألمان", "DE"},
    {u"إيطال", "IT"},  {u"إسبان", "ES"},  {u"برتغال", "PT"},  {u"هولند", "NL"},
    {u"بلجيك", "BE"},  {u"سويسر", "CH"},  {u"نمساو", "AT"},   {u"سويد", "SE"},
    {u"نرويج", "NO"},  {u"دنمارك", "DK"}, {u"فنلند", "FI"},   {u"بولند", "PL"},
    {u"يونان", "GR"},  {u"كند", "CA"},    {u"برازيل", "BR"},  {u"أرجنتين", "AR"},
    {u"مكسيك", "MX"},  {u"أسترال", "AU"}, {u"نيجير", "NG"},   {u"إثيوب", "ET"},
    {u"كين", "KE"},    {u"سنغافور", "SG"}, {u"ماليز", "MY"},  {u"إندونيس", "ID"},
    {u"فيتنام", "VN"}, {u"تايوان", "TW"}, {u"إستون", "EE"},   {u"رومان", "RO"},
    {u"بلغار", "BG"},  {u"صرب", "RS"},    {u"تشيك", "CZ"},
    {u"أيرلند", "IE"}, {u"سنغال", "SN"},  {u"بيلاروس", "BY"}, {u"جورج", "GE"},
    {u"أرمين", "AM"},  {u"أذربيجان", "AZ"}, {u"كازاخ", "KZ"}, {u"أوزبك", "UZ"},
    {u"نيوزيلند", "NZ"}, {u"فلبين", "PH"}, {u"تايلاند", "TH"}, {u"كوب", "CU"},
    {u"فنزويل", "VE"}, {u"كولومب", "CO"}, {u"تشيل", "CL"},    {u"قبرص", "CY"},
    {u"مالط", "MT"},   {u"كروات", "HR"},
};

// Nisba endings: masculine and feminine singular, human plurals, duals.
struct Ending
{
    const char16_t *suffix;
    const char *attributes;
};
const Ending kEndings[] = {
    {u"ي", "demonym=1"},           {u"ية", "demonym=1"},          {u"يون", "demonym=1;plural=1"},
    {u"يين", "demonym=1;plural=1"}, {u"يان", "demonym=1;plural=1"}, {u"يتان", "demonym=1"},
    {u"يتين", "demonym=1"},        {u"يات", "demonym=1;plural=1"},
};

// Forms the nisba pattern does not produce.
const Alias kIrregular[] = {
    {u"روس", "RU", "demonym=1;plural=1"},
    {u"أتراك", "TR", "demonym=1;plural=1"},
    {u"أمريكان", "US", "demonym=1;plural=1"},
    {u"أميركان", "US", "demonym=1;plural=1"},
    {u"إنجليز", "GB", "demonym=1;plural=1"},
    {u"ألمان", "DE", "demonym=1;plural=1"},
    {u"أفغان", "AF", "demonym=1;plural=1"},
    {u"مغاربة", "MA", "demonym=1;plural=1"},
    {u"هنود", "IN", "demonym=1;plural=1"},
    {u"أرمن", "AM", "demonym=1;plural=1"},
    {u"كوري شمالي", "KP", "demonym=1"},
    {u"كورية شمالية", "KP", "demonym=1"},
    {u"كوريون شماليون", "KP", "demonym=1;plural=1"},
    {u"كوريين شماليين", "KP", "demonym=1;plural=1"},
    {u"كوري جنوبي", "KR", "demonym=1"},
    {u"كورية جنوبية", "KR", "demonym=1"},
    {u"كوريون جنوبيون", "KR", "demonym=1;plural=1"},
    {u"كوريين جنوبيين", "KR", "demonym=1;plural=1"},
    {u"صهيوني", "IL", "demonym=1"},
    {u"صهيونية", "IL", "demonym=1"},
};

// Removes a parenthesised part: "هونغ كونغ الصينية (منطقة إدارية خاصة)" -> "هونغ كونغ الصينية".
QString withoutParentheses(const QString &name)
{
    const qsizetype open = name.indexOf(u'(');
    if (open < 0) {
        return name;
    }
    return name.left(open).trimmed();
}

QString parenthesised(const QString &name)
{
    const qsizetype open = name.indexOf(u'(');
    const qsizetype close = name.indexOf(u')', open);
    if (open < 0 || close < open) {
        return {};
    }
    return name.mid(open + 1, close - open - 1).trimmed();
}

bool writeFile(const QString &path, const QStringList &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        QTextStream(stderr) << "cannot write " << path << '\n';
        return false;
    }
    QTextStream out(&file);
    out.setEncoding(QStringConverter::Utf8);
    for (const QString &line : lines) {
        out << line << '\n';
    }
    return true;
}

QStringList countryLines()
{
    QStringList lines;
    lines << u"# Generated by scripts/genlexicons/gencountries.cpp from ICU %1 Arabic display names plus"_s.arg(
        QLatin1StringView(U_ICU_VERSION))
          << u"# the aliases in its table. Do not edit: change the generator and re-run it."_s
          << u"# surface<TAB>ISO 3166-1 alpha-2[<TAB>attributes]"_s;
    QSet<QString> ambiguousNames;
    for (const Alias &alias : kAmbiguous) {
        ambiguousNames.insert(QString::fromUtf16(alias.surface));
    }
    QSet<QString> seen;
    const auto add = [&](const QString &surface, const QString &code, const QString &attributes) {
        const QString key = surface + u'\t' + code;
        if (surface.isEmpty() || seen.contains(key)) {
            return;
        }
        seen.insert(key);
        lines << (attributes.isEmpty() ? key : key + u'\t' + attributes);
    };
    const icu::Locale arabic("ar");
    for (const char *const *codes = icu::Locale::getISOCountries(); *codes; ++codes) {
        const char *code = *codes;
        if (std::any_of(std::begin(kSkippedCodes), std::end(kSkippedCodes),
                        [code](const char *skipped) { return qstrcmp(skipped, code) == 0; })) {
            continue;
        }
        icu::UnicodeString display;
        icu::Locale("", code).getDisplayCountry(arabic, display);
        const QString name = QString::fromUtf16(reinterpret_cast<const char16_t *>(display.getBuffer()),
                                                display.length());
        if (name.isEmpty() || name == QLatin1StringView(code)) {
            continue;
        }
        const QString base = withoutParentheses(name);
        if (ambiguousNames.contains(base)) {
            continue; // written below with its attribute
        }
        add(base, QLatin1StringView(code), {});
        const QString inner = parenthesised(name);
        if (inner.size() > 3 && !inner.contains(u' ')) {
            add(inner, QLatin1StringView(code), {}); // ميانمار (بورما)
        }
    }
    for (const Alias &alias : kAmbiguous) {
        add(QString::fromUtf16(alias.surface), QLatin1StringView(alias.code),
            QLatin1StringView(alias.attributes));
    }
    for (const Alias &alias : kAliases) {
        add(QString::fromUtf16(alias.surface), QLatin1StringView(alias.code),
            QLatin1StringView(alias.attributes));
    }
    return lines;
}

QStringList demonymLines()
{
    QStringList lines;
    lines << u"# Generated by scripts/genlexicons/gencountries.cpp from its nisba stem table and"_s
          << u"# irregular forms. Do not edit: change the generator and re-run it."_s
          << u"# surface<TAB>ISO 3166-1 alpha-2<TAB>attributes (demonym=1, plural=1 for human plurals)"_s;
    QSet<QString> seen;
    for (const Stem &stem : kStems) {
        const QString base = QString::fromUtf16(stem.stem);
        for (const Ending &ending : kEndings) {
            const QString surface = base + QString::fromUtf16(ending.suffix);
            if (seen.contains(surface)) {
                continue;
            }
            seen.insert(surface);
            lines << surface + u'\t' + QLatin1StringView(stem.code) + u'\t'
                    + QLatin1StringView(ending.attributes);
        }
    }
    for (const Alias &form : kIrregular) {
        const QString surface = QString::fromUtf16(form.surface);
        if (seen.contains(surface)) {
            continue;
        }
        seen.insert(surface);
        lines << surface + u'\t' + QLatin1StringView(form.code) + u'\t'
                + QLatin1StringView(form.attributes);
    }
    return lines;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        QTextStream(stderr) << "usage: gencountries <lexicon dir>\n";
        return 2;
    }
    const QString dir = args.at(1);
    const bool ok = writeFile(dir + u"/countries.tsv"_s, countryLines())
        && writeFile(dir + u"/demonyms.tsv"_s, demonymLines());
    return ok ? 0 : 1;
}
