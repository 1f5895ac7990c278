#include "extract/numberwords.h"

#include "text/textfold.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace Numbers {

namespace {

struct WordSpec
{
    const char16_t *word;
    NumKind kind;
    qint64 value;
};

constexpr WordSpec kNumberWords[] = {
    {u"واحد", NumKind::Unit, 1}, {u"واحدة", NumKind::Unit, 1},
    {u"أحد", NumKind::TeenLead, 1}, {u"إحدى", NumKind::TeenLead, 1},
    {u"اثنان", NumKind::Unit, 2}, {u"اثنين", NumKind::Unit, 2}, {u"اثنتان", NumKind::Unit, 2},
    {u"اثنتين", NumKind::Unit, 2}, {u"إثنان", NumKind::Unit, 2}, {u"إثنين", NumKind::Unit, 2},
    {u"اثنا", NumKind::TeenLead, 2}, {u"اثني", NumKind::TeenLead, 2}, {u"اثنتا", NumKind::TeenLead, 2},
    {u"اثنتي", NumKind::TeenLead, 2},
    {u"ثلاث", NumKind::Unit, 3}, {u"ثلاثة", NumKind::Unit, 3},
    {u"أربع", NumKind::Unit, 4}, {u"أربعة", NumKind::Unit, 4},
    {u"خمس", NumKind::Unit, 5}, {u"خمسة", NumKind::Unit, 5},
    {u"ست", NumKind::Unit, 6}, {u"ستة", NumKind::Unit, 6},
    {u"سبع", NumKind::Unit, 7}, {u"سبعة", NumKind::Unit, 7},
    {u"ثمان", NumKind::Unit, 8}, {u"ثماني", NumKind::Unit, 8}, {u"ثمانية", NumKind::Unit, 8},
    {u"تسع", NumKind::Unit, 9}, {u"تسعة", NumKind::Unit, 9},
    {u"عشر", NumKind::Unit, 10}, {u"عشرة", NumKind::Unit, 10},
    {u"عشرون", NumKind::Ten, 20}, {u"عشرين", NumKind::Ten, 20},
    {u"ثلاثون", NumKind::Ten, 30}, {u"ثلاثين", NumKind::Ten, 30},
    {u"أربعون", NumKind::Ten, 40}, {u"أربعين", NumKind::Ten, 40},
    {u"خمسون", NumKind::Ten, 50}, {u"خمسين", NumKind::Ten, 50},
    {u"ستون", NumKind::Ten, 60}, {u"ستين", NumKind::Ten, 60},
    {u"سبعون", NumKind::Ten, 70}, {u"سبعين", NumKind::Ten, 70},
    {u"ثمانون", NumKind::Ten, 80}, {u"ثمانين", NumKind::Ten, 80},
    {u"تسعون", NumKind::Ten, 90}, {u"تسعين", NumKind::Ten, 90},
    {u"مائة", NumKind::Hundred, 100}, {u"مئة", NumKind::Hundred, 100},
    {u"مائتان", NumKind::Hundred, 200}, {u"مئتان", NumKind::Hundred, 200},
    {u"مائتين", NumKind::Hundred, 200}, {u"مئتين", NumKind::Hundred, 200},
    {u"مائتا", NumKind::Hundred, 200}, {u"مئتا", NumKind::Hundred, 200},
    {u"مائتي", NumKind::Hundred, 200}, {u"مئتي", NumKind::Hundred, 200},
    {u"ثلاثمائة", NumKind::Hundred, 300}, {u"ثلاثمئة", NumKind::Hundred, 300},
    {u"أربعمائة", NumKind::Hundred, 400}, {u"أربعمئة", NumKind::Hundred, 400},
    {u"خمسمائة", NumKind::Hundred, 500}, {u"خمسمئة", NumKind::Hundred, 500},
    {u"ستمائة", NumKind::Hundred, 600}, {u"ستمئة", NumKind::Hundred, 600},
    {u"سبعمائة", NumKind::Hundred, 700}, {u"سبعمئة", NumKind::Hundred, 700},
    {u"ثمانمائة", NumKind::Hundred, 800}, {u"ثمانمئة", NumKind::Hundred, 800},
    {u"ثمانيمائة", NumKind::Hundred, 800}, {u"ثمانيمئة", NumKind::Hundred, 800},
    {u"تسعمائة", NumKind::Hundred, 900}, {u"تسعمئة", NumKind::Hundred, 900},
    {u"ألف", NumKind::Scale, 1000}, {u"ألفا", NumKind::Scale, 1000},
    {u"ألفين", NumKind::ScaleDual, 1000}, {u"ألفان", NumKind::ScaleDual, 1000},
    {u"ألفي", NumKind::ScaleDual, 1000},
    {u"آلاف", NumKind::ScalePlural, 1000}, {u"الآلاف", NumKind::ScaleDefinite, 1000},
    {u"مليون", NumKind::Scale, 1000000}, {u"مليونا", NumKind::Scale, 1000000},
    {u"مليونين", NumKind::ScaleDual, 1000000}, {u"مليونان", NumKind::ScaleDual, 1000000},
    {u"مليوني", NumKind::ScaleDual, 1000000},
    {u"ملايين", NumKind::ScalePlural, 1000000}, {u"الملايين", NumKind::ScaleDefinite, 1000000},
    {u"مليار", NumKind::Scale, 1000000000}, {u"مليارا", NumKind::Scale, 1000000000},
    {u"بليون", NumKind::Scale, 1000000000}, {u"بليونا", NumKind::Scale, 1000000000},
    {u"مليارين", NumKind::ScaleDual, 1000000000}, {u"ملياران", NumKind::ScaleDual, 1000000000},
    {u"ملياري", NumKind::ScaleDual, 1000000000},
    {u"مليارات", NumKind::ScalePlural, 1000000000}, {u"المليارات", NumKind::ScaleDefinite, 1000000000},
    {u"بلايين", NumKind::ScalePlural, 1000000000},
    {u"تريليون", NumKind::Scale, 1000000000000}, {u"تريليونا", NumKind::Scale, 1000000000000},
    {u"تريليونات", NumKind::ScalePlural, 1000000000000},
    {u"عشرات", NumKind::Vague, 10}, {u"العشرات", NumKind::Vague, 10},
    {u"مئات", NumKind::Vague, 100}, {u"المئات", NumKind::Vague, 100},
    {u"بضع", NumKind::Few, 0}, {u"بضعة", NumKind::Few, 0}, {u"عدة", NumKind::Few, 0},
};

// Counted nouns Rasid knows, each form -> the folded singular.
struct NounSpec
{
    const char16_t *singular;
    std::initializer_list<const char16_t *> forms;
};
const NounSpec kNouns[] = {
    {u"مريض", {u"مرضى", u"مريضا"}},
    {u"مواطن", {u"مواطنين", u"مواطنون", u"مواطنا"}},
    {u"منخرط", {u"منخرطين", u"منخرطون", u"منخرطا"}},
    {u"شخص", {u"أشخاص", u"شخصا"}},
    {u"موظف", {u"موظفين", u"موظفون", u"موظفا"}},
    {u"مستخدم", {u"مستخدمين", u"مستخدمون", u"مستخدما"}},
    {u"مشترك", {u"مشتركين", u"مشتركون", u"مشتركا"}},
    {u"حساب", {u"حسابات", u"حسابا"}},
    {u"بطاقة", {u"بطاقات"}},
    {u"سجل", {u"سجلات", u"سجلا"}},
    {u"رسالة", {u"رسائل"}},
    {u"ملف", {u"ملفات", u"ملفا"}},
    {u"شركة", {u"شركات"}},
    {u"عميل", {u"عملاء", u"عميلا"}},
    {u"زبون", {u"زبائن", u"زبونا"}},
    {u"وثيقة", {u"وثائق"}},
    {u"جهاز", {u"أجهزة", u"جهازا"}},
    {u"موقع", {u"مواقع", u"موقعا"}},
    {u"عام", {u"عاما", u"أعوام"}},
    {u"سنة", {u"سنوات", u"سنين"}},
};

// Currencies: the word (any number, with or without the article) -> its base.
struct CurrencySpec
{
    const char16_t *word;
    Base base;
    const char16_t *code; // the default when no country adjective follows
};
constexpr CurrencySpec kCurrencies[] = {
    {u"دولار", Base::Dollar, u"USD"}, {u"دولارات", Base::Dollar, u"USD"},
    {u"دولارا", Base::Dollar, u"USD"}, {u"الدولار", Base::Dollar, u"USD"},
    {u"الدولارات", Base::Dollar, u"USD"},
    {u"يورو", Base::Euro, u"EUR"}, {u"اليورو", Base::Euro, u"EUR"},
    {u"درهم", Base::Dirham, u"MAD"}, {u"دراهم", Base::Dirham, u"MAD"}, {u"درهما", Base::Dirham, u"MAD"},
    {u"الدرهم", Base::Dirham, u"MAD"}, {u"الدراهم", Base::Dirham, u"MAD"},
    {u"ريال", Base::Riyal, u"SAR"}, {u"ريالات", Base::Riyal, u"SAR"}, {u"ريالا", Base::Riyal, u"SAR"},
    {u"الريال", Base::Riyal, u"SAR"}, {u"الريالات", Base::Riyal, u"SAR"},
    {u"دينار", Base::Dinar, u"XXX"}, {u"دنانير", Base::Dinar, u"XXX"}, {u"دينارا", Base::Dinar, u"XXX"},
    {u"الدينار", Base::Dinar, u"XXX"}, {u"الدنانير", Base::Dinar, u"XXX"},
    {u"جنيه", Base::Pound, u"EGP"}, {u"جنيهات", Base::Pound, u"EGP"}, {u"جنيها", Base::Pound, u"EGP"},
    {u"الجنيه", Base::Pound, u"EGP"}, {u"الجنيهات", Base::Pound, u"EGP"},
    {u"ليرة", Base::Lira, u"XXX"}, {u"ليرات", Base::Lira, u"XXX"}, {u"الليرة", Base::Lira, u"XXX"},
    {u"الليرات", Base::Lira, u"XXX"},
    {u"بيتكوين", Base::Bitcoin, u"XBT"}, {u"بتكوين", Base::Bitcoin, u"XBT"},
    {u"البيتكوين", Base::Bitcoin, u"XBT"}, {u"btc", Base::Bitcoin, u"XBT"},
    {u"روبل", Base::Other, u"RUB"}, {u"يوان", Base::Other, u"CNY"}, {u"شيكل", Base::Other, u"ILS"},
    {u"usd", Base::Dollar, u"USD"}, {u"eur", Base::Euro, u"EUR"}, {u"gbp", Base::Pound, u"GBP"},
};

// A country adjective after the currency word picks the currency of that country.
struct AdjectiveSpec
{
    const char16_t *stem; // folded, without ال and the feminine ending
    Base base;
    const char16_t *code;
};
constexpr AdjectiveSpec kAdjectives[] = {
    {u"امريكي", Base::Dollar, u"USD"}, {u"كندي", Base::Dollar, u"CAD"},
    {u"استرالي", Base::Dollar, u"AUD"}, {u"سنغافوري", Base::Dollar, u"SGD"},
    {u"اماراتي", Base::Dirham, u"AED"}, {u"مغربي", Base::Dirham, u"MAD"},
    {u"سعودي", Base::Riyal, u"SAR"}, {u"قطري", Base::Riyal, u"QAR"}, {u"عماني", Base::Riyal, u"OMR"},
    {u"يمني", Base::Riyal, u"YER"}, {u"ايراني", Base::Riyal, u"IRR"},
    {u"كويتي", Base::Dinar, u"KWD"}, {u"اردني", Base::Dinar, u"JOD"}, {u"بحريني", Base::Dinar, u"BHD"},
    {u"عراقي", Base::Dinar, u"IQD"}, {u"تونسي", Base::Dinar, u"TND"}, {u"جزائري", Base::Dinar, u"DZD"},
    {u"ليبي", Base::Dinar, u"LYD"},
    {u"مصري", Base::Pound, u"EGP"}, {u"استرليني", Base::Pound, u"GBP"}, {u"سوداني", Base::Pound, u"SDG"},
    {u"تركي", Base::Lira, u"TRY"}, {u"لبناني", Base::Lira, u"LBP"}, {u"سوري", Base::Lira, u"SYP"},
};

// Words that never are the counted noun right after a number.
constexpr const char16_t *kStopWords[] = {
    u"في", u"من", u"على", u"علي", u"عن", u"إلى", u"الى", u"مع", u"أو", u"ثم", u"قد", u"لم", u"لن",
    u"لا", u"ما", u"أن", u"إن", u"ان", u"انه", u"أنه", u"أنها", u"التي", u"الذي", u"الذين", u"هذا", u"هذه",
    u"ذلك", u"تلك", u"هو", u"هي", u"هم", u"كان", u"كانت", u"يكون", u"تكون", u"تم", u"يتم", u"منذ",
    u"خلال", u"بين", u"حتى", u"بعد", u"قبل", u"عند", u"لدى", u"وفق", u"حسب", u"نحو", u"حوالي",
    u"أكثر", u"أقل", u"فقط", u"تقريبا", u"كما", u"بل", u"لكن", u"أيضا", u"أي", u"كل", u"بعض", u"غير",
    u"و", u"ف", u"ب", u"ل", u"ك", u"م", u"ه", u"عبر", u"ضد", u"دون", u"حول", u"لدي", u"إذ", u"إذا",
};

// Ordinals that come before عشر in a date's day (الحادي عشر): that عشر is no count.
constexpr const char16_t *kOrdinals[] = {
    u"الحادي", u"الثاني", u"الثالث", u"الرابع", u"الخامس", u"السادس", u"السابع", u"الثامن",
    u"التاسع", u"حادي", u"الحادية", u"الثانية", u"الثالثة", u"الرابعة", u"الخامسة", u"السادسة",
    u"السابعة", u"الثامنة", u"التاسعة",
};

// Words after which digits name something (article 5, law 09.08, the 10 o'clock
// hour) or are a year in another calendar (سنة 1445): no count.
constexpr const char16_t *kLabelWords[] = {
    u"رقم", u"المادة", u"الفصل", u"البند", u"القانون", u"المرسوم", u"الظهير", u"القرار", u"الصفحة",
    u"العدد", u"الطبعة", u"النسخة", u"الإصدار", u"الجزء", u"الساعة", u"الدورة", u"عام", u"العام",
    u"سنة", u"السنة", u"عامي", u"لعام", u"المجموعة", u"الموسم",
};

// Hedges before a figure, longest first so that "ما يزيد على" wins over "يزيد على".
struct QualifierSpec
{
    std::initializer_list<const char16_t *> words;
    Qualifier qualifier;
};
const QualifierSpec kQualifiers[] = {
    {{u"ما", u"لا", u"يقل", u"عن"}, Qualifier::MoreThan},
    {{u"ما", u"لا", u"يتجاوز"}, Qualifier::UpTo},
    {{u"ما", u"لا", u"يزيد", u"عن"}, Qualifier::UpTo},
    {{u"ما", u"لا", u"يزيد", u"على"}, Qualifier::UpTo},
    {{u"ما", u"يزيد", u"على"}, Qualifier::MoreThan},
    {{u"ما", u"يزيد", u"عن"}, Qualifier::MoreThan},
    {{u"ما", u"يربو", u"على"}, Qualifier::MoreThan},
    {{u"ما", u"يصل", u"إلى"}, Qualifier::UpTo},
    {{u"ما", u"تصل", u"إلى"}, Qualifier::UpTo},
    {{u"ما", u"يقرب", u"من"}, Qualifier::Approx},
    {{u"ما", u"يقل", u"عن"}, Qualifier::LessThan},
    {{u"لا", u"يقل", u"عن"}, Qualifier::MoreThan},
    {{u"لا", u"يتجاوز"}, Qualifier::UpTo},
    {{u"لا", u"تتجاوز"}, Qualifier::UpTo},
    {{u"يزيد", u"على"}, Qualifier::MoreThan},
    {{u"يزيد", u"عن"}, Qualifier::MoreThan},
    {{u"يربو", u"على"}, Qualifier::MoreThan},
    {{u"يصل", u"إلى"}, Qualifier::UpTo},
    {{u"تصل", u"إلى"}, Qualifier::UpTo},
    {{u"يقرب", u"من"}, Qualifier::Approx},
    {{u"يقل", u"عن"}, Qualifier::LessThan},
    {{u"في", u"حدود"}, Qualifier::Approx},
    {{u"أكثر", u"من"}, Qualifier::MoreThan},
    {{u"أزيد", u"من"}, Qualifier::MoreThan},
    {{u"أقل", u"من"}, Qualifier::LessThan},
    {{u"ما", u"يقارب"}, Qualifier::Approx},
    {{u"ما", u"يناهز"}, Qualifier::Approx},
    {{u"ما", u"يفوق"}, Qualifier::MoreThan},
    {{u"ما", u"يتجاوز"}, Qualifier::MoreThan},
    {{u"ما", u"دون"}, Qualifier::LessThan},
    {{u"نحو"}, Qualifier::Approx},
    {{u"حوالي"}, Qualifier::Approx},
    {{u"حوالى"}, Qualifier::Approx},
    {{u"قرابة"}, Qualifier::Approx},
    {{u"زهاء"}, Qualifier::Approx},
    {{u"يقارب"}, Qualifier::Approx},
    {{u"يناهز"}, Qualifier::Approx},
    {{u"تقريبا"}, Qualifier::Approx},
    {{u"يفوق"}, Qualifier::MoreThan},
    {{u"يتجاوز"}, Qualifier::MoreThan},
    {{u"حتى"}, Qualifier::UpTo},
};

} // namespace

