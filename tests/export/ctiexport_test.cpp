// The exports that CTI platforms read: VERIS 1.4.0, STIX 2.1 and MISP. Each
// export of a fixture with every attack type, actor type and sector, of the
// bundled samples and of ../shared/seeds (when present) is validated against
// the official schemas in ../shared/schemas by tests/export/validate_cti.py
// (python3-jsonschema), and the STIX bundle, read back, gives the CSV export's
// victims, actors, attack types and counts.

#include "csvreader.h"
#include "export/ctimapping.h"
#include "export/exporter.h"
#include "export/exportformats.h"
#include "export/mispexport.h"
#include "export/stixexport.h"
#include "export/verisexport.h"
#include "extract/incident.h"
#include "extract/vocabulary.h"
#include "store/importer.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString kSchemas = QStringLiteral(RASID_SHARED_DIR "/schemas");
const QString kValidator = QStringLiteral(RASID_TEST_DATA_DIR "/../export/validate_cti.py");

// Debian's interpreter first: the validator is meant to run with Debian's
// python3-jsonschema (RASID_PYTHON overrides).
QString python()
{
    if (const QString chosen = qEnvironmentVariable("RASID_PYTHON"); !chosen.isEmpty()) {
        return chosen;
    }
    const QString debian = QStandardPaths::findExecutable(u"python3"_s, {u"/usr/bin"_s});
    return debian.isEmpty() ? QStandardPaths::findExecutable(u"python3"_s) : debian;
}

// Runs the validator; returns its report, empty when every file is valid.
QString schemaErrors(const QString &kind, const QStringList &files)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python(), QStringList{kValidator, kSchemas, kind} + files);
    if (!process.waitForFinished(240000)) {
        return u"the validator did not finish: "_s + process.errorString();
    }
    const QString output = QString::fromUtf8(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return output.isEmpty() ? u"the validator failed to run"_s : output;
    }
    return {};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 addArticle(QSqlDatabase db, const QString &path, const QString &title, const QString &published,
                  const QString &url)
{
    QSqlQuery file(db);
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    file.addBindValue(path);
    file.exec();
    QSqlQuery article(db);
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, outlet, published, source_url, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &value : {file.lastInsertId(), QVariant(path), QVariant(path), QVariant(title),
                                  QVariant(u"هسبريس"_s), QVariant(published), QVariant(url),
                                  QVariant(u"نص المقال"_s)}) {
        article.addBindValue(value);
    }
    article.exec();
    return article.lastInsertId().toLongLong();
}

// A cell of a list: every value of an enumeration appears once the index has
// gone round the longest list.
QString cycle(const QString &field, int i)
{
    const QStringList values = allowedFieldValues(field);
    return values.isEmpty() ? QString() : values.at(i % values.size());
}


// Every incident of a workspace, whatever its review status.
int incidentCount(const Workspace &workspace)
{
    int count = 0;
    QString error;
    forEachIncidentRow(workspace, StatusFilter::All, [&count](const IncidentRow &) { return ++count > 0; }, &error);
    return count;
}

// What the round trip compares, per incident id.
struct Coded
{
    QString victim, actor, attackType;
    QString records;
    friend bool operator==(const Coded &a, const Coded &b)
    {
        return a.victim == b.victim && a.actor == b.actor && a.attackType == b.attackType && a.records == b.records;
    }
};

QString describe(const Coded &coded)
{
    return u"victim=%1 actor=%2 attack=%3 records=%4"_s.arg(coded.victim, coded.actor, coded.attackType,
                                                              coded.records);
}

std::map<qint64, Coded> codedFromCsv(const QByteArray &csv)
{
    std::map<qint64, Coded> coded;
    const QVector<QStringList> rows = TestCsv::parseCsv(QString::fromUtf8(csv));
    const QStringList header = rows.value(0);
    const auto column = [&](const QStringList &row, const char *name) {
        return row.value(int(header.indexOf(QLatin1StringView(name)))).trimmed();
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &row = rows.at(i);
        coded[column(row, "incident_id").toLongLong()] = {column(row, "victim"), column(row, "actor"),
                                                          column(row, "attack_type"),
                                                          column(row, "records_affected")};
    }
    return coded;
}

