// The main window's opening and closing: a folder (imported into its
// workspace) or a workspace, the session's models wired to the views, and the
// background import.
#include "mainwindow.h"

#include "articlelistpanel.h"
#include "articlepane.h"
#include "backupscheduler.h"
#include "fieldform.h"
#include "importcontroller.h"
#include "importstatuswidget.h"
#include "incidentpanel.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/entitymodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "itemmodels/problemsmodel.h"
#include "noteedit.h"
#include "problemsdialog.h"
#include "repairoffer.h"
#include "restorebackupdialog.h"
#include "settingkeys.h"
#include "store/reviewstore.h"
#include "workspacesession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QUndoStack>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// Whether Rasid can keep a workspace named `fileName` (if any) in `folder`.
// Permission bits do not say (root ignores them, a read-only mount or an ACL
// overrides them), so a hidden probe file is made and removed; an existing
// workspace must also open for writing.
bool canWriteIn(const QString &folder, const QString &fileName)
{
    QTemporaryFile probe(QDir(folder).filePath(u".rasid-probe-XXXXXX"_s));
    if (!probe.open()) {
        return false;
    }
    probe.close();
    const QString existing = QDir(folder).filePath(fileName);
    if (fileName.isEmpty() || !QFileInfo::exists(existing)) {
        return true;
    }
    QFile workspace(existing);
    return workspace.open(QIODevice::ReadWrite | QIODevice::ExistingOnly);
}

} // namespace

// ---- opening and closing ---------------------------------------------------------------

QString MainWindow::workspacePathForFolder(const QString &folder, bool *fallback)
{
    const QFileInfo info(folder);
    const QString name = info.fileName().isEmpty() ? u"workspace"_s : info.fileName();
    if (canWriteIn(info.absoluteFilePath(), name + u".rasid"_s)) {
        if (fallback) {
            *fallback = false;
        }
        return QDir(info.absoluteFilePath()).filePath(name + u".rasid"_s);
    }
    // A read-only folder (a mounted archive, a colleague's share): keep the
    // workspace in our data folder, one per source folder.
    if (fallback) {
        *fallback = true;
    }
    const QByteArray hash =
        QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/workspaces"_s;
    QDir().mkpath(dir);
    return QDir(dir).filePath(u"%1-%2.rasid"_s.arg(name, QString::fromLatin1(hash)));
}

bool MainWindow::openPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        return openFolder(info.absoluteFilePath());
    }
    if (info.isFile()) {
        return openWorkspace(info.absoluteFilePath());
    }
    showError(tr("Open"), tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
    return false;
}

bool MainWindow::openFolder(const QString &folder)
{
    if (m_import->isRunning()) {
        showError(tr("Open Folder"), tr("An import is running; wait for it or cancel it first."));
        return false;
    }
    bool fallback = false;
    const QString path = workspacePathForFolder(folder, &fallback);
    if (!openWorkspace(path)) {
        return false;
    }
    if (fallback) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Open Folder"),
                                    (canWriteIn(folder, QString())
                                         ? tr("The workspace of the folder %1 is read-only, so Rasid keeps another "
                                              "one in %2.")
                                         : tr("The folder %1 is read-only, so its workspace is kept in %2."))
                                        .arg(QDir::toNativeSeparators(folder), QDir::toNativeSeparators(path)),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextFormat(Qt::PlainText);
        box->open();
    }
    startImport(folder);
    return true;
}

bool MainWindow::openWorkspace(const QString &path)
{
    if (m_session && QFileInfo(m_session->path()) == QFileInfo(path)) {
        return true;
    }
    closeWorkspace();
    QString error;
    std::unique_ptr<WorkspaceSession> session = WorkspaceSession::open(path, m_preferences.analyst, &error);
    if (!session) {
        // A damaged file gets the offer of a repair; any other refusal, its message.
        if (!RepairOffer::offer(this, path, error)) {
            showError(tr("Open Workspace"), error);
        }
        return false;
    }
    m_session = std::move(session);
    connectSession();
    m_backups->attach(m_session->path(), m_session->store());
    Settings::addRecentWorkspace(m_session->path());
    Settings::LastWorkspace.setValue(m_session->path());
    updateTitle();
    updateActions();
    // Back on the article of the last session in this workspace, else the first.
    // The first page is fetched here if the view has not asked for it yet.
    const qint64 last = Settings::lastArticle(m_session->path()).value();
    if (last <= 0 || !m_list->selectArticle(last)) {
        m_list->selectRow(0);
    }
    showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    emit workspaceOpened(m_session->path());
    return true;
}

