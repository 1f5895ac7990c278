#pragma once

/*
 * Rolling backups of a workspace through SQLite's online backup API: a
 * backup is a consistent snapshot even while another connection writes (the
 * copy runs in one read transaction of its own connection, which WAL lets
 * writers go on beside), written under a temporary name and renamed, so a
 * folder never holds half a backup. Meant for a worker thread: it opens its
 * own connections and touches no Workspace.
 */

#include <QDateTime>
#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Store {

struct BackupInfo
{
    QString path;
    QDateTime created; // UTC, from the name
    qint64 bytes = 0;
};

class WorkspaceBackup
{
public:
    // The folder of a workspace's backups: <app data>/backups/<name>-<hash of its path>.
    static QString folderFor(const QString &workspacePath);
    // Writes a backup into folder and keeps only the newest `keep`; the new
    // file's path, or empty with the reason in *error.
    static QString write(const QString &workspacePath, const QString &folder, int keep, QString *error = nullptr);
    // The backups in folder, newest first.
    static QVector<BackupInfo> list(const QString &folder);
    // Copies a database into another through SQLite (the target's own journal
    // makes it all or nothing): restores a backup into a new file or over a
    // closed workspace.
    static bool copy(const QString &from, const QString &to, QString *error = nullptr);
    // Replaces a closed workspace with one of its backups, after writing a
    // backup of the workspace as it is into folder (so a restore can itself
    // be undone); that backup's path, or empty with the reason in *error and
    // the workspace as it was.
    static QString restore(const QString &workspacePath, const QString &backupPath, const QString &folder, int keep,
                           QString *error = nullptr);
};

} // namespace Store
} // namespace Rasid
