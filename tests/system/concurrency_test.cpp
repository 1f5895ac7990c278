// Several processes and threads on one workspace (DESIGN.md §8): a second
// writer gets a clear refusal instead of a corrupt file, readers (the GUI's
// list, stats, search, a CLI export) keep working while an import writes, and
// the analyst's edits commit while the GUI's import thread writes batches.

#include "export/exporter.h"
#include "extract/incident.h"
#include "itemmodels/articlelistmodel.h"
#include "store/importer.h"
#include "store/reviewstore.h"
#include "store/workspace.h"
#include "testcorpus.h"
#include "workspacecheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Rasid;

using Rasid::WorkspaceCheck::damage;

namespace {

// Long enough that an import with extraction lasts seconds in any build.
constexpr int kFiles = 3000;
// The busy timeout every workspace connection uses.
constexpr int kBusyTimeoutMs = 5000;

using WorkspaceCheck::firstInt;

QString incidentCountSql()
{
    return u"SELECT count(*) FROM incidents WHERE review_status != 'rejected'"_s; // what export writes by default
}


// RFC 4180 records (quoted cells may hold commas, quotes and line breaks);
// false when the text is not well-formed CSV.
bool parseCsv(const QString &text, QVector<QStringList> *records)
{
    QStringList record;
    QString cell;
    bool quoted = false;
    bool afterQuote = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c != u'"') {
                cell += c;
            } else if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += c;
                ++i;
            } else {
                quoted = false;
                afterQuote = true;
            }
        } else if (c == u'"' && cell.isEmpty() && !afterQuote) {
            quoted = true;
        } else if (c == u',') {
            record << cell;
            cell.clear();
            afterQuote = false;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << cell;
            records->append(record);
            record.clear();
            cell.clear();
            afterQuote = false;
            ++i;
        } else if (afterQuote || c == u'"') {
            return false; // text after a closing quote, or a stray quote
        } else {
            cell += c;
        }
    }
    return !quoted && cell.isEmpty() && record.isEmpty(); // every record ends with CRLF
}

// Collects every warning that says the database was locked or busy, whichever
// connection or thread printed it; the workspace layer logs each failed query.
QMutex s_lockMessagesMutex;
QStringList s_lockMessages;
QtMessageHandler s_previousHandler = nullptr;

void recordLockMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // SQLite's texts for SQLITE_BUSY and SQLITE_LOCKED: "database is locked", "database table is locked".
    if (message.contains(u"is locked"_s, Qt::CaseInsensitive)) {
        const QMutexLocker locker(&s_lockMessagesMutex);
        s_lockMessages << message;
    }
    s_previousHandler(type, context, message);
}

QStringList takeLockMessages()
{
    const QMutexLocker locker(&s_lockMessagesMutex);
    return std::exchange(s_lockMessages, {});
}

} // namespace

class ConcurrencyTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void secondImportIsRefusedWhileTheFirstRuns();
    void writingOpenFailsAtOnceWhileAnImportHoldsTheLock();
    void readersAndExportWorkWhileAnImportWrites();
    void analystEditsCommitWhileTheImportThreadWrites();

private:
    QString newWorkspace(const QString &name) const { return m_dir.filePath(name + u".rasid"_s); }
    bool startImport(QProcess &process, const QString &workspace, const QStringList &extra = {}) const;
    // Waits until a reader sees the import's first articles (it holds the lock and writes).
    bool waitUntilWriting(QProcess &import, const QString &workspace) const;

    QTemporaryDir m_dir;
    QString m_folder;
};

bool ConcurrencyTest::startImport(QProcess &process, const QString &workspace, const QStringList &extra) const
{
    process.setProgram(QStringLiteral(RASID_CLI_PATH));
    process.setArguments(QStringList{u"import"_s, m_folder, u"--workspace"_s, workspace, u"--quiet"_s} + extra);
    process.start();
    return process.waitForStarted(10000);
}

