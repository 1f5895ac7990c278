#include "backupscheduler.h"

#include "store/backup.h"
#include "store/reviewstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMetaObject>

Q_LOGGING_CATEGORY(lcBackup, "rasid.backup")

namespace Rasid {

BackupScheduler::BackupScheduler(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1); // one backup at a time, in the order asked
    m_timer.setSingleShot(true);
    m_timer.setInterval(10 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_path.isEmpty() && m_edited) {
            start(m_path);
        }
    });
}

BackupScheduler::~BackupScheduler()
{
    m_pool.waitForDone();
}

void BackupScheduler::setPolicy(bool enabled, int intervalMs, int keep)
{
    m_enabled = enabled;
    m_keep = qMax(1, keep);
    m_timer.setInterval(qMax(1, intervalMs));
    if (!enabled) {
        m_timer.stop();
    } else if (m_edited && !m_timer.isActive() && !m_path.isEmpty()) {
        m_timer.start();
    }
}

void BackupScheduler::attach(const QString &workspacePath, ReviewStore *store)
{
    detach();
    m_path = workspacePath;
    m_store = store;
    m_edited = false;
    if (!store) {
        return;
    }
    // Any change the analyst makes reaches the workspace through these.
    connect(store, &ReviewStore::fieldChanged, this, &BackupScheduler::edited);
    connect(store, &ReviewStore::incidentChanged, this, &BackupScheduler::edited);
    connect(store, &ReviewStore::incidentsChanged, this, &BackupScheduler::edited);
    connect(store, &ReviewStore::articleStateChanged, this, &BackupScheduler::edited);
    connect(store, &ReviewStore::entitiesChanged, this, &BackupScheduler::edited);
    connect(store, &ReviewStore::noteChanged, this, &BackupScheduler::edited);
}

void BackupScheduler::detach(bool finalBackup)
{
    if (m_store) {
        disconnect(m_store, nullptr, this, nullptr);
    }
    m_timer.stop();
    if (finalBackup && !m_path.isEmpty() && m_edited && m_enabled) {
        start(m_path);
    }
    m_store = nullptr;
    m_path.clear();
    m_edited = false;
}

void BackupScheduler::backupNow()
{
    if (!m_path.isEmpty()) {
        start(m_path);
    }
}

void BackupScheduler::waitForIdle()
{
    m_pool.waitForDone();
    // The results are queued to this thread; deliver them.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void BackupScheduler::restore(const QString &workspacePath, const QString &backupPath)
{
    const QString folder = WorkspaceBackup::folderFor(workspacePath);
    const int keep = m_keep;
    m_pool.start([this, workspacePath, backupPath, folder, keep] {
        QString error;
        const QString keptAs = WorkspaceBackup::restore(workspacePath, backupPath, folder, keep, &error);
        QMetaObject::invokeMethod(
            this,
            [this, workspacePath, keptAs, error] {
                if (keptAs.isEmpty()) {
                    qCWarning(lcBackup) << "restore of" << workspacePath << "failed:" << error;
                }
                emit restored(workspacePath, !keptAs.isEmpty(), keptAs, error);
            },
            Qt::QueuedConnection);
    });
}

void BackupScheduler::edited()
{
    m_edited = true;
    if (m_enabled && !m_timer.isActive()) {
        m_timer.start(); // the interval counts from the first edit after a backup
    }
}

void BackupScheduler::start(const QString &workspacePath)
{
    m_timer.stop();
    if (workspacePath == m_path) {
        m_edited = false; // edits from now on wait for the next backup
    }
    const QString folder = WorkspaceBackup::folderFor(workspacePath);
    const int keep = m_keep;
    // The destructor waits for the pool, so the task never outlives this object.
    m_pool.start([this, workspacePath, folder, keep] {
        QString error;
        const QString written = WorkspaceBackup::write(workspacePath, folder, keep, &error);
        QMetaObject::invokeMethod(
            this,
            [this, workspacePath, written, error] {
                if (written.isEmpty()) {
                    qCWarning(lcBackup) << "backup of" << workspacePath << "failed:" << error;
                    emit backupFailed(workspacePath, error);
                } else {
                    qCInfo(lcBackup) << "backup of" << workspacePath << "written to" << written;
                    emit backupWritten(workspacePath, written);
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace Rasid
