#include "store/workspace.h"

#include "extract/incident.h"
#include "store/ftstokenizer.h"
#include "store/sqlfunctions.h"
#include "text/utf8.h"

#include <sqlite3.h>

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <deque>
#include <memory>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_LOGGING_CATEGORY(lcWorkspace, "rasid.workspace")

namespace {

/*
 * The ordered migrations: entry k brings a workspace from version k to k + 1.
 * Never edit a released step; append a new one and raise SchemaVersion.
 * The list stays whole: it is one ordered table of SQL, and cutting it into
 * functions would hide the order that the versions depend on.
 */
const QVector<QStringList> &migrations()
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
    };
    return steps;
}

std::atomic<int> s_connectionCounter{0};

constexpr int kBusyTimeoutMs = 5000;

/*
 * The write transactions that this process opens on one workspace file (the
 * GUI's edits and its import thread's batches) take turns in arrival order.
 * SQLite alone is not fair: a connection waiting for the write lock polls,
 * sleeping up to 100 ms between tries, while the import thread commits a batch
 * and takes the lock again within microseconds. An analyst's edit then waited
 * seconds (4.7 s measured during a 4,500-file import, close to the busy
 * timeout after which it fails); in turn it waits for one batch at most.
 */
class WriteTurns
{
public:
    // Waits for the caller's turn; false when it did not come within timeoutMs.
    bool take(int timeoutMs)
    {
        QMutexLocker locker(&m_mutex);
        const quint64 ticket = m_nextTicket++;
        m_waiting.push_back(ticket);
        const QDeadlineTimer deadline(timeoutMs);
        while (m_taken || m_waiting.front() != ticket) {
            if (deadline.hasExpired()) {
                m_waiting.erase(std::find(m_waiting.begin(), m_waiting.end(), ticket));
                m_changed.wakeAll(); // the next in line may be first now
                return false;
            }
            m_changed.wait(&m_mutex, deadline);
        }
        m_waiting.pop_front();
        m_taken = true;
        return true;
    }

    void give()
    {
        const QMutexLocker locker(&m_mutex);
        m_taken = false;
        m_changed.wakeAll();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<quint64> m_waiting;
    quint64 m_nextTicket = 0;
    bool m_taken = false;
};

// The turns of each workspace file, and whose turn each connection holds.
struct TurnBook
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<WriteTurns>> byFile;
    QHash<QString, std::shared_ptr<WriteTurns>> heldBy; // connection name -> turns
};

TurnBook &turnBook()
{
    static TurnBook book;
    return book;
}

std::shared_ptr<WriteTurns> turnsOf(const QString &file)
{
    const QMutexLocker locker(&turnBook().mutex);
    std::shared_ptr<WriteTurns> &turns = turnBook().byFile[file];
    if (!turns) {
        turns = std::make_shared<WriteTurns>();
    }
    return turns;
}

bool holdsTurn(const QString &connection)
{
    const QMutexLocker locker(&turnBook().mutex);
    return turnBook().heldBy.contains(connection);
}

void recordTurn(const QString &connection, const std::shared_ptr<WriteTurns> &turns)
{
    const QMutexLocker locker(&turnBook().mutex);
    turnBook().heldBy.insert(connection, turns);
}

void giveTurn(const QString &connection)
{
    std::shared_ptr<WriteTurns> turns;
    {
        const QMutexLocker locker(&turnBook().mutex);
        turns = turnBook().heldBy.take(connection);
    }
    if (turns) {
        turns->give();
    }
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

int countOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.prepare(sql);
    if (!execPrepared(query) || !query.next()) {
        return 0;
    }
    return query.value(0).toInt();
}

