#include "store/repair.h"

#include "store/pagesalvage.h"
#include "store/rawconnection.h"
#include "store/workspace.h"

#include <sqlite3.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// The analyst's work first, then what it hangs on, then what an import can
// make again.
const QStringList kTableOrder = {u"audit"_s,    u"notes"_s,    u"lexicon"_s,  u"incidents"_s, u"articles"_s,
                                 u"files"_s,    u"entities"_s, u"problems"_s, u"meta"_s};
const QString kLostFolder = u"lost-in-repair"_s;

struct Column
{
    QString name;
    QString type;
    bool notNull = false;
    bool hasDefault = false;
    bool rowidAlias = false;
};

struct TargetTable
{
    QString name;
    QVector<Column> columns;
    bool withoutRowid = false;
};

QVector<Column> columnsOf(RawConnection &db, const QString &table)
{
    QVector<Column> columns;
    db.exec(u"SELECT name, upper(type), \"notnull\", dflt_value IS NOT NULL, pk FROM pragma_table_info(?)"_s, {table},
            [&columns](const QVariantList &row) {
                columns.append({row.at(0).toString(), row.at(1).toString(), row.at(2).toInt() != 0,
                                row.at(3).toBool(), row.at(4).toInt() == 1 && row.at(1).toString() == u"INTEGER"});
                return true;
            });
    return columns;
}

// Whether an orphan row has the shape of the table: its length (rows written
// before a column was added are one shorter) and each value's type.
bool fitsShape(const SalvagedRow &row, const TargetTable &table)
{
    const int columns = int(table.columns.size());
    const int shortest = columns - (columns > 0 && table.columns.last().hasDefault ? 1 : 0);
    if (row.values.size() < shortest || row.values.size() > columns) {
        return false;
    }
    for (int i = 0; i < row.values.size(); ++i) {
        const Column &column = table.columns.at(i);
        const QVariant &value = row.values.at(i);
        if (column.rowidAlias && !table.withoutRowid) {
            if (!value.isNull()) {
                return false;
            }
            continue;
        }
        if (value.isNull()) {
            if (column.notNull) {
                return false;
            }
            continue;
        }
        const int type = value.typeId();
        if (type == QMetaType::QByteArray || (column.type == u"INTEGER" && type != QMetaType::LongLong)
            || (column.type == u"TEXT" && type != QMetaType::QString)
            || (column.type == u"REAL" && type != QMetaType::LongLong && type != QMetaType::Double)) {
            return false;
        }
    }
    return true;
}

// The stored column order of a table as the damaged file's schema declares it.
QStringList sourceColumns(const QString &createSql, const QString &table)
{
    RawConnection scratch;
    QStringList names;
    if (createSql.isEmpty() || !scratch.open(u":memory:"_s, RawConnection::Access::Create)
        || !scratch.exec(createSql)) {
        return names;
    }
    scratch.exec(u"SELECT name FROM pragma_table_info(?)"_s, {table}, [&names](const QVariantList &row) {
        names.append(row.at(0).toString());
        return true;
    });
    return names;
}

class Copier
{
public:
    explicit Copier(RawConnection &db)
        : m_db(db)
    {
    }

