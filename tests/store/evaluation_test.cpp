#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"
#include "store/workspaceevaluation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

QJsonDocument goldOf(const QJsonArray &articles)
{
    return QJsonDocument(QJsonObject{{u"articles"_s, articles}});
}

ProposedIncident incident(const QString &victim, const QString &attack, const QString &country,
                          double confidence = 0.8)
{
    ProposedIncident p;
    p.confidence = confidence;
    p.set(u"victim"_s, victim, 0.8);
    p.set(u"attack_type"_s, attack, 0.8);
    p.set(u"victim_country"_s, country, 0.8);
    return p;
}

QJsonObject goldIncident(const QStringList &victims, const QString &attack, const QString &country,
                         bool primary = false)
{
    QJsonObject o{{u"victim"_s, QJsonArray::fromStringList(victims)},
                  {u"attack_type"_s, attack},
                  {u"victim_country"_s, country},
                  {u"actor"_s, QJsonValue::Null},
                  {u"records_affected"_s, QJsonValue::Null}};
    if (primary) {
        o.insert(u"primary"_s, true);
    }
    return o;
}

Entity entity(EntityType type, const QString &text)
{
    Entity e;
    e.type = type;
    e.text = text;
    e.end = int(text.size());
    return e;
}

} // namespace

class EvaluationTest : public QObject
{
    Q_OBJECT
private slots:
    void matchesIncidents_data();
    void matchesIncidents();
    void countsEntityRecallByGoldType();
    void precisionCountsEveryProposalButRejectedOnes();
    void countsFalseAlarmsAndCalibration();
    void readsConfidenceAsTheExportWritesIt_data();
    void readsConfidenceAsTheExportWritesIt();
    void normalizesAsTheScorer_data();
    void normalizesAsTheScorer();
    void scoresFieldsOfEveryAndPrimaryIncident();
    void matchesArticlesByPathItemAndSuffix();
    void readsTheWorkspaceTables();
    void formatsAReadableTable();
};

void EvaluationTest::matchesIncidents_data()
{
    QTest::addColumn<QStringList>("goldVictims");
    QTest::addColumn<QString>("goldAttack");
    QTest::addColumn<QString>("goldCountry");
    QTest::addColumn<QString>("victim");
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("country");
    QTest::addColumn<bool>("found");

    const QStringList post{u"هيئة البريد الوطنية"_s, u"البريد"_s};
    QTest::newRow("same victim") << post << u"ddos"_s << u"FR"_s << u"هيئة البريد الوطنية"_s << u"ddos"_s
                                 << u"FR"_s << true;
    QTest::newRow("proposal contains the gold form") << post << u"ddos"_s << u"FR"_s << u"خدمات البريد"_s
                                                     << u"unknown"_s << u"MA"_s << true;
    QTest::newRow("gold contains the proposal") << QStringList{u"الصندوق الوطني للضمان الاجتماعي"_s}
                                                << u"data_breach"_s << u"MA"_s << u"الصندوق الوطني"_s
                                                << u"ddos"_s << QString() << true;
    QTest::newRow("folding: harakat and alef forms") << QStringList{u"عبّارة ركاب دولية"_s} << u"sabotage"_s
                                                     << u"FR"_s << u"أنظمة تابعة لعبارة ركاب دولية"_s
                                                     << u"unknown"_s << QString() << true;
    QTest::newRow("attack type and country without the victim")
        << post << u"ddos"_s << u"FR"_s << u"وزارة الداخلية"_s << u"ddos"_s << u"FR"_s << true;
    QTest::newRow("attack type alone is not enough") << post << u"ddos"_s << u"FR"_s << u"وزارة الداخلية"_s
                                                     << u"ddos"_s << u"BE"_s << false;
    QTest::newRow("country alone is not enough") << post << u"ddos"_s << u"FR"_s << u"وزارة الداخلية"_s
                                                 << u"phishing"_s << u"FR"_s << false;
    QTest::newRow("a short victim inside a longer gold form") << QStringList{u"CNSS"_s} << u"data_breach"_s
                                                              << u"MA"_s << u"CN"_s << u"ddos"_s << u"TN"_s << true;
    QTest::newRow("empty victim matches nothing by name") << post << u"ddos"_s << u"FR"_s << QString()
                                                          << u"phishing"_s << u"FR"_s << false;
    QTest::newRow("a preposition before the name") << QStringList{u"مصرف الأمل"_s} << u"ddos"_s << u"LB"_s
                                                   << u"لمصرف الامل"_s << u"other"_s << QString() << true;
    QTest::newRow("another bank") << QStringList{u"مصرف الأمل"_s} << u"ddos"_s << u"LB"_s << u"مصرف الرجاء"_s
                                  << u"other"_s << QString() << false;
    QTest::newRow("the article before the name") << QStringList{u"مصرف الأمل"_s} << u"ddos"_s << u"LB"_s
                                                 << u"والمصرف الامل"_s << u"other"_s << QString() << true;
}