bool ConcurrencyTest::waitUntilWriting(QProcess &import, const QString &workspace) const
{
    QElapsedTimer clock;
    clock.start();
    while (import.state() == QProcess::Running && clock.elapsed() < 120000) {
        Workspace reader;
        if (QFile::exists(workspace + u".lock"_s) && QFile::exists(workspace)
            && reader.open(workspace, Workspace::Mode::ReadOnly)
            && firstInt(reader, u"SELECT count(*) FROM articles"_s) > 0) {
            return true;
        }
        reader.close();
        QTest::qWait(10);
    }
    return false;
}

void ConcurrencyTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(RASID_CLI_PATH)), "build the rasid-cli target first");
    m_folder = m_dir.filePath(u"corpus"_s);
    QVERIFY(TestCorpus::writeArticles(m_folder, 0, kFiles));
    s_previousHandler = qInstallMessageHandler(recordLockMessages);
}

void ConcurrencyTest::cleanup()
{
    QCOMPARE(takeLockMessages(), QStringList());
}

void ConcurrencyTest::secondImportIsRefusedWhileTheFirstRuns()
{
    const QString workspacePath = newWorkspace(u"two-imports"_s);
    QProcess first;
    QVERIFY(startImport(first, workspacePath, {u"--no-extract"_s}));
    QVERIFY2(waitUntilWriting(first, workspacePath), first.readAllStandardError().constData());
    const QString owner = u"pid %1"_s.arg(first.processId());

    auto refused = [&](const char *when) {
        QProcess second;
        QVERIFY(startImport(second, workspacePath));
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(second.waitForFinished(30000), "the second import waited instead of refusing");
        const QString message = QString::fromLocal8Bit(second.readAllStandardError());
        qInfo("%s: refused after %lld ms: %s", when, static_cast<long long>(clock.elapsed()),
              qPrintable(message.trimmed()));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 1);
        QVERIFY2(message.contains(u"already open for writing"_s), qPrintable(message));
        QVERIFY2(message.contains(owner), qPrintable(message));
        QVERIFY(second.readAllStandardOutput().isEmpty());
    };
    // While the first import writes freely...
    refused("while the first import writes");
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY2(first.state() == QProcess::Running, "the first import ended too early to test a second one");
    // ...and while it is frozen, wherever it stopped (perhaps inside a write
    // transaction): the outcome must not depend on timing.
    QCOMPARE(::kill(pid_t(first.processId()), SIGSTOP), 0);
    refused("while the first import is stopped");
    QCOMPARE(::kill(pid_t(first.processId()), SIGCONT), 0);
    if (QTest::currentTestFailed()) {
        return;
    }

    QVERIFY2(first.waitForFinished(240000), "the first import did not finish");
    QCOMPARE(first.exitStatus(), QProcess::NormalExit);
    QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
    Workspace workspace;
    QVERIFY2(workspace.open(workspacePath), qPrintable(workspace.lastError()));
    const QStringList broken = damage(workspace);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    QCOMPARE(firstInt(workspace, u"SELECT count(*) FROM articles"_s), kFiles);
    QCOMPARE(firstInt(workspace, u"SELECT count(DISTINCT path) FROM articles"_s), kFiles);
}

void ConcurrencyTest::writingOpenFailsAtOnceWhileAnImportHoldsTheLock()
{
    const QString workspacePath = newWorkspace(u"held"_s);
    QProcess import;
    QVERIFY(startImport(import, workspacePath, {u"--no-extract"_s}));
    QVERIFY2(waitUntilWriting(import, workspacePath), import.readAllStandardError().constData());
    const qint64 pid = import.processId();

    // Both while the import writes and while it is frozen mid-write: neither
    // may make the opening wait for the busy timeout, let alone hang.
    for (const bool frozen : {false, true}) {
        if (frozen) {
            QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        }
        Workspace workspace;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!workspace.open(workspacePath, Workspace::Mode::ReadWrite));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(u"the refusal took %1 ms"_s.arg(clock.elapsed())));
        QVERIFY(!workspace.isOpen());
        QVERIFY2(workspace.lastError().contains(u"already open for writing"_s), qPrintable(workspace.lastError()));
        QVERIFY2(workspace.lastError().contains(u"pid %1"_s.arg(pid)), qPrintable(workspace.lastError()));
        // Reading still works meanwhile.
        Workspace reader;
        QVERIFY2(reader.open(workspacePath, Workspace::Mode::ReadOnly), qPrintable(reader.lastError()));
        QVERIFY(reader.stats().articles > 0);
    }
    QVERIFY2(import.state() == QProcess::Running, "the import ended while stopped");
    QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
    QVERIFY2(import.waitForFinished(240000), "the import did not finish");
    QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());

    // Once the import is done the lock is free again.
    Workspace workspace;
    QVERIFY2(workspace.open(workspacePath, Workspace::Mode::ReadWrite), qPrintable(workspace.lastError()));
    const QStringList broken = damage(workspace);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
}

