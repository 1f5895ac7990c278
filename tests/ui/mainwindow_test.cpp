#include "actionregistry.h"
#include "articlelistpanel.h"
#include "articlepane.h"
#include "articleview.h"
#include "exportdialog.h"
#include "extract/incident.h"
#include "fieldform.h"
#include "importcontroller.h"
#include "importstatuswidget.h"
#include "incidentpanel.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/entitymodel.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "mainwindow.h"
#include "settingkeys.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"
#include "seedincident.h"
#include "testfiles.h"
#include "testsettings.h"
#include "workspacecheck.h"
#include "workspacesession.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Articles written for these tests, in the style of the news Rasid reads.
const QString kBreachTitle = u"تسريب بيانات مشتركي شركة الاتصالات الوطنية"_s;
const QString kBreach = kBreachTitle + u"\n\n"_s
    + u"أعلنت شركة الاتصالات الوطنية في الأردن أن مجموعة تطلق على نفسها اسم ميغا باس اخترقت أحد خوادمها، "
      "وقالت إن نحو 2 مليون سجل قد سُرّب يوم 20 أبريل 2024.\n\n"
      "وأضافت الشركة أن التحقيق ما زال جارياً، وأن الاختراق لم يطل بيانات الدفع.\n"_s;
const QString kDdos = u"هجوم حجب خدمة على بوابة وزارة المالية\n\n"
                      "تعرضت بوابة وزارة المالية لهجوم حجب الخدمة استمر ست ساعات، وتبنت مجموعة وميغا باس الهجوم "
                      "في رسالة على تلغرام. وقال خبراء إن بميغا باس صلات بمجموعات أخرى.\n"_s;
const QString kAwareness = u"ورشة توعية بالأمن السيبراني للطلاب\n\n"
                           "نظمت الجامعة ورشة عمل للتوعية بمخاطر التصيد الاحتيالي وكلمات المرور الضعيفة.\n"_s;

// Types Arabic text key by key (QTest::keyClicks only knows ASCII).
void typeText(QWidget *widget, const QString &text)
{
    for (QChar c : text) {
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

bool writeFile(const QString &path, const QString &text)
{
    return TestFiles::writeFile(path, text.toUtf8());
}

// Reads through a read-only connection of its own: what is really in the file.
using WorkspaceCheck::firstValueIn;

// One field of an incident as the file holds it; nullopt when the incident or the field is not there.
std::optional<IncidentField> storedField(const QString &workspacePath, qint64 incident, const QString &name)
{
    const QVariant packed = firstValueIn(workspacePath, u"SELECT fields FROM incidents WHERE id = ?"_s, {incident});
    if (!packed.isValid()) {
        return std::nullopt;
    }
    for (const IncidentField &field : unpackFields(packed.toString())) {
        if (field.name == name) {
            return field;
        }
    }
    return std::nullopt;
}

// A field's value in SQL, through the incident_field() of the workspace's connections.
const QString kFieldValue = u"SELECT incident_field(fields, ?) FROM incidents WHERE id = ?"_s;

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void openFolderImportsInTheBackground();
    void importCanBeCancelledFromTheStatusBar();
    void movesThroughArticlesWithTheKeyboard();
    void headerShowsMetadataAsPlainText();
    void enterConfirmsAField();
    void typingCorrectsAField();
    void assigningASelectedSpanSetsValueAndEvidence_data();
    void assigningASelectedSpanSetsValueAndEvidence();
    void undoAndRedoGoThroughTheWorkspace();
    void ctrlDeleteRejectsTheIncident();
    void incidentsCanBeAddedSplitMergedAndDeleted();
    void markingAnEntityOffersEveryOccurrence();
    void changingAnEntityTypeFromTheContextMenu();
    void tabWalksTheEntitiesOfTheArticle();
    void clickingEvidenceFlashesItsSpan();
    void problemsOpenFromTheStatusBar();
    void filtersAndSearchNarrowTheList();
    void exportWritesTheChosenFormat_data();
    void exportWritesTheChosenFormat();
    void everyActionIsInAMenuWithItsShortcut();
    void restoresGeometrySplittersAndLastWorkspace();
    void droppingAFolderOpensIt();
    void arabicLayoutMirrors();

private:
    MainWindow *openSampleFolder();
    qint64 articleId(const QString &path) const;
    qint64 seedIncident(qint64 articleId);
    void selectText(const QString &needle, int occurrence = 0);
    QString workspacePath() const { return m_window->session()->path(); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_folder;
};

void MainWindowTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"mainwindow_test"_s, m_settingsDir.path());
}

