#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QTimer>

namespace Rasid {

inline namespace Store { class ReviewStore; }

/*
 * Rolling backups of the open workspace: once the analyst has edited for
 * `interval` since the last backup, and again when the workspace closes if
 * anything changed, a snapshot is written into WorkspaceBackup::folderFor()
 * keeping the newest `keep`. The copy runs on a thread of its own (one at a
 * time, in order) through SQLite's online backup API, so the window goes on
 * while it runs and the snapshot is consistent even while the analyst edits.
 */
class BackupScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupScheduler)
public:
    explicit BackupScheduler(QObject *parent = nullptr);
    ~BackupScheduler() override; // waits for the backups still running

    void setPolicy(bool enabled, int intervalMs, int keep);
    bool isEnabled() const { return m_enabled; }
    int keep() const { return m_keep; }

    // Watches a workspace's edits (store: its review store).
    void attach(const QString &workspacePath, ReviewStore *store);
    // Stops watching; writes a last backup when anything changed since the
    // last one (unless finalBackup is false).
    void detach(bool finalBackup = true);
    // Starts a backup of the attached workspace now, edited or not.
    void backupNow();
    // True while an edit waits for its backup.
    bool hasUnsavedEdits() const { return m_edited; }
    void waitForIdle();
    // Replaces a closed workspace with one of its backups, after backing up
    // the workspace as it is (so a restore can be undone by another); queued
    // behind the backups still running. Emits restored().
    void restore(const QString &workspacePath, const QString &backupPath);

signals:
    void backupWritten(const QString &workspacePath, const QString &backupPath);
    void backupFailed(const QString &workspacePath, const QString &reason);
    // keptAs: the backup of the workspace as it was before; error when !ok.
    void restored(const QString &workspacePath, bool ok, const QString &keptAs, const QString &error);

private:
    void edited();
    void start(const QString &workspacePath);

    bool m_enabled = true;
    int m_keep = 5;
    bool m_edited = false;
    QString m_path;
    QPointer<ReviewStore> m_store;
    QTimer m_timer;
    QThreadPool m_pool;
};

} // namespace Rasid
