#include "store/importer.h"

#include "extract/recognizer.h"
#include "store/batchwriter.h"
#include "store/folderscan.h"
#include "store/ftstokenizer.h"
#include "store/importfile.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "text/articlereader.h"

#include <QFileInfo>
#include <QMap>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSqlQuery>
#include <QThreadPool>
#include <QVariant>

#include <deque>
#include <optional>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

using WorkspaceLexicon = QMap<int, QVector<LexiconEntry>>; // entity type -> entries

// Reads the entries the analyst taught (the workspace lexicon table), by entity type.
bool loadWorkspaceLexicon(const Workspace &workspace, WorkspaceLexicon *byType, QString *error)
{
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT surface, folded, type, value, attributes FROM lexicon ORDER BY id"_s);
    if (!execPrepared(query, error)) {
        return false;
    }
    while (query.next()) {
        EntityType type;
        if (!entityTypeFromName(query.value(2).toString(), &type)) {
            continue;
        }
        (*byType)[int(type)].append({query.value(0).toString(), query.value(1).toString(),
                                     query.value(3).toString(), query.value(4).toString()});
    }
    return true;
}

/*
 * One Importer::run(), step by step: check the folder and the workspace, scan,
 * settle what needs no reading (skipped and vanished files) in one transaction,
 * then read and extract the rest on a thread pool while this thread writes
 * finished batches, one transaction each. Messages are the importer's own
 * (Importer::tr), and signals are emitted through it.
 */
class ImportRun
{
public:
    ImportRun(Importer &importer, const std::atomic<bool> &cancelled, Workspace &workspace,
              const ImportOptions &options)
        : m_importer(importer)
        , m_cancelled(cancelled)
        , m_workspace(workspace)
        , m_options(options)
    {
    }

    ImportSummary exec();

private:
    bool checkFolder(QString *root);
    QSet<QString> workspaceFiles() const;
    void plan(const QVector<ScannedFile> &scanned, const BatchWriter &writer);
    bool writeSettled(BatchWriter &writer);
    bool chooseRecognizer();
    void extractAndWrite(BatchWriter &writer);
    bool writeBatch(BatchWriter &writer, const QList<FileResult> &results, QSemaphore &cores);
    void addBatch(const ImportSummary &batchCounts);

    Importer &m_importer;
    const std::atomic<bool> &m_cancelled;
    Workspace &m_workspace;
    const ImportOptions &m_options;
    ImportSummary m_summary;
    // What plan() decided: the files to read, the files to record as skipped,
    // every path still in the folder, and the bytes to read.
    QVector<ScannedFile> m_todo;
    QVector<ScannedFile> m_skipped;
    QSet<QString> m_seen;
    qint64 m_bytesTotal = 0;
    int m_filesDone = 0;
    std::optional<Recognizer> m_taught;
    const Recognizer *m_extractor = nullptr;
};

ImportSummary ImportRun::exec()
{
    QString root;
    if (!checkFolder(&root)) {
        return m_summary;
    }
    const QSet<QString> ignored = workspaceFiles();
    m_workspace.setBulkWriting(true);
    Workspace &workspace = m_workspace;
    const auto bulkWritingEnds = qScopeGuard([&workspace] { workspace.setBulkWriting(false); });
    const QVector<ScannedFile> scanned = scanFolder(root, ignored);
    m_summary.filesSeen = int(scanned.size());

    BatchWriter writer(m_workspace);
    QString error;
    if (!writer.load(&error)) {
        m_summary.error = Importer::tr("Cannot read the workspace: %1").arg(error);
        return m_summary;
    }
    plan(scanned, writer);
    emit m_importer.progress(0, int(m_todo.size()), 0, m_bytesTotal);
    if (!writeSettled(writer) || !chooseRecognizer()) {
        return m_summary;
    }
    extractAndWrite(writer);
    m_summary.cancelled = m_summary.cancelled || m_cancelled.load();
    m_workspace.setMeta(u"last_import"_s, nowUtc());
    return m_summary;
}

// The folder must be one, the workspace undamaged and either new or made for
// this folder; false with the reason in the summary.
bool ImportRun::checkFolder(QString *root)
{
    const QFileInfo rootInfo(m_options.folder);
    if (!rootInfo.isDir()) {
        m_summary.error = Importer::tr("%1 is not a folder.").arg(m_options.folder);
        return false;
    }
    *root = rootInfo.canonicalFilePath();
    // A damaged workspace is refused before anything is written to it.
    if (QString damage; !m_workspace.checkBeforeWriting(&damage)) {
        m_summary.error = damage;
        return false;
    }
    const QString knownRoot = m_workspace.meta(u"root"_s);
    if (knownRoot.isEmpty()) {
        m_workspace.setMeta(u"root"_s, *root);
    } else if (knownRoot != *root) {
        // One workspace per corpus: paths are relative to the folder, so a
        // second folder would mix and shadow articles.
        m_summary.error = Importer::tr("The workspace %1 belongs to the folder %2, not %3.")
                              .arg(m_workspace.path(), knownRoot, *root);
        return false;
    }
    return true;
}

