#include "extract/recognizer.h"
#include "text/textfold.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

QString describe(const EntityList &entities)
{
    QStringList lines;
    for (const Entity &e : entities) {
        lines << u"%1 [%2,%3) %4 = %5 {%6}"_s.arg(entityTypeName(e.type))
                     .arg(e.start)
                     .arg(e.end)
                     .arg(e.text, e.value, e.attributes);
    }
    return lines.join(u'\n');
}

const Entity *findEntity(const EntityList &entities, EntityType type, const QString &text)
{
    for (const Entity &e : entities) {
        if (e.type == type && e.text == text) {
            return &e;
        }
    }
    return nullptr;
}

EntityType typeFromName(const QString &name)
{
    EntityType type = EntityType::Country;
    const bool ok = entityTypeFromName(name, &type);
    Q_ASSERT(ok);
    return type;
}

} // namespace

class RecognizerTest : public QObject
{
    Q_OBJECT
private slots:
    void findsEntity_data();
    void findsEntity();
    void ignoresLookalikes_data();
    void ignoresLookalikes();
    void spansLandOnTheOriginalText_data();
    void spansLandOnTheOriginalText();
    void linksAcronymToItsOrganization();
    void findsQuantitiesAndDatesWithTheSameFold();
    void returnsEntitiesSortedByStart();
    void acceptsWorkspaceEntries();
    void reportsDisclosureCues_data();
    void reportsDisclosureCues();
    void givesTheSameResultFromManyThreads();
    void keepsSpansInsideOddInput_data();
    void keepsSpansInsideOddInput();
    void reachesRecallOnTheSeedArticles();
    void readsOneAttribute_data();
    void readsOneAttribute();
};

