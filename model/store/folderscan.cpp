#include "store/folderscan.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// When a file was last modified, in milliseconds since the epoch, as
// QFileInfo::lastModified().toMSecsSinceEpoch() gives it, but straight from
// stat(): the local-time QDateTime in between cost 3.5 µs a file, a third of
// the scan of a folder.
qint64 modifiedMsecs(const QFileInfo &entry)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(entry.absoluteFilePath()).constData(), &st) == 0) {
        return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    }
#endif
    return entry.lastModified().toMSecsSinceEpoch();
}

// Names in a directory that are not valid UTF-8, decoded with U+FFFD, with
// whether each is a folder. Qt's listings leave such entries out, so a folder
// of windows-1256 names from an archive made on Windows would vanish unseen.
QVector<std::pair<QString, bool>> undecodableNames(const QString &dirPath)
{
    QVector<std::pair<QString, bool>> names;
#ifdef Q_OS_UNIX
    DIR *dir = ::opendir(QFile::encodeName(dirPath).constData());
    if (!dir) {
        return names;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray raw(entry->d_name);
        const QString name = QString::fromUtf8(raw);
        if (!raw.startsWith('.') && QFile::encodeName(name) != raw) {
            names.append({name, entry->d_type == DT_DIR});
        }
    }
    ::closedir(dir);
#else
    Q_UNUSED(dirPath)
#endif
    return names;
}

// A directory's device and inode: the same folder under any name. Zeros when
// it cannot be stat()ed.
using DirectoryId = QPair<quint64, quint64>;

DirectoryId directoryId(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        return {quint64(st.st_dev), quint64(st.st_ino)};
    }
#else
    Q_UNUSED(path)
#endif
    return {0, 0};
}

// The modification time of a link itself, not of what it points to.
qint64 linkModifiedMsecs(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) == 0) {
        return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    }
#else
    Q_UNUSED(path)
#endif
    return 0;
}

} // namespace

void prefetch(const QString &path)
{
#if defined(Q_OS_LINUX)
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd >= 0) {
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
        ::close(fd);
    }
#else
    Q_UNUSED(path)
#endif
}

bool isInsideFolder(const QString &realPath, const QString &root)
{
    if (realPath.isEmpty() || root.isEmpty()) {
        return false;
    }
    if (realPath == root) {
        return true;
    }
    return realPath.startsWith(root) && (root.endsWith(u'/') || realPath.at(root.size()) == u'/');
}

QVector<ScannedFile> scanFolder(const QString &root, const QSet<QString> &ignored)
{
    QVector<ScannedFile> files;
    QSet<DirectoryId> visited;
    const QString rootPath = QFileInfo(root).canonicalFilePath();
    QStringList pending{rootPath};
    const QDir rootDir(rootPath);
    // Most files lie under the folder itself: their relative path is what follows it.
    const QString rootPrefix = rootPath.endsWith(u'/') ? rootPath : rootPath + u'/';
    while (!pending.isEmpty()) {
        const QString dirPath = pending.takeLast();
        // A folder reached twice (a link to a folder above it, a bind mount of
        // a folder inside itself) is listed once: its name differs each time,
        // its device and inode do not.
        if (const DirectoryId id = directoryId(dirPath); id.first != 0 || id.second != 0) {
            if (visited.contains(id)) {
                continue;
            }
            visited.insert(id);
        }
        const QFileInfoList entries = QDir(dirPath).entryInfoList(
            QDir::Dirs | QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        QStringList subdirs;
        for (const QFileInfo &entry : entries) {
            if (entry.fileName().startsWith(u'.')) {
                continue;
            }
            // Every folder taken is canonical, so only a link's path can differ
            // from its real one (resolving costs a system call per path component).
            const QString real = entry.isSymLink() ? entry.canonicalFilePath() : entry.absoluteFilePath();
            const bool outside = entry.isSymLink() && !real.isEmpty() && !isInsideFolder(real, rootPath);
            if (entry.isDir() && !outside) {
                if (!real.isEmpty()) {
                    subdirs.append(real);
                }
                continue;
            }
            if (ignored.contains(real) || ignored.contains(entry.absoluteFilePath())) {
                continue;
            }
            ScannedFile file;
            file.absolutePath = entry.absoluteFilePath();
            // A broken link, or a link out of the folder: unique by its own name.
            file.realPath = real.isEmpty() || outside ? file.absolutePath : real;
            // Paths are kept relative to the folder as the analyst sees it, even
            // when reached through a symlinked directory.
            file.path = file.absolutePath.startsWith(rootPrefix) ? file.absolutePath.mid(rootPrefix.size())
                                                                  : rootDir.relativeFilePath(file.absolutePath);
            if (file.path.startsWith(u"../"_s)) {
                file.path = file.absolutePath;
            }
            if (outside) {
                // Not even its size is read: what lies outside stays unread.
                file.outside = true;
                file.mtime = linkModifiedMsecs(file.absolutePath);
                file.unreadable = entry.isDir()
                    ? QObject::tr("not read: the folder links outside the folder (to %1)").arg(entry.symLinkTarget())
                    : QObject::tr("not read: the file links outside the folder (to %1)").arg(entry.symLinkTarget());
                files.append(file);
                continue;
            }
            file.size = entry.size();
            file.mtime = modifiedMsecs(entry);
            // Opening a pipe or a device would block or never end: record instead.
            if (entry.isSymLink() && !entry.exists()) {
                file.unreadable = QObject::tr("cannot read the file: the link points to %1, which does not exist")
                                      .arg(entry.symLinkTarget());
            } else if (!entry.isFile()) {
                file.unreadable = QObject::tr("cannot read the file: not a regular file");
            } else if (!entry.isReadable()) {
                file.unreadable = QObject::tr("cannot read the file: permission denied");
            }
            files.append(file);
        }
    // A name the system cannot be given back cannot be opened: reported, not lost.
        for (const auto &[name, isFolder] : undecodableNames(dirPath)) {
            ScannedFile file;
            file.absolutePath = dirPath + u'/' + name;
            file.realPath = file.absolutePath;
            file.path = rootDir.relativeFilePath(file.absolutePath);
            file.unreadable = isFolder ? QObject::tr("cannot read the folder: its name is not valid UTF-8 (a "
                                                     "Windows Arabic name?); rename it to import its files")
                                       : QObject::tr("cannot read the file: its name is not valid UTF-8 (a "
                                                     "Windows Arabic name?); rename it to import it");
            files.append(file);
        }
        // Depth-first in name order: push in reverse so the first name pops first.
        for (auto it = subdirs.crbegin(); it != subdirs.crend(); ++it) {
            pending.append(*it);
        }
    }
    // Directories reached through symlinks can be scanned twice under two names;
    // keep the first path for each real file.
    QSet<QString> seenReal;
    QVector<ScannedFile> unique;
    unique.reserve(files.size());
    for (const ScannedFile &file : files) {
        if (!seenReal.contains(file.realPath)) {
            seenReal.insert(file.realPath);
            unique.append(file);
        }
    }
    return unique;
}

} // namespace Store
} // namespace Rasid
