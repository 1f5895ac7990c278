#include "extract/evaluation.h"
#include "extract/incidentbuilder.h"
#include "extract/recognizer.h"
#include "text/articlereader.h"
#include "text/cleaner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// The incidents an analyst would count: at or above the confidence threshold.
QVector<ProposedIncident> confident(const QVector<ProposedIncident> &all)
{
    QVector<ProposedIncident> out;
    for (const ProposedIncident &p : all) {
        if (p.confidence >= kIncidentConfidenceThreshold) {
            out.append(p);
        }
    }
    return out;
}

QVector<ProposedIncident> propose(const QString &text, const QString &title = {}, const QString &published = {})
{
    return buildIncidents(text, Recognizer::instance().recognize(text), title, published);
}

// What a test expects of one incident; empty strings are not checked, "-" wants an empty field.
struct Expected
{
    QString victim; // a part of the victim as written
    QString country;
    QString attack;
    QString records;
    QString qualifier;
    QString actor;
    QString disclosure;
    QString date;
};

void checkIncident(const ProposedIncident &p, const Expected &e, int index)
{
    const auto check = [&](const QString &field, const QString &expected, bool contains) {
        if (expected.isEmpty()) {
            return;
        }
        const QString got = p.value(field);
        const bool ok = expected == u"-"_s ? got.isEmpty() : (contains ? got.contains(expected) : got == expected);
        QVERIFY2(ok, qPrintable(u"incident %1, %2: expected «%3», got «%4»"_s.arg(index).arg(field, expected, got)));
    };
    check(u"victim"_s, e.victim, true);
    check(u"victim_country"_s, e.country, false);
    check(u"attack_type"_s, e.attack, false);
    check(u"records_affected"_s, e.records, false);
    check(u"records_qualifier"_s, e.qualifier, false);
    check(u"actor"_s, e.actor, true);
    check(u"disclosure"_s, e.disclosure, false);
    check(u"incident_date"_s, e.date, false);
}

} // namespace

Q_DECLARE_METATYPE(Expected)

class IncidentBuilderTest : public QObject
{
    Q_OBJECT
private slots:
    void proposesIncidents_data();
    void proposesIncidents();
    void proposesNothingForNonIncidents_data();
    void proposesNothingForNonIncidents();
    void titleChoosesThePrimary();
    void recordsComeFromPeopleNotMoneyAgesOrPercentages();
    void everyFieldHasEvidenceInsideTheText();
    void fillsYearOfDatesFromPublication();
    void emptyInputGivesNothing();
    void meetsTargetsOnSeedArticles();
};

