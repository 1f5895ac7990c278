#include "store/statement.h"

#include "store/workspace_p.h"
#include "text/utf8.h"

#include <sqlite3.h>

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

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

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}


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

} // namespace Store
} // namespace Rasid