void EvaluationTest::matchesIncidents()
{
    QFETCH(QStringList, goldVictims);
    QFETCH(QString, goldAttack);
    QFETCH(QString, goldCountry);
    QFETCH(QString, victim);
    QFETCH(QString, attack);
    QFETCH(QString, country);
    QFETCH(bool, found);

    EvalArticle article;
    article.path = u"a.txt"_s;
    article.incidents = {incident(victim, attack, country)};
    const QJsonDocument gold = goldOf(QJsonArray{QJsonObject{
        {u"file"_s, u"a.txt"_s},
        {u"incidents"_s, QJsonArray{goldIncident(goldVictims, goldAttack, goldCountry, true)}}}});
    const EvalReport report = evaluateArticles({article}, gold);
    QCOMPARE(report.incidentRecall.total, 1);
    QCOMPARE(report.incidentRecall.hit, found ? 1 : 0);
    QCOMPARE(report.incidentPrecision.hit, found ? 1 : 0);
    QCOMPARE(report.incidentPrecision.total, 1);
}

void EvaluationTest::countsEntityRecallByGoldType()
{
    EvalArticle article;
    article.path = u"a.txt"_s;
    article.entities = {entity(EntityType::Quantity, u"نحو 2 مليون منخرط"_s),
                        entity(EntityType::Money, u"220 مليون يورو"_s),
                        entity(EntityType::ThreatActor, u"“Jabaroot”"_s),
                        entity(EntityType::Organization, u"هيئة البريد الوطنية في فرنسا"_s),
                        entity(EntityType::Country, u"فرنسا"_s)};
    const QJsonObject entities{
        {u"number"_s, QJsonArray{u"2 مليون"_s, u"220 مليون يورو"_s, u"3 سنوات"_s}},
        {u"actor"_s, QJsonArray{u"Jabaroot"_s}},
        {u"organization"_s, QJsonArray{u"هيئة البريد الوطنيّة"_s, u"وزارة الداخلية"_s}},
        {u"country"_s, QJsonArray{u"فرنسا"_s}}};
    const QJsonDocument gold =
        goldOf(QJsonArray{QJsonObject{{u"file"_s, u"a.txt"_s}, {u"entities"_s, entities},
                                      {u"incidents"_s, QJsonArray{}}}});
    const EvalReport report = evaluateArticles({article}, gold);
    QHash<QString, EvalCount> byType;
    for (const EvalLine &line : report.entityRecall) {
        byType.insert(line.name, line.count);
    }
    QCOMPARE(byType.value(u"number"_s).hit, 2); // a quantity and a money amount
    QCOMPARE(byType.value(u"number"_s).total, 3);
    QCOMPARE(byType.value(u"actor"_s).hit, 1);
    QCOMPARE(byType.value(u"organization"_s).hit, 1); // covered after folding the shadda
    QCOMPARE(byType.value(u"organization"_s).total, 2);
    QCOMPARE(byType.value(u"country"_s).hit, 1);
    QVERIFY(report.misses.join(u'\n').contains(u"3 سنوات"_s));
}

