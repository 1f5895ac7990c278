// The workbench as an analyst drives it with the keyboard: what a key must do,
// and what it must never do to the review data.
#include "actionregistry.h"
#include "articlelistpanel.h"
#include "articlepane.h"
#include "articleview.h"
#include "exportdialog.h"
#include "export/jsonlexport.h"
#include "extract/incident.h"
#include "fieldform.h"
#include "incidentpanel.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "itemmodels/roles.h"
#include "mainwindow.h"
#include "noteedit.h"
#include "settingkeys.h"
#include "settingsdialog.h"
#include "shortcuteditor.h"
#include "store/incidentwriter.h"
#include "store/reviewstore.h"
#include "store/workspace.h"
#include "seedincident.h"
#include "testfiles.h"
#include "testsettings.h"
#include "workspacecheck.h"
#include "workspacesession.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString kBreachTitle = u"تسريب بيانات مشتركي شركة الاتصالات الوطنية"_s;
const QString kBreach = kBreachTitle + u"\n\n"_s
    + u"أعلنت شركة الاتصالات الوطنية في الأردن أن مجموعة تطلق على نفسها اسم ميغا باس اخترقت أحد خوادمها، "
      "وقالت إن نحو 2 مليون سجل قد سُرّب يوم 20 أبريل 2024.\n\n"
      "وأضافت الشركة أن التحقيق ما زال جارياً، وأن الاختراق لم يطل بيانات الدفع.\n"_s;
const QString kDdos = u"هجوم حجب خدمة على بوابة وزارة المالية\n\n"
                      "تعرضت بوابة وزارة المالية لهجوم حجب الخدمة استمر ست ساعات، وتبنت مجموعة وميغا باس الهجوم "
                      "في رسالة على تلغرام. وقال خبراء إن بميغا باس صلات بمجموعات أخرى.\n"_s;
const QString kHalf = u"تسريب بيانات مشتركي البريد\n\n"
                      "أعلنت شركة البريد أن بيانات نصف مليون مشترك تسربت، وأن 12500 حساب أغلق.\n"_s;
const QString kAwareness = u"ورشة توعية بالأمن السيبراني للطلاب\n\n"
                           "نظمت الجامعة ورشة عمل للتوعية بمخاطر التصيد الاحتيالي وكلمات المرور الضعيفة.\n"_s;

// Types Arabic text key by key (QTest::keyClicks only knows ASCII).
void typeText(QWidget *widget, const QString &text)
{
    for (QChar c : text) {
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

using WorkspaceCheck::firstValueIn;

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

} // namespace

class WorkbenchTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void enterInAListFilterConfirmsNothing();
    void typedValueIsKeptWhenMovingToAnotherArticle_data();
    void typedValueIsKeptWhenMovingToAnotherArticle();
    void typedCorrectionDropsTheSuggestionsEvidence();
    void titleColumnKeepsItsWidth();
    void searchBoxStripsTheQuerysClitics();
    void assigningSnapsToWholeWords();
    void roundCountsInWordsAreApproximate();
    void undoShowsTheArticleItChanges();
    void shortcutEditorRefusesTextEditingKeys();
    void exportsStayOutOfTheArticleFolder();
    void incidentKeysAndFocus();
    void ctrlEnterMovesToTheNextUndecidedIncident();
    void findInArticleHighlightsFoldedMatches();
    void notesAreKeptUndoneAndShownAgain();
    void bulkActionsOnSelectedArticles();
    void reopensOnTheLastArticle();
    void jsonLinesCarryNotesAndFieldOrigins();
    void lowSuggestionsAreNotFilledIn();

private:
    bool openSampleFolder();
    qint64 articleId(const QString &path) const { return m_window->session()->articleIdForPath(path); }
    qint64 seedIncident(qint64 articleId);
    QString workspacePath() const { return m_window->session()->path(); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_folder;
};

void WorkbenchTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"workbench_test"_s, m_settingsDir.path());
}

