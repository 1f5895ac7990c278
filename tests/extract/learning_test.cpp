#include "extract/learn/incidentfeatures.h"
#include "extract/learn/incidentmodel.h"
#include "extract/learn/training.h"
#include "text/textfold.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

ProposedIncident proposal(const QString &victim, const QString &attack, double confidence, int start = 0)
{
    ProposedIncident p;
    p.confidence = confidence;
    p.set(u"victim"_s, victim, 0.7, {{start, start + int(victim.size())}});
    p.set(u"attack_type"_s, attack, 0.7);
    return p;
}

bool hasFeature(const FeatureList &features, const QString &name)
{
    return std::any_of(features.cbegin(), features.cend(), [&](const Feature &f) { return f.name == name; });
}

// Examples whose outcome follows a known rate per kind: "kind=a" is right 8
// times in 10, "kind=b" 2 times in 10, in an order shuffled by a fixed seed so
// that no fold is special.
QVector<TrainingExample> knownRates()
{
    QVector<TrainingExample> examples;
    for (int i = 0; i < 400; ++i) {
        const bool a = i < 200;
        const int j = i % 200;
        const bool positive = a ? j % 10 < 8 : j % 10 < 2;
        examples.append({{{a ? u"kind=a"_s : u"kind=b"_s, 1.0}}, positive, 0});
    }
    std::mt19937 random(20261207);
    for (int i = int(examples.size()) - 1; i > 0; --i) {
        std::swap(examples[i], examples[int(random() % unsigned(i + 1))]);
    }
    for (int i = 0; i < examples.size(); ++i) {
        examples[i].group = i;
    }
    return examples;
}

} // namespace

class LearningTest : public QObject
{
    Q_OBJECT
private slots:
    void featuresOfAVictim_data();
    void featuresOfAVictim();
    void articleFeaturesCountWordFamilies();
    void modelTextRoundTrips();
    void rejectsADamagedModel();
    void trainingIsDeterministic();
    void probabilitiesAreCalibrated();
    void rescoringDropsAndKeepsOrder();
    void nullModelChangesNothing();
};

void LearningTest::featuresOfAVictim_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("victim");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    QTest::newRow("an institution named in the title")
        << u"تعرضت شركة النور للاتصالات لهجوم إلكتروني أمس."_s << u"اختراق شركة النور"_s
        << u"شركة النور للاتصالات"_s
        << QStringList{u"victim.head_noun"_s, u"victim.words=3"_s, u"title.breach"_s}
        << QStringList{u"victim.generic"_s, u"victim.latin"_s};
    QTest::newRow("people at large") << u"سرق القراصنة بيانات المستخدمين في المدينة."_s << QString()
                                     << u"المستخدمين"_s << QStringList{u"victim.generic"_s, u"victim.words=1"_s}
                                     << QStringList{u"victim.head_noun"_s, u"victim.in_title"_s};
    QTest::newRow("a Latin name inside Arabic") << u"أعلنت Zentrix أن خوادمها تعرضت للاختراق."_s << QString()
                                                << u"Zentrix"_s << QStringList{u"victim.latin"_s}
                                                << QStringList{u"victim.generic"_s};
    QTest::newRow("harakat and tatweel do not hide the head noun")
        << u"اخترق قراصنة وِزَارَةُ الصـــحة."_s << QString() << u"وِزَارَةُ الصـــحة"_s
        << QStringList{u"victim.head_noun"_s, u"victim.words=2"_s} << QStringList{u"victim.latin"_s};
}

void LearningTest::featuresOfAVictim()
{
    QFETCH(QString, text);
    QFETCH(QString, title);
    QFETCH(QString, victim);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const EntityList entities;
    const ArticleEvidence article = articleEvidence(text, fold(text), title, entities, {});
    const FeatureList features = incidentFeatures(article, proposal(victim, u"data_breach"_s, 0.6,
                                                                    int(text.indexOf(victim))), 0);
    for (const QString &name : present) {
        QVERIFY2(hasFeature(features, name), qPrintable(name));
    }
    for (const QString &name : absent) {
        QVERIFY2(!hasFeature(features, name), qPrintable(name));
    }
    QVERIFY(hasFeature(features, u"attack=data_breach"_s));
    QVERIFY(hasFeature(features, u"rule.confidence"_s));
}

void LearningTest::articleFeaturesCountWordFamilies()
{
    const QString text = u"نصائح لحماية حسابك: ينصح الخبراء بتجنب الروابط، واحرص على تحديث التطبيق."_s;
    const EntityList entities;
    const ArticleEvidence article = articleEvidence(text, fold(text), u"نصائح للمستخدمين"_s, entities, {});
    QVERIFY(hasFeature(article.features, u"article.advice=4+"_s));
    QVERIFY(hasFeature(article.features, u"title.advice"_s));
    QVERIFY(hasFeature(article.features, u"article.breach=0"_s));
    QVERIFY(hasFeature(article.features, u"article.proposals=0"_s));
}