// The same, read back from a STIX bundle: the victim is the identity the
// incident targets, the actor the threat actor or intrusion set it is
// attributed to, the attack type its label, the count Rasid's extension's.
std::map<qint64, Coded> codedFromStix(const QJsonObject &bundle)
{
    QHash<QString, QJsonObject> byId;
    const QJsonArray objects = bundle.value(u"objects"_s).toArray();
    for (const QJsonValue &value : objects) {
        byId.insert(value[u"id"_s].toString(), value.toObject());
    }
    QHash<QString, QString> victimOf;
    QHash<QString, QString> actorOf;
    for (const QJsonValue &value : objects) {
        if (value[u"type"_s] != u"relationship"_s) {
            continue;
        }
        const QString source = value[u"source_ref"_s].toString();
        const QJsonObject target = byId.value(value[u"target_ref"_s].toString());
        if (!source.startsWith(u"incident--")) {
            continue;
        }
        if (value[u"relationship_type"_s] == u"targets"_s && target[u"type"_s] == u"identity"_s) {
            victimOf.insert(source, target[u"name"_s].toString());
        } else if (value[u"relationship_type"_s] == u"attributed-to"_s) {
            actorOf.insert(source, target[u"name"_s].toString());
        }
    }
    std::map<qint64, Coded> coded;
    for (const QJsonValue &value : objects) {
        if (value[u"type"_s] != u"incident"_s) {
            continue;
        }
        const QString id = value[u"id"_s].toString();
        const QJsonObject ext = value[u"extensions"_s][stixRasidExtensionId()].toObject();
        const QJsonValue records = ext.value(u"records_affected"_s);
        coded[ext.value(u"rasid_incident_id"_s).toInteger()] = {
            victimOf.value(id), actorOf.value(id), value[u"labels"_s][0].toString(),
            records.isUndefined() ? QString() : QString::number(records.toInteger())};
    }
    return coded;
}

} // namespace

class CtiExportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void validatesAgainstTheSchemas_data();
    void validatesAgainstTheSchemas();
    void validatorFindsErrors_data();
    void validatorFindsErrors();
    void stixRoundTripMatchesTheCsv_data();
    void stixRoundTripMatchesTheCsv();
    void stixObjectsCarryTheCoding();
    void stixIdsAreDeterministic();
    void stixSharedObjectsAreWrittenOnce();
    void mispEventsCarryTaxonomiesAndGalaxies();
    void mispReviewGivesThreatLevelAndAnalysis();
    void mispFolderWritesOneEventPerArticle();
    void statusFilterApplies();
    void commandLineWritesStixAndMisp();
    void unwritableTargetsAreReported();
    void failedExportKeepsThePreviousFile_data();
    void failedExportKeepsThePreviousFile();

private:
    // A workspace of the suite: the fixture, the samples, the seeds.
    struct Set
    {
        std::unique_ptr<Workspace> workspace;
        QString skip; // why the set is not there
    };
    const Set &set(const QString &name) const { return m_sets.at(name); }
    QString exportTo(const QString &setName, const QString &format, bool singleFile = true);
    QJsonObject stixOf(const QString &setName);

    QTemporaryDir m_dir;
    std::map<QString, Set> m_sets;
    int m_fixtureIncidents = 0;
};

void CtiExportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());

    // The fixture: every value of every enumeration (attack type, actor type,
    // sector, motive, disclosure, impact, data types, qualifier) over three
    // articles, with Arabic and Latin names and malware named in the evidence.
    auto fixture = std::make_unique<Workspace>();
    QVERIFY(fixture->open(m_dir.filePath(u"fixture.rasid"_s)));
    QSqlDatabase db = fixture->database();
    const qint64 articles[3] = {
        addArticle(db, u"a/one.txt"_s, u"اختراق وزارة \"الصحة\"، والبيانات للبيع"_s, u"2024-03-05"_s,
                   u"https://www.example.ma/مقالات/اختراق-الوزارة?id=5"_s),
        addArticle(db, u"a/two.txt"_s, QString(), u"2023"_s, QString()),
        addArticle(db, u"a/three.txt"_s, u"هجمات على البنوك"_s, QString(), u"http://news.example.org/a/3"_s),
    };
    int longest = 0;
    for (const QString &field : {u"attack_type"_s, u"actor_type"_s, u"victim_sector"_s, u"motive"_s,
                                 u"disclosure"_s, u"impact"_s, u"data_types"_s, u"records_qualifier"_s}) {
        longest = std::max(longest, int(allowedFieldValues(field).size()));
    }
    QVERIFY(longest >= 12);
    // The first seven incidents name seven actors, one of each actor type; the
    // later ones name them again, so that shared objects are shared.
    const QStringList actors = {u"LockBit"_s,  u"جبروت"_s,  u"APT28"_s, u"Anonymous Sudan"_s,
                                u"موظف سابق"_s, u"Kr4ken"_s, u"مجهولون"_s};
    const QStringList evidence = {u"أعلنت عصابة LockBit تشفير خوادم الشركة."_s,
                                  u"استُخدم برنامج بيغاسوس للتجسس على الهواتف."_s,
                                  u"تسربت بيانات العملاء بعد الاختراق."_s, QString()};
    const QStringList countries = {u"MA"_s, u"dz"_s, u"SA"_s, u""_s, u"XX1"_s};
    for (int i = 0; i < longest + 3; ++i) {
        ProposedIncident incident;
        incident.confidence = (i % 10) / 10.0 + 0.05;
        const auto set = [&](const QString &name, const QString &value) {
            if (!value.isEmpty()) {
                incident.set(name, value, incident.confidence);
            }
        };
        // One victim per sector, then victims named again, and one incident without a victim.
        set(u"victim"_s, i == longest + 1 ? QString() : u"ضحية رقم %1"_s.arg(i < longest ? i : 3 * (i % 5))); // article a/one.txt, exported first
        set(u"victim_sector"_s, cycle(u"victim_sector"_s, i));
        set(u"victim_country"_s, countries.at(i % countries.size()));
        set(u"attack_type"_s, i == longest ? QString() : cycle(u"attack_type"_s, i));
        set(u"actor"_s, i % 8 == 7 ? QString() : actors.at(i % actors.size()));
        set(u"actor_type"_s, cycle(u"actor_type"_s, i));
        set(u"actor_country"_s, countries.at((i + 2) % countries.size()));
        set(u"motive"_s, cycle(u"motive"_s, i));
        set(u"records_affected"_s, i % 3 == 0 ? QString::number(1000 * (i + 1)) : QString());
        set(u"records_qualifier"_s, i % 3 == 0 ? cycle(u"records_qualifier"_s, i) : QString());
        set(u"data_types"_s, cycle(u"data_types"_s, i) + u';' + cycle(u"data_types"_s, i + 3));
        set(u"incident_date"_s, QStringList{u"2024-02-20"_s, u"2024-02"_s, u"2023"_s, QString()}.at(i % 4));
        set(u"disclosure"_s, cycle(u"disclosure"_s, i));
        set(u"impact"_s, cycle(u"impact"_s, i));
        set(u"evidence"_s, evidence.at(i % evidence.size()));
        set(u"victim_secondary"_s, i % 5 == 4 ? u"بلدية الرباط; شركة التأمين"_s : QString());
        QVERIFY(storeProposedIncidents(db, articles[i % 3], {incident}));
        ++m_fixtureIncidents;
    }
    // And an incident with nothing coded at all.
    ProposedIncident bare;
    bare.confidence = 0.5;
    QVERIFY(storeProposedIncidents(db, articles[1], {bare}));
    ++m_fixtureIncidents;
    QSqlQuery review(db);
    QVERIFY(review.exec(u"UPDATE incidents SET created_at = '2025-05-01T10:00:00Z'"_s));
    QVERIFY(review.exec(u"UPDATE incidents SET review_status = 'confirmed', analyst = 'salma', "
                        "reviewed_at = '2025-05-03T12:00:00Z' WHERE id % 2 = 0"_s));
    QVERIFY(review.exec(u"UPDATE incidents SET review_status = 'rejected', analyst = 'salma', "
                        "reviewed_at = '2025-05-04T08:30:00Z' WHERE id % 5 = 0 AND id % 2 <> 0"_s));
    m_sets[u"fixture"_s].workspace = std::move(fixture);

    // The bundled samples and the shared seeds, imported with extraction.
    for (const auto &[name, folder] : {std::pair{u"samples"_s, QStringLiteral(RASID_SAMPLES_DIR)},
                                       std::pair{u"seeds"_s, QStringLiteral(RASID_SHARED_DIR "/seeds")}}) {
        Set &entry = m_sets[name];
        if (!QDir(folder).exists()) {
            entry.skip = folder + u" is not there"_s;
            continue;
        }
        entry.workspace = std::make_unique<Workspace>();
        QVERIFY(entry.workspace->open(m_dir.filePath(name + u".rasid"_s)));
        Importer importer;
        ImportOptions options;
        options.folder = folder;
        options.threads = 2;
        const ImportSummary summary = importer.run(*entry.workspace, options);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QVERIFY(entry.workspace->stats().incidents > 0);
    }
}

