#include "store/overviewqueries.h"

#include "store/statement.h"
#include "store/workspace.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

const QStringList DecidedStatuses = {u"confirmed"_s, u"rejected"_s};

// The incidents of the listed articles the filter lets through; the articles
// come from their covering index (articles_listing), never from their rows,
// whose list columns lie after the text.
QString incidentsOfListed(const ArticleFilter &filter, const QStringList &statuses)
{
    QStringList marks;
    marks.fill(u"?"_s, statuses.size());
    return u" FROM articles a INDEXED BY articles_listing CROSS JOIN incidents i ON i.article_id = a.id "
           "WHERE a.missing = 0 AND a.duplicate_of IS NULL AND ("_s
        + filter.sqlCondition() + u") AND i.review_status IN ("_s + marks.join(u", ") + u')';
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        if (error) {
            *error = sqlErrorText(query.lastError());
        }
        return false;
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    return execPrepared(query, error);
}

// One cell of the cube the one-statement read groups by.
struct CubeKey
{
    QString month, attack, country, actor, sector;
};

void addTo(QHash<QPair<QString, QString>, int> &counts, const QString &first, const QString &second, int n)
{
    counts[qMakePair(first, second)] += n;
}

QVector<OverviewRow> rowsOf(const QHash<QPair<QString, QString>, int> &counts, bool byCount)
{
    QVector<OverviewRow> rows;
    rows.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        rows.append({it.key().first, it.key().second, it.value(), 0});
    }
    std::sort(rows.begin(), rows.end(), [byCount](const OverviewRow &a, const OverviewRow &b) {
        if (byCount && a.count != b.count) {
            return a.count > b.count;
        }
        return std::tie(a.first, a.second) < std::tie(b.first, b.second);
    });
    return rows;
}

} // namespace

QStringList overviewStatuses(OverviewScope scope)
{
    switch (scope) {
    case OverviewScope::Confirmed:
        return {u"confirmed"_s};
    case OverviewScope::Suggested:
        return {u"suggested"_s};
    case OverviewScope::ConfirmedAndSuggested:
        break;
    }
    return {u"confirmed"_s, u"suggested"_s};
}

IncidentDimension firstDimension(OverviewAggregate which)
{
    switch (which) {
    case OverviewAggregate::MonthByAttack:
        return IncidentDimension::Month;
    case OverviewAggregate::Countries:
    case OverviewAggregate::CountryByAttack:
        return IncidentDimension::Country;
    case OverviewAggregate::AttackTypes:
        return IncidentDimension::AttackType;
    case OverviewAggregate::ActorTypes:
        return IncidentDimension::ActorType;
    case OverviewAggregate::Sectors:
        return IncidentDimension::Sector;
    case OverviewAggregate::ReviewsPerDay:
        break;
    }
    return IncidentDimension::ReviewDay;
}

bool hasSecondDimension(OverviewAggregate which)
{
    return which == OverviewAggregate::MonthByAttack || which == OverviewAggregate::CountryByAttack;
}

IncidentDimension secondDimension(OverviewAggregate)
{
    return IncidentDimension::AttackType;
}

QString aggregateName(OverviewAggregate which)
{
    static const char *const names[OverviewAggregateCount] = {
        "month_by_attack", "countries", "attack_types", "actor_types", "sectors", "country_by_attack",
        "reviews_per_day"};
    return QString::fromLatin1(names[int(which)]);
}

IncidentCondition OverviewData::conditionFor(OverviewAggregate which, const OverviewRow &row) const
{
    IncidentCondition condition;
    condition.statuses = which == OverviewAggregate::ReviewsPerDay ? DecidedStatuses : overviewStatuses(scope);
    condition.values.insert(firstDimension(which), row.first);
    if (hasSecondDimension(which)) {
        condition.values.insert(secondDimension(which), row.second);
    }
    return condition;
}

IncidentCondition OverviewData::conditionFor(IncidentDimension dimension, const QString &value) const
{
    IncidentCondition condition;
    condition.statuses = dimension == IncidentDimension::ReviewDay ? DecidedStatuses : overviewStatuses(scope);
    condition.values.insert(dimension, value);
    return condition;
}

bool readOverview(const Workspace &workspace, const ArticleFilter &filter, OverviewScope scope, OverviewData *data,
                  QString *error)
{
    *data = OverviewData();
    data->scope = scope;
    const QStringList statuses = overviewStatuses(scope);
    QVariantList values = filter.sqlValues();
    for (const QString &status : statuses) {
        values.append(status);
    }
    // One pass over the incidents: the counts by every dimension at once, from
    // which each aggregate is a sum.
    QSqlQuery cube(workspace.database());
    const QString dims = QStringList{ArticleFilter::dimensionSql(IncidentDimension::Month),
                                     ArticleFilter::dimensionSql(IncidentDimension::AttackType),
                                     ArticleFilter::dimensionSql(IncidentDimension::Country),
                                     ArticleFilter::dimensionSql(IncidentDimension::ActorType),
                                     ArticleFilter::dimensionSql(IncidentDimension::Sector)}
                             .join(u", ");
    if (!run(cube, u"SELECT "_s + dims + u", count(*)"_s + incidentsOfListed(filter, statuses)
                       + u" GROUP BY 1, 2, 3, 4, 5"_s,
             values, error)) {
        return false;
    }
    std::array<QHash<QPair<QString, QString>, int>, OverviewAggregateCount> counts;
    auto at = [&counts](OverviewAggregate which) -> QHash<QPair<QString, QString>, int> & {
        return counts.at(size_t(which));
    };
    while (cube.next()) {
        const CubeKey key{cube.value(0).toString(), cube.value(1).toString(), cube.value(2).toString(),
                          cube.value(3).toString(), cube.value(4).toString()};
        const int n = cube.value(5).toInt();
        data->incidents += n;
        addTo(at(OverviewAggregate::MonthByAttack), key.month, key.attack, n);
        addTo(at(OverviewAggregate::Countries), key.country, {}, n);
        addTo(at(OverviewAggregate::AttackTypes), key.attack, {}, n);
        addTo(at(OverviewAggregate::ActorTypes), key.actor, {}, n);
        addTo(at(OverviewAggregate::Sectors), key.sector, {}, n);
        addTo(at(OverviewAggregate::CountryByAttack), key.country, key.attack, n);
    }
    for (int k = 0; k < OverviewAggregateCount; ++k) {
        const auto which = OverviewAggregate(k);
        if (which != OverviewAggregate::ReviewsPerDay) {
            data->rows.at(size_t(k)) = rowsOf(counts.at(size_t(k)), !hasSecondDimension(which));
        }
    }

    // The analyst's decisions per day, whatever the scope: what review progress means.
    QVariantList decidedValues = filter.sqlValues();
    for (const QString &status : DecidedStatuses) {
        decidedValues.append(status);
    }
    QSqlQuery days(workspace.database());
    const QString day = ArticleFilter::dimensionSql(IncidentDimension::ReviewDay);
    if (!run(days, u"SELECT "_s + day + u", count(*)"_s + incidentsOfListed(filter, DecidedStatuses)
                       + u" AND i.reviewed_at IS NOT NULL GROUP BY 1 ORDER BY 1"_s,
             decidedValues, error)) {
        return false;
    }
    QVector<OverviewRow> &perDay = data->rows.at(size_t(OverviewAggregate::ReviewsPerDay));
    int total = 0;
    while (days.next()) {
        const int n = days.value(1).toInt();
        total += n;
        perDay.append({days.value(0).toString(), {}, n, total});
    }
    return true;
}

} // namespace Store
} // namespace Rasid
