#include "extract/incident.h"
#include "store/ftstokenizer.h"
#include "store/workspace.h"
#include "workspacecheck.h"

#include <sqlite3.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Inserts one article (and its file row) through prepared statements.
qint64 addArticle(QSqlDatabase db, const QString &path, const QString &title, const QString &text)
{
    QSqlQuery file(db);
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    file.addBindValue(path);
    if (!file.exec()) {
        return -1;
    }
    QSqlQuery article(db);
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, text) VALUES (?, ?, ?, ?, ?)"_s);
    article.addBindValue(file.lastInsertId());
    article.addBindValue(path);
    article.addBindValue(path);
    article.addBindValue(title);
    article.addBindValue(text);
    if (!article.exec()) {
        return -1;
    }
    return article.lastInsertId().toLongLong();
}

int count(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    query.prepare(sql);
    if (!query.exec() || !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

// The packed fields column of an incident; null when there is no such incident.
QString storedFields(QSqlDatabase db, qint64 incidentId)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT fields FROM incidents WHERE id = ?"_s);
    query.addBindValue(incidentId);
    if (!query.exec() || !query.next()) {
        return {};
    }
    return query.value(0).toString();
}

IncidentField makeField(const QString &name, const QString &value, const QString &origin, double confidence,
                    const QVector<EvidenceSpan> &evidence = {})
{
    return {name, value, origin, confidence, evidence};
}

QVector<IncidentField> sortedByName(QVector<IncidentField> fields)
{
    std::sort(fields.begin(), fields.end(),
              [](const IncidentField &a, const IncidentField &b) { return a.name < b.name; });
    return fields;
}

// Control characters as "\x1E" in failure messages.
QString visible(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c.unicode() < 0x20) {
            out += u"\\x"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(2, u'0');
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

namespace Rasid {

// Readable QCOMPARE failures for fields and lists of fields.
char *toString(const IncidentField &field)
{
    return QTest::toString(u"{%1 = '%2' %3 %4 [%5]}"_s.arg(field.name, visible(field.value), field.origin)
                               .arg(QString::number(field.confidence, 'g', QLocale::FloatingPointShortest), encodeEvidence(field.evidence)));
}

} // namespace Rasid

class WorkspaceTest : public QObject
{
    Q_OBJECT
private slots:
    void sqliteKeepsNoMemoryStatistics(); // first: it needs the process's first connection
    void newWorkspaceHasCurrentSchemaInWal();
    void opensWorkspaceOfEveryEarlierVersion_data();
    void opensWorkspaceOfEveryEarlierVersion();
    void arabicSearchFindsFoldedForms_data();
    void arabicSearchFindsFoldedForms();
    void searchRanksAndCounts();
    void searchIgnoresQuerySyntax();
    void commandLineSearchStripsClitics();
    void cliticVariantsAreIndexed_data();
    void cliticVariantsAreIndexed();
    void preparedTokensIndexLikeTheTokenizer_data();
    void preparedTokensIndexLikeTheTokenizer();
    void secondWriterGetsClearMessage();
    void secondWriterProcessGetsClearMessage();
    void readersDoNotNeedTheLock();
    void additionalWriterSharesTheLock();
    void refusesFilesThatAreNotWorkspaces_data();
    void refusesFilesThatAreNotWorkspaces();
    void refusesNewerSchema();
    void readOnlyOpenSaysWhyItCannot_data();
    void readOnlyOpenSaysWhyItCannot();
    void auditRecordsEdits();
    void bulkStatementStoresEveryBoundText_data();
    void bulkStatementStoresEveryBoundText();
    void bulkWritingCheckpointsOnlyWhenAsked_data();
    void bulkWritingCheckpointsOnlyWhenAsked();
    void packedFields_data();
    void packedFields();
    void unpackingSkipsMalformedRecords_data();
    void unpackingSkipsMalformedRecords();
    void packedValueFindsExactName_data();
    void packedValueFindsExactName();
    void incidentFieldFunctionOnWorkspaceConnections_data();
    void incidentFieldFunctionOnWorkspaceConnections();
};

// The first workspace opened turns SQLite's allocation statistics off (they
// cost the import's writing thread a mutex per allocation).
void WorkspaceTest::sqliteKeepsNoMemoryStatistics()
{
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QVERIFY(addArticle(ws.database(), u"a.txt"_s, u"عنوان"_s, QString(2000, u'ن')) > 0);
    QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
}

void WorkspaceTest::newWorkspaceHasCurrentSchemaInWal()
{
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY2(ws.open(dir.filePath(u"a.rasid"_s)), qPrintable(ws.lastError()));
    QCOMPARE(ws.schemaVersion(), Workspace::SchemaVersion);
    QSqlQuery mode(ws.database());
    mode.prepare(u"PRAGMA journal_mode"_s);
    QVERIFY(mode.exec() && mode.next());
    QCOMPARE(mode.value(0).toString(), u"wal"_s);
    QSqlQuery keys(ws.database());
    keys.prepare(u"PRAGMA foreign_keys"_s);
    QVERIFY(keys.exec() && keys.next());
    QCOMPARE(keys.value(0).toInt(), 1);
}

void WorkspaceTest::opensWorkspaceOfEveryEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int v = 0; v < Workspace::SchemaVersion; ++v) {
        QTest::addRow("version %d", v) << v;
    }
}

