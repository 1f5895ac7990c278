#include "extract/quantities.h"

#include "text/textfold.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class QuantitiesTest : public QObject
{
    Q_OBJECT
private slots:
    void readsPhrase_data();
    void readsPhrase();
    void spanLandsOnOriginalText_data();
    void spanLandsOnOriginalText();
    void ignoresWhatIsNoCount_data();
    void ignoresWhatIsNoCount();
    void findsEveryFigureOfASentence();
    void qualifierNamesMatchTheCsvContract();
    void coversTheSeedNumbers();
};

void QuantitiesTest::readsPhrase_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("qualifier");
    QTest::addColumn<QString>("noun");     // folded
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("kind");

    const QString exact = u"exact"_s, approx = u"approx"_s, more = u"more_than"_s, less = u"less_than"_s,
                  upTo = u"up_to"_s, none;
    // Digits, separators and decimals
    QTest::newRow("plain digits") << u"1000"_s << u"1000"_s << exact << none << none << none;
    QTest::newRow("digits with noun") << u"30 مختبرا"_s << u"30"_s << exact << u"مختبرا"_s << none << none;
    QTest::newRow("decimal point") << u"1.9"_s << u"1.9"_s << exact << none << none << none;
    QTest::newRow("arabic decimal separator") << u"١٫٤ مليون"_s << u"1400000"_s << exact << none << none << none;
    QTest::newRow("comma thousands") << u"2,000,000 مستخدم"_s << u"2000000"_s << exact << u"مستخدم"_s << none << none;
    QTest::newRow("european thousands") << u"2.000.000 حساب"_s << u"2000000"_s << exact << u"حساب"_s << none << none;
    QTest::newRow("european thousands, one group") << u"1.500 موظف"_s << u"1500"_s << exact << u"موظف"_s << none << none;
    QTest::newRow("arabic thousands separator") << u"٢٬٥٠٠ ملف"_s << u"2500"_s << exact << u"ملف"_s << none << none;
    QTest::newRow("maghreb decimal comma") << u"1,5 مليون"_s << u"1500000"_s << exact << none << none << none;
    QTest::newRow("arabic-indic digits") << u"٥٠٠ ألف"_s << u"500000"_s << exact << none << none << none;
    QTest::newRow("persian digits") << u"۳۰۰ شخص"_s << u"300"_s << exact << u"شخص"_s << none << none;
    // Digits with a scale
    QTest::newRow("2 million") << u"2 مليون منخرط"_s << u"2000000"_s << exact << u"منخرط"_s << none << none;
    QTest::newRow("1.9 million") << u"1.9 مليون موظف"_s << u"1900000"_s << exact << u"موظف"_s << none << none;
    QTest::newRow("500 thousand") << u"500 ألف شركة"_s << u"500000"_s << exact << u"شركه"_s << none << none;
    QTest::newRow("3 thousands plural") << u"3 آلاف رسالة"_s << u"3000"_s << exact << u"رساله"_s << none << none;
    QTest::newRow("2.5 billion") << u"2.5 مليار سجل"_s << u"2500000000"_s << exact << u"سجل"_s << none << none;
    QTest::newRow("million and 500 thousand") << u"مليون و500 ألف"_s << u"1500000"_s << exact << none << none << none;
    // Number words
    QTest::newRow("three") << u"ثلاثة أشخاص"_s << u"3"_s << exact << u"شخص"_s << none << none;
    QTest::newRow("feminine five") << u"خمس شركات"_s << u"5"_s << exact << u"شركه"_s << none << none;
    QTest::newRow("ten feminine") << u"عشرة أجهزة"_s << u"10"_s << exact << u"جهاز"_s << none << none;
    QTest::newRow("eleven") << u"أحد عشر موظفا"_s << u"11"_s << exact << u"موظف"_s << none << none;
    QTest::newRow("eleven feminine") << u"إحدى عشرة شركة"_s << u"11"_s << exact << u"شركه"_s << none << none;
    QTest::newRow("twelve nominative") << u"اثنا عشر حسابا"_s << u"12"_s << exact << u"حساب"_s << none << none;
    QTest::newRow("twelve genitive") << u"اثني عشر ملفا"_s << u"12"_s << exact << u"ملف"_s << none << none;
    QTest::newRow("nineteen") << u"تسعة عشر جهازا"_s << u"19"_s << exact << u"جهاز"_s << none << none;
    QTest::newRow("twenty nominative") << u"عشرون عميلا"_s << u"20"_s << exact << u"عميل"_s << none << none;
    QTest::newRow("twenty-five") << u"خمسة وعشرون مريضا"_s << u"25"_s << exact << u"مريض"_s << none << none;
    QTest::newRow("hundred") << u"مائة وثيقة"_s << u"100"_s << exact << u"وثيقه"_s << none << none;
    QTest::newRow("hundred short spelling") << u"مئة مواطن"_s << u"100"_s << exact << u"مواطن"_s << none << none;
    QTest::newRow("two hundred dual") << u"مئتين"_s << u"200"_s << exact << none << none << none;
    QTest::newRow("three hundred joined") << u"ثلاثمائة"_s << u"300"_s << exact << none << none << none;
    QTest::newRow("three hundred split") << u"ثلاث مئة"_s << u"300"_s << exact << none << none << none;
    QTest::newRow("hundred and fifty") << u"مائة وخمسون"_s << u"150"_s << exact << none << none << none;
    QTest::newRow("thousand alone") << u"ألف شخص"_s << u"1000"_s << exact << u"شخص"_s << none << none;
    QTest::newRow("two thousand dual") << u"ألفين"_s << u"2000"_s << exact << none << none << none;
    QTest::newRow("twenty thousand") << u"عشرين ألف"_s << u"20000"_s << exact << none << none << none;
    QTest::newRow("twenty thousand accusative") << u"عشرين ألفا"_s << u"20000"_s << exact << none << none << none;
    QTest::newRow("five millions") << u"خمسة ملايين"_s << u"5000000"_s << exact << none << none << none;
    QTest::newRow("two million dual") << u"مليونين"_s << u"2000000"_s << exact << none << none << none;
    QTest::newRow("two million construct") << u"مليوني شخص"_s << u"2000000"_s << exact << u"شخص"_s << none << none;
    QTest::newRow("twenty million accusative") << u"عشرين مليونا"_s << u"20000000"_s << exact << none << none << none;
    QTest::newRow("two billion dual") << u"مليارين"_s << u"2000000000"_s << exact << none << none << none;
    QTest::newRow("three thousand five hundred") << u"ثلاثة آلاف وخمسمائة"_s << u"3500"_s << exact << none << none << none;
    QTest::newRow("half a million") << u"نصف مليون مريض"_s << u"500000"_s << exact << u"مريض"_s << none << none;
    QTest::newRow("quarter of a million") << u"ربع مليون"_s << u"250000"_s << exact << none << none << none;
    QTest::newRow("a million and a half") << u"مليون ونصف"_s << u"1500000"_s << exact << none << none << none;
    // Vague plurals: the least they guarantee, more_than
    QTest::newRow("tens of thousands") << u"عشرات الآلاف"_s << u"10000"_s << more << none << none << none;
    QTest::newRow("hundreds of thousands") << u"مئات الآلاف من الأشخاص"_s << u"100000"_s << more << u"شخص"_s << none << none;
    QTest::newRow("thousands of messages") << u"آلاف رسائل"_s << u"1000"_s << more << u"رساله"_s << none << none;
    QTest::newRow("millions") << u"ملايين المستخدمين"_s << u"1000000"_s << more << u"مستخدم"_s << none << none;
    QTest::newRow("a few thousand") << u"بضعة آلاف"_s << u"1000"_s << more << none << none << none;
    QTest::newRow("tens of citizens") << u"عشرات المواطنين"_s << u"10"_s << more << u"مواطن"_s << none << none;
    // Glued forms
    QTest::newRow("glued waw") << u"و1.9 مليون"_s << u"1900000"_s << exact << none << none << none;
    QTest::newRow("glued approx") << u"نحو60 عاما"_s << u"60"_s << approx << u"عام"_s << none << none;
    QTest::newRow("glued baa") << u"ب500 دولار"_s << u"500"_s << exact << none << u"USD"_s << none;
    QTest::newRow("glued lam with tatweel") << u"لـ160 ألف مواطن"_s << u"160000"_s << exact << u"مواطن"_s << none << none;
    QTest::newRow("glued article with tatweel") << u"الـ30 مختبرا"_s << u"30"_s << exact << u"مختبرا"_s << none << none;
    QTest::newRow("glued lam-lam") << u"للـ500 موظف"_s << u"500"_s << exact << u"موظف"_s << none << none;
    QTest::newRow("clitic on number word") << u"والف حساب"_s << u"1000"_s << exact << u"حساب"_s << none << none;
    // Qualifiers
    QTest::newRow("nahw") << u"نحو 2 مليون"_s << u"2000000"_s << approx << none << none << none;
    QTest::newRow("bi-nahw") << u"بنحو 500 ألف شركة"_s << u"500000"_s << approx << u"شركه"_s << none << none;
    QTest::newRow("hawali") << u"حوالي 30 مختبراً"_s << u"30"_s << approx << u"مختبر"_s << none << none;
    QTest::newRow("qurabat") << u"قرابة 400 ألف"_s << u"400000"_s << approx << none << none << none;
    QTest::newRow("zuhaa") << u"زهاء 40 ألف"_s << u"40000"_s << approx << none << none << none;
    QTest::newRow("ma yuqarib") << u"ما يقارب 700 ألف"_s << u"700000"_s << approx << none << none << none;
    QTest::newRow("taqriban after") << u"300 ألف تقريبا"_s << u"300000"_s << approx << none << none << none;
    QTest::newRow("akthar min") << u"أكثر من نصف مليون فرنسي"_s << u"500000"_s << more << u"فرنسي"_s << none << none;
    QTest::newRow("li-akthar min") << u"لأكثر من 10 آلاف"_s << u"10000"_s << more << none << none << none;
    QTest::newRow("azyad min") << u"أزيد من 200 ألف مغربي"_s << u"200000"_s << more << u"مغربي"_s << none << none;
    QTest::newRow("ma yazid ala") << u"ما يزيد على 3 ملايين"_s << u"3000000"_s << more << none << none << none;
    QTest::newRow("ma yazid an") << u"ما يزيد عن 900 سجل"_s << u"900"_s << more << u"سجل"_s << none << none;
    QTest::newRow("ma la yaqill an") << u"ما لا يقل عن 50 ألف"_s << u"50000"_s << more << none << none << none;
    QTest::newRow("aqall min") << u"أقل من 1000"_s << u"1000"_s << less << none << none << none;
    QTest::newRow("ma dun") << u"ما دون 100 مستخدم"_s << u"100"_s << less << u"مستخدم"_s << none << none;
    QTest::newRow("ma yasil ila") << u"ما يصل إلى مليوني شخص"_s << u"2000000"_s << upTo << u"شخص"_s << none << none;
    QTest::newRow("yasil ila") << u"يصل إلى 5 آلاف"_s << u"5000"_s << upTo << none << none << none;
    QTest::newRow("hatta") << u"حتى 80 ألف بطاقة"_s << u"80000"_s << upTo << u"بطاقه"_s << none << none;
    // Harakat and tatweel inside the phrase
    QTest::newRow("harakat") << u"نَحْوَ خَمْسَةِ مَلَايِينَ"_s << u"5000000"_s << approx << none << none << none;
    QTest::newRow("tatweel") << u"مليـــون مستخـدم"_s << u"1000000"_s << exact << u"مستخدم"_s << none << none;
    // Kinds
    QTest::newRow("age") << u"يبلغ من العمر 22 عامًا"_s << u"22"_s << exact << u"عام"_s << none << u"age"_s;
    QTest::newRow("age in parentheses") << u"(48 عاما)"_s << u"48"_s << exact << u"عام"_s << none << u"age"_s;
    QTest::newRow("duration is no age") << u"3 سنوات"_s << u"3"_s << exact << u"سنه"_s << none << none;
    QTest::newRow("percent sign") << u"30%"_s << u"30"_s << exact << none << none << u"percent"_s;
    QTest::newRow("arabic percent sign") << u"٤٥٪"_s << u"45"_s << exact << none << none << u"percent"_s;
    QTest::newRow("percent words") << u"20 في المائة"_s << u"20"_s << exact << none << none << u"percent"_s;
    // Money, one row per currency
    QTest::newRow("euro") << u"220 مليون يورو"_s << u"220000000"_s << exact << none << u"EUR"_s << none;
    QTest::newRow("dollar") << u"2.5 مليون دولار"_s << u"2500000"_s << exact << none << u"USD"_s << none;
    QTest::newRow("dollars plural") << u"5 آلاف دولارات"_s << u"5000"_s << exact << none << u"USD"_s << none;
    QTest::newRow("american dollar") << u"مليون دولار أمريكي"_s << u"1000000"_s << exact << none << u"USD"_s << none;
    QTest::newRow("millions of dollars") << u"ملايين الدولارات"_s << u"1000000"_s << more << none << u"USD"_s << none;
    QTest::newRow("dollar sign before") << u"$5 مليون"_s << u"5000000"_s << exact << none << u"USD"_s << none;
    QTest::newRow("dollar sign after") << u"200$"_s << u"200"_s << exact << none << u"USD"_s << none;
    QTest::newRow("euro sign") << u"€3"_s << u"3"_s << exact << none << u"EUR"_s << none;
    QTest::newRow("decimal without scale") << u"2.5 دولار"_s << u"2.5"_s << exact << none << u"USD"_s << none;
    QTest::newRow("dirham") << u"10 ملايين درهم"_s << u"10000000"_s << exact << none << u"MAD"_s << none;
    QTest::newRow("emirati dirham") << u"مليون درهم إماراتي"_s << u"1000000"_s << exact << none << u"AED"_s << none;
    QTest::newRow("riyal") << u"500 ريال"_s << u"500"_s << exact << none << u"SAR"_s << none;
    QTest::newRow("qatari riyal") << u"مليار ريال قطري"_s << u"1000000000"_s << exact << none << u"QAR"_s << none;
    QTest::newRow("omani riyal") << u"ألف ريال عماني"_s << u"1000"_s << exact << none << u"OMR"_s << none;
    QTest::newRow("dinar unknown country") << u"300 دينار"_s << u"300"_s << exact << none << u"XXX"_s << none;
    QTest::newRow("kuwaiti dinar") << u"مليون دينار كويتي"_s << u"1000000"_s << exact << none << u"KWD"_s << none;
    QTest::newRow("jordanian dinar") << u"20 ألف دينار أردني"_s << u"20000"_s << exact << none << u"JOD"_s << none;
    QTest::newRow("bahraini dinar") << u"مائة دينار بحريني"_s << u"100"_s << exact << none << u"BHD"_s << none;
    QTest::newRow("iraqi dinar") << u"3 مليارات دينار عراقي"_s << u"3000000000"_s << exact << none << u"IQD"_s << none;
    QTest::newRow("tunisian dinars") << u"ألفي دينار تونسي"_s << u"2000"_s << exact << none << u"TND"_s << none;
    QTest::newRow("algerian dinar") << u"مليون دينار جزائري"_s << u"1000000"_s << exact << none << u"DZD"_s << none;
    QTest::newRow("egyptian pound") << u"50 ألف جنيه"_s << u"50000"_s << exact << none << u"EGP"_s << none;
    QTest::newRow("sterling") << u"4 ملايين جنيه إسترليني"_s << u"4000000"_s << exact << none << u"GBP"_s << none;
    QTest::newRow("turkish lira") << u"مليون ليرة تركية"_s << u"1000000"_s << exact << none << u"TRY"_s << none;
    QTest::newRow("lebanese lira") << u"مليار ليرة لبنانية"_s << u"1000000000"_s << exact << none << u"LBP"_s << none;
    QTest::newRow("syrian lira") << u"5 آلاف ليرة سورية"_s << u"5000"_s << exact << none << u"SYP"_s << none;
    QTest::newRow("bitcoin") << u"75 بيتكوين"_s << u"75"_s << exact << none << u"XBT"_s << none;
    QTest::newRow("bitcoin short spelling") << u"نحو 10 بتكوين"_s << u"10"_s << approx << none << u"XBT"_s << none;
}

