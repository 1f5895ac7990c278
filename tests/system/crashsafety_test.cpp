// Kills `rasid-cli import` with SIGKILL at several moments of a large import
// and checks that the workspace stays sound, that the analyst's earlier work
// is intact to the last row, and that a later import completes the folder with
// every file exactly once (DESIGN.md §8: killing the process at any moment
// loses no confirmed edit and a re-import resumes).

#include "extract/incident.h"
#include "store/importer.h"
#include "store/reviewstore.h"
#include "store/workspace.h"
#include "testcorpus.h"
#include "workspacecheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QSysInfo>
#include <QTest>

#include <sys/file.h>

using namespace Qt::StringLiterals;
using namespace Rasid;

using Rasid::WorkspaceCheck::damage;

namespace {

// Enough files for an import that lasts seconds, so that kills land in every
// phase; the whole test takes about 40 s in a debug build on two busy cores.
constexpr int kFiles = 3000;
// Imported and edited by the analyst before any import is killed.
constexpr int kFirstPart = 150;
const QString kAnalyst = u"Lina"_s;

enum KillAt {
    KillAtStart,       // as soon as the process exists (opening, scanning)
    KillWhenLocked,    // as soon as the workspace lock file appears (scanning)
    KillAfterArticles, // when this many more articles are visible to a reader
    KillWhileWriting,  // this many ms after the first new article is visible
};

using WorkspaceCheck::firstInt;


// Everything an import could break, as "what: count" lines that should all read 0.
QStringList inconsistencies(const Workspace &workspace)
{
    const QStringList checks = {
        // the same article file stored twice
        u"SELECT count(*) FROM (SELECT path FROM articles GROUP BY path HAVING count(*) > 1)"_s,
        // an imported file without its article, or with more than one (one article per file here)
        u"SELECT count(*) FROM files f WHERE f.status = 'imported' "
        "AND (SELECT count(*) FROM articles a WHERE a.file_id = f.id) != 1"_s,
        // an article written without the entities extraction found in it
        u"SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id)"_s,
        // our articles are all different, none missing, none failed
        u"SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL OR missing != 0"_s,
        u"SELECT count(*) FROM files WHERE status != 'imported'"_s,
        u"SELECT count(*) FROM problems"_s,
    };
    QStringList found;
    for (const QString &sql : checks) {
        const int count = firstInt(workspace, sql);
        if (count != 0) {
            found << u"%1: %2"_s.arg(sql).arg(count);
        }
    }
    return found;
}

// The analyst's work on the given articles, one readable line per stored row
// (review states, incidents with every field's provenance, entities), then the
// whole audit log and lexicon: a comparison names exactly what changed.
QStringList analystWork(Workspace &workspace, const QVector<qint64> &articleIds)
{
    const ReviewStore store(workspace, kAnalyst);
    QStringList lines;
    for (qint64 articleId : articleIds) {
        const ArticleReview review = store.articleReview(articleId);
        lines << u"article %1: %2%3"_s.arg(articleId).arg(review.state,
                                                          review.noIncident ? u", no incident"_s : QString());
        for (const IncidentRecord &incident : store.incidents(articleId)) {
            lines << u"  incident %1 #%2 %3 by '%4' at '%5' (%6)"_s.arg(incident.id)
                         .arg(incident.ordinal)
                         .arg(incident.reviewStatus, incident.analyst, incident.reviewedAt)
                         .arg(incident.confidence);
            for (const FieldRecord &field : incident.fields) {
                lines << u"    %1 = %2 (%3 %4 %5)"_s.arg(field.name, field.value, field.origin)
                             .arg(field.confidence)
                             .arg(encodeEvidence(field.evidence));
            }
        }
        for (const EntityRecord &entity : store.entities(articleId)) {
            lines << u"  entity %1 [%2, %3) %4 '%5' = '%6' (%7 %8)"_s.arg(entity.id)
                         .arg(entity.start)
                         .arg(entity.end)
                         .arg(entity.type, entity.text, entity.value, entity.origin)
                         .arg(entity.confidence);
        }
    }
    QSqlQuery audit(workspace.database());
    audit.prepare(u"SELECT id, analyst, at, what, subject_id, old_value, new_value FROM audit ORDER BY id"_s);
    if (!audit.exec()) {
        lines << u"audit unreadable: "_s + audit.lastError().text();
    }
    while (audit.next()) {
        QStringList cells;
        for (int c = 0; c < 7; ++c) {
            cells << audit.value(c).toString();
        }
        lines << u"audit "_s + cells.join(u" | "_s);
    }
    QSqlQuery lexicon(workspace.database());
    lexicon.prepare(u"SELECT id, surface, folded, type, value, analyst, created_at FROM lexicon ORDER BY id"_s);
    if (!lexicon.exec()) {
        lines << u"lexicon unreadable: "_s + lexicon.lastError().text();
    }
    while (lexicon.next()) {
        QStringList cells;
        for (int c = 0; c < 7; ++c) {
            cells << lexicon.value(c).toString();
        }
        lines << u"lexicon "_s + cells.join(u" | "_s);
    }
    return lines;
}

// Where two line lists part, for a failure message that names what was lost or changed.
QString firstDifference(const QStringList &actual, const QStringList &expected)
{
    for (qsizetype i = 0; i < qMax(actual.size(), expected.size()); ++i) {
        if (actual.value(i) != expected.value(i)) {
            return u"line %1: expected \"%2\", found \"%3\""_s.arg(i).arg(expected.value(i), actual.value(i));
        }
    }
    return {};
}

// The first entity-worthy name of an article's text: where the analyst marks one by hand.
std::pair<int, int> organisationSpan(const QString &text)
{
    for (const QString &name : TestCorpus::organisations()) {
        if (const qsizetype at = text.indexOf(name); at >= 0) {
            return {int(at), int(at + name.size())};
        }
    }
    return {-1, -1};
}

} // namespace

class CrashSafetyTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void killedImportLeavesTheWorkspaceIntact_data();
    void killedImportLeavesTheWorkspaceIntact();
    void nextImportCompletesTheFolderOnce();
    void leftoverLockFileOnlyRefusesWhileItsOwnerLives_data();
    void leftoverLockFileOnlyRefusesWhileItsOwnerLives();
    void cleanupTestCase();

private:
    QString lockPath() const { return m_workspacePath + u".lock"_s; }
    void startImport(QProcess &process) const;
    int articleCount() const;

    QTemporaryDir m_dir;
    QString m_folder;
    QString m_workspacePath;
    QVector<qint64> m_firstIds;
    QStringList m_work; // analystWork() after the edits, before any kill
    QElapsedTimer m_clock;
};

void CrashSafetyTest::startImport(QProcess &process) const
{
    process.setProgram(QStringLiteral(RASID_CLI_PATH));
    process.setArguments({u"import"_s, m_folder, u"--workspace"_s, m_workspacePath, u"--quiet"_s});
    process.start();
}

int CrashSafetyTest::articleCount() const
{
    Workspace reader;
    return reader.open(m_workspacePath, Workspace::Mode::ReadOnly) ? firstInt(reader, u"SELECT count(*) FROM articles"_s)
                                                                    : -1;
}