void WorkspaceTest::opensWorkspaceOfEveryEarlierVersion()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.rasid"_s);
    qint64 incidentId = 0;
    {
        // Build a workspace exactly as an earlier Rasid left it, with data in it.
        const QString name = u"old-%1"_s.arg(version);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(Workspace::registerExtensions(db, &error), qPrintable(error));
            QVERIFY2(Workspace::migrate(db, version, &error), qPrintable(error));
            if (version >= 1) {
                QVERIFY(addArticle(db, u"old/article.txt"_s, u"عنوان"_s, u"تعرضت الوزارة لهجوم إلكتروني"_s) > 0);
            }
            if (version >= 4) {
                // An incident with field rows as versions 4 to 8 stored them: schema 8 moves
                // the rows to a new table, schema 9 packs them into the incident's own row.
                QSqlQuery incident(db);
                QVERIFY(incident.exec(u"INSERT INTO incidents(article_id, created_at) "
                                      "VALUES ((SELECT max(id) FROM articles), '2024-01-01T00:00:00Z')"_s));
                incidentId = incident.lastInsertId().toLongLong();
                if (version >= 9) {
                    // Schema 9 already holds the fields packed in the incident's row.
                    QSqlQuery packed(db);
                    packed.prepare(u"UPDATE incidents SET fields = ? WHERE id = ?"_s);
                    packed.addBindValue(packFields({
                        makeField(u"victim"_s, u"الوزارة"_s, u"analyst"_s, 1.0, {{6, 13}}),
                        makeField(u"actor"_s, u"Kr4ken Team "_s, u"suggested"_s, 0.85, {{20, 26}, {30, 34}}),
                        makeField(u"motive"_s, QString(), u"corrected"_s, 0.0),
                    }));
                    packed.addBindValue(incidentId);
                    QVERIFY2(packed.exec(), qPrintable(packed.lastError().text()));
                }
                QSqlQuery field(db);
                if (version < 9) {
                    field.prepare(u"INSERT INTO incident_fields(incident_id, name, value, origin, confidence, evidence) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
                }
                const QVariantList rows[] = {
                    {u"victim"_s, u"الوزارة"_s, u"analyst"_s, 1.0, u"6:13"_s},
                    // Both separators of the packed form inside a value, two spans.
                    {u"actor"_s, u"Kr4ken\u001eTeam\u001f"_s, u"suggested"_s, 0.85, u"20:26;30:34"_s},
                    // No value and no evidence: NULLs, as the old schema allowed.
                    {u"motive"_s, QVariant(QMetaType::fromType<QString>()), u"corrected"_s, 0.0,
                     QVariant(QMetaType::fromType<QString>())},
                };
                for (const QVariantList &row : rows) {
                    if (version >= 9) {
                        break; // no field rows any more
                    }
                    field.addBindValue(incidentId);
                    for (const QVariant &value : row) {
                        field.addBindValue(value);
                    }
                    QVERIFY2(field.exec(), qPrintable(field.lastError().text()));
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    Workspace ws;
    QVERIFY2(ws.open(path), qPrintable(ws.lastError()));
    QCOMPARE(ws.schemaVersion(), Workspace::SchemaVersion);
    if (version >= 1) {
        QCOMPARE(count(ws.database(), u"SELECT count(*) FROM articles"_s), 1);
        // Articles written before the full-text index existed are searchable after the upgrade.
        QCOMPARE(ws.searchCount(u"هجوم"_s), 1);
    }
    // The field rows now live in their incident's row: the old table is gone.
    QCOMPARE(count(ws.database(), u"SELECT count(*) FROM sqlite_master WHERE name = 'incident_fields'"_s), 0);
    if (version >= 4) {
        // Every row comes back as it was (separators in a value become spaces); the
        // migration does not promise an order of the records.
        const QString packed = storedFields(ws.database(), incidentId);
        QVERIFY(!packed.isNull());
        const QVector<IncidentField> expected = {
            makeField(u"victim"_s, u"الوزارة"_s, u"analyst"_s, 1.0, {{6, 13}}),
            makeField(u"actor"_s, u"Kr4ken Team "_s, u"suggested"_s, 0.85, {{20, 26}, {30, 34}}),
            makeField(u"motive"_s, QString(), u"corrected"_s, 0.0),
        };
        QCOMPARE(sortedByName(unpackFields(packed)), sortedByName(expected));
        QCOMPARE(count(ws.database(), u"SELECT count(*) FROM incidents WHERE incident_field(fields, 'victim') = 'الوزارة'"_s),
                 1);
    }
    // Articles added after the upgrade are indexed by the trigger when no import batch is open.
    if (version >= 1) {
        QVERIFY(addArticle(ws.database(), u"new/article.txt"_s, u"خبر"_s, u"هجوم ثان على الوزارة"_s) > 0);
        QCOMPARE(ws.searchCount(u"هجوم"_s), 2);
    }
    QSqlQuery check(ws.database());
    QVERIFY2(check.exec(u"INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"_s),
             qPrintable(check.lastError().text()));
    // Every table of the current schema is usable.
    for (const QString &table : {u"files"_s, u"articles"_s, u"problems"_s, u"audit"_s, u"entities"_s,
                                 u"lexicon"_s, u"incidents"_s, u"notes"_s}) {
        QVERIFY2(count(ws.database(), u"SELECT count(*) FROM "_s + table) >= 0, qPrintable(table));
    }
    // Incidents of every version have a fields column, never NULL.
    QCOMPARE(count(ws.database(), u"SELECT count(*) FROM incidents WHERE fields IS NULL"_s), 0);
    QVERIFY(count(ws.database(), u"SELECT count(*) FROM incidents WHERE incident_field(fields, 'victim') IS NULL"_s) >= 0);
}

void WorkspaceTest::arabicSearchFindsFoldedForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::newRow("conjunction and article") << u"أعلنت الشركة عن والاختراق الأخير"_s << u"اختراق"_s;
    QTest::newRow("hamza alef") << u"الإختراق الذي طال الوزارة"_s << u"اختراق"_s;
    QTest::newRow("tanween accusative") << u"شهدت المؤسسة اختراقًا واسعا"_s << u"اختراق"_s;
    QTest::newRow("preposition with article") << u"تتعلق بالاختراق السيبراني"_s << u"اختراق"_s;
    QTest::newRow("arabic-indic digits") << u"في عام ٢٠٢٤ تعرضت"_s << u"2024"_s;
    QTest::newRow("ascii digits queried in arabic-indic") << u"في عام 2024 تعرضت"_s << u"٢٠٢٤"_s;
    QTest::newRow("harakat in text") << u"هُجُومٌ إِلِكْتْرُونِيٌّ"_s << u"هجوم الكتروني"_s;
    QTest::newRow("tatweel") << u"الهجـــوم"_s << u"الهجوم"_s;
    QTest::newRow("ta marbuta") << u"المؤسسه الوطنية"_s << u"المؤسسة الوطنيه"_s;
    QTest::newRow("alef maqsura") << u"مستشفى الجامعة"_s << u"مستشفي"_s;
    QTest::newRow("latin case") << u"مجموعة Jabaroot تتبنى"_s << u"jabaroot"_s;
    // The query is clitic-stripped as the index is: a query word with a clitic
    // finds the same word under another clitic, or under none.
    QTest::newRow("article queried, lil in text") << u"تصدت الوزارة للاختراق"_s << u"الاختراق"_s;
    QTest::newRow("wal queried, bare in text") << u"اختراق خطير"_s << u"والاختراق"_s;
    QTest::newRow("wal queried, bal in text") << u"تتعلق بالاختراق"_s << u"والاختراق"_s;
    QTest::newRow("bi queried, bare name in text") << u"في لبنان أمس"_s << u"بلبنان"_s;
    QTest::newRow("clitic and harakat queried") << u"تتعلق بالاختراق"_s << u"لِلاِخْتِراق"_s;
    QTest::newRow("hamza on waw kept") << u"مؤسسة الضمان"_s << u"مؤسسة"_s;
}

void WorkspaceTest::arabicSearchFindsFoldedForms()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"s.rasid"_s)));
    QVERIFY(addArticle(ws.database(), u"match.txt"_s, u"خبر"_s, text) > 0);
    QVERIFY(addArticle(ws.database(), u"other.txt"_s, u"خبر آخر"_s, u"لا علاقة لهذا النص بالموضوع"_s) > 0);
    const QVector<SearchHit> hits = ws.search(query, 10);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().path, u"match.txt"_s);
    QCOMPARE(ws.searchCount(query), 1);
}