void EvaluationTest::precisionCountsEveryProposalButRejectedOnes()
{
    EvalArticle article;
    article.path = u"a.txt"_s;
    article.incidents = {incident(u"مصرف الأمل"_s, u"data_breach"_s, u"LB"_s, 0.9),
                         incident(u"شركة أخرى"_s, u"ddos"_s, u"LB"_s, 0.7),
                         incident(u"تخمين"_s, u"other"_s, u"LB"_s, 0.3),
                         incident(u"مرفوض"_s, u"ddos"_s, u"LB"_s, 0.9)};
    article.reviewStatus = {u"suggested"_s, u"suggested"_s, u"suggested"_s, u"rejected"_s};
    const QJsonDocument gold = goldOf(QJsonArray{QJsonObject{
        {u"file"_s, u"a.txt"_s},
        {u"incidents"_s, QJsonArray{goldIncident({u"مصرف الأمل"_s}, u"data_breach"_s, u"LB"_s, true),
                                   goldIncident({u"تخمين"_s}, u"other"_s, u"LB"_s)}}}});
    const EvalReport report = evaluateArticles({article}, gold);
    QCOMPARE(report.incidentRecall.hit, 2); // a low confidence still counts
    QCOMPARE(report.incidentRecall.total, 2);
    QCOMPARE(report.incidentPrecision.hit, 2);
    QCOMPARE(report.incidentPrecision.total, 3); // the rejected one is ignored
    QCOMPARE(report.primaryFound.hit, 1);
    QCOMPARE(report.primaryFirst.hit, 1);
}

void EvaluationTest::countsFalseAlarmsAndCalibration()
{
    EvalArticle advice; // no incident in the gold, a confident proposal
    advice.path = u"advice.txt"_s;
    advice.incidents = {incident(u"المستخدمين"_s, u"phishing"_s, QString(), 0.9)};
    EvalArticle product; // no incident in the gold, an unsure proposal
    product.path = u"product.txt"_s;
    product.incidents = {incident(u"شركة"_s, u"other"_s, QString(), 0.3)};
    EvalArticle breach;
    breach.path = u"breach.txt"_s;
    breach.incidents = {incident(u"مصرف الأمل"_s, u"data_breach"_s, u"LB"_s, 0.85)};
    const QJsonDocument gold = goldOf(QJsonArray{
        QJsonObject{{u"file"_s, u"advice.txt"_s}, {u"incidents"_s, QJsonArray{}}},
        QJsonObject{{u"file"_s, u"product.txt"_s}, {u"incidents"_s, QJsonArray{}}},
        QJsonObject{{u"file"_s, u"breach.txt"_s},
                    {u"incidents"_s, QJsonArray{goldIncident({u"مصرف الأمل"_s}, u"data_breach"_s, u"LB"_s, true)}}}});
    const EvalReport report = evaluateArticles({advice, product, breach}, gold);
    QCOMPARE(report.falseAlarms.hit, 1);
    QCOMPARE(report.falseAlarms.total, 2);
    QCOMPARE(report.calibratedProposals(), 3);
    QCOMPARE(report.calibration[9].proposals, 1);
    QCOMPARE(report.calibration[8].right, 1);
    QCOMPARE(report.calibration[3].right, 0);
    // (|0.9 - 0| + |0.3 - 0| + |0.85 - 1|) / 3
    QVERIFY(qAbs(report.expectedCalibrationError() - 0.45) < 1e-9);
    QCOMPARE(report.summaryLine(), u"incidents R=1.00 P=0.33 primary R=1.00 | primary fields=1.00 | all fields=1.00 "
                                   "| entities R=n/a | false alarms=1/2 | ECE=0.45"_s);
}

void EvaluationTest::readsConfidenceAsTheExportWritesIt_data()
{
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("status");
    QTest::addColumn<double>("exported");
    QTest::newRow("three digits") << 0.8312 << u"suggested"_s << 0.831;
    QTest::newRow("rounded up into the next bin") << 0.69996 << u"suggested"_s << 0.7;
    QTest::newRow("confirmed is certain") << 0.4 << u"confirmed"_s << 1.0;
    QTest::newRow("corrected keeps its confidence") << 0.4 << u"corrected"_s << 0.4;
}