    // Inserts the rows, keeping the first of two with one key.
    void insert(const TargetTable &table, const QStringList &names, const QVector<SalvagedRow> &rows, bool orphans,
                RepairTableReport &counts)
    {
        QHash<int, sqlite3_stmt *> statements;
        for (const SalvagedRow &row : rows) {
            QStringList columns;
            QVariantList values;
            for (int i = 0; i < row.values.size() && i < names.size(); ++i) {
                const auto column = std::find_if(table.columns.cbegin(), table.columns.cend(),
                                                 [&](const Column &c) { return c.name == names.at(i); });
                if (column == table.columns.cend()) {
                    continue;
                }
                if (table.name == u"meta" && i == 0 && row.values.at(0).toString() == u"fts_batch") {
                    columns.clear();
                    break;
                }
                columns.append(column->name);
                values.append(column->rowidAlias && !table.withoutRowid ? QVariant(row.rowid) : row.values.at(i));
            }
            if (columns.isEmpty()) {
                continue;
            }
            const QString sql = u"INSERT OR IGNORE INTO \"%1\"(\"%2\") VALUES (%3)"_s.arg(
                table.name, columns.join(u"\", \""_s), QStringList(columns.size(), u"?"_s).join(u", "_s));
            const int key = int(qHash(sql));
            sqlite3_stmt *&statement = statements[key];
            if (!statement) {
                const QByteArray text = sql.toUtf8();
                sqlite3_prepare_v2(m_db.handle(), text.constData(), int(text.size()), &statement, nullptr);
            }
            if (!statement) {
                ++counts.dropped;
                continue;
            }
            sqlite3_reset(statement);
            for (int i = 0; i < values.size(); ++i) {
                bindValue(statement, i + 1, values.at(i));
            }
            if (sqlite3_step(statement) == SQLITE_DONE && sqlite3_changes(m_db.handle()) == 1) {
                ++counts.recovered;
                counts.fromOrphans += orphans ? 1 : 0;
            } else {
                ++counts.dropped;
            }
        }
        for (sqlite3_stmt *statement : std::as_const(statements)) {
            sqlite3_finalize(statement);
        }
    }

private:
    RawConnection &m_db;
};

// Gives every row that lost its parent what it needs to stay: a file row for
// an article, a placeholder article (marked missing) for the analyst's work.
bool reattach(RawConnection &db, RepairReport &report)
{
    bool ok = db.exec(u"INSERT OR IGNORE INTO files(id, path, status) SELECT file_id, min(path), 'imported' "
                      "FROM articles a WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = a.file_id) "
                      "GROUP BY file_id"_s);
    // A file whose articles were all lost is read again by the next import.
    ok = ok && db.exec(u"DELETE FROM files WHERE status = 'imported' "
                       "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.file_id = files.id)"_s);
    ok = ok && db.exec(u"DELETE FROM entities WHERE origin = 'suggested' "
                       "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = entities.article_id)"_s);
    ok = ok && db.exec(u"UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL "
                       "AND NOT EXISTS (SELECT 1 FROM articles d WHERE d.id = articles.duplicate_of)"_s);
    const QString orphans = u"SELECT article_id FROM incidents UNION SELECT article_id FROM entities "
                            "EXCEPT SELECT id FROM articles"_s;
    const qint64 lost = db.value(u"SELECT count(*) FROM ("_s + orphans + u")"_s).toLongLong();
    if (!ok || lost == 0) {
        return ok;
    }
    ok = db.exec(u"INSERT INTO files(path, status, reason) VALUES (?, 'missing', ?)"_s,
                 {kLostFolder, QObject::tr("articles whose rows a repair could not read")});
    const qint64 fileId = sqlite3_last_insert_rowid(db.handle());
    ok = ok && db.exec(u"INSERT INTO articles(id, file_id, item, path, content_hash, title, missing, review_state) "
                       "SELECT article_id, ?, article_id, ? || '/article-' || article_id, '', ?, 1, 'in_review' FROM ("_s
                           + orphans + u")"_s,
                       {fileId, kLostFolder, QObject::tr("Article lost in a repair")});
    report.placeholderArticles = int(lost);
    return ok;
}

// A copy of the damaged file with its log folded in (when SQLite can), so that
// neither the file nor its log is ever written.
QByteArray readThroughCopy(const QString &damaged, QString *error)
{
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(u"source.rasid"_s);
    if (!scratch.isValid() || !QFile::copy(damaged, copy)) {
        *error = QObject::tr("cannot copy %1 to a temporary folder").arg(damaged);
        return {};
    }
    if (QFile::exists(damaged + u"-wal"_s) && QFile::copy(damaged + u"-wal"_s, copy + u"-wal"_s)) {
        RawConnection db;
        if (db.open(copy, RawConnection::Access::ReadWrite)) {
            db.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        }
    }
    QFile file(copy);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return file.readAll();
}

} // namespace

