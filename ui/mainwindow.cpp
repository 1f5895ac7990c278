#include "mainwindow.h"

#include "actionregistry.h"
#include "articlelistpanel.h"
#include "articlepane.h"
#include "articleview.h"
#include "exportdialog.h"
#include "extract/dates.h"
#include "extract/quantities.h"
#include "extract/recognizer.h"
#include "fieldform.h"
#include "icons.h"
#include "importcontroller.h"
#include "importstatuswidget.h"
#include "incidentpanel.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/entitymodel.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "itemmodels/problemsmodel.h"
#include "legendwidget.h"
#include "problemsdialog.h"
#include "settingkeys.h"
#include "store/reviewstore.h"
#include "store/undocommands.h"
#include "workspacesession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryFile>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Rasid {

Q_LOGGING_CATEGORY(lcMainWindow, "rasid.ui.mainwindow")

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
    };
    return shortcuts;
}

QKeySequence defaultShortcutOf(const QString &id)
{
    static const QMap<QString, QString> shipped = Settings::defaultShortcuts();
    const QString keys = shipped.value(id, extraShortcuts().value(id));
    return QKeySequence::fromString(keys, QKeySequence::PortableText);
}

// The assign actions: action id -> incident field.
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

// The selection without the spaces and punctuation an analyst's drag picks up at its edges.
QPair<int, int> trimmedSpan(const QString &text, int start, int end)
{
    auto isEdge = [](QChar c) {
        return c.isSpace() || (c.isPunct() && c != u'%' && c != u'(' && c != u')') || c == QChar::ParagraphSeparator;
    };
    while (start < end && isEdge(text.at(start))) {
        ++start;
    }
    while (end > start && isEdge(text.at(end - 1))) {
        --end;
    }
    return {start, end};
}

// The normalised value Rasid's recogniser gives a selected phrase for a type, if any.
QString recognisedValue(const QString &phrase, EntityType type)
{
    const EntityList entities = Recognizer::instance().recognize(phrase);
    const Entity *best = nullptr;
    for (const Entity &entity : entities) {
        if (entity.type == type && (!best || entity.end - entity.start > best->end - best->start)) {
            best = &entity;
        }
    }
    return best ? best->value : QString();
}

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

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_actions(new ActionRegistry(this))
    , m_import(new ImportController(this))
{
    setObjectName(u"mainWindow"_s);
    setAcceptDrops(true);
    createActions();

    m_list = new ArticleListPanel(this);
    m_pane = new ArticlePane(this);
    m_incidents = new IncidentPanel(m_actions, this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_pane);
    m_splitter->addWidget(m_incidents);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({380, 620, 400});
    setCentralWidget(m_splitter);

    // Entity walking belongs to the article view alone, so Tab keeps moving focus elsewhere.
    ArticleView *view = m_pane->view();
    for (const QString &id : {u"nextEntity"_s, u"previousEntity"_s}) {
        QAction *action = m_actions->action(id);
        action->setShortcutContext(Qt::WidgetShortcut);
        view->addAction(action);
    }
    // Enter confirms a field while the analyst is in the article or the incident pane.
    QAction *confirm = m_actions->action(u"confirmField"_s);
    confirm->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(confirm);
    m_incidents->addAction(confirm);

    m_importStatus = new ImportStatusWidget(this);
    m_problemsButton = new QToolButton(this);
    m_problemsButton->setObjectName(u"problemsButton"_s);
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setIcon(rasidIcon(u"problems"_s));
    m_problemsButton->hide();
    statusBar()->addPermanentWidget(m_importStatus);
    statusBar()->addPermanentWidget(m_problemsButton);
    connect(m_problemsButton, &QToolButton::clicked, this, &MainWindow::openProblems);
    connect(m_importStatus, &ImportStatusWidget::cancelRequested, this, [this] {
        m_importStatus->setCancelling();
        m_import->cancel();
    });

    connect(m_import, &ImportController::progress, this,
            [this](int done, int total) { m_importStatus->setProgress(done, total); });
    connect(m_import, &ImportController::batchWritten, this, [this] {
        if (!m_session) {
            return;
        }
        m_session->articles()->articlesImported();
        if (m_currentArticle == 0 && m_session->articles()->rowCount() > 0) {
            m_list->selectRow(0);
        }
        updateArticlePosition();
    });
    connect(m_import, &ImportController::finished, this, &MainWindow::importDone);

    connect(m_list, &ArticleListPanel::currentArticleChanged, this, &MainWindow::setCurrentArticle);
    connect(m_incidents, &IncidentPanel::currentIncidentChanged, this, [this](qint64 id) {
        if (m_session) {
            m_session->fields()->setIncident(id);
        }
        updateActions();
    });
    connect(m_incidents, &IncidentPanel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_incidents->form(), &FieldForm::evidenceActivated, view, &ArticleView::flashSpan);
    connect(view, &ArticleView::selectionSpanChanged, this, &MainWindow::updateActions);
    connect(view, &QWidget::customContextMenuRequested, this, &MainWindow::showArticleContextMenu);

    createMenus();
    loadPreferences();
    retranslate();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Stop the import before the session (and its writer lock) goes.
    m_import->cancel();
    m_import->wait();
    m_session.reset();
}