void QuantitiesTest::readsPhrase()
{
    QFETCH(QString, phrase);
    QFETCH(QString, amount);
    QFETCH(QString, qualifier);
    QFETCH(QString, noun);
    QFETCH(QString, currency);
    QFETCH(QString, kind);
    const auto q = parseQuantity(phrase);
    QVERIFY2(q.has_value(), qPrintable(phrase));
    QCOMPARE(q->amount, amount);
    QCOMPARE(qualifierName(q->qualifier), qualifier);
    QCOMPARE(q->noun, noun);
    QCOMPARE(q->currency, currency);
    QCOMPARE(q->kind, kind);
    if (!amount.contains(u'.')) {
        QCOMPARE(q->value, amount.toLongLong());
    }
}

void QuantitiesTest::spanLandsOnOriginalText_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");

    QTest::newRow("tanween kept at the end") << u"أوقفت الشرطة شاباً يبلغ من العمر 22 عامًا أمس."_s
                                             << u"22 عامًا"_s << u"quantity"_s << u"22"_s;
    QTest::newRow("harakat inside") << u"سُرِّبَت بياناتُ نَحْوَ مِلْيُونَيْ مُشْتَرِكٍ."_s
                                    << u"نَحْوَ مِلْيُونَيْ مُشْتَرِكٍ"_s << u"quantity"_s << u"2000000"_s;
    QTest::newRow("tatweel inside") << u"تضرر أكثـــر من 500 ألـف حساب"_s << u"أكثـــر من 500 ألـف حساب"_s
                                    << u"quantity"_s << u"500000"_s;
    QTest::newRow("latin words around") << u"The breach hit 1.2 مليون user accounts at ACME"_s
                                        << u"1.2 مليون"_s << u"quantity"_s << u"1200000"_s;
    QTest::newRow("emoji before") << u"🔥🔥 تسريب 300 ألف سجل 🔥"_s << u"300 ألف سجل"_s << u"quantity"_s
                                  << u"300000"_s;
    QTest::newRow("arabic-indic digits") << u"خسائر بقيمة ٢٫٥ مليون دولار."_s << u"٢٫٥ مليون دولار"_s
                                         << u"money"_s << u"2500000"_s;
    QTest::newRow("glued waw excluded from span") << u"و1.9 مليون موظف"_s << u"1.9 مليون موظف"_s
                                                  << u"quantity"_s << u"1900000"_s;
    QTest::newRow("clitic before qualifier excluded") << u"تتعلق بنحو 500 ألف شركة"_s
                                                      << u"نحو 500 ألف شركة"_s << u"quantity"_s << u"500000"_s;
    QTest::newRow("bidi marks and no-break space") << u"\u200Fنحو\u00A0٣٠٠\u200F ألف مستخدم"_s
                                                   << u"نحو\u00A0٣٠٠\u200F ألف مستخدم"_s << u"quantity"_s
                                                   << u"300000"_s;
    QTest::newRow("presentation forms") << u"\uFEE3\uFEE0\uFBFF\uFEEE\uFEE5 شخص"_s
                                        << u"\uFEE3\uFEE0\uFBFF\uFEEE\uFEE5 شخص"_s << u"quantity"_s
                                        << u"1000000"_s;
}

