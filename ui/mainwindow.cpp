#include "mainwindow.h"

#include "actionregistry.h"
#include "articlelistpanel.h"
#include "articlepane.h"
#include "articleview.h"
#include "backupscheduler.h"
#include "exportdialog.h"
#include "fieldform.h"
#include "icons.h"
#include "importcontroller.h"
#include "importstatuswidget.h"
#include "incidentpanel.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/entitymodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "itemmodels/problemsmodel.h"
#include "legendwidget.h"
#include "navigationcontroller.h"
#include "noteedit.h"
#include "overviewwidget.h"
#include "problemsdialog.h"
#include "reviewactions.h"
#include "settingkeys.h"
#include "systemaccount.h"
#include "store/reviewstore.h"
#include "store/undocommands.h"
#include "workspacesession.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Rasid {

Q_LOGGING_CATEGORY(lcMainWindow, "rasid.ui.mainwindow")

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_actions(new ActionRegistry(this))
    , m_import(new ImportController(this))
    , m_review(new ReviewActions(this))
    , m_navigation(new NavigationController(this))
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
    // The article and the overview share the centre, as two tabs.
    m_overview = new OverviewWidget(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"centerTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_pane, QString());
    m_tabs->addTab(m_overview, QString());
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_incidents);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({380, 620, 400});
    setCentralWidget(m_splitter);

    // The overview follows the open workspace, the list's filters and every
    // edit; its bars and cells filter the list.
    connect(this, &MainWindow::workspaceOpened, m_overview, [this](const QString &path) {
        ArticleListModel *articles = m_session->articles();
        ReviewStore *store = m_session->store();
        m_overview->setFilter(articles->filter());
        m_overview->setWorkspacePath(path);
        connect(articles, &QAbstractItemModel::modelReset, m_overview,
                [this, articles] { m_overview->setFilter(articles->filter()); });
        connect(store, &ReviewStore::incidentChanged, m_overview, &OverviewWidget::refresh);
        connect(store, &ReviewStore::incidentsChanged, m_overview, &OverviewWidget::refresh);
        connect(store, &ReviewStore::articleStateChanged, m_overview, &OverviewWidget::refresh);
        connect(store, &QObject::destroyed, m_overview, [this] { m_overview->setWorkspacePath({}); });
    });
    connect(this, &MainWindow::importFinished, m_overview, &OverviewWidget::reload);
    connect(m_overview, &OverviewWidget::drillDown, m_list, &ArticleListPanel::setIncidentCondition);

    // Entity walking belongs to the article view alone, so Tab keeps moving focus elsewhere.
    ArticleView *view = m_pane->view();
    for (const QString &id : {u"nextEntity"_s, u"previousEntity"_s}) {
        QAction *action = m_actions->action(id);
        action->setShortcutContext(Qt::WidgetShortcut);
        view->addAction(action);
    }
    // Enter confirms a field while the analyst is in the article or the incident pane.
    // Only there: bound to the window too, Enter in a list filter (Down, Enter in
    // the country filter) would confirm the current field under the analyst's name.
    QAction *confirm = m_actions->action(u"confirmField"_s);
    confirm->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    removeAction(confirm);
    view->addAction(confirm);
    m_incidents->addAction(confirm);

    m_importStatus = new ImportStatusWidget(this);
    m_problemsButton = new QToolButton(this);
    m_problemsButton->setObjectName(u"problemsButton"_s);
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setIcon(rasidIcon(u"problems"_s));
    m_problemsButton->hide();
    // Who the edits are signed as: visible, and one click from changing it.
    m_analystButton = new QToolButton(this);
    m_analystButton->setObjectName(u"analystButton"_s);
    m_analystButton->setAutoRaise(true);
    connect(m_analystButton, &QToolButton::clicked, this, &MainWindow::openSettings);
    m_backups = new BackupScheduler(this);
    connect(m_backups, &BackupScheduler::backupFailed, this, [this](const QString &, const QString &reason) {
        showMessage(tr("The workspace could not be backed up: %1").arg(reason), 10000);
    });
    connect(m_backups, &BackupScheduler::restored, this, &MainWindow::backupRestoreFinished);
    statusBar()->addPermanentWidget(m_importStatus);
    statusBar()->addPermanentWidget(m_problemsButton);
    statusBar()->addPermanentWidget(m_analystButton);
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
            if (m_session->fields()->incidentId() != id) {
                m_incidents->form()->commitCurrent(); // typed into the incident being left
                m_incidents->noteEdit()->commit();
            }
            m_session->fields()->setIncident(id);
            m_incidents->noteEdit()->setNote(id, id > 0 ? m_session->store()->note(ReviewStore::NoteSubject::Incident, id)
                                                        : QString());
        }
        updateActions();
    });
    connect(m_incidents, &IncidentPanel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_list->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_incidents->form(), &FieldForm::evidenceActivated, view, &ArticleView::flashSpan);
    // A note is one undoable edit, written when the analyst leaves it.
    connect(m_pane->noteEdit(), &NoteEdit::noteEdited, this, [this](qint64 article, const QString &text) {
        if (m_session) {
            m_session->undoStack()->push(new SetNote(m_session->store(), ReviewStore::NoteSubject::Article, article, text));
        }
    });
    connect(m_incidents->noteEdit(), &NoteEdit::noteEdited, this, [this](qint64 incident, const QString &text) {
        if (m_session) {
            m_session->undoStack()->push(
                new SetNote(m_session->store(), ReviewStore::NoteSubject::Incident, incident, text));
        }
    });
    connect(view, &ArticleView::selectionSpanChanged, this, &MainWindow::updateActions);
    connect(view, &QWidget::customContextMenuRequested, m_review, &ReviewActions::showArticleContextMenu);

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
    if (preferences.analyst.isEmpty()) {
        // The first start: sign edits with the account's name, no question
        // asked; Settings (or the name in the status bar) changes it.
        preferences.analyst = systemAnalystName();
        Settings::AnalystName.setValue(settings, preferences.analyst);
    }
    preferences.backupEnabled = Settings::BackupEnabled.value(settings);
    preferences.backupEveryMinutes = std::clamp(Settings::BackupEveryMinutes.value(settings), 1, 240);
    preferences.backupKeep = std::clamp(Settings::BackupKeep.value(settings), 1, 100);
    QFont font;
    font.setFamilies({Settings::FontFamily.value(settings), u"Noto Naskh Arabic"_s, u"Amiri"_s, u"DejaVu Sans"_s});
    font.setPointSizeF(Settings::FontSize.value(settings));
    preferences.articleFont = font;
    preferences.style.loadColors(settings);
    preferences.language = Settings::InterfaceLanguage.value(settings);
    preferences.lookBelowPercent = std::clamp(Settings::LookBelowPercent.value(settings), 0, 100);
    m_actions->applyOverrides(Settings::Shortcuts.value(settings));
    for (const QString &id : m_actions->ids()) {
        preferences.shortcuts.insert(id, m_actions->shortcut(id));
    }
    m_preferences = preferences;
    m_pane->view()->setArticleFont(preferences.articleFont);
    m_pane->view()->setEntityStyle(preferences.style);
    m_pane->legend()->setEntityStyle(preferences.style);
    m_overview->setEntityStyle(preferences.style);
    applyBackupPolicy();
    updateAnalystButton();
}

