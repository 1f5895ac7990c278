// Rolling backups of the open workspace (BackupScheduler) and File › Restore
// from Backup, driven through the main window.

#include "actionregistry.h"
#include "backupscheduler.h"
#include "mainwindow.h"
#include "restorebackupdialog.h"
#include "settingkeys.h"
#include "settingsdialog.h"
#include "store/backup.h"
#include "store/reviewstore.h"
#include "testfiles.h"
#include "testsettings.h"
#include "workspacesession.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Rasid;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kFirst = "تسريب بيانات شركة الاتصالات\n\nأعلنت شركة الاتصالات الوطنية اليوم تسرب بيانات "
                          "مليون مشترك بعد هجوم إلكتروني على خوادمها.\n";
const QByteArray kSecond = "هجوم على موقع الوزارة\n\nتعرض موقع وزارة التعليم لهجوم حجب الخدمة مساء أمس.\n";

} // namespace

class BackupGuiTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void editingStartsABackupAfterTheInterval();
    void noEditNoBackup();
    void closingBacksUpWhatChanged();
    void theNewestAreKept_data();
    void theNewestAreKept();
    void restoreBringsBackTheBackupAndKeepsTheCurrentState();
    void restoreDialogListsTheBackupsNewestFirst();
    void restoreIsInTheFileMenu();
    void backupSettingsRoundTrip();

private:
    QString workspacePath() const { return m_window->session()->path(); }
    qint64 firstArticle() const
    {
        return m_window->session()->articleIdForPath(u"first.txt"_s);
    }
    QString note() const
    {
        return m_window->session()->store()->note(ReviewStore::NoteSubject::Article, firstArticle());
    }
    bool setNote(const QString &text)
    {
        return m_window->session()->store()->setNote(ReviewStore::NoteSubject::Article, firstArticle(), text);
    }
    QVector<BackupInfo> backups() const { return WorkspaceBackup::list(WorkspaceBackup::folderFor(m_path)); }
    // The article note stored in a backup (opened as a copy).
    QString noteIn(const QString &backup);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_folder;
    QString m_path;
};

void BackupGuiTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"backupgui_test"_s, m_settingsDir.path());
}

void BackupGuiTest::init()
{
    QSettings settings;
    settings.clear();
    Settings::AnalystName.setValue(settings, u"سارة"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    m_folder = m_dir->filePath(u"corpus"_s);
    QVERIFY(TestFiles::writeFile(QDir(m_folder).filePath(u"first.txt"_s), kFirst));
    QVERIFY(TestFiles::writeFile(QDir(m_folder).filePath(u"second.txt"_s), kSecond));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->openFolder(m_folder));
    QVERIFY(finished.wait(60000));
    m_path = workspacePath();
    QVERIFY(firstArticle() > 0);
    // Every test starts without backups of its workspace.
    QDir(WorkspaceBackup::folderFor(m_path)).removeRecursively();
}

void BackupGuiTest::cleanup()
{
    if (m_window) {
        m_window->backups()->waitForIdle();
    }
    m_window.reset();
    QDir(WorkspaceBackup::folderFor(m_path)).removeRecursively();
    m_dir.reset();
}

QString BackupGuiTest::noteIn(const QString &backup)
{
    const QString copy = m_dir->filePath(u"look-%1.rasid"_s.arg(QDateTime::currentMSecsSinceEpoch()));
    if (!WorkspaceBackup::copy(backup, copy)) {
        return u"(copy failed)"_s;
    }
    QString error;
    std::unique_ptr<WorkspaceSession> session = WorkspaceSession::open(copy, u"test"_s, &error);
    if (!session) {
        return u"(open failed: %1)"_s.arg(error);
    }
    const qint64 id = session->articleIdForPath(u"first.txt"_s);
    return session->store()->note(ReviewStore::NoteSubject::Article, id);
}

void BackupGuiTest::editingStartsABackupAfterTheInterval()
{
    BackupScheduler *scheduler = m_window->backups();
    scheduler->setPolicy(true, 300, 5);
    QSignalSpy written(scheduler, &BackupScheduler::backupWritten);
    QVERIFY(setNote(u"ملاحظة أولى"_s));
    QVERIFY(scheduler->hasUnsavedEdits());
    QCOMPARE(written.count(), 0); // not at once: after the interval
    QVERIFY(written.wait(10000));
    QCOMPARE(written.count(), 1);
    QCOMPARE(written.at(0).at(0).toString(), m_path);
    const QString backup = written.at(0).at(1).toString();
    QVERIFY(QFileInfo::exists(backup));
    QVERIFY(!scheduler->hasUnsavedEdits());
    QCOMPARE(backups().size(), 1);
    QCOMPARE(noteIn(backup), u"ملاحظة أولى"_s);
}