RepairReport repairWorkspace(const QString &damaged, const QString &out, const std::function<bool(int, int)> &progress)
{
    RepairReport report;
    QElapsedTimer clock;
    clock.start();
    if (QFileInfo::exists(out) || QFileInfo(out).absoluteFilePath() == QFileInfo(damaged).absoluteFilePath()) {
        report.error = QObject::tr("%1 already exists; the repaired workspace needs a new file").arg(out);
        return report;
    }
    const QByteArray bytes = readThroughCopy(damaged, &report.error);
    if (!report.error.isEmpty()) {
        return report;
    }
    const SalvagedFile salvaged = salvagePages(bytes);
    report.sourceVersion = salvaged.userVersion;
    report.schemaRead = salvaged.schemaRead;
    report.pageCount = int(salvaged.pageCount);
    report.orphanPages = salvaged.orphanLeafPages;
    {
        Workspace created; // the current schema, through its migrations
        if (!created.open(out)) {
            report.error = created.lastError();
            return report;
        }
    }
    RawConnection db;
    if (!db.open(out, RawConnection::Access::ReadWrite) || !db.exec(u"BEGIN IMMEDIATE"_s)
        || !db.exec(u"INSERT INTO meta(key, value) VALUES ('fts_batch', '1')"_s)) {
        report.error = db.lastError();
        removeDatabaseFiles(out);
        return report;
    }

    QVector<TargetTable> targets;
    for (const QString &name : kTableOrder) {
        TargetTable table{name, columnsOf(db, name), name == u"notes"};
        targets.append(table);
    }
    // Orphan rows go to the one table whose shape they have.
    QHash<QString, QVector<SalvagedRow>> orphans;
    for (const auto *rows : {&salvaged.orphanTableRows, &salvaged.orphanIndexRows}) {
        const bool indexRows = rows == &salvaged.orphanIndexRows;
        for (const SalvagedRow &row : *rows) {
            const TargetTable *match = nullptr;
            int matches = 0;
            for (const TargetTable &table : std::as_const(targets)) {
                if (table.withoutRowid == indexRows && fitsShape(row, table)) {
                    match = &table;
                    ++matches;
                }
            }
            if (matches == 1) {
                orphans[match->name].append(row);
            } else {
                report.unattributedRows += indexRows ? 0 : 1;
            }
        }
    }

    Copier copier(db);
    for (int t = 0; t < targets.size(); ++t) {
        const TargetTable &table = targets.at(t);
        if (progress && !progress(t, int(targets.size()))) {
            db.close();
            removeDatabaseFiles(out);
            report.error = QObject::tr("cancelled");
            return report;
        }
        RepairTableReport counts;
        counts.table = table.name;
        QStringList targetNames;
        for (const Column &column : table.columns) {
            targetNames.append(column.name);
        }
        for (const SalvagedTree &tree : salvaged.trees) {
            if (tree.type != u"table" || tree.name != table.name) {
                continue;
            }
            QStringList names = sourceColumns(tree.sql, tree.name);
            counts.damagedPages += tree.damagedPages;
            counts.badCells += tree.badCells;
            copier.insert(table, names.isEmpty() ? targetNames : names, tree.rows, false, counts);
        }
        copier.insert(table, targetNames, orphans.value(table.name), true, counts);
        report.tables.append(counts);
    }
    const bool finished = reattach(db, report)
        && db.exec(u"INSERT INTO article_fts(article_fts) VALUES ('rebuild')"_s)
        && db.exec(u"DELETE FROM meta WHERE key = 'fts_batch'"_s) && db.exec(u"COMMIT"_s);
    if (!finished) {
        report.error = db.lastError();
        db.close();
        removeDatabaseFiles(out);
        return report;
    }
    const QVariant keys = db.value(u"SELECT count(*) FROM pragma_foreign_key_check"_s);
    if (keys.toLongLong() != 0) {
        report.error = QObject::tr("the repaired workspace still has %1 rows that refer to missing rows").arg(keys.toLongLong());
    }
    db.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    report.milliseconds = clock.elapsed();
    return report;
}

} // namespace Store
} // namespace Rasid
