// Golden exports of the bundled sample folder: import resources/samples with
// extraction, export CSV, JSON lines and VERIS, and compare byte for byte with
// tests/data/export/samples.*. Run with RASID_UPDATE_GOLDEN=1 to rewrite them
// after a deliberate change to extraction, and review the diff.

#include "export/exporter.h"
#include "exportmask.h"
#include "export/jsonlexport.h"
#include "export/verisexport.h"
#include "extract/incident.h"
#include "store/importer.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString kGoldenDir = QStringLiteral(RASID_TEST_DATA_DIR "/export");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class SamplesExportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesGolden_data();
    void matchesGolden();
    void everyIncidentHasEvidenceInItsArticle();
    void controlCharactersInValuesKeepColumnsAligned();

private:
    QTemporaryDir m_dir;
    Workspace m_workspace;
};

void SamplesExportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_workspace.open(m_dir.filePath(u"samples.rasid"_s)));
    Importer importer;
    ImportOptions options;
    options.folder = QStringLiteral(RASID_SAMPLES_DIR);
    options.threads = 2;
    const ImportSummary summary = importer.run(m_workspace, options);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.failed, 0);
    QVERIFY(m_workspace.stats().incidents > 0);
}

void SamplesExportTest::matchesGolden_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("golden");
    QTest::newRow("csv") << u"csv"_s << u"samples.csv"_s;
    QTest::newRow("json lines") << u"jsonl"_s << u"samples.jsonl"_s;
    QTest::newRow("veris") << u"veris"_s << u"samples.veris.json"_s;
}

void SamplesExportTest::matchesGolden()
{
    QFETCH(QString, format);
    QFETCH(QString, golden);
    QByteArray actual;
    QString error;
    int rows = 0;
    if (format == u"veris") {
        const QString out = m_dir.filePath(u"veris.json"_s);
        QVERIFY2(exportVeris(m_workspace, out, true, {}, &error, &rows), qPrintable(error));
        actual = readAll(out);
    } else {
        QBuffer buffer(&actual);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const bool ok = format == u"csv" ? exportCsv(m_workspace, buffer, {}, &error, &rows)
                                         : exportJsonLines(m_workspace, buffer, {}, &error, &rows);
        QVERIFY2(ok, qPrintable(error));
    }
    QCOMPARE(rows, m_workspace.stats().incidents);
    actual = maskedExport(actual);
    const QString goldenPath = kGoldenDir + u'/' + golden;
    if (qEnvironmentVariableIsSet("RASID_UPDATE_GOLDEN")) {
        QFile file(goldenPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(actual);
    }
    const QByteArray expected = readAll(goldenPath);
    QVERIFY2(!expected.isEmpty(), qPrintable(goldenPath));
    if (actual != expected) {
        // Show the first differing line rather than two blobs.
        const QList<QByteArray> a = actual.split('\n');
        const QList<QByteArray> e = expected.split('\n');
        for (int i = 0; i < qMax(a.size(), e.size()); ++i) {
            QCOMPARE(QString::fromUtf8(a.value(i)), QString::fromUtf8(e.value(i)));
        }
    }
}

void SamplesExportTest::everyIncidentHasEvidenceInItsArticle()
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT a.text, i.fields FROM incidents i JOIN articles a ON a.id = i.article_id"_s);
    QVERIFY(query.exec());
    int checked = 0;
    while (query.next()) {
        const QString text = query.value(0).toString();
        const QVector<IncidentField> fields = unpackFields(query.value(1).toString());
        // Nothing of the stored column is dropped as malformed, no record and no span.
        QCOMPARE(packFields(fields), query.value(1).toString());
        const auto evidence = std::find_if(fields.cbegin(), fields.cend(),
                                           [](const IncidentField &field) { return field.name == u"evidence"; });
        if (evidence == fields.cend()) {
            continue;
        }
        QVERIFY(!evidence->evidence.isEmpty());
        const int start = evidence->evidence.first().start;
        const int end = evidence->evidence.first().end;
        QVERIFY(start >= 0 && start < end && end <= text.size());
        QVERIFY(text.mid(start, end - start).contains(evidence->value.left(10)));
        ++checked;
    }
    QCOMPARE(checked, m_workspace.stats().incidents);
}

void SamplesExportTest::controlCharactersInValuesKeepColumnsAligned()
{
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"c.rasid"_s)));
    QSqlQuery file(ws.database());
    file.prepare(u"INSERT INTO files(path, status) VALUES ('a.txt', 'imported')"_s);
    QVERIFY(file.exec());
    QSqlQuery article(ws.database());
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, text) VALUES (?, 'a.txt', 'h', 'نص')"_s);
    article.addBindValue(file.lastInsertId());
    QVERIFY(article.exec());
    ProposedIncident incident;
    incident.confidence = 0.8;
    incident.set(u"victim"_s, u"وزارة\u001eالصحة\u001f"_s, 0.8);
    incident.set(u"actor"_s, u"Kr4ken"_s, 0.8);
    QVERIFY(storeProposedIncidents(ws.database(), article.lastInsertId().toLongLong(), {incident}));
    QString error;
    QVector<IncidentRow> rows;
    QVERIFY(forEachIncidentRow(ws, StatusFilter::All, [&rows](const IncidentRow &row) { rows.append(row); return true; },
                               &error));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().cells.size(), csvColumns().size());
    QCOMPARE(rows.first().cell(u"victim"_s), u"وزارة الصحة "_s);
    QCOMPARE(rows.first().cell(u"actor"_s), u"Kr4ken"_s);
}

QTEST_GUILESS_MAIN(SamplesExportTest)
#include "samplesexport_test.moc"
