#include "overviewcharts.h"

#include "countries.h"
#include "entitystyle.h"
#include "extract/vocabulary.h"
#include "settingkeys.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QPainter>
#include <QPen>
#include <QSettings>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid::OverviewCharts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Rasid::OverviewCharts", text);
}

// A colour of the attack hue for each of several series: the legend's colour
// first, then lighter and darker steps of it.
QColor shade(const QColor &base, int index)
{
    if (index == 0) {
        return base;
    }
    const int hueStep = 37 * index;
    QColor c = QColor::fromHsv((base.hsvHue() + hueStep) % 360, qBound(60, base.hsvSaturation() + 40, 200),
                               index % 2 ? 200 : 235);
    return c;
}

void styleSet(QBarSet *set, const QColor &color)
{
    set->setColor(color);
    set->setBorderColor(color.darker(150));
    set->setLabelColor(Qt::black);
}

QValueAxis *countAxis(const QFont &font)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(u"%.0f"_s);
    axis->setLabelsFont(font);
    axis->setMinorTickCount(0);
    return axis;
}

// Whole numbers only: one tick per incident up to five, else nice steps.
void setCountRange(QValueAxis *axis, int maximum)
{
    maximum = qMax(1, maximum);
    axis->setRange(0, maximum);
    if (maximum <= 5) {
        axis->setTickCount(maximum + 1);
    } else {
        axis->applyNiceNumbers();
    }
}