void RecognizerTest::findsEntity_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("surface");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("attribute"); // key=value that must be among the attributes

    // Countries, demonyms and places.
    QTest::newRow("country name") << u"زار الوفد تونس الأسبوع الماضي"_s << u"country"_s << u"تونس"_s << u"TN"_s
                                  << QString();
    QTest::newRow("country after waw") << u"بين المغرب وإسبانيا"_s << u"country"_s << u"إسبانيا"_s << u"ES"_s
                                       << QString();
    QTest::newRow("country alias") << u"اتهمت أمريكا طهران"_s << u"country"_s << u"أمريكا"_s << u"US"_s << QString();
    QTest::newRow("capital as metonym") << u"اتهمت واشنطن موسكو بالوقوف وراء الهجوم"_s << u"country"_s
                                        << u"واشنطن"_s << u"US"_s << u"metonym=1"_s;
    QTest::newRow("demonym with article") << u"الحكومة الإيطالية تحقق"_s << u"country"_s << u"الإيطالية"_s
                                          << u"IT"_s << u"demonym=1"_s;
    QTest::newRow("irregular plural demonym") << u"يتهم الروس"_s << u"country"_s << u"الروس"_s << u"RU"_s
                                              << u"demonym=1"_s;
    QTest::newRow("glued country names") << u"في الولاياتالمتحدةوكندا"_s << u"country"_s << u"كندا"_s << u"CA"_s
                                         << QString();
    QTest::newRow("city") << u"في مدينة الدار البيضاء"_s << u"place"_s << u"الدار البيضاء"_s << u"MA"_s << QString();
    QTest::newRow("ambiguous country after a cue") << u"في دولة مالي"_s << u"country"_s << u"مالي"_s << u"ML"_s
                                                   << QString();

    // Attack phrases.
    QTest::newRow("ddos phrase") << u"تعرض الموقع لهجوم حجب الخدمة"_s << u"attack"_s << u"هجوم حجب الخدمة"_s
                                 << u"ddos"_s << QString();
    QTest::newRow("ddos flooding pattern") << u"عبر إغراق خوادم البلدية بطلبات وهمية"_s << u"attack"_s
                                           << u"إغراق خوادم البلدية بطلبات وهمية"_s << u"ddos"_s << QString();
    QTest::newRow("ransomware") << u"أصاب برنامج الفدية المستشفى"_s << u"attack"_s << u"برنامج الفدية"_s
                                << u"ransomware"_s << QString();
    QTest::newRow("defacement") << u"تم تشويه الموقع الرسمي"_s << u"attack"_s << u"تشويه الموقع"_s
                                << u"defacement"_s << QString();
    QTest::newRow("phishing") << u"حملة من التصيد الاحتيالي"_s << u"attack"_s << u"التصيد الاحتيالي"_s
                              << u"phishing"_s << QString();
    QTest::newRow("account takeover") << u"بعد اختراق حساب تويتر الخاص بالوزارة"_s << u"attack"_s
                                      << u"اختراق حساب تويتر"_s << u"account_takeover"_s << QString();
    QTest::newRow("espionage") << u"زرع برنامج تجسس في الهواتف"_s << u"attack"_s << u"برنامج تجسس"_s
                               << u"espionage"_s << QString();
    QTest::newRow("malware, no preposition as adjective") << u"استخدم برمجية خبيثة لسرقة البيانات"_s
                                                          << u"attack"_s << u"برمجية خبيثة"_s << u"malware"_s
                                                          << QString();
    QTest::newRow("malware") << u"انتشار برمجيات خبيثة"_s << u"attack"_s << u"برمجيات خبيثة"_s << u"malware"_s
                             << QString();
    QTest::newRow("hack and leak") << u"بعد نشر وثائق مسربة من الحملة"_s << u"attack"_s << u"نشر وثائق مسربة"_s
                                   << u"hack_and_leak"_s << QString();
    QTest::newRow("data breach with adjective") << u"أدى إلى تسريب بيانات حساسة، وفق"_s << u"attack"_s
                                                << u"تسريب بيانات حساسة"_s << u"data_breach"_s << QString();
    QTest::newRow("generic cyber attack") << u"استهدفها هجوم سيبراني واسع"_s << u"attack"_s << u"هجوم سيبراني"_s
                                          << u"unknown"_s << u"generic=1"_s;
    QTest::newRow("generic attack, definite") << u"بعد الهجوم الإلكتروني الذي"_s << u"attack"_s
                                              << u"الهجوم الإلكتروني"_s << u"unknown"_s << QString();

    // Kinds of data.
    QTest::newRow("credentials") << u"سرقة كلمات المرور"_s << u"data"_s << u"كلمات المرور"_s << u"credentials"_s
                                 << QString();
    QTest::newRow("contact") << u"شملت أرقام الهواتف"_s << u"data"_s << u"أرقام الهواتف"_s << u"contact"_s << QString();
    QTest::newRow("identity") << u"صور جوازات السفر"_s << u"data"_s << u"جوازات السفر"_s << u"identity"_s << QString();
    QTest::newRow("financial") << u"بيانات بطاقات الائتمان"_s << u"data"_s << u"بطاقات الائتمان"_s << u"financial"_s
                               << QString();
    QTest::newRow("coordinated adjective") << u"معلومات شخصية وطبية للمرضى"_s << u"data"_s << u"طبية"_s
                                           << u"medical"_s << QString();

    // Organizations.
    QTest::newRow("ministry with adjective") << u"أعلنت وزارة الصحة المغربية أن"_s << u"organization"_s
                                             << u"وزارة الصحة المغربية"_s << u"وزارة الصحة المغربية"_s
                                             << u"sector=government"_s;
    QTest::newRow("chain with genitive lam") << u"تعرض الصندوق المغربي للتقاعد لهجوم"_s << u"organization"_s
                                             << u"الصندوق المغربي للتقاعد"_s << u"الصندوق المغربي للتقاعد"_s
                                             << QString();
    QTest::newRow("coordinated chain") << u"وجه سؤالا إلى وزارة التربية الوطنية والتعليم العالي، حول"_s
                                       << u"organization"_s << u"وزارة التربية الوطنية والتعليم العالي"_s
                                       << u"وزارة التربية الوطنية والتعليم العالي"_s << QString();
    QTest::newRow("chain stops at preposition") << u"أكدت هيئة الطيران المدني في بيان"_s << u"organization"_s
                                                << u"هيئة الطيران المدني"_s << u"هيئة الطيران المدني"_s
                                                << u"sector=transport"_s;
    QTest::newRow("construct name in foreign words") << u"قال لوكالة رويترز للأنباء إن"_s << u"organization"_s
                                                     << u"وكالة رويترز للأنباء"_s << u"وكالة رويترز للأنباء"_s
                                                     << u"sector=media"_s;
    QTest::newRow("quoted name after head") << u"طورته شركة «نوفا سوفت» المحلية"_s << u"organization"_s
                                            << u"نوفا سوفت"_s << u"نوفا سوفت"_s << QString();
    QTest::newRow("known organization") << u"حذرت مايكروسوفت من ثغرة"_s << u"organization"_s << u"مايكروسوفت"_s
                                        << u"مايكروسوفت"_s << u"sector=technology"_s;
    QTest::newRow("product after naming cue") << u"استخدمت المختبرات تطبيقا يدعى «صحتي بلس» لتسيير"_s
                                              << u"organization"_s << u"صحتي بلس"_s << u"صحتي بلس"_s << QString();

    // Threat actors.
    QTest::newRow("quoted latin name") << u"أعلنت مجموعة من القراصنة تطلق على نفسها اسم “ShadowNet” مسؤوليتها"_s
                                       << u"threat_actor"_s << u"ShadowNet"_s << u"ShadowNet"_s << QString();
    QTest::newRow("unquoted latin name after cue") << u"قراصنة يطلقون على أنفسهم اسم Dark Storm Team أعلنوا"_s
                                                   << u"threat_actor"_s << u"Dark Storm Team"_s
                                                   << u"Dark Storm Team"_s << QString();
    QTest::newRow("hackers plus demonym") << u"نفذه قراصنة إيرانيون عبر الإنترنت"_s << u"threat_actor"_s
                                          << u"قراصنة إيرانيون"_s << u"قراصنة إيرانيون"_s << u"country=IR"_s;
    QTest::newRow("group of hackers, definite") << u"مجموعة من القراصنة الروس اخترقت الشبكة"_s
                                                << u"threat_actor"_s << u"القراصنة الروس"_s << u"القراصنة الروس"_s
                                                << u"country=RU"_s;
    QTest::newRow("hacking group plus demonym") << u"تبنت مجموعة قرصنة صينية الهجوم الإلكتروني"_s
                                                << u"threat_actor"_s << u"مجموعة قرصنة صينية"_s
                                                << u"مجموعة قرصنة صينية"_s << u"country=CN"_s;
    QTest::newRow("hackers linked to a country") << u"قراصنة مرتبطون بروسيا اخترقوا الخوادم"_s
                                                 << u"threat_actor"_s << u"قراصنة مرتبطون بروسيا"_s
                                                 << u"قراصنة مرتبطون بروسيا"_s << u"country=RU"_s;
    QTest::newRow("known group with punctuation in its name")
        << u"تبنت مجموعة \"NoName057(16)\" الهجمات"_s << u"threat_actor"_s << u"NoName057(16)"_s
        << u"NoName057(16)"_s << QString();
    QTest::newRow("known group") << u"نسب الهجوم إلى مجموعة Lazarus الكورية"_s << u"threat_actor"_s
                                 << u"Lazarus"_s << u"Lazarus"_s << u"country=KP"_s;
    QTest::newRow("sea pirates with a cyber cue") << u"شن قراصنة صوماليون هجوما إلكترونيا على الخوادم"_s
                                                  << u"threat_actor"_s << u"قراصنة صوماليون"_s
                                                  << u"قراصنة صوماليون"_s << u"country=SO"_s;

    // Persons.
    QTest::newRow("title, demonym, name") << u"قال الرئيس التونسي قيس سعيد إن"_s << u"person"_s << u"قيس سعيد"_s
                                          << u"قيس سعيد"_s << QString();
    QTest::newRow("title with complement") << u"أعلن وزير الاتصال محمد المهدي بنسعيد أن"_s << u"person"_s
                                           << u"محمد المهدي بنسعيد"_s << u"محمد المهدي بنسعيد"_s << u"title=وزير"_s;
    QTest::newRow("apposition after comma") << u"صرحت المديرة العامة للوكالة، نادين فاليري، بأن"_s << u"person"_s
                                            << u"نادين فاليري"_s << u"نادين فاليري"_s << QString();
    QTest::newRow("expert with field") << u"يرى الخبير في الأمن المعلوماتي"_s << u"person"_s << QString() << QString()
                                       << QString();
    QTest::newRow("expert and name") << u"وأوضح الخبير الأمني كريم زيدان أن"_s << u"person"_s << u"كريم زيدان"_s
                                     << u"كريم زيدان"_s << QString();
    QTest::newRow("given name and surname") << u"وجه النائب عبد الرحيم بلقاسم سؤالا"_s << u"person"_s
                                            << u"عبد الرحيم بلقاسم"_s << u"عبد الرحيم بلقاسم"_s << QString();
    QTest::newRow("known name") << u"اتهم بوتين الغرب"_s << u"person"_s << u"بوتين"_s << u"فلاديمير بوتين"_s
                                << QString();
    QTest::newRow("surname alone after the full name") << u"قال عبد الرحيم بلقاسم إن. وأضاف بلقاسم أن"_s
                                                       << u"person"_s << u"بلقاسم"_s << u"عبد الرحيم بلقاسم"_s
                                                       << QString();
}