void WorkspaceTest::searchRanksAndCounts()
{
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"s.rasid"_s)));
    QVERIFY(addArticle(ws.database(), u"once.txt"_s, u"خبر"_s, u"ذكر الفدية مرة واحدة بين كلمات كثيرة أخرى هنا"_s) > 0);
    QVERIFY(addArticle(ws.database(), u"title.txt"_s, u"هجوم فدية على مستشفى"_s, u"برنامج الفدية والفدية والفدية"_s) > 0);
    QVERIFY(addArticle(ws.database(), u"none.txt"_s, u"خبر"_s, u"نص عن الطقس"_s) > 0);
    const QVector<SearchHit> hits = ws.search(u"فدية"_s, 10);
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.first().path, u"title.txt"_s);
    QCOMPARE(ws.search(u"فدية"_s, 1).size(), 1);
    QCOMPARE(ws.searchCount(u"فدية مستشفى"_s), 1);
    QCOMPARE(ws.searchCount(u"   "_s), 0);
}

void WorkspaceTest::searchIgnoresQuerySyntax()
{
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"s.rasid"_s)));
    QVERIFY(addArticle(ws.database(), u"a.txt"_s, u"t"_s, u"hack OR leak AND \"quoted\" NEAR text"_s) > 0);
    // FTS5 operators and quotes in a query are plain words, never syntax errors.
    QCOMPARE(ws.searchCount(u"OR"_s), 1);
    QCOMPARE(ws.searchCount(u"\"quoted"_s), 1);
    QCOMPARE(ws.searchCount(u"NEAR("_s), 1);
    QCOMPARE(ws.searchCount(u"*"_s), 0);
}

void WorkspaceTest::commandLineSearchStripsClitics()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"c.rasid"_s);
    {
        Workspace ws;
        QVERIFY(ws.open(path));
        QVERIFY(addArticle(ws.database(), u"lil.txt"_s, u"خبر"_s, u"تصدت الوزارة للاختراق"_s) > 0);
        QVERIFY(addArticle(ws.database(), u"bare.txt"_s, u"خبر"_s, u"اختراق جديد"_s) > 0);
        QVERIFY(addArticle(ws.database(), u"other.txt"_s, u"خبر"_s, u"لا علاقة له"_s) > 0);
    }
    for (const QString &query : {u"الاختراق"_s, u"والاختراق"_s, u"اختراق"_s}) {
        QProcess cli;
        cli.start(QStringLiteral(RASID_CLI_PATH), {u"search"_s, path, query, u"--count"_s});
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(cli.readAllStandardOutput()).trimmed(), u"2"_s);
    }
}

void WorkspaceTest::cliticVariantsAreIndexed_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("variants");
    QTest::newRow("wal") << u"والاختراق"_s << QStringList{u"الاختراق"_s, u"اختراق"_s};
    QTest::newRow("bal") << u"بالهجوم"_s << QStringList{u"الهجوم"_s, u"هجوم"_s};
    QTest::newRow("lil") << u"للضمان"_s << QStringList{u"ضمان"_s, u"لضمان"_s};
    QTest::newRow("too short to strip") << u"وزن"_s << QStringList{};
    QTest::newRow("latin untouched") << u"wallet"_s << QStringList{};
}

void WorkspaceTest::cliticVariantsAreIndexed()
{
    QFETCH(QString, word);
    QFETCH(QStringList, variants);
    QStringList actual = cliticVariants(word);
    for (const QString &expected : variants) {
        QVERIFY2(actual.contains(expected), qPrintable(actual.join(u',')));
    }
    if (variants.isEmpty()) {
        QVERIFY(actual.isEmpty());
    }
}

void WorkspaceTest::preparedTokensIndexLikeTheTokenizer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("replayed");
    QTest::newRow("clitics") << u"والاختراق بالهجوم للضمان وزن"_s << true;
    QTest::newRow("diacritics and tatweel") << u"هُجُومٌ إلكترونـــي على الوِزارة"_s << true;
    QTest::newRow("latin and digits") << u"LockBit تبنت الهجوم على ٣٠٠ ألف حساب و 2,000 ملف"_s << true;
    QTest::newRow("emoji") << u"تسريب 🔥 بيانات 👩‍💻 العملاء"_s << true;
    QTest::newRow("punctuation only") << u"، . ؟ !"_s << true;
    // A 40,000-letter word is longer than a prepared entry holds: tokenized as usual.
    QTest::newRow("word too long to prepare") << QString(40000, QChar(u'ب')) << false;
}

