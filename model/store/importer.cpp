#include "store/importer.h"

#include "extract/incident.h"
#include "extract/pipeline.h"
#include "extract/recognizer.h"
#include "store/ftstokenizer.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"
#include "text/articlereader.h"
#include "text/cleaner.h"
#include "text/textfold.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSqlQuery>
#include <QThreadPool>
#include <QVariant>

#include <deque>
#include <optional>
#include <QtConcurrent/QtConcurrentMap>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_LOGGING_CATEGORY(lcImport, "rasid.import")

namespace {

struct ScannedFile
{
    QString absolutePath;
    QString realPath; // with every link resolved; absolutePath for a broken link
    QString path; // relative to the imported folder, '/'-separated
    qint64 size = 0;
    qint64 mtime = 0;
    QString unreadable; // why the entry cannot be read at all (broken link, device, pipe)
};

struct KnownFile
{
    qint64 id = 0;
    qint64 size = 0;
    qint64 mtime = 0;
    QString hash;
    QString status;
};

struct FileResult
{
    ScannedFile file;
    QString hash;
    QString kind;
    QString error;          // the file is unusable
    bool sameContent = false;
    QStringList problems;   // item-level problems
    QVector<ProcessedArticle> articles;
    // The title and text of each article, tokenized for the full-text index on
    // the extracting thread (two per article).
    QVector<FtsPreparedText> indexed;
};

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString kindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Text: return u"text"_s;
    case SourceKind::Html: return u"html"_s;
    case SourceKind::Json: return u"json"_s;
    case SourceKind::JsonLines: return u"jsonl"_s;
    case SourceKind::Unsupported: break;
    }
    return u"unsupported"_s;
}

// When a file was last modified, in milliseconds since the epoch, as
// QFileInfo::lastModified().toMSecsSinceEpoch() gives it, but straight from
// stat(): the local-time QDateTime in between cost 3.5 µs a file, a third of
// the scan of a folder.
qint64 modifiedMsecs(const QFileInfo &entry)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(entry.absoluteFilePath()).constData(), &st) == 0) {
        return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    }
#endif
    return entry.lastModified().toMSecsSinceEpoch();
}

// Asks the system to start reading a file into its cache, without waiting: a
// folder that is not in the cache then arrives while the batches before it are
// extracted, instead of each extraction thread waiting for its own file.
void prefetch(const QString &path)
{
#if defined(Q_OS_LINUX)
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd >= 0) {
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
        ::close(fd);
    }
#else
    Q_UNUSED(path)
#endif
}

// Names in a directory that are not valid UTF-8, decoded with U+FFFD, with
// whether each is a folder. Qt's listings leave such entries out, so a folder
// of windows-1256 names from an archive made on Windows would vanish unseen.
QVector<std::pair<QString, bool>> undecodableNames(const QString &dirPath)
{
    QVector<std::pair<QString, bool>> names;
#ifdef Q_OS_UNIX
    DIR *dir = ::opendir(QFile::encodeName(dirPath).constData());
    if (!dir) {
        return names;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray raw(entry->d_name);
        const QString name = QString::fromUtf8(raw);
        if (!raw.startsWith('.') && QFile::encodeName(name) != raw) {
            names.append({name, entry->d_type == DT_DIR});
        }
    }
    ::closedir(dir);
#else
    Q_UNUSED(dirPath)
#endif
    return names;
}