void ConcurrencyTest::readersAndExportWorkWhileAnImportWrites()
{
    const QString workspacePath = newWorkspace(u"readers"_s);
    {
        Workspace create; // an empty workspace, so that readers can open it from the start
        QVERIFY2(create.open(workspacePath), qPrintable(create.lastError()));
    }
    QProcess import;
    QVERIFY(startImport(import, workspacePath));

    // The GUI's list stays open during the whole import and follows its batches.
    Workspace gui;
    QVERIFY2(gui.open(workspacePath, Workspace::Mode::ReadOnly), qPrintable(gui.lastError()));
    ArticleListModel list(gui);

    const QString csvPath = m_dir.filePath(u"readers.csv"_s);
    std::unique_ptr<QProcess> exporter;
    int incidentsBeforeExport = 0;
    int exportsDuringImport = 0;
    int readsDuringImport = 0;
    WorkspaceStats seen;
    int searchSeen = 0;

    // Checks a finished export against the incident counts before and after it.
    auto checkExport = [&](int incidentsAfter) {
        QVERIFY2(exporter->exitStatus() == QProcess::NormalExit && exporter->exitCode() == 0,
                 exporter->readAllStandardError().constData());
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVector<QStringList> records;
        QVERIFY2(parseCsv(QString::fromUtf8(file.readAll()), &records), "the export is not well-formed CSV");
        QVERIFY(!records.isEmpty());
        QCOMPARE(records.first(), csvExportColumns());
        for (const QStringList &record : records) {
            QCOMPARE(record.size(), csvExportColumns().size());
        }
        const int rows = int(records.size() - 1);
        // One consistent snapshot: no fewer rows than before it started, no more than after it ended.
        QVERIFY2(rows >= incidentsBeforeExport && rows <= incidentsAfter,
                 qPrintable(u"%1 rows, %2 incidents before the export, %3 after"_s.arg(rows)
                                .arg(incidentsBeforeExport)
                                .arg(incidentsAfter)));
    };

    QElapsedTimer clock;
    clock.start();
    bool importRunning = true;
    while (importRunning) {
        importRunning = import.state() == QProcess::Running;
        QVERIFY2(clock.elapsed() < 240000, "the import did not finish");

        // A reader that opens now, as `rasid-cli stats` or a second window would.
        Workspace reader;
        QVERIFY2(reader.open(workspacePath, Workspace::Mode::ReadOnly), qPrintable(reader.lastError()));
        const WorkspaceStats stats = reader.stats();
        QVERIFY(stats.files >= seen.files);
        QVERIFY(stats.articles >= seen.articles);
        QVERIFY(stats.incidents >= seen.incidents);
        QVERIFY(stats.entities >= seen.entities);
        seen = stats;
        // Every article says أعلنت in its first paragraph.
        const int found = reader.searchCount(u"أعلنت"_s);
        QVERIFY2(found >= stats.articles && found >= searchSeen,
                 qPrintable(u"search found %1 of %2 articles"_s.arg(found).arg(stats.articles)));
        searchSeen = found;
        // Spelled without hamza, as an analyst types it; more may have landed since the count.
        const qsizetype hits = reader.search(u"اعلنت"_s, 20).size();
        QVERIFY(hits >= qMin(20, found) && hits <= 20);

        // The list as the GUI reads it: counts, then new rows page by page, in import order.
        const int rowsBefore = list.rowCount();
        list.articlesImported();
        while (list.canFetchMore({})) {
            list.fetchMore({});
        }
        QVERIFY2(list.lastError().isEmpty(), qPrintable(list.lastError()));
        QVERIFY(list.rowCount() >= rowsBefore);
        QVERIFY(list.rowCount() >= list.totalCount());
        QVERIFY(list.totalCount() >= stats.articles);
        for (int row = qMax(1, rowsBefore); row < list.rowCount(); ++row) {
            QVERIFY(list.articleIdAt(row) > list.articleIdAt(row - 1));
        }

        // One export at a time, each checked when it ends.
        if (exporter && exporter->state() == QProcess::NotRunning) {
            checkExport(firstInt(reader, incidentCountSql()));
            if (QTest::currentTestFailed()) {
                return;
            }
            exporter.reset();
        }
        if (!exporter && importRunning) {
            incidentsBeforeExport = firstInt(reader, incidentCountSql());
            exporter = std::make_unique<QProcess>();
            exporter->setProgram(QStringLiteral(RASID_CLI_PATH));
            exporter->setArguments({u"export"_s, workspacePath, u"--format"_s, u"csv"_s, u"--out"_s, csvPath});
            exporter->start();
            QVERIFY(exporter->waitForStarted(10000));
            ++exportsDuringImport;
        }
        if (importRunning) {
            ++readsDuringImport;
            QTest::qWait(20);
        }
    }
    QCOMPARE(import.exitStatus(), QProcess::NormalExit);
    const QByteArray importErrors = import.readAllStandardError();
    QVERIFY2(import.exitCode() == 0 && !importErrors.contains("is locked"), importErrors.constData());
    if (exporter) {
        QVERIFY(exporter->waitForFinished(60000));
        Workspace reader;
        QVERIFY(reader.open(workspacePath, Workspace::Mode::ReadOnly));
        checkExport(firstInt(reader, incidentCountSql()));
    }
    qInfo("%d reads and %d exports while the import wrote", readsDuringImport, exportsDuringImport);
    QVERIFY(readsDuringImport >= 3);
    QVERIFY(exportsDuringImport >= 1);

    list.articlesImported();
    while (list.canFetchMore({})) {
        list.fetchMore({});
    }
    QCOMPARE(list.rowCount(), kFiles);
    QCOMPARE(list.totalCount(), kFiles);
    Workspace workspace;
    QVERIFY2(workspace.open(workspacePath), qPrintable(workspace.lastError()));
    const QStringList broken = damage(workspace);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    QCOMPARE(workspace.stats().articles, kFiles);
    QCOMPARE(workspace.searchCount(u"أعلنت"_s), kFiles);
}

