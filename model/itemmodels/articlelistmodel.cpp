#include "itemmodels/articlelistmodel.h"

#include "extract/vocabulary.h"
#include "store/reviewstore.h"

#include <QDate>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace ItemModels {

namespace {

int stateRank(const QString &state)
{
    return state == u"new" ? 0 : state == u"in_review" ? 1 : 2;
}

// ISO 8601, as the exports write it: a short locale form (5/12/24) reads as
// May or December depending on the reader. Partial dates keep their precision.
QString displayDate(const QString &published)
{
    const QDate date = QDate::fromString(published.left(10), Qt::ISODate);
    return published.size() >= 10 && date.isValid() ? date.toString(Qt::ISODate) : published;
}

QStringList splitValues(const QString &values)
{
    QStringList list = values.split(u',', Qt::SkipEmptyParts);
    list.sort();
    return list;
}

} // namespace

ArticleListModel::ArticleListModel(Workspace &workspace, ReviewStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_store(store)
{
    QString error;
    if (!prepareArticleListing(m_workspace, &error)) {
        m_lastError = error; // titles then sort by code point instead
    }
    if (m_store) {
        connect(m_store, &ReviewStore::articleStateChanged, this, [this](qint64 articleId) {
            reloadArticle(articleId);
            updateCounts();
        });
        connect(m_store, &ReviewStore::incidentsChanged, this, &ArticleListModel::reloadArticle);
        connect(m_store, &ReviewStore::incidentChanged, this,
                [this](qint64 incidentId) { reloadArticle(m_store->articleOfIncident(incidentId)); });
    }
    updateCounts();
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ArticleColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    if (role == ArticleIdRole) {
        return row.id;
    }
    if (role == ReviewStateRole) {
        return row.state;
    }
    if (role == LossyRole) {
        return row.lossy;
    }
    switch (index.column()) {
    case ArticleStateColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return reviewStateLabel(row.state);
        case RawValueRole:
            return stateRank(row.state);
        case IconNameRole:
            return u"review-"_s + row.state;
        case Qt::DecorationRole:
            return iconDecoration(u"review-"_s + row.state, &m_icons);
        default:
            return {};
        }
    case ArticleTitleColumn:
        switch (role) {
        case Qt::DisplayRole:
            // An article without a title still needs a line the analyst can read and click.
            return row.title.trimmed().isEmpty() ? tr("(untitled article %1)").arg(row.id) : row.title;
        case Qt::ToolTipRole: {
            const QString title = row.title.trimmed().isEmpty() ? tr("(untitled article %1)").arg(row.id) : row.title;
            return row.lossy ? title + u'\n' + lossyNote() : title;
        }
        case RawValueRole:
            return row.title;
        // Text that lost bytes in decoding is marked: the analyst checks it
        // before trusting a name or a number in it.
        case IconNameRole:
            return row.lossy ? u"problems"_s : QVariant();
        case Qt::DecorationRole:
            return row.lossy ? iconDecoration(u"problems"_s, &m_icons) : QVariant();

        case Qt::FontRole:
            if (row.title.trimmed().isEmpty()) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return {};
        default:
            return {};
        }
    case ArticleOutletColumn:
        return role == Qt::DisplayRole || role == RawValueRole ? row.outlet : QVariant();
    case ArticleDateColumn:
        if (role == Qt::DisplayRole) {
            return displayDate(row.published);
        }
        return role == RawValueRole ? row.published : QVariant();
    case ArticleCountryColumn:
        switch (role) {
        case Qt::DisplayRole:
            return splitValues(row.countries).join(u", ");
        case RawValueRole:
            return row.countries;
        case Qt::ToolTipRole: {
            QStringList names;
            for (const QString &code : splitValues(row.countries)) {
                names.append(QLocale::territoryToString(QLocale::codeToTerritory(code)));
            }
            return names.join(u", ");
        }
        default:
            return {};
        }
    case ArticleAttackColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            return fieldValueLabel(u"attack_type"_s, splitValues(row.attacks).join(u';'));
        }
        return role == RawValueRole ? row.attacks : QVariant();
    case ArticleIncidentsColumn:
        switch (role) {
        case Qt::DisplayRole:
            return QLocale().toString(row.incidents);
        case RawValueRole:
            return row.incidents;
        case Qt::TextAlignmentRole:
            return int(Qt::AlignTrailing | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QString ArticleListModel::lossyNote()
{
    return tr("Some bytes of this article could not be decoded and were replaced with \uFFFD.");
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ArticleStateColumn:
        return tr("State");
    case ArticleTitleColumn:
        return tr("Title");
    case ArticleOutletColumn:
        return tr("Outlet");
    case ArticleDateColumn:
        return tr("Date");
    case ArticleCountryColumn:
        return tr("Country");
    case ArticleAttackColumn:
        return tr("Attack");
    case ArticleIncidentsColumn:
        return tr("Incidents");
    default:
        return {};
    }
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd) {
        return;
    }
    appendRows(loadPage());
}

ArticleOrder ArticleListModel::order() const
{
    switch (m_sortColumn) {
    case ArticleStateColumn: return ArticleOrder::ReviewState;
    case ArticleTitleColumn: return ArticleOrder::Title;
    case ArticleOutletColumn: return ArticleOrder::Outlet;
    case ArticleDateColumn: return ArticleOrder::Published;
    case ArticleCountryColumn: return ArticleOrder::Countries;
    case ArticleAttackColumn: return ArticleOrder::Attacks;
    case ArticleIncidentsColumn: return ArticleOrder::Incidents;
    default: return ArticleOrder::Import;
    }
}

void ArticleListModel::readFailed(const QString &error)
{
    m_lastError = error.isEmpty() ? tr("Cannot list the articles.") : error;
}

QVector<ArticleListModel::Row> ArticleListModel::rowsById(const QVector<qint64> &ids)
{
    QVector<Row> rows;
    if (QString error; !articleRowsById(m_workspace, ids, &rows, &error)) {
        readFailed(error);
    }
    return rows; // an article gone since the sort is skipped
}

/*
 * In import order pages come straight from the covering index: the next page
 * starts after the last loaded id (never OFFSET), so page 400 costs what page
 * 1 does. Any other order has no index to follow, so it is sorted once in SQL
 * into the list of matching ids (materialiseOrder(), 8 bytes per article, no
 * article data) and each page reads its rows by id: sorting 100,000 titles
 * with the Arabic collation then happens once per sort, not once per page.
 */
QVector<ArticleListModel::Row> ArticleListModel::nextPage(qint64 afterId, int *orderPos, bool *atEnd)
{
    if (pagesByOrder()) {
        const QVector<qint64> ids = m_order.mid(*orderPos, PageSize);
        *orderPos += int(ids.size());
        *atEnd = *orderPos >= m_order.size();
        return rowsById(ids);
    }
    QVector<Row> rows;
    if (QString error; !articlePageInImportOrder(m_workspace, m_filter, afterId, m_sortOrder == Qt::DescendingOrder,
                                                 PageSize, &rows, &error)) {
        readFailed(error);
    }
    // A failed query also ends paging: the view must not fetch forever.
    *atEnd = rows.size() < PageSize;
    return rows;
}

void ArticleListModel::materialiseOrder()
{
    m_order.clear();
    if (!pagesByOrder()) {
        return;
    }
    m_order.reserve(m_matching);
    QString error;
    if (!matchingArticleIds(m_workspace, m_filter, order(), m_sortOrder == Qt::DescendingOrder, &m_order, &error)) {
        readFailed(error);
    }
}

QVector<ArticleListModel::Row> ArticleListModel::loadPage()
{
    bool atEnd = false;
    QVector<Row> page = nextPage(m_rows.isEmpty() ? 0 : m_rows.constLast().id, &m_orderPos, &atEnd);
    m_atEnd = atEnd;
    // A row already loaded (an article re-imported while paging) is not shown twice.
    page.erase(std::remove_if(page.begin(), page.end(), [this](const Row &row) { return m_rowById.contains(row.id); }),
               page.end());
    return page;
}

QVector<ArticleListModel::Row> ArticleListModel::loadFromStart(int count, bool exactly, bool *atEnd, int *orderPos)
{
    QVector<Row> rows;
    *atEnd = false;
    *orderPos = 0;
    while (!*atEnd && rows.size() < count) {
        rows += nextPage(rows.isEmpty() ? 0 : rows.constLast().id, orderPos, atEnd);
    }
    if (exactly && rows.size() > count) {
        rows.resize(count); // the last kept row is where the next page starts
        *atEnd = false;
        if (pagesByOrder()) {
            *orderPos = int(m_order.indexOf(rows.constLast().id)) + 1;
        }
    }
    return rows;
}

void ArticleListModel::setRows(const QVector<Row> &rows, bool atEnd, int orderPos)
{
    m_rows = rows;
    m_atEnd = atEnd;
    m_orderPos = orderPos;
    m_rowById.clear();
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rowById.insert(m_rows.at(row).id, row);
    }
}