// The workspace file and its companions, which the scan leaves out when the
// workspace lies inside the imported folder.
QSet<QString> ImportRun::workspaceFiles() const
{
    QSet<QString> ignored;
    const QFileInfo workspaceInfo(m_workspace.path());
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s, u".lock"_s}) {
        const QFileInfo sibling(workspaceInfo.absoluteFilePath() + suffix);
        ignored.insert(sibling.absoluteFilePath());
        if (sibling.exists()) {
            ignored.insert(sibling.canonicalFilePath());
        }
    }
    return ignored;
}

// Decide what needs reading; everything else is settled without opening the file.
void ImportRun::plan(const QVector<ScannedFile> &scanned, const BatchWriter &writer)
{
    for (const ScannedFile &file : scanned) {
        m_seen.insert(file.path);
        const auto known = writer.known().constFind(file.path);
        // A link out of the folder is reported whatever its name says it is.
        if (!isArticleFile(file.path) && !file.outside) {
            if (known == writer.known().cend() || known->status != u"skipped") {
                m_skipped.append(file);
            }
            ++m_summary.skipped;
            continue;
        }
        if (known != writer.known().cend() && known->size == file.size && known->mtime == file.mtime
            && (known->status == u"imported" || known->status == u"failed")) {
            ++m_summary.unchanged;
            continue;
        }
        m_todo.append(file);
        m_bytesTotal += file.size;
    }
}

// Records the skipped files and marks the vanished ones, in one transaction.
bool ImportRun::writeSettled(BatchWriter &writer)
{
    if (!m_workspace.beginTransaction()) {
        m_summary.error = m_workspace.lastError();
        return false;
    }
    bool ok = true;
    for (const ScannedFile &file : std::as_const(m_skipped)) {
        const QString suffix = QFileInfo(file.path).suffix();
        ok = ok && writer.writeSkipped(file, suffix.isEmpty() ? Importer::tr("not an article file (no extension)")
                                                                : Importer::tr("not an article file (.%1)").arg(suffix),
                                       m_summary);
    }
    ok = ok && writer.markVanished(m_seen, m_summary);
    if (!ok || !m_workspace.commit()) {
        m_workspace.rollback();
        m_summary.error =
            Importer::tr("Cannot write to the workspace: %1").arg(ok ? m_workspace.lastError() : writer.lastError());
        return false;
    }
    return true;
}

// The analyst's own lexicon takes part in matching like the shipped one; the
// shared recognizer is copied only when there is such a lexicon to add.
bool ImportRun::chooseRecognizer()
{
    if (!m_options.extract) {
        return true;
    }
    WorkspaceLexicon lexicon;
    QString error;
    if (!loadWorkspaceLexicon(m_workspace, &lexicon, &error)) {
        m_summary.error = Importer::tr("Cannot read the workspace lexicon: %1").arg(error);
        return false;
    }
    m_extractor = &Recognizer::instance();
    if (!lexicon.isEmpty()) {
        m_taught.emplace(Recognizer::instance());
        for (auto it = lexicon.cbegin(); it != lexicon.cend(); ++it) {
            m_taught->addLexiconEntries(it.value(), EntityType(it.key()));
        }
        m_extractor = &*m_taught;
    }
    return true;
}

