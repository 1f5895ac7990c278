#include "extract/quantities.h"

#include "extract/dates.h"

#include <QHash>

#include <algorithm>
#include <bitset>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

QString qualifierName(Qualifier q)
{
    switch (q) {
    case Qualifier::Exact: return u"exact"_s;
    case Qualifier::Approx: return u"approx"_s;
    case Qualifier::MoreThan: return u"more_than"_s;
    case Qualifier::LessThan: return u"less_than"_s;
    case Qualifier::UpTo: return u"up_to"_s;
    }
    return u"exact"_s;
}

// ---------------------------------------------------------------------------
// The scanner

namespace Scan {

namespace {

inline bool isArabicLetter(char16_t c)
{
    return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5
        || (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9);
}

inline bool isDigit(char16_t c) { return c >= '0' && c <= '9'; }

inline bool isSpace(char16_t c)
{
    if (c < 0x80) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
    }
    // Folding already turned the common Unicode spaces into ' '; these remain.
    return c == 0x0085 || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
        || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Letters of other scripts and the digits glued to them form one Latin token.
inline bool isOtherWordChar(char16_t c)
{
    if (c < 0x80) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
    }
    return !isArabicLetter(c) && !QChar::isSurrogate(c) && (QChar::isLetterOrNumber(c) || QChar::isMark(c));
}

} // namespace

void tokenize(QStringView text, std::vector<Token> &tokens)
{
    tokens.clear();
    tokens.reserve(size_t(text.size() / 5 + 8));
    const char16_t *s = text.utf16();
    const int n = int(text.size());
    bool glued = false;
    int i = 0;
    while (i < n) {
        const char16_t c = s[i];
        const bool arabic = isArabicLetter(c);
        if (!arabic && isSpace(c)) {
            glued = false;
            ++i;
            continue;
        }
        Token t;
        t.start = i;
        t.glued = glued;
        if (arabic) {
            while (i < n && isArabicLetter(s[i])) {
                ++i;
            }
            t.kind = TokenKind::Arabic;
        } else if (c < 0x80 ? isOtherWordChar(c) : (!QChar::isSurrogate(c) && isOtherWordChar(c))) {
            bool letters = false;
            while (i < n) {
                const char16_t d = s[i];
                if (isDigit(d)) {
                    ++i;
                } else if ((d == '.' || d == ',') && i > t.start && isDigit(s[i - 1]) && i + 1 < n
                           && isDigit(s[i + 1])) {
                    ++i; // a separator between digits stays inside the number
                } else if (isOtherWordChar(d)) {
                    letters = true;
                    ++i;
                } else {
                    break;
                }
            }
            t.kind = letters ? TokenKind::Latin : TokenKind::Number;
        } else {
            i += (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) ? 2 : 1;
            t.kind = TokenKind::Symbol;
        }
        t.end = i;
        tokens.push_back(t);
        glued = true;
    }
}

int cliticCandidates(QStringView word, int out[3])
{
    int count = 0;
    out[count++] = 0;
    const qsizetype n = word.size();
    if (n < 3) {
        return count;
    }
    const char16_t c0 = word[0].unicode();
    const char16_t c1 = word[1].unicode();
    const auto isPreposition = [](char16_t c) { return c == u'ب' || c == u'ل' || c == u'ك'; };
    if (c0 == u'و' || c0 == u'ف') {
        out[count++] = 1;
        if (n >= 4 && isPreposition(c1)) {
            out[count++] = 2;
        }
    } else if (isPreposition(c0)) {
        out[count++] = 1;
    }
    return count;
}

} // namespace Scan

// ---------------------------------------------------------------------------
// Tables

namespace {

using Scan::Token;
using Scan::TokenKind;

// An exact decimal: mant * 10^-exp. Figures in the news never need more. An
// operation that would overflow returns false and leaves the value as it was
// (the overflow builtins store the wrapped result, so they work on copies).
struct Decimal
{
    qint64 mant = 0;
    int exp = 0;

