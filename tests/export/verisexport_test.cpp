#include "export/exporter.h"
#include "export/verisexport.h"
#include "export/verismapping.h"
#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Enumerations of the VERIS 1.4.0 schema (verisc-merged) that the export may write.
const QHash<QString, QStringList> &enumerations()
{
    static const QHash<QString, QStringList> values = {
        {u"security_incident"_s, {u"Confirmed"_s, u"Suspected"_s, u"Near miss"_s, u"False positive"_s}},
        {u"confidence"_s, {u"High"_s, u"Medium"_s, u"Low"_s, u"None"_s}},
        {u"action.hacking.variety"_s, {u"DoS"_s, u"Use of stolen creds"_s, u"Exploit vuln"_s, u"Unknown"_s}},
        {u"action.hacking.vector"_s, {u"Web application"_s, u"Unknown"_s}},
        {u"action.malware.variety"_s, {u"Ransomware"_s, u"Spyware/Keylogger"_s, u"Unknown"_s}},
        {u"action.malware.vector"_s, {u"Email"_s, u"Unknown"_s}},
        {u"action.social.variety"_s, {u"Phishing"_s, u"Unknown"_s}},
        {u"action.social.vector"_s, {u"Email"_s, u"Unknown"_s}},
        {u"action.social.target"_s, {u"Unknown"_s}},
        {u"actor.external.variety"_s,
         {u"Activist"_s, u"Nation-state"_s, u"Organized crime"_s, u"State-affiliated"_s, u"Unaffiliated"_s,
          u"Unknown"_s}},
        {u"actor.external.motive"_s,
         {u"Convenience"_s, u"Espionage"_s, u"Fear"_s, u"Financial"_s, u"Fun"_s, u"Grudge"_s, u"Ideology"_s, u"NA"_s,
          u"Secondary"_s, u"Other"_s, u"Unknown"_s}},
        {u"actor.internal.variety"_s, {u"Unknown"_s}},
        {u"actor.internal.motive"_s,
         {u"Convenience"_s, u"Espionage"_s, u"Fear"_s, u"Financial"_s, u"Fun"_s, u"Grudge"_s, u"Ideology"_s, u"NA"_s,
          u"Secondary"_s, u"Other"_s, u"Unknown"_s}},
        {u"attribute.confidentiality.data_disclosure"_s, {u"No"_s, u"Potentially"_s, u"Yes"_s, u"Unknown"_s}},
        {u"attribute.confidentiality.data.variety"_s,
         {u"Bank"_s, u"Classified"_s, u"Copyrighted"_s, u"Credentials"_s, u"Digital certificate"_s, u"Internal"_s,
          u"Medical"_s, u"Payment"_s, u"Personal"_s, u"Secrets"_s, u"Source code"_s, u"System"_s,
          u"Virtual currency"_s, u"Other"_s, u"Unknown"_s}},
        {u"attribute.integrity.variety"_s,
         {u"Alter behavior"_s, u"Defacement"_s, u"Modify data"_s, u"Software installation"_s, u"Unknown"_s}},
        {u"attribute.availability.variety"_s,
         {u"Destruction"_s, u"Interruption"_s, u"Loss"_s, u"Obscuration"_s, u"Unknown"_s}},
        {u"discovery_method.external.variety"_s, {u"Actor disclosure"_s, u"Unknown"_s}},
        {u"victim.government"_s, {u"Federal"_s, u"Regional"_s, u"Local"_s, u"Unknown"_s, u"Other"_s, u"NA"_s}},
        {u"victim.employee_count"_s, {u"Unknown"_s}},
        {u"asset.assets.variety"_s, {u"S - Web application"_s, u"P - Unknown"_s, u"Unknown"_s}},
        {u"asset.cloud"_s, {u"Unknown"_s}},
        {u"plus.analysis_status"_s, {u"First pass"_s, u"Reviewed"_s, u"Ineligible"_s}},
        {u"impact.overall_rating"_s, {u"Unknown"_s}},
        {u"impact.loss.variety"_s, {u"Asset and fraud"_s}},
    };
    return values;
}

// The values at a dotted path: scalars, array items, and the same key in arrays of objects.
QStringList valuesAt(const QJsonValue &root, const QString &path)
{
    QJsonValue value = root;
    const QStringList steps = path.split(u'.');
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (value.isArray()) {
            QStringList values;
            for (const QJsonValue &item : value.toArray()) {
                values += valuesAt(item, steps.mid(i).join(u'.'));
            }
            return values;
        }
        value = value.toObject().value(steps.at(i));
    }
    if (value.isArray()) {
        QStringList values;
        for (const QJsonValue &item : value.toArray()) {
            values.append(item.toVariant().toString());
        }
        return values;
    }
    return value.isUndefined() ? QStringList() : QStringList{value.toVariant().toString()};
}

