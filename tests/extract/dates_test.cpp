#include "extract/dates.h"

#include "extract/lexicon.h"
#include "extract/quantities.h"
#include "text/textfold.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class DatesTest : public QObject
{
    Q_OBJECT
private slots:
    void monthLexiconCoversEveryConvention();
    void readsPhrase_data();
    void readsPhrase();
    void readsRelativePhrase_data();
    void readsRelativePhrase();
    void spanLandsOnOriginalText_data();
    void spanLandsOnOriginalText();
    void ignoresWhatIsNoDate_data();
    void ignoresWhatIsNoDate();
    void bareMonthHasLowerConfidence();
    void matchesMonthNamesWithClitics();
    void coversTheSeedDates();
};

void DatesTest::monthLexiconCoversEveryConvention()
{
    const QVector<LexiconEntry> months = loadLexicon(u"months"_s);
    QVERIFY(months.size() >= 48);
    QSet<int> numbers;
    QSet<QString> surfaces;
    for (const LexiconEntry &e : months) {
        numbers.insert(e.value.toInt());
        surfaces.insert(e.surface);
        QVERIFY2(e.attributes.contains(u"set="), qPrintable(e.surface));
    }
    QCOMPARE(numbers.size(), 12);
    for (const QString &name : {u"يناير"_s, u"كانون الثاني"_s, u"جانفي"_s, u"غشت"_s, u"أغشت"_s, u"يوليوز"_s,
                                u"شتنبر"_s, u"دجنبر"_s, u"أوت"_s, u"ابريل"_s, u"يونيه"_s, u"تشرين أول"_s}) {
        QVERIFY2(surfaces.contains(name), qPrintable(name));
    }
}

void DatesTest::readsPhrase_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("iso");

    // Day + month + year, one row per convention
    QTest::newRow("standard set") << u"20 أبريل 2024"_s << u"2024-04-20"_s;
    QTest::newRow("levant set") << u"3 كانون الثاني 2023"_s << u"2023-01-03"_s;
    QTest::newRow("levant october") << u"15 تشرين الأول 2022"_s << u"2022-10-15"_s;
    QTest::newRow("levant without article") << u"2 تشرين ثاني 2021"_s << u"2021-11-02"_s;
    QTest::newRow("iraqi august with day") << u"9 آب 2020"_s << u"2020-08-09"_s;
    QTest::newRow("morocco set") << u"12 يوليوز 2023"_s << u"2023-07-12"_s;
    QTest::newRow("morocco august") << u"5 غشت 2022"_s << u"2022-08-05"_s;
    QTest::newRow("morocco may with day") << u"30 ماي 2024"_s << u"2024-05-30"_s;
    QTest::newRow("algeria tunisia set") << u"14 جانفي 2021"_s << u"2021-01-14"_s;
    QTest::newRow("algeria june") << u"5 جوان 2019"_s << u"2019-06-05"_s;
    QTest::newRow("tunisia august") << u"1 أوت 2023"_s << u"2023-08-01"_s;
    QTest::newRow("mauritania set") << u"7 دجمبر 2020"_s << u"2020-12-07"_s;
    QTest::newRow("misspelled april") << u"10 ابريل 2022"_s << u"2022-04-10"_s;
    QTest::newRow("egyptian june") << u"30 يونيه 2013"_s << u"2013-06-30"_s;
    QTest::newRow("arabic-indic digits") << u"٢٠ أبريل ٢٠٢٤"_s << u"2024-04-20"_s;
    QTest::newRow("year with suffix") << u"3 مارس 2024م"_s << u"2024-03-03"_s;
    QTest::newRow("year after min aam") << u"5 يونيو من عام 2017"_s << u"2017-06-05"_s;
    QTest::newRow("year after comma") << u"8 مايو، 2017"_s << u"2017-05-08"_s;
    // Weekday prefixes
    QTest::newRow("weekday with dash") << u"السبت - 20 أبريل 2024"_s << u"2024-04-20"_s;
    QTest::newRow("yawm weekday") << u"يوم الاثنين 5 يناير"_s << u"XXXX-01-05"_s;
    QTest::newRow("weekday with hamza") << u"الإثنين 6 مايو 2024"_s << u"2024-05-06"_s;
    QTest::newRow("weekday and comma") << u"الخميس، 14 مارس 2024"_s << u"2024-03-14"_s;
    // Day + month (partial)
    QTest::newRow("day month") << u"5 يناير"_s << u"XXXX-01-05"_s;
    QTest::newRow("fi day month") << u"في 1 يناير"_s << u"XXXX-01-01"_s;
    QTest::newRow("ordinal day") << u"الثامن من يونيو"_s << u"XXXX-06-08"_s;
    QTest::newRow("ordinal first") << u"الأول من مارس"_s << u"XXXX-03-01"_s;
    QTest::newRow("ordinal teen") << u"الحادي عشر من سبتمبر 2001"_s << u"2001-09-11"_s;
    QTest::newRow("ordinal twenties") << u"الثالث والعشرين من أكتوبر"_s << u"XXXX-10-23"_s;
    QTest::newRow("ordinal with clitic") << u"في الثلاثين من نوفمبر"_s << u"XXXX-11-30"_s;
    // Month + year
    QTest::newRow("month year") << u"أبريل 2024"_s << u"2024-04"_s;
    QTest::newRow("levant month year") << u"شباط 2022"_s << u"2022-02"_s;
    QTest::newRow("august alone with year") << u"آب 2019"_s << u"2019-08"_s;
    QTest::newRow("march with year") << u"مارس 2023"_s << u"2023-03"_s;
    QTest::newRow("glued clitic month") << u"وديسمبر 2020"_s << u"2020-12"_s;
    // Paired months
    QTest::newRow("paired slash") << u"مايو/أيار 2021"_s << u"2021-05"_s;
    QTest::newRow("paired slash levant first") << u"أيار/مايو 2021"_s << u"2021-05"_s;
    QTest::newRow("paired parentheses") << u"12 أيار (مايو) 2021"_s << u"2021-05-12"_s;
    QTest::newRow("paired with august") << u"أغسطس/آب 2018"_s << u"2018-08"_s;
    // Years
    QTest::newRow("aam year") << u"عام 2018"_s << u"2018"_s;
    QTest::newRow("fi aam year") << u"في عام 2018"_s << u"2018"_s;
    QTest::newRow("sana year") << u"سنة 2016"_s << u"2016"_s;
    QTest::newRow("glued aam year") << u"عام2015"_s << u"2015"_s;
    QTest::newRow("definite aam year") << u"العام 2020"_s << u"2020"_s;
    QTest::newRow("bare year after fi") << u"في 2019"_s << u"2019"_s;
    // Numeric
    QTest::newRow("numeric day first") << u"20/04/2024"_s << u"2024-04-20"_s;
    QTest::newRow("numeric iso") << u"2024-04-20"_s << u"2024-04-20"_s;
    QTest::newRow("numeric dashes") << u"20-4-2024"_s << u"2024-04-20"_s;
    QTest::newRow("numeric dots") << u"20.04.2024"_s << u"2024-04-20"_s;
    QTest::newRow("numeric american order") << u"04/20/2024"_s << u"2024-04-20"_s;
    QTest::newRow("numeric arabic-indic") << u"٢٠/٠٤/٢٠٢٤"_s << u"2024-04-20"_s;
    // Periods keep the month or year
    QTest::newRow("mid month") << u"منتصف مارس 2023"_s << u"2023-03"_s;
    QTest::newRow("late year") << u"أواخر عام 2022"_s << u"2022"_s;
    QTest::newRow("early month") << u"أوائل يناير"_s << u"XXXX-01"_s;
    QTest::newRow("start of year") << u"مطلع 2024"_s << u"2024"_s;
    // Bare month
    QTest::newRow("bare month") << u"الانتخابات التي ستجري في سبتمبر"_s << u"XXXX-09"_s;
    QTest::newRow("month last year") << u"أبريل الماضي"_s << u"XXXX-04"_s;
}