void WorkbenchTest::init()
{
    QSettings settings;
    settings.clear();
    Settings::AnalystName.setValue(settings, u"سارة"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    m_folder = m_dir->filePath(u"corpus"_s);
    TestFiles::copyFiles(QStringLiteral(RASID_SAMPLES_DIR), m_folder);
    QVERIFY(TestFiles::writeFile(QDir(m_folder).filePath(u"ui_breach.txt"_s), kBreach.toUtf8()));
    QVERIFY(TestFiles::writeFile(QDir(m_folder).filePath(u"ui_ddos.txt"_s), kDdos.toUtf8()));
    QVERIFY(TestFiles::writeFile(QDir(m_folder).filePath(u"ui_awareness.txt"_s), kAwareness.toUtf8()));
    QVERIFY(TestFiles::writeFile(QDir(m_folder).filePath(u"ui_half.txt"_s), kHalf.toUtf8()));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void WorkbenchTest::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

bool WorkbenchTest::openSampleFolder()
{
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    return m_window->openFolder(m_folder) && finished.wait(120000);
}

// A proposal as extraction would store it, in place of whatever the extractor proposed.
qint64 WorkbenchTest::seedIncident(qint64 article)
{
    return ::seedIncident(m_window.get(), article);
}

void WorkbenchTest::enterInAListFilterConfirmsNothing()
{
    QVERIFY(openSampleFolder());
    const qint64 incident = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    FieldForm *form = m_window->incidentPanel()->form();
    form->setCurrentRow(m_window->session()->fields()->rowForField(u"victim"_s), false);
    const int audits = firstValueIn(workspacePath(), u"SELECT count(*) FROM audit"_s).toInt();

    ArticleListPanel *list = m_window->articleList();
    list->setCountries({u"FR"_s, u"JO"_s});
    for (QWidget *filter : std::initializer_list<QWidget *>{list->countryCombo(), list->stateCombo(),
                                                            list->attackCombo(), list->searchEdit()}) {
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClick(filter, Qt::Key_Down);
        QTest::keyClick(filter, Qt::Key_Return);
        QTest::keyClick(filter, Qt::Key_Enter, Qt::KeypadModifier);
        QVERIFY(!QApplication::activePopupWidget());
    }
    const std::optional<IncidentField> victim = storedField(workspacePath(), incident, u"victim"_s);
    QVERIFY(victim);
    QCOMPARE(victim->origin, u"suggested"_s);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT count(*) FROM audit"_s).toInt(), audits);
    // The filter itself took the key.
    QVERIFY(!list->countryCombo()->currentData().toString().isEmpty());

    // Enter in the form still confirms.
    const int row = m_window->session()->fields()->rowForField(u"victim"_s);
    form->setCurrentRow(row);
    QTRY_VERIFY(form->editor(row)->hasFocus());
    QTest::keyClick(form->editor(row), Qt::Key_Return);
    QCOMPARE(storedField(workspacePath(), incident, u"victim"_s)->origin, u"confirmed"_s);
}

void WorkbenchTest::typedValueIsKeptWhenMovingToAnotherArticle_data()
{
    QTest::addColumn<QKeySequence>("keys");
    QTest::newRow("Alt+Down") << QKeySequence(u"Alt+Down"_s);
    QTest::newRow("Alt+Up") << QKeySequence(u"Alt+Up"_s);
    QTest::newRow("Ctrl+N") << QKeySequence(u"Ctrl+N"_s);
}

void WorkbenchTest::typedValueIsKeptWhenMovingToAnotherArticle()
{
    QFETCH(QKeySequence, keys);
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    const qint64 incident = seedIncident(article);
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // Somewhere in the middle of the list, so that both directions move.
    ArticleListPanel *list = m_window->articleList();
    if (list->currentRow() == 0) {
        m_window->session()->articles()->sort(ArticleTitleColumn, Qt::DescendingOrder);
        QVERIFY(m_window->showArticle(article));
    }
    QVERIFY(list->currentRow() > 0);
    FieldForm *form = m_window->incidentPanel()->form();
    const int victim = m_window->session()->fields()->rowForField(u"victim"_s);
    auto *edit = qobject_cast<QLineEdit *>(form->editor(victim));
    QVERIFY(edit);
    form->setCurrentRow(victim);
    QTRY_VERIFY(edit->hasFocus());
    edit->selectAll();
    typeText(edit, u"مجموعة الاتصالات"_s);
    QTest::keySequence(edit, keys); // not Enter: the analyst moves on
    QVERIFY(m_window->currentArticleId() != article);

    const std::optional<IncidentField> stored = storedField(workspacePath(), incident, u"victim"_s);
    QVERIFY(stored);
    QCOMPARE(stored->value, u"مجموعة الاتصالات"_s);
    QCOMPARE(stored->origin, u"corrected"_s);
    // One undo step, which brings the value back.
    QCOMPARE(m_window->session()->undoStack()->count(), 1);
}

void WorkbenchTest::typedCorrectionDropsTheSuggestionsEvidence()
{
    QVERIFY(openSampleFolder());
    const qint64 incident = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    FieldForm *form = m_window->incidentPanel()->form();
    const int victim = m_window->session()->fields()->rowForField(u"victim"_s);
    QVERIFY(form->evidenceButton(victim)->isEnabled());
    auto *edit = qobject_cast<QLineEdit *>(form->editor(victim));
    form->setCurrentRow(victim);
    QTRY_VERIFY(edit->hasFocus());
    edit->selectAll();
    typeText(edit, u"وزارة الاتصالات"_s);
    QTest::keyClick(edit, Qt::Key_Return);

    const std::optional<IncidentField> stored = storedField(workspacePath(), incident, u"victim"_s);
    QVERIFY(stored);
    QCOMPARE(stored->value, u"وزارة الاتصالات"_s);
    QVERIFY2(stored->evidence.isEmpty(), qPrintable(encodeEvidence(stored->evidence)));
    // The form no longer points at the suggestion's words.
    QVERIFY(!form->evidenceButton(victim)->isEnabled());
    QVERIFY(!form->evidenceButton(victim)->toolTip().contains(u"شركة الاتصالات الوطنية"_s));
    // Undo brings the suggestion back with its evidence.
    m_window->actions()->action(u"undo"_s)->trigger();
    QCOMPARE(storedField(workspacePath(), incident, u"victim"_s)->evidence.size(), 1);
    QVERIFY(form->evidenceButton(victim)->isEnabled());
}

void WorkbenchTest::titleColumnKeepsItsWidth()
{
    QVERIFY(openSampleFolder());
    auto *splitter = m_window->findChild<QSplitter *>(u"mainSplitter"_s);
    splitter->setSizes({380, 620, 400});
    ArticleListPanel *list = m_window->articleList();
    QTableView *table = list->table();
    QHeaderView *header = table->horizontalHeader();
    auto titleWidth = [header] { return header->sectionSize(ArticleTitleColumn); };
    QTRY_VERIFY(table->viewport()->width() > 200);
    const int minimum = table->viewport()->width() * 2 / 5;
    QVERIFY2(titleWidth() >= minimum, qPrintable(u"%1 < %2"_s.arg(titleWidth()).arg(minimum)));

    // A state change re-measures nothing that takes the title's room.
    QVERIFY(list->selectRow(0));
    m_window->actions()->action(u"markNoIncident"_s)->trigger();
    QCOMPARE(m_window->session()->articles()->index(0, 0).data(ReviewStateRole).toString(), u"reviewed"_s);
    QCoreApplication::processEvents();
    QVERIFY2(titleWidth() >= minimum, qPrintable(QString::number(titleWidth())));

    // Narrower and wider list: the title follows, never below 40% of the list.
    for (int width : {260, 330, 520}) {
        splitter->setSizes({width, 1400 - 400 - width, 400});
        QCoreApplication::processEvents();
        const int viewport = table->viewport()->width();
        QVERIFY2(titleWidth() >= viewport * 2 / 5 - 1,
                 qPrintable(u"list %1: title %2 of %3"_s.arg(width).arg(titleWidth()).arg(viewport)));
    }
    // With room to spare, the columns fill the list exactly.
    int total = 0;
    for (int section = 0; section < header->count(); ++section) {
        total += header->isSectionHidden(section) ? 0 : header->sectionSize(section);
    }
    QVERIFY2(total >= table->viewport()->width() - 1, qPrintable(u"%1 %2"_s.arg(total).arg(table->viewport()->width())));
}

void WorkbenchTest::searchBoxStripsTheQuerysClitics()
{
    QVERIFY(openSampleFolder());
    ArticleListPanel *list = m_window->articleList();
    ArticleListModel *model = m_window->session()->articles();
    const int plain = m_window->session()->workspace().searchCount(u"ميغا"_s);
    QVERIFY(plain >= 2);
    // بميغا and وميغا are ميغا with a clitic: the same articles, in the list and the count.
    for (const QString &query : {u"بميغا"_s, u"وميغا"_s}) {
        list->searchEdit()->clear();
        typeText(list->searchEdit(), query);
        QTest::keyClick(list->searchEdit(), Qt::Key_Return);
        QCOMPARE(model->matchingCount(), plain);
        QCOMPARE(m_window->session()->workspace().searchCount(query), plain);
    }
}

void WorkbenchTest::assigningSnapsToWholeWords()
{
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    QVERIFY(m_window->showArticle(article));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ArticleView *view = m_window->articleView();
    view->setFocus();
    // Half of the first word and half of the last: the whole name is assigned.
    const QString text = view->toPlainText();
    const int name = int(text.indexOf(u"شركة الاتصالات الوطنية"_s));
    QVERIFY(name >= 0);
    QTextCursor cursor(view->document());
    cursor.setPosition(name + 2);
    cursor.setPosition(name + int(u"شركة الاتصالات الوطني"_s.size()) - 2, QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+1"_s));
    const qint64 incident = m_window->incidentPanel()->currentIncidentId();
    QVERIFY(incident != 0);
    const std::optional<IncidentField> victim = storedField(workspacePath(), incident, u"victim"_s);
    QVERIFY(victim);
    QCOMPARE(victim->value, u"شركة الاتصالات الوطنية"_s);
    QCOMPARE(encodeEvidence(victim->evidence), u"%1:%2"_s.arg(name).arg(name + 22));
    // A clitic left of the selection stays out: مجموعة in "وتبنت مجموعة وميغا".
    const int actor = int(text.indexOf(u"ميغا باس"_s));
    cursor.setPosition(actor);
    cursor.setPosition(actor + 6, QTextCursor::KeepAnchor); // "ميغا ب"
    view->setTextCursor(cursor);
    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+2"_s));
    QCOMPARE(storedField(workspacePath(), incident, u"actor"_s)->value, u"ميغا باس"_s);
}

void WorkbenchTest::roundCountsInWordsAreApproximate()
{
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_half.txt"_s);
    QVERIFY(m_window->showArticle(article));
    ArticleView *view = m_window->articleView();
    const QString text = view->toPlainText();
    for (const auto &[phrase, qualifier] : {std::pair{u"نصف مليون مشترك"_s, u"approx"_s},
                                             std::pair{u"12500 حساب"_s, u"exact"_s}}) {
        const int start = int(text.indexOf(phrase));
        QVERIFY2(start >= 0, qPrintable(phrase));
        QTextCursor cursor(view->document());
        cursor.setPosition(start);
        cursor.setPosition(start + int(phrase.size()), QTextCursor::KeepAnchor);
        view->setTextCursor(cursor);
        m_window->actions()->action(u"assignRecords"_s)->trigger();
        const qint64 incident = m_window->incidentPanel()->currentIncidentId();
        QVERIFY(incident != 0);
        QCOMPARE(storedField(workspacePath(), incident, u"records_qualifier"_s)->value, qualifier);
    }
}

void WorkbenchTest::undoShowsTheArticleItChanges()
{
    QVERIFY(openSampleFolder());
    const qint64 awareness = articleId(u"ui_awareness.txt"_s);
    const qint64 ddos = articleId(u"ui_ddos.txt"_s);
    QVERIFY(m_window->showArticle(awareness));
    m_window->actions()->action(u"markNoIncident"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_state FROM articles WHERE id = ?"_s, {awareness}).toString(),
             u"reviewed"_s);
    QVERIFY(m_window->showArticle(ddos));
    m_window->actions()->action(u"undo"_s)->trigger();
    // The analyst sees the article the undo changed.
    QCOMPARE(m_window->currentArticleId(), awareness);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_state FROM articles WHERE id = ?"_s, {awareness}).toString(),
             u"new"_s);
    // Redo as well, even when the list filter hides the article.
    QVERIFY(m_window->showArticle(ddos));
    ArticleListPanel *list = m_window->articleList();
    typeText(list->searchEdit(), u"حجب"_s);
    list->applyFilterNow();
    QCOMPARE(m_window->session()->articles()->rowForArticle(awareness), -1);
    m_window->actions()->action(u"redo"_s)->trigger();
    QCOMPARE(m_window->currentArticleId(), awareness);
}

void WorkbenchTest::shortcutEditorRefusesTextEditingKeys()
{
    ShortcutEditor editor(m_window->actions());
    QVERIFY(!editor.assign(u"find"_s, QKeySequence(u"Ctrl+C"_s)));
    QVERIFY(editor.lastMessage().contains(u"Copy"_s));
    QVERIFY(!editor.assign(u"find"_s, QKeySequence(u"Ctrl+V"_s)));
    QVERIFY(!editor.assign(u"find"_s, QKeySequence(u"Ctrl+A"_s)));
    QCOMPARE(editor.shortcuts().value(u"find"_s), QKeySequence(u"Ctrl+F"_s));
    QVERIFY(editor.assign(u"find"_s, QKeySequence(u"Ctrl+Shift+K"_s)));
    // The registry refuses them too, whoever asks.
    QVERIFY(!m_window->actions()->setShortcut(u"find"_s, QKeySequence(u"Ctrl+X"_s)));
    QCOMPARE(m_window->actions()->shortcut(u"find"_s), QKeySequence(u"Ctrl+F"_s));
}

void WorkbenchTest::exportsStayOutOfTheArticleFolder()
{
    QVERIFY(openSampleFolder());
    // The workspace sits in the article folder; the export goes beside the folder.
    QVERIFY(ExportDialog::isInside(workspacePath(), m_folder));
    m_window->actions()->action(u"export"_s)->trigger();
    auto *dialog = m_window->findChild<ExportDialog *>();
    QVERIFY(dialog);
    const QString proposed = QDir::fromNativeSeparators(dialog->pathEdit()->text());
    QVERIFY2(!ExportDialog::isInside(proposed, m_folder), qPrintable(proposed));
    QCOMPARE(QFileInfo(proposed).absolutePath(), QFileInfo(m_folder).absolutePath());
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    // Typed into the folder, the export is refused with the reason.
    dialog->pathEdit()->setText(QDir(m_folder).filePath(u"out.jsonl"_s));
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->reject();
}

void WorkbenchTest::incidentKeysAndFocus()
{
    QVERIFY(openSampleFolder());
    const qint64 first = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(first != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->actions()->action(u"addIncident"_s)->trigger();
    const qint64 second = m_window->incidentPanel()->currentIncidentId();
    QVERIFY(second != 0 && second != first);
    IncidentPanel *panel = m_window->incidentPanel();

    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+I"_s));
    QTRY_VERIFY(panel->incidentView()->hasFocus());
    QTest::keySequence(m_window.get(), QKeySequence(u"Alt+PgUp"_s));
    QCOMPARE(panel->currentIncidentId(), first);
    // The field Enter confirms is marked in the form.
    FieldForm *form = panel->form();
    QVERIFY(form->currentRow() >= 0);
    QVERIFY(form->isMarkedCurrent(form->currentRow()));
    const QString field = m_window->session()->fields()->fieldNameAt(form->currentRow());
    QCOMPARE(storedField(workspacePath(), first, field)->origin, u"suggested"_s);
    QTest::keyClick(panel->incidentView(), Qt::Key_Return);
    QCOMPARE(storedField(workspacePath(), first, field)->origin, u"confirmed"_s);
    QVERIFY(panel->incidentView()->hasFocus());
    QTest::keySequence(m_window.get(), QKeySequence(u"Alt+PgDown"_s));
    QCOMPARE(panel->currentIncidentId(), second);
    QTest::keySequence(m_window.get(), QKeySequence(u"Alt+PgDown"_s));
    QCOMPARE(panel->currentIncidentId(), second); // the last one
}

void WorkbenchTest::ctrlEnterMovesToTheNextUndecidedIncident()
{
    QVERIFY(openSampleFolder());
    const qint64 first = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(first != 0);
    m_window->actions()->action(u"addIncident"_s)->trigger();
    const qint64 second = m_window->incidentPanel()->currentIncidentId();
    m_window->actions()->action(u"addIncident"_s)->trigger();
    const qint64 third = m_window->incidentPanel()->currentIncidentId();
    QVERIFY(m_window->incidentPanel()->selectIncident(second));
    m_window->actions()->action(u"rejectIncident"_s)->trigger();
    QVERIFY(m_window->incidentPanel()->selectIncident(first));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_status FROM incidents WHERE id = ?"_s, {first}).toString(),
             u"confirmed"_s);
    // The rejected one is decided: on to the third.
    QCOMPARE(m_window->incidentPanel()->currentIncidentId(), third);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_status FROM incidents WHERE id = ?"_s, {third}).toString(),
             u"confirmed"_s);
    QCOMPARE(m_window->incidentPanel()->currentIncidentId(), third); // nothing left to decide
}

void WorkbenchTest::findInArticleHighlightsFoldedMatches()
{
    QVERIFY(openSampleFolder());
    QVERIFY(m_window->showArticle(articleId(u"ui_breach.txt"_s)));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ArticlePane *pane = m_window->articlePane();
    ArticleView *view = m_window->articleView();
    QTest::keySequence(m_window.get(), QKeySequence(u"Ctrl+Shift+F"_s));
    QTRY_VERIFY(pane->findEdit()->hasFocus());
    typeText(pane->findEdit(), u"شركه"_s); // ta marbuta folded: finds شركة, الشركة
    const QString text = view->toPlainText();
    QCOMPARE(view->findMatches().size(), qsizetype(text.count(u"شركة"_s)));
    QVERIFY(view->findMatches().size() >= 2);
    QCOMPARE(pane->findCountLabel()->text(), u"1 / %1"_s.arg(view->findMatches().size()));
    // Every match is an extra selection, and the text keeps no character format.
    const QList<QTextEdit::ExtraSelection> selections = view->extraSelections();
    for (const auto &[start, end] : view->findMatches()) {
        QCOMPARE(text.mid(start, end - start), u"شركة"_s);
        QVERIFY(std::any_of(selections.cbegin(), selections.cend(), [&](const QTextEdit::ExtraSelection &s) {
            return s.cursor.selectionStart() == start && s.cursor.selectionEnd() == end;
        }));
        QTextCursor inside(view->document());
        inside.setPosition(start + 1);
        QCOMPARE(inside.charFormat().background().style(), Qt::NoBrush);
    }
    QTest::keyClick(pane->findEdit(), Qt::Key_Return);
    QCOMPARE(view->currentMatch(), 1);
    QTest::keyClick(view, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(view->currentMatch(), 0);
    // Alef forms and harakat do not matter either.
    pane->findEdit()->setText(u"اعلنت"_s);
    QCOMPARE(view->findMatches().size(), 1);
    QTest::keyClick(pane->findEdit(), Qt::Key_Escape);
    QVERIFY(!pane->isFinding());
    QVERIFY(view->findMatches().isEmpty());
}

void WorkbenchTest::notesAreKeptUndoneAndShownAgain()
{
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    const qint64 incident = seedIncident(article);
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    NoteEdit *articleNote = m_window->articlePane()->noteEdit();
    NoteEdit *incidentNote = m_window->incidentPanel()->noteEdit();
    QVERIFY(articleNote->isEnabled() && incidentNote->isEnabled());
    incidentNote->setFocus();
    QTRY_VERIFY(incidentNote->hasFocus());
    typeText(incidentNote, u"الرقم من المهاجمين"_s);
    QTest::keyClick(incidentNote, Qt::Key_Return); // a new line, not a confirmation
    QCOMPARE(storedField(workspacePath(), incident, u"victim"_s)->origin, u"suggested"_s);
    articleNote->setFocus(); // leaving the note writes it
    QTRY_VERIFY(articleNote->hasFocus());
    const QString noteSql = u"SELECT text FROM notes WHERE subject = ? AND subject_id = ?"_s;
    QCOMPARE(firstValueIn(workspacePath(), noteSql, {u"incident"_s, incident}).toString().trimmed(),
             u"الرقم من المهاجمين"_s);
    typeText(articleNote, u"مصدر واحد"_s);
    QTest::keySequence(m_window.get(), QKeySequence(u"Alt+Down"_s)); // moving on writes it too
    QVERIFY(m_window->currentArticleId() != article);
    QCOMPARE(firstValueIn(workspacePath(), noteSql, {u"article"_s, article}).toString(), u"مصدر واحد"_s);
    QVERIFY(articleNote->toPlainText().isEmpty()); // the next article has none
    // Back on the article, its note is shown; undo removes it, on the article it belongs to.
    QVERIFY(m_window->showArticle(article));
    QCOMPARE(articleNote->toPlainText(), u"مصدر واحد"_s);
    QVERIFY(m_window->showArticle(articleId(u"ui_ddos.txt"_s)));
    m_window->actions()->action(u"undo"_s)->trigger();
    QCOMPARE(m_window->currentArticleId(), article);
    QVERIFY(articleNote->toPlainText().isEmpty());
    QVERIFY(!firstValueIn(workspacePath(), noteSql, {u"article"_s, article}).isValid());
}

void WorkbenchTest::bulkActionsOnSelectedArticles()
{
    QVERIFY(openSampleFolder());
    ArticleListPanel *list = m_window->articleList();
    ArticleListModel *model = m_window->session()->articles();
    QVERIFY(list->selectRow(0));
    QTest::keyClick(list->table(), Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(list->table(), Qt::Key_Down, Qt::ShiftModifier);
    const QVector<qint64> ids = list->selectedArticleIds();
    QCOMPARE(ids.size(), 3);
    const int undoBefore = m_window->session()->undoStack()->count();
    m_window->actions()->action(u"bulkNoIncident"_s)->trigger();
    QCOMPARE(m_window->session()->undoStack()->count(), undoBefore + 1);
    for (qint64 id : ids) {
        QCOMPARE(firstValueIn(workspacePath(), u"SELECT review_state FROM articles WHERE id = ?"_s, {id}).toString(),
                 u"reviewed"_s);
        QCOMPARE(model->index(model->rowForArticle(id), 0).data(ReviewStateRole).toString(), u"reviewed"_s);
    }
    QCOMPARE(model->reviewedCount(), 3);
    m_window->actions()->action(u"undo"_s)->trigger();
    QCOMPARE(model->reviewedCount(), 0);
    // Reject all suggested, then mark reviewed: each one step.
    m_window->actions()->action(u"bulkRejectSuggested"_s)->trigger();
    QCOMPARE(firstValueIn(workspacePath(),
                          u"SELECT count(*) FROM incidents WHERE review_status = 'suggested' AND article_id IN (?, ?, ?)"_s,
                          {ids.at(0), ids.at(1), ids.at(2)})
                 .toInt(),
             0);
    m_window->actions()->action(u"undo"_s)->trigger();
    m_window->actions()->action(u"bulkMarkReviewed"_s)->trigger();
    QCOMPARE(model->reviewedCount(), 3);
    QCOMPARE(firstValueIn(workspacePath(),
                          u"SELECT count(*) FROM incidents WHERE review_status = 'suggested' AND article_id IN (?, ?, ?)"_s,
                          {ids.at(0), ids.at(1), ids.at(2)})
                 .toInt(),
             0);
}

void WorkbenchTest::reopensOnTheLastArticle()
{
    QVERIFY(openSampleFolder());
    const QString path = workspacePath();
    const qint64 article = articleId(u"ui_ddos.txt"_s);
    QVERIFY(m_window->showArticle(article));
    m_window->close();
    m_window.reset();
    MainWindow again;
    again.show();
    QVERIFY(again.openWorkspace(path));
    QCOMPARE(again.currentArticleId(), article);
}

void WorkbenchTest::jsonLinesCarryNotesAndFieldOrigins()
{
    QVERIFY(openSampleFolder());
    const qint64 article = articleId(u"ui_breach.txt"_s);
    const qint64 incident = seedIncident(article);
    QVERIFY(incident != 0);
    WorkspaceSession *session = m_window->session();
    QVERIFY(session->store()->setNote(ReviewStore::NoteSubject::Article, article, u"مصدر واحد \"فقط\""_s));
    QVERIFY(session->store()->setNote(ReviewStore::NoteSubject::Incident, incident, u"الرقم من المهاجمين"_s));
    QVERIFY(session->store()->confirmField(incident, u"victim"_s));
    QVERIFY(session->store()->setFieldValue(incident, u"actor"_s, u"مجموعة"_s));
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    QString error;
    ExportOptions options;
    options.status = StatusFilter::All;
    QVERIFY2(exportJsonLines(session->workspace(), out, options, &error), qPrintable(error));
    bool seen = false;
    for (const QByteArray &line : out.data().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(u"incident_id"_s).toString() == QString::number(incident)) {
            seen = true;
            const QJsonObject origins = object.value(u"field_origins"_s).toObject();
            QCOMPARE(origins.value(u"victim"_s).toString(), u"confirmed"_s);
            QCOMPARE(origins.value(u"actor"_s).toString(), u"corrected"_s);
            QCOMPARE(origins.value(u"victim_country"_s).toString(), u"suggested"_s);
            const QJsonObject notes = object.value(u"notes"_s).toObject();
            QCOMPARE(notes.value(u"article"_s).toString(), u"مصدر واحد \"فقط\""_s);
            QCOMPARE(notes.value(u"incident"_s).toString(), u"الرقم من المهاجمين"_s);
        } else if (!object.isEmpty()) {
            QVERIFY(object.value(u"notes"_s).toObject().isEmpty()); // no note, no key
            QVERIFY(object.contains(u"field_origins"_s));
        }
    }
    QVERIFY(seen);
}

void WorkbenchTest::lowSuggestionsAreNotFilledIn()
{
    QVERIFY(openSampleFolder());
    const qint64 incident = seedIncident(articleId(u"ui_breach.txt"_s));
    QVERIFY(incident != 0);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    IncidentFieldModel *fields = m_window->session()->fields();
    QCOMPARE(fields->lookBelow(), 0.5); // the default
    // The analyst wants to look at everything below 70%: the attack type
    // (60%) and the actor (50%); victim (80%) and country (90%) stay filled in.
    m_window->actions()->action(u"settings"_s)->trigger();
    auto *dialog = m_window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->lookBelowEdit()->value(), 50);
    dialog->lookBelowEdit()->setValue(70);
    dialog->accept();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(Settings::LookBelowPercent.value(), 70);
    QCOMPARE(fields->lookBelow(), 0.7);

    FieldForm *form = m_window->incidentPanel()->form();
    const int victim = fields->rowForField(u"victim"_s);
    const int actor = fields->rowForField(u"actor"_s);
    const int attack = fields->rowForField(u"attack_type"_s);
    auto *actorEdit = qobject_cast<QLineEdit *>(form->editor(actor));
    auto *attackBox = qobject_cast<QComboBox *>(form->editor(attack));
    QVERIFY(actorEdit && attackBox);
    QCOMPARE(qobject_cast<QLineEdit *>(form->editor(victim))->text(), u"شركة الاتصالات الوطنية"_s);
    QCOMPARE(actorEdit->text(), QString());
    QVERIFY2(actorEdit->placeholderText().contains(u"ميغا باس"_s), qPrintable(actorEdit->placeholderText()));
    QCOMPARE(attackBox->currentIndex(), -1);
    QVERIFY(!attackBox->placeholderText().isEmpty());

    // Passing through the empty editor writes nothing: the suggestion stays.
    form->setCurrentRow(actor);
    QTRY_VERIFY(actorEdit->hasFocus());
    form->setCurrentRow(victim);
    QCOMPARE(storedField(workspacePath(), incident, u"actor"_s)->origin, u"suggested"_s);
    QCOMPARE(storedField(workspacePath(), incident, u"actor"_s)->value, u"ميغا باس"_s);

    // Confirm accepts the suggestion it showed, which is then filled in.
    form->setCurrentRow(actor);
    QTRY_VERIFY(actorEdit->hasFocus());
    m_window->actions()->action(u"confirmField"_s)->trigger();
    QCOMPARE(storedField(workspacePath(), incident, u"actor"_s)->origin, u"confirmed"_s);
    QCOMPARE(storedField(workspacePath(), incident, u"actor"_s)->value, u"ميغا باس"_s);
    QCOMPARE(actorEdit->text(), u"ميغا باس"_s);

    // Choosing the suggested attack type in the list accepts it too.
    const int suggested = attackBox->findData(u"data_breach"_s);
    QVERIFY(suggested >= 0);
    attackBox->setCurrentIndex(suggested);
    emit attackBox->activated(suggested);
    QCOMPARE(storedField(workspacePath(), incident, u"attack_type"_s)->origin, u"confirmed"_s);

    // Off: every suggestion filled in.
    fields->setLookBelow(0.0);
    QCOMPARE(form->editor(victim)->toolTip(), QString());
}

QTEST_MAIN(WorkbenchTest)
#include "workbench_test.moc"
