#include "extract/selection.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

// What a phrase an analyst selects means for an incident field.
class SelectionTest : public QObject
{
    Q_OBJECT
private slots:
    void readsFieldValue_data();
    void readsFieldValue();
    void refusesPhraseWithoutValue_data();
    void refusesPhraseWithoutValue();
    void recognisesEntityValue_data();
    void recognisesEntityValue();
};

void SelectionTest::readsFieldValue_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("qualifier");

    const QString records = u"records_affected"_s;
    QTest::newRow("plain count") << records << u"1500 حساب"_s << u"1500"_s << u"exact"_s;
    QTest::newRow("count in words") << records << u"ثلاثة آلاف ملف"_s << u"3000"_s << u"exact"_s;
    QTest::newRow("more than") << records << u"أكثر من 200 ألف مشترك"_s << u"200000"_s << u"more_than"_s;
    QTest::newRow("about") << records << u"حوالي 40 ألف سجل"_s << u"40000"_s << u"approx"_s;
    QTest::newRow("million, up to") << records << u"ما يصل إلى مليوني مستخدم"_s << u"2000000"_s << u"up_to"_s;

    const QString date = u"incident_date"_s;
    QTest::newRow("full date") << date << u"11 مارس 2025"_s << u"2025-03-11"_s << QString();
    QTest::newRow("levant month") << date << u"7 أيلول 2023"_s << u"2023-09-07"_s << QString();
    QTest::newRow("digits") << date << u"2024/02/19"_s << u"2024-02-19"_s << QString();

    QTest::newRow("victim country") << u"victim_country"_s << u"الأردن"_s << u"JO"_s << QString();
    QTest::newRow("actor country by demonym") << u"actor_country"_s << u"قراصنة روس"_s << u"RU"_s << QString();
    QTest::newRow("attack type") << u"attack_type"_s << u"هجوم ببرنامج الفدية"_s << u"ransomware"_s << QString();

    QTest::newRow("victim as selected") << u"victim"_s << u"شركة الاتصالات الوطنية"_s
                                        << u"شركة الاتصالات الوطنية"_s << QString();
    QTest::newRow("actor as selected") << u"actor"_s << u"مجموعة الذئاب الرقمية"_s << u"مجموعة الذئاب الرقمية"_s
                                       << QString();
    QTest::newRow("evidence as selected") << u"evidence"_s << u"تعطلت بوابة الدفع يومين"_s
                                          << u"تعطلت بوابة الدفع يومين"_s << QString();
}

void SelectionTest::readsFieldValue()
{
    QFETCH(QString, field);
    QFETCH(QString, phrase);
    QFETCH(QString, value);
    QFETCH(QString, qualifier);
    const auto read = Extract::fieldValueFromPhrase(field, phrase);
    QVERIFY(read.has_value());
    QCOMPARE(read->value, value);
    QCOMPARE(read->qualifier, qualifier);
}

void SelectionTest::refusesPhraseWithoutValue_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("phrase");

    QTest::newRow("count without a number") << u"records_affected"_s << u"بيانات العملاء"_s;
    QTest::newRow("relative date") << u"incident_date"_s << u"الأسبوع الماضي"_s;
    QTest::newRow("no date at all") << u"incident_date"_s << u"وزارة المالية"_s;
    QTest::newRow("no country") << u"victim_country"_s << u"البنك المركزي"_s;
    QTest::newRow("no actor country") << u"actor_country"_s << u"مجهولون"_s;
    QTest::newRow("no attack type") << u"attack_type"_s << u"اجتماع طارئ"_s;
}

void SelectionTest::refusesPhraseWithoutValue()
{
    QFETCH(QString, field);
    QFETCH(QString, phrase);
    QVERIFY(!Extract::fieldValueFromPhrase(field, phrase).has_value());
}

void SelectionTest::recognisesEntityValue_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("value");

    QTest::newRow("country") << u"في لبنان"_s << int(EntityType::Country) << u"LB"_s;
    QTest::newRow("longest country") << u"الإمارات العربية المتحدة"_s << int(EntityType::Country) << u"AE"_s;
    QTest::newRow("other type asked") << u"في لبنان"_s << int(EntityType::Attack) << QString();
    QTest::newRow("nothing") << u"كلام عام"_s << int(EntityType::Country) << QString();
}

void SelectionTest::recognisesEntityValue()
{
    QFETCH(QString, phrase);
    QFETCH(int, type);
    QFETCH(QString, value);
    QCOMPARE(Extract::recognisedValue(phrase, EntityType(type)), value);
}

QTEST_GUILESS_MAIN(SelectionTest)
#include "selection_test.moc"