void MainWindow::applyBackupPolicy()
{
    m_backups->setPolicy(m_preferences.backupEnabled, m_preferences.backupEveryMinutes * 60 * 1000,
                         m_preferences.backupKeep);
}

void MainWindow::updateAnalystButton()
{
    m_analystButton->setText(m_preferences.analyst);
    m_analystButton->setToolTip(tr("Your edits are signed as %1. Click to change the name in Settings.")
                                    .arg(m_preferences.analyst));
}

void MainWindow::showOverview()
{
    m_tabs->setCurrentWidget(m_overview);
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
    m_overview->setEntityStyle(style);
    if (m_session) {
        m_session->store()->setAnalyst(preferences.analyst);
        m_session->fields()->setLookBelow(preferences.lookBelowPercent / 100.0);
    }

    QSettings settings;
    Settings::AnalystName.setValue(settings, preferences.analyst);
    Settings::FontFamily.setValue(settings, preferences.articleFont.families().value(0));
    Settings::FontSize.setValue(settings, qRound(preferences.articleFont.pointSizeF()));
    Settings::InterfaceLanguage.setValue(settings, preferences.language);
    Settings::LookBelowPercent.setValue(settings, preferences.lookBelowPercent);
    Settings::BackupEnabled.setValue(settings, preferences.backupEnabled);
    Settings::BackupEveryMinutes.setValue(settings, preferences.backupEveryMinutes);
    Settings::BackupKeep.setValue(settings, preferences.backupKeep);
    applyBackupPolicy();
    updateAnalystButton();
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

// ---- window events ---------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session) {
        m_incidents->form()->commitCurrent();
        m_incidents->noteEdit()->commit();
        m_pane->noteEdit()->commit();
    }
    saveWindowState();
    // The last backup of the session starts now; the window waits for it
    // when it is destroyed.
    m_backups->detach();
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
    // A value typed in the form but not yet entered belongs to the article being
    // left: store it before the form shows another incident (Alt+Down, a click).
    if (m_session) {
        m_incidents->form()->commitCurrent();
        m_incidents->noteEdit()->commit();
        m_pane->noteEdit()->commit();
    }
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
    header.removed = content.removed;
    m_pane->setHeader(header);
    m_pane->noteEdit()->setNote(articleId, m_session->store()->note(ReviewStore::NoteSubject::Article, articleId));
    updateArticlePosition();
    rememberArticle(articleId);

    m_session->incidents()->setArticle(articleId);
    m_incidents->ensureSelection();
    updateActions();
}

void MainWindow::rememberArticle(qint64 articleId)
{
    if (m_session && articleId > 0) {
        Settings::lastArticle(m_session->path()).setValue(articleId);
    }
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

QMenu *MainWindow::createArticleContextMenu(const QPoint &pos)
{
    return m_review->createArticleContextMenu(pos);
}

// ---- dialogs -------------------------------------------------------------------------------

void MainWindow::exportIncidents()
{
    if (!m_session) {
        return;
    }
    const QString folder = m_session->sourceFolder();
    auto *dialog = new ExportDialog(ExportDialog::defaultExportPath(m_session->path(), folder), this);
    dialog->setArticleFolder(folder);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ExportRequest request = dialog->request();
        const QString path = m_session->path();
        showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(request.outputPath)), 0);
        // Its own read-only connection on a pool thread, with progress and
        // Cancel: the window stays responsive.
        auto *runner = new ExportRunner(path, request, this);
        connect(runner, &ExportRunner::finished, this, [this, request](const ExportResult &result) {
            QString message;
            if (result.ok) {
                message = tr("%n incident(s) exported to %1.", nullptr, result.rows)
                              .arg(QDir::toNativeSeparators(request.outputPath));
                showMessage(message, 10000);
            } else if (result.cancelled) {
                message = result.error;
                showMessage(message, 10000);
            } else {
                message = tr("The export failed: %1").arg(result.error);
                showError(tr("Export"), message);
            }
            emit exportFinished(result.ok, message);
        });
        runner->start();
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
