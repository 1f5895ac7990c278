#pragma once

#include "settingsdialog.h"
#include "store/reviewstore.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QMenu;
class QProgressDialog;
class QSplitter;
class QTabWidget;
class QToolButton;
class QUndoCommand;

namespace Rasid {

class ActionRegistry;
class BackupScheduler;
class ArticleListPanel;
class ArticlePane;
class ArticleView;
class ImportController;
class ImportStatusWidget;
class MenuStyle;
class IncidentPanel;
class NavigationController;
class OverviewWidget;
class ProblemsDialog;
class ReviewActions;
class WorkspaceSession;
inline namespace Store { struct ImportSummary; }

/*
 * The workbench: the article list on the leading side, the article in the
 * centre, the incidents of the article on the trailing side. It opens a
 * folder (importing it in the background into a workspace) or a workspace,
 * wires the views to the session's models, and turns every command (menus,
 * shortcuts, context menu) into an undo command on the session's stack.
 * There is no Save: every edit is in the workspace once its command ran.
 *
 * The review and entity commands live in ReviewActions, the walk through the
 * article list in NavigationController, both owned by the window; its actions
 * and menus are set up in mainwindowmenus.cpp, opening, closing and importing
 * in mainwindowworkspace.cpp.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // A folder is imported (into <folder>/<name>.rasid, or under the app data
    // folder when the folder is read-only); a file is opened as a workspace.
    bool openPath(const QString &path);
    bool openFolder(const QString &folder);
    bool openWorkspace(const QString &path);
    void closeWorkspace();
    // Reopens the workspace of the last session, if it still exists.
    bool reopenLastWorkspace();
    // Where a folder's workspace goes; *fallback is set when the folder is not writable.
    static QString workspacePathForFolder(const QString &folder, bool *fallback = nullptr);

    void restoreWindowState();
    Preferences preferences() const { return m_preferences; }
    void applyPreferences(const Preferences &preferences);

    // For tests and the benchmarks.
    WorkspaceSession *session() const { return m_session.get(); }
    ActionRegistry *actions() const { return m_actions; }
    ArticleListPanel *articleList() const { return m_list; }
    ArticlePane *articlePane() const { return m_pane; }
    // The Overview tab beside the article, and the tabs holding both.
    OverviewWidget *overview() const { return m_overview; }
    QTabWidget *centerTabs() const { return m_tabs; }
    void showOverview();
    ArticleView *articleView() const;
    IncidentPanel *incidentPanel() const { return m_incidents; }
    ImportController *importController() const { return m_import; }
    ImportStatusWidget *importStatus() const { return m_importStatus; }
    qint64 currentArticleId() const { return m_currentArticle; }
    // Shows an article (selecting it in the list); false when the list cannot show it.
    bool showArticle(qint64 articleId);
    // The article view's context menu for a viewport position (the caller owns it).
    QMenu *createArticleContextMenu(const QPoint &pos);
    // The style of the window's menus (shortcuts kept left to right).
    MenuStyle *menuStyle() const { return m_menuStyle; }
    // Rolling backups of the open workspace, and File › Restore from Backup.
    BackupScheduler *backups() const { return m_backups; }
    // Replaces the open workspace with one of its backups (off the GUI thread,
    // keeping the current state as a backup first) and reopens it; false when
    // it could not start. backupRestored() tells how it ended.
    bool restoreBackup(const QString &backupPath);
    // The name the analyst's edits are signed with, in the status bar.
    QToolButton *analystButton() const { return m_analystButton; }
    // A word in the status bar, for the window and its controllers.
    void showMessage(const QString &message, int timeoutMs = 6000);

signals:
    void workspaceOpened(const QString &path);
    void importFinished();
    void exportFinished(bool ok, const QString &message);
    // The victim countries of the country filter were (re)read.
    void countriesUpdated();
    void backupRestored(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslate();
    void connectSession();
    void updateActions();
    // A bulk action on the articles selected in the list (else the current one).
    void reviewSelectedArticles(Rasid::Store::ReviewStore::BulkAction action);
    // Shows the article an undo step changes when it is not the one on screen.
    void showArticleOfStep(const QUndoCommand *step);
    void updateTitle();
    void updateRecentMenu();
    void updateProblems();
    void updateCountries();
    void setCurrentArticle(qint64 articleId);
    void reloadHighlights();
    void rememberArticle(qint64 articleId);
    void updateArticlePosition();
    void saveWindowState();
    void loadPreferences();
    void showError(const QString &title, const QString &message);

    // Commands
    void chooseFolder();
    void chooseWorkspace();
    void reimport();
    void startImport(const QString &folder);
    void importDone(const ImportSummary &summary);
    void exportIncidents();
    void openSettings();
    void openProblems();
    void chooseBackupToRestore();
    void backupRestoreFinished(const QString &path, bool ok, const QString &keptAs, const QString &error);
    void applyBackupPolicy();
    void updateAnalystButton();

    std::unique_ptr<WorkspaceSession> m_session;
    ActionRegistry *m_actions = nullptr;
    ArticleListPanel *m_list = nullptr;
    ArticlePane *m_pane = nullptr;
    IncidentPanel *m_incidents = nullptr;
    QSplitter *m_splitter = nullptr;
    ImportController *m_import = nullptr;
    ImportStatusWidget *m_importStatus = nullptr;
    // The review and entity commands, and the walk through the article list.
    ReviewActions *m_review = nullptr;
    NavigationController *m_navigation = nullptr;
    QToolButton *m_problemsButton = nullptr;
    QToolButton *m_analystButton = nullptr;
    BackupScheduler *m_backups = nullptr;
    QPointer<QProgressDialog> m_restoreProgress;
    QPointer<ProblemsDialog> m_problemsDialog;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_reviewMenu = nullptr;
    QMenu *m_assignMenu = nullptr;
    QMenu *m_bulkMenu = nullptr;
    QMenu *m_entityMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    MenuStyle *m_menuStyle = nullptr;
    Preferences m_preferences;
    QTabWidget *m_tabs = nullptr;
    OverviewWidget *m_overview = nullptr;
    qint64 m_currentArticle = 0;
    QString m_importFolder;
    bool m_switchingArticle = false;
};

} // namespace Rasid
