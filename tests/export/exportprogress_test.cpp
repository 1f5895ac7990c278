// Every export format, through writeExport as the export dialog and rasid-cli
// call it: progress reports (done, total) as the export goes, a cancellation
// at any record stops it with a Cancelled status and leaves neither the file
// nor a temporary one (and a previous export as it was), and the analyst's
// notes and each field's origin come out in every format.

#include "csvreader.h"
#include "export/exporter.h"
#include "export/exportformats.h"
#include "export/stixexport.h"
#include "export/xlsxexport.h"
#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/reviewstore.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

constexpr int kArticles = 10;
constexpr int kIncidents = 2 * kArticles;

const QString kArticleNote = u"مصدر واحد، \"غير مؤكد\""_s;
const QString kIncidentNote = u"الرقم من بيان المهاجمين\nلا من الضحية"_s;
const QString kCorrectedActor = u"مجموعة القراصنة"_s;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Everything in a folder, hidden files and sub-folders included.
QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                  QDir::Name);
}

struct Target
{
    QString format;
    bool singleFile = true;
};

} // namespace

class ExportProgressTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void progressCountsEveryIncident_data();
    void progressCountsEveryIncident();
    void cancelStopsAndLeavesNoFile_data();
    void cancelStopsAndLeavesNoFile();
    void cancelKeepsThePreviousExport_data();
    void cancelKeepsThePreviousExport();
    void noteAndCorrectedOriginInEveryFormat_data();
    void noteAndCorrectedOriginInEveryFormat();
    void notedExportsStayValid_data();
    void notedExportsStayValid();

private:
    void addFormats(bool withFolders);
    QString exportPath(const QString &name, const QString &format, bool singleFile) const;

    QTemporaryDir m_dir;
    Workspace m_workspace;
    qint64 m_notedArticle = 0;
    qint64 m_notedIncident = 0;
};

void ExportProgressTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_workspace.open(m_dir.filePath(u"progress.rasid"_s)));
    QSqlDatabase db = m_workspace.database();
    QVERIFY(m_workspace.beginTransaction());
    for (int a = 0; a < kArticles; ++a) {
        QSqlQuery file(db);
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        file.addBindValue(u"p/%1.txt"_s.arg(a, 2, 10, QLatin1Char('0')));
        QVERIFY(file.exec());
        QSqlQuery article(db);
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, outlet, published, source_url, "
                        "text) VALUES (?, ?, ?, ?, 'هسبريس', '2024-05-01', 'https://news.example.org/a', ?)"_s);
        const QString path = u"p/%1.txt"_s.arg(a, 2, 10, QLatin1Char('0'));
        for (const QVariant &value : {file.lastInsertId(), QVariant(path), QVariant(path),
                                      QVariant(u"اختراق رقم %1"_s.arg(a)),
                                      QVariant(u"اخترقت مجموعة بيانات وزارة الصحة."_s)}) {
            article.addBindValue(value);
        }
        QVERIFY(article.exec());
        const qint64 articleId = article.lastInsertId().toLongLong();
        QVector<ProposedIncident> incidents;
        for (int k = 0; k < 2; ++k) {
            ProposedIncident incident;
            incident.confidence = 0.6;
            incident.set(u"victim"_s, u"وزارة الصحة %1"_s.arg(2 * a + k), 0.7, {{19, 29}});
            incident.set(u"victim_country"_s, u"MA"_s, 0.8);
            incident.set(u"attack_type"_s, u"data_breach"_s, 0.6, {{0, 5}});
            incident.set(u"actor"_s, u"مجموعة"_s, 0.5, {{6, 11}});
            incident.set(u"evidence"_s, u"اخترقت مجموعة بيانات وزارة الصحة."_s, 0.6);
            incidents.append(incident);
        }
        QVERIFY(storeProposedIncidents(db, articleId, incidents));
        QSqlQuery entity(db);
        entity.prepare(u"INSERT INTO entities(article_id, start, end, type, text, value, confidence) "
                       "VALUES (?, 19, 29, 'ORG', 'وزارة الصحة', 'وزارة الصحة', 0.7)"_s);
        entity.addBindValue(articleId);
        QVERIFY(entity.exec());
        if (a == 3) {
            m_notedArticle = articleId;
        }
    }
    QVERIFY(m_workspace.commit());

    // The analyst's review of one incident: a note on it and on its article,
    // a confirmed victim and a corrected actor.
    QSqlQuery first(db);
    QVERIFY(first.exec(u"SELECT min(id) FROM incidents WHERE article_id = %1"_s.arg(m_notedArticle)));
    QVERIFY(first.next());
    m_notedIncident = first.value(0).toLongLong();
    ReviewStore store(m_workspace, u"salma"_s);
    QVERIFY(store.setNote(ReviewStore::NoteSubject::Article, m_notedArticle, kArticleNote));
    QVERIFY(store.setNote(ReviewStore::NoteSubject::Incident, m_notedIncident, kIncidentNote));
    QVERIFY(store.confirmField(m_notedIncident, u"victim"_s));
    QVERIFY2(store.setFieldValue(m_notedIncident, u"actor"_s, kCorrectedActor), qPrintable(store.lastError()));
}

