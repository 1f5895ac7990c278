// Rolling backups (store/backup): a backup taken while another thread keeps
// committing is a sound, openable workspace holding whole transactions only;
// rotation keeps the newest K; a restore brings the analyst's decisions back,
// into a new file or over the workspace.

#include "store/backup.h"
#include "store/workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

int countIn(const QString &path, const QString &sql)
{
    Workspace workspace;
    if (!workspace.open(path, Workspace::Mode::ReadOnly)) {
        return -1;
    }
    QSqlQuery query(workspace.database());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

// One decision a restore must bring back: an audit row naming it.
bool decide(const QString &path, const QString &what)
{
    Workspace workspace;
    return workspace.open(path) && workspace.beginTransaction()
        && workspace.audit(u"Rana"_s, what, 1, QString(), u"confirmed"_s) && workspace.commit();
}

} // namespace

class BackupTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void backupWhileWritingIsConsistent();
    void rotationKeepsTheNewest_data();
    void rotationKeepsTheNewest();
    void restoreBringsBackTheDecisions();
    void restoreKeepsTheStateItReplaces_data();
    void restoreKeepsTheStateItReplaces();
    void restoreOfAFileThatIsNoWorkspaceChangesNothing();
    void folderDependsOnThePath();
};

void BackupTest::backupWhileWritingIsConsistent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"live.rasid"_s);
    {
        Workspace create;
        QVERIFY2(create.open(path), qPrintable(create.lastError()));
    }
    std::atomic<bool> stop{false};
    std::atomic<int> commits{0};
    // A writer of its own, as the GUI's thread would be: each transaction adds two rows.
    std::thread writer([&] {
        Workspace workspace;
        if (!workspace.open(path)) {
            return;
        }
        while (!stop.load()) {
            if (workspace.beginTransaction() && workspace.audit(u"w"_s, u"a"_s, 1, {}, {})
                && workspace.audit(u"w"_s, u"b"_s, 1, {}, {}) && workspace.commit()) {
                ++commits;
            }
        }
    });
    QElapsedTimer clock;
    while (commits.load() < 20) {
        QThread::msleep(5);
    }
    QVector<int> rows;
    qint64 slowest = 0;
    for (int i = 0; i < 5; ++i) {
        QString error;
        clock.start();
        const QString backup = WorkspaceBackup::write(path, dir.filePath(u"backups"_s), 10, &error);
        slowest = qMax(slowest, clock.elapsed());
        QVERIFY2(!backup.isEmpty(), qPrintable(error));
        Workspace copy;
        QVERIFY2(copy.open(backup, Workspace::Mode::ReadOnly), qPrintable(copy.lastError()));
        QString problem;
        QVERIFY2(copy.checkIntegrity(&problem), qPrintable(problem));
        copy.close();
        rows.append(countIn(backup, u"SELECT count(*) FROM audit"_s));
        QThread::msleep(20);
    }
    stop = true;
    writer.join();
    for (int n : rows) {
        QVERIFY2(n > 0 && n % 2 == 0, "a backup holds half a transaction");
    }
    QVERIFY2(rows.last() > rows.first(), "the writer went on while the backups were taken");
    QCOMPARE(WorkspaceBackup::list(dir.filePath(u"backups"_s)).size(), 5);
    qInfo("5 backups during %d commits, %d to %d audit rows, the slowest %lld ms", commits.load(), rows.first(),
          rows.last(), slowest);
}

void BackupTest::rotationKeepsTheNewest_data()
{
    QTest::addColumn<int>("written");
    QTest::addColumn<int>("keep");
    QTest::newRow("fewer than kept") << 3 << 5;
    QTest::newRow("more than kept") << 8 << 5;
    QTest::newRow("keep one") << 3 << 1;
}

void BackupTest::rotationKeepsTheNewest()
{
    QFETCH(int, written);
    QFETCH(int, keep);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.rasid"_s);
    {
        Workspace create;
        QVERIFY(create.open(path));
    }
    const QString folder = dir.filePath(u"backups"_s);
    QStringList paths;
    for (int i = 0; i < written; ++i) {
        QVERIFY(decide(path, u"decision %1"_s.arg(i)));
        paths << WorkspaceBackup::write(path, folder, keep);
        QVERIFY(!paths.last().isEmpty());
    }
    const QVector<BackupInfo> kept = WorkspaceBackup::list(folder);
    QCOMPARE(kept.size(), qMin(written, keep));
    for (int i = 0; i < kept.size(); ++i) {
        QCOMPARE(kept.at(i).path, paths.at(written - 1 - i)); // newest first
        QVERIFY(kept.at(i).bytes > 0);
    }
    QCOMPARE(countIn(kept.first().path, u"SELECT count(*) FROM audit"_s), written);
}