Tables::Tables()
{
    storage.reserve(1024); // views point into the strings' buffers, which never move
    for (const auto &spec : kNumberWords) {
        const QString f = fold(QStringView(spec.word));
        NumWord w{spec.kind, Decimal{spec.value, 0}};
        w.weak = spec.kind == NumKind::Unit && spec.value == 1;
        w.tenSuffix = spec.kind == NumKind::Unit && spec.value == 10;
        w.accusativeOrDual = spec.kind == NumKind::Scale && f.endsWith(u'ا');
        numbers.insert(keep(f), w);
        if (f.at(0).unicode() >= 0x0600 && f.at(0).unicode() < 0x0700) {
            numberFirstLetters.set(f.at(0).unicode() - 0x0600);
        }
    }
    numbers.insert(keep(fold(u"نصف")), NumWord{NumKind::Fraction, Decimal{5, 1}});
    numbers.insert(keep(fold(u"ربع")), NumWord{NumKind::Fraction, Decimal{25, 2}});
    numbers.insert(keep(fold(u"ثلث")), NumWord{NumKind::Fraction, Decimal{333333, 6}});
    for (char16_t c : {u'ن', u'ر', u'ث'}) {
        numberFirstLetters.set(c - 0x0600);
    }
    for (const auto &spec : kNouns) {
        const QString singular = fold(QStringView(spec.singular));
        nouns.insert(keep(singular), singular);
        for (const char16_t *form : spec.forms) {
            nouns.insert(keep(fold(QStringView(form))), singular);
        }
    }
    for (const auto &spec : kCurrencies) {
        currencies.insert(keep(fold(QStringView(spec.word))), Currency{spec.base, QString::fromUtf16(spec.code)});
    }
    for (const auto &spec : kAdjectives) {
        adjectives.insert(keep(QString::number(int(spec.base)) + u':' + fold(QStringView(spec.stem))),
                          QString::fromUtf16(spec.code));
    }
    for (const char16_t *w : kStopWords) {
        stopWords.insert(keep(fold(QStringView(w))), true);
    }
    for (const char16_t *w : kLabelWords) {
        labels.insert(keep(fold(QStringView(w))), true);
    }
    for (const char16_t *w : kOrdinals) {
        ordinals.insert(keep(fold(QStringView(w))), true);
    }
    for (const auto &spec : kQualifiers) {
        Qualifiers q{{}, spec.qualifier};
        for (const char16_t *w : spec.words) {
            q.words.push_back(keep(fold(QStringView(w))));
        }
        qualifiers.push_back(std::move(q));
    }
    ageCue1 = keep(fold(u"العمر"));
    ageCue2 = keep(fold(u"عمره"));
    percentWords[0] = keep(fold(u"المائة"));
    percentWords[1] = keep(fold(u"المئة"));
    percentWords[2] = keep(fold(u"بالمائة"));
    percentWords[3] = keep(fold(u"بالمئة"));
    approxAfter = keep(fold(u"تقريبا"));
}

const Tables &tables()
{
    static const Tables t;
    return t;
}

} // namespace Numbers

bool isQuantityWord(QStringView foldedWord)
{
    using namespace Numbers;
    const Tables &t = tables();
    int clitic = 0;
    if (t.number(foldedWord, &clitic) && clitic == 0) {
        return true;
    }
    return t.nouns.contains(foldedWord) || t.currencies.contains(foldedWord);
}

} // namespace Extract
} // namespace Rasid