void MainWindow::connectSession()
{
    WorkspaceSession *s = m_session.get();
    m_list->setModel(s->articles());
    m_list->setCountries({});
    updateCountries();
    s->fields()->setLookBelow(m_preferences.lookBelowPercent / 100.0);
    m_incidents->setModels(s->incidents(), s->fields());

    QUndoStack *stack = s->undoStack();
    auto undoChanged = [this] {
        retranslate();
        updateActions();
    };
    connect(stack, &QUndoStack::indexChanged, this, undoChanged);
    connect(stack, &QUndoStack::canUndoChanged, this, undoChanged);
    connect(stack, &QUndoStack::canRedoChanged, this, undoChanged);
    // Undo and redo of a note show it again, unless the analyst is typing there.
    connect(s->store(), &ReviewStore::noteChanged, this, [this](ReviewStore::NoteSubject subject, qint64 id) {
        NoteEdit *edit = subject == ReviewStore::NoteSubject::Article ? m_pane->noteEdit() : m_incidents->noteEdit();
        if (m_session && edit->subjectId() == id && !edit->isDirty()) {
            edit->setNote(id, m_session->store()->note(subject, id));
        }
    });
    connect(s->store(), &ReviewStore::failed, this, [this](const QString &message) {
        showMessage(tr("Not saved: %1").arg(message), 10000);
    });

    EntityModel *entities = s->entities();
    connect(entities, &QAbstractItemModel::modelReset, this, &MainWindow::reloadHighlights);
    connect(entities, &QAbstractItemModel::rowsInserted, this, &MainWindow::reloadHighlights);
    connect(entities, &QAbstractItemModel::rowsRemoved, this, &MainWindow::reloadHighlights);
    connect(entities, &QAbstractItemModel::dataChanged, this, &MainWindow::reloadHighlights);

    ArticleListModel *articles = s->articles();
    connect(articles, &ArticleListModel::countsChanged, this, &MainWindow::updateArticlePosition);
    connect(articles, &QAbstractItemModel::modelReset, this, &MainWindow::updateArticlePosition);
    connect(articles, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateArticlePosition);

    connect(s->problems(), &QAbstractItemModel::modelReset, this, &MainWindow::updateProblems);
    updateProblems();
}

void MainWindow::updateCountries()
{
    if (!m_session) {
        return;
    }
    // A scan of every incident field: off the GUI thread, on its own connection.
    const QString path = m_session->path();
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (m_session && m_session->path() == path) {
            m_list->setCountries(watcher->result());
            emit countriesUpdated();
        }
    });
    watcher->setFuture(QtConcurrent::run([path] { return WorkspaceSession::victimCountries(path); }));
}

void MainWindow::closeWorkspace()
{
    if (!m_session) {
        return;
    }
    m_incidents->form()->commitCurrent(); // a value typed but not yet entered is kept
    m_incidents->noteEdit()->commit();
    m_pane->noteEdit()->commit();
    if (m_import->isRunning()) {
        // The import writes through its own connection under our lock: stop it first.
        m_import->cancel();
        m_import->wait();
    }
    if (m_problemsDialog) {
        m_problemsDialog->close();
        delete m_problemsDialog;
    }
    m_backups->detach(); // a last backup when anything changed
    m_pane->clear();
    m_list->setModel(nullptr);
    m_incidents->setModels(nullptr, nullptr);
    m_currentArticle = 0;
    m_session.reset();
    updateProblems();
    updateTitle();
    updateActions();
}

