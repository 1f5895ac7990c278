#pragma once

#include "store/articlefilter.h"

#include <QString>
#include <QVector>

#include <array>

namespace Rasid {
inline namespace Store {

class Workspace;

// Which incidents the overview counts: the analyst's confirmed ones by
// default, the extractor's suggestions on request, or both.
enum class OverviewScope { Confirmed, Suggested, ConfirmedAndSuggested };
QStringList overviewStatuses(OverviewScope scope);

// The overview's aggregates, in the order the overview shows them.
enum class OverviewAggregate {
    MonthByAttack,   // first: month, second: attack type
    Countries,       // first: victim country, most incidents first
    AttackTypes,     // first: attack type, most first
    ActorTypes,      // first: actor type, most first
    Sectors,         // first: victim sector, most first
    CountryByAttack, // first: victim country, second: attack type
    ReviewsPerDay,   // first: day; the analyst's decisions (confirmed or rejected incidents)
};
inline constexpr int OverviewAggregateCount = 7;

struct OverviewRow
{
    QString first;
    QString second;
    int count = 0;
    int cumulative = 0; // ReviewsPerDay only: decisions up to and including that day
    bool operator==(const OverviewRow &o) const
    {
        return first == o.first && second == o.second && count == o.count && cumulative == o.cumulative;
    }
};

/*
 * What the overview shows: every aggregate of the incidents of the listed
 * articles (duplicates and missing files left out) that the article list's
 * filter lets through, counted in SQL. Each row can name the articles behind
 * it (conditionFor()), as a filter the article list applies, built from the
 * same SQL expressions as the counts.
 */
struct OverviewData
{
    OverviewScope scope = OverviewScope::Confirmed;
    int incidents = 0; // incidents in scope
    std::array<QVector<OverviewRow>, OverviewAggregateCount> rows;

    const QVector<OverviewRow> &aggregate(OverviewAggregate which) const { return rows.at(size_t(which)); }
    // The articles behind a row: those with an incident that is counted in it.
    IncidentCondition conditionFor(OverviewAggregate which, const OverviewRow &row) const;
    // The articles behind one value of one dimension (a category of a chart).
    IncidentCondition conditionFor(IncidentDimension dimension, const QString &value) const;
};

// The dimensions of an aggregate's first and second columns (the second is
// absent for the one-dimensional ones).
IncidentDimension firstDimension(OverviewAggregate which);
bool hasSecondDimension(OverviewAggregate which);
IncidentDimension secondDimension(OverviewAggregate which);
// A short English name: "month_by_attack", "countries", ... (file names, CSV).
QString aggregateName(OverviewAggregate which);

// Reads every aggregate in two statements. False on a failed read, with the
// driver's reason in *error.
bool readOverview(const Workspace &workspace, const ArticleFilter &filter, OverviewScope scope, OverviewData *data,
                  QString *error);

} // namespace Store
} // namespace Rasid