void ArticleListModel::appendRows(const QVector<Row> &rows)
{
    if (rows.isEmpty()) {
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (const Row &row : rows) {
        m_rowById.insert(row.id, int(m_rows.size()));
        m_rows.append(row);
    }
    endInsertRows();
}

void ArticleListModel::reload(int keepRows)
{
    beginResetModel();
    m_lastError.clear();
    materialiseOrder();
    bool atEnd = false;
    int orderPos = 0;
    // Reloading as many rows as the view had (in whole pages) keeps its scroll position.
    const QVector<Row> rows = loadFromStart(keepRows, false, &atEnd, &orderPos);
    setRows(rows, atEnd, orderPos);
    endResetModel();
    updateCounts();
}

void ArticleListModel::refresh()
{
    reload(int(m_rows.size()));
}

void ArticleListModel::setFilter(const ArticleFilter &filter)
{
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    // The first page comes at once: the search box shows results as typed.
    reload(PageSize);
}

void ArticleListModel::sort(int column, Qt::SortOrder order)
{
    if (column < -1 || column >= ArticleColumnCount) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    materialiseOrder();
    // As many rows as were loaded, in the new order. When the count is the
    // same (the usual case) it is a layout change and persistent indexes, so
    // the view's selection, follow their article if it is still loaded.
    bool atEnd = false;
    int orderPos = 0;
    const QVector<Row> rows = loadFromStart(int(m_rows.size()), true, &atEnd, &orderPos);
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        setRows(rows, atEnd, orderPos);
        endResetModel();
        return;
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    QVector<qint64> persistentIds;
    for (const QModelIndex &index : persistent) {
        persistentIds.append(articleIdAt(index.row()));
    }
    setRows(rows, atEnd, orderPos);
    QModelIndexList moved;
    for (int i = 0; i < persistent.size(); ++i) {
        const int row = rowForArticle(persistentIds.at(i));
        moved.append(row < 0 ? QModelIndex() : index(row, persistent.at(i).column()));
    }
    changePersistentIndexList(persistent, moved);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

qint64 ArticleListModel::articleIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ArticleListModel::rowForArticle(qint64 articleId) const
{
    return m_rowById.value(articleId, -1);
}

int ArticleListModel::loadArticle(qint64 articleId)
{
    if (rowForArticle(articleId) >= 0) {
        return rowForArticle(articleId);
    }
    // Ask first whether the filter lets it through at all, so that a hidden
    // article does not load every page.
    if (!articleMatches(m_workspace, m_filter, articleId)) {
        return -1;
    }
    while (rowForArticle(articleId) < 0 && canFetchMore({})) {
        fetchMore({});
    }
    return rowForArticle(articleId);
}

int ArticleListModel::nextUnreviewedRow(int fromRow, bool backwards)
{
    if (backwards) {
        for (int row = qMin(fromRow, int(m_rows.size())) - 1; row >= 0; --row) {
            if (m_rows.at(row).state != u"reviewed") {
                return row;
            }
        }
        return -1;
    }
    for (int row = qMax(fromRow + 1, 0);; ++row) {
        while (row >= m_rows.size() && canFetchMore({})) {
            fetchMore({});
        }
        if (row >= m_rows.size()) {
            return -1;
        }
        if (m_rows.at(row).state != u"reviewed") {
            return row;
        }
    }
}

void ArticleListModel::reloadArticle(qint64 articleId)
{
    const int row = rowForArticle(articleId);
    if (row < 0) {
        return;
    }
    const QVector<Row> fresh = rowsById({articleId});
    if (fresh.isEmpty() || fresh.first() == m_rows.at(row)) {
        return;
    }
    m_rows[row] = fresh.first();
    emit dataChanged(index(row, 0), index(row, ArticleColumnCount - 1));
}

void ArticleListModel::articlesImported()
{
    updateCounts();
    // In import order new articles come last: show them as they land. Other
    // orders pick them up at the next refresh().
    if (m_atEnd && m_sortColumn < 0 && m_sortOrder == Qt::AscendingOrder) {
        m_atEnd = false;
        fetchMore({});
    }
}

void ArticleListModel::updateCounts()
{
    const ArticleListCounts counts = articleListCounts(m_workspace);
    const int total = counts.total;
    const int reviewed = counts.reviewed;
    int matching = total;
    if (!m_filter.ftsMatch().isEmpty()) {
        matching = int(m_order.size()); // materialised with every condition of the filter
    } else if (!m_filter.isEmpty()) {
        matching = matchingArticleCount(m_workspace, m_filter);
    }
    if (total != m_total || reviewed != m_reviewed || matching != m_matching) {
        m_total = total;
        m_reviewed = reviewed;
        m_matching = matching;
        emit countsChanged();
    }
}

} // namespace ItemModels
} // namespace Rasid
