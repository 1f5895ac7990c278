#pragma once

#include "extract/vocabulary.h"
#include "store/articlelistqueries.h"
#include "itemmodels/decoration.h"
#include "itemmodels/roles.h"

#include <QAbstractTableModel>
#include <QHash>

#include <QVector>

namespace Rasid {
inline namespace Store { class ReviewStore; }
inline namespace Store { class Workspace; }
inline namespace ItemModels {


/*
 * The articles of a workspace as a table (duplicates and missing files left
 * out): review state, title, outlet, date, victim countries and attack types
 * of the non-rejected incidents, and their count. Rows come from SQLite a
 * page at a time through canFetchMore()/fetchMore(), so a 100,000-article
 * workspace opens at once and no article text is ever read.
 *
 * sort() and setFilter() re-query with ORDER BY / WHERE in SQL; titles and
 * outlets sort with the Arabic collation (collation.h). sort(-1) returns to
 * import order, the fastest. A sorted list keeps the sorted ids (8 bytes per
 * matching article) and reads rows by page. RawValueRole carries the sort
 * key of each cell.
 *
 * Given a ReviewStore, the model follows the analyst's edits: the row of an
 * edited article is re-read and the counts updated. Rows that stop matching
 * the filter stay until refresh(), so nothing moves under the analyst.
 */
class ArticleListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListModel)
public:
    static constexpr int PageSize = 256;

    explicit ArticleListModel(Workspace &workspace, ReviewStore *store = nullptr, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    ArticleFilter filter() const { return m_filter; }
    void setFilter(const ArticleFilter &filter);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    qint64 articleIdAt(int row) const; // 0 outside the loaded rows
    int rowForArticle(qint64 articleId) const; // -1 when not loaded
    // Loads pages until the article's row is there; -1 when the filter hides it.
    int loadArticle(qint64 articleId);
    // The next row after fromRow whose article is not reviewed, loading pages
    // as needed; -1 when there is none. Backwards only looks at loaded rows.
    int nextUnreviewedRow(int fromRow, bool backwards = false);

    // The title's tooltip line for an article whose bytes did not all decode.
    static QString lossyNote();

    int totalCount() const { return m_total; }       // articles in the workspace
    int reviewedCount() const { return m_reviewed; } // of those, reviewed ("N / M reviewed")
    int matchingCount() const { return m_matching; } // articles the filter lets through

    // Re-reads everything (after an import or a re-import), reloading as many
    // rows as were loaded (none if none were); the UI keeps its selection with
    // articleIdAt / rowForArticle around it.
    void refresh();
    // Called as an import writes batches (Importer::batchWritten): updates
    // the counts and, in import order, appends the newly landed rows.
    void articlesImported();
    QString lastError() const { return m_lastError; }

signals:
    void countsChanged();

private:
    using Row = ArticleListRow;

    ArticleOrder order() const;
    // Keeps the reason of a failed read for lastError().
    void readFailed(const QString &error);
    QVector<Row> rowsById(const QVector<qint64> &ids);
    QVector<Row> nextPage(qint64 afterId, int *orderPos, bool *atEnd);
    void materialiseOrder();
    // Sorted lists and searches page through a list of matching ids.
    bool pagesByOrder() const { return m_sortColumn >= 0 || !m_filter.ftsMatch().isEmpty(); }
    QVector<Row> loadPage();
    QVector<Row> loadFromStart(int count, bool exactly, bool *atEnd, int *orderPos);
    void setRows(const QVector<Row> &rows, bool atEnd, int orderPos);
    void appendRows(const QVector<Row> &rows);
    void reload(int keepRows);
    void reloadArticle(qint64 articleId);
    void updateCounts();

    Workspace &m_workspace;
    ReviewStore *m_store;
    ArticleFilter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QVector<Row> m_rows;
    QHash<qint64, int> m_rowById;
    QVector<qint64> m_order; // the matching ids in sort order, when not in import order
    int m_orderPos = 0;      // where the next page starts in m_order
    bool m_atEnd = false;
    int m_total = 0;
    int m_reviewed = 0;
    int m_matching = 0;
    QString m_lastError;
    mutable QHash<QString, QVariant> m_icons;
};

} // namespace ItemModels
} // namespace Rasid
