#include "store/writelock.h"

#include <QLockFile>
#include <QObject>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

std::unique_ptr<QLockFile> takeWriterLock(const QString &path, QString *failure)
{
    auto lock = std::make_unique<QLockFile>(path + u".lock"_s);
    lock->setStaleLockTime(0); // a lock whose process died is stale, however fresh
    bool locked = lock->tryLock(0);
    qint64 pid = 0;
    QString host;
    QString app;
    if (!locked && lock->error() == QLockFile::LockFailedError && !lock->getLockInfo(&pid, &host, &app)) {
        // A lock file that names no process was left by one killed between
        // creating and filling it, and QLockFile never finds it stale. Its
        // owner holds an flock on it while alive, and removing it takes that
        // flock: only a dead owner's file goes.
        lock->removeStaleLockFile();
        locked = lock->tryLock(0);
    }
    if (!locked) {
        if (lock->error() != QLockFile::LockFailedError) {
            // No lock file can be made: the folder is read-only (a mounted
            // archive, a colleague's share), not held by another process.
            *failure = QObject::tr("The workspace %1 cannot be opened for writing: its folder is read-only. "
                                   "Copy it to a folder you can write to.")
                           .arg(path);
            return nullptr;
        }
        lock->getLockInfo(&pid, &host, &app);
        *failure = QObject::tr("The workspace %1 is already open for writing by another Rasid "
                               "process (pid %2 on %3). Close it there first; reading "
                               "commands such as export, stats and search still work.")
                       .arg(path)
                       .arg(pid)
                       .arg(host);
        return nullptr;
    }
    return lock;
}

} // namespace Store
} // namespace Rasid
