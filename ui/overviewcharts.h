#pragma once

#include "store/overviewqueries.h"

#include <QSize>
#include <QString>
#include <QStringList>

class QChart;
class QChartView;
class QFont;

namespace Rasid {

class EntityStyle;

// The overview's charts, in the order it shows them.
enum class OverviewChart { Months, Countries, AttackTypes, ActorTypes, Sectors, Reviews };
inline constexpr int OverviewChartCount = 6;

/*
 * The charts of the overview, built from its aggregates with Qt Charts, for
 * the Overview view and `rasid-cli overview` alike. Each bar series carries
 * what its bars stand for, so that a click can name the articles behind a
 * bar: the raw values of its categories (property "categories") and, for
 * each bar set, the raw value of the set (property "value") with the
 * dimensions they are values of ("categoryDimension", "setDimension").
 * Colours are the entity legend's for the same type (countries, attacks,
 * actors, organisations); labels are translated and, in a right-to-left
 * interface, the axes are mirrored.
 */
namespace OverviewCharts {

// How many bars a list chart (countries, attack types, ...) shows at most.
inline constexpr int TopBars = 12;

QString title(OverviewChart which);
// "months", "countries", ...: file names of `rasid-cli overview`.
QString fileName(OverviewChart which);
OverviewAggregate aggregateOf(OverviewChart which);
// How the interface names a value of a dimension ("ddos" -> "DDoS", "TN" -> "Tunisia").
QString valueLabel(IncidentDimension dimension, const QString &value);
// The interface's font for charts: the analyst's, then Noto Naskh Arabic for Arabic labels.
QFont chartFont();

QChart *create(OverviewChart which, const OverviewData &data, const EntityStyle &style,
               Qt::LayoutDirection direction);

// Draws one chart at `size`, off screen, into <base>.png and <base>.svg.
bool save(OverviewChart which, const OverviewData &data, const EntityStyle &style, Qt::LayoutDirection direction,
          const QString &base, QSize size, QString *error);

} // namespace OverviewCharts
} // namespace Rasid