void RecognizerTest::findsEntity()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(QString, surface);
    QFETCH(QString, value);
    QFETCH(QString, attribute);
    const EntityList entities = Recognizer::instance().recognize(text);
    if (surface.isEmpty()) {
        // The row only checks that nothing of this type is found.
        for (const Entity &e : entities) {
            QVERIFY2(e.type != typeFromName(type), qPrintable(describe(entities)));
        }
        return;
    }
    const Entity *e = findEntity(entities, typeFromName(type), surface);
    QVERIFY2(e, qPrintable(describe(entities)));
    QCOMPARE(e->value, value);
    QCOMPARE(text.mid(e->start, e->end - e->start), surface);
    if (!attribute.isEmpty()) {
        const qsizetype eq = attribute.indexOf(u'=');
        QCOMPARE(e->attribute(attribute.left(eq)), attribute.mid(eq + 1));
    }
}

void RecognizerTest::ignoresLookalikes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");

    QTest::newRow("russians inside lessons") << u"تلقى الطلاب دروسا في الأمن"_s << u"country"_s;
    QTest::newRow("mali as financial") << u"قدمت الحكومة دعما ماليا ودعم مالي للمتضررين"_s << u"country"_s;
    QTest::newRow("sea pirates, no cyber cue") << u"هاجم قراصنة الصومال سفينة شحن قبالة السواحل"_s
                                               << u"threat_actor"_s;
    QTest::newRow("sea pirates, a ship's position is no cyber cue")
        << u"حدد الجيش موقع السفينة التي خطفها قراصنة صوماليون"_s << u"threat_actor"_s;
    QTest::newRow("sea piracy is not an attack") << u"عادت قرصنة السفن قبالة السواحل الصومالية"_s << u"attack"_s;
    QTest::newRow("ransom for sea hostages") << u"طالب الخاطفون بفدية للإفراج عن طاقم السفينة"_s << u"attack"_s;
    QTest::newRow("hiv is not malware") << u"فحوص فيروس نقص المناعة البشرية"_s << u"attack"_s;
    QTest::newRow("e-mail is not the postal service") << u"أرسلت عبر البريد الإلكتروني الرسمي"_s
                                                      << u"organization"_s;
    QTest::newRow("bare head is not a name") << u"وأكدت الوزارة في بيان"_s << u"organization"_s;
    QTest::newRow("head followed by a verb-like stop") << u"قالت الشركة إن"_s << u"organization"_s;
    QTest::newRow("apposition that is no name") << u"رئيس الفريق، سؤالا كتابيا إلى الوزير"_s << u"person"_s;
    QTest::newRow("title then particle") << u"كان وزير الداخلية قد أعلن"_s << u"person"_s;
    QTest::newRow("title before a construct chain") << u"وأوضح مدير إدارة مكافحة الجرائم أن"_s << u"person"_s;
    QTest::newRow("title across a line break") << u"رئيس التحرير\nتفاصيل الخبر"_s << u"person"_s;
}