ArticleView *MainWindow::articleView() const
{
    return m_pane->view();
}

// ---- actions and menus --------------------------------------------------------------------

void MainWindow::createActions()
{
    auto add = [this](const QString &id, auto slot) {
        QAction *action = m_actions->add(id, defaultShortcutOf(id));
        connect(action, &QAction::triggered, this, slot);
        // Window-wide by default; actions bound to one widget change it after this.
        addAction(action);
        return action;
    };
    add(u"openFolder"_s, &MainWindow::chooseFolder);
    add(u"openWorkspace"_s, &MainWindow::chooseWorkspace);
    add(u"reimport"_s, &MainWindow::reimport);
    add(u"export"_s, &MainWindow::exportIncidents);
    add(u"closeWorkspace"_s, &MainWindow::closeWorkspace);
    add(u"quit"_s, &QWidget::close)->setMenuRole(QAction::QuitRole);
    add(u"undo"_s, [this] {
        if (m_session) {
            m_session->undoStack()->undo();
        }
    });
    add(u"redo"_s, [this] {
        if (m_session) {
            m_session->undoStack()->redo();
        }
    });
    add(u"find"_s, [this] { m_list->focusSearch(); });
    add(u"settings"_s, &MainWindow::openSettings)->setMenuRole(QAction::PreferencesRole);
    add(u"zoomIn"_s, [this] { m_pane->view()->zoomInArticle(); });
    add(u"zoomOut"_s, [this] { m_pane->view()->zoomOutArticle(); });
    add(u"zoomReset"_s, [this] { m_pane->view()->resetZoom(); });
    add(u"showProblems"_s, &MainWindow::openProblems);
    add(u"nextArticle"_s, [this] { moveArticle(1); });
    add(u"previousArticle"_s, [this] { moveArticle(-1); });
    add(u"nextUnreviewed"_s, [this] { nextUnreviewed(false); });
    add(u"previousUnreviewed"_s, [this] { nextUnreviewed(true); });
    add(u"nextEntity"_s, [this] { m_pane->view()->nextEntity(); });
    add(u"previousEntity"_s, [this] { m_pane->view()->previousEntity(); });
    add(u"confirmField"_s, &MainWindow::confirmField);
    add(u"confirmIncident"_s, &MainWindow::confirmIncident);
    add(u"rejectIncident"_s, &MainWindow::rejectIncident);
    add(u"addIncident"_s, &MainWindow::addIncident);
    add(u"splitIncident"_s, &MainWindow::splitIncident);
    add(u"mergeIncidents"_s, &MainWindow::mergeIncidents);
    add(u"deleteIncident"_s, &MainWindow::deleteIncident);
    add(u"markNoIncident"_s, &MainWindow::markNoIncident);
    for (const auto &[id, field] : assignActions()) {
        const QString name = field;
        add(id, [this, name] { assignSelection(name); });
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
        add(u"markAs."_s + name, [this, name] { markEntity(name); });
    }
    add(u"about"_s, [this] {
        QMessageBox::about(this, tr("About Rasid"),
                           tr("Rasid %1\nA workbench for building cyber-incident datasets from Arabic news.")
                               .arg(QCoreApplication::applicationVersion()));
    });
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
    fill(m_fileMenu, actions({u"reimport"_s, QString(), u"export"_s, QString(), u"closeWorkspace"_s, u"quit"_s}));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);

    m_editMenu = menuBar()->addMenu(QString());
    fill(m_editMenu, actions({u"undo"_s, u"redo"_s, QString(), u"find"_s, QString(), u"settings"_s}));

    m_viewMenu = menuBar()->addMenu(QString());
    fill(m_viewMenu, actions({u"zoomIn"_s, u"zoomOut"_s, u"zoomReset"_s, QString(), u"showProblems"_s}));

    m_goMenu = menuBar()->addMenu(QString());
    fill(m_goMenu, actions({u"nextArticle"_s, u"previousArticle"_s, u"nextUnreviewed"_s, u"previousUnreviewed"_s,
                            QString(), u"nextEntity"_s, u"previousEntity"_s}));

    m_reviewMenu = menuBar()->addMenu(QString());
    fill(m_reviewMenu, actions({u"confirmField"_s, u"confirmIncident"_s, u"rejectIncident"_s, QString(),
                                u"addIncident"_s, u"splitIncident"_s, u"mergeIncidents"_s, u"deleteIncident"_s,
                                QString(), u"markNoIncident"_s}));
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
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_goMenu->setTitle(tr("&Go"));
    m_reviewMenu->setTitle(tr("&Review"));
    m_assignMenu->setTitle(tr("&Assign Selection To"));
    m_entityMenu->setTitle(tr("E&ntities"));
    m_helpMenu->setTitle(tr("&Help"));

    const QHash<QString, QString> texts = {
        {u"openFolder"_s, tr("Open &Folder…")},
        {u"openWorkspace"_s, tr("Open &Workspace…")},
        {u"reimport"_s, tr("&Re-import Folder")},
        {u"export"_s, tr("&Export Incidents…")},
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
        {u"nextArticle"_s, tr("&Next Article")},
        {u"previousArticle"_s, tr("&Previous Article")},
        {u"nextUnreviewed"_s, tr("Next &Unreviewed Article")},
        {u"previousUnreviewed"_s, tr("Previous Unreviewed Article")},
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
    enable(u"undo"_s, open && m_session->undoStack()->canUndo());
    enable(u"redo"_s, open && m_session->undoStack()->canRedo());
    enable(u"find"_s, open);
    enable(u"showProblems"_s, open);
    for (const QString &id : {u"nextArticle"_s, u"previousArticle"_s, u"nextUnreviewed"_s, u"previousUnreviewed"_s}) {
        enable(id, open);
    }
    enable(u"confirmField"_s, incident != 0);
    enable(u"confirmIncident"_s, incident != 0);
    enable(u"rejectIncident"_s, incident != 0);
    enable(u"splitIncident"_s, incident != 0);
    enable(u"deleteIncident"_s, incident != 0);
    enable(u"mergeIncidents"_s, open && m_incidents->selectedIncidentIds().size() >= 2);
    enable(u"addIncident"_s, article);
    enable(u"markNoIncident"_s, article);
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

void MainWindow::showMessage(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    qCWarning(lcMainWindow) << title << message;
    // Window-modal but not blocking: tests and the import keep running.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->open();
}

// ---- preferences and window state ------------------------------------------------------

void MainWindow::loadPreferences()
{
    QSettings settings;
    Preferences preferences;
    preferences.analyst = Settings::AnalystName.value(settings);
    QFont font;
    font.setFamilies({Settings::FontFamily.value(settings), u"Noto Naskh Arabic"_s, u"Amiri"_s, u"DejaVu Sans"_s});
    font.setPointSizeF(Settings::FontSize.value(settings));
    preferences.articleFont = font;
    preferences.style.loadColors(settings);
    preferences.language = Settings::InterfaceLanguage.value(settings);
    m_actions->applyOverrides(Settings::Shortcuts.value(settings));
    for (const QString &id : m_actions->ids()) {
        preferences.shortcuts.insert(id, m_actions->shortcut(id));
    }
    m_preferences = preferences;
    m_pane->view()->setArticleFont(preferences.articleFont);
    m_pane->view()->setEntityStyle(preferences.style);
    m_pane->legend()->setEntityStyle(preferences.style);
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    QString clashA;
    QString clashB;
    if (!m_actions->setShortcuts(preferences.shortcuts, &clashA, &clashB)) {
        // The editor refuses clashes; this only guards callers that bypass it.
        showError(tr("Shortcuts"), tr("Two commands would share a shortcut (%1, %2); the shortcuts were not changed.")
                                       .arg(clashA, clashB));
    }
    m_preferences = preferences;
    EntityStyle style = preferences.style;
    for (EntityType type : allEntityTypes()) {
        style.setVisible(type, m_pane->view()->entityStyle().isVisible(type));
    }
    m_pane->view()->setArticleFont(preferences.articleFont);
    m_pane->view()->setEntityStyle(style);
    m_pane->legend()->setEntityStyle(style);
    if (m_session) {
        m_session->store()->setAnalyst(preferences.analyst);
    }

    QSettings settings;
    Settings::AnalystName.setValue(settings, preferences.analyst);
    Settings::FontFamily.setValue(settings, preferences.articleFont.families().value(0));
    Settings::FontSize.setValue(settings, qRound(preferences.articleFont.pointSizeF()));
    Settings::InterfaceLanguage.setValue(settings, preferences.language);
    preferences.style.saveColors(settings);
    Settings::Shortcuts.setValue(settings, m_actions->overrides());
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    const QByteArray geometry = Settings::WindowGeometry.value(settings);
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1400, 900);
    }
    restoreState(Settings::WindowState.value(settings));
    const QList<int> main = Settings::splitterSizes(u"main"_s).value(settings);
    if (main.size() == m_splitter->count()) {
        m_splitter->setSizes(main);
    }
    if (auto *incident = m_incidents->findChild<QSplitter *>(u"incidentSplitter"_s)) {
        const QList<int> sizes = Settings::splitterSizes(u"incident"_s).value(settings);
        if (sizes.size() == incident->count()) {
            incident->setSizes(sizes);
        }
    }
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    Settings::WindowGeometry.setValue(settings, saveGeometry());
    Settings::WindowState.setValue(settings, saveState());
    Settings::splitterSizes(u"main"_s).setValue(settings, m_splitter->sizes());
    if (auto *incident = m_incidents->findChild<QSplitter *>(u"incidentSplitter"_s)) {
        Settings::splitterSizes(u"incident"_s).setValue(settings, incident->sizes());
    }
    Settings::LastWorkspace.setValue(settings, m_session ? m_session->path() : QString());
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_preferences, m_actions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences chosen = dialog->preferences();
        const bool languageChanged = chosen.language != m_preferences.language;
        applyPreferences(chosen);
        if (languageChanged) {
            showMessage(tr("The new interface language applies when Rasid starts again."));
        }
    });
    dialog->open();
}

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
        showError(tr("Open Workspace"), error);
        return false;
    }
    m_session = std::move(session);
    connectSession();
    Settings::addRecentWorkspace(m_session->path());
    Settings::LastWorkspace.setValue(m_session->path());
    updateTitle();
    updateActions();
    // The first page is fetched here if the view has not asked for it yet.
    m_list->selectRow(0);
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
    m_incidents->setModels(s->incidents(), s->fields());

    QUndoStack *stack = s->undoStack();
    auto undoChanged = [this] {
        retranslate();
        updateActions();
    };
    connect(stack, &QUndoStack::indexChanged, this, undoChanged);
    connect(stack, &QUndoStack::canUndoChanged, this, undoChanged);
    connect(stack, &QUndoStack::canRedoChanged, this, undoChanged);
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
    if (m_import->isRunning()) {
        // The import writes through its own connection under our lock: stop it first.
        m_import->cancel();
        m_import->wait();
    }
    if (m_problemsDialog) {
        m_problemsDialog->close();
        delete m_problemsDialog;
    }
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    // Nothing to save: every edit is already in the workspace. A running import
    // commits its current batch and stops; a later open resumes it.
    if (m_import->isRunning()) {
        m_import->cancel();
        m_import->wait();
    }
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile()) {
        const QFileInfo info(urls.constFirst().toLocalFile());
        if (info.isDir() || info.suffix() == u"rasid") {
            event->acceptProposedAction();
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile()) {
        event->acceptProposedAction();
        const QString path = urls.constFirst().toLocalFile();
        // After the drop returns, so that the drag source is not kept waiting by an import.
        QMetaObject::invokeMethod(this, [this, path] { openPath(path); }, Qt::QueuedConnection);
    }
}

