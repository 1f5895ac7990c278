#pragma once

/*
 * The writer lock of a workspace file: a lock file beside it that a process
 * holds while it has the workspace open for writing, so that a second process
 * that wants to write gets a clear message instead of waiting or damaging it.
 * Read-only opens never take it.
 */

#include <QString>

#include <memory>

class QLockFile;

namespace Rasid {
inline namespace Store {

// Takes the lock file of the workspace at path (path + ".lock"); null when it
// is held by another process or cannot be made, with the message for the
// analyst in *failure.
std::unique_ptr<QLockFile> takeWriterLock(const QString &path, QString *failure);

} // namespace Store
} // namespace Rasid