// Every enumerated value the document holds must be one of VERIS's.
bool checkEnumerations(const QJsonObject &document, QString *problem)
{
    for (auto it = enumerations().cbegin(); it != enumerations().cend(); ++it) {
        for (const QString &value : valuesAt(document, it.key())) {
            if (!it->contains(value)) {
                *problem = u"%1 = %2"_s.arg(it.key(), value);
                return false;
            }
        }
    }
    return true;
}

qint64 addArticle(QSqlDatabase db, const QString &path, const QString &published, const QString &url)
{
    QSqlQuery file(db);
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    file.addBindValue(path);
    file.exec();
    QSqlQuery article(db);
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, published, source_url, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &value : {file.lastInsertId(), QVariant(path), QVariant(path), QVariant(u"عنوان"_s),
                                  QVariant(published), QVariant(url), QVariant(u"نص المقال"_s)}) {
        article.addBindValue(value);
    }
    article.exec();
    return article.lastInsertId().toLongLong();
}

using Fields = QVector<std::pair<QString, QString>>;

ProposedIncident proposal(const Fields &fields, double confidence)
{
    ProposedIncident incident;
    incident.confidence = confidence;
    for (const auto &[name, value] : fields) {
        incident.set(name, value, confidence);
    }
    return incident;
}

const QStringList &attackTypes()
{
    static const QStringList types = {u"ddos"_s,     u"data_breach"_s,      u"hack_and_leak"_s, u"ransomware"_s,
                                      u"malware"_s,  u"defacement"_s,       u"phishing"_s,      u"account_takeover"_s,
                                      u"espionage"_s, u"sabotage"_s,        u"other"_s,         u"unknown"_s};
    return types;
}

} // namespace

class VerisExportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyDocumentHasTheRequiredKeys();
    void everyValueIsAVerisEnumeration();
    void attackTypesMapToActions_data();
    void attackTypesMapToActions();
    void sectorsMapToNaics_data();
    void sectorsMapToNaics();
    void dataTypesMapToDataVarieties();
    void unexpectedValuesStillGiveTheRequiredKeys();
    void claimedBreachIsPotentiallyDisclosedByTheActor();
    void confirmedBreachIsDisclosed();
    void missingDateFallsBackToThePublishedYear();
    void partialDatesKeepWhatIsKnown();
    void insiderIsAnInternalActor();
    void espionageDefaultsItsMotive();
    void thirdPartyBreachNamesTheSecondaryVictim();
    void provenanceGoesUnderPlus();
    void idsAreStableUppercaseAndPerWorkspace();
    void folderModeWritesOneFilePerIncident();
    void singleFileMatchesGolden();
    void emptyWorkspaceWritesAnEmptyArray();
    void unwritableTargetsAreReported();

private:
    QJsonObject byAttack(const QString &attackType) const { return m_byAttack.value(attackType); }
    QJsonObject byVictim(const QString &victim) const;

    QTemporaryDir m_dir;
    Workspace m_workspace;
    QJsonArray m_documents;
    QHash<QString, QJsonObject> m_byAttack; // the documents of the one-per-attack-type article
};

void VerisExportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_workspace.open(m_dir.filePath(u"veris.rasid"_s)));
    QSqlDatabase db = m_workspace.database();

    // One incident per attack type, otherwise alike.
    const qint64 types = addArticle(db, u"a/types.txt"_s, u"2024-03-05"_s, u"https://example.org/types"_s);
    QVector<ProposedIncident> perType;
    for (const QString &type : attackTypes()) {
        perType.append(proposal({{u"victim"_s, u"ضحية "_s + type},
                                 {u"victim_sector"_s, u"government"_s},
                                 {u"victim_country"_s, u"MA"_s},
                                 {u"attack_type"_s, type},
                                 {u"actor_type"_s, u"unknown"_s},
                                 {u"incident_date"_s, u"2024-02-20"_s},
                                 {u"disclosure"_s, u"confirmed"_s},
                                 {u"evidence"_s, u"جملة الدليل عن "_s + type}},
                                0.7));
    }
    QVERIFY(storeProposedIncidents(db, types, perType));

    // Incidents that exercise single rules.
    const qint64 cases = addArticle(db, u"b/cases.txt"_s, u"2023-09-14T07:00:00Z"_s, QString());
    QVERIFY(storeProposedIncidents(
        db, cases,
        {
            proposal({{u"victim"_s, u"الصندوق الوطني للضمان الاجتماعي"_s},
                      {u"victim_sector"_s, u"finance"_s},
                      {u"victim_country"_s, u"MA"_s},
                      {u"attack_type"_s, u"hack_and_leak"_s},
                      {u"actor"_s, u"جبروت"_s},
                      {u"actor_type"_s, u"hacktivist"_s},
                      {u"actor_country"_s, u"DZ"_s},
                      {u"motive"_s, u"ideology"_s},
                      {u"records_affected"_s, u"2000000"_s},
                      {u"records_qualifier"_s, u"more_than"_s},
                      {u"data_types"_s, u"personal;contact;financial;credentials"_s},
                      {u"incident_date"_s, u"2025-04"_s},
                      {u"disclosure"_s, u"claimed"_s},
                      {u"evidence"_s, u"أعلنت مجموعة جبروت تسريب بيانات أكثر من مليوني منخرط."_s}},
                     0.85),
            proposal({{u"victim"_s, u"مستشفى الرحمة"_s},
                      {u"victim_sector"_s, u"healthcare"_s},
                      {u"victim_country"_s, u"jo"_s},
                      {u"attack_type"_s, u"data_breach"_s},
                      {u"records_affected"_s, u"4500"_s},
                      {u"data_types"_s, u"medical;identity"_s},
                      {u"disclosure"_s, u"confirmed"_s},
                      {u"evidence"_s, u"أكد المستشفى تسريب ملفات 4500 مريض."_s}},
                     0.6),
            proposal({{u"victim"_s, u"بنك الخليج"_s},
                      {u"victim_sector"_s, u"finance"_s},
                      {u"attack_type"_s, u"account_takeover"_s},
                      {u"actor"_s, u"موظف سابق"_s},
                      {u"actor_type"_s, u"insider"_s},
                      {u"actor_country"_s, u"KW"_s},
                      {u"motive"_s, u"grudge"_s},
                      {u"disclosure"_s, u"attempted"_s},
                      {u"evidence"_s, u"أحبط البنك محاولة موظف سابق الدخول إلى الحسابات."_s}},
                     0.4),
            proposal({{u"victim"_s, u"شركة الطاقة"_s},
                      {u"victim_sector"_s, u"energy"_s},
                      {u"attack_type"_s, u"espionage"_s},
                      {u"actor_type"_s, u"nation_state"_s},
                      {u"incident_date"_s, u"2022"_s},
                      {u"evidence"_s, u"استهدفت حملة تجسس شركة الطاقة."_s}},
                     0.55),
            proposal({{u"victim"_s, u"شركة الاستضافة"_s},
                      {u"victim_sector"_s, u"technology"_s},
                      {u"attack_type"_s, u"ransomware"_s},
                      {u"actor_type"_s, u"criminal"_s},
                      {u"motive"_s, u"financial"_s},
                      {u"victim_secondary"_s, u"وزارة الصحة; بلدية الرباط"_s},
                      {u"impact"_s, u"service_outage"_s},
                      {u"evidence"_s, u"شلت برمجية فدية خوادم شركة الاستضافة وزبائنها."_s}},
                     0.9),
        }));
    QSqlQuery fixed(db);
    fixed.prepare(u"UPDATE incidents SET created_at = '2025-05-01T10:00:00Z'"_s);
    QVERIFY(fixed.exec());
    QSqlQuery confirm(db);
    confirm.prepare(u"UPDATE incidents SET review_status = 'confirmed', analyst = 'salma', "
                    "reviewed_at = '2025-05-03T12:00:00Z' WHERE article_id = ? AND ordinal = 1"_s);
    confirm.addBindValue(cases);
    QVERIFY(confirm.exec());

    const QString file = m_dir.filePath(u"veris.json"_s);
    QString error;
    int rows = 0;
    QVERIFY2(exportVeris(m_workspace, file, true, {}, &error, &rows), qPrintable(error));
    QCOMPARE(rows, attackTypes().size() + 5);
    QFile json(file);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    m_documents = QJsonDocument::fromJson(json.readAll(), &parseError).array();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(m_documents.size(), rows);
    for (const QJsonValue &value : std::as_const(m_documents)) {
        const QJsonObject document = value.toObject();
        if (document.value(u"plus"_s)[u"rasid"_s][u"article"_s].toString() == u"a/types.txt") {
            m_byAttack.insert(document[u"summary"_s].toString().section(u' ', -1), document);
        }
    }
    QCOMPARE(m_byAttack.size(), attackTypes().size());
}

QJsonObject VerisExportTest::byVictim(const QString &victim) const
{
    for (const QJsonValue &value : m_documents) {
        if (value[u"victim"_s][u"victim_id"_s].toString() == victim) {
            return value.toObject();
        }
    }
    return {};
}