// The writing thread replays tokens prepared by the extracting threads; the index
// must be exactly what the tokenizer makes of the text (terms, columns, positions).
void WorkspaceTest::preparedTokensIndexLikeTheTokenizer()
{
    QFETCH(QString, text);
    QFETCH(bool, replayed);
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY2(ws.open(dir.filePath(u"p.rasid"_s)), qPrintable(ws.lastError()));
    QSqlQuery sql(ws.database());
    for (const char *table : {"plain", "prepared"}) {
        QVERIFY2(sql.exec(u"CREATE VIRTUAL TABLE %1 USING fts5(x, tokenize = 'rasid')"_s.arg(QLatin1StringView(table))),
                 qPrintable(sql.lastError().text()));
        QVERIFY(sql.exec(u"CREATE VIRTUAL TABLE %1_terms USING fts5vocab(%1, 'instance')"_s.arg(
            QLatin1StringView(table))));
    }
    const auto insert = [&ws](const char *table, const QString &value) {
        QSqlQuery query(ws.database());
        query.prepare(u"INSERT INTO %1(x) VALUES (?)"_s.arg(QLatin1StringView(table)));
        query.addBindValue(value);
        return query.exec();
    };
    QVERIFY(insert("plain", text));
    const FtsPreparedText prepared = FtsPreparedText::prepare(text);
    QCOMPARE(prepared.replayable, replayed);
    {
        FtsPreparedTexts scope;
        scope.add(prepared);
        QVERIFY(insert("prepared", text));
    }
    const auto terms = [&ws](const char *table) {
        QStringList rows;
        QSqlQuery query(ws.database());
        if (query.exec(u"SELECT term, col, offset FROM %1_terms ORDER BY offset, term"_s.arg(QLatin1StringView(table)))) {
            while (query.next()) {
                rows.append(u"%1@%2"_s.arg(query.value(0).toString()).arg(query.value(2).toInt()));
            }
        }
        return rows;
    };
    QCOMPARE(terms("prepared"), terms("plain"));
    QVERIFY2(sql.exec(u"INSERT INTO prepared(prepared) VALUES ('integrity-check')"_s), qPrintable(sql.lastError().text()));

    // The replay is what indexed it: tokens prepared from other words under this
    // text's bytes are what the index then holds.
    if (replayed) {
        const QString other = u"كلمة مختلفة"_s;
        FtsPreparedText forged = FtsPreparedText::prepare(other);
        forged.utf8 = prepared.utf8;
        QVERIFY(sql.exec(u"DELETE FROM prepared"_s) && sql.exec(u"DELETE FROM plain"_s));
        QVERIFY(insert("plain", other));
        FtsPreparedTexts scope;
        scope.add(forged);
        QVERIFY(insert("prepared", text));
        QCOMPARE(terms("prepared"), terms("plain"));
        QVERIFY(terms("plain").contains(u"مختلفه@1"_s));
    }
}

void WorkspaceTest::secondWriterGetsClearMessage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"w.rasid"_s);
    Workspace first;
    QVERIFY(first.open(path));
    Workspace second;
    QVERIFY(!second.open(path));
    QVERIFY2(second.lastError().contains(u"already open for writing"_s), qPrintable(second.lastError()));
    first.close();
    QVERIFY2(second.open(path), qPrintable(second.lastError()));
}

void WorkspaceTest::secondWriterProcessGetsClearMessage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"w.rasid"_s);
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(QDir().mkpath(folder));
    Workspace first;
    QVERIFY(first.open(path));
    QProcess cli;
    cli.start(QStringLiteral(RASID_CLI_PATH), {u"import"_s, folder, u"--workspace"_s, path});
    QVERIFY(cli.waitForFinished(20000)); // no hang
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(u"already open for writing"_s), qPrintable(err));
    // The workspace is undamaged and still ours.
    QCOMPARE(first.schemaVersion(), Workspace::SchemaVersion);
}

void WorkspaceTest::readersDoNotNeedTheLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"r.rasid"_s);
    Workspace writer;
    QVERIFY(writer.open(path));
    QVERIFY(addArticle(writer.database(), u"a.txt"_s, u"t"_s, u"تسريب بيانات"_s) > 0);
    Workspace reader;
    QVERIFY2(reader.open(path, Workspace::Mode::ReadOnly), qPrintable(reader.lastError()));
    QCOMPARE(reader.searchCount(u"تسريب"_s), 1);
    QCOMPARE(reader.stats().articles, 1);
}

void WorkspaceTest::additionalWriterSharesTheLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"g.rasid"_s);
    Workspace gui;
    QVERIFY(gui.open(path));
    Workspace importThread;
    QVERIFY2(importThread.open(path, Workspace::Mode::AdditionalWriter), qPrintable(importThread.lastError()));
    QVERIFY(addArticle(importThread.database(), u"a.txt"_s, u"t"_s, u"تسريب بيانات"_s) > 0);
    QCOMPARE(gui.stats().articles, 1);
    importThread.close();
    // The primary still holds the lock after the additional connection closes.
    Workspace other;
    QVERIFY(!other.open(path));
}

void WorkspaceTest::refusesFilesThatAreNotWorkspaces_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("sqliteOther");
    QTest::newRow("text file") << QByteArray("this is a note, not a database\n") << false;
    QTest::newRow("truncated sqlite header") << QByteArray("SQLite format 3\0garbage garbage", 32) << false;
    QTest::newRow("other sqlite database") << QByteArray() << true;
}

void WorkspaceTest::refusesFilesThatAreNotWorkspaces()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, sqliteOther);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.rasid"_s);
    if (sqliteOther) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE notes(x)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"other"_s);
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();

    Workspace ws;
    QVERIFY(!ws.open(path));
    QVERIFY(!ws.lastError().isEmpty());
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), original); // never overwritten
}

void WorkspaceTest::readOnlyOpenSaysWhyItCannot_data()
{
    QTest::addColumn<int>("version"); // -1: an empty file
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty file (being created)") << -1 << u"is empty"_s;
    QTest::newRow("schema 3") << 3 << u"older schema (3)"_s;
    QTest::newRow("schema 7") << 7 << u"older schema (7)"_s;
}