void CrashSafetyTest::initTestCase()
{
    m_clock.start();
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(RASID_CLI_PATH)), "build the rasid-cli target first");
    m_folder = m_dir.filePath(u"corpus"_s);
    m_workspacePath = m_dir.filePath(u"corpus.rasid"_s); // beside the folder, not in it
    QVERIFY(TestCorpus::writeArticles(m_folder, 0, kFirstPart));

    // The first import and a session of review, through the same code as the GUI.
    Workspace workspace;
    QVERIFY2(workspace.open(m_workspacePath), qPrintable(workspace.lastError()));
    {
        Importer importer;
        ImportOptions options;
        options.folder = m_folder;
        const ImportSummary summary = importer.run(workspace, options);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.articles, kFirstPart);
    }
    QSqlQuery ids(workspace.database());
    QVERIFY(ids.exec(u"SELECT id FROM articles ORDER BY id"_s));
    while (ids.next()) {
        m_firstIds.append(ids.value(0).toLongLong());
    }
    QCOMPARE(m_firstIds.size(), kFirstPart);

    ReviewStore store(workspace, kAnalyst);
    // Every article of the corpus gets proposals; take the first ones in order.
    auto firstIncident = [&](int article) {
        const QVector<IncidentRecord> incidents = store.incidents(m_firstIds.at(article));
        return incidents.isEmpty() ? qint64(0) : incidents.first().id;
    };
    const qint64 confirmed = firstIncident(0);
    const qint64 corrected = firstIncident(1);
    const qint64 rejected = firstIncident(2);
    QVERIFY(confirmed && corrected && rejected);
    QVERIFY2(store.confirmIncident(confirmed), qPrintable(store.lastError()));
    QVERIFY2(store.setFieldValue(corrected, u"victim"_s, u"مصرف التنمية الريفية - فرع الشمال"_s),
             qPrintable(store.lastError()));
    QVERIFY2(store.setFieldValue(corrected, u"records_affected"_s, u"12500"_s), qPrintable(store.lastError()));
    QVERIFY2(store.confirmField(corrected, u"attack_type"_s), qPrintable(store.lastError()));
    QVERIFY2(store.rejectIncident(rejected), qPrintable(store.lastError()));

    IncidentField victim;
    victim.name = u"victim"_s;
    victim.value = u"شركة النقل البحري"_s;
    IncidentField attack;
    attack.name = u"attack_type"_s;
    attack.value = u"ransomware"_s;
    QVERIFY2(store.addIncident(m_firstIds.at(3), {victim, attack}) > 0, qPrintable(store.lastError()));

    const qint64 entityArticle = m_firstIds.at(4);
    const auto [start, end] = organisationSpan(store.article(entityArticle).text);
    QVERIFY(start >= 0);
    const QVector<EntityRecord> entities = store.entities(entityArticle);
    QVERIFY(entities.size() >= 2);
    QVERIFY2(store.removeEntity(entities.at(0).id), qPrintable(store.lastError()));
    QVERIFY2(store.changeEntityType(entities.at(1).id, u"threat_actor"_s), qPrintable(store.lastError()));
    QVERIFY2(store.addEntity(entityArticle, start, end, u"organization"_s) > 0, qPrintable(store.lastError()));

    QVERIFY2(store.markNoIncident(m_firstIds.at(5)), qPrintable(store.lastError()));
    QVERIFY2(store.applyEntityToCorpus(u"الظل الأزرق"_s, u"threat_actor"_s, u"الظل الأزرق"_s) > 0,
             qPrintable(store.lastError()));

    m_work = analystWork(workspace, m_firstIds);
    QVERIFY(m_work.filter(u"confirmed by 'Lina'"_s).size() == 1);
    QVERIFY(m_work.filter(u"(corrected"_s).size() >= 3);
    QVERIFY(m_work.filter(u"audit "_s).size() >= 8);
    workspace.close();
    QVERIFY(!QFile::exists(lockPath()));

    // The rest of the folder arrives; every later import has it to do.
    QVERIFY(TestCorpus::writeArticles(m_folder, kFirstPart, kFiles - kFirstPart));
    qInfo("corpus of %d files written, %d imported and reviewed, in %lld ms", kFiles, kFirstPart,
          static_cast<long long>(m_clock.elapsed()));
}

void CrashSafetyTest::killedImportLeavesTheWorkspaceIntact_data()
{
    QTest::addColumn<int>("killAt");
    QTest::addColumn<int>("amount");

    // Rows run in this order on the same workspace, as repeated crashes would:
    // each import resumes where the last one stopped.
    QTest::newRow("right after start") << int(KillAtStart) << 0;
    QTest::newRow("while scanning, holding the lock") << int(KillWhenLocked) << 0;
    QTest::newRow("after the first batch") << int(KillAfterArticles) << 1;
    QTest::newRow("150 ms into the writing") << int(KillWhileWriting) << 150;
    QTest::newRow("after 200 more articles") << int(KillAfterArticles) << 200;
    QTest::newRow("400 ms into the writing") << int(KillWhileWriting) << 400;
    QTest::newRow("after 400 more articles") << int(KillAfterArticles) << 400;
}