void VerisExportTest::everyDocumentHasTheRequiredKeys()
{
    static const QRegularExpression uuid(u"^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$"_s);
    for (const QJsonValue &value : std::as_const(m_documents)) {
        const QJsonObject document = value.toObject();
        const QString label = document[u"summary"_s].toString();
        QVERIFY2(uuid.match(document[u"incident_id"_s].toString()).hasMatch(), qPrintable(label));
        QCOMPARE(document[u"schema_version"_s].toString(), u"1.4.0"_s);
        for (const char *key : {"security_incident", "confidence", "summary", "timeline", "victim", "actor", "action",
                                "asset", "discovery_method", "plus"}) {
            QVERIFY2(document.contains(QLatin1StringView(key)), qPrintable(label + u": "_s + QLatin1StringView(key)));
        }
        QVERIFY(document[u"timeline"_s][u"incident"_s][u"year"_s].isDouble());
        const QJsonObject victim = document[u"victim"_s].toObject();
        for (const char *key : {"country", "industry", "government", "employee_count"}) {
            QVERIFY2(victim.contains(QLatin1StringView(key)), key);
        }
        QVERIFY(victim[u"country"_s].isArray());
        QVERIFY(QRegularExpression(u"^(000|(11|2[1-3]|3[1-3]|4[24589]|5[1-6]|6[1-2]|7[12]|81|92)\\d{0,4})$"_s)
                    .match(victim[u"industry"_s].toString())
                    .hasMatch());
        const QJsonObject actor = document[u"actor"_s].toObject();
        QVERIFY(actor.contains(u"external"_s) != actor.contains(u"internal"_s));
        for (const QString &side : actor.keys()) {
            QVERIFY(!actor[side][u"variety"_s].toArray().isEmpty());
            QVERIFY(!actor[side][u"motive"_s].toArray().isEmpty());
        }
        if (actor.contains(u"external"_s)) {
            QVERIFY(!actor[u"external"_s][u"country"_s].toArray().isEmpty());
        }
        QVERIFY(!document[u"asset"_s][u"assets"_s].toArray().isEmpty());
        QVERIFY(document[u"plus"_s][u"master_id"_s] == document[u"incident_id"_s]);
        QVERIFY(!document[u"plus"_s][u"created"_s].toString().isEmpty());
    }
}

void VerisExportTest::everyValueIsAVerisEnumeration()
{
    for (const QJsonValue &value : std::as_const(m_documents)) {
        QString problem;
        QVERIFY2(checkEnumerations(value.toObject(), &problem), qPrintable(problem));
    }
}

void VerisExportTest::attackTypesMapToActions_data()
{
    QTest::addColumn<QString>("attackType");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("variety");
    QTest::addColumn<QString>("vector");
    QTest::addColumn<QString>("attributePath"); // "" when the attack implies no attribute
    QTest::addColumn<QString>("attributeValue");
    QTest::newRow("ddos") << u"ddos"_s << u"hacking"_s << u"DoS"_s << u"Web application"_s
                          << u"availability.variety"_s << u"Interruption"_s;
    QTest::newRow("data breach") << u"data_breach"_s << u"hacking"_s << u"Unknown"_s << u"Unknown"_s
                                 << u"confidentiality.data_disclosure"_s << u"Yes"_s;
    QTest::newRow("hack and leak") << u"hack_and_leak"_s << u"hacking"_s << u"Unknown"_s << u"Unknown"_s
                                   << u"confidentiality.data_disclosure"_s << u"Yes"_s;
    QTest::newRow("ransomware") << u"ransomware"_s << u"malware"_s << u"Ransomware"_s << u"Unknown"_s
                                << u"availability.variety"_s << u"Obscuration"_s;
    QTest::newRow("malware") << u"malware"_s << u"malware"_s << u"Unknown"_s << u"Unknown"_s
                             << u"integrity.variety"_s << u"Software installation"_s;
    QTest::newRow("defacement") << u"defacement"_s << u"hacking"_s << u"Unknown"_s << u"Web application"_s
                                << u"integrity.variety"_s << u"Defacement"_s;
    QTest::newRow("phishing") << u"phishing"_s << u"social"_s << u"Phishing"_s << u"Email"_s
                              << u"integrity.variety"_s << u"Alter behavior"_s;
    QTest::newRow("account takeover") << u"account_takeover"_s << u"hacking"_s << u"Use of stolen creds"_s
                                      << u"Unknown"_s << QString() << QString();
    QTest::newRow("espionage") << u"espionage"_s << u"hacking"_s << u"Unknown"_s << u"Unknown"_s
                               << u"confidentiality.data_disclosure"_s << u"Yes"_s;
    QTest::newRow("sabotage") << u"sabotage"_s << u"hacking"_s << u"Unknown"_s << u"Unknown"_s
                              << u"availability.variety"_s << u"Interruption"_s;
    QTest::newRow("other") << u"other"_s << u"unknown"_s << QString() << QString() << QString() << QString();
    QTest::newRow("unknown") << u"unknown"_s << u"unknown"_s << QString() << QString() << QString() << QString();
}