void MainWindowTest::init()
{
    QSettings settings;
    settings.clear();
    Settings::AnalystName.setValue(settings, u"سارة"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    m_folder = m_dir->filePath(u"corpus"_s);
    // The shipped samples when present, and our own three articles in any case.
    TestFiles::copyFiles(QStringLiteral(RASID_SAMPLES_DIR), m_folder);
    QVERIFY(writeFile(QDir(m_folder).filePath(u"ui_breach.txt"_s), kBreach));
    QVERIFY(writeFile(QDir(m_folder).filePath(u"ui_ddos.txt"_s), kDdos));
    QVERIFY(writeFile(QDir(m_folder).filePath(u"ui_awareness.txt"_s), kAwareness));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void MainWindowTest::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

MainWindow *MainWindowTest::openSampleFolder()
{
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    if (!m_window->openFolder(m_folder)) {
        return nullptr;
    }
    if (!finished.wait(120000)) {
        return nullptr;
    }
    return m_window.get();
}

qint64 MainWindowTest::articleId(const QString &path) const
{
    return m_window->session()->articleIdForPath(path);
}

// A proposal as extraction would store it, in place of whatever the extractor
// proposed, so that the review flows do not depend on what it finds.
qint64 MainWindowTest::seedIncident(qint64 article)
{
    return ::seedIncident(m_window.get(), article);
}

void MainWindowTest::selectText(const QString &needle, int occurrence)
{
    ArticleView *view = m_window->articleView();
    const QString text = view->toPlainText();
    int start = -1;
    for (int i = 0; i <= occurrence; ++i) {
        start = int(text.indexOf(needle, start + 1));
    }
    QVERIFY2(start >= 0, qPrintable(needle));
    QTextCursor cursor(view->document());
    cursor.setPosition(start);
    cursor.setPosition(start + int(needle.size()), QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
}

void MainWindowTest::openFolderImportsInTheBackground()
{
    QSignalSpy opened(m_window.get(), &MainWindow::workspaceOpened);
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->openFolder(m_folder));
    // The window returned at once: the import runs on its own thread.
    QCOMPARE(opened.count(), 1);
    QVERIFY(m_window->importController()->isRunning());
    QVERIFY(finished.wait(120000));
    const QString expected = QDir(m_folder).filePath(u"corpus.rasid"_s);
    QCOMPARE(workspacePath(), expected);

    const int articles = firstValueIn(expected, u"SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND missing = 0"_s)
                             .toInt();
    QVERIFY(articles >= 3);
    ArticleListModel *list = m_window->session()->articles();
    while (list->canFetchMore({})) {
        list->fetchMore({});
    }
    QCOMPARE(list->rowCount(), articles);
    QCOMPARE(list->totalCount(), articles);
    QCOMPARE(m_window->articleList()->reviewedLabel()->text(), u"0 / %1 reviewed"_s.arg(articles));
    // The first article is on screen, with its place in the list.
    QVERIFY(m_window->currentArticleId() != 0);
    QVERIFY(!m_window->articleView()->toPlainText().isEmpty());
    QCOMPARE(m_window->articlePane()->positionText(), u"1 / %1"_s.arg(articles));
    // Opening the same folder again is incremental and keeps the workspace.
    QVERIFY(m_window->openFolder(m_folder));
    QVERIFY(finished.wait(120000));
    QCOMPARE(firstValueIn(expected, u"SELECT count(*) FROM articles WHERE duplicate_of IS NULL"_s).toInt(), articles);
}

void MainWindowTest::importCanBeCancelledFromTheStatusBar()
{
    // Enough files that the import is still running when Cancel is pressed.
    for (int i = 0; i < 400; ++i) {
        QVERIFY(writeFile(QDir(m_folder).filePath(u"bulk_%1.txt"_s.arg(i)),
                          kDdos + u"\nفقرة رقم %1 من التغطية.\n"_s.arg(i)));
    }
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->openFolder(m_folder));
    QVERIFY(m_window->importController()->isRunning());
    QTRY_VERIFY(m_window->importStatus()->isVisible());
    QTest::mouseClick(m_window->importStatus()->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QVERIFY(!m_window->importStatus()->isVisible());
    // What landed before the cancel is kept, and the workspace still opens for writing.
    const int landed = firstValueIn(workspacePath(), u"SELECT count(*) FROM articles"_s).toInt();
    QVERIFY2(landed < 403, qPrintable(QString::number(landed)));
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"cancelled"_s));
    QVERIFY(m_window->session()->workspace().isOpen());
}