void RecognizerTest::ignoresLookalikes()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    const EntityList entities = Recognizer::instance().recognize(text);
    for (const Entity &e : entities) {
        QVERIFY2(e.type != typeFromName(type), qPrintable(describe(entities)));
    }
}

void RecognizerTest::spansLandOnTheOriginalText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("surface"); // exactly as in text, harakat and tatweel included

    QTest::newRow("harakat") << u"زارَ فَرَنْسَا أمس"_s << u"country"_s << u"فَرَنْسَا"_s;
    QTest::newRow("tatweel") << u"في الجـــزائر"_s << u"country"_s << u"الجـــزائر"_s;
    QTest::newRow("emoji before") << u"🔥🔥 هجوم على ألمانيا"_s << u"country"_s << u"ألمانيا"_s;
    QTest::newRow("latin around") << u"Breaking: قراصنة روس attack"_s << u"threat_actor"_s << u"قراصنة روس"_s;
    QTest::newRow("crlf lines") << u"سطر أول\r\nهجومٌ إلكترونيٌّ على البنك\r\n"_s << u"attack"_s
                                << u"هجومٌ إلكترونيٌّ"_s;
    QTest::newRow("tanween alef") << u"شنوا هجومًا إلكترونيًا"_s << u"attack"_s << u"هجومًا إلكترونيًا"_s;
    QTest::newRow("organization with harakat") << u"أعلنت وِزارةُ الدّاخليّة أن"_s << u"organization"_s
                                               << u"وِزارةُ الدّاخليّة"_s;
}