QString CtiExportTest::exportTo(const QString &setName, const QString &format, bool singleFile)
{
    const ExportFormatSpec *spec = exportFormatById(format);
    const QString path = m_dir.filePath(setName + u'.' + format + (singleFile ? u".json"_s : u".d"_s));
    ExportOptions options;
    options.status = StatusFilter::All;
    QString error;
    int rows = -1;
    if (!spec || !writeExport(*spec, *set(setName).workspace, path, singleFile, options, &error, &rows)) {
        qWarning("export %s %s failed: %s", qPrintable(setName), qPrintable(format), qPrintable(error));
        return {};
    }
    if (rows != incidentCount(*set(setName).workspace)) {
        qWarning("export %s %s wrote %d incidents", qPrintable(setName), qPrintable(format), rows);
        return {};
    }
    return path;
}

QJsonObject CtiExportTest::stixOf(const QString &setName)
{
    return QJsonDocument::fromJson(readAll(exportTo(setName, u"stix"_s))).object();
}

void CtiExportTest::validatesAgainstTheSchemas_data()
{
    QTest::addColumn<QString>("setName");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("singleFile");
    for (const QString &name : {u"fixture"_s, u"samples"_s, u"seeds"_s}) {
        for (const QString &format : {u"veris"_s, u"stix"_s, u"misp"_s}) {
            QTest::addRow("%s %s", qPrintable(name), qPrintable(format)) << name << format << true;
        }
    }
    QTest::newRow("fixture veris folder") << u"fixture"_s << u"veris"_s << false;
    QTest::newRow("fixture misp folder") << u"fixture"_s << u"misp"_s << false;
}

void CtiExportTest::validatesAgainstTheSchemas()
{
    QFETCH(QString, setName);
    QFETCH(QString, format);
    QFETCH(bool, singleFile);
    if (!QDir(kSchemas).exists()) {
        QSKIP("../shared/schemas is not there");
    }
    if (!set(setName).skip.isEmpty()) {
        QSKIP(qPrintable(set(setName).skip));
    }
    const QString path = exportTo(setName, format, singleFile);
    QVERIFY(!path.isEmpty());
    QStringList files{path};
    if (!singleFile) {
        files.clear();
        for (const QString &name : QDir(path).entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
            files.append(QDir(path).filePath(name));
        }
        QVERIFY(!files.isEmpty());
    }
    const QString errors = schemaErrors(format, files);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.left(4000)));
}

// The validator is not a test that cannot fail: documents that break the
// schemas or the MISP rules are refused.
void CtiExportTest::validatorFindsErrors_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected");
    QTest::newRow("VERIS 1.3 action.Unknown")
        << u"veris"_s
        << QByteArray(R"({"schema_version":"1.4.0","incident_id":"x","security_incident":"Confirmed","summary":"s",)"
                      R"("action":{"Unknown":{}},"actor":{"external":{"variety":["Unknown"],"motive":["Unknown"],)"
                      R"("region":["000000"]}},"asset":{"assets":[{"variety":"Unknown"}],"cloud":["Unknown"]},)"
                      R"("discovery_method":{"unknown":true},"timeline":{"incident":{"year":2024}}})")
        << u"'Unknown' was unexpected"_s;
    QTest::newRow("VERIS old version")
        << u"veris"_s << QByteArray(R"({"schema_version":"1.3.7"})") << u"not 1.4.0"_s;
    QTest::newRow("STIX id not a UUID")
        << u"stix"_s
        << QByteArray(R"({"type":"bundle","id":"bundle--1","objects":[{"type":"incident","spec_version":"2.1",)"
                      R"("id":"incident--1","created":"2024-01-01T00:00:00.000Z",)"
                      R"("modified":"2024-01-01T00:00:00.000Z","name":"x"}]})")
        << u"does not match"_s;
    QTest::newRow("STIX report without published")
        << u"stix"_s
        << QByteArray(R"({"type":"bundle","id":"bundle--6ba7b810-9dad-51d1-80b4-00c04fd430c8","objects":[)"
                      R"({"type":"report","spec_version":"2.1","id":"report--6ba7b810-9dad-51d1-80b4-00c04fd430c8",)"
                      R"("created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"r",)"
                      R"("object_refs":["report--6ba7b810-9dad-51d1-80b4-00c04fd430c8"]}]})")
        << u"'published' is a required property"_s;
    QTest::newRow("MISP category and type")
        << u"misp"_s
        << QByteArray(R"({"Event":{"id":"1","uuid":"6ba7b810-9dad-51d1-80b4-00c04fd430c8","info":"i",)"
                      R"("date":"2024-01-01","threat_level_id":"4","analysis":"0","published":false,)"
                      R"("timestamp":"1700000000","publish_timestamp":"0","distribution":"0",)"
                      R"("sharing_group_id":"0","org_id":"0","orgc_id":"0","attribute_count":"1",)"
                      R"("Org":{"id":"0","name":"R","uuid":"6ba7b810-9dad-51d1-80b4-00c04fd430c8"},)"
                      R"("Orgc":{"id":"0","name":"R","uuid":"6ba7b810-9dad-51d1-80b4-00c04fd430c8"},)"
                      R"("Attribute":[{"id":"1","uuid":"6ba7b811-9dad-51d1-80b4-00c04fd430c8","event_id":"1",)"
                      R"("category":"Attribution","type":"target-org","value":"v","to_ids":false,)"
                      R"("distribution":"5","sharing_group_id":"0","timestamp":"1700000000","deleted":false}]}})")
        << u"not valid for category"_s;
    QTest::newRow("MISP timestamp and uuid")
        << u"misp"_s
        << QByteArray(R"({"Event":{"id":"1","uuid":"not-a-uuid","info":"i","date":"2024-13-01",)"
                      R"("threat_level_id":"4","analysis":"0","published":false,"timestamp":"2024-01-01",)"
                      R"("publish_timestamp":"0","distribution":"0","sharing_group_id":"0","org_id":"0",)"
                      R"("orgc_id":"0","attribute_count":"0","Orgc":{"id":"0","name":"R","uuid":"x"}}})")
        << u"not an RFC 4122 UUID"_s;
}