void DatesTest::readsPhrase()
{
    QFETCH(QString, phrase);
    QFETCH(QString, iso);
    const auto d = parseDate(phrase);
    QVERIFY2(d.has_value(), qPrintable(phrase));
    QCOMPARE(d->iso, iso);
    QVERIFY(d->relative.isEmpty());
}

void DatesTest::readsRelativePhrase_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("text");
    QTest::newRow("yesterday") << u"قال أمس إن"_s << u"أمس"_s;
    QTest::newRow("yesterday with clitic") << u"بالأمس"_s << u"الأمس"_s;
    QTest::newRow("today") << u"أعلنت اليوم"_s << u"اليوم"_s;
    QTest::newRow("last week") << u"الأسبوع الماضي"_s << u"الأسبوع الماضي"_s;
    QTest::newRow("last month") << u"خلال الشهر الماضي"_s << u"الشهر الماضي"_s;
    QTest::newRow("last year") << u"والعام الماضي"_s << u"العام الماضي"_s;
    QTest::newRow("days ago") << u"منذ أيام"_s << u"منذ أيام"_s;
    QTest::newRow("last monday") << u"الاثنين الماضي"_s << u"الاثنين الماضي"_s;
    QTest::newRow("on friday") << u"يوم الجمعة"_s << u"يوم الجمعة"_s;
    QTest::newRow("this morning") << u"صباح اليوم"_s << u"صباح اليوم"_s;
    QTest::newRow("late last year") << u"أواخر العام الماضي"_s << u"أواخر العام الماضي"_s;
}

void DatesTest::readsRelativePhrase()
{
    QFETCH(QString, phrase);
    QFETCH(QString, text);
    const auto d = parseDate(phrase);
    QVERIFY2(d.has_value(), qPrintable(phrase));
    QVERIFY(d->iso.isEmpty());
    QVERIFY(!d->relative.isEmpty());
    QCOMPARE(phrase.mid(d->start, d->end - d->start), text);
    const EntityList found = findDates(foldWithMap(phrase), phrase);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().attribute(u"relative"), u"1"_s);
    QVERIFY(found.first().value.isEmpty());
}

