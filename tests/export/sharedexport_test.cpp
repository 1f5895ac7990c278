// Golden exports of the real articles in ../shared (the seeds and the dev
// articles): import each set with extraction, export CSV, JSON lines and
// VERIS, and compare the SHA-256 of each export (times and workspace-derived
// ids masked) with tests/data/export/shared.sha256. Only digests are kept in
// the repository, never the articles' text. The suite skips a set that is not
// there. Run with RASID_UPDATE_GOLDEN=1 to rewrite the digests after a
// deliberate change to extraction; `rasid-cli export` of the same set then
// shows what changed.

#include "export/exporter.h"
#include "exportmask.h"
#include "export/jsonlexport.h"
#include "export/verisexport.h"
#include "store/importer.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString kDigests = QStringLiteral(RASID_TEST_DATA_DIR "/export/shared.sha256");

// "set format" -> digest, one "set format digest" per line.
QMap<QString, QString> readDigests()
{
    QMap<QString, QString> digests;
    QFile file(kDigests);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QStringList parts = QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
            if (parts.size() == 3) {
                digests.insert(parts[0] + u' ' + parts[1], parts[2]);
            }
        }
    }
    return digests;
}

} // namespace

class SharedExportTest : public QObject
{
    Q_OBJECT
private slots:
    void matchesGoldenDigest_data();
    void matchesGoldenDigest();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QMap<QString, QString> m_actual; // what this run exported, for RASID_UPDATE_GOLDEN
};

void SharedExportTest::matchesGoldenDigest_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("format");
    const QString shared = QStringLiteral(RASID_SHARED_DIR);
    for (const auto &[set, folder] : {std::pair{u"seeds"_s, shared + u"/seeds"_s},
                                      std::pair{u"dev"_s, shared + u"/dev/articles"_s}}) {
        for (const QString &format : {u"csv"_s, u"jsonl"_s, u"veris"_s}) {
            QTest::addRow("%s %s", qPrintable(set), qPrintable(format)) << set << folder << format;
        }
    }
}

void SharedExportTest::matchesGoldenDigest()
{
    QFETCH(QString, set);
    QFETCH(QString, folder);
    QFETCH(QString, format);
    if (!QDir(folder).exists()) {
        QSKIP(qPrintable(folder + u" is not there"_s));
    }
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(set + u".rasid"_s);
    const bool imported = QFile::exists(path);
    Workspace workspace;
    QVERIFY(workspace.open(path));
    if (!imported) {
        Importer importer;
        ImportOptions options;
        options.folder = folder;
        options.threads = 2;
        const ImportSummary summary = importer.run(workspace, options);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.failed, 0);
    }

    QByteArray actual;
    QString error;
    int rows = 0;
    if (format == u"veris") {
        const QString out = m_dir.filePath(set + u".veris.json"_s);
        QVERIFY2(exportVeris(workspace, out, true, {}, &error, &rows), qPrintable(error));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        actual = file.readAll();
    } else {
        QBuffer buffer(&actual);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const bool ok = format == u"csv" ? exportCsv(workspace, buffer, {}, &error, &rows)
                                         : exportJsonLines(workspace, buffer, {}, &error, &rows);
        QVERIFY2(ok, qPrintable(error));
    }
    QCOMPARE(rows, workspace.stats().incidents);
    const QString key = set + u' ' + format;
    const QString digest = QString::fromLatin1(QCryptographicHash::hash(maskedExport(actual), QCryptographicHash::Sha256).toHex());
    m_actual.insert(key, digest);
    if (qEnvironmentVariableIsSet("RASID_UPDATE_GOLDEN")) {
        return;
    }
    const QMap<QString, QString> expected = readDigests();
    QVERIFY2(expected.contains(key), qPrintable(kDigests + u" has no digest for "_s + key));
    QVERIFY2(expected.value(key) == digest,
             qPrintable(u"the %1 export of %2 changed (%3 incidents); if the change is deliberate, run with "
                        "RASID_UPDATE_GOLDEN=1"_s.arg(format, folder).arg(rows)));
}

void SharedExportTest::cleanupTestCase()
{
    if (!qEnvironmentVariableIsSet("RASID_UPDATE_GOLDEN") || m_actual.isEmpty()) {
        return;
    }
    QMap<QString, QString> digests = readDigests();
    for (auto it = m_actual.cbegin(); it != m_actual.cend(); ++it) {
        digests.insert(it.key(), it.value());
    }
    QFile file(kDigests);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (auto it = digests.cbegin(); it != digests.cend(); ++it) {
        file.write((it.key() + u' ' + it.value() + u'\n').toUtf8());
    }
}

QTEST_GUILESS_MAIN(SharedExportTest)
#include "sharedexport_test.moc"