void CtiExportTest::validatorFindsErrors()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    if (!QDir(kSchemas).exists()) {
        QSKIP("../shared/schemas is not there");
    }
    const QString path = m_dir.filePath(u"bad.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(document);
    file.close();
    const QString errors = schemaErrors(format, {path});
    QVERIFY2(errors.contains(expected), qPrintable(errors));
}

void CtiExportTest::stixRoundTripMatchesTheCsv_data()
{
    QTest::addColumn<QString>("setName");
    for (const QString &name : {u"fixture"_s, u"samples"_s, u"seeds"_s}) {
        QTest::newRow(qPrintable(name)) << name;
    }
}

void CtiExportTest::stixRoundTripMatchesTheCsv()
{
    QFETCH(QString, setName);
    if (!set(setName).skip.isEmpty()) {
        QSKIP(qPrintable(set(setName).skip));
    }
    const std::map<qint64, Coded> fromCsv = codedFromCsv(readAll(exportTo(setName, u"csv"_s)));
    const std::map<qint64, Coded> fromStix = codedFromStix(stixOf(setName));
    QCOMPARE(int(fromStix.size()), incidentCount(*set(setName).workspace));
    QCOMPARE(fromStix.size(), fromCsv.size());
    int withVictim = 0;
    for (const auto &[id, coded] : fromCsv) {
        const auto it = fromStix.find(id);
        QVERIFY2(it != fromStix.end(), qPrintable(QString::number(id)));
        QVERIFY2(it->second == coded, qPrintable(describe(it->second) + u" != "_s + describe(coded)));
        withVictim += coded.victim.isEmpty() ? 0 : 1;
    }
    QVERIFY(withVictim > 0);
}