// ---- articles ----------------------------------------------------------------------------

bool MainWindow::showArticle(qint64 articleId)
{
    return m_list->selectArticle(articleId);
}

void MainWindow::setCurrentArticle(qint64 articleId)
{
    m_currentArticle = articleId;
    m_pane->dismissOffer();
    if (!m_session || articleId == 0) {
        if (m_session) {
            m_session->entities()->setArticle(0);
            m_session->incidents()->setArticle(0);
        }
        m_pane->clear();
        updateActions();
        return;
    }
    const ArticleContent content = m_session->article(articleId);
    EntityModel *entities = m_session->entities();
    // One highlight pass after the text, not one per model signal.
    m_switchingArticle = true;
    entities->setArticle(articleId);
    m_switchingArticle = false;
    QVector<ArticleView::Span> spans;
    const QVector<EntityHighlight> highlights = entities->highlights();
    spans.reserve(highlights.size());
    for (int row = 0; row < highlights.size(); ++row) {
        const EntityHighlight &h = highlights.at(row);
        EntityType type;
        if (entityTypeFromName(h.type, &type)) {
            spans.append({h.entityId, h.start, h.end, type, entities->tooltipText(row)});
        }
    }
    m_pane->view()->setArticle(content.text, spans);
    QMap<EntityType, int> counts;
    for (const auto &span : std::as_const(spans)) {
        ++counts[span.type];
    }
    m_pane->legend()->setCounts(counts);

    ArticleHeaderInfo header;
    header.title = content.title;
    header.outlet = content.outlet;
    header.published = content.published;
    header.sourceUrl = content.sourceUrl;
    header.path = content.path;
    m_pane->setHeader(header);
    updateArticlePosition();

    m_session->incidents()->setArticle(articleId);
    m_incidents->ensureSelection();
    updateActions();
}

