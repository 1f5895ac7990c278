#include "importcontroller.h"

#include "store/workspace.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Rasid {

Q_LOGGING_CATEGORY(lcImportController, "rasid.ui.import")

ImportController::ImportController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Rasid::ImportSummary>("Rasid::ImportSummary");
}

ImportController::~ImportController()
{
    // Closing during an import: the current batch is committed, then the thread ends.
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportController::isRunning() const
{
    return m_thread != nullptr;
}

bool ImportController::start(const QString &workspacePath, const ImportOptions &options)
{
    if (m_thread) {
        return false;
    }
    {
        const QMutexLocker locker(&m_mutex);
        m_cancelRequested = false;
    }
    // The lambda runs in the new thread: workspace, connection and importer are
    // created, used and destroyed there.
    m_thread = QThread::create([this, workspacePath, options] {
        ImportSummary summary;
        Workspace workspace;
        if (!workspace.open(workspacePath, Workspace::Mode::AdditionalWriter)) {
            summary.error = workspace.lastError();
        } else {
            Importer importer;
            // Direct connections: the signals are re-emitted from this thread and
            // reach the GUI's receivers queued, in order.
            connect(&importer, &Importer::progress, this, &ImportController::progress, Qt::DirectConnection);
            // run() clears the importer's cancel flag when it starts, so a Cancel
            // pressed before that is passed on at the first progress report.
            connect(
                &importer, &Importer::progress, this,
                [this, &importer] {
                    const QMutexLocker locker(&m_mutex);
                    if (m_cancelRequested) {
                        importer.cancel();
                    }
                },
                Qt::DirectConnection);
            connect(&importer, &Importer::batchWritten, this, &ImportController::batchWritten,
                    Qt::DirectConnection);
            connect(&importer, &Importer::problemFound, this, &ImportController::problemFound,
                    Qt::DirectConnection);
            {
                const QMutexLocker locker(&m_mutex);
                m_importer = &importer;
                if (m_cancelRequested) {
                    importer.cancel();
                }
            }
            summary = importer.run(workspace, options);
            const QMutexLocker locker(&m_mutex);
            m_importer = nullptr;
        }
        workspace.close();
        QMetaObject::invokeMethod(
            this,
            [this, summary] {
                if (m_thread) {
                    m_thread->wait();
                    m_thread->deleteLater();
                    m_thread = nullptr;
                }
                qCInfo(lcImportController) << "import finished:" << summary.imported << "imported," << summary.failed
                                 << "failed," << summary.cancelled << "cancelled";
                emit finished(summary);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(u"rasid-import"_s);
    m_thread->start(QThread::LowPriority);
    emit started();
    return true;
}

void ImportController::cancel()
{
    const QMutexLocker locker(&m_mutex);
    m_cancelRequested = true;
    if (m_importer) {
        m_importer->cancel();
    }
}

void ImportController::wait()
{
    if (m_thread) {
        m_thread->wait();
        // Deliver the queued finish now, so that the caller sees a settled state.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
}

} // namespace Rasid
