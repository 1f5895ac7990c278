#pragma once

// A deterministic synthetic corpus for tests that need thousands of files:
// Arabic news articles of 2-6 KB built from our own sentence templates, with
// varied countries, organisations, attack kinds, counts and dates, so that an
// import recognises entities and proposes incidents. Article n is always the
// same text (its generator is seeded by n), and every article is unique (it
// cites its own number), so an import stores exactly one article per file.

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <random>

namespace Rasid::TestCorpus {

using namespace Qt::StringLiterals;

inline const QStringList &countries()
{
    static const QStringList list = {u"تونس"_s,   u"الأردن"_s,   u"المغرب"_s, u"مصر"_s,   u"لبنان"_s,
                                     u"الكويت"_s, u"البحرين"_s,  u"فرنسا"_s,  u"إسبانيا"_s, u"كندا"_s,
                                     u"اليابان"_s, u"البرتغال"_s, u"عمان"_s,   u"ليبيا"_s};
    return list;
}

inline const QStringList &organisations()
{
    static const QStringList list = {u"وزارة التربية"_s,        u"الهيئة الوطنية للاتصالات"_s, u"مصرف التنمية الريفية"_s,
                                     u"مستشفى الأمل التخصصي"_s, u"شركة النقل البحري"_s,        u"جامعة الساحل"_s,
                                     u"صندوق الضمان الاجتماعي"_s, u"بلدية المدينة القديمة"_s,  u"وكالة الأنباء الوطنية"_s,
                                     u"شركة المياه والكهرباء"_s, u"وزارة المالية"_s,            u"مطار العاصمة الدولي"_s};
    return list;
}

inline const QStringList &attacks()
{
    static const QStringList list = {u"هجوم إلكتروني"_s,     u"هجوم حجب الخدمة"_s, u"هجوم ببرنامج فدية"_s,
                                     u"اختراق إلكتروني"_s,   u"حملة تصيد"_s,       u"تسريب بيانات"_s,
                                     u"تشويه لموقعها الرسمي"_s};
    return list;
}

inline const QStringList &counts()
{
    static const QStringList list = {u"نحو 40 ألف"_s, u"أكثر من 250 ألف"_s, u"حوالي 1.5 مليون"_s,
                                     u"ما يصل إلى 90 ألف"_s, u"12,500"_s, u"قرابة ٦٠٠ ألف"_s};
    return list;
}

inline const QStringList &nouns()
{
    static const QStringList list = {u"مواطن"_s, u"طالب"_s, u"مريض"_s, u"مشترك"_s, u"عميل"_s, u"مسافر"_s};
    return list;
}

inline const QStringList &dates()
{
    static const QStringList list = {u"3 مارس 2024"_s, u"17 أيلول 2023"_s, u"الخميس 9 نوفمبر 2023"_s,
                                     u"28 فيفري 2022"_s, u"عام 2021"_s, u"11/06/2024"_s};
    return list;
}

inline const QStringList &actors()
{
    static const QStringList list = {u"مجموعة قراصنة مجهولة"_s, u"قراصنة يعملون لحساب جهة أجنبية"_s,
                                     u"مجموعة تطلق على نفسها اسم الظل الأزرق"_s, u"موظف سابق"_s};
    return list;
}

inline const QStringList &fillers()
{
    static const QStringList list = {
        u"وأكد متحدث باسم الجهة المتضررة أن فرق الاستجابة تعمل على حصر الأضرار واستعادة الأنظمة."_s,
        u"ونصح مختصون في أمن المعلومات المستخدمين بتغيير كلمات المرور وتفعيل التحقق بخطوتين."_s,
        u"ويأتي الحادث بعد أسابيع من تحذيرات رسمية من ارتفاع عدد الهجمات على المؤسسات العامة."_s,
        u"ولم يتضح بعد ما إذا كان المهاجمون قد طالبوا بفدية مقابل إعادة البيانات."_s,
        u"وقالت مصادر إن السلطات فتحت تحقيقا لمعرفة الطريقة التي تمكن بها المهاجمون من دخول الشبكة."_s,
        u"وتعمل الجهات المختصة على تعزيز حماية الخوادم ومراجعة صلاحيات الوصول."_s,
    };
    return list;
}

// The text of article n (2-6 KB of UTF-8): an outlet line, a date line, a
// title, then paragraphs until the size drawn for it is reached.
inline QString article(int n)
{
    std::mt19937 rng(0x5EED0000u + unsigned(n));
    auto pick = [&rng](const QStringList &list) -> const QString & { return list.at(int(rng() % list.size())); };
    const QString org = pick(organisations());
    const QString country = pick(countries());
    const QString attack = pick(attacks());
    QString text = u"نشرة الرصد الرقمي\n%1\n\n%2 في %3 تعلن تعرضها لـ%4\n\n"_s.arg(pick(dates()), org, country, attack);
    const int targetBytes = 2048 + int(rng() % 4000);
    int paragraph = 0;
    while (text.toUtf8().size() < targetBytes) {
        switch (paragraph++ % 3) {
        case 0:
            text += u"أعلنت %1 في %2 يوم %3 أنها تعرضت لـ%4 أدى إلى تسريب بيانات %5 %6، وتبنت %7 "
                    "الهجوم في رسالة نشرتها على الإنترنت. "_s.arg(org, country, pick(dates()), attack, pick(counts()),
                                                                  pick(nouns()), pick(actors()));
            break;
        case 1:
            text += pick(fillers()) + u' ' + pick(fillers()) + u' ';
            break;
        default:
            text += pick(fillers()) + u" (الملف رقم %1)"_s.arg(n);
            break;
        }
        if (paragraph % 2 == 0) {
            text += u"\n\n"_s;
        }
    }
    return text;
}

// Where article n lives, relative to the corpus folder: 500 files per subfolder,
// named so that the folder's name order is the order of n.
inline QString articlePath(int n)
{
    return u"part%1/article%2.txt"_s.arg(n / 500, 2, 10, QChar(u'0')).arg(n, 5, 10, QChar(u'0'));
}

// Writes articles first .. first + count - 1 under folder; false when a file
// cannot be written.
inline bool writeArticles(const QString &folder, int first, int count)
{
    for (int n = first; n < first + count; ++n) {
        const QString path = folder + u'/' + articlePath(n);
        if (n == first || n % 500 == 0) {
            QDir().mkpath(path.section(u'/', 0, -2));
        }
        QFile file(path);
        const QByteArray bytes = article(n).toUtf8();
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            return false;
        }
    }
    return true;
}

} // namespace Rasid::TestCorpus