void MainWindow::reloadHighlights()
{
    if (!m_session || m_currentArticle == 0 || m_switchingArticle) {
        return;
    }
    EntityModel *entities = m_session->entities();
    QVector<ArticleView::Span> spans;
    const QVector<EntityHighlight> highlights = entities->highlights();
    for (int row = 0; row < highlights.size(); ++row) {
        const EntityHighlight &h = highlights.at(row);
        EntityType type;
        if (entityTypeFromName(h.type, &type)) {
            spans.append({h.entityId, h.start, h.end, type, entities->tooltipText(row)});
        }
    }
    m_pane->view()->setSpans(spans);
    QMap<EntityType, int> counts;
    for (const auto &span : std::as_const(spans)) {
        ++counts[span.type];
    }
    m_pane->legend()->setCounts(counts);
}

void MainWindow::updateArticlePosition()
{
    if (!m_session || m_currentArticle == 0) {
        return;
    }
    const ArticleListModel *model = m_session->articles();
    const int row = model->rowForArticle(m_currentArticle);
    m_pane->setPosition(row >= 0 ? row + 1 : 0, model->matchingCount());
}

void MainWindow::moveArticle(int delta)
{
    if (!m_session) {
        return;
    }
    const int row = m_list->currentRow();
    const int target = row < 0 ? 0 : row + delta;
    if (target < 0 || !m_list->selectRow(target)) {
        showMessage(delta > 0 ? tr("This is the last article.") : tr("This is the first article."), 3000);
    }
}