void QuantitiesTest::spanLandsOnOriginalText()
{
    QFETCH(QString, source);
    QFETCH(QString, expectedText);
    QFETCH(QString, type);
    QFETCH(QString, value);
    const EntityList found = findQuantities(foldWithMap(source), source);
    QCOMPARE(found.size(), 1);
    const Entity &e = found.first();
    QCOMPARE(e.text, expectedText);
    QCOMPARE(source.mid(e.start, e.end - e.start), expectedText);
    QCOMPARE(source.indexOf(expectedText), e.start);
    QCOMPARE(entityTypeName(e.type), type);
    QCOMPARE(e.value, value);
}

void QuantitiesTest::ignoresWhatIsNoCount_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("millionaire") << u"رجل أعمال مليونير من دبي"_s;
    QTest::newRow("year after aam") << u"وفي عام 2018، تعرضت قاعدة البيانات لهجوم"_s;
    QTest::newRow("glued year after aam") << u"انتخابات عام2015 الماضية"_s;
    QTest::newRow("year after sana") << u"منذ سنة 2020 تغير كل شيء"_s;
    QTest::newRow("year after fi") << u"تأسست في 2019، ثم توسعت"_s;
    QTest::newRow("year after month") << u"صدر التقرير في أبريل 2024"_s;
    QTest::newRow("day before month") << u"أعلن ذلك يوم 5 يناير"_s;
    QTest::newRow("numeric date") << u"بتاريخ 20/04/2024 نشر"_s;
    QTest::newRow("iso date") << u"نشر في 2024-04-20 بيانا"_s;
    QTest::newRow("ordinal day") << u"في الحادي عشر من سبتمبر"_s;
    QTest::newRow("lessons is not a word count") << u"دروس في الأمن"_s;
    QTest::newRow("one as a pronoun") << u"واحدة من أكبر عمليات الاختراق"_s;
    QTest::newRow("half without scale") << u"نصف السكان تضرروا"_s;
    QTest::newRow("teen lead alone") << u"أحد المقاولين الفرعيين"_s;
    QTest::newRow("several without scale") << u"عدة مرات"_s;
    QTest::newRow("cve identifier") << u"الثغرة CVE-2024-3094 خطيرة"_s;
    QTest::newRow("product version") << u"نظام Windows 10 مصاب"_s;
    QTest::newRow("clock time") << u"عند الساعة 10:30 صباحا"_s;
    QTest::newRow("digits glued to a word") << u"جائحة كوفيد19 انتهت"_s;
    QTest::newRow("latin with digits") << u"شبكات 5G وlog4j"_s;
}

