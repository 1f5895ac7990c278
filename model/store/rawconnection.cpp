#include "store/rawconnection.h"

#include "store/ftstokenizer.h"
#include "store/sqlfunctions.h"

#include <sqlite3.h>

#include <QByteArray>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

RawConnection::~RawConnection()
{
    close();
}

bool RawConnection::open(const QString &path, Access access)
{
    close();
    const int flags = access == Access::ReadOnly  ? SQLITE_OPEN_READONLY
        : access == Access::ReadWrite             ? SQLITE_OPEN_READWRITE
                                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        m_lastError = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        close();
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);
    sqlite3_extended_result_codes(m_db, 1);
    QString error;
    if (!registerFtsTokenizer(m_db, &error) || !registerIncidentFieldFunction(m_db, &error)) {
        m_lastError = error;
        close();
        return false;
    }
    return true;
}

void RawConnection::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

int bindValue(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull()) {
        return sqlite3_bind_null(statement, index);
    }
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Bool:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(statement, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                                   SQLITE_TRANSIENT);
    }
    default: {
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text64(statement, index, text.constData(), sqlite3_uint64(text.size()),
                                   SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    }
}

QVariant columnValue(sqlite3_stmt *statement, int column)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_TEXT:
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
                                 sqlite3_column_bytes(statement, column));
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, column)),
                          sqlite3_column_bytes(statement, column));
    default:
        return {};
    }
}

bool RawConnection::exec(const QString &sql, const QVariantList &binds,
                         const std::function<bool(const QVariantList &)> &onRow)
{
    if (!m_db) {
        m_lastError = u"not open"_s;
        return false;
    }
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    for (int i = 0; i < binds.size(); ++i) {
        bindValue(statement, i + 1, binds.at(i));
    }
    int rc = SQLITE_ROW;
    QVariantList row;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        if (!onRow) {
            continue;
        }
        row.clear();
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            row.append(columnValue(statement, c));
        }
        if (!onRow(row)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE) {
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    sqlite3_finalize(statement);
    return rc == SQLITE_DONE;
}

QVariant RawConnection::value(const QString &sql, const QVariantList &binds)
{
    QVariant first;
    exec(sql, binds, [&first](const QVariantList &row) {
        first = row.value(0);
        return false;
    });
    return first;
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s, u".lock"_s}) {
        QFile::remove(path + suffix);
    }
}

} // namespace Store
} // namespace Rasid
