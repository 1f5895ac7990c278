#pragma once

#include <QByteArray>
#include <QFile>
#include <QVector>

#include <algorithm>
#include <ctime>

// The number after "key:" in a /proc/self file of "key: value [unit]" lines
// (Linux); -1 when unavailable.
inline double procSelfValue(const char *file, const char *key)
{
    QFile lines(QStringLiteral("/proc/self/") + QLatin1StringView(file));
    if (!lines.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : lines.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble();
        }
    }
    return -1;
}

// A memory figure of this process in MB, e.g. "VmRSS" (resident now) or
// "VmHWM" (peak resident); -1 when unavailable.
inline double procStatusMb(const char *key)
{
    const double kib = procSelfValue("status", key);
    return kib < 0 ? -1 : kib / 1024.0;
}

// Starts a new peak for "VmHWM" at the current resident size (Linux 4.0 and
// later), so that a benchmark that repeats its work reports each run's peak.
inline void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly)) {
        clear.write("5");
    }
}

// An I/O counter of this process in MB, e.g. "wchar" (bytes written through
// write calls) or "rchar"; -1 when unavailable.
inline double procIoMb(const char *key)
{
    const double bytes = procSelfValue("io", key);
    return bytes < 0 ? -1 : bytes / 1e6;
}

// CPU time of the calling thread, in seconds.
inline double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// The p-quantile (0..1) of a sample of timings, 0 when empty.
inline double percentile(QVector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(int(values.size() - 1), int(p * values.size())));
}
