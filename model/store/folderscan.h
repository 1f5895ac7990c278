#pragma once

/*
 * The folder scan of an import: every file under a folder with its size and
 * modification time, hidden entries and the workspace's own files left out,
 * symlink and bind-mount loops survived, and entries that cannot be read
 * (broken links, devices, pipes, sockets, names that are not UTF-8) kept with
 * the reason. Nothing outside the folder is ever read: a link whose real path
 * lies outside the folder's real path (to a file, or to a folder) is kept as
 * an entry that links outside, and is neither opened nor entered. Nothing here
 * knows the workspace.
 */

#include <QSet>
#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Store {

struct ScannedFile
{
    QString absolutePath;
    QString realPath; // with every link resolved; absolutePath for a broken link
    QString path; // relative to the imported folder, '/'-separated
    qint64 size = 0;
    qint64 mtime = 0;
    QString unreadable; // why the entry cannot be read at all (broken link, device, pipe)
    bool outside = false; // a link out of the folder: reported whatever its name
};

// Recursive scan that ignores hidden entries and the workspace's own files, and
// survives symlink and bind-mount loops by visiting each directory (by device
// and inode) once.
QVector<ScannedFile> scanFolder(const QString &root, const QSet<QString> &ignored);

// Asks the system to start reading a file into its cache, without waiting: a
// folder that is not in the cache then arrives while the batches before it are
// extracted, instead of each extraction thread waiting for its own file.
void prefetch(const QString &path);

// Whether `realPath` (canonical) is `root` (canonical) or lies under it.
bool isInsideFolder(const QString &realPath, const QString &root);

} // namespace Store
} // namespace Rasid
