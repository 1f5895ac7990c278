// The main window's actions and menus: creating them, their texts in the
// interface language, and which of them are enabled.
#include "mainwindow.h"

#include "actionregistry.h"
#include "articlelistpanel.h"
#include "articlepane.h"
#include "articleview.h"
#include "fieldform.h"
#include "importcontroller.h"
#include "incidentpanel.h"
#include "mainwindow_p.h"
#include "menustyle.h"
#include "navigationcontroller.h"
#include "reviewactions.h"
#include "settingkeys.h"
#include "store/undocommands.h"
#include "workspacesession.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// Shortcuts of the actions that Settings::defaultShortcuts() does not list.
const QMap<QString, QString> &extraShortcuts()
{
    static const QMap<QString, QString> shortcuts = {
        {u"closeWorkspace"_s, u"Ctrl+W"_s},
        {u"reimport"_s, u"F5"_s},
        {u"zoomReset"_s, u"Ctrl+0"_s},
        {u"splitIncident"_s, u"Ctrl+Shift+S"_s},
        {u"mergeIncidents"_s, u"Ctrl+Shift+M"_s},
        {u"deleteIncident"_s, u"Ctrl+Shift+D"_s},
        {u"assignVictimCountry"_s, u"Ctrl+5"_s},
        {u"assignAttackType"_s, u"Ctrl+6"_s},
        {u"assignActorCountry"_s, u"Ctrl+7"_s},
        {u"assignEvidence"_s, u"Ctrl+8"_s},
        {u"showProblems"_s, u"Ctrl+Shift+E"_s},
        {u"showOverview"_s, u"Ctrl+Shift+V"_s},
    };
    return shortcuts;
}

QKeySequence defaultShortcutOf(const QString &id)
{
    static const QMap<QString, QString> shipped = Settings::defaultShortcuts();
    const QString keys = shipped.value(id, extraShortcuts().value(id));
    return QKeySequence::fromString(keys, QKeySequence::PortableText);
}

} // namespace

const QVector<QPair<QString, QString>> &assignActions()
{
    static const QVector<QPair<QString, QString>> actions = {
        {u"assignVictim"_s, u"victim"_s},
        {u"assignActor"_s, u"actor"_s},
        {u"assignRecords"_s, u"records_affected"_s},
        {u"assignDate"_s, u"incident_date"_s},
        {u"assignVictimCountry"_s, u"victim_country"_s},
        {u"assignAttackType"_s, u"attack_type"_s},
        {u"assignActorCountry"_s, u"actor_country"_s},
        {u"assignEvidence"_s, u"evidence"_s},
    };
    return actions;
}

// ---- actions and menus --------------------------------------------------------------------