void BackupTest::restoreBringsBackTheDecisions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.rasid"_s);
    QVERIFY(decide(path, u"kept"_s));
    const QString folder = dir.filePath(u"backups"_s);
    const QString backup = WorkspaceBackup::write(path, folder, 5);
    QVERIFY(!backup.isEmpty());
    {
        Workspace workspace; // the decision is lost from the workspace after the backup
        QVERIFY(workspace.open(path));
        QSqlQuery wipe(workspace.database());
        QVERIFY(wipe.exec(u"DELETE FROM audit"_s));
    }
    QCOMPARE(countIn(path, u"SELECT count(*) FROM audit WHERE what = 'kept'"_s), 0);

    const QString restored = dir.filePath(u"restored.rasid"_s);
    QString error;
    QVERIFY2(WorkspaceBackup::copy(backup, restored, &error), qPrintable(error));
    QCOMPARE(countIn(restored, u"SELECT count(*) FROM audit WHERE what = 'kept'"_s), 1);

    // Over the workspace itself, keeping what it held as a backup first.
    QVERIFY(!WorkspaceBackup::write(path, folder, 5).isEmpty());
    QVERIFY2(WorkspaceBackup::copy(backup, path, &error), qPrintable(error));
    QCOMPARE(countIn(path, u"SELECT count(*) FROM audit WHERE what = 'kept'"_s), 1);
    const QVector<BackupInfo> backups = WorkspaceBackup::list(folder);
    QCOMPARE(backups.size(), 2);
    QCOMPARE(countIn(backups.first().path, u"SELECT count(*) FROM audit"_s), 0);
}

void BackupTest::restoreKeepsTheStateItReplaces_data()
{
    QTest::addColumn<int>("keep");
    QTest::newRow("keep 1: the rotation removes the chosen backup") << 1;
    QTest::newRow("keep 5") << 5;
}

void BackupTest::restoreKeepsTheStateItReplaces()
{
    QFETCH(int, keep);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.rasid"_s);
    const QString folder = dir.filePath(u"backups"_s);
    QVERIFY(decide(path, u"first"_s));
    const QString backup = WorkspaceBackup::write(path, folder, keep);
    QVERIFY(!backup.isEmpty());
    QVERIFY(decide(path, u"second"_s));

    QString error;
    const QString keptAs = WorkspaceBackup::restore(path, backup, folder, keep, &error);
    QVERIFY2(!keptAs.isEmpty(), qPrintable(error));
    QCOMPARE(countIn(path, u"SELECT count(*) FROM audit WHERE what = 'first'"_s), 1);
    QCOMPARE(countIn(path, u"SELECT count(*) FROM audit WHERE what = 'second'"_s), 0);
    QCOMPARE(countIn(keptAs, u"SELECT count(*) FROM audit WHERE what = 'second'"_s), 1);
    QCOMPARE(WorkspaceBackup::list(folder).size(), qMin(keep, 2));
    QVERIFY(!QFileInfo::exists(path + u".restoring"_s));
}

void BackupTest::restoreOfAFileThatIsNoWorkspaceChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.rasid"_s);
    QVERIFY(decide(path, u"kept"_s));
    const QString junk = dir.filePath(u"junk.rasid"_s);
    QFile file(junk);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QString error;
    QVERIFY(WorkspaceBackup::restore(path, junk, dir.filePath(u"backups"_s), 5, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(countIn(path, u"SELECT count(*) FROM audit WHERE what = 'kept'"_s), 1);
    QVERIFY(!QFileInfo::exists(path + u".restoring"_s));
}

void BackupTest::folderDependsOnThePath()
{
    const QString a = WorkspaceBackup::folderFor(u"/tmp/one/corpus.rasid"_s);
    const QString b = WorkspaceBackup::folderFor(u"/tmp/two/corpus.rasid"_s);
    QVERIFY(a != b);
    QVERIFY(a.contains(u"/backups/corpus-"_s));
    QCOMPARE(WorkspaceBackup::folderFor(u"/tmp/one/corpus.rasid"_s), a);
}

QTEST_GUILESS_MAIN(BackupTest)
#include "backup_test.moc"