void MainWindowTest::movesThroughArticlesWithTheKeyboard()
{
    QVERIFY(openSampleFolder());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ArticleListPanel *list = m_window->articleList();
    QVERIFY(list->selectRow(0));
    const qint64 first = m_window->currentArticleId();
    const int total = m_window->session()->articles()->matchingCount();
    QTest::keyClick(m_window.get(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(list->currentRow(), 1);
    QVERIFY(m_window->currentArticleId() != first);
    QCOMPARE(m_window->articlePane()->positionText(), u"2 / %1"_s.arg(total));
    QTest::keyClick(m_window.get(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_window->currentArticleId(), first);

    // Ctrl+N skips reviewed articles: mark the next two as having no incident.
    for (int row : {1, 2}) {
        list->selectRow(row);
        m_window->actions()->action(u"markNoIncident"_s)->trigger();
    }
    list->selectRow(0);
    m_window->actions()->action(u"markNoIncident"_s)->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(list->currentRow(), 3);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT count(*) FROM articles WHERE review_state = 'reviewed'"_s).toInt(), 3);
    QCOMPARE(list->reviewedLabel()->text(), u"3 / %1 reviewed"_s.arg(total));
}

void MainWindowTest::headerShowsMetadataAsPlainText()
{
    QVERIFY(openSampleFolder());
    const qint64 id = articleId(u"ui_breach.txt"_s);
    QVERIFY(id != 0);
    QVERIFY(m_window->showArticle(id));
    ArticlePane *pane = m_window->articlePane();
    QCOMPARE(pane->titleLabel()->text(), kBreachTitle);
    for (QLabel *label : {pane->titleLabel(), pane->metaLabel()}) {
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    // The article text is the cleaned text, offset for offset.
    QCOMPARE(m_window->articleView()->toPlainText(), m_window->session()->article(id).text);
}

void MainWindowTest::enterConfirmsAField()
{
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    const qint64 incident = seedIncident(article);
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    FieldForm *form = m_window->incidentPanel()->form();
    IncidentFieldModel *fields = m_window->session()->fields();
    const int victim = fields->rowForField(u"victim"_s);
    form->setCurrentRow(victim);
    QTRY_VERIFY(form->editor(victim)->hasFocus());
    QTest::keyClick(form->editor(victim), Qt::Key_Return);

    const std::optional<IncidentField> confirmed = storedField(workspacePath(), incident, u"victim"_s);
    QVERIFY(confirmed);
    QCOMPARE(confirmed->origin, u"confirmed"_s);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT analyst FROM audit ORDER BY id DESC LIMIT 1"_s).toString(), u"سارة"_s);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_state FROM articles WHERE id = ?"_s, {article}).toString(),
             u"in_review"_s);
    // The form shows the new origin and moved on to the next suggested field.
    QCOMPARE(fields->index(victim, FieldValueColumn).data(FieldOriginRole).toString(), u"confirmed"_s);
    QVERIFY(form->currentRow() > victim);

    // Ctrl+Enter confirms the whole incident.
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_status FROM incidents WHERE id = ?"_s, {incident}).toString(),
             u"confirmed"_s);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_state FROM articles WHERE id = ?"_s, {article}).toString(),
             u"reviewed"_s);
}