void ExportProgressTest::addFormats(bool withFolders)
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("singleFile");
    for (const ExportFormatSpec &spec : exportFormats()) {
        if (spec.id == u"xlsx" && !xlsxExportAvailable()) {
            continue;
        }
        const QString id = spec.id.toString();
        QTest::newRow(qPrintable(id)) << id << true;
        if (withFolders && spec.writesFolder) {
            QTest::newRow(qPrintable(id + u" folder"_s)) << id << false;
        }
    }
}

QString ExportProgressTest::exportPath(const QString &name, const QString &format, bool singleFile) const
{
    const ExportFormatSpec *spec = exportFormatById(format);
    return m_dir.filePath(name + u'-' + format + (singleFile ? u"."_s + spec->suffix.toString() : u".d"_s));
}

void ExportProgressTest::progressCountsEveryIncident_data()
{
    addFormats(true);
}

void ExportProgressTest::progressCountsEveryIncident()
{
    QFETCH(QString, format);
    QFETCH(bool, singleFile);
    QVector<std::pair<qint64, qint64>> reports;
    ExportOptions options;
    options.status = StatusFilter::All;
    options.progress.every = 3;
    options.progress.report = [&](qint64 done, qint64 total) {
        reports.append({done, total});
        return true;
    };
    QString error;
    int rows = 0;
    ExportStatus status = ExportStatus::Failed;
    const QString path = exportPath(u"full"_s, format, singleFile);
    QVERIFY2(writeExport(*exportFormatById(format), m_workspace, path, singleFile, options, &error, &rows, &status),
             qPrintable(error));
    QCOMPARE(status, ExportStatus::Written);
    QCOMPARE(rows, kIncidents);
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(reports.size() >= kIncidents / 3);
    QCOMPARE(reports.first(), (std::pair<qint64, qint64>{0, kIncidents}));
    QCOMPARE(reports.last(), (std::pair<qint64, qint64>{kIncidents, kIncidents}));
    for (qsizetype i = 1; i < reports.size(); ++i) {
        QVERIFY(reports.at(i).first >= reports.at(i - 1).first);
        QCOMPARE(reports.at(i).second, qint64(kIncidents));
    }
}

void ExportProgressTest::cancelStopsAndLeavesNoFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("singleFile");
    QTest::addColumn<int>("cancelAt");
    for (const int at : {0, 1, 7, kIncidents - 1, kIncidents}) {
        for (const ExportFormatSpec &spec : exportFormats()) {
            if (spec.id == u"xlsx" && !xlsxExportAvailable()) {
                continue;
            }
            const QString id = spec.id.toString();
            QTest::addRow("%s at %d", qPrintable(id), at) << id << true << at;
            if (spec.writesFolder) {
                QTest::addRow("%s folder at %d", qPrintable(id), at) << id << false << at;
            }
        }
    }
}

// The report returns false when `cancelAt` incidents are done (at the end for
// kIncidents, which for XLSX is during its entities sheet).
void ExportProgressTest::cancelStopsAndLeavesNoFile()
{
    QFETCH(QString, format);
    QFETCH(bool, singleFile);
    QFETCH(int, cancelAt);
    const QString folder = m_dir.filePath(u"cancel-%1-%2-%3"_s.arg(format).arg(singleFile).arg(cancelAt));
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(singleFile ? u"out.json"_s : u"events"_s);
    qint64 lastDone = -1;
    int calls = 0;
    ExportOptions options;
    options.status = StatusFilter::All;
    options.progress.every = 1;
    options.progress.report = [&](qint64 done, qint64) {
        lastDone = done;
        ++calls;
        return done < cancelAt;
    };
    QString error;
    int rows = -1;
    ExportStatus status = ExportStatus::Written;
    QVERIFY(!writeExport(*exportFormatById(format), m_workspace, path, singleFile, options, &error, &rows, &status));
    QCOMPARE(status, ExportStatus::Cancelled);
    QCOMPARE(error, cursorCancelledText());
    QCOMPARE(rows, -1); // nothing counted as written
    QCOMPARE(lastDone, qint64(cancelAt)); // stopped at the record it was cancelled at, not later
    QVERIFY(calls <= cancelAt + 2);
    QVERIFY2(entries(folder).isEmpty(), qPrintable(entries(folder).join(u", "_s))); // no file, no temporary
}

void ExportProgressTest::cancelKeepsThePreviousExport_data()
{
    addFormats(true);
}

