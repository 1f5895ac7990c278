#include "extract/incident.h"
#include "store/importer.h"
#include "store/workspace.h"
#include "testfiles.h"
#include "workspacecheck.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString kArticle = u"تعرضت وزارة الصحة في الأردن لهجوم إلكتروني أدى إلى تسريب بيانات نحو 300 ألف مريض.\n\n"
                         "وأكدت الوزارة أن فرقها الفنية تعمل على احتواء الحادث."_s;

using TestFiles::writeFile;

QByteArray article(int n)
{
    return (u"خبر رقم %1 عن هجوم إلكتروني\n\n"_s.arg(n) + kArticle + u"\n\nتفاصيل إضافية رقم %1."_s.arg(n)).toUtf8();
}

// Writes articles a0.txt .. a<count-1>.txt into the folder.
bool writeArticles(const QString &folder, int count)
{
    for (int i = 0; i < count; ++i) {
        if (!writeFile(folder + u"/a%1.txt"_s.arg(i), article(i))) {
            return false;
        }
    }
    return true;
}

using WorkspaceCheck::firstInt;

// How many stored fields, over all incidents, have this origin.
int fieldsWithOrigin(const Workspace &ws, const QString &origin)
{
    QSqlQuery query(ws.database());
    if (!query.exec(u"SELECT fields FROM incidents"_s)) {
        return -1;
    }
    int found = 0;
    while (query.next()) {
        for (const IncidentField &field : unpackFields(query.value(0).toString())) {
            found += field.origin == origin ? 1 : 0;
        }
    }
    return found;
}

// Rows whose parent row is missing. An import writes with foreign keys off
// (Workspace::setBulkWriting), so nothing else would notice one.
int danglingReferences(const Workspace &ws)
{
    return firstInt(ws, u"SELECT count(*) FROM pragma_foreign_key_check"_s);
}

QString problemFor(const Workspace &ws, const QString &path)
{
    QSqlQuery query(ws.database());
    query.prepare(u"SELECT reason FROM problems WHERE path = ?"_s);
    query.addBindValue(path);
    if (!query.exec() || !query.next()) {
        return {};
    }
    return query.value(0).toString();
}

ImportSummary importFolder(Workspace &ws, const QString &folder, bool extract = false)
{
    Importer importer;
    ImportOptions options;
    options.folder = folder;
    options.extract = extract;
    options.batchSize = 4;
    return importer.run(ws, options);
}

} // namespace

class ImporterTest : public QObject
{
    Q_OBJECT
private slots:
    void importsTheSampleFolder();
    void recordsEveryBadFileKind_data();
    void recordsEveryBadFileKind();
    void keepsGoodLinesOfBrokenJsonLines();
    void skipsOtherFileTypesHiddenFoldersAndTheWorkspace();
    void survivesSymlinkLoops();
    void importsIdenticalArticlesOnce();
    void reimportIsIncremental();
    void indexesEveryArticleOnceWhateverTheBatch_data();
    void indexesEveryArticleOnceWhateverTheBatch();
    void reimportKeepsAnalystDecisions();
    void cancelLeavesConsistentWorkspaceAndResumes();
    void refusesAnotherFolder();
    void cancelBeforeRunStopsItAndIsThenCleared();
    void workspaceLexiconTakesPartInMatching();
    void storesEntitiesWithExactSpans();
    void reportsProgress();
    void bulkWritingLastsOnlyForTheImport_data();
    void bulkWritingLastsOnlyForTheImport();
    void storesEachFileSizeAndModificationTime_data();
    void storesEachFileSizeAndModificationTime();
};

void ImporterTest::importsTheSampleFolder()
{
    const QString samples = QStringLiteral(RASID_SAMPLES_DIR);
    if (!QDir(samples).exists()) {
        QSKIP("no sample folder");
    }
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"s.rasid"_s)));
    const ImportSummary summary = importFolder(ws, samples);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.failed, 0);
    QVERIFY(summary.articles >= 10);
    // The windows-1256 sample is decoded as such and searchable in Arabic.
    QSqlQuery query(ws.database());
    query.prepare(u"SELECT encoding FROM articles WHERE path LIKE '%1256%'"_s);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toString(), u"windows-1256"_s);
    // The JSON-lines sample holds two articles.
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles WHERE path LIKE 'news_feed.jsonl#%'"_s), 2);
    // The HTML sample keeps text only.
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles WHERE text LIKE '%<script%' OR text LIKE '%<p>%'"_s), 0);
}