void MainWindow::createActions()
{
    auto addTo = [this](const QString &id, auto *receiver, auto slot) {
        QAction *action = m_actions->add(id, defaultShortcutOf(id));
        connect(action, &QAction::triggered, receiver, slot);
        // Window-wide by default; actions bound to one widget change it after this.
        addAction(action);
        return action;
    };
    auto add = [this, &addTo](const QString &id, auto slot) { return addTo(id, this, slot); };
    add(u"openFolder"_s, &MainWindow::chooseFolder);
    add(u"openWorkspace"_s, &MainWindow::chooseWorkspace);
    add(u"reimport"_s, &MainWindow::reimport);
    add(u"export"_s, &MainWindow::exportIncidents);
    add(u"restoreBackup"_s, &MainWindow::chooseBackupToRestore);
    add(u"closeWorkspace"_s, &MainWindow::closeWorkspace);
    add(u"quit"_s, &QWidget::close)->setMenuRole(QAction::QuitRole);
    // Undo and redo first drop what was typed and not entered: it is not on the
    // stack, and committing it while the stack moves would push in the middle of an undo.
    // They also show the article the step changes before taking it, so that an
    // analyst never undoes an edit on an article they cannot see.
    add(u"undo"_s, [this] {
        if (m_session) {
            m_incidents->form()->revertCurrent();
            QUndoStack *stack = m_session->undoStack();
            showArticleOfStep(stack->command(stack->index() - 1));
            stack->undo();
        }
    });
    add(u"redo"_s, [this] {
        if (m_session) {
            m_incidents->form()->revertCurrent();
            QUndoStack *stack = m_session->undoStack();
            showArticleOfStep(stack->command(stack->index()));
            stack->redo();
        }
    });
    add(u"find"_s, [this] { m_list->focusSearch(); });
    add(u"settings"_s, &MainWindow::openSettings)->setMenuRole(QAction::PreferencesRole);
    add(u"zoomIn"_s, [this] { m_pane->view()->zoomInArticle(); });
    add(u"zoomOut"_s, [this] { m_pane->view()->zoomOutArticle(); });
    add(u"zoomReset"_s, [this] { m_pane->view()->resetZoom(); });
    add(u"showProblems"_s, &MainWindow::openProblems);
    add(u"showOverview"_s, &MainWindow::showOverview);
    add(u"nextArticle"_s, [this] { m_navigation->moveArticle(1); });
    add(u"previousArticle"_s, [this] { m_navigation->moveArticle(-1); });
    add(u"nextUnreviewed"_s, [this] { m_navigation->nextUnreviewed(false); });
    add(u"previousUnreviewed"_s, [this] { m_navigation->nextUnreviewed(true); });
    add(u"nextIncident"_s, [this] {
        if (!m_incidents->moveIncident(1)) {
            showMessage(tr("This is the last incident of the article."), 3000);
        }
    });
    add(u"previousIncident"_s, [this] {
        if (!m_incidents->moveIncident(-1)) {
            showMessage(tr("This is the first incident of the article."), 3000);
        }
    });
    add(u"focusIncidents"_s, [this] { m_incidents->focusIncidents(); });
    add(u"findInArticle"_s, [this] { m_pane->openFind(); });
    add(u"findNext"_s, [this] { m_pane->findNext(false); });
    add(u"findPrevious"_s, [this] { m_pane->findNext(true); });
    add(u"nextEntity"_s, [this] { m_pane->view()->nextEntity(); });
    add(u"previousEntity"_s, [this] { m_pane->view()->previousEntity(); });
    addTo(u"confirmField"_s, m_review, &ReviewActions::confirmField);
    addTo(u"confirmIncident"_s, m_review, &ReviewActions::confirmIncident);
    addTo(u"rejectIncident"_s, m_review, &ReviewActions::rejectIncident);
    addTo(u"addIncident"_s, m_review, &ReviewActions::addIncident);
    addTo(u"splitIncident"_s, m_review, &ReviewActions::splitIncident);
    addTo(u"mergeIncidents"_s, m_review, &ReviewActions::mergeIncidents);
    addTo(u"deleteIncident"_s, m_review, &ReviewActions::deleteIncident);
    addTo(u"markNoIncident"_s, m_review, &ReviewActions::markNoIncident);
    // Bulk actions over the articles selected in the list: one step each.
    const QVector<QPair<QString, ReviewStore::BulkAction>> bulk = {
        {u"bulkMarkReviewed"_s, ReviewStore::BulkAction::MarkReviewed},
        {u"bulkNoIncident"_s, ReviewStore::BulkAction::NoIncident},
        {u"bulkRejectSuggested"_s, ReviewStore::BulkAction::RejectSuggested},
    };
    for (const auto &[id, bulkAction] : bulk) {
        const ReviewStore::BulkAction what = bulkAction;
        add(id, [this, what] { reviewSelectedArticles(what); });
    }
    for (const auto &[id, field] : assignActions()) {
        const QString name = field;
        add(id, [this, name] { m_review->assignSelection(name); });
    }
    add(u"markEntity"_s, [this] {
        // The type menu at the selection, so that the keyboard alone marks an entity.
        QMenu menu(this);
        for (EntityType type : allEntityTypes()) {
            menu.addAction(m_actions->action(u"markAs."_s + entityTypeName(type)));
        }
        ArticleView *view = m_pane->view();
        menu.exec(view->viewport()->mapToGlobal(view->cursorRect().bottomLeft()));
    });
    for (EntityType type : allEntityTypes()) {
        const QString name = entityTypeName(type);
        add(u"markAs."_s + name, [this, name] { m_review->markEntity(name); });
    }
    add(u"about"_s, [this] {
        QMessageBox::about(this, tr("About Rasid"),
                           tr("Rasid %1\nA workbench for building cyber-incident datasets from Arabic news.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::reviewSelectedArticles(ReviewStore::BulkAction action)
{
    if (!m_session) {
        return;
    }
    m_incidents->form()->commitCurrent();
    QVector<qint64> ids = m_list->selectedArticleIds();
    if (ids.isEmpty() && m_currentArticle != 0) {
        ids = {m_currentArticle};
    }
    if (ids.isEmpty()) {
        return;
    }
    auto *command = new ReviewArticles(m_session->store(), ids, action);
    const QString text = command->text();
    m_session->undoStack()->push(command);
    showMessage(text, 5000);
}

void MainWindow::showArticleOfStep(const QUndoCommand *step)
{
    const qint64 article = articleOfCommand(step);
    if (article == 0 || article == m_currentArticle) {
        return;
    }
    if (!showArticle(article)) {
        // Filtered out of the list: clear the filters rather than act unseen.
        m_list->clearFilters();
        if (!showArticle(article)) {
            showMessage(tr("The step changes an article the list cannot show."), 5000);
        }
    }
}

void MainWindow::createMenus()
{
    auto actions = [this](const QStringList &ids) {
        QList<QAction *> list;
        for (const QString &id : ids) {
            list.append(id.isEmpty() ? nullptr : m_actions->action(id));
        }
        return list;
    };
    auto fill = [](QMenu *menu, const QList<QAction *> &list) {
        for (QAction *action : list) {
            if (action) {
                menu->addAction(action);
            } else {
                menu->addSeparator();
            }
        }
    };
    m_fileMenu = menuBar()->addMenu(QString());
    m_recentMenu = new QMenu(this);
    m_recentMenu->setObjectName(u"recentMenu"_s);
    fill(m_fileMenu, actions({u"openFolder"_s, u"openWorkspace"_s}));
    m_fileMenu->addMenu(m_recentMenu);
    fill(m_fileMenu, actions({u"reimport"_s, QString(), u"export"_s, QString(), u"restoreBackup"_s, u"closeWorkspace"_s, u"quit"_s}));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);

    m_editMenu = menuBar()->addMenu(QString());
    fill(m_editMenu, actions({u"undo"_s, u"redo"_s, QString(), u"find"_s, u"findInArticle"_s, u"findNext"_s,
                              u"findPrevious"_s, QString(), u"settings"_s}));

    m_viewMenu = menuBar()->addMenu(QString());
    fill(m_viewMenu, actions({u"zoomIn"_s, u"zoomOut"_s, u"zoomReset"_s, QString(), u"showOverview"_s, u"showProblems"_s}));

    m_goMenu = menuBar()->addMenu(QString());
    fill(m_goMenu, actions({u"nextArticle"_s, u"previousArticle"_s, u"nextUnreviewed"_s, u"previousUnreviewed"_s,
                            QString(), u"nextIncident"_s, u"previousIncident"_s, u"focusIncidents"_s, QString(),
                            u"nextEntity"_s, u"previousEntity"_s}));

    m_reviewMenu = menuBar()->addMenu(QString());
    fill(m_reviewMenu, actions({u"confirmField"_s, u"confirmIncident"_s, u"rejectIncident"_s, QString(),
                                u"addIncident"_s, u"splitIncident"_s, u"mergeIncidents"_s, u"deleteIncident"_s,
                                QString(), u"markNoIncident"_s}));
    m_bulkMenu = m_reviewMenu->addMenu(QString());
    for (const QString &id : {u"bulkMarkReviewed"_s, u"bulkNoIncident"_s, u"bulkRejectSuggested"_s}) {
        m_bulkMenu->addAction(m_actions->action(id));
        m_list->table()->addAction(m_actions->action(id));
    }
    m_assignMenu = m_reviewMenu->addMenu(QString());
    for (const auto &entry : assignActions()) {
        m_assignMenu->addAction(m_actions->action(entry.first));
    }

    m_entityMenu = menuBar()->addMenu(QString());
    m_entityMenu->addAction(m_actions->action(u"markEntity"_s));
    m_entityMenu->addSeparator();
    for (EntityType type : allEntityTypes()) {
        m_entityMenu->addAction(m_actions->action(u"markAs."_s + entityTypeName(type)));
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actions->action(u"about"_s));

    // Shortcuts read left to right in the Arabic interface too.
    m_menuStyle = new MenuStyle;
    m_menuStyle->setParent(this);
    for (QMenu *menu : menuBar()->findChildren<QMenu *>()) {
        menu->setStyle(m_menuStyle);
    }
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    if (m_tabs) {
        m_tabs->setTabText(0, tr("Article"));
        m_tabs->setTabText(1, tr("Overview"));
    }
    m_goMenu->setTitle(tr("&Go"));
    m_reviewMenu->setTitle(tr("&Review"));
    m_assignMenu->setTitle(tr("&Assign Selection To"));
    m_bulkMenu->setTitle(tr("Selected &Articles"));
    m_entityMenu->setTitle(tr("E&ntities"));
    m_helpMenu->setTitle(tr("&Help"));

    const QHash<QString, QString> texts = {
        {u"openFolder"_s, tr("Open &Folder…")},
        {u"openWorkspace"_s, tr("Open &Workspace…")},
        {u"reimport"_s, tr("&Re-import Folder")},
        {u"export"_s, tr("&Export Incidents…")},
        {u"restoreBackup"_s, tr("Restore from &Backup…")},
        {u"closeWorkspace"_s, tr("&Close Workspace")},
        {u"quit"_s, tr("&Quit")},
        {u"undo"_s, tr("&Undo")},
        {u"redo"_s, tr("&Redo")},
        {u"find"_s, tr("&Search Articles")},
        {u"settings"_s, tr("&Settings…")},
        {u"zoomIn"_s, tr("Zoom &In")},
        {u"zoomOut"_s, tr("Zoom &Out")},
        {u"zoomReset"_s, tr("&Actual Size")},
        {u"showProblems"_s, tr("Import &Problems…")},
        {u"showOverview"_s, tr("O&verview")},
        {u"nextArticle"_s, tr("&Next Article")},
        {u"previousArticle"_s, tr("&Previous Article")},
        {u"nextUnreviewed"_s, tr("Next &Unreviewed Article")},
        {u"previousUnreviewed"_s, tr("Previous Unreviewed Article")},
        {u"nextIncident"_s, tr("Next &Incident")},
        {u"previousIncident"_s, tr("Previous Incident")},
        {u"focusIncidents"_s, tr("Go to the Incident &List")},
        {u"findInArticle"_s, tr("&Find in Article")},
        {u"findNext"_s, tr("Find &Next")},
        {u"findPrevious"_s, tr("Find Pre&vious")},
        {u"nextEntity"_s, tr("Next &Entity")},
        {u"previousEntity"_s, tr("Previous Entity")},
        {u"confirmField"_s, tr("Confirm &Field")},
        {u"confirmIncident"_s, tr("&Confirm Incident")},
        {u"rejectIncident"_s, tr("&Reject Incident")},
        {u"addIncident"_s, tr("&Add Incident")},
        {u"splitIncident"_s, tr("&Split Incident")},
        {u"mergeIncidents"_s, tr("&Merge Incidents")},
        {u"deleteIncident"_s, tr("&Delete Incident")},
        {u"markNoIncident"_s, tr("Article Has &No Incident")},
        {u"bulkMarkReviewed"_s, tr("Mark Selected Articles &Reviewed")},
        {u"bulkNoIncident"_s, tr("Selected Articles Have &No Incident")},
        {u"bulkRejectSuggested"_s, tr("Reject All &Suggested Incidents of the Selected Articles")},
        {u"assignVictim"_s, tr("&Victim")},
        {u"assignActor"_s, tr("&Actor")},
        {u"assignRecords"_s, tr("&Records Affected")},
        {u"assignDate"_s, tr("Incident &Date")},
        {u"assignVictimCountry"_s, tr("Victim &Country")},
        {u"assignAttackType"_s, tr("Attack &Type")},
        {u"assignActorCountry"_s, tr("Actor C&ountry")},
        {u"assignEvidence"_s, tr("&Evidence")},
        {u"markEntity"_s, tr("&Mark Selection as Entity…")},
        {u"about"_s, tr("&About Rasid")},
    };
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        m_actions->action(it.key())->setText(it.value());
    }
    for (EntityType type : allEntityTypes()) {
        m_actions->action(u"markAs."_s + entityTypeName(type))
            ->setText(tr("Mark as %1").arg(entityTypeLabel(entityTypeName(type))));
    }
    // Undo / Redo name the step they would take.
    if (m_session) {
        const QUndoStack *stack = m_session->undoStack();
        if (stack->canUndo()) {
            m_actions->action(u"undo"_s)->setText(tr("&Undo %1").arg(stack->undoText()));
        }
        if (stack->canRedo()) {
            m_actions->action(u"redo"_s)->setText(tr("&Redo %1").arg(stack->redoText()));
        }
    }
    updateTitle();
    updateProblems();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_fileMenu) {
        retranslate();
    }
}

void MainWindow::updateActions()
{
    const bool open = m_session != nullptr;
    const bool article = open && m_currentArticle != 0;
    const qint64 incident = open ? m_incidents->currentIncidentId() : 0;
    const ArticleView *view = m_pane->view();
    const bool selection = article && view->selectionEndOffset() > view->selectionStartOffset();
    auto enable = [this](const QString &id, bool on) { m_actions->action(id)->setEnabled(on); };
    enable(u"reimport"_s, open && !m_session->sourceFolder().isEmpty() && !m_import->isRunning());
    enable(u"export"_s, open);
    enable(u"closeWorkspace"_s, open);
    enable(u"restoreBackup"_s, open && !m_import->isRunning());
    enable(u"undo"_s, open && m_session->undoStack()->canUndo());
    enable(u"redo"_s, open && m_session->undoStack()->canRedo());
    enable(u"find"_s, open);
    enable(u"showProblems"_s, open);
    for (const QString &id : {u"nextArticle"_s, u"previousArticle"_s, u"nextUnreviewed"_s, u"previousUnreviewed"_s}) {
        enable(id, open);
    }
    for (const QString &id : {u"nextIncident"_s, u"previousIncident"_s, u"focusIncidents"_s}) {
        enable(id, article);
    }
    for (const QString &id : {u"findInArticle"_s, u"findNext"_s, u"findPrevious"_s}) {
        enable(id, article);
    }
    enable(u"confirmField"_s, incident != 0);
    enable(u"confirmIncident"_s, incident != 0);
    enable(u"rejectIncident"_s, incident != 0);
    enable(u"splitIncident"_s, incident != 0);
    enable(u"deleteIncident"_s, incident != 0);
    enable(u"mergeIncidents"_s, open && m_incidents->selectedIncidentIds().size() >= 2);
    enable(u"addIncident"_s, article);
    enable(u"markNoIncident"_s, article);
    for (const QString &id : {u"bulkMarkReviewed"_s, u"bulkNoIncident"_s, u"bulkRejectSuggested"_s}) {
        enable(id, open && (article || !m_list->selectedArticleIds().isEmpty()));
    }
    for (const auto &entry : assignActions()) {
        enable(entry.first, selection);
    }
    enable(u"markEntity"_s, selection);
    for (EntityType type : allEntityTypes()) {
        enable(u"markAs."_s + entityTypeName(type), selection);
    }
}

void MainWindow::updateTitle()
{
    if (m_session) {
        setWindowTitle(tr("%1 — Rasid").arg(QFileInfo(m_session->path()).completeBaseName()));
        setWindowFilePath(m_session->path());
    } else {
        setWindowTitle(tr("Rasid"));
    }
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Settings::RecentWorkspaces.value();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear the List")), &QAction::triggered, this,
                [] { Settings::RecentWorkspaces.setValue(QStringList()); });
    }
}

void MainWindow::updateProblems()
{
    // Counted by the workspace: the problems model is read only for its view,
    // as an import of 100,000 empty files leaves as many rows to load.
    const int count = m_session ? m_session->workspace().problemCount() : 0;
    m_problemsButton->setVisible(count > 0);
    m_problemsButton->setText(tr("%n problem(s)", nullptr, count));
    m_problemsButton->setToolTip(tr("Files the import could not read: show them"));
}

} // namespace Rasid