void QuantitiesTest::ignoresWhatIsNoCount()
{
    QFETCH(QString, source);
    const EntityList found = findQuantities(foldWithMap(source), source);
    for (const Entity &e : found) {
        qWarning() << "unexpected" << e.text << e.value << e.attributes;
    }
    QVERIFY(found.isEmpty());
}

void QuantitiesTest::findsEveryFigureOfASentence()
{
    const QString source =
        u"تسريب معلومات تخص بنحو 500 ألف شركة و1.9 مليون موظف، وغرامة 220 مليون يورو في عام 2018."_s;
    const EntityList found = findQuantities(foldWithMap(source), source);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).text, u"نحو 500 ألف شركة"_s);
    QCOMPARE(found.at(0).attributes, u"qualifier=approx;noun=شركه"_s);
    QCOMPARE(found.at(1).text, u"1.9 مليون موظف"_s);
    QCOMPARE(found.at(1).value, u"1900000"_s);
    QCOMPARE(found.at(2).type, EntityType::Money);
    QCOMPARE(found.at(2).text, u"220 مليون يورو"_s);
    QCOMPARE(found.at(2).attributes, u"currency=EUR;qualifier=exact"_s);
}

void QuantitiesTest::qualifierNamesMatchTheCsvContract()
{
    QCOMPARE(qualifierName(Qualifier::Exact), u"exact"_s);
    QCOMPARE(qualifierName(Qualifier::Approx), u"approx"_s);
    QCOMPARE(qualifierName(Qualifier::MoreThan), u"more_than"_s);
    QCOMPARE(qualifierName(Qualifier::LessThan), u"less_than"_s);
    QCOMPARE(qualifierName(Qualifier::UpTo), u"up_to"_s);
}