void ExportProgressTest::cancelKeepsThePreviousExport()
{
    QFETCH(QString, format);
    QFETCH(bool, singleFile);
    const QString folder = m_dir.filePath(u"previous-%1-%2"_s.arg(format).arg(singleFile));
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(u"out"_s);
    QString error;
    ExportOptions options;
    options.status = StatusFilter::All;
    QVERIFY2(writeExport(*exportFormatById(format), m_workspace, path, singleFile, options, &error, nullptr),
             qPrintable(error));
    const auto snapshot = [&] {
        QStringList state;
        const QStringList names = singleFile ? entries(folder) : entries(path);
        for (const QString &name : names) {
            state.append(name + u' ' + QString::number(qHash(readAll(QDir(singleFile ? folder : path).filePath(name)))));
        }
        return state;
    };
    const QStringList before = snapshot();
    QVERIFY(!before.isEmpty());
    options.status = StatusFilter::Confirmed; // a different export, cancelled half-way
    options.progress.every = 1;
    options.progress.report = [](qint64 done, qint64 total) { return done < total / 2; };
    ExportStatus status = ExportStatus::Written;
    QVERIFY(!writeExport(*exportFormatById(format), m_workspace, path, singleFile, options, &error, nullptr,
                         &status));
    QCOMPARE(status, ExportStatus::Cancelled);
    QCOMPARE(snapshot(), before);
    QCOMPARE(entries(folder), QStringList{u"out"_s});
}

void ExportProgressTest::noteAndCorrectedOriginInEveryFormat_data()
{
    addFormats(false);
}

