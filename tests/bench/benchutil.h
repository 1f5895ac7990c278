#pragma once

#include <QByteArray>
#include <QFile>
#include <QVector>

#include <algorithm>

// A memory figure of this process from /proc/self/status in MB (Linux), e.g.
// "VmRSS" (resident now) or "VmHWM" (peak resident); -1 when unavailable.
inline double procStatusMb(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}

// A counter of this process from /proc/self/io in MB (Linux), e.g. "wchar"
// (bytes written through write calls) or "rchar"; -1 when unavailable.
inline double procIoMb(const char *key)
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().toDouble() / 1e6;
        }
    }
    return -1;
}

// The p-quantile (0..1) of a sample of timings, 0 when empty.
inline double percentile(QVector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(int(values.size() - 1), int(p * values.size())));
}