void CtiExportTest::stixObjectsCarryTheCoding()
{
    const QJsonObject bundle = stixOf(u"fixture"_s);
    QHash<QString, QJsonObject> byId;
    QSet<QString> types;
    QSet<QString> relationships;
    QSet<QString> actorTypes;
    QSet<QString> sectors;
    for (const QJsonValue &value : bundle[u"objects"_s].toArray()) {
        const QJsonObject object = value.toObject();
        byId.insert(object[u"id"_s].toString(), object);
        types.insert(object[u"type"_s].toString());
        if (object[u"type"_s] == u"relationship"_s) {
            relationships.insert(object[u"relationship_type"_s].toString());
        }
        for (const QJsonValue &type : object[u"threat_actor_types"_s].toArray()) {
            actorTypes.insert(type.toString());
        }
        for (const QJsonValue &sector : object[u"sectors"_s].toArray()) {
            sectors.insert(sector.toString());
        }
    }
    for (const char *type : {"identity", "location", "threat-actor", "intrusion-set", "malware", "incident",
                             "report", "relationship", "extension-definition"}) {
        QVERIFY2(types.contains(QLatin1StringView(type)), type);
    }
    for (const char *type : {"targets", "attributed-to", "uses", "located-at"}) {
        QVERIFY2(relationships.contains(QLatin1StringView(type)), type);
    }
    // Every actor type and every sector of the mapping that STIX names is used.
    for (const CtiActorType &row : ctiActorTypes()) {
        if (QLatin1StringView(row.stixType) == u"threat-actor") {
            QVERIFY2(actorTypes.contains(QLatin1StringView(row.stixVocab)), row.stixVocab);
        }
    }
    for (const CtiSector &row : ctiSectors()) {
        if (*row.stixSector) {
            QVERIFY2(sectors.contains(QLatin1StringView(row.stixSector)),
                     qPrintable(QString::fromLatin1(row.stixSector) + u" not in "_s + QStringList(sectors.values()).join(u' ')));
        }
    }
    // The incident: evidence, confidence, review status and provenance.
    int confirmed = 0;
    for (const QJsonObject &object : std::as_const(byId)) {
        if (object[u"type"_s] != u"incident"_s) {
            continue;
        }
        QVERIFY(object[u"confidence"_s].isDouble());
        QVERIFY(object[u"confidence"_s].toInt() >= 0 && object[u"confidence"_s].toInt() <= 100);
        const QJsonObject ext = object[u"extensions"_s][stixRasidExtensionId()].toObject();
        QCOMPARE(ext[u"extension_type"_s].toString(), u"property-extension"_s);
        QVERIFY(!ext[u"review_status"_s].toString().isEmpty());
        // Each coded field says where it came from (the bare incident has none).
        QCOMPARE(ext[u"field_origins"_s].isObject(), ext.contains(u"victim_country"_s) || ext.contains(u"motive"_s));
        if (ext[u"review_status"_s] == u"confirmed"_s) {
            ++confirmed;
            QCOMPARE(object[u"modified"_s].toString(), u"2025-05-03T12:00:00.000Z"_s);
            QCOMPARE(ext[u"analyst"_s].toString(), u"salma"_s);
        }
        if (!ext[u"evidence"_s].toString().isEmpty()) {
            QCOMPARE(object[u"description"_s].toString(), ext[u"evidence"_s].toString());
            QVERIFY(ext[u"field_evidence"_s].isArray() || ext[u"field_origins"_s].isObject());
        }
    }
    QVERIFY(confirmed > 0);
    // Malware the evidence names, used by the incident.
    const QJsonObject lockbit = byId.value(
        [&] {
            for (const QJsonObject &object : std::as_const(byId)) {
                if (object[u"type"_s] == u"malware"_s && object[u"name"_s] == u"LockBit"_s) {
                    return object[u"id"_s].toString();
                }
            }
            return QString();
        }());
    QCOMPARE(lockbit[u"malware_types"_s][0].toString(), u"ransomware"_s);
    QVERIFY(lockbit[u"is_family"_s].toBool());
    bool pegasus = false;
    for (const QJsonObject &object : std::as_const(byId)) {
        pegasus = pegasus || (object[u"type"_s] == u"malware"_s && object[u"name"_s] == u"Pegasus"_s);
    }
    QVERIFY(pegasus); // named in Arabic, with a proclitic: برنامج بيغاسوس
    // The report: title, published date, source URL percent-encoded, its objects.
    for (const QJsonObject &object : std::as_const(byId)) {
        if (object[u"type"_s] != u"report"_s || object[u"name"_s] != u"اختراق وزارة \"الصحة\"، والبيانات للبيع"_s) {
            continue;
        }
        QCOMPARE(object[u"published"_s].toString(), u"2024-03-05T00:00:00.000Z"_s);
        const QString url = object[u"external_references"_s][0][u"url"_s].toString();
        QVERIFY2(url.startsWith(u"https://www.example.ma/%D9%85"_s), qPrintable(url));
        for (const QJsonValue &ref : object[u"object_refs"_s].toArray()) {
            QVERIFY2(byId.contains(ref.toString()), qPrintable(ref.toString()));
        }
        return;
    }
    QFAIL("no report of the first article");
}

void CtiExportTest::stixIdsAreDeterministic()
{
    const QByteArray first = readAll(exportTo(u"fixture"_s, u"stix"_s));
    const QByteArray second = readAll(exportTo(u"fixture"_s, u"stix"_s));
    QVERIFY(!first.isEmpty());
    QCOMPARE(first, second);
    // The ids are v5 UUIDs over the workspace: a copy of the workspace elsewhere has others.
    QVERIFY(first.contains("incident--"));
    const QString copy = m_dir.filePath(u"copy.rasid"_s);
    QSqlQuery vacuum(set(u"fixture"_s).workspace->database());
    vacuum.prepare(u"VACUUM INTO ?"_s);
    vacuum.addBindValue(copy);
    QVERIFY(vacuum.exec());
    Workspace other;
    QVERIFY(other.open(copy, Workspace::Mode::ReadOnly));
    QByteArray otherBundle;
    QBuffer buffer(&otherBundle);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(exportStix(other, buffer, ExportOptions{StatusFilter::All, false, {}}, &error), qPrintable(error));
    const QJsonArray a = QJsonDocument::fromJson(first).object()[u"objects"_s].toArray();
    const QJsonArray b = QJsonDocument::fromJson(otherBundle).object()[u"objects"_s].toArray();
    QCOMPARE(a.size(), b.size());
    QCOMPARE(a.at(0)[u"id"_s], b.at(0)[u"id"_s]); // the producer does not depend on the workspace
    QCOMPARE(a.at(1)[u"id"_s], b.at(1)[u"id"_s]); // nor does the extension definition
    QVERIFY(a.at(2)[u"id"_s] != b.at(2)[u"id"_s]);
    QVERIFY(a.at(2)[u"id"_s].toString().contains(u"-5"_s));
}

