#pragma once

#include "store/articlefilter.h"

#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Store {

class Workspace;

/*
 * The reads behind the article list: rows of the listed articles (duplicates
 * and missing files left out) with the victim countries, attack types and
 * count of their non-rejected incidents; pages in import order straight from
 * the id index; the matching ids in any other order, sorted once in SQL; and
 * the counts the list shows. Every read takes an ArticleFilter, whose values
 * are bound, never spliced. A failed read returns false with the driver's
 * reason in *error, or an empty *error when the statement itself could not
 * be prepared; the counts read 0 when they fail.
 */
struct ArticleListRow
{
    qint64 id = 0;
    QString state;
    QString title;
    QString outlet;
    QString published;
    QString countries; // "FR,MA": distinct, sorted
    QString attacks;   // "data_breach,ddos"
    int incidents = 0;
    bool lossy = false; // some bytes of its file did not decode
    bool operator==(const ArticleListRow &o) const
    {
        return id == o.id && state == o.state && title == o.title && outlet == o.outlet && published == o.published
            && countries == o.countries && attacks == o.attacks && incidents == o.incidents && lossy == o.lossy;
    }
};

// What the list sorts by, besides import order (the article id).
enum class ArticleOrder { Import, ReviewState, Title, Outlet, Published, Countries, Attacks, Incidents };

// Installs the Arabic collation titles and outlets sort with (collation.h).
bool prepareArticleListing(const Workspace &workspace, QString *error);

// The rows of these articles, in this order; an article gone since is skipped.
bool articleRowsById(const Workspace &workspace, const QVector<qint64> &ids, QVector<ArticleListRow> *rows,
                     QString *error);

// Up to `limit` matching rows in import order after (or, descending, before)
// the article afterId; afterId 0 starts at the first.
bool articlePageInImportOrder(const Workspace &workspace, const ArticleFilter &filter, qint64 afterId,
                              bool descending, int limit, QVector<ArticleListRow> *rows, QString *error);

// Every matching article id, sorted by `order` then id. With only search text
// and import order, the full-text index yields its matches without a join.
bool matchingArticleIds(const Workspace &workspace, const ArticleFilter &filter, ArticleOrder order,
                        bool descending, QVector<qint64> *ids, QString *error);

// Whether the filter lets the article through (false when it does not exist).
bool articleMatches(const Workspace &workspace, const ArticleFilter &filter, qint64 articleId);

struct ArticleListCounts
{
    int total = 0;    // listed articles
    int reviewed = 0; // of those, reviewed
};
ArticleListCounts articleListCounts(const Workspace &workspace);
// How many listed articles the filter lets through; 0 when the read fails.
int matchingArticleCount(const Workspace &workspace, const ArticleFilter &filter);

} // namespace Store
} // namespace Rasid