// What an SQLite result code means for the analyst when its cause is the disk
// or the file rather than the statement; other codes keep the driver's message.
QString describeSqliteError(int code, const QString &message)
{
    switch (code & 0xff) {
    case SQLITE_FULL:
        return QObject::tr("the disk is full or the workspace reached its size limit (%1)").arg(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QObject::tr("the workspace file is damaged (%1)").arg(message);
    case SQLITE_READONLY:
        return QObject::tr("the workspace file cannot be written (%1)").arg(message);
    case SQLITE_IOERR:
        return QObject::tr("the workspace file could not be read or written (%1)").arg(message);
    default:
        return message;
    }
}

} // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    if (!db.driver()) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        return *static_cast<sqlite3 *const *>(handle.constData());
    }
    return nullptr;
}

QString sqlErrorText(const QSqlError &error)
{
    const QString message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    bool known = false;
    int code = error.nativeErrorCode().toInt(&known);
    if (!known) {
        // The driver drops the code of a failed COMMIT but keeps SQLite's own
        // wording, which names the code.
        for (int candidate : {SQLITE_FULL, SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_READONLY, SQLITE_IOERR}) {
            if (message.contains(QLatin1StringView(sqlite3_errstr(candidate)))) {
                code = candidate;
                known = true;
                break;
            }
        }
    }
    const QString described = known ? describeSqliteError(code, message) : message;
    return described == message ? error.text() : described;
}

bool execPrepared(QSqlQuery &query, QString *error)
{
    if (query.exec()) {
        return true;
    }
    const QString message = sqlErrorText(query.lastError());
    qCWarning(lcWorkspace) << "query failed:" << message << query.lastQuery().left(200);
    if (error) {
        *error = message;
    }
    return false;
}

BulkStatement::BulkStatement(const Workspace &workspace, const char *sql)
    : BulkStatement(workspace.database(), sql)
{
}

BulkStatement::BulkStatement(const QSqlDatabase &db, const char *sql)
    : m_db(sqliteHandle(db))
{
    if (m_db && sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK) {
        qCWarning(lcWorkspace) << "cannot prepare:" << sqlite3_errmsg(m_db);
        m_statement = nullptr;
    }
    // Sized once: SQLite keeps pointers into these buffers until the next step.
    m_utf8.resize(size_t(m_statement ? sqlite3_bind_parameter_count(m_statement) : 0));
}

BulkStatement::~BulkStatement()
{
    sqlite3_finalize(m_statement);
}

void BulkStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void BulkStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void BulkStatement::bind(int index, QStringView text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    // The workspace stores UTF-8: converting here, into a buffer kept per
    // parameter, spares SQLite a conversion with an allocation for every value.
    if (index < 1 || size_t(index) > m_utf8.size()) {
        sqlite3_bind_text16(m_statement, index, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
        return;
    }
    std::string &buffer = m_utf8[size_t(index) - 1];
    buffer.resize(size_t(text.size()) * 3);
    const int bytes = writeUtf8(text, buffer.data());
    sqlite3_bind_text(m_statement, index, buffer.data(), bytes, SQLITE_STATIC);
}

bool BulkStatement::exec(QString *error, qint64 *firstValue)
{
    if (!m_statement) {
        if (error) {
            *error = u"statement could not be prepared"_s;
        }
        return false;
    }
    const int rc = sqlite3_step(m_statement);
    if (firstValue && rc == SQLITE_ROW) {
        *firstValue = sqlite3_column_int64(m_statement, 0);
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        if (error) {
            *error = describeSqliteError(rc, QString::fromUtf8(sqlite3_errmsg(m_db)));
        }
        return false;
    }
    return true;
}

qint64 BulkStatement::lastInsertId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

MultiRowInsert::MultiRowInsert(const QSqlDatabase &db, const char *head, int columns)
    : m_db(db)
    , m_head(head)
    , m_columns(columns)
{
}

MultiRowInsert::~MultiRowInsert() = default;

BulkStatement &MultiRowInsert::rows(int rows)
{
    if (m_statements.size() <= size_t(rows)) {
        m_statements.resize(size_t(rows) + 1);
    }
    std::unique_ptr<BulkStatement> &slot = m_statements[size_t(rows)];
    if (!slot) {
        QByteArray row = "(?";
        for (int c = 1; c < m_columns; ++c) {
            row += ", ?";
        }
        row += ')';
        QByteArray sql = m_head + " VALUES " + row;
        for (int r = 1; r < rows; ++r) {
            sql += ", " + row;
        }
        slot = std::make_unique<BulkStatement>(m_db, sql.constData());
    }
    return *slot;
}

Workspace::Workspace() = default;

Workspace::~Workspace()
{
    close();
}

bool Workspace::fail(const QString &message)
{
    m_lastError = message;
    qCWarning(lcWorkspace) << message;
    return false;
}

bool Workspace::open(const QString &path, Mode mode)
{
    // SQLite counts every allocation under a process-wide mutex unless told
    // otherwise before its first connection; nothing in Rasid reads the counts.
    // About 3% of the writing thread's time in an import (0.1 s per 10,000
    // articles). Later calls are refused by SQLite and change nothing.
    static const int memoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    Q_UNUSED(memoryStatistics)
    close();
    m_path = path;
    m_mode = mode;
    m_lastError.clear();
    const bool inMemory = path == u":memory:";
    const QFileInfo info(path);

    if (!inMemory && mode == Mode::ReadOnly && !info.exists()) {
        return fail(QObject::tr("The workspace %1 does not exist.").arg(path));
    }
    if (!inMemory && info.exists()) {
        QFile probe(path);
        if (probe.open(QIODevice::ReadOnly)) {
            const QByteArray header = probe.read(100);
            if (!header.isEmpty() && !header.startsWith("SQLite format 3")) {
                return fail(QObject::tr("%1 is not a Rasid workspace (it is not an SQLite database). "
                                        "It was left untouched.")
                                .arg(path));
            }
            // SQLite takes a file shorter than its first page for a new, empty
            // database, and would write a schema over what is left of it.
            const uint pageField = header.size() >= 18 ? uint(uchar(header[16])) << 8 | uchar(header[17]) : 0;
            const qint64 pageSize = pageField == 1 ? 65536 : pageField;
            if (!header.isEmpty() && (header.size() < 100 || probe.size() < pageSize)) {
                return fail(QObject::tr("%1 is damaged: it ends after %2 bytes, inside its first page (a copy or "
                                        "download cut short?). It was left untouched.")
                                .arg(path)
                                .arg(probe.size()));
            }
        }
    }
    if (!inMemory && mode == Mode::ReadWrite) {
        m_lock = std::make_unique<QLockFile>(path + u".lock"_s);
        m_lock->setStaleLockTime(0); // a lock whose process died is stale, however fresh
        bool locked = m_lock->tryLock(0);
        qint64 pid = 0;
        QString host;
        QString app;
        if (!locked && m_lock->error() == QLockFile::LockFailedError && !m_lock->getLockInfo(&pid, &host, &app)) {
            // A lock file that names no process was left by one killed between
            // creating and filling it, and QLockFile never finds it stale. Its
            // owner holds an flock on it while alive, and removing it takes that
            // flock: only a dead owner's file goes.
            m_lock->removeStaleLockFile();
            locked = m_lock->tryLock(0);
        }
        if (!locked) {
            if (m_lock->error() != QLockFile::LockFailedError) {
                // No lock file can be made: the folder is read-only (a mounted
                // archive, a colleague's share), not held by another process.
                m_lock.reset();
                return fail(QObject::tr("The workspace %1 cannot be opened for writing: its folder is read-only. "
                                        "Copy it to a folder you can write to.")
                                .arg(path));
            }
            m_lock->getLockInfo(&pid, &host, &app);
            m_lock.reset();
            return fail(QObject::tr("The workspace %1 is already open for writing by another Rasid "
                                    "process (pid %2 on %3). Close it there first; reading "
                                    "commands such as export, stats and search still work.")
                            .arg(path)
                            .arg(pid)
                            .arg(host));
        }
    }

    m_connection = u"rasid-workspace-%1"_s.arg(++s_connectionCounter);
    const QString error = openConnection();
    if (!error.isEmpty()) {
        close();
        return fail(error);
    }
    return true;
}

QString Workspace::openConnection()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_path);
    const QString busyTimeout = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs);
    db.setConnectOptions(m_mode == Mode::ReadOnly ? u"QSQLITE_OPEN_READONLY;"_s + busyTimeout : busyTimeout);
    if (!db.open()) {
        return QObject::tr("Cannot open the workspace %1: %2").arg(m_path, db.lastError().text());
    }
    QString error;
    if (!registerExtensions(db, &error)) {
        return error;
    }

    // Identify the file before changing anything in it: a database that is not
    // ours is left exactly as it was.
    const QString notOurs =
        QObject::tr("%1 is an SQLite database but not a Rasid workspace. It was left untouched.").arg(m_path);
    int version = -1;
    {
        // The first read parses the header and the schema: where a damaged file shows.
        QSqlQuery versionQuery(db);
        versionQuery.prepare(u"PRAGMA user_version"_s);
        if (!versionQuery.exec() || !versionQuery.next()) {
            const QString reason = versionQuery.lastError().databaseText();
            return QObject::tr("%1 is damaged or is not a Rasid workspace (%2). It was left untouched.")
                .arg(m_path, reason.isEmpty() ? QObject::tr("no schema version") : reason);
        }
        version = versionQuery.value(0).toInt();
    }
    if (version > SchemaVersion) {
        return QObject::tr("The workspace %1 was written by a newer Rasid (schema %2; this version reads up to %3).")
            .arg(m_path)
            .arg(version)
            .arg(SchemaVersion);
    }
    if (version != 0 && countOf(db, u"SELECT count(*) FROM sqlite_master WHERE name = 'articles'"_s) != 1) {
        return notOurs;
    }
    if (version == 0 && countOf(db, u"SELECT count(*) FROM sqlite_master"_s) != 0) {
        return notOurs;
    }

    const QStringList pragmas = m_mode == Mode::ReadOnly
        ? QStringList{u"PRAGMA foreign_keys = ON"_s}
        : QStringList{u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA foreign_keys = ON"_s};
    for (const QString &pragma : pragmas) {
        QSqlQuery query(db);
        query.prepare(pragma);
        if (!execPrepared(query, &error)) {
            return QObject::tr("%1 is not a usable Rasid workspace: %2").arg(m_path, error);
        }
    }
    if (version < SchemaVersion) {
        if (m_mode == Mode::ReadOnly) {
            if (version == 0) {
                // An empty file: another process is creating it, or its creation stopped before the schema.
                return QObject::tr("The workspace %1 is empty: it is still being created, or its creation was "
                                   "interrupted. Wait for the import that creates it, or import into it again.")
                    .arg(m_path);
            }
            return QObject::tr("The workspace %1 uses an older schema (%2); open it once for writing to upgrade it.")
                .arg(m_path)
                .arg(version);
        }
        if (!migrate(db, SchemaVersion, &error)) {
            return QObject::tr("Cannot upgrade the workspace %1: %2").arg(m_path, error);
        }
    }
    return {};
}