void MainWindowTest::typingCorrectsAField()
{
    QVERIFY(openSampleFolder());
    const qint64 incident = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    FieldForm *form = m_window->incidentPanel()->form();
    const int victim = m_window->session()->fields()->rowForField(u"victim"_s);
    auto *edit = qobject_cast<QLineEdit *>(form->editor(victim));
    QVERIFY(edit);
    form->setCurrentRow(victim);
    edit->selectAll();
    typeText(edit, u"مجموعة الاتصالات"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(firstValueIn(workspacePath(), kFieldValue, {u"victim"_s, incident}).toString(), u"مجموعة الاتصالات"_s);
    const std::optional<IncidentField> corrected = storedField(workspacePath(), incident, u"victim"_s);
    QVERIFY(corrected);
    QCOMPARE(corrected->value, u"مجموعة الاتصالات"_s);
    QCOMPARE(corrected->origin, u"corrected"_s);

    // A combo field commits as soon as a value is chosen.
    const int attack = m_window->session()->fields()->rowForField(u"attack_type"_s);
    auto *combo = qobject_cast<QComboBox *>(form->editor(attack));
    QVERIFY(combo);
    const int ddos = combo->findData(u"ddos"_s);
    QVERIFY(ddos >= 0);
    combo->setCurrentIndex(ddos);
    emit combo->activated(ddos);
    QCOMPARE(firstValueIn(workspacePath(), kFieldValue, {u"attack_type"_s, incident}).toString(), u"ddos"_s);
}

void MainWindowTest::assigningASelectedSpanSetsValueAndEvidence_data()
{
    QTest::addColumn<QString>("selection");
    QTest::addColumn<QKeySequence>("keys");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("Ctrl+1 victim") << u"شركة الاتصالات الوطنية"_s << QKeySequence(u"Ctrl+1"_s) << u"victim"_s
                                   << u"شركة الاتصالات الوطنية"_s;
    QTest::newRow("Ctrl+2 actor") << u"ميغا باس"_s << QKeySequence(u"Ctrl+2"_s) << u"actor"_s << u"ميغا باس"_s;
    QTest::newRow("Ctrl+3 records, approximate") << u"نحو 2 مليون سجل"_s << QKeySequence(u"Ctrl+3"_s)
                                                 << u"records_affected"_s << u"2000000"_s;
    QTest::newRow("Ctrl+4 date") << u"20 أبريل 2024"_s << QKeySequence(u"Ctrl+4"_s) << u"incident_date"_s
                                 << u"2024-04-20"_s;
}

void MainWindowTest::assigningASelectedSpanSetsValueAndEvidence()
{
    QFETCH(QString, selection);
    QFETCH(QKeySequence, keys);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    QVERIFY(m_window->showArticle(article));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const int before = firstValueIn(workspacePath(), u"SELECT count(*) FROM incidents WHERE article_id = ?"_s, {article}).toInt();
    m_window->articleView()->setFocus();
    selectText(selection);
    const int start = m_window->articleView()->selectionStartOffset();
    QTest::keySequence(m_window.get(), keys);

    // With no incident yet, assigning creates one (one undo step with the value).
    const qint64 incident = m_window->incidentPanel()->currentIncidentId();
    QVERIFY(incident != 0);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT count(*) FROM incidents WHERE article_id = ?"_s, {article}).toInt(),
             std::max(before, 1));
    QCOMPARE(firstValueIn(workspacePath(), kFieldValue, {field, incident}).toString(), value);
    const std::optional<IncidentField> assigned = storedField(workspacePath(), incident, field);
    QVERIFY(assigned);
    QCOMPARE(assigned->value, value);
    QCOMPARE(encodeEvidence(assigned->evidence), u"%1:%2"_s.arg(start).arg(start + selection.size()));
    if (field == u"records_affected") {
        QCOMPARE(firstValueIn(workspacePath(), kFieldValue, {u"records_qualifier"_s, incident}).toString(),
                 u"approx"_s);
    }
    QCOMPARE(m_window->session()->undoStack()->count(), 1);
}

void MainWindowTest::undoAndRedoGoThroughTheWorkspace()
{
    QVERIFY(openSampleFolder());
    const qint64 incident = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // "value|origin" of the stored actor; empty when there is none.
    const auto actorInFile = [this, incident] {
        const std::optional<IncidentField> actor = storedField(workspacePath(), incident, u"actor"_s);
        return actor ? actor->value + u'|' + actor->origin : QString();
    };
    m_window->articleView()->setFocus();
    selectText(u"ميغا باس"_s);
    // The actor was suggested from the same words; assign "مجموعة" to see a change.
    selectText(u"مجموعة"_s);
    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+2"_s));
    QCOMPARE(actorInFile(), u"مجموعة|corrected"_s);
    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+Z"_s));
    QCOMPARE(actorInFile(), u"ميغا باس|suggested"_s);
    // The form follows the undo.
    FieldForm *form = m_window->incidentPanel()->form();
    const int actor = m_window->session()->fields()->rowForField(u"actor"_s);
    QCOMPARE(qobject_cast<QLineEdit *>(form->editor(actor))->text(), u"ميغا باس"_s);
    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+Shift+Z"_s));
    QCOMPARE(actorInFile(), u"مجموعة|corrected"_s);
    QCOMPARE(qobject_cast<QLineEdit *>(form->editor(actor))->text(), u"مجموعة"_s);
    QVERIFY(m_window->actions()->action(u"undo"_s)->text().contains(u"مجموعة"_s)
            || m_window->actions()->action(u"undo"_s)->isEnabled());
}

