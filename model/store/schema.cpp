#include "store/schema.h"

#include "store/statement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

/*
 * The ordered migrations: entry k brings a workspace from version k to k + 1.
 * Never edit a released step; append a new one and raise SchemaVersion.
 * The list stays whole: it is one ordered table of SQL, and cutting it into
 * functions would hide the order that the versions depend on.
 */
const QVector<QStringList> &schemaMigrations()
{
    static const QVector<QStringList> steps = {
        // 0 -> 1: files, articles, import problems, audit log.
        {
            uR"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT))"_s,
            uR"(CREATE TABLE files (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                size INTEGER NOT NULL DEFAULT 0,
                mtime INTEGER NOT NULL DEFAULT 0,
                hash TEXT,
                kind TEXT,
                status TEXT NOT NULL,
                reason TEXT,
                imported_at TEXT))"_s,
            uR"(CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                item INTEGER NOT NULL DEFAULT 0,
                path TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                encoding TEXT,
                encoding_confidence INTEGER,
                lossy INTEGER NOT NULL DEFAULT 0,
                title TEXT,
                outlet TEXT,
                published TEXT,
                source_url TEXT,
                text TEXT NOT NULL DEFAULT '',
                review_state TEXT NOT NULL DEFAULT 'new',
                missing INTEGER NOT NULL DEFAULT 0,
                duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
                imported_at TEXT,
                UNIQUE (file_id, item)))"_s,
            uR"(CREATE INDEX articles_content_hash ON articles(content_hash))"_s,
            uR"(CREATE INDEX articles_duplicate_of ON articles(duplicate_of))"_s,
            uR"(CREATE TABLE problems (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL,
                item INTEGER NOT NULL DEFAULT 0,
                reason TEXT NOT NULL,
                created_at TEXT NOT NULL))"_s,
            uR"(CREATE INDEX problems_path ON problems(path))"_s,
            uR"(CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                analyst TEXT,
                at TEXT NOT NULL,
                what TEXT NOT NULL,
                subject_id INTEGER,
                old_value TEXT,
                new_value TEXT))"_s,
        },
        // 1 -> 2: Arabic-aware full-text index over titles and text.
        {
            uR"(CREATE VIRTUAL TABLE article_fts USING fts5(
                title, text, content='articles', content_rowid='id', tokenize='rasid'))"_s,
            uR"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END)"_s,
            uR"(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, text)
                    VALUES ('delete', old.id, old.title, old.text);
            END)"_s,
            uR"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, text)
                    VALUES ('delete', old.id, old.title, old.text);
                INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END)"_s,
            uR"(INSERT INTO article_fts(article_fts) VALUES ('rebuild'))"_s,
        },
        // 2 -> 3: entities and the analyst's own lexicon.
        {
            uR"(CREATE TABLE entities (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                type TEXT NOT NULL,
                text TEXT NOT NULL,
                value TEXT,
                attributes TEXT,
                confidence REAL NOT NULL DEFAULT 0,
                origin TEXT NOT NULL DEFAULT 'suggested'))"_s,
            uR"(CREATE INDEX entities_article ON entities(article_id, start))"_s,
            uR"(CREATE TABLE lexicon (
                id INTEGER PRIMARY KEY,
                surface TEXT NOT NULL,
                folded TEXT NOT NULL,
                type TEXT NOT NULL,
                value TEXT,
                attributes TEXT,
                analyst TEXT,
                created_at TEXT NOT NULL,
                UNIQUE (folded, type)))"_s,
        },
        // 3 -> 4: incidents and their fields with provenance.
        {
            uR"(CREATE TABLE incidents (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL DEFAULT 0,
                review_status TEXT NOT NULL DEFAULT 'suggested',
                confidence REAL NOT NULL DEFAULT 0,
                analyst TEXT,
                reviewed_at TEXT,
                created_at TEXT NOT NULL))"_s,
            uR"(CREATE INDEX incidents_article ON incidents(article_id, ordinal))"_s,
            uR"(CREATE TABLE incident_fields (
                incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT,
                origin TEXT NOT NULL DEFAULT 'suggested',
                confidence REAL NOT NULL DEFAULT 0,
                evidence TEXT,
                PRIMARY KEY (incident_id, name)))"_s,
        },
        // 4 -> 5: the analyst's "no incident" mark on an article, and a covering
        // index for the article list. The list columns are stored after the
        // article text, so without it listing, counting and sorting 100,000
        // articles would walk every text's overflow pages.
        {
            uR"(ALTER TABLE articles ADD COLUMN no_incident INTEGER NOT NULL DEFAULT 0)"_s,
            uR"(CREATE INDEX articles_listing ON articles(
                missing, duplicate_of, id, review_state, published, outlet, title))"_s,
            // Exports walk incidents in article path order without a sort.
            uR"(CREATE INDEX articles_path ON articles(path, id))"_s,
        },
        // 5 -> 6: search without reading article texts. The state columns sit
        // after the text in each row, so checking a hit's duplicate/missing state
        // walked the text's overflow pages; this index covers what a hit needs.
        // Titles weigh twice the body in the ranking.
        {
            uR"(CREATE INDEX articles_search ON articles(id, duplicate_of, missing, path, title))"_s,
            uR"(INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)'))"_s,
        },
        // 6 -> 7: how many articles hold each indexed word, so that search can
        // tell a selective query from one that matches nearly everything.
        {
            uR"(CREATE VIRTUAL TABLE article_vocab USING fts5vocab('article_fts', 'row'))"_s,
        },
        // 7 -> 8: imports index a whole batch of new articles with one statement.
        // Indexing row by row made the full-text table write a segment after
        // every article (each later statement's savepoint flushes it). While an
        // import's transaction holds the 'fts_batch' mark, new articles are left
        // to it; every other insert is indexed by the trigger as before. Field
        // rows are stored in their key's tree alone.
        {
            uR"(DROP TRIGGER articles_fts_insert)"_s,
            uR"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
                WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_batch') BEGIN
                INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END)"_s,
            uR"(CREATE TABLE incident_fields_v8 (
                incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT,
                origin TEXT NOT NULL DEFAULT 'suggested',
                confidence REAL NOT NULL DEFAULT 0,
                evidence TEXT,
                PRIMARY KEY (incident_id, name)) WITHOUT ROWID)"_s,
            uR"(INSERT INTO incident_fields_v8(incident_id, name, value, origin, confidence, evidence)
                SELECT incident_id, name, value, origin, confidence, evidence FROM incident_fields)"_s,
            uR"(DROP TABLE incident_fields)"_s,
            uR"(ALTER TABLE incident_fields_v8 RENAME TO incident_fields)"_s,
        },
        // 8 -> 9: an incident's fields move into its own row (see packFields()):
        // an import writes one row per proposed incident instead of a dozen.
        // Confidences keep SQLite's text form of the REAL they were.
        {
            uR"(ALTER TABLE incidents ADD COLUMN fields TEXT NOT NULL DEFAULT '')"_s,
            uR"(UPDATE incidents SET fields = coalesce((SELECT group_concat(f.name || char(31)
                    || replace(replace(coalesce(f.value, ''), char(30), ' '), char(31), ' ') || char(31)
                    || f.origin || char(31) || f.confidence || char(31) || coalesce(f.evidence, ''), char(30))
                FROM incident_fields f WHERE f.incident_id = incidents.id), ''))"_s,
            uR"(DROP TABLE incident_fields)"_s,
        },
        // 9 -> 10: the analyst's notes on an article or an incident. Keyed by
        // subject and id without a foreign key: undo deletes and re-inserts
        // incident rows, and a cascade would take their notes with them.
        {
            uR"(CREATE TABLE notes (
                subject TEXT NOT NULL CHECK (subject IN ('article', 'incident')),
                subject_id INTEGER NOT NULL,
                text TEXT NOT NULL,
                analyst TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (subject, subject_id)) WITHOUT ROWID)"_s,
        },
        // 10 -> 11: the overview counts an article's incidents of one review
        // status and the analyst's decisions per day; this index answers the
        // status and the day without reading the incident rows (their fields
        // and evidence), so counting confirmed incidents skips the suggested ones.
        {
            uR"(CREATE INDEX incidents_status ON incidents(article_id, review_status, reviewed_at))"_s,
        },
        // 11 -> 12: what cleaning left out of each article (a JSON array of
        // [reason, text] pairs, see BatchWriter), and a severity on problems:
        // 'error' for what could not be read, 'warning' for what was read with
        // a loss (bytes that did not decode).
        {
            uR"(ALTER TABLE articles ADD COLUMN removed TEXT)"_s,
            uR"(ALTER TABLE problems ADD COLUMN severity TEXT NOT NULL DEFAULT 'error')"_s,
        },
    };
    return steps;
}