void ImporterTest::recordsEveryBadFileKind_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("empty") << u"empty.txt"_s << QByteArray() << u"empty"_s;
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    QTest::newRow("binary") << u"binary.txt"_s << QByteArray(png, sizeof(png) - 1) << u"binary"_s;
    QTest::newRow("broken json") << u"broken.json"_s << QByteArray("{\"title\": \"x\", \"text\": ") << u"JSON"_s;
    QTest::newRow("unreadable (dangling link)") << u"dangling.txt"_s << QByteArray("@link") << u"read"_s;
    QTest::newRow("too large") << u"huge.txt"_s << QByteArray("@huge") << u"too large"_s;
    QTest::newRow("punctuation only") << u"dots.txt"_s << u"،.؟! "_s.repeated(200).toUtf8() << u"after cleaning"_s;
}

void ImporterTest::recordsEveryBadFileKind()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reasonPart);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/good.txt"_s, article(1)));
    const QString path = folder + u'/' + name;
    if (bytes == "@link") {
        QVERIFY(QFile::link(folder + u"/does-not-exist.txt"_s, path));
    } else if (bytes == "@huge") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(21 * 1024 * 1024)); // sparse: costs no disk
    } else {
        QVERIFY(writeFile(path, bytes));
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder);
    QVERIFY(summary.error.isEmpty());
    QCOMPARE(summary.failed, 1);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles"_s), 1); // the good file is imported all the same
    const QString reason = problemFor(ws, name);
    QVERIFY2(reason.contains(reasonPart, Qt::CaseInsensitive), qPrintable(reason));
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM files WHERE path = ? AND status = 'failed'"_s, {name}), 1);
}

void ImporterTest::keepsGoodLinesOfBrokenJsonLines()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    const QByteArray lines = QByteArray("{\"title\": \"أول\", \"url\": \"https://example.org/1\", \"text\": \"")
        + QString(kArticle).replace(u"\n"_s, u"\\n"_s).toUtf8() + "\"}\n"
        + "{\"title\": broken\n"
        + "{\"title\": \"ثالث\", \"content\": \"نص مختلف عن هجوم فدية على مستشفى في بيروت.\"}\n";
    QVERIFY(writeFile(folder + u"/feed.jsonl"_s, lines));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(summary.problems, 1);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles"_s), 2);
    QVERIFY(problemFor(ws, u"feed.jsonl"_s).contains(u"2"_s));
}

void ImporterTest::skipsOtherFileTypesHiddenFoldersAndTheWorkspace()
{
    QTemporaryDir dir;
    const QString folder = dir.path();
    QVERIFY(writeFile(folder + u"/a.txt"_s, article(1)));
    QVERIFY(writeFile(folder + u"/sub/deeper/b.md"_s, article(2)));
    QVERIFY(writeFile(folder + u"/report.odt"_s, "PK"));
    QVERIFY(writeFile(folder + u"/.git/c.txt"_s, article(3)));
    QVERIFY(writeFile(folder + u"/.hidden.txt"_s, article(4)));
    Workspace ws;
    QVERIFY(ws.open(folder + u"/corpus.rasid"_s)); // the workspace lives inside the folder
    const ImportSummary summary = importFolder(ws, folder);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(summary.skipped, 1);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles"_s), 2);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles WHERE path = 'sub/deeper/b.md'"_s), 1);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM files WHERE path = 'report.odt' AND status = 'skipped'"_s), 1);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM files WHERE path LIKE '%rasid%'"_s), 0);
}