    bool isZero() const { return mant == 0; }
    bool scaleTo(int e)
    {
        qint64 m = mant;
        for (int k = exp; k < e; ++k) {
            if (__builtin_mul_overflow(m, qint64(10), &m)) {
                return false;
            }
        }
        mant = m;
        exp = std::max(exp, e);
        return true;
    }
    bool add(Decimal other)
    {
        Decimal self = *this;
        const int e = std::max(exp, other.exp);
        qint64 sum = 0;
        if (!self.scaleTo(e) || !other.scaleTo(e) || __builtin_add_overflow(self.mant, other.mant, &sum)) {
            return false;
        }
        mant = sum;
        exp = e;
        return true;
    }
    bool multiply(Decimal other)
    {
        qint64 product = 0;
        if (__builtin_mul_overflow(mant, other.mant, &product)) {
            return false;
        }
        mant = product;
        exp += other.exp;
        normalize();
        return true;
    }
    void normalize()
    {
        while (exp > 0 && mant % 10 == 0) {
            mant /= 10;
            --exp;
        }
    }
    qint64 rounded() const
    {
        qint64 div = 1;
        for (int k = 0; k < exp; ++k) {
            div *= 10;
        }
        // Half up without computing mant + div / 2, which overflows for a
        // figure such as 9223372036854.775807.
        return mant / div + (div > 1 && mant % div >= div / 2 ? 1 : 0);
    }
    QString toString() const
    {
        Decimal d = *this;
        d.normalize();
        QString digits = QString::number(d.mant);
        if (d.exp == 0) {
            return digits;
        }
        while (digits.size() <= d.exp) {
            digits.prepend(u'0');
        }
        digits.insert(digits.size() - d.exp, u'.');
        return digits;
    }
};

enum class NumKind : quint8 {
    Unit,          // 1..10
    TeenLead,      // أحد / إحدى / اثنا / اثني / اثنتا / اثنتي: only before عشر
    Ten,           // 20..90
    Hundred,       // 100..900
    Scale,         // ألف مليون مليار, also their accusative ألفا مليونا
    ScaleDual,     // ألفين مليونين مليوني
    ScalePlural,   // آلاف ملايين مليارات
    ScaleDefinite, // الآلاف الملايين: only in عشرات الآلاف / مئات الملايين ...
    Fraction,      // نصف ربع ثلث
    Vague,         // عشرات مئات
    Few,           // بضع بضعة عدة
};

struct NumWord
{
    NumKind kind;
    Decimal value;
    bool weak = false; // واحد alone is a pronoun far more often than a count
    bool tenSuffix = false; // عشر / عشرة, which also build the teens
    // ألفا، مليونا: accusative singular after a count (عشرين ألفا), but the dual
    // in construct when it opens the figure before its noun (مليونا دولار).
    bool accusativeOrDual = false;
};

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
enum class Base : quint8 { Dollar, Euro, Dirham, Riyal, Dinar, Pound, Lira, Bitcoin, Other };
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

struct Qualifiers
{
    std::vector<QStringView> words;
    Qualifier qualifier;
};

struct Currency
{
    Base base;
    QString code;
};

/*
 * Every table of the grammar, folded once and looked up by QStringView into the
 * text, so the scan allocates nothing per word. The bitset of first letters lets
 * the scan skip most words without hashing them.
 */
struct Tables
{
    QStringList storage; // owns the folded keys the views below point into
    QHash<QStringView, NumWord> numbers;
    QHash<QStringView, QString> nouns;
    QHash<QStringView, Currency> currencies;
    QHash<QStringView, QString> adjectives; // "<base>:<stem>" -> code
    QHash<QStringView, bool> stopWords;
    QHash<QStringView, bool> ordinals;
    QHash<QStringView, bool> labels;
    std::vector<Qualifiers> qualifiers;
    std::bitset<256> numberFirstLetters; // Arabic block offsets of the first letters
    QStringView ageCue1, ageCue2, percentWords[4], approxAfter;

    QStringView keep(const QString &s)
    {
        storage.append(s);
        return QStringView(storage.constLast());
    }

    Tables()
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