void EvaluationTest::readsConfidenceAsTheExportWritesIt()
{
    QFETCH(double, confidence);
    QFETCH(QString, status);
    QFETCH(double, exported);
    QCOMPARE(exportedConfidence(confidence, status), exported);
}

void EvaluationTest::normalizesAsTheScorer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::newRow("shadda, article, ta marbuta") << u"هيئة البريد الوطنيّة"_s << u"هيئه بريد وطنيه"_s;
    QTest::newRow("tatweel") << u"الاختـــراق"_s << u"اختراق"_s;
    QTest::newRow("li-l") << u"للاختراق"_s << u"اختراق"_s;
    QTest::newRow("wa-l") << u"والاختراق"_s << u"اختراق"_s;
    QTest::newRow("bi-l") << u"بالبنك"_s << u"بنك"_s;
    QTest::newRow("short word keeps its waw") << u"ولد"_s << u"ولد"_s;
    QTest::newRow("waw before digits") << u"و2011"_s << u"2011"_s;
    QTest::newRow("quotes, brackets, Latin case") << u"«سوني» (PSN)"_s << u"سوني psn"_s;
    QTest::newRow("presentation form") << u"ﻻ"_s << u"لا"_s;
    QTest::newRow("Arabic-Indic digits") << u"٢٠١٥ مليون"_s << u"2015 مليون"_s;
    QTest::newRow("spaces") << u"Ransomware  LockBit"_s << u"ransomware lockbit"_s;
    QTest::newRow("alef maqsura") << u"مستشفى"_s << u"مستشفي"_s;
    QTest::newRow("emoji") << u"🙂 بنك"_s << u"🙂 بنك"_s;
}

void EvaluationTest::normalizesAsTheScorer()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QCOMPARE(scorerKey(text), key);
}

void EvaluationTest::scoresFieldsOfEveryAndPrimaryIncident()
{
    ProposedIncident p = incident(u"الصندوق الوطني للضمان الاجتماعي"_s, u"data_breach"_s, u"MA"_s);
    p.set(u"actor"_s, u"Jabaroot"_s, 0.8);
    p.set(u"records_affected"_s, u"2000000"_s, 0.7);
    p.set(u"records_qualifier"_s, u"exact"_s, 0.7);
    EvalArticle article;
    article.path = u"a.txt"_s;
    article.incidents = {p};

    QJsonObject primary = goldIncident({u"CNSS"_s, u"الصندوق الوطني للضمان الاجتماعي"_s}, u"data_breach"_s,
                                       u"MA"_s, true);
    primary.insert(u"actor"_s, QJsonArray{u"Jabaroot"_s, u"القراصنة الجزائريين"_s});
    primary.insert(u"records_affected"_s, 2000000);
    primary.insert(u"records_qualifier"_s, u"approx"_s);
    primary.insert(u"disclosure"_s, u"claimed"_s);
    // A second gold incident that nothing matches: wrong in every field.
    const QJsonObject other = goldIncident({u"وزارة التشغيل"_s}, u"defacement"_s, u"MA"_s);
    const QJsonDocument gold = goldOf(QJsonArray{
        QJsonObject{{u"file"_s, u"a.txt"_s}, {u"incidents"_s, QJsonArray{primary, other}}},
        // A missed primary counts wrong in every primary field.
        QJsonObject{{u"file"_s, u"b.txt"_s},
                    {u"incidents"_s, QJsonArray{goldIncident({u"مستشفى"_s}, u"ransomware"_s, u"TN"_s, true)}}}});
    EvalArticle empty;
    empty.path = u"b.txt"_s;
    const EvalReport report = evaluateArticles({article, empty}, gold);

    QHash<QString, EvalCount> fields;
    for (const EvalLine &line : report.fields) {
        fields.insert(line.name, line.count);
    }
    QCOMPARE(fields.value(u"victim"_s).hit, 1);
    QCOMPARE(fields.value(u"victim"_s).total, 3);
    QCOMPARE(fields.value(u"actor"_s).hit, 1);
    QCOMPARE(fields.value(u"records_affected"_s).hit, 1);
    QCOMPARE(fields.value(u"records_qualifier"_s).hit, 0); // approx expected
    QCOMPARE(report.coreFields().hit, 5);
    QCOMPARE(report.coreFields().total, 18);
    QCOMPARE(report.primaryCoreFields().total, 12);
    QCOMPARE(report.primaryCoreFields().hit, 5);
    QCOMPARE(report.otherFields.size(), 1);
    QCOMPARE(report.otherFields.first().name, u"disclosure"_s);
    QCOMPARE(report.otherFields.first().count.hit, 0); // no disclosure proposed
    QVERIFY(report.misses.join(u'\n').contains(u"records_qualifier (primary): expected «approx», got «exact»"_s));

    // The fields' calibration judges the six core fields proposed (disclosure
    // was not): four at 0.8, all right; records and qualifier at 0.7, one right.
    QCOMPARE(report.calibratedFields(), 6);
    QCOMPARE(report.fieldCalibration[8].proposals, 4);
    QCOMPARE(report.fieldCalibration[8].right, 4);
    QCOMPARE(report.fieldCalibration[7].proposals, 2);
    QCOMPARE(report.fieldCalibration[7].right, 1);
    QVERIFY(qAbs(report.fieldCalibrationError() - (4 * 0.2 + 2 * 0.2) / 6) < 1e-9);

    // The same judgement is what the calibration trains on.
    const QVector<FieldOutcome> outcomes =
        fieldOutcomes(gold.object().value(u"articles"_s).toArray().first().toObject(), article.incidents);
    QCOMPARE(outcomes.size(), 6);
    for (const FieldOutcome &o : outcomes) {
        QCOMPARE(o.right, o.field != u"records_qualifier"_s);
        QCOMPARE(o.confidence, o.field.startsWith(u"records"_s) ? 0.7 : 0.8);
    }
    // A proposal paired with nothing gives no outcome.
    QVERIFY(fieldOutcomes(gold.object().value(u"articles"_s).toArray().at(1).toObject(), article.incidents).isEmpty());
}