void IncidentBuilderTest::proposesIncidents_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVector<Expected>>("expected");

    QTest::newRow("single ransomware incident told in several sentences")
        << u"أعلنت شركة النور للاتصالات في الأردن، الثلاثاء، أنها تعرضت لهجوم ببرنامج فدية أدى إلى تعطل "
           "خدمات الفوترة الإلكترونية لعدة ساعات.\n\nوقالت الشركة في بيان إن المهاجمين شفّروا جزءاً من "
           "خوادمها وطالبوا بفدية قدرها مليونا دولار، مؤكدة أنها لن تدفع أي مبلغ. وأضافت أن فرقها التقنية "
           "تعمل مع المركز الوطني للأمن السيبراني على استعادة الأنظمة.\n\nوتبنت مجموعة \"DarkFalcon\" "
           "الهجوم على موقعها في الشبكة المظلمة، وزعمت أنها سحبت بيانات نحو 300 ألف مشترك."_s
        << QVector<Expected>{{u"النور"_s, u"JO"_s, u"ransomware"_s, u"300000"_s, u"approx"_s, u"DarkFalcon"_s,
                              u"confirmed"_s, {}}};

    QTest::newRow("two victims in one sentence are two incidents")
        << u"تعرض الموقع الرسمي لوزارة الصحة المصرية لهجوم حجب خدمة أوقفه عن العمل لساعتين، فيما أعلنت "
           "جامعة القاهرة أن قاعدة بيانات طلابها تعرضت للاختراق، ما أدى إلى تسريب بيانات 20 ألف طالب."_s
        << QVector<Expected>{{u"وزارة الصحة"_s, u"EG"_s, u"ddos"_s, u"-"_s, {}, {}, {}, {}},
                             {u"جامعة القاهرة"_s, u"EG"_s, u"data_breach"_s, u"20000"_s, u"exact"_s, {}, {}, {}}};

    QTest::newRow("a second incident opened by a year")
        << u"أكد مصرف الواحة في الكويت أن مخترقين تمكنوا من الوصول إلى قاعدة بيانات عملائه وسرقة بيانات "
           "نحو 50 ألف عميل.\n\nوفي عام 2019، تعرضت شركة الطيران الوطنية الكينية لهجوم مماثل كشف بيانات "
           "1.2 مليون مسافر."_s
        << QVector<Expected>{{u"مصرف الواحة"_s, u"KW"_s, u"data_breach"_s, u"50000"_s, u"approx"_s, {}, {}, {}},
                             {u"شركة الطيران"_s, u"KE"_s, {}, u"1200000"_s, u"exact"_s, {}, {}, u"2019"_s}};

    QTest::newRow("round-up items are separate incidents")
        << u"أولاً: أعلنت بلدية مدينة ليون الفرنسية أن هجوماً ببرنامج فدية عطّل خدماتها الإلكترونية.\n\n"
           "ثانياً: أكدت شركة \"سمارت باي\" الهندية للدفع الإلكتروني تسريب بيانات 2 مليون مستخدم.\n\n"
           "ثالثاً: تعرض الموقع الإلكتروني لوزارة الخارجية الدنماركية لهجوم حجب خدمة."_s
        << QVector<Expected>{{u"ليون"_s, u"FR"_s, u"ransomware"_s, {}, {}, {}, {}, {}},
                             {u"سمارت باي"_s, u"IN"_s, u"data_breach"_s, u"2000000"_s, {}, {}, {}, {}},
                             {u"الخارجية"_s, u"DK"_s, u"ddos"_s, {}, {}, {}, {}, {}}};

    QTest::newRow("one breach told over a long article")
        << u"أعلن مستشفى الرحمة الجامعي في مدينة صفاقس التونسية، الأربعاء، أنه يحقق في اختراق طال نظام "
           "الملفات الطبية الإلكترونية، بعد أن نشرت مجموعة تطلق على نفسها اسم \"CyberJackal\" عينة من "
           "بيانات قالت إنها تعود لنحو 40 ألف مريض.\n\nوقال مدير المستشفى في تصريح صحفي إن فرق المعلوماتية "
           "رصدت نشاطاً مشبوهاً على أحد الخوادم منذ نهاية الأسبوع الماضي، وإنه تم عزل الخادم وإبلاغ الوكالة "
           "الوطنية للسلامة المعلوماتية.\n\nوأضاف أن المستشفى سيتواصل مع المرضى المعنيين، داعياً إياهم إلى "
           "الحذر من الرسائل الاحتيالية التي قد تستغل بياناتهم.\n\nوتضم العينة المنشورة أسماء المرضى وأرقام "
           "بطاقات التعريف وتشخيصات طبية، بحسب باحث في الأمن السيبراني اطلع عليها.\n\nويرى خبراء أن "
           "المؤسسات الصحية باتت هدفاً مفضلاً للقراصنة بسبب قيمة البيانات الطبية في السوق السوداء، مشيرين إلى "
           "أن هجمات مماثلة استهدفت مستشفيات في المغرب والجزائر خلال العام الماضي.\n\nوطالبت الهيئة الوطنية "
           "لحماية المعطيات الشخصية المستشفى بتقديم تقرير مفصل خلال 72 ساعة."_s
        << QVector<Expected>{{u"مستشفى الرحمة"_s, u"TN"_s, u"data_breach"_s, u"40000"_s, u"approx"_s,
                              u"CyberJackal"_s, {}, {}}};

    QTest::newRow("attacks on a country's banks claimed by a group")
        << u"تعرضت المواقع الإلكترونية لعدد من البنوك السعودية، صباح الاثنين، لهجمات حجب خدمة موزعة أدت "
           "إلى بطء شديد في الخدمات المصرفية عبر الإنترنت لعدة ساعات.\n\nوأكد البنك المركزي السعودي في بيان "
           "أن الأنظمة الأساسية للبنوك لم تتأثر وأن بيانات العملاء آمنة، مشيراً إلى أن الخدمات عادت إلى "
           "طبيعتها بعد الظهر.\n\nوتبنت مجموعة \"Anonymous Sudan\" الهجمات عبر قناتها على تيليغرام، وقالت "
           "إنها جاءت رداً على مواقف سياسية."_s
        << QVector<Expected>{{u"البنوك السعودية"_s, u"SA"_s, u"ddos"_s, u"-"_s, {}, u"Anonymous Sudan"_s, {}, {}}};

    QTest::newRow("an insider's employer in a separate case")
        << u"أعلنت شرطة دبي توقيف عصابة استولت على حسابات مصرفية لعشرات العملاء في بنك الخليج التجاري "
           "عبر رسائل تصيد احتيالية.\n\nوفي قضية منفصلة، أحالت النيابة العامة موظفاً سابقاً في شركة "
           "\"نجمة\" للاتصالات إلى المحكمة بتهمة تسريب بيانات 15 ألف مشترك وبيعها لشركة تسويق."_s
        << QVector<Expected>{{u"بنك الخليج"_s, u"AE"_s, {}, {}, {}, {}, {}, {}},
                             {u"نجمة"_s, {}, u"data_breach"_s, u"15000"_s, u"exact"_s, {}, {}, {}}};

    QTest::newRow("an earlier attack recalled in the last paragraph")
        << u"تعرضت شركة \"بترو الخليج\" العمانية لهجوم ببرنامج فدية شفّر خوادم الفوترة، وفق ما أكدته "
           "الشركة في بيان الأحد.\n\nوأوضحت الشركة أن عمليات الإنتاج لم تتأثر، وأن الفرق التقنية تعمل على "
           "استعادة الأنظمة من النسخ الاحتياطية.\n\nويعد هذا الهجوم الثاني من نوعه الذي يطال شركة نفطية "
           "في السلطنة، ويأتي بعد أشهر من هجوم إلكتروني عطّل نظام الدفع في محطات الوقود."_s
        << QVector<Expected>{{u"بترو الخليج"_s, u"OM"_s, u"ransomware"_s, u"-"_s, {}, {}, u"confirmed"_s, {}}};

    QTest::newRow("the same attacker goes on in the same paragraph")
        << u"أعلنت مجموعة \"RedDune\" مسؤوليتها عن اختراق قاعدة بيانات وزارة الصحة الأردنية وسرقة بيانات "
           "100 ألف مراجع. ولم يتوقف الأمر عند هذا الحد، بل تم اختراق موقع وزارة التربية والتعليم وتشويه "
           "صفحته الرئيسية."_s
        << QVector<Expected>{{u"وزارة الصحة"_s, u"JO"_s, u"data_breach"_s, {}, {}, u"RedDune"_s, u"claimed"_s, {}},
                             {u"وزارة التربية"_s, u"JO"_s, u"defacement"_s, {}, {}, u"RedDune"_s, {}, {}}};

    QTest::newRow("claimed by the attacker only")
        << u"زعمت مجموعة قراصنة تطلق على نفسها اسم \"ShadowNile\" أنها اخترقت خوادم هيئة الطيران المدني "
           "السودانية وسرقت وثائق داخلية، دون أن تعلق الهيئة على ذلك."_s
        << QVector<Expected>{{u"هيئة الطيران المدني"_s, u"SD"_s, {}, {}, {}, u"ShadowNile"_s, u"claimed"_s, {}}};

    QTest::newRow("denied by the victim")
        << u"نفت شركة المياه الوطنية في تونس تعرض أنظمتها المعلوماتية لأي اختراق، بعد أن نشر قراصنة على "
           "تلغرام ملفات قالوا إنها تضم بيانات 80 ألف مشترك."_s
        << QVector<Expected>{{u"شركة المياه الوطنية"_s, u"TN"_s, {}, {}, {}, {}, u"denied"_s, {}}};

    QTest::newRow("an attempt that was foiled")
        << u"أحبط المركز الوطني للأمن السيبراني في قطر محاولة اختراق استهدفت الموقع الرسمي لوزارة المالية، "
           "دون أن يتمكن المهاجمون من الوصول إلى أي بيانات."_s
        << QVector<Expected>{{u"وزارة المالية"_s, u"QA"_s, {}, u"-"_s, {}, {}, u"attempted"_s, {}}};

    QTest::newRow("a numeric date before the pronoun is not the victim")
        << u"أعلنت شركة الموانئ الوطنية الليبية في 12/03/2024 أنها تعرضت لهجوم ببرنامج فدية عطّل أنظمة "
           "الحجز لديها."_s
        << QVector<Expected>{{u"شركة الموانئ الوطنية"_s, u"LY"_s, u"ransomware"_s, {}, {}, {}, {}, {}}};

    QTest::newRow("a weekday and date before the pronoun is not the victim")
        << u"أكدت هيئة البريد العمانية في الخميس - 7 مارس 2024 أنها تعرضت لتسريب بيانات 40 ألف مشترك."_s
        << QVector<Expected>{{u"هيئة البريد"_s, u"OM"_s, u"data_breach"_s, u"40000"_s, {}, {}, {}, {}}};

    QTest::newRow("an arrest names the actor")
        << u"ألقت الشرطة المغربية القبض على شاب يبلغ من العمر 19 عاماً بتهمة اختراق قاعدة بيانات متجر "
           "إلكتروني وسرقة بيانات 12 ألف زبون وبيعها مقابل 5 آلاف دولار."_s
        << QVector<Expected>{{{}, u"MA"_s, u"data_breach"_s, u"12000"_s, u"exact"_s, u"شاب"_s, {}, {}}};
}