void RecognizerTest::spansLandOnTheOriginalText()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(QString, surface);
    const EntityList entities = Recognizer::instance().recognize(text);
    const Entity *e = findEntity(entities, typeFromName(type), surface);
    QVERIFY2(e, qPrintable(describe(entities)));
    QCOMPARE(e->start, int(text.indexOf(surface)));
    QCOMPARE(e->end, e->start + int(surface.size()));
}

void RecognizerTest::linksAcronymToItsOrganization()
{
    const QString text = u"تعرض الصندوق الوطني للتقاعد (CNR) لهجوم. وقال مسؤول في CNR إن الأنظمة تعمل."_s;
    const EntityList entities = Recognizer::instance().recognize(text);
    const Entity *org = findEntity(entities, EntityType::Organization, u"الصندوق الوطني للتقاعد"_s);
    QVERIFY2(org, qPrintable(describe(entities)));
    QCOMPARE(org->attribute(u"alias"), u"CNR"_s);
    int acronyms = 0;
    for (const Entity &e : entities) {
        if (e.type == EntityType::Organization && e.text == u"CNR"_s) {
            QCOMPARE(e.value, u"الصندوق الوطني للتقاعد"_s);
            ++acronyms;
        }
    }
    QCOMPARE(acronyms, 2);
}

