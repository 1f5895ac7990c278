#pragma once

#include "store/importer.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>

class QThread;

namespace Rasid {

/*
 * Runs an import in the background. Importer::run() blocks and needs a
 * connection owned by its thread, so the controller starts a QThread that
 * opens its own Workspace on the same file in AdditionalWriter mode (the GUI's
 * workspace keeps the writer lock and stays open: the analyst can read and edit
 * while articles land) and runs the importer there. Progress and results come
 * back to the GUI thread as queued signals; cancel() is safe from any thread.
 */
class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)
public:
    explicit ImportController(QObject *parent = nullptr);
    ~ImportController() override;

    // False when an import is already running.
    bool start(const QString &workspacePath, const ImportOptions &options);
    bool isRunning() const;
    // Blocks until the worker has finished (used when closing the window).
    void wait();

public slots:
    void cancel();

signals:
    void started();
    void progress(int filesDone, int filesTotal, qint64 bytesDone, qint64 bytesTotal);
    void batchWritten(int articlesSoFar);
    void problemFound(const QString &path, const QString &reason);
    void finished(const Rasid::ImportSummary &summary);

private:
    QThread *m_thread = nullptr;
    // The importer lives on the worker's stack; the pointer, guarded by the
    // mutex, only serves cancel().
    QMutex m_mutex;
    Importer *m_importer = nullptr;
    bool m_cancelRequested = false;
};

} // namespace Rasid