void IncidentBuilderTest::proposesIncidents()
{
    QFETCH(QString, text);
    QFETCH(QVector<Expected>, expected);
    const QVector<ProposedIncident> all = propose(text);
    const QVector<ProposedIncident> incidents = confident(all);
    QStringList seen;
    for (const ProposedIncident &p : all) {
        seen.append(u"%1 (%2, %3)"_s.arg(p.value(u"victim"_s), p.value(u"attack_type"_s)).arg(p.confidence, 0, 'f', 2));
    }
    QVERIFY2(incidents.size() == expected.size(),
             qPrintable(u"expected %1 incidents, got: %2"_s.arg(expected.size()).arg(seen.join(u"; "_s))));
    QVERIFY(incidents.first().primary);
    for (int i = 0; i < expected.size(); ++i) {
        checkIncident(incidents[i], expected[i], i);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY(i == 0 || !incidents[i].primary);
    }
}

void IncidentBuilderTest::proposesNothingForNonIncidents_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("sea piracy")
        << u"اختطف قراصنة مسلحون ناقلة نفط قبالة سواحل خليج غينيا فجر الأحد، واحتجزوا طاقمها المؤلف من 18 "
           "بحاراً. وطالب الخاطفون الشركة المالكة للسفينة بفدية قدرها 3 ملايين دولار مقابل الإفراج عن "
           "البحارة، فيما تواصل القوات البحرية ملاحقة زوارق القراصنة."_s;
    QTest::newRow("election breakthrough")
        << u"حقق حزب الوسط اختراقاً كبيراً في الانتخابات البرلمانية وفاز بعشرين مقعداً، في حين اعتبر "
           "مراقبون أن خرق اللائحة المنافسة في دوائر الشمال كان مفاجأة الاقتراع."_s;
    QTest::newRow("forecast")
        << u"يتوقع خبراء أن تتضاعف هجمات الفدية على المستشفيات خلال العام المقبل بنسبة 40 في المئة، "
           "ويحذرون من أن المؤسسات الصحية في المنطقة تبقى هدفاً سهلاً للمهاجمين."_s;
    QTest::newRow("statistics report")
        << u"كشف التقرير السنوي لمركز الاستجابة للطوارئ المعلوماتية أن محاولات التصيد الاحتيالي شكلت 45 "
           "في المائة من الحوادث المسجلة خلال العام الماضي، تلتها هجمات حجب الخدمة بنسبة 20 في المائة."_s;
    QTest::newRow("vulnerability advisory")
        << u"حذرت الهيئة الوطنية للأمن السيبراني من ثغرة حرجة في برنامج لإدارة الخوادم قد تسمح للمهاجمين "
           "بالسيطرة على الأنظمة عن بعد، ودعت الجهات إلى تحديث البرنامج فوراً، مؤكدة أنها لم ترصد أي "
           "استغلال لها حتى الآن."_s;
    QTest::newRow("job advert")
        << u"وظيفة شاغرة: يعلن بنك الاتحاد عن حاجته إلى محلل أمن معلومات.\nالمهام الرئيسية:\n- الاستجابة "
           "لحوادث الاختراق وهجمات الفدية وحجب الخدمة.\nالمؤهلات المطلوبة:\n- خبرة ثلاث سنوات.\nترسل "
           "السيرة الذاتية عبر بوابة التوظيف."_s;
}