void MainWindowTest::ctrlDeleteRejectsTheIncident()
{
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    const qint64 incident = seedIncident(article);
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->incidentPanel()->incidentView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Delete, Qt::ControlModifier);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_status FROM incidents WHERE id = ?"_s, {incident}).toString(),
             u"rejected"_s);
    // Its only incident rejected: the article is reviewed.
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_state FROM articles WHERE id = ?"_s, {article}).toString(),
             u"reviewed"_s);
    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+Z"_s));
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_status FROM incidents WHERE id = ?"_s, {incident}).toString(),
             u"suggested"_s);
}

void MainWindowTest::incidentsCanBeAddedSplitMergedAndDeleted()
{
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    const qint64 incident = seedIncident(article);
    QVERIFY(incident != 0);
    ActionRegistry *actions = m_window->actions();
    const QString count = u"SELECT count(*) FROM incidents WHERE article_id = ?"_s;
    actions->action(u"splitIncident"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(), count, {article}).toInt(), 2);
    const qint64 copy = m_window->incidentPanel()->currentIncidentId();
    QVERIFY(copy != incident);
    QCOMPARE(firstValueIn(workspacePath(), kFieldValue, {u"victim"_s, copy}).toString(), u"شركة الاتصالات الوطنية"_s);
    // Select both and merge them back into one.
    QTreeView *view = m_window->incidentPanel()->incidentView();
    view->selectAll();
    QVERIFY(actions->action(u"mergeIncidents"_s)->isEnabled());
    actions->action(u"mergeIncidents"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(), count, {article}).toInt(), 1);
    actions->action(u"addIncident"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(), count, {article}).toInt(), 2);
    QCOMPARE(m_window->incidentPanel()->incidentView()->model()->rowCount(), 2);
    actions->action(u"deleteIncident"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(), count, {article}).toInt(), 1);
}

void MainWindowTest::markingAnEntityOffersEveryOccurrence()
{
    QVERIFY(openSampleFolder());
    const qint64 breach = articleId(u"ui_breach.txt"_s);
    const qint64 ddos = articleId(u"ui_ddos.txt"_s);
    QVERIFY(m_window->showArticle(breach));
    selectText(u"ميغا باس"_s);
    m_window->actions()->action(u"markAs.threat_actor"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT type FROM entities WHERE article_id = ? AND text = 'ميغا باس'"_s, {breach})
                 .toString(),
             u"threat_actor"_s);
    // The new entity is highlighted at once.
    ArticleView *view = m_window->articleView();
    const int start = int(view->toPlainText().indexOf(u"ميغا باس"_s));
    QVERIFY(view->entityAt(start) >= 0);
    // Teach once: the offer marks the clitic forms of the other article too.
    QVERIFY(m_window->articlePane()->isOffering());
    m_window->articlePane()->offerButton()->click();
    QVERIFY(!m_window->articlePane()->isOffering());
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT count(*) FROM entities WHERE article_id = ? AND type = 'threat_actor'"_s,
                    {ddos})
                 .toInt(),
             2);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT count(*) FROM lexicon WHERE type = 'threat_actor'"_s).toInt(), 1);
    QVERIFY(m_window->showArticle(ddos));
    QCOMPARE(m_window->articleView()->spans().size() >= 2, true);
}