void BackupGuiTest::noEditNoBackup()
{
    BackupScheduler *scheduler = m_window->backups();
    scheduler->setPolicy(true, 100, 5);
    QSignalSpy written(scheduler, &BackupScheduler::backupWritten);
    QTest::qWait(600);
    QCOMPARE(written.count(), 0);
    m_window->closeWorkspace();
    scheduler->waitForIdle();
    QCOMPARE(written.count(), 0);
    QCOMPARE(backups().size(), 0);
    // Turned off: edits are not backed up, not even on close.
    QVERIFY(m_window->openWorkspace(m_path));
    scheduler->setPolicy(false, 100, 5);
    QVERIFY(setNote(u"لا نسخة"_s));
    QTest::qWait(500);
    m_window->closeWorkspace();
    scheduler->waitForIdle();
    QCOMPARE(backups().size(), 0);
}

void BackupGuiTest::closingBacksUpWhatChanged()
{
    BackupScheduler *scheduler = m_window->backups();
    scheduler->setPolicy(true, 60 * 60 * 1000, 5);
    QSignalSpy written(scheduler, &BackupScheduler::backupWritten);
    QVERIFY(setNote(u"قبل الإغلاق"_s));
    m_window->closeWorkspace();
    scheduler->waitForIdle();
    QCOMPARE(written.count(), 1);
    QCOMPARE(noteIn(backups().constFirst().path), u"قبل الإغلاق"_s);
}

void BackupGuiTest::theNewestAreKept_data()
{
    QTest::addColumn<int>("keep");
    QTest::addColumn<int>("written");
    QTest::newRow("keep 1 of 3") << 1 << 3;
    QTest::newRow("keep 2 of 4") << 2 << 4;
    QTest::newRow("keep 5 of 2") << 5 << 2;
}

void BackupGuiTest::theNewestAreKept()
{
    QFETCH(int, keep);
    QFETCH(int, written);
    BackupScheduler *scheduler = m_window->backups();
    scheduler->setPolicy(true, 60 * 60 * 1000, keep);
    for (int i = 0; i < written; ++i) {
        QVERIFY(setNote(u"ملاحظة %1"_s.arg(i)));
        scheduler->backupNow();
        scheduler->waitForIdle();
    }
    const QVector<BackupInfo> kept = backups();
    QCOMPARE(kept.size(), qMin(keep, written));
    QCOMPARE(noteIn(kept.constFirst().path), u"ملاحظة %1"_s.arg(written - 1));
}

void BackupGuiTest::restoreBringsBackTheBackupAndKeepsTheCurrentState()
{
    BackupScheduler *scheduler = m_window->backups();
    scheduler->setPolicy(true, 60 * 60 * 1000, 5);
    QVERIFY(setNote(u"الحالة الأولى"_s));
    scheduler->backupNow();
    scheduler->waitForIdle();
    const QString first = backups().constFirst().path;
    QVERIFY(setNote(u"الحالة الثانية"_s));

    QSignalSpy restored(m_window.get(), &MainWindow::backupRestored);
    QSignalSpy done(scheduler, &BackupScheduler::restored);
    QVERIFY(m_window->restoreBackup(first));
    QVERIFY(restored.wait(30000));
    QCOMPARE(restored.at(0).at(0).toBool(), true);
    QVERIFY(m_window->session());
    QCOMPARE(workspacePath(), m_path);
    QCOMPARE(note(), u"الحالة الأولى"_s);
    // The state before the restore is a backup of its own: restoring it undoes the restore.
    const QString keptAs = done.at(0).at(2).toString();
    QVERIFY(QFileInfo::exists(keptAs));
    QCOMPARE(noteIn(keptAs), u"الحالة الثانية"_s);
    QVERIFY(m_window->restoreBackup(keptAs));
    QVERIFY(restored.wait(30000));
    QCOMPARE(restored.at(1).at(0).toBool(), true);
    QCOMPARE(note(), u"الحالة الثانية"_s);
    // Editing goes on in the restored workspace.
    QVERIFY(setNote(u"بعد الاستعادة"_s));
    QCOMPARE(note(), u"بعد الاستعادة"_s);

    // A backup that is not a workspace is refused, and the workspace stays as it was.
    const QString junk = m_dir->filePath(u"junk.rasid"_s);
    QVERIFY(TestFiles::writeFile(junk, QByteArray(4096, 'x')));
    QVERIFY(m_window->restoreBackup(junk));
    QVERIFY(restored.wait(30000));
    QCOMPARE(restored.at(2).at(0).toBool(), false);
    QVERIFY(m_window->session());
    QCOMPARE(note(), u"بعد الاستعادة"_s);
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QDialog *>(widget); box && box->isVisible()) {
            box->close();
        }
    }
}

