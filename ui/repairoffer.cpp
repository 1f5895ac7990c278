#include "repairoffer.h"

#include "mainwindow.h"
#include "store/repair.h"
#include "store/workspacehealth.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QtConcurrent>

#include <atomic>
#include <numeric>
#include <memory>

using namespace Qt::StringLiterals;

namespace Rasid {

bool RepairOffer::offer(MainWindow *window, const QString &path, const QString &error)
{
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() < 512 || checkWorkspaceFile(path, true).healthy()) {
        return false;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Open Workspace"),
                                error + u"\n\n"_s
                                    + tr("Rasid can salvage everything readable of it into a new workspace, your "
                                         "decisions and the audit log first. The damaged file stays as it is."),
                                QMessageBox::Cancel, window);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *repairButton = box->addButton(tr("Repair…"), QMessageBox::AcceptRole);
    box->setDefaultButton(repairButton);
    QObject::connect(box, &QMessageBox::buttonClicked, window, [window, path, repairButton](QAbstractButton *button) {
        if (button == repairButton) {
            repair(window, path);
        }
    });
    box->open();
    return true;
}

void RepairOffer::repair(MainWindow *window, const QString &path)
{
    const QFileInfo info(path);
    QString out = info.dir().filePath(info.completeBaseName() + u"-repaired.rasid"_s);
    if (QFileInfo::exists(out)) {
        out = QFileDialog::getSaveFileName(window, tr("Save the Repaired Workspace"), out,
                                           tr("Rasid workspaces (*.rasid)"), nullptr,
                                           QFileDialog::DontConfirmOverwrite);
        if (out.isEmpty()) {
            return;
        }
    }
    auto *progress = new QProgressDialog(tr("Repairing %1…").arg(info.fileName()), tr("Cancel"), 0, 1, window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    const auto cancelled = std::make_shared<std::atomic<bool>>(false);
    QObject::connect(progress, &QProgressDialog::canceled, progress, [cancelled] { cancelled->store(true); });
    const QPointer<QProgressDialog> guard(progress);
    auto *watcher = new QFutureWatcher<RepairReport>(window);
    QObject::connect(watcher, &QFutureWatcher<RepairReport>::finished, window, [window, watcher, guard, out] {
        const RepairReport report = watcher->result();
        watcher->deleteLater();
        if (guard) {
            guard->deleteLater();
        }
        if (!report.error.isEmpty()) {
            QMessageBox::warning(window, tr("Repair"), tr("The workspace could not be repaired: %1").arg(report.error));
            return;
        }
        int recovered = 0;
        int lost = 0;
        for (const RepairTableReport &table : report.tables) {
            recovered += table.recovered;
            lost += table.badCells + table.dropped;
        }
        const int lostPages = std::accumulate(report.tables.cbegin(), report.tables.cend(), 0,
                                              [](int n, const RepairTableReport &t) { return n + t.damagedPages; });
        QMessageBox::information(
            window, tr("Repair"),
            tr("%1 rows were saved into %2. %3 rows and %4 damaged pages could not be read; %5 incidents whose "
               "article was lost are kept under placeholder articles.")
                .arg(recovered)
                .arg(QDir::toNativeSeparators(out))
                .arg(lost)
                .arg(lostPages)
                .arg(report.placeholderArticles));
        window->openWorkspace(out);
    });
    watcher->setFuture(QtConcurrent::run([path, out, cancelled, guard, window] {
        return repairWorkspace(path, out, [cancelled, guard, window](int done, int total) {
            QMetaObject::invokeMethod(
                window,
                [guard, done, total] {
                    if (guard) {
                        guard->setMaximum(total);
                        guard->setValue(done);
                    }
                },
                Qt::QueuedConnection);
            return !cancelled->load();
        });
    }));
}

} // namespace Rasid