// Readers never write, so they cannot create or upgrade a workspace; they say
// which of the two is missing, and leave the file as it was.
void WorkspaceTest::readOnlyOpenSaysWhyItCannot()
{
    QFETCH(int, version);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"o.rasid"_s);
    if (version < 0) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    } else {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"older"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(Workspace::registerExtensions(db, &error), qPrintable(error));
            QVERIFY2(Workspace::migrate(db, version, &error), qPrintable(error));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"older"_s);
    }
    const qint64 size = QFileInfo(path).size();
    Workspace reader;
    QVERIFY(!reader.open(path, Workspace::Mode::ReadOnly));
    QVERIFY2(reader.lastError().contains(expected), qPrintable(reader.lastError()));
    QCOMPARE(QFileInfo(path).size(), size);
}

void WorkspaceTest::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"n.rasid"_s);
    {
        Workspace ws;
        QVERIFY(ws.open(path));
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(Workspace::SchemaVersion + 1)));
        q.finish();
        q = QSqlQuery();
    }
    Workspace ws;
    QVERIFY(!ws.open(path));
    QVERIFY2(ws.lastError().contains(u"newer"_s), qPrintable(ws.lastError()));
}

void WorkspaceTest::auditRecordsEdits()
{
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"a.rasid"_s)));
    QVERIFY(ws.beginTransaction());
    QVERIFY(ws.audit(u"سارة"_s, u"incident.victim"_s, 7, u"old"_s, u"new"_s));
    QVERIFY(ws.commit());
    QSqlQuery q(ws.database());
    q.prepare(u"SELECT analyst, what, subject_id, old_value, new_value, at FROM audit"_s);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), u"سارة"_s);
    QCOMPARE(q.value(1).toString(), u"incident.victim"_s);
    QCOMPARE(q.value(2).toInt(), 7);
    QCOMPARE(q.value(3).toString(), u"old"_s);
    QCOMPARE(q.value(4).toString(), u"new"_s);
    QVERIFY(q.value(5).toString().endsWith(u'Z'));
}

QTEST_GUILESS_MAIN(WorkspaceTest)
void WorkspaceTest::bulkStatementStoresEveryBoundText_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::newRow("short texts") << QStringList{u"FR"_s, u"ma"_s, u"x"_s, QString(), u""_s, u"unknown"_s};
    QStringList many;
    for (int i = 0; i < 40; ++i) {
        many.append(i % 3 ? u"حقل %1"_s.arg(i) : u"a long value that does not fit in a small buffer %1"_s.arg(i));
    }
    QTest::newRow("forty texts, short and long") << many;
    QTest::newRow("Arabic, diacritics, tatweel, emoji")
        << QStringList{u"هـجـومٌ"_s, u"وزارة الصحة"_s, u"😀 Lazarus"_s, u"٢٠٢٤"_s};
    // An unpaired surrogate (text cut inside an emoji) is stored as U+FFFD.
    QTest::newRow("unpaired surrogate") << QStringList{QString(QChar(0xD83D)) + u"x"_s};
}

// Text is converted to UTF-8 into a buffer per parameter; every value must reach
// the row intact, whatever the number, length and order of the parameters.
void WorkspaceTest::bulkStatementStoresEveryBoundText()
{
    QFETCH(QStringList, values);
    Workspace ws;
    QVERIFY(ws.open(u":memory:"_s));
    QVERIFY(QSqlQuery(ws.database()).exec(u"CREATE TEMP TABLE t (i INTEGER, v TEXT)"_s));
    QByteArray sql = "INSERT INTO t(i, v) VALUES ";
    for (int i = 0; i < values.size(); ++i) {
        sql += i ? ", (?, ?)" : "(?, ?)";
    }
    BulkStatement insert(ws, sql.constData());
    QVERIFY(insert.isValid());
    for (int round = 0; round < 2; ++round) { // the buffers are reused on the second run
        for (int i = 0; i < values.size(); ++i) {
            insert.bind(2 * i + 1, qint64(round * 1000 + i));
            insert.bind(2 * i + 2, QStringView(values.at(i)));
        }
        QVERIFY(insert.exec());
    }
    QSqlQuery read(ws.database());
    QVERIFY(read.exec(u"SELECT i, v FROM t ORDER BY i"_s));
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < values.size(); ++i) {
            QVERIFY(read.next());
            QCOMPARE(read.value(0).toInt(), round * 1000 + i);
            QString expected = values.at(i);
            for (QChar &c : expected) {
                if (c.isSurrogate() && !(c.isHighSurrogate() && &c + 1 != expected.end() && (&c + 1)->isLowSurrogate())
                    && !(c.isLowSurrogate() && &c != expected.begin() && (&c - 1)->isHighSurrogate())) {
                    c = QChar::ReplacementCharacter;
                }
            }
            QCOMPARE(read.value(1).isNull(), values.at(i).isNull());
            QCOMPARE(read.value(1).toString(), expected);
        }
    }
}

void WorkspaceTest::bulkWritingCheckpointsOnlyWhenAsked_data()
{
    QTest::addColumn<int>("megabytes"); // committed in transactions of 1 MB
    QTest::addColumn<bool>("due");
    QTest::newRow("8 MB: not due") << 8 << false;
    QTest::newRow("20 MB: due") << 20 << true;
}