void VerisExportTest::attackTypesMapToActions()
{
    QFETCH(QString, attackType);
    QFETCH(QString, category);
    QFETCH(QString, variety);
    QFETCH(QString, vector);
    QFETCH(QString, attributePath);
    QFETCH(QString, attributeValue);
    const QJsonObject document = byAttack(attackType);
    QVERIFY(!document.isEmpty());
    const QJsonObject action = document[u"action"_s].toObject();
    QCOMPARE(action.keys(), QStringList{category});
    if (variety.isEmpty()) {
        QVERIFY(!action[category][u"notes"_s].toString().isEmpty());
    } else {
        QCOMPARE(valuesAt(action, category + u".variety"_s), QStringList{variety});
        QCOMPARE(valuesAt(action, category + u".vector"_s), QStringList{vector});
    }
    if (attributePath.isEmpty()) {
        QVERIFY(!document.contains(u"attribute"_s));
    } else {
        QVERIFY2(valuesAt(document[u"attribute"_s], attributePath).contains(attributeValue),
                 QJsonDocument(document[u"attribute"_s].toObject()).toJson().constData());
    }
    QCOMPARE(document[u"security_incident"_s].toString(), u"Confirmed"_s);
    QCOMPARE(document[u"confidence"_s].toString(), u"Medium"_s);
    QCOMPARE(valuesAt(document, u"victim.country"_s), QStringList{u"MA"_s});
    QCOMPARE(valuesAt(document, u"actor.external.variety"_s), QStringList{u"Unknown"_s});
    QCOMPARE(document[u"timeline"_s][u"incident"_s].toObject(),
             (QJsonObject{{u"year"_s, 2024}, {u"month"_s, 2}, {u"day"_s, 20}}));
    QCOMPARE(document[u"reference"_s].toString(), u"https://example.org/types"_s);
    QCOMPARE(document[u"discovery_method"_s].toObject(), (QJsonObject{{u"unknown"_s, true}}));
}

void VerisExportTest::sectorsMapToNaics_data()
{
    QTest::addColumn<QString>("sector");
    QTest::addColumn<QString>("naics");
    QTest::addColumn<QString>("government");
    QTest::newRow("government") << u"government"_s << u"92"_s << u"Unknown"_s;
    QTest::newRow("healthcare") << u"healthcare"_s << u"62"_s << u"NA"_s;
    QTest::newRow("finance") << u"finance"_s << u"52"_s << u"NA"_s;
    QTest::newRow("postal and logistics") << u"postal_logistics"_s << u"49"_s << u"NA"_s;
    QTest::newRow("transport") << u"transport"_s << u"48"_s << u"NA"_s;
    QTest::newRow("energy") << u"energy"_s << u"22"_s << u"NA"_s;
    QTest::newRow("telecom") << u"telecom"_s << u"517"_s << u"NA"_s;
    QTest::newRow("education") << u"education"_s << u"61"_s << u"NA"_s;
    QTest::newRow("politics") << u"politics"_s << u"813940"_s << u"NA"_s;
    QTest::newRow("media") << u"media"_s << u"51"_s << u"NA"_s;
    QTest::newRow("retail") << u"retail"_s << u"44"_s << u"NA"_s;
    QTest::newRow("technology") << u"technology"_s << u"5415"_s << u"NA"_s;
    QTest::newRow("defense") << u"defense"_s << u"92"_s << u"Unknown"_s;
    QTest::newRow("other") << u"other"_s << u"000"_s << u"NA"_s;
    QTest::newRow("unknown") << u"unknown"_s << u"000"_s << u"NA"_s;
    QTest::newRow("not coded") << QString() << u"000"_s << u"NA"_s;
}

void VerisExportTest::sectorsMapToNaics()
{
    QFETCH(QString, sector);
    QFETCH(QString, naics);
    QFETCH(QString, government);
    IncidentRow row;
    row.incidentId = 7;
    for (const QString &column : csvColumns()) {
        row.cells.append(column == u"victim_sector" ? sector : QString());
    }
    const QJsonObject document = verisDocument(row, {}, u"/tmp/sectors.rasid"_s);
    QCOMPARE(document[u"victim"_s][u"industry"_s].toString(), naics);
    QCOMPARE(valuesAt(document, u"victim.government"_s), QStringList{government});
    QString problem;
    QVERIFY2(checkEnumerations(document, &problem), qPrintable(problem));
}