void RecognizerTest::findsQuantitiesAndDatesWithTheSameFold()
{
    const QString text = u"سرقة بيانات 2 مليون مستخدم في 5 يناير 2024 في فرنسا"_s;
    const FoldedText folded = foldWithMap(text);
    const EntityList entities = Recognizer::instance().recognize(text, folded);
    QStringList types;
    for (const Entity &e : entities) {
        types << entityTypeName(e.type);
    }
    QVERIFY2(types.contains(u"quantity"_s), qPrintable(describe(entities)));
    QVERIFY2(types.contains(u"date"_s), qPrintable(describe(entities)));
    QVERIFY2(types.contains(u"country"_s), qPrintable(describe(entities)));
    QVERIFY2(types.contains(u"attack"_s), qPrintable(describe(entities)));
}

void RecognizerTest::returnsEntitiesSortedByStart()
{
    const QString text = u"اتهمت فرنسا قراصنة روس بشن هجوم إلكتروني على وزارة الداخلية الفرنسية يوم 3 مارس 2023"_s;
    const EntityList entities = Recognizer::instance().recognize(text);
    QVERIFY(entities.size() >= 5);
    for (int i = 1; i < entities.size(); ++i) {
        QVERIFY(entities.at(i - 1).start <= entities.at(i).start);
    }
}

void RecognizerTest::acceptsWorkspaceEntries()
{
    Recognizer recognizer = Recognizer::instance();
    QVERIFY(!recognizer.addLexiconEntries({{u"42"_s, u"42"_s, u"42"_s, {}}}, EntityType::Quantity));
    QVERIFY(recognizer.addLexiconEntries({{u"ميغا باس"_s, fold(u"ميغا باس"), {}, {}}}, EntityType::Organization));
    for (const QString &text : {u"اعتمد المختبر ميغا باس"_s, u"اعتمد المختبر وميغا باس"_s, u"يعمل بميغا باس"_s}) {
        const EntityList entities = recognizer.recognize(text);
        const Entity *e = findEntity(entities, EntityType::Organization, u"ميغا باس"_s);
        QVERIFY2(e, qPrintable(describe(entities)));
        QCOMPARE(e->value, u"ميغا باس"_s);
    }
    // The shared recognizer is left as it was.
    QVERIFY(!findEntity(Recognizer::instance().recognize(u"اعتمد المختبر ميغا باس"_s), EntityType::Organization,
                        u"ميغا باس"_s));
}

void RecognizerTest::reportsDisclosureCues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::newRow("confirmed") << u"وأكدت الشركة تعرضها للاختراق"_s << u"confirmed"_s;
    QTest::newRow("claimed") << u"تبنت المجموعة الهجوم"_s << u"claimed"_s;
    QTest::newRow("denied") << u"نفى المتحدث وقوع أي تسريب"_s << u"denied"_s;
    QTest::newRow("suspected") << u"يشتبه في وقوف جهة أجنبية"_s << u"suspected"_s;
    QTest::newRow("attempted") << u"أحبطت السلطات محاولة اختراق"_s << u"attempted"_s;
}

void RecognizerTest::reportsDisclosureCues()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    const CueList cues = Recognizer::instance().cues(text);
    QVERIFY(!cues.isEmpty());
    QCOMPARE(cues.first().kind, kind);
    QCOMPARE(text.mid(cues.first().start, cues.first().end - cues.first().start), cues.first().text);
}

void RecognizerTest::givesTheSameResultFromManyThreads()
{
    const QString text = u"أعلنت هيئة البريد الوطنية في فرنسا أن هجوما إلكترونيا استهدفها، وأكد وزير الداخلية "
                         u"جيرالد دارمانان أن قراصنة روس يقفون وراءه."_s;
    const EntityList expected = Recognizer::instance().recognize(text);
    std::vector<EntityList> results(4);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&results, &text, i] {
            for (int round = 0; round < 50; ++round) {
                results[size_t(i)] = Recognizer::instance().recognize(text);
            }
        });
    }
    for (std::thread &t : threads) {
        t.join();
    }
    for (const EntityList &result : results) {
        QCOMPARE(result, expected);
    }
}

