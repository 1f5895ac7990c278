#include "store/search.h"

#include "store/ftstokenizer.h"
#include "store/statement.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

QVector<QStringList> ftsQueryTermGroups(const QString &userQuery)
{
    QVector<QStringList> groups;
    for (const QString &token : ftsQueryTokens(userQuery)) {
        // The index holds each word and, at the same position, the word without
        // its leading clitics (cliticVariants). A query word matches a document
        // word when the two share one of those forms: الاختراق and للاختراق
        // share اختراق, بلبنان and لبنان share لبنان.
        QStringList group{token};
        for (const QString &variant : cliticVariants(token)) {
            if (!group.contains(variant)) {
                group.append(variant);
            }
        }
        groups.append(group);
    }
    return groups;
}

QString ftsMatchExpression(const QString &userQuery)
{
    QStringList words;
    for (const QStringList &group : ftsQueryTermGroups(userQuery)) {
        QStringList quoted;
        for (const QString &term : group) {
            // Terms hold only word characters, but quote anyway: FTS5 keywords
            // (AND, OR, NOT, NEAR) must stay plain words.
            quoted.append(u'"' + QString(term).replace(u'"', u"\"\""_s) + u'"');
        }
        words.append(quoted.size() == 1 ? quoted.first() : u'(' + quoted.join(u" OR "_s) + u')');
    }
    // Explicit AND: FTS5 does not AND a parenthesised group implicitly.
    return words.join(u" AND "_s);
}

namespace {

// An upper bound of the articles the rarest query word is in: per word, the
// sum of its forms' document counts; the smallest of those sums.
int rarestWordMatches(const QSqlDatabase &db, const QVector<QStringList> &groups)
{
    QStringList terms;
    for (const QStringList &group : groups) {
        terms += group;
    }
    QSqlQuery vocab(db);
    vocab.prepare(u"SELECT term, doc FROM article_vocab WHERE term IN (%1)"_s.arg(
        QStringList(terms.size(), u"?"_s).join(u',')));
    for (const QString &term : std::as_const(terms)) {
        vocab.addBindValue(term);
    }
    QHash<QString, int> docs;
    if (execPrepared(vocab)) {
        while (vocab.next()) {
            docs.insert(vocab.value(0).toString(), vocab.value(1).toInt());
        }
    }
    int rarest = -1;
    for (const QStringList &group : groups) {
        int sum = 0;
        for (const QString &term : group) {
            sum += docs.value(term);
        }
        rarest = rarest < 0 ? sum : std::min(rarest, sum);
    }
    return std::max(rarest, 0);
}

} // namespace

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
    const int rarest = rarestWordMatches(db, ftsQueryTermGroups(userQuery));
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