// Recursive scan that ignores hidden entries and the workspace's own files, and
// survives symlink loops by visiting each real directory once.
QVector<ScannedFile> scanFolder(const QString &root, const QSet<QString> &ignored)
{
    QVector<ScannedFile> files;
    QSet<QString> visited;
    QStringList pending{QFileInfo(root).canonicalFilePath()};
    const QDir rootDir(pending.first());
    // Most files lie under the folder itself: their relative path is what follows it.
    const QString rootPrefix = pending.first().endsWith(u'/') ? pending.first() : pending.first() + u'/';
    while (!pending.isEmpty()) {
        const QString dirPath = pending.takeLast();
        if (visited.contains(dirPath)) {
            continue;
        }
        visited.insert(dirPath);
        const QFileInfoList entries = QDir(dirPath).entryInfoList(
            QDir::Dirs | QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        QStringList subdirs;
        for (const QFileInfo &entry : entries) {
            if (entry.fileName().startsWith(u'.')) {
                continue;
            }
            // Every folder taken is canonical, so only a link's path can differ
            // from its real one (resolving costs a system call per path component).
            const QString real = entry.isSymLink() ? entry.canonicalFilePath() : entry.absoluteFilePath();
            if (entry.isDir()) {
                if (!real.isEmpty() && !visited.contains(real)) {
                    subdirs.append(real);
                }
                continue;
            }
            if (ignored.contains(real) || ignored.contains(entry.absoluteFilePath())) {
                continue;
            }
            ScannedFile file;
            file.absolutePath = entry.absoluteFilePath();
            file.realPath = real.isEmpty() ? file.absolutePath : real; // a broken link: unique by its own name
            // Paths are kept relative to the folder as the analyst sees it, even
            // when reached through a symlinked directory.
            file.path = file.absolutePath.startsWith(rootPrefix) ? file.absolutePath.mid(rootPrefix.size())
                                                                  : rootDir.relativeFilePath(file.absolutePath);
            if (file.path.startsWith(u"../"_s)) {
                file.path = file.absolutePath;
            }
            file.size = entry.size();
            file.mtime = modifiedMsecs(entry);
            // Opening a pipe or a device would block or never end: record instead.
            if (entry.isSymLink() && !entry.exists()) {
                file.unreadable = QObject::tr("cannot read the file: the link points to %1, which does not exist")
                                      .arg(entry.symLinkTarget());
            } else if (!entry.isFile()) {
                file.unreadable = QObject::tr("cannot read the file: not a regular file");
            } else if (!entry.isReadable()) {
                file.unreadable = QObject::tr("cannot read the file: permission denied");
            }
            files.append(file);
        }
        // A name the system cannot be given back cannot be opened: reported, not lost.
        for (const auto &[name, isFolder] : undecodableNames(dirPath)) {
            ScannedFile file;
            file.absolutePath = dirPath + u'/' + name;
            file.realPath = file.absolutePath;
            file.path = rootDir.relativeFilePath(file.absolutePath);
            file.unreadable = isFolder ? QObject::tr("cannot read the folder: its name is not valid UTF-8 (a "
                                                     "Windows Arabic name?); rename it to import its files")
                                       : QObject::tr("cannot read the file: its name is not valid UTF-8 (a "
                                                     "Windows Arabic name?); rename it to import it");
            files.append(file);
        }
        // Depth-first in name order: push in reverse so the first name pops first.
        for (auto it = subdirs.crbegin(); it != subdirs.crend(); ++it) {
            pending.append(*it);
        }
    }
    // Directories reached through symlinks can be scanned twice under two names;
    // keep the first path for each real file.
    QSet<QString> seenReal;
    QVector<ScannedFile> unique;
    unique.reserve(files.size());
    for (const ScannedFile &file : files) {
        if (!seenReal.contains(file.realPath)) {
            seenReal.insert(file.realPath);
            unique.append(file);
        }
    }
    return unique;
}

FileResult processFile(const ScannedFile &file, const QString &knownHash, const ImportOptions &options,
                       const Recognizer *recognizer, const std::atomic<bool> &cancelled)
{
    FileResult result;
    result.file = file;
    const SourceKind kind = sourceKindForPath(file.path);
    result.kind = kindName(kind);
    if (cancelled.load()) {
        return result;
    }
    if (!file.unreadable.isEmpty()) {
        result.error = file.unreadable;
        return result;
    }
    if (file.size > options.maxFileSize) {
        result.error = QObject::tr("file too large (%1 MB; the limit is %2 MB)")
                           .arg(double(file.size) / (1024 * 1024), 0, 'f', 1)
                           .arg(options.maxFileSize / (1024 * 1024));
        return result;
    }
    QFile input(file.absolutePath);
    if (!input.open(QIODevice::ReadOnly)) {
        result.error = QObject::tr("cannot read the file: %1").arg(input.errorString());
        return result;
    }
    // Read at most one byte over the limit: the file may have grown since the
    // scan. QIODevice::read(n) allocates n bytes first, so ask for what the file
    // holds (plus one, to see growth) rather than for the limit: 20 MB mapped and
    // unmapped for every 4 KB article cost more than reading it.
    const qint64 expected = qBound<qint64>(0, input.size(), options.maxFileSize);
    QByteArray bytes = input.read(expected + 1);
    if (bytes.size() > expected) {
        bytes += input.read(options.maxFileSize + 1 - bytes.size());
    }
    if (bytes.size() > options.maxFileSize) {
        result.error = QObject::tr("file too large (over %1 MB)").arg(options.maxFileSize / (1024 * 1024));
        return result;
    }
    result.hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    if (!knownHash.isEmpty() && knownHash == result.hash) {
        result.sameContent = true;
        return result;
    }
    const ReadResult read = readArticle(kind, bytes);
    result.problems = read.problems;
    if (!read.error.isEmpty()) {
        result.error = read.error;
        return result;
    }
    if (read.articles.isEmpty()) {
        result.error = read.problems.isEmpty() ? QObject::tr("no article text in the file")
                                               : QObject::tr("no readable article in the file");
        return result;
    }
    for (const RawArticle &raw : read.articles) {
        if (cancelled.load()) {
            break;
        }
        ProcessedArticle article = processArticle(raw, recognizer);
        // Punctuation, markup or boilerplate only: nothing for the analyst to read.
        if (article.cleaned.text.isEmpty()) {
            if (raw.item > 0) {
                result.problems.append(QObject::tr("item %1: no article text is left after cleaning").arg(raw.item));
            }
            continue;
        }
        result.indexed.append(FtsPreparedText::prepare(article.cleaned.title));
        result.indexed.append(FtsPreparedText::prepare(article.cleaned.text, article.folded));
        article.folded.clear();
        result.articles.append(std::move(article));
    }
    if (result.articles.isEmpty() && !cancelled.load()) {
        result.error = QObject::tr("no article text is left after cleaning");
    }
    return result;
}

QString articlePath(const QString &filePath, int item)
{
    return item > 0 ? filePath + u'#' + QString::number(item) : filePath;
}

/*
 * Writes finished files into the workspace. Statements are prepared once and
 * reused for every row; the caller wraps each batch in one transaction.
 */
class BatchWriter
{
public:
    explicit BatchWriter(Workspace &workspace)
        : m_db(workspace.database())
    {
    }

    bool load(QString *error)
    {
        QSqlQuery files(m_db);
        files.prepare(u"SELECT id, path, size, mtime, hash, status FROM files"_s);
        if (!execPrepared(files, error)) {
            return false;
        }
        while (files.next()) {
            m_known.insert(files.value(1).toString(),
                           {files.value(0).toLongLong(), files.value(2).toLongLong(), files.value(3).toLongLong(),
                            files.value(4).toString(), files.value(5).toString()});
        }
        QSqlQuery hashes(m_db);
        hashes.prepare(u"SELECT content_hash, id FROM articles WHERE duplicate_of IS NULL AND missing = 0 "
                       "AND text != '' ORDER BY id"_s);
        if (!execPrepared(hashes, error)) {
            return false;
        }
        while (hashes.next()) {
            m_firstByHash.insert(hashes.value(0).toString(), hashes.value(1).toLongLong());
        }
        return true;
    }

    const QHash<QString, KnownFile> &known() const { return m_known; }
    QString lastError() const { return m_error; }

    // Articles inserted between beginBatch() and endBatch() are added to the
    // full-text index by one statement at the end (schema 8, 'fts_batch').
    bool beginBatch()
    {
        QSqlQuery &mark = statement(m_markBatch, u"INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_batch', '1')"_s);
        QSqlQuery &last = statement(m_lastArticle, u"SELECT coalesce(max(id), 0) FROM articles"_s);
        if (!execPrepared(mark, &m_error) || !execPrepared(last, &m_error) || !last.next()) {
            return false;
        }
        m_batchAfterId = last.value(0).toLongLong();
        last.finish();
        return true;
    }

    bool endBatch()
    {
        QSqlQuery &index = statement(m_indexBatch, u"INSERT INTO article_fts(rowid, title, text) "
                                                   "SELECT id, title, text FROM articles WHERE id > ? ORDER BY id"_s);
        index.addBindValue(m_batchAfterId);
        QSqlQuery &unmark = statement(m_unmarkBatch, u"DELETE FROM meta WHERE key = 'fts_batch'"_s);
        return execPrepared(index, &m_error) && execPrepared(unmark, &m_error);
    }

    bool writeSkipped(const ScannedFile &file, const QString &reason, ImportSummary &summary)
    {
        const qint64 id = upsertFile(file, {}, u"other"_s, u"skipped"_s, reason);
        if (id < 0) {
            return false;
        }
        Q_UNUSED(summary)
        return true;
    }

    bool writeResult(const FileResult &result, ImportSummary &summary, QStringList *problemsOut)
    {
        const ScannedFile &file = result.file;
        if (result.sameContent) {
            // Touched but identical: remember the new mtime so the next scan skips it cheaply.
            return upsertFile(file, result.hash, result.kind, u"imported"_s, {}) >= 0;
        }
        // A file the workspace has never seen has no problems, articles or
        // results to replace: three lookups per file saved on a first import.
        const bool seenBefore = m_known.contains(file.path);
        if (seenBefore && !clearProblems(file.path)) {
            return false;
        }
        if (!result.error.isEmpty()) {
            const qint64 id = upsertFile(file, result.hash, result.kind, u"failed"_s, result.error);
            if (id < 0 || !markMissingExcept(id, {}) || !addProblem(file.path, 0, result.error)) {
                return false;
            }
            ++summary.failed;
            ++summary.problems;
            problemsOut->append(result.error);
            for (const QString &problem : result.problems) {
                if (!addProblem(file.path, 0, problem)) {
                    return false;
                }
                ++summary.problems;
            }
            return true;
        }
        const qint64 fileId = upsertFile(file, result.hash, result.kind, u"imported"_s, {});
        if (fileId < 0) {
            return false;
        }
        ++summary.imported;
        for (const QString &problem : result.problems) {
            if (!addProblem(file.path, 0, problem)) {
                return false;
            }
            ++summary.problems;
            problemsOut->append(problem);
        }
        QSet<int> items;
        for (const ProcessedArticle &article : result.articles) {
            items.insert(article.raw.item);
            if (!writeArticle(fileId, file.path, article, seenBefore, summary)) {
                return false;
            }
        }
        return !seenBefore || markMissingExcept(fileId, items);
    }

    bool markVanished(const QSet<QString> &seen, ImportSummary &summary)
    {
        for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
            if (seen.contains(it.key()) || it->status == u"missing") {
                continue;
            }
            QSqlQuery query(m_db);
            query.prepare(u"UPDATE files SET status = 'missing', reason = ? WHERE id = ?"_s);
            query.addBindValue(QObject::tr("the file is no longer in the folder"));
            query.addBindValue(it->id);
            if (!execPrepared(query, &m_error) || !markMissingExcept(it->id, {})) {
                return false;
            }
            ++summary.missing;
        }
        return true;
    }

private:
    qint64 upsertFile(const ScannedFile &file, const QString &hash, const QString &kind, const QString &status,
                      const QString &reason)
    {
        QSqlQuery &query = statement(m_upsertFile,
                                     u"INSERT INTO files(path, size, mtime, hash, kind, status, reason, imported_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
                                     "size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, "
                                     "kind = excluded.kind, status = excluded.status, reason = excluded.reason, "
                                     "imported_at = excluded.imported_at RETURNING id"_s);
        query.addBindValue(file.path);
        query.addBindValue(file.size);
        query.addBindValue(file.mtime);
        query.addBindValue(hash.isEmpty() ? QVariant() : QVariant(hash));
        query.addBindValue(kind);
        query.addBindValue(status);
        query.addBindValue(reason.isEmpty() ? QVariant() : QVariant(reason));
        query.addBindValue(nowUtc());
        if (!execPrepared(query, &m_error) || !query.next()) {
            return -1;
        }
        const qint64 id = query.value(0).toLongLong();
        query.finish();
        return id;
    }

    bool clearProblems(const QString &path)
    {
        QSqlQuery &query = statement(m_clearProblems, u"DELETE FROM problems WHERE path = ?"_s);
        query.addBindValue(path);
        return execPrepared(query, &m_error);
    }

    bool addProblem(const QString &path, int item, const QString &reason)
    {
        QSqlQuery &query =
            statement(m_addProblem, u"INSERT INTO problems(path, item, reason, created_at) VALUES (?, ?, ?, ?)"_s);
        query.addBindValue(path);
        query.addBindValue(item);
        query.addBindValue(reason);
        query.addBindValue(nowUtc());
        return execPrepared(query, &m_error);
    }

    // Articles of a file whose item is not in `present` are marked missing; the
    // analyst's work on them stays in the workspace.
    bool markMissingExcept(qint64 fileId, const QSet<int> &present)
    {
        QSqlQuery &select = statement(m_fileArticles, u"SELECT id, item FROM articles WHERE file_id = ? AND missing = 0"_s);
        select.addBindValue(fileId);
        if (!execPrepared(select, &m_error)) {
            return false;
        }
        QVector<qint64> gone;
        while (select.next()) {
            if (!present.contains(select.value(1).toInt())) {
                gone.append(select.value(0).toLongLong());
            }
        }
        select.finish();
        for (qint64 id : gone) {
            QSqlQuery &update = statement(m_markMissing, u"UPDATE articles SET missing = 1 WHERE id = ?"_s);
            update.addBindValue(id);
            if (!execPrepared(update, &m_error)) {
                return false;
            }
        }
        return true;
    }

    bool writeArticle(qint64 fileId, const QString &filePath, const ProcessedArticle &article, bool fileSeenBefore,
                      ImportSummary &summary)
    {
        qint64 existingId = 0;
        QString existingHash;
        if (fileSeenBefore) {
            QSqlQuery &find = statement(m_findArticle,
                                        u"SELECT id, content_hash, missing FROM articles WHERE file_id = ? AND item = ?"_s);
            find.addBindValue(fileId);
            find.addBindValue(article.raw.item);
            if (!execPrepared(find, &m_error)) {
                return false;
            }
            if (find.next()) {
                existingId = find.value(0).toLongLong();
                existingHash = find.value(1).toString();
            }
            find.finish();
        }

        if (existingId && existingHash == article.contentHash) {
            QSqlQuery &present = statement(m_markPresent, u"UPDATE articles SET missing = 0 WHERE id = ?"_s);
            present.addBindValue(existingId);
            return execPrepared(present, &m_error);
        }

        const qint64 original = m_firstByHash.value(article.contentHash, 0);
        const bool duplicate = original != 0 && original != existingId;
        const CleanedArticle &c = article.cleaned;
        // A duplicate keeps its metadata but not a second copy of the text.
        const QString text = duplicate ? QString() : c.text;
        QVariantList values{article.contentHash, article.raw.encoding, article.raw.encodingConfidence,
                            article.raw.lossy ? 1 : 0, c.title, c.outlet, c.published, c.sourceUrl, text,
                            duplicate ? QVariant(original) : QVariant(), nowUtc()};
        qint64 articleId = existingId;
        if (existingId) {
            QSqlQuery &update = statement(m_updateArticle,
                                          u"UPDATE articles SET content_hash = ?, encoding = ?, encoding_confidence = ?, "
                                          "lossy = ?, title = ?, outlet = ?, published = ?, source_url = ?, text = coalesce(?, ''), "
                                          "duplicate_of = ?, imported_at = ?, missing = 0 WHERE id = ?"_s);
            for (const QVariant &value : values) {
                update.addBindValue(value);
            }
            update.addBindValue(existingId);
            if (!execPrepared(update, &m_error) || !clearSuggestions(existingId)) {
                return false;
            }
        } else {
            QSqlQuery &insert = statement(m_insertArticle,
                                          u"INSERT INTO articles(content_hash, encoding, encoding_confidence, lossy, "
                                          "title, outlet, published, source_url, text, duplicate_of, imported_at, "
                                          "file_id, item, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?, ?, "
                                          "?, ?, ?)"_s);
            for (const QVariant &value : values) {
                insert.addBindValue(value);
            }
            insert.addBindValue(fileId);
            insert.addBindValue(article.raw.item);
            insert.addBindValue(articlePath(filePath, article.raw.item));
            if (!execPrepared(insert, &m_error)) {
                return false;
            }
            articleId = insert.lastInsertId().toLongLong();
        }
        ++summary.articles;
        if (duplicate) {
            ++summary.duplicates;
            return true;
        }
        if (!original) {
            m_firstByHash.insert(article.contentHash, articleId);
        }
        return writeEntities(articleId, article) && writeIncidents(articleId, article);
    }

    // Removes what extraction proposed for an article, keeping every incident
    // the analyst touched (a decided review status or a field they edited).
    bool clearSuggestions(qint64 articleId)
    {
        QSqlQuery entities(m_db);
        entities.prepare(u"DELETE FROM entities WHERE article_id = ? AND origin = 'suggested'"_s);
        entities.addBindValue(articleId);
        if (!execPrepared(entities, &m_error)) {
            return false;
        }
        QSqlQuery incidents(m_db);
        incidents.prepare(u"SELECT id, fields FROM incidents WHERE article_id = ? AND review_status = 'suggested'"_s);
        incidents.addBindValue(articleId);
        if (!execPrepared(incidents, &m_error)) {
            return false;
        }
        QVector<qint64> untouched;
        while (incidents.next()) {
            const QVector<IncidentField> fields = unpackFields(incidents.value(1).toString());
            if (std::all_of(fields.cbegin(), fields.cend(),
                            [](const IncidentField &field) { return field.origin == u"suggested"; })) {
                untouched.append(incidents.value(0).toLongLong());
            }
        }
        QSqlQuery remove(m_db);
        remove.prepare(u"DELETE FROM incidents WHERE id = ?"_s);
        for (qint64 id : std::as_const(untouched)) {
            remove.addBindValue(id);
            if (!execPrepared(remove, &m_error)) {
                return false;
            }
        }
        return true;
    }

    bool writeEntities(qint64 articleId, const ProcessedArticle &article)
    {
        if (!m_insertEntities) {
            m_insertEntities = std::make_unique<MultiRowInsert>(
                m_db, "INSERT INTO entities(article_id, start, end, type, text, value, attributes, confidence)", 8);
        }
        // Up to 32 rows a statement; the type names stay alive until it has run.
        constexpr int kRows = 32;
        const QVector<Entity> &entities = article.entities;
        QString types[kRows];
        for (int first = 0; first < entities.size(); first += kRows) {
            const int count = std::min(kRows, int(entities.size()) - first);
            BulkStatement &insert = m_insertEntities->rows(count);
            for (int row = 0; row < count; ++row) {
                const Entity &entity = entities[first + row];
                const int at = row * 8;
                types[row] = entityTypeName(entity.type);
                insert.bind(at + 1, articleId);
                insert.bind(at + 2, qint64(entity.start));
                insert.bind(at + 3, qint64(entity.end));
                insert.bind(at + 4, QStringView(types[row]));
                insert.bind(at + 5, QStringView(entity.text));
                insert.bind(at + 6, QStringView(entity.value));
                insert.bind(at + 7, QStringView(entity.attributes));
                insert.bind(at + 8, entity.confidence);
            }
            if (!insert.exec(&m_error)) {
                return false;
            }
        }
        return true;
    }

    bool writeIncidents(qint64 articleId, const ProcessedArticle &article)
    {
        if (!m_incidents) {
            m_incidents = std::make_unique<IncidentWriter>(m_db);
        }
        if (!m_incidents->store(articleId, article.incidents)) {
            m_error = m_incidents->lastError();
            return false;
        }
        return true;
    }

    QSqlQuery &statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql)
    {
        if (!slot) {
            slot = std::make_unique<QSqlQuery>(m_db);
            slot->prepare(sql);
        }
        return *slot;
    }

    QSqlDatabase m_db;
    QHash<QString, KnownFile> m_known;
    QHash<QString, qint64> m_firstByHash;
    QString m_error;
    std::unique_ptr<QSqlQuery> m_upsertFile, m_clearProblems, m_addProblem, m_findArticle, m_markPresent,
        m_updateArticle, m_insertArticle, m_fileArticles, m_markMissing, m_markBatch, m_lastArticle, m_indexBatch, m_unmarkBatch;
    std::unique_ptr<MultiRowInsert> m_insertEntities;
    std::unique_ptr<IncidentWriter> m_incidents;
    qint64 m_batchAfterId = 0;
};

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
    ImportSummary summary;
    // A cancel() that arrives before run() starts still counts; the flag is
    // cleared when the run ends, so the importer can run again.
    const auto resetCancel = qScopeGuard([this] { m_cancelled.store(false); });
    const QFileInfo rootInfo(options.folder);
    if (!rootInfo.isDir()) {
        summary.error = tr("%1 is not a folder.").arg(options.folder);
        return summary;
    }
    const QString root = rootInfo.canonicalFilePath();
    // A damaged workspace is refused before anything is written to it.
    if (QString damage; !workspace.checkBeforeWriting(&damage)) {
        summary.error = damage;
        return summary;
    }
    const QString knownRoot = workspace.meta(u"root"_s);
    if (knownRoot.isEmpty()) {
        workspace.setMeta(u"root"_s, root);
    } else if (knownRoot != root) {
        // One workspace per corpus: paths are relative to the folder, so a
        // second folder would mix and shadow articles.
        summary.error = tr("The workspace %1 belongs to the folder %2, not %3.")
                            .arg(workspace.path(), knownRoot, root);
        return summary;
    }

    QSet<QString> ignored;
    const QFileInfo workspaceInfo(workspace.path());
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s, u".lock"_s}) {
        const QFileInfo sibling(workspaceInfo.absoluteFilePath() + suffix);
        ignored.insert(sibling.absoluteFilePath());
        if (sibling.exists()) {
            ignored.insert(sibling.canonicalFilePath());
        }
    }
    workspace.setBulkWriting(true);
    const auto bulkWritingEnds = qScopeGuard([&workspace] { workspace.setBulkWriting(false); });
    const QVector<ScannedFile> scanned = scanFolder(root, ignored);
    summary.filesSeen = int(scanned.size());

    BatchWriter writer(workspace);
    QString error;
    if (!writer.load(&error)) {
        summary.error = tr("Cannot read the workspace: %1").arg(error);
        return summary;
    }

    // Decide what needs reading; everything else is settled without opening the file.
    QVector<ScannedFile> todo;
    QVector<ScannedFile> skipped;
    QSet<QString> seen;
    qint64 bytesTotal = 0;
    for (const ScannedFile &file : scanned) {
        seen.insert(file.path);
        const auto known = writer.known().constFind(file.path);
        if (!isArticleFile(file.path)) {
            if (known == writer.known().cend() || known->status != u"skipped") {
                skipped.append(file);
            }
            ++summary.skipped;
            continue;
        }
        if (known != writer.known().cend() && known->size == file.size && known->mtime == file.mtime
            && (known->status == u"imported" || known->status == u"failed")) {
            ++summary.unchanged;
            continue;
        }
        todo.append(file);
        bytesTotal += file.size;
    }

    const int filesTotal = int(todo.size());
    emit progress(0, filesTotal, 0, bytesTotal);

    if (!workspace.beginTransaction()) {
        summary.error = workspace.lastError();
        return summary;
    }
    bool ok = true;
    for (const ScannedFile &file : skipped) {
        const QString suffix = QFileInfo(file.path).suffix();
        ok = ok && writer.writeSkipped(file, suffix.isEmpty() ? tr("not an article file (no extension)")
                                                                : tr("not an article file (.%1)").arg(suffix),
                                       summary);
    }
    ok = ok && writer.markVanished(seen, summary);
    if (!ok || !workspace.commit()) {
        workspace.rollback();
        summary.error = tr("Cannot write to the workspace: %1").arg(ok ? workspace.lastError() : writer.lastError());
        return summary;
    }

    // The analyst's own lexicon takes part in matching like the shipped one; the
    // shared recognizer is copied only when there is such a lexicon to add.
    std::optional<Recognizer> taught;
    const Recognizer *extractor = nullptr;
    if (options.extract) {
        WorkspaceLexicon lexicon;
        if (!loadWorkspaceLexicon(workspace, &lexicon, &error)) {
            summary.error = tr("Cannot read the workspace lexicon: %1").arg(error);
            return summary;
        }
        extractor = &Recognizer::instance();
        if (!lexicon.isEmpty()) {
            taught.emplace(Recognizer::instance());
            for (auto it = lexicon.cbegin(); it != lexicon.cend(); ++it) {
                taught->addLexiconEntries(it.value(), EntityType(it.key()));
            }
            extractor = &*taught;
        }
    }

    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : QThread::idealThreadCount());
    // The pool's threads and this writing thread share the machine's cores: each
    // holds one while it works, so the writer, which every batch waits for, never
    // queues for a core behind its own extraction workers. While it waits for a
    // batch, all the cores extract.
    QSemaphore cores(qMax(1, QThread::idealThreadCount()));
    const auto &known = writer.known();
    auto work = [this, &options, &known, extractor, &cores](const ScannedFile &file) {
        cores.acquire();
        const QSemaphoreReleaser core(cores);
        return processFile(file, known.value(file.path).hash, options, extractor, m_cancelled);
    };

    // Batches overlap: the pool reads and extracts the next batches while
    // this thread writes one, so that neither side waits for the other when a
    // batch of long articles takes longer to extract than to write.
    const int batchSize = qMax(1, options.batchSize);
    constexpr int kBatchesAhead = 4;
    std::deque<QFuture<FileResult>> pending;
    int nextStart = 0;
    auto submitBatches = [&] {
        while (int(pending.size()) < kBatchesAhead && nextStart < todo.size() && !m_cancelled.load()) {
            const QList<ScannedFile> files = todo.mid(nextStart, batchSize);
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
    int filesDone = 0;
    while (!pending.empty()) {
        QFuture<FileResult> batch = pending.front();
        pending.pop_front();
        batch.waitForFinished();
        const QList<FileResult> results = batch.results();
        submitBatches();
        if (m_cancelled.load()) {
            summary.cancelled = true;
            break;
        }
        cores.acquire();
        QSemaphoreReleaser core(cores);
        if (!workspace.beginTransaction()) {
            summary.error = workspace.lastError();
            break;
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
        // The batch's index entries replay the tokens its workers prepared.
        FtsPreparedTexts prepared;
        for (const FileResult &result : results) {
            for (const FtsPreparedText &text : result.indexed) {
                prepared.add(text);
            }
        }
        written = written && writer.endBatch();
        if (!written || !workspace.commit()) {
            workspace.rollback();
            summary.error = tr("Cannot write to the workspace: %1")
                                .arg(written ? workspace.lastError() : writer.lastError());
            break;
        }
        // A checkpoint mostly waits for the disk: the extraction threads take the core meanwhile.
        core.cancel();
        cores.release();
        workspace.checkpointIfDue();
        summary.imported += batchCounts.imported;
        summary.unchanged += batchCounts.unchanged;
        summary.failed += batchCounts.failed;
        summary.articles += batchCounts.articles;
        summary.duplicates += batchCounts.duplicates;
        summary.problems += batchCounts.problems;
        summary.bytes += batchCounts.bytes;
        filesDone += int(results.size());
        for (const auto &[path, problem] : std::as_const(batchProblems)) {
            emit problemFound(path, problem);
        }
        emit progress(filesDone, filesTotal, summary.bytes, bytesTotal);
        emit batchWritten(summary.articles);
    }
    for (QFuture<FileResult> &batch : pending) {
        batch.cancel(); // left only after a cancel or a write error
        batch.waitForFinished();
    }
    summary.cancelled = summary.cancelled || m_cancelled.load();
    workspace.setMeta(u"last_import"_s, nowUtc());
    return summary;
}

} // namespace Store
} // namespace Rasid