bool migrateSchema(QSqlDatabase db, int targetVersion, QString *error)
{
    QSqlQuery versionQuery(db);
    versionQuery.prepare(u"PRAGMA user_version"_s);
    if (!execPrepared(versionQuery, error) || !versionQuery.next()) {
        return false;
    }
    int version = versionQuery.value(0).toInt();
    versionQuery.finish();
    const auto &steps = schemaMigrations();
    targetVersion = qMin(targetVersion, int(steps.size()));
    while (version < targetVersion) {
        // Each step and its version bump commit together, so a crash mid-way
        // leaves the previous version intact.
        if (!db.transaction()) {
            if (error) {
                *error = db.lastError().text();
            }
            return false;
        }
        for (const QString &statement : steps.at(version)) {
            QSqlQuery query(db);
            query.prepare(statement);
            if (!execPrepared(query, error)) {
                db.rollback();
                return false;
            }
        }
        QSqlQuery bump(db);
        // PRAGMA takes no bound parameters; the value is our own integer.
        bump.prepare(u"PRAGMA user_version = %1"_s.arg(version + 1));
        if (!execPrepared(bump, error) || !db.commit()) {
            db.rollback();
            return false;
        }
        ++version;
    }
    return true;
}

} // namespace Store
} // namespace Rasid