    // The number word a token stands for, trying proclitics; clitic gets their length.
    const NumWord *number(QStringView word, int *clitic) const
    {
        int lengths[3];
        const int count = Scan::cliticCandidates(word, lengths);
        for (int k = 0; k < count; ++k) {
            const QStringView rest = word.mid(lengths[k]);
            const char16_t first = rest.at(0).unicode();
            if (first < 0x0600 || first >= 0x0700 || !numberFirstLetters.test(first - 0x0600)) {
                continue;
            }
            const auto it = numbers.constFind(rest);
            if (it != numbers.constEnd()) {
                *clitic = lengths[k];
                return &it.value();
            }
        }
        return nullptr;
    }
};

const Tables &tables()
{
    static const Tables t;
    return t;
}

// ---------------------------------------------------------------------------
// The grammar

bool parseDigits(QStringView s, bool scaleFollows, Decimal *out)
{
    int commas = 0, dots = 0;
    for (QChar c : s) {
        commas += c == u',';
        dots += c == u'.';
    }
    const auto groupsOfThree = [](QStringView digits, QChar sep) {
        const auto parts = digits.split(sep);
        if (parts.first().size() < 1 || parts.first().size() > 3) {
            return false;
        }
        for (qsizetype k = 1; k < parts.size(); ++k) {
            if (parts.at(k).size() != 3) {
                return false;
            }
        }
        return true;
    };
    QString intPart, fracPart;
    if (commas == 0 && dots == 0) {
        intPart = s.toString();
    } else if (dots == 0) {
        if (groupsOfThree(s, u',')) {
            intPart = s.toString().remove(u',');
        } else if (commas == 1 && s.size() - s.indexOf(u',') - 1 <= 2) {
            // The Maghreb press writes decimals with a comma: 1,5 مليون.
            intPart = s.left(s.indexOf(u',')).toString();
            fracPart = s.mid(s.indexOf(u',') + 1).toString();
        } else {
            return false;
        }
    } else if (commas == 0) {
        const qsizetype dot = s.indexOf(u'.');
        if (dots == 1 && !(s.size() - dot - 1 == 3 && !scaleFollows && dot <= 3)) {
            intPart = s.left(dot).toString();
            fracPart = s.mid(dot + 1).toString();
        } else if (groupsOfThree(s, u'.')) {
            intPart = s.toString().remove(u'.'); // European grouping: 2.000.000, 1.500 موظف
        } else {
            return false;
        }
    } else {
        // 1,234.56 or 1.234,56: the last separator is the decimal point.
        const qsizetype lastComma = s.lastIndexOf(u','), lastDot = s.lastIndexOf(u'.');
        const QChar group = lastComma > lastDot ? u'.' : u',';
        const qsizetype point = std::max(lastComma, lastDot);
        if ((group == u'.' ? commas : dots) != 1 || !groupsOfThree(s.left(point), group)) {
            return false;
        }
        intPart = s.left(point).toString().remove(group);
        fracPart = s.mid(point + 1).toString();
    }
    if (intPart.isEmpty() || intPart.size() > 15 || fracPart.size() > 6) {
        return false;
    }
    bool ok = false;
    out->mant = (intPart + fracPart).toLongLong(&ok);
    out->exp = int(fracPart.size());
    out->normalize();
    return ok;
}

struct Component
{
    enum Kind { Digits, Word } type = Digits;
    NumKind kind = NumKind::Unit;
    Decimal value;
    int first = 0;       // first token
    int next = 0;        // token after the component
    int startOffset = 0; // folded offset where the figure starts (after a clitic)
    bool waw = false;    // joined to what came before by و
    bool weak = false;
    bool tenSuffix = false;
    bool accusativeOrDual = false;
};

struct NumberPhrase
{
    Decimal value;
    int first = 0;
    int end = 0; // token after the phrase
    int startOffset = 0;
    int endOffset = 0;
    bool vague = false;
    bool hasScale = false;
    bool digitsOnly = false; // one digit group and nothing else
};

class Grammar
{
public:
    Grammar(QStringView text, const std::vector<Token> &tokens)
        : m_text(text), m_tok(tokens), m_t(tables())
    {
    }

    // Parses the quantity that begins at token i, if any, into *q (folded offsets).
    // Tokens before firstFree belong to the previous figure: a hedge or a "%"
    // read backwards never reaches into them, so figures never overlap.
    bool quantityAt(int i, int firstFree, ParsedQuantity *q, int *nextToken, int *foldedStart, int *foldedEnd);

private:
    QStringView word(int i) const
    {
        return m_text.sliced(m_tok[size_t(i)].start, m_tok[size_t(i)].end - m_tok[size_t(i)].start);
    }
    int count() const { return int(m_tok.size()); }
    bool isKind(int i, TokenKind k) const { return i >= 0 && i < count() && m_tok[size_t(i)].kind == k; }
    bool isSymbol(int i, char16_t c) const
    {
        return isKind(i, TokenKind::Symbol) && m_text[m_tok[size_t(i)].start].unicode() == c;
    }
    bool wordIs(int i, QStringView w) const { return isKind(i, TokenKind::Arabic) && word(i) == w; }
    bool isScaleAt(int i) const;
    bool digitsAreNoCount(const NumberPhrase &np, bool signBefore) const;
    bool readComponent(int j, bool first, Component *c) const;
    bool parseNumber(int i, NumberPhrase *np) const;
    Qualifier qualifierBefore(int first, int *startOffset, int firstFree = 0) const;
    bool currencyAfter(int j, QString *code, int *next) const;
    QString nounAfter(int j, int *next) const;