void VerisExportTest::dataTypesMapToDataVarieties()
{
    QCOMPARE(valuesAt(byVictim(u"الصندوق الوطني للضمان الاجتماعي"_s), u"attribute.confidentiality.data.variety"_s),
             (QStringList{u"Personal"_s, u"Bank"_s, u"Credentials"_s}));
    QCOMPARE(valuesAt(byVictim(u"مستشفى الرحمة"_s), u"attribute.confidentiality.data.variety"_s),
             (QStringList{u"Personal"_s, u"Medical"_s})); // table order
    QCOMPARE(valuesAt(byAttack(u"data_breach"_s), u"attribute.confidentiality.data.variety"_s),
             QStringList{u"Unknown"_s});
}

void VerisExportTest::unexpectedValuesStillGiveTheRequiredKeys()
{
    // Values outside DESIGN.md's lists (a typo, an older workspace) fall back to VERIS's Unknown.
    IncidentRow row;
    row.incidentId = 9;
    const QHash<QString, QString> values = {
        {u"attack_type"_s, u"wiper"_s},   {u"actor_type"_s, u"mercenary"_s},  {u"motive"_s, u"politics"_s},
        {u"disclosure"_s, u"rumour"_s},   {u"victim_sector"_s, u"farming"_s}, {u"data_types"_s, u"biometric"_s},
        {u"review_status"_s, u"odd"_s},   {u"victim_country"_s, u"Morocco"_s},
    };
    for (const QString &column : csvColumns()) {
        row.cells.append(values.value(column));
    }
    const QJsonObject document = verisDocument(row, {}, u"/tmp/odd.rasid"_s);
    QCOMPARE(document[u"security_incident"_s].toString(), u"Suspected"_s);
    QCOMPARE(document[u"discovery_method"_s].toObject(), (QJsonObject{{u"unknown"_s, true}}));
    QCOMPARE(document[u"action"_s][u"unknown"_s][u"notes"_s].toString(), u"The attack type was not coded."_s);
    QCOMPARE(valuesAt(document, u"actor.external.variety"_s), QStringList{u"Unknown"_s});
    QCOMPARE(valuesAt(document, u"actor.external.motive"_s), QStringList{u"Unknown"_s});
    QCOMPARE(valuesAt(document, u"victim.country"_s), QStringList{u"Unknown"_s});
    QCOMPARE(document[u"victim"_s][u"industry"_s].toString(), u"000"_s);
    QVERIFY(!document.contains(u"attribute"_s));
    QString problem;
    QVERIFY2(checkEnumerations(document, &problem), qPrintable(problem));
}

void VerisExportTest::claimedBreachIsPotentiallyDisclosedByTheActor()
{
    const QJsonObject document = byVictim(u"الصندوق الوطني للضمان الاجتماعي"_s);
    QCOMPARE(document[u"security_incident"_s].toString(), u"Suspected"_s);
    const QJsonObject confidentiality = document[u"attribute"_s][u"confidentiality"_s].toObject();
    QCOMPARE(confidentiality[u"data_disclosure"_s].toString(), u"Potentially"_s);
    QCOMPARE(confidentiality[u"data_total"_s].toInteger(), 2000000);
    QCOMPARE(valuesAt(document, u"discovery_method.external.variety"_s), QStringList{u"Actor disclosure"_s});
    const QString notes = document[u"plus"_s][u"analyst_notes"_s].toString();
    QVERIFY2(notes.contains(u"attacker's claim"_s), qPrintable(notes));
    QVERIFY2(notes.contains(u"more_than"_s), qPrintable(notes));
    QCOMPARE(valuesAt(document, u"actor.external.variety"_s), QStringList{u"Activist"_s});
    QCOMPARE(valuesAt(document, u"actor.external.name"_s), QStringList{u"جبروت"_s});
    QCOMPARE(valuesAt(document, u"actor.external.country"_s), QStringList{u"DZ"_s});
    QCOMPARE(valuesAt(document, u"actor.external.motive"_s), QStringList{u"Ideology"_s});
    QCOMPARE(document[u"confidence"_s].toString(), u"High"_s);
    QVERIFY(!document.contains(u"reference"_s)); // no source URL
}

