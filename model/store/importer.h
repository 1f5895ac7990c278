#pragma once

#include "store/importoptions.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace Rasid {
inline namespace Store {

class Workspace;

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