void LearningTest::modelTextRoundTrips()
{
    IncidentModel model;
    model.setWeights({{u"kind=a"_s, 1.25}, {u"victim.head_noun"_s, -0.1 / 3}}, 0.3);
    model.setCalibration(0.9, -0.05);
    model.setDropBelow(0.15);
    model.setHeader({u"trained on a fixture"_s});
    const QByteArray text = model.toText();
    QString error;
    const IncidentModel read = IncidentModel::fromText(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read.toText(), text);
    QCOMPARE(read.weights().value(u"victim.head_noun"_s), -0.1 / 3); // exact
    QCOMPARE(read.header(), QStringList{u"trained on a fixture"_s});
    const FeatureList x{{u"kind=a"_s, 1.0}};
    QCOMPARE(read.probability(x), model.probability(x));
}

void LearningTest::rejectsADamagedModel()
{
    QString error;
    const IncidentModel model = IncidentModel::fromText("bias 0.1\nw kind=a not-a-number\n", &error);
    QVERIFY(model.isNull());
    QVERIFY(error.contains(u"line 2"_s));
}

void LearningTest::trainingIsDeterministic()
{
    TrainingOptions options;
    options.header = {u"fixture"_s};
    const QByteArray first = trainIncidentModel(knownRates(), options).toText();
    const QByteArray second = trainIncidentModel(knownRates(), options).toText();
    QCOMPARE(first, second);
    QVERIFY(first.contains("w kind=a "));
    QVERIFY(first.contains("# fixture"));
    QVERIFY(first.contains("liblinear"));
}

void LearningTest::probabilitiesAreCalibrated()
{
    const IncidentModel model = trainIncidentModel(knownRates());
    const double a = model.probability({{u"kind=a"_s, 1.0}});
    const double b = model.probability({{u"kind=b"_s, 1.0}});
    QVERIFY2(qAbs(a - 0.8) < 0.06, qPrintable(QString::number(a)));
    QVERIFY2(qAbs(b - 0.2) < 0.06, qPrintable(QString::number(b)));
    QVERIFY(model.calibrationSlope() > 0);
    // Dropping "b" (2 right in 10) raises F1 over keeping everything.
    QVERIFY(model.dropBelow() > b && model.dropBelow() <= a);
}

void LearningTest::rescoringDropsAndKeepsOrder()
{
    IncidentModel model;
    model.setWeights({{u"victim.head_noun"_s, 3.0}, {u"victim.generic"_s, -3.0}}, 0.0);
    model.setDropBelow(0.3);
    const QString text = u"اخترق القراصنة موقع البلدية وسرقوا بيانات المستخدمين وحسابات بنك الرافدين."_s;
    const EntityList entities;
    QVector<ProposedIncident> incidents = {proposal(u"المستخدمين"_s, u"data_breach"_s, 0.9, int(text.indexOf(u"المستخدمين"))),
                                           proposal(u"موقع البلدية"_s, u"defacement"_s, 0.5, int(text.indexOf(u"موقع"))),
                                           proposal(u"بنك الرافدين"_s, u"data_breach"_s, 0.5, int(text.indexOf(u"بنك")))};
    incidents[0].primary = true;
    incidents[0].source = ProposalSource::Mention; // a mention the model doubts goes
    incidents[2].source = ProposalSource::Mention;
    const ArticleEvidence article = articleEvidence(text, fold(text), QString(), entities, incidents);
    rescoreIncidents(model, article, incidents);
    QCOMPARE(incidents.size(), 2);
    QCOMPARE(incidents[0].value(u"victim"_s), u"موقع البلدية"_s);
    QCOMPARE(incidents[1].value(u"victim"_s), u"بنك الرافدين"_s);
    QVERIFY(incidents[0].primary);
    QVERIFY(!incidents[1].primary);
    QVERIFY(incidents[0].confidence > 0.9);

    // A proposal of the rules stays, however much the model doubts it.
    QVector<ProposedIncident> rules = {proposal(u"المستخدمين"_s, u"data_breach"_s, 0.9, int(text.indexOf(u"المستخدمين")))};
    rescoreIncidents(model, articleEvidence(text, fold(text), QString(), entities, rules), rules);
    QCOMPARE(rules.size(), 1);
    QVERIFY(rules[0].confidence < 0.3);
    QVERIFY(rules[0].primary);
}

void LearningTest::nullModelChangesNothing()
{
    const QString text = u"اخترق القراصنة موقع البلدية."_s;
    const EntityList entities;
    QVector<ProposedIncident> incidents = {proposal(u"موقع البلدية"_s, u"defacement"_s, 0.42)};
    rescoreIncidents(IncidentModel(), articleEvidence(text, fold(text), QString(), entities, incidents), incidents);
    QCOMPARE(incidents.size(), 1);
    QCOMPARE(incidents[0].confidence, 0.42);
}

QTEST_GUILESS_MAIN(LearningTest)
#include "learning_test.moc"