void MainWindow::nextUnreviewed(bool backwards)
{
    if (!m_session) {
        return;
    }
    const int row = m_session->articles()->nextUnreviewedRow(m_list->currentRow(), backwards);
    if (row < 0 || !m_list->selectRow(row)) {
        showMessage(tr("No other unreviewed article in the list."), 4000);
    }
}

// ---- incidents ---------------------------------------------------------------------------

void MainWindow::confirmField()
{
    if (!m_session || m_incidents->currentIncidentId() == 0) {
        return;
    }
    FieldForm *form = m_incidents->form();
    // Enter after typing stores the typed value (a correction).
    if (form->commitCurrent()) {
        return;
    }
    IncidentFieldModel *fields = m_session->fields();
    int row = form->currentRow();
    if (row < 0) {
        row = 0;
    }
    const bool editorHadFocus = form->isAncestorOf(QApplication::focusWidget());
    if (!fields->confirmField(row)) {
        return;
    }
    // Move on to the next field still only suggested, so that Enter, Enter ... walks the form.
    for (int next = row + 1; next < fields->rowCount(); ++next) {
        if (fields->index(next, FieldValueColumn).data(FieldOriginRole).toString() == u"suggested") {
            form->setCurrentRow(next, editorHadFocus);
            return;
        }
    }
}