void VerisExportTest::confirmedBreachIsDisclosed()
{
    const QJsonObject document = byVictim(u"مستشفى الرحمة"_s);
    QCOMPARE(document[u"security_incident"_s].toString(), u"Confirmed"_s);
    QCOMPARE(document[u"attribute"_s][u"confidentiality"_s][u"data_disclosure"_s].toString(), u"Yes"_s);
    QCOMPARE(document[u"attribute"_s][u"confidentiality"_s][u"data_total"_s].toInteger(), 4500);
    QCOMPARE(valuesAt(document, u"victim.country"_s), QStringList{u"JO"_s});
    QCOMPARE(document[u"plus"_s][u"analysis_status"_s].toString(), u"Reviewed"_s);
    QCOMPARE(document[u"plus"_s][u"analyst"_s].toString(), u"salma"_s);
    QCOMPARE(document[u"plus"_s][u"modified"_s].toString(), u"2025-05-03T12:00:00Z"_s);
    QCOMPARE(document[u"confidence"_s].toString(), u"High"_s); // confirmed rows count as certain
    QCOMPARE(valuesAt(document, u"victim.country"_s), QStringList{u"JO"_s});
    // An unknown actor still gets an external actor of unknown variety, motive and country.
    QCOMPARE(valuesAt(document, u"actor.external.country"_s), QStringList{u"Unknown"_s});
    QCOMPARE(valuesAt(document, u"actor.external.motive"_s), QStringList{u"Unknown"_s});
}

void VerisExportTest::missingDateFallsBackToThePublishedYear()
{
    const QJsonObject document = byVictim(u"مستشفى الرحمة"_s);
    QCOMPARE(document[u"timeline"_s][u"incident"_s].toObject(), (QJsonObject{{u"year"_s, 2023}}));
    const QString notes = document[u"plus"_s][u"analyst_notes"_s].toString();
    QVERIFY2(notes.contains(u"published (2023)"_s), qPrintable(notes));
}

void VerisExportTest::partialDatesKeepWhatIsKnown()
{
    QCOMPARE(byVictim(u"الصندوق الوطني للضمان الاجتماعي"_s)[u"timeline"_s][u"incident"_s].toObject(),
             (QJsonObject{{u"year"_s, 2025}, {u"month"_s, 4}}));
    QCOMPARE(byVictim(u"شركة الطاقة"_s)[u"timeline"_s][u"incident"_s].toObject(), (QJsonObject{{u"year"_s, 2022}}));
}

void VerisExportTest::insiderIsAnInternalActor()
{
    const QJsonObject document = byVictim(u"بنك الخليج"_s);
    const QJsonObject actor = document[u"actor"_s].toObject();
    QCOMPARE(actor.keys(), QStringList{u"internal"_s});
    QCOMPARE(valuesAt(actor, u"internal.variety"_s), QStringList{u"Unknown"_s});
    QCOMPARE(valuesAt(actor, u"internal.motive"_s), QStringList{u"Grudge"_s});
    QCOMPARE(actor[u"internal"_s][u"notes"_s].toString(), u"موظف سابق"_s);
    QCOMPARE(document[u"security_incident"_s].toString(), u"Near miss"_s);
    QCOMPARE(document[u"confidence"_s].toString(), u"Low"_s);
    QCOMPARE(valuesAt(document, u"action.hacking.variety"_s), QStringList{u"Use of stolen creds"_s});
}

void VerisExportTest::espionageDefaultsItsMotive()
{
    const QJsonObject document = byVictim(u"شركة الطاقة"_s);
    QCOMPARE(valuesAt(document, u"actor.external.variety"_s), QStringList{u"Nation-state"_s});
    QCOMPARE(valuesAt(document, u"actor.external.motive"_s), QStringList{u"Espionage"_s});
    QCOMPARE(document[u"victim"_s][u"industry"_s].toString(), u"22"_s);
    QCOMPARE(document[u"attribute"_s][u"confidentiality"_s][u"data_disclosure"_s].toString(), u"Unknown"_s);
    QCOMPARE(document[u"security_incident"_s].toString(), u"Suspected"_s);
}

void VerisExportTest::thirdPartyBreachNamesTheSecondaryVictim()
{
    const QJsonObject document = byVictim(u"شركة الاستضافة"_s);
    QCOMPARE(document[u"victim"_s][u"secondary"_s].toObject(),
             (QJsonObject{{u"victim_id"_s, QJsonArray{u"وزارة الصحة"_s, u"بلدية الرباط"_s}}, {u"amount"_s, 2}}));
    QCOMPARE(valuesAt(document, u"attribute.availability.variety"_s),
             (QStringList{u"Obscuration"_s, u"Interruption"_s}));
    QCOMPARE(valuesAt(document, u"actor.external.variety"_s), QStringList{u"Organized crime"_s});
    QCOMPARE(valuesAt(document, u"actor.external.motive"_s), QStringList{u"Financial"_s});
    QVERIFY(byVictim(u"مستشفى الرحمة"_s)[u"victim"_s][u"secondary"_s].isUndefined());
}