void MainWindowTest::changingAnEntityTypeFromTheContextMenu()
{
    QVERIFY(openSampleFolder());
    const qint64 breach = articleId(u"ui_breach.txt"_s);
    QVERIFY(m_window->showArticle(breach));
    selectText(u"ميغا باس"_s);
    m_window->actions()->action(u"markAs.organization"_s)->trigger();
    m_window->articlePane()->dismissOffer();
    ArticleView *view = m_window->articleView();
    const int start = int(view->toPlainText().indexOf(u"ميغا باس"_s));
    // Right-click on the entity: its type can be changed there.
    QRect rect = view->cursorRect(QTextCursor(view->document()));
    {
        QTextCursor cursor(view->document());
        cursor.setPosition(start + 2);
        rect = view->cursorRect(cursor);
    }
    std::unique_ptr<QMenu> menu(m_window->createArticleContextMenu(rect.center()));
    auto *change = menu->findChild<QMenu *>(u"changeEntityType"_s);
    QVERIFY(change);
    QAction *toActor = nullptr;
    for (QAction *action : change->actions()) {
        if (action->objectName() == u"changeTo.threat_actor") {
            toActor = action;
        }
    }
    QVERIFY(toActor);
    toActor->trigger();
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT type FROM entities WHERE article_id = ? AND start = ?"_s, {breach, start})
                 .toString(),
             u"threat_actor"_s);
    QVERIFY(m_window->articlePane()->isOffering());
    QCOMPARE(view->spans().at(view->entityAt(start)).type, EntityType::ThreatActor);
    // Undo restores the type and the highlight.
    m_window->actions()->action(u"undo"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT type FROM entities WHERE article_id = ? AND start = ?"_s, {breach, start})
                 .toString(),
             u"organization"_s);
    QCOMPARE(view->spans().at(view->entityAt(start)).type, EntityType::Organization);
}

void MainWindowTest::tabWalksTheEntitiesOfTheArticle()
{
    QVERIFY(openSampleFolder());
    const qint64 breach = articleId(u"ui_breach.txt"_s);
    QVERIFY(m_window->showArticle(breach));
    // Two entities of our own, whatever the extractor found.
    selectText(u"الأردن"_s);
    m_window->actions()->action(u"markAs.country"_s)->trigger();
    selectText(u"ميغا باس"_s);
    m_window->actions()->action(u"markAs.threat_actor"_s)->trigger();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ArticleView *view = m_window->articleView();
    view->setFocus();
    view->moveCursor(QTextCursor::Start);
    QTRY_VERIFY(view->hasFocus());
    const QVector<ArticleView::Span> spans = view->spans();
    QVERIFY(spans.size() >= 2);
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->selectionStartOffset(), spans.at(0).start);
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->selectionStartOffset(), spans.at(1).start);
    QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(view->selectionStartOffset(), spans.at(0).start);
    QVERIFY(view->hasFocus());
}

void MainWindowTest::clickingEvidenceFlashesItsSpan()
{
    QVERIFY(openSampleFolder());
    const qint64 incident = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(incident != 0);
    FieldForm *form = m_window->incidentPanel()->form();
    const int country = m_window->session()->fields()->rowForField(u"victim_country"_s);
    QToolButton *evidence = form->evidenceButton(country);
    QVERIFY(evidence->isEnabled());
    QTest::mouseClick(evidence, Qt::LeftButton);
    ArticleView *view = m_window->articleView();
    QVERIFY(view->isFlashing());
    const int start = int(view->toPlainText().indexOf(u"الأردن"_s));
    const QList<QTextEdit::ExtraSelection> selections = view->extraSelections();
    QVERIFY(std::any_of(selections.cbegin(), selections.cend(),
                        [&](const QTextEdit::ExtraSelection &s) {
                            return s.cursor.selectionStart() == start && s.cursor.selectionEnd() == start + 6;
                        }));
    // A field without evidence has nothing to show.
    QVERIFY(!form->evidenceButton(m_window->session()->fields()->rowForField(u"motive"_s))->isEnabled());
}

