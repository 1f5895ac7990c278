// CTI export benchmark: `bench_ctiexport <bench-dir> [count]` builds (once) a
// workspace of `count` incidents (100,000 by default; two per article, with
// 5,000 victims, 400 actors and every attack type, actor type and sector) and
// one of a tenth of them, then exports each to STIX 2.1, MISP and VERIS (or the
// comma-separated formats given) and
// prints one JSON line per export: seconds, incidents, megabytes written and
// the peak resident memory of the export. Memory is constant when the peak of
// the large export is about that of the small one.

#include "benchutil.h"
#include "export/exportformats.h"
#include "extract/vocabulary.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

QString cycle(const QString &field, int i)
{
    const QStringList values = allowedFieldValues(field);
    return values.at(i % values.size());
}

bool build(const QString &path, int count)
{
    Workspace ws;
    if (!ws.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.lastError()));
        return false;
    }
    QSqlDatabase db = ws.database();
    ws.beginTransaction();
    IncidentWriter writer(db);
    QSqlQuery file(db);
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    QSqlQuery article(db);
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, outlet, published, source_url, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QStringList countries = {u"MA"_s, u"DZ"_s, u"TN"_s, u"EG"_s, u"SA"_s, u"JO"_s, u"AE"_s, u"IQ"_s};
    for (int a = 0; a < count / 2; ++a) {
        const QString name = u"bench/%1.txt"_s.arg(a);
        file.addBindValue(name);
        if (!file.exec()) {
            return false;
        }
        for (const QVariant &value :
             {file.lastInsertId(), QVariant(name), QVariant(name), QVariant(u"هجوم إلكتروني رقم %1"_s.arg(a)),
              QVariant(u"هسبريس"_s), QVariant(u"2024-%1-%2"_s.arg(1 + a % 12, 2, 10, QLatin1Char('0')).arg(1 + a % 28, 2, 10, QLatin1Char('0'))),
              QVariant(u"https://news.example.org/%1"_s.arg(a)), QVariant(u"نص المقال"_s)}) {
            article.addBindValue(value);
        }
        if (!article.exec()) {
            return false;
        }
        const qint64 articleId = article.lastInsertId().toLongLong();
        QVector<ProposedIncident> incidents;
        for (int k = 0; k < 2; ++k) {
            const int i = 2 * a + k;
            ProposedIncident incident;
            incident.confidence = 0.3 + (i % 7) / 10.0;
            const auto set = [&](const QString &field, const QString &value) {
                incident.set(field, value, incident.confidence);
            };
            set(u"victim"_s, u"مؤسسة رقم %1"_s.arg(i % 5000));
            set(u"victim_sector"_s, cycle(u"victim_sector"_s, i));
            set(u"victim_country"_s, countries.at(i % countries.size()));
            set(u"attack_type"_s, cycle(u"attack_type"_s, i));
            set(u"actor"_s, u"مجموعة %1"_s.arg(i % 400));
            set(u"actor_type"_s, cycle(u"actor_type"_s, i));
            set(u"actor_country"_s, countries.at((i + 3) % countries.size()));
            set(u"motive"_s, cycle(u"motive"_s, i));
            set(u"records_affected"_s, QString::number(100 * (i % 5000)));
            set(u"data_types"_s, cycle(u"data_types"_s, i));
            set(u"incident_date"_s, u"2024-02-20"_s);
            set(u"disclosure"_s, cycle(u"disclosure"_s, i));
            set(u"impact"_s, cycle(u"impact"_s, i));
            set(u"evidence"_s, i % 10 == 0 ? u"أعلنت عصابة LockBit تشفير خوادم المؤسسة."_s
                                           : u"تعرضت المؤسسة لهجوم إلكتروني أدى إلى تسريب بيانات."_s);
            incidents.append(incident);
        }
        if (!writer.store(articleId, incidents)) {
            std::fprintf(stderr, "%s\n", qPrintable(writer.lastError()));
            return false;
        }
    }
    return ws.commit();
}

void measure(const QString &workspacePath, const QString &out, const char *formatId, int count, bool progress)
{
    Workspace ws;
    if (!ws.open(workspacePath, Workspace::Mode::ReadOnly)) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.lastError()));
        return;
    }
    const ExportFormatSpec *format = exportFormatById(QString::fromLatin1(formatId));
    resetPeakRss();
    const double before = procStatusMb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuSeconds();
    QString error;
    int rows = 0;
    // With RASID_BENCH_PROGRESS=1, the export reports its progress as the
    // window's does (every 500 incidents, to a counter) and costs what that costs.
    ExportOptions options;
    qint64 reports = 0;
    if (progress) {
        options.progress.report = [&reports](qint64, qint64) { return ++reports > 0; };
    }
    const bool ok = writeExport(*format, ws, out, true, options, &error, &rows);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = threadCpuSeconds() - cpuStart;
    std::printf("{\"bench\":\"export_%s\",\"progress_reports\":%lld,\"incidents\":%d,\"ok\":%s,\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"mb_written\":%.1f,"
                "\"rss_before_mb\":%.1f,\"peak_rss_mb\":%.1f}\n",
                formatId, progress ? reports : -1LL, rows, ok ? "true" : "false", seconds, cpu, QFileInfo(out).size() / 1e6, before,
                procStatusMb("VmHWM"));
    if (!ok || rows != count) {
        std::fprintf(stderr, "export %s failed: %s\n", formatId, qPrintable(error));
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ctiexport <bench-dir> [count]\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    dir.mkpath(u"."_s);
    const int count = argc > 2 ? std::atoi(argv[2]) : 100000;
    const QStringList formats = QString::fromLatin1(argc > 3 ? argv[3] : "stix,misp,veris").split(u',');
    for (const int n : {count / 10, count}) {
        const QString path = dir.filePath(u"cti-%1.rasid"_s.arg(n));
        if (!QFileInfo::exists(path)) {
            QElapsedTimer timer;
            timer.start();
            if (!build(path, n)) {
                std::fprintf(stderr, "could not build %s\n", qPrintable(path));
                QFile::remove(path);
                return 1;
            }
            std::fprintf(stderr, "built %s in %.1f s\n", qPrintable(path), timer.nsecsElapsed() / 1e9);
        }
        for (const QString &format : formats) {
            measure(path, dir.filePath(u"cti-%1.%2.json"_s.arg(n).arg(format)), qPrintable(format), n,
                    qEnvironmentVariableIntValue("RASID_BENCH_PROGRESS") == 1);
        }
    }
    return 0;
}