void IncidentBuilderTest::proposesNothingForNonIncidents()
{
    QFETCH(QString, text);
    const QVector<ProposedIncident> incidents = confident(propose(text));
    QStringList seen;
    for (const ProposedIncident &p : incidents) {
        seen.append(u"%1 (%2, %3)"_s.arg(p.value(u"victim"_s), p.value(u"attack_type"_s)).arg(p.confidence, 0, 'f', 2));
    }
    QVERIFY2(incidents.isEmpty(), qPrintable(seen.join(u"; "_s)));
}

void IncidentBuilderTest::titleChoosesThePrimary()
{
    // The lead recalls an older attack before the news; the title says which one the article is about.
    const QString text = u"بعد أشهر من الهجوم الإلكتروني الذي استهدف شركة الكهرباء الوطنية، أعلن مصرف الأمل "
                         "في لبنان أن قراصنة تمكنوا من اختراق أنظمته وسرقة بيانات 40 ألف عميل."_s;
    const QVector<ProposedIncident> incidents =
        confident(propose(text, u"قراصنة يسرقون بيانات 40 ألف عميل من مصرف الأمل"_s));
    QVERIFY(incidents.size() >= 1);
    QVERIFY2(incidents.first().value(u"victim"_s).contains(u"مصرف الأمل"_s),
             qPrintable(incidents.first().value(u"victim"_s)));
    QVERIFY(incidents.first().primary);
}