// While bulk writing, commits leave the log alone (SQLite would copy it into the
// database every 4 MB, fsync included, inside the commit); checkpointIfDue()
// copies it once 16 MB have accumulated, and not before.
void WorkspaceTest::bulkWritingCheckpointsOnlyWhenAsked()
{
    QFETCH(int, megabytes);
    QFETCH(bool, due);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"w.rasid"_s);
    Workspace ws;
    QVERIFY(ws.open(path));
    QVERIFY(ws.setBulkWriting(true));
    QCOMPARE(WorkspaceCheck::firstInt(ws, u"PRAGMA foreign_keys"_s), 0);
    const qint64 before = QFileInfo(path).size();
    const QString megabyte(512 * 1024, u'ب'); // two bytes each in UTF-8
    for (int i = 0; i < megabytes; ++i) {
        QVERIFY(ws.beginTransaction());
        QVERIFY(ws.setMeta(u"blob%1"_s.arg(i), megabyte));
        QVERIFY(ws.commit());
    }
    const qint64 logged = QFileInfo(path + u"-wal"_s).size();
    QCOMPARE(QFileInfo(path).size(), before); // every page is still in the log only
    QVERIFY2(logged >= megabytes * 1000000LL, qPrintable(QString::number(logged)));

    QVERIFY(ws.checkpointIfDue());
    const qint64 after = QFileInfo(path).size();
    if (due) {
        QVERIFY2(after >= megabytes * 1000000LL, qPrintable(QString::number(after)));
    } else {
        QCOMPARE(after, before);
    }

    // Back to SQLite's own checkpoints: the next commit copies the log.
    QVERIFY(ws.setBulkWriting(false));
    QVERIFY(ws.beginTransaction());
    QVERIFY(ws.setMeta(u"last"_s, u"x"_s));
    QVERIFY(ws.commit());
    QVERIFY(QFileInfo(path).size() >= megabytes * 1000000LL);
    QCOMPARE(WorkspaceCheck::firstInt(ws, u"PRAGMA wal_autocheckpoint"_s), 1000);
    QCOMPARE(WorkspaceCheck::firstInt(ws, u"PRAGMA foreign_keys"_s), 1);
}

// An incident's fields in its packed column (see packFields()) come back exactly.
void WorkspaceTest::packedFields_data()
{
    QTest::addColumn<QVector<IncidentField>>("fields");
    QTest::addColumn<QVector<IncidentField>>("expected"); // what unpacking gives back
    QTest::addColumn<QStringList>("confidences"); // each record's confidence unit

    QTest::newRow("no fields") << QVector<IncidentField>{} << QVector<IncidentField>{} << QStringList{};

    const QVector<IncidentField> arabic = {
        makeField(u"victim"_s, u"وِزارَةُ الصِّحّـــةِ الأردنيّة"_s, u"suggested"_s, 0.85, {{6, 13}})};
    QTest::newRow("arabic with diacritics and tatweel") << arabic << arabic << QStringList{u"0.85"_s};

    const QVector<IncidentField> emoji = {
        makeField(u"actor"_s, u"Kr4ken 🐙 crew"_s, u"confirmed"_s, 1.0, {{0, 6}, {20, 31}, {40, 42}})};
    QTest::newRow("latin and emoji") << emoji << emoji << QStringList{u"1"_s};

    const QVector<IncidentField> empty = {makeField(u"records_affected"_s, QString(), u"corrected"_s, 0.0)};
    QTest::newRow("empty value, no evidence") << empty << empty << QStringList{u"0"_s};

    QTest::newRow("separators in a value become spaces")
        << QVector<IncidentField>{makeField(u"victim"_s, u"\u001fوزارة\u001eالصحة\u001f\u001eالأردنية\u001e"_s,
                                            u"suggested"_s, 0.5, {{1, 2}})}
        << QVector<IncidentField>{makeField(u"victim"_s, u" وزارة الصحة  الأردنية "_s, u"suggested"_s, 0.5, {{1, 2}})}
        << QStringList{u"0.5"_s};

    const QVector<IncidentField> sum = {makeField(u"victim"_s, u"البريد"_s, u"suggested"_s, 0.1 + 0.2)};
    QTest::newRow("confidence 0.1 + 0.2") << sum << sum << QStringList{u"0.30000000000000004"_s};
    const QVector<IncidentField> third = {makeField(u"victim"_s, u"البريد"_s, u"suggested"_s, 2.0 / 3.0)};
    QTest::newRow("confidence 2/3") << third << third << QStringList{u"0.6666666666666666"_s};
    const QVector<IncidentField> tiny = {makeField(u"victim"_s, u"البريد"_s, u"suggested"_s, 1e-7)};
    QTest::newRow("tiny confidence") << tiny << tiny << QStringList{u"1e-07"_s};

    const QVector<IncidentField> several = {
        makeField(u"victim"_s, u"هيئة البريد"_s, u"suggested"_s, 0.85, {{6, 17}}),
        makeField(u"victim_country"_s, u"FR"_s, u"confirmed"_s, 1.0),
        makeField(u"attack_type"_s, u"ddos"_s, u"corrected"_s, 0.0, {{1, 2}, {3, 3}, {100000, 100010}}),
    };
    QTest::newRow("every origin, several spans and none")
        << several << several << QStringList{u"0.85"_s, u"1"_s, u"0"_s};

    QVector<IncidentField> full;
    QStringList fullConfidences;
    for (const QString &name : incidentFieldNames()) {
        full.append(makeField(name, u"قيمة "_s + name, u"suggested"_s, 0.75, {{int(full.size()), int(full.size()) + 4}}));
        fullConfidences << u"0.75"_s;
    }
    QTest::newRow("every field of the contract") << full << full << fullConfidences;
}

void WorkspaceTest::packedFields()
{
    QFETCH(QVector<IncidentField>, fields);
    QFETCH(QVector<IncidentField>, expected);
    QFETCH(QStringList, confidences);

    const QString packed = packFields(fields);
    QVERIFY(!packed.isNull()); // the column is NOT NULL
    QString appended;
    for (const IncidentField &field : fields) {
        appendPackedField(appended, field);
    }
    QCOMPARE(appended, packed);

    // One record per field, five units each: no separator leaks out of a value.
    QCOMPARE(packed.count(QChar(FieldSeparator)), qMax<qsizetype>(0, fields.size() - 1));
    QCOMPARE(packed.count(QChar(UnitSeparator)), 4 * fields.size());
    const QStringList records = packed.split(QChar(FieldSeparator), Qt::SkipEmptyParts);
    QCOMPARE(records.size(), fields.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QStringList units = records[i].split(QChar(UnitSeparator));
        QCOMPARE(units.size(), 5);
        QCOMPARE(units[0], fields[i].name);
        QCOMPARE(units[3], confidences[i]);
        QCOMPARE(units[4], encodeEvidence(fields[i].evidence));
    }

    const QVector<IncidentField> unpacked = unpackFields(packed);
    QCOMPARE(unpacked, expected);
    for (qsizetype i = 0; i < unpacked.size(); ++i) {
        QVERIFY(unpacked[i].confidence == expected[i].confidence); // exactly, not fuzzily
    }
    // Packing what was unpacked gives the same text.
    QCOMPARE(packFields(unpacked), packed);
}