void ConcurrencyTest::analystEditsCommitWhileTheImportThreadWrites()
{
    // The GUI's arrangement: its own ReadWrite connection holds the lock and
    // takes the analyst's edits, while the import runs on an AdditionalWriter
    // connection in a thread of the same process (ui/importcontroller.cpp).
    constexpr int firstPart = 150;
    constexpr int files = kFiles;
    const QString folder = m_dir.filePath(u"gui"_s);
    const QString workspacePath = newWorkspace(u"gui"_s);
    QVERIFY(TestCorpus::writeArticles(folder, 0, firstPart));
    Workspace workspace;
    QVERIFY2(workspace.open(workspacePath), qPrintable(workspace.lastError()));
    {
        Importer importer;
        ImportOptions options;
        options.folder = folder;
        QCOMPARE(importer.run(workspace, options).articles, firstPart);
    }
    QVERIFY(TestCorpus::writeArticles(folder, firstPart, files - firstPart));
    ReviewStore store(workspace, u"Lina"_s);
    ArticleListModel list(workspace, &store);

    // The thread imports without extraction, so that writing paces it in any
    // build and it holds the write lock nearly all the time, as a release build
    // with extraction does on two cores: the hard case for the analyst's edits.
    ImportSummary summary;
    std::atomic<int> batches{0};
    QThread *thread = QThread::create([&summary, &batches, &workspacePath, &folder] {
        Workspace writer;
        if (!writer.open(workspacePath, Workspace::Mode::AdditionalWriter)) {
            summary.error = writer.lastError();
            return;
        }
        Importer importer;
        connect(&importer, &Importer::batchWritten, &importer, [&batches] { ++batches; }, Qt::DirectConnection);
        ImportOptions options;
        options.folder = folder;
        options.extract = false;
        summary = importer.run(writer, options);
    });
    const std::unique_ptr<QThread> owner(thread);
    thread->start(QThread::LowPriority);

    // Alternately: correct the victim of an incident the first import proposed,
    // and add an incident to the newest article the import wrote.
    QHash<qint64, QString> corrected; // incident -> victim
    int corrections = 0;
    QHash<qint64, qint64> added; // incident -> article
    QVector<qint64> latencies;
    int mostBatchesWaited = 0;
    for (int step = 0; !thread->isFinished(); ++step) {
        QElapsedTimer clock;
        clock.start();
        int batchesBefore = 0;
        if (step % 2 == 0) {
            const qint64 articleId = (step / 2) % firstPart + 1;
            const QVector<IncidentRecord> incidents = store.incidents(articleId);
            QVERIFY(!incidents.isEmpty());
            const qint64 incidentId = incidents.last().id;
            const QString victim = u"الضحية المصححة %1"_s.arg(step);
            batchesBefore = batches;
            clock.restart();
            QVERIFY2(store.setFieldValue(incidentId, u"victim"_s, victim), qPrintable(store.lastError()));
            corrected.insert(incidentId, victim);
            ++corrections;
        } else {
            const qint64 newest = firstInt(workspace, u"SELECT max(id) FROM articles"_s);
            IncidentField victim;
            victim.name = u"victim"_s;
            victim.value = u"ضحية أضافها المحلل %1"_s.arg(step);
            batchesBefore = batches;
            clock.restart();
            const qint64 incidentId = store.addIncident(newest, {victim});
            QVERIFY2(incidentId > 0, qPrintable(store.lastError()));
            added.insert(incidentId, newest);
        }
        latencies.append(clock.elapsed());
        mostBatchesWaited = qMax(mostBatchesWaited, batches - batchesBefore);
        QVERIFY2(clock.elapsed() < kBusyTimeoutMs, qPrintable(u"an edit took %1 ms"_s.arg(clock.elapsed())));

        // The list follows the import as the GUI's does on batchWritten.
        list.articlesImported();
        QVERIFY2(list.lastError().isEmpty(), qPrintable(list.lastError()));
        QTest::qWait(10);
    }
    thread->wait();
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.articles, files - firstPart);
    std::sort(latencies.begin(), latencies.end());
    QVERIFY(latencies.size() >= 10);
    qInfo("%d edits during the import of %d batches took %lld ms at the median, %lld ms at p90, %lld ms at most; "
          "at most %d batches were written during one edit",
          int(latencies.size()), int(batches), static_cast<long long>(latencies.at(latencies.size() / 2)),
          static_cast<long long>(latencies.at(latencies.size() * 9 / 10)), static_cast<long long>(latencies.last()),
          mostBatchesWaited);
    // Taking turns, an edit waits for the batch being written and no more
    // (one more may be counted: its signal comes just after its commit). Without
    // turns the slowest edits waited behind batch after batch, for seconds.
    QVERIFY2(mostBatchesWaited <= 2, "an edit waited behind several of the import's batches");

    for (auto it = corrected.cbegin(); it != corrected.cend(); ++it) {
        const FieldRecord field = store.field(it.key(), u"victim"_s);
        QCOMPARE(field.value, it.value());
        QCOMPARE(field.origin, u"corrected"_s);
    }
    for (auto it = added.cbegin(); it != added.cend(); ++it) {
        QCOMPARE(store.incident(it.key()).articleId, it.value());
    }
    // One audit row per decision, none lost and none doubled by a retry.
    QCOMPARE(firstInt(workspace, u"SELECT count(*) FROM audit WHERE what = 'incident.add'"_s), int(added.size()));
    QCOMPARE(firstInt(workspace, u"SELECT count(*) FROM audit WHERE what = 'field.victim'"_s),
             corrections + int(added.size())); // an added incident's field is audited too
    const QStringList broken = damage(workspace);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    QCOMPARE(workspace.stats().articles, files);
}

QTEST_GUILESS_MAIN(ConcurrencyTest)
#include "concurrency_test.moc"