// Every number and money amount the gold marks in the seed articles is covered
// by a quantity or money entity (after folding).
void QuantitiesTest::coversTheSeedNumbers()
{
    QFile gold(QStringLiteral(RASID_SHARED_DIR "/gold/seeds.json"));
    if (!gold.open(QIODevice::ReadOnly)) {
        QSKIP("the shared seed articles are not available");
    }
    const QJsonArray articles = QJsonDocument::fromJson(gold.readAll()).object().value(u"articles").toArray();
    int expected = 0, covered = 0;
    for (const QJsonValue &a : articles) {
        const QJsonObject article = a.toObject();
        QFile file(QStringLiteral(RASID_SHARED_DIR "/seeds/") + article.value(u"file").toString());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const FoldedText folded = foldWithMap(text);
        const EntityList found = findQuantities(folded, text);
        const QJsonObject entities = article.value(u"entities").toObject();
        for (const QString &key : {u"number"_s, u"money"_s, u"quantity"_s}) {
            for (const QJsonValue &item : entities.value(key).toArray()) {
                ++expected;
                const QString needle = fold(item.toString());
                bool hit = false;
                for (const Entity &e : found) {
                    hit |= fold(e.text).contains(needle);
                }
                if (hit) {
                    ++covered;
                } else {
                    qWarning() << "missed" << item.toString();
                }
            }
        }
    }
    QVERIFY(expected > 0);
    QCOMPARE(covered, expected);
}

QTEST_GUILESS_MAIN(QuantitiesTest)
#include "quantities_test.moc"