void VerisExportTest::provenanceGoesUnderPlus()
{
    const QJsonObject plus = byVictim(u"الصندوق الوطني للضمان الاجتماعي"_s)[u"plus"_s].toObject();
    QCOMPARE(plus[u"analysis_status"_s].toString(), u"First pass"_s);
    QCOMPARE(plus[u"analyst"_s].toString(), u"rasid"_s);
    QCOMPARE(plus[u"created"_s].toString(), u"2025-05-01T10:00:00Z"_s);
    QCOMPARE(plus[u"modified"_s].toString(), u"2025-05-01T10:00:00Z"_s);
    const QJsonObject rasid = plus[u"rasid"_s].toObject();
    QCOMPARE(rasid[u"article"_s].toString(), u"b/cases.txt"_s);
    QCOMPARE(rasid[u"review_status"_s].toString(), u"suggested"_s);
    QVERIFY(rasid[u"incident_id"_s].isDouble());
    QCOMPARE(rasid[u"field_origins"_s][u"victim"_s].toString(), u"suggested"_s);
    QCOMPARE(rasid[u"field_origins"_s].toObject().size(), 14);
}

void VerisExportTest::idsAreStableUppercaseAndPerWorkspace()
{
    const QString first = verisIncidentId(m_dir.filePath(u"veris.rasid"_s), 3);
    QCOMPARE(verisIncidentId(m_dir.filePath(u"veris.rasid"_s), 3), first);
    QCOMPARE(verisIncidentId(m_dir.path() + u"/./veris.rasid"_s, 3), first);
    QVERIFY(verisIncidentId(m_dir.filePath(u"veris.rasid"_s), 4) != first);
    QVERIFY(verisIncidentId(m_dir.filePath(u"other.rasid"_s), 3) != first);
    QCOMPARE(first, first.toUpper());
    QCOMPARE(first.size(), 36);
}

void VerisExportTest::folderModeWritesOneFilePerIncident()
{
    const QString folder = m_dir.filePath(u"veris-folder/nested"_s);
    QString error;
    int rows = 0;
    QVERIFY2(exportVeris(m_workspace, folder, false, {}, &error, &rows), qPrintable(error));
    const QStringList files = QDir(folder).entryList({u"*.json"_s}, QDir::Files);
    QCOMPARE(files.size(), rows);
    QCOMPARE(rows, int(m_documents.size()));
    for (const QString &name : files) {
        QFile file(QDir(folder).filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(document[u"incident_id"_s].toString() + u".json"_s, name);
    }
}

void VerisExportTest::singleFileMatchesGolden()
{
    // Ids hash the workspace path, which is temporary here: mask them.
    QFile file(m_dir.filePath(u"veris.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QRegularExpression(u"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"_s),
                 u"00000000-0000-0000-0000-000000000000"_s);
    const QByteArray actual = text.toUtf8();
    QFile golden(QStringLiteral(RASID_TEST_DATA_DIR) + u"/export/veris.json"_s);
    if (qEnvironmentVariableIntValue("RASID_UPDATE_GOLDEN") == 1) {
        QVERIFY(golden.open(QIODevice::WriteOnly));
        golden.write(actual);
        return;
    }
    QVERIFY2(golden.open(QIODevice::ReadOnly), "missing golden file (run with RASID_UPDATE_GOLDEN=1)");
    const QByteArray expected = golden.readAll();
    if (expected != actual) {
        qsizetype at = 0;
        while (at < qMin(expected.size(), actual.size()) && expected.at(at) == actual.at(at)) {
            ++at;
        }
        QFAIL(qPrintable(u"differs at byte %1: %2"_s.arg(at).arg(QString::fromUtf8(actual.mid(at, 80)))));
    }
}

void VerisExportTest::emptyWorkspaceWritesAnEmptyArray()
{
    QTemporaryDir dir;
    Workspace empty;
    QVERIFY(empty.open(dir.filePath(u"empty.rasid"_s)));
    QString error;
    int rows = -1;
    QVERIFY2(exportVeris(empty, dir.filePath(u"out.json"_s), true, {}, &error, &rows), qPrintable(error));
    QCOMPARE(rows, 0);
    QFile file(dir.filePath(u"out.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).array(), QJsonArray());
}

void VerisExportTest::unwritableTargetsAreReported()
{
    // A folder where a file is expected, and a file where a folder is expected.
    QString error;
    QVERIFY(!exportVeris(m_workspace, m_dir.path(), true, {}, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!exportVeris(m_workspace, m_dir.filePath(u"veris.json"_s), false, {}, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(VerisExportTest)
#include "verisexport_test.moc"