void IncidentBuilderTest::recordsComeFromPeopleNotMoneyAgesOrPercentages()
{
    // Hand-built entities: the builder decides from the counted noun and the kind, not the recognizer.
    const QString text = u"اختراق بيانات 800 عميل لدى بنك الرمال، وشاب عمره 25 عاماً طلب 300 ألف دولار، "
                         "والحادث يمثل 60 في المئة من الحوادث."_s;
    const auto span = [&](const QString &part) {
        const int start = int(text.indexOf(part));
        return std::pair<int, int>{start, start + int(part.size())};
    };
    EntityList entities;
    const auto add = [&](EntityType type, const QString &part, const QString &value, const QString &attributes) {
        Entity e;
        e.type = type;
        std::tie(e.start, e.end) = span(part);
        e.text = part;
        e.value = value;
        e.attributes = attributes;
        e.confidence = 0.9;
        entities.append(e);
    };
    add(EntityType::Attack, u"اختراق بيانات"_s, u"data_breach"_s, {});
    add(EntityType::Quantity, u"800 عميل"_s, u"800"_s, u"qualifier=exact;noun=عميل"_s);
    add(EntityType::Organization, u"بنك الرمال"_s, u"بنك الرمال"_s, u"sector=finance"_s);
    add(EntityType::Quantity, u"25 عاماً"_s, u"25"_s, u"qualifier=exact;noun=عام;kind=age"_s);
    add(EntityType::Money, u"300 ألف دولار"_s, u"300000"_s, u"currency=USD;qualifier=exact"_s);
    add(EntityType::Quantity, u"60 في المئة"_s, u"60"_s, u"qualifier=exact;kind=percent"_s);
    const QVector<ProposedIncident> incidents = buildIncidents(text, entities);
    QCOMPARE(incidents.size(), 1);
    QCOMPARE(incidents.first().value(u"records_affected"_s), u"800"_s);
    QCOMPARE(incidents.first().value(u"records_qualifier"_s), u"exact"_s);
    QCOMPARE(incidents.first().value(u"victim"_s), u"بنك الرمال"_s);
    QCOMPARE(incidents.first().value(u"victim_sector"_s), u"finance"_s);
}