void ImportRun::extractAndWrite(BatchWriter &writer)
{
    QThreadPool pool;
    pool.setMaxThreadCount(m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount());
    // The pool's threads and this writing thread share the machine's cores: each
    // holds one while it works, so the writer, which every batch waits for, never
    // queues for a core behind its own extraction workers. While it waits for a
    // batch, all the cores extract.
    QSemaphore cores(qMax(1, QThread::idealThreadCount()));
    const auto &known = writer.known();
    const ImportOptions &options = m_options;
    const std::atomic<bool> &cancelled = m_cancelled;
    auto work = [&options, &known, extractor = m_extractor, &cores, &cancelled](const ScannedFile &file) {
        cores.acquire();
        const QSemaphoreReleaser core(cores);
        return processFile(file, known.value(file.path).hash, options, extractor, cancelled);
    };

    // Batches overlap: the pool reads and extracts the next batches while
    // this thread writes one, so that neither side waits for the other when a
    // batch of long articles takes longer to extract than to write.
    const int batchSize = qMax(1, m_options.batchSize);
    constexpr int kBatchesAhead = 4;
    std::deque<QFuture<FileResult>> pending;
    int nextStart = 0;
    auto submitBatches = [&] {
        while (int(pending.size()) < kBatchesAhead && nextStart < m_todo.size() && !m_cancelled.load()) {
            const QList<ScannedFile> files = m_todo.mid(nextStart, batchSize);
            for (const ScannedFile &file : files) {
                if (file.unreadable.isEmpty()) {
                    prefetch(file.absolutePath);
                }
            }
            pending.push_back(QtConcurrent::mapped(&pool, files, work));
            nextStart += batchSize;
        }
    };
    submitBatches();
    while (!pending.empty()) {
        QFuture<FileResult> batch = pending.front();
        pending.pop_front();
        batch.waitForFinished();
        const QList<FileResult> results = batch.results();
        submitBatches();
        if (m_cancelled.load()) {
            m_summary.cancelled = true;
            break;
        }
        if (!writeBatch(writer, results, cores)) {
            break;
        }
    }
    for (QFuture<FileResult> &batch : pending) {
        batch.cancel(); // left only after a cancel or a write error
        batch.waitForFinished();
    }
}

// Writes one batch of extracted files in one transaction, then reports it;
// false (with the reason in the summary) when it could not be written.
bool ImportRun::writeBatch(BatchWriter &writer, const QList<FileResult> &results, QSemaphore &cores)
{
    cores.acquire();
    QSemaphoreReleaser core(cores);
    if (!m_workspace.beginTransaction()) {
        m_summary.error = m_workspace.lastError();
        return false;
    }
    // Counted apart and reported only once the batch is committed: a batch
    // that is rolled back must not show in the summary or the problems.
    ImportSummary batchCounts;
    QVector<QPair<QString, QString>> batchProblems;
    bool written = writer.beginBatch();
    for (const FileResult &result : results) {
        if (!written) {
            break;
        }
        QStringList problems;
        if (!writer.writeResult(result, batchCounts, &problems)) {
            written = false;
            break;
        }
        if (result.sameContent) {
            ++batchCounts.unchanged;
        }
        for (const QString &problem : problems) {
            batchProblems.append({result.file.path, problem});
        }
        batchCounts.bytes += result.file.size;
    }
    // The batch's index entries replay the tokens its workers prepared: while
    // `prepared` lives on this thread, the full-text tokenizer indexes each
    // title and text that endBatch() inserts by replaying the tokens the
    // extraction threads made for it (FtsPreparedText::prepare in
    // processFile) instead of folding and splitting it again. It must stay
    // alive until endBatch() has run.
    FtsPreparedTexts prepared;
    for (const FileResult &result : results) {
        for (const FtsPreparedText &text : result.indexed) {
            prepared.add(text);
        }
    }
    written = written && writer.endBatch();
    if (!written || !m_workspace.commit()) {
        m_workspace.rollback();
        m_summary.error = Importer::tr("Cannot write to the workspace: %1")
                              .arg(written ? m_workspace.lastError() : writer.lastError());
        return false;
    }
    // A checkpoint mostly waits for the disk: the extraction threads take the core meanwhile.
    core.cancel();
    cores.release();
    m_workspace.checkpointIfDue();
    addBatch(batchCounts);
    m_filesDone += int(results.size());
    for (const auto &[path, problem] : std::as_const(batchProblems)) {
        emit m_importer.problemFound(path, problem);
    }
    emit m_importer.progress(m_filesDone, int(m_todo.size()), m_summary.bytes, m_bytesTotal);
    emit m_importer.batchWritten(m_summary.articles);
    return true;
}

void ImportRun::addBatch(const ImportSummary &batchCounts)
{
    m_summary.imported += batchCounts.imported;
    m_summary.unchanged += batchCounts.unchanged;
    m_summary.failed += batchCounts.failed;
    m_summary.articles += batchCounts.articles;
    m_summary.duplicates += batchCounts.duplicates;
    m_summary.problems += batchCounts.problems;
    m_summary.bytes += batchCounts.bytes;
}

} // namespace

bool isArticleFile(const QString &path)
{
    return sourceKindForPath(path) != SourceKind::Unsupported;
}

Importer::Importer(QObject *parent)
    : QObject(parent)
{
}

void Importer::cancel()
{
    m_cancelled.store(true);
}

ImportSummary Importer::run(Workspace &workspace, const ImportOptions &options)
{
    // A cancel() that arrives before run() starts still counts; the flag is
    // cleared when the run ends, so the importer can run again.
    const auto resetCancel = qScopeGuard([this] { m_cancelled.store(false); });
    ImportRun importRun(*this, m_cancelled, workspace, options);
    return importRun.exec();
}

} // namespace Store
} // namespace Rasid
