#pragma once

// Files the suites write and read back.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace Rasid::TestFiles {

// Writes bytes to path, creating its folders.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Copies the files of folder `from` (not its subfolders) into `to`, creating
// it; returns how many were copied (none when `from` is not there).
inline int copyFiles(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    int copied = 0;
    for (const QFileInfo &info : QDir(from).entryInfoList(QDir::Files)) {
        copied += QFile::copy(info.absoluteFilePath(), QDir(to).filePath(info.fileName())) ? 1 : 0;
    }
    return copied;
}

} // namespace Rasid::TestFiles