void MainWindow::confirmIncident()
{
    const qint64 id = m_incidents->currentIncidentId();
    if (m_session && id != 0) {
        m_incidents->form()->commitCurrent();
        m_session->undoStack()->push(new ConfirmIncident(m_session->store(), id));
    }
}

void MainWindow::rejectIncident()
{
    const qint64 id = m_incidents->currentIncidentId();
    if (m_session && id != 0) {
        m_session->undoStack()->push(new RejectIncident(m_session->store(), id));
    }
}

void MainWindow::addIncident()
{
    if (m_session && m_currentArticle != 0) {
        auto *command = new AddIncident(m_session->store(), m_currentArticle);
        m_session->undoStack()->push(command);
        if (command->incidentId() != 0) {
            m_incidents->selectIncident(command->incidentId());
        }
    }
}

qint64 MainWindow::ensureIncident()
{
    qint64 id = m_incidents->currentIncidentId();
    if (id == 0 && m_session && m_currentArticle != 0) {
        auto *command = new AddIncident(m_session->store(), m_currentArticle);
        m_session->undoStack()->push(command);
        id = command->incidentId();
        if (id != 0) {
            m_incidents->selectIncident(id);
            m_session->fields()->setIncident(id);
        }
    }
    return id;
}

void MainWindow::splitIncident()
{
    const qint64 id = m_incidents->currentIncidentId();
    if (m_session && id != 0) {
        auto *command = new SplitIncident(m_session->store(), id);
        m_session->undoStack()->push(command);
        if (command->newIncidentId() != 0) {
            m_incidents->selectIncident(command->newIncidentId());
        }
    }
}

void MainWindow::mergeIncidents()
{
    QVector<qint64> ids = m_incidents->selectedIncidentIds();
    if (!m_session || ids.size() < 2) {
        return;
    }
    // Into the current incident when it is one of them, else into the first.
    qint64 into = m_incidents->currentIncidentId();
    if (!ids.contains(into)) {
        into = ids.constFirst();
    }
    ids.removeAll(into);
    m_session->undoStack()->push(new MergeIncidents(m_session->store(), into, ids));
    m_incidents->selectIncident(into);
}

void MainWindow::deleteIncident()
{
    const qint64 id = m_incidents->currentIncidentId();
    if (m_session && id != 0) {
        m_session->undoStack()->push(new DeleteIncident(m_session->store(), id));
    }
}

void MainWindow::markNoIncident()
{
    if (m_session && m_currentArticle != 0) {
        m_session->undoStack()->push(new MarkNoIncident(m_session->store(), m_currentArticle));
    }
}