bool MainWindow::reopenLastWorkspace()
{
    const QString last = Settings::LastWorkspace.value();
    return !last.isEmpty() && QFileInfo::exists(last) && openWorkspace(last);
}

void MainWindow::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a Folder of Articles"));
    if (!folder.isEmpty()) {
        openFolder(folder);
    }
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Workspace"), QString(),
                                                      tr("Rasid workspaces (*.rasid);;All files (*)"));
    if (!path.isEmpty()) {
        openWorkspace(path);
    }
}

void MainWindow::reimport()
{
    if (!m_session) {
        return;
    }
    const QString folder = m_session->sourceFolder();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        showError(tr("Re-import Folder"), tr("The folder of this workspace is not available: %1")
                                              .arg(QDir::toNativeSeparators(folder)));
        return;
    }
    startImport(folder);
}

void MainWindow::startImport(const QString &folder)
{
    if (!m_session || m_import->isRunning()) {
        return;
    }
    ImportOptions options;
    options.folder = folder;
    m_importFolder = folder;
    m_importStatus->begin(folder);
    m_import->start(m_session->path(), options);
    updateActions();
}

void MainWindow::importDone(const ImportSummary &summary)
{
    m_importStatus->hide();
    if (m_session) {
        m_session->articles()->refresh();
        if (m_problemsDialog && m_problemsDialog->isVisible()) {
            m_session->problems()->refresh();
        }
        updateCountries();
        if (m_currentArticle == 0 && m_session->articles()->rowCount() > 0) {
            m_list->selectRow(0);
        } else if (m_currentArticle != 0) {
            // Entities and proposals of the shown article may have been re-extracted.
            m_session->entities()->setArticle(m_currentArticle);
            m_session->incidents()->setArticle(m_currentArticle);
        }
    }
    if (!summary.error.isEmpty()) {
        showError(tr("Import"), summary.error);
    } else if (summary.cancelled) {
        showMessage(tr("Import cancelled: %n article(s) imported so far; open the folder again to resume.", nullptr,
                       summary.articles));
    } else {
        showMessage(tr("Imported %L1 article(s) from %L2 file(s); %L3 unchanged, %L4 could not be read.")
                        .arg(summary.articles)
                        .arg(summary.filesSeen)
                        .arg(summary.unchanged)
                        .arg(summary.failed),
                    15000);
    }
    updateProblems();
    updateActions();
    emit importFinished();
}

// ---- backups ---------------------------------------------------------------------------

void MainWindow::chooseBackupToRestore()
{
    if (!m_session) {
        return;
    }
    auto *dialog = new RestoreBackupDialog(m_session->path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString chosen = dialog->chosenBackup();
        if (!chosen.isEmpty()) {
            restoreBackup(chosen);
        }
    });
    dialog->open();
}

bool MainWindow::restoreBackup(const QString &backupPath)
{
    if (!m_session || m_import->isRunning()) {
        return false;
    }
    const QString path = m_session->path();
    m_backups->detach(false); // the restore backs the workspace up itself
    closeWorkspace();
    m_restoreProgress = new QProgressDialog(tr("Restoring the backup…"), QString(), 0, 0, this);
    m_restoreProgress->setWindowTitle(tr("Restore from Backup"));
    m_restoreProgress->setWindowModality(Qt::WindowModal);
    m_restoreProgress->setMinimumDuration(300);
    m_restoreProgress->setCancelButton(nullptr); // all or nothing, and quick
    m_backups->restore(path, backupPath);
    return true;
}

void MainWindow::backupRestoreFinished(const QString &path, bool ok, const QString &keptAs, const QString &error)
{
    if (m_restoreProgress) {
        m_restoreProgress->deleteLater();
    }
    const bool reopened = openWorkspace(path);
    if (!ok) {
        showError(tr("Restore from Backup"),
                  tr("The backup could not be restored, and the workspace is as it was: %1").arg(error));
    } else if (reopened) {
        showMessage(tr("Restored the backup. The workspace as it was is kept as %1.")
                        .arg(QDir::toNativeSeparators(keptAs)),
                    15000);
    }
    emit backupRestored(ok && reopened);
}

} // namespace Rasid
