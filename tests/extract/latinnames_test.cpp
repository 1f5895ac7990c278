#include "extract/latinnames.h"

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

QTEST_GUILESS_MAIN(LatinNamesTest)
#include "latinnames_test.moc"