void RecognizerTest::keepsSpansInsideOddInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blanks") << u"   \n\t "_s;
    QTest::newRow("lone clitics") << u"و ف ب ل لل ال وال"_s;
    QTest::newRow("cue at the end") << u"تطلق على نفسها اسم"_s;
    QTest::newRow("unclosed quote after cue") << u"يدعى «ميغا"_s;
    QTest::newRow("title at the end") << u"قال الرئيس"_s;
    QTest::newRow("head at the end") << u"وزارة"_s;
    QTest::newRow("acronym bracket unclosed") << u"وزارة الصحة (CNSS"_s;
    QTest::newRow("flood verb at the end") << u"إغراق"_s;
    QTest::newRow("hackers at the end") << u"قراصنة"_s;
    QTest::newRow("glued names repeated") << u"الولاياتالمتحدة"_s.repeated(50) + u"وفرنسا"_s;
    QTest::newRow("emoji and digits") << u"🔥🔥 2024 ٢٠٢٤ 🇫🇷"_s;
    QTest::newRow("marks only") << u"ًٌٍَُِّْـــ"_s;

    // Deterministic noise over the characters the grammars care about.
    const QString alphabet = u"ابتجدرسعفقكلمنهويةالو «»\"(),.،؛\n0123456789ABCxyzـَ"_s;
    quint32 state = 2166136261u;
    for (int row = 0; row < 40; ++row) {
        QString noise;
        for (int i = 0; i < 300; ++i) {
            state = state * 1664525u + 1013904223u;
            noise += alphabet.at(int((state >> 8) % quint32(alphabet.size())));
        }
        QTest::addRow("noise %d", row) << noise;
    }
}

void RecognizerTest::keepsSpansInsideOddInput()
{
    QFETCH(QString, text);
    CueList cues;
    const EntityList entities = Recognizer::instance().recognize(text, foldWithMap(text), &cues);
    for (const Entity &e : entities) {
        QVERIFY2(e.start >= 0 && e.start < e.end && e.end <= text.size(), qPrintable(describe(entities)));
        QCOMPARE(text.mid(e.start, e.end - e.start), e.text);
    }
    for (const DisclosureCue &cue : cues) {
        QVERIFY(cue.start >= 0 && cue.start < cue.end && cue.end <= text.size());
    }
}

