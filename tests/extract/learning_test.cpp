#include "extract/learn/fieldcalibration.h"
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
    void fieldCalibration_data();
    void fieldCalibration();
    void fieldCalibrationIsMonotone();
    void rescoringCalibratesFields();
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
    FieldCalibration fields;
    fields.setSteps(u"victim"_s, {{0.3, 0.25}, {0.7, 1.0 / 3}});
    model.setFieldCalibration(fields);
    const QByteArray text = model.toText();
    QVERIFY(text.contains("\nfield victim 0.29999999999999999:0.25 "));
    QString error;
    const IncidentModel read = IncidentModel::fromText(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read.toText(), text);
    QCOMPARE(read.weights().value(u"victim.head_noun"_s), -0.1 / 3); // exact
    QCOMPARE(read.header(), QStringList{u"trained on a fixture"_s});
    const FeatureList x{{u"kind=a"_s, 1.0}};
    QCOMPARE(read.probability(x), model.probability(x));
    QCOMPARE(read.fieldCalibration(), fields);
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

using Outcomes = QVector<FieldOutcome>;

// n outcomes of a field at one confidence, the first `right` of them right.
Outcomes outcomes(const QString &field, double confidence, int n, int right)
{
    Outcomes list;
    for (int i = 0; i < n; ++i) {
        list.append({field, confidence, i < right});
    }
    return list;
}

void LearningTest::fieldCalibration_data()
{
    QTest::addColumn<Outcomes>("training");
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<double>("expected");

    // One confidence: the smoothed rate, (7 + 1) / (10 + 2).
    QTest::newRow("one confidence") << outcomes(u"attack_type"_s, 0.6, 10, 7) << u"attack_type"_s << 0.6 << 8.0 / 12;
    // Any confidence of that field gets the one step's rate.
    QTest::newRow("below the first step") << outcomes(u"attack_type"_s, 0.6, 10, 7) << u"attack_type"_s << 0.1 << 8.0 / 12;
    // Two confidences in the right order stay two steps.
    QTest::newRow("two steps, low") << outcomes(u"victim"_s, 0.4, 10, 2) + outcomes(u"victim"_s, 0.8, 10, 9)
                                    << u"victim"_s << 0.5 << 3.0 / 12;
    QTest::newRow("two steps, high") << outcomes(u"victim"_s, 0.4, 10, 2) + outcomes(u"victim"_s, 0.8, 10, 9)
                                     << u"victim"_s << 0.95 << 10.0 / 12;
    // In the wrong order they pool: (2 + 9 + 1) / (20 + 2).
    QTest::newRow("violators pool") << outcomes(u"victim"_s, 0.4, 10, 9) + outcomes(u"victim"_s, 0.8, 10, 2)
                                    << u"victim"_s << 0.8 << 12.0 / 22;
    // Too few examples: the rules' confidence stays.
    QTest::newRow("too few examples") << outcomes(u"motive"_s, 0.6, FieldCalibration::MinimumExamples - 1, 0)
                                      << u"motive"_s << 0.6 << 0.6;
    QTest::newRow("a field never seen") << outcomes(u"victim"_s, 0.4, 10, 2) << u"records_affected"_s << 0.7 << 0.7;
}

void LearningTest::fieldCalibration()
{
    QFETCH(Outcomes, training);
    QFETCH(QString, field);
    QFETCH(double, confidence);
    QFETCH(double, expected);
    QCOMPARE(FieldCalibration::fit(training).probability(field, confidence), expected);
}

void LearningTest::fieldCalibrationIsMonotone()
{
    // Outcomes right more often at higher confidence, with noise: the steps
    // rise strictly and each lies in (0, 1).
    Outcomes training;
    std::mt19937 random(7);
    for (int i = 0; i < 500; ++i) {
        const double c = (random() % 100) / 100.0;
        training.append({u"victim"_s, c, (random() % 100) / 100.0 < c});
    }
    const FieldCalibration calibration = FieldCalibration::fit(training);
    const QVector<FieldCalibration::Step> steps = calibration.steps(u"victim"_s);
    QVERIFY(steps.size() >= 2);
    for (int i = 0; i < steps.size(); ++i) {
        QVERIFY(steps[i].probability > 0.0 && steps[i].probability < 1.0);
        if (i > 0) {
            QVERIFY(steps[i].from > steps[i - 1].from);
            QVERIFY(steps[i].probability > steps[i - 1].probability);
        }
    }
    // Of the training outcomes, the mean calibrated probability is close to the share right.
    double sum = 0.0;
    int right = 0;
    for (const FieldOutcome &o : training) {
        sum += calibration.probability(o.field, o.confidence);
        right += o.right ? 1 : 0;
    }
    QVERIFY(qAbs(sum / training.size() - double(right) / training.size()) < 0.03);
}

void LearningTest::rescoringCalibratesFields()
{
    IncidentModel model;
    model.setWeights({{u"victim.head_noun"_s, 1.0}}, 0.0);
    FieldCalibration fields;
    fields.setSteps(u"attack_type"_s, {{0.0, 0.35}});
    model.setFieldCalibration(fields);
    const QString text = u"اخترق القراصنة موقع البلدية."_s;
    const EntityList entities;
    QVector<ProposedIncident> incidents = {proposal(u"موقع البلدية"_s, u"defacement"_s, 0.5, int(text.indexOf(u"موقع")))};
    rescoreIncidents(model, articleEvidence(text, fold(text), QString(), entities, incidents), incidents);
    QCOMPARE(incidents.size(), 1);
    const auto fieldNamed = [&](const QString &name) {
        return *std::find_if(incidents[0].fields.cbegin(), incidents[0].fields.cend(),
                             [&](const IncidentField &f) { return f.name == name; });
    };
    QCOMPARE(fieldNamed(u"attack_type"_s).confidence, 0.35);
    QCOMPARE(fieldNamed(u"victim"_s).confidence, 0.7); // not calibrated: the rules' own
    QCOMPARE(fieldNamed(u"attack_type"_s).value, u"defacement"_s);
}

QTEST_GUILESS_MAIN(LearningTest)
#include "learning_test.moc"