void CrashSafetyTest::killedImportLeavesTheWorkspaceIntact()
{
    QFETCH(int, killAt);
    QFETCH(int, amount);

    const int before = articleCount();
    QVERIFY2(before >= kFirstPart && before < kFiles, "earlier rows imported the whole folder: raise kFiles");
    QVERIFY(!QFile::exists(lockPath()));

    QProcess import;
    startImport(import);
    QVERIFY2(import.waitForStarted(10000), qPrintable(import.errorString()));
    const qint64 pid = import.processId();
    QElapsedTimer clock;
    clock.start();
    qint64 writingSince = -1;
    Workspace reader; // opened once the process runs, as a second reader would
    for (bool kill = false; !kill;) {
        if (import.state() == QProcess::NotRunning) {
            QFAIL(qPrintable(u"the import ended before the kill (%1 ms): %2"_s.arg(clock.elapsed())
                                 .arg(QString::fromLocal8Bit(import.readAllStandardError()))));
        }
        switch (KillAt(killAt)) {
        case KillAtStart:
            kill = true;
            break;
        case KillWhenLocked:
            kill = QFile::exists(lockPath());
            break;
        case KillAfterArticles:
        case KillWhileWriting: {
            if (!reader.isOpen()) {
                QVERIFY2(reader.open(m_workspacePath, Workspace::Mode::ReadOnly), qPrintable(reader.lastError()));
            }
            const int now = firstInt(reader, u"SELECT count(*) FROM articles"_s);
            QVERIFY2(now >= before, "a reader saw articles disappear during the import");
            if (killAt == KillAfterArticles) {
                kill = now >= before + amount;
            } else if (writingSince < 0 && now > before) {
                writingSince = clock.elapsed();
            }
            kill = kill || (writingSince >= 0 && clock.elapsed() - writingSince >= amount);
            break;
        }
        }
        if (!kill) {
            QVERIFY2(clock.elapsed() < 120000, "the import made no progress for two minutes");
            QTest::qWait(killAt == KillWhenLocked ? 2 : 10);
        }
    }
    const bool locked = QFile::exists(lockPath());
    const qint64 killedAfter = clock.elapsed();
    import.kill(); // SIGKILL: no handler, no cleanup, no unlock
    QVERIFY(import.waitForFinished(10000));
    QCOMPARE(import.exitStatus(), QProcess::CrashExit);
    reader.close();

    if (locked) {
        // The dead process's lock is left behind, and it must not lock the analyst out.
        QVERIFY(QFile::exists(lockPath()));
        QLockFile lock(lockPath());
        qint64 owner = 0;
        QString host;
        QString application;
        if (lock.getLockInfo(&owner, &host, &application)) {
            QCOMPARE(owner, pid);
        } else {
            qInfo("killed between creating the lock file and writing its owner into it");
        }
    }
    Workspace workspace;
    QVERIFY2(workspace.open(m_workspacePath), qPrintable(workspace.lastError()));
    const QStringList broken = damage(workspace) + inconsistencies(workspace);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    const int after = firstInt(workspace, u"SELECT count(*) FROM articles"_s);
    QVERIFY(after >= before);
    QCOMPARE(firstInt(workspace, u"SELECT count(*) FROM files"_s), after);
    const QStringList work = analystWork(workspace, m_firstIds);
    QVERIFY2(work == m_work, qPrintable(firstDifference(work, m_work)));
    qInfo("killed %lld ms after start%s: %d articles stored, %d of them new", static_cast<long long>(killedAfter),
          locked ? " holding the lock" : "", after, after - before);
}