void ImporterTest::survivesSymlinkLoops()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/sub/a.txt"_s, article(1)));
    QVERIFY(QFile::link(folder, folder + u"/sub/loop"_s));
    QVERIFY(QFile::link(folder + u"/sub"_s, folder + u"/sub/self"_s));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder);
    QVERIFY(summary.error.isEmpty());
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles"_s), 1);
}

void ImporterTest::importsIdenticalArticlesOnce()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/a.txt"_s, article(1)));
    // The same article with other harakat, tatweel and line endings is still a copy.
    QString copy = QString::fromUtf8(article(1));
    copy.replace(u"هجوم"_s, u"هُجُـوم"_s).replace(u"\n"_s, u"\r\n"_s);
    QVERIFY(writeFile(folder + u"/b.txt"_s, copy.toUtf8()));
    QVERIFY(writeFile(folder + u"/c.txt"_s, article(2)));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder);
    QCOMPARE(summary.duplicates, 1);
    QCOMPARE(ws.stats().articles, 2);
    QCOMPARE(ws.stats().duplicates, 1);
    QCOMPARE(firstInt(ws, u"SELECT duplicate_of FROM articles WHERE path = 'b.txt'"_s),
             firstInt(ws, u"SELECT id FROM articles WHERE path = 'a.txt'"_s));
    QCOMPARE(ws.searchCount(u"هجوم"_s), 2);
}

void ImporterTest::reimportIsIncremental()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeArticles(folder, 6));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QCOMPARE(importFolder(ws, folder).articles, 6);

    const ImportSummary again = importFolder(ws, folder);
    QCOMPARE(again.unchanged, 6);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.articles, 0);

    QTest::qWait(20); // a distinct mtime
    QVERIFY(writeFile(folder + u"/a1.txt"_s, article(100)));
    QVERIFY(QFile::remove(folder + u"/a2.txt"_s));
    QVERIFY(writeFile(folder + u"/new.txt"_s, article(7)));
    const ImportSummary changed = importFolder(ws, folder);
    QCOMPARE(changed.imported, 2);
    QCOMPARE(changed.missing, 1);
    QCOMPARE(changed.unchanged, 4);
    QCOMPARE(firstInt(ws, u"SELECT missing FROM articles WHERE path = 'a2.txt'"_s), 1);
    QCOMPARE(ws.searchCount(u"100"_s), 1);
    QCOMPARE(ws.stats().articles, 6);
    QCOMPARE(danglingReferences(ws), 0);
}

void ImporterTest::indexesEveryArticleOnceWhateverTheBatch_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::newRow("one file a batch") << 1;
    QTest::newRow("three files a batch") << 3;
    QTest::newRow("one batch") << 64;
}

// New articles of a batch are indexed together at its end; changed ones through
// the update trigger. Either way each article is in the index exactly once.
void ImporterTest::indexesEveryArticleOnceWhateverTheBatch()
{
    QFETCH(int, batchSize);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeArticles(folder, 7));
    QVERIFY(writeFile(folder + u"/copy.txt"_s, article(3))); // a duplicate: indexed by its title only
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const auto import = [&] {
        Importer importer;
        ImportOptions options;
        options.folder = folder;
        options.batchSize = batchSize;
        return importer.run(ws, options);
    };
    QCOMPARE(import().articles, 8);
    const auto checkIndex = [&] {
        QSqlQuery check(ws.database());
        QVERIFY2(check.exec(u"INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"_s),
                 qPrintable(check.lastError().text()));
        QCOMPARE(firstInt(ws, u"SELECT count(*) FROM article_fts_docsize"_s),
                 firstInt(ws, u"SELECT count(*) FROM articles"_s));
        QCOMPARE(firstInt(ws, u"SELECT count(*) FROM meta WHERE key = 'fts_batch'"_s), 0);
    };
    checkIndex();
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(ws.searchCount(u"\"%1 عن\""_s.arg(i)), 1);
    }

    QTest::qWait(20); // a distinct mtime
    QVERIFY(writeFile(folder + u"/a1.txt"_s, article(101)));
    QVERIFY(writeFile(folder + u"/b.txt"_s, article(102)));
    const ImportSummary changed = import();
    QCOMPARE(changed.imported, 2);
    checkIndex();
    QCOMPARE(ws.searchCount(u"101"_s), 1);
    QCOMPARE(ws.searchCount(u"102"_s), 1);
    QCOMPARE(ws.searchCount(u"\"1 عن\""_s), 0);
}

