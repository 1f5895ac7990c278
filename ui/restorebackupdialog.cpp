#include "restorebackupdialog.h"

#include "store/backup.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

RestoreBackupDialog::RestoreBackupDialog(const QString &workspacePath, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"restoreBackupDialog"_s);
    setWindowTitle(tr("Restore from Backup"));
    const QVector<BackupInfo> backups = WorkspaceBackup::list(WorkspaceBackup::folderFor(workspacePath));

    auto *intro = new QLabel(
        backups.isEmpty()
            ? tr("There is no backup of %1 yet. Rasid makes one after a few minutes of editing and when the "
                 "workspace closes.")
                  .arg(QFileInfo(workspacePath).fileName())
            : tr("Choose the backup of %1 to go back to. The workspace as it is now is kept as a backup "
                 "first, so this too can be undone by restoring that one.")
                  .arg(QFileInfo(workspacePath).fileName()),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_list->setObjectName(u"backups"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Made"), tr("Size")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    const QLocale locale;
    for (const BackupInfo &backup : backups) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, locale.toString(backup.created.toLocalTime(), QLocale::LongFormat));
        item->setText(1, locale.formattedDataSize(backup.bytes));
        item->setData(0, Qt::UserRole, backup.path);
        item->setToolTip(0, backup.path);
    }
    if (m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    restore->setObjectName(u"restore"_s);
    restore->setEnabled(!backups.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 360);
}

QString RestoreBackupDialog::chosenBackup() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

} // namespace Rasid
