// Import benchmark: `bench_import <folder> [--no-extract] [--threads N] [--batch files] [--repeat N] [--cold]`
// imports a folder into a fresh workspace and prints one JSON line with wall time, MB/s,
// articles, CPU time (all threads, and the writing thread alone), peak resident
// memory and the bytes read and written through system calls (files and
// workspace together). "fifths" are the seconds each successive fifth of the
// files took from scan to commit: equal fifths mean that writing does not slow
// down as the workspace grows. With --repeat N it imports N times, each into a
// new workspace, and ends with an "import_runs" line: the median, fastest and
// slowest wall time (a virtual machine's speed drifts between runs). Each run
// reports its own peak memory, which after the first includes pages the
// allocator kept from the runs before (they level off near 120 MB for 1,000
// articles; with MALLOC_CONF=dirty_decay_ms:0 every run peaks at 65 MB).
// --cold drops the folder's files from the system's page cache before each run,
// as for a folder the analyst has not opened since the machine started.

#include "benchutil.h"
#include "store/importer.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Drops every file under folder from the page cache (Linux).
void evictFromPageCache(const QString &folder)
{
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const int fd = ::open(QFile::encodeName(it.next()).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd >= 0) {
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
            ::close(fd);
        }
    }
}

// Imports options.folder into a new workspace at path, prints the run's JSON
// line and returns its wall time (-1 on failure).
double importOnce(const Rasid::ImportOptions &options, const QString &path)
{
    Rasid::Workspace workspace;
    if (!workspace.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.lastError()));
        return -1;
    }
    for (const QString &pragma : qEnvironmentVariable("BENCH_PRAGMAS").split(u';', Qt::SkipEmptyParts)) {
        QSqlQuery(workspace.database()).exec(pragma);
    }
    Rasid::Importer importer;
    resetPeakRss();
    const double readBefore = procIoMb("rchar");
    const double writtenBefore = procIoMb("wchar");
    const std::clock_t cpuBefore = std::clock();
    const double writerBefore = threadCpuSeconds();
    QElapsedTimer clock;
    QVector<double> fifthEnds;
    QObject::connect(&importer, &Rasid::Importer::progress, &importer,
                     [&](int filesDone, int filesTotal) {
                         while (filesTotal > 0 && fifthEnds.size() < 5
                                && filesDone >= qint64(filesTotal) * (fifthEnds.size() + 1) / 5) {
                             fifthEnds.append(double(clock.nsecsElapsed()) / 1e9);
                         }
                     },
                     Qt::DirectConnection);
    clock.start();
    const Rasid::ImportSummary summary = importer.run(workspace, options);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    QByteArray fifths;
    for (int i = 0; i < fifthEnds.size(); ++i) {
        fifths += (i ? "," : "") + QByteArray::number(fifthEnds[i] - (i ? fifthEnds[i - 1] : 0.0), 'f', 2);
    }
    const double cpuSeconds = double(std::clock() - cpuBefore) / CLOCKS_PER_SEC;
    const double writerSeconds = threadCpuSeconds() - writerBefore; // this thread writes the workspace
    std::printf("{\"bench\":\"import\",\"extract\":%s,\"files\":%d,\"articles\":%d,\"failed\":%d,\"mb\":%.1f,"
                "\"seconds\":%.2f,\"cpu_seconds\":%.2f,\"writer_cpu_seconds\":%.2f,\"mb_per_s\":%.1f,"
                "\"peak_rss_mb\":%.0f,\"read_mb\":%.0f,\"written_mb\":%.0f,\"fifths\":[%s]}\n",
                options.extract ? "true" : "false", summary.filesSeen, summary.articles, summary.failed,
                double(summary.bytes) / 1e6, seconds, cpuSeconds, writerSeconds, double(summary.bytes) / 1e6 / seconds,
                procStatusMb("VmHWM"), procIoMb("rchar") - readBefore, procIoMb("wchar") - writtenBefore,
                fifths.constData());
    if (!summary.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(summary.error));
        return -1;
    }
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_import <folder> [--no-extract] [--threads N] [--batch files] [--repeat N] "
                             "[--cold] [--workspace file]\n");
        return 2;
    }
    Rasid::ImportOptions options;
    options.folder = args.at(1);
    options.extract = !args.contains(u"--no-extract"_s);
    const int threadsAt = int(args.indexOf(u"--threads"_s));
    if (threadsAt > 0) {
        options.threads = args.value(threadsAt + 1).toInt();
    }
    const int batchAt = int(args.indexOf(u"--batch"_s));
    if (batchAt > 0) {
        options.batchSize = args.value(batchAt + 1).toInt();
    }
    const int repeatAt = int(args.indexOf(u"--repeat"_s));
    const int runs = repeatAt > 0 ? qMax(1, args.value(repeatAt + 1).toInt()) : 1;
    const int workspaceAt = int(args.indexOf(u"--workspace"_s));
    if (workspaceAt > 0 && runs > 1) {
        std::fprintf(stderr, "--repeat imports into new workspaces; it does not take --workspace\n");
        return 2;
    }
    QTemporaryDir dir;
    QVector<double> wallTimes;
    for (int run = 0; run < runs; ++run) {
        const QString path =
            workspaceAt > 0 ? args.value(workspaceAt + 1) : dir.filePath(u"bench-%1.rasid"_s.arg(run));
        if (args.contains(u"--cold"_s)) {
            evictFromPageCache(options.folder);
        }
        const double seconds = importOnce(options, path);
        if (seconds < 0) {
            return 1;
        }
        wallTimes.append(seconds);
        if (workspaceAt <= 0) {
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
                QFile::remove(path + suffix); // a 10,000-article workspace takes 230 MB
            }
        }
    }
    if (runs > 1) {
        std::printf("{\"bench\":\"import_runs\",\"extract\":%s,\"runs\":%d,\"median_seconds\":%.2f,"
                    "\"min_seconds\":%.2f,\"max_seconds\":%.2f}\n",
                    options.extract ? "true" : "false", runs, percentile(wallTimes, 0.5),
                    *std::min_element(wallTimes.cbegin(), wallTimes.cend()),
                    *std::max_element(wallTimes.cbegin(), wallTimes.cend()));
    }
    return 0;
}

