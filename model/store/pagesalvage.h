#pragma once

/*
 * Reads the rows of an SQLite database file page by page, without SQLite: what
 * a repair salvages from a workspace that SQLite refuses. Every tree named in
 * the schema (page 1) is walked from its root; each leaf page that no tree
 * reached (its parent page was damaged, or the schema itself) is read as well
 * and handed back as an orphan for the caller to attribute by the shape of
 * its rows. Every length and pointer read from the file is checked against the
 * file: a damaged page or cell is counted and skipped, never trusted.
 *
 * SQLite's own recovery (the sqlite3_recover_* API, or the shell's .recover)
 * is not usable with Debian 12's libsqlite3 3.40.1: the library exports no
 * recover API and is built without the sqlite_dbpage table that .recover reads
 * pages through, so `sqlite3 file .recover` fails with "SQL logic error".
 */

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <QVector>

namespace Rasid {
inline namespace Store {

// One row of a table (or one record of an index or WITHOUT ROWID table).
struct SalvagedRow
{
    qint64 rowid = 0; // the key of a rowid table's cell; 0 for index records
    QVariantList values; // the record's columns in stored order: null, qint64, double, QString or QByteArray
};

// One tree named in the schema, with what could be read of it.
struct SalvagedTree
{
    QString type; // table or index
    QString name;
    QString tableName;
    QString sql;
    quint32 rootPage = 0;
    bool index = false; // an index b-tree (an index, or a WITHOUT ROWID table)
    QVector<SalvagedRow> rows;
    int damagedPages = 0; // pages of the tree that could not be read (their rows are lost)
    int badCells = 0;     // cells that could not be decoded
};

struct SalvagedFile
{
    int pageSize = 0;
    quint32 pageCount = 0;
    int userVersion = -1; // PRAGMA user_version from the header; -1 when the header is damaged
    bool schemaRead = false; // page 1's tree gave at least one table
    QVector<SalvagedTree> trees;
    // Rows of table leaves (and records of index leaves) that no tree reached.
    QVector<SalvagedRow> orphanTableRows;
    QVector<SalvagedRow> orphanIndexRows;
    int orphanLeafPages = 0;
    int orphanBadCells = 0;
};

// Reads everything readable of a database file's bytes. Never fails: a file
// that is not a database at all gives no trees and no rows.
SalvagedFile salvagePages(const QByteArray &file);

} // namespace Store
} // namespace Rasid