// A one-dimensional aggregate as horizontal bars, most first at the top.
QChart *listChart(OverviewAggregate which, const OverviewData &data, const QColor &color,
                  Qt::LayoutDirection direction, const QFont &font)
{
    auto *chart = new QChart;
    QVector<OverviewRow> rows = data.aggregate(which);
    if (rows.size() > TopBars) {
        rows.resize(TopBars);
    }
    std::reverse(rows.begin(), rows.end()); // a horizontal chart draws its first category at the bottom
    const IncidentDimension dimension = firstDimension(which);
    auto *set = new QBarSet(tr("Incidents"));
    styleSet(set, color);
    QStringList categories;
    QStringList labels;
    int maximum = 0;
    for (const OverviewRow &row : std::as_const(rows)) {
        categories.append(row.first);
        labels.append(valueLabel(dimension, row.first));
        *set << row.count;
        maximum = qMax(maximum, row.count);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setProperty("categories", categories);
    series->setProperty("categoryDimension", int(dimension));
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(labels);
    names->setLabelsFont(font);
    names->setTruncateLabels(false); // an elided Arabic label is unreadable; the bars give way
    auto *counts = countAxis(font);
    setCountRange(counts, maximum);
    // Right to left: the names on the right, the bars growing leftwards.
    const bool rtl = direction == Qt::RightToLeft;
    counts->setReverse(rtl);
    chart->addAxis(names, rtl ? Qt::AlignRight : Qt::AlignLeft);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(counts);
    chart->legend()->hide();
    return chart;
}

// Incidents per month, stacked by attack type, months in order.
QChart *monthsChart(const OverviewData &data, const EntityStyle &style, Qt::LayoutDirection direction,
                    const QFont &font)
{
    auto *chart = new QChart;
    QStringList months;
    QMap<QString, int> attackTotals;
    QMap<QPair<QString, QString>, int> counts;
    for (const OverviewRow &row : data.aggregate(OverviewAggregate::MonthByAttack)) {
        if (row.first.isEmpty()) {
            continue; // neither the incident nor its article has a date
        }
        if (!months.contains(row.first)) {
            months.append(row.first);
        }
        attackTotals[row.second] += row.count;
        counts.insert({row.first, row.second}, row.count);
    }
    std::sort(months.begin(), months.end());
    QStringList attacks = attackTotals.keys();
    std::stable_sort(attacks.begin(), attacks.end(),
                     [&attackTotals](const QString &a, const QString &b) { return attackTotals[a] > attackTotals[b]; });
    auto *series = new QStackedBarSeries;
    const QColor base = style.color(EntityType::Attack);
    int maximum = 0;
    QVector<int> totals(months.size(), 0);
    for (int k = 0; k < attacks.size(); ++k) {
        auto *set = new QBarSet(valueLabel(IncidentDimension::AttackType, attacks.at(k)));
        set->setProperty("value", attacks.at(k));
        styleSet(set, shade(base, k));
        for (int m = 0; m < months.size(); ++m) {
            const int n = counts.value({months.at(m), attacks.at(k)});
            *set << n;
            totals[m] += n;
        }
        series->append(set);
    }
    for (int total : std::as_const(totals)) {
        maximum = qMax(maximum, total);
    }
    series->setProperty("categories", months);
    series->setProperty("categoryDimension", int(IncidentDimension::Month));
    series->setProperty("setDimension", int(IncidentDimension::AttackType));
    chart->addSeries(series);
    QStringList labels;
    for (const QString &month : std::as_const(months)) {
        labels.append(valueLabel(IncidentDimension::Month, month));
    }
    auto *axis = new QBarCategoryAxis;
    axis->append(labels);
    axis->setLabelsFont(font);
    const bool rtl = direction == Qt::RightToLeft;
    axis->setReverse(rtl); // time runs from right to left in an Arabic interface
    auto *counts2 = countAxis(font);
    setCountRange(counts2, maximum);
    chart->addAxis(axis, Qt::AlignBottom);
    chart->addAxis(counts2, rtl ? Qt::AlignRight : Qt::AlignLeft);
    series->attachAxis(axis);
    series->attachAxis(counts2);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(font);
    return chart;
}

// The analyst's decisions per day as bars, and their running total as a line.
QChart *reviewsChart(const OverviewData &data, const EntityStyle &style, Qt::LayoutDirection direction,
                     const QFont &font)
{
    auto *chart = new QChart;
    const QVector<OverviewRow> &rows = data.aggregate(OverviewAggregate::ReviewsPerDay);
    auto *set = new QBarSet(tr("Decisions that day"));
    styleSet(set, style.color(EntityType::Date));
    auto *line = new QLineSeries;
    line->setName(tr("Decisions in all"));
    line->setPen(QPen(style.color(EntityType::Date).darker(220), 2));
    QStringList days;
    QStringList labels;
    int maximum = 0;
    for (int k = 0; k < rows.size(); ++k) {
        days.append(rows.at(k).first);
        labels.append(valueLabel(IncidentDimension::ReviewDay, rows.at(k).first));
        *set << rows.at(k).count;
        line->append(k, rows.at(k).cumulative);
        maximum = qMax(maximum, rows.at(k).count);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setProperty("categories", days);
    series->setProperty("categoryDimension", int(IncidentDimension::ReviewDay));
    chart->addSeries(series);
    chart->addSeries(line);
    auto *axis = new QBarCategoryAxis;
    axis->append(labels);
    axis->setLabelsFont(font);
    const bool rtl = direction == Qt::RightToLeft;
    axis->setReverse(rtl);
    auto *perDay = countAxis(font);
    setCountRange(perDay, maximum);
    auto *total = countAxis(font);
    setCountRange(total, rows.isEmpty() ? 0 : rows.constLast().cumulative);
    chart->addAxis(axis, Qt::AlignBottom);
    chart->addAxis(perDay, rtl ? Qt::AlignRight : Qt::AlignLeft);
    chart->addAxis(total, rtl ? Qt::AlignLeft : Qt::AlignRight);
    series->attachAxis(axis);
    series->attachAxis(perDay);
    line->attachAxis(axis);
    line->attachAxis(total);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(font);
    return chart;
}

} // namespace

QString title(OverviewChart which)
{
    switch (which) {
    case OverviewChart::Months:
        return tr("Incidents per month, by attack type");
    case OverviewChart::Countries:
        return tr("Top victim countries");
    case OverviewChart::AttackTypes:
        return tr("Attack types");
    case OverviewChart::ActorTypes:
        return tr("Actor types");
    case OverviewChart::Sectors:
        return tr("Victim sectors");
    case OverviewChart::Reviews:
        break;
    }
    return tr("Review progress");
}

QString fileName(OverviewChart which)
{
    static const char *const names[OverviewChartCount] = {"months",      "countries", "attack_types",
                                                          "actor_types", "sectors",   "review_progress"};
    return QString::fromLatin1(names[int(which)]);
}

OverviewAggregate aggregateOf(OverviewChart which)
{
    switch (which) {
    case OverviewChart::Months:
        return OverviewAggregate::MonthByAttack;
    case OverviewChart::Countries:
        return OverviewAggregate::Countries;
    case OverviewChart::AttackTypes:
        return OverviewAggregate::AttackTypes;
    case OverviewChart::ActorTypes:
        return OverviewAggregate::ActorTypes;
    case OverviewChart::Sectors:
        return OverviewAggregate::Sectors;
    case OverviewChart::Reviews:
        break;
    }
    return OverviewAggregate::ReviewsPerDay;
}

QString valueLabel(IncidentDimension dimension, const QString &value)
{
    if (value.isEmpty()) {
        return dimension == IncidentDimension::Month ? tr("No date") : tr("Not stated");
    }
    switch (dimension) {
    case IncidentDimension::Month: {
        const QDate date = QDate::fromString(value + u"-01"_s, Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, u"MMM yyyy"_s) : value;
    }
    case IncidentDimension::ReviewDay: {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, u"d MMM"_s) : value;
    }
    case IncidentDimension::Country:
        return countryLabel(value);
    case IncidentDimension::AttackType:
        return fieldValueLabel(u"attack_type"_s, value);
    case IncidentDimension::ActorType:
        return fieldValueLabel(u"actor_type"_s, value);
    case IncidentDimension::Sector:
        return fieldValueLabel(u"victim_sector"_s, value);
    }
    return value;
}