// Per-type recall on the seed articles against the analysts' gold: a gold surface
// counts as found when an entity of the matching type covers one of its
// occurrences, compared after folding.
void RecognizerTest::reachesRecallOnTheSeedArticles()
{
    const QString shared = QStringLiteral(RASID_SHARED_DIR);
    QFile goldFile(shared + u"/gold/seeds.json"_s);
    if (!goldFile.open(QIODevice::ReadOnly)) {
        QSKIP("the shared seed articles are not available");
    }
    const QJsonArray articles = QJsonDocument::fromJson(goldFile.readAll()).object().value(u"articles").toArray();
    QVERIFY(!articles.isEmpty());
    // Gold names: "number" is a quantity (money is a quantity with a currency), "actor" a threat actor.
    const std::map<QString, QVector<EntityType>> typeMap = {
        {u"country"_s, {EntityType::Country}},
        {u"place"_s, {EntityType::Place}},
        {u"organization"_s, {EntityType::Organization}},
        {u"person"_s, {EntityType::Person}},
        {u"attack"_s, {EntityType::Attack}},
        {u"data"_s, {EntityType::Data}},
        {u"number"_s, {EntityType::Quantity, EntityType::Money}},
        {u"date"_s, {EntityType::Date}},
        {u"actor"_s, {EntityType::ThreatActor}},
    };
    std::map<QString, std::pair<int, int>> recall; // type -> found, total
    QStringList misses;
    for (const QJsonValue &value : articles) {
        const QJsonObject article = value.toObject();
        QFile file(shared + u"/seeds/"_s + article.value(u"file").toString());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.readAll());
        const FoldedText folded = foldWithMap(text);
        const EntityList entities = Recognizer::instance().recognize(text, folded);
        const QJsonObject gold = article.value(u"entities").toObject();
        for (auto it = gold.begin(); it != gold.end(); ++it) {
            const auto mapped = typeMap.find(it.key());
            QVERIFY2(mapped != typeMap.end(), qPrintable(it.key()));
            for (const QJsonValue &surfaceValue : it.value().toArray()) {
                const QString key = fold(surfaceValue.toString());
                bool found = false;
                for (qsizetype at = folded.text.indexOf(key); at >= 0 && !found;
                     at = folded.text.indexOf(key, at + 1)) {
                    for (const Entity &e : entities) {
                        if (mapped->second.contains(e.type) && folded.foldedOffset(e.start) <= at
                            && folded.foldedOffset(e.end) >= at + key.size()) {
                            found = true;
                            break;
                        }
                    }
                }
                auto &[hits, total] = recall[it.key()];
                ++total;
                hits += found ? 1 : 0;
                if (!found) {
                    misses << it.key() + u": "_s + surfaceValue.toString();
                }
            }
        }
    }
    QString table = u"\ntype          found/total  recall\n"_s;
    for (const auto &[type, counts] : recall) {
        table += u"%1 %2/%3  %4\n"_s.arg(type, -13).arg(counts.first, 5).arg(counts.second).arg(
            double(counts.first) / counts.second, 0, 'f', 2);
    }
    qInfo().noquote() << table << (misses.isEmpty() ? QString() : u"missed: "_s + misses.join(u", "_s));
    for (const auto &[type, counts] : recall) {
        QVERIFY2(double(counts.first) / counts.second >= 0.9, qPrintable(type + u" recall too low"_s));
    }
}

void RecognizerTest::readsOneAttribute_data()
{
    QTest::addColumn<QString>("attributes");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // null when the key is absent

    QTest::newRow("none") << QString() << u"generic"_s << QString();
    QTest::newRow("only pair") << u"generic=1"_s << u"generic"_s << u"1"_s;
    QTest::newRow("last pair") << u"alias=CNR;generic=1"_s << u"generic"_s << u"1"_s;
    QTest::newRow("first pair") << u"generic=1;alias=CNR"_s << u"generic"_s << u"1"_s;
    QTest::newRow("empty value") << u"alias=;generic=1"_s << u"alias"_s << u""_s;
    QTest::newRow("key is a prefix of another") << u"generics=1;gen=2"_s << u"generic"_s << QString();
    QTest::newRow("key is longer than one") << u"gen=2"_s << u"generic"_s << QString();
    QTest::newRow("value holds an equals sign") << u"url=a=b"_s << u"url"_s << u"a=b"_s;
    QTest::newRow("pair without value") << u"generic;generic=2"_s << u"generic"_s << u"2"_s;
    QTest::newRow("empty key") << u"=1;x=2"_s << u""_s << QString();
    QTest::newRow("empty pairs") << u";;generic=1;"_s << u"generic"_s << u"1"_s;
    QTest::newRow("first of a repeated key") << u"generic=1;generic=2"_s << u"generic"_s << u"1"_s;
    QTest::newRow("Arabic value") << u"alias=وزارة الصحة"_s << u"alias"_s << u"وزارة الصحة"_s;
}

void RecognizerTest::readsOneAttribute()
{
    QFETCH(QString, attributes);
    QFETCH(QString, key);
    QFETCH(QString, value);
    Entity entity;
    entity.attributes = attributes;
    const QString found = entity.attribute(key);
    QCOMPARE(found, value);
    QCOMPARE(found.isNull(), value.isNull());
}

QTEST_GUILESS_MAIN(RecognizerTest)
#include "recognizer_test.moc"