void DatesTest::spanLandsOnOriginalText_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<QString>("iso");

    QTest::newRow("harakat") << u"وَقَعَ الهُجُومُ فِي الخَامِسِ مِنْ يَنَايِرَ ٢٠٢٤."_s
                             << u"الخَامِسِ مِنْ يَنَايِرَ ٢٠٢٤"_s << u"2024-01-05"_s;
    QTest::newRow("tatweel") << u"نشر البيان يوم 5 ينــاير الجاري"_s << u"5 ينــاير"_s << u"XXXX-01-05"_s;
    QTest::newRow("latin around") << u"Published السبت - 20 أبريل 2024 by Reuters"_s
                                  << u"السبت - 20 أبريل 2024"_s << u"2024-04-20"_s;
    QTest::newRow("emoji around") << u"📅 في عام 2018 🔒"_s << u"عام 2018"_s << u"2018"_s;
    QTest::newRow("glued year") << u"للتدخل في انتخابات عام2015, وفقا"_s << u"عام2015"_s << u"2015"_s;
    QTest::newRow("clitic outside span") << u"وفي أواخر مارس 2023"_s << u"أواخر مارس 2023"_s << u"2023-03"_s;
    QTest::newRow("crlf before") << u"سطر\r\nفي 3 شباط 2022\r\n"_s << u"3 شباط 2022"_s << u"2022-02-03"_s;
}

void DatesTest::spanLandsOnOriginalText()
{
    QFETCH(QString, source);
    QFETCH(QString, expectedText);
    QFETCH(QString, iso);
    const EntityList found = findDates(foldWithMap(source), source);
    QCOMPARE(found.size(), 1);
    const Entity &e = found.first();
    QCOMPARE(e.type, EntityType::Date);
    QCOMPARE(e.text, expectedText);
    QCOMPARE(source.indexOf(expectedText), e.start);
    QCOMPARE(e.end - e.start, expectedText.size());
    QCOMPARE(e.value, iso);
}

void DatesTest::ignoresWhatIsNoDate_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("father and mother") << u"آب وأم يبحثان عن ابنهما"_s;
    QTest::newRow("father after a preposition") << u"في آب العائلة"_s;
    QTest::newRow("theresa may") << u"رئيسة الوزراء تيريزا ماي"_s;
    QTest::newRow("practised pressure") << u"مارس ضغوطا على الحكومة"_s;
    QTest::newRow("nissan") << u"شركة نيسان للسيارات"_s;
    QTest::newRow("a count of years") << u"منذ 2000 عام"_s;
    QTest::newRow("impossible day") << u"31/02/2024"_s;
    QTest::newRow("a fraction") << u"بنسبة 3/4"_s;
    QTest::newRow("hijri year") << u"عام 1445هـ"_s;
    QTest::newRow("plain number") << u"سرقة 2018 ملفا"_s;
    QTest::newRow("lessons") << u"دروس"_s;
}

void DatesTest::ignoresWhatIsNoDate()
{
    QFETCH(QString, source);
    const EntityList found = findDates(foldWithMap(source), source);
    for (const Entity &e : found) {
        qWarning() << "unexpected" << e.text << e.value << e.attributes;
    }
    QVERIFY(found.isEmpty());
}

void DatesTest::bareMonthHasLowerConfidence()
{
    const QString source = u"في سبتمبر، ثم في 5 سبتمبر 2023"_s;
    const EntityList found = findDates(foldWithMap(source), source);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).value, u"XXXX-09"_s);
    QCOMPARE(found.at(1).value, u"2023-09-05"_s);
    QVERIFY(found.at(0).confidence < found.at(1).confidence);
}

void DatesTest::matchesMonthNamesWithClitics()
{
    const QString folded = fold(u"وكانون الثاني وبأبريل آب"_s);
    const auto january = matchMonthName(folded, 0);
    QVERIFY(january.has_value());
    QCOMPARE(january->month, 1);
    QCOMPARE(january->start, 1);
    QCOMPARE(folded.mid(january->start, january->end - january->start), fold(u"كانون الثاني"_s));
    const int april = int(folded.indexOf(u"وب"));
    QCOMPARE(matchMonthName(folded, april)->month, 4);
    const auto august = matchMonthName(folded, int(folded.lastIndexOf(u' ')) + 1);
    QVERIFY(august.has_value());
    QVERIFY(august->needsContext);
}

void DatesTest::coversTheSeedDates()
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
        const EntityList found = findDates(foldWithMap(text), text);
        for (const QJsonValue &item : article.value(u"entities").toObject().value(u"date").toArray()) {
            ++expected;
            const QString needle = fold(item.toString());
            bool hit = false;
            for (const Entity &e : found) {
                hit |= fold(e.text).contains(needle);
            }
            covered += hit;
            if (!hit) {
                qWarning() << "missed" << item.toString();
            }
        }
    }
    QVERIFY(expected > 0);
    QCOMPARE(covered, expected);
}

QTEST_GUILESS_MAIN(DatesTest)
#include "dates_test.moc"