QFont chartFont()
{
    QSettings settings;
    QFont font;
    // Fontconfig picks a font without Arabic shaping tables unless told.
    font.setFamilies({Settings::FontFamily.value(settings), u"Noto Naskh Arabic"_s, u"Amiri"_s, u"DejaVu Sans"_s});
    font.setPointSize(9);
    return font;
}

QChart *create(OverviewChart which, const OverviewData &data, const EntityStyle &style,
               Qt::LayoutDirection direction)
{
    const QFont font = chartFont();
    QChart *chart = nullptr;
    switch (which) {
    case OverviewChart::Months:
        chart = monthsChart(data, style, direction, font);
        break;
    case OverviewChart::Countries:
        chart = listChart(OverviewAggregate::Countries, data, style.color(EntityType::Country), direction, font);
        break;
    case OverviewChart::AttackTypes:
        chart = listChart(OverviewAggregate::AttackTypes, data, style.color(EntityType::Attack), direction, font);
        break;
    case OverviewChart::ActorTypes:
        chart = listChart(OverviewAggregate::ActorTypes, data, style.color(EntityType::ThreatActor), direction, font);
        break;
    case OverviewChart::Sectors:
        chart = listChart(OverviewAggregate::Sectors, data, style.color(EntityType::Organization), direction, font);
        break;
    case OverviewChart::Reviews:
        chart = reviewsChart(data, style, direction, font);
        break;
    }
    QFont titleFont = font;
    titleFont.setPointSize(11);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitle(title(which));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    return chart;
}

bool save(OverviewChart which, const OverviewData &data, const EntityStyle &style, Qt::LayoutDirection direction,
          const QString &base, QSize size, QString *error)
{
    QChartView view(create(which, data, style, direction));
    view.setRenderHint(QPainter::Antialiasing);
    view.setLayoutDirection(direction);
    // A chart lays itself out when its view is shown and resized; never on screen.
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(size);
    view.show();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();

    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    view.render(&painter);
    painter.end();
    const QString png = base + u".png"_s;
    bool ok = image.save(png, "PNG");

    const QString svg = base + u".svg"_s;
    if (ok) {
        QSvgGenerator generator;
        generator.setFileName(svg);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(title(which));
        QPainter svgPainter;
        ok = svgPainter.begin(&generator);
        if (ok) {
            view.render(&svgPainter);
            ok = svgPainter.end();
        }
    }
    if (!ok && error) {
        *error = tr("Cannot write %1").arg(image.isNull() ? png : svg);
    }
    return ok;
}

} // namespace Rasid::OverviewCharts