void MainWindow::assignSelection(const QString &field)
{
    if (!m_session || m_currentArticle == 0) {
        return;
    }
    ArticleView *view = m_pane->view();
    const QString text = view->toPlainText();
    const auto [start, end] = trimmedSpan(text, view->selectionStartOffset(), view->selectionEndOffset());
    if (end <= start) {
        showMessage(tr("Select the words in the article first."), 4000);
        return;
    }
    const QString phrase = text.mid(start, end - start);
    const QVector<EvidenceSpan> evidence = {{start, end}};

    // What the phrase means for the field; the model normalises it further.
    QString value = phrase;
    QString qualifier;
    if (field == u"records_affected") {
        const auto quantity = parseQuantity(phrase);
        if (!quantity) {
            showMessage(tr("No number found in “%1”.").arg(phrase), 5000);
            return;
        }
        value = QString::number(quantity->value);
        qualifier = qualifierName(quantity->qualifier);
    } else if (field == u"incident_date") {
        const auto date = parseDate(phrase);
        if (!date || date->iso.isEmpty()) {
            showMessage(tr("No date found in “%1”.").arg(phrase), 5000);
            return;
        }
        value = date->iso;
    } else if (field == u"victim_country" || field == u"actor_country") {
        value = recognisedValue(phrase, EntityType::Country);
        if (value.isEmpty()) {
            showMessage(tr("No country found in “%1”.").arg(phrase), 5000);
            return;
        }
    } else if (field == u"attack_type") {
        value = recognisedValue(phrase, EntityType::Attack);
        if (value.isEmpty()) {
            showMessage(tr("No attack type found in “%1”.").arg(phrase), 5000);
            return;
        }
    }

    QUndoStack *stack = m_session->undoStack();
    stack->beginMacro(tr("Assign “%1” to %2").arg(phrase.left(40), fieldLabel(field)));
    bool ok = ensureIncident() != 0;
    IncidentFieldModel *fields = m_session->fields();
    ok = ok && fields->assignSpan(field, value, evidence);
    if (ok && !qualifier.isEmpty()) {
        ok = fields->assignSpan(u"records_qualifier"_s, qualifier, evidence);
    }
    stack->endMacro();
    if (ok) {
        const int row = fields->rowForField(field);
        m_incidents->form()->setCurrentRow(row, false);
        const QString stored = fields->index(row, FieldValueColumn).data(Qt::EditRole).toString();
        showMessage(tr("%1: %2").arg(fieldLabel(field), fieldValueLabel(field, stored)), 4000);
    } else {
        showMessage(tr("“%1” cannot be stored as %2.").arg(phrase, fieldLabel(field)), 6000);
    }
}

// ---- entities ----------------------------------------------------------------------------

void MainWindow::markEntity(const QString &type)
{
    if (!m_session || m_currentArticle == 0) {
        return;
    }
    ArticleView *view = m_pane->view();
    const QString text = view->toPlainText();
    const auto [start, end] = trimmedSpan(text, view->selectionStartOffset(), view->selectionEndOffset());
    if (end <= start) {
        return;
    }
    const QString surface = text.mid(start, end - start);
    EntityType entityType;
    QString value;
    if (entityTypeFromName(type, &entityType)) {
        value = recognisedValue(surface, entityType);
    }
    EntityModel *entities = m_session->entities();
    if (!entities->addEntity(start, end, type, value)) {
        return;
    }
    offerApplyToCorpus(surface, type, value);
}

void MainWindow::changeEntityType(qint64 entityId, const QString &type)
{
    EntityModel *entities = m_session->entities();
    const int row = entities->rowForEntity(entityId);
    if (row < 0) {
        return;
    }
    if (!entities->setData(entities->index(row, EntityTypeColumn), type, Qt::EditRole)) {
        return;
    }
    const EntityRecord entity = m_session->store()->entity(entityId);
    offerApplyToCorpus(entity.text, type, entity.value);
}

void MainWindow::removeEntity(qint64 entityId)
{
    EntityModel *entities = m_session->entities();
    const int row = entities->rowForEntity(entityId);
    if (row >= 0) {
        entities->removeEntity(row);
    }
}

void MainWindow::offerApplyToCorpus(const QString &surface, const QString &type, const QString &value)
{
    if (surface.isEmpty()) {
        return;
    }
    // Teach once: the same words everywhere in the corpus, clitic forms included.
    m_pane->offer(tr("Mark every “%1” in the corpus as %2 (also with و ف ب ل ال attached) and remember it for "
                     "later imports?")
                      .arg(surface, entityTypeLabel(type)),
                  tr("Apply to All Occurrences"), [this, surface, type, value] {
                      if (!m_session) {
                          return;
                      }
                      auto *command = new ApplyEntityToCorpus(m_session->store(), surface, type, value);
                      m_session->undoStack()->push(command);
                      showMessage(tr("%n occurrence(s) marked in the corpus.", nullptr, command->count()), 6000);
                  });
}

void MainWindow::showArticleContextMenu(const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(createArticleContextMenu(pos));
    menu->exec(m_pane->view()->viewport()->mapToGlobal(pos));
}

