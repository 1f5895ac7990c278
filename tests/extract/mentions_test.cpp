#include "extract/mentions.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// An entity over the first occurrence of its text in the sentence.
Entity entity(const QString &text, EntityType type, const QString &surface, const QString &value = {},
              const QString &attributes = {})
{
    Entity e;
    e.type = type;
    e.start = int(text.indexOf(surface));
    e.end = e.start + int(surface.size());
    e.text = surface;
    e.value = value;
    e.attributes = attributes;
    return e;
}

} // namespace

class MentionsTest : public QObject
{
    Q_OBJECT
private slots:
    void proposesMentionedVictims_data();
    void proposesMentionedVictims();
    void spansPointIntoTheText();
};

void MentionsTest::proposesMentionedVictims_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<EntityList>("entities");
    QTest::addColumn<QStringList>("proposedVictims"); // the rules' proposals
    QTest::addColumn<QStringList>("victims");
    QTest::addColumn<QStringList>("attacks");
    QTest::addColumn<QStringList>("countries");

    const QString list = u"وفي عام 2011 تعرضت شركات زينترا وبلوماك وأوريكس للاختراق في اليابان."_s;
    QTest::newRow("a list of victims, one candidate each")
        << list
        << EntityList{entity(list, EntityType::Organization, u"زينترا"_s),
                      entity(list, EntityType::Organization, u"بلوماك"_s),
                      entity(list, EntityType::Organization, u"أوريكس"_s),
                      entity(list, EntityType::Attack, u"للاختراق"_s, u"unknown"_s, u"generic=1"_s),
                      entity(list, EntityType::Country, u"اليابان"_s, u"JP"_s)}
        << QStringList{u"زينترا"_s} // already proposed by the rules
        << QStringList{u"بلوماك"_s, u"أوريكس"_s, u"اليابان"_s}
        << QStringList{u"unknown"_s, u"unknown"_s, u"unknown"_s}
        << QStringList{u"JP"_s, u"JP"_s, u"JP"_s};

    const QString specific = u"شن قراصنة هجوم حجب خدمة ثم هجوما إلكترونيا على مصرف النخيل."_s;
    QTest::newRow("the most specific attack of the sentence")
        << specific
        << EntityList{entity(specific, EntityType::Attack, u"هجوم حجب خدمة"_s, u"ddos"_s),
                      entity(specific, EntityType::Attack, u"هجوما إلكترونيا"_s, u"unknown"_s, u"generic=1"_s),
                      entity(specific, EntityType::Organization, u"مصرف النخيل"_s)}
        << QStringList{} << QStringList{u"مصرف النخيل"_s} << QStringList{u"ddos"_s} << QStringList{QString()};

    const QString ambiguous = u"زار الوزير ماهر الكاتب معرض الاختراعات."_s;
    QTest::newRow("no attack, no candidate")
        << ambiguous
        << EntityList{entity(ambiguous, EntityType::Person, u"ماهر الكاتب"_s),
                      entity(ambiguous, EntityType::Attack, u"الاختراعات"_s, u"unknown"_s, u"ambiguous=1"_s)}
        << QStringList{} << QStringList{} << QStringList{} << QStringList{};

    const QString two = u"سرق القراصنة بيانات بنك الغدير.\nوفي خبر آخر زار رئيس شركة الندى المعرض."_s;
    QTest::newRow("only the sentence that names the attack")
        << two
        << EntityList{entity(two, EntityType::Attack, u"سرق"_s, u"data_breach"_s),
                      entity(two, EntityType::Organization, u"بنك الغدير"_s),
                      entity(two, EntityType::Organization, u"شركة الندى"_s)}
        << QStringList{u"بَنْك الغدير"_s} // the same after folding
        << QStringList{} << QStringList{} << QStringList{};
}

void MentionsTest::proposesMentionedVictims()
{
    QFETCH(QString, text);
    QFETCH(EntityList, entities);
    QFETCH(QStringList, proposedVictims);
    QFETCH(QStringList, victims);
    QFETCH(QStringList, attacks);
    QFETCH(QStringList, countries);
    QVector<ProposedIncident> proposed;
    for (const QString &v : proposedVictims) {
        ProposedIncident p;
        p.set(u"victim"_s, v, 0.8);
        proposed.append(p);
    }
    const QVector<ProposedIncident> candidates = mentionCandidates(text, entities, proposed);
    QStringList gotVictims, gotAttacks, gotCountries;
    for (const ProposedIncident &c : candidates) {
        QCOMPARE(c.source, ProposalSource::Mention);
        QVERIFY(c.confidence < 0.5);
        gotVictims.append(c.value(u"victim"_s));
        gotAttacks.append(c.value(u"attack_type"_s));
        gotCountries.append(c.value(u"victim_country"_s));
    }
    QCOMPARE(gotVictims, victims);
    QCOMPARE(gotAttacks, attacks);
    QCOMPARE(gotCountries, countries);
}

void MentionsTest::spansPointIntoTheText()
{
    // Diacritics, tatweel, a Latin name and an emoji before the names: spans stay UTF-16 offsets.
    const QString text = u"🔥 عاجِل: اختـــراق شبكة Nexora وسرقة بيانات 😱 شركة الرواد."_s;
    const EntityList entities = {entity(text, EntityType::Attack, u"اختـــراق"_s, u"unknown"_s, u"generic=1"_s),
                                 entity(text, EntityType::Organization, u"Nexora"_s),
                                 entity(text, EntityType::Organization, u"شركة الرواد"_s)};
    const QVector<ProposedIncident> candidates = mentionCandidates(text, entities, {});
    QCOMPARE(candidates.size(), 2);
    for (const ProposedIncident &c : candidates) {
        for (const IncidentField &f : c.fields) {
            if (f.name == u"victim"_s) {
                QCOMPARE(text.mid(f.evidence.first().start, f.evidence.first().end - f.evidence.first().start),
                         f.value);
            }
        }
    }
}

QTEST_GUILESS_MAIN(MentionsTest)
#include "mentions_test.moc"