    QStringView m_text;
    const std::vector<Token> &m_tok;
    const Tables &m_t;
};

bool Grammar::readComponent(int j, bool first, Component *c) const
{
    if (j >= count()) {
        return false;
    }
    *c = Component{};
    c->first = j;
    // A separate "و" joins the next figure: "مليون و 500 ألف", "و1.9" (scanner splits).
    if (!first && isKind(j, TokenKind::Arabic) && word(j) == u"و" && j + 1 < count()) {
        if (!readComponent(j + 1, true, c) || c->waw) {
            return false;
        }
        c->first = j;
        c->waw = true;
        return true;
    }
    const Token &t = m_tok[size_t(j)];
    if (t.kind == TokenKind::Number) {
        const bool scaleFollows = isScaleAt(j + 1);
        if (!parseDigits(word(j), scaleFollows, &c->value)) {
            return false;
        }
        c->type = Component::Digits;
        c->next = j + 1;
        c->startOffset = t.start;
        return true;
    }
    if (t.kind != TokenKind::Arabic) {
        return false;
    }
    int clitic = 0;
    const NumWord *w = m_t.number(word(j), &clitic);
    if (!w) {
        return false;
    }
    const bool wawClitic = clitic > 0 && m_text[t.start].unicode() == u'و';
    if (!first && clitic > 0 && !(clitic == 1 && wawClitic)) {
        return false; // inside a figure only و may be glued on
    }
    c->type = Component::Word;
    c->kind = w->kind;
    c->value = w->value;
    c->weak = w->weak;
    c->tenSuffix = w->tenSuffix;
    c->accusativeOrDual = w->accusativeOrDual;
    c->waw = !first && wawClitic;
    c->next = j + 1;
    c->startOffset = t.start + clitic;
    // Teens: ثلاثة عشر، اثنا عشر، إحدى عشرة. Hundreds in two words: ثلاث مائة.
    if ((w->kind == NumKind::Unit && w->value.mant >= 3 && w->value.mant <= 9) || w->kind == NumKind::TeenLead) {
        int nextClitic = 0;
        const NumWord *n = isKind(j + 1, TokenKind::Arabic) ? m_t.number(word(j + 1), &nextClitic) : nullptr;
        if (n && nextClitic == 0 && n->tenSuffix) {
            c->kind = NumKind::Unit;
            c->value.mant += 10;
            c->weak = false;
            c->next = j + 2;
            return true;
        }
        if (n && nextClitic == 0 && n->kind == NumKind::Hundred && n->value.mant == 100
            && w->kind == NumKind::Unit) {
            c->kind = NumKind::Hundred;
            c->value.mant *= 100;
            c->next = j + 2;
            return true;
        }
    }
    return w->kind != NumKind::TeenLead;
}

bool Grammar::isScaleAt(int i) const
{
    if (!isKind(i, TokenKind::Arabic)) {
        return false;
    }
    int clitic = 0;
    const NumWord *w = m_t.number(word(i), &clitic);
    return w && clitic == 0
        && (w->kind == NumKind::Scale || w->kind == NumKind::ScalePlural || w->kind == NumKind::ScaleDual);
}

bool Grammar::parseNumber(int i, NumberPhrase *np) const
{
    Component c;
    if (!readComponent(i, true, &c)) {
        return false;
    }
    *np = NumberPhrase{};
    np->first = i;
    np->startOffset = c.startOffset;

    Decimal total;          // what the scales so far add up to
    Decimal current;        // the count waiting for its scale
    qint64 lastScale = 0;   // 0: no scale yet
    Decimal pendingFraction;
    bool fraction = false, few = false, vagueWaiting = false;
    bool fromDigits = false, hasHundred = false, hasTen = false, hasUnit = false;
    int components = 1;

    const auto takeSmall = [&](const Component &k) {
        current.add(k.value);
        hasHundred |= k.kind == NumKind::Hundred;
        hasTen |= k.kind == NumKind::Ten;
        hasUnit |= k.kind == NumKind::Unit;
    };

    switch (c.kind) {
    case NumKind::Unit:
    case NumKind::Ten:
    case NumKind::Hundred:
        if (c.type == Component::Digits) {
            current = c.value;
            fromDigits = true;
        } else {
            takeSmall(c);
        }
        break;
    case NumKind::Fraction:
        pendingFraction = c.value;
        fraction = true;
        break;
    case NumKind::Vague:
        current = c.value;
        np->vague = true;
        vagueWaiting = true;
        break;
    case NumKind::Few:
        few = true;
        break;
    case NumKind::Scale:
    case NumKind::ScaleDual:
    case NumKind::ScalePlural:
    case NumKind::ScaleDefinite:
        total = c.value;
        if (c.kind == NumKind::ScaleDual
            || (c.accusativeOrDual && isKind(c.next, TokenKind::Arabic) && !isScaleAt(c.next))) {
            total.multiply(Decimal{2, 0});
        }
        np->vague = c.kind == NumKind::ScalePlural || c.kind == NumKind::ScaleDefinite;
        lastScale = c.value.mant;
        np->hasScale = true;
        break;
    case NumKind::TeenLead:
        return false;
    }

    int j = c.next;
    for (;;) {
        Component n;
        if (!readComponent(j, false, &n)) {
            break;
        }
        const bool isScale = n.type == Component::Word
            && (n.kind == NumKind::Scale || n.kind == NumKind::ScaleDual || n.kind == NumKind::ScalePlural
                || n.kind == NumKind::ScaleDefinite);
        bool accepted = false;
        if (isScale && !n.waw) {
            const qint64 scale = n.value.mant;
            if (fraction) {
                accepted = n.kind == NumKind::Scale && (lastScale == 0 || scale < lastScale);
                Decimal part = pendingFraction;
                accepted = accepted && part.multiply(n.value) && total.add(part);
                if (accepted) {
                    fraction = false;
                }
            } else if (few || vagueWaiting) {
                accepted = (n.kind == NumKind::ScalePlural || n.kind == NumKind::ScaleDefinite)
                    && (lastScale == 0 || scale < lastScale);
                Decimal part = few ? Decimal{1, 0} : current;
                accepted = accepted && part.multiply(n.value) && total.add(part);
                if (accepted) {
                    current = Decimal{};
                    np->vague = true;
                    few = vagueWaiting = false;
                }
            } else if (components == 1 && c.kind == NumKind::Scale && n.kind == NumKind::Scale
                       && scale > lastScale && !np->vague) {
                accepted = total.multiply(n.value); // ألف مليون = a billion
            } else if (!current.isZero() && n.kind != NumKind::ScaleDual && n.kind != NumKind::ScaleDefinite
                       && (lastScale == 0 || scale < lastScale)) {
                // A figure too large for 64 bits stops before the scale word.
                Decimal part = current;
                accepted = part.multiply(n.value) && total.add(part);
                if (accepted) {
                    current = Decimal{};
                    hasHundred = hasTen = hasUnit = fromDigits = false;
                }
            }
            if (accepted) {
                lastScale = scale;
                np->hasScale = true;
            }
        } else if (isScale && n.waw && current.isZero() && lastScale > n.value.mant && !fraction && !few
                   && !vagueWaiting && n.kind != NumKind::ScalePlural && n.kind != NumKind::ScaleDefinite) {
            // مليون وألف، مليون وألفين
            Decimal part = n.value;
            if (n.kind == NumKind::ScaleDual) {
                part.multiply(Decimal{2, 0});
            }
            accepted = total.add(part);
            lastScale = n.value.mant;
        } else if (n.kind == NumKind::Fraction && n.waw && current.isZero() && lastScale > 0 && !fraction) {
            // مليون ونصف = 1,500,000
            Decimal part = n.value;
            part.multiply(Decimal{lastScale, 0});
            accepted = total.add(part);
            lastScale = 1; // nothing may follow a trailing fraction
        } else if (!isScale && n.waw && !fraction && !few && !vagueWaiting
                   && (n.kind == NumKind::Unit || n.kind == NumKind::Ten || n.kind == NumKind::Hundred)) {
            if (current.isZero() && lastScale > 1) {
                // After a scale: "ثلاثة آلاف وخمسمائة", "مليون و500 ألف". The figure must
                // stay below that scale, so a larger scale after it starts a new quantity
                // ("500 ألف شركة و1.9 مليون موظف" never reaches here; "500 ألف و1.9 مليون" stops).
                Component after;
                const bool biggerScaleNext = readComponent(n.next, false, &after) && !after.waw
                    && after.type == Component::Word
                    && (after.kind == NumKind::Scale || after.kind == NumKind::ScaleDual
                        || after.kind == NumKind::ScalePlural)
                    && after.value.mant >= lastScale;
                if (!biggerScaleNext && (n.type == Component::Word || n.value.exp == 0)) {
                    accepted = true;
                    if (n.type == Component::Digits) {
                        current = n.value;
                        fromDigits = true;
                    } else {
                        takeSmall(n);
                    }
                }
            } else if (!current.isZero() && !fromDigits && n.type == Component::Word) {
                // Within the hundreds: خمسة وعشرون، مائة وخمسون، مائتان وثلاثة وعشرون.
                accepted = (n.kind == NumKind::Ten && !hasTen && !(hasUnit && current.mant >= 10 && !hasHundred))
                    || (n.kind == NumKind::Unit && !hasUnit && (hasHundred || hasTen));
                if (accepted) {
                    takeSmall(n);
                }
            }
        }
        if (!accepted) {
            break;
        }
        ++components;
        j = n.next;
    }
    if (fraction || few) {
        return false; // نصف السكان، عدة مرات: no figure
    }
    if (components == 1 && c.weak) {
        return false;
    }
    if (!total.add(current)) {
        return false;
    }
    np->value = total;
    np->end = j;
    np->endOffset = m_tok[size_t(j - 1)].end;
    np->digitsOnly = components == 1 && c.type == Component::Digits;
    return true;
}

Qualifier Grammar::qualifierBefore(int first, int *startOffset, int firstFree) const
{
    for (const Qualifiers &q : m_t.qualifiers) {
        const int n = int(q.words.size());
        const int from = first - n;
        if (from < firstFree) {
            continue;
        }
        bool match = true;
        int clitic = 0;
        for (int k = 0; k < n && match; ++k) {
            const int ti = from + k;
            if (!isKind(ti, TokenKind::Arabic)) {
                match = false;
                break;
            }
            const QStringView w = word(ti);
            if (w == q.words[size_t(k)]) {
                continue;
            }
            // The first word may carry a proclitic: لأكثر من، بنحو، وحتى.
            match = false;
            if (k == 0) {
                int lengths[3];
                const int count = Scan::cliticCandidates(w, lengths);
                for (int c = 1; c < count; ++c) {
                    if (w.mid(lengths[c]) == q.words[0]) {
                        match = true;
                        clitic = lengths[c];
                        break;
                    }
                }
            }
        }
        if (match) {
            *startOffset = m_tok[size_t(from)].start + clitic;
            return q.qualifier;
        }
    }
    return Qualifier::Exact;
}

bool Grammar::currencyAfter(int j, QString *code, int *next) const
{
    if (isSymbol(j, u'$')) {
        *code = u"USD"_s;
        *next = j + 1;
        return true;
    }
    if (isSymbol(j, u'€') || isSymbol(j, u'£')) {
        *code = isSymbol(j, u'€') ? u"EUR"_s : u"GBP"_s;
        *next = j + 1;
        return true;
    }
    int at = j;
    // ملايين من الدولارات
    if (wordIs(at, u"من") && isKind(at + 1, TokenKind::Arabic)) {
        ++at;
    }
    if (!isKind(at, TokenKind::Arabic) && !isKind(at, TokenKind::Latin)) {
        return false;
    }
    const auto it = m_t.currencies.constFind(word(at));
    if (it == m_t.currencies.constEnd()) {
        return false;
    }
    *code = it->code;
    *next = at + 1;
    // A country adjective: دولار أمريكي، الدينار الكويتي، ليرة تركية، دنانير كويتية.
    if (isKind(at + 1, TokenKind::Arabic)) {
        QStringView adj = word(at + 1);
        if (adj.startsWith(u"ال")) {
            adj = adj.mid(2);
        }
        if (adj.endsWith(u"ين") || adj.endsWith(u"ون")) {
            adj.chop(2);
        } else if (adj.endsWith(u'ه')) {
            adj.chop(1);
        }
        const QString key = QString::number(int(it->base)) + u':' + adj.toString();
        const auto a = m_t.adjectives.constFind(QStringView(key));
        if (a != m_t.adjectives.constEnd()) {
            *code = a.value();
            *next = at + 2;
        }
    }
    return true;
}

QString Grammar::nounAfter(int j, int *next) const
{
    if (!isKind(j, TokenKind::Arabic)) {
        return {};
    }
    const QStringView w = word(j);
    const auto known = [&](QStringView form) -> const QString * {
        auto it = m_t.nouns.constFind(form);
        if (it == m_t.nouns.constEnd() && form.startsWith(u"ال") && form.size() > 3) {
            it = m_t.nouns.constFind(form.mid(2));
        }
        return it == m_t.nouns.constEnd() ? nullptr : &it.value();
    };
    if (const QString *noun = known(w)) {
        *next = j + 1;
        return *noun;
    }
    // "مئات الآلاف من الأشخاص": من + a known noun.
    if (w == u"من" && isKind(j + 1, TokenKind::Arabic)) {
        if (const QString *noun = known(word(j + 1))) {
            *next = j + 2;
            return *noun;
        }
        return {};
    }
    if (w.size() < 2 || m_t.stopWords.contains(w) || w.startsWith(u"ال")) {
        return {};
    }
    int clitic = 0;
    if (m_t.number(w, &clitic) || matchMonthName(m_text, m_tok[size_t(j)].start)) {
        return {};
    }
    *next = j + 1;
    return w.toString(); // a demonym or any other counted word, as written
}

// Digits inside Latin context (CVE-2024-1234, Windows 10), clock times (10:30),
// references (المادة 5، رقم 09.08) and digits glued to an Arabic word that is not
// a proclitic (كوفيد19) are no counts.
bool Grammar::digitsAreNoCount(const NumberPhrase &np, bool signBefore) const
{
    const Token &first = m_tok[size_t(np.first)];
    const int prev = np.first - 1;
    const QStringView digits = word(np.first);
    if (digits.size() > 1 && digits.startsWith(u'0') && !digits.startsWith(u"0.") && !digits.startsWith(u"0,")) {
        return true; // 05/2024, 09.08: a reference, not a count
    }
    if (prev >= 0) {
        const Token &p = m_tok[size_t(prev)];
        if (p.kind == TokenKind::Latin) {
            return true;
        }
        if (p.kind == TokenKind::Arabic) {
            int lengths[3];
            const int n = Scan::cliticCandidates(word(prev), lengths);
            for (int k = 0; k < n; ++k) {
                if (m_t.labels.contains(word(prev).mid(lengths[k]))) {
                    return true;
                }
            }
        }
        if (first.glued && p.kind == TokenKind::Symbol && !signBefore
            && (isSymbol(prev, u'-') || isSymbol(prev, u'/') || isSymbol(prev, u':') || isSymbol(prev, u'.')
                || isSymbol(prev, u'_'))) {
            return true;
        }
        if (first.glued && p.kind == TokenKind::Arabic) {
            // Only proclitics and the article may be glued on: و1.9، لـ160، الـ30، للـ500.
            QStringView pw = word(prev);
            if (pw.endsWith(u"ال")) {
                pw.chop(2);
            } else if (pw.endsWith(u"لل")) {
                pw.chop(1);
            }
            const bool clitic = pw.size() <= 2
                && std::all_of(pw.begin(), pw.end(), [](QChar ch) {
                       return ch == u'و' || ch == u'ف' || ch == u'ب' || ch == u'ل' || ch == u'ك';
                   });
            int qs = 0;
            const bool qualifierWord = qualifierBefore(np.first, &qs) != Qualifier::Exact;
            if (!clitic && !qualifierWord) {
                return true;
            }
        }
    }
    if (isKind(np.end, TokenKind::Symbol) && m_tok[size_t(np.end)].glued
        && (isSymbol(np.end, u'-') || isSymbol(np.end, u'/') || isSymbol(np.end, u':') || isSymbol(np.end, u'_'))
        && isKind(np.end + 1, TokenKind::Number)) {
        return true;
    }
    return false;
}

bool Grammar::quantityAt(int i, int firstFree, ParsedQuantity *q, int *nextToken, int *foldedStart, int *foldedEnd)
{
    const Token &t = m_tok[size_t(i)];
    if (t.kind == TokenKind::Arabic) {
        // Cheap first test: the word, or the word after a proclitic, must start a number word.
        const QStringView w = word(i);
        const auto starts = [&](int k) {
            if (k >= w.size()) {
                return false;
            }
            const char16_t c = w[k].unicode();
            return c >= 0x0600 && c < 0x0700 && m_t.numberFirstLetters.test(c - 0x0600);
        };
        if (!starts(0) && !starts(1) && !starts(2)) {
            return false;
        }
        // "عشر" after an ordinal is part of a day (الحادي عشر), not a count.
        if (i > 0 && isKind(i - 1, TokenKind::Arabic) && m_t.ordinals.contains(word(i - 1))) {
            return false;
        }
    } else if (t.kind != TokenKind::Number && !(t.kind == TokenKind::Symbol && isSymbol(i, u'$'))
               && !isSymbol(i, u'€') && !isSymbol(i, u'£')) {
        return false;
    }

    // "$5 مليون": a currency sign before the figure.
    QString code;
    int numberStart = i;
    if (t.kind == TokenKind::Symbol) {
        if (!isKind(i + 1, TokenKind::Number)) {
            return false;
        }
        code = isSymbol(i, u'$') ? u"USD"_s : (isSymbol(i, u'€') ? u"EUR"_s : u"GBP"_s);
        numberStart = i + 1;
    }

    NumberPhrase np;
    if (!parseNumber(numberStart, &np)) {
        return false;
    }
    if (np.digitsOnly && digitsAreNoCount(np, !code.isEmpty())) {
        return false;
    }

    // What comes before: a hedge (نحو، أكثر من ...) or nothing.
    int start = code.isEmpty() ? np.startOffset : t.start;
    Qualifier qualifier = Qualifier::Exact;
    if (code.isEmpty()) {
        int qualifierStart = start;
        qualifier = qualifierBefore(np.first, &qualifierStart, firstFree);
        if (qualifier != Qualifier::Exact) {
            start = qualifierStart;
        }
    }

    // What comes after: a currency, a percent sign, the counted noun, تقريبا.
    int j = np.end;
    int end = np.endOffset;
    QString noun, kind;
    int after = j;
    if (code.isEmpty() && currencyAfter(j, &code, &after)) {
        j = after;
    } else if (!code.isEmpty()) {
        // the sign came first; nothing more to read
    } else if (isSymbol(j, u'%')) {
        kind = u"percent"_s;
        ++j;
    } else if (wordIs(j, u"في") && isKind(j + 1, TokenKind::Arabic)
               && (word(j + 1) == m_t.percentWords[0] || word(j + 1) == m_t.percentWords[1])) {
        kind = u"percent"_s;
        j += 2;
    } else if (isKind(j, TokenKind::Arabic)
               && (word(j) == m_t.percentWords[2] || word(j) == m_t.percentWords[3])) {
        kind = u"percent"_s;
        ++j;
    } else {
        noun = nounAfter(j, &after);
        if (!noun.isEmpty()) {
            j = after;
        }
    }
    if (np.first - 1 >= firstFree && isSymbol(np.first - 1, u'%') && kind.isEmpty() && code.isEmpty()
        && noun.isEmpty()) {
        kind = u"percent"_s; // "%30", as some outlets write it
        start = m_tok[size_t(np.first - 1)].start;
    }
    if (j > np.end) {
        end = m_tok[size_t(j - 1)].end;
    }
    if (qualifier == Qualifier::Exact && wordIs(j, m_t.approxAfter)) {
        qualifier = Qualifier::Approx;
        end = m_tok[size_t(j)].end;
        ++j;
    }
    if (qualifier == Qualifier::Exact && np.vague) {
        qualifier = Qualifier::MoreThan;
    }
    // Ages: "يبلغ من العمر 22 عاما", "لوبان (48 عاما)".
    if (noun == u"عام" || noun == u"سنه") {
        const int before = np.first - (qualifier == Qualifier::Exact ? 1 : 2);
        const bool cue = (isKind(before, TokenKind::Arabic)
                          && (word(before) == m_t.ageCue1 || word(before) == m_t.ageCue2))
            || (isSymbol(np.first - 1, u'(') && isSymbol(j, u')'));
        if (cue) {
            kind = u"age"_s;
        }
    }

    Decimal value = np.value;
    if (np.hasScale) {
        value = Decimal{value.rounded(), 0};
    }
    q->value = value.rounded();
    q->amount = value.toString();
    q->qualifier = qualifier;
    q->noun = noun;
    q->currency = code;
    q->kind = kind;
    *foldedStart = start;
    *foldedEnd = end;
    *nextToken = j;
    return true;
}

// Marks the tokens that lie inside a date so that their digits are left alone.
void markDates(const std::vector<FoldedDate> &dates, const std::vector<Token> &tokens, std::vector<char> *inDate)
{
    inDate->assign(tokens.size(), 0);
    size_t k = 0;
    for (const FoldedDate &d : dates) {
        while (k < tokens.size() && tokens[k].end <= d.start) {
            ++k;
        }
        for (size_t m = k; m < tokens.size() && tokens[m].start < d.end; ++m) {
            (*inDate)[m] = 1;
        }
    }
}

QString attributesOf(const ParsedQuantity &q)
{
    QString a;
    if (!q.currency.isEmpty()) {
        a = u"currency="_s + q.currency + u';';
    }
    a += u"qualifier="_s + qualifierName(q.qualifier);
    if (!q.noun.isEmpty()) {
        a += u";noun="_s + q.noun;
    }
    if (!q.kind.isEmpty()) {
        a += u";kind="_s + q.kind;
    }
    return a;
}

// The scan shared by findQuantities() and parseQuantity(), in folded offsets,
// over text's tokens and dates.
template<typename Report>
void scanQuantities(QStringView text, const std::vector<Token> &tokens, const std::vector<FoldedDate> &dates,
                    Report report)
{
    thread_local std::vector<char> inDate;
    markDates(dates, tokens, &inDate);
    Grammar grammar(text, tokens);
    const int n = int(tokens.size());
    int firstFree = 0; // the token after the last figure reported
    for (int i = 0; i < n;) {
        ParsedQuantity q;
        int next = i + 1, fs = 0, fe = 0;
        if (!inDate[size_t(i)] && grammar.quantityAt(i, firstFree, &q, &next, &fs, &fe)) {
            // A figure never runs into a date: "500 ألف" stops before "في 5 يناير".
            const bool clash = std::any_of(inDate.begin() + i, inDate.begin() + std::min(next, n),
                                           [](char d) { return d != 0; });
            if (!clash) {
                report(q, fs, fe);
                i = std::max(next, i + 1);
                firstFree = i;
                continue;
            }
        }
        ++i;
    }
}

} // namespace

