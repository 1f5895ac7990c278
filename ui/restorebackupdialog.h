#pragma once

#include <QDialog>

class QTreeWidget;

namespace Rasid {

/*
 * File › Restore from Backup: the backups of the open workspace, newest
 * first, with when each was made and its size. The analyst picks one; the
 * window then replaces the workspace with it (keeping the current state as
 * a backup of its own).
 */
class RestoreBackupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreBackupDialog)
public:
    RestoreBackupDialog(const QString &workspacePath, QWidget *parent = nullptr);

    // The chosen backup's path; empty when there is none.
    QString chosenBackup() const;
    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list = nullptr;
};

} // namespace Rasid