void ExportProgressTest::noteAndCorrectedOriginInEveryFormat()
{
    QFETCH(QString, format);
    const QString path = exportPath(u"noted"_s, format, true);
    QString error;
    ExportOptions options;
    options.status = StatusFilter::All;
    QVERIFY2(writeExport(*exportFormatById(format), m_workspace, path, true, options, &error, nullptr),
             qPrintable(error));
    const QString id = QString::number(m_notedIncident);

    if (format == u"csv" || format == u"xlsx") {
        QVector<QStringList> rows;
        if (format == u"csv") {
            rows = TestCsv::parseCsv(QString::fromUtf8(readAll(path)));
        } else {
            // The workbook's incidents sheet, read back as text by the unzip tool.
            QProcess unzip;
            unzip.start(u"unzip"_s, {u"-p"_s, path, u"xl/worksheets/sheet1.xml"_s});
            if (!unzip.waitForFinished(30000) || unzip.exitCode() != 0) {
                QSKIP("unzip is not available");
            }
            // Its strings, XML-unescaped (libxlsxwriter writes them inline in constant-memory mode).
            QStringList strings;
            static const QRegularExpression text(u"<t(?: [^>]*)?>([^<]*)</t>"_s);
            for (const QRegularExpressionMatch &match :
                 text.globalMatch(QString::fromUtf8(unzip.readAllStandardOutput()))) {
                strings.append(match.captured(1).replace(u"&quot;"_s, u"\""_s).replace(u"&amp;"_s, u"&"_s));
            }
            QVERIFY(strings.contains(u"notes"_s) && strings.contains(u"field_origins"_s));
            QVERIFY2(strings.contains(u"article: %1\nincident: %2"_s.arg(kArticleNote, kIncidentNote)),
                     qPrintable(strings.filter(u"article"_s).join(u" | "_s)));
            QCOMPARE(strings.filter(u"actor=corrected"_s).size(), 1);
            QVERIFY(strings.filter(u"actor=corrected"_s).first().startsWith(u"victim=confirmed;"_s));
            return;
        }
        QVERIFY(rows.size() == kIncidents + 1);
        QCOMPARE(rows.first(), csvExportColumns());
        const int notes = int(csvExportColumns().indexOf(u"notes"_s));
        const int origins = int(csvExportColumns().indexOf(u"field_origins"_s));
        bool seen = false;
        for (const QStringList &row : rows.mid(1)) {
            if (row.first() == id) {
                seen = true;
                QCOMPARE(row.at(notes), u"article: %1\nincident: %2"_s.arg(kArticleNote, kIncidentNote));
                QVERIFY2(row.at(origins).startsWith(u"victim=confirmed; victim_country=suggested; "
                                                    "attack_type=suggested; actor=corrected"_s),
                         qPrintable(row.at(origins)));
            } else {
                QVERIFY(!row.at(origins).contains(u"corrected"_s));
            }
        }
        QVERIFY(seen);
        return;
    }

    if (format == u"jsonl") {
        bool seen = false;
        for (const QByteArray &line : readAll(path).split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object.value(u"incident_id"_s).toString() == id) {
                seen = true;
                QCOMPARE(object[u"notes"_s][u"article"_s].toString(), kArticleNote);
                QCOMPARE(object[u"notes"_s][u"incident"_s].toString(), kIncidentNote);
                QCOMPARE(object[u"field_origins"_s][u"actor"_s].toString(), u"corrected"_s);
                QCOMPARE(object[u"actor"_s].toString(), kCorrectedActor);
            }
        }
        QVERIFY(seen);
        return;
    }

    const QJsonDocument document = QJsonDocument::fromJson(readAll(path));
    if (format == u"veris") {
        bool seen = false;
        for (const QJsonValue &incident : document.array()) {
            const QJsonObject rasid = incident[u"plus"_s][u"rasid"_s].toObject();
            if (rasid.value(u"incident_id"_s).toInteger() == m_notedIncident) {
                seen = true;
                QCOMPARE(rasid[u"notes"_s][u"article"_s].toString(), kArticleNote);
                QCOMPARE(rasid[u"notes"_s][u"incident"_s].toString(), kIncidentNote);
                QCOMPARE(rasid[u"field_origins"_s][u"actor"_s].toString(), u"corrected"_s);
                QCOMPARE(rasid[u"field_origins"_s][u"victim"_s].toString(), u"confirmed"_s);
            } else {
                QVERIFY(!rasid[u"notes"_s].toObject().contains(u"incident"_s)); // no note, no key
            }
        }
        QVERIFY(seen);
    } else if (format == u"stix") {
        bool incidentSeen = false;
        bool reportSeen = false;
        for (const QJsonValue &object : document[u"objects"_s].toArray()) {
            const QJsonObject ext = object[u"extensions"_s][stixRasidExtensionId()].toObject();
            if (object[u"type"_s] == u"incident"_s && ext.value(u"rasid_incident_id"_s).toInteger() == m_notedIncident) {
                incidentSeen = true;
                QCOMPARE(ext[u"note"_s].toString(), kIncidentNote);
                QCOMPARE(ext[u"field_origins"_s][u"actor"_s].toString(), u"corrected"_s);
            } else if (object[u"type"_s] == u"report"_s && ext.value(u"note"_s).toString() == kArticleNote) {
                reportSeen = true;
            } else if (object[u"type"_s] == u"extension-definition"_s) {
                QVERIFY(object[u"schema"_s].toString().contains(u"note is the analyst's note"_s));
            }
        }
        QVERIFY(incidentSeen);
        QVERIFY(reportSeen);
    } else {
        QCOMPARE(format, u"misp"_s);
        QStringList comments;
        QString recordComment;
        for (const QJsonValue &event : document[u"response"_s].toArray()) {
            for (const QJsonValue &attribute : event[u"Event"_s][u"Attribute"_s].toArray()) {
                if (attribute[u"type"_s] == u"comment"_s) {
                    QCOMPARE(attribute[u"category"_s].toString(), u"Internal reference"_s);
                    comments.append(attribute[u"value"_s].toString());
                }
                if (attribute[u"value"_s].toString().startsWith(u"Rasid incident %1 of"_s.arg(id))) {
                    recordComment = attribute[u"comment"_s].toString();
                }
            }
        }
        QCOMPARE(comments, (QStringList{kIncidentNote, kArticleNote}));
        QVERIFY2(recordComment.contains(u"field origins: victim=confirmed"_s), qPrintable(recordComment));
        QVERIFY2(recordComment.contains(u"actor=corrected"_s), qPrintable(recordComment));
    }
}

void ExportProgressTest::notedExportsStayValid_data()
{
    QTest::addColumn<QString>("format");
    for (const char *format : {"veris", "stix", "misp"}) {
        QTest::newRow(format) << QString::fromLatin1(format);
    }
}

// The notes go where the official schemas allow them: the exports of the
// noted workspace validate as every other export does (ctiexport_test).
void ExportProgressTest::notedExportsStayValid()
{
    QFETCH(QString, format);
    const QString schemas = QStringLiteral(RASID_SHARED_DIR "/schemas");
    if (!QDir(schemas).exists()) {
        QSKIP("../shared/schemas is not there");
    }
    const QString path = exportPath(u"valid"_s, format, true);
    QString error;
    ExportOptions options;
    options.status = StatusFilter::All;
    QVERIFY2(writeExport(*exportFormatById(format), m_workspace, path, true, options, &error, nullptr),
             qPrintable(error));
    const QString python = QStandardPaths::findExecutable(u"python3"_s, {u"/usr/bin"_s});
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python, {QStringLiteral(RASID_TEST_DATA_DIR "/../export/validate_cti.py"), schemas, format, path});
    QVERIFY(process.waitForFinished(240000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAll().left(4000).constData());
}

QTEST_GUILESS_MAIN(ExportProgressTest)
#include "exportprogress_test.moc"