void EvaluationTest::matchesArticlesByPathItemAndSuffix()
{
    EvalArticle first;
    first.path = u"feed.jsonl"_s;
    first.item = 2;
    first.incidents = {incident(u"مصرف"_s, u"ddos"_s, u"SA"_s)};
    EvalArticle stored; // the importer keeps the item in the path too
    stored.path = u"feed.jsonl#3"_s;
    stored.item = 3;
    stored.incidents = {incident(u"وزارة"_s, u"ddos"_s, u"KW"_s)};
    EvalArticle nested;
    nested.path = u"seeds/003.txt"_s;
    nested.incidents = {incident(u"مستشفى"_s, u"ddos"_s, u"TN"_s)};
    const QJsonDocument gold = goldOf(QJsonArray{
        QJsonObject{{u"file"_s, u"feed.jsonl#2"_s},
                    {u"incidents"_s, QJsonArray{goldIncident({u"مصرف"_s}, u"ddos"_s, u"SA"_s, true)}}},
        QJsonObject{{u"file"_s, u"003.txt"_s},
                    {u"incidents"_s, QJsonArray{goldIncident({u"مستشفى"_s}, u"ddos"_s, u"TN"_s, true)}}},
        QJsonObject{{u"file"_s, u"feed.jsonl#3"_s},
                    {u"incidents"_s, QJsonArray{goldIncident({u"وزارة"_s}, u"ddos"_s, u"KW"_s, true)}}},
        QJsonObject{{u"file"_s, u"missing.txt"_s}, {u"incidents"_s, QJsonArray{}}}});
    const EvalReport report = evaluateArticles({first, stored, nested}, gold);
    QCOMPARE(report.goldArticles, 4);
    QCOMPARE(report.matchedArticles, 3);
    QCOMPARE(report.unmatchedArticles, QStringList{u"missing.txt"_s});
    QCOMPARE(report.incidentRecall.hit, 3);
}