void ImporterTest::reimportKeepsAnalystDecisions()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/a.txt"_s, article(1)));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    importFolder(ws, folder);
    const int articleId = firstInt(ws, u"SELECT id FROM articles WHERE path = 'a.txt'"_s);
    {
        QSqlQuery insert(ws.database());
        insert.prepare(u"INSERT INTO incidents(article_id, review_status, confidence, created_at) "
                       "VALUES (?, 'confirmed', 1, '2026-01-01T00:00:00Z')"_s);
        insert.addBindValue(articleId);
        QVERIFY(insert.exec());
        IncidentField victim;
        victim.name = u"victim"_s;
        victim.value = u"وزارة الصحة"_s;
        victim.origin = u"corrected"_s;
        QSqlQuery field(ws.database());
        field.prepare(u"UPDATE incidents SET fields = ? WHERE id = ?"_s);
        field.addBindValue(packFields({victim}));
        field.addBindValue(insert.lastInsertId());
        QVERIFY(field.exec());
        QCOMPARE(field.numRowsAffected(), 1);
        QSqlQuery state(ws.database());
        state.prepare(u"UPDATE articles SET review_state = 'reviewed' WHERE id = ?"_s);
        state.addBindValue(articleId);
        QVERIFY(state.exec());
    }
    QTest::qWait(20);
    QVERIFY(writeFile(folder + u"/a.txt"_s, article(1) + "\n\nتحديث: أضيفت فقرة جديدة."));
    const ImportSummary summary = importFolder(ws, folder, true);
    QCOMPARE(summary.imported, 1);
    QCOMPARE(firstInt(ws, u"SELECT id FROM articles WHERE path = 'a.txt'"_s), articleId);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM incidents WHERE article_id = ? AND review_status = 'confirmed'"_s,
                    {articleId}),
             1);
    QCOMPARE(fieldsWithOrigin(ws, u"corrected"_s), 1);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM incidents WHERE review_status = 'confirmed' "
                          "AND incident_field(fields, 'victim') = 'وزارة الصحة'"_s),
             1);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM articles WHERE review_state = 'reviewed'"_s), 1);
    QCOMPARE(danglingReferences(ws), 0);
}

void ImporterTest::cancelLeavesConsistentWorkspaceAndResumes()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    for (int i = 0; i < 40; ++i) {
        QVERIFY(writeFile(folder + u"/a%1.txt"_s.arg(i, 3, 10, QChar(u'0')), article(i)));
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    Importer importer;
    ImportOptions options;
    options.folder = folder;
    options.extract = false;
    options.batchSize = 4;
    connect(&importer, &Importer::batchWritten, &importer, [&importer](int) { importer.cancel(); });
    const ImportSummary first = importer.run(ws, options);
    QVERIFY(first.cancelled);
    const int afterCancel = ws.stats().articles;
    QVERIFY(afterCancel > 0 && afterCancel < 40);
    QCOMPARE(firstInt(ws, u"SELECT count(*) FROM files WHERE status = 'imported'"_s), afterCancel);
    QSqlQuery check(ws.database());
    check.prepare(u"PRAGMA integrity_check"_s);
    QVERIFY(check.exec() && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);

    const ImportSummary resumed = importFolder(ws, folder);
    QVERIFY(!resumed.cancelled);
    QCOMPARE(resumed.unchanged, afterCancel);
    QCOMPARE(ws.stats().articles, 40);
    QCOMPARE(ws.stats().duplicates, 0);
    QCOMPARE(danglingReferences(ws), 0);
}