QMenu *MainWindow::createArticleContextMenu(const QPoint &pos)
{
    ArticleView *view = m_pane->view();
    auto *menuPointer = new QMenu(this);
    QMenu &menu = *menuPointer;
    QAction *copy = menu.addAction(tr("&Copy"), view, &QTextEdit::copy);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(view->textCursor().hasSelection());
    menu.addSeparator();
    QMenu *assign = menu.addMenu(tr("&Assign Selection To"));
    for (const auto &entry : assignActions()) {
        assign->addAction(m_actions->action(entry.first));
    }
    assign->setEnabled(view->textCursor().hasSelection() && m_session);
    QMenu *mark = menu.addMenu(tr("&Mark Selection as Entity"));
    for (EntityType type : allEntityTypes()) {
        mark->addAction(m_actions->action(u"markAs."_s + entityTypeName(type)));
    }
    mark->setEnabled(view->textCursor().hasSelection() && m_session);

    // The entity under the pointer: change its type, remove it, teach it.
    const int position = view->cursorForPosition(pos).position();
    const int index = view->entityAt(position);
    if (m_session && index >= 0) {
        const ArticleView::Span span = view->spans().at(index);
        const QString surface = view->toPlainText().mid(span.start, span.end - span.start);
        const qint64 entityId = span.id;
        menu.addSeparator();
        QMenu *change = menu.addMenu(tr("Change Type of “%1”").arg(surface));
        change->setObjectName(u"changeEntityType"_s);
        for (EntityType type : allEntityTypes()) {
            const QString name = entityTypeName(type);
            QAction *action = change->addAction(entityTypeLabel(name), this,
                                                [this, entityId, name] { changeEntityType(entityId, name); });
            action->setObjectName(u"changeTo."_s + name);
            action->setCheckable(true);
            action->setChecked(type == span.type);
        }
        menu.addAction(tr("Remove Entity “%1”").arg(surface), this, [this, entityId] { removeEntity(entityId); });
        menu.addAction(tr("Apply “%1” to All Occurrences").arg(surface), this, [this, entityId] {
            EntityModel *entities = m_session->entities();
            const int row = entities->rowForEntity(entityId);
            if (row >= 0) {
                const int count = entities->applyToCorpus(row);
                showMessage(tr("%n occurrence(s) marked in the corpus.", nullptr, std::max(0, count)), 6000);
            }
        });
    }
    return menuPointer;
}

// ---- dialogs -------------------------------------------------------------------------------

void MainWindow::exportIncidents()
{
    if (!m_session) {
        return;
    }
    const QFileInfo workspace(m_session->path());
    auto *dialog = new ExportDialog(workspace.dir().filePath(workspace.completeBaseName() + u"-incidents.csv"_s),
                                    this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ExportRequest request = dialog->request();
        const QString path = m_session->path();
        showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(request.outputPath)), 0);
        // Its own read-only connection on a pool thread: the window stays responsive.
        auto *watcher = new QFutureWatcher<ExportResult>(this);
        connect(watcher, &QFutureWatcher<ExportResult>::finished, this, [this, watcher, request] {
            const ExportResult result = watcher->result();
            watcher->deleteLater();
            QString message;
            if (result.ok) {
                message = tr("%n incident(s) exported to %1.", nullptr, result.rows)
                              .arg(QDir::toNativeSeparators(request.outputPath));
                showMessage(message, 10000);
            } else {
                message = tr("The export failed: %1").arg(result.error);
                showError(tr("Export"), message);
            }
            emit exportFinished(result.ok, message);
        });
        watcher->setFuture(QtConcurrent::run([path, request] { return Rasid::exportIncidents(path, request); }));
    });
    dialog->open();
}

void MainWindow::openProblems()
{
    if (!m_session) {
        return;
    }
    if (!m_problemsDialog || !m_problemsDialog->isVisible()) {
        m_session->problems()->refresh(); // kept current only while the view is open
    }
    if (!m_problemsDialog) {
        m_problemsDialog = new ProblemsDialog(m_session->problems(), this);
        connect(m_problemsDialog, &ProblemsDialog::pathActivated, this, [this](const QString &path) {
            const qint64 id = m_session ? m_session->articleIdForPath(path) : 0;
            if (id == 0 || !showArticle(id)) {
                showMessage(tr("%1 has no readable article.").arg(path), 5000);
            }
        });
    }
    m_problemsDialog->show();
    m_problemsDialog->raise();
    m_problemsDialog->activateWindow();
}

} // namespace Rasid