void CtiExportTest::stixSharedObjectsAreWrittenOnce()
{
    const QJsonObject bundle = stixOf(u"fixture"_s);
    QSet<QString> ids;
    QSet<QString> victims;
    int identities = 0;
    for (const QJsonValue &value : bundle[u"objects"_s].toArray()) {
        const QString id = value[u"id"_s].toString();
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
        if (value[u"type"_s] == u"identity"_s && value[u"identity_class"_s] == u"organization"_s) {
            ++identities;
            victims.insert(value[u"name"_s].toString());
        }
    }
    QCOMPARE(identities, victims.size());
    QVERIFY(identities < m_fixtureIncidents); // the fixture repeats victims
}

void CtiExportTest::mispEventsCarryTaxonomiesAndGalaxies()
{
    const QJsonObject collection = QJsonDocument::fromJson(readAll(exportTo(u"fixture"_s, u"misp"_s))).object();
    const QJsonArray events = collection[u"response"_s].toArray();
    QCOMPARE(events.size(), 3); // one per article
    QSet<QString> tags;
    QSet<QString> clusters;
    QSet<QString> pairs;
    QString firstInfo;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value[u"Event"_s].toObject();
        if (event[u"id"_s].toString() == u"1"_s) {
            firstInfo = event[u"info"_s].toString();
        }
        for (const QJsonValue &tag : event[u"Tag"_s].toArray()) {
            tags.insert(tag[u"name"_s].toString());
        }
        for (const QJsonValue &cluster : event[u"Galaxy"_s][0][u"GalaxyCluster"_s].toArray()) {
            clusters.insert(cluster[u"value"_s].toString());
        }
        for (const QJsonValue &attribute : event[u"Attribute"_s].toArray()) {
            pairs.insert(attribute[u"category"_s].toString() + u'/' + attribute[u"type"_s].toString());
        }
    }
    QCOMPARE(firstInfo, u"اختراق وزارة \"الصحة\"، والبيانات للبيع"_s);
    for (const char *tag : {"circl:incident-classification=\"denial-of-service\"",
                            "circl:incident-classification=\"malware\"", "circl:topic=\"finance\"",
                            "veris:action:hacking:variety=\"DoS\"", "veris:actor:external:variety=\"Nation-state\"",
                            "misp-galaxy:threat-actor=\"LockBit\"", "misp-galaxy:threat-actor=\"جبروت\""}) {
        QVERIFY2(tags.contains(QString::fromUtf8(tag)), tag);
    }
    QVERIFY(clusters.contains(u"APT28"_s));
    for (const char *pair : {"Internal reference/text", "Targeting data/target-org", "Targeting data/target-location", "Attribution/threat-actor",
                             "Other/counter", "Other/text", "External analysis/link"}) {
        QVERIFY2(pairs.contains(QLatin1StringView(pair)), pair);
    }
}

void CtiExportTest::mispReviewGivesThreatLevelAndAnalysis()
{
    QCOMPARE(mispAnalysis(0, 0, 3), u"0"_s);
    QCOMPARE(mispAnalysis(1, 0, 2), u"1"_s);
    QCOMPARE(mispAnalysis(2, 1, 0), u"2"_s);
    QCOMPARE(mispThreatLevel(0, 3, false), u"4"_s);
    QCOMPARE(mispThreatLevel(1, 0, false), u"3"_s);
    QCOMPARE(mispThreatLevel(1, 2, true), u"2"_s);
    // In the fixture each article mixes reviewed and unreviewed incidents.
    const QJsonObject collection = QJsonDocument::fromJson(readAll(exportTo(u"fixture"_s, u"misp"_s))).object();
    for (const QJsonValue &value : collection[u"response"_s].toArray()) {
        QCOMPARE(value[u"Event"_s][u"analysis"_s].toString(), u"1"_s);
        QVERIFY(value[u"Event"_s][u"threat_level_id"_s].toString() != u"4"_s);
    }
}

