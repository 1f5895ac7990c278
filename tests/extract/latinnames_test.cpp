#include "extract/latinnames.h"
#include "extract/transliteration.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class LatinNamesTest : public QObject
{
    Q_OBJECT
private slots:
    void findsNames_data();
    void findsNames();
    void leavesKnownEntitiesAlone();
    void skeletonsOfTwins_data();
    void skeletonsOfTwins();
    void findsTransliteratedTwins_data();
    void findsTransliteratedTwins();
};

void LatinNamesTest::findsNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("two words") << u"أعلنت شركة Norvale Systems عن تسريب بيانات."_s
                               << QStringList{u"Norvale Systems"_s};
    QTest::newRow("an acronym and a name") << u"نقلت شبكة CBC News أن بنك Quarto Financial تعرض لهجوم."_s
                                           << QStringList{u"CBC News"_s, u"Quarto Financial"_s};
    QTest::newRow("a connector inside") << u"اخترق القراصنة موقع Bank of Zephyria أمس."_s
                                        << QStringList{u"Bank of Zephyria"_s};
    QTest::newRow("malware with digits") << u"انتشر فيروس WannaFly2 في 150 دولة."_s << QStringList{u"WannaFly2"_s};
    QTest::newRow("lower case words are not names") << u"استخدم المهاجمون برنامج ransomware معروفا."_s
                                                    << QStringList{};
    QTest::newRow("a web address is not a name") << u"نشر الخبر على موقع Example.com وموقع www.news.test."_s
                                                 << QStringList{};
    QTest::newRow("a hashtag is not a name") << u"انتشر وسم #Hacked على تويتر."_s << QStringList{};
    QTest::newRow("diacritics and emoji around") << u"🔒 تَعَرَّضَت Lumora للاختراق 😱"_s << QStringList{u"Lumora"_s};
    QTest::newRow("one letter is not a name") << u"الجزء A من التقرير"_s << QStringList{};
}

void LatinNamesTest::findsNames()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    const EntityList found = latinNames(text, {});
    QStringList got;
    for (const Entity &e : found) {
        QCOMPARE(e.type, EntityType::Organization);
        QCOMPARE(text.mid(e.start, e.end - e.start), e.text); // UTF-16 span into the text
        QCOMPARE(e.attribute(u"latin"), u"1"_s);
        got.append(e.text);
    }
    QCOMPARE(got, names);
}

void LatinNamesTest::leavesKnownEntitiesAlone()
{
    const QString text = u"أعلنت Microsoft أن مجموعة Fancy Bear اخترقت حسابات في Helix Corp."_s;
    Entity actor;
    actor.type = EntityType::ThreatActor;
    actor.start = int(text.indexOf(u"Fancy"));
    actor.end = actor.start + 10;
    Entity company;
    company.type = EntityType::Organization;
    company.start = int(text.indexOf(u"Microsoft"));
    company.end = company.start + 9;
    const EntityList found = latinNames(text, {actor, company});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, u"Helix Corp"_s);
}

void LatinNamesTest::skeletonsOfTwins_data()
{
    QTest::addColumn<QString>("latin");
    QTest::addColumn<QString>("arabic");
    QTest::addColumn<bool>("twins");

    QTest::newRow("LinkedIn") << u"LinkedIn"_s << u"لينكيدن"_s << true;
    QTest::newRow("Stuxnet, two words") << u"Stuxnet"_s << u"ستاكس نت"_s << true;
    QTest::newRow("Flashback, sh") << u"Flashback"_s << u"فلاش باك"_s << true;
    QTest::newRow("eHarmony") << u"eHarmony"_s << u"إي هارموني"_s << true;
    QTest::newRow("harakat and tatweel") << u"LinkedIn"_s << u"لِينكـــيدِن"_s << true;
    QTest::newRow("Facebook, ph-less f") << u"Facebook"_s << u"فيسبوك"_s << true;
    QTest::newRow("a different name") << u"LinkedIn"_s << u"لانكستر"_s << false;
    QTest::newRow("Google is not Yahoo") << u"Google"_s << u"ياهو"_s << false;
}

void LatinNamesTest::skeletonsOfTwins()
{
    QFETCH(QString, latin);
    QFETCH(QString, arabic);
    QFETCH(bool, twins);
    QCOMPARE(latinSkeleton(latin) == arabicSkeleton(QString(arabic).remove(u' ')), twins);
}

void LatinNamesTest::findsTransliteratedTwins_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("latin");
    QTest::addColumn<QStringList>("twins"); // the texts of the twins found, in order

    QTest::newRow("with a clitic and diacritics")
        << u"أعلنت LinkedIn تسريب كلمات المرور، وقالت إن مستخدمي ولِينكيدِن 🔒 تلقوا رسائل."_s << u"LinkedIn"_s
        << QStringList{u"لِينكيدِن"_s};
    QTest::newRow("two words, twice") << u"اكتشف الباحثون Stuxnet عام 2010، وقالوا إن ستاكس نت أصاب أجهزة ستاكس نت."_s
                                      << u"Stuxnet"_s << QStringList{u"ستاكس نت"_s, u"ستاكس نت"_s};
    QTest::newRow("no twin in the text") << u"أعلنت LinkedIn تسريب كلمات المرور."_s << u"LinkedIn"_s << QStringList{};
    QTest::newRow("a short name matches nothing by chance") << u"قال IBM إن الباحث أبلغ الإدارة."_s << u"IBM"_s
                                                            << QStringList{};
}

void LatinNamesTest::findsTransliteratedTwins()
{
    QFETCH(QString, text);
    QFETCH(QString, latin);
    QFETCH(QStringList, twins);

    Entity known;
    known.type = EntityType::Organization;
    known.start = int(text.indexOf(latin));
    known.end = known.start + int(latin.size());
    known.text = latin;
    known.value = u"technology"_s;
    known.confidence = 0.5;
    const EntityList found = transliteratedTwins(text, {known});
    QStringList texts;
    for (const Entity &e : found) {
        texts.append(e.text);
        QCOMPARE(text.mid(e.start, e.end - e.start), e.text); // exact UTF-16 spans
        QCOMPARE(e.type, EntityType::Organization);
        QCOMPARE(e.value, u"technology"_s);
        QCOMPARE(e.attribute(u"twin"), latin);
        QCOMPARE(e.confidence, 0.4);
    }
    QCOMPARE(texts, twins);
}

QTEST_GUILESS_MAIN(LatinNamesTest)
#include "latinnames_test.moc"
