#pragma once

#include <QObject>
#include <QString>

#include <atomic>

namespace Rasid {
inline namespace Store {

class Workspace;

struct ImportOptions
{
    QString folder;
    bool extract = true;                       // recognise entities and propose incidents
    qint64 maxFileSize = 20 * 1024 * 1024;     // larger files are skipped with a reason
    int threads = 0;                           // 0: one per core
    int batchSize = 64;                        // files per write transaction
};

struct ImportSummary
{
    int filesSeen = 0;
    int imported = 0;      // files read and stored (new or changed)
    int unchanged = 0;
    int skipped = 0;       // not an article file type
    int failed = 0;        // empty, binary, unreadable, too large, undecodable
    int missing = 0;       // files gone since the last import
    int articles = 0;      // articles added or updated
    int duplicates = 0;
    int problems = 0;      // problem rows written (failed files and broken items)
    qint64 bytes = 0;
    bool cancelled = false;
    QString error;         // the import could not run at all
};

/*
 * Imports a folder into a workspace: scans it, then reads, decodes, cleans and
 * extracts files on a thread pool while the calling thread writes finished
 * batches in one transaction each. Re-importing is incremental. The calling
 * thread must own the workspace connection; run() blocks until done, so the GUI
 * calls it from a worker thread and listens to the signals.
 */
class Importer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Importer)
public:
    explicit Importer(QObject *parent = nullptr);

    ImportSummary run(Workspace &workspace, const ImportOptions &options);
    // Thread-safe: the current batch finishes and is committed, then run() returns.
    // A cancel before run() starts makes that run stop before its first batch.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

signals:
    void progress(int filesDone, int filesTotal, qint64 bytesDone, qint64 bytesTotal);
    void batchWritten(int articlesSoFar);
    void problemFound(const QString &path, const QString &reason);

private:
    std::atomic<bool> m_cancelled{false};
};

// Article file types the importer reads; every other file is skipped with a reason.
bool isArticleFile(const QString &path);

} // namespace Store
} // namespace Rasid
