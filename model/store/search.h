#pragma once

/*
 * Full-text search over a workspace's article titles and texts: the FTS5
 * match expression for what the analyst typed, the hits best first and their
 * count. Workspace::search(), searchCount() and ftsQuery() are these over the
 * workspace's connection.
 */

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Rasid {
inline namespace Store {

struct SearchHit
{
    qint64 articleId = 0;
    QString path;
    QString title;
    double score = 0.0;
};

// A query whose rarest word is in more articles than this is listed newest
// first instead of ranked (see searchArticles()).
inline constexpr int kUnselectiveSearchMatches = 20000;

// Per word of a user query, the index terms it matches: the folded word and
// its clitic-stripped variants, exactly as the tokenizer indexes a document.
QVector<QStringList> ftsQueryTermGroups(const QString &userQuery);
// The FTS5 MATCH expression for a user query: each word as ("w" OR "variant" ...),
// the words joined by AND.
QString ftsMatchExpression(const QString &userQuery);
// Arabic-aware full-text search over article titles and text, best first;
// duplicates and missing articles are left out. limit <= 0: every hit.
QVector<SearchHit> searchArticles(const QSqlDatabase &db, const QString &userQuery, int limit);
// How many articles searchArticles() finds without a limit.
int countSearchMatches(const QSqlDatabase &db, const QString &userQuery);

} // namespace Store
} // namespace Rasid