void ImporterTest::cancelBeforeRunStopsItAndIsThenCleared()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeArticles(folder, 8));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    Importer importer;
    ImportOptions options;
    options.folder = folder;
    options.extract = false;
    options.batchSize = 2;
    importer.cancel();
    const ImportSummary first = importer.run(ws, options);
    QVERIFY(first.cancelled);
    QCOMPARE(ws.stats().articles, 0);
    QVERIFY(!importer.isCancelled());
    const ImportSummary second = importer.run(ws, options);
    QVERIFY(!second.cancelled);
    QCOMPARE(ws.stats().articles, 8);
}

void ImporterTest::refusesAnotherFolder()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"one/a.txt"_s), article(1)));
    QVERIFY(writeFile(dir.filePath(u"two/b.txt"_s), article(2)));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QVERIFY(importFolder(ws, dir.filePath(u"one"_s)).error.isEmpty());
    const ImportSummary other = importFolder(ws, dir.filePath(u"two"_s));
    QVERIFY(other.error.contains(u"belongs to the folder"_s));
    QCOMPARE(ws.stats().articles, 1);
}

void ImporterTest::workspaceLexiconTakesPartInMatching()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/a.txt"_s,
                      u"أعلنت وميغا باس للخدمات أنها تعرضت لهجوم، وقالت بميغا باس إن البيانات سليمة.\n"_s.toUtf8()));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QSqlQuery teach(ws.database());
    teach.prepare(u"INSERT INTO lexicon(surface, folded, type, value, created_at) VALUES (?, ?, 'organization', ?, ?)"_s);
    teach.addBindValue(u"ميغا باس"_s);
    teach.addBindValue(u"ميغا باس"_s);
    teach.addBindValue(u"ميغا باس"_s);
    teach.addBindValue(u"2026-01-01T00:00:00Z"_s);
    QVERIFY(teach.exec());
    QVERIFY(importFolder(ws, folder, true).error.isEmpty());
    QSqlQuery found(ws.database());
    found.prepare(u"SELECT text FROM entities WHERE type = 'organization' AND text = 'ميغا باس'"_s);
    QVERIFY(found.exec());
    int count = 0;
    while (found.next()) {
        ++count;
    }
    QCOMPARE(count, 2); // وميغا باس and بميغا باس, clitics outside the span
}

void ImporterTest::storesEntitiesWithExactSpans()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/a.txt"_s, article(1)));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QVERIFY(importFolder(ws, folder, true).error.isEmpty());
    QSqlQuery query(ws.database());
    query.prepare(u"SELECT a.text, e.start, e.end, e.text, e.type FROM entities e JOIN articles a ON a.id = e.article_id"_s);
    QVERIFY(query.exec());
    QSet<QString> types;
    while (query.next()) {
        const QString text = query.value(0).toString();
        const int start = query.value(1).toInt();
        const int end = query.value(2).toInt();
        QVERIFY(start >= 0 && start < end && end <= text.size());
        QCOMPARE(text.mid(start, end - start), query.value(3).toString());
        types.insert(query.value(4).toString());
    }
    QVERIFY2(types.contains(u"country"_s) && types.contains(u"quantity"_s) && types.contains(u"organization"_s),
             qPrintable(QStringList(types.values()).join(u',')));
}

void ImporterTest::reportsProgress()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    qint64 total = 0;
    for (int i = 0; i < 10; ++i) {
        const QByteArray bytes = article(i);
        total += bytes.size();
        QVERIFY(writeFile(folder + u"/a%1.txt"_s.arg(i), bytes));
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    Importer importer;
    QSignalSpy spy(&importer, &Importer::progress);
    ImportOptions options;
    options.folder = folder;
    options.batchSize = 3;
    importer.run(ws, options);
    QVERIFY(spy.size() >= 4);
    const QList<QVariant> last = spy.last();
    QCOMPARE(last.at(0).toInt(), 10);
    QCOMPARE(last.at(1).toInt(), 10);
    QCOMPARE(last.at(2).toLongLong(), total);
    QCOMPARE(last.at(3).toLongLong(), total);
}

void ImporterTest::bulkWritingLastsOnlyForTheImport_data()
{
    QTest::addColumn<QString>("ending");
    QTest::newRow("completed") << u"completed"_s;
    QTest::newRow("cancelled after a batch") << u"cancelled"_s;
    QTest::newRow("another folder refused") << u"refused"_s;
}

