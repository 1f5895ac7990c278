#include "store/batchwriter.h"

#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/statement.h"
#include "store/workspace.h"
#include "text/cleaner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// What cleaning left out, as the articles.removed column holds it: a JSON
// array of [reason, text] pairs, each text cut to 300 characters (the note
// shows what went, not a second copy of a long block); NULL for nothing.
QVariant removedJson(const QVector<RemovedText> &removed)
{
    if (removed.isEmpty()) {
        return {};
    }
    constexpr qsizetype kMaxChars = 300;
    QJsonArray array;
    for (const RemovedText &part : removed) {
        QString text = part.text.trimmed();
        if (text.size() > kMaxChars) {
            text = text.left(kMaxChars - 1);
            if (text.back().isHighSurrogate()) {
                text.chop(1);
            }
            text += u'…';
        }
        array.append(QJsonArray{part.reason, text});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString articlePath(const QString &filePath, int item)
{
    return item > 0 ? filePath + u'#' + QString::number(item) : filePath;
}


} // namespace

BatchWriter::BatchWriter(Workspace &workspace)
    : m_db(workspace.database())
{
}

BatchWriter::~BatchWriter() = default;

bool BatchWriter::load(QString *error)
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

bool BatchWriter::beginBatch()
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

bool BatchWriter::endBatch()
{
    QSqlQuery &index = statement(m_indexBatch, u"INSERT INTO article_fts(rowid, title, text) "
                                               "SELECT id, title, text FROM articles WHERE id > ? ORDER BY id"_s);
    index.addBindValue(m_batchAfterId);
    QSqlQuery &unmark = statement(m_unmarkBatch, u"DELETE FROM meta WHERE key = 'fts_batch'"_s);
    return execPrepared(index, &m_error) && execPrepared(unmark, &m_error);
}

bool BatchWriter::writeSkipped(const ScannedFile &file, const QString &reason, ImportSummary &summary)
{
    const qint64 id = upsertFile(file, {}, u"other"_s, u"skipped"_s, reason);
    if (id < 0) {
        return false;
    }
    Q_UNUSED(summary)
    return true;
}

bool BatchWriter::writeResult(const FileResult &result, ImportSummary &summary, QStringList *problemsOut)
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
        // Read with a loss: a warning the analyst sees beside the article.
        if (article.raw.lossy) {
            const QString warning =
                QObject::tr("some bytes could not be decoded as %1 and were replaced with \uFFFD; check the text")
                    .arg(article.raw.encoding);
            if (!addProblem(file.path, article.raw.item, warning, u"warning"_s)) {
                return false;
            }
            ++summary.problems;
            problemsOut->append(warning);
        }
        if (!writeArticle(fileId, file.path, article, seenBefore, summary)) {
            return false;
        }
    }
    return !seenBefore || markMissingExcept(fileId, items);
}

bool BatchWriter::markVanished(const QSet<QString> &seen, ImportSummary &summary)
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

qint64 BatchWriter::upsertFile(const ScannedFile &file, const QString &hash, const QString &kind, const QString &status,
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

bool BatchWriter::clearProblems(const QString &path)
{
    QSqlQuery &query = statement(m_clearProblems, u"DELETE FROM problems WHERE path = ?"_s);
    query.addBindValue(path);
    return execPrepared(query, &m_error);
}

bool BatchWriter::addProblem(const QString &path, int item, const QString &reason, const QString &severity)
{
    QSqlQuery &query = statement(
        m_addProblem, u"INSERT INTO problems(path, item, reason, severity, created_at) VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(path);
    query.addBindValue(item);
    query.addBindValue(reason);
    query.addBindValue(severity);
    query.addBindValue(nowUtc());
    return execPrepared(query, &m_error);
}

bool BatchWriter::markMissingExcept(qint64 fileId, const QSet<int> &present)
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

bool BatchWriter::writeArticle(qint64 fileId, const QString &filePath, const ProcessedArticle &article, bool fileSeenBefore,
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
                        removedJson(c.removed), duplicate ? QVariant(original) : QVariant(), nowUtc()};
    qint64 articleId = existingId;
    if (existingId) {
        QSqlQuery &update = statement(m_updateArticle,
                                      u"UPDATE articles SET content_hash = ?, encoding = ?, encoding_confidence = ?, "
                                      "lossy = ?, title = ?, outlet = ?, published = ?, source_url = ?, text = coalesce(?, ''), "
                                      "removed = ?, duplicate_of = ?, imported_at = ?, missing = 0 WHERE id = ?"_s);
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
                                      "title, outlet, published, source_url, text, removed, duplicate_of, imported_at, "
                                      "file_id, item, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?, ?, ?, "
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

bool BatchWriter::clearSuggestions(qint64 articleId)
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

bool BatchWriter::writeEntities(qint64 articleId, const ProcessedArticle &article)
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

bool BatchWriter::writeIncidents(qint64 articleId, const ProcessedArticle &article)
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

QSqlQuery &BatchWriter::statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql)
{
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db);
        slot->prepare(sql);
    }
    return *slot;
}

} // namespace Store
} // namespace Rasid