void MainWindowTest::problemsOpenFromTheStatusBar()
{
    // A binary file with an article extension cannot be read: the import lists it.
    QFile broken(QDir(m_folder).filePath(u"broken.txt"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(4096, '\0'));
    broken.close();
    QVERIFY(openSampleFolder());
    auto *button = m_window->findChild<QToolButton *>(u"problemsButton"_s);
    QVERIFY(button);
    QTRY_VERIFY(button->isVisible());
    const int problems = firstValueIn(workspacePath(), u"SELECT count(*) FROM problems"_s).toInt();
    QVERIFY(problems >= 1);
    button->click();
    auto *dialog = m_window->findChild<QDialog *>(u"problemsDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *table = dialog->findChild<QTableView *>();
    QCOMPARE(table->model()->rowCount(), problems);
}

void MainWindowTest::filtersAndSearchNarrowTheList()
{
    QVERIFY(openSampleFolder());
    ArticleListPanel *list = m_window->articleList();
    ArticleListModel *model = m_window->session()->articles();
    const int total = model->totalCount();

    // Results as the analyst types, after the short delay; folded forms match.
    typeText(list->searchEdit(), u"ميغا"_s);
    QCOMPARE(model->matchingCount(), total); // not yet: debounced
    QTRY_COMPARE_WITH_TIMEOUT(model->matchingCount(), m_window->session()->workspace().searchCount(u"ميغا"_s), 2000);
    QCOMPARE(model->matchingCount(), 2);
    QVERIFY(list->reviewedLabel()->text().contains(u"2"_s));
    list->searchEdit()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(model->matchingCount(), total, 2000);

    // Review state.
    list->selectArticle(articleId(u"ui_awareness.txt"_s));
    m_window->actions()->action(u"markNoIncident"_s)->trigger();
    QComboBox *state = list->stateCombo();
    const int reviewed = state->findData(u"reviewed"_s);
    state->setCurrentIndex(reviewed);
    emit state->activated(reviewed);
    QCOMPARE(model->matchingCount(), 1);
    QCOMPARE(model->articleIdAt(0), articleId(u"ui_awareness.txt"_s));
    state->setCurrentIndex(0);
    emit state->activated(0);

    // Victim country and attack type come from the analyst's non-rejected incidents.
    seedIncident(articleId(u"ui_breach.txt"_s));
    list->setCountries(WorkspaceSession::victimCountries(workspacePath()));
    const QString withField = u"SELECT count(DISTINCT i.article_id) FROM incidents i "
                              "JOIN articles a ON a.id = i.article_id "
                              "WHERE i.review_status != 'rejected' AND a.duplicate_of IS NULL AND a.missing = 0 "
                              "AND incident_field(i.fields, ?) = ?"_s;
    QComboBox *country = list->countryCombo();
    const int jordan = country->findData(u"JO"_s);
    QVERIFY(jordan > 0);
    country->setCurrentIndex(jordan);
    emit country->activated(jordan);
    const int inJordan = firstValueIn(workspacePath(), withField, {u"victim_country"_s, u"JO"_s}).toInt();
    QVERIFY(inJordan >= 1);
    QCOMPARE(model->matchingCount(), inJordan);
    QVERIFY(model->rowForArticle(articleId(u"ui_breach.txt"_s)) >= 0);
    country->setCurrentIndex(0);
    emit country->activated(0);
    QComboBox *attack = list->attackCombo();
    const int breach = attack->findData(u"data_breach"_s);
    attack->setCurrentIndex(breach);
    emit attack->activated(breach);
    QCOMPARE(model->matchingCount(), firstValueIn(workspacePath(), withField, {u"attack_type"_s, u"data_breach"_s}).toInt());
    QVERIFY(model->rowForArticle(articleId(u"ui_breach.txt"_s)) >= 0);
}

void MainWindowTest::exportWritesTheChosenFormat_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<bool>("bom");
    QTest::newRow("CSV with BOM") << ExportFormat::Csv << true;
    QTest::newRow("JSON lines") << ExportFormat::JsonLines << false;
    QTest::newRow("VERIS") << ExportFormat::Veris << false;
    QTest::newRow("XLSX") << ExportFormat::Xlsx << false;
    QTest::newRow("STIX") << ExportFormat::Stix << false;
    QTest::newRow("MISP") << ExportFormat::Misp << false;
}

void MainWindowTest::exportWritesTheChosenFormat()
{
    QFETCH(ExportFormat, format);
    QFETCH(bool, bom);
    if (!isExportFormatAvailable(format)) {
        QSKIP("This build has no writer for the format");
    }
    QVERIFY(openSampleFolder());
    const qint64 incident = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(incident != 0);
    m_window->actions()->action(u"confirmIncident"_s)->trigger();

    m_window->actions()->action(u"export"_s)->trigger();
    auto *dialog = m_window->findChild<ExportDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString out = m_dir->filePath(u"out."_s + exportFormatSuffix(format));
    ExportRequest request;
    request.format = format;
    request.options.status = StatusFilter::Confirmed;
    request.options.bom = bom;
    request.outputPath = out;
    dialog->setRequest(request);
    QCOMPARE(dialog->request().outputPath, out);
    QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
    dialog->accept();
    QVERIFY(done.wait(30000));
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));

    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    switch (format) {
    case ExportFormat::Csv: {
        QVERIFY(data.startsWith("\xEF\xBB\xBFincident_id,article,title"));
        const QList<QByteArray> lines = data.trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // the header and the one confirmed incident
        QVERIFY(QString::fromUtf8(lines.at(1)).contains(u"شركة الاتصالات الوطنية"_s));
        QVERIFY(lines.at(1).contains(",confirmed,"));
        break;
    }
    case ExportFormat::JsonLines:
        QCOMPARE(data.count('\n'), 1);
        QVERIFY(QString::fromUtf8(data).contains(u"\"victim\":\"شركة الاتصالات الوطنية\""_s));
        break;
    case ExportFormat::Veris:
        QVERIFY(data.contains("\"schema_version\""));
        break;
    case ExportFormat::Xlsx:
        QVERIFY(data.startsWith("PK")); // a zip container
        break;
    case ExportFormat::Stix:
        QVERIFY(data.startsWith("{\"type\":\"bundle\""));
        QCOMPARE(data.count("\"type\":\"incident\""), 1);
        QVERIFY(QString::fromUtf8(data).contains(u"\"name\":\"شركة الاتصالات الوطنية\""_s));
        break;
    case ExportFormat::Misp:
        QVERIFY(data.startsWith("{\"response\": ["));
        QVERIFY(QString::fromUtf8(data).contains(u"\"value\":\"شركة الاتصالات الوطنية\""_s));
        break;
    }
}