// An import keeps statement journals in memory and a large page cache; the
// connection gets SQLite's defaults back however the import ends, so that sorts
// of later exports on it can spill to disk.
void ImporterTest::bulkWritingLastsOnlyForTheImport()
{
    QFETCH(QString, ending);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeArticles(folder, 6));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    if (ending == u"refused") {
        QVERIFY(writeFile(dir.filePath(u"other/b.txt"_s), article(9)));
        QVERIFY(importFolder(ws, dir.filePath(u"other"_s)).error.isEmpty());
    }
    Importer importer;
    ImportOptions options;
    options.folder = folder;
    options.extract = true;
    options.batchSize = 2;
    // temp_store, cache_size, wal_autocheckpoint and foreign_keys after each batch
    QVector<QVector<int>> during;
    const auto settings = [&ws] {
        return QVector<int>{firstInt(ws, u"PRAGMA temp_store"_s), firstInt(ws, u"PRAGMA cache_size"_s),
                            firstInt(ws, u"PRAGMA wal_autocheckpoint"_s), firstInt(ws, u"PRAGMA foreign_keys"_s)};
    };
    connect(&importer, &Importer::batchWritten, this, [&](int) {
        during.append(settings());
        if (ending == u"cancelled") {
            importer.cancel();
        }
    }, Qt::DirectConnection);
    const ImportSummary summary = importer.run(ws, options);
    if (ending == u"refused") {
        QVERIFY(!summary.error.isEmpty());
        QVERIFY(during.isEmpty());
    } else {
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.cancelled, ending == u"cancelled");
        QVERIFY(!during.isEmpty());
        for (const QVector<int> &values : std::as_const(during)) {
            // MEMORY, KiB, checkpoints left to the import, references not checked row by row
            QCOMPARE(values, (QVector<int>{2, -65536, 0, 0}));
        }
    }
    QCOMPARE(settings(), (QVector<int>{0, -2000, 1000, 1}));
    QCOMPARE(danglingReferences(ws), 0);
}

void ImporterTest::storesEachFileSizeAndModificationTime_data()
{
    QTest::addColumn<QDateTime>("modified"); // invalid: left as written
    QTest::addColumn<bool>("throughLink");
    QTest::newRow("just written") << QDateTime() << false;
    QTest::newRow("whole second") << QDateTime(QDate(2024, 4, 20), QTime(9, 30), Qt::UTC) << false;
    QTest::newRow("milliseconds") << QDateTime(QDate(2001, 9, 9), QTime(1, 46, 40, 123), Qt::UTC) << false;
    QTest::newRow("through a link") << QDateTime(QDate(2023, 1, 2), QTime(3, 4, 5, 6), Qt::UTC) << true;
}

// The size and modification time a second import compares to skip unchanged
// files are the ones QFileInfo reports (for a link: its target's).
void ImporterTest::storesEachFileSizeAndModificationTime()
{
    QFETCH(QDateTime, modified);
    QFETCH(bool, throughLink);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    // A link's target lies inside the folder: one outside is never read.
    const QString target = (throughLink ? folder + u"/targets/elsewhere.txt"_s : folder + u"/a.txt"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeFile(target, article(1)));
    if (modified.isValid()) {
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
    }
    if (throughLink) {
        QVERIFY(QFile::link(target, folder + u"/a.txt"_s));
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QVERIFY(importFolder(ws, folder).error.isEmpty());
    const QFileInfo info(folder + u"/a.txt"_s);
    QSqlQuery query(ws.database());
    QVERIFY(query.exec(u"SELECT size, mtime FROM files WHERE path = 'a.txt'"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), info.size());
    QCOMPARE(query.value(1).toLongLong(), info.lastModified().toMSecsSinceEpoch());
    if (modified.isValid()) {
        QCOMPARE(query.value(1).toLongLong(), modified.toMSecsSinceEpoch());
    }
}

QTEST_GUILESS_MAIN(ImporterTest)
#include "importer_test.moc"