namespace {

QString record(const QStringList &units)
{
    return units.join(QChar(UnitSeparator));
}

QString records(const QStringList &records)
{
    return records.join(QChar(FieldSeparator));
}

// The value forEachPackedValue() reads for `name`, if it reads one.
std::optional<QString> packedValue(const QString &packed, const QString &name)
{
    std::optional<QString> found;
    forEachPackedValue(packed, [&](QStringView field, QStringView value) {
        if (!found && field == name) {
            found = value.toString();
        }
    });
    return found;
}

// Rows for the readers of one field (C++ and SQL): a packed column, a name,
// the value expected and whether a value is expected at all.
void addPackedValueRows()
{
    QTest::addColumn<QString>("packed");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("found"); // false: no value (NULL in SQL)

    const QString packed = packFields({
        makeField(u"victim_country"_s, u"JO"_s, u"suggested"_s, 0.9),
        makeField(u"victim"_s, u"وزارة الصحة"_s, u"corrected"_s, 1.0, {{6, 17}}),
        makeField(u"actor"_s, QString(), u"corrected"_s, 1.0),
        makeField(u"motive"_s, u"financial"_s, u"confirmed"_s, 0.6),
    });
    QTest::newRow("present") << packed << u"victim"_s << u"وزارة الصحة"_s << true;
    QTest::newRow("present, first record") << packed << u"victim_country"_s << u"JO"_s << true;
    QTest::newRow("present, last record") << packed << u"motive"_s << u"financial"_s << true;
    QTest::newRow("present with an empty value") << packed << u"actor"_s << QString() << true;
    QTest::newRow("absent") << packed << u"impact"_s << QString() << false;
    QTest::newRow("a value is not a name") << packed << u"JO"_s << QString() << false;
    QTest::newRow("part of a stored name") << packed << u"victim_c"_s << QString() << false;
    QTest::newRow("empty name") << packed << u""_s << QString() << false;
    QTest::newRow("null name") << packed << QString() << QString() << false;
    QTest::newRow("empty column") << u""_s << u"victim"_s << QString() << false;

    const QString varied = packFields({
        makeField(u"victim"_s, u"وِزارَةُ الصّحـــة"_s, u"corrected"_s, 1.0, {{6, 17}}),
        makeField(u"actor"_s, u"Kr4ken 🐙"_s, u"suggested"_s, 0.1 + 0.2, {{1, 2}, {3, 4}}),
        makeField(u"records_affected"_s, QString(), u"corrected"_s, 1.0),
        makeField(u"impact"_s, u"تعطل\u001eالخدمات\u001f"_s, u"suggested"_s, 0.5),
    });
    QTest::newRow("harakat and tatweel") << varied << u"victim"_s << u"وِزارَةُ الصّحـــة"_s << true;
    QTest::newRow("emoji value") << varied << u"actor"_s << u"Kr4ken 🐙"_s << true;
    QTest::newRow("empty value is not NULL") << varied << u"records_affected"_s << u""_s << true;
    QTest::newRow("separators became spaces") << varied << u"impact"_s << u"تعطل الخدمات "_s << true;

    const QString countryOnly = packFields({makeField(u"victim_country"_s, u"JO"_s, u"suggested"_s, 0.9)});
    QTest::newRow("a prefix of the stored name") << countryOnly << u"victim"_s << QString() << false;
    const QString victimOnly = packFields({makeField(u"victim"_s, u"الوزارة"_s, u"suggested"_s, 0.9)});
    QTest::newRow("the stored name is a prefix") << victimOnly << u"victim_country"_s << QString() << false;
    QTest::newRow("duplicated name: the first holds")
        << records({record({u"victim"_s, u"الأولى"_s, u"suggested"_s, u"0.5"_s, u""_s}),
                    record({u"victim"_s, u"الثانية"_s, u"suggested"_s, u"0.5"_s, u""_s})})
        << u"victim"_s << u"الأولى"_s << true;
    // A damaged record is passed over.
    QTest::newRow("damaged record: no unit after the value")
        << record({u"victim"_s, u"البريد"_s}) << u"victim"_s << QString() << false;
    const QString damaged = record({u"victim"_s, u"البريد"_s, u"suggested"_s});
    QTest::newRow("damaged record: three units") << damaged << u"victim"_s << QString() << false;
    QTest::newRow("damaged record, then a good one") << records({damaged, victimOnly}) << u"victim"_s
                                                     << u"الوزارة"_s << true;
    QTest::newRow("four units, then a good one")
        << records({record({u"victim"_s, u"البريد"_s, u"suggested"_s, u"0.5"_s}),
                    record({u"victim"_s, u"الثانية"_s, u"suggested"_s, u"0.5"_s, u""_s})})
        << u"victim"_s << u"الثانية"_s << true;
}

} // namespace

