#pragma once

/*
 * The writing side of an import: what the workspace knows of each file, and
 * the rows of finished files (files, problems, articles with their entities
 * and proposed incidents) written through statements prepared once. The
 * caller wraps each batch in one transaction.
 */

#include "store/folderscan.h"
#include "store/importfile.h"
#include "store/importoptions.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

class QSqlQuery;

namespace Rasid {
inline namespace Store {

class IncidentWriter;
class MultiRowInsert;
class Workspace;

struct KnownFile
{
    qint64 id = 0;
    qint64 size = 0;
    qint64 mtime = 0;
    QString hash;
    QString status;
};

/*
 * Writes finished files into the workspace. Statements are prepared once and
 * reused for every row; the caller wraps each batch in one transaction.
 */
class BatchWriter
{
public:
    explicit BatchWriter(Workspace &workspace);
    ~BatchWriter();

    bool load(QString *error);

    const QHash<QString, KnownFile> &known() const { return m_known; }
    QString lastError() const { return m_error; }

    // Articles inserted between beginBatch() and endBatch() are added to the
    // full-text index by one statement at the end (schema 8, 'fts_batch').
    bool beginBatch();

    bool endBatch();

    bool writeSkipped(const ScannedFile &file, const QString &reason, ImportSummary &summary);

    bool writeResult(const FileResult &result, ImportSummary &summary, QStringList *problemsOut);

    bool markVanished(const QSet<QString> &seen, ImportSummary &summary);

private:
    qint64 upsertFile(const ScannedFile &file, const QString &hash, const QString &kind, const QString &status,
                      const QString &reason);

    bool clearProblems(const QString &path);

    bool addProblem(const QString &path, int item, const QString &reason, const QString &severity = QStringLiteral("error"));

    // Articles of a file whose item is not in `present` are marked missing; the
    // analyst's work on them stays in the workspace.
    bool markMissingExcept(qint64 fileId, const QSet<int> &present);

    bool writeArticle(qint64 fileId, const QString &filePath, const ProcessedArticle &article, bool fileSeenBefore,
                      ImportSummary &summary);

    // Removes what extraction proposed for an article, keeping every incident
    // the analyst touched (a decided review status or a field they edited).
    bool clearSuggestions(qint64 articleId);

    bool writeEntities(qint64 articleId, const ProcessedArticle &article);

    bool writeIncidents(qint64 articleId, const ProcessedArticle &article);

    QSqlQuery &statement(std::unique_ptr<QSqlQuery> &slot, const QString &sql);

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

} // namespace Store
} // namespace Rasid
