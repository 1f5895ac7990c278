#include "store/search.h"

#include "store/ftstokenizer.h"
#include "store/statement.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

QString ftsMatchExpression(const QString &userQuery)
{
    QStringList quoted;
    for (const QString &token : ftsQueryTokens(userQuery)) {
        // Tokens hold only word characters, but quote anyway: FTS5 keywords
        // (AND, OR, NOT, NEAR) must stay plain words.
        quoted.append(u'"' + QString(token).replace(u'"', u"\"\""_s) + u'"');
    }
    return quoted.join(u' ');
}

QVector<SearchHit> searchArticles(const QSqlDatabase &db, const QString &userQuery, int limit)
{
    QVector<SearchHit> hits;
    const QString match = ftsMatchExpression(userQuery);
    if (match.isEmpty()) {
        return hits;
    }
    // Ranking reads every match, which for a word found in most of a large
    // corpus takes longer than an analyst waits while typing, and ranks little:
    // such queries list the newest articles first, stopping at the limit.
    int rarest = 0;
    {
        QSqlQuery vocab(db);
        QStringList placeholders;
        const QStringList tokens = ftsQueryTokens(userQuery);
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            placeholders.append(u"?"_s);
        }
        vocab.prepare(u"SELECT min(doc) FROM article_vocab WHERE term IN (%1)"_s.arg(placeholders.join(u',')));
        for (const QString &token : tokens) {
            vocab.addBindValue(token);
        }
        if (execPrepared(vocab) && vocab.next()) {
            rarest = vocab.value(0).toInt();
        }
    }
    const bool unselective = rarest > kUnselectiveSearchMatches;
    QSqlQuery query(db);
    // FTS5 orders by its rank (bm25, titles weighing double) itself; duplicates
    // and missing articles are filtered after, so ask for a few more than the limit.
    query.prepare(u"SELECT a.id, a.path, a.title, f.rank FROM "
                  "(SELECT rowid, rank FROM article_fts WHERE article_fts MATCH ? ORDER BY %1 LIMIT ?) AS f "
                  "JOIN articles a ON a.id = f.rowid "
                  "WHERE a.duplicate_of IS NULL AND a.missing = 0 ORDER BY %2"_s.arg(
                      unselective ? u"rowid DESC"_s : u"rank"_s, unselective ? u"a.id DESC"_s : u"f.rank, a.id"_s));
    query.addBindValue(match);
    query.addBindValue(limit > 0 ? limit + 64 : -1);
    if (!execPrepared(query)) {
        return hits;
    }
    while (query.next() && (limit <= 0 || hits.size() < limit)) {
        hits.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toDouble()});
    }
    return hits;
}

int countSearchMatches(const QSqlDatabase &db, const QString &userQuery)
{
    const QString match = ftsMatchExpression(userQuery);
    if (match.isEmpty()) {
        return 0;
    }
    QSqlQuery query(db);
    // CROSS JOIN keeps the full-text match as the outer loop: the other order
    // would test the match once per article.
    query.prepare(u"SELECT count(*) FROM article_fts f CROSS JOIN articles a ON a.id = f.rowid "
                  "WHERE article_fts MATCH ? AND a.duplicate_of IS NULL AND a.missing = 0"_s);
    query.addBindValue(match);
    if (!execPrepared(query) || !query.next()) {
        return 0;
    }
    return query.value(0).toInt();
}

} // namespace Store
} // namespace Rasid