// A damaged or hand-edited column is read as far as it can be trusted, never crashes.
void WorkspaceTest::unpackingSkipsMalformedRecords_data()
{
    QTest::addColumn<QString>("packed");
    QTest::addColumn<QVector<IncidentField>>("expected");

    const QString victim = record({u"victim"_s, u"البريد"_s, u"suggested"_s, u"0.7"_s, u"6:17"_s});
    const IncidentField victimField = makeField(u"victim"_s, u"البريد"_s, u"suggested"_s, 0.7, {{6, 17}});
    const QVector<IncidentField> none;

    QTest::newRow("null") << QString() << none;
    QTest::newRow("empty") << u""_s << none;
    QTest::newRow("only separators")
        << (QString(3, QChar(FieldSeparator)) + QString(4, QChar(UnitSeparator)) + QChar(FieldSeparator)) << none;
    QTest::newRow("one unit") << u"victim"_s << none;
    QTest::newRow("too few units") << record({u"victim"_s, u"البريد"_s, u"suggested"_s, u"0.7"_s}) << none;
    QTest::newRow("too few units, then a good record")
        << records({record({u"actor"_s, u"Kr4ken"_s}), victim}) << QVector<IncidentField>{victimField};
    QTest::newRow("too many units")
        << records({record({u"actor"_s, u"Kr4ken"_s, u"suggested"_s, u"0.5"_s, u""_s, u"extra"_s}), victim})
        << QVector<IncidentField>{victimField};
    QTest::newRow("empty name")
        << records({record({u""_s, u"Kr4ken"_s, u"suggested"_s, u"0.5"_s, u""_s}), victim})
        << QVector<IncidentField>{victimField};
    QTest::newRow("duplicated name: the first holds")
        << records({victim, record({u"victim"_s, u"الوزارة"_s, u"corrected"_s, u"1"_s, u""_s})})
        << QVector<IncidentField>{victimField};
    QTest::newRow("trailing separator") << (victim + QChar(FieldSeparator)) << QVector<IncidentField>{victimField};
    QTest::newRow("leading separator") << (QChar(FieldSeparator) + victim) << QVector<IncidentField>{victimField};
    QTest::newRow("empty record between") << records({victim, u""_s, record({u"actor"_s, u"Kr4ken"_s, u"suggested"_s, u"0.5"_s, u""_s})})
                                          << QVector<IncidentField>{victimField,
                                                                    makeField(u"actor"_s, u"Kr4ken"_s, u"suggested"_s, 0.5)};
    for (const QString &confidence : {u"high"_s, u"0.5x"_s, u" 0.5"_s, u"٠٫٥"_s, u""_s, QString(40, u'x')}) {
        QTest::addRow("confidence '%s' reads 0", qPrintable(confidence))
            << record({u"victim"_s, u"البريد"_s, u"suggested"_s, confidence, u"6:17"_s})
            << QVector<IncidentField>{makeField(u"victim"_s, u"البريد"_s, u"suggested"_s, 0.0, {{6, 17}})};
    }
    QTest::newRow("bad evidence spans are dropped")
        << record({u"victim"_s, u"البريد"_s, u"suggested"_s, u"0.7"_s, u"6:17;x;20:10;:4;-3:2;30:35;"_s})
        << QVector<IncidentField>{makeField(u"victim"_s, u"البريد"_s, u"suggested"_s, 0.7, {{6, 17}, {30, 35}})};
    QTest::newRow("lone surrogate in a value")
        << record({u"victim"_s, QString(QChar(0xD83D)), u"suggested"_s, u"0.7"_s, u""_s})
        << QVector<IncidentField>{makeField(u"victim"_s, QString(QChar(0xD83D)), u"suggested"_s, 0.7)};
}

void WorkspaceTest::unpackingSkipsMalformedRecords()
{
    QFETCH(QString, packed);
    QFETCH(QVector<IncidentField>, expected);
    QCOMPARE(unpackFields(packed), expected);
    for (const IncidentField &field : expected) {
        const std::optional<QString> value = packedValue(packed, field.name);
        QVERIFY(value);
        QCOMPARE(*value, field.value);
    }
}

void WorkspaceTest::packedValueFindsExactName_data()
{
    addPackedValueRows();
    QTest::newRow("null column") << QString() << u"victim"_s << QString() << false;
}

void WorkspaceTest::packedValueFindsExactName()
{
    QFETCH(QString, packed);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, found);
    const std::optional<QString> actual = packedValue(packed, name);
    QCOMPARE(actual.has_value(), found);
    QCOMPARE(actual.value_or(QString()), value);
    // The same answer as unpacking the whole column.
    const QVector<IncidentField> fields = unpackFields(packed);
    const auto it = std::find_if(fields.cbegin(), fields.cend(), [&name](const IncidentField &f) { return f.name == name; });
    QCOMPARE(it != fields.cend(), found);
    if (found) {
        QCOMPARE(it->value, value);
    }
}

// incident_field(fields, name) in SQL: on every connection the Workspace class
// opens, for a bound column and for a stored one.
void WorkspaceTest::incidentFieldFunctionOnWorkspaceConnections_data()
{
    addPackedValueRows();
}

void WorkspaceTest::incidentFieldFunctionOnWorkspaceConnections()
{
    QFETCH(QString, packed);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, found);
    // What C++ reads of the column, SQL reads too.
    const std::optional<QString> read = packedValue(packed, name);
    QCOMPARE(read.has_value(), found);
    QCOMPARE(read.value_or(QString()), value);

    const auto check = [&](QSqlDatabase db, const QString &sql, const QVariantList &binds) {
        QSqlQuery query(db);
        query.prepare(sql);
        for (const QVariant &bind : binds) {
            query.addBindValue(bind);
        }
        QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
        QCOMPARE(query.value(0).isNull(), !found);
        QCOMPARE(query.value(0).toString(), value);
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(u"f.rasid"_s);
    Workspace ws;
    QVERIFY2(ws.open(path), qPrintable(ws.lastError()));
    check(ws.database(), u"SELECT incident_field(?, ?)"_s, {packed, name});
    if (QTest::currentTestFailed()) {
        return;
    }

    const qint64 article = addArticle(ws.database(), u"a.txt"_s, u"عنوان"_s, u"نص"_s);
    QVERIFY(article > 0);
    QSqlQuery insert(ws.database());
    insert.prepare(u"INSERT INTO incidents(article_id, created_at, fields) VALUES (?, '2026-01-01T00:00:00Z', ?)"_s);
    insert.addBindValue(article);
    insert.addBindValue(packed);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    const qint64 incident = insert.lastInsertId().toLongLong();
    const QString stored = u"SELECT incident_field(fields, ?) FROM incidents WHERE id = ?"_s;
    check(ws.database(), stored, {name, incident});
    if (QTest::currentTestFailed()) {
        return;
    }
    QCOMPARE(storedFields(ws.database(), incident), packed);

    Workspace reader;
    QVERIFY2(reader.open(path, Workspace::Mode::ReadOnly), qPrintable(reader.lastError()));
    check(reader.database(), stored, {name, incident});
}

#include "workspace_test.moc"
