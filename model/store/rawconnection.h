#pragma once

/*
 * A connection straight through SQLite's C API, for the file-level tools of
 * the store (check, repair, backup) that need what Qt's driver does not give:
 * exact open flags, no checkpoint on close, the backup API. Statements are
 * prepared and their values bound, never spliced into the text.
 */

#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace Rasid {
inline namespace Store {

class RawConnection final
{
    Q_DISABLE_COPY_MOVE(RawConnection)
public:
    enum class Access { ReadOnly, ReadWrite, Create };

    RawConnection() = default;
    ~RawConnection();

    // Opens the file with the workspace's tokenizer and SQL functions registered.
    bool open(const QString &path, Access access);
    void close();
    sqlite3 *handle() const { return m_db; }
    QString lastError() const { return m_lastError; }

    // Runs one statement with its bound values; onRow sees each row's values
    // (null, qint64, double, QString or QByteArray) and returns false to stop.
    bool exec(const QString &sql, const QVariantList &binds = {},
              const std::function<bool(const QVariantList &)> &onRow = {});
    // The first column of the first row; invalid when there is none or it failed.
    QVariant value(const QString &sql, const QVariantList &binds = {});

private:
    sqlite3 *m_db = nullptr;
    QString m_lastError;
};

// Removes an SQLite file with its companions (-wal, -shm, -journal) and the
// workspace's writer lock beside it.
void removeDatabaseFiles(const QString &path);

// Binds a value (null, integer, real, text or blob) to a statement's parameter (from 1).
int bindValue(sqlite3_stmt *statement, int index, const QVariant &value);
// A column of the current row as a QVariant.
QVariant columnValue(sqlite3_stmt *statement, int column);

} // namespace Store
} // namespace Rasid
