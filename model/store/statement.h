#pragma once

/*
 * The statement helpers under every query of the store: the SQLite handle
 * under a Qt connection, running a prepared QSqlQuery with an error worded for
 * the analyst, and the statements an import runs many times in a row straight
 * through SQLite (BulkStatement, MultiRowInsert).
 */

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

#include <memory>
#include <string>
#include <vector>

class QSqlError;
class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace Rasid {
inline namespace Store {

class Workspace;

// The SQLite connection under a Qt one, or null for another driver.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// Runs a prepared statement; on failure stores the reason in *error (see sqlErrorText()).
bool execPrepared(QSqlQuery &query, QString *error = nullptr);

// The time the workspace stores for an event: now, in UTC, ISO 8601 to the second.
QString nowUtc();

// The driver's message, led by what it means for the analyst when the cause is
// the disk or the file (full disk, damaged or read-only file, I/O error) rather
// than the statement.
QString sqlErrorText(const QSqlError &error);

/*
 * A prepared statement run many times in a row (the import's entity rows),
 * through SQLite directly: QSqlQuery's binding formats a placeholder name per
 * value, which costs more than the insert itself. Lives inside the workspace
 * layer because it is SQLite-only. Indexes start at 1, as in SQL.
 */
class BulkStatement final
{
    Q_DISABLE_COPY_MOVE(BulkStatement)
public:
    BulkStatement(const Workspace &workspace, const char *sql);
    BulkStatement(const QSqlDatabase &db, const char *sql);
    ~BulkStatement();

    bool isValid() const { return m_statement != nullptr; }
    void bind(int index, qint64 value);
    void bind(int index, double value);
    // The text must stay alive until exec() returns.
    void bind(int index, QStringView text);
    // Runs the statement once; with firstValue, stores the first column of its first row.
    bool exec(QString *error = nullptr, qint64 *firstValue = nullptr);
    qint64 lastInsertId() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::vector<std::string> m_utf8; // the bound text of each parameter, never reallocated
};

/*
 * Inserts several rows with one statement ("INSERT ... VALUES (...), (...)"):
 * an import writes hundreds of thousands of entity and field rows, and each
 * statement run has a cost of its own. Statements are prepared per row count
 * on first use and kept.
 */
class MultiRowInsert final
{
    Q_DISABLE_COPY_MOVE(MultiRowInsert)
public:
    // head: "INSERT INTO table(a, b, c)"; columns: how many values a row has.
    MultiRowInsert(const QSqlDatabase &db, const char *head, int columns);
    ~MultiRowInsert();

    // The statement for `rows` rows; row r's column c (0-based) is parameter
    // r * columns + c + 1.
    BulkStatement &rows(int rows);
    int columns() const { return m_columns; }

private:
    QSqlDatabase m_db;
    QByteArray m_head;
    int m_columns = 0;
    std::vector<std::unique_ptr<BulkStatement>> m_statements;
};

} // namespace Store
} // namespace Rasid