void IncidentBuilderTest::everyFieldHasEvidenceInsideTheText()
{
    const QString text = u"تبنت مجموعة \"NightOwl\" هجوماً ببرنامج فدية استهدف مستشفى الأمل في عمّان يوم 3 "
                         "مارس 2024، وأدى إلى تعطل نظام المواعيد وتسريب بيانات 15 ألف مريض."_s;
    const QVector<ProposedIncident> incidents = propose(text);
    QVERIFY(!incidents.isEmpty());
    for (const ProposedIncident &p : incidents) {
        QVERIFY(p.confidence > 0.0 && p.confidence <= 1.0);
        for (const IncidentField &f : p.fields) {
            QVERIFY2(incidentFieldNames().contains(f.name), qPrintable(f.name));
            QVERIFY(f.confidence >= 0.0 && f.confidence <= 1.0);
            for (const EvidenceSpan &span : f.evidence) {
                QVERIFY2(span.start >= 0 && span.end <= text.size() && span.start < span.end, qPrintable(f.name));
            }
        }
        QVERIFY(!p.value(u"evidence"_s).isEmpty());
    }
    const ProposedIncident &p = incidents.first();
    QCOMPARE(p.value(u"attack_type"_s), u"ransomware"_s);
    QCOMPARE(p.value(u"incident_date"_s), u"2024-03-03"_s);
    QCOMPARE(p.value(u"victim_sector"_s), u"healthcare"_s);
    QCOMPARE(p.value(u"records_affected"_s), u"15000"_s);
    QCOMPARE(p.value(u"motive"_s), u"financial"_s);
    // The victim's evidence is the victim as written.
    for (const IncidentField &f : p.fields) {
        if (f.name == u"victim"_s) {
            QVERIFY(!f.evidence.isEmpty());
            QCOMPARE(text.mid(f.evidence.first().start, f.evidence.first().end - f.evidence.first().start), f.value);
        }
    }
}

void IncidentBuilderTest::fillsYearOfDatesFromPublication()
{
    const QString text = u"أكدت شركة الشروق للتأمين في مصر أن قراصنة اخترقوا خوادمها في 28 ديسمبر وسرقوا بيانات "
                         "عملائها."_s;
    const QVector<ProposedIncident> incidents = propose(text, {}, u"2024-01-05"_s);
    QVERIFY(!incidents.isEmpty());
    QCOMPARE(incidents.first().value(u"incident_date"_s), u"2023-12-28"_s);
}

void IncidentBuilderTest::emptyInputGivesNothing()
{
    QVERIFY(buildIncidents(QString(), {}).isEmpty());
    QVERIFY(buildIncidents(u"   \n\n "_s, {}).isEmpty());
    QVERIFY(propose(u"ارتفعت أسعار الذهب في الأسواق العالمية أمس."_s).isEmpty());
}

void IncidentBuilderTest::meetsTargetsOnSeedArticles()
{
    const QString seeds = QStringLiteral(RASID_SHARED_DIR) + u"/seeds"_s;
    QFile goldFile(QStringLiteral(RASID_SHARED_DIR) + u"/gold/seeds.json"_s);
    if (!QDir(seeds).exists() || !goldFile.open(QIODevice::ReadOnly)) {
        QSKIP("the shared seed articles are not available");
    }
    const QJsonDocument gold = QJsonDocument::fromJson(goldFile.readAll());
    QVector<EvalArticle> articles;
    QDir dir(seeds);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ReadResult read = readArticle(sourceKindForPath(name), file.readAll());
        for (const RawArticle &raw : read.articles) {
            const CleanedArticle cleaned = cleanArticle(raw);
            EvalArticle article;
            article.path = name;
            article.item = raw.item;
            article.entities = Recognizer::instance().recognize(cleaned.text);
            article.incidents = buildIncidents(cleaned.text, article.entities, cleaned.title, cleaned.published);
            articles.append(article);
        }
    }
    const EvalReport report = evaluateArticles(articles, gold);
    const QString table = formatReport(report, true);
    QVERIFY2(report.matchedArticles == report.goldArticles, qPrintable(table));
    QVERIFY2(report.incidentRecall.ratio() >= 0.9, qPrintable(table));
    QVERIFY2(report.incidentPrecision.ratio() >= 0.7, qPrintable(table));
    QVERIFY2(report.primaryCoreFields().ratio() >= 0.9, qPrintable(table));
}

QTEST_GUILESS_MAIN(IncidentBuilderTest)
#include "incidentbuilder_test.moc"
