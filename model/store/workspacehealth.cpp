#include "store/workspacehealth.h"

#include "extract/incident.h"
#include "store/rawconnection.h"

#include <sqlite3.h>

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

qint64 count(RawConnection &db, const QString &sql)
{
    const QVariant value = db.value(sql);
    return value.isValid() ? value.toLongLong() : -1;
}

void countWork(RawConnection &db, WorkspaceHealth &health)
{
    health.articles = count(db, u"SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND missing = 0"_s);
    health.incidents = count(db, u"SELECT count(*) FROM incidents"_s);
    health.reviewedIncidents = count(db, u"SELECT count(*) FROM incidents WHERE review_status != 'suggested'"_s);
    health.analystEntities = count(db, u"SELECT count(*) FROM entities WHERE origin != 'suggested'"_s);
    health.notes = count(db, u"SELECT count(*) FROM notes"_s);
    health.auditRows = count(db, u"SELECT count(*) FROM audit"_s);
    qint64 fields = 0;
    const bool read = db.exec(u"SELECT fields FROM incidents WHERE instr(fields, 'confirmed') OR instr(fields, 'corrected')"_s,
                              {}, [&fields](const QVariantList &row) {
                                  for (const IncidentField &field : unpackFields(row.value(0).toString())) {
                                      fields += field.origin != u"suggested" ? 1 : 0;
                                  }
                                  return true;
                              });
    health.analystFields = read ? fields : -1;
}

} // namespace

WorkspaceHealth checkWorkspaceFile(const QString &path, bool quick)
{
    WorkspaceHealth health;
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        health.unreadable = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return health;
    }
    if (!file.read(16).startsWith("SQLite format 3")) {
        health.unreadable = QObject::tr("%1 is not an SQLite database (its header is missing or damaged)").arg(path);
        return health;
    }
    file.close();

    RawConnection db;
    if (!db.open(path, RawConnection::Access::ReadOnly)) {
        health.unreadable = QObject::tr("cannot open %1: %2").arg(path, db.lastError());
        return health;
    }
    const QVariant version = db.value(u"PRAGMA user_version"_s);
    if (!version.isValid()) {
        health.unreadable = QObject::tr("cannot read the schema of %1: %2").arg(path, db.lastError());
        return health;
    }
    health.schemaVersion = version.toInt();
    if (!db.exec(quick ? u"PRAGMA quick_check"_s : u"PRAGMA integrity_check"_s, {}, [&health](const QVariantList &row) {
            const QString finding = row.value(0).toString();
            if (finding != u"ok") {
                health.integrity.append(finding);
            }
            return health.integrity.size() < 100;
        })) {
        health.integrity.append(db.lastError());
    }
    if (!db.exec(u"PRAGMA foreign_key_check"_s, {}, [&health](const QVariantList &row) {
            health.foreignKeys.append(QObject::tr("%1 row %2 refers to a missing row of %3")
                                          .arg(row.value(0).toString(), row.value(1).toString(),
                                               row.value(2).toString()));
            return health.foreignKeys.size() < 100;
        })) {
        health.foreignKeys.append(db.lastError());
    }
    countWork(db, health);
    db.close();

    // FTS5 runs its check as an INSERT, which a read-only connection refuses.
    // It writes nothing; the transaction is rolled back and the connection
    // closed without checkpointing, so the file stays as it was.
    RawConnection writer;
    if (!QFileInfo(path).isWritable() || !writer.open(path, RawConnection::Access::ReadWrite)) {
        return health;
    }
    sqlite3_db_config(writer.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    if (writer.exec(u"BEGIN"_s)) {
        health.fullTextChecked = true;
        if (!writer.exec(u"INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"_s)) {
            health.fullText = writer.lastError();
        }
        writer.exec(u"ROLLBACK"_s);
    }
    return health;
}

} // namespace Store
} // namespace Rasid
