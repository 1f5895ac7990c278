#include "store/workspace.h"

#include "store/ftstokenizer.h"
#include "store/schema.h"
#include "store/sqlfunctions.h"
#include "store/workspace_p.h"
#include "store/writelock.h"
#include "store/writeturns.h"

#include <sqlite3.h>

#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_LOGGING_CATEGORY(lcWorkspace, "rasid.workspace")

namespace {

std::atomic<int> s_connectionCounter{0};

constexpr int kBusyTimeoutMs = 5000;

int countOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.prepare(sql);
    if (!execPrepared(query) || !query.next()) {
        return 0;
    }
    return query.value(0).toInt();
}

} // namespace

// Defined with the workspace so that the statement helpers need not know it.
BulkStatement::BulkStatement(const Workspace &workspace, const char *sql)
    : BulkStatement(workspace.database(), sql)
{
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
        QString failure;
        m_lock = takeWriterLock(path, &failure);
        if (!m_lock) {
            return fail(failure);
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
    return migrateSchema(db, targetVersion, error);
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
    return ftsMatchExpression(userQuery);
}

QVector<SearchHit> Workspace::search(const QString &userQuery, int limit) const
{
    return searchArticles(database(), userQuery, limit);
}

int Workspace::searchCount(const QString &userQuery) const
{
    return countSearchMatches(database(), userQuery);
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