bool Scan::isQuantityWord(QStringView foldedWord)
{
    const Tables &t = tables();
    int clitic = 0;
    if (t.number(foldedWord, &clitic) && clitic == 0) {
        return true;
    }
    return t.nouns.contains(foldedWord) || t.currencies.contains(foldedWord);
}

template<typename Report>
void scanQuantities(QStringView text, Report report)
{
    thread_local std::vector<Token> tokens;
    Scan::tokenize(text, tokens);
    scanQuantities(text, tokens, findFoldedDates(text, tokens), report);
}

EntityList findQuantities(const FoldedText &folded, QStringView source)
{
    std::vector<Token> tokens;
    Scan::tokenize(folded.text, tokens);
    return findQuantities(folded, source, tokens, findFoldedDates(folded.text, tokens));
}

EntityList findQuantities(const FoldedText &folded, QStringView source, const std::vector<Scan::Token> &tokens,
                          const std::vector<FoldedDate> &dates)
{
    EntityList out;
    scanQuantities(folded.text, tokens, dates, [&](const ParsedQuantity &q, int fs, int fe) {
        Entity e;
        e.type = q.currency.isEmpty() ? EntityType::Quantity : EntityType::Money;
        e.start = folded.sourceStart(fs);
        e.end = folded.sourceEnd(fe);
        e.text = source.mid(e.start, e.end - e.start).toString();
        e.value = q.amount;
        e.attributes = attributesOf(q);
        e.confidence = !q.currency.isEmpty() || !q.noun.isEmpty() ? 0.9 : 0.75;
        out.append(e);
    });
    return out;
}

std::optional<ParsedQuantity> parseQuantity(QStringView phrase)
{
    const FoldedText folded = foldWithMap(phrase);
    std::optional<ParsedQuantity> best;
    scanQuantities(folded.text, [&](const ParsedQuantity &q, int fs, int fe) {
        if (!best) {
            best = q;
            best->start = folded.sourceStart(fs);
            best->end = folded.sourceEnd(fe);
        }
    });
    return best;
}

} // namespace Extract
} // namespace Rasid