void MainWindowTest::everyActionIsInAMenuWithItsShortcut()
{
    ActionRegistry *actions = m_window->actions();
    QSet<QAction *> inMenus;
    std::function<void(QMenu *)> collect = [&](QMenu *menu) {
        for (QAction *action : menu->actions()) {
            inMenus.insert(action);
            if (action->menu()) {
                collect(action->menu());
            }
        }
    };
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly)) {
        collect(menu);
    }
    for (const QString &id : actions->ids()) {
        QAction *action = actions->action(id);
        QVERIFY2(inMenus.contains(action), qPrintable(id));
        QVERIFY2(!action->text().isEmpty(), qPrintable(id));
        if (!action->shortcut().isEmpty()) {
            // The tooltip names the keys too.
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)), qPrintable(id));
        }
    }
    // The defaults never clash.
    QMap<QString, QString> shortcuts;
    for (const QString &id : actions->ids()) {
        shortcuts.insert(id, actions->shortcut(id).toString(QKeySequence::PortableText));
    }
    QVERIFY(Settings::shortcutClashes(shortcuts).isEmpty());
}

void MainWindowTest::restoresGeometrySplittersAndLastWorkspace()
{
    QVERIFY(openSampleFolder());
    const QString path = workspacePath();
    m_window->resize(1200, 800);
    QTRY_COMPARE(m_window->size(), QSize(1200, 800));
    auto *splitter = m_window->findChild<QSplitter *>(u"mainSplitter"_s);
    splitter->setSizes({300, 500, 380});
    const QList<int> sizes = splitter->sizes();
    m_window->close();
    m_window.reset();

    MainWindow again;
    again.restoreWindowState();
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1200, 800));
    QCOMPARE(again.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
    QVERIFY(again.reopenLastWorkspace());
    QCOMPARE(again.session()->path(), path);
    QVERIFY(Settings::RecentWorkspaces.value().contains(path));
}

void MainWindowTest::droppingAFolderOpensIt()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_folder)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(finished.wait(120000));
    QCOMPARE(workspacePath(), QDir(m_folder).filePath(u"corpus.rasid"_s));
}

void MainWindowTest::arabicLayoutMirrors()
{
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    auto restore = qScopeGuard([] { QGuiApplication::setLayoutDirection(Qt::LeftToRight); });
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The article list leads on the right, the incidents trail on the left.
    const int list = window.articleList()->mapTo(&window, QPoint(0, 0)).x();
    const int incidents = window.incidentPanel()->mapTo(&window, QPoint(0, 0)).x();
    QVERIFY2(list > incidents, qPrintable(u"%1 %2"_s.arg(list).arg(incidents)));
    // The article keeps per-paragraph alignment: its default option is not forced right to left.
    QCOMPARE(window.articleView()->document()->defaultTextOption().textDirection(), Qt::LayoutDirectionAuto);
}

QTEST_MAIN(MainWindowTest)
#include "mainwindow_test.moc"
