#include "itemmodels/articlelistmodel.h"

#include "extract/vocabulary.h"
#include "store/collation.h"
#include "store/reviewstore.h"
#include "store/workspace.h"

#include <QDate>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace ItemModels {

Q_LOGGING_CATEGORY(lcArticleList, "rasid.articlelist")

namespace {

// The distinct values of one field over an article's non-rejected incidents,
// sorted and comma-separated ("FR,MA"). Field names are our own constants.
QString incidentValues(const char *field)
{
    return u"(SELECT group_concat(v, ',') FROM (SELECT DISTINCT incident_field(i.fields, '%1') AS v "
           "FROM incidents i WHERE i.article_id = a.id AND i.review_status != 'rejected' AND v != '' ORDER BY v))"_s
        .arg(QLatin1StringView(field));
}

const QString IncidentCount =
    u"(SELECT count(*) FROM incidents i WHERE i.article_id = a.id AND i.review_status != 'rejected')"_s;

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
    if (!registerArabicCollation(m_workspace.database(), &error)) {
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
        case Qt::ToolTipRole:
            // An article without a title still needs a line the analyst can read and click.
            return row.title.trimmed().isEmpty() ? tr("(untitled article %1)").arg(row.id) : row.title;
        case RawValueRole:
            return row.title;
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

QString ArticleListModel::sortKeyExpression() const
{
    // Titles and outlets sort by their Arabic collation key (collation.h).
    const QString sortKey = QLatin1StringView(ArabicSortKeyFunction);
    switch (m_sortColumn) {
    case ArticleStateColumn:
        return u"(CASE a.review_state WHEN 'new' THEN 0 WHEN 'in_review' THEN 1 ELSE 2 END)"_s;
    case ArticleTitleColumn:
        return sortKey + u"(a.title)"_s;
    case ArticleOutletColumn:
        return sortKey + u"(a.outlet)"_s;
    case ArticleDateColumn:
        return u"coalesce(a.published, '')"_s;
    case ArticleCountryColumn:
        return u"coalesce(%1, '')"_s.arg(incidentValues("victim_country"));
    case ArticleAttackColumn:
        return u"coalesce(%1, '')"_s.arg(incidentValues("attack_type"));
    case ArticleIncidentsColumn:
        return IncidentCount;
    default:
        return u"a.id"_s;
    }
}

QString ArticleListModel::rowSelect() const
{
    return u"SELECT a.id, a.review_state, a.title, a.outlet, a.published, %1, %2, %3 FROM articles a "
           "WHERE a.missing = 0 AND a.duplicate_of IS NULL"_s
        .arg(incidentValues("victim_country"), incidentValues("attack_type"), IncidentCount);
}

bool ArticleListModel::runQuery(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        m_lastError = tr("Cannot list the articles.");
        qCWarning(lcArticleList) << "cannot prepare" << sql.left(200);
        return false;
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    return execPrepared(query, &m_lastError);
}

QVector<ArticleListModel::Row> ArticleListModel::readRows(const QString &sql, const QVariantList &values)
{
    QVector<Row> rows;
    QSqlQuery query(m_workspace.database());
    if (!runQuery(query, sql, values)) {
        return rows;
    }
    while (query.next()) {
        Row row;
        row.id = query.value(0).toLongLong();
        row.state = query.value(1).toString();
        row.title = query.value(2).toString();
        row.outlet = query.value(3).toString();
        row.published = query.value(4).toString();
        row.countries = query.value(5).toString();
        row.attacks = query.value(6).toString();
        row.incidents = query.value(7).toInt();
        rows.append(row);
    }
    return rows;
}

QVector<ArticleListModel::Row> ArticleListModel::rowsById(const QVector<qint64> &ids)
{
    if (ids.isEmpty()) {
        return {};
    }
    QStringList marks;
    marks.fill(u"?"_s, ids.size());
    QVariantList values;
    for (qint64 id : ids) {
        values.append(id);
    }
    QHash<qint64, Row> found;
    for (const Row &row : readRows(rowSelect() + u" AND a.id IN (%1)"_s.arg(marks.join(u", ")), values)) {
        found.insert(row.id, row);
    }
    QVector<Row> rows;
    rows.reserve(ids.size());
    for (qint64 id : ids) {
        const auto it = found.constFind(id);
        if (it != found.constEnd()) { // an article gone since the sort is skipped
            rows.append(*it);
        }
    }
    return rows;
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
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    QString sql = rowSelect() + u" AND ("_s + m_filter.sqlCondition() + u')';
    QVariantList values = m_filter.sqlValues();
    if (afterId > 0) {
        sql += descending ? u" AND a.id < ?"_s : u" AND a.id > ?"_s;
        values.append(afterId);
    }
    sql += descending ? u" ORDER BY a.id DESC LIMIT ?"_s : u" ORDER BY a.id LIMIT ?"_s;
    values.append(PageSize);
    const QVector<Row> rows = readRows(sql, values);
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
    // A full-text filter is evaluated once here rather than once per page and
    // again for the count: for a word in most of 100,000 articles each
    // evaluation reads every match.
    const QString direction = m_sortOrder == Qt::DescendingOrder ? u" DESC"_s : u" ASC"_s;
    const QString key = m_sortColumn >= 0 ? sortKeyExpression() + direction + u", "_s : QString();
    QSqlQuery query(m_workspace.database());
    if (m_sortColumn < 0 && m_filter.searchOnly()) {
        // The search box alone, in import order: the full-text index yields its
        // matches in id order already; only duplicates and missing articles
        // (few, found through their index) are left out.
        QSqlQuery hidden(m_workspace.database());
        QSet<qint64> excluded;
        if (runQuery(hidden, u"SELECT id FROM articles WHERE duplicate_of IS NOT NULL UNION "
                             "SELECT id FROM articles WHERE missing = 1"_s, {})) {
            while (hidden.next()) {
                excluded.insert(hidden.value(0).toLongLong());
            }
        }
        if (!runQuery(query, u"SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid"_s + direction,
                      {m_filter.ftsMatch()})) {
            return;
        }
        while (query.next()) {
            const qint64 id = query.value(0).toLongLong();
            if (!excluded.contains(id)) {
                m_order.append(id);
            }
        }
        return;
    }
    if (!runQuery(query,
                  u"SELECT a.id FROM articles a WHERE a.missing = 0 AND a.duplicate_of IS NULL AND ("_s
                      + m_filter.sqlCondition() + u") ORDER BY "_s + key + u"a.id"_s + direction,
                  m_filter.sqlValues())) {
        return;
    }
    m_order.reserve(m_matching);
    while (query.next()) {
        m_order.append(query.value(0).toLongLong());
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
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT 1 FROM articles a WHERE a.id = ? AND a.missing = 0 AND a.duplicate_of IS NULL AND ("_s
                  + m_filter.sqlCondition() + u')');
    query.addBindValue(articleId);
    for (const QVariant &value : m_filter.sqlValues()) {
        query.addBindValue(value);
    }
    if (!execPrepared(query) || !query.next()) {
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
    QSqlQuery totals(m_workspace.database());
    totals.prepare(u"SELECT count(*), count(CASE WHEN a.review_state = 'reviewed' THEN 1 END) FROM articles a "
                   "WHERE a.missing = 0 AND a.duplicate_of IS NULL"_s);
    int total = 0;
    int reviewed = 0;
    if (execPrepared(totals) && totals.next()) {
        total = totals.value(0).toInt();
        reviewed = totals.value(1).toInt();
    }
    int matching = total;
    if (!m_filter.ftsMatch().isEmpty()) {
        matching = int(m_order.size()); // materialised with every condition of the filter
    } else if (!m_filter.isEmpty()) {
        QSqlQuery filtered(m_workspace.database());
        filtered.prepare(u"SELECT count(*) FROM articles a WHERE a.missing = 0 AND a.duplicate_of IS NULL AND ("_s
                         + m_filter.sqlCondition() + u')');
        for (const QVariant &value : m_filter.sqlValues()) {
            filtered.addBindValue(value);
        }
        matching = execPrepared(filtered) && filtered.next() ? filtered.value(0).toInt() : 0;
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