void CrashSafetyTest::nextImportCompletesTheFolderOnce()
{
    const int before = articleCount();
    QVERIFY(before < kFiles);
    QProcess import;
    startImport(import);
    QVERIFY2(import.waitForStarted(10000), qPrintable(import.errorString()));
    QVERIFY2(import.waitForFinished(240000), "the import did not finish in four minutes");
    QCOMPARE(import.exitStatus(), QProcess::NormalExit);
    QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
    QVERIFY(!QFile::exists(lockPath()));

    Workspace workspace;
    QVERIFY2(workspace.open(m_workspacePath), qPrintable(workspace.lastError()));
    const QStringList broken = damage(workspace) + inconsistencies(workspace);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    QCOMPARE(firstInt(workspace, u"SELECT count(*) FROM articles"_s), kFiles);
    QCOMPARE(firstInt(workspace, u"SELECT count(DISTINCT path) FROM articles"_s), kFiles);
    QCOMPARE(firstInt(workspace, u"SELECT count(*) FROM files"_s), kFiles);
    QCOMPARE(workspace.stats().articles, kFiles);
    // Every file of the folder, by name, exactly once.
    QSqlQuery paths(workspace.database());
    QVERIFY(paths.exec(u"SELECT path FROM articles ORDER BY path"_s));
    for (int n = 0; n < kFiles; ++n) {
        QVERIFY(paths.next());
        QCOMPARE(paths.value(0).toString(), TestCorpus::articlePath(n));
    }
    const QStringList work = analystWork(workspace, m_firstIds);
    QVERIFY2(work == m_work, qPrintable(firstDifference(work, m_work)));
    qInfo("the last import stored the remaining %d articles", kFiles - before);
}

void CrashSafetyTest::leftoverLockFileOnlyRefusesWhileItsOwnerLives_data()
{
    QTest::addColumn<QString>("owner"); // what the lock file holds
    QTest::addColumn<bool>("ownerAlive");
    QTest::addColumn<bool>("opens");

    // QLockFile creates the file, takes an flock on it, then writes the owner:
    // a process killed in between leaves an empty file that names nobody.
    QTest::newRow("empty, its process killed as it created it") << u"empty"_s << false << true;
    QTest::newRow("empty, its process alive and writing it") << u"empty"_s << true << false;
    QTest::newRow("naming a process that has exited") << u"exited"_s << false << true;
    QTest::newRow("naming a live process") << u"live"_s << true << false;
}

void CrashSafetyTest::leftoverLockFileOnlyRefusesWhileItsOwnerLives()
{
    QFETCH(QString, owner);
    QFETCH(bool, ownerAlive);
    QFETCH(bool, opens);

    const QString workspacePath = m_dir.filePath(u"leftover.rasid"_s);
    {
        Workspace create;
        QVERIFY2(create.open(workspacePath), qPrintable(create.lastError()));
    }
    const QString lockPath = workspacePath + u".lock"_s;
    QProcess process; // the owner named in the file; QLockFile checks its pid and program name
    if (owner != u"empty") {
        process.start(u"sleep"_s, {u"60"_s});
        QVERIFY(process.waitForStarted(10000));
    }
    const qint64 pid = process.processId();
    if (owner == u"exited") {
        process.kill();
        QVERIFY(process.waitForFinished(10000));
    }
    QFile file(lockPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    if (owner != u"empty") {
        file.write(QByteArray::number(pid) + "\nsleep\n" + QSysInfo::machineHostName().toUtf8() + '\n');
        file.flush();
    }
    // A live owner keeps an flock on its lock file, whatever it has written yet.
    QVERIFY(!ownerAlive || ::flock(file.handle(), LOCK_EX | LOCK_NB) == 0);

    Workspace workspace;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(workspace.open(workspacePath), opens);
    QVERIFY2(clock.elapsed() < 1000, "opening waited for the lock");
    if (opens) {
        workspace.close();
        QVERIFY(!QFile::exists(lockPath));
    } else {
        QVERIFY2(workspace.lastError().contains(u"already open for writing"_s), qPrintable(workspace.lastError()));
        QVERIFY(QFile::exists(lockPath)); // a live owner's file is never taken away
    }
    file.close(); // releases the flock
    QFile::remove(lockPath);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(10000);
    }
}

void CrashSafetyTest::cleanupTestCase()
{
    qInfo("crash safety run took %lld ms", static_cast<long long>(m_clock.elapsed()));
}

QTEST_GUILESS_MAIN(CrashSafetyTest)
#include "crashsafety_test.moc"