void BackupGuiTest::restoreDialogListsTheBackupsNewestFirst()
{
    {
        RestoreBackupDialog none(m_path, m_window.get());
        QCOMPARE(none.list()->topLevelItemCount(), 0);
        QCOMPARE(none.chosenBackup(), QString());
        auto *restore = none.findChild<QPushButton *>(u"restore"_s);
        QVERIFY(restore);
        QVERIFY(!restore->isEnabled());
    }
    BackupScheduler *scheduler = m_window->backups();
    for (int i = 0; i < 3; ++i) {
        QVERIFY(setNote(u"نسخة %1"_s.arg(i)));
        scheduler->backupNow();
        scheduler->waitForIdle();
    }
    RestoreBackupDialog dialog(m_path, m_window.get());
    const QVector<BackupInfo> all = backups();
    QCOMPARE(dialog.list()->topLevelItemCount(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(dialog.list()->topLevelItem(i)->data(0, Qt::UserRole).toString(), all.at(i).path);
        QVERIFY(!dialog.list()->topLevelItem(i)->text(1).isEmpty()); // its size
    }
    QCOMPARE(dialog.chosenBackup(), all.constFirst().path); // the newest is chosen
    dialog.list()->setCurrentItem(dialog.list()->topLevelItem(2));
    QCOMPARE(dialog.chosenBackup(), all.at(2).path);
}

void BackupGuiTest::restoreIsInTheFileMenu()
{
    QAction *action = m_window->actions()->action(u"restoreBackup"_s);
    QVERIFY(action);
    bool inFileMenu = false;
    for (QAction *menu : m_window->menuBar()->actions()) {
        inFileMenu = inFileMenu || (menu->menu() && menu->menu()->actions().contains(action) && menu == m_window->menuBar()->actions().constFirst());
    }
    QVERIFY(inFileMenu);
    QVERIFY(action->isEnabled());
    action->trigger();
    auto *dialog = m_window->findChild<RestoreBackupDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->reject();
    m_window->closeWorkspace();
    QVERIFY(!action->isEnabled());
}

void BackupGuiTest::backupSettingsRoundTrip()
{
    Preferences preferences = m_window->preferences();
    QCOMPARE(preferences.backupEnabled, true); // on by default
    QCOMPARE(preferences.backupEveryMinutes, 10);
    QCOMPARE(preferences.backupKeep, 5);
    SettingsDialog dialog(preferences, m_window->actions());
    dialog.backupEveryEdit()->setValue(3);
    dialog.backupKeepEdit()->setValue(8);
    dialog.backupEnabledEdit()->setChecked(false);
    QVERIFY(!dialog.backupEveryEdit()->isEnabled());
    const Preferences chosen = dialog.preferences();
    QCOMPARE(chosen.backupEveryMinutes, 3);
    QCOMPARE(chosen.backupKeep, 8);
    QCOMPARE(chosen.backupEnabled, false);
    m_window->applyPreferences(chosen);
    QVERIFY(!m_window->backups()->isEnabled());
    QCOMPARE(m_window->backups()->keep(), 8);
    QSettings settings;
    QCOMPARE(Settings::BackupEveryMinutes.value(settings), 3);
    QCOMPARE(Settings::BackupKeep.value(settings), 8);
    QCOMPARE(Settings::BackupEnabled.value(settings), false);
}

QTEST_MAIN(BackupGuiTest)
#include "backupgui_test.moc"