void Workspace::close()
{
    if (!m_connection.isEmpty()) {
        giveTurn(m_connection);
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            if (db.isOpen()) {
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
    }
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

bool Workspace::isOpen() const
{
    return !m_connection.isEmpty() && database().isOpen();
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

int Workspace::schemaVersion() const
{
    QSqlQuery query(database());
    query.prepare(u"PRAGMA user_version"_s);
    if (!execPrepared(query) || !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

bool Workspace::registerExtensions(QSqlDatabase db, QString *error)
{
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        if (error) {
            *error = u"the workspace connection is not SQLite"_s;
        }
        return false;
    }
    return registerFtsTokenizer(handle, error) && registerIncidentFieldFunction(handle, error);
}

bool Workspace::migrate(QSqlDatabase db, int targetVersion, QString *error)
{
    QSqlQuery versionQuery(db);
    versionQuery.prepare(u"PRAGMA user_version"_s);
    if (!execPrepared(versionQuery, error) || !versionQuery.next()) {
        return false;
    }
    int version = versionQuery.value(0).toInt();
    versionQuery.finish();
    const auto &steps = migrations();
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

bool Workspace::beginTransaction()
{
    const QSqlDatabase db = database();
    // A nested begin goes straight to SQLite, which refuses it at once.
    if (m_mode == Mode::ReadOnly || db.driverName() != u"QSQLITE" || holdsTurn(m_connection)) {
        return database().transaction() || fail(sqlErrorText(database().lastError()));
    }
    const QFileInfo info(m_path);
    const QString file = m_path == u":memory:" ? m_connection
        : info.canonicalFilePath().isEmpty()   ? info.absoluteFilePath()
                                               : info.canonicalFilePath();
    const std::shared_ptr<WriteTurns> turns = turnsOf(file);
    if (!turns->take(kBusyTimeoutMs)) {
        return fail(QObject::tr("The workspace %1 is busy: another change did not finish within %2 s.")
                        .arg(m_path)
                        .arg(kBusyTimeoutMs / 1000));
    }
    // Take the write lock at once: a deferred transaction that reads first
    // cannot write once another connection has committed since its read
    // (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
    QSqlQuery begin(db);
    begin.prepare(u"BEGIN IMMEDIATE"_s);
    QString error;
    if (!execPrepared(begin, &error)) {
        turns->give();
        return fail(error);
    }
    recordTurn(m_connection, turns);
    return true;
}

bool Workspace::commit()
{
    if (!database().commit()) {
        return fail(sqlErrorText(database().lastError())); // still in the transaction: the caller rolls back
    }
    giveTurn(m_connection);
    return true;
}

bool Workspace::checkIntegrity(QString *problem) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(u"PRAGMA quick_check"_s);
    QString error;
    QString finding;
    if (!execPrepared(query, &error)) {
        finding = error;
    } else if (query.next() && query.value(0).toString() != u"ok") {
        // The first finding says enough; "*** in database main ***" heads the list.
        const QStringList lines = query.value(0).toString().split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            if (!line.startsWith(u"***")) {
                finding = line.trimmed();
                break;
            }
        }
        if (finding.isEmpty()) {
            finding = query.value(0).toString().simplified();
        }
    }
    if (finding.isEmpty()) {
        return true;
    }
    qCWarning(lcWorkspace) << "integrity check of" << m_path << "failed:" << finding;
    if (problem) {
        *problem = QObject::tr("The workspace %1 is damaged (%2). Nothing was written to it; restore it from a "
                               "backup, or import the folder into a new workspace.")
                       .arg(m_path, finding);
    }
    return false;
}

bool Workspace::checkBeforeWriting(QString *problem) const
{
    const QFileInfo info(m_path);
    if (info.exists() && info.size() > kFullCheckBytes) {
        return true;
    }
    return checkIntegrity(problem);
}

bool Workspace::setSizeLimit(qint64 bytes)
{
    QSqlQuery pageSize(database());
    pageSize.prepare(u"PRAGMA page_size"_s);
    if (!execPrepared(pageSize) || !pageSize.next()) {
        return false;
    }
    const qint64 page = qMax<qint64>(512, pageSize.value(0).toLongLong());
    // 2^32 - 2 pages is SQLite's own ceiling; PRAGMA takes no bound parameters,
    // and the value is our own integer.
    const qint64 pages = bytes > 0 ? qMax<qint64>(1, bytes / page) : 4294967294LL;
    QSqlQuery limit(database());
    limit.prepare(u"PRAGMA max_page_count = %1"_s.arg(pages));
    return execPrepared(limit);
}

bool Workspace::setBulkWriting(bool on)
{
    // PRAGMA takes no bound parameters; the values are our own. Setting
    // wal_autocheckpoint replaces any log hook, ours included. Checking each
    // reference cost a lookup in articles for each of 60 entities an article;
    // foreign_keys takes effect outside a transaction, which is where this runs.
    const QStringList pragmas = on ? QStringList{u"PRAGMA temp_store = MEMORY"_s, u"PRAGMA cache_size = -65536"_s,
                                                 u"PRAGMA wal_autocheckpoint = 0"_s, u"PRAGMA foreign_keys = OFF"_s}
                                   : QStringList{u"PRAGMA temp_store = DEFAULT"_s, u"PRAGMA cache_size = -2000"_s,
                                                 u"PRAGMA wal_autocheckpoint = 1000"_s, u"PRAGMA foreign_keys = ON"_s};
    bool ok = true;
    for (const QString &pragma : pragmas) {
        QSqlQuery query(database());
        query.prepare(pragma);
        ok = execPrepared(query) && ok;
    }
    m_logPages = 0;
    sqlite3 *handle = on ? sqliteHandle(database()) : nullptr;
    if (handle) {
        // Called in the committing thread, which is the one that calls checkpointIfDue().
        sqlite3_wal_hook(
            handle,
            [](void *workspace, sqlite3 *, const char *, int pages) {
                static_cast<Workspace *>(workspace)->m_logPages = pages;
                return SQLITE_OK;
            },
            this);
    }
    return ok && (!on || handle);
}

bool Workspace::checkpointIfDue()
{
    if (m_logPages < kBulkCheckpointPages) {
        return true;
    }
    m_logPages = 0;
    QSqlQuery query(database());
    query.prepare(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
    QString error;
    if (!execPrepared(query, &error)) {
        qCWarning(lcWorkspace) << "checkpoint failed:" << error;
        return false;
    }
    return true;
}

void Workspace::rollback()
{
    database().rollback();
    giveTurn(m_connection);
}

QString Workspace::meta(const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(key);
    if (!execPrepared(query) || !query.next()) {
        return {};
    }
    return query.value(0).toString();
}

bool Workspace::setMeta(const QString &key, const QString &value)
{
    QSqlQuery query(database());
    query.prepare(u"INSERT INTO meta(key, value) VALUES (?, ?) "
                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    QString error;
    return execPrepared(query, &error) || fail(error);
}

QString Workspace::ftsQuery(const QString &userQuery)
{
    QStringList quoted;
    for (const QString &token : ftsQueryTokens(userQuery)) {
        // Tokens hold only word characters, but quote anyway: FTS5 keywords
        // (AND, OR, NOT, NEAR) must stay plain words.
        quoted.append(u'"' + QString(token).replace(u'"', u"\"\""_s) + u'"');
    }
    return quoted.join(u' ');
}

QVector<SearchHit> Workspace::search(const QString &userQuery, int limit) const
{
    QVector<SearchHit> hits;
    const QString match = ftsQuery(userQuery);
    if (match.isEmpty()) {
        return hits;
    }
    // Ranking reads every match, which for a word found in most of a large
    // corpus takes longer than an analyst waits while typing, and ranks little:
    // such queries list the newest articles first, stopping at the limit.
    int rarest = 0;
    {
        QSqlQuery vocab(database());
        QStringList placeholders;
        const QStringList tokens = ftsQueryTokens(userQuery);
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            placeholders.append(u"?"_s);
        }
        vocab.prepare(u"SELECT min(doc) FROM article_vocab WHERE term IN (%1)"_s.arg(placeholders.join(u',')));
        for (const QString &token : tokens) {
            vocab.addBindValue(token);
        }
        if (execPrepared(vocab) && vocab.next()) {
            rarest = vocab.value(0).toInt();
        }
    }
    const bool unselective = rarest > kUnselectiveMatches;
    QSqlQuery query(database());
    // FTS5 orders by its rank (bm25, titles weighing double) itself; duplicates
    // and missing articles are filtered after, so ask for a few more than the limit.
    query.prepare(u"SELECT a.id, a.path, a.title, f.rank FROM "
                  "(SELECT rowid, rank FROM article_fts WHERE article_fts MATCH ? ORDER BY %1 LIMIT ?) AS f "
                  "JOIN articles a ON a.id = f.rowid "
                  "WHERE a.duplicate_of IS NULL AND a.missing = 0 ORDER BY %2"_s.arg(
                      unselective ? u"rowid DESC"_s : u"rank"_s, unselective ? u"a.id DESC"_s : u"f.rank, a.id"_s));
    query.addBindValue(match);
    query.addBindValue(limit > 0 ? limit + 64 : -1);
    if (!execPrepared(query)) {
        return hits;
    }
    while (query.next() && (limit <= 0 || hits.size() < limit)) {
        hits.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toDouble()});
    }
    return hits;
}

int Workspace::searchCount(const QString &userQuery) const
{
    const QString match = ftsQuery(userQuery);
    if (match.isEmpty()) {
        return 0;
    }
    QSqlQuery query(database());
    // CROSS JOIN keeps the full-text match as the outer loop: the other order
    // would test the match once per article.
    query.prepare(u"SELECT count(*) FROM article_fts f CROSS JOIN articles a ON a.id = f.rowid "
                  "WHERE article_fts MATCH ? AND a.duplicate_of IS NULL AND a.missing = 0"_s);
    query.addBindValue(match);
    if (!execPrepared(query) || !query.next()) {
        return 0;
    }
    return query.value(0).toInt();
}

int Workspace::problemCount() const
{
    return countOf(database(), u"SELECT count(*) FROM problems"_s);
}

WorkspaceStats Workspace::stats() const
{
    const QSqlDatabase db = database();
    WorkspaceStats s;
    s.files = countOf(db, u"SELECT count(*) FROM files"_s);
    s.articles = countOf(db, u"SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND missing = 0"_s);
    s.duplicates = countOf(db, u"SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"_s);
    s.missing = countOf(db, u"SELECT count(*) FROM articles WHERE missing = 1"_s);
    s.problems = countOf(db, u"SELECT count(*) FROM problems"_s);
    s.incidents = countOf(db, u"SELECT count(*) FROM incidents WHERE review_status != 'rejected'"_s);
    s.confirmedIncidents = countOf(db, u"SELECT count(*) FROM incidents WHERE review_status = 'confirmed'"_s);
    s.entities = countOf(db, u"SELECT count(*) FROM entities"_s);
    s.reviewed = countOf(db, u"SELECT count(*) FROM articles WHERE review_state = 'reviewed' "
                             "AND duplicate_of IS NULL AND missing = 0"_s);
    s.inReview = countOf(db, u"SELECT count(*) FROM articles WHERE review_state = 'in_review' "
                             "AND duplicate_of IS NULL AND missing = 0"_s);
    return s;
}

bool Workspace::audit(const QString &analyst, const QString &what, qint64 subjectId, const QString &oldValue,
                      const QString &newValue)
{
    QSqlQuery query(database());
    query.prepare(u"INSERT INTO audit(analyst, at, what, subject_id, old_value, new_value) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(analyst);
    query.addBindValue(nowUtc());
    query.addBindValue(what);
    query.addBindValue(subjectId);
    query.addBindValue(oldValue);
    query.addBindValue(newValue);
    QString error;
    return execPrepared(query, &error) || fail(error);
}

} // namespace Store
} // namespace Rasid
