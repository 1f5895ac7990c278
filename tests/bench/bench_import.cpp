// Import benchmark: `bench_import <folder> [--no-extract] [--threads N] [--batch files]` imports a
// folder into a fresh workspace and prints one JSON line with wall time, MB/s,
// articles, CPU time (all threads, and the writing thread alone), peak resident
// memory and the bytes read and written through system calls (files and
// workspace together). "fifths" are the seconds each successive fifth of the
// files took from scan to commit: equal fifths mean that writing does not slow
// down as the workspace grows.

#include "importer.h"
#include "benchutil.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_import <folder> [--no-extract] [--threads N] [--batch files] [--workspace file]\n");
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
    QTemporaryDir dir;
    const int workspaceAt = int(args.indexOf(u"--workspace"_s));
    const QString path = workspaceAt > 0 ? args.value(workspaceAt + 1) : dir.filePath(u"bench.rasid"_s);
    Rasid::Workspace workspace;
    if (!workspace.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.lastError()));
        return 1;
    }
    for (const QString &pragma : qEnvironmentVariable("BENCH_PRAGMAS").split(u';', Qt::SkipEmptyParts)) {
        QSqlQuery(workspace.database()).exec(pragma);
    }
    Rasid::Importer importer;
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
    return summary.error.isEmpty() ? 0 : 1;
}
