#include "store/backup.h"

#include "store/rawconnection.h"

#include <sqlite3.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

const QString kStampFormat = u"yyyyMMdd-HHmmss-zzz"_s;

// "<name>-<stamp>.rasid" -> the stamp's time; invalid for any other file.
QDateTime stampOf(const QString &fileName)
{
    const QString base = QFileInfo(fileName).completeBaseName();
    QDateTime stamp = QDateTime::fromString(base.right(kStampFormat.size()), kStampFormat);
    stamp.setTimeSpec(Qt::UTC);
    return stamp;
}

} // namespace

QString WorkspaceBackup::folderFor(const QString &workspacePath)
{
    const QFileInfo info(workspacePath);
    const QString canonical = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"backups/%1-%2"_s.arg(info.completeBaseName(), hash));
}

bool WorkspaceBackup::copy(const QString &from, const QString &to, QString *error)
{
    RawConnection source;
    RawConnection target;
    if (!source.open(from, RawConnection::Access::ReadOnly) || !target.open(to, RawConnection::Access::Create)) {
        if (error) {
            *error = source.handle() ? target.lastError() : source.lastError();
        }
        return false;
    }
    sqlite3_backup *backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
    if (!backup) {
        if (error) {
            *error = QString::fromUtf8(sqlite3_errmsg(target.handle()));
        }
        return false;
    }
    // All pages in one step: one read transaction, so one consistent snapshot.
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 50; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
            break;
        }
        sqlite3_sleep(100);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        if (error) {
            *error = QString::fromUtf8(sqlite3_errstr(rc));
        }
        return false;
    }
    return true;
}

QString WorkspaceBackup::write(const QString &workspacePath, const QString &folder, int keep, QString *error)
{
    if (!QDir().mkpath(folder)) {
        if (error) {
            *error = QObject::tr("cannot create the backup folder %1").arg(folder);
        }
        return {};
    }
    const QString name = QFileInfo(workspacePath).completeBaseName();
    QString path;
    for (int n = 0; path.isEmpty() || QFileInfo::exists(path); ++n) {
        const QDateTime now = QDateTime::currentDateTimeUtc().addMSecs(n);
        path = QDir(folder).filePath(u"%1-%2.rasid"_s.arg(name, now.toString(kStampFormat)));
    }
    const QString partial = path + u".partial"_s;
    removeDatabaseFiles(partial);
    if (!copy(workspacePath, partial, error)) {
        removeDatabaseFiles(partial);
        return {};
    }
    QFile::remove(partial + u"-wal"_s);
    QFile::remove(partial + u"-shm"_s);
    if (!QFile::rename(partial, path)) {
        removeDatabaseFiles(partial);
        if (error) {
            *error = QObject::tr("cannot write the backup %1").arg(path);
        }
        return {};
    }
    const QVector<BackupInfo> all = list(folder);
    for (qsizetype i = qMax(1, keep); i < all.size(); ++i) {
        QFile::remove(all.at(i).path);
    }
    return path;
}

QString WorkspaceBackup::restore(const QString &workspacePath, const QString &backupPath, const QString &folder,
                                 int keep, QString *error)
{
    // The chosen backup is copied aside first: the rotation of the backup
    // made just below may remove it from the folder.
    const QString staged = workspacePath + u".restoring"_s;
    removeDatabaseFiles(staged);
    QString keptAs;
    if (copy(backupPath, staged, error)) {
        keptAs = write(workspacePath, folder, keep, error);
    }
    // SQLite writes the copy into the workspace under its own journal: it is
    // all or nothing, and a failure leaves the workspace as it was.
    const bool ok = !keptAs.isEmpty() && copy(staged, workspacePath, error);
    removeDatabaseFiles(staged);
    return ok ? keptAs : QString();
}

QVector<BackupInfo> WorkspaceBackup::list(const QString &folder)
{
    QVector<BackupInfo> backups;
    const QFileInfoList files = QDir(folder).entryInfoList({u"*.rasid"_s}, QDir::Files);
    for (const QFileInfo &file : files) {
        const QDateTime created = stampOf(file.fileName());
        if (created.isValid()) {
            backups.append({file.absoluteFilePath(), created, file.size()});
        }
    }
    std::sort(backups.begin(), backups.end(),
              [](const BackupInfo &a, const BackupInfo &b) { return a.created > b.created; });
    return backups;
}

} // namespace Store
} // namespace Rasid