void EvaluationTest::readsTheWorkspaceTables()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace;
    QVERIFY2(workspace.open(dir.filePath(u"eval.rasid"_s)), qPrintable(workspace.lastError()));
    QSqlDatabase db = workspace.database();
    QSqlQuery q(db);
    QVERIFY(q.exec(u"INSERT INTO files(id, path, status) VALUES (1, 'a.txt', 'imported')"_s));
    QVERIFY(q.exec(u"INSERT INTO articles(id, file_id, item, path, content_hash, text) "
                   "VALUES (1, 1, 0, 'a.txt', 'h1', 'نص')"_s));
    QVERIFY(q.exec(u"INSERT INTO files(id, path, status) VALUES (2, 'copy.txt', 'imported')"_s));
    QVERIFY(q.exec(u"INSERT INTO articles(id, file_id, item, path, content_hash, text, duplicate_of) "
                   "VALUES (2, 2, 0, 'copy.txt', 'h1', 'نص', 1)"_s));
    q.prepare(u"INSERT INTO entities(article_id, start, \"end\", type, text, value) VALUES (1, 0, 5, ?, ?, ?)"_s);
    q.addBindValue(u"country"_s);
    q.addBindValue(u"فرنسا"_s);
    q.addBindValue(u"FR"_s);
    QVERIFY(q.exec());
    ProposedIncident second = incident(u"وزارة الداخلية"_s, u"data_breach"_s, u"FR"_s, 0.7);
    QVERIFY(storeProposedIncidents(db, 1, {incident(u"هيئة البريد الوطنية"_s, u"ddos"_s, u"FR"_s, 0.9), second}));

    const QJsonObject goldArticle{
        {u"file"_s, u"a.txt"_s},
        {u"entities"_s, QJsonObject{{u"country"_s, QJsonArray{u"فرنسا"_s}}}},
        {u"incidents"_s, QJsonArray{goldIncident({u"البريد"_s}, u"ddos"_s, u"FR"_s, true),
                                   goldIncident({u"وزارة الداخلية"_s}, u"data_breach"_s, u"FR"_s)}}};
    QJsonObject copy = goldArticle;
    copy.insert(u"file"_s, u"copy.txt"_s);
    const EvalReport report = evaluate(workspace, goldOf(QJsonArray{goldArticle, copy}));
    QCOMPARE(report.matchedArticles, 2);
    // The duplicate holds nothing of its own, as in the CSV export.
    QCOMPARE(report.incidentRecall.hit, 2);
    QCOMPARE(report.incidentRecall.total, 4);
    QCOMPARE(report.incidentPrecision.total, 2);
    QCOMPARE(report.primaryFirst.hit, 1);
    QCOMPARE(report.entityRecall.size(), 1);
    QCOMPARE(report.entityRecall.first().count.hit, 1);
}

void EvaluationTest::formatsAReadableTable()
{
    EvalArticle article;
    article.path = u"a.txt"_s;
    article.incidents = {incident(u"وزارة"_s, u"ddos"_s, u"FR"_s)};
    const QJsonDocument gold = goldOf(QJsonArray{QJsonObject{
        {u"file"_s, u"a.txt"_s},
        {u"entities"_s, QJsonObject{{u"person"_s, QJsonArray{u"ماكرون"_s}}}},
        {u"incidents"_s, QJsonArray{goldIncident({u"البريد"_s}, u"phishing"_s, u"FR"_s, true)}}}});
    const EvalReport report = evaluateArticles({article}, gold);
    const QString brief = formatReport(report, false);
    QVERIFY(brief.contains(u"Entity recall"_s));
    QVERIFY(brief.contains(u"recall"_s));
    QVERIFY(brief.contains(u"precision"_s));
    QVERIFY(brief.contains(u"primary incidents"_s));
    QVERIFY(!brief.contains(u"Misses"_s));
    const QString verbose = formatReport(report, true);
    QVERIFY(verbose.contains(u"Misses"_s));
    QVERIFY(verbose.contains(u"entity person «ماكرون» not found"_s));
    QVERIFY(verbose.contains(u"incident missed"_s));
    QVERIFY(verbose.contains(u"proposal matches no gold incident"_s));
    QVERIFY(brief.endsWith(report.summaryLine() + u'\n'));
}

QTEST_GUILESS_MAIN(EvaluationTest)
#include "evaluation_test.moc"