void CtiExportTest::mispFolderWritesOneEventPerArticle()
{
    const QString folder = exportTo(u"fixture"_s, u"misp"_s, false);
    QVERIFY(!folder.isEmpty());
    const QStringList files = QDir(folder).entryList({u"*.json"_s}, QDir::Files);
    QCOMPARE(files.size(), 3);
    for (const QString &name : files) {
        const QJsonObject event = QJsonDocument::fromJson(readAll(QDir(folder).filePath(name))).object();
        QCOMPARE(event[u"Event"_s][u"uuid"_s].toString() + u".json"_s, name);
    }
}

void CtiExportTest::statusFilterApplies()
{
    for (const QString &format : {u"stix"_s, u"misp"_s}) {
        const ExportFormatSpec *spec = exportFormatById(format);
        QVERIFY(spec);
        ExportOptions options;
        options.status = StatusFilter::Confirmed;
        QString error;
        int rows = 0;
        const QString path = m_dir.filePath(u"confirmed."_s + format);
        QVERIFY2(writeExport(*spec, *set(u"fixture"_s).workspace, path, true, options, &error, &rows),
                 qPrintable(error));
        const QByteArray data = readAll(path);
        QVERIFY(rows > 0 && rows < m_fixtureIncidents);
        const QByteArray status = format == u"stix" ? "\"review_status\":\"%1\"" : "(%1, confidence";
        QVERIFY(data.contains(QByteArray(status).replace("%1", "confirmed")));
        QVERIFY(!data.contains(QByteArray(status).replace("%1", "suggested")));
        QVERIFY(!data.contains(QByteArray(status).replace("%1", "rejected")));
    }
}

void CtiExportTest::commandLineWritesStixAndMisp()
{
    const QString cli = QStringLiteral(RASID_CLI_PATH);
    if (!QFile::exists(cli)) {
        QSKIP("rasid-cli is not built");
    }
    for (const QString &format : {u"stix"_s, u"misp"_s}) {
        const QString out = m_dir.filePath(u"cli."_s + format + u".json"_s);
        QProcess process;
        process.start(cli, {u"export"_s, set(u"fixture"_s).workspace->path(), u"--format"_s, format, u"--out"_s,
                            out, u"--status"_s, u"all"_s, u"--single-file"_s});
        QVERIFY(process.waitForFinished(60000));
        const QString messages = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(messages));
        QVERIFY2(messages.contains(u"%1 incidents written"_s.arg(m_fixtureIncidents)), qPrintable(messages));
        const QByteArray data = readAll(out);
        QVERIFY(QJsonDocument::fromJson(data).isObject());
        QVERIFY(QString::fromUtf8(data).contains(u"ضحية رقم"_s)); // UTF-8, not \u escapes
        QVERIFY(!QFile::exists(out + u".tmp"_s));
    }
}

void CtiExportTest::unwritableTargetsAreReported()
{
    QString error;
    const QString blocked = m_dir.filePath(u"no/such/folder/out.json"_s);
    QVERIFY(!writeExport(*exportFormatById(u"stix"), *set(u"fixture"_s).workspace, blocked, true, {}, &error,
                         nullptr));
    QVERIFY(!error.isEmpty());
    QFile blocker(m_dir.filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    error.clear();
    QVERIFY(!exportMisp(*set(u"fixture"_s).workspace, blocker.fileName() + u"/events"_s, false, {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(blocked));
}

void CtiExportTest::failedExportKeepsThePreviousFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("stix") << u"stix"_s;
    QTest::newRow("misp") << u"misp"_s;
    QTest::newRow("veris") << u"veris"_s;
}

// The exports write a temporary file and rename it at the end: one that fails
// (here the workspace cannot be read) leaves the previous export as it was.
void CtiExportTest::failedExportKeepsThePreviousFile()
{
    QFETCH(QString, format);
    const QDir folder(m_dir.filePath(u"previous-"_s + format));
    QVERIFY(folder.mkpath(u"."_s));
    const QString path = folder.filePath(u"out.json"_s);
    QFile previous(path);
    QVERIFY(previous.open(QIODevice::WriteOnly | QIODevice::Truncate));
    previous.write("{\"previous\": true}\n");
    previous.close();
    Workspace closed; // never opened: every read fails
    QString error;
    QVERIFY(!writeExport(*exportFormatById(format), closed, path, true, {}, &error, nullptr));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(path), QByteArray("{\"previous\": true}\n"));
    QCOMPARE(folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{u"out.json"_s});
}

QTEST_GUILESS_MAIN(CtiExportTest)
#include "ctiexport_test.moc"
